// Generator objects (Objects/genobject.c): a suspended frame plus its state. Resuming runs the
// frame in a nested evalFrame until it yields or returns; a generator that dies while
// suspended inside a try block is closed first (GeneratorExit, so its finally runs).

import { PyObject, incref, decref, xdecref, type Visit } from './objects/object';
import { PyType } from './objects/type';
import { PyStr, newStr } from './objects/str';
import { None } from './objects/singletons';
import { raise, PyErr, TypeError, ValueError, RuntimeError, StopIteration, GeneratorExit, PyBaseException } from './objects/exceptions';
import { defineMethods } from './objects/descr';
import { Frame } from './frame';
import type { PyCode } from './objects/function';
import { evalFrame, lastExitYielded, setMakeGenerator } from './ceval';
import { allocated } from './gc';
import { newException } from './pyerrors';
import { newTuple, emptyTuple } from './objects/tuple';
import { hexAddress } from './abstract';
import { setLastStopValue } from './builtins';
import { profile } from './profile';

export class PyGenerator extends PyObject {
  started = false;
  running = false;
  finished = false;
  readonly qualname: string;
  /** The code object (kept for sys.getsizeof after the frame is gone). */
  readonly code: PyCode;
  frame: Frame | null;
  constructor(frame: Frame) {
    super(GeneratorType);
    this.frame = frame;
    this.qualname = frame.code.qualname;
    this.code = frame.code;
  }
  shortRepr(): string {
    return `<generator ${this.frame?.code.name ?? ''}>`;
  }
  traverse(visit: Visit): void {
    const f = this.frame;
    if (f === null) return;
    if (f.func !== null) visit(f.func);
    f.visitOwned(visit);
  }
  release(): void {
    const f = this.frame;
    this.frame = null;
    if (f !== null) f.clear();
  }
}

export const GeneratorType = new PyType({ name: 'generator', isGC: true, basicsize: 80 });

setMakeGenerator((frame) => {
  const g = new PyGenerator(frame);
  frame.generator = g;
  allocated(g, true);
  return g;
});

/**
 * gen_send_ex: resume with `value` (pushed as the yield expression's result), or throw `exc`
 * into the frame. Returns the yielded value, or null when the generator returned (its return
 * value is handed to next()/StopIteration via setLastStopValue).
 */
export function genSend(g: PyGenerator, value: PyObject | null, exc: PyErr | null): PyObject | null {
  if (g.running) raise(ValueError, 'generator already executing');
  const f = g.frame;
  if (f === null || g.finished) {
    if (exc !== null) throw exc;
    return null;
  }
  if (!g.started && value !== null && value !== None) {
    raise(TypeError, "can't send non-None value to a just-started generator");
  }
  if (g.started && exc === null) f.stack.push(incref(value ?? None));
  g.started = true;
  g.running = true;
  let r: PyObject;
  try {
    r = evalFrame(f, exc);
  } catch (e) {
    g.running = false;
    g.finished = true;
    g.frame = null;
    if (e instanceof PyErr && e.exc.ob_type.isSubtypeOf(StopIteration)) {
      // PEP 479: StopIteration inside a generator becomes RuntimeError.
      const err = newException(RuntimeError, newTuple([newStr('generator raised StopIteration')]));
      err.cause = e.exc;
      err.context = incref(e.exc);
      throw new PyErr(err);
    }
    throw e;
  }
  g.running = false;
  if (lastExitYielded) return r;
  g.finished = true;
  g.frame = null;
  setLastStopValue(r);
  return null;
}

GeneratorType.tp_iter = (o) => incref(o);
GeneratorType.tp_iternext = (o) => genSend(o as PyGenerator, null, null);
GeneratorType.tp_repr = (o) => newStr(`<generator object ${(o as PyGenerator).qualname} at ${hexAddress(o)}>`);

/** gen_close: throw GeneratorExit in; a generator that yields again is an error. */
export function genClose(g: PyGenerator): void {
  if (g.frame === null || g.finished || !g.started) {
    g.finished = true;
    if (g.frame !== null) {
      const f = g.frame;
      g.frame = null;
      f.clear();
    }
    return;
  }
  const ge = newException(GeneratorExit, incref(emptyTuple));
  try {
    const r = genSend(g, null, new PyErr(ge));
    if (r !== null) {
      decref(r);
      raise(RuntimeError, 'generator ignored GeneratorExit');
    }
  } catch (e) {
    if (e instanceof PyErr && (e.exc.ob_type.isSubtypeOf(GeneratorExit) || e.exc.ob_type.isSubtypeOf(StopIteration))) {
      decref(e.exc);
      return;
    }
    throw e;
  }
}

/**
 * _PyGen_Finalize: a suspended generator is closed (GeneratorExit runs its finally blocks, its
 * frame is cleared); a never-started one is cleared too on 3.10/3.11, only marked done on 3.12+.
 * Clearing the frame releases its locals, which is what breaks generator cycles in a collection.
 */
function genFinalize(g: PyGenerator): void {
  const f = g.frame;
  if (f === null || g.finished || g.running) return;
  if (!g.started) {
    if (profile().genFinalizeClearsUnstarted) {
      g.finished = true;
      g.frame = null;
      f.clear();
    } else {
      g.finished = true;
    }
    return;
  }
  try {
    genClose(g);
  } catch (e) {
    if (e instanceof PyErr) decref(e.exc);
    else throw e;
  }
}

GeneratorType.tp_finalize = (o) => genFinalize(o as PyGenerator);
GeneratorType.finalizeOnDealloc = (o) => {
  const g = o as PyGenerator;
  if (g.frame === null || g.finished) return true;
  o.ob_refcnt = 1;
  o.gcFinalized = true;
  genFinalize(g);
  o.ob_refcnt--;
  return o.ob_refcnt === 0;
};

defineMethods(GeneratorType, {
  send: (self, args) => {
    const r = genSend(self as PyGenerator, args[0] ?? None, null);
    if (r === null) raiseStop();
    return r;
  },
  close: (self) => {
    genClose(self as PyGenerator);
    return incref(None);
  },
  throw: (self, args) => {
    let e = args[0]!;
    if (e instanceof PyType) e = newException(e, args.length > 1 ? newTuple([incref(args[1]!)]) : incref(emptyTuple));
    else incref(e);
    if (!(e instanceof PyBaseException)) {
      decref(e);
      raise(TypeError, 'exceptions must derive from BaseException');
    }
    const r = genSend(self as PyGenerator, null, new PyErr(e));
    if (r === null) raiseStop();
    return r;
  },
  __next__: (self) => {
    const r = genSend(self as PyGenerator, null, null);
    if (r === null) raiseStop();
    return r;
  },
});

function raiseStop(): never {
  throw new PyErr(newException(StopIteration, incref(emptyTuple)));
}

export { xdecref, PyStr };
