// list (Objects/listobject.c). `items` holds ob_item[0:ob_size]; `allocated` follows
// CPython's list_resize over-allocation exactly, because sys.getsizeof reports it and it
// depends on how the list was built (literal, append, extend, comprehension, slicing...).

import { PyObject, decref, type Visit } from './object';
import { PyType } from './type';

export class PyList extends PyObject {
  // Declared and assigned in the constructor, as PyObject's fields are (no initializer).
  declare items: PyObject[];
  declare allocated: number;
  constructor(items: PyObject[], allocated?: number) {
    super(ListType);
    this.items = items;
    this.allocated = allocated ?? items.length;
  }
  shortRepr(): string {
    return `list[${this.items.length}]`;
  }
  traverse(visit: Visit): void {
    // list_traverse visits from the last item to the first.
    const it = this.items;
    for (let i = it.length - 1; i >= 0; i--) visit(it[i]!);
  }
  clear(): void {
    // list_clear (tp_clear): drops the items from the last to the first.
    const it = this.items;
    this.items = [];
    this.allocated = 0;
    for (let i = it.length - 1; i >= 0; i--) decref(it[i]!);
  }
  release(): void {
    const it = this.items;
    this.items = [];
    for (let i = it.length - 1; i >= 0; i--) decref(it[i]!);
  }
}

export const ListType = new PyType({ name: 'list', isGC: true, basicsize: 40, subclassable: true });

let allocHook: (o: PyObject) => void = () => {};
export function setListAllocHook(f: (o: PyObject) => void): void {
  allocHook = f;
}

/** PyList_New(0)-style: a tracked list stealing `items`, with `allocated` slots. */
export function newList(items: PyObject[], allocated?: number): PyList {
  const l = new PyList(items, allocated);
  allocHook(l);
  return l;
}

export function isList(o: PyObject): o is PyList {
  return o instanceof PyList;
}

/**
 * list_resize: the allocation after growing or shrinking to `newsize`.
 * new_allocated = (newsize + (newsize >> 3) + 6) & ~3, but not when the new size is
 * closer to that than to the old size (then just round up to a multiple of 4).
 */
export function listResize(l: PyList, newsize: number): void {
  const allocated = l.allocated;
  if (allocated >= newsize && newsize >= allocated >> 1) return;
  let na = (newsize + (newsize >> 3) + 6) & ~3;
  if (newsize - l.items.length > na - newsize) na = (newsize + 3) & ~3;
  if (newsize === 0) na = 0;
  l.allocated = na;
}

/** list_preallocate_exact */
export function listPreallocateExact(l: PyList, size: number): void {
  l.allocated = size;
}
