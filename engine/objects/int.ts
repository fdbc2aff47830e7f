// int and bool (Objects/longobject.c, Objects/boolobject.c).
//
// Values are JS numbers while they are safe integers and bigints beyond, so a loop counter
// costs no bigint arithmetic while `2**100` stays exact. The small-int cache holds
// -5..256 (NSMALLNEGINTS / NSMALLPOSINTS); every operation that produces such a value
// hands out the cached object, as get_small_int does.

import { PyObject, incref, traceShared, heap } from './object';
import { PyType, CmpOp, ObjectType } from './type';

export type IntValue = number | bigint;

export class PyInt extends PyObject {
  // Declared and assigned in the constructor, as PyObject's fields are (one store, no initializer).
  declare readonly value: IntValue;
  constructor(value: IntValue, type: PyType = IntType) {
    super(type);
    this.value = value;
  }
  shortRepr(): string {
    return String(this.value);
  }
}

export const IntType = new PyType({ name: 'int', basicsize: 24, itemsize: 4, subclassable: true });
export const BoolType = new PyType({ name: 'bool', base: IntType, basicsize: 24, itemsize: 4 });

export class PyBool extends PyInt {
  constructor(v: boolean) {
    super(v ? 1 : 0, BoolType);
  }
  shortRepr(): string {
    return this.value === 1 ? 'True' : 'False';
  }
}

export const True = new PyBool(true);
export const False = new PyBool(false);

export function pyBool(b: boolean): PyBool {
  return incref(b ? True : False);
}

const SMALL_MIN = -5;
const SMALL_MAX = 256;
export const smallInts: PyInt[] = [];
for (let i = SMALL_MIN; i <= SMALL_MAX; i++) smallInts.push(new PyInt(i));

/** Normalise: a bigint that fits a safe integer becomes a number. */
export function norm(v: IntValue): IntValue {
  if (typeof v === 'bigint' && v >= -9007199254740991n && v <= 9007199254740991n) return Number(v);
  return v;
}

/** PyLong_FromLong & co: a new reference, from the small-int cache when in range. */
export function newInt(v: IntValue): PyInt {
  if (typeof v === 'number') {
    if (v >= SMALL_MIN && v <= SMALL_MAX) {
      const o = smallInts[v - SMALL_MIN]!;
      if (heap.events !== null) traceShared(o, 'small_int');
      return incref(o);
    }
    if (!Number.isSafeInteger(v)) return traceNew(new PyInt(BigInt(v)));
    return traceNew(new PyInt(v));
  }
  const n = norm(v);
  if (typeof n === 'number') return newInt(n);
  return traceNew(new PyInt(n));
}

let traceNew: (o: PyInt) => PyInt = (o) => o;
export function setIntAllocHook(f: (o: PyInt) => PyInt): void {
  traceNew = f;
}

export function big(v: IntValue): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

export function isInt(o: PyObject): o is PyInt {
  return o instanceof PyInt;
}

export function intAdd(a: IntValue, b: IntValue): IntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return norm(big(a) + big(b));
}

export function intSub(a: IntValue, b: IntValue): IntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  return norm(big(a) - big(b));
}

export function intMul(a: IntValue, b: IntValue): IntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r;
  }
  return norm(big(a) * big(b));
}

/** Floor division; caller checks b != 0. */
export function intFloorDiv(a: IntValue, b: IntValue): IntValue {
  if (typeof a === 'number' && typeof b === 'number' && Math.abs(a) <= 0x7fffffff && Math.abs(b) <= 0x7fffffff) {
    return floorDivNum(a, b);
  }
  return norm(floorDivBig(big(a), big(b)));
}

function floorDivNum(a: number, b: number): number {
  const q = Math.trunc(a / b);
  return (a % b !== 0 && (a < 0) !== (b < 0)) ? q - 1 : q;
}

function floorDivBig(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q;
}

/** Python's modulo (sign of the divisor); caller checks b != 0. */
export function intMod(a: IntValue, b: IntValue): IntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a % b;
    return r !== 0 && (r < 0) !== (b < 0) ? r + b : r === 0 ? 0 : r;
  }
  const A = big(a);
  const B = big(b);
  const r = A % B;
  return norm(r !== 0n && (r < 0n) !== (B < 0n) ? r + B : r);
}

export function intCompare(a: IntValue, b: IntValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  const A = big(a);
  const B = big(b);
  return A < B ? -1 : A > B ? 1 : 0;
}

export function intToNumber(v: IntValue): number {
  return typeof v === 'number' ? v : Number(v);
}

export function isZero(v: IntValue): boolean {
  return typeof v === 'number' ? v === 0 : v === 0n;
}

/** Compare an int with a float exactly (float_richcompare's int path). */
export function compareIntFloat(i: IntValue, f: number): number {
  if (Number.isNaN(f)) return NaN;
  if (f === Infinity) return -1;
  if (f === -Infinity) return 1;
  if (typeof i === 'number') return i < f ? -1 : i > f ? 1 : 0;
  const fl = Math.floor(f);
  const bf = BigInt(fl);
  if (i < bf) return -1;
  if (i > bf) return 1;
  return fl < f ? -1 : 0;
}

export const cmpResult = (c: number, op: CmpOp): boolean => {
  if (Number.isNaN(c)) return op === CmpOp.NE;
  switch (op) {
    case CmpOp.LT:
      return c < 0;
    case CmpOp.LE:
      return c <= 0;
    case CmpOp.EQ:
      return c === 0;
    case CmpOp.NE:
      return c !== 0;
    case CmpOp.GT:
      return c > 0;
    case CmpOp.GE:
      return c >= 0;
  }
};

// Python's hash of an int: value modulo 2**61 - 1 with the sign kept, -1 mapped to -2.
const MODULUS = (1n << 61n) - 1n;
export function intHash(v: IntValue): bigint {
  let b = big(v);
  const neg = b < 0n;
  if (neg) b = -b;
  let h = b % MODULUS;
  if (neg) h = -h;
  if (h === -1n) h = -2n;
  return h;
}

void ObjectType;
