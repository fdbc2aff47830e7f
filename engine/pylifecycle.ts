// Starting and ending a run (Python/pylifecycle.c): reset the static objects to the counts
// and immortality the profile says they have at program start, build builtins and the
// __main__ module, and at the end tear __main__ down the way CPython's finalization does so
// that __del__ output at exit appears in the same order.

import { PyObject, heap, statics, incref, decref, xdecref, endStatics, type GCNode } from './objects/object';
import { PyType } from './objects/type';
import { dictClear } from './objects/dict';
import { newList } from './objects/list';
import { smallInts, True, False, PyInt } from './objects/int';
import { emptyStr, PyStr, resetInterned, interned } from './objects/str';
import { emptyTuple } from './objects/tuple';
import { None, NotImplemented, Ellipsis } from './objects/singletons';
import { PyDict, newDict, dictItems, dictSet } from './objects/dict';
import { PyModule } from './objects/module';
import { PyCFunction, PyMethodDescr } from './objects/descr';
import { profile } from './profile';
import { rt, DEFAULT_LIMITS, type Limits } from './runtime';
import { resetGC, gcState, collectManual, allocated, setFreeLists, allocatePattern, uncounted, ageStartupObjects } from './gc';
import type { FreeListState } from './profile';
import type { ProgramShape } from './compile';
import { makeBuiltinsDict, BUILTIN_FUNCTION_OBJECTS } from './builtins';
import { dictSetStrKey } from './types/mappings';
import { newStr } from './objects/str';
import { resetReprGuard } from './types/reprguard';
import { resetUserHashKeys, resetClassCreation } from './typeobject';
import { setImportModule } from './ceval';
import { makeSysModule } from './modules/sys';
import { makeGcModule } from './modules/gc';
import { raise, ModuleNotFoundError } from './objects/exceptions';
import { wireRun } from './wiring';
import { makeCopyModule } from './modules/copy';
import { makeWeakrefModule } from './modules/weakref';
import { gcAllocated, runScheduledGC } from './gc';

// Everything the engine modules made while loading is static from here on.
let staticsDone = false;
let firstRunId = 0;

function finishStatics(): void {
  if (staticsDone) return;
  staticsDone = true;
  endStatics();
  firstRunId = heap.nextId;
}

/** Where the program-start refcount of a static object comes from. */
function baselineRefcount(o: PyObject): number {
  const p = profile();
  const base311 = p.staticSingletonBase;
  if (o === None) return p.version === '3.10' ? 4000 : 5000;
  if (o === True || o === False) return p.version === '3.10' ? 100 : 380;
  if (o instanceof PyInt && smallInts.includes(o)) return (base311 ?? 0) + 50;
  if (o === emptyTuple) return (base311 ?? 0) + 1500;
  if (o instanceof PyStr) return (base311 ?? 0) + 20;
  if (o instanceof PyCFunction) return p.builtinFunctionBase;
  if (o instanceof PyType) return 50;
  return 1000;
}

function isImmortal(o: PyObject): boolean {
  const p = profile();
  if (!p.immortalSingletons) return false;
  if (o instanceof PyCFunction) return false;
  return true;
}

export interface RunSetup {
  readonly mainGlobals: PyDict;
}

/** Fresh per-run state (the runtime, the heap, the collector, the static objects). */
export function initRun(limits: Limits): RunSetup {
  finishStatics();
  wireRun();
  heap.nextId = firstRunId;
  heap.live = 0;
  heap.maxObjects = limits.maxObjects;
  heap.trash = [];
  heap.deallocDepth = 0;
  resetInterned();
  resetReprGuard();
  resetUserHashKeys();
  resetClassCreation();
  for (const o of statics) {
    if (o instanceof PyType) {
      o.subclasses = null;
      o.lookupCache.clear();
    }
    o.ob_refcnt = baselineRefcount(o);
    o.immortal = isImmortal(o);
    o.gcNext = null;
    o.gcPrev = null;
    o.weakrefs = null;
  }
  resetGC(profile().startGC);
  rt.stdout = [];
  rt.stdoutBytes = 0;
  rt.stderr = [];
  rt.limits = limits;
  rt.steps = 0;
  rt.frame = null;
  rt.depth = 0;
  rt.recursionLimit = limits.maxDepth;
  rt.excInfo = null;
  rt.modules = new Map();
  rt.events = [];
  rt.stepOut = '';
  rt.stepIndex = 0;
  rt.finalizing = false;
  rt.textio = { pending: 'none', pendingBytes: 0, parserReady: false };

  const builtins = makeBuiltinsDict(null);
  rt.builtins = builtins;
  const g = newDict();
  const put = (k: string, v: PyObject): void => dictSetStrKey(g, k, v);
  const name = newStr('__main__');
  put('__name__', name);
  decref(name);
  put('__doc__', None);
  put('__package__', None);
  put('__loader__', None);
  put('__spec__', None);
  const ann = newDict();
  put('__annotations__', ann);
  decref(ann);
  const bm = new PyModule('builtins', incref(builtins));
  allocated(bm, true);
  put('__builtins__', bm);
  decref(bm);
  const file = newStr('main.py');
  put('__file__', file);
  decref(file);
  put('__cached__', None);
  rt.mainGlobals = g;
  ageStartupObjects(profile().startGC);
  setImportModule(importModule);
  return { mainGlobals: g };
}

/**
 * The collector when the module's first line runs: what CPython's start-up leaves (measured)
 * plus what compiling this file leaves (modelled from its shape, see compileLeaves). What the
 * engine itself allocated while setting up and compiling does not count. On 3.12+ a count
 * already over the threshold makes the module's RESUME run a collection before the first line.
 */
export function setStartState(shape: ProgramShape): void {
  const p = profile();
  const left = compileLeaves(shape);
  gcState.counts = [p.startGC.counts[0] + left.count, p.startGC.counts[1], p.startGC.counts[2]];
  setFreeLists(left.freeLists);
  const th = gcState.thresholds[0];
  if (!p.gcCollectsAtEvalBreaker && th > 0 && gcState.counts[0] > th) {
    // Collections already ran while compiling.
    gcState.counts[1] += Math.floor(gcState.counts[0] / (th + 1));
    gcState.counts[0] %= th + 1;
  }
  gcState.scheduled = p.gcCollectsAtEvalBreaker && gcState.counts[0] > gcState.thresholds[0];
}

/**
 * GC objects compiling the file leaves counted, and the free lists it leaves (see CompileModel):
 * the start-up state is measured for a file without bodies.
 */
function compileLeaves(shape: ProgramShape): { count: number; freeLists: FreeListState } {
  const base = profile().startGC.freeLists;
  const m = profile().compileModel;
  const S = shape.bodies;
  const cap = (n: number): number => Math.min(80, n);
  const tuple = [...base.tuple];
  tuple[2] = (tuple[2] ?? 0) + 4 * shape.constTuples;
  let count = m.perConstTuple * shape.constTuples;
  if (S === 0) return { count, freeLists: { ...base, tuple } };
  count += m.perProgram + m.perBody * S + m.perDepth * (shape.depth - 1);
  tuple[2] += m.pairsFirst + 2 * S;
  if (S >= 2) tuple[3] = (tuple[3] ?? 0) + 1;
  return {
    count,
    freeLists: {
      tuple,
      list: cap(Math.max(base.list, 5 + 2 * S)),
      dict: cap(Math.max(base.dict, m.dictBase + S + m.unitDicts * shape.depth)),
      frame: base.frame,
    },
  };
}

const MODULE_FACTORIES: Record<string, () => PyModule> = {
  sys: makeSysModule,
  gc: makeGcModule,
  weakref: makeWeakrefModule,
  copy: makeCopyModule,
};

/**
 * copy and weakref are Python modules in CPython: importing them allocates hundreds of GC
 * objects (functions, dicts, classes), which moves gc.get_count() and can trigger an automatic
 * collection. Measured net allocations per version (copy imports weakref first).
 */
const IMPORT_ALLOCATIONS: Record<string, Record<string, number>> = {
  copy: { '3.10': 109, '3.11': 84, '3.12': 86, '3.13': 93 },
};

/** IMPORT_NAME for the modules the engine provides. */
function importModule(name: string): PyObject {
  const have = rt.modules.get(name);
  if (have !== undefined) return incref(have);
  const make = MODULE_FACTORIES[name] ?? extraModules.get(name);
  if (make === undefined) raise(ModuleNotFoundError, `No module named '${name}'`);
  if (name === 'copy' && !rt.modules.has('weakref')) decref(importModule('weakref'));
  const cost = IMPORT_ALLOCATIONS[name]?.[profile().version] ?? 0;
  for (let i = 0; i < cost; i++) gcAllocated();
  if (name === 'weakref') {
    allocatePattern(profile().importWeakref);
    leaveImportGarbage(profile().weakrefImportGarbage);
  }
  // The imported module's own code runs (RESUME: an eval-breaker check on 3.12+).
  if (profile().gcCollectsAtEvalBreaker) runScheduledGC();
  // gc's import was measured as a whole (importlib, the module, its dict and functions).
  const m = name === 'gc' ? uncounted(make) : make();
  if (name === 'gc') allocatePattern(profile().importGc);
  rt.modules.set(name, m);
  return incref(m);
}

/** Cyclic garbage an import leaves for the next collection (self-referencing lists). */
function leaveImportGarbage(n: number): void {
  for (let i = 0; i < n; i++) {
    const l = newList([], 0);
    listAppendRaw(l);
    decref(l);
  }
}

function listAppendRaw(l: PyObject): void {
  const list = l as unknown as { items: PyObject[]; allocated: number };
  list.items.push(incref(l));
  list.allocated = 4;
}

const extraModules = new Map<string, () => PyModule>();
export function registerModule(name: string, make: () => PyModule): void {
  extraModules.set(name, make);
}

/**
 * Interpreter shutdown as a student sees it: the objects only __main__ kept alive are
 * finalized in breadth-first order from the module's globals (CPython's shutdown collection
 * finds them in that order), then released.
 */
export function finalizeRun(arena: PyObject[]): void {
  rt.finalizing = true;
  const g = rt.mainGlobals;
  // The parser arena goes when the module's code has run.
  for (const o of arena) decref(o);
  arena.length = 0;
  if (g === null) return;
  shutdownMain(g);
  for (const m of rt.modules.values()) decref(m);
  rt.modules.clear();
  xdecref(rt.builtins);
  rt.builtins = null;
  void interned;
  void gcState;
  void collectManual;
  void NotImplemented;
  void Ellipsis;
  void emptyStr;
  void BUILTIN_FUNCTION_OBJECTS;
  void PyMethodDescr;
  void dictItems;
  void dictSet;
}

/**
 * What a student sees of Py_FinalizeEx for __main__: the last collection frees pending cyclic
 * garbage first (whether or not gc is enabled), and like every collection reorders the
 * survivors by discovery (the __main__ dict sits in an older generation, see
 * ageStartupObjects in gc.ts). Then __main__ is let go: its dict and everything only it kept
 * alive form one batch of cyclic garbage (functions and classes point back to the dict
 * through their globals), which the collector finalizes in list order and then clears.
 */
function shutdownMain(g: PyDict): void {
  collectAtShutdown();
  rt.mainGlobals = null;
  decref(g);
  collectAtShutdown();
}

let collectAtShutdown: () => void = () => {};
let dictClearAll: (d: PyDict) => void = () => {};
export function setShutdownHooks(collect: () => void, clear: (d: PyDict) => void): void {
  collectAtShutdown = collect;
  dictClearAll = clear;
}

setShutdownHooks(() => {
  const was = gcState.enabled;
  gcState.enabled = true;
  collectManual(2);
  gcState.enabled = was;
}, dictClear);

export type { GCNode };
