// The evaluation loop (Python/ceval.c, Python/bytecodes.c).
//
// Python-to-Python calls do not recurse in TypeScript: CALL pushes a frame and the loop
// continues in it; RETURN_VALUE pops back (as 3.11+'s inlined calls do). Only native code
// that calls back into Python (a class's __init__ from type_call, a sort key, __del__, a
// generator being resumed) re-enters `evalFrame`.
//
// Reference counts follow CPython's stack discipline: every stack slot owns a reference,
// a call's callable and arguments stay on the caller's stack while the callee runs (3.10),
// or move into the callee's frame (3.11+, profile.callMovesArgs); `for` keeps its iterator
// on the stack; LOAD_METHOD pushes the function and self without making a bound method.

import { PyObject, incref, decref, xdecref, heap } from './objects/object';
import { PyType, CmpOp, typeLookup } from './objects/type';
import { PyCode, PyFunction, PyCell, PyMethod, CO_VARARGS, CO_VARKEYWORDS } from './objects/function';
import { PyDict, dictGetStr, dictSet, dictSetWithKey, dictLookup, dictDelAt, newDict, newDictPresized, strCanonical } from './objects/dict';
import { PyStr, newStr, internInPlace } from './objects/str';
import { PyTuple, newTuple, emptyTuple } from './objects/tuple';
import { PyList, newList, listPreallocateExact } from './objects/list';
import { PySet, newSet, setAdd } from './objects/set';
import { PyInt, True, False, pyBool, newInt, intAdd, intSub, intCompare } from './objects/int';
import { newSlice } from './objects/slice';
import { None } from './objects/singletons';
import { PyCFunction, PyMethodDescr } from './objects/descr';
import { PyModule } from './objects/module';
import {
  PyErr, PyBaseException, raise, TypeError, NameError, UnboundLocalError, ValueError, RecursionError, StopIteration,
  AssertionError, RuntimeError, ImportError, BaseException, raiseNameError,
} from './objects/exceptions';
import { Op } from './opcodes';
import { jumpTarget } from './compile';
// Case labels are the opcodes' numbers, each checked against its name by the type checker
// (`case 12 satisfies Op.LOAD_FAST`): V8 compiles a switch over number literals to a jump
// table, where names read from module bindings cost a load and a comparison per case, in
// every bundler's output (only esbuild inlines enum members across files).

import { Frame, PyTraceback, frameObjectOf } from './frame';
import {
  binaryOp, unaryOp, richCompare, truth, getIter, iterNext, getItem, setItem, delItem, getAttr, lookupAttr, setAttr,
  contains, typeName, iterToArray, reprString, str, repr, setCallObject, genericGetAttr, attributeError,
} from './abstract';
import { formatObject } from './types/format';
import { joinArray } from './types/strings';
import { listAppend, listExtend } from './types/sequences';
import { setUpdate, dictUpdate, dictSetStrKey } from './types/mappings';
import { profile } from './profile';
import { rt, LimitExceeded, formatCount } from './runtime';
import { runScheduledGC, allocated } from './gc';
import { newException, checkRaisable } from './pyerrors';
import { calculateSuggestion } from './suggestions';

// ---------------------------------------------------------------- hooks set by other modules

/** The trace recorder (snapshot.ts) is told about every line event. */
export interface LineHook {
  (frame: Frame, line: number): void;
}
let lineHook: LineHook | null = null;
export function setLineHook(h: LineHook | null): void {
  lineHook = h;
}

/** typeobject.ts: calling a type object (instantiation) and building a class. */
export interface TypeCallHooks {
  callType(t: PyType, args: readonly PyObject[], kwnames: readonly string[] | null): PyObject;
  buildClass(func: PyFunction, name: PyObject, bases: readonly PyObject[]): PyObject;
}
let typeHooks: TypeCallHooks | null = null;
export function setTypeCallHooks(h: TypeCallHooks): void {
  typeHooks = h;
}

/** generator.ts: making a generator object for a generator function's new frame. */
let makeGenerator: (frame: Frame) => PyObject = () => {
  throw new Error('generators not wired');
};
export function setMakeGenerator(f: (frame: Frame) => PyObject): void {
  makeGenerator = f;
}

/** modules: IMPORT_NAME */
let importModule: (name: string) => PyObject = () => {
  throw new Error('imports not wired');
};
export function setImportModule(f: (name: string) => PyObject): void {
  importModule = f;
}

// ---------------------------------------------------------------- frames

let frameAlloc: (o: PyObject) => void = (o) => allocated(o, true);

/**
 * A new frame for `func` with empty fast locals. The frame does not hold `func` yet: the caller
 * sets `frame.func` once the arguments are bound (a failed binding must not release `func`).
 */
function newFunctionFrame(func: PyFunction): Frame {
  const code = func.code;
  const globals = func.globals as PyDict;
  return new Frame(code, null, globals, rt.builtins!, null);
}

function tooMany(func: PyFunction, given: number): never {
  const code = func.code;
  const ndefaults = func.defaults !== null ? (func.defaults as PyTuple).items.length : 0;
  const max = code.argcount;
  const min = max - ndefaults;
  const takes = min === max ? `${max} positional argument${max === 1 ? '' : 's'}` : `from ${min} to ${max} positional arguments`;
  raise(TypeError, `${code.qualname}() takes ${takes} but ${given} ${given === 1 ? 'was' : 'were'} given`);
}

function missing(func: PyFunction, names: string[], kind: string): never {
  const q = names.map((n) => `'${n}'`);
  const list = q.length === 1 ? q[0] : q.length === 2 ? `${q[0]} and ${q[1]}` : `${q.slice(0, -1).join(', ')}, and ${q[q.length - 1]}`;
  raise(TypeError, `${func.code.qualname}() missing ${names.length} required ${kind} argument${names.length === 1 ? '' : 's'}: ${list}`);
}

/**
 * Bind arguments into a new frame's fast locals (initialize_locals): a `**kwargs` dict first,
 * the positional arguments, the extra ones as the `*args` tuple, then the keywords, the
 * too-many check, and the defaults. `owned` says whether the argument references are handed
 * over (moved) or must be incremented (borrowed).
 */
function bindArgs(frame: Frame, func: PyFunction, args: readonly PyObject[], kwnames: readonly string[] | null, owned: boolean): void {
  const code = func.code;
  const nkw = kwnames === null ? 0 : kwnames.length;
  const npos = args.length - nkw;
  const argcount = code.argcount;
  const fast = frame.fast;
  const varargs = (code.flags & CO_VARARGS) !== 0;
  let kwdict: PyDict | null = null;
  if ((code.flags & CO_VARKEYWORDS) !== 0) {
    kwdict = newDict();
    fast[argcount + (varargs ? 1 : 0)] = kwdict;
  }
  // On an error, the owned arguments not yet stored are released.
  let consumed = 0;
  const n = Math.min(npos, argcount);
  for (let i = 0; i < n; i++) fast[i] = owned ? args[i]! : incref(args[i]!);
  consumed = n;
  if (varargs) {
    const extra = args.slice(n, npos);
    fast[argcount] = extra.length === 0 ? incref(emptyTuple) : newTuple(owned ? extra : extra.map((a) => incref(a)));
    consumed = npos;
  }
  if (nkw > 0) {
    // The positional arguments that did not fit stay unconsumed until the check below.
    const kwStart = npos;
    for (let j = 0; j < nkw; j++) {
      const name = kwnames![j]!;
      const v = args[kwStart + j]!;
      const idx = code.varnames.indexOf(name);
      if (idx < 0 || idx >= argcount) {
        if (kwdict !== null) {
          dictSetStrKey(kwdict, name, v);
          if (owned) decref(v);
          continue;
        }
        let hint = '';
        if (profile().kwargSuggestions) {
          const sug = calculateSuggestion(code.varnames.slice(0, argcount), name);
          if (sug !== null) hint = `. Did you mean '${sug}'?`;
        }
        dropUnconsumedKeywords(args, owned, consumed, npos, kwStart + j);
        raise(TypeError, `${code.qualname}() got an unexpected keyword argument '${name}'${hint}`);
      }
      if (fast[idx] !== null) {
        dropUnconsumedKeywords(args, owned, consumed, npos, kwStart + j);
        raise(TypeError, `${code.qualname}() got multiple values for argument '${name}'`);
      }
      fast[idx] = owned ? v : incref(v);
    }
  }
  if (npos > argcount && !varargs) {
    if (owned) for (let k = consumed; k < npos; k++) decref(args[k]!);
    tooMany(func, npos);
  }
  if (npos < argcount || nkw > 0) {
    const defaults = func.defaults !== null ? (func.defaults as PyTuple).items : [];
    const firstDefault = argcount - defaults.length;
    const miss: string[] = [];
    for (let i = 0; i < argcount; i++) {
      if (fast[i] !== null) continue;
      if (i >= firstDefault) fast[i] = incref(defaults[i - firstDefault]!);
      else miss.push(code.varnames[i]!);
    }
    if (miss.length > 0) missing(func, miss, 'positional');
  }
}

/** A keyword error: the owned references not yet stored (extra positionals, this and later keywords) are dropped. */
function dropUnconsumedKeywords(args: readonly PyObject[], owned: boolean, consumed: number, npos: number, from: number): void {
  if (!owned) return;
  for (let k = consumed; k < npos; k++) decref(args[k]!);
  for (let k = from; k < args.length; k++) decref(args[k]!);
}

/** Cells and free variables (MAKE_CELL / COPY_FREE_VARS are executed by the code itself). */
function enterFrame(frame: Frame): void {
  if (rt.depth >= rt.recursionLimit) {
    frame.clear();
    raise(RecursionError, 'maximum recursion depth exceeded');
  }
  rt.depth++;
  frame.depth = rt.depth;
  frame.back = rt.frame;
  rt.frame = frame;
}

function leaveFrame(frame: Frame): void {
  rt.depth--;
  rt.frame = frame.back;
  frame.finished = true;
  const fo = frame.frameObject;
  if (fo !== null) {
    // _PyFrame_Clear: a frame object that outlives the frame takes over its locals.
    if (fo.ob_refcnt > 1) {
      frame.frameObject = null;
      decref(fo);
      return;
    }
    frame.frameObject = null;
    frame.finished = false;
    decref(fo);
  }
  frame.clear();
}

// ---------------------------------------------------------------- calling

/** Call any callable with borrowed arguments (PyObject_Vectorcall). */
export function callObject(callable: PyObject, args: readonly PyObject[], kwnames: readonly string[] | null = null): PyObject {
  if (callable instanceof PyFunction) {
    const frame = newFunctionFrame(callable);
    frame.func = incref(callable);
    try {
      bindArgs(frame, callable, args, kwnames, false);
    } catch (e) {
      frame.clear();
      throw e;
    }
    if (callable.code.isGenerator) return makeGenerator(frame);
    return evalFrame(frame);
  }
  if (callable instanceof PyCFunction) {
    if (callable.varargs && varargsCall(callable.name)) return withArgsTuple(args, kwnames, () => callable.impl(callable.self, args, kwnames));
    return callable.impl(callable.self, args, kwnames);
  }
  if (callable instanceof PyMethod) {
    // method_vectorcall: prepend self (borrowed).
    return callObject(callable.func, [callable.self, ...args], kwnames);
  }
  if (callable instanceof PyMethodDescr) {
    if (args.length === 0) raise(TypeError, `unbound method ${callable.owner.name}.${callable.name}() needs an argument`);
    if (callable.isClassMethod) return callable.impl(callable.owner, args, kwnames);
    const self = args[0]!;
    if (!self.ob_type.isSubtypeOf(callable.owner)) {
      raise(TypeError, `descriptor '${callable.name}' for '${callable.owner.name}' objects doesn't apply to a '${typeName(self)}' object`);
    }
    if (callable.varargs) return withArgsTuple(args.slice(1), kwnames, () => callable.impl(self, args.slice(1), kwnames));
    return callable.impl(self, args.slice(1), kwnames);
  }
  if (callable instanceof PyType) {
    if (typeCallPacksArgs(callable)) return withArgsTuple(args, kwnames, () => typeHooks!.callType(callable, args, kwnames));
    return typeHooks!.callType(callable, args, kwnames);
  }
  const call = callable.ob_type.tp_call;
  if (call !== null) return call(callable, args, kwnames);
  raise(TypeError, `'${typeName(callable)}' object is not callable`);
}
setCallObject(callObject);

/**
 * A METH_VARARGS function or a type without vectorcall gets its positional arguments as a new
 * tuple (and keyword arguments as a new dict): GC allocations gc.get_count() shows.
 */
function withArgsTuple(args: readonly PyObject[], kwnames: readonly string[] | null, call: () => PyObject): PyObject {
  const npos = args.length - (kwnames?.length ?? 0);
  const t = npos > 0 ? newTuple(args.slice(0, npos).map((a) => incref(a))) : null;
  const kw = kwnames !== null && kwnames.length > 0 ? newDict() : null;
  try {
    return call();
  } finally {
    xdecref(kw);
    xdecref(t);
  }
}

let varargsCall: (name: string) => boolean = () => true;
let typeCallPacksArgs: (t: PyType) => boolean = () => false;
export function setCallPacking(fn: (name: string) => boolean, types: (t: PyType) => boolean): void {
  varargsCall = fn;
  typeCallPacksArgs = types;
}

// ---------------------------------------------------------------- exceptions

/** PyTraceBack_Here: add the frame to the exception's traceback. */
function addTraceback(exc: PyBaseException, frame: Frame): void {
  const line = frame.code.lines[Math.max(0, frame.pc - 1)] ?? frame.code.firstlineno;
  const fo = frameObjectOf(frame, frameAlloc);
  const tb = new PyTraceback(exc.traceback as PyTraceback | null, fo, line);
  allocated(tb, true);
  exc.traceback = tb; // steals the previous traceback reference into tb.next
}

/** _PyErr_SetObject's context chaining: the exception being handled becomes __context__. */
function chainContext(exc: PyBaseException): void {
  const cur = rt.excInfo;
  if (cur === null || cur === exc || exc.context !== null) return;
  // Avoid creating a cycle in the context chain (as CPython does).
  let o: PyObject | null = cur;
  while (o instanceof PyBaseException) {
    if (o.context === exc) {
      const c = o.context;
      o.context = null;
      decref(c);
      break;
    }
    o = o.context;
  }
  exc.context = incref(cur);
}

/** A TS error that is not a Python exception (a limit, an engine bug) passes through untouched. */
function asPyErr(e: unknown): PyErr | null {
  return e instanceof PyErr ? e : null;
}

// ---------------------------------------------------------------- the loop

/** Result of running a frame: a value, or a yielded value (generator frames). */
export let lastExitYielded = false;

/**
 * Run `entry` (already initialised) until it returns or yields. Returns a new reference.
 * Throws PyErr if an exception escapes `entry`.
 */
export function evalFrame(entry: Frame, throwIn: PyErr | null = null): PyObject {
  enterFrame(entry);
  let f = entry;
  let pending: PyErr | null = throwIn;
  const P = profile();
  for (;;) {
    try {
      if (pending !== null) {
        const err = pending;
        pending = null;
        throw err;
      }
      const r = run(f, entry, P.callMovesArgs, P.gcCollectsAtEvalBreaker);
      if (r.kind === 'return') {
        lastExitYielded = false;
        return r.value!;
      }
      if (r.kind === 'yield') {
        lastExitYielded = true;
        rt.depth--;
        rt.frame = entry.back;
        return r.value!;
      }
      f = r.frame!;
    } catch (e0) {
      // Native code nesting (a __repr__ calling repr...) can exhaust the TypeScript stack before
      // the Python depth limit: report it as CPython would, as a RecursionError.
      const e = e0 instanceof RangeError && /call stack/i.test(e0.message) ? new PyErr(newException(RecursionError, newTuple([newStr('maximum recursion depth exceeded')]))) : e0;
      const err = asPyErr(e);
      if (err === null) throw e;
      // exception_unwind: a handler in this frame, else leave it and continue in the caller.
      let fr = rt.frame!;
      let addTb = !(e instanceof ReraiseMarker);
      dropCallSlots(fr);
      for (;;) {
        if (addTb) addTraceback(err.exc, fr);
        addTb = true;
        if (fr.blocks.length > 0) {
          const level = fr.blocks.pop()!;
          const handler = fr.blocks.pop()!;
          while (fr.stack.length > level) xdecref(fr.stack.pop()!);
          fr.stack.push(err.exc);
          fr.pc = handler;
          break;
        }
        if (fr === entry) {
          lastExitYielded = false;
          leaveFrame(fr);
          throw new PyErr(err.exc);
        }
        const back = fr.back!;
        leaveFrame(fr);
        fr = back;
        dropCallSlots(fr);
      }
      f = fr;
    }
  }
}

/**
 * What a class call runs as a Python frame: the class's __init__ when it is Python code and
 * instances come from object.__new__ (type_call's path), else null.
 */
function inlineInit(t: PyType): PyFunction | null {
  if (!t.isHeapType || t.isException) return null;
  const init = typeLookup(t, '__init__');
  const newm = typeLookup(t, '__new__');
  return init instanceof PyFunction && !init.code.isGenerator && (newm === null || newm === objectNew) ? init : null;
}

/** A new tuple of new references to `items[from:to]`, or null when that is empty. */
function packArgs(items: readonly PyObject[], from: number, to: number): PyTuple | null {
  if (to <= from) return null;
  const packed: PyObject[] = [];
  for (let i = from; i < to; i++) packed.push(incref(items[i]!));
  return newTuple(packed);
}

let objectNew: PyObject | null = null;
let allocInstance: (t: PyType) => PyObject = () => {
  throw new Error('instances not wired');
};
export function setInstanceAllocation(alloc: (t: PyType) => PyObject, objNew: PyObject | null): void {
  allocInstance = alloc;
  objectNew = objNew;
}

/** After a Python callee raised, the caller's CALL leaves [callable slots + args] on its stack. */
function dropCallSlots(f: Frame): void {
  const n = f.pendingCallSlots;
  for (let i = 0; i < n; i++) xdecref(f.stack.pop()!);
  f.pendingCallSlots = 0;
}

/** What run() stopped for; one object reused for every call and return (no allocation per frame switch). */
interface RunResult {
  kind: 'return' | 'yield' | 'switch';
  value: PyObject | null;
  frame: Frame | null;
}
const result: RunResult = { kind: 'return', value: null, frame: null };
function done(kind: 'return' | 'yield', value: PyObject): RunResult {
  result.kind = kind;
  result.value = value;
  result.frame = null;
  return result;
}

function nameError(name: string): never {
  raiseNameError(name, `name '${name}' is not defined`);
}

function stepLimit(line: number): never {
  throw new LimitExceeded(
    'steps',
    `step limit of ${formatCount(rt.limits.maxSteps)} reached at line ${line}: the program may loop forever`,
    line,
  );
}

function run(f: Frame, entry: Frame, moveArgs: boolean, breakerGC: boolean): RunResult {
  // The frame's state in locals. A Python-to-Python call or return switches frames right here
  // (reloading these) instead of leaving and re-entering this function: cheaper, and it keeps
  // the loop's type feedback in one activation.
  let code = f.code;
  let ops = code.ops;
  let args = code.args;
  let lines = code.lines;
  let stack = f.stack;
  let fast = f.fast;
  let pc = f.pc;
  const limit = rt.limits.maxSteps;
  let lineStarts = code.lineStarts;
  const unpackMethods = profile().callUnpacksMethods;

  for (;;) {
    // Line events (PEP 626): a new line, or a jump back to the start of a line.
    const line = lines[pc]!;
    if (line !== f.lastLine || f.jumpedBack) {
      if (lineStarts[pc] === 1 || f.lastLine === -1) {
        f.jumpedBack = false;
        f.lastLine = line;
        if (++rt.steps > limit) {
          f.pc = pc + 1;
          stepLimit(line);
        }
        if (lineHook !== null) {
          f.pc = pc;
          lineHook(f, line);
        }
      }
    }
    const op = ops[pc]!;
    const arg = args[pc]!;
    pc++;
    f.pc = pc;
    switch (op) {
      case 0 satisfies Op.NOP:
      case 79 satisfies Op.SETUP_CLEANUP:
      case 82 satisfies Op.END_FOR:
      case 78 satisfies Op.RETURN_GENERATOR:
        break;
      case 60 satisfies Op.RESUME:
        if (breakerGC) runScheduledGC();
        break;
      case 1 satisfies Op.POP_TOP:
        decref(stack.pop()!);
        break;
      case 2 satisfies Op.PUSH_NULL:
        stack.push(null);
        break;
      case 5 satisfies Op.LOAD_CONST:
        stack.push(incref(code.consts[arg]!));
        break;
      case 12 satisfies Op.LOAD_FAST: {
        const v = fast[arg];
        if (v === null || v === undefined) raise(UnboundLocalError, unboundMessage(code.varnames[arg]!));
        stack.push(incref(v));
        break;
      }
      case 13 satisfies Op.STORE_FAST: {
        const old = fast[arg];
        fast[arg] = stack.pop()!;
        if (old !== null && old !== undefined) decref(old);
        break;
      }
      case 6 satisfies Op.LOAD_NAME: {
        const name = code.names[arg]!;
        let v: PyObject | null = null;
        if (f.locals !== null) v = dictGetStr(f.locals, name);
        if (v === null) v = dictGetStr(f.globals, name);
        if (v === null) v = dictGetStr(f.builtins, name);
        if (v === null) nameError(name);
        stack.push(incref(v));
        break;
      }
      case 7 satisfies Op.STORE_NAME: {
        const v = stack.pop()!;
        const target = f.locals ?? f.globals;
        dictSetWithKey(target, code.nameObjs[arg]!, strCanonical(code.names[arg]!), v);
        decref(v);
        break;
      }
      case 9 satisfies Op.LOAD_GLOBAL: {
        const name = code.names[arg]!;
        let v = dictGetStr(f.globals, name);
        if (v === null) v = dictGetStr(f.builtins, name);
        if (v === null) nameError(name);
        stack.push(incref(v));
        break;
      }
      case 20 satisfies Op.LOAD_ATTR: {
        const o = stack.pop()!;
        const fast = instanceAttrFast(o, code.names[arg]!);
        if (fast !== null) {
          stack.push(incref(fast));
          decref(o);
          break;
        }
        try {
          stack.push(getAttr(o, code.names[arg]!));
        } finally {
          decref(o);
        }
        break;
      }
      case 23 satisfies Op.LOAD_METHOD: {
        const o = stack[stack.length - 1]!;
        const name = code.names[arg]!;
        const meth = loadMethod(o, name);
        if (meth !== null) {
          // [method, self]
          stack[stack.length - 1] = meth;
          stack.push(o);
        } else {
          stack.pop();
          let attr: PyObject;
          try {
            attr = getAttr(o, name);
          } finally {
            decref(o);
          }
          stack.push(null);
          stack.push(attr);
        }
        break;
      }
      case 21 satisfies Op.STORE_ATTR: {
        const o = stack.pop()!;
        const v = stack.pop()!;
        try {
          if (!instanceStoreFast(o, code.nameObjs[arg]!, v)) setAttr(o, code.names[arg]!, v);
        } finally {
          decref(v);
          decref(o);
        }
        break;
      }
      case 24 satisfies Op.BINARY_OP: {
        const w = stack.pop()!;
        const v = stack.pop()!;
        let r: PyObject;
        if (v instanceof PyInt && w instanceof PyInt && v.ob_type === w.ob_type && v.ob_type.name === 'int') {
          r = fastIntOp(arg, v, w) ?? binaryOp(arg, v, w);
        } else {
          try {
            r = binaryOp(arg, v, w);
          } catch (e) {
            decref(v);
            decref(w);
            throw e;
          }
        }
        decref(v);
        decref(w);
        stack.push(r);
        break;
      }
      case 29 satisfies Op.COMPARE_OP: {
        const w = stack.pop()!;
        const v = stack.pop()!;
        try {
          if (v instanceof PyInt && w instanceof PyInt && v.ob_type.name === 'int' && w.ob_type.name === 'int') {
            stack.push(pyBool(cmpFast(intCompare(v.value, w.value), arg)));
          } else stack.push(richCompare(v, w, arg as CmpOp));
        } finally {
          decref(v);
          decref(w);
        }
        break;
      }
      case 32 satisfies Op.BINARY_SUBSCR: {
        const key = stack.pop()!;
        const o = stack.pop()!;
        try {
          stack.push(getItem(o, key));
        } finally {
          decref(o);
          decref(key);
        }
        break;
      }
      case 33 satisfies Op.STORE_SUBSCR: {
        const key = stack.pop()!;
        const o = stack.pop()!;
        const v = stack.pop()!;
        try {
          setItem(o, key, v);
        } finally {
          decref(v);
          decref(o);
          decref(key);
        }
        break;
      }
      case 37 satisfies Op.BUILD_LIST: {
        const items = stack.splice(stack.length - arg, arg) as PyObject[];
        stack.push(newList(items));
        break;
      }
      case 50 satisfies Op.GET_ITER: {
        const o = stack.pop()!;
        try {
          stack.push(getIter(o));
        } finally {
          decref(o);
        }
        break;
      }
      case 51 satisfies Op.FOR_ITER: {
        const it = stack[stack.length - 1]!;
        const v = iterNext(it);
        if (v !== null) {
          stack.push(v);
        } else {
          stack.pop();
          decref(it);
          pc = jumpTarget(arg);
        }
        break;
      }
      case 52 satisfies Op.JUMP:
        pc = jumpTarget(arg);
        break;
      case 53 satisfies Op.JUMP_BACKWARD:
        pc = jumpTarget(arg);
        f.jumpedBack = true;
        if (breakerGC) {
          f.pc = pc;
          runScheduledGC();
        }
        break;
      case 54 satisfies Op.POP_JUMP_IF_FALSE: {
        const v = stack.pop()!;
        const t = v === True ? true : v === False ? false : truthAndDrop(v);
        if (v === True || v === False) decref(v);
        if (!t) pc = jumpTarget(arg);
        break;
      }
      case 55 satisfies Op.POP_JUMP_IF_TRUE: {
        const v = stack.pop()!;
        const t = v === True ? true : v === False ? false : truthAndDrop(v);
        if (v === True || v === False) decref(v);
        if (t) pc = jumpTarget(arg);
        break;
      }
      case 56 satisfies Op.JUMP_IF_FALSE_OR_POP: {
        const v = stack[stack.length - 1]!;
        if (!truth(v)) pc = jumpTarget(arg);
        else decref(stack.pop()!);
        break;
      }
      case 57 satisfies Op.JUMP_IF_TRUE_OR_POP: {
        const v = stack[stack.length - 1]!;
        if (truth(v)) pc = jumpTarget(arg);
        else decref(stack.pop()!);
        break;
      }
      case 58 satisfies Op.RETURN_VALUE: {
        const v = stack.pop()!;
        // The module is done: the trace's last step is snapshotted while its frame still exists.
        if (lineHook !== null && f.back === null && f.func === null && !code.isClassBody) lineHook(f, -1);
        if (f.generator !== null && f === entry) {
          // A generator's return: the frame is done (StopIteration is made by the caller).
          f.pc = pc;
          leaveFrame(f);
          return done('return', v);
        }
        const back = f.back;
        let ret = v;
        const initOf = f.initOf;
        if (initOf !== null) {
          // The end of an __init__ run for a class call: the call's value is the instance.
          f.initOf = null;
          if (v !== None) {
            const n = typeName(v);
            decref(v);
            leaveFrame(f);
            decref(initOf);
            raise(TypeError, `__init__() should return None, not '${n}'`);
          }
          decref(v);
          ret = initOf;
        }
        leaveFrame(f);
        if (f === entry) return done('return', ret);
        const caller = back!;
        finishCall(caller, ret);
        if (breakerGC && initOf !== null) runScheduledGC();
        f = caller;
        code = f.code;
        ops = code.ops;
        args = code.args;
        lines = code.lines;
        lineStarts = code.lineStarts;
        stack = f.stack;
        fast = f.fast;
        pc = f.pc;
        continue;
      }
      case 59 satisfies Op.YIELD_VALUE: {
        const v = stack.pop()!;
        f.pc = pc;
        return done('yield', v);
      }
      case 63 satisfies Op.CALL:
      case 64 satisfies Op.CALL_KW: {
        let kwnames: readonly string[] | null = null;
        let kwTuple: PyTuple | null = null;
        if (op === Op.CALL_KW) {
          kwTuple = stack.pop() as PyTuple;
          kwnames = kwTuple.items.map((k) => (k as PyStr).value);
          decref(kwTuple);
        }
        const base = stack.length - arg - 2;
        if (unpackMethods && (stack[base] ?? null) === null) {
          // 3.11+: a bound method in the callable slot becomes [function, self].
          const m = stack[base + 1]!;
          if (m instanceof PyMethod) {
            stack[base] = incref(m.func);
            stack[base + 1] = incref(m.self);
            decref(m);
          }
        }
        const a = stack[base];
        const b = stack[base + 1]!;
        const callable = a === null || a === undefined ? b : a;
        const argStart = a === null || a === undefined ? base + 2 : base + 1;
        if (callable instanceof PyFunction) {
          // Python-to-Python call: a new frame, no TypeScript recursion.
          const callArgs = stack.slice(argStart) as PyObject[];
          const nf = newFunctionFrame(callable);
          if (moveArgs) {
            // 3.11+: the arguments move into the new frame.
            stack.length = argStart;
            try {
              bindArgs(nf, callable, callArgs, kwnames, true);
            } catch (e) {
              nf.clear();
              cleanupAfterCall(stack, base);
              throw e;
            }
          } else {
            try {
              bindArgs(nf, callable, callArgs, kwnames, false);
            } catch (e) {
              nf.clear();
              cleanupAfterCall(stack, base);
              throw e;
            }
          }
          f.pendingCallSlots = stack.length - base;
          f.pc = pc;
          nf.func = callable;
          nf.ownsFunc = false;
          if (callable.code.isGenerator) {
            // The generator's frame outlives this call: it holds its own reference.
            nf.func = incref(callable);
            nf.ownsFunc = true;
            const gen = makeGenerator(nf);
            cleanupAfterCall(stack, base);
            f.pendingCallSlots = 0;
            stack.push(gen);
            break;
          }
          enterFrame(nf);
          f = nf;
          code = f.code;
          ops = code.ops;
          args = code.args;
          lines = code.lines;
          lineStarts = code.lineStarts;
          stack = f.stack;
          fast = f.fast;
          pc = f.pc;
          continue;
        }
        // A bound method of a Python function, or a class whose __init__ is Python code: run
        // the function in a new frame here too (borrowed arguments, as the C paths do), so that
        // deep recursion through methods and constructors never grows the TypeScript stack.
        const init = callable instanceof PyType ? inlineInit(callable) : null;
        const method = callable instanceof PyMethod && callable.func instanceof PyFunction ? callable : null;
        if (init !== null || method !== null) {
          const func = init ?? (method!.func as PyFunction);
          // The arguments with self in front: the callable's slot, just below them, becomes self.
          const selfAndArgs = stack.slice(argStart - 1) as PyObject[];
          const nf = newFunctionFrame(func);
          let self: PyObject | null = null;
          let argsTuple: PyObject | null = null;
          try {
            if (init !== null) {
              // type_call: the arguments packed in a tuple, tp_new, then __init__(self, ...).
              argsTuple = packArgs(selfAndArgs, 1, selfAndArgs.length - (kwnames?.length ?? 0));
              self = allocInstance(callable as PyType);
              selfAndArgs[0] = self;
            } else {
              selfAndArgs[0] = method!.self;
            }
            bindArgs(nf, func, selfAndArgs, kwnames, false);
          } catch (e) {
            nf.clear();
            xdecref(self);
            xdecref(argsTuple);
            cleanupAfterCall(stack, base);
            throw e;
          }
          nf.func = incref(func);
          nf.initOf = self;
          nf.initArgs = argsTuple;
          f.pendingCallSlots = stack.length - base;
          f.pc = pc;
          if (func.code.isGenerator && init === null) {
            const gen = makeGenerator(nf);
            cleanupAfterCall(stack, base);
            f.pendingCallSlots = 0;
            stack.push(gen);
            break;
          }
          enterFrame(nf);
          f = nf;
          code = f.code;
          ops = code.ops;
          args = code.args;
          lines = code.lines;
          lineStarts = code.lineStarts;
          stack = f.stack;
          fast = f.fast;
          pc = f.pc;
          continue;
        }
        // Anything else: a native call (may re-enter the loop for Python code).
        const callArgs = stack.slice(argStart) as PyObject[];
        f.pc = pc;
        let r: PyObject;
        try {
          r = callObject(callable, callArgs, kwnames);
        } catch (e) {
          cleanupAfterCall(stack, base);
          throw e;
        }
        cleanupAfterCall(stack, base);
        stack.push(r);
        if (breakerGC && (code.warm[pc - 1]++ === 0 || !skipsEvalBreaker(callable))) runScheduledGC();
        break;
      }
      default:
        coldOp(f, code, stack, fast, op, arg, breakerGC);
    }
  }
}

/**
 * The less frequent instructions, out of run()'s switch: a smaller hot loop compiles faster
 * and keeps its type feedback stable (a rare instruction no longer deoptimizes the whole loop).
 */
function coldOp(f: Frame, code: PyCode, stack: (PyObject | null)[], fast: (PyObject | null)[], op: number, arg: number, breakerGC: boolean): void {
  switch (op) {
    case 3 satisfies Op.COPY:
      stack.push(incref(stack[stack.length - arg]!));
      break;
    case 4 satisfies Op.SWAP: {
      const top = stack.length - 1;
      const other = stack.length - arg;
      const t = stack[top]!;
      stack[top] = stack[other]!;
      stack[other] = t;
      break;
    }
    case 14 satisfies Op.DELETE_FAST: {
      const old = fast[arg];
      if (old === null || old === undefined) raise(UnboundLocalError, unboundMessage(code.varnames[arg]!));
      fast[arg] = null;
      decref(old);
      break;
    }
    case 8 satisfies Op.DELETE_NAME: {
      const name = code.names[arg]!;
      const d = f.locals ?? f.globals;
      const i = dictLookup(d, code.nameObjs[arg]!);
      if (i < 0) nameError(name);
      dictDelAt(d, i);
      break;
    }
    case 10 satisfies Op.STORE_GLOBAL: {
      const v = stack.pop()!;
      dictSetWithKey(f.globals, code.nameObjs[arg]!, strCanonical(code.names[arg]!), v);
      decref(v);
      break;
    }
    case 11 satisfies Op.DELETE_GLOBAL: {
      const i = dictLookup(f.globals, code.nameObjs[arg]!);
      if (i < 0) nameError(code.names[arg]!);
      dictDelAt(f.globals, i);
      break;
    }
    case 80 satisfies Op.MAKE_CELL: {
      // An argument captured by a closure moves into its cell (cell2arg).
      const argIdx = code.cell2arg[arg - code.varnames.length] ?? -1;
      const init = argIdx >= 0 ? fast[argIdx] : fast[arg];
      if (argIdx >= 0) fast[argIdx] = null;
      const cell = new PyCell(init ?? null);
      allocated(cell, true);
      fast[arg] = cell;
      break;
    }
    case 81 satisfies Op.COPY_FREE_VARS: {
      const closure = (f.func!.closure as PyTuple).items;
      const offset = code.varnames.length + code.cellvars.length;
      for (let i = 0; i < arg; i++) fast[offset + i] = incref(closure[i]!);
      break;
    }
    case 15 satisfies Op.LOAD_DEREF: {
      const cell = fast[arg] as PyCell;
      const v = cell.ref;
      if (v === null) derefError(code, arg);
      stack.push(incref(v));
      break;
    }
    case 19 satisfies Op.LOAD_CLASSDEREF: {
      const name = derefName(code, arg);
      const v0 = f.locals !== null ? dictGetStr(f.locals, name) : null;
      if (v0 !== null) {
        stack.push(incref(v0));
        break;
      }
      const v = (fast[arg] as PyCell).ref;
      if (v === null) derefError(code, arg);
      stack.push(incref(v));
      break;
    }
    case 16 satisfies Op.STORE_DEREF: {
      const cell = fast[arg] as PyCell;
      const old = cell.ref;
      cell.ref = stack.pop()!;
      xdecref(old);
      break;
    }
    case 17 satisfies Op.DELETE_DEREF: {
      const cell = fast[arg] as PyCell;
      const old = cell.ref;
      if (old === null) derefError(code, arg);
      cell.ref = null;
      decref(old);
      break;
    }
    case 18 satisfies Op.LOAD_CLOSURE:
      stack.push(incref(fast[arg]!));
      break;
    case 22 satisfies Op.DELETE_ATTR: {
      const o = stack.pop()!;
      try {
        setAttr(o, code.names[arg]!, null);
      } finally {
        decref(o);
      }
      break;
    }
    case 25 satisfies Op.UNARY_NEGATIVE:
    case 26 satisfies Op.UNARY_POSITIVE:
    case 27 satisfies Op.UNARY_INVERT: {
      const v = stack.pop()!;
      try {
        stack.push(unaryOp(op === Op.UNARY_NEGATIVE ? 'neg' : op === Op.UNARY_POSITIVE ? 'pos' : 'invert', v));
      } finally {
        decref(v);
      }
      break;
    }
    case 28 satisfies Op.UNARY_NOT: {
      const v = stack.pop()!;
      try {
        stack.push(pyBool(!truth(v)));
      } finally {
        decref(v);
      }
      break;
    }
    case 30 satisfies Op.IS_OP: {
      const w = stack.pop()!;
      const v = stack.pop()!;
      const r = (v === w) !== (arg === 1);
      decref(v);
      decref(w);
      stack.push(pyBool(r));
      break;
    }
    case 31 satisfies Op.CONTAINS_OP: {
      const container = stack.pop()!;
      const item = stack.pop()!;
      try {
        stack.push(pyBool(contains(container, item) !== (arg === 1)));
      } finally {
        decref(item);
        decref(container);
      }
      break;
    }
    case 34 satisfies Op.DELETE_SUBSCR: {
      const key = stack.pop()!;
      const o = stack.pop()!;
      try {
        delItem(o, key);
      } finally {
        decref(o);
        decref(key);
      }
      break;
    }
    case 35 satisfies Op.BUILD_SLICE: {
      const step = arg === 3 ? stack.pop()! : incref(None);
      const stop = stack.pop()!;
      const start = stack.pop()!;
      stack.push(newSlice(start, stop, step));
      break;
    }
    case 36 satisfies Op.BUILD_TUPLE: {
      const items = stack.splice(stack.length - arg, arg) as PyObject[];
      stack.push(newTuple(items));
      break;
    }
    case 38 satisfies Op.BUILD_SET: {
      const items = stack.splice(stack.length - arg, arg) as PyObject[];
      const s = newSet();
      stack.push(s);
      try {
        for (const x of items) setAdd(s, x);
      } finally {
        for (const x of items) decref(x);
      }
      break;
    }
    case 39 satisfies Op.BUILD_MAP: {
      const items = stack.splice(stack.length - 2 * arg, 2 * arg) as PyObject[];
      const d = newDictPresized(arg);
      stack.push(d);
      try {
        for (let i = 0; i < arg; i++) {
          hashCheck(items[2 * i]!);
          dictSet(d, items[2 * i]!, items[2 * i + 1]!);
        }
      } finally {
        for (const x of items) decref(x);
      }
      break;
    }
    case 40 satisfies Op.BUILD_CONST_KEY_MAP: {
      const keys = stack.pop() as PyTuple;
      const vals = stack.splice(stack.length - arg, arg) as PyObject[];
      const d = newDictPresized(arg);
      stack.push(d);
      try {
        for (let i = 0; i < arg; i++) dictSet(d, keys.items[i]!, vals[i]!);
      } finally {
        for (const x of vals) decref(x);
        decref(keys);
      }
      break;
    }
    case 41 satisfies Op.BUILD_STRING: {
      const parts = stack.splice(stack.length - arg, arg) as PyObject[];
      let s = '';
      for (const p of parts) s += (p as PyStr).value;
      const r = joinArray(parts, s);
      for (const p of parts) decref(p);
      stack.push(r);
      break;
    }
    case 42 satisfies Op.LIST_APPEND: {
      const v = stack.pop()!;
      listAppend(stack[stack.length - arg] as PyList, v);
      decref(v);
      break;
    }
    case 43 satisfies Op.SET_ADD: {
      const v = stack.pop()!;
      try {
        setAdd(stack[stack.length - arg] as PySet, v);
      } finally {
        decref(v);
      }
      break;
    }
    case 44 satisfies Op.MAP_ADD: {
      const v = stack.pop()!;
      const k = stack.pop()!;
      try {
        hashCheck(k);
        dictSet(stack[stack.length - arg] as PyDict, k, v);
      } finally {
        decref(k);
        decref(v);
      }
      break;
    }
    case 45 satisfies Op.LIST_EXTEND: {
      const it = stack.pop()!;
      try {
        const l = stack[stack.length - arg] as PyList;
        if (it.ob_type.tp_iter === null && it.ob_type.mp_subscript === null) {
          raise(TypeError, `Value after * must be an iterable, not ${typeName(it)}`);
        }
        listExtend(l, it);
      } finally {
        decref(it);
      }
      break;
    }
    case 46 satisfies Op.SET_UPDATE: {
      const it = stack.pop()!;
      try {
        setUpdate(stack[stack.length - arg] as PySet, it);
      } finally {
        decref(it);
      }
      break;
    }
    case 47 satisfies Op.DICT_UPDATE: {
      const src = stack.pop()!;
      try {
        if (!(src instanceof PyDict)) raise(TypeError, `'${typeName(src)}' object is not a mapping`);
        dictUpdate(stack[stack.length - arg] as PyDict, src);
      } finally {
        decref(src);
      }
      break;
    }
    case 48 satisfies Op.LIST_TO_TUPLE: {
      const l = stack.pop() as PyList;
      const items = l.items.map((x) => incref(x));
      decref(l);
      stack.push(newTuple(items));
      break;
    }
    case 49 satisfies Op.FORMAT_VALUE: {
      const spec = arg & 4 ? (stack.pop() as PyStr) : null;
      const v = stack.pop()!;
      try {
        const conv = arg & 3;
        // FORMAT_VALUE: the conversion (PyObject_Str / PyObject_Repr), then PyObject_Format.
        const tmp = conv === 1 ? str(v) : conv === 2 || conv === 3 ? repr(v) : null;
        let r: PyObject;
        try {
          r = formatObject(tmp ?? v, spec === null ? '' : spec.value);
        } finally {
          xdecref(tmp);
        }
        stack.push(r);
      } finally {
        decref(v);
        xdecref(spec);
      }
      break;
    }
    case 61 satisfies Op.MAKE_FUNCTION: {
      const codeObj = stack.pop() as PyCode;
      const closure = arg & 8 ? stack.pop()! : null;
      const defaults = arg & 1 ? stack.pop()! : null;
      stack.push(makeFunction(codeObj, f.globals, defaults, closure));
      break;
    }
    case 62 satisfies Op.LOAD_BUILD_CLASS:
      stack.push(incref(buildClassFunction));
      break;
    case 65 satisfies Op.CALL_FUNCTION_EX: {
      const kw = stack.pop();
      const posT = stack.pop() as PyTuple;
      const callable = stack.pop()!;
      const nul = stack.pop();
      let kwnames: string[] | null = null;
      let callArgs: PyObject[] = posT.items.slice();
      if (kw !== null && kw !== undefined) {
        kwnames = [];
        for (let i = 0; i < (kw as PyDict).ekeys.length; i++) {
          const k = (kw as PyDict).ekeys[i];
          if (k === null || k === undefined) continue;
          kwnames.push((k as PyStr).value);
          callArgs.push((kw as PyDict).evals[i]!);
        }
      }
      let r: PyObject;
      try {
        r = callObject(callable, callArgs, kwnames);
      } finally {
        callArgs = [];
        xdecref(kw ?? null);
        decref(posT);
        decref(callable);
        xdecref(nul ?? null);
      }
      stack.push(r);
      if (breakerGC) runScheduledGC();
      break;
    }
    case 66 satisfies Op.RAISE_VARARGS: {
      doRaise(stack, arg);
      break;
    }
    case 67 satisfies Op.SETUP_FINALLY:
      f.blocks.push(jumpTarget(arg), stack.length - (arg & 3));
      break;
    case 68 satisfies Op.POP_BLOCK:
      f.blocks.length -= 2;
      break;
    case 69 satisfies Op.PUSH_EXC_INFO: {
      const exc = stack.pop()!;
      const prev = rt.excInfo ?? incref(None);
      stack.push(prev);
      rt.excInfo = incref(exc);
      stack.push(exc);
      break;
    }
    case 70 satisfies Op.POP_EXCEPT: {
      const prev = stack.pop()!;
      const cur = rt.excInfo;
      if (prev === None) {
        rt.excInfo = null;
        decref(prev);
      } else rt.excInfo = prev;
      xdecref(cur);
      break;
    }
    case 71 satisfies Op.CHECK_EXC_MATCH: {
      const t = stack.pop()!;
      const exc = stack[stack.length - 1]!;
      try {
        stack.push(pyBool(excMatches(exc, t)));
      } finally {
        decref(t);
      }
      break;
    }
    case 72 satisfies Op.RERAISE: {
      const exc = stack.pop() as PyBaseException;
      // A re-raise does not add this frame to the traceback again.
      throw new ReraiseMarker(exc);
    }
    case 73 satisfies Op.UNPACK_SEQUENCE: {
      const seq = stack.pop()!;
      try {
        unpack(stack, seq, arg, -1, 0);
      } finally {
        decref(seq);
      }
      break;
    }
    case 74 satisfies Op.UNPACK_EX: {
      const seq = stack.pop()!;
      try {
        unpack(stack, seq, arg & 0xff, arg & 0xff, arg >> 8);
      } finally {
        decref(seq);
      }
      break;
    }
    case 75 satisfies Op.IMPORT_NAME: {
      const fromlist = stack.pop()!;
      const level = stack.pop()!;
      decref(fromlist);
      decref(level);
      stack.push(importModule(code.names[arg]!));
      break;
    }
    case 76 satisfies Op.IMPORT_FROM: {
      const mod = stack[stack.length - 1]!;
      const name = code.names[arg]!;
      const v = lookupAttr(mod, name);
      if (v === null) {
        const modName = mod instanceof PyModule ? mod.name : '?';
        raise(ImportError, `cannot import name '${name}' from '${modName}' (unknown location)`);
      }
      stack.push(v);
      break;
    }
    case 77 satisfies Op.LOAD_ASSERTION_ERROR:
      stack.push(incref(AssertionError));
      break;

    default:
      throw new Error(`engine bug: unknown opcode ${op}`);
  }
}

/** The caller resumes after a Python callee returned `v`. */
function finishCall(caller: Frame, v: PyObject): void {
  const stack = caller.stack;
  const n = caller.pendingCallSlots;
  caller.pendingCallSlots = 0;
  // 3.10: pop the arguments (last first), then the callable slots.
  for (let i = 0; i < n; i++) xdecref(stack.pop()!);
  stack.push(v);
}

/**
 * 3.12+ specialize a call site from its second execution; the specialized forms for len(),
 * isinstance(), type(x) and list.append do not check the eval breaker, so a collection
 * scheduled by an allocation waits for the next check point (a backward jump, a call...).
 */
function skipsEvalBreaker(callable: PyObject): boolean {
  if (callable instanceof PyCFunction) return callable.self === null && (callable.name === 'len' || callable.name === 'isinstance');
  if (callable instanceof PyMethodDescr) return callable.name === 'append' && callable.owner.name === 'list';
  return false;
}

function cleanupAfterCall(stack: (PyObject | null)[], base: number): void {
  while (stack.length > base) xdecref(stack.pop()!);
}

class ReraiseMarker extends PyErr {
  constructor(exc: PyBaseException) {
    super(exc);
  }
}

function truthAndDrop(v: PyObject): boolean {
  try {
    return truth(v);
  } finally {
    decref(v);
  }
}

function cmpFast(c: number, op: number): boolean {
  switch (op) {
    case CmpOp.LT:
      return c < 0;
    case CmpOp.LE:
      return c <= 0;
    case CmpOp.EQ:
      return c === 0;
    case CmpOp.NE:
      return c !== 0;
    case CmpOp.GT:
      return c > 0;
    default:
      return c >= 0;
  }
}

/** int + int and int - int without the generic dispatch (results identical). */
function fastIntOp(opIndex: number, v: PyInt, w: PyInt): PyObject | null {
  switch (opIndex) {
    case 0:
    case 13:
      return newInt(intAdd(v.value, w.value));
    case 10:
    case 23:
      return newInt(intSub(v.value, w.value));
    default:
      return null;
  }
}

function hashCheck(k: PyObject): void {
  if (k.ob_type.tp_hash === null) raise(TypeError, `unhashable type: '${typeName(k)}'`);
}

function unboundMessage(name: string): string {
  return profile().unboundMessages === 'referenced'
    ? `local variable '${name}' referenced before assignment`
    : `cannot access local variable '${name}' where it is not associated with a value`;
}

function derefName(code: PyCode, i: number): string {
  const nv = code.varnames.length;
  const nc = code.cellvars.length;
  return i < nv + nc ? code.cellvars[i - nv]! : code.freevars[i - nv - nc]!;
}

function derefError(code: PyCode, i: number): never {
  const name = derefName(code, i);
  const isCell = i < code.varnames.length + code.cellvars.length;
  if (isCell) raise(UnboundLocalError, unboundMessage(name));
  raise(
    NameError,
    profile().unboundMessages === 'referenced'
      ? `free variable '${name}' referenced before assignment in enclosing scope`
      : `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`,
  );
}

function excMatches(exc: PyObject, t: PyObject): boolean {
  const check = (x: PyObject): boolean => {
    if (!(x instanceof PyType) || !x.isException) {
      raise(TypeError, 'catching classes that do not inherit from BaseException is not allowed');
    }
    return exc.ob_type.isSubtypeOf(x);
  };
  if (t instanceof PyTuple) {
    let m = false;
    for (const x of t.items) if (check(x)) m = true;
    return m;
  }
  return check(t);
}

/** RAISE_VARARGS */
function doRaise(stack: (PyObject | null)[], n: number): never {
  if (n === 0) {
    const cur = rt.excInfo;
    if (cur === null) raise(RuntimeError, 'No active exception to reraise');
    throw new ReraiseMarker(incref(cur) as PyBaseException);
  }
  const cause = n === 2 ? stack.pop()! : null;
  const o = stack.pop()!;
  let exc: PyBaseException;
  try {
    checkRaisable(o);
    if (o instanceof PyType) {
      const inst = callObject(o, []);
      if (!(inst instanceof PyBaseException)) {
        decref(inst);
        raise(TypeError, `calling ${reprString(o)} should have returned an instance of BaseException, not ${typeName(inst)}`);
      }
      exc = inst;
    } else exc = incref(o as PyBaseException);
  } finally {
    decref(o);
  }
  if (cause !== null) {
    let c: PyObject | null = cause;
    if (cause instanceof PyType) {
      c = callObject(cause, []);
      decref(cause);
    } else if (cause === None) {
      decref(cause);
      c = null;
    }
    const old = exc.cause;
    exc.cause = c;
    xdecref(old);
    exc.suppressContext = true;
  }
  chainContext(exc);
  throw new PyErr(exc);
}

/** UNPACK_SEQUENCE / UNPACK_EX */
function unpack(stack: (PyObject | null)[], seq: PyObject, before: number, starAt: number, after: number): void {
  const items = seq instanceof PyTuple || seq instanceof PyList ? seq.items.map((x) => incref(x)) : null;
  let all: PyObject[];
  if (items !== null) all = items;
  else {
    if (seq.ob_type.tp_iter === null) raise(TypeError, `cannot unpack non-iterable ${typeName(seq)} object`);
    all = iterToArray(seq);
  }
  if (starAt < 0) {
    if (all.length !== before) {
      for (const x of all) decref(x);
      if (all.length < before) raise(ValueError, `not enough values to unpack (expected ${before}, got ${all.length})`);
      raise(ValueError, items !== null ? `too many values to unpack (expected ${before})` : `too many values to unpack (expected ${before})`);
    }
    for (let i = all.length - 1; i >= 0; i--) stack.push(all[i]!);
    return;
  }
  if (all.length < before + after) {
    for (const x of all) decref(x);
    raise(ValueError, `not enough values to unpack (expected at least ${before + after}, got ${all.length})`);
  }
  const head = all.slice(0, before);
  const mid = all.slice(before, all.length - after);
  const tail = all.slice(all.length - after);
  for (let i = tail.length - 1; i >= 0; i--) stack.push(tail[i]!);
  stack.push(newList(mid));
  for (let i = head.length - 1; i >= 0; i--) stack.push(head[i]!);
}

// ---------------------------------------------------------------- functions

/** MAKE_FUNCTION: steals code (borrowed from co_consts in fact: incref), defaults and closure. */
export function makeFunction(code: PyCode, globals: PyDict, defaults: PyObject | null, closure: PyObject | null): PyFunction {
  const name = incref(code.nameObj);
  const qualname = incref(code.qualnameObj);
  // PyFunction_NewWithQualName: __doc__ is co_consts[0] when that is a str.
  const doc = code.consts.length > 0 && code.consts[0] instanceof PyStr ? incref(code.consts[0]!) : incref(None);
  const mod = dictGetStr(globals, '__name__');
  const fn = new PyFunction(code, incref(globals), name, qualname, defaults, closure, mod === null ? null : incref(mod), doc);
  incref(code);
  allocated(fn, true);
  return fn;
}

/** LOAD_METHOD: the unbound function found on the type, when attribute lookup would bind it. */
function loadMethod(o: PyObject, name: string): PyObject | null {
  const t = o.ob_type;
  if (t.tp_getattro !== null && t.tp_getattro !== genericInstanceGetattr) return null;
  const descr = typeLookup(t, name);
  if (descr === null) return null;
  if (!(descr instanceof PyFunction) && !(descr instanceof PyMethodDescr && !descr.isClassMethod)) return null;
  // An instance attribute of the same name wins.
  const d = instanceStoreOf(o);
  if (d !== null && dictGetStr(d, name) !== null) return null;
  return incref(descr);
}

/** typeobject.ts's instance getattr, which behaves like PyObject_GenericGetAttr for LOAD_METHOD. */
let genericInstanceGetattr: unknown = null;
export function setGenericInstanceGetattr(f: unknown): void {
  genericInstanceGetattr = f;
}

let instanceStoreOf: (o: PyObject) => PyDict | null = () => null;

/**
 * The common attribute cases without the generic machinery (same results): reading an
 * instance attribute no data descriptor shadows, and storing one on a plain class.
 */
let instanceAttrFast: (o: PyObject, name: string) => PyObject | null = () => null;
let instanceStoreFast: (o: PyObject, name: PyStr, v: PyObject) => boolean = () => false;
export function setAttributeFastPaths(get: typeof instanceAttrFast, set: typeof instanceStoreFast): void {
  instanceAttrFast = get;
  instanceStoreFast = set;
}
export function setInstanceStoreOf(f: (o: PyObject) => PyDict | null): void {
  instanceStoreOf = f;
}

/** __build_class__ as a builtin (LOAD_BUILD_CLASS pushes it). */
let buildClassFunction: PyObject = None;
export function setBuildClassFunction(f: PyObject): void {
  buildClassFunction = f;
}

/** Run a class body function with `ns` as its locals (the namespace dict is borrowed). */
export function runClassBody(func: PyFunction, ns: PyDict): PyObject {
  const frame = new Frame(func.code, incref(func), func.globals as PyDict, rt.builtins!, incref(ns));
  if (func.closure !== null) {
    const cl = (func.closure as PyTuple).items;
    const off = func.code.varnames.length + func.code.cellvars.length;
    void off;
    void cl;
  }
  return evalFrame(frame);
}

/** Run module code in `globals` (the main module or an imported one). */
export function runModuleCode(code: PyCode, globals: PyDict): PyObject {
  const frame = new Frame(code, null, globals, rt.builtins!, null);
  frame.locals = null;
  return evalFrame(frame);
}

/** Used by tracing and sys: the frames of the running program, outermost first. */
export function currentFrames(): Frame[] {
  const out: Frame[] = [];
  for (let f = rt.frame; f !== null; f = f.back) out.push(f);
  return out.reverse();
}

export { newFunctionFrame, bindArgs, enterFrame, leaveFrame, emptyTuple, newDict, newException, BaseException, StopIteration, listPreallocateExact, heap, PyMethod };
