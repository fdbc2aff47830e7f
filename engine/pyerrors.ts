// Building exception instances (Python/errors.c, Objects/exceptions.c): PyErr_SetString,
// KeyError's repr-of-the-key message, BaseException's args/str/repr, and the traceback
// line CPython prints for an uncaught exception.

import { PyObject, incref, decref } from './objects/object';
import { PyType, TypeType } from './objects/type';
import { PyStr, newStr } from './objects/str';
import { PyTuple, newTuple, emptyTuple } from './objects/tuple';
import { None } from './objects/singletons';
import {
  PyBaseException, PyErr, BaseException, KeyError, StopIteration, setMakeException, raise, TypeError,
} from './objects/exceptions';
import { reprString, strString, typeName } from './abstract';
import { suggestionSuffix } from './suggestions';
import { profile } from './profile';

let allocHook: (o: PyObject) => void = () => {};
export function setExceptionAllocHook(f: (o: PyObject) => void): void {
  allocHook = f;
}

/** A new exception instance with the given args (stolen tuple). */
export function newException(type: PyType, args: PyTuple): PyBaseException {
  const e = new PyBaseException(type, args);
  allocHook(e);
  if (type === StopIteration || type.isSubtypeOf(StopIteration)) {
    e.value = incref(args.items.length > 0 ? args.items[0]! : None);
  }
  return e;
}

setMakeException((type, msg) => {
  const args = msg === null ? incref(emptyTuple) : newTuple([newStr(msg)]);
  return newException(type, args);
});

/** KeyError(key): the message is the key's repr. */
export function raiseKeyError(key: PyObject): never {
  throw new PyErr(newException(KeyError, newTuple([incref(key)])));
}

/** Raise `type(*args)` for built-in exception types (args borrowed). */
export function raiseWith(type: PyType, args: readonly PyObject[]): never {
  throw new PyErr(newException(type, newTuple(args.map((a) => incref(a)))));
}

/** str(exception): BaseException_str, KeyError_str. */
export function exceptionStr(e: PyBaseException): string {
  const args = (e.args as PyTuple).items;
  if (args.length === 0) return '';
  if (args.length === 1) {
    if (e.ob_type.isSubtypeOf(KeyError)) return reprString(args[0]!);
    return strString(args[0]!);
  }
  return reprString(e.args);
}

export function exceptionRepr(e: PyBaseException): string {
  const name = e.ob_type.name;
  const args = (e.args as PyTuple).items;
  if (args.length === 1) return `${name}(${reprString(args[0]!)})`;
  return name + reprString(e.args);
}

/** The last line of CPython's traceback for an uncaught exception. */
export function tracebackLastLine(e: PyBaseException): string {
  const t = e.ob_type;
  // 3.10's print_exception prefixes every module but builtins; 3.11+'s traceback module skips __main__ too.
  const bare = t.module === 'builtins' || (t.module === '__main__' && !profile().tracebackQualifiesMain);
  const qual = bare ? t.qualname : `${t.module}.${t.qualname}`;
  let msg: string;
  try {
    msg = exceptionStrForDisplay(e);
  } catch (err) {
    if (err instanceof PyErr) {
      decref(err.exc);
      return `${qual}: <exception str() failed>`;
    }
    throw err;
  }
  return (msg === '' ? qual : `${qual}: ${msg}`) + suggestionSuffix(e);
}

/** The message part: str(exception), so a class's own __str__ runs (print_exception). */
function exceptionStrForDisplay(e: PyBaseException): string {
  return strString(e);
}

export function isExceptionType(o: PyObject): o is PyType {
  return o instanceof PyType && o.isException;
}

/** The exception to raise for `raise X` (a class is instantiated, an instance used as is). */
export function checkRaisable(o: PyObject): void {
  if (o instanceof PyBaseException) return;
  if (isExceptionType(o)) return;
  raise(TypeError, 'exceptions must derive from BaseException');
}

export { BaseException, TypeType, typeName, PyStr };
