// Making a built-in module for a run: a module object whose dict holds its functions.

import { PyObject, decref } from '../objects/object';
import { PyModule } from '../objects/module';
import { newDict } from '../objects/dict';
import { PyCFunction, type NativeImpl } from '../objects/descr';
import { dictSetStrKey } from '../types/mappings';
import { newStr } from '../objects/str';
import { allocated } from '../gc';

export function makeModule(
  name: string,
  functions: Record<string, NativeImpl>,
  values: Record<string, () => PyObject> = {},
  varargs: readonly string[] = [],
): PyModule {
  const d = newDict();
  const m = new PyModule(name, d);
  allocated(m, true);
  const nm = newStr(name);
  dictSetStrKey(d, '__name__', nm);
  decref(nm);
  for (const [fname, impl] of Object.entries(functions)) {
    const f = new PyCFunction(fname, impl, m);
    f.varargs = varargs.includes(fname);
    m.ob_refcnt++; // m_self
    allocated(f, true);
    dictSetStrKey(d, fname, f);
    decref(f);
  }
  for (const [k, make] of Object.entries(values)) {
    const v = make();
    dictSetStrKey(d, k, v);
    decref(v);
  }
  return m;
}
