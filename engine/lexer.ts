// The lexer: source text to tokens, after CPython's Parser/tokenizer.c.
//
// It mirrors the parts of CPython's tokenizer a student can trip over: indentation is
// measured with tabs to multiples of 8 and checked again with tabs as 1 (TabError when
// the two disagree), blank and comment-only lines produce no tokens, newlines inside
// brackets are ignored, and a backslash joins lines. One pass, no backtracking, so the
// time is linear in the source length.

import { PySyntaxError, UnsupportedError } from './errors';
import type { FStringField, FStringLiteral, FStringPart, NumberValue, Token, TokenKind } from './token';

/** The source after CPython's own clean-up (BOM dropped, every newline made `\n`), with a line index. */
export class SourceText {
  readonly text: string;
  private readonly lineStarts: number[] = [0];
  /** Lines holding astral characters, whose columns need counting in code points. */
  private readonly astralLines = new Set<number>();
  private hintLine = 1;

  constructor(raw: string) {
    let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
    const nul = text.indexOf('\0');
    this.text = text;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.lineStarts.push(i + 1);
      else if (c >= 0xd800 && c <= 0xdbff) this.astralLines.add(this.lineStarts.length);
    }
    if (nul >= 0) {
      const p = this.pos(nul);
      throw new PySyntaxError('SyntaxError', 'source code cannot contain null bytes', p.line, p.col);
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  lineOf(offset: number): number {
    const starts = this.lineStarts;
    const h = this.hintLine;
    if (offset >= starts[h - 1]! && (h >= starts.length || offset < starts[h]!)) return h;
    if (h < starts.length && offset >= starts[h]! && (h + 1 >= starts.length || offset < starts[h + 1]!)) {
      this.hintLine = h + 1;
      return h + 1;
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.hintLine = lo + 1;
    return lo + 1;
  }

  /** 1-based line and 1-based code-point column of an offset. */
  pos(offset: number): { line: number; col: number } {
    const line = this.lineOf(offset);
    return { line, col: this.colOf(offset, line) };
  }

  /** 1-based code-point column of an offset on a known line. */
  colOf(offset: number, line: number): number {
    const start = this.lineStarts[line - 1]!;
    let col = offset - start + 1;
    if (this.astralLines.size > 0 && this.astralLines.has(line)) {
      for (let i = start; i < offset; i++) {
        const c = this.text.charCodeAt(i);
        if (c >= 0xdc00 && c <= 0xdfff) col--;
      }
    }
    return col;
  }

  lineText(line: number): string {
    const start = this.lineStarts[line - 1]!;
    const next = this.lineStarts[line];
    return this.text.slice(start, next === undefined ? this.text.length : next - 1);
  }
}

export function tokenize(source: SourceText | string): Token[] {
  const src = typeof source === 'string' ? new SourceText(source) : source;
  return new Lexer(src, 0, src.text.length, false).run();
}

/**
 * Tokens of an f-string replacement field's expression, lexed in place so positions are
 * real source positions. Like CPython, the field behaves as if inside parentheses:
 * newlines are insignificant and no NEWLINE/INDENT tokens appear.
 */
export function tokenizeRegion(src: SourceText, start: number, end: number): Token[] {
  return new Lexer(src, start, end, true).run();
}

const OPERATORS = [
  '**=', '//=', '>>=', '<<=', '...',
  '**', '//', '>>', '<<', '<=', '>=', '==', '!=', '->', ':=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '@=',
  '<>', // a token only so that the error points where CPython's does (PEP 401)
  ...'+-*/%@&|^~<>()[]{},:.;=!',
];
/** Operators by first character, longest first, so the longest match wins without slicing the source. */
const OPERATORS_BY_FIRST_CHAR = new Map<string, string[]>();
for (const op of OPERATORS) {
  const list = OPERATORS_BY_FIRST_CHAR.get(op[0]!) ?? [];
  list.push(op);
  list.sort((a, b) => b.length - a.length);
  OPERATORS_BY_FIRST_CHAR.set(op[0]!, list);
}
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
const STRING_PREFIXES = new Set(['r', 'u', 'f', 'b', 'br', 'rb', 'fr', 'rf']);

const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
const ID_START = /[\p{XID_Start}_]/u;
const ID_CONTINUE = /[\p{XID_Continue}]/u;

function isAsciiIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

type TokenExtra = Partial<Pick<Token, 'text' | 'number' | 'prefix' | 'str' | 'fparts'>>;

interface OpenBracket {
  readonly char: string;
  readonly offset: number;
}

class Lexer {
  private readonly text: string;
  private i: number;
  private readonly tokens: Token[] = [];
  private readonly brackets: OpenBracket[] = [];
  private readonly indents: number[] = [0];
  private readonly altIndents: number[] = [0];
  private atLineStart: boolean;
  /** Whether the current logical line has produced a token yet. */
  private lineHasTokens = false;

  constructor(
    private readonly src: SourceText,
    start: number,
    private readonly end: number,
    private readonly region: boolean,
  ) {
    this.text = src.text;
    this.i = start;
    this.atLineStart = !region;
  }

  error(msg: string, offset: number, type: 'SyntaxError' | 'IndentationError' = 'SyntaxError'): PySyntaxError {
    const p = this.src.pos(offset);
    return new PySyntaxError(type, msg, p.line, p.col);
  }

  unsupported(what: string, offset: number): UnsupportedError {
    const p = this.src.pos(offset);
    return new UnsupportedError(what, p.line, p.col);
  }

  /** Every token gets the same fields in the same order, so V8 keeps one object shape for all of them. */
  private push(kind: TokenKind, start: number, end: number, extra?: TokenExtra): void {
    const line = this.src.lineOf(start);
    const col = this.src.colOf(start, line);
    const endLine = end > start ? this.src.lineOf(end - 1) : line;
    this.tokens.push({
      kind,
      text: extra?.text ?? this.text.slice(start, end),
      start,
      end,
      line,
      col,
      endLine,
      // A replacement field is read as if inside parentheses, as CPython does.
      level: this.brackets.length + (this.region ? 1 : 0),
      number: extra?.number,
      prefix: extra?.prefix,
      str: extra?.str,
      fparts: extra?.fparts,
    });
    if (kind !== 'NEWLINE' && kind !== 'INDENT' && kind !== 'DEDENT') this.lineHasTokens = true;
  }

  run(): Token[] {
    const text = this.text;
    while (true) {
      if (this.atLineStart) {
        if (this.readIndentation()) break;
        continue;
      }
      // Whitespace between tokens.
      let c = text.charCodeAt(this.i);
      while (this.i < this.end && (c === 32 || c === 9 || c === 12)) c = text.charCodeAt(++this.i);
      if (this.i >= this.end) break;
      const start = this.i;
      if (c === 35 /* # */) {
        while (this.i < this.end && text.charCodeAt(this.i) !== 10) this.i++;
        continue;
      }
      if (c === 10) {
        this.i++;
        if (this.brackets.length === 0 && !this.region) {
          if (this.lineHasTokens) this.push('NEWLINE', start, start + 1);
          this.lineHasTokens = false;
          this.atLineStart = true;
        }
        continue;
      }
      if (c === 92 /* \ */) {
        if (this.i + 1 >= this.end) throw this.error('unexpected EOF while parsing', start);
        if (text.charCodeAt(this.i + 1) !== 10) throw this.error('unexpected character after line continuation character', start + 1);
        this.i += 2;
        if (this.i >= this.end && !this.region) throw this.error('unexpected EOF while parsing', this.i - 1);
        continue;
      }
      if (isAsciiIdStart(c) || (c >= 128 && this.isIdStartAt(this.i))) {
        this.readNameOrString();
        continue;
      }
      if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(this.i + 1)))) {
        this.readNumber();
        continue;
      }
      if (c === 39 || c === 34) {
        this.readString(start, start, '');
        continue;
      }
      this.readOperator();
    }
    this.finish();
    return this.tokens;
  }

  /** Measures a new line's indentation; returns true at end of input. */
  private readIndentation(): boolean {
    const text = this.text;
    let col = 0;
    let altCol = 0;
    while (this.i < this.end) {
      const c = text.charCodeAt(this.i);
      if (c === 32) {
        col++;
        altCol++;
      } else if (c === 9) {
        col = (Math.floor(col / 8) + 1) * 8;
        altCol++;
      } else if (c === 12) {
        col = altCol = 0;
      } else break;
      this.i++;
    }
    if (this.i >= this.end) return true;
    const c = text.charCodeAt(this.i);
    if (c === 35 || c === 10) {
      // Blank or comment-only lines do not count for indentation.
      while (this.i < this.end && text.charCodeAt(this.i) !== 10) this.i++;
      if (this.i < this.end) this.i++;
      return false;
    }
    this.atLineStart = false;
    const top = this.indents[this.indents.length - 1]!;
    const altTop = this.altIndents[this.altIndents.length - 1]!;
    if (col === top) {
      if (altCol !== altTop) throw this.tabError();
    } else if (col > top) {
      if (altCol <= altTop) throw this.tabError();
      // CPython's tokenizer MAXINDENT.
      if (this.indents.length >= 100) throw this.error('too many levels of indentation', this.i, 'IndentationError');
      this.indents.push(col);
      this.altIndents.push(altCol);
      this.push('INDENT', this.i, this.i);
    } else {
      while (this.indents.length > 1 && col < this.indents[this.indents.length - 1]!) {
        this.indents.pop();
        this.altIndents.pop();
        this.push('DEDENT', this.i, this.i);
      }
      if (col !== this.indents[this.indents.length - 1]!) {
        // CPython reports this at the end of the offending line.
        const line = this.src.lineOf(this.i);
        throw new PySyntaxError('IndentationError', 'unindent does not match any outer indentation level', line, [...this.src.lineText(line)].length + 1);
      }
      if (altCol !== this.altIndents[this.altIndents.length - 1]!) throw this.tabError();
    }
    return false;
  }

  private tabError(): PySyntaxError {
    // TabError is a subclass of IndentationError in CPython; CPython reports it at column 1.
    const line = this.src.lineOf(this.i);
    return new PySyntaxError('IndentationError', 'inconsistent use of tabs and spaces in indentation', line, 1);
  }

  private finish(): void {
    if (this.brackets.length > 0) {
      const open = this.brackets[this.brackets.length - 1]!;
      throw this.error(`'${open.char}' was never closed`, open.offset);
    }
    if (this.region) {
      this.push('ENDMARKER', this.end, this.end);
      return;
    }
    // CPython places end-of-input at the file's last newline, so errors there name the last line.
    const eof = this.end > 0 && this.text.charCodeAt(this.end - 1) === 10 ? this.end - 1 : this.end;
    if (this.lineHasTokens) this.push('NEWLINE', eof, eof);
    while (this.indents.length > 1) {
      this.indents.pop();
      this.push('DEDENT', eof, eof);
    }
    this.push('ENDMARKER', eof, eof);
  }

  private isIdStartAt(i: number): boolean {
    const cp = this.text.codePointAt(i)!;
    return ID_START.test(String.fromCodePoint(cp));
  }

  private readNameOrString(): void {
    const text = this.text;
    const start = this.i;
    let ascii = true;
    while (this.i < this.end) {
      const c = text.charCodeAt(this.i);
      if (isAsciiIdStart(c) || isDigit(c)) {
        this.i++;
      } else if (c >= 128) {
        const cp = text.codePointAt(this.i)!;
        const ch = String.fromCodePoint(cp);
        if (!ID_CONTINUE.test(ch)) break;
        ascii = false;
        this.i += ch.length;
      } else break;
    }
    const word = text.slice(start, this.i);
    const next = text.charCodeAt(this.i);
    if ((next === 39 || next === 34) && word.length <= 2 && STRING_PREFIXES.has(word.toLowerCase())) {
      this.readString(start, this.i, word.toLowerCase());
      return;
    }
    if (this.i < this.end && text.charCodeAt(this.i) >= 128 && !ID_CONTINUE.test(String.fromCodePoint(text.codePointAt(this.i)!))) {
      throw this.invalidCharacter(this.i);
    }
    // CPython normalises identifiers to NFKC (PEP 3131).
    this.push('NAME', start, this.i, ascii ? undefined : { text: word.normalize('NFKC') });
  }

  invalidCharacter(offset: number): PySyntaxError {
    const cp = this.text.codePointAt(offset)!;
    const ch = String.fromCodePoint(cp);
    const hex = cp.toString(16).toUpperCase().padStart(4, '0');
    // Python's str.isprintable(): a pasted no-break space is the usual culprit.
    if (NON_PRINTABLE.test(ch)) return this.error(`invalid non-printable character U+${hex}`, offset);
    return this.error(`invalid character '${ch}' (U+${hex})`, offset);
  }

  private readNumber(): void {
    const text = this.text;
    const start = this.i;
    const c0 = text.charCodeAt(start);
    const c1 = text.charCodeAt(start + 1) | 0x20;
    if (c0 === 48 && (c1 === 120 || c1 === 111 || c1 === 98)) {
      const [name, ok] =
        c1 === 120 ? (['hexadecimal', isHexDigit] as const) : c1 === 111 ? (['octal', (c: number) => c >= 48 && c <= 55] as const) : (['binary', (c: number) => c === 48 || c === 49] as const);
      this.i += 2;
      let digits = 0;
      while (this.i < this.end) {
        const c = text.charCodeAt(this.i);
        if (c === 95) {
          if (!ok(text.charCodeAt(this.i + 1))) throw this.error(`invalid ${name} literal`, this.i);
          this.i++;
        } else if (ok(c)) {
          this.i++;
          digits++;
        } else break;
      }
      const after = text.charCodeAt(this.i);
      if (isDigit(after) && c1 !== 120) {
        throw this.error(`invalid digit '${String.fromCharCode(after)}' in ${name} literal`, this.i);
      }
      // CPython points at the last character it accepted.
      if (digits === 0) throw this.error(`invalid ${name} literal`, this.i - 1);
      if (isDigit(text.charCodeAt(this.i)) || isAsciiIdStart(text.charCodeAt(this.i))) {
        throw this.error(`invalid ${name} literal`, this.i - 1);
      }
      const body = text.slice(start + 2, this.i).replace(/_/g, '');
      this.pushNumber(start, { type: 'int', value: BigInt('0' + String.fromCharCode(c1) + body) });
      return;
    }
    let isFloat = false;
    if (c0 !== 46) this.readDecimalDigits();
    if (text.charCodeAt(this.i) === 46) {
      isFloat = true;
      this.i++;
      if (isDigit(text.charCodeAt(this.i))) this.readDecimalDigits();
    }
    const e = text.charCodeAt(this.i) | 0x20;
    if (e === 101) {
      let j = this.i + 1;
      const sign = text.charCodeAt(j);
      if (sign === 43 || sign === 45) j++;
      if (isDigit(text.charCodeAt(j))) {
        this.i = j;
        this.readDecimalDigits();
        isFloat = true;
      } else {
        throw this.error('invalid decimal literal', start);
      }
    }
    if ((text.charCodeAt(this.i) | 0x20) === 106) {
      throw this.unsupported('complex numbers', start);
    }
    let literal = text.slice(start, this.i);
    if (literal.includes('_')) literal = literal.replace(/_/g, '');
    if (isFloat) {
      this.pushNumber(start, { type: 'float', value: Number(literal) });
      return;
    }
    if (literal.length > 1 && literal.charCodeAt(0) === 48 && /[1-9]/.test(literal)) {
      throw this.error('leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers', start);
    }
    this.pushNumber(start, { type: 'int', value: BigInt(literal) });
  }

  private readDecimalDigits(): void {
    const text = this.text;
    while (this.i < this.end) {
      const c = text.charCodeAt(this.i);
      if (isDigit(c)) this.i++;
      else if (c === 95) {
        if (!isDigit(text.charCodeAt(this.i + 1))) throw this.error('invalid decimal literal', this.i);
        this.i++;
      } else break;
    }
  }

  private pushNumber(start: number, number: NumberValue): void {
    const next = this.text.charCodeAt(this.i);
    if (this.i < this.end && (isAsciiIdStart(next) || (next >= 128 && this.isIdStartAt(this.i)))) {
      // `1if x else y` is accepted by CPython with a warning, but `1abc` is not; keep it simple and strict
      // only where CPython is: a following keyword is allowed.
      const rest = /^[A-Za-z_]\w*/.exec(this.text.slice(this.i, this.i + 16))?.[0] ?? '';
      if (!['and', 'else', 'for', 'if', 'in', 'is', 'not', 'or'].includes(rest)) {
        throw this.error('invalid decimal literal', this.i);
      }
    }
    this.push('NUMBER', start, this.i, { number });
  }

  /** Reads a string literal whose prefix starts at `start` and whose opening quote is at `quoteAt`. */
  private readString(start: number, quoteAt: number, prefix: string): void {
    const text = this.text;
    const q = text[quoteAt]!;
    const triple = text[quoteAt + 1] === q && text[quoteAt + 2] === q;
    const bodyStart = quoteAt + (triple ? 3 : 1);
    const raw = prefix.includes('r');
    if (prefix.includes('b')) throw this.unsupported('bytes literals', start);
    if (prefix.includes('f')) {
      const scanner = new FStringScanner(this, text, q, triple, raw, start);
      const { parts, end } = scanner.scanParts(bodyStart, false, 0);
      this.i = end + (triple ? 3 : 1);
      this.push('STRING', start, this.i, { prefix, fparts: parts });
      return;
    }
    let i = bodyStart;
    while (true) {
      if (i >= this.end) throw this.unterminated(start, triple);
      const c = text.charCodeAt(i);
      if (c === 92) {
        i += 2;
        continue;
      }
      if (c === 10 && !triple) throw this.unterminated(start, false);
      if (text[i] === q && (!triple || (text[i + 1] === q && text[i + 2] === q))) break;
      i++;
    }
    const value = raw ? text.slice(bodyStart, i) : this.decodeEscapes(bodyStart, i);
    this.i = i + (triple ? 3 : 1);
    this.push('STRING', start, this.i, { prefix, str: value });
  }

  unterminated(start: number, triple: boolean): PySyntaxError {
    const detected = this.src.lineOf(Math.max(0, Math.min(this.end, this.text.length) - (this.end > 0 && this.text[this.end - 1] === '\n' ? 1 : 0)));
    if (triple) return this.error(`unterminated triple-quoted string literal (detected at line ${detected})`, start);
    // A single-quoted string stops at its own line.
    const line = this.src.lineOf(start);
    return this.error(`unterminated string literal (detected at line ${line})`, start);
  }

  /** Decodes backslash escapes in text[from, to), as CPython's `_PyUnicode_DecodeUnicodeEscapeInternal`. */
  decodeEscapes(from: number, to: number): string {
    const text = this.text;
    let out = '';
    let run = from;
    let i = from;
    while (i < to) {
      if (text.charCodeAt(i) !== 92) {
        i++;
        continue;
      }
      out += text.slice(run, i);
      if (i + 1 >= to) {
        // A lone trailing backslash (only possible before `{` in an f-string) stays as written.
        out += '\\';
        i++;
        run = i;
        continue;
      }
      const e = text[i + 1]!;
      i += 2;
      switch (e) {
        case '\n':
          break;
        case '\\':
        case "'":
        case '"':
          out += e;
          break;
        case 'a':
          out += '\x07';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'v':
          out += '\v';
          break;
        case 'x':
        case 'u':
        case 'U': {
          const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
          const hex = text.slice(i, i + n);
          if (hex.length < n || i + n > to || !/^[0-9a-fA-F]+$/.test(hex)) {
            const kind = e === 'x' ? '\\xXX' : e === 'u' ? '\\uXXXX' : '\\UXXXXXXXX';
            throw this.error(`(unicode error) 'unicodeescape' codec can't decode bytes: truncated ${kind} escape`, i - 2);
          }
          const cp = parseInt(hex, 16);
          if (cp > 0x10ffff) throw this.error(`(unicode error) 'unicodeescape' codec can't decode bytes: illegal Unicode character`, i - 2);
          out += codePointToString(cp);
          i += n;
          break;
        }
        case 'N':
          throw this.unsupported('\\N{...} escapes in strings', i - 2);
        default:
          if (e >= '0' && e <= '7') {
            let j = i - 1;
            let v = 0;
            while (j < to && j < i + 2 && text[j]! >= '0' && text[j]! <= '7') v = v * 8 + (text.charCodeAt(j++) - 48);
            out += String.fromCharCode(v);
            i = j;
          } else {
            // Unknown escapes keep their backslash (CPython warns, then does the same).
            out += '\\' + e;
          }
      }
      run = i;
    }
    return out + text.slice(run, to);
  }

  private readOperator(): void {
    const text = this.text;
    const start = this.i;
    const op = OPERATORS_BY_FIRST_CHAR.get(text[start]!)?.find((o) => text.startsWith(o, start));
    if (op === undefined) {
      const c = text.charCodeAt(start);
      if (c >= 128 || c < 32 || c === 127) throw this.invalidCharacter(start);
      throw this.error('invalid syntax', start);
    }
    if (op === '(' || op === '[' || op === '{') {
      // CPython's tokenizer MAXLEVEL; it also keeps our recursive-descent parser off the JS stack limit.
      if (this.brackets.length >= 200) throw this.error('too many nested parentheses', start);
      this.brackets.push({ char: op, offset: start });
    } else if (op === ')' || op === ']' || op === '}') {
      const open = this.brackets.pop();
      if (open === undefined) throw this.error(`unmatched '${op}'`, start);
      if (open.char !== CLOSERS[op]) {
        const openLine = this.src.lineOf(open.offset);
        const here = this.src.lineOf(start);
        const where = openLine === here ? '' : ` on line ${openLine}`;
        throw this.error(`closing parenthesis '${op}' does not match opening parenthesis '${open.char}'${where}`, start);
      }
    }
    this.i = start + op.length;
    this.push('OP', start, this.i, { text: op });
  }
}

function codePointToString(cp: number): string {
  // Lone surrogates are legal in Python strings; fromCodePoint would reject nothing, but be explicit.
  return cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
}

/**
 * Splits an f-string body into literal text and replacement fields, following the rules
 * every version from 3.10 to 3.13 accepts. What only 3.12+ accepts (PEP 701: the
 * enclosing quote, backslashes or comments inside a field) is refused as unsupported,
 * since the same program would be a SyntaxError on 3.10 and 3.11.
 */
class FStringScanner {
  constructor(
    private readonly lexer: Lexer,
    private readonly text: string,
    private readonly q: string,
    private readonly triple: boolean,
    private readonly raw: boolean,
    private readonly tokenStart: number,
  ) {}

  private err(msg: string, offset: number): PySyntaxError {
    return this.lexer.error(msg, offset);
  }

  private unsupported(what: string, offset: number): UnsupportedError {
    return this.lexer.unsupported(what, offset);
  }

  private atClosingQuote(i: number): boolean {
    const t = this.text;
    return t[i] === this.q && (!this.triple || (t[i + 1] === this.q && t[i + 2] === this.q));
  }

  /**
   * Scans literal text and fields from `i` until the closing quote (top level) or the `}`
   * ending a format spec (`inSpec`). Returns the parts and the index of that terminator.
   */
  scanParts(i: number, inSpec: boolean, depth: number): { parts: FStringPart[]; end: number } {
    const text = this.text;
    const parts: FStringPart[] = [];
    let literal = '';
    let literalStart = -1;
    let segStart = i;
    const addSegment = (from: number, to: number): void => {
      if (to <= from) return;
      if (literalStart < 0) literalStart = from;
      literal += this.raw ? text.slice(from, to) : this.lexer.decodeEscapes(from, to);
    };
    const flush = (): void => {
      if (literal !== '') parts.push({ kind: 'literal', value: literal, start: literalStart } satisfies FStringLiteral);
      literal = '';
      literalStart = -1;
    };
    while (true) {
      if (i >= text.length) throw this.lexer.unterminated(this.tokenStart, this.triple);
      if (this.atClosingQuote(i)) {
        if (inSpec) throw this.err("f-string: expecting '}'", i);
        addSegment(segStart, i);
        flush();
        return { parts, end: i };
      }
      const c = text[i]!;
      if (c === '\n' && !this.triple) throw this.lexer.unterminated(this.tokenStart, false);
      if (c === '\\') {
        const n = text[i + 1];
        if (n === '{' || n === '}') i += 1;
        else if (!this.raw && n === 'N' && text[i + 2] === '{') throw this.unsupported('\\N{...} escapes in strings', i);
        else i += 2;
        continue;
      }
      if (c === '{') {
        if (!inSpec && text[i + 1] === '{') {
          addSegment(segStart, i + 1);
          i += 2;
          segStart = i;
          continue;
        }
        addSegment(segStart, i);
        flush();
        const field = this.scanField(i, depth + 1);
        parts.push(field.field);
        i = field.end;
        segStart = i;
        continue;
      }
      if (c === '}') {
        if (inSpec) {
          addSegment(segStart, i);
          flush();
          return { parts, end: i };
        }
        if (text[i + 1] === '}') {
          addSegment(segStart, i + 1);
          i += 2;
          segStart = i;
          continue;
        }
        throw this.err("f-string: single '}' is not allowed", i);
      }
      i++;
    }
  }

  /** Scans `{expr[=][!c][:spec]}` starting at the `{`; returns the field and the index after `}`. */
  private scanField(open: number, depth: number): { field: FStringField; end: number } {
    const text = this.text;
    if (depth > 2) throw this.err('f-string: expressions nested too deeply', open);
    const exprStart = open + 1;
    let i = exprStart;
    let brackets = 0;
    let debug = false;
    while (true) {
      if (i >= text.length) throw this.lexer.unterminated(this.tokenStart, this.triple);
      if (this.atClosingQuote(i)) throw this.quoteInField(i);
      const c = text[i]!;
      if (c === '\\') throw this.unsupported('backslashes inside f-string replacement fields (Python 3.12+ only)', i);
      if (c === '#') throw this.unsupported('comments inside f-string replacement fields (Python 3.12+ only)', i);
      if (c === '\n' && !this.triple) {
        // 3.12+ lets a field span lines even in a single-quoted f-string (PEP 701); 3.10 and 3.11 do not.
        if (text.includes('}' + this.q, i)) throw this.unsupported("line breaks inside a single-quoted f-string's replacement field (Python 3.12+ only)", i);
        throw this.lexer.unterminated(this.tokenStart, false);
      }
      if (c === "'" || c === '"') {
        i = this.skipNestedString(i);
        continue;
      }
      if (c === '(' || c === '[' || c === '{') brackets++;
      else if (c === ')' || c === ']') {
        if (brackets === 0) throw this.err(`f-string: unmatched '${c}'`, i);
        brackets--;
      } else if (c === '}') {
        if (brackets === 0) break;
        brackets--;
      } else if (brackets === 0) {
        if (c === '!' && text[i + 1] !== '=') break;
        if (c === ':') break;
        if (c === '=') {
          const prev = text[i - 1];
          if (text[i + 1] === '=' ) {
            i += 2;
            continue;
          }
          if (prev !== '=' && prev !== '!' && prev !== '<' && prev !== '>') {
            debug = true;
            break;
          }
        }
        if (c === '!' && text[i + 1] === '=') {
          i += 2;
          continue;
        }
      }
      i++;
    }
    const exprEnd = i;
    if (text.slice(exprStart, exprEnd).trim() === '') {
      throw this.err(`f-string: valid expression required before '${text[i]}'`, i);
    }
    let debugText: string | null = null;
    if (debug) {
      i++;
      while (text[i] === ' ' || text[i] === '\t' || (this.triple && text[i] === '\n')) i++;
      debugText = text.slice(exprStart, i);
    }
    let conversion = -1;
    if (text[i] === '!') {
      const ch = text[i + 1];
      if (ch === undefined || this.atClosingQuote(i + 1) || ch === '}' || ch === ':') {
        throw this.err('f-string: missing conversion character', i + 1);
      }
      if (ch !== 's' && ch !== 'r' && ch !== 'a') {
        throw this.err(`f-string: invalid conversion character '${ch}': expected 's', 'r', or 'a'`, i + 1);
      }
      if (text[i + 2] !== ':' && text[i + 2] !== '}') throw this.err("f-string: expecting ':' or '}'", i + 2);
      conversion = ch.charCodeAt(0);
      i += 2;
    }
    let spec: FStringPart[] | null = null;
    let specStart = -1;
    if (text[i] === ':') {
      specStart = i;
      const scanned = this.scanParts(i + 1, true, depth);
      spec = scanned.parts;
      i = scanned.end;
    }
    if (text[i] !== '}') {
      if (i >= text.length || this.atClosingQuote(i)) throw this.err("f-string: expecting '}'", i);
      throw this.err("f-string: expecting '}'", i);
    }
    if (debugText !== null && conversion === -1 && spec === null) conversion = 'r'.charCodeAt(0);
    return { field: { kind: 'field', start: open, exprStart, exprEnd, debugText, conversion, specStart, spec }, end: i + 1 };
  }

  /**
   * The enclosing quote inside a field: on 3.10/3.11 it ends the f-string (leaving the
   * field open: a SyntaxError); on 3.12+ it may open a nested string (PEP 701). When the
   * quote reappears later on the line, the 3.12 reading is plausible, so refuse rather than guess.
   */
  private quoteInField(i: number): Error {
    const text = this.text;
    const lineEnd = text.indexOf('\n', i);
    const rest = text.slice(i + (this.triple ? 3 : 1), lineEnd < 0 ? text.length : lineEnd);
    if (rest.includes(this.q)) {
      return this.unsupported("reusing the f-string's own quote inside a replacement field (Python 3.12+ only)", i);
    }
    return this.err("f-string: expecting '}'", i);
  }

  /** Skips a string literal nested inside a field (a different quote, or a single quote in a triple-quoted f-string). */
  private skipNestedString(i: number): number {
    const text = this.text;
    const q = text[i]!;
    const triple = text[i + 1] === q && text[i + 2] === q;
    let j = i + (triple ? 3 : 1);
    while (true) {
      if (j >= text.length || this.atClosingQuote(j)) throw this.lexer.unterminated(this.tokenStart, this.triple);
      const c = text[j]!;
      if (c === '\\') throw this.unsupported('backslashes inside f-string replacement fields (Python 3.12+ only)', j);
      if (c === '\n' && !triple && !this.triple) throw this.lexer.unterminated(this.tokenStart, false);
      if (c === q && (!triple || (text[j + 1] === q && text[j + 2] === q))) return j + (triple ? 3 : 1);
      j++;
    }
  }
}
