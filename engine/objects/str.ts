// str (Objects/unicodeobject.c): values, the 1-character latin-1 cache, the empty-string
// singleton, and the interning table.
//
// Interning: the compiler interns constants made only of name characters (all_name_chars)
// and every identifier; sys.intern interns anything. On 3.12 interned strings are immortal;
// on 3.10, 3.11 and 3.13 the table's own references are not counted (ob_refcnt excludes them)
// and a string leaves the table when it dies.

import { PyObject, incref, traceShared, heap } from './object';
import { PyType } from './type';
import { profile } from '../profile';

export class PyStr extends PyObject {
  /** Length in code points. */
  readonly length: number;
  /** Largest code point class: 1 latin-1, 2 UCS-2, 4 UCS-4 (PyUnicode_KIND). */
  readonly kind: 1 | 2 | 4;
  readonly ascii: boolean;
  interned = false;
  hashCache: bigint | null = null;

  constructor(readonly value: string) {
    super(StrType);
    let max = 0;
    let astral = 0;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c > max) max = c;
      if (c >= 0xd800 && c <= 0xdbff) astral++;
    }
    this.length = value.length - astral;
    this.ascii = max < 128;
    this.kind = astral > 0 ? 4 : max < 256 ? 1 : 2;
  }

  shortRepr(): string {
    return strRepr(this.value.length > 60 ? this.value.slice(0, 57) + '...' : this.value);
  }

  release(): void {
    uninternOnDeath(this);
  }

  /** Code points, for indexing strings with astral characters. */
  codePoints(): string[] {
    return Array.from(this.value);
  }
}

export const StrType = new PyType({ name: 'str', basicsize: 64, itemsize: 1, subclassable: true });

export const emptyStr = new PyStr('');
const latin1: PyStr[] = [];
for (let i = 0; i < 256; i++) latin1.push(new PyStr(String.fromCharCode(i)));

/** 1-character _Py_ID global strings: static, distinct from the 1-char cache (profile). */
const globalIdentifiers = new Map<string, PyStr>();
for (let i = 0; i < 128; i++) {
  const c = String.fromCharCode(i);
  if (allNameChars(c)) globalIdentifiers.set(c, new PyStr(c));
}

/** The per-run interned table (interp->cached_objects.interned_strings). */
export const interned = new Map<string, PyStr>();

/**
 * Static strings that are interned from the start: '', the 1-char cache, and (3.11, 3.12) the
 * _Py_ID global strings, which take the place of the cached 1-char string in the table.
 */
export function resetInterned(): void {
  interned.clear();
  interned.set('', emptyStr);
  emptyStr.interned = true;
  const ids = profile().globalIdentifierChars;
  for (const s of latin1) {
    const own = ids.includes(s.value);
    s.interned = !own;
    interned.set(s.value, own ? globalIdentifiers.get(s.value)! : s);
  }
  for (const s of globalIdentifiers.values()) s.interned = ids.includes(s.value);
  const staticInterned = profile().boolRepr === 'static interned';
  for (const s of boolIds) {
    s.interned = staticInterned;
    if (staticInterned) interned.set(s.value, s);
  }
  boolFromId[0] = boolFromId[1] = null;
}

/** PyUnicode_FromString: a new reference; '' and 1-char latin-1 strings are shared singletons. */
export function newStr(s: string): PyStr {
  if (s.length <= 1) {
    if (s.length === 0) return sharedSingleton(emptyStr);
    const c = s.charCodeAt(0);
    if (c < 256) return sharedSingleton(latin1[c]!);
  }
  return allocHook(new PyStr(s));
}

/**
 * PyUnicode_New + copy: a string object of its own even for one latin-1 character (what
 * str(int), the case methods, replace and join build); only '' is the shared empty string.
 */
export function unicodeNew(s: string): PyStr {
  if (s.length === 0) return sharedSingleton(emptyStr);
  return allocHook(new PyStr(s));
}

/** PyUnicode_Substring: the string itself when the range covers all of an exact str. */
export function unicodeSubstring(o: PyStr, start: number, end: number): PyStr {
  if (start === 0 && end === o.value.length && o.ob_type === StrType) return incref(o);
  return newStr(o.value.slice(start, end));
}

/** _Py_ID(False) / _Py_ID(True): the static strings bool's repr returns on 3.11+. */
const boolIds: readonly [PyStr, PyStr] = [new PyStr('False'), new PyStr('True')];
/** 3.10's _PyUnicode_FromId cache: the interned 'False' / 'True', made on first use. */
const boolFromId: [PyStr | null, PyStr | null] = [null, null];

/** bool_repr: the same str object every time (profile().boolRepr says which). */
export function boolRepr(value: 0 | 1): PyStr {
  if (profile().boolRepr !== 'interned on first use') return incref(boolIds[value]);
  let cached = boolFromId[value];
  if (cached === null) cached = boolFromId[value] = internInPlace(unicodeNew(value === 1 ? 'True' : 'False'));
  return incref(cached);
}

function sharedSingleton(o: PyStr): PyStr {
  if (heap.events !== null) traceShared(o, 'singleton');
  return incref(o);
}

let allocHook: (o: PyStr) => PyStr = (o) => o;
export function setStrAllocHook(f: (o: PyStr) => PyStr): void {
  allocHook = f;
}

/**
 * PyUnicode_InternInPlace: returns the interned string equal to `s` (a new reference),
 * consuming the caller's reference to `s`.
 */
export function internInPlace(s: PyStr): PyStr {
  if (s.interned) return s;
  const existing = interned.get(s.value);
  if (existing !== undefined) {
    if (heap.events !== null) traceShared(existing, 'interned');
    incref(existing);
    decrefStr(s);
    return existing;
  }
  interned.set(s.value, s);
  s.interned = true;
  const p = profile();
  // The first interning of a word CPython's start-up already holds stands for that object.
  if (p.internedImmortal || p.startupStrImmortal.has(s.value)) s.immortal = true;
  else s.ob_refcnt += p.startupStrExcess.get(s.value) ?? 0;
  return s;
}

let decrefStr: (s: PyStr) => void = () => {};
export function setStrDecref(f: (s: PyStr) => void): void {
  decrefStr = f;
}

/** Called when an interned mortal string dies: it leaves the table. */
export function uninternOnDeath(s: PyStr): void {
  if (s.interned && interned.get(s.value) === s) interned.delete(s.value);
}

/** all_name_chars in Objects/codeobject.c: what the compiler interns among str constants. */
export function allNameChars(s: string): boolean {
  return /^[A-Za-z0-9_]*$/.test(s);
}

export function isStr(o: PyObject): o is PyStr {
  return o instanceof PyStr;
}

// ---- repr (unicode_repr) ----

function isPrintable(cp: number): boolean {
  // Py_UNICODE_ISPRINTABLE: not in categories Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs (space is printable).
  if (cp === 0x20) return true;
  if (cp < 0x20 || cp === 0x7f) return false;
  if (cp < 0x7f) return true;
  const ch = String.fromCodePoint(cp);
  return !/[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u.test(ch);
}

export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\t') out += '\\t';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x7f) out += ch;
    else if (isPrintable(cp)) out += ch;
    else if (cp <= 0xff) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp <= 0xffff) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + quote;
}

/** sys.getsizeof of a str (unicode_sizeof), from the profile's header sizes. */
export function strSizeof(s: PyStr): number {
  const p = profile();
  if (s.ascii) return p.sizeofStrAsciiBase + s.length;
  // 'é' is the cached latin-1 singleton; on 3.12+ it carries its 2-byte UTF-8 form (+ NUL).
  if (s.length === 1 && s.kind === 1 && p.latin1SingletonUtf8 && s.isStatic) return p.sizeofStrCompactBase + 2 + 3;
  return p.sizeofStrCompactBase + (s.length + 1) * s.kind;
}
