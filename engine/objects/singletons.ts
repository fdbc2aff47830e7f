// None, NotImplemented and Ellipsis (Objects/object.c, Objects/sliceobject.c): one static
// object each, immortal on 3.12+.

import { PyObject, incref } from './object';
import { PyType } from './type';

class PySingleton extends PyObject {
  constructor(
    type: PyType,
    readonly text: string,
  ) {
    super(type);
  }
  shortRepr(): string {
    return this.text;
  }
}

export const NoneType = new PyType({ name: 'NoneType', basicsize: 16 });
export const NotImplementedType = new PyType({ name: 'NotImplementedType', basicsize: 16 });
export const EllipsisType = new PyType({ name: 'ellipsis', basicsize: 16 });

export const None: PyObject = new PySingleton(NoneType, 'None');
export const NotImplemented: PyObject = new PySingleton(NotImplementedType, 'NotImplemented');
export const Ellipsis: PyObject = new PySingleton(EllipsisType, 'Ellipsis');

/** Py_RETURN_NONE */
export function newNone(): PyObject {
  return incref(None);
}

export function newNotImplemented(): PyObject {
  return incref(NotImplemented);
}
