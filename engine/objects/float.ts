// float (Objects/floatobject.c) and its repr (Python/pystrtod.c, 'r' mode: the shortest
// string that round-trips, switching to exponent notation below 1e-4 and from 1e16 up).

import { PyObject } from './object';
import { PyType } from './type';

export class PyFloat extends PyObject {
  // Declared and assigned in the constructor, as PyObject's fields are (one store, no initializer).
  declare readonly value: number;
  constructor(value: number) {
    super(FloatType);
    this.value = value;
  }
  shortRepr(): string {
    return floatRepr(this.value);
  }
}

export const FloatType = new PyType({ name: 'float', basicsize: 24, subclassable: true });

let allocHook: (o: PyFloat) => PyFloat = (o) => o;
export function setFloatAllocHook(f: (o: PyFloat) => PyFloat): void {
  allocHook = f;
}

/** PyFloat_FromDouble: always a new object (no float cache is visible to identity). */
export function newFloat(v: number): PyFloat {
  return allocHook(new PyFloat(v));
}

export function isFloat(o: PyObject): o is PyFloat {
  return o instanceof PyFloat;
}

/** repr(float) */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const exp = x.toExponential(); // shortest round-trip digits, e.g. "1.2345e+2"
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(exp)!;
  const sign = m[1]!;
  const digits = m[2]! + (m[3] ?? '');
  const e = parseInt(m[4]!, 10);
  const decpt = e + 1;
  if (decpt > -4 && decpt <= 16) {
    // fixed notation
    let s: string;
    if (decpt <= 0) s = '0.' + '0'.repeat(-decpt) + digits;
    else if (decpt >= digits.length) s = digits + '0'.repeat(decpt - digits.length) + '.0';
    else s = digits.slice(0, decpt) + '.' + digits.slice(decpt);
    return sign + s;
  }
  const mant = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
  const es = Math.abs(e) < 10 ? '0' + Math.abs(e) : String(Math.abs(e));
  return `${sign}${mant}e${e < 0 ? '-' : '+'}${es}`;
}
