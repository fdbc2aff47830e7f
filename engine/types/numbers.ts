// int, bool and float behaviour (Objects/longobject.c, boolobject.c, floatobject.c):
// arithmetic with Python's floor division and modulo, int/float mixing, comparisons,
// hashing and their repr.

import { PyObject, incref } from '../objects/object';
import { CmpOp, inheritSlots } from '../objects/type';
import {
  PyInt, IntType, BoolType, True, False, newInt, pyBool, intAdd, intSub, intMul, intFloorDiv, intMod, intCompare,
  compareIntFloat, cmpResult, intHash, big, norm, isZero, type IntValue,
} from '../objects/int';
import { PyFloat, FloatType, newFloat, floatRepr } from '../objects/float';
import { newStr, unicodeNew, boolRepr } from '../objects/str';
import { NotImplemented } from '../objects/singletons';
import { raise, ZeroDivisionError, OverflowError, ValueError } from '../objects/exceptions';
import { hashFloat } from '../abstract';
import { defineMethods } from '../objects/descr';
import { profile } from '../profile';

const NI = (): PyObject => incref(NotImplemented);
const isIntObj = (o: PyObject): o is PyInt => o instanceof PyInt;
const isFloatObj = (o: PyObject): o is PyFloat => o instanceof PyFloat;

function toDouble(v: IntValue): number {
  const d = typeof v === 'number' ? v : Number(v);
  if (!Number.isFinite(d)) raise(OverflowError, 'int too large to convert to float');
  return d;
}

function intBinary(f: (a: IntValue, b: IntValue) => PyObject): (a: PyObject, b: PyObject) => PyObject {
  return (a, b) => (isIntObj(a) && isIntObj(b) ? f(a.value, b.value) : NI());
}

IntType.nb_add = intBinary((a, b) => newInt(intAdd(a, b)));
IntType.nb_subtract = intBinary((a, b) => newInt(intSub(a, b)));
IntType.nb_multiply = intBinary((a, b) => newInt(intMul(a, b)));
IntType.nb_floor_divide = intBinary((a, b) => {
  if (isZero(b)) raise(ZeroDivisionError, 'integer division or modulo by zero');
  return newInt(intFloorDiv(a, b));
});
IntType.nb_remainder = intBinary((a, b) => {
  if (isZero(b)) raise(ZeroDivisionError, profile().intModuloByZero);
  return newInt(intMod(a, b));
});
IntType.nb_true_divide = intBinary((a, b) => {
  if (isZero(b)) raise(ZeroDivisionError, 'division by zero');
  if (typeof a === 'number' && typeof b === 'number' && Math.abs(a) <= 2 ** 53 && Math.abs(b) <= 2 ** 53) return newFloat(a / b);
  return newFloat(bigTrueDiv(big(a), big(b)));
});
IntType.nb_power = intBinary((a, b) => {
  if (typeof b === 'number' ? b < 0 : b < 0n) {
    if (isZero(a)) raise(ZeroDivisionError, '0.0 cannot be raised to a negative power');
    return newFloat(Math.pow(toDouble(a), toDouble(b)));
  }
  if (typeof a === 'number' && typeof b === 'number') {
    const r = Math.pow(a, b);
    if (Number.isSafeInteger(r)) return newInt(r);
  }
  return newInt(norm(big(a) ** big(b)));
});
IntType.nb_lshift = intBinary((a, b) => {
  if (big(b) < 0n) raise(ValueError, 'negative shift count');
  return newInt(norm(big(a) << big(b)));
});
IntType.nb_rshift = intBinary((a, b) => {
  if (big(b) < 0n) raise(ValueError, 'negative shift count');
  return newInt(norm(big(a) >> big(b)));
});
IntType.nb_and = (a, b) => {
  if (!isIntObj(a) || !isIntObj(b)) return NI();
  if (a.ob_type === BoolType && b.ob_type === BoolType) return pyBool(a.value === 1 && b.value === 1);
  return newInt(norm(big(a.value) & big(b.value)));
};
IntType.nb_or = (a, b) => {
  if (!isIntObj(a) || !isIntObj(b)) return NI();
  if (a.ob_type === BoolType && b.ob_type === BoolType) return pyBool(a.value === 1 || b.value === 1);
  return newInt(norm(big(a.value) | big(b.value)));
};
IntType.nb_xor = (a, b) => {
  if (!isIntObj(a) || !isIntObj(b)) return NI();
  if (a.ob_type === BoolType && b.ob_type === BoolType) return pyBool(a.value !== b.value);
  return newInt(norm(big(a.value) ^ big(b.value)));
};
IntType.nb_negative = (a) => newInt(intSub(0, (a as PyInt).value));
IntType.nb_positive = (a) => (a.ob_type === IntType ? incref(a) : newInt((a as PyInt).value));
IntType.nb_invert = (a) => newInt(intSub(intSub(0, (a as PyInt).value), 1));
IntType.nb_bool = (a) => !isZero((a as PyInt).value);
IntType.nb_index = (a) => (a.ob_type === IntType ? incref(a) : newInt((a as PyInt).value));
IntType.tp_hash = (a) => intHash((a as PyInt).value);
// long_to_decimal_string: a new string every time, even for one digit (not the 1-char cache).
IntType.tp_repr = (a) => unicodeNew(String((a as PyInt).value));
IntType.tp_richcompare = (a, b, op) => {
  if (!isIntObj(b)) return NI();
  return pyBool(cmpResult(intCompare((a as PyInt).value, b.value), op));
};
BoolType.tp_repr = (a) => boolRepr((a as PyInt).value === 1 ? 1 : 0);
BoolType.nb_and = IntType.nb_and;
BoolType.nb_or = IntType.nb_or;
BoolType.nb_xor = IntType.nb_xor;

/** True division of big ints, correctly rounded enough for display. */
function bigTrueDiv(a: bigint, b: bigint): number {
  const neg = a < 0n !== b < 0n;
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  const q = a / b;
  const r = a % b;
  // scale the remainder to 64 bits of fraction
  const frac = Number((r << 64n) / b) / 2 ** 64;
  const v = Number(q) + frac;
  if (!Number.isFinite(v)) raise(OverflowError, 'integer division result too large for a float');
  return neg ? -v : v;
}

// ---------------------------------------------------------------- float

function floatOperands(a: PyObject, b: PyObject): [number, number] | null {
  let x: number;
  let y: number;
  if (isFloatObj(a)) x = a.value;
  else if (isIntObj(a)) x = toDouble(a.value);
  else return null;
  if (isFloatObj(b)) y = b.value;
  else if (isIntObj(b)) y = toDouble(b.value);
  else return null;
  return [x, y];
}

function floatBinary(f: (a: number, b: number) => PyObject): (a: PyObject, b: PyObject) => PyObject {
  return (a, b) => {
    const ops = floatOperands(a, b);
    return ops === null ? NI() : f(ops[0], ops[1]);
  };
}

function floatMod(a: number, b: number): number {
  let m = a % b;
  if (m !== 0) {
    if (b < 0 !== m < 0) m += b;
  } else {
    m = b < 0 ? -0 : 0;
  }
  return m;
}

FloatType.nb_add = floatBinary((a, b) => newFloat(a + b));
FloatType.nb_subtract = floatBinary((a, b) => newFloat(a - b));
FloatType.nb_multiply = floatBinary((a, b) => newFloat(a * b));
FloatType.nb_true_divide = floatBinary((a, b) => {
  if (b === 0) raise(ZeroDivisionError, 'float division by zero');
  return newFloat(a / b);
});
FloatType.nb_floor_divide = floatBinary((a, b) => {
  if (b === 0) raise(ZeroDivisionError, 'float floor division by zero');
  const m = floatMod(a, b);
  return newFloat(Math.round((a - m) / b));
});
FloatType.nb_remainder = floatBinary((a, b) => {
  if (b === 0) raise(ZeroDivisionError, profile().floatModuloByZero);
  return newFloat(floatMod(a, b));
});
FloatType.nb_power = floatBinary((a, b) => {
  if (a === 0 && b < 0) raise(ZeroDivisionError, '0.0 cannot be raised to a negative power');
  if (a < 0 && !Number.isInteger(b)) raise(ValueError, 'negative number cannot be raised to a fractional power');
  const r = Math.pow(a, b);
  if (!Number.isFinite(r) && Number.isFinite(a) && Number.isFinite(b)) raise(OverflowError, "(34, 'Numerical result out of range')");
  return newFloat(r);
});
FloatType.nb_negative = (a) => newFloat(-(a as PyFloat).value);
FloatType.nb_positive = (a) => incref(a);
FloatType.nb_bool = (a) => (a as PyFloat).value !== 0;
FloatType.tp_hash = (a) => hashFloat(a as PyFloat);
FloatType.tp_repr = (a) => newStr(floatRepr((a as PyFloat).value));
FloatType.tp_richcompare = (a, b, op) => {
  const x = (a as PyFloat).value;
  if (isFloatObj(b)) {
    const y = b.value;
    if (Number.isNaN(x) || Number.isNaN(y)) return pyBool(op === CmpOp.NE);
    return pyBool(cmpResult(x < y ? -1 : x > y ? 1 : 0, op));
  }
  if (isIntObj(b)) {
    if (Number.isNaN(x)) return pyBool(op === CmpOp.NE);
    return pyBool(cmpResult(-compareIntFloat(b.value, x), op));
  }
  return NI();
};
// int compared with float: the int slot defers, the float slot answers (reflected).

defineMethods(IntType, {
  bit_length: (self) => {
    const v = big((self as PyInt).value);
    return newInt((v < 0n ? -v : v).toString(2).length - (v === 0n ? 1 : 0));
  },
  conjugate: (self) => incref(self),
  __index__: (self) => newInt((self as PyInt).value),
});

defineMethods(FloatType, {
  is_integer: (self) => pyBool(Number.isInteger((self as PyFloat).value)),
  __round__: (self) => newInt(Math.round((self as PyFloat).value)),
});

// bool was made before int's slots were filled in: inherit them now (inherit_slots).
inheritSlots(BoolType, IntType);

export { True, False };
