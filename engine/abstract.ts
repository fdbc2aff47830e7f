// The object protocols (Objects/abstract.c, Objects/object.c): repr/str, hashing, truth,
// rich comparison, the number protocol's binary_op1 dispatch, subscripts, iteration,
// attribute lookup (PyObject_GenericGetAttr) and calling. Error messages are CPython's.
//
// Convention: every function returning a PyObject returns a new reference; arguments are
// borrowed.

import { PyObject, incref, decref } from './objects/object';
import { PyType, CmpOp, typeLookup, TypeType, ObjectType } from './objects/type';
import { PyInt, PyBool, True, False, pyBool, newInt, big, isZero, intHash } from './objects/int';
import { PyFloat } from './objects/float';
import { PyStr, newStr, strRepr, StrType } from './objects/str';
import { PyTuple } from './objects/tuple';
import { PyList } from './objects/list';
import { PyDict, dictGetStr, strCanonical, type DictKey } from './objects/dict';
import { PySet } from './objects/set';
import { None, NotImplemented, Ellipsis } from './objects/singletons';
import { raise, TypeError, AttributeError, PyBaseException, PyErr, raiseAttributeError, RecursionError } from './objects/exceptions';
import { PyModule } from './objects/module';
import { PyInstance } from './objects/instance';
import { PyFunction, PyMethod, PyCode, PyCell } from './objects/function';
import { PyCFunction, PyMethodDescr, PyGetSetDescr, PyMemberDescr } from './objects/descr';
import { floatHash, strHash, tupleHash, pointerHash } from './objects/hash';
import { profile } from './profile';
import { runScheduledGC } from './gc';
import { rt } from './runtime';

export function typeName(o: PyObject): string {
  return o.ob_type.name;
}

/** The fake address of an object: deterministic, shaped like a CPython heap pointer. */
export function addressOf(o: PyObject): bigint {
  return 0x7f0000000000n + BigInt(o.id) * 16n;
}

export function hexAddress(o: PyObject): string {
  return '0x' + addressOf(o).toString(16);
}

// ---------------------------------------------------------------- repr / str

/** PyObject_Repr */
/**
 * PyObject_Str and PyObject_Repr start with PyErr_CheckSignals(), which on 3.12+ also runs a
 * collection an allocation has scheduled (native code may run long without the eval loop).
 */
function checkSignals(): void {
  if (profile().gcCollectsAtEvalBreaker) runScheduledGC();
}

export function repr(o: PyObject): PyStr {
  checkSignals();
  const f = o.ob_type.tp_repr;
  if (f !== null) {
    const r = f(o);
    if (!(r instanceof PyStr)) {
      const n = typeName(r);
      decref(r);
      raise(TypeError, `__repr__ returned non-string (type ${n})`);
    }
    return r;
  }
  return newStr(defaultRepr(o));
}

export function defaultRepr(o: PyObject): string {
  const t = o.ob_type;
  const mod = t.module === 'builtins' ? '' : t.module + '.';
  return `<${mod}${t.qualname} object at ${hexAddress(o)}>`;
}

/** PyObject_Str */
export function str(o: PyObject): PyStr {
  checkSignals();
  if (o instanceof PyStr && o.ob_type === StrType) return incref(o);
  const f = o.ob_type.tp_str;
  if (f !== null) {
    const r = f(o);
    if (!(r instanceof PyStr)) {
      const n = typeName(r);
      decref(r);
      raise(TypeError, `__str__ returned non-string (type ${n})`);
    }
    return r;
  }
  return repr(o);
}

/** repr() as a JS string. */
export function reprString(o: PyObject): string {
  const r = repr(o);
  const s = r.value;
  decref(r);
  return s;
}

export function strString(o: PyObject): string {
  const r = str(o);
  const s = r.value;
  decref(r);
  return s;
}

// ---------------------------------------------------------------- hashing

/** PyObject_Hash */
export function hash(o: PyObject): bigint {
  const f = o.ob_type.tp_hash;
  if (f === null) raise(TypeError, `unhashable type: '${typeName(o)}'`);
  return f(o);
}

export function hashStr(s: PyStr): bigint {
  if (s.hashCache === null) s.hashCache = strHash(s.value, s.kind, profile().version !== '3.10');
  return s.hashCache;
}

export function hashFloat(o: PyFloat): bigint {
  return floatHash(o.value) ?? pointerHash(addressOf(o));
}

export function hashPointer(o: PyObject): bigint {
  return pointerHash(addressOf(o));
}

export function hashTuple(t: PyTuple): bigint {
  return tupleHash(t.items.map((i) => hash(i)));
}

/**
 * The canonical dict key of a hashable object: equal keys give the same value. Built-in
 * types need no Python code; objects with a Python __eq__/__hash__ fall back to their hash.
 */
export function canonicalKey(o: PyObject): DictKey {
  const t = o.ob_type;
  if (o instanceof PyStr) return strCanonical(o.value);
  if (o instanceof PyInt) {
    const v = o.value;
    return typeof v === 'number' ? v : '\u0000b' + v.toString();
  }
  if (o instanceof PyFloat) {
    const v = o.value;
    if (Number.isNaN(v)) return '\u0000o' + o.id;
    if (Number.isInteger(v) && !Number.isSafeInteger(v)) return '\u0000b' + BigInt(v).toString();
    return v === 0 ? 0 : v;
  }
  if (o instanceof PyTuple && !t.isHeapType) {
    let s = '\u0000t(';
    for (const i of o.items) {
      const k = canonicalKey(i);
      s += typeof k === 'number' ? 'n' + k + ',' : JSON.stringify(k) + ',';
    }
    return s + ')';
  }
  if (o instanceof PySet) {
    if (!o.frozen) raise(TypeError, `unhashable type: '${typeName(o)}'`);
    const parts = o.keysInOrder().map((i) => {
      const k = canonicalKey(i);
      return typeof k === 'number' ? 'n' + k : JSON.stringify(k);
    });
    parts.sort();
    return '\u0000f{' + parts.join(',') + '}';
  }
  if (t.tp_hash === null) raise(TypeError, `unhashable type: '${typeName(o)}'`);
  if (t.isHeapType && (typeLookup(t, '__hash__') !== typeLookup(ObjectType, '__hash__') || typeLookup(t, '__eq__') !== null)) {
    const customHash = userHashFn(o);
    if (customHash !== null) return customHash;
  }
  return '\u0000o' + o.id;
}

/** Set by typeobject.ts: the canonical key of an instance whose class defines __eq__/__hash__. */
export let userHashFn: (o: PyObject) => DictKey | null = () => null;
export function setUserHashFn(f: (o: PyObject) => DictKey | null): void {
  userHashFn = f;
}

// ---------------------------------------------------------------- truth

/** PyObject_IsTrue */
export function truth(o: PyObject): boolean {
  if (o === True) return true;
  if (o === False || o === None) return false;
  const t = o.ob_type;
  if (t.nb_bool !== null) return t.nb_bool(o);
  if (t.sq_length !== null) return t.sq_length(o) > 0;
  return true;
}

// ---------------------------------------------------------------- comparison

const CMP_SYMBOL = ['<', '<=', '==', '!=', '>', '>='];
const SWAPPED: CmpOp[] = [CmpOp.GT, CmpOp.GE, CmpOp.EQ, CmpOp.NE, CmpOp.LT, CmpOp.LE];

/** PyObject_RichCompare (do_richcompare) */
export function richCompare(v: PyObject, w: PyObject, op: CmpOp): PyObject {
  // 3.10: PyObject_RichCompare is a recursive call (Py_EnterRecursiveCall(" in comparison")).
  if (!profile().comparisonCountsDepth) return doRichCompare(v, w, op);
  enterComparison();
  try {
    return doRichCompare(v, w, op);
  } finally {
    rt.depth--;
  }
}

/** 3.10's " in comparison" recursion check; the comparison counts as one level while it runs. */
export function enterComparison(): void {
  if (rt.depth >= rt.recursionLimit) raise(RecursionError, 'maximum recursion depth exceeded in comparison');
  rt.depth++;
}

function doRichCompare(v: PyObject, w: PyObject, op: CmpOp): PyObject {
  const vt = v.ob_type;
  const wt = w.ob_type;
  let checkedReverse = false;
  if (vt !== wt && wt.isSubtypeOf(vt) && wt.tp_richcompare !== null) {
    checkedReverse = true;
    const r = wt.tp_richcompare(w, v, SWAPPED[op]!);
    if (r !== NotImplemented) return r;
    decref(r);
  }
  if (vt.tp_richcompare !== null) {
    const r = vt.tp_richcompare(v, w, op);
    if (r !== NotImplemented) return r;
    decref(r);
  }
  if (!checkedReverse && wt.tp_richcompare !== null) {
    const r = wt.tp_richcompare(w, v, SWAPPED[op]!);
    if (r !== NotImplemented) return r;
    decref(r);
  }
  if (op === CmpOp.EQ) return pyBool(v === w);
  if (op === CmpOp.NE) return pyBool(v !== w);
  raise(TypeError, `'${CMP_SYMBOL[op]}' not supported between instances of '${typeName(v)}' and '${typeName(w)}'`);
}

/** PyObject_RichCompareBool: identity implies equality. */
export function compareBool(v: PyObject, w: PyObject, op: CmpOp): boolean {
  if (v === w) {
    if (op === CmpOp.EQ) return true;
    if (op === CmpOp.NE) return false;
  }
  const r = richCompare(v, w, op);
  const b = r === True ? true : r === False ? false : truth(r);
  decref(r);
  return b;
}

export function eq(v: PyObject, w: PyObject): boolean {
  return compareBool(v, w, CmpOp.EQ);
}

// ---------------------------------------------------------------- number protocol

export type BinSlotName =
  | 'nb_add' | 'nb_subtract' | 'nb_multiply' | 'nb_true_divide' | 'nb_floor_divide' | 'nb_remainder'
  | 'nb_power' | 'nb_lshift' | 'nb_rshift' | 'nb_and' | 'nb_or' | 'nb_xor';

/** BINARY_OPS index -> slot and symbol. */
export const BINOP_SLOTS: readonly (readonly [BinSlotName, string])[] = [
  ['nb_add', '+'], ['nb_and', '&'], ['nb_floor_divide', '//'], ['nb_lshift', '<<'], ['nb_multiply', '@'],
  ['nb_multiply', '*'], ['nb_remainder', '%'], ['nb_or', '|'], ['nb_power', '**'], ['nb_rshift', '>>'],
  ['nb_subtract', '-'], ['nb_true_divide', '/'], ['nb_xor', '^'],
];

/** binary_op1: try v's slot, then w's (w's first if w's type is a subtype of v's). */
function binaryOp1(v: PyObject, w: PyObject, slot: BinSlotName): PyObject {
  const vt = v.ob_type;
  const wt = w.ob_type;
  const slotv = vt[slot];
  let slotw = wt !== vt ? wt[slot] : null;
  if (slotw === slotv) slotw = null;
  if (slotv !== null) {
    if (slotw !== null && wt.isSubtypeOf(vt)) {
      const x = slotw(v, w);
      if (x !== NotImplemented) return x;
      decref(x);
      slotw = null;
    }
    const x = slotv(v, w);
    if (x !== NotImplemented) return x;
    decref(x);
  }
  if (slotw !== null) {
    const x = slotw(v, w);
    if (x !== NotImplemented) return x;
    decref(x);
  }
  return incref(NotImplemented);
}

function binopTypeError(v: PyObject, w: PyObject, sym: string): never {
  if (sym === '**') raise(TypeError, `unsupported operand type(s) for ** or pow(): '${typeName(v)}' and '${typeName(w)}'`);
  raise(TypeError, `unsupported operand type(s) for ${sym}: '${typeName(v)}' and '${typeName(w)}'`);
}

/** PyNumber_Add & co, with the sequence fallbacks of abstract.c (concat, repeat). */
export function binaryOp(index: number, v: PyObject, w: PyObject): PyObject {
  const inplace = index >= 13;
  const [slot, sym] = BINOP_SLOTS[inplace ? index - 13 : index]!;
  if (inplace) {
    const islot = inplaceSlot(v.ob_type, slot);
    if (islot !== null) {
      const x = islot(v, w);
      if (x !== NotImplemented) return x;
      decref(x);
    }
  }
  const r = binaryOp1(v, w, slot);
  if (r !== NotImplemented) return r;
  decref(r);
  if (slot === 'nb_add') {
    const f = inplace ? (v.ob_type.sq_inplace_concat ?? v.ob_type.sq_concat) : v.ob_type.sq_concat;
    if (f !== null) return f(v, w);
  } else if (slot === 'nb_multiply') {
    const fv = inplace ? (v.ob_type.sq_inplace_repeat ?? v.ob_type.sq_repeat) : v.ob_type.sq_repeat;
    if (fv !== null) return sequenceRepeat(fv, v, w);
    const fw = w.ob_type.sq_repeat;
    if (fw !== null) return sequenceRepeat(fw, w, v);
  }
  binopTypeError(v, w, inplace ? sym + '=' : sym);
}

function sequenceRepeat(f: (a: PyObject, n: PyObject) => PyObject, seq: PyObject, n: PyObject): PyObject {
  if (n instanceof PyInt) return f(seq, n);
  raise(TypeError, `can't multiply sequence by non-int of type '${typeName(n)}'`);
}

function inplaceSlot(t: PyType, slot: BinSlotName): ((a: PyObject, b: PyObject) => PyObject) | null {
  switch (slot) {
    case 'nb_add':
      return t.nb_inplace_add;
    case 'nb_subtract':
      return t.nb_inplace_subtract;
    case 'nb_multiply':
      return t.nb_inplace_multiply;
    case 'nb_or':
      return t.nb_inplace_or;
    case 'nb_and':
      return t.nb_inplace_and;
    case 'nb_xor':
      return t.nb_inplace_xor;
    default:
      return null;
  }
}

export function unaryOp(kind: 'neg' | 'pos' | 'invert', v: PyObject): PyObject {
  const t = v.ob_type;
  const f = kind === 'neg' ? t.nb_negative : kind === 'pos' ? t.nb_positive : t.nb_invert;
  if (f !== null) return f(v);
  const sym = kind === 'neg' ? '-' : kind === 'pos' ? '+' : '~';
  raise(TypeError, `bad operand type for unary ${sym}: '${typeName(v)}'`);
}

/** PyNumber_Index: an int value for indexing. */
export function indexValue(o: PyObject): number | bigint {
  if (o instanceof PyInt) return o.value;
  const f = o.ob_type.nb_index;
  if (f !== null) {
    const r = f(o);
    const v = (r as PyInt).value;
    decref(r);
    return v;
  }
  raise(TypeError, `'${typeName(o)}' object cannot be interpreted as an integer`);
}

// ---------------------------------------------------------------- subscripts, length, contains

export function getItem(o: PyObject, key: PyObject): PyObject {
  const f = o.ob_type.mp_subscript;
  if (f !== null) return f(o, key);
  if (o instanceof PyType) {
    raise(TypeError, `type '${o.name}' is not subscriptable`);
  }
  raise(TypeError, `'${typeName(o)}' object is not subscriptable`);
}

export function setItem(o: PyObject, key: PyObject, value: PyObject): void {
  const f = o.ob_type.mp_ass_subscript;
  if (f !== null) return f(o, key, value);
  raise(TypeError, `'${typeName(o)}' object does not support item assignment`);
}

export function delItem(o: PyObject, key: PyObject): void {
  const f = o.ob_type.mp_ass_subscript;
  if (f !== null) return f(o, key, null);
  raise(TypeError, `'${typeName(o)}' object doesn't support item deletion`);
}

export function length(o: PyObject): number {
  const f = o.ob_type.sq_length;
  if (f !== null) return f(o);
  raise(TypeError, `object of type '${typeName(o)}' has no len()`);
}

/** PySequence_Contains: sq_contains, else iterate. */
export function contains(container: PyObject, item: PyObject): boolean {
  const f = container.ob_type.sq_contains;
  if (f !== null) return f(container, item);
  if (container.ob_type.tp_iter === null) {
    raise(TypeError, `argument of type '${typeName(container)}' is not iterable`);
  }
  const it = getIter(container);
  try {
    for (;;) {
      const x = iterNext(it);
      if (x === null) return false;
      const found = compareBool(x, item, CmpOp.EQ);
      decref(x);
      if (found) return true;
    }
  } finally {
    decref(it);
  }
}

// ---------------------------------------------------------------- iteration

/** PyObject_GetIter */
export function getIter(o: PyObject): PyObject {
  const f = o.ob_type.tp_iter;
  if (f !== null) return f(o);
  if (o.ob_type.mp_subscript !== null && o.ob_type.isHeapType && typeLookup(o.ob_type, '__getitem__') !== null) {
    return makeSeqIter(o);
  }
  raise(TypeError, `'${typeName(o)}' object is not iterable`);
}

export let makeSeqIter: (o: PyObject) => PyObject = () => {
  throw new Error('seqiter not wired');
};
export function setMakeSeqIter(f: (o: PyObject) => PyObject): void {
  makeSeqIter = f;
}

/** PyIter_Next: the next item (new reference) or null when exhausted. */
export function iterNext(it: PyObject): PyObject | null {
  const f = it.ob_type.tp_iternext;
  if (f === null) raise(TypeError, `'${typeName(it)}' object is not an iterator`);
  return f(it);
}

/** Collect an iterable's items (new references). */
export function iterToArray(o: PyObject): PyObject[] {
  if (o instanceof PyList) return o.items.map((x) => incref(x));
  if (o instanceof PyTuple) return o.items.map((x) => incref(x));
  const it = getIter(o);
  const out: PyObject[] = [];
  try {
    for (;;) {
      const x = iterNext(it);
      if (x === null) break;
      out.push(x);
    }
  } catch (e) {
    for (const x of out) decref(x);
    throw e;
  } finally {
    decref(it);
  }
  return out;
}

// ---------------------------------------------------------------- attributes

/** PyObject_GetAttr: new reference, or AttributeError. */
export function getAttr(o: PyObject, name: string): PyObject {
  const t = o.ob_type;
  const r = t.tp_getattro !== null ? t.tp_getattro(o, name) : genericGetAttr(o, name);
  if (r !== null) return r;
  attributeError(o, name);
}

export function attributeError(o: PyObject, name: string): never {
  if (o instanceof PyModule) raiseAttributeError(o, name, `module '${o.name}' has no attribute '${name}'`);
  if (o instanceof PyType) raiseAttributeError(o, name, `type object '${o.qualname}' has no attribute '${name}'`);
  raiseAttributeError(o, name, `'${typeName(o)}' object has no attribute '${name}'`);
}

/** _PyObject_LookupAttr: new reference or null (AttributeError suppressed). */
export function lookupAttr(o: PyObject, name: string): PyObject | null {
  const t = o.ob_type;
  try {
    if (t.tp_getattro !== null) return t.tp_getattro(o, name);
    return genericGetAttr(o, name);
  } catch (e) {
    if (e instanceof PyErr && e.exc.ob_type.isSubtypeOf(AttributeError)) {
      decref(e.exc);
      return null;
    }
    throw e;
  }
}

/** The per-instance attribute store of `o`, if it has one (borrowed). */
export function instanceDictOf(o: PyObject): PyDict | null {
  if (o instanceof PyInstance) return o.attrs();
  if (o instanceof PyFunction) return o.dict as PyDict | null;
  if (o instanceof PyBaseException) return o.dict as PyDict | null;
  return null;
}

/** PyObject_GenericGetAttr */
export function genericGetAttr(o: PyObject, name: string): PyObject | null {
  const t = o.ob_type;
  const descr = typeLookup(t, name);
  if (descr !== null) {
    const dt = descr.ob_type;
    if (dt.tp_descr_set !== null && dt.tp_descr_get !== null) return dt.tp_descr_get(descr, o, t);
  }
  const d = instanceDictOf(o);
  if (d !== null) {
    const v = dictGetStr(d, name);
    if (v !== null) return incref(v);
  }
  if (descr !== null) {
    const dt = descr.ob_type;
    if (dt.tp_descr_get !== null) return dt.tp_descr_get(descr, o, t);
    return incref(descr);
  }
  const special = specialAttr(o, name);
  if (special !== null) return special;
  return null;
}

/** Attributes CPython exposes through type getsets that the engine answers directly. */
export let specialAttr: (o: PyObject, name: string) => PyObject | null = () => null;
export function setSpecialAttr(f: (o: PyObject, name: string) => PyObject | null): void {
  specialAttr = f;
}

/** PyObject_SetAttr (value null: delete). */
export function setAttr(o: PyObject, name: string, value: PyObject | null): void {
  const t = o.ob_type;
  if (t.tp_setattro !== null) return t.tp_setattro(o, name, value);
  if (t === TypeType || o instanceof PyType) {
    raise(TypeError, `cannot set '${name}' attribute of immutable type '${(o as PyType).name}'`);
  }
  const descr = typeLookup(t, name);
  const has = descr !== null ? `'${typeName(o)}' object attribute '${name}' is read-only` : null;
  if (has !== null) raise(AttributeError, has);
  if (value === null) raise(AttributeError, `'${typeName(o)}' object has no attribute '${name}'`);
  raise(AttributeError, `'${typeName(o)}' object has no attribute '${name}'${profile().setattrNoDictSuffix}`);
}

// ---------------------------------------------------------------- calling

/** Set by ceval.ts: call any callable from TypeScript (re-entering the evaluation loop). */
export let callObject: (callable: PyObject, args: readonly PyObject[], kwnames?: readonly string[] | null) => PyObject = () => {
  throw new Error('call not wired');
};
export function setCallObject(f: typeof callObject): void {
  callObject = f;
}

export function isCallable(o: PyObject): boolean {
  if (o instanceof PyFunction || o instanceof PyCFunction || o instanceof PyMethod || o instanceof PyType) return true;
  return o.ob_type.tp_call !== null;
}

// ---------------------------------------------------------------- misc helpers

export function isInstance(o: PyObject, t: PyType): boolean {
  return o.ob_type.isSubtypeOf(t);
}

export function asIntNumber(o: PyObject, what: string): number {
  if (!(o instanceof PyInt)) raise(TypeError, `'${typeName(o)}' object cannot be interpreted as an integer`);
  void what;
  return Number(o.value);
}

export { True, False, None, NotImplemented, Ellipsis, PyBool, newInt, big, isZero, intHash, PyCode, PyCell, PyMethodDescr, PyGetSetDescr, PyMemberDescr, PyErr };
