// slice objects and index adjustment (Objects/sliceobject.c: PySlice_Unpack,
// PySlice_AdjustIndices).

import { PyObject, decref, type Visit } from './object';
import { PyType } from './type';
import { PyInt, big } from './int';
import { None } from './singletons';
import { raise, TypeError, ValueError } from './exceptions';

export class PySlice extends PyObject {
  constructor(
    readonly start: PyObject,
    readonly stop: PyObject,
    readonly step: PyObject,
  ) {
    super(SliceType);
  }
  shortRepr(): string {
    return 'slice(...)';
  }
  traverse(visit: Visit): void {
    visit(this.start);
    visit(this.stop);
    visit(this.step);
  }
  release(): void {
    decref(this.start);
    decref(this.stop);
    decref(this.step);
  }
}

export const SliceType = new PyType({ name: 'slice', isGC: true, basicsize: 40 });

let allocHook: (o: PyObject) => void = () => {};
export function setSliceAllocHook(f: (o: PyObject) => void): void {
  allocHook = f;
}

/** Steals the three references. */
export function newSlice(start: PyObject, stop: PyObject, step: PyObject): PySlice {
  const s = new PySlice(start, stop, step);
  allocHook(s);
  return s;
}

function intOrNone(o: PyObject, dflt: number): number {
  if (o === None) return dflt;
  if (o instanceof PyInt) {
    const v = big(o.value);
    if (v > 9007199254740991n) return Number.MAX_SAFE_INTEGER;
    if (v < -9007199254740991n) return -Number.MAX_SAFE_INTEGER;
    return Number(v);
  }
  raise(TypeError, 'slice indices must be integers or None or have an __index__ method');
}

/** start, stop, step and length of the selected items for a sequence of `len` items. */
export function sliceIndices(s: PySlice, len: number): [number, number, number, number] {
  const step = intOrNone(s.step, 1);
  if (step === 0) raise(ValueError, 'slice step cannot be zero');
  let start = intOrNone(s.start, step < 0 ? Number.MAX_SAFE_INTEGER : 0);
  let stop = intOrNone(s.stop, step < 0 ? -Number.MAX_SAFE_INTEGER : Number.MAX_SAFE_INTEGER);
  if (start < 0) {
    start += len;
    if (start < 0) start = step < 0 ? -1 : 0;
  } else if (start >= len) start = step < 0 ? len - 1 : len;
  if (stop < 0) {
    stop += len;
    if (stop < 0) stop = step < 0 ? -1 : 0;
  } else if (stop >= len) stop = step < 0 ? len - 1 : len;
  let n = 0;
  if (step < 0) {
    if (stop < start) n = Math.floor((start - stop - 1) / -step) + 1;
  } else if (start < stop) n = Math.floor((stop - start - 1) / step) + 1;
  return [start, stop, step, n];
}
