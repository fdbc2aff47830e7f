// tuple (Objects/tupleobject.c). GC-tracked when created; the collector untracks a tuple
// whose items can never be part of a cycle (_PyTuple_MaybeUntrack). The empty tuple is a
// static singleton.

import { PyObject, decref, incref, traceShared, heap, type Visit } from './object';
import { PyType } from './type';

export class PyTuple extends PyObject {
  // Declared and assigned in the constructor, as PyObject's fields are (one store, no initializer).
  declare readonly items: PyObject[];
  constructor(items: PyObject[]) {
    super(TupleType);
    this.items = items;
  }
  shortRepr(): string {
    return `tuple[${this.items.length}]`;
  }
  traverse(visit: Visit): void {
    // tupletraverse visits from the last item to the first.
    const it = this.items;
    for (let i = it.length - 1; i >= 0; i--) visit(it[i]!);
  }
  release(): void {
    // tupledealloc releases the items from the last to the first.
    const it = this.items;
    for (let i = it.length - 1; i >= 0; i--) decref(it[i]!);
  }
}

export const TupleType = new PyType({ name: 'tuple', isGC: true, basicsize: 24, itemsize: 8, subclassable: true });

export const emptyTuple = new PyTuple([]);

let allocHook: (o: PyObject) => void = () => {};
export function setTupleAllocHook(f: (o: PyObject) => void): void {
  allocHook = f;
}

/** A new tuple that steals the references in `items` (PyTuple_New + PyTuple_SET_ITEM). */
export function newTuple(items: PyObject[]): PyTuple {
  if (items.length === 0) {
    if (heap.events !== null) traceShared(emptyTuple, 'singleton');
    return incref(emptyTuple);
  }
  const t = new PyTuple(items);
  allocHook(t);
  return t;
}

/** A new tuple holding new references to `items` (borrowed in). */
export function newTupleFrom(items: readonly PyObject[]): PyTuple {
  const copy = items.slice();
  for (const o of copy) incref(o);
  return newTuple(copy);
}

export function isTuple(o: PyObject): o is PyTuple {
  return o instanceof PyTuple;
}
