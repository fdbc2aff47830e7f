// list, tuple and range behaviour (Objects/listobject.c, tupleobject.c, rangeobject.c),
// with list growth exactly as CPython's (so sys.getsizeof agrees however a list was built),
// and their iterators.

import { PyObject, incref, decref, xdecref, type Visit } from '../objects/object';
import { PyType, CmpOp } from '../objects/type';
import { PyList, ListType, newList, listResize, listPreallocateExact } from '../objects/list';
import { PyTuple, TupleType, newTuple, emptyTuple } from '../objects/tuple';
import { PyInt, newInt, pyBool, big, intAdd, intMul, intSub, intCompare, intFloorDiv, isZero, type IntValue } from '../objects/int';
import { PyStr, newStr, StrType } from '../objects/str';
import { PySlice, sliceIndices, newSlice } from '../objects/slice';
import { PySet } from '../objects/set';
import { PyDict } from '../objects/dict';
import { None, NotImplemented } from '../objects/singletons';
import { raise, TypeError, ValueError, IndexError } from '../objects/exceptions';
import { defineMethods } from '../objects/descr';
import {
  reprString, typeName, compareBool, richCompare, truth, getIter, iterNext, hashTuple, indexValue, iterToArray, callObject, eq,
} from '../abstract';
import { profile } from '../profile';
import { PyDictView } from './mappings';
import { kwArgs } from './strings';
import { reprEnter, reprLeave } from './reprguard';

const NI = (): PyObject => incref(NotImplemented);

// ---------------------------------------------------------------- shared helpers

function normIndex(key: PyObject, len: number, what: string, kind: string): number {
  if (!(key instanceof PyInt) && key.ob_type.nb_index === null) {
    raise(TypeError, `${kind} indices must be integers or slices, not ${typeName(key)}`);
  }
  let i = Number(indexValue(key));
  if (i < 0) i += len;
  if (i < 0 || i >= len) raise(IndexError, what);
  return i;
}

function seqRepr(items: readonly PyObject[], open: string, close: string, self: PyObject): string {
  if (items.length === 0) return open + close;
  if (!reprEnter(self)) return open + '...' + close;
  try {
    const parts: string[] = [];
    // items may change while their reprs run; walk by index like CPython.
    for (let i = 0; i < items.length; i++) {
      const x = items[i]!;
      incref(x);
      try {
        parts.push(reprString(x));
      } finally {
        decref(x);
      }
    }
    return open + parts.join(', ') + close;
  } finally {
    reprLeave(self);
  }
}

/** Lexicographic rich comparison of two item arrays (list_richcompare / tuplerichcompare). */
function seqCompare(a: readonly PyObject[], b: readonly PyObject[], op: CmpOp): PyObject {
  if ((op === CmpOp.EQ || op === CmpOp.NE) && a.length !== b.length) return pyBool(op === CmpOp.NE);
  let i = 0;
  for (; i < a.length && i < b.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (!compareBool(x, y, CmpOp.EQ)) break;
  }
  if (i >= a.length || i >= b.length) {
    const c = a.length - b.length;
    switch (op) {
      case CmpOp.LT:
        return pyBool(c < 0);
      case CmpOp.LE:
        return pyBool(c <= 0);
      case CmpOp.EQ:
        return pyBool(c === 0);
      case CmpOp.NE:
        return pyBool(c !== 0);
      case CmpOp.GT:
        return pyBool(c > 0);
      case CmpOp.GE:
        return pyBool(c >= 0);
    }
  }
  if (op === CmpOp.EQ) return pyBool(false);
  if (op === CmpOp.NE) return pyBool(true);
  return richCompare(a[i]!, b[i]!, op);
}

function seqContains(items: readonly PyObject[], x: PyObject): boolean {
  for (let i = 0; i < items.length; i++) if (compareBool(items[i]!, x, CmpOp.EQ)) return true;
  return false;
}

// ---------------------------------------------------------------- list

ListType.tp_repr = (o) => newStr(seqRepr((o as PyList).items, '[', ']', o));
ListType.sq_length = (o) => (o as PyList).items.length;
ListType.tp_richcompare = (a, b, op) => (b instanceof PyList ? seqCompare((a as PyList).items, b.items, op) : NI());
ListType.sq_contains = (o, x) => seqContains((o as PyList).items, x);
ListType.sq_concat = (a, b) => {
  if (!(b instanceof PyList)) raise(TypeError, `can only concatenate list (not "${typeName(b)}") to list`);
  const items = [...(a as PyList).items, ...b.items];
  for (const x of items) incref(x);
  return newList(items);
};
ListType.sq_repeat = (a, n) => {
  const count = Math.max(0, Number(big((n as PyInt).value)));
  const src = (a as PyList).items;
  const items: PyObject[] = [];
  for (let i = 0; i < count; i++) for (const x of src) items.push(incref(x));
  return newList(items);
};
ListType.sq_inplace_concat = (a, b) => {
  listExtend(a as PyList, b);
  return incref(a);
};
ListType.sq_inplace_repeat = (a, n) => {
  const l = a as PyList;
  const count = Number(big((n as PyInt).value));
  if (count <= 0) {
    listClear(l);
    return incref(a);
  }
  const src = l.items.slice();
  listResize(l, src.length * count);
  for (let i = 1; i < count; i++) for (const x of src) l.items.push(incref(x));
  return incref(a);
};
ListType.tp_iter = (o) => newSeqIter(ListIterType, o);
ListType.mp_subscript = (o, key) => {
  const l = o as PyList;
  if (key instanceof PySlice) {
    const [start, , step, n] = sliceIndices(key, l.items.length);
    const items: PyObject[] = [];
    for (let i = 0, j = start; i < n; i++, j += step) items.push(incref(l.items[j]!));
    return newList(items);
  }
  const i = normIndex(key, l.items.length, 'list index out of range', 'list');
  return incref(l.items[i]!);
};
ListType.mp_ass_subscript = (o, key, v) => {
  const l = o as PyList;
  if (key instanceof PySlice) {
    listAssSlice(l, key, v);
    return;
  }
  const i = normIndex(key, l.items.length, v === null ? 'list assignment index out of range' : 'list assignment index out of range', 'list');
  const old = l.items[i]!;
  if (v === null) {
    // list_ass_slice(i, i+1, NULL): shift, resize, then release the old item.
    shrinkTo(l, l.items.length - 1);
    l.items.splice(i, 1);
    decref(old);
    return;
  }
  l.items[i] = incref(v);
  decref(old);
};

function shrinkTo(l: PyList, newsize: number): void {
  // list_resize(self, newsize) while Py_SIZE(self) is still the old size.
  const allocated = l.allocated;
  if (allocated >= newsize && newsize >= allocated >> 1) return;
  let na = (newsize + (newsize >> 3) + 6) & ~3;
  if (newsize === 0) na = 0;
  l.allocated = na;
}

function listAssSlice(l: PyList, key: PySlice, v: PyObject | null): void {
  const [start, stop, step, n] = sliceIndices(key, l.items.length);
  if (step === 1) {
    const hi = Math.max(start, stop);
    const newItems = v === null ? [] : v === l ? l.items.map((x) => incref(x)) : iterToArray(v);
    const removed = l.items.slice(start, hi);
    const oldSize = l.items.length;
    const newSize = oldSize - removed.length + newItems.length;
    if (newSize < oldSize) shrinkTo(l, newSize);
    else if (newSize > oldSize) {
      const saved = l.items;
      listResize(l, newSize);
      l.items = saved;
    }
    l.items.splice(start, removed.length, ...newItems);
    for (let i = removed.length - 1; i >= 0; i--) decref(removed[i]!);
    return;
  }
  if (v === null) {
    const idx: number[] = [];
    for (let i = 0, j = start; i < n; i++, j += step) idx.push(j);
    const removed: PyObject[] = [];
    idx.sort((a, b) => b - a);
    for (const j of idx) removed.push(...l.items.splice(j, 1));
    shrinkTo(l, l.items.length);
    for (const r of removed) decref(r);
    return;
  }
  const seq = iterToArray(v);
  if (seq.length !== n) {
    for (const x of seq) decref(x);
    raise(ValueError, `attempt to assign sequence of size ${seq.length} to extended slice of size ${n}`);
  }
  const old: PyObject[] = [];
  for (let i = 0, j = start; i < n; i++, j += step) {
    old.push(l.items[j]!);
    l.items[j] = seq[i]!;
  }
  for (const x of old) decref(x);
}

/** list.append */
export function listAppend(l: PyList, v: PyObject): void {
  listResize(l, l.items.length + 1);
  l.items.push(incref(v));
}

function listClear(l: PyList): void {
  const items = l.items;
  l.items = [];
  l.allocated = 0;
  for (let i = items.length - 1; i >= 0; i--) decref(items[i]!);
}

/**
 * 3.13's list_extend_set / list_extend_dict / list_extend_dictitems: a set, a dict or a dict
 * view is added after one list_resize to the new length (over-allocating). Returns its
 * length, or null when the iterable takes another path.
 */
function extendsByResize(src: PyObject): number | null {
  if (!profile().listFromSetOverallocates) return null;
  if (src instanceof PySet || src instanceof PyDict) return src.used;
  if (src instanceof PyDictView) return src.dict.used;
  return null;
}

/** list_extend, with the allocation of each path CPython takes. */
export function listExtend(l: PyList, src: PyObject): void {
  if (src instanceof PyList || src instanceof PyTuple) {
    const add = src.items.slice();
    if (add.length === 0) return;
    if (l.allocated === 0 && l.items.length === 0) listPreallocateExact(l, (add.length + 1) & ~1);
    else listResize(l, l.items.length + add.length);
    for (const x of add) l.items.push(incref(x));
    return;
  }
  const n = extendsByResize(src);
  if (n !== null) {
    listResize(l, l.items.length + n);
    const items = iterToArray(src);
    for (const x of items) l.items.push(x);
    return;
  }
  // Generic iterable: room for the length hint first, then append, then trim.
  const hint = lengthHint(src, 8);
  if (l.allocated === 0 && l.items.length === 0) {
    if (hint > 0) listPreallocateExact(l, (hint + 1) & ~1);
  } else if (hint > 0) {
    const saved = l.items.length;
    listResize(l, saved + hint);
  }
  const it = getIter(src);
  try {
    for (;;) {
      const x = iterNext(it);
      if (x === null) break;
      if (l.items.length < l.allocated) l.items.push(x);
      else {
        listResize(l, l.items.length + 1);
        l.items.push(x);
      }
    }
  } finally {
    decref(it);
  }
  if (l.items.length < l.allocated) shrinkTo(l, l.items.length);
}

/** PyObject_LengthHint */
export let lengthHint: (o: PyObject, dflt: number) => number = (o, dflt) => {
  if (o.ob_type.sq_length !== null) return o.ob_type.sq_length(o);
  return dflt;
};
export function setLengthHint(f: typeof lengthHint): void {
  lengthHint = f;
}

/** list(iterable): pre-sized to len when the iterable has one (list___init__), then extended. */
export function listFromIterable(src: PyObject): PyList {
  const l = newList([], 0);
  try {
    if (src.ob_type.sq_length !== null && extendsByResize(src) === null) {
      const n = src.ob_type.sq_length(src);
      if (n > 0) listPreallocateExact(l, (n + 1) & ~1);
    }
    listExtend(l, src);
  } catch (e) {
    decref(l);
    throw e;
  }
  return l;
}

type Args = readonly PyObject[];

function argc(name: string, args: Args, min: number, max: number): void {
  if (args.length >= min && args.length <= max) return;
  if (min === max && min === 0) raise(TypeError, `${name}() takes no arguments (${args.length} given)`);
  if (min === max && min === 1) raise(TypeError, `${name}() takes exactly one argument (${args.length} given)`);
  if (args.length < min) raise(TypeError, `${name} expected at least ${min} argument${min > 1 ? 's' : ''}, got ${args.length}`);
  raise(TypeError, `${name} expected at most ${max} argument${max > 1 ? 's' : ''}, got ${args.length}`);
}

defineMethods(ListType, {
  append: (self, args) => {
    argc('list.append', args, 1, 1);
    listAppend(self as PyList, args[0]!);
    return incref(None);
  },
  extend: (self, args) => {
    argc('list.extend', args, 1, 1);
    listExtend(self as PyList, args[0]!);
    return incref(None);
  },
  insert: (self, args) => {
    argc('insert', args, 2, 2);
    const l = self as PyList;
    let i = Number(indexValue(args[0]!));
    const n = l.items.length;
    if (i < 0) i = Math.max(0, i + n);
    if (i > n) i = n;
    listResize(l, n + 1);
    l.items.splice(i, 0, incref(args[1]!));
    return incref(None);
  },
  pop: (self, args) => {
    argc('pop', args, 0, 1);
    const l = self as PyList;
    const n = l.items.length;
    if (n === 0) raise(IndexError, 'pop from empty list');
    let i = args.length > 0 ? Number(indexValue(args[0]!)) : -1;
    if (i < 0) i += n;
    if (i < 0 || i >= n) raise(IndexError, 'pop index out of range');
    const v = l.items[i]!;
    shrinkTo(l, n - 1);
    l.items.splice(i, 1);
    return v;
  },
  remove: (self, args) => {
    argc('list.remove', args, 1, 1);
    const l = self as PyList;
    for (let i = 0; i < l.items.length; i++) {
      const x = l.items[i]!;
      incref(x);
      let same: boolean;
      try {
        same = compareBool(x, args[0]!, CmpOp.EQ);
      } finally {
        decref(x);
      }
      if (same) {
        const old = l.items[i]!;
        shrinkTo(l, l.items.length - 1);
        l.items.splice(i, 1);
        decref(old);
        return incref(None);
      }
    }
    raise(ValueError, 'list.remove(x): x not in list');
  },
  index: (self, args) => {
    argc('index', args, 1, 3);
    const l = self as PyList;
    const n = l.items.length;
    let start = args.length > 1 ? Number(indexValue(args[1]!)) : 0;
    let stop = args.length > 2 ? Number(indexValue(args[2]!)) : n;
    if (start < 0) start = Math.max(0, start + n);
    if (stop < 0) stop = Math.max(0, stop + n);
    for (let i = start; i < Math.min(stop, l.items.length); i++) if (compareBool(l.items[i]!, args[0]!, CmpOp.EQ)) return newInt(i);
    raise(ValueError, `${reprString(args[0]!)} is not in list`);
  },
  count: (self, args) => {
    argc('count', args, 1, 1);
    let c = 0;
    for (const x of (self as PyList).items.slice()) if (compareBool(x, args[0]!, CmpOp.EQ)) c++;
    return newInt(c);
  },
  clear: (self) => {
    listClear(self as PyList);
    return incref(None);
  },
  copy: (self) => {
    const items = (self as PyList).items.map((x) => incref(x));
    return newList(items);
  },
  reverse: (self) => {
    (self as PyList).items.reverse();
    return incref(None);
  },
  sort: (self, args, kw) => {
    if (args.length - (kw?.length ?? 0) > 0) raise(TypeError, 'sort() takes no positional arguments');
    const a = kwArgs(args, kw, ['key', 'reverse']);
    listSort(self as PyList, a[0] ?? None, a[1] !== undefined && truth(a[1]));
    return incref(None);
  },
  __len__: (self) => newInt((self as PyList).items.length),
});

/** list.sort: a stable sort; a key function is called once per item, in order. */
export function listSort(l: PyList, key: PyObject, reverse: boolean): void {
  const items = l.items;
  l.items = [];
  const savedAlloc = l.allocated;
  let keys: PyObject[] | null = null;
  try {
    if (key !== None) {
      keys = [];
      for (const x of items) keys.push(callObject(key, [x]));
    }
    const idx = items.map((_, i) => i);
    const ks = keys ?? items;
    // Python's sort uses only `<`; reverse keeps stability by reversing, sorting, reversing.
    if (reverse) idx.reverse();
    const lt = (i: number, j: number): boolean => compareBool(ks[i]!, ks[j]!, CmpOp.LT);
    if (idx.length < 64) timsortSmall(idx, lt);
    else mergeSort(idx, (i, j) => (lt(i, j) ? -1 : lt(j, i) ? 1 : 0));
    if (reverse) idx.reverse();
    const sorted = idx.map((i) => items[i]!);
    items.length = 0;
    items.push(...sorted);
  } finally {
    if (l.items.length > 0) {
      const extra = l.items;
      l.items = [];
      for (const x of extra) decref(x);
      l.items = items;
      l.allocated = savedAlloc;
      if (keys !== null) for (const k of keys) decref(k);
      // eslint-disable-next-line no-unsafe-finally
      raise(ValueError, 'list modified during sort');
    }
    l.items = items;
    l.allocated = savedAlloc;
    if (keys !== null) for (const k of keys) decref(k);
  }
}

/**
 * listsort for fewer than 64 items: count_run finds the leading run (reversing a strictly
 * descending one), then binarysort inserts the rest. The same comparisons in the same order
 * as CPython, so a failing `<` raises with the operands CPython names.
 */
function timsortSmall(a: number[], lt: (x: number, y: number) => boolean): void {
  const n = a.length;
  if (n < 2) return;
  let run = 2;
  if (lt(a[1]!, a[0]!)) {
    while (run < n && lt(a[run]!, a[run - 1]!)) run++;
    const head = a.slice(0, run).reverse();
    for (let i = 0; i < run; i++) a[i] = head[i]!;
  } else {
    while (run < n && !lt(a[run]!, a[run - 1]!)) run++;
  }
  for (let start = run; start < n; start++) {
    const pivot = a[start]!;
    let l = 0;
    let r = start;
    do {
      const p = l + ((r - l) >> 1);
      if (lt(pivot, a[p]!)) r = p;
      else l = p + 1;
    } while (l < r);
    for (let k = start; k > l; k--) a[k] = a[k - 1]!;
    a[l] = pivot;
  }
}

function mergeSort(a: number[], cmp: (x: number, y: number) => number): void {
  if (a.length < 2) return;
  const tmp = a.slice();
  const sort = (lo: number, hi: number): void => {
    if (hi - lo < 2) return;
    const mid = (lo + hi) >> 1;
    sort(lo, mid);
    sort(mid, hi);
    let i = lo;
    let j = mid;
    let k = lo;
    while (i < mid && j < hi) tmp[k++] = cmp(a[j]!, a[i]!) < 0 ? a[j++]! : a[i++]!;
    while (i < mid) tmp[k++] = a[i++]!;
    while (j < hi) tmp[k++] = a[j++]!;
    for (let x = lo; x < hi; x++) a[x] = tmp[x]!;
  };
  sort(0, a.length);
}

// ---------------------------------------------------------------- tuple

TupleType.tp_repr = (o) => {
  const t = o as PyTuple;
  if (t.items.length === 1) return newStr('(' + reprString(t.items[0]!) + ',)');
  return newStr(seqRepr(t.items, '(', ')', o));
};
TupleType.sq_length = (o) => (o as PyTuple).items.length;
TupleType.tp_hash = (o) => hashTuple(o as PyTuple);
TupleType.tp_richcompare = (a, b, op) => (b instanceof PyTuple ? seqCompare((a as PyTuple).items, b.items, op) : NI());
TupleType.sq_contains = (o, x) => seqContains((o as PyTuple).items, x);
TupleType.sq_concat = (a, b) => {
  if (!(b instanceof PyTuple)) raise(TypeError, `can only concatenate tuple (not "${typeName(b)}") to tuple`);
  if (b.items.length === 0 && a.ob_type === TupleType) return incref(a);
  if ((a as PyTuple).items.length === 0 && b.ob_type === TupleType) return incref(b);
  const items = [...(a as PyTuple).items, ...b.items];
  for (const x of items) incref(x);
  return newTuple(items);
};
TupleType.sq_repeat = (a, n) => {
  const count = Number(big((n as PyInt).value));
  const src = (a as PyTuple).items;
  if (count === 1 && a.ob_type === TupleType) return incref(a);
  const items: PyObject[] = [];
  for (let i = 0; i < count; i++) for (const x of src) items.push(incref(x));
  return newTuple(items);
};
TupleType.tp_iter = (o) => newSeqIter(TupleIterType, o);
TupleType.mp_subscript = (o, key) => {
  const t = o as PyTuple;
  if (key instanceof PySlice) {
    const [start, , step, n] = sliceIndices(key, t.items.length);
    if (n === t.items.length && step === 1 && o.ob_type === TupleType) return incref(o);
    const items: PyObject[] = [];
    for (let i = 0, j = start; i < n; i++, j += step) items.push(incref(t.items[j]!));
    return newTuple(items);
  }
  const i = normIndex(key, t.items.length, 'tuple index out of range', 'tuple');
  return incref(t.items[i]!);
};
defineMethods(TupleType, {
  index: (self, args) => {
    const t = self as PyTuple;
    for (let i = 0; i < t.items.length; i++) if (compareBool(t.items[i]!, args[0]!, CmpOp.EQ)) return newInt(i);
    raise(ValueError, 'tuple.index(x): x not in tuple');
  },
  count: (self, args) => {
    let c = 0;
    for (const x of (self as PyTuple).items) if (compareBool(x, args[0]!, CmpOp.EQ)) c++;
    return newInt(c);
  },
  __len__: (self) => newInt((self as PyTuple).items.length),
});

// ---------------------------------------------------------------- iterators over sequences

/** listiterobject / tupleiterobject / the str iterator: an index and the sequence (owned). */
export class PySeqIter extends PyObject {
  index = 0;
  constructor(
    type: PyType,
    public seq: PyObject | null,
  ) {
    super(type);
  }
  shortRepr(): string {
    return `<${this.ob_type.name}>`;
  }
  traverse(visit: Visit): void {
    if (this.seq !== null) visit(this.seq);
  }
  release(): void {
    xdecref(this.seq);
    this.seq = null;
  }
}

export const ListIterType = new PyType({ name: 'list_iterator', isGC: true, basicsize: 32 });
export const ListRevIterType = new PyType({ name: 'list_reverseiterator', isGC: true, basicsize: 32 });
export const TupleIterType = new PyType({ name: 'tuple_iterator', isGC: true, basicsize: 32 });
export const StrIterType = new PyType({ name: 'str_ascii_iterator', isGC: true, basicsize: 32 });
export const SeqIterType = new PyType({ name: 'iterator', isGC: true, basicsize: 32 });

let allocTracked: (o: PyObject) => void = () => {};
export function setSeqAllocHook(f: (o: PyObject) => void): void {
  allocTracked = f;
}

export function newSeqIter(type: PyType, seq: PyObject): PySeqIter {
  const it = new PySeqIter(type, incref(seq));
  allocTracked(it);
  return it;
}

function iterSelf(o: PyObject): PyObject {
  return incref(o);
}

for (const t of [ListIterType, TupleIterType, StrIterType, SeqIterType, ListRevIterType]) t.tp_iter = iterSelf;

// __length_hint__ of the sequence iterators (listiter_len, listreviter_len, tupleiter_len,
// unicodeiter_len): what is left, which list(it) and list.extend(it) pre-size for.
function seqIterLeft(o: PyObject): PyObject {
  const it = o as PySeqIter;
  const seq = it.seq;
  if (seq === null) return newInt(0);
  if (seq instanceof PyStr) return newInt(Array.from(seq.value.slice(it.index)).length);
  return newInt(Math.max(0, (seq as PyList | PyTuple).items.length - it.index));
}
for (const t of [ListIterType, TupleIterType, StrIterType, ListRevIterType]) defineMethods(t, { __length_hint__: seqIterLeft });
StrType.tp_iter = (o) => newSeqIter(StrIterType, o);

ListIterType.tp_iternext = (o) => {
  const it = o as PySeqIter;
  const seq = it.seq as PyList | null;
  if (seq === null) return null;
  if (it.index < seq.items.length) return incref(seq.items[it.index++]!);
  it.seq = null;
  decref(seq);
  return null;
};
ListRevIterType.tp_iternext = (o) => {
  const it = o as PySeqIter;
  const seq = it.seq as PyList | null;
  if (seq === null) return null;
  const i = seq.items.length - 1 - it.index;
  if (i >= 0) {
    it.index++;
    return incref(seq.items[i]!);
  }
  it.seq = null;
  decref(seq);
  return null;
};
TupleIterType.tp_iternext = (o) => {
  const it = o as PySeqIter;
  const seq = it.seq as PyTuple | null;
  if (seq === null) return null;
  if (it.index < seq.items.length) return incref(seq.items[it.index++]!);
  it.seq = null;
  decref(seq);
  return null;
};
StrIterType.tp_iternext = (o) => {
  const it = o as PySeqIter;
  const seq = it.seq as PyStr | null;
  if (seq === null) return null;
  const v = seq.value;
  if (it.index < v.length) {
    const cp = v.codePointAt(it.index)!;
    const ch = String.fromCodePoint(cp);
    it.index += ch.length;
    return newStr(ch);
  }
  it.seq = null;
  decref(seq);
  return null;
};
SeqIterType.tp_iternext = (o) => {
  // The old sequence protocol: seq[0], seq[1], ... until IndexError.
  const it = o as PySeqIter;
  const seq = it.seq;
  if (seq === null) return null;
  const k = newInt(it.index);
  try {
    const r = seq.ob_type.mp_subscript!(seq, k);
    it.index++;
    return r;
  } catch (e) {
    if (e instanceof Object && 'exc' in e && (e as { exc: PyObject }).exc.ob_type.isSubtypeOf(IndexError)) {
      decref((e as { exc: PyObject }).exc);
      it.seq = null;
      decref(seq);
      return null;
    }
    throw e;
  } finally {
    decref(k);
  }
};

// ---------------------------------------------------------------- range

export class PyRange extends PyObject {
  constructor(
    readonly start: IntValue,
    readonly stop: IntValue,
    readonly step: IntValue,
    readonly length: IntValue,
  ) {
    super(RangeType);
  }
  shortRepr(): string {
    return `range(${this.start}, ${this.stop})`;
  }
  item(i: number): IntValue {
    return intAdd(this.start, intMul(i, this.step));
  }
}

export const RangeType = new PyType({ name: 'range', basicsize: 48 });

export function rangeLength(start: IntValue, stop: IntValue, step: IntValue): IntValue {
  const s = big(step);
  const lo = big(start);
  const hi = big(stop);
  if (s > 0n) return lo < hi ? Number((hi - lo - 1n) / s + 1n) : 0;
  return lo > hi ? Number((lo - hi - 1n) / -s + 1n) : 0;
}

export function newRange(start: IntValue, stop: IntValue, step: IntValue): PyRange {
  if (isZero(step)) raise(ValueError, 'range() arg 3 must not be zero');
  const r = new PyRange(start, stop, step, rangeLength(start, stop, step));
  rangeAlloc(r);
  return r;
}

let rangeAlloc: (o: PyObject) => void = () => {};
export function setRangeAllocHook(f: (o: PyObject) => void): void {
  rangeAlloc = f;
}

RangeType.tp_repr = (o) => {
  const r = o as PyRange;
  return newStr(big(r.step) === 1n ? `range(${r.start}, ${r.stop})` : `range(${r.start}, ${r.stop}, ${r.step})`);
};
RangeType.sq_length = (o) => Number((o as PyRange).length);
RangeType.nb_bool = (o) => !isZero((o as PyRange).length);
RangeType.sq_contains = (o, x) => {
  const r = o as PyRange;
  if (!(x instanceof PyInt)) {
    for (let i = 0; i < Number(r.length); i++) {
      const v = newInt(r.item(i));
      const m = eq(v, x);
      decref(v);
      if (m) return true;
    }
    return false;
  }
  const v = big(x.value);
  const s = big(r.step);
  const lo = big(r.start);
  const hi = big(r.stop);
  if (s > 0n ? v < lo || v >= hi : v > lo || v <= hi) return false;
  return (v - lo) % s === 0n;
};
RangeType.mp_subscript = (o, key) => {
  const r = o as PyRange;
  const len = Number(r.length);
  if (key instanceof PySlice) {
    const [start, , step, n] = sliceIndices(key, len);
    const ns = intMul(r.step, step);
    const nstart = r.item(start);
    return newRange(nstart, intAdd(nstart, intMul(n, ns)), ns);
  }
  const i = normIndex(key, len, 'range object index out of range', 'range');
  return newInt(r.item(i));
};
RangeType.tp_richcompare = (a, b, op) => {
  if (!(b instanceof PyRange) || (op !== CmpOp.EQ && op !== CmpOp.NE)) return NI();
  const x = a as PyRange;
  let same = intCompare(x.length, b.length) === 0;
  if (same && !isZero(x.length)) same = intCompare(x.start, b.start) === 0 && (intCompare(x.length, 1) === 0 || intCompare(x.step, b.step) === 0);
  return pyBool(op === CmpOp.EQ ? same : !same);
};
RangeType.tp_hash = (o) => {
  const r = o as PyRange;
  const t = newTuple([newInt(r.length), newInt(r.start), newInt(r.step)]);
  try {
    return hashTuple(t);
  } finally {
    decref(t);
  }
};

export class PyRangeIter extends PyObject {
  index = 0;
  constructor(
    readonly start: IntValue,
    readonly step: IntValue,
    readonly len: number,
  ) {
    super(RangeIterType);
  }
  shortRepr(): string {
    return '<range_iterator>';
  }
}

export const RangeIterType = new PyType({ name: 'range_iterator', basicsize: 32 });
RangeType.tp_iter = (o) => {
  const r = o as PyRange;
  const it = new PyRangeIter(r.start, r.step, Number(r.length));
  rangeAlloc(it);
  return it;
};
RangeIterType.tp_iter = iterSelf;
defineMethods(RangeIterType, { __length_hint__: (o) => newInt((o as PyRangeIter).len - (o as PyRangeIter).index) });
RangeIterType.tp_iternext = (o) => {
  const it = o as PyRangeIter;
  if (it.index >= it.len) return null;
  const i = it.index++;
  return newInt(typeof it.start === 'number' && typeof it.step === 'number' ? it.start + i * it.step : intAdd(it.start, intMul(i, it.step)));
};
defineMethods(RangeType, {
  index: (self, args) => {
    const r = self as PyRange;
    const x = args[0]!;
    if (x instanceof PyInt && RangeType.sq_contains!(r, x)) return newInt(intFloorDiv(intSub(x.value, r.start), r.step));
    raise(ValueError, `${reprString(x)} is not in range`);
  },
  count: (self, args) => newInt(RangeType.sq_contains!(self, args[0]!) ? 1 : 0),
});

export { newSlice, emptyTuple };
