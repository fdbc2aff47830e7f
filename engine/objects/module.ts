// Module objects (Objects/moduleobject.c): a name and a dict (md_dict) of globals.

import { PyObject, decref, type Visit } from './object';
import { PyType } from './type';
import type { PyDict } from './dict';

export class PyModule extends PyObject {
  constructor(
    readonly name: string,
    public dict: PyDict,
  ) {
    super(ModuleType);
  }
  shortRepr(): string {
    return `<module '${this.name}'>`;
  }
  traverse(visit: Visit): void {
    visit(this.dict);
  }
  release(): void {
    decref(this.dict);
  }
}

export const ModuleType = new PyType({ name: 'module', isGC: true, basicsize: 56 });
