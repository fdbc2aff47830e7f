// dict and set behaviour (Objects/dictobject.c, setobject.c): subscripts, methods, views
// and iterators. Iterators over items (and enumerate/zip) reuse their result tuple when
// nobody else holds it, as CPython does; that is visible in gc.get_count().

import { PyObject, incref, decref, xdecref, type Visit } from '../objects/object';
import { PyType, CmpOp } from '../objects/type';
import {
  PyDict, DictType, dictGet, dictSet, dictLookup, dictDelAt, dictPop, dictClear, dictItems, dictCopyInto, newDict, keyOf,
  dictSetWithKey,
} from '../objects/dict';
import { PySet, SetType, FrozenSetType, newSet, setAdd, setContains, setDiscard, setPop, setClear, setMerge, setPresizeFor } from '../objects/set';
import { PyTuple, newTuple } from '../objects/tuple';
import { PyList, newList } from '../objects/list';
import { newInt, pyBool } from '../objects/int';
import { newStr } from '../objects/str';
import { None, NotImplemented } from '../objects/singletons';
import { raise, TypeError, KeyError, RuntimeError, PyErr } from '../objects/exceptions';
import { defineMethods, defineMethod, type MethodImpl } from '../objects/descr';
import { reprString, typeName, compareBool, getIter, iterNext, truth, hash, callObject } from '../abstract';
import { reprEnter, reprLeave } from './reprguard';
import { kwArgs } from './strings';
import { raiseKeyError } from '../pyerrors';

const NI = (): PyObject => incref(NotImplemented);

// ---------------------------------------------------------------- dict

DictType.tp_repr = (o) => {
  const d = o as PyDict;
  // dict_repr enters the repr guard before looking at the size.
  if (!reprEnter(o)) return newStr('{...}');
  try {
    if (d.used === 0) return newStr('{}');
    const parts: string[] = [];
    for (let i = 0; i < d.ekeys.length; i++) {
      const k = d.ekeys[i];
      if (k === null || k === undefined) continue;
      const v = d.evals[i]!;
      incref(k);
      incref(v);
      try {
        parts.push(reprString(k) + ': ' + reprString(v));
      } finally {
        decref(k);
        decref(v);
      }
    }
    return newStr('{' + parts.join(', ') + '}');
  } finally {
    reprLeave(o);
  }
};
DictType.sq_length = (o) => (o as PyDict).used;
DictType.sq_contains = (o, k) => {
  hash(k);
  return dictLookup(o as PyDict, k) >= 0;
};
DictType.mp_subscript = (o, k) => {
  hash(k);
  const v = dictGet(o as PyDict, k);
  if (v === null) {
    if (o.ob_type !== DictType) {
      // dict subclass with __missing__ is handled by typeobject's slot.
    }
    raiseKeyError(k);
  }
  return incref(v);
};
DictType.mp_ass_subscript = (o, k, v) => {
  hash(k);
  const d = o as PyDict;
  if (v === null) {
    const i = dictLookup(d, k);
    if (i < 0) raiseKeyError(k);
    dictDelAt(d, i);
    return;
  }
  dictSet(d, k, v);
};
DictType.tp_iter = (o) => newDictIter(DictKeyIterType, o as PyDict);
DictType.tp_richcompare = (a, b, op) => {
  if (!(b instanceof PyDict) || (op !== CmpOp.EQ && op !== CmpOp.NE)) return NI();
  const x = a as PyDict;
  let same = x.used === b.used;
  if (same) {
    for (const [k, v] of dictItems(x)) {
      const w = dictGet(b, k);
      if (w === null || !compareBool(v, w, CmpOp.EQ)) {
        same = false;
        break;
      }
    }
  }
  return pyBool(op === CmpOp.EQ ? same : !same);
};
DictType.nb_or = (a, b) => {
  if (!(a instanceof PyDict) || !(b instanceof PyDict)) return NI();
  const d = newDict();
  dictCopyInto(d, a);
  for (const [k, v] of dictItems(b)) dictSet(d, k, v);
  return d;
};
DictType.nb_inplace_or = (a, b) => {
  dictUpdate(a as PyDict, b);
  return incref(a);
};

/** dict.update / dict(x) with a mapping or an iterable of pairs. */
export function dictUpdate(d: PyDict, src: PyObject): void {
  if (src instanceof PyDict) {
    if (d.used === 0) dictCopyInto(d, src);
    else for (const [k, v] of [...dictItems(src)]) dictSet(d, k, v);
    return;
  }
  const keysMeth = src.ob_type.isHeapType ? src : null;
  void keysMeth;
  const it = getIter(src);
  let n = 0;
  try {
    for (;;) {
      const item = iterNext(it);
      if (item === null) break;
      try {
        const pair = item instanceof PyTuple || item instanceof PyList ? item.items : null;
        if (pair === null) raise(TypeError, `cannot convert dictionary update sequence element #${n} to a sequence`);
        if (pair.length !== 2) raise(ValueErrorT(), `dictionary update sequence element #${n} has length ${pair.length}; 2 is required`);
        hash(pair[0]!);
        dictSet(d, pair[0]!, pair[1]!);
      } finally {
        decref(item);
      }
      n++;
    }
  } finally {
    decref(it);
  }
}

import { ValueError } from '../objects/exceptions';
function ValueErrorT(): PyType {
  return ValueError;
}

type Args = readonly PyObject[];

defineMethods(DictType, {
  get: (self, args) => {
    if (args.length < 1 || args.length > 2) raise(TypeError, `get expected at least 1 argument, got ${args.length}`);
    hash(args[0]!);
    const v = dictGet(self as PyDict, args[0]!);
    return incref(v ?? args[1] ?? None);
  },
  setdefault: (self, args) => {
    hash(args[0]!);
    const d = self as PyDict;
    const v = dictGet(d, args[0]!);
    if (v !== null) return incref(v);
    const dflt = args[1] ?? None;
    dictSet(d, args[0]!, dflt);
    return incref(dflt);
  },
  pop: (self, args) => {
    if (args.length < 1 || args.length > 2) raise(TypeError, `pop expected at least 1 argument, got ${args.length}`);
    hash(args[0]!);
    const v = dictPop(self as PyDict, args[0]!);
    if (v !== null) return v;
    if (args.length > 1) return incref(args[1]!);
    raiseKeyError(args[0]!);
  },
  popitem: (self) => {
    const d = self as PyDict;
    if (d.used === 0) raise(KeyError, 'popitem(): dictionary is empty');
    let i = d.ekeys.length - 1;
    while (d.ekeys[i] === null) i--;
    const k = d.ekeys[i]!;
    const v = d.evals[i]!;
    incref(k);
    incref(v);
    dictDelAt(d, i);
    // popitem removes trailing holes from the entries array (dk_nentries = i).
    d.ekeys.length = i;
    d.evals.length = i;
    return newTuple([k, v]);
  },
  keys: (self) => newDictView(DictKeysType, self as PyDict),
  values: (self) => newDictView(DictValuesType, self as PyDict),
  items: (self) => newDictView(DictItemsType, self as PyDict),
  update: (self, args, kw) => {
    const npos = args.length - (kw?.length ?? 0);
    if (npos > 1) raise(TypeError, `update expected at most 1 argument, got ${npos}`);
    if (npos === 1) dictUpdate(self as PyDict, args[0]!);
    if (kw !== null) kw.forEach((k, i) => dictSetStrKey(self as PyDict, k, args[npos + i]!));
    return incref(None);
  },
  clear: (self) => {
    dictClear(self as PyDict);
    return incref(None);
  },
  copy: (self) => {
    const d = newDict();
    dictCopyInto(d, self as PyDict);
    return d;
  },
  __len__: (self) => newInt((self as PyDict).used),
  __contains__: (self, args) => pyBool(DictType.sq_contains!(self, args[0]!)),
  __getitem__: (self, args) => DictType.mp_subscript!(self, args[0]!),
});
defineMethod(
  DictType,
  'fromkeys',
  (cls, args) => {
    const d = newDict();
    const v = args[1] ?? None;
    const src = args[0]!;
    const it = getIter(src);
    try {
      for (;;) {
        const k = iterNext(it);
        if (k === null) break;
        try {
          dictSet(d, k, v);
        } finally {
          decref(k);
        }
      }
    } finally {
      decref(it);
    }
    void cls;
    return d;
  },
  true,
);

/** Store with a str key made from a JS string (keyword arguments). */
export function dictSetStrKey(d: PyDict, k: string, v: PyObject): void {
  const ko = newStr(k);
  try {
    dictSetWithKey(d, ko, keyOf(ko), v);
  } finally {
    decref(ko);
  }
}

// ---- views and iterators

export class PyDictView extends PyObject {
  constructor(
    type: PyType,
    readonly dict: PyDict,
  ) {
    super(type);
  }
  shortRepr(): string {
    return `<${this.ob_type.name}>`;
  }
  traverse(visit: Visit): void {
    visit(this.dict);
  }
  release(): void {
    decref(this.dict);
  }
}

export const DictKeysType = new PyType({ name: 'dict_keys', isGC: true, basicsize: 24 });
export const DictValuesType = new PyType({ name: 'dict_values', isGC: true, basicsize: 24 });
export const DictItemsType = new PyType({ name: 'dict_items', isGC: true, basicsize: 24 });

let trackedAlloc: (o: PyObject) => void = () => {};
export function setMappingAllocHook(f: (o: PyObject) => void): void {
  trackedAlloc = f;
}

function newDictView(t: PyType, d: PyDict): PyDictView {
  const v = new PyDictView(t, incref(d));
  trackedAlloc(v);
  return v;
}

export class PyDictIter extends PyObject {
  pos = 0;
  startUsed: number;
  /** The reused (key, value) tuple of an items iterator. */
  result: PyTuple | null = null;
  constructor(
    type: PyType,
    public dict: PyDict | null,
  ) {
    super(type);
    this.startUsed = dict?.used ?? 0;
  }
  shortRepr(): string {
    return `<${this.ob_type.name}>`;
  }
  traverse(visit: Visit): void {
    if (this.dict !== null) visit(this.dict);
    if (this.result !== null) visit(this.result);
  }
  release(): void {
    xdecref(this.dict);
    xdecref(this.result);
  }
}

export const DictKeyIterType = new PyType({ name: 'dict_keyiterator', isGC: true, basicsize: 48 });
export const DictValueIterType = new PyType({ name: 'dict_valueiterator', isGC: true, basicsize: 48 });
export const DictItemIterType = new PyType({ name: 'dict_itemiterator', isGC: true, basicsize: 48 });

function newDictIter(t: PyType, d: PyDict): PyDictIter {
  const it = new PyDictIter(t, incref(d));
  if (t === DictItemIterType) {
    it.result = newTuple([incref(None), incref(None)]);
  }
  trackedAlloc(it);
  return it;
}

function dictIterStep(it: PyDictIter): number {
  const d = it.dict;
  if (d === null) return -1;
  if (d.used !== it.startUsed) {
    it.startUsed = -1;
    raise(RuntimeError, 'dictionary changed size during iteration');
  }
  while (it.pos < d.ekeys.length && (d.ekeys[it.pos] === null || d.ekeys[it.pos] === undefined)) it.pos++;
  if (it.pos >= d.ekeys.length) {
    it.dict = null;
    decref(d);
    return -1;
  }
  return it.pos++;
}

/** dictiter_len: the entries not yet reached, 0 once the dict changed size. */
function dictIterLeft(o: PyObject): PyObject {
  const it = o as PyDictIter;
  const d = it.dict;
  if (d === null || d.used !== it.startUsed) return newInt(0);
  let n = 0;
  for (let i = it.pos; i < d.ekeys.length; i++) if (d.ekeys[i] !== null && d.ekeys[i] !== undefined) n++;
  return newInt(n);
}
for (const t of [DictKeyIterType, DictValueIterType, DictItemIterType]) defineMethods(t, { __length_hint__: dictIterLeft });

DictKeyIterType.tp_iternext = (o) => {
  const it = o as PyDictIter;
  const d = it.dict;
  const i = dictIterStep(it);
  return i < 0 ? null : incref(d!.ekeys[i]!);
};
DictValueIterType.tp_iternext = (o) => {
  const it = o as PyDictIter;
  const d = it.dict;
  const i = dictIterStep(it);
  return i < 0 ? null : incref(d!.evals[i]!);
};
DictItemIterType.tp_iternext = (o) => {
  const it = o as PyDictIter;
  const d = it.dict;
  const i = dictIterStep(it);
  if (i < 0) return null;
  return reuseOrNewPair(it, incref(d!.ekeys[i]!), incref(d!.evals[i]!));
};

/**
 * The result-tuple reuse of dictiter_iternextitem / enumerate / zip (steals a and b): the
 * iterator keeps its last result tuple, and refills it when nobody else holds it. Until then
 * the tuple keeps the last items alive (one more reference a student can count).
 */
export function reuseOrNewPair(holder: { result: PyTuple | null }, a: PyObject, b: PyObject): PyTuple {
  const r = holder.result;
  if (r !== null && r.ob_refcnt === 1) {
    incref(r);
    const oa = r.items[0]!;
    const ob = r.items[1]!;
    r.items[0] = a;
    r.items[1] = b;
    decref(oa);
    decref(ob);
    return r;
  }
  return newTuple([a, b]);
}

/** The (None, None, ...) tuple an iterator starts with as its reusable result. */
export function initialResult(n: number): PyTuple {
  const items: PyObject[] = [];
  for (let i = 0; i < n; i++) items.push(incref(None));
  return newTuple(items);
}

for (const t of [DictKeyIterType, DictValueIterType, DictItemIterType]) t.tp_iter = (o) => incref(o);
DictKeysType.tp_iter = (o) => newDictIter(DictKeyIterType, (o as PyDictView).dict);
DictValuesType.tp_iter = (o) => newDictIter(DictValueIterType, (o as PyDictView).dict);
DictItemsType.tp_iter = (o) => newDictIter(DictItemIterType, (o as PyDictView).dict);
for (const t of [DictKeysType, DictValuesType, DictItemsType]) {
  t.sq_length = (o) => (o as PyDictView).dict.used;
}
DictKeysType.sq_contains = (o, k) => DictType.sq_contains!((o as PyDictView).dict, k);
DictItemsType.sq_contains = (o, item) => {
  if (!(item instanceof PyTuple) || item.items.length !== 2) return false;
  const v = dictGet((o as PyDictView).dict, item.items[0]!);
  return v !== null && compareBool(v, item.items[1]!, CmpOp.EQ);
};
DictValuesType.sq_contains = (o, x) => {
  for (const [, v] of dictItems((o as PyDictView).dict)) if (compareBool(v, x, CmpOp.EQ)) return true;
  return false;
};
function viewRepr(o: PyObject): PyObject {
  const v = o as PyDictView;
  const it = v.ob_type.tp_iter!(o);
  const parts: string[] = [];
  try {
    for (;;) {
      const x = iterNext(it);
      if (x === null) break;
      parts.push(reprString(x));
      decref(x);
    }
  } finally {
    decref(it);
  }
  return newStr(`${v.ob_type.name}([${parts.join(', ')}])`);
}
for (const t of [DictKeysType, DictValuesType, DictItemsType]) t.tp_repr = viewRepr;

// ---------------------------------------------------------------- set / frozenset

function setRepr(o: PyObject): PyObject {
  const s = o as PySet;
  const frozen = s.ob_type === FrozenSetType;
  // set_repr enters the repr guard before looking at the size.
  if (!reprEnter(o)) return newStr(`${typeName(o)}(...)`);
  try {
    if (s.used === 0) return newStr(frozen ? 'frozenset()' : 'set()');
    const parts = s.keysInOrder().map((k) => reprString(k));
    const body = '{' + parts.join(', ') + '}';
    return newStr(frozen ? `frozenset(${body})` : body);
  } finally {
    reprLeave(o);
  }
}

/** set_update_internal */
export function setUpdate(s: PySet, src: PyObject): void {
  if (src instanceof PySet) {
    setMerge(s, src);
    return;
  }
  if (src instanceof PyDict) {
    setPresizeFor(s, src.used);
    for (const [k] of [...dictItems(src)]) setAdd(s, k);
    return;
  }
  const it = getIter(src);
  try {
    for (;;) {
      const x = iterNext(it);
      if (x === null) break;
      try {
        setAdd(s, x);
      } finally {
        decref(x);
      }
    }
  } finally {
    decref(it);
  }
}

function asSet(o: PyObject): PySet {
  if (o instanceof PySet) return incref(o);
  const s = newSet();
  try {
    setUpdate(s, o);
  } catch (e) {
    decref(s);
    throw e;
  }
  return s;
}

function copyOf(s: PySet, frozen: boolean): PySet {
  const r = newSet(frozen);
  setMerge(r, s);
  return r;
}

function setUnion(a: PySet, b: PyObject, frozen: boolean): PySet {
  const r = copyOf(a, frozen);
  setUpdate(r, b);
  return r;
}

/** set_intersection: walk the smaller set (the argument when sizes are equal). */
function setIntersection(a: PySet, bo: PyObject, frozen: boolean): PySet {
  const r = newSet(frozen);
  if (bo instanceof PySet) {
    let so: PySet = a;
    let other: PySet = bo;
    if (other.used > so.used) {
      so = bo;
      other = a;
    }
    for (let i = 0; i <= other.mask; i++) {
      const k = other.table[i];
      if (k === null || typeof k !== 'object') continue;
      if (setContains(so, k)) setAdd(r, k, other.hashes[i]!);
    }
    return r;
  }
  const it = getIter(bo);
  try {
    for (;;) {
      const k = iterNext(it);
      if (k === null) break;
      try {
        if (setContains(a, k)) setAdd(r, k);
      } finally {
        decref(k);
      }
    }
  } finally {
    decref(it);
  }
  return r;
}

/** set_difference: copy-and-discard when the left set is much bigger, else filter it. */
function setDifference(a: PySet, bo: PyObject, frozen: boolean): PySet {
  const b = asSet(bo);
  try {
    if (a.used >> 2 > b.used) {
      const r = copyOf(a, frozen);
      for (const k of b.keysInOrder()) setDiscard(r, k);
      return r;
    }
    const r = newSet(frozen);
    for (let i = 0; i <= a.mask; i++) {
      const k = a.table[i];
      if (k === null || typeof k !== 'object') continue;
      if (!setContains(b, k)) setAdd(r, k, a.hashes[i]!);
    }
    return r;
  } finally {
    decref(b);
  }
}

/** set_symmetric_difference: a copy of the *other* set, updated with this one. */
function setSymDiff(a: PySet, bo: PyObject, frozen: boolean): PySet {
  const r = newSet(frozen);
  setUpdate(r, bo);
  symDiffUpdate(r, a);
  return r;
}

/** set_symmetric_difference_update: each key of `other` is discarded if present, else added. */
function symDiffUpdate(so: PySet, other: PySet): void {
  for (let i = 0; i <= other.mask; i++) {
    const k = other.table[i];
    if (k === null || typeof k !== 'object') continue;
    if (!setDiscard(so, k)) setAdd(so, k, other.hashes[i]!);
  }
}

function isSubset(a: PySet, b: PySet): boolean {
  if (a.used > b.used) return false;
  for (const k of a.keysInOrder()) if (!setContains(b, k)) return false;
  return true;
}

for (const T of [SetType, FrozenSetType]) {
  const frozen = T === FrozenSetType;
  T.tp_repr = setRepr;
  T.sq_length = (o) => (o as PySet).used;
  T.sq_contains = (o, k) => {
    if (k instanceof PySet && !k.frozen) {
      const f = copyOf(k, true);
      try {
        return setContains(o as PySet, f);
      } finally {
        decref(f);
      }
    }
    hash(k);
    return setContains(o as PySet, k);
  };
  T.tp_iter = (o) => newSetIter(o as PySet);
  T.tp_richcompare = (a, b, op) => {
    if (!(b instanceof PySet)) return NI();
    const x = a as PySet;
    switch (op) {
      case CmpOp.EQ:
        return pyBool(x.used === b.used && isSubset(x, b));
      case CmpOp.NE:
        return pyBool(!(x.used === b.used && isSubset(x, b)));
      case CmpOp.LE:
        return pyBool(isSubset(x, b));
      case CmpOp.GE:
        return pyBool(isSubset(b, x));
      case CmpOp.LT:
        return pyBool(x.used < b.used && isSubset(x, b));
      case CmpOp.GT:
        return pyBool(x.used > b.used && isSubset(b, x));
    }
  };
  const bin = (f: (a: PySet, b: PyObject, frozen: boolean) => PySet) => (a: PyObject, b: PyObject): PyObject => {
    if (!(a instanceof PySet) || !(b instanceof PySet)) return NI();
    return f(a, b, a.frozen);
  };
  T.nb_or = bin(setUnion);
  T.nb_and = bin(setIntersection);
  T.nb_subtract = bin(setDifference);
  T.nb_xor = bin(setSymDiff);
  const methods: Record<string, MethodImpl> = {
    union: (self, args) => {
      let r = copyOf(self as PySet, frozen);
      for (const o of args) setUpdate(r, o);
      return r;
    },
    intersection: (self, args) => {
      let r = copyOf(self as PySet, frozen);
      for (const o of args) {
        const n = setIntersection(r, o, frozen);
        decref(r);
        r = n;
      }
      return r;
    },
    difference: (self, args) => {
      let r = copyOf(self as PySet, frozen);
      for (const o of args) {
        const n = setDifference(r, o, frozen);
        decref(r);
        r = n;
      }
      return r;
    },
    symmetric_difference: (self, args) => setSymDiff(self as PySet, args[0]!, frozen),
    issubset: (self, args) => {
      const b = asSet(args[0]!);
      try {
        return pyBool(isSubset(self as PySet, b));
      } finally {
        decref(b);
      }
    },
    issuperset: (self, args) => {
      const b = asSet(args[0]!);
      try {
        return pyBool(isSubset(b, self as PySet));
      } finally {
        decref(b);
      }
    },
    isdisjoint: (self, args) => {
      const b = asSet(args[0]!);
      try {
        for (const k of (self as PySet).keysInOrder()) if (setContains(b, k)) return pyBool(false);
        return pyBool(true);
      } finally {
        decref(b);
      }
    },
    copy: (self) => (frozen ? incref(self) : copyOf(self as PySet, false)),
    __len__: (self) => newInt((self as PySet).used),
    __contains__: (self, args) => pyBool(T.sq_contains!(self, args[0]!)),
  };
  defineMethods(T, methods);
}

defineMethods(SetType, {
  add: (self, args) => {
    hash(args[0]!);
    setAdd(self as PySet, args[0]!);
    return incref(None);
  },
  remove: (self, args) => {
    hash(args[0]!);
    if (!setDiscard(self as PySet, args[0]!)) raiseKeyError(args[0]!);
    return incref(None);
  },
  discard: (self, args) => {
    hash(args[0]!);
    setDiscard(self as PySet, args[0]!);
    return incref(None);
  },
  pop: (self) => {
    const k = setPop(self as PySet);
    if (k === null) raise(KeyError, 'pop from an empty set');
    return k;
  },
  clear: (self) => {
    setClear(self as PySet);
    return incref(None);
  },
  update: (self, args) => {
    for (const o of args) setUpdate(self as PySet, o);
    return incref(None);
  },
  intersection_update: (self, args) => {
    const s = self as PySet;
    const r = setIntersection(s, args[0]!, false);
    setClear(s);
    setMerge(s, r);
    decref(r);
    return incref(None);
  },
  difference_update: (self, args) => {
    const s = self as PySet;
    const b = asSet(args[0]!);
    for (const k of b.keysInOrder()) setDiscard(s, k);
    decref(b);
    return incref(None);
  },
  symmetric_difference_update: (self, args) => {
    const b = asSet(args[0]!);
    symDiffUpdate(self as PySet, b);
    decref(b);
    return incref(None);
  },
});

SetType.nb_inplace_or = (a, b) => {
  if (!(b instanceof PySet)) return NI();
  setUpdate(a as PySet, b);
  return incref(a);
};
SetType.nb_inplace_and = (a, b) => {
  if (!(b instanceof PySet)) return NI();
  const r = setIntersection(a as PySet, b, false);
  setClear(a as PySet);
  setMerge(a as PySet, r);
  decref(r);
  return incref(a);
};
SetType.nb_inplace_subtract = (a, b) => {
  if (!(b instanceof PySet)) return NI();
  for (const k of b.keysInOrder()) setDiscard(a as PySet, k);
  return incref(a);
};
SetType.nb_inplace_xor = (a, b) => {
  if (!(b instanceof PySet)) return NI();
  symDiffUpdate(a as PySet, b);
  return incref(a);
};
FrozenSetType.tp_hash = (o) => (o as PySet).frozenHash();

export class PySetIter extends PyObject {
  pos = 0;
  startUsed: number;
  constructor(public set: PySet | null) {
    super(SetIterType);
    this.startUsed = set?.used ?? 0;
  }
  shortRepr(): string {
    return '<set_iterator>';
  }
  traverse(visit: Visit): void {
    if (this.set !== null) visit(this.set);
  }
  release(): void {
    xdecref(this.set);
  }
}

export const SetIterType = new PyType({ name: 'set_iterator', isGC: true, basicsize: 48 });
function newSetIter(s: PySet): PySetIter {
  const it = new PySetIter(incref(s));
  trackedAlloc(it);
  return it;
}
SetIterType.tp_iter = (o) => incref(o);
defineMethods(SetIterType, {
  // setiter_len: the elements not yet reached, 0 once the set changed size.
  __length_hint__: (o) => {
    const it = o as PySetIter;
    const st = it.set;
    if (st === null || st.used !== it.startUsed) return newInt(0);
    let n = 0;
    for (let i = it.pos; i <= st.mask; i++) {
      const k = st.table[i];
      if (k !== null && typeof k === 'object') n++;
    }
    return newInt(n);
  },
});
SetIterType.tp_iternext = (o) => {
  const it = o as PySetIter;
  const s = it.set;
  if (s === null) return null;
  if (s.used !== it.startUsed) {
    it.startUsed = -1;
    raise(RuntimeError, 'Set changed size during iteration');
  }
  while (it.pos <= s.mask) {
    const k = s.table[it.pos++];
    if (k !== null && typeof k === 'object') return incref(k);
  }
  it.set = null;
  decref(s);
  return null;
};

export { newDictIter, kwArgs, truth, callObject, PyErr };
