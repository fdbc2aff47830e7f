// The format-spec mini-language (Python/formatter_unicode.c) and printf-style `%`
// formatting (Objects/unicodeobject.c's PyUnicode_Format), for f-strings, format(),
// str.format and `'%d' % x`.

import { PyObject, incref, decref } from '../objects/object';
import { PyInt, big, BoolType, IntType } from '../objects/int';
import { PyFloat, FloatType, floatRepr } from '../objects/float';
import { PyStr, StrType } from '../objects/str';
import { UnicodeWriter } from './writer';
import { PyTuple } from '../objects/tuple';
import { PyDict, dictGet } from '../objects/dict';
import { raise, ValueError, TypeError, KeyError } from '../objects/exceptions';
import { str, repr, typeName, lookupAttr, callObject } from '../abstract';
import { newStr } from '../objects/str';
import { typeLookup } from '../objects/type';

interface Spec {
  fill: string;
  align: string;
  sign: string;
  alt: boolean;
  zero: boolean;
  width: number;
  grouping: string;
  precision: number;
  type: string;
  /** The spec spelled a sign / an alignment (strings refuse both, and '=' in particular). */
  signGiven: boolean;
  alignGiven: boolean;
}

/** parse_internal_render_format_spec; `defaultType` is the type's own ('d' int, 's' str, '' float). */
function parseSpec(spec: string, defaultType: string): Spec {
  const m = /^(?:(.)?([<>=^]))?([+\- ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([a-zA-Z%])?$/su.exec(spec);
  if (m === null) raise(ValueError, 'Invalid format specifier');
  const type = m[9] ?? defaultType;
  if (m[7] !== undefined && !'defgEGF%'.includes(type) && !(m[7] === '_' && 'boxX'.includes(type))) {
    raise(ValueError, `Cannot specify '${m[7]}' with '${type}'.`);
  }
  return {
    fill: m[1] ?? (m[5] ? '0' : ' '),
    align: m[2] ?? (m[5] ? '=' : ''),
    sign: m[3] ?? '-',
    alt: m[4] !== undefined,
    zero: m[5] !== undefined,
    width: m[6] !== undefined ? parseInt(m[6], 10) : 0,
    grouping: m[7] ?? '',
    precision: m[8] !== undefined ? parseInt(m[8], 10) : -1,
    type: m[9] ?? '',
    signGiven: m[3] !== undefined,
    alignGiven: m[2] !== undefined,
  };
}

function group(digits: string, sep: string, every = 3): string {
  if (sep === '') return digits;
  let out = '';
  let n = 0;
  for (let i = digits.length - 1; i >= 0; i--) {
    out = digits[i] + out;
    if (++n % every === 0 && i > 0) out = sep + out;
  }
  return out;
}

function pad(body: string, sign: string, s: Spec, defaultAlign: string): string {
  const align = s.align || defaultAlign;
  const len = Array.from(sign + body).length;
  if (len >= s.width) return sign + body;
  const fill = s.fill.repeat(s.width - len);
  switch (align) {
    case '<':
      return sign + body + fill;
    case '^': {
      const half = Math.floor((s.width - len) / 2);
      return s.fill.repeat(half) + sign + body + s.fill.repeat(s.width - len - half);
    }
    case '=':
      return sign + fill + body;
    default:
      return fill + sign + body;
  }
}

function signOf(neg: boolean, s: Spec): string {
  return neg ? '-' : s.sign === '+' ? '+' : s.sign === ' ' ? ' ' : '';
}

export function formatInt(v: bigint, s: Spec): string {
  const neg = v < 0n;
  const a = neg ? -v : v;
  let digits: string;
  let prefix = '';
  switch (s.type) {
    case 'b':
      digits = a.toString(2);
      prefix = s.alt ? '0b' : '';
      break;
    case 'o':
      digits = a.toString(8);
      prefix = s.alt ? '0o' : '';
      break;
    case 'x':
      digits = a.toString(16);
      prefix = s.alt ? '0x' : '';
      break;
    case 'X':
      digits = a.toString(16).toUpperCase();
      prefix = s.alt ? '0X' : '';
      break;
    case 'c':
      return pad(String.fromCodePoint(Number(a)), '', s, '<');
    case '':
    case 'd':
    case 'n':
      digits = a.toString();
      break;
    default:
      return formatFloat(Number(v), s);
  }
  if (s.grouping) digits = group(digits, s.grouping, s.type === 'd' || s.type === '' || s.type === 'n' ? 3 : 4);
  if (s.zero && s.align === '=' && s.width > 0 && s.grouping) {
    // zero padding takes part in grouping
    const sign = signOf(neg, s) + prefix;
    while (sign.length + digits.length < s.width) {
      digits = (digits.replace(/[,_]/g, '').length % 3 === 0 && s.grouping ? '0' + s.grouping : '0') + digits;
    }
    return sign + digits;
  }
  return pad(digits, signOf(neg, s) + prefix, s, '>');
}

/**
 * The exact decimal expansion of a finite double >= 0 (every double is a dyadic rational):
 * integer digits and fraction digits without trailing zeros.
 */
function exactDecimal(a: number): { int: string; frac: string } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, a);
  const hi = view.getUint32(0);
  const expBits = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(view.getUint32(4));
  let e = -1074;
  if (expBits !== 0) {
    mant |= 1n << 52n;
    e = expBits - 1075;
  }
  if (e >= 0) return { int: (mant << BigInt(e)).toString(), frac: '' };
  const k = -e;
  const digits = (mant * 5n ** BigInt(k)).toString().padStart(k + 1, '0');
  return { int: digits.slice(0, -k), frac: digits.slice(-k).replace(/0+$/, '') };
}

/** `digits` (an integer's decimal digits) plus the dropped `rest`, rounded half to even (as dtoa does). */
function roundHalfEven(digits: string, rest: string): bigint {
  const n = BigInt(digits === '' ? '0' : digits);
  const first = rest[0] ?? '0';
  if (first > '5' || (first === '5' && (/[1-9]/.test(rest.slice(1)) || n % 2n === 1n))) return n + 1n;
  return n;
}

/** 'f' formatting of a >= 0 with `prec` digits after the point, correctly rounded. */
function toFixed(a: number, prec: number, alt = false): string {
  const { int, frac } = exactDecimal(a);
  const n = roundHalfEven(int + frac.slice(0, prec).padEnd(prec, '0'), frac.slice(prec));
  const s = n.toString().padStart(prec + 1, '0');
  return prec > 0 ? s.slice(0, -prec) + '.' + s.slice(-prec) : alt ? s + '.' : s;
}

/** a > 0 rounded to `sig` significant digits: the digits and the decimal exponent of the first. */
function significant(a: number, sig: number): [string, number] {
  const { int, frac } = exactDecimal(a);
  const all = int + frac;
  const lead = all.search(/[1-9]/);
  let exp = int.length - 1 - lead;
  const d = all.slice(lead);
  let s = roundHalfEven(d.slice(0, sig).padEnd(sig, '0'), d.slice(sig)).toString();
  if (s.length > sig) {
    s = s.slice(0, sig);
    exp++;
  }
  return [s, exp];
}

function expForm(a: number, prec: number, upper: boolean, alt = false): string {
  const [d, exp] = a === 0 ? ['0'.repeat(prec + 1), 0] : significant(a, prec + 1);
  const mant = d[0]! + (prec > 0 || alt ? '.' : '') + d.slice(1);
  const s = `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  return upper ? s.toUpperCase() : s;
}

/** 'g' formatting: %g rules with precision p (significant digits). */
function gForm(x: number, prec: number, alt: boolean, upper: boolean): string {
  const p = prec === 0 ? 1 : prec;
  if (x === 0) return alt ? '0.' + '0'.repeat(p - 1) : '0';
  const exp = significant(x, p)[1];
  let s: string;
  if (exp >= -4 && exp < p) {
    s = toFixed(x, p - 1 - exp);
    if (!alt && s.includes('.')) s = s.replace(/\.?0+$/, '');
  } else {
    s = expForm(x, p - 1, upper);
    if (!alt) s = s.replace(/\.?0+e/, 'e').replace(/\.?0+E/, 'E');
  }
  return s;
}

export function formatFloat(x: number, s: Spec): string {
  const neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  let body: string;
  const t = s.type;
  if (!Number.isFinite(a)) {
    body = Number.isNaN(a) ? 'nan' : 'inf';
    if (t === 'F' || t === 'E' || t === 'G') body = body.toUpperCase();
    return pad(body, signOf(neg && !Number.isNaN(a), s), s, '>');
  }
  const prec = s.precision;
  switch (t) {
    case 'f':
    case 'F':
      body = toFixed(a, prec < 0 ? 6 : prec, s.alt);
      break;
    case 'e':
    case 'E':
      body = expForm(a, prec < 0 ? 6 : prec, t === 'E', s.alt);
      break;
    case '%':
      body = toFixed(a * 100, prec < 0 ? 6 : prec, s.alt) + '%';
      break;
    case 'g':
    case 'G':
    case 'n':
      body = gForm(a, prec < 0 ? 6 : prec, s.alt, t === 'G');
      break;
    case '':
      if (prec < 0) body = floatRepr(a);
      else {
        body = gForm(a, prec, s.alt, false);
        if (!/[.e]/.test(body) && !/inf|nan/.test(body)) {
          // '' type with precision keeps at least one digit after the point only via repr rules
        }
      }
      break;
    default:
      raise(ValueError, `Unknown format code '${t}' for object of type 'float'`);
  }
  if (s.grouping) {
    // Only the integer digits are grouped (not an exponent: format(1e20, ',') is '1e+20').
    const ip = /^\d*/.exec(body)![0];
    body = group(ip, s.grouping) + body.slice(ip.length);
  }
  return pad(body, signOf(neg, s), s, '>');
}

function formatStr(v: string, s: Spec): string {
  if (s.type !== '' && s.type !== 's') raise(ValueError, `Unknown format code '${s.type}' for object of type 'str'`);
  if (s.signGiven) raise(ValueError, 'Sign not allowed in string format specifier');
  if (s.alt) raise(ValueError, 'Alternate form (#) not allowed in string format specifier');
  if (s.alignGiven && s.align === '=') raise(ValueError, "'=' alignment not allowed in string format specifier");
  // A leading 0 pads with zeros but keeps a string's own alignment (left).
  if (!s.alignGiven && s.zero) s = { ...s, align: '<' };
  const body = s.precision >= 0 ? Array.from(v).slice(0, s.precision).join('') : v;
  return pad(body, '', s, '<');
}

/** The text format(value, spec) gives for an int, float or str (their __format__). */
export function formatValue(v: PyInt | PyFloat | PyStr, spec: string): string {
  if (v instanceof PyInt) {
    if (spec === '') return v.ob_type === BoolType ? (v.value === 1 ? 'True' : 'False') : String(v.value);
    const s = parseSpec(spec, 'd');
    if (s.type === 's') raise(ValueError, `Unknown format code 's' for object of type '${typeName(v)}'`);
    if (s.precision >= 0 && 'bcdoxXn'.includes(s.type) ) raise(ValueError, 'Precision not allowed in integer format specifier');
    if (s.precision >= 0 && s.type === '') raise(ValueError, 'Precision not allowed in integer format specifier');
    return formatInt(big(v.value), s);
  }
  if (v instanceof PyFloat) {
    if (spec === '') return floatRepr(v.value);
    const s = parseSpec(spec, '');
    if ('bcdoxX'.includes(s.type) && s.type !== '') raise(ValueError, `Unknown format code '${s.type}' for object of type 'float'`);
    return formatFloat(v.value, s);
  }
  if (spec === '') return v.value;
  return formatStr(v.value, parseSpec(spec, 's'));
}

/**
 * PyObject_Format: an exact str with an empty spec is itself, an exact int str(int) (a new
 * string); otherwise the type's __format__. str.__format__ keeps the string when the spec
 * leaves it unchanged (its writer's readonly shortcut); int/float.__format__ with an empty
 * spec give str(v) (format_obj); object.__format__ accepts only an empty spec.
 */
export function formatObject(v: PyObject, spec: string): PyStr {
  if (spec === '' && v.ob_type === StrType) return incref(v as PyStr);
  if (spec === '' && v.ob_type === IntType) return str(v);
  const userFormat = v.ob_type.isHeapType ? typeLookup(v.ob_type, '__format__') : null;
  if (userFormat !== null) {
    const m = lookupAttr(v, '__format__')!;
    const arg = newStr(spec);
    try {
      const r = callObject(m, [arg]);
      if (!(r instanceof PyStr)) {
        const n = typeName(r);
        decref(r);
        raise(TypeError, `__format__ must return a str, not ${n}`);
      }
      return r;
    } finally {
      decref(arg);
      decref(m);
    }
  }
  if (v instanceof PyStr) {
    const text = formatValue(v, spec);
    return text === v.value ? incref(v) : newStr(text);
  }
  if (v instanceof PyInt || v instanceof PyFloat) return spec === '' ? str(v) : newStr(formatValue(v, spec));
  if (spec !== '') raise(TypeError, `unsupported format string passed to ${typeName(v)}.__format__`);
  return str(v);
}

/**
 * render_field (Objects/stringlib/unicode_format.h): exact str, int and float are formatted
 * straight into the writer; anything else through PyObject_Format.
 */
export function renderField(w: UnicodeWriter, v: PyObject, spec: string): void {
  if (v.ob_type === StrType) {
    const text = formatValue(v as PyStr, spec);
    if (text === (v as PyStr).value) w.writeStr(v as PyStr);
    else w.write(text);
    return;
  }
  if (v.ob_type === IntType || v.ob_type === FloatType) {
    w.write(formatValue(v as PyInt | PyFloat, spec));
    return;
  }
  const r = formatObject(v, spec);
  try {
    w.writeStr(r);
  } finally {
    decref(r);
  }
}

/** printf-style formatting: `fmt % args` (PyUnicode_Format). */
export function percentFormat(fmtObj: PyStr, args: PyObject): PyStr {
  const w = new UnicodeWriter(true);
  try {
    percentFormatInto(w, fmtObj, args);
    return w.finish();
  } finally {
    w.dealloc();
  }
}

function percentFormatInto(w: UnicodeWriter, fmtObj: PyStr, args: PyObject): void {
  const fmt = fmtObj.value;
  const items: PyObject[] = args instanceof PyTuple ? args.items : [args];
  const mapping = args instanceof PyDict ? args : null;
  let idx = 0;
  const next = (): PyObject => {
    if (idx >= items.length) raise(TypeError, 'not enough arguments for format string');
    return items[idx++]!;
  };
  const re = /%(?:\(([^)]*)\))?([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([diouxXeEfFgGcrsa%])/gy;
  let last = 0;
  for (;;) {
    const pos = fmt.indexOf('%', last);
    if (pos < 0) {
      // The last run of text: written without over-allocation, so a format string with no
      // conversions at all comes back as itself.
      w.overallocate = false;
      if (last === 0) w.writeStr(fmtObj);
      else w.write(fmt.slice(last));
      break;
    }
    w.write(fmt.slice(last, pos));
    re.lastIndex = pos;
    const m = re.exec(fmt);
    if (m === null) {
      const c = fmt[pos + 1];
      if (c === undefined) raise(ValueError, 'incomplete format');
      raise(ValueError, `unsupported format character '${c}' (0x${c.charCodeAt(0).toString(16)}) at index ${pos + 1}`);
    }
    last = re.lastIndex;
    const [, key, flags, widthS, precS, conv] = m;
    if (conv === '%') {
      w.write('%');
      continue;
    }
    if (last === fmt.length) w.overallocate = false;
    // A '*' width or precision takes its argument before the value's.
    const width = widthS === '*' ? Number((next() as PyInt).value) : widthS ? parseInt(widthS, 10) : 0;
    const prec = precS === '*' ? Number((next() as PyInt).value) : precS !== undefined ? parseInt(precS, 10) : -1;
    let v: PyObject;
    if (key !== undefined) {
      if (mapping === null) raise(TypeError, 'format requires a mapping');
      const k = newStr(key);
      const got = dictGet(mapping, k);
      decref(k);
      if (got === null) raise(KeyError, key);
      v = got;
    } else v = next();
    const left = flags!.includes('-');
    const zero = flags!.includes('0') && !left;
    const plus = flags!.includes('+') ? '+' : flags!.includes(' ') ? ' ' : '-';
    const spec: Spec = { fill: zero ? '0' : ' ', align: left ? '<' : zero ? '=' : '>', sign: plus, alt: flags!.includes('#'), zero, width, grouping: '', precision: prec, type: '', signGiven: plus !== '-', alignGiven: left };
    let piece: string;
    switch (conv) {
      case 's':
      case 'r':
      case 'a': {
        // unicode_format_arg_format's fast path writes an exact int's digits straight in.
        if (v.ob_type === IntType && widthS === undefined && precS === undefined) {
          piece = String((v as PyInt).value);
          break;
        }
        const so = conv === 's' ? str(v) : repr(v);
        try {
          // unicode_format_arg_output's fast path writes the str object itself.
          const len = so.length;
          if ((widthS === undefined || width <= len) && (prec < 0 || prec >= len) && !/[+ ]/.test(flags!)) {
            w.writeStr(so);
            continue;
          }
          piece = prec >= 0 ? Array.from(so.value).slice(0, prec).join('') : so.value;
        } finally {
          decref(so);
        }
        piece = pad(piece, '', { ...spec, fill: ' ', align: left ? '<' : '>' }, '>');
        break;
      }
      case 'd':
      case 'i':
      case 'u': {
        let iv: bigint;
        if (v instanceof PyInt) iv = big(v.value);
        else if (v instanceof PyFloat) iv = BigInt(Math.trunc(v.value));
        else raise(TypeError, `%${conv} format: a real number is required, not ${typeName(v)}`);
        piece = formatInt(iv, { ...spec, type: 'd', precision: -1 });
        break;
      }
      case 'x':
      case 'X':
      case 'o': {
        if (!(v instanceof PyInt)) raise(TypeError, `%${conv} format: an integer is required, not ${typeName(v)}`);
        piece = formatInt(big(v.value), { ...spec, type: conv, precision: -1 });
        break;
      }
      case 'c':
        piece = v instanceof PyStr ? v.value : String.fromCodePoint(Number((v as PyInt).value));
        break;
      default: {
        let x: number;
        if (v instanceof PyFloat) x = v.value;
        else if (v instanceof PyInt) x = Number(v.value);
        else raise(TypeError, `must be real number, not ${typeName(v)}`);
        piece = formatFloat(x, { ...spec, type: conv!, precision: prec < 0 ? 6 : prec });
      }
    }
    w.write(piece);
  }
  if (mapping === null && idx < items.length && !(args instanceof PyTuple && items.length === 0)) {
    raise(TypeError, 'not all arguments converted during string formatting');
  }
}
