// The sys module (Python/sysmodule.c): getrefcount, getsizeof, intern, the recursion limit
// and the version facts a program may print.

import { PyObject, incref } from '../objects/object';
import { PyStr, internInPlace, newStr } from '../objects/str';
import { PyInt, newInt } from '../objects/int';
import { newTuple, PyTuple } from '../objects/tuple';
import { None } from '../objects/singletons';
import { raise, TypeError, ValueError, SystemExit } from '../objects/exceptions';
import { raiseWith } from '../pyerrors';
import { typeName } from '../abstract';
import { sizeofObject } from '../sizeof';
import { profile } from '../profile';
import { rt, writeStdout } from '../runtime';
import { makeModule } from './module_util';
import type { PyModule } from '../objects/module';

/** What sys.getrefcount reports: the count, or _Py_IMMORTAL_REFCNT for immortal objects. */
export function reportedRefcount(o: PyObject): number {
  return o.immortal ? profile().immortalRefcnt : o.ob_refcnt;
}

export function makeSysModule(): PyModule {
  const p = profile();
  const [maj, min] = p.version.split('.').map(Number) as [number, number];
  const micro = { '3.10': 13, '3.11': 7, '3.12': 1, '3.13': 0 }[p.version];
  return makeModule(
    'sys',
    {
      getrefcount: (_s, args) => {
        if (args.length !== 1) raise(TypeError, `getrefcount() takes exactly one argument (${args.length} given)`);
        return newInt(reportedRefcount(args[0]!));
      },
      getsizeof: (_s, args) => {
        if (args.length < 1 || args.length > 2) raise(TypeError, `getsizeof() takes at most 2 arguments (${args.length} given)`);
        return newInt(sizeofObject(args[0]!));
      },
      intern: (_s, args) => {
        if (args.length !== 1) raise(TypeError, `intern() takes exactly one argument (${args.length} given)`);
        const s = args[0]!;
        if (!(s instanceof PyStr) || s.ob_type.isHeapType) raise(TypeError, `intern() argument must be str, not ${typeName(s)}`);
        return internInPlace(incref(s));
      },
      getrecursionlimit: () => newInt(rt.recursionLimit),
      setrecursionlimit: (_s, args) => {
        const v = args[0];
        if (!(v instanceof PyInt)) raise(TypeError, "'" + typeName(v ?? None) + "' object cannot be interpreted as an integer");
        const n = Number(v.value);
        if (n < 1) raise(ValueError, 'recursion limit must be greater or equal than 1');
        rt.recursionLimit = Math.min(n, rt.limits.maxDepth > 1000 ? rt.limits.maxDepth : 100000);
        return incref(None);
      },
      exit: (_s, args) => {
        // sys_exit_impl: PyErr_SetObject(SystemExit, status) makes SystemExit(), SystemExit(*t) or SystemExit(status).
        if (args.length > 1) raise(TypeError, `exit expected at most 1 argument, got ${args.length}`);
        const status = args[0];
        if (status === undefined || status === None) raiseWith(SystemExit, []);
        raiseWith(SystemExit, status instanceof PyTuple ? status.items : [status]);
      },
    },
    {
      maxsize: () => newInt(9223372036854775807n),
      version_info: () => newTuple([newInt(maj), newInt(min), newInt(micro), newStr('final'), newInt(0)]),
      version: () => newStr(`${p.version}.${micro}`),
      platform: () => newStr('linux'),
      byteorder: () => newStr('little'),
      hexversion: () => newInt(p.hexversion),
    },
    ['getsizeof'],
  );
}

export { writeStdout };
