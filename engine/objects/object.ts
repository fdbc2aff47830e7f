// PyObject: the header every engine object carries, and the reference-count primitives.
//
// Mirrors Include/object.h: `ob_refcnt`, `ob_type`, and for GC types the PyGC_Head
// (Include/internal/pycore_gc.h) with its `_gc_prev`/`_gc_next` links and `gc_refs`.
// Py_INCREF / Py_DECREF live here; when a count reaches zero the type's tp_dealloc
// (`dealloc()`) releases what the object holds, recursively, exactly as CPython does.
//
// The heap state (`heap`) is per run: runProgram resets it, so two runs never share
// counts, ids or events.

import type { TraceEvent, SharedReason } from '../trace';
import type { PyType } from './type';

/** A node of a GC generation list (CPython's PyGC_Head). Sentinels are plain nodes. */
export interface GCNode {
  gcPrev: GCNode | null;
  gcNext: GCNode | null;
}

/** Receives the references an object holds (tp_traverse's visitproc). */
export type Visit = (o: PyObject) => void;

/** What the collector and the run need from the rest of the engine, wired at run start. */
export interface HeapHooks {
  /** _PyObject_GC_Link: a GC object was allocated (counts gen0, may trigger a collection). */
  gcAllocated(o: PyObject): void;
  /** PyObject_GC_Del: a GC object's memory is freed. */
  gcFreed(o: PyObject): void;
  /** Called when the live-object cap is crossed. */
  objectLimit(): void;
}

export interface HeapState {
  nextId: number;
  live: number;
  maxObjects: number;
  /** Trace events of the current step; null when no trace sink is attached (no cost then). */
  events: TraceEvent[] | null;
  hooks: HeapHooks | null;
  /** Objects whose deallocation was deferred (CPython's trashcan), drained in order. */
  trash: PyObject[];
  deallocDepth: number;
  /** The three generation lists (gcstate->generations[i].head). */
  generations: GCNode[];
}

export const heap: HeapState = {
  nextId: 1,
  live: 0,
  maxObjects: 1_000_000,
  events: null,
  hooks: null,
  trash: [],
  deallocDepth: 0,
  generations: [],
};

/** Objects made when the engine module loads (types, builtins, caches): reset per run. */
export const statics: PyObject[] = [];
let loadingStatics = true;
/** Called once every engine module has loaded: later objects belong to a run. */
export function endStatics(): void {
  loadingStatics = false;
}

export abstract class PyObject {
  // Fields are declared and assigned in the constructor (not class-field initializers): V8
  // creates millions of these, and plain assignments keep one fast shape per class.
  declare id: number;
  declare ob_refcnt: number;
  declare ob_type: PyType;
  /** Py_INCREF/Py_DECREF do nothing (3.12+ immortal objects). Set per run from the profile. */
  declare immortal: boolean;
  /** Made at engine load, never deallocated; its count restarts at a profile baseline each run. */
  declare isStatic: boolean;
  /** PyGC_Head links: null while untracked. */
  declare gcPrev: GCNode | null;
  declare gcNext: GCNode | null;
  /** gc_refs during a collection (update_refs / subtract_refs). */
  declare gcRefs: number;
  /** Which generation list holds the object (0, 1, 2), or -1 while untracked. */
  declare gcGen: number;
  /** Set by the collector while the object sits in an `unreachable` list. */
  declare gcUnreachable: boolean;
  /** PREV_MASK_COLLECTING: the object belongs to the generation being collected. */
  declare gcCollecting: boolean;
  /** PEP 442: tp_finalize already ran (_PyGC_FINALIZED). */
  declare gcFinalized: boolean;
  /** Weak references to this object, newest first (tp_weaklistoffset's list). */
  declare weakrefs: PyObject[] | null;
  /** Storage inside another object (3.11+ managed instance values): not a heap object of its own. */
  declare embedded: boolean;

  constructor(type: PyType) {
    this.id = heap.nextId++;
    this.ob_refcnt = 1;
    this.ob_type = type;
    this.immortal = false;
    this.isStatic = false;
    this.gcPrev = null;
    this.gcNext = null;
    this.gcRefs = 0;
    this.gcGen = -1;
    this.gcUnreachable = false;
    this.gcCollecting = false;
    this.gcFinalized = false;
    this.weakrefs = null;
    this.embedded = false;
    if (embedding) {
      this.embedded = true;
      return;
    }
    if (loadingStatics) {
      this.isStatic = true;
      statics.push(this);
      return;
    }
    heap.live++;
    if (heap.live > heap.maxObjects) heap.hooks?.objectLimit();
    if (type.isHeapType) incref(type);
  }

  /** tp_traverse: every reference the collector must see. */
  traverse(_visit: Visit): void {}
  /** tp_clear: drop references to break a cycle (delete_garbage). */
  clear(): void {}
  /** tp_dealloc's type-specific part: release what the object holds. */
  release(): void {}
  /** A short repr for traces; never runs Python code. */
  abstract shortRepr(): string;
}

let embedding = false;
/** Make an object that lives inside another (never counted, tracked or shown on its own). */
export function makeEmbedded<T extends PyObject>(make: () => T): T {
  embedding = true;
  try {
    return make();
  } finally {
    embedding = false;
  }
}

/** An embedded object becomes a heap object of its own (a materialised instance __dict__). */
export function promoteEmbedded(o: PyObject): void {
  o.embedded = false;
  heap.live++;
}

/** Announce a new object to the trace (after its fields are set, so the repr is right). */
export function traceAlloc(o: PyObject): void {
  if (heap.events !== null && !o.isStatic && !o.embedded) {
    heap.events.push({ kind: 'alloc', id: o.id, type: o.ob_type.name, repr: o.shortRepr() });
  }
}

export function traceShared(o: PyObject, reason: SharedReason): void {
  if (heap.events !== null) heap.events.push({ kind: 'shared', id: o.id, reason });
}

/** Py_INCREF */
export function incref<T extends PyObject>(o: T): T {
  if (!o.immortal) {
    o.ob_refcnt++;
    if (heap.events !== null) heap.events.push({ kind: 'incref', id: o.id, refcount: o.ob_refcnt });
  }
  return o;
}

/** Py_DECREF */
export function decref(o: PyObject): void {
  if (o.immortal) return;
  const n = --o.ob_refcnt;
  if (heap.events !== null) heap.events.push({ kind: 'decref', id: o.id, refcount: n });
  if (n === 0) dealloc(o);
}

/** Py_XDECREF */
export function xdecref(o: PyObject | null): void {
  if (o !== null) decref(o);
}

/** Py_XINCREF */
export function xincref<T extends PyObject>(o: T | null): T | null {
  if (o !== null) incref(o);
  return o;
}

/** Py_SETREF-style replacement of an owned slot: incref new first, decref old after. */
export function replaceRef(old: PyObject | null, nu: PyObject): PyObject {
  incref(nu);
  if (old !== null) decref(old);
  return nu;
}

// CPython's trashcan (Py_TRASHCAN_BEGIN, PyTrash_UNWIND_LEVEL = 50) bounds the C stack when
// a long chain of containers dies; past that depth deallocation is deferred and run when
// the outermost dealloc unwinds. The order of deaths (and so of __del__ output) follows it.
const TRASHCAN_DEPTH = 50;

function dealloc(o: PyObject): void {
  if (o.isStatic) {
    // A static object never dies (CPython's static types and singletons); keep it at 1.
    o.ob_refcnt = 1;
    return;
  }
  const t = o.ob_type;
  // tp_finalize (PEP 442) runs first and may resurrect the object.
  if (t.finalizeOnDealloc !== null && !o.gcFinalized) {
    if (!t.finalizeOnDealloc(o)) return; // resurrected
  }
  if (heap.deallocDepth >= TRASHCAN_DEPTH && o.gcNext !== null) {
    heap.trash.push(o);
    return;
  }
  heap.deallocDepth++;
  try {
    destroy(o);
  } finally {
    heap.deallocDepth--;
  }
  if (heap.deallocDepth === 0) {
    while (heap.trash.length > 0) {
      const next = heap.trash.pop()!; // LIFO, like _PyTrash_thread_destroy_chain
      heap.deallocDepth++;
      try {
        destroy(next);
      } finally {
        heap.deallocDepth--;
      }
    }
  }
}

function destroy(o: PyObject): void {
  const t = o.ob_type;
  const wasGC = t.isGC;
  if (o.gcNext !== null) gcUnlink(o);
  if (o.weakrefs !== null) t.clearWeakrefs(o);
  if (heap.events !== null) heap.events.push({ kind: 'dealloc', id: o.id });
  heap.live--;
  o.release();
  if (wasGC) heap.hooks?.gcFreed(o);
  if (t.isHeapType) decref(t);
}

/** Remove from whatever GC list holds it (gc_list_remove). */
export function gcUnlink(o: PyObject): void {
  const prev = o.gcPrev!;
  const next = o.gcNext!;
  prev.gcNext = next;
  next.gcPrev = prev;
  o.gcPrev = null;
  o.gcNext = null;
  o.gcGen = -1;
}

/** _PyObject_GC_TRACK: append to the youngest generation. */
export function gcTrack(o: PyObject): void {
  if (o.gcNext !== null || o.isStatic || o.embedded) return;
  gcListAppend(o, heap.generations[0]!);
  o.gcGen = 0;
}

/** _PyObject_GC_UNTRACK */
export function gcUntrack(o: PyObject): void {
  if (o.gcNext !== null) gcUnlink(o);
}

export function isTracked(o: PyObject): boolean {
  return o.gcNext !== null;
}

/** _PyObject_GC_MAY_BE_TRACKED: a GC object, and not an untracked tuple. */
export function mayBeTracked(o: PyObject): boolean {
  if (!o.ob_type.isGC) return false;
  if (o.ob_type.name === 'tuple' && !o.ob_type.isHeapType) return o.gcNext !== null;
  return true;
}

/** A fresh circular list head (gc_list_init). */
export function gcListInit(): GCNode {
  const head: GCNode = { gcPrev: null, gcNext: null };
  head.gcPrev = head;
  head.gcNext = head;
  return head;
}

/** gc_list_append */
export function gcListAppend(node: GCNode, list: GCNode): void {
  const last = list.gcPrev!;
  last.gcNext = node;
  node.gcPrev = last;
  node.gcNext = list;
  list.gcPrev = node;
}

export function gcListIsEmpty(list: GCNode): boolean {
  return list.gcNext === list;
}
