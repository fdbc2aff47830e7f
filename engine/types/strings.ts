// str behaviour (Objects/unicodeobject.c): comparison, hashing, concatenation and
// repetition, indexing and slicing by code point, `in`, iteration, `%` formatting, and the
// methods a beginner uses.

import { PyObject, incref, decref } from '../objects/object';
import { PyType, CmpOp } from '../objects/type';
import { PyStr, StrType, newStr, strRepr, unicodeNew, unicodeSubstring } from '../objects/str';
import { PyInt, newInt, pyBool, big, cmpResult } from '../objects/int';
import { newList, listPreallocateExact } from '../objects/list';
import { PyTuple, newTuple } from '../objects/tuple';
import { PyDict } from '../objects/dict';
import { PySlice, sliceIndices } from '../objects/slice';
import { None, NotImplemented } from '../objects/singletons';
import { raise, TypeError, ValueError, IndexError, OverflowError } from '../objects/exceptions';
import { defineMethods, type MethodImpl } from '../objects/descr';
import { hashStr, typeName, iterToArray, str, repr, getItem, getAttr, indexValue } from '../abstract';
import { percentFormat, renderField } from './format';
import { UnicodeWriter } from './writer';
import { profile } from '../profile';

const NI = (): PyObject => incref(NotImplemented);

function s(o: PyObject): string {
  return (o as PyStr).value;
}

function needStr(o: PyObject, what: string): string {
  if (!(o instanceof PyStr)) raise(TypeError, `${what} must be str, not ${typeName(o)}`);
  return o.value;
}

StrType.tp_repr = (o) => newStr(strRepr(s(o)));
StrType.tp_str = (o) => (o.ob_type === StrType ? incref(o) : newStr(s(o)));
StrType.tp_hash = (o) => hashStr(o as PyStr);
StrType.tp_richcompare = (a, b, op) => {
  if (!(b instanceof PyStr)) return NI();
  const x = s(a);
  const y = b.value;
  if (op === CmpOp.EQ) return pyBool(x === y);
  if (op === CmpOp.NE) return pyBool(x !== y);
  return pyBool(cmpResult(compareCodePoints(x, y), op));
};
StrType.sq_length = (o) => (o as PyStr).length;
StrType.nb_bool = (o) => (o as PyStr).length > 0;
StrType.sq_contains = (o, item) => {
  if (!(item instanceof PyStr)) raise(TypeError, `'in <string>' requires string as left operand, not ${typeName(item)}`);
  return s(o).includes(item.value);
};
StrType.sq_concat = (a, b) => {
  if (!(b instanceof PyStr)) raise(TypeError, `can only concatenate str (not "${typeName(b)}") to str`);
  if (b.length === 0 && a.ob_type === StrType) return incref(a);
  if ((a as PyStr).length === 0 && b.ob_type === StrType) return incref(b);
  return newStr(s(a) + b.value);
};
StrType.sq_repeat = (a, n) => {
  const count = Number(big((n as PyInt).value));
  if (count <= 0) return newStr('');
  if (count === 1 && a.ob_type === StrType) return incref(a);
  if ((a as PyStr).value.length * count > 1 << 28) raise(OverflowError, 'repeated string is too long');
  return newStr(s(a).repeat(count));
};
StrType.nb_remainder = (a, b) => {
  if (!(a instanceof PyStr)) return NI();
  return percentFormat(a, b);
};
StrType.mp_subscript = (o, key) => {
  const str = o as PyStr;
  if (key instanceof PySlice) {
    const cps = str.length === str.value.length ? null : str.codePoints();
    const [start, , step, n] = sliceIndices(key, str.length);
    if (n === str.length && step === 1 && o.ob_type === StrType) return incref(o);
    let out = '';
    for (let i = 0, j = start; i < n; i++, j += step) out += cps === null ? str.value[j] : cps[j];
    return newStr(out);
  }
  if (!(key instanceof PyInt) && key.ob_type.nb_index === null) raise(TypeError, `string indices must be integers, not '${typeName(key)}'`);
  let i = Number(indexValue(key));
  if (i < 0) i += str.length;
  if (i < 0 || i >= str.length) raise(IndexError, 'string index out of range');
  return newStr(str.length === str.value.length ? str.value[i]! : str.codePoints()[i]!);
};

/** Compare by code point (JS compares UTF-16 units, which differs above the BMP). */
function compareCodePoints(x: string, y: string): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const a = x.codePointAt(i)!;
    const b = y.codePointAt(i)!;
    if (a !== b) return a < b ? -1 : 1;
    if (a > 0xffff) i++;
  }
  return x.length < y.length ? -1 : x.length > y.length ? 1 : 0;
}

// ---------------------------------------------------------------- methods

type Args = readonly PyObject[];

function argCount(name: string, args: Args, min: number, max: number): void {
  if (args.length < min || args.length > max) {
    if (min === max) raise(TypeError, `${name}() takes exactly ${min === 0 ? 'no arguments' : min === 1 ? 'one argument' : min + ' arguments'} (${args.length} given)`);
    if (args.length < min) raise(TypeError, `${name} expected at least ${min} argument${min === 1 ? '' : 's'}, got ${args.length}`);
    raise(TypeError, `${name} expected at most ${max} argument${max === 1 ? '' : 's'}, got ${args.length}`);
  }
}

function optStr(o: PyObject | undefined): string | null {
  if (o === undefined || o === None) return null;
  return needStr(o, 'argument');
}

/**
 * The list a split-like method returns: 3.10/3.11 pre-size it (PREALLOC_SIZE 12). When nothing
 * was split off an exact str, stringlib's split puts the str itself in the list.
 */
function splitResult(parts: string[], self: PyObject, unsplit: boolean): PyObject {
  const whole = unsplit && self.ob_type === StrType;
  const items = whole ? [incref(self)] : parts.map((p) => newStr(p) as PyObject);
  const l = newList(items);
  l.allocated = grownAllocation(items.length, profile().splitPreallocates ? 12 : 0);
  return l;
}

/** The allocation after appending n items one by one to a list that starts with `start` slots. */
function grownAllocation(n: number, start: number): number {
  let allocated = start;
  for (let size = 0; size < n; size++) {
    const newsize = size + 1;
    if (allocated >= newsize) continue;
    let na = (newsize + (newsize >> 3) + 6) & ~3;
    if (newsize - size > na - newsize) na = (newsize + 3) & ~3;
    allocated = na;
  }
  return allocated;
}

function pySplit(str: string, sep: string | null, maxsplit: number): string[] {
  if (sep === null) {
    const out: string[] = [];
    let i = 0;
    const n = str.length;
    const ws = /\s/;
    while (i < n) {
      while (i < n && ws.test(str[i]!)) i++;
      if (i >= n) break;
      if (maxsplit >= 0 && out.length === maxsplit) {
        out.push(str.slice(i).replace(/\s+$/, ''));
        return out;
      }
      let j = i;
      while (j < n && !ws.test(str[j]!)) j++;
      out.push(str.slice(i, j));
      i = j;
    }
    return out;
  }
  if (sep === '') raise(ValueError, 'empty separator');
  const parts = str.split(sep);
  if (maxsplit >= 0 && parts.length > maxsplit + 1) {
    const head = parts.slice(0, maxsplit);
    head.push(parts.slice(maxsplit).join(sep));
    return head;
  }
  return parts;
}

function pyRsplit(str: string, sep: string | null, maxsplit: number): string[] {
  if (maxsplit < 0) return pySplit(str, sep, -1);
  if (sep === null) {
    const out: string[] = [];
    let i = str.length - 1;
    const ws = /\s/;
    while (i >= 0) {
      while (i >= 0 && ws.test(str[i]!)) i--;
      if (i < 0) break;
      if (out.length === maxsplit) {
        out.unshift(str.slice(0, i + 1).replace(/^\s+/, ''));
        return out;
      }
      let j = i;
      while (j >= 0 && !ws.test(str[j]!)) j--;
      out.unshift(str.slice(j + 1, i + 1));
      i = j;
    }
    return out;
  }
  const parts = str.split(sep);
  if (parts.length > maxsplit + 1) {
    const tail = parts.slice(parts.length - maxsplit);
    tail.unshift(parts.slice(0, parts.length - maxsplit).join(sep));
    return tail;
  }
  return parts;
}

/** do_strip / _PyUnicode_XStrip: a substring, so the string itself when nothing is stripped. */
function stripChars(self: PyStr, chars: string | null, left: boolean, right: boolean): PyStr {
  const str = self.value;
  const test = chars === null ? (c: string): boolean => /\s/.test(c) : (c: string): boolean => chars.includes(c);
  let a = 0;
  let b = str.length;
  if (left) while (a < b && test(str[a]!)) a++;
  if (right) while (b > a && test(str[b - 1]!)) b--;
  return unicodeSubstring(self, a, b);
}

/** unicode_result_unchanged: the string itself if it is an exact str, else an exact copy. */
function unchanged(self: PyObject): PyStr {
  return self.ob_type === StrType ? incref(self as PyStr) : newStr(s(self));
}

const LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

/**
 * stringlib split / rsplit hand back the string itself when nothing was split off: with a
 * separator when none was found (or maxsplit is 0), on whitespace when the string has none.
 */
function unsplit(v: string, sep: string | null, maxsplit: number): boolean {
  if (sep !== null) return maxsplit === 0 || !v.includes(sep);
  return maxsplit !== 0 && v.length > 0 && !/\s/.test(v);
}

/**
 * _PyUnicode_JoinArray: one exact str is returned as it is; otherwise a new string, even of
 * one character (PyUnicode_New, not the 1-char cache). Shared by str.join and BUILD_STRING.
 */
export function joinArray(items: readonly PyObject[], joined: string): PyStr {
  if (items.length === 1 && items[0]!.ob_type === StrType) return incref(items[0] as PyStr);
  return unicodeNew(joined);
}

function sliceArgs(str: string, args: Args, from: number): [number, number] {
  const len = str.length;
  const norm = (o: PyObject | undefined, d: number): number => {
    if (o === undefined || o === None) return d;
    let v = Number(indexValue(o));
    if (v < 0) v = Math.max(0, v + len);
    return Math.min(v, len);
  };
  return [norm(args[from], 0), norm(args[from + 1], len)];
}

function countSub(str: string, sub: string, start: number, end: number): number {
  const hay = str.slice(start, end);
  if (sub === '') return hay.length + 1;
  let n = 0;
  let i = 0;
  for (;;) {
    const j = hay.indexOf(sub, i);
    if (j < 0) return n;
    n++;
    i = j + sub.length;
  }
}

function affix(self: PyObject, args: Args, name: string, test: (h: string, p: string) => boolean): PyObject {
  argCount(name, args, 1, 3);
  const str = s(self);
  const [a, b] = sliceArgs(str, args, 1);
  const hay = str.slice(a, b);
  const p = args[0]!;
  if (p instanceof PyTuple) {
    for (const x of p.items) if (test(hay, needStr(x, 'tuple for ' + name + ' must only contain str, not ' + typeName(x) + ' and'))) return pyBool(true);
    return pyBool(false);
  }
  if (!(p instanceof PyStr)) raise(TypeError, `${name} first arg must be str or a tuple of str, not ${typeName(p)}`);
  return pyBool(test(hay, p.value));
}

const methods: Record<string, MethodImpl> = {
  // The case methods always build a new string (case_operation), even of one character.
  upper: (self) => unicodeNew(s(self).toUpperCase()),
  lower: (self) => unicodeNew(s(self).toLowerCase()),
  casefold: (self) => unicodeNew(s(self).toLowerCase()),
  swapcase: (self) => unicodeNew(Array.from(s(self), (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('')),
  capitalize: (self) => {
    const v = s(self);
    return unicodeNew(v.length === 0 ? v : v[0]!.toUpperCase() + v.slice(1).toLowerCase());
  },
  title: (self) => unicodeNew(s(self).toLowerCase().replace(/(^|[^a-zA-Z])([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase())),
  strip: (self, args) => stripChars(self as PyStr, optStr(args[0]), true, true),
  lstrip: (self, args) => stripChars(self as PyStr, optStr(args[0]), true, false),
  rstrip: (self, args) => stripChars(self as PyStr, optStr(args[0]), false, true),
  split: (self, args, kw) => {
    const a = kwArgs(args, kw, ['sep', 'maxsplit']);
    const sep = optStr(a[0]);
    const max = a[1] === undefined ? -1 : Number((a[1] as PyInt).value);
    return splitResult(pySplit(s(self), sep, max), self, unsplit(s(self), sep, max));
  },
  rsplit: (self, args, kw) => {
    const a = kwArgs(args, kw, ['sep', 'maxsplit']);
    const sep = optStr(a[0]);
    const max = a[1] === undefined ? -1 : Number((a[1] as PyInt).value);
    return splitResult(pyRsplit(s(self), sep, max), self, unsplit(s(self), sep, max));
  },
  splitlines: (self) => {
    const v = s(self);
    const parts = v.split(LINE_BREAK);
    if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
    return splitResult(parts, self, v.length > 0 && parts.length === 1 && parts[0] === v);
  },
  join: (self, args) => {
    argCount('join', args, 1, 1);
    const items = iterToArray(args[0]!);
    try {
      const parts: string[] = [];
      for (let i = 0; i < items.length; i++) {
        const x = items[i]!;
        if (!(x instanceof PyStr)) raise(TypeError, `sequence item ${i}: expected str instance, ${typeName(x)} found`);
        parts.push(x.value);
      }
      return joinArray(items, parts.join(s(self)));
    } finally {
      for (const x of items) decref(x);
    }
  },
  replace: (self, args) => {
    argCount('replace', args, 2, 3);
    const old = needStr(args[0]!, 'replace() argument 1');
    const nu = needStr(args[1]!, 'replace() argument 2');
    const count = args[2] === undefined ? -1 : Number((args[2] as PyInt).value);
    const v = s(self);
    let out: string;
    if (count < 0) out = old === '' ? nu + Array.from(v).join(nu) + (v.length ? nu : '') : v.split(old).join(nu);
    else {
      out = v;
      let from = 0;
      for (let i = 0; i < count; i++) {
        const j = out.indexOf(old, from);
        if (j < 0) break;
        out = out.slice(0, j) + nu + out.slice(j + old.length);
        from = j + nu.length;
      }
    }
    // replace() hands back the string itself when nothing was replaced ("nothing:"), else a new one.
    const nothing = count === 0 || !v.includes(old) || args[0] === args[1];
    if (nothing && self.ob_type === StrType) return incref(self);
    return nothing ? newStr(out) : unicodeNew(out);
  },
  find: (self, args) => {
    argCount('find', args, 1, 3);
    const v = s(self);
    const [a, b] = sliceArgs(v, args, 1);
    const i = v.slice(0, b).indexOf(needStr(args[0]!, 'must be str'), a);
    return newInt(i);
  },
  rfind: (self, args) => {
    argCount('rfind', args, 1, 3);
    const v = s(self);
    const [a, b] = sliceArgs(v, args, 1);
    const sub = needStr(args[0]!, 'must be str');
    const i = v.slice(0, b).lastIndexOf(sub);
    return newInt(i >= a ? i : -1);
  },
  index: (self, args) => {
    argCount('index', args, 1, 3);
    const v = s(self);
    const [a, b] = sliceArgs(v, args, 1);
    const i = v.slice(0, b).indexOf(needStr(args[0]!, 'must be str'), a);
    if (i < 0) raise(ValueError, 'substring not found');
    return newInt(i);
  },
  count: (self, args) => {
    argCount('count', args, 1, 3);
    const v = s(self);
    const [a, b] = sliceArgs(v, args, 1);
    return newInt(countSub(v, needStr(args[0]!, 'must be str'), a, b));
  },
  startswith: (self, args) => affix(self, args, 'startswith', (h, p) => h.startsWith(p)),
  endswith: (self, args) => affix(self, args, 'endswith', (h, p) => h.endsWith(p)),
  isdigit: (self) => pyBool(s(self).length > 0 && /^\p{Nd}+$/u.test(s(self))),
  isdecimal: (self) => pyBool(s(self).length > 0 && /^\p{Nd}+$/u.test(s(self))),
  isnumeric: (self) => pyBool(s(self).length > 0 && /^\p{N}+$/u.test(s(self))),
  isalpha: (self) => pyBool(s(self).length > 0 && /^\p{L}+$/u.test(s(self))),
  isalnum: (self) => pyBool(s(self).length > 0 && /^[\p{L}\p{N}]+$/u.test(s(self))),
  isspace: (self) => pyBool(s(self).length > 0 && /^\s+$/.test(s(self))),
  isupper: (self) => pyBool(/\p{Lu}/u.test(s(self)) && !/\p{Ll}/u.test(s(self))),
  islower: (self) => pyBool(/\p{Ll}/u.test(s(self)) && !/\p{Lu}/u.test(s(self))),
  isidentifier: (self) => pyBool(/^[\p{L}_][\p{L}\p{N}_]*$/u.test(s(self))),
  istitle: (self) => pyBool(/[A-Z]/.test(s(self)) && s(self) === s(self).toLowerCase().replace(/(^|[^a-zA-Z])([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase())),
  zfill: (self, args) => {
    const w = Number((args[0] as PyInt).value);
    const v = s(self);
    if (v.length >= w) return self.ob_type === StrType ? incref(self) : newStr(v);
    const sign = v[0] === '-' || v[0] === '+' ? v[0] : '';
    return newStr(sign + '0'.repeat(w - v.length) + v.slice(sign.length));
  },
  center: (self, args) => justify(self, args, 'center'),
  ljust: (self, args) => justify(self, args, 'ljust'),
  rjust: (self, args) => justify(self, args, 'rjust'),
  // stringlib partition: the pieces around a found separator, the separator object itself;
  // not found, the string itself and two empty strings.
  partition: (self, args) => {
    const v = s(self);
    const sep = needStr(args[0]!, 'must be str');
    const i = v.indexOf(sep);
    if (i < 0) return newTuple([incref(self), newStr(''), newStr('')]);
    return newTuple([newStr(v.slice(0, i)), incref(args[0]!), newStr(v.slice(i + sep.length))]);
  },
  rpartition: (self, args) => {
    const v = s(self);
    const sep = needStr(args[0]!, 'must be str');
    const i = v.lastIndexOf(sep);
    if (i < 0) return newTuple([newStr(''), newStr(''), incref(self)]);
    return newTuple([newStr(v.slice(0, i)), incref(args[0]!), newStr(v.slice(i + sep.length))]);
  },
  format: (self, args, kw) => strFormat(self as PyStr, args, kw),
  removeprefix: (self, args) => {
    const v = s(self);
    const p = needStr(args[0]!, 'removeprefix() argument');
    return v.startsWith(p) && p.length > 0 ? newStr(v.slice(p.length)) : incref(self);
  },
  removesuffix: (self, args) => {
    const v = s(self);
    const p = needStr(args[0]!, 'removesuffix() argument');
    return v.endsWith(p) && p.length > 0 ? newStr(v.slice(0, v.length - p.length)) : incref(self);
  },
  expandtabs: (self) => (s(self).includes('\t') ? unicodeNew(s(self).replace(/\t/g, '        ')) : unchanged(self)),
  __len__: (self) => newInt((self as PyStr).length),
};
defineMethods(StrType, methods);

function justify(self: PyObject, args: Args, how: 'center' | 'ljust' | 'rjust'): PyObject {
  argCount(how, args, 1, 2);
  const w = Number((args[0] as PyInt).value);
  const fill = args[1] === undefined ? ' ' : needStr(args[1], 'fill character');
  const v = s(self);
  const len = (self as PyStr).length;
  if (len >= w) return self.ob_type === StrType ? incref(self) : newStr(v);
  const total = w - len;
  if (how === 'ljust') return newStr(v + fill.repeat(total));
  if (how === 'rjust') return newStr(fill.repeat(total) + v);
  // CPython's centering puts the extra space on the left when the width is odd and len even.
  const left = Math.floor(total / 2) + (total & w & 1);
  return newStr(fill.repeat(left) + v + fill.repeat(total - left));
}

/** Map positional and keyword arguments to named parameters. */
export function kwArgs(args: Args, kwnames: readonly string[] | null, names: readonly string[]): (PyObject | undefined)[] {
  const npos = args.length - (kwnames?.length ?? 0);
  const out: (PyObject | undefined)[] = new Array(names.length).fill(undefined);
  for (let i = 0; i < npos; i++) out[i] = args[i];
  if (kwnames !== null) {
    kwnames.forEach((k, j) => {
      const idx = names.indexOf(k);
      if (idx < 0) raise(TypeError, `'${k}' is an invalid keyword argument`);
      out[idx] = args[npos + j];
    });
  }
  return out;
}

/** str.format (build_string): over-allocating until the last piece of the format string. */
function strFormat(fmtObj: PyStr, args: Args, kwnames: readonly string[] | null): PyStr {
  const w = new UnicodeWriter(true);
  try {
    formatInto(w, fmtObj.value, fmtObj, args, kwnames, { auto: 0 });
    return w.finish();
  } finally {
    w.dealloc();
  }
}

/**
 * output_markup for every piece of `fmt`. `fmtObj` is the format string's object when it is
 * the whole string (not a nested spec): text spanning all of it is written as that object.
 */
function formatInto(w: UnicodeWriter, fmt: string, fmtObj: PyStr | null, args: Args, kwnames: readonly string[] | null, counter: { auto: number }): void {
  const npos = args.length - (kwnames?.length ?? 0);
  let out = '';
  let escaped = false;
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i]!;
    if (c === '{') {
      if (fmt[i + 1] === '{') {
        out += '{';
        escaped = true;
        i += 2;
        continue;
      }
      w.write(out);
      out = '';
      let depth = 1;
      let j = i + 1;
      while (j < fmt.length && depth > 0) {
        if (fmt[j] === '{') depth++;
        else if (fmt[j] === '}') depth--;
        if (depth > 0) j++;
      }
      if (j >= fmt.length) raise(ValueError, "Single '{' encountered in format string");
      const field = fmt.slice(i + 1, j);
      i = j + 1;
      const m = /^([^.[!:]*)((?:\.[^.[!:]+|\[[^\]]*\])*)(?:!([rsa]))?(?::(.*))?$/s.exec(field);
      if (m === null) raise(ValueError, 'invalid format field');
      const [, name, chain, conv, specRaw] = m;
      let obj: PyObject;
      if (name === '') {
        if (counter.auto >= npos) raise(IndexError, `Replacement index ${counter.auto} out of range for positional args tuple`);
        obj = incref(args[counter.auto++]!);
      } else if (/^\d+$/.test(name!)) {
        const k = parseInt(name!, 10);
        if (k >= npos) raise(IndexError, `Replacement index ${k} out of range for positional args tuple`);
        obj = incref(args[k]!);
      } else {
        const k = kwnames?.indexOf(name!) ?? -1;
        if (k < 0) raise(KeyErrorType(), name!);
        obj = incref(args[npos + k]!);
      }
      for (const part of chain!.match(/\.[^.[]+|\[[^\]]*\]/g) ?? []) {
        let next: PyObject;
        if (part[0] === '.') next = getAttr(obj, part.slice(1));
        else {
          const key = part.slice(1, -1);
          const ko = /^\d+$/.test(key) ? newInt(parseInt(key, 10)) : newStr(key);
          next = getItem(obj, ko);
          decref(ko);
        }
        decref(obj);
        obj = next;
      }
      try {
        let spec = '';
        if (specRaw !== undefined) {
          const sw = new UnicodeWriter(false);
          try {
            formatInto(sw, specRaw, null, args, kwnames, counter);
            const so = sw.finish();
            spec = so.value;
            decref(so);
          } finally {
            sw.dealloc();
          }
        }
        if (conv !== undefined) {
          const converted = conv === 's' ? str(obj) : repr(obj);
          decref(obj);
          obj = converted;
        }
        // The field that ends the format string is written without over-allocation.
        if (i === fmt.length) w.overallocate = false;
        renderField(w, obj, spec);
      } finally {
        decref(obj);
      }
      continue;
    }
    if (c === '}') {
      if (fmt[i + 1] === '}') {
        out += '}';
        escaped = true;
        i += 2;
        continue;
      }
      raise(ValueError, "Single '}' encountered in format string");
    }
    out += c;
    i++;
  }
  if (out.length === 0) return;
  w.overallocate = false;
  if (fmtObj !== null && !escaped && out.length === fmt.length) w.writeStr(fmtObj);
  else w.write(out);
}

import { KeyError } from '../objects/exceptions';
function KeyErrorType(): PyType {
  return KeyError;
}

export { PyDict };
