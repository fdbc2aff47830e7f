// The parser: tokens to the AST of engine/ast.ts, by recursive descent over the rules of
// CPython's Grammar/python.gram (rule names kept in the method names), so operator
// precedence and node positions come out as CPython's `ast.parse` has them.
//
// Valid Python outside the subset is refused with UnsupportedError; source CPython
// itself rejects raises PySyntaxError with CPython 3.12's message where it is cheap to
// match. After parsing, `checkDeclarations` and `checkScopes` apply the checks CPython's
// symtable and compiler make before running anything (`global x` after `x = 1`, `return`
// outside a function, `break` outside a loop, ...).

import type * as A from './ast';
import { parameterNames } from './ast';
import { PySyntaxError, UnsupportedError } from './errors';
import { SourceText, tokenize, tokenizeRegion } from './lexer';
import type { FStringField, FStringPart, Token } from './token';

export function parse(source: string): A.Module {
  const src = new SourceText(source);
  try {
    const module = new Parser(src, tokenize(src)).file();
    checkDeclarations(module);
    checkScopes(module);
    return module;
  } catch (e) {
    // A last guard behind the nesting limits: never let a stack overflow escape as a crash.
    if (e instanceof RangeError) throw new UnsupportedError('a program nested too deeply to parse', 1, 1);
    throw e;
  }
}

export const KEYWORDS: ReadonlySet<string> = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del',
  'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal',
  'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

/** Lib/__future__.py's all_feature_names. */
const FUTURE_FEATURES = new Set([
  'nested_scopes', 'generators', 'division', 'absolute_import', 'with_statement', 'print_function',
  'unicode_literals', 'barry_as_FLUFL', 'generator_stop', 'annotations',
]);

const AUG_OPS: Record<string, A.BinOperator> = {
  '+=': 'Add', '-=': 'Sub', '*=': 'Mult', '/=': 'Div', '//=': 'FloorDiv', '%=': 'Mod', '**=': 'Pow',
  '<<=': 'LShift', '>>=': 'RShift', '|=': 'BitOr', '^=': 'BitXor', '&=': 'BitAnd',
};

const COMPARE_OPS: Record<string, A.CmpOperator> = { '==': 'Eq', '!=': 'NotEq', '<': 'Lt', '<=': 'LtE', '>': 'Gt', '>=': 'GtE' };

/** Binary operator levels from loosest to tightest (bitwise_or ... term in python.gram). */
const BINARY_LEVELS: readonly Readonly<Record<string, A.BinOperator>>[] = [
  { '|': 'BitOr' },
  { '^': 'BitXor' },
  { '&': 'BitAnd' },
  { '<<': 'LShift', '>>': 'RShift' },
  { '+': 'Add', '-': 'Sub' },
  { '*': 'Mult', '/': 'Div', '//': 'FloorDiv', '%': 'Mod' },
];

const UNARY_OPS: Record<string, A.UnaryOperator> = { '-': 'USub', '+': 'UAdd', '~': 'Invert' };

const EXPR_START_OPS = new Set(['(', '[', '{', '-', '+', '~', '...', '*']);
const EXPR_START_KEYWORDS = new Set(['True', 'False', 'None', 'not', 'lambda', 'await']);

/** Deeper than any program a person writes; well inside the JS stack. */
const MAX_NESTING = 2000;

type Ctx = A.ExprContext;
/** Why a target is being converted: decides CPython's wording when it is not assignable. */
type TargetUse = 'assign' | 'for' | 'del';

/** Whether a token can end an expression (so that an expression right after it lacks a comma). */
function endsExpression(t: Token): boolean {
  if (t.kind === 'NUMBER' || t.kind === 'STRING') return true;
  if (t.kind === 'NAME') return !KEYWORDS.has(t.text) || t.text === 'True' || t.text === 'False' || t.text === 'None';
  return t.kind === 'OP' && (t.text === ')' || t.text === ']' || t.text === '}');
}

function posOf(t: Token): A.Pos {
  return { line: t.line, col: t.col };
}

/** CPython's _PyPegen_get_expr_name: how error messages name an expression. */
function describe(e: A.Expr): string {
  switch (e.kind) {
    case 'Attribute': return 'attribute';
    case 'Subscript': return 'subscript';
    case 'Starred': return 'starred';
    case 'Name': return 'name';
    case 'List': return 'list';
    case 'Tuple': return 'tuple';
    case 'Lambda': return 'lambda';
    case 'Call': return 'function call';
    case 'BoolOp': case 'BinOp': case 'UnaryOp': return 'expression';
    case 'GeneratorExp': return 'generator expression';
    case 'Yield': return 'yield expression';
    case 'ListComp': return 'list comprehension';
    case 'SetComp': return 'set comprehension';
    case 'DictComp': return 'dict comprehension';
    case 'Dict': return 'dict literal';
    case 'Set': return 'set display';
    case 'JoinedStr': case 'FormattedValue': return 'f-string expression';
    case 'Compare': return 'comparison';
    case 'IfExp': return 'conditional expression';
    case 'Slice': return 'slice';
    case 'Constant':
      switch (e.value.type) {
        case 'None': return 'None';
        case 'bool': return e.value.value ? 'True' : 'False';
        case 'Ellipsis': return 'ellipsis';
        default: return 'literal';
      }
  }
}

class Parser {
  private p = 0;
  private depth = 0;
  /** Line of the last real token consumed: FunctionDef/ClassDef `endLine` (CPython's end_lineno). */
  private lastLine = 1;

  constructor(
    private readonly src: SourceText,
    private readonly toks: readonly Token[],
  ) {}

  // ------------------------------------------------------------ token helpers

  private peek(k = 0): Token {
    return this.toks[Math.min(this.p + k, this.toks.length - 1)]!;
  }

  private next(): Token {
    const t = this.toks[this.p]!;
    if (this.p < this.toks.length - 1) this.p++;
    if (t.kind !== 'NEWLINE' && t.kind !== 'INDENT' && t.kind !== 'DEDENT' && t.kind !== 'ENDMARKER') this.lastLine = t.endLine;
    return t;
  }

  private isOp(s: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'OP' && t.text === s;
  }

  private isKw(s: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'NAME' && t.text === s;
  }

  private isIdentifier(k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'NAME' && !KEYWORDS.has(t.text);
  }

  private acceptOp(s: string): Token | null {
    return this.isOp(s) ? this.next() : null;
  }

  private acceptKw(s: string): Token | null {
    return this.isKw(s) ? this.next() : null;
  }

  private expectOp(s: string): Token {
    if (!this.isOp(s)) throw this.invalid();
    return this.next();
  }

  private expectKw(s: string): Token {
    if (!this.isKw(s)) throw this.invalid();
    return this.next();
  }

  private expectName(): Token {
    if (!this.isIdentifier()) throw this.invalid();
    return this.next();
  }

  /** A compound statement's `:`; CPython reports a missing one just after the previous token. */
  private expectColon(): void {
    if (this.isOp(':')) {
      this.next();
      return;
    }
    if (this.isOp('->')) throw this.unsupported('type annotations', this.peek());
    const prev = this.toks[this.p - 1];
    const at = prev ? this.src.pos(prev.end) : posOf(this.peek());
    throw new PySyntaxError('SyntaxError', "expected ':'", at.line, at.col);
  }

  private syntaxError(msg: string, at: A.Pos): PySyntaxError {
    return new PySyntaxError('SyntaxError', msg, at.line, at.col);
  }

  private invalid(t: Token = this.peek()): PySyntaxError {
    // CPython points at the last character of the indentation.
    if (t.kind === 'INDENT') return new PySyntaxError('IndentationError', 'unexpected indent', t.line, Math.max(1, t.col - 1));
    if (t.kind === 'DEDENT') return new PySyntaxError('IndentationError', 'unindent does not match any outer indentation level', t.line, t.col);
    // CPython's invalid_expression: two expressions side by side inside brackets.
    const prev = this.toks[this.p - 1];
    if (t === this.peek() && t.level > 0 && prev !== undefined && endsExpression(prev) && this.canStartExpression() && !(prev.kind === 'NAME' && t.kind === 'STRING')) {
      return this.syntaxError('invalid syntax. Perhaps you forgot a comma?', prev);
    }
    return this.syntaxError('invalid syntax', t);
  }

  private unsupported(what: string, at: A.Pos): UnsupportedError {
    return new UnsupportedError(what, at.line, at.col);
  }

  private atStatementEnd(): boolean {
    const t = this.peek();
    return t.kind === 'NEWLINE' || t.kind === 'ENDMARKER' || (t.kind === 'OP' && t.text === ';');
  }

  private canStartExpression(k = 0): boolean {
    const t = this.peek(k);
    switch (t.kind) {
      case 'NAME':
        return !KEYWORDS.has(t.text) || EXPR_START_KEYWORDS.has(t.text);
      case 'NUMBER':
      case 'STRING':
        return true;
      case 'OP':
        return EXPR_START_OPS.has(t.text);
      default:
        return false;
    }
  }

  // ------------------------------------------------------------ statements

  file(): A.Module {
    const body: A.Stmt[] = [];
    while (this.peek().kind !== 'ENDMARKER') body.push(...this.statement());
    return { kind: 'Module', body, line: 1, col: 1 };
  }

  private statement(): A.Stmt[] {
    const t = this.peek();
    if (t.kind === 'INDENT') throw this.invalid(t);
    if (t.kind === 'OP' && t.text === '@') throw this.unsupported('decorators', t);
    if (t.kind === 'NAME') {
      switch (t.text) {
        case 'def': return [this.functionDef()];
        case 'class': return [this.classDef()];
        case 'if': return [this.ifStmt('if')];
        case 'while': return [this.whileStmt()];
        case 'for': return [this.forStmt()];
        case 'try': return [this.tryStmt()];
        case 'with': throw this.unsupported('with statements', t);
        case 'async': {
          const n = this.peek(1);
          const what = n.text === 'def' ? 'async functions' : n.text === 'for' ? 'async for loops' : n.text === 'with' ? 'async with statements' : null;
          if (what !== null) throw this.unsupported(what, t);
          throw this.invalid(t);
        }
        case 'match':
          if (this.looksLikeMatchStatement()) throw this.unsupported('match statements', t);
          break;
      }
    }
    return this.simpleStmts();
  }

  /** `match` is a soft keyword: a statement only when `match SUBJECT:` ends the line. */
  private looksLikeMatchStatement(): boolean {
    const save = this.p;
    const saveLine = this.lastLine;
    try {
      this.next();
      if (!this.canStartExpression()) return false;
      this.starNamedExpressionsForMatch();
      return this.isOp(':') && this.peek(1).kind === 'NEWLINE';
    } catch (e) {
      if (e instanceof PySyntaxError || e instanceof UnsupportedError) return false;
      throw e;
    } finally {
      this.p = save;
      this.lastLine = saveLine;
    }
  }

  private starNamedExpressionsForMatch(): void {
    this.starNamedExpression();
    while (this.acceptOp(',')) {
      if (!this.canStartExpression()) break;
      this.starNamedExpression();
    }
  }

  /** The statements of an indented block, or the simple statements after `:` on the same line. */
  private block(after: string, headerLine: number): A.Stmt[] {
    if (this.peek().kind !== 'NEWLINE') return this.simpleStmts();
    this.next();
    const t = this.peek();
    if (t.kind !== 'INDENT') {
      throw new PySyntaxError('IndentationError', `expected an indented block after ${after} on line ${headerLine}`, t.line, t.col);
    }
    this.next();
    const body: A.Stmt[] = [];
    while (this.peek().kind !== 'DEDENT' && this.peek().kind !== 'ENDMARKER') body.push(...this.statement());
    if (this.peek().kind === 'DEDENT') this.next();
    return body;
  }

  private functionDef(): A.FunctionDef {
    const t = this.next();
    const name = this.expectName();
    if (this.isOp('[')) throw this.unsupported('type parameters', this.peek());
    this.expectOp('(');
    const args = this.parameters(')', false);
    this.expectOp(')');
    if (this.isOp('->')) throw this.unsupported('type annotations', this.peek());
    this.expectColon();
    const body = this.block('function definition', t.line);
    return { kind: 'FunctionDef', name: name.text, args, body, endLine: this.lastLine, line: t.line, col: t.col };
  }

  /**
   * Parameters of a `def` (up to `)`) or a `lambda` (up to `:`): positional ones with defaults,
   * then `*args` and `**kwargs`. Keyword-only and positional-only parameters are refused.
   */
  private parameters(closer: string, isLambda: boolean): A.Arguments {
    const args: A.Arg[] = [];
    const defaults: A.Expr[] = [];
    let vararg: A.Arg | null = null;
    let kwarg: A.Arg | null = null;
    const seen = new Set<string>();
    const param = (): A.Arg => {
      const name = this.expectName();
      if (!isLambda && this.isOp(':')) throw this.unsupported('type annotations', this.peek());
      if (seen.has(name.text)) throw this.syntaxError(`duplicate argument '${name.text}' in function definition`, name);
      seen.add(name.text);
      return { arg: name.text, line: name.line, col: name.col };
    };
    while (!this.isOp(closer)) {
      const t = this.peek();
      if (kwarg !== null) throw this.syntaxError('arguments cannot follow var-keyword argument', t);
      if (this.isOp('**')) {
        this.next();
        kwarg = param();
        if (this.isOp('=')) throw this.syntaxError('var-keyword argument cannot have default value', this.peek());
      } else if (this.isOp('*')) {
        if (vararg !== null || this.peek(1).kind !== 'NAME') throw this.unsupported('keyword-only parameters', t);
        this.next();
        vararg = param();
        if (this.isOp('=')) throw this.syntaxError('var-positional argument cannot have default value', this.peek());
      } else {
        if (this.isOp('/')) throw this.unsupported('positional-only parameters', t);
        if (vararg !== null) throw this.unsupported('keyword-only parameters', t);
        const name = this.peek();
        const a = param();
        if (this.acceptOp('=')) {
          defaults.push(this.expression());
        } else if (defaults.length > 0) {
          throw this.syntaxError('parameter without a default follows parameter with a default', name);
        }
        args.push(a);
      }
      if (!this.acceptOp(',')) break;
    }
    return { args, defaults, vararg, kwarg };
  }

  private classDef(): A.ClassDef {
    const t = this.next();
    const name = this.expectName();
    if (this.isOp('[')) throw this.unsupported('type parameters', this.peek());
    let bases: A.Expr[] = [];
    if (this.acceptOp('(')) {
      const call = this.callArguments();
      if (call.keywords.length > 0) throw this.unsupported('class keyword arguments (such as metaclass=)', call.keywords[0]!);
      const starred = call.args.find((a) => a.kind === 'Starred');
      if (starred) throw this.unsupported('star-expressions in class bases', starred);
      bases = call.args;
    }
    this.expectColon();
    const body = this.block('class definition', t.line);
    return { kind: 'ClassDef', name: name.text, bases, body, endLine: this.lastLine, line: t.line, col: t.col };
  }

  private ifStmt(word: 'if' | 'elif'): A.If {
    const t = this.next();
    const test = this.namedExpression();
    this.expectColon();
    const body = this.block(`'${word}' statement`, t.line);
    let orelse: A.Stmt[] = [];
    if (this.isKw('elif')) orelse = [this.ifStmt('elif')];
    else orelse = this.elseBlock();
    return { kind: 'If', test, body, orelse, line: t.line, col: t.col };
  }

  private elseBlock(): A.Stmt[] {
    const e = this.acceptKw('else');
    if (!e) return [];
    this.expectColon();
    return this.block("'else' statement", e.line);
  }

  private whileStmt(): A.While {
    const t = this.next();
    const test = this.namedExpression();
    this.expectColon();
    const body = this.block("'while' statement", t.line);
    return { kind: 'While', test, body, orelse: this.elseBlock(), line: t.line, col: t.col };
  }

  private forStmt(): A.For {
    const t = this.next();
    const target = this.toTarget(this.starTargets(), 'for', false);
    this.expectKw('in');
    const iter = this.starExpressions();
    this.expectColon();
    const body = this.block("'for' statement", t.line);
    return { kind: 'For', target, iter, body, orelse: this.elseBlock(), line: t.line, col: t.col };
  }

  private tryStmt(): A.Try {
    const t = this.next();
    this.expectColon();
    const body = this.block("'try' statement", t.line);
    const handlers: A.ExceptHandler[] = [];
    let bare: Token | null = null;
    while (this.isKw('except')) {
      const e = this.next();
      if (bare) throw this.syntaxError("default 'except:' must be last", bare);
      if (this.isOp('*')) throw this.unsupported('except* (exception groups)', e);
      let type: A.Expr | null = null;
      let name: string | null = null;
      if (!this.isOp(':')) {
        type = this.expression();
        if (this.isOp(',')) throw this.syntaxError('multiple exception types must be parenthesized', type);
        if (this.acceptKw('as')) name = this.expectName().text;
      } else {
        bare = e;
      }
      this.expectColon();
      const hbody = this.block("'except' statement", e.line);
      handlers.push({ kind: 'ExceptHandler', type, name, body: hbody, line: e.line, col: e.col });
    }
    const orelse = handlers.length > 0 ? this.elseBlock() : [];
    let finalbody: A.Stmt[] = [];
    const f = this.acceptKw('finally');
    if (f) {
      this.expectColon();
      finalbody = this.block("'finally' statement", f.line);
    }
    if (handlers.length === 0 && !f) throw this.syntaxError("expected 'except' or 'finally' block", this.peek());
    return { kind: 'Try', body, handlers, orelse, finalbody, line: t.line, col: t.col };
  }

  private simpleStmts(): A.Stmt[] {
    const stmts: A.Stmt[] = [this.simpleStmt()];
    while (this.acceptOp(';')) {
      if (this.peek().kind === 'NEWLINE') break;
      stmts.push(this.simpleStmt());
    }
    const t = this.peek();
    if (t.kind !== 'NEWLINE') {
      // CPython's invalid_legacy_expression: Python 2's print statement.
      const last = stmts[stmts.length - 1]!;
      if (last.kind === 'ExprStmt' && last.value.kind === 'Name' && (last.value.id === 'print' || last.value.id === 'exec') && this.canStartExpression()) {
        throw this.syntaxError(`Missing parentheses in call to '${last.value.id}'. Did you mean ${last.value.id}(...)?`, last.value);
      }
      throw this.invalid(t);
    }
    this.next();
    return stmts;
  }

  private simpleStmt(): A.Stmt {
    const t = this.peek();
    if (t.kind === 'NAME') {
      switch (t.text) {
        case 'return':
          this.next();
          return { kind: 'Return', value: this.atStatementEnd() ? null : this.starExpressions(), line: t.line, col: t.col };
        case 'import':
          return this.importName();
        case 'from':
          return this.importFrom();
        case 'raise': {
          this.next();
          const exc = this.atStatementEnd() ? null : this.expression();
          const cause = exc !== null && this.isKw('from') ? (this.next(), this.expression()) : null;
          return { kind: 'Raise', exc, cause, line: t.line, col: t.col };
        }
        case 'pass':
          this.next();
          return { kind: 'Pass', line: t.line, col: t.col };
        case 'break':
          this.next();
          return { kind: 'Break', line: t.line, col: t.col };
        case 'continue':
          this.next();
          return { kind: 'Continue', line: t.line, col: t.col };
        case 'del':
          return this.delStmt();
        case 'assert': {
          this.next();
          const test = this.expression();
          const msg = this.acceptOp(',') ? this.expression() : null;
          return { kind: 'Assert', test, msg, line: t.line, col: t.col };
        }
        case 'global':
        case 'nonlocal': {
          this.next();
          const names = [this.expectName().text];
          while (this.acceptOp(',')) names.push(this.expectName().text);
          return t.text === 'global' ? { kind: 'Global', names, line: t.line, col: t.col } : { kind: 'Nonlocal', names, line: t.line, col: t.col };
        }
        case 'type':
          if (this.isIdentifier(1) && (this.isOp('=', 2) || this.isOp('[', 2))) throw this.unsupported('type alias statements', t);
          break;
      }
    }
    return this.expressionStatement();
  }

  private dottedName(): string {
    let name = this.expectName().text;
    while (this.acceptOp('.')) name += '.' + this.expectName().text;
    return name;
  }

  private importName(): A.Import {
    const t = this.next();
    const names: A.Alias[] = [];
    do {
      const first = this.peek();
      const name = this.dottedName();
      const asname = this.acceptKw('as') ? this.expectName().text : null;
      names.push({ name, asname, line: first.line, col: first.col });
    } while (this.acceptOp(','));
    return { kind: 'Import', names, line: t.line, col: t.col };
  }

  private importFrom(): A.ImportFrom {
    const t = this.next();
    if (this.isOp('.') || this.isOp('...')) throw this.unsupported('relative imports', this.peek());
    const moduleTok = this.peek();
    const module = this.dottedName();
    this.expectKw('import');
    if (module === '__future__') this.futureImport(t, moduleTok);
    if (this.isOp('*')) throw this.unsupported('import *', this.peek());
    const paren = this.acceptOp('(');
    const names: A.Alias[] = [];
    while (true) {
      const first = this.expectName();
      const asname = this.acceptKw('as') ? this.expectName().text : null;
      names.push({ name: first.text, asname, line: first.line, col: first.col });
      if (!this.acceptOp(',')) break;
      if (paren && this.isOp(')')) break;
      if (!paren && this.atStatementEnd()) {
        throw this.syntaxError('trailing comma not allowed without surrounding parentheses', this.peek());
      }
    }
    if (paren) this.expectOp(')');
    return { kind: 'ImportFrom', module, names, line: t.line, col: t.col };
  }

  /** __future__ imports change how CPython compiles the rest of the file: refused, after CPython's own checks. */
  private futureImport(from: Token, moduleTok: Token): never {
    const t = this.peek();
    if (t.kind === 'NAME' && !FUTURE_FEATURES.has(t.text)) {
      throw this.syntaxError(t.text === 'braces' ? 'not a chance' : `future feature ${t.text} is not defined`, from);
    }
    throw this.unsupported('from __future__ imports', moduleTok);
  }

  private delStmt(): A.Delete {
    const t = this.next();
    const targets: A.Expr[] = [];
    do {
      if (this.atStatementEnd() && targets.length > 0) break;
      targets.push(this.toTarget(this.starTargetAtom(), 'del', false));
    } while (this.acceptOp(','));
    return { kind: 'Delete', targets, line: t.line, col: t.col };
  }

  /** Assignment, augmented assignment or a bare expression. */
  private expressionStatement(): A.Stmt {
    const t = this.peek();
    const first = this.isKw('yield') ? this.yieldExpr() : this.starExpressions();
    if (this.isOp(':')) {
      if (first.kind === 'Name' || first.kind === 'Attribute' || first.kind === 'Subscript') {
        throw this.unsupported('type annotations', this.peek());
      }
      throw this.syntaxError(
        first.kind === 'Tuple' ? 'only single target (not tuple) can be annotated' : first.kind === 'List' ? 'only single target (not list) can be annotated' : 'illegal target for annotation',
        first,
      );
    }
    const op = this.peek();
    if (op.kind === 'OP' && op.text === '@=') throw this.unsupported('the @ operator', op);
    if (op.kind === 'OP' && AUG_OPS[op.text] !== undefined) {
      if (first.kind !== 'Name' && first.kind !== 'Attribute' && first.kind !== 'Subscript') {
        throw this.syntaxError(`'${describe(first)}' is an illegal expression for augmented assignment`, first);
      }
      this.next();
      const value = this.isKw('yield') ? this.yieldExpr() : this.starExpressions();
      return { kind: 'AugAssign', target: this.withCtx(first, 'Store'), op: AUG_OPS[op.text]!, value, line: t.line, col: t.col };
    }
    if (this.isOp('=')) {
      const chain: A.Expr[] = [first];
      while (this.acceptOp('=')) chain.push(this.isKw('yield') ? this.yieldExpr() : this.starExpressions());
      const value = chain.pop()!;
      const targets = chain.map((e) => this.toTarget(e, 'assign', false));
      return { kind: 'Assign', targets, value, line: t.line, col: t.col };
    }
    if (first.kind === 'Starred') throw this.syntaxError("can't use starred expression here", first);
    return { kind: 'ExprStmt', value: first, line: t.line, col: t.col };
  }

  // ------------------------------------------------------------ targets

  /** star_targets: a comma list of targets (for-loop and comprehension targets). */
  private starTargets(): A.Expr {
    const t = this.peek();
    const first = this.starTargetAtom();
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.acceptOp(',')) {
      if (this.isKw('in') || this.isOp('=') || !this.canStartExpression()) break;
      elts.push(this.starTargetAtom());
    }
    return { kind: 'Tuple', elts, ctx: 'Load', line: t.line, col: t.col };
  }

  private starTargetAtom(): A.Expr {
    const t = this.peek();
    if (this.acceptOp('*')) return { kind: 'Starred', value: this.bitwiseOr(), ctx: 'Load', line: t.line, col: t.col };
    return this.bitwiseOr();
  }

  /** Re-types an expression as an assignment or deletion target, with CPython's complaints. */
  private toTarget(e: A.Expr, use: TargetUse, nested: boolean): A.Expr {
    const ctx: Ctx = use === 'del' ? 'Del' : 'Store';
    switch (e.kind) {
      case 'Name':
        if (e.id === '__debug__') throw this.syntaxError(use === 'del' ? 'cannot delete __debug__' : 'cannot assign to __debug__', e);
        return { ...e, ctx };
      case 'Attribute':
      case 'Subscript':
        return { ...e, ctx };
      case 'Tuple':
      case 'List': {
        const starred = e.elts.filter((x) => x.kind === 'Starred');
        if (use === 'del' && starred.length > 0) throw this.syntaxError('cannot delete starred', starred[0]!);
        if (starred.length > 1) throw this.syntaxError('multiple starred expressions in assignment', e);
        const elts = e.elts.map((x) => this.toTarget(x, use, true));
        return { ...e, elts, ctx };
      }
      case 'Starred':
        if (use === 'del') throw this.syntaxError('cannot delete starred', e);
        if (!nested) throw this.syntaxError('starred assignment target must be in a list or tuple', e);
        return { ...e, value: this.toTarget(e.value, use, true), ctx };
      default: {
        const name = describe(e);
        if (use === 'del') throw this.syntaxError(`cannot delete ${name}`, e);
        const hint = use === 'assign' && !nested && !['None', 'True', 'False'].includes(name) ? " here. Maybe you meant '==' instead of '='?" : '';
        throw this.syntaxError(`cannot assign to ${name}${hint}`, e);
      }
    }
  }

  private withCtx(e: A.Expr, ctx: Ctx): A.Expr {
    return e.kind === 'Name' || e.kind === 'Attribute' || e.kind === 'Subscript' ? { ...e, ctx } : e;
  }

  // ------------------------------------------------------------ expressions

  /** star_expressions: an expression, or a tuple without parentheses. */
  starExpressions(): A.Expr {
    const t = this.peek();
    const first = this.starExpression();
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.acceptOp(',')) {
      if (!this.canStartExpression()) break;
      elts.push(this.starExpression());
    }
    return { kind: 'Tuple', elts, ctx: 'Load', line: t.line, col: t.col };
  }

  private starExpression(): A.Expr {
    const t = this.peek();
    if (this.acceptOp('*')) return { kind: 'Starred', value: this.bitwiseOr(), ctx: 'Load', line: t.line, col: t.col };
    return this.expression();
  }

  private starNamedExpression(): A.Expr {
    const t = this.peek();
    if (this.acceptOp('*')) return { kind: 'Starred', value: this.bitwiseOr(), ctx: 'Load', line: t.line, col: t.col };
    return this.namedExpression();
  }

  private namedExpression(): A.Expr {
    if (this.isOp(':=', 1) && this.peek().kind === 'NAME') throw this.unsupported('the walrus operator :=', this.peek());
    const e = this.expression();
    if (this.isOp(':=')) throw this.syntaxError(`cannot use assignment expressions with ${describe(e)}`, e);
    return e;
  }

  /**
   * Guards the recursive rules so that absurdly nested source is refused cleanly instead
   * of overflowing the JS stack (CPython itself gives up with RecursionError or MemoryError).
   */
  private nested<T>(rule: () => T): T {
    if (++this.depth > MAX_NESTING) {
      this.depth = 0;
      throw this.unsupported(`expressions nested more than ${MAX_NESTING} levels deep`, this.peek());
    }
    try {
      return rule();
    } finally {
      this.depth--;
    }
  }

  private expression(): A.Expr {
    return this.nested(() => this.expressionRule());
  }

  private expressionRule(): A.Expr {
    if (this.isKw('lambda')) return this.lambdef();
    const t = this.peek();
    const body = this.disjunction();
    if (!this.isKw('if')) return body;
    this.next();
    const test = this.disjunction();
    if (!this.acceptKw('else')) throw this.syntaxError("expected 'else' after 'if' expression", body);
    const orelse = this.expression();
    return { kind: 'IfExp', test, body, orelse, line: t.line, col: t.col };
  }

  private lambdef(): A.Lambda {
    const t = this.next();
    const args = this.parameters(':', true);
    this.expectOp(':');
    return { kind: 'Lambda', args, body: this.expression(), line: t.line, col: t.col };
  }

  private disjunction(): A.Expr {
    return this.boolOp('or', 'Or', () => this.conjunction());
  }

  private conjunction(): A.Expr {
    return this.boolOp('and', 'And', () => this.inversion());
  }

  private boolOp(word: string, op: A.BoolOperator, operand: () => A.Expr): A.Expr {
    const t = this.peek();
    const first = operand();
    if (!this.isKw(word)) return first;
    const values = [first];
    while (this.acceptKw(word)) values.push(operand());
    return { kind: 'BoolOp', op, values, line: t.line, col: t.col };
  }

  private inversion(): A.Expr {
    const t = this.acceptKw('not');
    if (t) return { kind: 'UnaryOp', op: 'Not', operand: this.nested(() => this.inversion()), line: t.line, col: t.col };
    return this.comparison();
  }

  private comparison(): A.Expr {
    const t = this.peek();
    const left = this.bitwiseOr();
    const ops: A.CmpOperator[] = [];
    const comparators: A.Expr[] = [];
    while (true) {
      const op = this.compareOp();
      if (op === null) break;
      ops.push(op);
      comparators.push(this.bitwiseOr());
    }
    if (ops.length === 0) return left;
    return { kind: 'Compare', left, ops, comparators, line: t.line, col: t.col };
  }

  private compareOp(): A.CmpOperator | null {
    const t = this.peek();
    if (t.kind === 'OP' && COMPARE_OPS[t.text] !== undefined) {
      this.next();
      return COMPARE_OPS[t.text]!;
    }
    if (t.kind !== 'NAME') return null;
    if (t.text === 'in') {
      this.next();
      return 'In';
    }
    if (t.text === 'not' && this.isKw('in', 1)) {
      this.next();
      this.next();
      return 'NotIn';
    }
    if (t.text === 'is') {
      this.next();
      return this.acceptKw('not') ? 'IsNot' : 'Is';
    }
    return null;
  }

  private bitwiseOr(): A.Expr {
    return this.binary(0);
  }

  /** Left-associative binary operators, one precedence level per entry of BINARY_LEVELS. */
  private binary(level: number): A.Expr {
    if (level === BINARY_LEVELS.length) return this.factor();
    const ops = BINARY_LEVELS[level]!;
    const t = this.peek();
    let left = this.binary(level + 1);
    while (true) {
      const o = this.peek();
      if (o.kind !== 'OP') break;
      if (o.text === '@' && level === BINARY_LEVELS.length - 1) throw this.unsupported('the @ operator', o);
      const op = ops[o.text];
      if (op === undefined) break;
      this.next();
      const right = this.binary(level + 1);
      left = { kind: 'BinOp', left, op, right, line: t.line, col: t.col };
    }
    return left;
  }

  private factor(): A.Expr {
    const t = this.peek();
    if (t.kind === 'OP' && UNARY_OPS[t.text] !== undefined) {
      this.next();
      return { kind: 'UnaryOp', op: UNARY_OPS[t.text]!, operand: this.nested(() => this.factor()), line: t.line, col: t.col };
    }
    return this.power();
  }

  private power(): A.Expr {
    const t = this.peek();
    if (this.isKw('await')) throw this.unsupported('await expressions', t);
    const base = this.primary();
    if (!this.acceptOp('**')) return base;
    return { kind: 'BinOp', left: base, op: 'Pow', right: this.nested(() => this.factor()), line: t.line, col: t.col };
  }

  private primary(): A.Expr {
    const t = this.peek();
    let e = this.atom();
    // Each trailer nests the tree one level deeper, and every later pass walks it recursively.
    for (let trailers = 0; ; trailers++) {
      if (trailers > MAX_NESTING) throw this.unsupported(`expressions nested more than ${MAX_NESTING} levels deep`, this.peek());
      if (this.acceptOp('.')) {
        const name = this.expectName();
        e = { kind: 'Attribute', value: e, attr: name.text, ctx: 'Load', line: t.line, col: t.col };
      } else if (this.isOp('(')) {
        const open = this.next();
        const { args, keywords } = this.callArguments(open);
        e = { kind: 'Call', func: e, args, keywords, line: t.line, col: t.col };
      } else if (this.acceptOp('[')) {
        const slice = this.slices();
        this.expectOp(']');
        e = { kind: 'Subscript', value: e, slice, ctx: 'Load', line: t.line, col: t.col };
      } else {
        return e;
      }
    }
  }

  /** Arguments after an opening `(` up to and including `)`. */
  private callArguments(open?: Token): { args: A.Expr[]; keywords: A.Keyword[] } {
    const args: A.Expr[] = [];
    const keywords: A.Keyword[] = [];
    let kwUnpack = false;
    while (!this.isOp(')')) {
      const t = this.peek();
      if (this.acceptOp('*')) {
        if (kwUnpack) throw this.syntaxError('iterable argument unpacking follows keyword argument unpacking', t);
        args.push({ kind: 'Starred', value: this.expression(), ctx: 'Load', line: t.line, col: t.col });
      } else if (this.acceptOp('**')) {
        kwUnpack = true;
        keywords.push({ arg: null, value: this.expression(), line: t.line, col: t.col });
      } else if (this.isIdentifier() && this.isOp('=', 1)) {
        this.next();
        this.next();
        keywords.push({ arg: t.text, value: this.expression(), line: t.line, col: t.col });
      } else {
        let e = this.namedExpression();
        if (this.isKw('for') || this.isKw('async')) {
          if (args.length > 0 || keywords.length > 0 || open === undefined) {
            throw this.syntaxError('Generator expression must be parenthesized', e);
          }
          e = { kind: 'GeneratorExp', elt: e, generators: this.comprehensionClauses(), line: open.line, col: open.col };
          if (!this.isOp(')')) throw this.syntaxError('Generator expression must be parenthesized', e.elt);
        } else if (this.isOp('=')) {
          throw this.syntaxError('expression cannot contain assignment, perhaps you meant "=="?', e);
        }
        // CPython points just past the offending argument.
        if (kwUnpack) throw this.syntaxError('positional argument follows keyword argument unpacking', this.peek());
        if (keywords.length > 0) throw this.syntaxError('positional argument follows keyword argument', this.peek());
        args.push(e);
      }
      if (!this.acceptOp(',')) break;
    }
    this.expectOp(')');
    return { args, keywords };
  }

  /** What stands between `[` and `]` of a subscript. */
  private slices(): A.Expr {
    const t = this.peek();
    const first = this.sliceItem();
    if (!this.isOp(',')) return first;
    const elts = [first];
    while (this.acceptOp(',')) {
      if (this.isOp(']')) break;
      elts.push(this.sliceItem());
    }
    return { kind: 'Tuple', elts, ctx: 'Load', line: t.line, col: t.col };
  }

  private sliceItem(): A.Expr {
    const t = this.peek();
    if (this.isOp('*')) throw this.unsupported('star-expressions in subscripts', t);
    const lower = this.isOp(':') ? null : this.namedExpression();
    if (!this.acceptOp(':')) return lower!;
    const endsPart = (): boolean => this.isOp(':') || this.isOp(',') || this.isOp(']');
    const upper = endsPart() ? null : this.expression();
    let step: A.Expr | null = null;
    if (this.acceptOp(':')) step = this.isOp(',') || this.isOp(']') ? null : this.expression();
    return { kind: 'Slice', lower, upper, step, line: t.line, col: t.col };
  }

  private atom(): A.Expr {
    const t = this.peek();
    switch (t.kind) {
      case 'NAME':
        if (t.text === 'True' || t.text === 'False') {
          this.next();
          return { kind: 'Constant', value: { type: 'bool', value: t.text === 'True' }, line: t.line, col: t.col };
        }
        if (t.text === 'None') {
          this.next();
          return { kind: 'Constant', value: { type: 'None' }, line: t.line, col: t.col };
        }
        if (t.text === 'yield') throw this.invalid(t);
        if (KEYWORDS.has(t.text)) throw this.invalid(t);
        this.next();
        return { kind: 'Name', id: t.text, ctx: 'Load', line: t.line, col: t.col };
      case 'NUMBER':
        this.next();
        return { kind: 'Constant', value: t.number!, line: t.line, col: t.col };
      case 'STRING':
        return this.strings();
      case 'OP':
        switch (t.text) {
          case '...':
            this.next();
            return { kind: 'Constant', value: { type: 'Ellipsis' }, line: t.line, col: t.col };
          case '(':
            return this.parenthesized();
          case '[':
            return this.listDisplay();
          case '{':
            return this.dictOrSetDisplay();
        }
    }
    throw this.invalid(t);
  }

  private parenthesized(): A.Expr {
    const t = this.next();
    if (this.acceptOp(')')) return { kind: 'Tuple', elts: [], ctx: 'Load', line: t.line, col: t.col };
    if (this.isKw('yield')) {
      const y = this.yieldExpr();
      this.expectOp(')');
      return y;
    }
    const first = this.starNamedExpression();
    if (this.isKw('for') || this.isKw('async')) {
      const g: A.GeneratorExp = { kind: 'GeneratorExp', elt: first, generators: this.comprehensionClauses(), line: t.line, col: t.col };
      this.expectOp(')');
      return g;
    }
    if (this.acceptOp(')')) {
      if (first.kind === 'Starred') throw this.syntaxError('cannot use starred expression here', first);
      return first;
    }
    this.expectOp(',');
    const elts = [first];
    while (!this.isOp(')')) {
      elts.push(this.starNamedExpression());
      if (!this.acceptOp(',')) break;
    }
    this.expectOp(')');
    return { kind: 'Tuple', elts, ctx: 'Load', line: t.line, col: t.col };
  }

  private listDisplay(): A.Expr {
    const t = this.next();
    if (this.acceptOp(']')) return { kind: 'List', elts: [], ctx: 'Load', line: t.line, col: t.col };
    const first = this.starNamedExpression();
    if (this.isKw('for') || this.isKw('async')) {
      const c: A.ListComp = { kind: 'ListComp', elt: first, generators: this.comprehensionClauses(), line: t.line, col: t.col };
      this.expectOp(']');
      return c;
    }
    const elts = [first];
    while (this.acceptOp(',')) {
      if (this.isOp(']')) break;
      elts.push(this.starNamedExpression());
    }
    this.expectOp(']');
    return { kind: 'List', elts, ctx: 'Load', line: t.line, col: t.col };
  }

  private dictOrSetDisplay(): A.Expr {
    const t = this.next();
    if (this.acceptOp('}')) return { kind: 'Dict', keys: [], values: [], line: t.line, col: t.col };
    const keys: (A.Expr | null)[] = [];
    const values: A.Expr[] = [];
    const firstUnpack = this.acceptOp('**');
    if (firstUnpack) {
      keys.push(null);
      values.push(this.bitwiseOr());
    } else {
      const first = this.starNamedExpression();
      if (first.kind !== 'Starred' && this.acceptOp(':')) {
        const value = this.expression();
        if (this.isKw('for') || this.isKw('async')) {
          const c: A.DictComp = { kind: 'DictComp', key: first, value, generators: this.comprehensionClauses(), line: t.line, col: t.col };
          this.expectOp('}');
          return c;
        }
        keys.push(first);
        values.push(value);
      } else {
        // A set display or set comprehension.
        if (this.isKw('for') || this.isKw('async')) {
          const c: A.SetComp = { kind: 'SetComp', elt: first, generators: this.comprehensionClauses(), line: t.line, col: t.col };
          this.expectOp('}');
          return c;
        }
        const elts = [first];
        while (this.acceptOp(',')) {
          if (this.isOp('}')) break;
          elts.push(this.starNamedExpression());
        }
        this.expectOp('}');
        return { kind: 'Set', elts, line: t.line, col: t.col };
      }
    }
    if ((this.isKw('for') || this.isKw('async')) && keys[0] === null) {
      throw this.syntaxError('dict unpacking cannot be used in dict comprehension', firstUnpack!);
    }
    while (this.acceptOp(',')) {
      if (this.isOp('}')) break;
      if (this.acceptOp('**')) {
        keys.push(null);
        values.push(this.bitwiseOr());
      } else {
        keys.push(this.expression());
        this.expectOp(':');
        values.push(this.expression());
      }
    }
    this.expectOp('}');
    return { kind: 'Dict', keys, values, line: t.line, col: t.col };
  }

  /** for_if_clauses: `for TARGETS in DISJUNCTION (if DISJUNCTION)*`, repeated. */
  private comprehensionClauses(): A.Comprehension[] {
    const generators: A.Comprehension[] = [];
    while (this.isKw('for') || this.isKw('async')) {
      if (this.isKw('async')) throw this.unsupported('async comprehensions', this.peek());
      this.next();
      const target = this.toTarget(this.starTargets(), 'for', false);
      this.expectKw('in');
      const iter = this.disjunction();
      const ifs: A.Expr[] = [];
      while (this.acceptKw('if')) ifs.push(this.disjunction());
      generators.push({ target, iter, ifs });
    }
    return generators;
  }

  yieldExpr(): A.Yield {
    const t = this.next();
    if (this.isKw('from')) throw this.unsupported('yield from', t);
    const value = this.canStartExpression() ? this.starExpressions() : null;
    return { kind: 'Yield', value, line: t.line, col: t.col };
  }

  // ------------------------------------------------------------ strings

  /** Adjacent string literals, joined as CPython joins them: a Constant, or a JoinedStr if any is an f-string. */
  private strings(): A.Expr {
    const first = this.peek();
    const toks: Token[] = [];
    while (this.peek().kind === 'STRING') toks.push(this.next());
    if (toks.every((t) => t.fparts === undefined)) {
      return { kind: 'Constant', value: { type: 'str', value: toks.map((t) => t.str!).join('') }, line: first.line, col: first.col };
    }
    const builder = new JoinedBuilder();
    for (const t of toks) {
      if (t.fparts === undefined) builder.literal(t.str!, this.src.pos(t.start));
      else this.fstringParts(t.fparts, builder);
    }
    return { kind: 'JoinedStr', values: builder.finish(), line: first.line, col: first.col };
  }

  private fstringParts(parts: readonly FStringPart[], builder: JoinedBuilder): void {
    for (const part of parts) {
      if (part.kind === 'literal') builder.literal(part.value, this.src.pos(part.start));
      else {
        if (part.debugText !== null) builder.literal(part.debugText, this.src.pos(part.exprStart));
        builder.value(this.formattedValue(part));
      }
    }
  }

  private formattedValue(field: FStringField): A.FormattedValue {
    const sub = new Parser(this.src, tokenizeRegion(this.src, field.exprStart, field.exprEnd));
    const value = sub.isKw('yield') ? sub.yieldExpr() : sub.starExpressions();
    if (sub.peek().kind !== 'ENDMARKER') throw sub.invalid();
    let formatSpec: A.JoinedStr | null = null;
    if (field.spec !== null) {
      const builder = new JoinedBuilder();
      this.fstringParts(field.spec, builder);
      const values = builder.finish();
      if (values.length > 0) formatSpec = { kind: 'JoinedStr', values, ...this.src.pos(field.specStart) };
    }
    return { kind: 'FormattedValue', value, conversion: field.conversion, formatSpec, ...this.src.pos(field.start) };
  }
}

/** Collects JoinedStr parts, merging adjacent literal text into one Constant and dropping empty text. */
class JoinedBuilder {
  private readonly values: A.Expr[] = [];
  private text = '';
  private textPos: A.Pos | null = null;

  literal(s: string, at: A.Pos): void {
    if (s === '') return;
    if (this.textPos === null) this.textPos = at;
    this.text += s;
  }

  value(v: A.FormattedValue): void {
    this.flush();
    this.values.push(v);
  }

  finish(): A.Expr[] {
    this.flush();
    return this.values;
  }

  private flush(): void {
    if (this.textPos !== null) this.values.push({ kind: 'Constant', value: { type: 'str', value: this.text }, ...this.textPos });
    this.text = '';
    this.textPos = null;
  }
}

// ---------------------------------------------------------------- compile-time checks

/** Where a statement sits, for the checks CPython's symtable and compiler make before running. */
interface Scope {
  readonly kind: 'module' | 'function' | 'class';
  readonly inLoop: boolean;
}

/** Comprehension kinds as CPython names them in "'yield' inside ..." messages. */
const COMPREHENSION_NAMES: Partial<Record<A.Expr['kind'], string>> = {
  ListComp: 'list comprehension',
  SetComp: 'set comprehension',
  DictComp: 'dict comprehension',
  GeneratorExp: 'generator expression',
};

function fail(msg: string, at: A.Pos): never {
  throw new PySyntaxError('SyntaxError', msg, at.line, at.col);
}

function checkScopes(module: A.Module): void {
  checkBody(module.body, { kind: 'module', inLoop: false });
}

function checkBody(body: readonly A.Stmt[], scope: Scope): void {
  for (const s of body) checkStmt(s, scope);
}

function checkStmt(s: A.Stmt, scope: Scope): void {
  switch (s.kind) {
    case 'FunctionDef':
      checkAll(s.args.defaults, scope, null);
      checkBody(s.body, { kind: 'function', inLoop: false });
      return;
    case 'ClassDef':
      checkAll(s.bases, scope, null);
      checkBody(s.body, { kind: 'class', inLoop: false });
      return;
    case 'Return':
      if (scope.kind !== 'function') fail("'return' outside function", s);
      checkOptional(s.value, scope, null);
      return;
    case 'Delete':
      checkAll(s.targets, scope, null);
      return;
    case 'Assign':
      checkAll(s.targets, scope, null);
      checkExpr(s.value, scope, null);
      return;
    case 'AugAssign':
      checkExpr(s.target, scope, null);
      checkExpr(s.value, scope, null);
      return;
    case 'For':
      checkExpr(s.target, scope, null);
      checkExpr(s.iter, scope, null);
      checkBody(s.body, { kind: scope.kind, inLoop: true });
      checkBody(s.orelse, scope);
      return;
    case 'While':
      checkExpr(s.test, scope, null);
      checkBody(s.body, { kind: scope.kind, inLoop: true });
      checkBody(s.orelse, scope);
      return;
    case 'If':
      checkExpr(s.test, scope, null);
      checkBody(s.body, scope);
      checkBody(s.orelse, scope);
      return;
    case 'Try':
      checkBody(s.body, scope);
      for (const h of s.handlers) {
        checkOptional(h.type, scope, null);
        checkBody(h.body, scope);
      }
      checkBody(s.orelse, scope);
      checkBody(s.finalbody, scope);
      return;
    case 'Raise':
      checkOptional(s.exc, scope, null);
      checkOptional(s.cause, scope, null);
      return;
    case 'Assert':
      checkExpr(s.test, scope, null);
      checkOptional(s.msg, scope, null);
      return;
    case 'Nonlocal':
      if (scope.kind === 'module') fail('nonlocal declaration not allowed at module level', s);
      return;
    case 'ExprStmt':
      checkExpr(s.value, scope, null);
      return;
    case 'Break':
      if (!scope.inLoop) fail("'break' outside loop", s);
      return;
    case 'Continue':
      if (!scope.inLoop) fail("'continue' not properly in loop", s);
      return;
    case 'Import':
    case 'ImportFrom':
    case 'Global':
    case 'Pass':
      return;
  }
}

function checkAll(es: readonly (A.Expr | null)[], scope: Scope, comprehension: string | null): void {
  for (const e of es) if (e !== null) checkExpr(e, scope, comprehension);
}

function checkOptional(e: A.Expr | null, scope: Scope, comprehension: string | null): void {
  if (e !== null) checkExpr(e, scope, comprehension);
}

/** Star-expressions in a list, tuple or set display: the subset runs them only as targets. */
function checkDisplay(elts: readonly A.Expr[], what: string, ctx: A.ExprContext, scope: Scope, comprehension: string | null): void {
  for (const x of elts) {
    if (x.kind === 'Starred' && ctx === 'Load') throw new UnsupportedError(`star-expressions in ${what}`, x.line, x.col);
    checkExpr(x, scope, comprehension);
  }
}

/**
 * Checks an expression: `yield` only inside a function (and not in a comprehension), and
 * star-expressions only where the subset runs them (call arguments and assignment targets).
 */
function checkExpr(e: A.Expr, scope: Scope, comprehension: string | null): void {
  switch (e.kind) {
    case 'Yield':
      if (comprehension !== null) fail(`'yield' inside ${comprehension}`, e);
      if (scope.kind !== 'function') fail("'yield' outside function", e);
      checkOptional(e.value, scope, comprehension);
      return;
    case 'ListComp':
    case 'SetComp':
    case 'GeneratorExp':
    case 'DictComp': {
      const name = COMPREHENSION_NAMES[e.kind]!;
      // The first iterable is evaluated in the enclosing scope; everything else in the comprehension's own.
      e.generators.forEach((g, i) => {
        checkExpr(g.iter, scope, i === 0 ? comprehension : name);
        checkExpr(g.target, scope, name);
        checkAll(g.ifs, scope, name);
      });
      if (e.kind === 'DictComp') {
        checkExpr(e.key, scope, name);
        checkExpr(e.value, scope, name);
      } else {
        checkExpr(e.elt, scope, name);
      }
      return;
    }
    case 'Lambda':
      checkAll(e.args.defaults, scope, comprehension);
      checkExpr(e.body, { kind: 'function', inLoop: false }, null);
      return;
    case 'List':
      checkDisplay(e.elts, 'list displays', e.ctx, scope, comprehension);
      return;
    case 'Tuple':
      checkDisplay(e.elts, 'tuple displays', e.ctx, scope, comprehension);
      return;
    case 'Set':
      checkDisplay(e.elts, 'set displays', 'Load', scope, comprehension);
      return;
    case 'Starred':
      if (e.ctx === 'Load') fail("can't use starred expression here", e);
      checkExpr(e.value, scope, comprehension);
      return;
    case 'BoolOp':
      checkAll(e.values, scope, comprehension);
      return;
    case 'BinOp':
      checkExpr(e.left, scope, comprehension);
      checkExpr(e.right, scope, comprehension);
      return;
    case 'UnaryOp':
      checkExpr(e.operand, scope, comprehension);
      return;
    case 'IfExp':
      checkExpr(e.test, scope, comprehension);
      checkExpr(e.body, scope, comprehension);
      checkExpr(e.orelse, scope, comprehension);
      return;
    case 'Dict':
      checkAll(e.keys, scope, comprehension);
      checkAll(e.values, scope, comprehension);
      return;
    case 'Compare':
      checkExpr(e.left, scope, comprehension);
      checkAll(e.comparators, scope, comprehension);
      return;
    case 'Call':
      checkExpr(e.func, scope, comprehension);
      for (const a of e.args) checkExpr(a.kind === 'Starred' ? a.value : a, scope, comprehension);
      for (const k of e.keywords) checkExpr(k.value, scope, comprehension);
      return;
    case 'JoinedStr':
      checkAll(e.values, scope, comprehension);
      return;
    case 'FormattedValue':
      checkExpr(e.value, scope, comprehension);
      checkOptional(e.formatSpec, scope, comprehension);
      return;
    case 'Attribute':
      checkExpr(e.value, scope, comprehension);
      return;
    case 'Subscript':
      checkExpr(e.value, scope, comprehension);
      checkExpr(e.slice, scope, comprehension);
      return;
    case 'Slice':
      checkOptional(e.lower, scope, comprehension);
      checkOptional(e.upper, scope, comprehension);
      checkOptional(e.step, scope, comprehension);
      return;
    case 'Constant':
    case 'Name':
      return;
  }
}

// ---------------------------------------------------------------- global and nonlocal declarations

// Symbol flags, after CPython's Include/internal/pycore_symtable.h (DEF_GLOBAL, DEF_LOCAL, ...).
const DEF_GLOBAL = 1;
const DEF_LOCAL = 2;
const DEF_PARAM = 4;
const DEF_NONLOCAL = 8;
const USE = 16;
const DEF_IMPORT = 32;

/** One block of CPython's symbol table: just enough of it to reject what symtable.c rejects. */
class SymbolBlock {
  readonly flags = new Map<string, number>();
  /** The first global/nonlocal statement naming each symbol (CPython's ste_directives). */
  readonly directives = new Map<string, A.Pos>();
  readonly nonlocals: string[] = [];
  readonly children: SymbolBlock[] = [];

  constructor(
    readonly kind: 'module' | 'function' | 'class',
    readonly parent: SymbolBlock | null,
  ) {
    parent?.children.push(this);
  }

  add(name: string, flag: number): void {
    this.flags.set(name, (this.flags.get(name) ?? 0) | flag);
  }
}

/**
 * The declaration errors CPython's symtable.c raises before anything runs: `global` or
 * `nonlocal` after the name was used or assigned, on a parameter, both at once, and a
 * `nonlocal` with no enclosing function binding the name.
 */
function checkDeclarations(module: A.Module): void {
  const top = new SymbolBlock('module', null);
  for (const s of module.body) declStmt(s, top);
  resolveNonlocals(top);
}

function declare(s: A.Global | A.Nonlocal, block: SymbolBlock): void {
  const word = s.kind === 'Global' ? 'global' : 'nonlocal';
  for (const name of s.names) {
    const cur = block.flags.get(name) ?? 0;
    if (cur & (DEF_PARAM | DEF_LOCAL | USE)) {
      if (cur & DEF_PARAM) fail(`name '${name}' is parameter and ${word}`, s);
      if (cur & USE) fail(`name '${name}' is used prior to ${word} declaration`, s);
      fail(`name '${name}' is assigned to before ${word} declaration`, s);
    }
    if (!block.directives.has(name)) block.directives.set(name, { line: s.line, col: s.col });
    if (cur & (s.kind === 'Global' ? DEF_NONLOCAL : DEF_GLOBAL)) fail(`name '${name}' is nonlocal and global`, block.directives.get(name)!);
    block.add(name, s.kind === 'Global' ? DEF_GLOBAL : DEF_NONLOCAL);
    if (s.kind === 'Nonlocal') block.nonlocals.push(name);
  }
}

function declBody(body: readonly A.Stmt[], block: SymbolBlock): void {
  for (const s of body) declStmt(s, block);
}

function declStmt(s: A.Stmt, block: SymbolBlock): void {
  switch (s.kind) {
    case 'FunctionDef': {
      block.add(s.name, DEF_LOCAL);
      declExprs(s.args.defaults, block);
      const fn = new SymbolBlock('function', block);
      for (const a of parameterNames(s.args)) fn.add(a, DEF_PARAM);
      declBody(s.body, fn);
      return;
    }
    case 'ClassDef': {
      block.add(s.name, DEF_LOCAL);
      declExprs(s.bases, block);
      declBody(s.body, new SymbolBlock('class', block));
      return;
    }
    case 'Global':
    case 'Nonlocal':
      if (s.kind === 'Nonlocal' && block.kind === 'module') fail('nonlocal declaration not allowed at module level', s);
      declare(s, block);
      return;
    case 'Import':
      for (const a of s.names) block.add(a.asname ?? a.name.split('.')[0]!, DEF_IMPORT);
      return;
    case 'ImportFrom':
      for (const a of s.names) block.add(a.asname ?? a.name, DEF_IMPORT);
      return;
    case 'Return':
      declExpr(s.value, block);
      return;
    case 'Delete':
      declExprs(s.targets, block);
      return;
    case 'Assign':
      declExprs(s.targets, block);
      declExpr(s.value, block);
      return;
    case 'AugAssign':
      declExpr(s.target, block);
      declExpr(s.value, block);
      return;
    case 'For':
      declExpr(s.target, block);
      declExpr(s.iter, block);
      declBody(s.body, block);
      declBody(s.orelse, block);
      return;
    case 'While':
    case 'If':
      declExpr(s.test, block);
      declBody(s.body, block);
      declBody(s.orelse, block);
      return;
    case 'Try':
      declBody(s.body, block);
      for (const h of s.handlers) {
        declExpr(h.type, block);
        if (h.name !== null) block.add(h.name, DEF_LOCAL);
        declBody(h.body, block);
      }
      declBody(s.orelse, block);
      declBody(s.finalbody, block);
      return;
    case 'Raise':
      declExpr(s.exc, block);
      declExpr(s.cause, block);
      return;
    case 'Assert':
      declExpr(s.test, block);
      declExpr(s.msg, block);
      return;
    case 'ExprStmt':
      declExpr(s.value, block);
      return;
    case 'Pass':
    case 'Break':
    case 'Continue':
      return;
  }
}

function declExprs(es: readonly (A.Expr | null)[], block: SymbolBlock): void {
  for (const e of es) declExpr(e, block);
}

function declExpr(e: A.Expr | null, block: SymbolBlock): void {
  if (e === null) return;
  switch (e.kind) {
    case 'Name':
      block.add(e.id, e.ctx === 'Load' ? USE : DEF_LOCAL);
      return;
    case 'Lambda': {
      declExprs(e.args.defaults, block);
      const fn = new SymbolBlock('function', block);
      for (const a of parameterNames(e.args)) fn.add(a, DEF_PARAM);
      declExpr(e.body, fn);
      return;
    }
    case 'ListComp':
    case 'SetComp':
    case 'GeneratorExp':
    case 'DictComp': {
      // A comprehension is its own function block; its first iterable belongs to the enclosing one.
      const fn = new SymbolBlock('function', block);
      e.generators.forEach((g, i) => {
        declExpr(g.iter, i === 0 ? block : fn);
        declExpr(g.target, fn);
        declExprs(g.ifs, fn);
      });
      if (e.kind === 'DictComp') declExprs([e.key, e.value], fn);
      else declExpr(e.elt, fn);
      return;
    }
    case 'BoolOp':
      declExprs(e.values, block);
      return;
    case 'BinOp':
      declExprs([e.left, e.right], block);
      return;
    case 'UnaryOp':
      declExpr(e.operand, block);
      return;
    case 'IfExp':
      declExprs([e.test, e.body, e.orelse], block);
      return;
    case 'Dict':
      declExprs(e.keys, block);
      declExprs(e.values, block);
      return;
    case 'Set':
    case 'List':
    case 'Tuple':
      declExprs(e.elts, block);
      return;
    case 'Yield':
      declExpr(e.value, block);
      return;
    case 'Compare':
      declExpr(e.left, block);
      declExprs(e.comparators, block);
      return;
    case 'Call':
      declExpr(e.func, block);
      declExprs(e.args, block);
      for (const k of e.keywords) declExpr(k.value, block);
      return;
    case 'JoinedStr':
      declExprs(e.values, block);
      return;
    case 'FormattedValue':
      declExpr(e.value, block);
      declExpr(e.formatSpec, block);
      return;
    case 'Attribute':
    case 'Starred':
      declExpr(e.value, block);
      return;
    case 'Subscript':
      declExprs([e.value, e.slice], block);
      return;
    case 'Slice':
      declExprs([e.lower, e.upper, e.step], block);
      return;
    case 'Constant':
      return;
  }
}

/** CPython's analyze_name: a nonlocal needs an enclosing function (classes are skipped) that binds the name. */
function resolveNonlocals(block: SymbolBlock): void {
  for (const name of block.nonlocals) {
    let found = false;
    for (let p = block.parent; p !== null && p.kind !== 'module'; p = p.parent) {
      if (p.kind === 'class') continue;
      const f = p.flags.get(name) ?? 0;
      if (f & DEF_GLOBAL) break;
      if (f & DEF_NONLOCAL) continue;
      if (f & (DEF_LOCAL | DEF_PARAM | DEF_IMPORT)) {
        found = true;
        break;
      }
    }
    if (!found) fail(`no binding for nonlocal '${name}' found`, block.directives.get(name)!);
  }
  for (const child of block.children) resolveNonlocals(child);
}
