// Instances of Python classes (Objects/typeobject.c: object_new, subtype_traverse,
// subtype_clear, subtype_dealloc).
//
// Attribute storage follows the profile:
// - 3.10: a real `__dict__` (a dict object, made at the first attribute store, counted by
//   the collector as a separate object: two instances in a cycle are 4 objects);
// - 3.11+: "managed" values inside the instance; a dict object is only materialised when
//   `__dict__` is read (so the same cycle is 2 objects).
// `__slots__` values live in the instance either way.

import { PyObject, decref, xdecref, type Visit } from './object';
import type { PyType } from './type';
import type { PyDict } from './dict';

export class PyInstance extends PyObject {
  // Fields are declared and assigned in the constructor, as PyObject's are (no initializer).
  /** The __dict__ object (3.10: made at first store; 3.11+: only when materialised). */
  declare dict: PyDict | null;
  /**
   * 3.11+ managed values: the attribute store while no dict object exists. It is a PyDict
   * used as plain storage, never tracked, counted or shown (CPython's PyDictValues).
   */
  declare values: PyDict | null;
  /** __slots__ members, in the order of the class's slot table. */
  declare slots: (PyObject | null)[];

  constructor(type: PyType, nslots: number) {
    super(type);
    this.dict = null;
    this.values = null;
    this.slots = nslots > 0 ? new Array<PyObject | null>(nslots).fill(null) : [];
  }

  shortRepr(): string {
    return `<${this.ob_type.qualname} object>`;
  }

  /** The attribute store in use (borrowed), or null. */
  attrs(): PyDict | null {
    return this.dict ?? this.values;
  }

  traverse(visit: Visit): void {
    // subtype_traverse: managed values, slots, dict, then the type.
    if (this.values !== null) this.values.traverse(visit);
    // An indexed loop: the collector calls this for every instance twice per collection, and
    // for-of's iterator protocol costs more before the JIT has optimised it.
    const slots = this.slots;
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i]!;
      if (s !== null) visit(s);
    }
    // 3.13: a materialised dict still shares the inline values; those are what is visited.
    if (this.dict !== null) {
      if (this.dict.storesUntracked) this.dict.traverse(visit);
      else visit(this.dict);
    }
    visit(this.ob_type);
  }

  clear(): void {
    // subtype_clear: slots, then the dict (or managed values).
    for (let i = 0; i < this.slots.length; i++) {
      const s = this.slots[i]!;
      if (s !== null) {
        this.slots[i] = null;
        decref(s);
      }
    }
    const v = this.values;
    if (v !== null) v.release();
    const d = this.dict;
    if (d !== null && d.storesUntracked) {
      d.clear();
      return;
    }
    this.dict = null;
    xdecref(d);
  }

  release(): void {
    // subtype_dealloc: clear_slots, then the managed values or the dict.
    for (let i = 0; i < this.slots.length; i++) {
      const s = this.slots[i]!;
      if (s !== null) {
        this.slots[i] = null;
        decref(s);
      }
    }
    const v = this.values;
    this.values = null;
    if (v !== null) v.release();
    const d = this.dict;
    this.dict = null;
    xdecref(d);
  }
}
