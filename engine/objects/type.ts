// PyTypeObject: a type's name, layout facts and slots (Include/cpython/object.h).
//
// Built-in types are static objects whose slots are TypeScript functions; user classes are
// heap types (Py_TPFLAGS_HEAPTYPE) built by typeobject.ts, whose slots call the dunder
// methods found on the MRO, as CPython's slot_* functions do. Attribute tables: a heap type
// owns a real dict (`tp_dict`, visible to refcounts and the collector); a static type keeps
// its descriptors in a plain table, since a student never sees inside `list.__dict__`.

import { PyObject, type Visit } from './object';

/** Python-level protocol slots. Every function returning a PyObject returns a new reference. */
export type UnarySlot = (a: PyObject) => PyObject;
export type BinarySlot = (a: PyObject, b: PyObject) => PyObject;
export type TernarySlot = (a: PyObject, b: PyObject, c: PyObject) => PyObject;
/** Call with borrowed arguments; keyword values follow the positional ones (vectorcall). */
export type CallSlot = (callable: PyObject, args: readonly PyObject[], kwnames: readonly string[] | null) => PyObject;

/** Rich comparison operators, numbered as Py_LT..Py_GE. */
export enum CmpOp {
  LT = 0,
  LE = 1,
  EQ = 2,
  NE = 3,
  GT = 4,
  GE = 5,
}

export interface TypeSpec {
  name: string;
  module?: string;
  base?: PyType | null;
  isGC?: boolean;
  /** tp_basicsize, without the GC header. */
  basicsize?: number;
  /** tp_itemsize */
  itemsize?: number;
  /** Whether Python classes may inherit from it (Py_TPFLAGS_BASETYPE). */
  subclassable?: boolean;
}

export class PyType extends PyObject {
  name: string;
  module: string;
  qualname: string;
  base: PyType | null;
  /** __mro__ as a JS array; heap types also hold it as a tuple object (mroTuple). */
  mro: PyType[];
  isGC: boolean;
  isHeapType = false;
  subclassable: boolean;
  basicsize: number;
  itemsize: number;
  /** Static types: name -> descriptor or value. Heap types use `dict` instead. */
  table: Map<string, PyObject> = new Map();
  /** tp_dict of a heap type (a PyDict). */
  dict: PyObject | null = null;
  /** Heap types: the __bases__ and __mro__ tuples and the descriptors they own. */
  basesTuple: PyObject | null = null;
  mroTuple: PyObject | null = null;
  /** Heap types: instance layout. */
  hasInstanceDict = false;
  hasWeaklist = false;
  slotNames: string[] = [];
  /** Index of this type's first __slots__ member in an instance's slot array. */
  slotOffset = 0;
  /** Set on exception classes (BaseException and subclasses). */
  isException = false;
  /** tp_subclasses: a dict of weak references to the direct subclasses (made at the first one). */
  subclasses: PyObject | null = null;
  /**
   * The class's shared keys for instance dicts (ht_cached_keys): the attribute names seen so
   * far, and (3.11+) the usable size, which shrinks by one for each new instance.
   */
  sharedKeyNames: Set<string> = new Set();
  sharedKeysBudget = 30;
  /** ht_slots: the sorted __slots__ names as a tuple. */
  slotsTuple: PyObject | null = null;
  /** _PyType_Lookup's cache (see typeLookup). */
  lookupCache: Map<string, PyObject | null> = new Map();
  cacheEpoch = -1;
  /** Cached: instances use the plain generic attribute protocol (see typeobject.ts). */
  plainAttrs = false;
  plainAttrsEpoch = -1;

  // ---- slots (null: not supported) ----
  tp_repr: UnarySlot | null = null;
  tp_str: UnarySlot | null = null;
  /** Python's hash as a JS number (exact below 2**53) or bigint. */
  tp_hash: ((a: PyObject) => bigint) | null = null;
  tp_richcompare: ((a: PyObject, b: PyObject, op: CmpOp) => PyObject) | null = null;
  tp_getattro: ((o: PyObject, name: string) => PyObject | null) | null = null;
  tp_setattro: ((o: PyObject, name: string, value: PyObject | null) => void) | null = null;
  tp_call: CallSlot | null = null;
  tp_iter: UnarySlot | null = null;
  /** Next item (new reference) or null when exhausted (no StopIteration object needed). */
  tp_iternext: ((o: PyObject) => PyObject | null) | null = null;
  /** Descriptor protocol: __get__ (instance may be null for class access). */
  tp_descr_get: ((descr: PyObject, instance: PyObject | null, owner: PyObject) => PyObject) | null = null;
  tp_descr_set: ((descr: PyObject, instance: PyObject, value: PyObject | null) => void) | null = null;
  /** type(...) call: __new__ + __init__ for this type. */
  tp_new: CallSlot | null = null;
  tp_init: ((self: PyObject, args: readonly PyObject[], kwnames: readonly string[] | null) => void) | null = null;
  /** PEP 442 tp_finalize, called by dealloc and by the collector. Returns false if resurrected. */
  finalizeOnDealloc: ((o: PyObject) => boolean) | null = null;
  /** tp_finalize for the collector (runs __del__, no dealloc logic). */
  tp_finalize: ((o: PyObject) => void) | null = null;
  /** Legacy tp_del (never set for Python classes since 3.4; kept for move_legacy_finalizers). */
  tp_del: ((o: PyObject) => void) | null = null;

  nb_add: BinarySlot | null = null;
  nb_subtract: BinarySlot | null = null;
  nb_multiply: BinarySlot | null = null;
  nb_true_divide: BinarySlot | null = null;
  nb_floor_divide: BinarySlot | null = null;
  nb_remainder: BinarySlot | null = null;
  nb_power: BinarySlot | null = null;
  nb_lshift: BinarySlot | null = null;
  nb_rshift: BinarySlot | null = null;
  nb_and: BinarySlot | null = null;
  nb_or: BinarySlot | null = null;
  nb_xor: BinarySlot | null = null;
  nb_inplace_add: BinarySlot | null = null;
  nb_inplace_multiply: BinarySlot | null = null;
  nb_inplace_or: BinarySlot | null = null;
  nb_inplace_and: BinarySlot | null = null;
  nb_inplace_xor: BinarySlot | null = null;
  nb_inplace_subtract: BinarySlot | null = null;
  nb_negative: UnarySlot | null = null;
  nb_positive: UnarySlot | null = null;
  nb_invert: UnarySlot | null = null;
  nb_bool: ((a: PyObject) => boolean) | null = null;
  nb_index: UnarySlot | null = null;
  sq_length: ((a: PyObject) => number) | null = null;
  sq_contains: ((a: PyObject, item: PyObject) => boolean) | null = null;
  /** `a[key]` (new reference). */
  mp_subscript: BinarySlot | null = null;
  /** `a[key] = v`, or `del a[key]` when v is null. */
  mp_ass_subscript: ((a: PyObject, key: PyObject, v: PyObject | null) => void) | null = null;
  /** sq_repeat / sq_concat for sequences (CPython tries them after the number slots). */
  sq_concat: BinarySlot | null = null;
  sq_repeat: ((a: PyObject, n: PyObject) => PyObject) | null = null;
  sq_inplace_concat: BinarySlot | null = null;
  sq_inplace_repeat: ((a: PyObject, n: PyObject) => PyObject) | null = null;

  constructor(spec: TypeSpec, metatype?: PyType) {
    super(metatype ?? (TypeType as PyType | undefined) ?? (null as unknown as PyType));
    this.name = spec.name;
    // type_name / type_module of a static type: a dotted tp_name ('weakref.ReferenceType')
    // is the module and the name.
    const dot = spec.name.lastIndexOf('.');
    this.qualname = dot < 0 ? spec.name : spec.name.slice(dot + 1);
    this.module = spec.module ?? (dot < 0 ? 'builtins' : spec.name.slice(0, dot));
    this.base = spec.base === undefined ? (ObjectType ?? null) : spec.base;
    this.isGC = spec.isGC ?? false;
    this.basicsize = spec.basicsize ?? 16;
    this.itemsize = spec.itemsize ?? 0;
    this.subclassable = spec.subclassable ?? false;
    this.mro = this.base === null ? [this] : [this, ...this.base.mro];
    if (this.base !== null) inheritSlots(this, this.base);
  }

  shortRepr(): string {
    return this.module === 'builtins' ? `<class '${this.qualname}'>` : `<class '${this.module}.${this.qualname}'>`;
  }

  traverse(visit: Visit): void {
    if (!this.isHeapType) return;
    if (this.dict !== null) visit(this.dict);
    if (this.basesTuple !== null) visit(this.basesTuple);
    if (this.mroTuple !== null) visit(this.mroTuple);
    // A heap type holds its base (tp_base) too.
    if (this.base !== null) visit(this.base);
  }

  /** PyObject_ClearWeakRefs for instances of this type (weakref.ts installs it). */
  clearWeakrefs(o: PyObject): void {
    clearWeakrefsHook(o);
  }

  isSubtypeOf(other: PyType): boolean {
    return this === other || this.mro.includes(other);
  }
}

/** Copy the slots a subtype inherits from its base (inherit_slots in typeobject.c). */
export function inheritSlots(t: PyType, base: PyType): void {
  const keys = Object.keys(base) as (keyof PyType)[];
  for (const k of keys) {
    if (typeof k === 'string' && (k.startsWith('tp_') || k.startsWith('nb_') || k.startsWith('sq_') || k.startsWith('mp_'))) {
      const rec = t as unknown as Record<string, unknown>;
      if (rec[k] === null) rec[k] = (base as unknown as Record<string, unknown>)[k];
    }
  }
  if (base.isException) t.isException = true;
}

let clearWeakrefsHook: (o: PyObject) => void = () => {};
export function setClearWeakrefsHook(f: (o: PyObject) => void): void {
  clearWeakrefsHook = f;
}

// `type` and `object` must exist before any other type is made; they refer to each other.
export let TypeType: PyType = undefined as unknown as PyType;
export let ObjectType: PyType = undefined as unknown as PyType;

ObjectType = new PyType({ name: 'object', base: null, basicsize: 16, subclassable: true });
TypeType = new PyType({ name: 'type', base: ObjectType, isGC: true, basicsize: 880, subclassable: true });
ObjectType.ob_type = TypeType;
TypeType.ob_type = TypeType;

/** _PyType_Lookup: the attribute found first along the MRO (borrowed), or null. */
export function typeLookup(t: PyType, name: string): PyObject | null {
  // The method cache (CPython's type version tags): valid until any class dict changes.
  if (t.cacheEpoch !== typeCacheEpoch) {
    t.lookupCache.clear();
    t.cacheEpoch = typeCacheEpoch;
  }
  const hit = t.lookupCache.get(name);
  if (hit !== undefined) return hit;
  let found: PyObject | null = null;
  for (const k of t.mro) {
    found = typeOwnLookup(k, name);
    if (found !== null) break;
  }
  t.lookupCache.set(name, found);
  return found;
}

/** The attribute in `t`'s own dict (borrowed), or null: one step of the MRO walk. */
export function typeOwnLookup(t: PyType, name: string): PyObject | null {
  return (t.isHeapType ? heapTypeDictGet(t, name) : t.table.get(name)) ?? null;
}

/** Bumped whenever a class's dict changes: every type's lookup cache is then stale. */
let typeCacheEpoch = 0;
export function typeLookupEpoch(): number {
  return typeCacheEpoch;
}
export function invalidateTypeCaches(): void {
  typeCacheEpoch++;
}

/** Set by dict.ts: reads a heap type's tp_dict by str key without running Python code. */
export let heapTypeDictGet: (t: PyType, name: string) => PyObject | null = () => null;
export function setHeapTypeDictGet(f: (t: PyType, name: string) => PyObject | null): void {
  heapTypeDictGet = f;
}
