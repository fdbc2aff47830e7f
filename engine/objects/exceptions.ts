// Built-in exception types and instances (Objects/exceptions.c).
//
// A Python exception travels through TypeScript as a thrown `PyErr` carrying one owned
// reference to the exception instance; the evaluation loop catches it and unwinds frames
// the way ceval's `exception_unwind` does. Plain objects, not JS Errors: no stack capture.

import { PyObject, decref, incref, xdecref, type Visit } from './object';
import { PyType, ObjectType } from './type';

export class PyBaseException extends PyObject {
  /** The args tuple (a PyTuple). */
  args: PyObject;
  /** Instance __dict__ (a PyDict), created on first attribute store. */
  dict: PyObject | null = null;
  traceback: PyObject | null = null;
  context: PyObject | null = null;
  cause: PyObject | null = null;
  suppressContext = false;
  /** StopIteration.value */
  value: PyObject | null = null;
  /** Slot values for user subclasses that declare __slots__. */
  slots: (PyObject | null)[] | null = null;
  /** NameError.name / AttributeError.name (for "Did you mean"). */
  nameAttr: string | null = null;
  /** AttributeError.obj (owned). */
  objAttr: PyObject | null = null;

  constructor(type: PyType, args: PyObject) {
    super(type);
    this.args = args; // steals the reference
  }

  shortRepr(): string {
    return `${this.ob_type.name}(...)`;
  }

  traverse(visit: Visit): void {
    if (this.dict !== null) visit(this.dict);
    visit(this.args);
    if (this.traceback !== null) visit(this.traceback);
    if (this.context !== null) visit(this.context);
    if (this.cause !== null) visit(this.cause);
    if (this.value !== null) visit(this.value);
    if (this.objAttr !== null) visit(this.objAttr);
    if (this.slots !== null) for (const s of this.slots) if (s !== null) visit(s);
  }

  clear(): void {
    const oa = this.objAttr;
    this.objAttr = null;
    xdecref(oa);
    const d = this.dict;
    this.dict = null;
    xdecref(d);
    const tb = this.traceback;
    this.traceback = null;
    xdecref(tb);
    const c = this.context;
    this.context = null;
    xdecref(c);
    const ca = this.cause;
    this.cause = null;
    xdecref(ca);
    const v = this.value;
    this.value = null;
    xdecref(v);
    if (this.slots !== null) {
      const s = this.slots;
      this.slots = null;
      for (const x of s) xdecref(x);
    }
  }

  release(): void {
    // BaseException_clear order: dict, args, notes, traceback, cause, context.
    const d = this.dict;
    this.dict = null;
    xdecref(d);
    decref(this.args);
    const tb = this.traceback;
    this.traceback = null;
    xdecref(tb);
    const ca = this.cause;
    this.cause = null;
    xdecref(ca);
    const c = this.context;
    this.context = null;
    xdecref(c);
    const v = this.value;
    this.value = null;
    xdecref(v);
    const oa = this.objAttr;
    this.objAttr = null;
    xdecref(oa);
    if (this.slots !== null) for (const x of this.slots) xdecref(x);
  }
}

/** A Python exception in flight: owns one reference to `exc`. */
export class PyErr {
  constructor(readonly exc: PyBaseException) {}
}

function exc(name: string, base: PyType | null): PyType {
  const t = new PyType({ name, base: base ?? ObjectType, isGC: true, basicsize: 64, subclassable: true });
  t.isException = true;
  return t;
}

export const BaseException = exc('BaseException', null);
export const SystemExit = exc('SystemExit', BaseException);
export const KeyboardInterrupt = exc('KeyboardInterrupt', BaseException);
export const GeneratorExit = exc('GeneratorExit', BaseException);
export const Exception = exc('Exception', BaseException);
export const StopIteration = exc('StopIteration', Exception);
export const ArithmeticError = exc('ArithmeticError', Exception);
export const FloatingPointError = exc('FloatingPointError', ArithmeticError);
export const OverflowError = exc('OverflowError', ArithmeticError);
export const ZeroDivisionError = exc('ZeroDivisionError', ArithmeticError);
export const AssertionError = exc('AssertionError', Exception);
export const AttributeError = exc('AttributeError', Exception);
export const BufferError = exc('BufferError', Exception);
export const EOFError = exc('EOFError', Exception);
export const ImportError = exc('ImportError', Exception);
export const ModuleNotFoundError = exc('ModuleNotFoundError', ImportError);
export const LookupError = exc('LookupError', Exception);
export const IndexError = exc('IndexError', LookupError);
export const KeyError = exc('KeyError', LookupError);
export const MemoryError = exc('MemoryError', Exception);
export const NameError = exc('NameError', Exception);
export const UnboundLocalError = exc('UnboundLocalError', NameError);
export const OSError = exc('OSError', Exception);
export const ReferenceError = exc('ReferenceError', Exception);
export const RuntimeError = exc('RuntimeError', Exception);
export const NotImplementedError = exc('NotImplementedError', RuntimeError);
export const RecursionError = exc('RecursionError', RuntimeError);
export const SyntaxError = exc('SyntaxError', Exception);
export const SystemError = exc('SystemError', Exception);
export const TypeError = exc('TypeError', Exception);
export const ValueError = exc('ValueError', Exception);
export const UnicodeError = exc('UnicodeError', ValueError);
export const Warning = exc('Warning', Exception);
export const UserWarning = exc('UserWarning', Warning);
export const DeprecationWarning = exc('DeprecationWarning', Warning);
export const RuntimeWarning = exc('RuntimeWarning', Warning);

export const BUILTIN_EXCEPTIONS: readonly PyType[] = [
  BaseException, SystemExit, KeyboardInterrupt, GeneratorExit, Exception, StopIteration,
  ArithmeticError, FloatingPointError, OverflowError, ZeroDivisionError, AssertionError,
  AttributeError, BufferError, EOFError, ImportError, ModuleNotFoundError, LookupError,
  IndexError, KeyError, MemoryError, NameError, UnboundLocalError, OSError, ReferenceError,
  RuntimeError, NotImplementedError, RecursionError, SyntaxError, SystemError, TypeError,
  ValueError, UnicodeError, Warning, UserWarning, DeprecationWarning, RuntimeWarning,
];

/** Set by the module that knows how to build exception instances (errors.ts). */
export let makeException: (type: PyType, msg: string | null) => PyBaseException = () => {
  throw new Error('exceptions not wired');
};
export function setMakeException(f: (type: PyType, msg: string | null) => PyBaseException): void {
  makeException = f;
}

/** PyErr_SetString + return NULL: throw a new exception of `type` with message `msg`. */
export function raise(type: PyType, msg: string): never {
  throw new PyErr(makeException(type, msg));
}

/** NameError with its `name` (for suggestions). */
export function raiseNameError(name: string, msg: string): never {
  const e = makeException(NameError, msg);
  e.nameAttr = name;
  throw new PyErr(e);
}

/** AttributeError with `name` and `obj` (set_attribute_error_context). */
export function raiseAttributeError(obj: PyObject, name: string, msg: string): never {
  const e = makeException(AttributeError, msg);
  e.nameAttr = name;
  e.objAttr = incref(obj);
  throw new PyErr(e);
}

/** Raise an already-built exception instance (steals the reference). */
export function raiseObject(e: PyBaseException): never {
  throw new PyErr(e);
}

/** PyErr_ExceptionMatches */
export function errMatches(err: PyErr, type: PyType): boolean {
  return err.exc.ob_type.isSubtypeOf(type);
}

/** Drop a caught error (PyErr_Clear). */
export function errClear(err: PyErr): void {
  decref(err.exc);
}

export function newExceptionRef(e: PyBaseException): PyBaseException {
  return incref(e);
}
