// Classes and their instances (Objects/typeobject.c): __build_class__ and type_new,
// type_call (tp_new + __init__), attribute access on instances and classes, and the slot_*
// functions that make `+`, `==`, `repr()`, `len()`, `for`... call a class's dunder methods.
//
// Reference holders a student can count: the class is held by its __mro__ tuple, by the
// __dict__/__weakref__ getset descriptors (or one member descriptor per __slots__ name), by
// each instance, and a subclass holds its base three times (__bases__, __mro__, tp_base).

import { PyObject, incref, decref, xdecref, gcTrack, makeEmbedded, promoteEmbedded, heap, type Visit } from './objects/object';
import { PyType, TypeType, ObjectType, typeLookup, setHeapTypeDictGet, CmpOp, inheritSlots, invalidateTypeCaches, typeLookupEpoch, type TypeSpec } from './objects/type';
import { PyDict, DictType, newDict, dictGetStr, dictSet, dictSetWithKey, dictLookup, dictDelAt, dictCopyInto, dictItems, strCanonical, keyOf } from './objects/dict';
import { newSharedKeys310, sharedKeysHaveRoom, combineForInsert, combineForDelete } from './objects/dict';
import { PyStr, StrType, newStr, internInPlace, interned } from './objects/str';
import { PyTuple, newTuple, TupleType, emptyTuple } from './objects/tuple';
import { PyInt, IntType, True, False, pyBool, BoolType } from './objects/int';
import { FloatType, PyFloat, newFloat } from './objects/float';
import { ListType, newList } from './objects/list';
import { SetType, FrozenSetType } from './objects/set';
import { None, NotImplemented, NoneType } from './objects/singletons';
import { PyInstance } from './objects/instance';
import { PyFunction, PyMethod, PyCell, FunctionType, MethodType } from './objects/function';
import { PyCFunction, PyMethodDescr, PyGetSetDescr, PyMemberDescr, MethodDescrType, GetSetDescrType, MemberDescrType, CFunctionType, defineMethods, type NativeImpl } from './objects/descr';
import { PyModule, ModuleType } from './objects/module';
import { PyBaseException, BaseException, raise, TypeError, AttributeError, PyErr, RuntimeError, BUILTIN_EXCEPTIONS } from './objects/exceptions';
import {
  callObject, typeName, reprString, strString, hexAddress, genericGetAttr, attributeError, truth, instanceDictOf, setSpecialAttr,
  setUserHashFn, hashPointer, compareBool, hash as pyHash, lookupAttr, getAttr, defaultRepr, setMakeSeqIter,
} from './abstract';
import { setTypeCallHooks, runClassBody, setInstanceStoreOf, setBuildClassFunction, setGenericInstanceGetattr, setInstanceAllocation, setAttributeFastPaths } from './ceval';
import { allocated, gcAllocated, gcFreed } from './gc';
import { profile } from './profile';
import { newException, exceptionStr, exceptionRepr, systemExitCode } from './pyerrors';
import { newSeqIter, SeqIterType } from './types/sequences';
import { rt } from './runtime';
import type { PyGenerator } from './generator';

// ---------------------------------------------------------------- heap type dicts

setHeapTypeDictGet((t, name) => (t.dict === null ? null : dictGetStr(t.dict as PyDict, name)));

/** The attribute store of an instance (3.11+ managed values, or the __dict__). */
function storeOf(o: PyObject): PyDict | null {
  return instanceDictOf(o);
}
setInstanceStoreOf(storeOf);

// ---------------------------------------------------------------- class creation

/** calculate_metaclass + type_new for `class Name(bases): body`. */
export function buildClass(func: PyFunction, nameObj: PyObject, bases: readonly PyObject[]): PyObject {
  for (const b of bases) {
    if (!(b instanceof PyType)) raise(TypeError, `bases must be types`);
  }
  const ns = newDict();
  try {
    const r = runClassBody(func, ns);
    decref(r);
    // The metaclass is called with (name, bases, namespace): one more argument tuple.
    // (type_new then keeps __build_class__'s bases tuple as __bases__; ours is made there.)
    const margs = newTuple([incref(nameObj), incref(emptyTuple), incref(ns)]);
    try {
      return typeNew((nameObj as PyStr).value, bases as PyType[], ns);
    } finally {
      decref(margs);
    }
  } finally {
    decref(ns);
  }
}

/** C3 linearisation (mro_internal). */
function computeMro(t: PyType, bases: PyType[]): PyType[] {
  if (bases.length === 1) return [t, ...bases[0]!.mro];
  const seqs = bases.map((b) => [...b.mro]).concat([[...bases]]);
  const out: PyType[] = [t];
  for (;;) {
    const nonEmpty = seqs.filter((s) => s.length > 0);
    if (nonEmpty.length === 0) return out;
    let cand: PyType | null = null;
    for (const s of nonEmpty) {
      const c = s[0]!;
      if (!nonEmpty.some((o) => o.indexOf(c) > 0)) {
        cand = c;
        break;
      }
    }
    if (cand === null) {
      raise(TypeError, `Cannot create a consistent method resolution order (MRO) for bases ${bases.map((b) => b.name).join(', ')}`);
    }
    out.push(cand);
    for (const s of nonEmpty) if (s[0] === cand) s.shift();
  }
}

/** Built-in types a class may derive from, and how their instances are laid out. */
function solidBase(t: PyType): PyType {
  for (const k of t.mro) if (!k.isHeapType) return k;
  return ObjectType;
}

export function typeNew(name: string, basesIn: PyType[], ns: PyDict): PyType {
  const bases = basesIn.length === 0 ? [ObjectType] : basesIn;
  for (const b of bases) {
    if (!b.subclassable && !b.isHeapType) raise(TypeError, `type '${b.name}' is not an acceptable base type`);
  }
  const base = bases[0]!;
  const solid = solidBase(base);
  if (solid !== ObjectType && !solid.isException) {
    throw new PyErr(newException(TypeError, newTuple([newStr(`unsupported: subclassing the built-in type '${solid.name}'`)])));
  }
  const spec: TypeSpec = { name, module: '__main__', base, isGC: true, basicsize: 16, subclassable: true };
  const t = new PyType(spec, TypeType);
  t.isHeapType = true;
  incref(base); // tp_base
  t.mro = computeMro(t, bases);
  const modObj = dictGetStr(ns, '__module__');
  if (modObj instanceof PyStr) t.module = modObj.value;
  const qual = dictGetStr(ns, '__qualname__');
  t.qualname = qual instanceof PyStr ? qual.value : name;

  // type_new copies the namespace (minus __qualname__).
  const dict = newDict();
  dictCopyInto(dict, ns);
  const qi = lookupStr(dict, '__qualname__');
  if (qi >= 0) dictDelAt(dict, qi);
  t.dict = dict;
  invalidateTypeCaches();

  // __slots__
  const slotsObj = dictGetStr(dict, '__slots__');
  const inheritedDict = t.mro.slice(1).some((k) => k.hasInstanceDict);
  const inheritedWeak = t.mro.slice(1).some((k) => k.hasWeaklist);
  t.slotOffset = t.mro.slice(1).reduce((n, k) => n + (k.isHeapType ? k.slotNames.length : 0), 0);
  if (slotsObj !== null) {
    const names: string[] = [];
    const items = slotsObj instanceof PyStr ? [slotsObj] : slotsObj instanceof PyTuple || slotsObj.ob_type === ListType ? (slotsObj as PyTuple).items : [];
    for (const it of items) {
      if (!(it instanceof PyStr)) raise(TypeError, `__slots__ items must be strings, not '${typeName(it)}'`);
      names.push(it.value);
    }
    let wantDict = false;
    let wantWeak = false;
    for (const n of names) {
      if (n === '__dict__') wantDict = true;
      else if (n === '__weakref__') wantWeak = true;
    }
    const members = names.filter((n) => n !== '__dict__' && n !== '__weakref__');
    for (const n of members) {
      if (dictGetStr(dict, n) !== null) raise(ValueErrorType(), `'${n}' in __slots__ conflicts with class variable`);
    }
    t.slotNames = [...members].sort();
    // type_new's mangled, sorted slot names: a list, kept as the ht_slots tuple.
    const tmp = newList(t.slotNames.map((n) => newStr(n) as PyObject));
    t.slotsTuple = newTuple(tmp.items.map((x) => incref(x)));
    decref(tmp);
    t.hasInstanceDict = wantDict || inheritedDict;
    t.hasWeaklist = wantWeak || inheritedWeak;
    // member descriptors in sorted order (CPython sorts the slot names)
    t.slotNames.forEach((n, i) => {
      const d = new PyMemberDescr(t, n, t.slotOffset + i);
      allocated(d, true);
      setDictStr(dict, n, d);
      decref(d);
    });
    if (wantDict && !inheritedDict) addGetSet(t, dict, '__dict__');
    if (wantWeak && !inheritedWeak) addGetSet(t, dict, '__weakref__');
  } else {
    t.hasInstanceDict = true;
    t.hasWeaklist = true;
    if (!inheritedDict) addGetSet(t, dict, '__dict__');
    if (!inheritedWeak) addGetSet(t, dict, '__weakref__');
  }
  if (dictGetStr(dict, '__doc__') === null) setDictStr(dict, '__doc__', None);
  setClassCell(t, dict);

  // bases and mro tuples (each holds references to the classes in it)
  t.basesTuple = newTuple(bases.map((b) => incref(b) as PyObject));
  t.mroTuple = newTuple(t.mro.map((k) => incref(k) as PyObject));
  if (solid.isException) t.isException = true;
  fixupSlots(t);
  allocated(t, true);
  for (const b of bases) addSubclass(b, t);
  if (!firstClassMade) {
    firstClassMade = true;
    for (let i = 0; i < profile().firstClassExtra; i++) gcAllocated();
  }
  return t;
}

/** type_new_set_classcell: the `__class__` cell of the methods now holds the class. */
function setClassCell(t: PyType, dict: PyDict): void {
  const cell = dictGetStr(dict, '__classcell__');
  if (cell === null) return;
  if (!(cell instanceof PyCell)) raise(TypeError, `__classcell__ must be a nonlocal cell, not ${(cell.ob_type as PyType).shortRepr()}`);
  const old = cell.ref;
  cell.ref = incref(t);
  xdecref(old);
  dictDelAt(dict, lookupStr(dict, '__classcell__'));
}

/** generator.ts imports the builtins, which import this module: tell generators by their type. */
function isGenerator(o: PyObject): o is PyGenerator {
  return o.ob_type.name === 'generator' && !o.ob_type.isHeapType;
}

let firstClassMade = false;
export function resetClassCreation(): void {
  firstClassMade = false;
}

/** add_subclass: the base's tp_subclasses dict (made on first use) gets a weakref to the new class. */
function addSubclass(base: PyType, t: PyType): void {
  if (base.subclasses === null) {
    base.subclasses = newDict();
    // A built-in base (object...) had its tp_subclasses dict long before the program started.
    if (base.isStatic) gcFreed();
  }
  const wr = makeSubclassRef(t);
  const key = newInt(t.id);
  dictSet(base.subclasses as PyDict, key, wr);
  decref(key);
  decref(wr);
}

let makeSubclassRef: (t: PyType) => PyObject = () => newDict();
export function setSubclassRefMaker(f: (t: PyType) => PyObject): void {
  makeSubclassRef = f;
}

function ValueErrorType(): PyType {
  return ValueErrorT;
}
import { ValueError as ValueErrorT } from './objects/exceptions';

function setDictStr(d: PyDict, name: string, v: PyObject): void {
  // Attribute names are interned when the code is compiled: reuse that key object.
  const have = interned.get(name);
  if (have !== undefined) {
    dictSetWithKey(d, have, strCanonical(name), v);
    return;
  }
  const k = internInPlace(newStr(name));
  dictSetWithKey(d, k, strCanonical(name), v);
  decref(k);
}

function addGetSet(t: PyType, dict: PyDict, name: '__dict__' | '__weakref__'): void {
  const d =
    name === '__dict__'
      ? new PyGetSetDescr(t, name, (o) => instanceDictGet(o), (o, v) => instanceDictSet(o, v))
      : new PyGetSetDescr(t, name, (o) => weakrefHead(o), null);
  allocated(d, true);
  setDictStr(dict, name, d);
  decref(d);
}

let weakrefHead: (o: PyObject) => PyObject = () => incref(None);
export function setWeakrefHead(f: (o: PyObject) => PyObject): void {
  weakrefHead = f;
}

// ---------------------------------------------------------------- instance __dict__

/** The instance's __dict__, materialised on 3.11+ (a new dict object appears then). */
export function instanceDictGet(o: PyObject, overflow = false): PyObject {
  if (o instanceof PyInstance) {
    if (o.dict !== null) return incref(o.dict);
    if (o.values !== null) {
      const d = o.values;
      o.values = null;
      promoteEmbedded(d);
      allocated(d, false);
      // make_dict_from_instance_attributes: a dict sharing the class's keys. When the shared
      // keys are full (the name being stored does not fit), the store that follows finds no
      // usable entry and resizes the table into a combined one (insertion_resize).
      if (!overflow) d.splitKeysOf = o.ob_type;
      else d.usable = 0;
      if (profile().materialisedDictTracks || overflow) {
        for (const [k, v] of dictItems(d)) {
          if (d.gcNext === null && (mayTrack(k) || mayTrack(v))) gcTrack(d);
        }
      } else d.storesUntracked = true;
      o.dict = d;
      return incref(d);
    }
    // No attribute yet: a fresh dict sharing the class's keys (a split table).
    const d = newDict();
    d.splitKeysOf = o.ob_type;
    shareClassKeys310(d, o.ob_type);
    if (!profile().materialisedDictTracks) d.storesUntracked = true;
    o.dict = d;
    return incref(d);
  }
  if (o instanceof PyFunction || o instanceof PyBaseException) {
    if (o.dict === null) o.dict = newDict();
    return incref(o.dict);
  }
  attributeError(o, '__dict__');
}

function mayTrack(o: PyObject): boolean {
  return o.ob_type.isGC && !(o instanceof PyTuple && o.gcNext === null);
}

function instanceDictSet(o: PyObject, v: PyObject | null): void {
  if (v === null) raise(TypeError, 'cannot delete __dict__');
  if (!(v instanceof PyDict)) raise(TypeError, `__dict__ must be set to a dictionary, not a '${typeName(v)}'`);
  if (o instanceof PyInstance) {
    const old = o.dict;
    o.dict = incref(v);
    if (o.values !== null) {
      o.values.release();
      o.values = null;
    }
    xdecref(old);
  }
}

/** The store an attribute assignment writes into, made on first use. */
function storeForWrite(o: PyInstance): PyDict {
  if (o.dict !== null) return o.dict;
  if (profile().managedDicts) {
    if (o.values === null) o.values = makeEmbedded(() => new PyDict(true));
    return o.values;
  }
  // 3.10: _PyObjectDict_SetItem makes a dict sharing the class's cached keys.
  const d = newDict();
  d.splitKeysOf = o.ob_type;
  shareClassKeys310(d, o.ob_type);
  o.dict = d;
  return d;
}

/** 3.10: a new instance dict uses the class's cached keys, if it still has them. */
function shareClassKeys310(d: PyDict, t: PyType): void {
  if (profile().managedDicts) return;
  if (t.cachedKeys310 === undefined) t.cachedKeys310 = newSharedKeys310([], 3);
  const k = t.cachedKeys310;
  if (k === null) {
    d.splitKeysOf = null;
    return;
  }
  d.keys310 = k;
  k.holders++;
}

/**
 * 3.10's insertdict on a split table, then _PyObjectDict_SetItem's follow-up. The store
 * stays in the shared keys while the table holds every shared name in order (a new name is
 * added to the keys while they have room); otherwise the table is made combined
 * (insertion_resize), and the class then re-shares this table's keys if no other table used
 * the old ones (make_keys_shared), or stops sharing keys at all.
 */
function beforeStore310(d: PyDict, t: PyType, name: string): void {
  const k = d.keys310;
  if (k === null) return;
  const ix = k.names.indexOf(name);
  if (ix >= 0 ? ix <= d.used : d.used === k.names.length && sharedKeysHaveRoom(k)) {
    if (ix < 0) k.names.push(name);
    return;
  }
  combineForInsert(d);
  pendingReshare = t.cachedKeys310 === k ? t : null;
}

let pendingReshare: PyType | null = null;

function afterStore310(d: PyDict): void {
  const t = pendingReshare;
  if (t === null) return;
  pendingReshare = null;
  const old = t.cachedKeys310!;
  if (old.holders > 0) {
    t.cachedKeys310 = null;
    return;
  }
  const k = newSharedKeys310(d.ekeys.filter((x) => x !== null && x !== undefined).map((x) => (x as PyStr).value), d.log2size);
  t.cachedKeys310 = k;
  d.keys310 = k;
  d.splitKeysOf = t;
  k.holders++;
}

/**
 * An attribute store on an instance of a class with __dict__. On 3.11+ the value goes to the
 * inline values while the class's shared keys can take the name (they hold at most as many
 * names as their usable size, which every new instance shrinks by one); a name that does not
 * fit turns this instance's values into a real dict (make_dict_from_instance_attributes).
 */
function storeInstanceAttr(o: PyInstance, name: string, value: PyObject, key: PyStr | null): void {
  const t = o.ob_type;
  // One Set lookup per store: a name already among the shared keys needs neither check nor add.
  const shared = t.sharedKeyNames.has(name);
  if (!shared && o.dict === null && profile().managedDicts && t.sharedKeyNames.size + 1 > t.sharedKeysBudget) {
    decref(instanceDictGet(o, true));
  }
  const store = storeForWrite(o);
  beforeStore310(store, t, name);
  if (key !== null) dictSetWithKey(store, key, strCanonical(name), value);
  else setDictStr(store, name, value);
  afterStore310(store);
  if (!shared && (store.splitKeysOf !== null || store === o.values)) t.sharedKeyNames.add(name);
}

// ---------------------------------------------------------------- attribute access

/** PyObject_GenericGetAttr for instances, with __getattr__ as the fallback (slot_tp_getattr_hook). */
function instanceGetAttr(o: PyObject, name: string): PyObject | null {
  const r = genericGetAttrWithDict(o, name);
  if (r !== null) return r;
  const ga = typeLookup(o.ob_type, '__getattr__');
  if (ga !== null) {
    const n = newStr(name);
    try {
      return callObject(ga, [o, n]);
    } catch (e) {
      if (e instanceof PyErr && e.exc.ob_type.isSubtypeOf(AttributeError)) {
        decref(e.exc);
        return null;
      }
      throw e;
    } finally {
      decref(n);
    }
  }
  return null;
}

setGenericInstanceGetattr(instanceGetAttr);

/** A class whose attribute access is the plain generic one (no __getattribute__/__setattr__ of its own). */
function plainAttributes(t: PyType): boolean {
  if (t.plainAttrsEpoch === typeLookupEpoch()) return t.plainAttrs;
  const sa = typeLookup(t, '__setattr__');
  const ga = typeLookup(t, '__getattribute__');
  t.plainAttrs = t.tp_getattro === instanceGetAttr && (sa === objectSetattr || sa === null) && (ga === null || ga instanceof PyMethodDescr);
  t.plainAttrsEpoch = typeLookupEpoch();
  return t.plainAttrs;
}

setAttributeFastPaths(
  (o, name) => {
    if (!(o instanceof PyInstance)) return null;
    const store = o.dict ?? o.values;
    if (store === null || !plainAttributes(o.ob_type)) return null;
    const v = dictGetStr(store, name);
    if (v === null) return null;
    const d = typeLookup(o.ob_type, name);
    if (d !== null && d.ob_type.tp_descr_set !== null) return null;
    return v;
  },
  (o, key, v) => {
    if (!(o instanceof PyInstance) || !o.ob_type.hasInstanceDict || !plainAttributes(o.ob_type)) return false;
    const name = key.value;
    const d = typeLookup(o.ob_type, name);
    if (d !== null && d.ob_type.tp_descr_set !== null) return false;
    storeInstanceAttr(o, name, v, key);
    return true;
  },
);

let objectSetattr: PyObject | null = null;

function genericGetAttrWithDict(o: PyObject, name: string): PyObject | null {
  return genericGetAttr(o, name);
}

function instanceSetAttr(o: PyObject, name: string, value: PyObject | null): void {
  const t = o.ob_type;
  const custom = typeLookup(t, '__setattr__');
  if (custom !== objectSetattr && custom !== null && !(custom instanceof PyMethodDescr)) {
    const n = newStr(name);
    try {
      const r = value === null ? callObject(typeLookup(t, '__delattr__') ?? custom, [o, n]) : callObject(custom, [o, n, value]);
      decref(r);
    } finally {
      decref(n);
    }
    return;
  }
  genericSetAttr(o, name, value);
}

/** PyObject_GenericSetAttr */
export function genericSetAttr(o: PyObject, name: string, value: PyObject | null): void {
  const t = o.ob_type;
  const descr = typeLookup(t, name);
  if (descr !== null) {
    const dt = descr.ob_type;
    if (dt.tp_descr_set !== null) {
      dt.tp_descr_set(descr, o, value);
      return;
    }
  }
  if (o instanceof PyInstance && t.hasInstanceDict) {
    if (value === null) {
      const store = o.attrs();
      let i = store === null ? -1 : lookupStr(store, name);
      if (i < 0) raiseDelMissing(`'${t.name}' object has no attribute '${name}'`, name);
      if (store!.keys310 !== null) {
        // 3.10: a split table cannot delete; it is made combined at its size, and the class
        // stops sharing keys.
        combineForDelete(store!, store!.keys310.log2size);
        if (t.cachedKeys310) t.cachedKeys310 = null;
        i = lookupStr(store!, name);
      }
      dictDelAt(store!, i);
      return;
    }
    storeInstanceAttr(o, name, value, null);
    return;
  }
  if ((o instanceof PyFunction || o instanceof PyBaseException) && name !== '__class__') {
    if (value === null) {
      const d = o.dict as PyDict | null;
      const i = d === null ? -1 : lookupStr(d, name);
      if (i < 0) raiseDelMissing(`'${t.name}' object has no attribute '${name}'`, name);
      dictDelAt(d!, i);
      return;
    }
    if (o.dict === null) o.dict = newDict();
    setDictStr(o.dict as PyDict, name, value);
    return;
  }
  if (descr !== null) raise(AttributeError, `'${t.name}' object attribute '${name}' is read-only`);
  raise(AttributeError, `'${t.name}' object has no attribute '${name}'${profile().setattrNoDictSuffix}`);
}

/** Deleting a missing attribute from a dict: 3.10 turns the KeyError into AttributeError(name). */
function raiseDelMissing(message: string, name: string): never {
  raise(AttributeError, profile().delattrBareName ? name : message);
}

function lookupStr(d: PyDict, name: string): number {
  const i = d.index.get(strCanonical(name));
  return i === undefined ? -1 : i;
}

/** type_getattro: attributes of a class object. */
function typeGetAttr(o: PyObject, name: string): PyObject | null {
  const t = o as PyType;
  const special = typeSpecial(t, name);
  if (special !== null) return special;
  const attr = typeLookup(t, name);
  if (attr !== null) {
    const dt = attr.ob_type;
    if (attr instanceof PyFunction) return incref(attr);
    if (attr instanceof PyMethodDescr && attr.isClassMethod) return new PyCFunction(attr.name, (_s, a, k) => attr.impl(t, a, k), t);
    if (dt.tp_descr_get !== null && !(attr instanceof PyMemberDescr) && !(attr instanceof PyGetSetDescr)) return dt.tp_descr_get(attr, null, t);
    return incref(attr);
  }
  return null;
}

function typeSpecial(t: PyType, name: string): PyObject | null {
  switch (name) {
    case '__name__':
      return newStr(t.isHeapType ? t.name : t.qualname);
    case '__qualname__':
      return newStr(t.qualname);
    case '__module__':
      return t.isHeapType ? null : newStr(t.module);
    case '__mro__':
      return t.mroTuple !== null ? incref(t.mroTuple) : newTuple(t.mro.map((k) => incref(k) as PyObject));
    case '__bases__':
      return t.basesTuple !== null ? incref(t.basesTuple) : newTuple(t.base === null ? [] : [incref(t.base)]);
    case '__base__':
      return incref(t.base ?? None);
    case '__dict__':
      return t.dict !== null ? incref(t.dict) : null;
    case '__class__':
      return incref(t.ob_type);
    case '__doc__':
      return t.isHeapType ? null : incref(None);
    default:
      return null;
  }
}

function typeSetAttr(o: PyObject, name: string, value: PyObject | null): void {
  const t = o as PyType;
  if (!t.isHeapType) raise(TypeError, `cannot set '${name}' attribute of immutable type '${t.name}'`);
  const d = t.dict as PyDict;
  if (value === null) {
    const i = lookupStr(d, name);
    if (i < 0) raiseDelMissing(`type object '${t.name}' has no attribute '${name}'`, name);
    dictDelAt(d, i);
  } else setDictStr(d, name, value);
  invalidateTypeCaches();
  if (name.startsWith('__') && name.endsWith('__')) fixupSlots(t);
}

TypeType.tp_getattro = typeGetAttr;
TypeType.tp_setattro = typeSetAttr;
TypeType.tp_repr = (o) => newStr((o as PyType).shortRepr());

// ---------------------------------------------------------------- descriptors

FunctionType.tp_descr_get = (f, inst) => {
  if (inst === null || inst === None) return incref(f);
  const m = new PyMethod(incref(f), incref(inst));
  allocated(m, true);
  return m;
};
MethodDescrType.tp_descr_get = (d, inst, owner) => {
  const md = d as PyMethodDescr;
  if (md.isClassMethod) {
    const f = new PyCFunction(md.name, (_s, a, k) => md.impl(owner, a, k), incref(owner));
    allocated(f, true);
    return f;
  }
  if (inst === null) return incref(d);
  const f = new PyCFunction(md.name, md.impl as NativeImpl, incref(inst), md.owner.name);
  allocated(f, true);
  return f;
};
GetSetDescrType.tp_descr_get = (d, inst) => {
  if (inst === null) return incref(d);
  return (d as PyGetSetDescr).get(inst);
};
GetSetDescrType.tp_descr_set = (d, inst, v) => {
  const g = d as PyGetSetDescr;
  if (g.set === null) raise(AttributeError, `attribute '${g.name}' of '${g.owner.name}' objects is not writable`);
  g.set(inst, v);
};
MemberDescrType.tp_descr_get = (d, inst) => {
  if (inst === null) return incref(d);
  const m = d as PyMemberDescr;
  const v = slotsOf(inst)?.[m.index] ?? null;
  if (v === null) raise(AttributeError, `'${m.owner.name}' object has no attribute '${m.name}'`);
  return incref(v);
};
MemberDescrType.tp_descr_set = (d, inst, v) => {
  const m = d as PyMemberDescr;
  const slots = slotsOf(inst);
  if (slots === null) raise(TypeError, `descriptor '${m.name}' for '${m.owner.name}' objects doesn't apply to a '${typeName(inst)}' object`);
  const old = slots[m.index] ?? null;
  // PyMember_SetOne (T_OBJECT_EX): deleting an empty slot raises AttributeError(name).
  if (v === null && old === null) raise(AttributeError, m.name);
  slots[m.index] = v === null ? null : incref(v);
  xdecref(old);
};

function slotsOf(o: PyObject): (PyObject | null)[] | null {
  if (o instanceof PyInstance) return o.slots;
  if (o instanceof PyBaseException) {
    if (o.slots === null) o.slots = [];
    return o.slots;
  }
  return null;
}

MethodType.tp_repr = (o) => {
  const m = o as PyMethod;
  const f = m.func;
  const q = f instanceof PyFunction ? f.code.qualname : '?';
  return newStr(`<bound method ${q} of ${reprString(m.self)}>`);
};
MethodType.tp_getattro = (o, name) => {
  const m = o as PyMethod;
  if (name === '__self__') return incref(m.self);
  if (name === '__func__') return incref(m.func);
  const r = genericGetAttr(o, name);
  if (r !== null) return r;
  return lookupAttr(m.func, name);
};
MethodType.tp_richcompare = (a, b, op) => {
  if (!(b instanceof PyMethod) || (op !== CmpOp.EQ && op !== CmpOp.NE)) return incref(NotImplemented);
  const m = a as PyMethod;
  const same = m.func === b.func && m.self === b.self;
  return pyBool(op === CmpOp.EQ ? same : !same);
};
MethodType.tp_hash = (o) => hashPointer((o as PyMethod).func) ^ hashPointer((o as PyMethod).self);
FunctionType.tp_repr = (o) => newStr(`<function ${(o as PyFunction).code.qualname} at ${hexAddress(o)}>`);
FunctionType.tp_hash = (o) => hashPointer(o);
CFunctionType.tp_repr = (o) => {
  const f = o as PyCFunction;
  if (f.self === null || f.self instanceof PyModule) return newStr(`<built-in function ${f.name}>`);
  return newStr(`<built-in method ${f.name} of ${f.ownerName ?? typeName(f.self)} object at ${hexAddress(f.self)}>`);
};
CFunctionType.tp_hash = (o) => hashPointer(o);
MethodDescrType.tp_repr = (o) => newStr((o as PyMethodDescr).shortRepr());
ModuleType.tp_repr = (o) => {
  const m = o as PyModule;
  return newStr(m.name === 'sys' || m.name === 'gc' ? `<module '${m.name}' (built-in)>` : `<module '${m.name}'>`);
};
ModuleType.tp_getattro = (o, name) => {
  const m = o as PyModule;
  const v = dictGetStr(m.dict, name);
  if (v !== null) return incref(v);
  if (name === '__dict__') return incref(m.dict);
  return null;
};
ModuleType.tp_setattro = (o, name, v) => {
  const m = o as PyModule;
  if (v === null) {
    const i = lookupStr(m.dict, name);
    if (i < 0) raise(AttributeError, `module '${m.name}' has no attribute '${name}'`);
    dictDelAt(m.dict, i);
  } else setDictStr(m.dict, name, v);
};
TypeType.tp_hash = (o) => hashPointer(o);
ObjectType.tp_hash = (o) => hashPointer(o);
ObjectType.tp_richcompare = (a, b, op) => {
  if (op === CmpOp.EQ) return a === b ? incref(True) : incref(NotImplemented);
  if (op === CmpOp.NE) {
    // object.__ne__ inverts __eq__ when a class defines one.
    const eqm = a.ob_type.tp_richcompare;
    if (eqm !== null && eqm !== ObjectType.tp_richcompare) {
      const r = eqm(a, b, CmpOp.EQ);
      if (r === NotImplemented) return r;
      const t = truth(r);
      decref(r);
      return pyBool(!t);
    }
    return a === b ? incref(False) : incref(NotImplemented);
  }
  return incref(NotImplemented);
};
NoneType.tp_repr = () => newStr('None');
NoneType.tp_hash = (o) => (profile().immortalSingletons ? 4238894112n : hashPointer(o));
NoneType.nb_bool = () => false;

// ---------------------------------------------------------------- instances: type_call

/** type_call for a heap type: tp_new (object_new), then __init__. */
function callHeapType(t: PyType, args: readonly PyObject[], kwnames: readonly string[] | null): PyObject {
  const init = typeLookup(t, '__init__');
  const newm = typeLookup(t, '__new__');
  const objectInit = typeLookup(ObjectType, '__init__');
  const objectNew = typeLookup(ObjectType, '__new__');
  // _PyObject_MakeTpCall: the arguments are packed into a tuple for tp_new/tp_init.
  const argsTuple = args.length > 0 ? newTuple(args.map((a) => incref(a))) : null;
  try {
    if (args.length > 0 && init === objectInit && (newm === objectNew || newm === null)) {
      raise(TypeError, `${t.name}() takes no arguments`);
    }
    let obj: PyObject;
    if (newm !== null && newm !== objectNew && newm instanceof PyFunction) {
      obj = callObject(newm, [t, ...args], kwnames);
      if (!obj.ob_type.isSubtypeOf(t)) return obj;
    } else {
      obj = allocInstance(t);
    }
    if (init !== null && init !== objectInit) {
      let r: PyObject;
      try {
        r = callObject(init, [obj, ...args], kwnames);
      } catch (e) {
        decref(obj);
        throw e;
      }
      if (r !== None) {
        const n = typeName(r);
        decref(r);
        decref(obj);
        raise(TypeError, `__init__() should return None, not '${n}'`);
      }
      decref(r);
    }
    return obj;
  } finally {
    xdecref(argsTuple);
  }
}

/** object_new / PyType_GenericAlloc: a tracked instance. */
export function allocInstance(t: PyType): PyObject {
  if (t.isException) {
    const e = newException(t, newTuple([]));
    return e;
  }
  const nslots = t.slotOffset + t.slotNames.length;
  const o = new PyInstance(t, nslots);
  allocated(o, true);
  // 3.11+: each new instance takes one of the class's shared keys' free entries
  // (init_inline_values: dk_usable--, while more than one is left); the budget is
  // shared_keys_usable_size, entries used plus entries free.
  if (profile().managedDicts && t.hasInstanceDict && t.sharedKeysBudget - t.sharedKeyNames.size > 1) t.sharedKeysBudget--;
  return o;
}

// ---------------------------------------------------------------- slot_* wrappers

/** Look up and call a dunder on the instance's type (lookup_maybe_method + call). */
function callDunder(o: PyObject, name: string, args: readonly PyObject[]): PyObject {
  const f = typeLookup(o.ob_type, name);
  if (f === null) raise(TypeError, `'${typeName(o)}' object has no attribute '${name}'`);
  if (f instanceof PyFunction) return callObject(f, [o, ...args]);
  if (f instanceof PyMethodDescr) return f.impl(o, args, null);
  const bound = f.ob_type.tp_descr_get !== null ? f.ob_type.tp_descr_get(f, o, o.ob_type) : incref(f);
  try {
    return callObject(bound, args);
  } finally {
    decref(bound);
  }
}

function definedByHeapType(t: PyType, name: string): boolean {
  for (const k of t.mro) {
    if (!k.isHeapType) {
      return false;
    }
    if (k.dict !== null && dictGetStr(k.dict as PyDict, name) !== null) return true;
  }
  return false;
}

const BINARY_DUNDERS: [keyof PyType, string, string][] = [
  ['nb_add', '__add__', '__radd__'],
  ['nb_subtract', '__sub__', '__rsub__'],
  ['nb_multiply', '__mul__', '__rmul__'],
  ['nb_true_divide', '__truediv__', '__rtruediv__'],
  ['nb_floor_divide', '__floordiv__', '__rfloordiv__'],
  ['nb_remainder', '__mod__', '__rmod__'],
  ['nb_power', '__pow__', '__rpow__'],
  ['nb_lshift', '__lshift__', '__rlshift__'],
  ['nb_rshift', '__rshift__', '__rrshift__'],
  ['nb_and', '__and__', '__rand__'],
  ['nb_or', '__or__', '__ror__'],
  ['nb_xor', '__xor__', '__rxor__'],
];
const INPLACE_DUNDERS: [keyof PyType, string][] = [
  ['nb_inplace_add', '__iadd__'],
  ['nb_inplace_subtract', '__isub__'],
  ['nb_inplace_multiply', '__imul__'],
  ['nb_inplace_or', '__ior__'],
  ['nb_inplace_and', '__iand__'],
  ['nb_inplace_xor', '__ixor__'],
];
const CMP_DUNDERS = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];

/** fixup_slot_dispatchers: point each slot at the dunder the class (or a base class) defines. */
export function fixupSlots(t: PyType): void {
  const rec = t as unknown as Record<string, unknown>;
  const base = t.base!;
  // start from the base's slots
  for (const k of Object.keys(base)) {
    if (/^(tp_|nb_|sq_|mp_)/.test(k) && k !== 'tp_getattro' && k !== 'tp_setattro') rec[k] = (base as unknown as Record<string, unknown>)[k];
  }
  t.finalizeOnDealloc = base.finalizeOnDealloc;
  const has = (n: string): boolean => definedByHeapType(t, n);
  if (!t.isException) {
    t.tp_getattro = instanceGetAttr;
    t.tp_setattro = instanceSetAttr;
  } else {
    t.tp_getattro = null;
    t.tp_setattro = (o, n, v) => genericSetAttr(o, n, v);
  }
  if (has('__repr__')) t.tp_repr = (o) => callDunder(o, '__repr__', []);
  else if (!t.isException) t.tp_repr = null;
  if (has('__str__')) t.tp_str = (o) => callDunder(o, '__str__', []);
  else if (!t.isException) t.tp_str = has('__repr__') ? (o) => callDunder(o, '__repr__', []) : null;
  if (CMP_DUNDERS.some(has)) {
    t.tp_richcompare = (a, b, op) => {
      const name = CMP_DUNDERS[op]!;
      const f = typeLookup(a.ob_type, name);
      if (f !== null && !(f instanceof PyMethodDescr) && f.ob_type.name === 'function') return callDunder(a, name, [b]);
      if (op === CmpOp.NE && typeLookup(a.ob_type, '__eq__') instanceof PyFunction) {
        const r = callDunder(a, '__eq__', [b]);
        if (r === NotImplemented) return r;
        const v = truth(r);
        decref(r);
        return pyBool(!v);
      }
      return ObjectType.tp_richcompare!(a, b, op);
    };
  }
  const hashAttr = typeLookup(t, '__hash__');
  if (has('__hash__') && hashAttr !== None) {
    t.tp_hash = (o) => {
      const r = callDunder(o, '__hash__', []);
      try {
        if (!(r instanceof PyInt)) raise(TypeError, '__hash__ method should return an integer');
        const v = BigInt(r.value);
        return v === -1n ? -2n : v;
      } finally {
        decref(r);
      }
    };
  } else if (hashAttr === None || (has('__eq__') && !has('__hash__'))) {
    t.tp_hash = null;
    if (has('__eq__') && !has('__hash__') && t.dict !== null && dictGetStr(t.dict as PyDict, '__hash__') === null) {
      setDictStr(t.dict as PyDict, '__hash__', None);
    }
  }
  for (const [slot, l, r] of BINARY_DUNDERS) {
    if (has(l) || has(r)) {
      rec[slot] = (a: PyObject, b: PyObject): PyObject => {
        if (a.ob_type.isHeapType && typeLookup(a.ob_type, l) instanceof PyFunction) {
          const x = callDunder(a, l, [b]);
          if (x !== NotImplemented) return x;
          decref(x);
        }
        if (b.ob_type.isHeapType && b.ob_type !== a.ob_type && typeLookup(b.ob_type, r) instanceof PyFunction) return callDunder(b, r, [a]);
        if (b.ob_type === a.ob_type && typeLookup(b.ob_type, r) instanceof PyFunction && !(typeLookup(a.ob_type, l) instanceof PyFunction)) return callDunder(b, r, [a]);
        return incref(NotImplemented);
      };
    }
  }
  for (const [slot, n] of INPLACE_DUNDERS) if (has(n)) rec[slot] = (a: PyObject, b: PyObject): PyObject => callDunder(a, n, [b]);
  if (has('__neg__')) t.nb_negative = (o) => callDunder(o, '__neg__', []);
  if (has('__pos__')) t.nb_positive = (o) => callDunder(o, '__pos__', []);
  if (has('__invert__')) t.nb_invert = (o) => callDunder(o, '__invert__', []);
  if (has('__index__')) t.nb_index = (o) => callDunder(o, '__index__', []);
  if (has('__len__')) {
    t.sq_length = (o) => {
      const r = callDunder(o, '__len__', []);
      try {
        if (!(r instanceof PyInt)) raise(TypeError, `'${typeName(r)}' object cannot be interpreted as an integer`);
        const n = Number(r.value);
        if (n < 0) raise(ValueErrorT, '__len__() should return >= 0');
        return n;
      } finally {
        decref(r);
      }
    };
  }
  if (has('__bool__')) {
    t.nb_bool = (o) => {
      const r = callDunder(o, '__bool__', []);
      try {
        if (r !== True && r !== False) raise(TypeError, `__bool__ should return bool, returned ${typeName(r)}`);
        return r === True;
      } finally {
        decref(r);
      }
    };
  } else if (has('__len__')) t.nb_bool = null;
  if (has('__contains__')) {
    t.sq_contains = (o, x) => {
      const r = callDunder(o, '__contains__', [x]);
      try {
        return truth(r);
      } finally {
        decref(r);
      }
    };
  }
  if (has('__getitem__')) t.mp_subscript = (o, k) => callDunder(o, '__getitem__', [k]);
  if (has('__setitem__') || has('__delitem__')) {
    t.mp_ass_subscript = (o, k, v) => {
      const r = v === null ? callDunder(o, '__delitem__', [k]) : callDunder(o, '__setitem__', [k, v]);
      decref(r);
    };
  }
  if (has('__iter__')) t.tp_iter = (o) => callDunder(o, '__iter__', []);
  else if (has('__getitem__')) t.tp_iter = (o) => newSeqIter(SeqIterType, o);
  if (has('__next__')) {
    t.tp_iternext = (o) => {
      try {
        return callDunder(o, '__next__', []);
      } catch (e) {
        if (e instanceof PyErr && e.exc.ob_type.isSubtypeOf(StopIterationT)) {
          decref(e.exc);
          return null;
        }
        throw e;
      }
    };
  }
  if (has('__call__')) t.tp_call = (o, a, k) => callDunder2(o, '__call__', a, k);
  if (has('__del__')) {
    // slot_tp_finalize, run from subtype_dealloc (PyObject_CallFinalizerFromDealloc) or the GC.
    t.tp_finalize = (o) => runDel(o);
    t.finalizeOnDealloc = (o) => finalizeFromDealloc(o);
  }
}

import { StopIteration as StopIterationT, SystemExit as SystemExitT } from './objects/exceptions';

function callDunder2(o: PyObject, name: string, args: readonly PyObject[], kw: readonly string[] | null): PyObject {
  const f = typeLookup(o.ob_type, name)!;
  return callObject(f, [o, ...args], kw);
}

/** slot_tp_finalize: call __del__, reporting (not raising) its exception like PyErr_WriteUnraisable. */
function runDel(o: PyObject): void {
  const del = typeLookup(o.ob_type, '__del__');
  if (del === null) return;
  if (heap.events !== null) heap.events.push({ kind: 'finalize', id: o.id });
  // The exception being handled is saved and restored around the finalizer.
  try {
    const r = callObject(del, [o]);
    decref(r);
  } catch (e) {
    if (!(e instanceof PyErr)) throw e;
    writeUnraisable(e, del);
  }
}

/** PyErr_WriteUnraisable: "Exception ignored in: <function C.__del__ at ...>" on stderr. */
export function writeUnraisable(e: PyErr, where: PyObject): void {
  const whereRepr = reprString(where);
  let line: string;
  try {
    const s = exceptionStr(e.exc);
    line = s === '' ? e.exc.ob_type.name : `${e.exc.ob_type.name}: ${s}`;
  } catch {
    line = e.exc.ob_type.name;
  }
  rt.stderr.push(`Exception ignored in: ${whereRepr}\nTraceback (most recent call last):\n${line}\n`);
  decref(e.exc);
}

/**
 * PyObject_CallFinalizerFromDealloc: the object is briefly resurrected (refcount 1) while
 * __del__ runs; if __del__ stored it somewhere it stays alive. Returns false if resurrected.
 */
function finalizeFromDealloc(o: PyObject): boolean {
  o.ob_refcnt = 1;
  const wasTracked = o.gcNext !== null;
  if (!wasTracked && o.ob_type.isGC) gcTrack(o);
  o.gcFinalized = true;
  runDel(o);
  o.ob_refcnt--;
  if (o.ob_refcnt > 0) return false;
  return true;
}

// ---------------------------------------------------------------- object's own methods

defineMethods(ObjectType, {
  __init__: (self, args, kwnames) => {
    // object_init: extra arguments are an error once __init__ is reached this way (super()).
    if (args.length > 0 || (kwnames !== null && kwnames.length > 0)) {
      const overridden = typeLookup(self.ob_type, '__init__') !== typeLookup(ObjectType, '__init__');
      raise(TypeError, `${overridden ? 'object' : self.ob_type.name}.__init__() takes exactly one argument (the instance to initialize)`);
    }
    return incref(None);
  },
  __new__: (self, args) => {
    void self;
    const t = args[0];
    if (!(t instanceof PyType)) raise(TypeError, 'object.__new__(X): X is not a type object');
    return allocInstance(t);
  },
  __repr__: (self) => newStr(defaultRepr(self)),
  __str__: (self) => (self.ob_type.tp_str !== null ? self.ob_type.tp_str(self) : newStr(defaultRepr(self))),
  __eq__: (self, args) => (self === args[0] ? incref(True) : incref(NotImplemented)),
  __ne__: (self, args) => (self === args[0] ? incref(False) : incref(NotImplemented)),
  __hash__: (self) => newIntFromBig(hashPointer(self)),
  __setattr__: (self, args) => {
    genericSetAttr(self, (args[0] as PyStr).value, args[1]!);
    return incref(None);
  },
  __delattr__: (self, args) => {
    genericSetAttr(self, (args[0] as PyStr).value, null);
    return incref(None);
  },
  __getattribute__: (self, args) => getAttr(self, (args[0] as PyStr).value),
  __dir__: (self) => {
    void self;
    return newTuple([]);
  },
  __init_subclass__: () => incref(None),
  __format__: (self, args) => {
    if ((args[0] as PyStr).value !== '') raise(TypeError, `unsupported format string passed to ${typeName(self)}.__format__`);
    return newStr(strString(self));
  },
});

import { newInt } from './objects/int';
function newIntFromBig(v: bigint): PyObject {
  return newInt(v);
}

// ---------------------------------------------------------------- user hash keys

setUserHashFn((o) => {
  const f = o.ob_type.tp_hash;
  if (f === null) return null;
  const h = f(o);
  // Objects of a class with __eq__ share a bucket by hash; equality is checked by the caller.
  return '\u0000h' + h.toString() + ':' + eqClassKey(o, h);
});

/** Instances with equal hashes and __eq__-equal share one key: the first one seen stands for all. */
const eqRepresentatives = new Map<string, PyObject[]>();
function eqClassKey(o: PyObject, h: bigint): string {
  const k = h.toString();
  let reps = eqRepresentatives.get(k);
  if (reps === undefined) {
    reps = [];
    eqRepresentatives.set(k, reps);
  }
  for (let i = 0; i < reps.length; i++) {
    const r = reps[i]!;
    if (r === o || compareBool(r, o, CmpOp.EQ)) return String(i);
  }
  reps.push(o);
  return String(reps.length - 1);
}
export function resetUserHashKeys(): void {
  eqRepresentatives.clear();
}

// ---------------------------------------------------------------- special attributes

setSpecialAttr((o, name) => {
  switch (name) {
    case '__class__':
      return incref(o.ob_type);
    case '__dict__':
      if (o instanceof PyInstance && o.ob_type.hasInstanceDict) return instanceDictGet(o);
      if (o instanceof PyFunction || o instanceof PyBaseException) return instanceDictGet(o);
      if (o instanceof PyModule) return incref(o.dict);
      return null;
    case '__name__':
      if (o instanceof PyFunction) return incref(o.name);
      if (o instanceof PyCFunction) return newStr(o.name);
      if (o instanceof PyModule) return newStr(o.name);
      if (isGenerator(o)) return incref(o.code.nameObj);
      return null;
    case '__qualname__':
      if (o instanceof PyFunction) return incref(o.qualname);
      if (isGenerator(o)) return incref(o.code.qualnameObj);
      return null;
    case '__module__':
      if (o instanceof PyFunction) return incref(o.module ?? None);
      return null;
    case '__doc__':
      if (o instanceof PyFunction) return incref(o.doc ?? None);
      return null;
    case '__defaults__':
      if (o instanceof PyFunction) return incref(o.defaults ?? None);
      return null;
    case '__closure__':
      if (o instanceof PyFunction) return incref(o.closure ?? None);
      return null;
    case 'cell_contents':
      // cell_get_contents
      if (!(o instanceof PyCell)) return null;
      if (o.ref === null) raise(ValueErrorType(), 'Cell is empty');
      return incref(o.ref);
    case '__code__':
      if (o instanceof PyFunction) return incref(o.code);
      return null;
    case '__globals__':
      if (o instanceof PyFunction) return incref(o.globals ?? None);
      return null;
    case '__self__':
      if (o instanceof PyCFunction) return incref(o.self ?? None);
      return null;
    case 'args':
      if (o instanceof PyBaseException) return incref(o.args);
      return null;
    case 'code':
      if (o instanceof PyBaseException && o.ob_type.isSubtypeOf(SystemExitT)) return systemExitCode(o);
      return null;
    // The numbers' getters (int_real / int_imag / int_numerator / int_denominator, float_real / float_imag).
    case 'real':
    case 'numerator':
      if (o instanceof PyInt) return o.ob_type === IntType ? incref(o) : newInt(o.value);
      if (o instanceof PyFloat && name === 'real') return o.ob_type === FloatType ? incref(o) : newFloat(o.value);
      return null;
    case 'imag':
      if (o instanceof PyInt) return newInt(0);
      if (o instanceof PyFloat) return newFloat(0);
      return null;
    case 'denominator':
      if (o instanceof PyInt) return newInt(1);
      return null;
    case '__traceback__':
      if (o instanceof PyBaseException) return incref(o.traceback ?? None);
      return null;
    case '__context__':
      if (o instanceof PyBaseException) return incref(o.context ?? None);
      return null;
    case '__cause__':
      if (o instanceof PyBaseException) return incref(o.cause ?? None);
      return null;
    case '__suppress_context__':
      if (o instanceof PyBaseException) return pyBool(o.suppressContext);
      return null;
    case 'value':
      if (o instanceof PyBaseException && o.ob_type.isSubtypeOf(StopIterationT)) return incref(o.value ?? None);
      return null;
    default:
      return null;
  }
});

// ---------------------------------------------------------------- exceptions as types

for (const t of BUILTIN_EXCEPTIONS) {
  t.tp_repr = (o) => newStr(exceptionRepr(o as PyBaseException));
  t.tp_str = (o) => newStr(exceptionStr(o as PyBaseException));
}

function callExceptionType(t: PyType, args: readonly PyObject[], kwnames: readonly string[] | null): PyObject {
  if (kwnames !== null && kwnames.length > 0) raise(TypeError, `${t.name}() takes no keyword arguments`);
  if (!t.isHeapType) return newException(t, newTuple(args.map((a) => incref(a))));
  // A Python subclass: BaseException_new stores args, then a Python __init__ may run.
  const init = typeLookup(t, '__init__');
  const e = newException(t, newTuple(args.map((a) => incref(a))));
  if (init instanceof PyFunction) {
    try {
      const r = callObject(init, [e, ...args], kwnames);
      decref(r);
    } catch (err) {
      decref(e);
      throw err;
    }
  }
  return e;
}

defineMethods(BaseException, {
  __init__: (self, args) => {
    const e = self as PyBaseException;
    const old = e.args;
    e.args = newTuple(args.map((a) => incref(a)));
    decref(old);
    return incref(None);
  },
  with_traceback: (self) => incref(self),
  __str__: (self) => newStr(exceptionStr(self as PyBaseException)),
  __repr__: (self) => newStr(exceptionRepr(self as PyBaseException)),
});

// ---------------------------------------------------------------- calling types

/** Calls of built-in types (int(x), list(x)...) are registered by builtins.ts. */
const builtinTypeCalls = new Map<PyType, (args: readonly PyObject[], kwnames: readonly string[] | null) => PyObject>();
export function registerTypeCall(t: PyType, f: (args: readonly PyObject[], kwnames: readonly string[] | null) => PyObject): void {
  builtinTypeCalls.set(t, f);
}

function callType(t: PyType, args: readonly PyObject[], kwnames: readonly string[] | null): PyObject {
  if (t === TypeType) {
    if (args.length === 1 && (kwnames === null || kwnames.length === 0)) return incref(args[0]!.ob_type);
    if (args.length === 3) {
      const bases = args[1] as PyTuple;
      return typeNew((args[0] as PyStr).value, bases.items as PyType[], args[2] as PyDict);
    }
    raise(TypeError, 'type() takes 1 or 3 arguments');
  }
  const b = builtinTypeCalls.get(t);
  if (b !== undefined) return b(args, kwnames);
  if (t.isException) return callExceptionType(t, args, kwnames);
  if (t.isHeapType) return callHeapType(t, args, kwnames);
  raise(TypeError, `cannot create '${t.name}' instances`);
}

setTypeCallHooks({ callType, buildClass });
objectSetattr = typeLookup(ObjectType, '__setattr__');
setInstanceAllocation(allocInstance, typeLookup(ObjectType, '__new__'));

setMakeSeqIter((o) => newSeqIter(SeqIterType, o));

export {
  IntType, FloatType, StrType, BoolType, ListType, TupleType, DictType, SetType, FrozenSetType, keyOf, pyHash,
  inheritSlots, RuntimeError, callDunder, setBuildClassFunction,
};
export type { Visit };
