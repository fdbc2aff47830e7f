// The builtins module (Python/bltinmodule.c) and the constructors of the built-in types.
// Error messages are CPython's; where 3.10-3.13 word them differently the profile decides.

import { PyObject, incref, decref, xdecref, heap } from './objects/object';
import { PyType, TypeType, ObjectType, CmpOp, typeLookup } from './objects/type';
import { PyInt, IntType, BoolType, True, False, pyBool, newInt, big, norm, intAdd, isZero, intCompare, intMod, intFloorDiv, type IntValue } from './objects/int';
import { PyFloat, FloatType, newFloat } from './objects/float';
import { PyStr, StrType, newStr, strRepr } from './objects/str';
import { PyTuple, TupleType, newTuple, emptyTuple } from './objects/tuple';
import { PyList, ListType, newList } from './objects/list';
import { PyDict, DictType, newDict, dictSetWithKey, dictGetStr, strCanonical } from './objects/dict';
import { PySet, SetType, FrozenSetType, newSet } from './objects/set';
import { SliceType, newSlice } from './objects/slice';
import { None, NotImplemented, Ellipsis, NoneType } from './objects/singletons';
import { PyCFunction, markVarargs, type NativeImpl } from './objects/descr';
import { PyFunction } from './objects/function';
import { PyModule } from './objects/module';
import {
  raise, TypeError, ValueError, StopIteration, PyErr, BUILTIN_EXCEPTIONS, PyBaseException, OverflowError, ZeroDivisionError,
  AttributeError,
} from './objects/exceptions';
import {
  repr, str, reprString, strString, typeName, hash, truth, richCompare, compareBool, getIter, iterNext, iterToArray, length,
  getAttr, lookupAttr, setAttr, callObject, isCallable, binaryOp, unaryOp, addressOf, indexValue,
} from './abstract';
import { listFromIterable, listSort, newRange, RangeType, lengthHint, setLengthHint, ListRevIterType, newSeqIter } from './types/sequences';
import { dictUpdate, dictSetStrKey, setUpdate, reuseOrNewPair, initialResult } from './types/mappings';
import { formatObject } from './types/format';
import { kwArgs } from './types/strings';
import { SuperType } from './types/super';
import { registerTypeCall, buildClass, genericSetAttr } from './typeobject';
import { setBuildClassFunction } from './ceval';
import { writeStdout, rt } from './runtime';
import { printEnter, printLeave, fileWriteObject } from './textio';
import { allocated, gcAllocated } from './gc';
import { profile } from './profile';
import { newException } from './pyerrors';
import type { Visit } from './objects/object';

type Args = readonly PyObject[];

function positional(args: Args, kw: readonly string[] | null): number {
  return args.length - (kw?.length ?? 0);
}

function noKw(name: string, kw: readonly string[] | null): void {
  if (kw !== null && kw.length > 0) raise(TypeError, `${name}() takes no keyword arguments`);
}

function exactly(name: string, args: Args, n: number): void {
  if (args.length !== n) {
    if (n === 1) raise(TypeError, `${name}() takes exactly one argument (${args.length} given)`);
    raise(TypeError, `${name} expected ${n} arguments, got ${args.length}`);
  }
}

// ---------------------------------------------------------------- print

const builtinFunctions: [string, NativeImpl][] = [];
function def(name: string, impl: NativeImpl): void {
  builtinFunctions.push([name, impl]);
}

def('print', (_self, args, kw) => {
  const n = positional(args, kw);
  printEnter(n, kw !== null && kw.length > 0);
  try {
    return printImpl(args, kw, n);
  } finally {
    printLeave(n);
  }
});

function printImpl(args: readonly PyObject[], kw: readonly string[] | null, n: number): PyObject {
  let sep = ' ';
  let end = '\n';
  if (kw !== null) {
    kw.forEach((k, i) => {
      const v = args[n + i]!;
      if (k === 'sep') {
        if (v !== None && !(v instanceof PyStr)) raise(TypeError, `sep must be None or a string, not ${typeName(v)}`);
        if (v instanceof PyStr) sep = v.value;
      } else if (k === 'end') {
        if (v !== None && !(v instanceof PyStr)) raise(TypeError, `end must be None or a string, not ${typeName(v)}`);
        if (v instanceof PyStr) end = v.value;
      } else if (k === 'flush' || k === 'file') {
        // file=None / flush: stdout is the only stream the subset writes to
      } else raise(TypeError, `'${k}' is an invalid keyword argument for print()`);
    });
  }
  for (let i = 0; i < n; i++) {
    if (i > 0) fileWriteObject(() => sep, writeStdout);
    fileWriteObject(() => strString(args[i]!), writeStdout);
  }
  fileWriteObject(() => end, writeStdout);
  return incref(None);
}

// ---------------------------------------------------------------- simple functions

def('len', (_s, args, kw) => {
  noKw('len', kw);
  exactly('len', args, 1);
  return newInt(length(args[0]!));
});

def('repr', (_s, args) => {
  exactly('repr', args, 1);
  return repr(args[0]!);
});

def('id', (_s, args) => {
  exactly('id', args, 1);
  return newInt(norm(addressOf(args[0]!)));
});

def('hash', (_s, args) => {
  exactly('hash', args, 1);
  return newInt(norm(hash(args[0]!)));
});

def('abs', (_s, args) => {
  exactly('abs', args, 1);
  const x = args[0]!;
  if (x instanceof PyFloat) return newFloat(Math.abs(x.value));
  if (x instanceof PyInt) return newInt(norm(big(x.value) < 0n ? -big(x.value) : big(x.value)));
  const f = typeLookup(x.ob_type, '__abs__');
  if (f !== null) return callObject(f, [x]);
  raise(TypeError, `bad operand type for abs(): '${typeName(x)}'`);
});

def('callable', (_s, args) => pyBool(isCallable(args[0]!)));

def('chr', (_s, args) => {
  const v = Number((args[0] as PyInt).value);
  if (v < 0 || v > 0x10ffff) raise(ValueError, 'chr() arg not in range(0x110000)');
  return newStr(String.fromCodePoint(v));
});

def('ord', (_s, args) => {
  const s = args[0]!;
  if (!(s instanceof PyStr)) raise(TypeError, `ord() expected string of length 1, but ${typeName(s)} found`);
  if (s.length !== 1) raise(TypeError, `ord() expected a character, but string of length ${s.length} found`);
  return newInt(s.value.codePointAt(0)!);
});

def('divmod', (_s, args) => {
  exactly('divmod', args, 2);
  // float_divmod's own message for a zero divisor (the int slot's matches floor division).
  const [a, b] = args as [PyObject, PyObject];
  if ((a instanceof PyFloat || b instanceof PyFloat) && (a instanceof PyFloat || a instanceof PyInt)) {
    if ((b instanceof PyFloat && b.value === 0) || (b instanceof PyInt && isZero(b.value))) raise(ZeroDivisionError, 'float divmod()');
  }
  const q = binaryOp(2, a, b);
  try {
    const r = binaryOp(6, args[0]!, args[1]!);
    return newTuple([q, r]);
  } catch (e) {
    decref(q);
    throw e;
  }
});

def('pow', (_s, args) => {
  if (args.length === 3) {
    const b = big((args[0] as PyInt).value);
    let e = big((args[1] as PyInt).value);
    const m = big((args[2] as PyInt).value);
    if (m === 0n) raise(ValueError, 'pow() 3rd argument cannot be 0');
    let r = 1n;
    let x = ((b % m) + m) % m;
    while (e > 0n) {
      if (e & 1n) r = (r * x) % m;
      x = (x * x) % m;
      e >>= 1n;
    }
    return newInt(norm(m < 0n && r > 0n ? r + m : r));
  }
  return binaryOp(8, args[0]!, args[1]!);
});

def('round', (_s, args, kw) => {
  const a = kwArgs(args, kw, ['number', 'ndigits']);
  const x = a[0]!;
  const nd = a[1] === undefined || a[1] === None ? null : Number((a[1] as PyInt).value);
  if (x instanceof PyInt) {
    if (nd === null || nd >= 0) return newInt(x.value);
    const p = 10n ** BigInt(-nd);
    const v = big(x.value);
    let q = v / p;
    const r = v - q * p;
    const twice = 2n * (r < 0n ? -r : r);
    if (twice > p || (twice === p && q % 2n !== 0n)) q += v < 0n ? -1n : 1n;
    return newInt(norm(q * p));
  }
  if (x instanceof PyFloat) {
    if (nd === null) {
      if (!Number.isFinite(x.value)) raise(Number.isNaN(x.value) ? ValueError : OverflowError, Number.isNaN(x.value) ? 'cannot convert float NaN to integer' : 'cannot convert float infinity to integer');
      return newInt(roundHalfEven(x.value));
    }
    return newFloat(roundToDigits(x.value, nd));
  }
  const f = typeLookup(x.ob_type, '__round__');
  if (f !== null) return callObject(f, nd === null ? [x] : [x, a[1]!]);
  raise(TypeError, `type ${typeName(x)} doesn't define __round__ method`);
});

function roundHalfEven(v: number): IntValue {
  const f = Math.floor(v);
  const diff = v - f;
  let r = diff > 0.5 ? f + 1 : diff < 0.5 ? f : f % 2 === 0 ? f : f + 1;
  if (Object.is(r, -0)) r = 0;
  return Number.isSafeInteger(r) ? r : norm(BigInt(r));
}

/** round(x, n) as CPython does it: via the shortest decimal repr, then half-even. */
function roundToDigits(x: number, nd: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (nd > 22) return x;
  // Use exact decimal arithmetic on the repr digits.
  const s = x.toPrecision(17);
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(Number(s).toString().includes('e') ? x.toExponential(20) : x.toFixed(Math.min(100, Math.max(nd + 20, 0))));
  if (m === null) return x;
  const y = Number(x.toFixed(Math.max(0, Math.min(100, nd + 25))));
  const scaled = y * 10 ** nd;
  const fl = Math.floor(scaled);
  const diff = scaled - fl;
  // decide by the exact decimal expansion of x (toFixed is exact up to 100 digits)
  const exact = x.toFixed(Math.min(100, Math.max(0, nd + 30)));
  const point = exact.indexOf('.');
  const digits = exact.replace('-', '').replace('.', '');
  void digits;
  void point;
  let r: number;
  if (nd >= 0) {
    const str = Math.abs(x).toFixed(Math.min(100, nd + 30));
    const [ip, fp = ''] = str.split('.');
    const keep = fp.slice(0, nd);
    const rest = fp.slice(nd);
    let base = BigInt(ip! + keep);
    const half = rest.length > 0 ? rest[0]! : '0';
    const tail = rest.slice(1).replace(/0+$/, '');
    if (half > '5' || (half === '5' && (tail.length > 0 || base % 2n === 1n))) base += 1n;
    r = Number(base) / 10 ** nd;
    if (x < 0) r = -r;
  } else {
    r = (diff > 0.5 || (diff === 0.5 && fl % 2 !== 0) ? fl + 1 : fl) / 10 ** nd;
  }
  return r;
}

def('isinstance', (_s, args) => {
  exactly('isinstance', args, 2);
  return pyBool(isInstanceOf(args[0]!, args[1]!));
});

function isInstanceOf(o: PyObject, cls: PyObject): boolean {
  if (cls instanceof PyTuple) return cls.items.some((c) => isInstanceOf(o, c));
  if (!(cls instanceof PyType)) raise(TypeError, 'isinstance() arg 2 must be a type, a tuple of types, or a union');
  return o.ob_type.isSubtypeOf(cls);
}

def('issubclass', (_s, args) => {
  exactly('issubclass', args, 2);
  const c = args[0]!;
  if (!(c instanceof PyType)) raise(TypeError, 'issubclass() arg 1 must be a class');
  const check = (t: PyObject): boolean => {
    if (t instanceof PyTuple) return t.items.some(check);
    if (!(t instanceof PyType)) raise(TypeError, 'issubclass() arg 2 must be a class, a tuple of classes, or a union');
    return c.isSubtypeOf(t);
  };
  return pyBool(check(args[1]!));
});

function attrName(o: PyObject, fn: string): string {
  if (!(o instanceof PyStr)) raise(TypeError, profile().version === '3.10' || profile().version === '3.11' ? `${fn}(): attribute name must be string` : `attribute name must be string, not '${typeName(o)}'`);
  return o.value;
}

def('getattr', (_s, args) => {
  if (args.length < 2 || args.length > 3) raise(TypeError, `getattr expected at least 2 arguments, got ${args.length}`);
  const name = attrName(args[1]!, 'getattr');
  if (args.length === 3) {
    const r = lookupAttr(args[0]!, name);
    return r ?? incref(args[2]!);
  }
  return getAttr(args[0]!, name);
});

def('hasattr', (_s, args) => {
  exactly('hasattr', args, 2);
  const r = lookupAttr(args[0]!, attrName(args[1]!, 'hasattr'));
  if (r === null) return incref(False);
  decref(r);
  return incref(True);
});

def('setattr', (_s, args) => {
  exactly('setattr', args, 3);
  setAttr(args[0]!, attrName(args[1]!, 'setattr'), args[2]!);
  return incref(None);
});

def('delattr', (_s, args) => {
  exactly('delattr', args, 2);
  setAttr(args[0]!, attrName(args[1]!, 'delattr'), null);
  return incref(None);
});

def('iter', (_s, args) => {
  exactly('iter', args, 1);
  return getIter(args[0]!);
});

def('next', (_s, args) => {
  if (args.length < 1 || args.length > 2) raise(TypeError, `next expected at least 1 argument, got ${args.length}`);
  const it = args[0]!;
  if (it.ob_type.tp_iternext === null) raise(TypeError, `'${typeName(it)}' object is not an iterator`);
  const v = iterNextRaising(it);
  if (v !== null) return v;
  if (args.length === 2) return incref(args[1]!);
  throw new PyErr(stopIterationFor(it));
});

/** The StopIteration next() raises: a generator's return value travels in it. */
let lastStopValue: PyObject | null = null;
export function setLastStopValue(v: PyObject | null): void {
  xdecref(lastStopValue);
  lastStopValue = v;
}
function stopIterationFor(_it: PyObject): PyBaseException {
  const v = lastStopValue;
  lastStopValue = null;
  if (v !== null && v !== None) return newException(StopIteration, newTuple([v]));
  xdecref(v);
  return newException(StopIteration, incref(emptyTuple));
}

function iterNextRaising(it: PyObject): PyObject | null {
  return it.ob_type.tp_iternext!(it);
}

function extremum(name: 'min' | 'max', args: Args, kw: readonly string[] | null): PyObject {
  const n = positional(args, kw);
  const opts = kwArgs(args.slice(n).length ? [...args.slice(0, 0), ...args.slice(n)] : [], kw, ['key', 'default']);
  const key = opts[0] ?? None;
  const dflt = opts[1];
  let items: PyObject[];
  if (n === 0) raise(TypeError, `${name} expected at least 1 argument, got 0`);
  if (n === 1) items = iterToArray(args[0]!);
  else {
    if (dflt !== undefined) raise(TypeError, `Cannot specify a default for ${name}() with multiple positional arguments`);
    items = args.slice(0, n).map((x) => incref(x));
  }
  try {
    if (items.length === 0) {
      if (dflt !== undefined) return incref(dflt);
      raise(ValueError, `${name}() ${profile().emptyMinMax}`);
    }
    let best = items[0]!;
    let bestKey = key === None ? incref(best) : callObject(key, [best]);
    for (let i = 1; i < items.length; i++) {
      const x = items[i]!;
      const k = key === None ? incref(x) : callObject(key, [x]);
      let better: boolean;
      try {
        better = compareBool(k, bestKey, name === 'max' ? CmpOp.GT : CmpOp.LT);
      } catch (e) {
        decref(k);
        decref(bestKey);
        throw e;
      }
      if (better) {
        decref(bestKey);
        bestKey = k;
        best = x;
      } else decref(k);
    }
    decref(bestKey);
    return incref(best);
  } finally {
    for (const x of items) decref(x);
  }
}

def('min', (_s, args, kw) => extremum('min', args, kw));
def('max', (_s, args, kw) => extremum('max', args, kw));

def('sum', (_s, args, kw) => {
  const a = kwArgs(args, kw, ['iterable', 'start']);
  let acc: PyObject = a[1] !== undefined ? incref(a[1]) : newInt(0);
  if (acc instanceof PyStr) {
    decref(acc);
    raise(TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
  }
  const it = getIter(a[0]!);
  try {
    // builtin_sum_impl: an int fast path, then a float fast path (compensated on 3.12+),
    // then the generic `+`.
    let pending: PyObject | null = null;
    if (acc.ob_type === IntType) {
      let v: IntValue = (acc as PyInt).value;
      for (;;) {
        const x = iterNext(it);
        if (x === null) break;
        if (x.ob_type === IntType || x.ob_type === BoolType) {
          v = intAdd(v, (x as PyInt).value);
          decref(x);
          continue;
        }
        pending = x;
        break;
      }
      decref(acc);
      acc = newInt(v);
    }
    if (pending !== null) {
      const r = binaryOp(0, acc, pending);
      decref(acc);
      decref(pending);
      acc = r;
      pending = null;
    }
    if (acc.ob_type === FloatType) {
      let f = (acc as PyFloat).value;
      let c = 0;
      const compensated = profile().sumCompensated;
      for (;;) {
        const x = iterNext(it);
        if (x === null) break;
        let xv: number | null = null;
        if (x.ob_type === FloatType) xv = (x as PyFloat).value;
        else if (x.ob_type === IntType || x.ob_type === BoolType) {
          const n = Number((x as PyInt).value);
          if (Number.isSafeInteger(n)) xv = n;
        }
        if (xv === null) {
          pending = x;
          break;
        }
        decref(x);
        if (compensated) {
          const t = f + xv;
          if (Math.abs(f) >= Math.abs(xv)) c += f - t + xv;
          else c += xv - t + f;
          f = t;
        } else f += xv;
      }
      if (compensated && c !== 0 && Number.isFinite(c)) f += c;
      decref(acc);
      acc = newFloat(f);
      if (pending !== null) {
        const r = binaryOp(0, acc, pending);
        decref(acc);
        decref(pending);
        acc = r;
      }
    }
    for (;;) {
      const x = iterNext(it);
      if (x === null) break;
      try {
        const r = binaryOp(0, acc, x);
        decref(acc);
        acc = r;
      } finally {
        decref(x);
      }
    }
  } catch (e) {
    decref(acc);
    throw e;
  } finally {
    decref(it);
  }
  return acc;
});

def('sorted', (_s, args, kw) => {
  const n = positional(args, kw);
  if (n !== 1) raise(TypeError, `sorted expected 1 argument, got ${n}`);
  const opts = kwArgs([args[0]!, ...args.slice(n)], kw === null ? null : kw, ['iterable', 'key', 'reverse']);
  const l = listFromIterable(args[0]!);
  try {
    listSort(l, opts[1] ?? None, opts[2] !== undefined && truth(opts[2]));
  } catch (e) {
    decref(l);
    throw e;
  }
  return l;
});

def('any', (_s, args) => {
  const it = getIter(args[0]!);
  try {
    for (;;) {
      const x = iterNext(it);
      if (x === null) return incref(False);
      const t = truth(x);
      decref(x);
      if (t) return incref(True);
    }
  } finally {
    decref(it);
  }
});

def('all', (_s, args) => {
  const it = getIter(args[0]!);
  try {
    for (;;) {
      const x = iterNext(it);
      if (x === null) return incref(True);
      const t = truth(x);
      decref(x);
      if (!t) return incref(False);
    }
  } finally {
    decref(it);
  }
});

def('format', (_s, args) => formatObject(args[0]!, args.length > 1 ? (args[1] as PyStr).value : ''));

def('globals', () => incref(rt.frame!.globals));
def('locals', () => {
  const f = rt.frame!;
  if (f.locals !== null) return incref(f.locals);
  if (!f.code.isComprehension && f.func === null) return incref(f.globals);
  const d = newDict();
  f.code.varnames.forEach((n, i) => {
    const v = f.fast[i];
    if (v !== null && v !== undefined) dictSetStrKey(d, n, v);
  });
  return d;
});

def('vars', (_s, args) => {
  if (args.length === 0) return incref(rt.frame!.locals ?? rt.frame!.globals);
  return getAttr(args[0]!, '__dict__');
});

def('dir', (_s, args) => {
  const names = new Set<string>();
  if (args.length === 0) {
    const d = rt.frame!.locals ?? rt.frame!.globals;
    for (let i = 0; i < d.ekeys.length; i++) {
      const k = d.ekeys[i];
      if (k instanceof PyStr) names.add(k.value);
    }
  } else {
    const o = args[0]!;
    const addDict = (d: PyObject | null): void => {
      if (d instanceof PyDict) for (const k of d.ekeys) if (k instanceof PyStr) names.add(k.value);
    };
    if (o instanceof PyType) for (const t of o.mro) t.isHeapType ? addDict(t.dict) : t.table.forEach((_v, k) => names.add(k));
    else {
      const inst = o as { dict?: PyObject | null; values?: PyObject | null };
      addDict(inst.dict ?? null);
      addDict(inst.values ?? null);
      for (const t of o.ob_type.mro) t.isHeapType ? addDict(t.dict) : t.table.forEach((_v, k) => names.add(k));
    }
  }
  const sorted = [...names].sort();
  return newList(sorted.map((n) => newStr(n) as PyObject));
});

// ---------------------------------------------------------------- iterators: enumerate, zip, reversed, map, filter

class PyEnumerate extends PyObject {
  index: IntValue;
  result: PyTuple | null = null;
  constructor(
    public it: PyObject,
    start: IntValue,
  ) {
    super(EnumerateType);
    this.index = start;
  }
  shortRepr(): string {
    return '<enumerate>';
  }
  traverse(visit: Visit): void {
    visit(this.it);
    if (this.result !== null) visit(this.result);
  }
  release(): void {
    decref(this.it);
    xdecref(this.result);
  }
}
const EnumerateType = new PyType({ name: 'enumerate', isGC: true, basicsize: 48 });
EnumerateType.tp_iter = (o) => incref(o);
EnumerateType.tp_iternext = (o) => {
  const e = o as PyEnumerate;
  const x = iterNext(e.it);
  if (x === null) return null;
  const i = newInt(e.index);
  e.index = intAdd(e.index, 1);
  return reuseOrNewPair(e, i, x);
};

class PyZip extends PyObject {
  result: PyTuple | null = null;
  /** zip keeps its iterators in a tuple (ittuple). */
  ittuple: PyTuple | null = null;
  constructor(public its: PyObject[]) {
    super(ZipType);
  }
  shortRepr(): string {
    return '<zip>';
  }
  traverse(visit: Visit): void {
    if (this.ittuple !== null) visit(this.ittuple);
    if (this.result !== null) visit(this.result);
  }
  release(): void {
    xdecref(this.ittuple);
    xdecref(this.result);
  }
}
const ZipType = new PyType({ name: 'zip', isGC: true, basicsize: 48 });
ZipType.tp_iter = (o) => incref(o);
ZipType.tp_iternext = (o) => {
  const z = o as PyZip;
  if (z.its.length === 0) return null;
  const items: PyObject[] = [];
  for (const it of z.its) {
    const x = iterNext(it);
    if (x === null) {
      for (const y of items) decref(y);
      return null;
    }
    items.push(x);
  }
  const r = z.result;
  if (r !== null && r.ob_refcnt === 1 && r.items.length === items.length) {
    incref(r);
    for (let i = 0; i < items.length; i++) {
      const old = r.items[i]!;
      r.items[i] = items[i]!;
      decref(old);
    }
    return r;
  }
  return newTuple(items);
};

class PyMapIter extends PyObject {
  constructor(
    readonly func: PyObject,
    readonly its: PyObject[],
    readonly isFilter: boolean,
  ) {
    super(isFilter ? FilterType : MapType);
  }
  shortRepr(): string {
    return this.isFilter ? '<filter>' : '<map>';
  }
  traverse(visit: Visit): void {
    visit(this.func);
    for (const i of this.its) visit(i);
  }
  release(): void {
    decref(this.func);
    for (const i of this.its) decref(i);
  }
}
const MapType = new PyType({ name: 'map', isGC: true, basicsize: 32 });
const FilterType = new PyType({ name: 'filter', isGC: true, basicsize: 32 });
MapType.tp_iter = (o) => incref(o);
FilterType.tp_iter = (o) => incref(o);
MapType.tp_iternext = (o) => {
  const m = o as PyMapIter;
  const items: PyObject[] = [];
  try {
    for (const it of m.its) {
      const x = iterNext(it);
      if (x === null) return null;
      items.push(x);
    }
    return callObject(m.func, items);
  } finally {
    for (const x of items) decref(x);
  }
};
FilterType.tp_iternext = (o) => {
  const m = o as PyMapIter;
  for (;;) {
    const x = iterNext(m.its[0]!);
    if (x === null) return null;
    let ok: boolean;
    try {
      if (m.func === None) ok = truth(x);
      else {
        const r = callObject(m.func, [x]);
        ok = truth(r);
        decref(r);
      }
    } catch (e) {
      decref(x);
      throw e;
    }
    if (ok) return x;
    decref(x);
  }
};

// ---------------------------------------------------------------- type constructors

function intFromString(s: string, base: number): IntValue | null {
  let t = s.trim().replace(/_/g, (m, off: number, whole: string) => (off > 0 && /[0-9a-zA-Z]/.test(whole[off - 1]!) && /[0-9a-zA-Z]/.test(whole[off + 1] ?? '') ? '' : '#'));
  if (t.includes('#')) return null;
  let neg = false;
  if (t[0] === '+' || t[0] === '-') {
    neg = t[0] === '-';
    t = t.slice(1);
  }
  let b = base;
  const pref = /^0([xob])/i.exec(t);
  if (pref !== null) {
    const p = pref[1]!.toLowerCase();
    const pb = p === 'x' ? 16 : p === 'o' ? 8 : 2;
    if (b === 0 || b === pb) {
      b = pb;
      t = t.slice(2);
    }
  }
  if (b === 0) {
    if (/^0+$/.test(t)) return 0;
    if (t[0] === '0') return null;
    b = 10;
  }
  if (t.length === 0) return null;
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, b);
  let v = 0n;
  const bb = BigInt(b);
  for (const c of t.toLowerCase()) {
    const d = digits.indexOf(c);
    if (d < 0) return null;
    v = v * bb + BigInt(d);
  }
  return norm(neg ? -v : v);
}

registerTypeCall(IntType, (args, kw) => {
  const a = kwArgs(args, kw, ['x', 'base']);
  const x = a[0];
  if (x === undefined) return newInt(0);
  if (a[1] !== undefined) {
    const base = Number(indexValue(a[1]!));
    if ((base !== 0 && base < 2) || base > 36) raise(ValueError, 'int() base must be >= 2 and <= 36, or 0');
    if (!(x instanceof PyStr)) raise(TypeError, "int() can't convert non-string with explicit base");
    const v = intFromString(x.value, base);
    if (v === null) raise(ValueError, `invalid literal for int() with base ${base}: ${strRepr(x.value)}`);
    return newInt(v);
  }
  if (x instanceof PyInt) return x.ob_type === IntType ? incref(x) : newInt(x.value);
  if (x instanceof PyFloat) {
    if (Number.isNaN(x.value)) raise(ValueError, 'cannot convert float NaN to integer');
    if (!Number.isFinite(x.value)) raise(OverflowError, 'cannot convert float infinity to integer');
    const t = Math.trunc(x.value);
    return newInt(Number.isSafeInteger(t) ? (t === 0 ? 0 : t) : norm(BigInt(t)));
  }
  if (x instanceof PyStr) {
    const v = intFromString(x.value, 10);
    if (v === null) raise(ValueError, `invalid literal for int() with base 10: ${strRepr(x.value)}`);
    return newInt(v);
  }
  for (const m of ['__int__', '__index__']) {
    const f = typeLookup(x.ob_type, m);
    if (f !== null) return callObject(f, [x]);
  }
  raise(TypeError, `int() argument must be a string, a bytes-like object or a real number, not '${typeName(x)}'`);
});

function floatFromString(s: string): number | null {
  const t = s.trim().toLowerCase().replace(/_/g, '');
  if (/^[+-]?(inf|infinity)$/.test(t)) return t[0] === '-' ? -Infinity : Infinity;
  if (/^[+-]?nan$/.test(t)) return NaN;
  if (!/^[+-]?((\d+\.?\d*)|(\.\d+))(e[+-]?\d+)?$/.test(t)) return null;
  return parseFloat(t);
}

registerTypeCall(FloatType, (args) => {
  const x = args[0];
  if (x === undefined) return newFloat(0);
  if (x instanceof PyFloat) return incref(x);
  if (x instanceof PyInt) {
    const d = Number(x.value);
    if (!Number.isFinite(d)) raise(OverflowError, 'int too large to convert to float');
    return newFloat(d);
  }
  if (x instanceof PyStr) {
    const v = floatFromString(x.value);
    if (v === null) raise(ValueError, `could not convert string to float: ${strRepr(x.value)}`);
    return newFloat(v);
  }
  const f = typeLookup(x.ob_type, '__float__');
  if (f !== null) return callObject(f, [x]);
  raise(TypeError, `float() argument must be a string or a real number, not '${typeName(x)}'`);
});

registerTypeCall(StrType, (args) => {
  if (args.length === 0) return newStr('');
  return str(args[0]!);
});

registerTypeCall(BoolType, (args) => (args.length === 0 ? incref(False) : pyBool(truth(args[0]!))));

registerTypeCall(ListType, (args, kw) => {
  noKw('list', kw);
  if (args.length > 1) raise(TypeError, `list expected at most 1 argument, got ${args.length}`);
  if (args.length === 0) return newList([], 0);
  return listFromIterable(args[0]!);
});

registerTypeCall(TupleType, (args) => {
  if (args.length > 1) raise(TypeError, `tuple expected at most 1 argument, got ${args.length}`);
  if (args.length === 0) return incref(emptyTuple);
  const x = args[0]!;
  if (x instanceof PyTuple && x.ob_type === TupleType) return incref(x);
  return newTuple(iterToArray(x));
});

registerTypeCall(DictType, (args, kw) => {
  const n = positional(args, kw);
  if (n > 1) raise(TypeError, `dict expected at most 1 argument, got ${n}`);
  const d = newDict();
  try {
    if (n === 1) dictUpdate(d, args[0]!);
    if (kw !== null) kw.forEach((k, i) => dictSetStrKey(d, k, args[n + i]!));
  } catch (e) {
    decref(d);
    throw e;
  }
  return d;
});

registerTypeCall(SetType, (args) => {
  if (args.length > 1) raise(TypeError, `set expected at most 1 argument, got ${args.length}`);
  const s = newSet();
  try {
    if (args.length === 1) setUpdate(s, args[0]!);
  } catch (e) {
    decref(s);
    throw e;
  }
  return s;
});

registerTypeCall(FrozenSetType, (args) => {
  if (args.length === 1 && args[0]!.ob_type === FrozenSetType) return incref(args[0]!);
  const s = newSet(true);
  try {
    if (args.length === 1) setUpdate(s, args[0]!);
  } catch (e) {
    decref(s);
    throw e;
  }
  return s;
});

registerTypeCall(RangeType, (args) => {
  const ints = args.map((a) => {
    if (!(a instanceof PyInt)) raise(TypeError, `'${typeName(a)}' object cannot be interpreted as an integer`);
    return a.value;
  });
  if (ints.length === 1) return newRange(0, ints[0]!, 1);
  if (ints.length === 2) return newRange(ints[0]!, ints[1]!, 1);
  if (ints.length === 3) return newRange(ints[0]!, ints[1]!, ints[2]!);
  raise(TypeError, ints.length === 0 ? 'range expected at least 1 argument, got 0' : `range expected at most 3 arguments, got ${ints.length}`);
});

registerTypeCall(SliceType, (args) => {
  const a = args.map((x) => incref(x));
  if (a.length === 1) return newSlice(incref(None), a[0]!, incref(None));
  if (a.length === 2) return newSlice(a[0]!, a[1]!, incref(None));
  return newSlice(a[0]!, a[1]!, a[2]!);
});

registerTypeCall(ObjectType, (args) => {
  if (args.length > 0) raise(TypeError, 'object() takes no arguments');
  const o = new (class extends PyObject {
    shortRepr(): string {
      return '<object>';
    }
  })(ObjectType);
  allocated(o, false);
  return o;
});

registerTypeCall(EnumerateType, (args, kw) => {
  const a = kwArgs(args, kw, ['iterable', 'start']);
  const it = getIter(a[0]!);
  const e = new PyEnumerate(it, a[1] !== undefined ? (a[1] as PyInt).value : 0);
  allocated(e, true);
  e.result = initialResult(2);
  return e;
});

registerTypeCall(ZipType, (args, kw) => {
  noKw('zip', kw === null || kw.every((k) => k !== 'strict') ? kw : null);
  const its: PyObject[] = [];
  try {
    for (const a of args) its.push(getIter(a));
  } catch (e) {
    for (const i of its) decref(i);
    throw e;
  }
  const ittuple = newTuple(its);
  const z = new PyZip(ittuple.items);
  allocated(z, true);
  z.ittuple = ittuple;
  z.result = initialResult(its.length);
  return z;
});

registerTypeCall(MapType, (args) => {
  if (args.length < 2) raise(TypeError, 'map() must have at least two arguments.');
  const its = args.slice(1).map((a) => getIter(a));
  const m = new PyMapIter(incref(args[0]!), its, false);
  allocated(m, true);
  return m;
});

registerTypeCall(FilterType, (args) => {
  exactly('filter', args, 2);
  const m = new PyMapIter(incref(args[0]!), [getIter(args[1]!)], true);
  allocated(m, true);
  return m;
});

const ReversedType = new PyType({ name: 'reversed', isGC: true, basicsize: 32 });
registerTypeCall(ReversedType, (args) => {
  exactly('reversed', args, 1);
  const x = args[0]!;
  if (x instanceof PyList) return newSeqIter(ListRevIterType, x);
  const f = typeLookup(x.ob_type, '__reversed__');
  if (f !== null) return callObject(f, [x]);
  if (x.ob_type.sq_length === null || x.ob_type.mp_subscript === null) raise(TypeError, `'${typeName(x)}' object is not reversible`);
  const items = iterToArray(x).reverse();
  const l = newList(items);
  const it = getIter(l);
  decref(l);
  return it;
});

// ---------------------------------------------------------------- the builtins dict

/** The value of `__build_class__`. */
let buildClassFn: PyCFunction | null = null;

export function makeBuiltinsDict(builtinsModule: PyObject | null): PyDict {
  const d = newDict();
  const put = (name: string, v: PyObject): void => dictSetStrKey(d, name, v);
  for (const [name, impl] of builtinFunctions) {
    const f = staticFunctions.get(name)!;
    void impl;
    put(name, f);
  }
  put('__build_class__', buildClassFn!);
  put('None', None);
  put('True', True);
  put('False', False);
  put('Ellipsis', Ellipsis);
  put('NotImplemented', NotImplemented);
  const types: [string, PyType][] = [
    ['int', IntType], ['float', FloatType], ['str', StrType], ['bool', BoolType], ['list', ListType], ['tuple', TupleType],
    ['dict', DictType], ['set', SetType], ['frozenset', FrozenSetType], ['range', RangeType], ['slice', SliceType],
    ['object', ObjectType], ['type', TypeType], ['enumerate', EnumerateType], ['zip', ZipType], ['map', MapType],
    ['filter', FilterType], ['reversed', ReversedType], ['super', SuperType],
  ];
  for (const [n, t] of types) put(n, t);
  for (const t of BUILTIN_EXCEPTIONS) put(t.name, t);
  void builtinsModule;
  return d;
}

/** Builtin function objects are static: made once, their counts reset per run. */
const staticFunctions = new Map<string, PyCFunction>();
for (const [name, impl] of builtinFunctions) staticFunctions.set(name, new PyCFunction(name, impl, null));
// METH_VARARGS builtins: their calls pack the arguments into a tuple.
for (const n of ['min', 'max']) staticFunctions.get(n)!.varargs = true;
markVarargs(StrType, ['format']);
markVarargs(DictType, ['update']);
markVarargs(SetType, ['union', 'intersection', 'difference', 'update', 'intersection_update', 'difference_update']);
markVarargs(FrozenSetType, ['union', 'intersection', 'difference']);
buildClassFn = new PyCFunction('__build_class__', (_s, args) => {
  if (args.length < 2) raise(TypeError, '__build_class__: not enough arguments');
  const fn = args[0]!;
  if (!(fn instanceof PyFunction)) raise(TypeError, '__build_class__: func must be a function');
  return buildClass(fn, args[1]!, args.slice(2));
}, null);
setBuildClassFunction(buildClassFn);

export const BUILTIN_FUNCTION_OBJECTS: readonly PyObject[] = [...staticFunctions.values(), buildClassFn];

setLengthHint((o, dflt) => {
  if (o.ob_type.sq_length !== null) return o.ob_type.sq_length(o);
  const f = typeLookup(o.ob_type, '__length_hint__');
  if (f !== null) {
    const r = callObject(f, [o]);
    const n = Number((r as PyInt).value);
    decref(r);
    return n;
  }
  return dflt;
});

export { lengthHint, genericSetAttr, heap, NoneType, unaryOp, richCompare, intCompare, intMod, intFloorDiv, isZero, ZeroDivisionError, AttributeError, dictSetWithKey, dictGetStr, strCanonical, indexValue, reprString, PyModule };
