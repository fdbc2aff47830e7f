// The parser's public contract: parse(source) gives the engine/ast.ts tree or refuses
// with UnsupportedError / PySyntaxError. Tree shapes are Python's definitions; the
// differential test in tests/parser/ compares whole trees with CPython's own.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { UNSUPPORTED } from '../tests/parser/snippets';
import type * as A from './ast';
import { PySyntaxError, UnsupportedError } from './errors';
import { parse } from './parser';

function onlyExpr(src: string): A.Expr {
  const body = parse(src).body;
  expect(body).toHaveLength(1);
  const s = body[0]!;
  if (s.kind === 'ExprStmt') return s.value;
  if (s.kind === 'Assign') return s.value;
  throw new Error(`not an expression statement: ${s.kind}`);
}

/** A compact rendering of an expression's structure: operators and names only. */
function shape(e: A.Expr): string {
  switch (e.kind) {
    case 'Name':
      return e.id;
    case 'Constant':
      return e.value.type === 'int' ? String(e.value.value) : e.value.type;
    case 'BinOp':
      return `(${shape(e.left)} ${e.op} ${shape(e.right)})`;
    case 'UnaryOp':
      return `(${e.op} ${shape(e.operand)})`;
    case 'BoolOp':
      return `(${e.op} ${e.values.map(shape).join(' ')})`;
    case 'Compare':
      return `(${shape(e.left)} ${e.ops.map((op, i) => `${op} ${shape(e.comparators[i]!)}`).join(' ')})`;
    case 'IfExp':
      return `(${shape(e.body)} if ${shape(e.test)} else ${shape(e.orelse)})`;
    default:
      return e.kind;
  }
}

function refusal(src: string): UnsupportedError {
  try {
    parse(src);
  } catch (e) {
    if (e instanceof UnsupportedError) return e;
    throw e;
  }
  throw new Error(`accepted ${JSON.stringify(src)}`);
}

function syntaxError(src: string): PySyntaxError {
  try {
    parse(src);
  } catch (e) {
    if (e instanceof PySyntaxError) return e;
    throw e;
  }
  throw new Error(`accepted ${JSON.stringify(src)}`);
}

describe('precedence and associativity', () => {
  it.each([
    ['a + b * c', '(a Add (b Mult c))'],
    ['a - b - c', '((a Sub b) Sub c)'],
    ['a ** b ** c', '(a Pow (b Pow c))'],
    ['-a ** b', '(USub (a Pow b))'],
    ['a ** -b', '(a Pow (USub b))'],
    ['a | b ^ c & d << e + f', '(a BitOr (b BitXor (c BitAnd (d LShift (e Add f)))))'],
    ['not a == b', '(Not (a Eq b))'],
    ['a or b and not c', '(Or a (And b (Not c)))'],
    ['a < b <= c is not d not in e', '(a Lt b LtE c IsNot d NotIn e)'],
    ['a if b else c if d else e', '(a if b else (c if d else e))'],
    ['~a // b % c', '(((Invert a) FloorDiv b) Mod c)'],
    ['(a + b) * c', '((a Add b) Mult c)'],
  ])('%s', (src, expected) => {
    expect(shape(onlyExpr(src + '\n'))).toBe(expected);
  });
});

describe('trees', () => {
  it('keeps integers exact at any size', () => {
    const e = onlyExpr('x = 123456789012345678901234567890 * 0x_FF\n') as A.BinOp;
    expect(e.left).toMatchObject({ kind: 'Constant', value: { type: 'int', value: 123456789012345678901234567890n } });
    expect(e.right).toMatchObject({ kind: 'Constant', value: { type: 'int', value: 255n } });
  });

  it('joins adjacent string literals, and makes a JoinedStr when one is an f-string', () => {
    expect(onlyExpr("x = 'a' \"b\" '''c'''\n")).toMatchObject({ kind: 'Constant', value: { type: 'str', value: 'abc' } });
    const j = onlyExpr("x = 'a' f'{y!r:>{w}}' 'b'\n") as A.JoinedStr;
    expect(j.kind).toBe('JoinedStr');
    expect(j.values.map((v) => v.kind)).toEqual(['Constant', 'FormattedValue', 'Constant']);
    const fv = j.values[1] as A.FormattedValue;
    expect(fv.conversion).toBe(114);
    expect(fv.formatSpec?.values.map((v) => v.kind)).toEqual(['Constant', 'FormattedValue']);
  });

  it('puts elif in orelse as a lone If', () => {
    const s = parse('if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n').body[0] as A.If;
    expect(s.orelse).toHaveLength(1);
    expect(s.orelse[0]).toMatchObject({ kind: 'If', line: 3, col: 1 });
    expect((s.orelse[0] as A.If).orelse[0]).toMatchObject({ kind: 'Pass', line: 6 });
  });

  it('marks targets Store and Del, values Load', () => {
    const [assign, del] = parse('a, *b = c\ndel d[0], e.f\n').body as [A.Assign, A.Delete];
    expect(assign.targets[0]).toMatchObject({ kind: 'Tuple', ctx: 'Store', elts: [{ ctx: 'Store' }, { kind: 'Starred', ctx: 'Store', value: { ctx: 'Store' } }] });
    expect(assign.value).toMatchObject({ kind: 'Name', ctx: 'Load' });
    expect(del.targets).toMatchObject([{ kind: 'Subscript', ctx: 'Del' }, { kind: 'Attribute', ctx: 'Del' }]);
  });

  it('gives a function its parameters, defaults and the line its body ends on', () => {
    const f = parse('def f(a, b=1, c=[]):\n    x = (1,\n         2)\n\n# after\n').body[0] as A.FunctionDef;
    expect(f.args.args.map((a) => a.arg)).toEqual(['a', 'b', 'c']);
    expect(f.args.defaults).toHaveLength(2);
    expect(f.endLine).toBe(3);
  });

  it('reads a bare generator expression as the sole call argument', () => {
    const call = onlyExpr('sum(x for x in y if x)\n') as A.Call;
    expect(call.args).toMatchObject([{ kind: 'GeneratorExp', line: 1, col: 4 }]);
  });

  it('numbers lines and columns from 1, columns in code points', () => {
    const s = parse("s = '😀'; t = x\n").body[1] as A.Assign;
    expect([s.line, s.col]).toEqual([1, 10]);
  });
});

describe('refusals: valid Python outside the subset', () => {
  it.each(UNSUPPORTED.map((c) => [c.source, c] as const))('%j', (_src, c) => {
    const err = refusal(c.source);
    const idx = c.source.indexOf(c.at);
    const before = c.source.slice(0, idx).split('\n');
    expect({ line: err.line, col: err.col }).toEqual({ line: before.length, col: [...before[before.length - 1]!].length + 1 });
    expect(err.what).toContain(c.what);
    expect(err.message).toBe(`${err.line}:${err.col}: unsupported: ${err.what}`);
  });
});

describe('syntax errors', () => {
  it('says which block lacks its indented body', () => {
    expect(syntaxError('for x in y:\nprint(x)\n')).toMatchObject({
      pyType: 'IndentationError',
      msg: "expected an indented block after 'for' statement on line 1",
      line: 2,
    });
  });

  it('applies CPython compile-time checks before anything runs', () => {
    expect(syntaxError('return 1\n').msg).toBe("'return' outside function");
    expect(syntaxError('while x:\n    def f():\n        break\n').msg).toBe("'break' outside loop");
    expect(syntaxError('x = yield 1\n').msg).toBe("'yield' outside function");
  });
});

describe('absurd nesting', () => {
  it.each([
    ['5,000 unary minus signs', 'x = ' + '-'.repeat(5000) + '1\n'],
    ['5,000 nested lambdas', 'x = ' + 'lambda: '.repeat(5000) + '1\n'],
    ['50,000 chained calls', 'x = f' + '(a)'.repeat(50_000) + '\n'],
    ['a sum of 100,000 terms', 'x = ' + Array(100_000).fill('a').join(' + ') + '\n'],
  ])('%s is refused cleanly, never a stack overflow', (_name, src) => {
    expect(() => parse(src)).toThrow(UnsupportedError);
  });

  it('accepts what people write: 1,000 unary signs, 199 nested brackets', () => {
    expect(() => parse('x = ' + '-'.repeat(1000) + '1\n')).not.toThrow();
    expect(() => parse('x = ' + '('.repeat(199) + '1' + ')'.repeat(199) + '\n')).not.toThrow();
  });
});

describe('purity and speed', () => {
  it('imports nothing but its own modules (engine/ runs in the browser too)', () => {
    const here = dirname(fileURLToPath(import.meta.url));
    for (const file of ['errors.ts', 'token.ts', 'lexer.ts', 'parser.ts']) {
      const imports = [...readFileSync(join(here, file), 'utf8').matchAll(/^import .* from '([^']+)';$/gm)].map((m) => m[1]!);
      expect(imports.every((m) => m.startsWith('./')), `${file} imports ${imports.join(', ')}`).toBe(true);
    }
  });

  it('parses a 5,000-line program into every statement (its speed: npm run bench:parser)', () => {
    const chunk = `class Node:
    __slots__ = ("value", "next")
    def __init__(self, value, next=None):
        self.value = value
        self.next = next

def total(head):
    s = 0
    while head is not None:
        s += head.value
        head = head.next
    return s

data = {"a": [1, 2, 3], "b": (4, 5), "c": {6, 7}}
squares = [x ** 2 for x in range(100) if x % 3 == 0]
msg = f"total={total(None)!r:>10} of {len(squares)}"
try:
    del data["a"], squares[1:3]
except (KeyError, IndexError) as e:
    print(e)
`;
    const src = chunk.repeat(Math.ceil(5000 / (chunk.split('\n').length - 1)));
    expect(src.split('\n').length).toBeGreaterThan(5000);
    const perChunk = parse(chunk).body.length;
    expect(parse(src).body.length).toBe(perChunk * Math.ceil(5000 / (chunk.split('\n').length - 1)));
  });
});
