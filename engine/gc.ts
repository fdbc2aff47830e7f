// The cyclic garbage collector, after Modules/gcmodule.c (3.10-3.12) and Python/gc.c (3.13.0,
// which shipped the classic three-generation collector: the incremental one was reverted
// before release, python/cpython#124770).
//
// Same data, same order, same names: three generation lists of tracked objects with counts
// and thresholds; a collection copies refcounts into gc_refs (update_refs), subtracts the
// references objects inside the generation hold on each other (subtract_refs), moves what is
// not reachable from outside into `unreachable` (move_unreachable), clears weakrefs and runs
// their callbacks (handle_weakrefs), runs each finalizer once (finalize_garbage, PEP 442),
// re-checks for resurrection (handle_resurrected_objects, traced as check_garbage) and breaks
// the cycles with tp_clear (delete_garbage). The order of objects in the lists decides the
// order of __del__ calls, so the list operations mirror CPython's exactly.

import {
  PyObject, heap, gcListInit, gcListAppend, gcListIsEmpty, gcUnlink, incref, decref, mayBeTracked, traceAlloc, gcTrack,
  type GCNode,
} from './objects/object';
import { PyTuple } from './objects/tuple';
import { PyDict } from './objects/dict';
import { PyCFunction, PyMethodDescr } from './objects/descr';
import { profile, type StartGC, type FreeListState, type AllocPattern } from './profile';
import { rt } from './runtime';
import type { GCPhase, TraceEvent } from './trace';

const NUM_GENERATIONS = 3;

export interface GCState {
  enabled: boolean;
  collecting: boolean;
  thresholds: [number, number, number];
  counts: [number, number, number];
  /** Full-collection heuristic (issue #4074): long_lived_pending / long_lived_total. */
  longLivedPending: number;
  longLivedTotal: number;
  /**
   * Tracked objects of CPython's start-up in each generation: the engine does not make them,
   * but they move between generations like the program's own and weigh in the long-lived
   * heuristic (they are all reachable).
   */
  startupObjects: [number, number, number];
  /** gc.get_stats(): collections and collected objects per generation (start-up's included). */
  stats: [number, number][];
  /** 3.12+: a collection was requested by an allocation and runs at the next eval-breaker check. */
  scheduled: boolean;
  /** Observers (the ceval loop flushes trace steps around automatic collections). */
  onCollect: ((generation: number, automatic: boolean) => void) | null;
}

export const gcState: GCState = {
  enabled: true,
  collecting: false,
  thresholds: [700, 10, 10],
  counts: [0, 0, 0],
  longLivedPending: 0,
  longLivedTotal: 0,
  startupObjects: [0, 0, 0],
  stats: [],
  scheduled: false,
  onCollect: null,
};

/** Fresh state for a run: the collector as CPython's start-up leaves it. */
export function resetGC(start: StartGC): void {
  heap.generations = [gcListInit(), gcListInit(), gcListInit()];
  gcState.enabled = true;
  gcState.collecting = false;
  gcState.thresholds = [...profile().gcThresholds] as [number, number, number];
  gcState.counts = [...start.counts] as [number, number, number];
  gcState.longLivedPending = start.longLivedPending;
  gcState.longLivedTotal = start.longLivedTotal;
  gcState.startupObjects = [...start.generations] as [number, number, number];
  gcState.stats = start.stats.map(([n, m]) => [n, m]);
  gcState.scheduled = false;
  gcState.onCollect = null;
  setFreeLists(start.freeLists);
}

// ---------------------------------------------------------------- allocation hooks

/**
 * _PyObject_GC_Alloc (3.10) / _PyObject_GC_Link (3.11+): one more GC object in gen0.
 * 3.10/3.11 collect right here when the count crosses threshold 0; 3.12+ only schedule.
 */
export function gcAllocated(): void {
  gcState.counts[0]++;
  if (
    gcState.counts[0] > gcState.thresholds[0] &&
    gcState.enabled &&
    gcState.thresholds[0] !== 0 &&
    !gcState.collecting
  ) {
    if (profile().gcCollectsAtEvalBreaker) {
      gcState.scheduled = true;
    } else {
      collectGenerations();
    }
  }
}

/** PyObject_GC_Del: the count goes down, never below zero. */
export function gcFreed(): void {
  if (gcState.counts[0] > 0) gcState.counts[0]--;
}

/**
 * The free lists of tuple (sizes 1..19), list, dict and, on 3.10, frame objects: an object
 * taken from one was never counted as an allocation, and one put back is not counted as freed.
 * A full collection empties them (clear_freelists). A run starts with what CPython's start-up
 * and compiling left in them (profile().startFreeLists).
 */
export type FreeSlot = 'list' | 'dict' | 'frame' | number;
export const freeLists = { list: 0, dict: 0, frame: 0, tuple: new Array<number>(20).fill(0) };
/** PyList_MAXFREELIST, PyDict_MAXFREELIST, PyFrame_MAXFREELIST (3.10), PyTuple_MAXFREELIST. */
const FREE_MAX = { list: 80, dict: 80, frame: 200, tuple: 2000 };

function freeListSlot(o: PyObject): FreeSlot | null {
  const t = o.ob_type;
  if (t.isHeapType) return null;
  if (o instanceof PyTuple) return o.items.length > 0 && o.items.length < 20 ? o.items.length : null;
  if (t.name === 'list') return 'list';
  if (o instanceof PyDict) return 'dict';
  return null;
}

/** A GC object of this kind is made: from its free list if it has one there, else counted. */
export function gcAllocatedFrom(slot: FreeSlot | null): void {
  if (slot === null) gcAllocated();
  else if (typeof slot === 'number') {
    if (freeLists.tuple[slot]! > 0) freeLists.tuple[slot]!--;
    else gcAllocated();
  } else if (freeLists[slot] > 0) freeLists[slot]--;
  else gcAllocated();
}

/** A GC object of this kind dies: back to its free list if there is room, else to the allocator. */
export function gcFreedTo(slot: FreeSlot | null): void {
  if (slot === null) gcFreed();
  else if (typeof slot === 'number') {
    if (freeLists.tuple[slot]! < FREE_MAX.tuple) freeLists.tuple[slot]!++;
    else gcFreed();
  } else if (freeLists[slot] < FREE_MAX[slot]) freeLists[slot]++;
  else gcFreed();
}

/** The allocation of any object: trace it, count GC objects, track if CPython tracks at birth. */
export function allocated(o: PyObject, track: boolean): void {
  traceAlloc(o);
  if (o.ob_type.isGC && !o.isStatic && !o.embedded) {
    gcAllocatedFrom(freeListSlot(o));
    if (track) gcTrack(o);
  }
}

/** A GC object died: back to its free list, or to the allocator (count - 1). */
export function gcObjectFreed(o: PyObject): void {
  gcFreedTo(freeListSlot(o));
}

/** Replay an allocation pattern measured in CPython (entries taken first, then the counted objects, then what is given back). */
export function allocatePattern(p: AllocPattern): void {
  const each = (n: number | undefined, f: () => void): void => {
    for (let i = 0; i < Math.abs(n ?? 0); i++) f();
  };
  const tuples = Object.entries(p.tuple ?? {}).map(([size, n]) => [Number(size), n] as const);
  for (const [size, n] of tuples) if (n < 0) each(n, () => gcAllocatedFrom(size));
  if ((p.list ?? 0) < 0) each(p.list, () => gcAllocatedFrom('list'));
  if ((p.dict ?? 0) < 0) each(p.dict, () => gcAllocatedFrom('dict'));
  if ((p.frame ?? 0) < 0) each(p.frame, () => gcAllocatedFrom('frame'));
  each(p.count, gcAllocated);
  for (const [size, n] of tuples) if (n > 0) each(n, () => gcFreedTo(size));
  if ((p.list ?? 0) > 0) each(p.list, () => gcFreedTo('list'));
  if ((p.dict ?? 0) > 0) each(p.dict, () => gcFreedTo('dict'));
  if ((p.frame ?? 0) > 0) each(p.frame, () => gcFreedTo('frame'));
  if (p.freeListsAfter !== undefined) setFreeLists(p.freeListsAfter);
}

/** Run `make` without its allocations counting (what it makes is accounted for elsewhere). */
export function uncounted<T>(make: () => T): T {
  const counts = [...gcState.counts] as [number, number, number];
  const saved = { tuple: [...freeLists.tuple], list: freeLists.list, dict: freeLists.dict, frame: freeLists.frame };
  const r = make();
  gcState.counts = counts;
  setFreeLists(saved);
  return r;
}

function clearFreeLists(): void {
  freeLists.list = 0;
  freeLists.dict = 0;
  freeLists.frame = 0;
  freeLists.tuple.fill(0);
}

export function setFreeLists(fl: FreeListState): void {
  clearFreeLists();
  fl.tuple.forEach((n, size) => (freeLists.tuple[size] = n));
  freeLists.list = fl.list;
  freeLists.dict = fl.dict;
  freeLists.frame = fl.frame;
}

/**
 * What the run made before the program's file was compiled (the __main__ module's dict, the
 * builtins module...) stands for objects of CPython's start-up: they have already survived
 * collections, so they sit in the oldest generation start-up has filled (2 on 3.11, else 1).
 * A full collection scans generation 2, then 0, then 1 (gc_list_merge), so on 3.10, 3.12 and
 * 3.13 the program's first objects are reached before the dict and reordered by discovery
 * from it: what decides the order of __del__ calls at exit.
 */
export function ageStartupObjects(start: StartGC): void {
  const gen = start.generations[2] > 0 ? 2 : 1;
  listMerge(heap.generations[0]!, heap.generations[gen]!, gen);
}

/** _Py_RunGC, called by the eval loop at its eval-breaker check points (3.12+). */
export function runScheduledGC(): void {
  if (!gcState.scheduled) return;
  gcState.scheduled = false;
  if (gcState.collecting || !gcState.enabled) return;
  collectGenerations();
}

/** gc_collect_generations: collect the oldest generation whose count exceeds its threshold. */
function collectGenerations(): number {
  let n = 0;
  gcState.collecting = true;
  try {
    for (let i = NUM_GENERATIONS - 1; i >= 0; i--) {
      if (gcState.counts[i]! > gcState.thresholds[i]!) {
        if (i === NUM_GENERATIONS - 1 && gcState.longLivedPending < gcState.longLivedTotal / 4) continue;
        n = collectMain(i, true);
        break;
      }
    }
  } finally {
    gcState.collecting = false;
  }
  return n;
}

/** gc.collect(generation) */
export function collectManual(generation: number): number {
  if (gcState.collecting) return 0;
  gcState.collecting = true;
  try {
    return collectMain(generation, false);
  } finally {
    gcState.collecting = false;
  }
}

// ---------------------------------------------------------------- list helpers

function listSize(list: GCNode): number {
  let n = 0;
  for (let g = list.gcNext!; g !== list; g = g.gcNext!) n++;
  return n;
}

/** gc_list_merge: append all of `from` to `to`. */
function listMerge(from: GCNode, to: GCNode, gen: number): void {
  if (gcListIsEmpty(from)) return;
  for (let g = from.gcNext!; g !== from; g = g.gcNext!) (g as PyObject).gcGen = gen;
  const tail = to.gcPrev!;
  tail.gcNext = from.gcNext;
  from.gcNext!.gcPrev = tail;
  to.gcPrev = from.gcPrev;
  from.gcPrev!.gcNext = to;
  from.gcNext = from;
  from.gcPrev = from;
}

/** gc_list_move */
function listMove(o: PyObject, to: GCNode, gen: number): void {
  const prev = o.gcPrev!;
  const next = o.gcNext!;
  prev.gcNext = next;
  next.gcPrev = prev;
  gcListAppend(o, to);
  o.gcGen = gen;
}

/** The objects of a list, in order (a snapshot: the list may change while they are handled). */
function members(list: GCNode): PyObject[] {
  const out: PyObject[] = [];
  for (let g = list.gcNext!; g !== list; g = g.gcNext!) out.push(g as PyObject);
  return out;
}

// ---------------------------------------------------------------- the collection

/** Objects whose gc_refs the current collection examines (for the trace). */
let examined: PyObject[] = [];

function tracePhase(phase: GCPhase, unreachable: GCNode | null): void {
  const ev = heap.events;
  if (ev === null) return;
  const gcRefs: Record<number, number> = {};
  for (const o of examined) gcRefs[o.id] = o.gcRefs;
  const un: number[] = [];
  if (unreachable !== null) for (const o of members(unreachable)) un.push(o.id);
  ev.push({ kind: 'gc_phase', phase, gcRefs, unreachable: un });
}

function pushEvent(e: TraceEvent): void {
  if (heap.events !== null) heap.events.push(e);
}

/** update_refs: gc_refs = ob_refcnt for every object of the generation being collected. */
function updateRefs(young: GCNode): void {
  for (let g = young.gcNext!; g !== young; g = g.gcNext!) {
    const o = g as PyObject;
    o.gcRefs = o.ob_refcnt;
    o.gcCollecting = true;
  }
}

const visitDecref = (op: PyObject): void => {
  if (op.gcCollecting) op.gcRefs--;
};

/** subtract_refs: remove the references held by objects inside the collected set. */
function subtractRefs(young: GCNode): void {
  for (let g = young.gcNext!; g !== young; g = g.gcNext!) (g as PyObject).traverse(visitDecref);
}

let reachableHead: GCNode = gcListInit();
/** visit_reachable */
const visitReachable = (op: PyObject): void => {
  if (!op.gcCollecting) return;
  if (op.gcUnreachable) {
    // It had gc_refs 0 when scanned, but is reachable after all: back to young's end.
    op.gcUnreachable = false;
    const prev = op.gcPrev!;
    const next = op.gcNext!;
    prev.gcNext = next;
    next.gcPrev = prev;
    gcListAppend(op, reachableHead);
    op.gcRefs = 1;
  } else if (op.gcRefs === 0) {
    op.gcRefs = 1;
  }
};

/**
 * move_unreachable: scan `young`; an object with gc_refs > 0 is reachable and makes what it
 * references reachable (visit_reachable may move objects back from `unreachable` to the end
 * of `young`); an object still at 0 when reached goes to `unreachable` for now.
 */
function moveUnreachable(young: GCNode, unreachable: GCNode): void {
  reachableHead = young;
  let gc = young.gcNext!;
  while (gc !== young) {
    const o = gc as PyObject;
    if (o.gcRefs > 0) {
      o.traverse(visitReachable);
      // gc_clear_collecting: objects to the left are done.
      o.gcCollecting = false;
      gc = o.gcNext!;
    } else {
      const next = o.gcNext!;
      const prev = o.gcPrev!;
      prev.gcNext = next;
      next.gcPrev = prev;
      gcListAppend(o, unreachable);
      o.gcUnreachable = true;
      gc = next;
    }
  }
}

/** Objects left in the unreachable list keep the collecting mark (they are garbage). */
function clearCollecting(list: GCNode): void {
  for (let g = list.gcNext!; g !== list; g = g.gcNext!) (g as PyObject).gcCollecting = false;
}

/** deduce_unreachable */
function deduceUnreachable(young: GCNode, unreachable: GCNode): void {
  updateRefs(young);
  tracePhase('update_refs', null);
  subtractRefs(young);
  tracePhase('subtract_refs', null);
  moveUnreachable(young, unreachable);
  tracePhase('move_unreachable', unreachable);
}

/** untrack_tuples: a tuple that can never be part of a cycle leaves the collector. */
function untrackTuples(head: GCNode): void {
  for (const o of members(head)) {
    if (o instanceof PyTuple && !o.ob_type.isHeapType && o.items.every((x) => !mayBeTracked(x))) gcUnlink(o);
  }
}

/** untrack_dicts (full collections only): the same for dicts. */
function untrackDicts(head: GCNode): void {
  for (const o of members(head)) {
    if (o instanceof PyDict && !o.ob_type.isHeapType) {
      let any = false;
      for (let i = 0; i < o.ekeys.length && !any; i++) {
        const k = o.ekeys[i];
        if (k === null || k === undefined) continue;
        if (mayBeTracked(k) || mayBeTracked(o.evals[i]!)) any = true;
      }
      if (!any) gcUnlink(o);
    }
  }
}

/** The weakref hooks (weakref.ts registers them). */
export interface WeakrefHooks {
  isWeakref(o: PyObject): boolean;
  /** _PyWeakref_ClearRef: the weakref points at None from now on (callback kept). */
  clearRef(wr: PyObject): void;
  /** The weakrefs to `o`, in list order. */
  refsTo(o: PyObject): PyObject[];
  hasCallback(wr: PyObject): boolean;
  /** Call the callback with the weakref and drop it. */
  callCallback(wr: PyObject): void;
}
let weakrefHooks: WeakrefHooks | null = null;
export function setWeakrefHooks(h: WeakrefHooks): void {
  weakrefHooks = h;
}

/** handle_weakrefs: clear weakrefs to unreachable objects, then run the callbacks that must run. */
function handleWeakrefs(unreachable: GCNode, old: GCNode, oldGen: number): number {
  const w = weakrefHooks;
  if (w === null) return 0;
  const wrcbToCall = gcListInit();
  for (const op of members(unreachable)) {
    if (w.isWeakref(op)) w.clearRef(op);
    if (op.weakrefs === null) continue;
    for (const wr of w.refsTo(op)) {
      w.clearRef(wr);
      if (!w.hasCallback(wr)) continue;
      // A weakref that is itself trash gets no callback.
      if (wr.gcUnreachable) continue;
      incref(wr);
      if (wr.gcNext !== null) {
        listMove(wr, wrcbToCall, -1);
      } else {
        gcListAppend(wr, wrcbToCall);
      }
    }
  }
  let numFreed = 0;
  while (!gcListIsEmpty(wrcbToCall)) {
    const wr = wrcbToCall.gcNext as PyObject;
    if (heap.events !== null) {
      const referent = (wr as unknown as { referentId: number }).referentId ?? 0;
      pushEvent({ kind: 'weakref_callback', weakref: wr.id, referent });
    }
    w.callCallback(wr);
    const stillFirst = wrcbToCall.gcNext === wr;
    decref(wr);
    if (wrcbToCall.gcNext === wr && stillFirst) {
      listMove(wr, old, oldGen);
    } else {
      numFreed++;
    }
  }
  return numFreed;
}

/**
 * finalize_garbage: tp_finalize (__del__) once per object, in list order (PEP 442). Returns
 * whether any finalizer ran (if none did, nothing can have been resurrected).
 */
function finalizeGarbage(collectable: GCNode): boolean {
  let any = false;
  for (let g = collectable.gcNext!; g !== collectable; g = g.gcNext!) {
    const op = g as PyObject;
    if (!op.gcFinalized && op.ob_type.tp_finalize !== null) {
      any = true;
      break;
    }
  }
  if (!any) return false;
  const seen = gcListInit();
  while (!gcListIsEmpty(collectable)) {
    const op = collectable.gcNext as PyObject;
    listMove(op, seen, -1);
    const fin = op.ob_type.tp_finalize;
    if (!op.gcFinalized && fin !== null) {
      op.gcFinalized = true;
      incref(op);
      pushEvent({ kind: 'finalize', id: op.id });
      fin(op);
      decref(op);
    }
  }
  listMerge(seen, collectable, -1);
  return true;
}

/** handle_resurrected_objects: what a finalizer made reachable again goes to the old generation. */
function handleResurrected(unreachable: GCNode, stillUnreachable: GCNode, old: GCNode, oldGen: number): void {
  for (const o of members(unreachable)) o.gcUnreachable = false;
  examined = heap.events !== null ? members(unreachable) : [];
  updateRefs(unreachable);
  subtractRefs(unreachable);
  moveUnreachable(unreachable, stillUnreachable);
  tracePhase('check_garbage', stillUnreachable);
  clearCollecting(unreachable);
  listMerge(unreachable, old, oldGen);
}

/** delete_garbage: tp_clear each object; what survives moves to the old generation. */
function deleteGarbage(collectable: GCNode, old: GCNode, oldGen: number): void {
  while (!gcListIsEmpty(collectable)) {
    const op = collectable.gcNext as PyObject;
    op.gcCollecting = false;
    incref(op);
    op.clear();
    decref(op);
    if (collectable.gcNext === op) {
      op.gcUnreachable = false;
      listMove(op, old, oldGen);
    }
  }
}

/** gc_collect_main: one collection of `generation` (and the younger ones). */
function collectMain(generation: number, automatic: boolean): number {
  const gens = heap.generations;
  gcState.onCollect?.(generation, automatic);
  pushEvent({ kind: 'gc_start', generation, automatic });
  if (generation + 1 < NUM_GENERATIONS) gcState.counts[generation + 1]++;
  for (let i = 0; i <= generation; i++) gcState.counts[i] = 0;
  for (let i = 0; i < generation; i++) listMerge(gens[i]!, gens[generation]!, generation);
  const young = gens[generation]!;
  const oldGen = generation < NUM_GENERATIONS - 1 ? generation + 1 : generation;
  const old = gens[oldGen]!;
  const startup = gcState.startupObjects;
  let youngStartup = 0;
  for (let i = 0; i <= generation; i++) {
    youngStartup += startup[i]!;
    startup[i] = 0;
  }
  startup[oldGen] += youngStartup;

  const unreachable = gcListInit();
  examined = heap.events !== null ? members(young) : [];
  deduceUnreachable(young, unreachable);
  clearCollecting(unreachable);

  untrackTuples(young);
  if (young !== old) {
    if (generation === NUM_GENERATIONS - 2) gcState.longLivedPending += listSize(young) + youngStartup;
    listMerge(young, old, oldGen);
  } else {
    untrackDicts(young);
    gcState.longLivedPending = 0;
    gcState.longLivedTotal = listSize(young) + youngStartup;
  }

  // move_legacy_finalizers: no type of the subset has a legacy tp_del; the list stays empty.
  tracePhase('move_legacy_finalizers', unreachable);

  let m = handleWeakrefs(unreachable, old, oldGen);
  tracePhase('handle_weakrefs', unreachable);

  const finalized = finalizeGarbage(unreachable);
  tracePhase('finalize_garbage', unreachable);

  let finalUnreachable = unreachable;
  if (finalized || m > 0) {
    finalUnreachable = gcListInit();
    handleResurrected(unreachable, finalUnreachable, old, oldGen);
  } else {
    // No finalizer or callback ran: nothing can have come back to life.
    tracePhase('check_garbage', unreachable);
  }

  m += listSize(finalUnreachable);
  deleteGarbage(finalUnreachable, old, oldGen);
  tracePhase('delete_garbage', null);
  if (generation === NUM_GENERATIONS - 1) clearFreeLists();
  examined = [];
  const stats = gcState.stats[generation]!;
  stats[0]++;
  stats[1] += m;
  pushEvent({ kind: 'gc_end', generation, collected: m, uncollectable: 0 });
  return m;
}

/**
 * gc.is_tracked. The engine's built-in functions and method descriptors are static, but
 * CPython makes them at start-up as ordinary tracked objects (static type objects are not).
 */
export function isTrackedObj(o: PyObject): boolean {
  if (o.isStatic) return o instanceof PyCFunction || o instanceof PyMethodDescr;
  return o.gcNext !== null;
}

/** For snapshots: every tracked object in generation order. */
export function generationOf(o: PyObject): number | null {
  return o.gcNext === null ? null : o.gcGen < 0 ? 0 : o.gcGen;
}

export { rt };
