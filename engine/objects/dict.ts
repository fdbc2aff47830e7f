// dict (Objects/dictobject.c).
//
// Storage mirrors CPython's compact dict: an entries array in insertion order whose deleted
// slots stay as holes until the next resize, and a keys-object size (log2 of the index
// table, usable slots left, entries used) that follows insertdict / dictresize /
// insertion_resize exactly, since sys.getsizeof reports it. Lookup goes through a JS Map
// keyed by a canonical form of the Python key (equal keys -> same canonical key: 1, 1.0 and
// True are one key), which gives Python's equality without running Python code for the
// built-in hashable types.
//
// Tracking: a dict starts untracked and is tracked the first time it receives a key or value
// that may be tracked (MAINTAIN_TRACKING), as in 3.10-3.13.

import { PyObject, decref, incref, gcTrack, mayBeTracked, type Visit } from './object';
import { PyType } from './type';

export type DictKey = string | number;

/** What the rest of the engine provides: the canonical key of any hashable object. */
let canonicalKey: (o: PyObject) => DictKey = () => {
  throw new Error('dict keys not wired');
};
export function setCanonicalKey(f: (o: PyObject) => DictKey): void {
  canonicalKey = f;
}
export function keyOf(o: PyObject): DictKey {
  return canonicalKey(o);
}

/** dk_kind */
export enum KeysKind {
  /** Py_EMPTY_KEYS: the shared empty table of a new dict. */
  Empty,
  General,
  /** 3.11+: every key an exact str (PyDictUnicodeEntry, 16 bytes). */
  Unicode,
}

/**
 * The index of every dict without entries: shared, never written (a dict gets a Map of its own
 * at its first insertion), so making and freeing an empty dict costs no Map.
 */
const EMPTY_INDEX: ReadonlyMap<DictKey, number> = new Map();

export class PyDict extends PyObject {
  // Fields are declared and assigned in the constructor, as PyObject's are (no initializer).
  declare ekeys: (PyObject | null)[];
  declare evals: (PyObject | null)[];
  /** Canonical key -> entry: EMPTY_INDEX until the first insertion. */
  declare index: Map<DictKey, number> | typeof EMPTY_INDEX;
  /** ma_used */
  declare used: number;
  /** The keys object: log2 of dk_size, dk_usable. nentries = ekeys.length. */
  declare log2size: number;
  declare usable: number;
  declare keysKind: KeysKind;
  /** Version-profile flag captured at creation: unicode tables exist (3.11+). */
  declare unicodeTables: boolean;
  /** An instance __dict__ sharing its class's keys (split table), for getsizeof. */
  declare splitKeysOf: PyType | null;
  /** 3.13: a materialised instance dict whose stores bypass MAINTAIN_TRACKING. */
  declare storesUntracked: boolean;
  /** Keys that are not exact str (0: a unicode-keys table, traversed by values only). */
  declare nonStrKeys: number;

  constructor(unicodeTables: boolean) {
    super(DictType);
    this.ekeys = [];
    this.evals = [];
    this.index = EMPTY_INDEX;
    this.used = 0;
    this.log2size = 3;
    this.usable = 0;
    this.keysKind = KeysKind.Empty;
    this.unicodeTables = unicodeTables;
    this.splitKeysOf = null;
    this.storesUntracked = false;
    this.nonStrKeys = 0;
  }

  shortRepr(): string {
    return `dict[${this.used}]`;
  }

  traverse(visit: Visit): void {
    // dict_traverse: a table of str keys visits only the values (keys cannot be in a cycle).
    const k = this.ekeys;
    const v = this.evals;
    const strKeys = this.nonStrKeys === 0;
    for (let i = 0; i < k.length; i++) {
      const key = k[i];
      if (key !== null && key !== undefined) {
        visit(v[i]!);
        if (!strKeys) visit(key);
      }
    }
  }

  clear(): void {
    dictClear(this);
  }

  release(): void {
    const k = this.ekeys;
    const v = this.evals;
    this.ekeys = [];
    this.evals = [];
    this.index = EMPTY_INDEX;
    this.used = 0;
    // free_keys_object releases key then value, entry by entry, in order.
    for (let i = 0; i < k.length; i++) {
      const key = k[i];
      if (key !== null && key !== undefined) {
        decref(key);
        decref(v[i]!);
      }
    }
  }
}

export const DictType = new PyType({ name: 'dict', isGC: true, basicsize: 48, subclassable: true });

let allocHook: (o: PyObject) => void = () => {};
let unicodeDefault = false;
export function setDictAllocHook(f: (o: PyObject) => void, unicodeTables: boolean): void {
  allocHook = f;
  unicodeDefault = unicodeTables;
}

/** PyDict_New: a new, untracked, empty dict (sharing Py_EMPTY_KEYS). */
export function newDict(): PyDict {
  const d = new PyDict(unicodeDefault);
  allocHook(d);
  return d;
}

export function isDict(o: PyObject): o is PyDict {
  return o instanceof PyDict;
}

const USABLE_FRACTION = (n: number): number => ((n << 1) / 3) | 0;

function log2KeySize(minsize: number): number {
  let l = 3;
  while (1 << l < minsize) l++;
  return l;
}

/** ESTIMATE_SIZE / estimate_log2_keysize: a table that holds n items without resizing. */
export function estimateLog2(n: number): number {
  return log2KeySize(((n * 3 + 1) / 2) | 0);
}

/** _PyDict_NewPresized */
export function newDictPresized(n: number): PyDict {
  const d = newDict();
  if (n > USABLE_FRACTION(8)) {
    d.log2size = estimateLog2(n);
    d.usable = USABLE_FRACTION(1 << d.log2size);
    d.keysKind = d.unicodeTables ? KeysKind.Unicode : KeysKind.General;
  }
  return d;
}

/** dictresize: new table of 2**log2 slots, compacting the entries. */
function dictResize(d: PyDict, log2: number, unicode: boolean): void {
  if (d.ekeys.length !== d.used) {
    const nk: (PyObject | null)[] = [];
    const nv: (PyObject | null)[] = [];
    const idx = new Map<DictKey, number>();
    const oldIdx = d.index;
    const keyAt = new Map<number, DictKey>();
    for (const [k, i] of oldIdx) keyAt.set(i, k);
    for (let i = 0; i < d.ekeys.length; i++) {
      const key = d.ekeys[i];
      if (key !== null && key !== undefined) {
        idx.set(keyAt.get(i)!, nk.length);
        nk.push(key);
        nv.push(d.evals[i]!);
      }
    }
    d.ekeys = nk;
    d.evals = nv;
    d.index = idx;
  }
  d.log2size = log2;
  d.usable = USABLE_FRACTION(1 << log2) - d.used;
  d.keysKind = unicode ? KeysKind.Unicode : KeysKind.General;
}

/** insertion_resize: GROWTH_RATE(d) = used * 3. */
function insertionResize(d: PyDict, unicode: boolean): void {
  dictResize(d, log2KeySize(d.used * 3), unicode);
}

/** The dict's own index, made at its first insertion. */
function writableIndex(d: PyDict): Map<DictKey, number> {
  if (d.index === EMPTY_INDEX) d.index = new Map();
  return d.index as Map<DictKey, number>;
}

function isExactStr(o: PyObject): boolean {
  return o.ob_type.name === 'str' && !o.ob_type.isHeapType;
}

/** The entry index for a key, or -1. */
export function dictLookup(d: PyDict, key: PyObject): number {
  const i = d.index.get(canonicalKey(key));
  return i === undefined ? -1 : i;
}

/** PyDict_GetItem: the value (borrowed) or null. */
export function dictGet(d: PyDict, key: PyObject): PyObject | null {
  const i = d.index.get(canonicalKey(key));
  return i === undefined ? null : d.evals[i]!;
}

/** Lookup by a JS string (a str key), borrowed. */
export function dictGetStr(d: PyDict, name: string): PyObject | null {
  const i = d.index.get(strCanonical(name));
  return i === undefined ? null : d.evals[i]!;
}

export function strCanonical(s: string): DictKey {
  return s.charCodeAt(0) === 0 ? '\u0000s' + s : s;
}

/**
 * insertdict: d[key] = value. Borrows key and value (increments them itself), as
 * PyDict_SetItem does.
 */
export function dictSet(d: PyDict, key: PyObject, value: PyObject): void {
  dictSetWithKey(d, key, canonicalKey(key), value);
}

export function dictSetWithKey(d: PyDict, key: PyObject, ck: DictKey, value: PyObject): void {
  const i = d.index.get(ck);
  if (i !== undefined) {
    // Replace the value; the key object already stored stays.
    const old = d.evals[i]!;
    incref(value);
    d.evals[i] = value;
    maintainTracking(d, key, value);
    decref(old);
    return;
  }
  incref(key);
  incref(value);
  maintainTracking(d, key, value);
  const strKey = isExactStr(key);
  if (!strKey) d.nonStrKeys++;
  if (d.keysKind === KeysKind.Empty) {
    // insert_to_emptydict: a fresh 8-slot table.
    d.log2size = 3;
    d.usable = USABLE_FRACTION(8);
    d.keysKind = d.unicodeTables && strKey ? KeysKind.Unicode : KeysKind.General;
  } else if (d.keysKind === KeysKind.Unicode && !strKey) {
    // A non-str key turns a unicode table into a general one (insertion_resize(mp, 0)).
    insertionResize(d, false);
  }
  if (d.usable <= 0) insertionResize(d, d.keysKind === KeysKind.Unicode);
  writableIndex(d).set(ck, d.ekeys.length);
  d.ekeys.push(key);
  d.evals.push(value);
  d.used++;
  d.usable--;
}

function maintainTracking(d: PyDict, key: PyObject, value: PyObject): void {
  if (d.storesUntracked) return;
  if (d.gcNext === null && (mayBeTracked(key) || mayBeTracked(value))) gcTrack(d);
}

/** PyDict_DelItem for a key known present at entry `i`: the value and key are released. */
export function dictDelAt(d: PyDict, i: number): void {
  const key = d.ekeys[i]!;
  const value = d.evals[i]!;
  const ck = canonicalKey(key);
  writableIndex(d).delete(ck);
  d.ekeys[i] = null;
  d.evals[i] = null;
  d.used--;
  // delitem_common: the old value is released first, then the key... in CPython the key
  // is released before the value (Py_DECREF(old_key); Py_DECREF(old_value)).
  decref(key);
  decref(value);
}

/** Remove and return the value (new reference owned by the caller), or null if absent. */
export function dictPop(d: PyDict, key: PyObject): PyObject | null {
  const i = dictLookup(d, key);
  if (i < 0) return null;
  const k = d.ekeys[i]!;
  const v = d.evals[i]!;
  writableIndex(d).delete(canonicalKey(k));
  d.ekeys[i] = null;
  d.evals[i] = null;
  d.used--;
  decref(k);
  return v;
}

/** PyDict_Clear: back to the shared empty keys. */
export function dictClear(d: PyDict): void {
  const k = d.ekeys;
  const v = d.evals;
  d.ekeys = [];
  d.evals = [];
  d.index = EMPTY_INDEX;
  d.used = 0;
  d.keysKind = KeysKind.Empty;
  d.log2size = 3;
  d.usable = 0;
  d.splitKeysOf = null;
  d.nonStrKeys = 0;
  for (let i = 0; i < k.length; i++) {
    const key = k[i];
    if (key !== null && key !== undefined) {
      decref(key);
      decref(v[i]!);
    }
  }
}

/** Live entries in order: [key, value] pairs (borrowed). */
export function* dictItems(d: PyDict): Generator<[PyObject, PyObject]> {
  for (let i = 0; i < d.ekeys.length; i++) {
    const k = d.ekeys[i];
    if (k !== null && k !== undefined) yield [k, d.evals[i]!];
  }
}

/**
 * dict.copy() / dict(d) / {**d}: CPython clones the keys object when the source has no holes
 * (and is small or dense enough), else merges into a presized table.
 */
export function dictCopyInto(dst: PyDict, src: PyDict): void {
  const clean = src.used === src.ekeys.length;
  const canClone =
    dst.used === 0 &&
    clean &&
    src.keysKind !== KeysKind.Empty &&
    (src.log2size === 3 || USABLE_FRACTION((1 << src.log2size) / 2) < src.used);
  if (canClone) {
    dst.log2size = src.log2size;
    dst.keysKind = src.keysKind;
    dst.usable = src.usable;
    for (const [k, v] of dictItems(src)) {
      incref(k);
      incref(v);
      maintainTracking(dst, k, v);
      if (!isExactStr(k)) dst.nonStrKeys++;
      writableIndex(dst).set(canonicalKey(k), dst.ekeys.length);
      dst.ekeys.push(k);
      dst.evals.push(v);
      dst.used++;
    }
    return;
  }
  if (src.used > 0 && (dst.keysKind === KeysKind.Empty || USABLE_FRACTION(1 << dst.log2size) < src.used)) {
    if (dst.used === 0) {
      dst.log2size = estimateLog2(src.used);
      dst.usable = USABLE_FRACTION(1 << dst.log2size);
      dst.keysKind = dst.unicodeTables && src.keysKind === KeysKind.Unicode ? KeysKind.Unicode : KeysKind.General;
    }
  }
  for (const [k, v] of dictItems(src)) dictSet(dst, k, v);
}

/** _PyDict_SizeOf without the GC header. */
export function dictSizeofBody(d: PyDict, keysHeader: number): number {
  let res = 48;
  if (d.keysKind === KeysKind.Empty) return res;
  const size = 1 << d.log2size;
  const ixsize = size <= 0xff ? 1 : size <= 0xffff ? 2 : size <= 0xffffffff ? 4 : 8;
  const entry = d.keysKind === KeysKind.Unicode ? 16 : 24;
  res += keysHeader + ixsize * size + entry * USABLE_FRACTION(size);
  return res;
}
