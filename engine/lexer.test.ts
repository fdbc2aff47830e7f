// The lexer on its own: token streams, literal values and CPython's tokenizer errors.
// Values asserted here are Python's definitions (0x_ff is 255, '\x41' is 'A'); whole
// trees and error texts are compared with CPython itself in tests/parser/.

import { describe, expect, it } from 'vitest';
import { PySyntaxError, UnsupportedError } from './errors';
import { SourceText, tokenize, tokenizeRegion } from './lexer';
import type { FStringField, Token } from './token';

function kinds(src: string): string[] {
  return tokenize(src).map((t) => (t.kind === 'OP' || t.kind === 'NAME' ? t.text : t.kind));
}

function only(src: string, kind: Token['kind']): Token {
  const found = tokenize(src).filter((t) => t.kind === kind);
  expect(found).toHaveLength(1);
  return found[0]!;
}

function syntaxError(src: string): PySyntaxError {
  try {
    tokenize(src);
  } catch (e) {
    if (e instanceof PySyntaxError) return e;
    throw e;
  }
  throw new Error(`no error for ${JSON.stringify(src)}`);
}

describe('layout', () => {
  it('emits INDENT and DEDENT around blocks, one NEWLINE per logical line', () => {
    expect(kinds('if a:\n    b\n    if c:\n        d\ne\n')).toEqual([
      'if', 'a', ':', 'NEWLINE', 'INDENT', 'b', 'NEWLINE', 'if', 'c', ':', 'NEWLINE', 'INDENT', 'd', 'NEWLINE',
      'DEDENT', 'DEDENT', 'e', 'NEWLINE', 'ENDMARKER',
    ]);
  });

  it('ignores blank lines, comment lines and their indentation', () => {
    expect(kinds('a\n\n   \n      # comment\n\t\nb  # trailing\n')).toEqual(['a', 'NEWLINE', 'b', 'NEWLINE', 'ENDMARKER']);
  });

  it('ignores newlines inside brackets and after a backslash', () => {
    expect(kinds('x = (1,\n  2)\ny = 1 + \\\n  2\n')).toEqual([
      'x', '=', '(', 'NUMBER', ',', 'NUMBER', ')', 'NEWLINE', 'y', '=', 'NUMBER', '+', 'NUMBER', 'NEWLINE', 'ENDMARKER',
    ]);
  });

  it('closes open blocks at the end of input, with or without a final newline', () => {
    expect(kinds('if a:\n  b')).toEqual(['if', 'a', ':', 'NEWLINE', 'INDENT', 'b', 'NEWLINE', 'DEDENT', 'ENDMARKER']);
  });

  it('treats CRLF and CR like LF', () => {
    expect(kinds('a\r\nb\rc\n')).toEqual(['a', 'NEWLINE', 'b', 'NEWLINE', 'c', 'NEWLINE', 'ENDMARKER']);
  });

  it('measures tabs to multiples of 8 and rejects indentation that depends on the tab size', () => {
    expect(kinds('if a:\n\tb\n\tc\n')).toContain('INDENT');
    const e = syntaxError('if a:\n        b\n\tc\n');
    expect(e.pyType).toBe('IndentationError');
    expect(e.msg).toBe('inconsistent use of tabs and spaces in indentation');
  });

  it('rejects a dedent to a column no outer block used', () => {
    const e = syntaxError('if a:\n    b\n  c\n');
    expect(e).toMatchObject({ pyType: 'IndentationError', msg: 'unindent does not match any outer indentation level', line: 3 });
  });

  it('matches brackets', () => {
    expect(syntaxError('x = (1, 2\n')).toMatchObject({ msg: "'(' was never closed", line: 1, col: 5 });
    expect(syntaxError('x = 1)\n')).toMatchObject({ msg: "unmatched ')'", line: 1, col: 6 });
    expect(syntaxError('x = [1)\n').msg).toBe("closing parenthesis ')' does not match opening parenthesis '['");
  });

  it('counts columns in code points, 1-based', () => {
    const toks = tokenize("s = '😀'; t = x\n");
    const t = toks.find((x) => x.text === 't')!;
    expect([t.line, t.col]).toEqual([1, 10]);
  });

  it('normalises identifiers to NFKC, as PEP 3131 says', () => {
    expect(only('ﬁ\n', 'NAME').text).toBe('fi');
  });
});

describe('numbers', () => {
  const value = (src: string): unknown => only(src + '\n', 'NUMBER').number;

  it('reads integers of any size in every base as bigint', () => {
    expect(value('0')).toEqual({ type: 'int', value: 0n });
    expect(value('1_000_000')).toEqual({ type: 'int', value: 1000000n });
    expect(value('0x_ff')).toEqual({ type: 'int', value: 255n });
    expect(value('0O17')).toEqual({ type: 'int', value: 15n });
    expect(value('0b1010')).toEqual({ type: 'int', value: 10n });
    expect(value('123456789012345678901234567890')).toEqual({ type: 'int', value: 123456789012345678901234567890n });
  });

  it('reads floats in every spelling', () => {
    expect(value('1.')).toEqual({ type: 'float', value: 1 });
    expect(value('.5')).toEqual({ type: 'float', value: 0.5 });
    expect(value('1e3')).toEqual({ type: 'float', value: 1000 });
    expect(value('1_0.2_5E-1')).toEqual({ type: 'float', value: 1.025 });
    expect(value('09.5')).toEqual({ type: 'float', value: 9.5 });
  });

  it('rejects malformed numbers', () => {
    expect(syntaxError('x = 012\n').msg).toMatch(/^leading zeros/);
    expect(syntaxError('x = 1__0\n').msg).toBe('invalid decimal literal');
    expect(syntaxError('x = 0b12\n').msg).toBe("invalid digit '2' in binary literal");
  });

  it('refuses complex literals', () => {
    expect(() => tokenize('x = 2j\n')).toThrow(UnsupportedError);
  });
});

describe('strings', () => {
  const str = (src: string): string | undefined => only(src + '\n', 'STRING').str;

  it('decodes escapes', () => {
    expect(str(String.raw`'a\nb\t\\\'\"\x41\u00e9\U0001F600\101\0'`)).toBe('a\nb\t\\\'"A\u00e9\u{1F600}A\0');
    expect(str(String.raw`'\q'`)).toBe('\\q');
    expect(str("'a\\\nb'")).toBe('ab');
  });

  it('keeps raw strings as written', () => {
    expect(str(String.raw`r'\n\''`)).toBe(String.raw`\n\'`);
  });

  it('reads triple-quoted strings across lines', () => {
    const t = only('"""a\n"b"\n"""\n', 'STRING');
    expect(t.str).toBe('a\n"b"\n');
    expect([t.line, t.endLine]).toEqual([1, 3]);
  });

  it('reports unterminated strings where they start', () => {
    expect(syntaxError('x = "abc\n')).toMatchObject({ msg: 'unterminated string literal (detected at line 1)', line: 1, col: 5 });
    expect(syntaxError('x = """abc\n').msg).toMatch(/^unterminated triple-quoted string literal/);
  });

  it('refuses bytes literals and \\N escapes', () => {
    expect(() => tokenize("b'x'\n")).toThrow(UnsupportedError);
    expect(() => tokenize("'\\N{BULLET}'\n")).toThrow(UnsupportedError);
  });
});

describe('f-strings', () => {
  const parts = (src: string) => only(src + '\n', 'STRING').fparts!;

  it('splits literal text and fields, halving doubled braces', () => {
    const p = parts("f'a{{b}}{x}c'");
    expect(p.map((x) => x.kind)).toEqual(['literal', 'field', 'literal']);
    expect(p[0]).toMatchObject({ value: 'a{b}' });
    expect(p[2]).toMatchObject({ value: 'c' });
  });

  it('records conversion, nested format spec and debug text', () => {
    const [f] = parts("f'{x = !r:>{w}}'") as FStringField[];
    expect(f!.debugText).toBe('x = ');
    expect(f!.conversion).toBe('r'.charCodeAt(0));
    expect(f!.spec!.map((x) => x.kind)).toEqual(['literal', 'field']);
  });

  it('lexes a field expression in place, so positions are real source positions', () => {
    const src = new SourceText("y = f'''{a +\n b}'''\n");
    const [f] = tokenize(src).find((t) => t.kind === 'STRING')!.fparts as FStringField[];
    const toks = tokenizeRegion(src, f!.exprStart, f!.exprEnd);
    expect(toks.map((t) => [t.text, t.line, t.col])).toEqual([
      ['a', 1, 10],
      ['+', 1, 12],
      ['b', 2, 2],
      ['', 2, 3],
    ]);
  });

  it('rejects malformed fields', () => {
    expect(syntaxError("f'{}'\n").msg).toBe("f-string: valid expression required before '}'");
    expect(syntaxError("f'}'\n").msg).toBe("f-string: single '}' is not allowed");
    expect(syntaxError("f'{x!z}'\n").msg).toBe("f-string: invalid conversion character 'z': expected 's', 'r', or 'a'");
  });

  it('refuses what only Python 3.12 accepts inside fields', () => {
    expect(() => tokenize('f"{d["k"]}"\n')).toThrow(UnsupportedError);
    expect(() => tokenize("f\"{'\\n'.join(x)}\"\n")).toThrow(UnsupportedError);
  });
});

describe('inputs that would expose a backtracking or quadratic lexer', () => {
  const cases: [string, string][] = [
    ['a 1 MB string literal', `x = '${'a'.repeat(1 << 20)}'\n`],
    ['a 1 MB triple-quoted string of quotes', `x = """${'"" '.repeat(1 << 18)}"""\n`],
    ['100,000 backslash escapes', `x = '${'\\n'.repeat(100_000)}'\n`],
    ['a 100,000-digit integer', `x = ${'9'.repeat(100_000)}\n`],
    ['a float with 30,000 underscores', `x = ${'1_2'.repeat(30_000)}.5e1\n`],
    ['100,000 blank and comment lines', '\n   # c\n'.repeat(50_000) + 'x = 1\n'],
    ['one line of 100,000 names', 'x = ' + 'a+'.repeat(100_000) + 'a\n'],
    ['an f-string with 10,000 fields', `x = f'${'{a}{{'.repeat(10_000)}'\n`],
  ];
  // A quadratic (or backtracking) path would take minutes on these; the test's own timeout
  // catches that without asserting a speed (speed is for benchmarks).
  it.each(cases)('%s', (_name, src) => {
    expect(tokenize(src).length).toBeGreaterThan(1);
  }, 10_000);
});
