// AST -> code objects (Python/compile.c with Python/ast_opt.c's constant folding).
//
// What a student can see of the compiler is decided here:
// - constant folding as the AST optimizer does it (`2**10`, `-5`, `'a'*3`, a tuple of
//   constants becomes one constant, `x in [1, 2]` and `for x in [1, 2]` iterate a tuple),
//   with CPython's size limits;
// - equal constants are one object across the whole file (c_const_cache,
//   merge_consts_recursive), so `a = 257; b = 257; a is b` is True and a function
//   returning 257 returns that same object; each code object holds its own co_consts
//   reference to it;
// - the parser's arena keeps one reference to every literal it made until the module has
//   finished running (that is why `x = 257; sys.getrefcount(x)` is 4, not 3);
// - str constants made only of name characters are interned (intern_string_constants).

import type * as A from './ast';
import { PySyntaxError, UnsupportedError } from './errors';
import { Op, BINARY_OPS, INPLACE } from './opcodes';
import { SymbolTable, Scope, NameScope, type ScopeNode } from './symtable';
import { PyCode, CO_GENERATOR, CO_NESTED, CO_NEWLOCALS, CO_VARARGS, CO_VARKEYWORDS } from './objects/function';
import { PyObject, incref, decref, gcUntrack } from './objects/object';
import { profile } from './profile';
import { optimizeFormat } from './optimize_format';
import { CmpOp } from './objects/type';
import { newInt, PyInt, IntType, True, False, intAdd, intSub, intMul, intFloorDiv, intMod, isZero, big, norm, type IntValue } from './objects/int';
import { newFloat, PyFloat, FloatType } from './objects/float';
import { PyErr } from './objects/exceptions';
import { newStr, PyStr, internInPlace, allNameChars } from './objects/str';
import { newTuple, PyTuple } from './objects/tuple';
import { None, Ellipsis } from './objects/singletons';
import { newFrozenSetFromItems, PySet } from './objects/set';

/** Modules the engine provides. */
export const SUPPORTED_MODULES = new Set(['sys', 'gc', 'copy', 'weakref']);

/** What the compiler met in the file (compiling it allocates in CPython). */
export interface ProgramShape {
  /** Function, class, lambda and comprehension bodies. */
  readonly bodies: number;
  /** The deepest nesting of bodies (a method: 2). */
  readonly depth: number;
  /** Non-empty tuple constants (in co_consts of any code object). */
  readonly constTuples: number;
}

/** What compiling a module produces besides its code object. */
export interface CompiledModule {
  readonly code: PyCode;
  /** The parser arena's references (released when the module finishes). */
  readonly arena: PyObject[];
  /** What compiling met (compiling allocates in CPython, see pylifecycle.setStartState). */
  readonly shape: ProgramShape;
}

// ast_opt.c limits
const MAX_INT_SIZE = 128; // bits
const MAX_COLLECTION_SIZE = 256;
const MAX_STR_SIZE = 4096;
const MAX_TOTAL_ITEMS = 1024;

type Folded = A.Expr;

export function compileModule(mod: A.Module): CompiledModule {
  const st = new SymbolTable(mod);
  const unit = new CompilationUnit(st);
  const code = unit.compileScope(mod, st.top, '<module>', '<module>');
  unit.releaseCache();
  let bodies = 0;
  let depth = 0;
  let constTuples = 0;
  const walk = (co: PyCode): void => {
    for (const k of co.consts) {
      if (k instanceof PyCode) walk(k);
      else if (k instanceof PyTuple && k.items.length > 0) constTuples++;
    }
  };
  walk(code);
  for (const sc of st.scopes.values()) {
    if (sc.kind === 'module') continue;
    bodies++;
    let d = 0;
    for (let p: Scope | null = sc; p !== null && p.kind !== 'module'; p = p.parent) d++;
    depth = Math.max(depth, d);
  }
  return { code, arena: unit.arena, shape: { bodies, depth, constTuples } };
}

interface FBlock {
  kind: 'loop' | 'for' | 'try_except' | 'finally_try' | 'finally_end' | 'handler' | 'handler_named';
  /** loop start (continue target) */
  start?: Label;
  /** loop exit (break target) */
  exit?: Label;
  finalbody?: readonly A.Stmt[];
  name?: string;
}

class Label {
  pos = -1;
  readonly refs: number[] = [];
}

class CodeBuilder {
  ops: number[] = [];
  args: number[] = [];
  lines: number[] = [];
  consts: PyObject[] = [];
  constIndex = new Map<PyObject, number>();
  names: string[] = [];
  nameIndex = new Map<string, number>();
  line = 1;
  fblocks: FBlock[] = [];

  emit(op: Op, arg = 0): number {
    this.ops.push(op);
    this.args.push(arg);
    this.lines.push(this.line);
    return this.ops.length - 1;
  }

  emitJump(op: Op, label: Label, extra = 0): void {
    const at = this.emit(op, 0);
    if (label.pos >= 0) this.args[at] = (label.pos << 2) | extra;
    else label.refs.push(at), (this.args[at] = extra);
  }

  bind(label: Label): void {
    label.pos = this.ops.length;
    for (const r of label.refs) this.args[r] = (label.pos << 2) | (this.args[r]! & 3);
  }

  name(n: string): number {
    let i = this.nameIndex.get(n);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(n);
      this.nameIndex.set(n, i);
    }
    return i;
  }
}

/** Jump arguments carry the target in the high bits and 2 spare bits (SETUP_FINALLY's pop count). */
export const jumpTarget = (arg: number): number => arg >> 2;

class CompilationUnit {
  readonly arena: PyObject[] = [];
  /** c_const_cache: constant key -> canonical object. */
  private readonly constCache = new Map<string, PyObject>();
  private scope!: Scope;
  private b!: CodeBuilder;
  /** The body whose first statement may be a docstring. */
  private currentBody: readonly A.Stmt[] | null = null;
  private qualPrefix: string[] = [];

  constructor(private readonly st: SymbolTable) {}

  /** compiler_free: the constant cache's references go. */
  releaseCache(): void {
    for (const o of this.constCache.values()) decref(o);
    this.constCache.clear();
  }

  // ------------------------------------------------------------------ constants

  /** The parser's object for a literal (small ints and 1-char strings come from the caches). */
  private parserObject(v: A.ConstantValue): PyObject {
    let o: PyObject;
    switch (v.type) {
      case 'int':
        o = newInt(norm(v.value));
        break;
      case 'float':
        o = newFloat(v.value);
        break;
      case 'str':
        o = newStr(v.value);
        break;
      case 'bool':
        o = incref(v.value ? True : False);
        break;
      case 'None':
        o = incref(None);
        break;
      case 'Ellipsis':
        o = incref(Ellipsis);
        break;
    }
    this.arena.push(o);
    return o;
  }

  /** _PyCode_ConstantKey */
  private constKey(o: PyObject): string {
    if (o instanceof PyStr) return 's' + o.value;
    if (o === True) return 'T';
    if (o === False) return 'F';
    if (o instanceof PyInt) return 'i' + String(o.value);
    if (o instanceof PyFloat) return 'f' + (Object.is(o.value, -0) ? '-0' : String(o.value));
    if (o === None) return 'N';
    if (o === Ellipsis) return 'E';
    if (o instanceof PyTuple) return 't(' + o.items.map((x) => this.constKey(x)).join(',') + ')';
    if (o instanceof PySet) return 'z{' + o.keysInOrder().map((x) => this.constKey(x)).sort().join(',') + '}';
    if (o instanceof PyCode) return 'c' + o.id;
    throw new Error('unexpected constant');
  }

  /** merge_consts_recursive: the canonical object for `o` (borrowed from the cache). */
  private merge(o: PyObject): PyObject {
    const key = this.constKey(o);
    const hit = this.constCache.get(key);
    if (hit !== undefined) return hit;
    if (o instanceof PyStr && allNameChars(o.value)) {
      // intern_string_constants: the code object holds the interned string.
      o = internInPlace(incref(o));
    } else {
      incref(o);
    }
    if (o instanceof PySet) {
      // merge_consts_recursive re-creates a frozenset from its items in table order, so the
      // constant's own table (and its printing order) is that of the re-insertion.
      const items = o.keysInOrder().map((x) => this.merge(x));
      const fresh = newFrozenSetFromItems(items);
      decref(o);
      o = fresh;
    }
    this.constCache.set(key, o); // the cache owns a reference until compilation ends
    // 3.12 leaves the compiler's constant tuples untracked; the others untrack them at the
    // first collection that looks (_PyTuple_MaybeUntrack).
    if (o instanceof PyTuple && profile().constTuplesUntracked) gcUntrack(o);
    if (o instanceof PyTuple) {
      for (let i = 0; i < o.items.length; i++) {
        const item = o.items[i]!;
        const u = this.merge(item);
        if (u !== item) {
          incref(u);
          o.items[i] = u;
          decref(item);
        }
      }
    }
    return o;
  }

  /**
   * makecode's merge_const_one(c, &consts): code objects whose co_consts are equal share one
   * tuple, so a literal used by two such functions is referenced once, not twice.
   */
  private mergeConstsTuple(consts: PyObject[]): PyTuple {
    const t = newTuple(consts);
    if (profile().constTuplesUntracked) gcUntrack(t);
    const key = 'K' + this.constKey(t);
    const hit = this.constCache.get(key);
    if (hit !== undefined) {
      decref(t);
      return incref(hit as PyTuple);
    }
    this.constCache.set(key, incref(t));
    return t;
  }

  /** Add a canonical constant to the current code object's co_consts. */
  private addConst(o: PyObject): number {
    const b = this.b;
    let i = b.constIndex.get(o);
    if (i === undefined) {
      i = b.consts.length;
      b.consts.push(incref(o));
      b.constIndex.set(o, i);
    }
    return i;
  }

  private loadConstObject(o: PyObject): void {
    this.b.emit(Op.LOAD_CONST, this.addConst(this.merge(o)));
  }

  /** ADDOP_LOAD_CONST_NEW: a constant the compiler made itself (not in the arena). */
  private loadConstNew(o: PyObject): void {
    this.b.emit(Op.LOAD_CONST, this.addConst(this.merge(o)));
    decref(o);
  }

  // ------------------------------------------------------------------ folding (ast_opt.c)

  /** The constant value of a folded node, or null. */
  private constOf(e: A.Expr): PyObject | null {
    return e.kind === 'Constant' ? this.constantObject(e) : (this.folded.get(e) ?? null);
  }

  /** Constant nodes' parser objects, made once per node. */
  private readonly nodeObjects = new Map<A.Expr, PyObject>();
  /** Folded nodes: the object the optimizer put in their place. */
  private readonly folded = new Map<A.Expr, PyObject>();

  private constantObject(e: A.Constant): PyObject {
    let o = this.nodeObjects.get(e);
    if (o === undefined) {
      o = this.parserObject(e.value);
      this.nodeObjects.set(e, o);
    }
    return o;
  }

  /** Fold an expression tree bottom-up; returns the folded object or null. */
  private fold(e: A.Expr): PyObject | null {
    const done = this.folded.get(e);
    if (done !== undefined) return done;
    if (this.foldFailed.has(e)) return null;
    const r = this.foldUncached(e);
    if (r === null) this.foldFailed.add(e);
    return r;
  }

  private readonly foldFailed = new Set<A.Expr>();

  private foldUncached(e: A.Expr): PyObject | null {
    switch (e.kind) {
      case 'Constant':
        return this.constantObject(e);
      case 'UnaryOp': {
        const v = this.fold(e.operand);
        if (v === null) return null;
        const r = foldUnary(e.op, v);
        return r === null ? null : this.recordFold(e, r);
      }
      case 'BinOp': {
        const l = this.fold(e.left);
        const r = this.fold(e.right);
        if (l === null || r === null) return null;
        const v = foldBinary(e.op, l, r);
        return v === null ? null : this.recordFold(e, v);
      }
      case 'Tuple': {
        if (e.ctx !== 'Load') return null;
        const items: PyObject[] = [];
        let ok = true;
        for (const x of e.elts) {
          if (x.kind === 'Starred') {
            ok = false;
            continue;
          }
          const v = this.fold(x);
          if (v === null) ok = false;
          else items.push(v);
        }
        if (!ok) return null;
        for (const i of items) incref(i);
        return this.recordFold(e, newTuple(items));
      }
      case 'Subscript': {
        const v = this.fold(e.value);
        const s = e.slice.kind === 'Slice' ? null : this.fold(e.slice);
        if (v === null || s === null || e.ctx !== 'Load') return null;
        const r = foldSubscript(v, s);
        return r === null ? null : this.recordFold(e, r);
      }
      default:
        this.foldChildren(e);
        return null;
    }
  }

  /** fold_binop's optimize_format (3.11+): `'%s' % (x,)` compiles as f'{x!s}'. */
  private percentFormatAsFString(e: A.BinOp): A.JoinedStr | null {
    if (!profile().optimizesPercentFormat || e.op !== 'Mod' || e.right.kind !== 'Tuple') return null;
    if (e.right.elts.some((x) => x.kind === 'Starred') || this.fold(e.right) !== null) return null;
    const fmt = this.fold(e.left);
    if (!(fmt instanceof PyStr)) return null;
    return optimizeFormat(fmt.value, e.right.elts, e);
  }

  private recordFold(e: A.Expr, o: PyObject): PyObject {
    this.arena.push(o);
    this.folded.set(e, o);
    return o;
  }

  private foldChildren(e: A.Expr): void {
    switch (e.kind) {
      case 'BoolOp':
        e.values.forEach((v) => this.fold(v));
        return;
      case 'IfExp':
        this.fold(e.test);
        this.fold(e.body);
        this.fold(e.orelse);
        return;
      case 'Compare':
        this.fold(e.left);
        e.comparators.forEach((c) => this.fold(c));
        return;
      case 'Call':
        this.fold(e.func);
        e.args.forEach((a) => this.fold(a));
        e.keywords.forEach((k) => this.fold(k.value));
        return;
      default:
        return;
    }
  }

  /** fold_iter / fold_compare: a list display of constants iterated or tested becomes a tuple. */
  private foldIterable(e: A.Expr): PyObject | null {
    if (e.kind === 'List' && e.elts.every((x) => x.kind !== 'Starred')) {
      const items: PyObject[] = [];
      for (const x of e.elts) {
        const v = this.fold(x);
        if (v === null) return null;
        items.push(v);
      }
      for (const i of items) incref(i);
      return this.recordFold(e, newTuple(items));
    }
    if (e.kind === 'Set' && e.elts.every((x) => x.kind !== 'Starred')) {
      const items: PyObject[] = [];
      for (const x of e.elts) {
        const v = this.fold(x);
        if (v === null) return null;
        items.push(v);
      }
      return this.recordFold(e, newFrozenSetFromItems(items));
    }
    return null;
  }

  // ------------------------------------------------------------------ scopes

  compileScope(node: ScopeNode, scope: Scope, name: string, qualname: string): PyCode {
    const savedScope = this.scope;
    const savedB = this.b;
    const savedBody = this.currentBody;
    this.currentBody = null;
    this.scope = scope;
    this.b = new CodeBuilder();
    this.b.line = node.line;
    const b = this.b;
    let docstring: PyObject | null = null;
    const isFunc = scope.kind === 'function' || scope.kind === 'lambda' || scope.kind === 'comprehension';

    if (node.kind === 'FunctionDef') {
      const first = node.body[0];
      if (first && first.kind === 'ExprStmt' && first.value.kind === 'Constant' && first.value.value.type === 'str') {
        docstring = this.merge(this.constantObject(first.value));
      }
      // co_consts[0] is the docstring or None (compiler_function).
      this.addConst(docstring ?? None);
    } else if (node.kind === 'Lambda') {
      this.addConst(None);
    }

    const cellvars = scope.cellvars();
    const freevars = scope.freevars();
    const varnames = isFunc ? scope.varnames() : [];
    // The prologue belongs to the body's first line: entering a function traces that line,
    // not the `def` line again.
    if (node.kind === 'FunctionDef') {
      const firstStmt = (docstring !== null ? node.body[1] : node.body[0]) ?? node.body[0];
      if (firstStmt !== undefined) b.line = firstStmt.line;
    } else if (node.kind === 'Lambda') b.line = node.body.line;
    // MAKE_CELL / COPY_FREE_VARS prologue (3.11 layout; harmless for 3.10).
    for (let i = 0; i < cellvars.length; i++) b.emit(Op.MAKE_CELL, varnames.length + i);
    if (freevars.length > 0) b.emit(Op.COPY_FREE_VARS, freevars.length);
    b.emit(Op.RESUME, 0);

    switch (node.kind) {
      case 'Module':
        this.currentBody = node.body;
        this.stmts(node.body);
        b.emit(Op.LOAD_CONST, this.addConst(None));
        b.emit(Op.RETURN_VALUE);
        break;
      case 'FunctionDef': {
        const body = docstring !== null ? node.body.slice(1) : node.body;
        this.stmts(body);
        if (!endsWithReturn(body)) {
          b.line = lastLine(node.body) ?? node.line;
          b.emit(Op.LOAD_CONST, this.addConst(None));
          b.emit(Op.RETURN_VALUE);
        }
        break;
      }
      case 'Lambda':
        this.expr(node.body);
        b.emit(Op.RETURN_VALUE);
        break;
      case 'ClassDef': {
        b.emit(Op.LOAD_NAME, b.name('__name__'));
        b.emit(Op.STORE_NAME, b.name('__module__'));
        this.loadConstObject(this.internedStr(qualname));
        b.emit(Op.STORE_NAME, b.name('__qualname__'));
        this.currentBody = node.body;
        this.stmts(node.body);
        if (scope.needsClassClosure) {
          // compiler_class: the body returns the `__class__` cell and leaves it in the
          // namespace as __classcell__, for type.__new__ to fill in.
          b.emit(Op.LOAD_CLOSURE, this.cellIndex('__class__'));
          b.emit(Op.COPY, 1);
          b.emit(Op.STORE_NAME, b.name('__classcell__'));
        } else {
          b.emit(Op.LOAD_CONST, this.addConst(None));
        }
        b.emit(Op.RETURN_VALUE);
        break;
      }
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
      case 'GeneratorExp':
        this.comprehensionBody(node);
        break;
    }

    let flags = 0;
    if (isFunc) flags |= CO_NEWLOCALS;
    if (scope.isGenerator) flags |= CO_GENERATOR;
    if (scope.parent !== null && scope.parent.kind !== 'module') flags |= CO_NESTED;
    if (scope.hasVarargs) flags |= CO_VARARGS;
    if (scope.hasVarkeywords) flags |= CO_VARKEYWORDS;
    const cell2arg = cellvars.map((c) => scope.allParams.indexOf(c));
    const argcount = scope.params.length;

    const code = new PyCode(
      {
        name,
        qualname,
        stacksize: maxStackDepth(b.ops, b.args),
        argcount,
        varnames,
        cellvars,
        freevars,
        names: b.names,
        ops: Uint8Array.from(b.ops),
        args: Int32Array.from(b.args),
        lines: Int32Array.from(b.lines),
        flags,
        firstlineno: node.line,
        usesNameDict: !isFunc,
        cell2arg,
        isComprehension: scope.kind === 'comprehension',
        isClassBody: scope.kind === 'class',
      },
      this.mergeConstsTuple(b.consts),
    );
    this.scope = savedScope;
    this.b = savedB;
    this.currentBody = savedBody;
    return code;
  }

  private internedStr(s: string): PyObject {
    const o = internInPlace(newStr(s));
    this.arena.push(o);
    return o;
  }

  // ------------------------------------------------------------------ statements

  private stmts(body: readonly A.Stmt[]): void {
    for (const s of body) this.stmt(s);
  }

  private stmt(s: A.Stmt): void {
    const b = this.b;
    b.line = s.line;
    switch (s.kind) {
      case 'ExprStmt':
        if (s.value.kind === 'Constant') {
          const body = this.currentBody;
          if (body !== null && body[0] === s && s.value.value.type === 'str' && this.scope.kind !== 'function') {
            // A module or class docstring becomes __doc__.
            this.loadConstObject(this.constantObject(s.value));
            b.emit(Op.STORE_NAME, b.name('__doc__'));
            return;
          }
          this.fold(s.value);
          b.emit(Op.NOP);
          return; // a bare constant statement compiles to nothing
        }
        this.expr(s.value);
        b.emit(Op.POP_TOP);
        return;
      case 'Assign': {
        this.expr(s.value);
        for (let i = 0; i < s.targets.length; i++) {
          if (i < s.targets.length - 1) b.emit(Op.COPY, 1);
          this.store(s.targets[i]!);
        }
        return;
      }
      case 'AugAssign':
        this.augAssign(s);
        return;
      case 'Delete':
        for (const t of s.targets) this.del(t);
        return;
      case 'Pass':
        b.emit(Op.NOP);
        return;
      case 'If':
        this.ifStmt(s);
        return;
      case 'While':
        this.whileStmt(s);
        return;
      case 'For':
        this.forStmt(s);
        return;
      case 'Break':
        this.breakStmt(s);
        return;
      case 'Continue':
        this.continueStmt(s);
        return;
      case 'Return':
        this.returnStmt(s);
        return;
      case 'FunctionDef':
        this.functionDef(s);
        return;
      case 'ClassDef':
        this.classDef(s);
        return;
      case 'Try':
        this.tryStmt(s);
        return;
      case 'Raise':
        if (s.exc) {
          this.expr(s.exc);
          if (s.cause) this.expr(s.cause);
          b.emit(Op.RAISE_VARARGS, s.cause ? 2 : 1);
        } else b.emit(Op.RAISE_VARARGS, 0);
        return;
      case 'Assert': {
        const end = new Label();
        this.expr(s.test);
        b.emitJump(Op.POP_JUMP_IF_TRUE, end);
        b.emit(Op.LOAD_ASSERTION_ERROR);
        if (s.msg) {
          this.expr(s.msg);
          b.emit(Op.CALL, 0);
        }
        b.emit(Op.RAISE_VARARGS, 1);
        b.bind(end);
        return;
      }
      case 'Import':
        for (const a of s.names) {
          this.checkModule(a.name, a);
          b.emit(Op.LOAD_CONST, this.addConst(this.merge(this.intConst(0))));
          b.emit(Op.LOAD_CONST, this.addConst(None));
          b.emit(Op.IMPORT_NAME, b.name(a.name));
          this.storeName(a.asname ?? a.name);
        }
        return;
      case 'ImportFrom': {
        this.checkModule(s.module, s);
        b.emit(Op.LOAD_CONST, this.addConst(this.merge(this.intConst(0))));
        const names = s.names.map((a) => this.internedStr(a.name));
        for (const n of names) incref(n);
        this.loadConstNew(newTuple(names));
        b.emit(Op.IMPORT_NAME, b.name(s.module));
        for (const a of s.names) {
          if (a.name === '*') throw new UnsupportedError('from ... import *', a.line, a.col);
          b.emit(Op.IMPORT_FROM, b.name(a.name));
          this.storeName(a.asname ?? a.name);
        }
        b.emit(Op.POP_TOP);
        return;
      }
      case 'Global':
      case 'Nonlocal':
        b.emit(Op.NOP);
        return;
    }
  }

  private intConst(v: number): PyObject {
    const o = newInt(v);
    this.arena.push(o);
    return o;
  }

  private checkModule(name: string, at: A.Pos): void {
    if (!SUPPORTED_MODULES.has(name)) throw new UnsupportedError(`import of module '${name}' (supported: sys, gc, copy, weakref)`, at.line, at.col);
  }

  private augAssign(s: A.AugAssign): void {
    const b = this.b;
    const op = binopIndex(s.op) + INPLACE;
    const t = s.target;
    if (t.kind === 'Name') {
      this.loadName(t.id);
      this.expr(s.value);
      b.emit(Op.BINARY_OP, op);
      this.storeName(t.id);
    } else if (t.kind === 'Attribute') {
      this.expr(t.value);
      b.emit(Op.COPY, 1);
      b.emit(Op.LOAD_ATTR, b.name(t.attr));
      this.expr(s.value);
      b.emit(Op.BINARY_OP, op);
      b.emit(Op.SWAP, 2);
      b.emit(Op.STORE_ATTR, b.name(t.attr));
    } else if (t.kind === 'Subscript') {
      this.expr(t.value);
      this.subscriptIndex(t.slice);
      b.emit(Op.COPY, 2);
      b.emit(Op.COPY, 2);
      b.emit(Op.BINARY_SUBSCR);
      this.expr(s.value);
      b.emit(Op.BINARY_OP, op);
      b.emit(Op.SWAP, 3);
      b.emit(Op.SWAP, 2);
      b.emit(Op.STORE_SUBSCR);
    } else {
      throw new PySyntaxError('SyntaxError', "'" + describe(t) + "' is an illegal expression for augmented assignment", t.line, t.col);
    }
  }

  private ifStmt(s: A.If): void {
    const b = this.b;
    const end = new Label();
    const orelse = s.orelse.length > 0 ? new Label() : end;
    this.jumpIf(s.test, false, orelse);
    this.stmts(s.body);
    if (s.orelse.length > 0) {
      if (!endsWithJump(s.body)) b.emitJump(Op.JUMP, end);
      b.bind(orelse);
      this.stmts(s.orelse);
    }
    b.bind(end);
  }

  /** Evaluate `test` and jump to `target` when its truth equals `cond`. */
  private jumpIf(test: A.Expr, cond: boolean, target: Label): void {
    this.expr(test);
    this.b.emitJump(cond ? Op.POP_JUMP_IF_TRUE : Op.POP_JUMP_IF_FALSE, target);
  }

  private whileStmt(s: A.While): void {
    const b = this.b;
    const start = new Label();
    const exit = new Label();
    const orelse = new Label();
    b.bind(start);
    b.line = s.line;
    this.jumpIf(s.test, false, orelse);
    b.fblocks.push({ kind: 'loop', start, exit });
    this.stmts(s.body);
    b.fblocks.pop();
    // The backward jump keeps the body's last line: the loop head's line event comes from
    // landing on it, once per iteration, as in CPython.
    b.emitJump(Op.JUMP_BACKWARD, start);
    b.bind(orelse);
    this.stmts(s.orelse);
    b.bind(exit);
  }

  private forStmt(s: A.For): void {
    const b = this.b;
    const start = new Label();
    const cleanup = new Label();
    const exit = new Label();
    const it = this.foldIterable(s.iter);
    if (it !== null) this.loadConstObject(it);
    else this.expr(s.iter);
    b.emit(Op.GET_ITER);
    b.bind(start);
    b.line = s.line;
    b.emitJump(Op.FOR_ITER, cleanup);
    this.store(s.target);
    b.fblocks.push({ kind: 'for', start, exit });
    this.stmts(s.body);
    b.fblocks.pop();
    b.emitJump(Op.JUMP_BACKWARD, start);
    b.bind(cleanup);
    this.stmts(s.orelse);
    b.bind(exit);
  }

  private breakStmt(s: A.Break): void {
    const b = this.b;
    const loopIndex = this.innermostLoop();
    if (loopIndex < 0) throw new Error(`compile: break outside a loop at line ${s.line} (the parser refuses it)`);
    this.unwindTo(loopIndex, false);
    const loop = b.fblocks[loopIndex]!;
    if (loop.kind === 'for') b.emit(Op.POP_TOP);
    b.emitJump(Op.JUMP, loop.exit!);
  }

  private continueStmt(s: A.Continue): void {
    const b = this.b;
    const loopIndex = this.innermostLoop();
    if (loopIndex < 0) throw new Error(`compile: continue outside a loop at line ${s.line} (the parser refuses it)`);
    this.unwindTo(loopIndex, false);
    b.emitJump(Op.JUMP_BACKWARD, b.fblocks[loopIndex]!.start!);
  }

  private innermostLoop(): number {
    const f = this.b.fblocks;
    for (let i = f.length - 1; i >= 0; i--) if (f[i]!.kind === 'loop' || f[i]!.kind === 'for') return i;
    return -1;
  }

  /**
   * compiler_unwind_fblock_stack: leave the blocks above `index` (exclusive) for a
   * break/continue/return, running finally bodies inline. `preserveTos` keeps a return value
   * on top of the stack.
   */
  private unwindTo(index: number, preserveTos: boolean): void {
    const b = this.b;
    const saved = b.fblocks;
    for (let i = saved.length - 1; i > index; i--) {
      const f = saved[i]!;
      switch (f.kind) {
        case 'for':
          if (preserveTos) b.emit(Op.SWAP, 2);
          b.emit(Op.POP_TOP);
          break;
        case 'loop':
          break;
        case 'try_except':
          b.emit(Op.POP_BLOCK);
          break;
        case 'finally_try': {
          b.emit(Op.POP_BLOCK);
          // The finally body runs with the blocks outside it.
          b.fblocks = saved.slice(0, i);
          this.stmts(f.finalbody!);
          b.fblocks = saved;
          break;
        }
        case 'finally_end':
          // Inside a finally body run for an exception: [prev, exc] sit under TOS.
          if (preserveTos) b.emit(Op.SWAP, 2);
          b.emit(Op.POP_TOP); // the exception being handled
          if (preserveTos) b.emit(Op.SWAP, 2);
          b.emit(Op.POP_BLOCK);
          b.emit(Op.POP_EXCEPT);
          break;
        case 'handler':
        case 'handler_named':
          b.emit(Op.POP_BLOCK);
          if (f.kind === 'handler_named') b.emit(Op.POP_BLOCK);
          if (preserveTos) b.emit(Op.SWAP, 2);
          b.emit(Op.POP_EXCEPT);
          if (f.kind === 'handler_named') {
            b.emit(Op.LOAD_CONST, this.addConst(None));
            this.storeName(f.name!);
            this.delName(f.name!);
          }
          break;
      }
    }
  }

  private returnStmt(s: A.Return): void {
    const b = this.b;
    if (!this.scope.isFunctionLike) throw new Error(`compile: return outside a function at line ${s.line} (the parser refuses it)`);
    if (s.value) this.expr(s.value);
    else b.emit(Op.LOAD_CONST, this.addConst(None));
    this.unwindTo(-1, true);
    b.line = s.line;
    b.emit(Op.RETURN_VALUE);
  }

  private tryStmt(s: A.Try): void {
    if (s.finalbody.length > 0) this.tryFinally(s);
    else this.tryExcept(s);
  }

  private tryFinally(s: A.Try): void {
    const b = this.b;
    const handler = new Label();
    const end = new Label();
    b.emitJump(Op.SETUP_FINALLY, handler, 0);
    b.fblocks.push({ kind: 'finally_try', finalbody: s.finalbody });
    if (s.handlers.length > 0) this.tryExcept(s);
    else this.stmts(s.body);
    b.fblocks.pop();
    b.emit(Op.POP_BLOCK);
    this.stmts(s.finalbody);
    b.emitJump(Op.JUMP, end);
    // Exceptional path: [exc] -> run the finally body, then re-raise.
    b.bind(handler);
    const cleanup = new Label();
    b.emit(Op.PUSH_EXC_INFO);
    b.emitJump(Op.SETUP_FINALLY, cleanup, 1);
    b.fblocks.push({ kind: 'finally_end' });
    this.stmts(s.finalbody);
    b.fblocks.pop();
    b.emit(Op.POP_BLOCK);
    b.emit(Op.SWAP, 2);
    b.emit(Op.POP_EXCEPT);
    b.emit(Op.RERAISE);
    this.exceptCleanup(cleanup);
    b.bind(end);
  }

  /** [prev, exc2] -> restore prev as the handled exception, re-raise exc2. */
  private exceptCleanup(cleanup: Label): void {
    const b = this.b;
    b.bind(cleanup);
    b.emit(Op.SWAP, 2);
    b.emit(Op.POP_EXCEPT);
    b.emit(Op.RERAISE);
  }

  private tryExcept(s: A.Try): void {
    const b = this.b;
    const handler = new Label();
    const end = new Label();
    b.emitJump(Op.SETUP_FINALLY, handler, 0);
    b.fblocks.push({ kind: 'try_except' });
    this.stmts(s.body);
    b.fblocks.pop();
    b.emit(Op.POP_BLOCK);
    this.stmts(s.orelse);
    b.emitJump(Op.JUMP, end);

    b.bind(handler);
    const cleanup = new Label();
    b.emit(Op.PUSH_EXC_INFO);
    b.emitJump(Op.SETUP_FINALLY, cleanup, 1);
    for (let i = 0; i < s.handlers.length; i++) {
      const h = s.handlers[i]!;
      b.line = h.line;
      if (h.type === null && i < s.handlers.length - 1) {
        throw new PySyntaxError('SyntaxError', "default 'except:' must be last", h.line, h.col);
      }
      const next = new Label();
      if (h.type !== null) {
        this.expr(h.type);
        b.emit(Op.CHECK_EXC_MATCH);
        b.emitJump(Op.POP_JUMP_IF_FALSE, next);
      }
      if (h.name !== null) {
        this.storeName(h.name);
        const nameCleanup = new Label();
        b.emitJump(Op.SETUP_FINALLY, nameCleanup, 0);
        b.fblocks.push({ kind: 'handler_named', name: h.name });
        this.stmts(h.body);
        b.fblocks.pop();
        b.emit(Op.POP_BLOCK);
        b.emit(Op.POP_BLOCK);
        b.emit(Op.POP_EXCEPT);
        b.emit(Op.LOAD_CONST, this.addConst(None));
        this.storeName(h.name);
        this.delName(h.name);
        b.emitJump(Op.JUMP, end);
        // An exception inside the handler: clear the name, then propagate to `cleanup`.
        b.bind(nameCleanup);
        b.emit(Op.LOAD_CONST, this.addConst(None));
        this.storeName(h.name);
        this.delName(h.name);
        b.emit(Op.RERAISE);
      } else {
        b.emit(Op.POP_TOP);
        b.fblocks.push({ kind: 'handler' });
        this.stmts(h.body);
        b.fblocks.pop();
        b.emit(Op.POP_BLOCK);
        b.emit(Op.POP_EXCEPT);
        b.emitJump(Op.JUMP, end);
      }
      b.bind(next);
    }
    // No clause matched: re-raise (through `cleanup`, which restores the previous exception).
    b.emit(Op.RERAISE);
    this.exceptCleanup(cleanup);
    b.bind(end);
  }

  private functionDef(s: A.FunctionDef): void {
    const b = this.b;
    const scope = this.st.get(s);
    const qual = this.qualname(s.name);
    let flags = 0;
    if (s.args.defaults.length > 0) {
      for (const d of s.args.defaults) this.expr(d);
      b.emit(Op.BUILD_TUPLE, s.args.defaults.length);
      flags |= 1;
    }
    this.qualPrefix.push(qual + '.<locals>');
    const code = this.compileScope(s, scope, s.name, qual);
    this.qualPrefix.pop();
    b.line = s.line;
    this.makeClosure(code, flags);
    this.storeName(s.name);
  }

  private qualname(name: string): string {
    const p = this.qualPrefix;
    return p.length === 0 ? name : p[p.length - 1] + '.' + name;
  }

  private makeClosure(code: PyCode, flags: number): void {
    const b = this.b;
    if (code.freevars.length > 0) {
      for (const fv of code.freevars) {
        b.emit(Op.LOAD_CLOSURE, this.cellIndex(fv));
      }
      b.emit(Op.BUILD_TUPLE, code.freevars.length);
      flags |= 8;
    }
    b.emit(Op.LOAD_CONST, this.addConst(code));
    decref(code); // co_consts of the enclosing code now owns it
    b.emit(Op.MAKE_FUNCTION, flags);
  }

  /** Index in localsplus of the cell or free variable `name` in the current scope. */
  private cellIndex(name: string): number {
    const sc = this.scope;
    const varnames = sc.isFunctionLike ? sc.varnames() : [];
    const cells = sc.cellvars();
    const ci = cells.indexOf(name);
    if (ci >= 0) return varnames.length + ci;
    const fi = sc.freevars().indexOf(name);
    if (fi >= 0) return varnames.length + cells.length + fi;
    throw new Error(`no cell for ${name}`);
  }

  private classDef(s: A.ClassDef): void {
    const b = this.b;
    const scope = this.st.get(s);
    const qual = this.qualname(s.name);
    b.emit(Op.PUSH_NULL);
    b.emit(Op.LOAD_BUILD_CLASS);
    this.qualPrefix.push(qual);
    const code = this.compileScope(s, scope, s.name, qual);
    this.qualPrefix.pop();
    b.line = s.line;
    this.makeClosure(code, 0);
    this.loadConstObject(this.internedStr(s.name));
    for (const base of s.bases) this.expr(base);
    b.emit(Op.CALL, 2 + s.bases.length);
    this.storeName(s.name);
  }

  // ------------------------------------------------------------------ names

  private nameOp(name: string, kind: 'load' | 'store' | 'del'): void {
    const b = this.b;
    const sc = this.scope;
    const s = sc.scopes.get(name) ?? NameScope.GlobalImplicit;
    if (sc.kind === 'class' && s === NameScope.Free && kind === 'load') {
      b.emit(Op.LOAD_CLASSDEREF, this.cellIndex(name));
      return;
    }
    if (s === NameScope.Free || s === NameScope.Cell) {
      if (!(sc.kind === 'class' && s !== NameScope.Free)) {
        const i = this.cellIndex(name);
        b.emit(kind === 'load' ? Op.LOAD_DEREF : kind === 'store' ? Op.STORE_DEREF : Op.DELETE_DEREF, i);
        return;
      }
    }
    if (s === NameScope.GlobalExplicit || (s === NameScope.GlobalImplicit && sc.isFunctionLike)) {
      b.emit(kind === 'load' ? Op.LOAD_GLOBAL : kind === 'store' ? Op.STORE_GLOBAL : Op.DELETE_GLOBAL, b.name(name));
      return;
    }
    if (sc.isFunctionLike) {
      const i = sc.varnames().indexOf(name);
      b.emit(kind === 'load' ? Op.LOAD_FAST : kind === 'store' ? Op.STORE_FAST : Op.DELETE_FAST, i);
      return;
    }
    b.emit(kind === 'load' ? Op.LOAD_NAME : kind === 'store' ? Op.STORE_NAME : Op.DELETE_NAME, b.name(name));
  }

  private loadName(n: string): void {
    this.nameOp(n, 'load');
  }
  private storeName(n: string): void {
    this.nameOp(n, 'store');
  }
  private delName(n: string): void {
    this.nameOp(n, 'del');
  }

  private store(t: A.Expr): void {
    const b = this.b;
    switch (t.kind) {
      case 'Name':
        this.storeName(t.id);
        return;
      case 'Attribute':
        this.expr(t.value);
        b.emit(Op.STORE_ATTR, b.name(t.attr));
        return;
      case 'Subscript':
        this.expr(t.value);
        this.subscriptIndex(t.slice);
        b.emit(Op.STORE_SUBSCR);
        return;
      case 'Tuple':
      case 'List': {
        const starIndex = t.elts.findIndex((e) => e.kind === 'Starred');
        if (starIndex >= 0) {
          if (t.elts.slice(starIndex + 1).some((e) => e.kind === 'Starred')) {
            throw new PySyntaxError('SyntaxError', 'multiple starred expressions in assignment', t.line, t.col);
          }
          b.emit(Op.UNPACK_EX, starIndex | ((t.elts.length - starIndex - 1) << 8));
        } else {
          b.emit(Op.UNPACK_SEQUENCE, t.elts.length);
        }
        for (const e of t.elts) this.store(e.kind === 'Starred' ? e.value : e);
        return;
      }
      case 'Starred':
        throw new PySyntaxError('SyntaxError', 'starred assignment target must be in a list or tuple', t.line, t.col);
      default:
        throw new PySyntaxError('SyntaxError', `cannot assign to ${describe(t)}`, t.line, t.col);
    }
  }

  private del(t: A.Expr): void {
    const b = this.b;
    switch (t.kind) {
      case 'Name':
        this.delName(t.id);
        return;
      case 'Attribute':
        this.expr(t.value);
        b.emit(Op.DELETE_ATTR, b.name(t.attr));
        return;
      case 'Subscript':
        this.expr(t.value);
        this.subscriptIndex(t.slice);
        b.emit(Op.DELETE_SUBSCR);
        return;
      case 'Tuple':
      case 'List':
        for (const e of t.elts) this.del(e);
        return;
      default:
        throw new PySyntaxError('SyntaxError', `cannot delete ${describe(t)}`, t.line, t.col);
    }
  }

  private subscriptIndex(s: A.Expr): void {
    if (s.kind === 'Slice') {
      this.sliceParts(s);
    } else {
      this.expr(s);
    }
  }

  private sliceParts(s: A.Slice): void {
    const b = this.b;
    const n = s.step ? 3 : 2;
    if (s.lower) this.expr(s.lower);
    else b.emit(Op.LOAD_CONST, this.addConst(None));
    if (s.upper) this.expr(s.upper);
    else b.emit(Op.LOAD_CONST, this.addConst(None));
    if (s.step) this.expr(s.step);
    b.emit(Op.BUILD_SLICE, n);
  }

  // ------------------------------------------------------------------ expressions

  private expr(e: A.Expr): void {
    const b = this.b;
    const saveLine = b.line;
    if (e.line > b.line) b.line = e.line;
    const c = this.fold(e);
    if (c !== null) {
      this.loadConstObject(c);
      b.line = saveLine;
      return;
    }
    this.exprUnfolded(e);
    b.line = saveLine;
  }

  private exprUnfolded(e: A.Expr): void {
    const b = this.b;
    switch (e.kind) {
      case 'Name':
        this.loadName(e.id);
        return;
      case 'Constant':
        this.loadConstObject(this.constantObject(e));
        return;
      case 'BinOp': {
        const joined = this.percentFormatAsFString(e);
        if (joined !== null) {
          this.expr(joined);
          return;
        }
        this.expr(e.left);
        this.expr(e.right);
        b.emit(Op.BINARY_OP, binopIndex(e.op));
        return;
      }
      case 'UnaryOp':
        this.expr(e.operand);
        b.emit(e.op === 'Not' ? Op.UNARY_NOT : e.op === 'USub' ? Op.UNARY_NEGATIVE : e.op === 'UAdd' ? Op.UNARY_POSITIVE : Op.UNARY_INVERT);
        return;
      case 'BoolOp': {
        const end = new Label();
        for (let i = 0; i < e.values.length; i++) {
          this.expr(e.values[i]!);
          if (i < e.values.length - 1) b.emitJump(e.op === 'And' ? Op.JUMP_IF_FALSE_OR_POP : Op.JUMP_IF_TRUE_OR_POP, end);
        }
        b.bind(end);
        return;
      }
      case 'IfExp': {
        const orelse = new Label();
        const end = new Label();
        this.jumpIf(e.test, false, orelse);
        this.expr(e.body);
        b.emitJump(Op.JUMP, end);
        b.bind(orelse);
        this.expr(e.orelse);
        b.bind(end);
        return;
      }
      case 'Compare':
        this.compare(e);
        return;
      case 'Call':
        this.call(e);
        return;
      case 'Attribute':
        this.expr(e.value);
        b.emit(Op.LOAD_ATTR, b.name(e.attr));
        return;
      case 'Subscript':
        this.expr(e.value);
        this.subscriptIndex(e.slice);
        b.emit(Op.BINARY_SUBSCR);
        return;
      case 'Tuple':
        this.sequence(e.elts, 'tuple');
        return;
      case 'List':
        this.sequence(e.elts, 'list');
        return;
      case 'Set':
        this.sequence(e.elts, 'set');
        return;
      case 'Dict':
        this.dict(e);
        return;
      case 'Slice':
        this.sliceParts(e);
        return;
      case 'Lambda': {
        const scope = this.st.get(e);
        let flags = 0;
        if (e.args.defaults.length > 0) {
          for (const d of e.args.defaults) this.expr(d);
          b.emit(Op.BUILD_TUPLE, e.args.defaults.length);
          flags |= 1;
        }
        const qual = this.qualname('<lambda>');
        this.qualPrefix.push(qual + '.<locals>');
        const code = this.compileScope(e, scope, '<lambda>', qual);
        this.qualPrefix.pop();
        this.makeClosure(code, flags);
        return;
      }
      case 'ListComp':
      case 'SetComp':
      case 'DictComp':
      case 'GeneratorExp':
        this.comprehension(e);
        return;
      case 'Yield':
        if (e.value) this.expr(e.value);
        else b.emit(Op.LOAD_CONST, this.addConst(None));
        b.emit(Op.YIELD_VALUE);
        return;
      case 'JoinedStr': {
        if (e.values.length === 0) {
          this.loadConstObject(this.parserObject({ type: 'str', value: '' }));
          return;
        }
        for (const v of e.values) this.expr(v);
        if (e.values.length > 1) b.emit(Op.BUILD_STRING, e.values.length);
        return;
      }
      case 'FormattedValue': {
        this.expr(e.value);
        let flags = e.conversion === 115 ? 1 : e.conversion === 114 ? 2 : e.conversion === 97 ? 3 : 0;
        if (e.formatSpec) {
          this.expr(e.formatSpec);
          flags |= 4;
        }
        b.emit(Op.FORMAT_VALUE, flags);
        return;
      }
      case 'Starred':
        throw new PySyntaxError('SyntaxError', "can't use starred expression here", e.line, e.col);
    }
  }

  private compare(e: A.Compare): void {
    const b = this.b;
    const n = e.ops.length;
    this.expr(e.left);
    const emitCmp = (op: A.CmpOperator, right: A.Expr): void => {
      void right;
      switch (op) {
        case 'Is':
          b.emit(Op.IS_OP, 0);
          return;
        case 'IsNot':
          b.emit(Op.IS_OP, 1);
          return;
        case 'In':
          b.emit(Op.CONTAINS_OP, 0);
          return;
        case 'NotIn':
          b.emit(Op.CONTAINS_OP, 1);
          return;
        default:
          b.emit(Op.COMPARE_OP, CMP[op]);
      }
    };
    const comparand = (x: A.Expr, op: A.CmpOperator): void => {
      if (op === 'In' || op === 'NotIn') {
        const t = this.foldIterable(x);
        if (t !== null) {
          this.loadConstObject(t);
          return;
        }
      }
      this.expr(x);
    };
    if (n === 1) {
      comparand(e.comparators[0]!, e.ops[0]!);
      emitCmp(e.ops[0]!, e.comparators[0]!);
      return;
    }
    const cleanup = new Label();
    const end = new Label();
    for (let i = 0; i < n - 1; i++) {
      comparand(e.comparators[i]!, e.ops[i]!);
      b.emit(Op.SWAP, 2);
      b.emit(Op.COPY, 2);
      emitCmp(e.ops[i]!, e.comparators[i]!);
      b.emitJump(Op.JUMP_IF_FALSE_OR_POP, cleanup);
    }
    comparand(e.comparators[n - 1]!, e.ops[n - 1]!);
    emitCmp(e.ops[n - 1]!, e.comparators[n - 1]!);
    b.emitJump(Op.JUMP, end);
    b.bind(cleanup);
    b.emit(Op.SWAP, 2);
    b.emit(Op.POP_TOP);
    b.bind(end);
  }

  private call(e: A.Call): void {
    const b = this.b;
    const hasStar = e.args.some((a) => a.kind === 'Starred') || e.keywords.some((k) => k.arg === null);
    if (e.func.kind === 'Attribute' && !hasStar) {
      this.expr(e.func.value);
      b.emit(Op.LOAD_METHOD, b.name(e.func.attr));
    } else {
      b.emit(Op.PUSH_NULL);
      this.expr(e.func);
    }
    if (hasStar) {
      this.starredArgs(e);
      return;
    }
    for (const a of e.args) this.expr(a);
    if (e.keywords.length > 0) {
      const seen = new Set<string>();
      for (const k of e.keywords) {
        if (seen.has(k.arg!)) throw new PySyntaxError('SyntaxError', `keyword argument repeated: ${k.arg}`, k.line, k.col);
        seen.add(k.arg!);
        this.expr(k.value);
      }
      const names = e.keywords.map((k) => this.internedStr(k.arg!));
      for (const n of names) incref(n);
      this.loadConstNew(newTuple(names));
      b.emit(Op.CALL_KW, e.args.length + e.keywords.length);
    } else {
      b.emit(Op.CALL, e.args.length);
    }
  }

  private starredArgs(e: A.Call): void {
    const b = this.b;
    // Positional: a tuple built from the args (BUILD_LIST + LIST_EXTEND + LIST_TO_TUPLE).
    const plain = e.args.every((a) => a.kind !== 'Starred');
    if (plain) {
      for (const a of e.args) this.expr(a);
      b.emit(Op.BUILD_TUPLE, e.args.length);
    } else {
      let pending = 0;
      let built = false;
      for (const a of e.args) {
        if (a.kind === 'Starred') {
          if (!built) {
            b.emit(Op.BUILD_LIST, pending);
            built = true;
          } else if (pending > 0) throw new Error('unreachable');
          pending = 0;
          this.expr(a.value);
          b.emit(Op.LIST_EXTEND, 1);
        } else if (built) {
          this.expr(a);
          b.emit(Op.LIST_APPEND, 1);
        } else {
          this.expr(a);
          pending++;
        }
      }
      b.emit(Op.LIST_TO_TUPLE);
    }
    if (e.keywords.length > 0) {
      b.emit(Op.BUILD_MAP, 0);
      for (const k of e.keywords) {
        if (k.arg === null) {
          this.expr(k.value);
          b.emit(Op.DICT_UPDATE, 1);
        } else {
          this.loadConstObject(this.internedStr(k.arg));
          this.expr(k.value);
          b.emit(Op.MAP_ADD, 1);
        }
      }
    } else {
      b.emit(Op.PUSH_NULL);
    }
    b.emit(Op.CALL_FUNCTION_EX);
  }

  private sequence(elts: readonly A.Expr[], kind: 'tuple' | 'list' | 'set'): void {
    const b = this.b;
    const hasStar = elts.some((x) => x.kind === 'Starred');
    if (!hasStar && elts.length > 2 && kind !== 'tuple') {
      // starunpack_helper: 3+ constants become BUILD_LIST 0 + LOAD_CONST tuple + LIST_EXTEND.
      const consts: PyObject[] = [];
      for (const x of elts) {
        const v = this.fold(x);
        if (v === null) break;
        consts.push(v);
      }
      if (consts.length === elts.length) {
        b.emit(kind === 'list' ? Op.BUILD_LIST : Op.BUILD_SET, 0);
        if (kind === 'list') {
          for (const c of consts) incref(c);
          this.loadConstNew(newTuple(consts));
          b.emit(Op.LIST_EXTEND, 1);
        } else {
          this.loadConstNew(newFrozenSetFromItems(consts));
          b.emit(Op.SET_UPDATE, 1);
        }
        return;
      }
    }
    if (!hasStar) {
      for (const x of elts) this.expr(x);
      b.emit(kind === 'tuple' ? Op.BUILD_TUPLE : kind === 'list' ? Op.BUILD_LIST : Op.BUILD_SET, elts.length);
      return;
    }
    // With starred items: build a list (or set) incrementally.
    let pending = 0;
    let built = false;
    const build = kind === 'set' ? Op.BUILD_SET : Op.BUILD_LIST;
    const extend = kind === 'set' ? Op.SET_UPDATE : Op.LIST_EXTEND;
    const add = kind === 'set' ? Op.SET_ADD : Op.LIST_APPEND;
    for (const x of elts) {
      if (x.kind === 'Starred') {
        if (!built) {
          b.emit(build, pending);
          built = true;
        }
        this.expr(x.value);
        b.emit(extend, 1);
      } else if (built) {
        this.expr(x);
        b.emit(add, 1);
      } else {
        this.expr(x);
        pending++;
      }
    }
    if (kind === 'tuple') b.emit(Op.LIST_TO_TUPLE);
  }

  private dict(e: A.Dict): void {
    const b = this.b;
    const n = e.keys.length;
    const hasUnpack = e.keys.some((k) => k === null);
    if (!hasUnpack && n > 1 && n <= 16) {
      const keys: PyObject[] = [];
      for (const k of e.keys) {
        const v = this.fold(k!);
        if (v === null) break;
        keys.push(v);
      }
      if (keys.length === n) {
        for (const v of e.values) this.expr(v);
        for (const k of keys) incref(k);
        this.loadConstNew(newTuple(keys));
        b.emit(Op.BUILD_CONST_KEY_MAP, n);
        return;
      }
    }
    if (!hasUnpack && n <= 16) {
      for (let i = 0; i < n; i++) {
        this.expr(e.keys[i]!);
        this.expr(e.values[i]!);
      }
      b.emit(Op.BUILD_MAP, n);
      return;
    }
    // Unpacking or more than 16 items: build in chunks, then update.
    let pending = 0;
    let built = false;
    for (let i = 0; i < n; i++) {
      const k = e.keys[i];
      if (k === null || k === undefined) {
        if (!built || pending > 0) {
          b.emit(Op.BUILD_MAP, pending);
          if (built) b.emit(Op.DICT_UPDATE, 1);
          built = true;
          pending = 0;
        }
        this.expr(e.values[i]!);
        b.emit(Op.DICT_UPDATE, 1);
      } else {
        this.expr(k);
        this.expr(e.values[i]!);
        pending++;
        if (pending === 16) {
          b.emit(Op.BUILD_MAP, pending);
          if (built) b.emit(Op.DICT_UPDATE, 1);
          built = true;
          pending = 0;
        }
      }
    }
    if (pending > 0 || !built) {
      b.emit(Op.BUILD_MAP, pending);
      if (built) b.emit(Op.DICT_UPDATE, 1);
    }
  }

  private comprehension(e: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp): void {
    const b = this.b;
    const scope = this.st.get(e);
    const name = scope.name;
    const qual = this.qualname(name);
    this.qualPrefix.push(qual + '.<locals>');
    const code = this.compileScope(e, scope, name, qual);
    this.qualPrefix.pop();
    this.makeClosure(code, 0);
    const first = e.generators[0]!;
    const it = this.foldIterable(first.iter);
    if (it !== null) this.loadConstObject(it);
    else this.expr(first.iter);
    b.emit(Op.GET_ITER);
    b.emit(Op.CALL, 0); // [function, iterator] -> function(iterator)
  }

  private comprehensionBody(e: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp): void {
    const b = this.b;
    b.line = e.line;
    if (e.kind === 'ListComp') b.emit(Op.BUILD_LIST, 0);
    else if (e.kind === 'SetComp') b.emit(Op.BUILD_SET, 0);
    else if (e.kind === 'DictComp') b.emit(Op.BUILD_MAP, 0);
    this.comprehensionLoop(e, 0);
    if (e.kind === 'GeneratorExp') b.emit(Op.LOAD_CONST, this.addConst(None));
    b.emit(Op.RETURN_VALUE);
  }

  private comprehensionLoop(e: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp, depth: number): void {
    const b = this.b;
    const g = e.generators[depth]!;
    const start = new Label();
    const exit = new Label();
    if (depth === 0) {
      b.emit(Op.LOAD_FAST, 0); // .0
    } else {
      const it = this.foldIterable(g.iter);
      if (it !== null) this.loadConstObject(it);
      else this.expr(g.iter);
      b.emit(Op.GET_ITER);
    }
    b.bind(start);
    b.emitJump(Op.FOR_ITER, exit);
    this.store(g.target);
    for (const cond of g.ifs) this.jumpIf(cond, false, start);
    if (depth + 1 < e.generators.length) {
      this.comprehensionLoop(e, depth + 1);
    } else {
      const loops = e.generators.length;
      switch (e.kind) {
        case 'ListComp':
          this.expr(e.elt);
          b.emit(Op.LIST_APPEND, loops + 1);
          break;
        case 'SetComp':
          this.expr(e.elt);
          b.emit(Op.SET_ADD, loops + 1);
          break;
        case 'DictComp':
          this.expr(e.key);
          this.expr(e.value);
          b.emit(Op.MAP_ADD, loops + 1);
          break;
        case 'GeneratorExp':
          this.expr(e.elt);
          b.emit(Op.YIELD_VALUE);
          b.emit(Op.POP_TOP);
          break;
      }
    }
    b.emitJump(Op.JUMP_BACKWARD, start);
    b.bind(exit);
  }
}

/** The BINARY_OP argument for an ast operator (NB_* order). */
function binopIndex(op: A.BinOperator): number {
  const name = op === 'BitAnd' ? 'And' : op === 'BitOr' ? 'Or' : op === 'BitXor' ? 'Xor' : op;
  return (BINARY_OPS as readonly string[]).indexOf(name);
}

/** The stack effect of one instruction: [fall-through, when jumping] (null: no such path). */
function stackEffect(op: Op, arg: number): [number | null, number | null] {
  switch (op) {
    case Op.POP_TOP:
    case Op.STORE_NAME:
    case Op.STORE_GLOBAL:
    case Op.STORE_FAST:
    case Op.STORE_DEREF:
    case Op.DELETE_ATTR:
    case Op.BINARY_OP:
    case Op.COMPARE_OP:
    case Op.IS_OP:
    case Op.CONTAINS_OP:
    case Op.BINARY_SUBSCR:
    case Op.LIST_APPEND:
    case Op.SET_ADD:
    case Op.LIST_EXTEND:
    case Op.SET_UPDATE:
    case Op.DICT_UPDATE:
    case Op.POP_EXCEPT:
    case Op.IMPORT_NAME:
      return [-1, null];
    case Op.PUSH_NULL:
    case Op.COPY:
    case Op.LOAD_CONST:
    case Op.LOAD_NAME:
    case Op.LOAD_GLOBAL:
    case Op.LOAD_FAST:
    case Op.LOAD_DEREF:
    case Op.LOAD_CLOSURE:
    case Op.LOAD_CLASSDEREF:
    case Op.LOAD_METHOD:
    case Op.LOAD_BUILD_CLASS:
    case Op.PUSH_EXC_INFO:
    case Op.IMPORT_FROM:
    case Op.LOAD_ASSERTION_ERROR:
      return [1, null];
    case Op.STORE_ATTR:
    case Op.DELETE_SUBSCR:
    case Op.MAP_ADD:
      return [-2, null];
    case Op.STORE_SUBSCR:
      return [-3, null];
    case Op.BUILD_SLICE:
      return [1 - arg, null];
    case Op.BUILD_TUPLE:
    case Op.BUILD_LIST:
    case Op.BUILD_SET:
    case Op.BUILD_STRING:
      return [1 - arg, null];
    case Op.BUILD_MAP:
      return [1 - 2 * arg, null];
    case Op.BUILD_CONST_KEY_MAP:
      return [-arg, null];
    case Op.FORMAT_VALUE:
      return [arg & 4 ? -1 : 0, null];
    case Op.FOR_ITER:
      return [1, -1];
    case Op.JUMP:
    case Op.JUMP_BACKWARD:
      return [null, 0];
    case Op.POP_JUMP_IF_FALSE:
    case Op.POP_JUMP_IF_TRUE:
      return [-1, -1];
    case Op.JUMP_IF_FALSE_OR_POP:
    case Op.JUMP_IF_TRUE_OR_POP:
      return [-1, 0];
    case Op.RETURN_VALUE:
    case Op.RERAISE:
      return [null, null];
    case Op.RAISE_VARARGS:
      return [null, null];
    case Op.MAKE_FUNCTION:
      return [-((arg & 1 ? 1 : 0) + (arg & 8 ? 1 : 0)), null];
    case Op.CALL:
      return [-(arg + 1), null];
    case Op.CALL_KW:
      return [-(arg + 2), null];
    case Op.CALL_FUNCTION_EX:
      return [-3, null];
    case Op.SETUP_FINALLY:
      return [0, 1 - (arg & 3)];
    case Op.UNPACK_SEQUENCE:
      return [arg - 1, null];
    case Op.UNPACK_EX:
      return [(arg & 0xff) + (arg >> 8), null];
    default:
      return [0, null];
  }
}

/** co_stacksize: the deepest the value stack gets on any path (stackdepth() in compile.c). */
function maxStackDepth(ops: readonly number[], args: readonly number[]): number {
  const depth = new Array<number>(ops.length).fill(-1);
  const work: number[] = [0];
  depth[0] = 0;
  let max = 0;
  while (work.length > 0) {
    let pc = work.pop()!;
    let d = depth[pc]!;
    for (; pc < ops.length; ) {
      const op = ops[pc]! as Op;
      const arg = args[pc]!;
      const [fall, jump] = stackEffect(op, arg);
      if (jump !== null) {
        const t = arg >> 2;
        const jd = d + jump;
        if (jd > max) max = jd;
        if (t < ops.length && depth[t]! < jd) {
          depth[t] = jd;
          work.push(t);
        }
      }
      if (fall === null) break;
      d += fall;
      if (d > max) max = d;
      pc++;
      if (pc < ops.length) {
        if (depth[pc]! >= d) break;
        depth[pc] = d;
      }
    }
  }
  return max;
}

const CMP: Record<string, CmpOp> = { Lt: CmpOp.LT, LtE: CmpOp.LE, Eq: CmpOp.EQ, NotEq: CmpOp.NE, Gt: CmpOp.GT, GtE: CmpOp.GE };

function endsWithReturn(body: readonly A.Stmt[]): boolean {
  const last = body[body.length - 1];
  return last !== undefined && (last.kind === 'Return' || last.kind === 'Raise');
}

function endsWithJump(body: readonly A.Stmt[]): boolean {
  const last = body[body.length - 1];
  return last !== undefined && (last.kind === 'Return' || last.kind === 'Raise' || last.kind === 'Break' || last.kind === 'Continue');
}

function lastLine(body: readonly A.Stmt[]): number | null {
  const last = body[body.length - 1];
  if (last === undefined) return null;
  if ('endLine' in last) return (last as { endLine: number }).endLine;
  if (last.kind === 'If' || last.kind === 'While' || last.kind === 'For') {
    return lastLine(last.orelse.length > 0 ? last.orelse : last.body) ?? last.line;
  }
  if (last.kind === 'Try') {
    return lastLine(last.finalbody.length > 0 ? last.finalbody : last.orelse.length > 0 ? last.orelse : last.handlers.length > 0 ? last.handlers[last.handlers.length - 1]!.body : last.body) ?? last.line;
  }
  return last.line;
}

function describe(e: A.Expr): string {
  switch (e.kind) {
    case 'Call':
      return 'function call';
    case 'Constant':
      return 'literal';
    case 'BinOp':
    case 'UnaryOp':
      return 'expression';
    case 'Compare':
      return 'comparison';
    case 'Lambda':
      return 'lambda';
    case 'BoolOp':
      return 'expression';
    default:
      return 'expression';
  }
}

// ---------------------------------------------------------------- folding helpers

function numValue(o: PyObject): IntValue | number | null {
  if (o instanceof PyInt) return o.value;
  if (o instanceof PyFloat) return o.value;
  return null;
}

function bitLength(v: IntValue): number {
  const b = big(v);
  return (b < 0n ? -b : b).toString(2).length;
}

function foldUnary(op: A.UnaryOperator, v: PyObject): PyObject | null {
  if (op === 'Not') {
    const t = constTruth(v);
    return t === null ? null : incref(t ? False : True);
  }
  if (v instanceof PyInt) {
    const x = v.value;
    if (op === 'USub') return newInt(intSub(0, x));
    if (op === 'UAdd') return v === True || v === False ? newInt(x) : incref(v);
    if (op === 'Invert') return newInt(intSub(intSub(0, x), 1));
  }
  if (v instanceof PyFloat) {
    if (op === 'USub') return newFloat(-v.value);
    if (op === 'UAdd') return incref(v);
  }
  return null;
}

function constTruth(v: PyObject): boolean | null {
  if (v instanceof PyInt) return !isZero(v.value);
  if (v instanceof PyFloat) return v.value !== 0;
  if (v instanceof PyStr) return v.length > 0;
  if (v instanceof PyTuple) return v.items.length > 0;
  if (v === None) return false;
  if (v === Ellipsis) return true;
  return null;
}

/** A runtime number slot, as ast_opt.c calls PyNumber_*: an error leaves the expression for run time. */
function foldBySlot(slot: (a: PyObject, b: PyObject) => PyObject, l: PyObject, r: PyObject): PyObject | null {
  try {
    return slot(l, r);
  } catch (e) {
    if (e instanceof PyErr) {
      decref(e.exc);
      return null;
    }
    if (e instanceof UnsupportedError) return null;
    throw e;
  }
}

const FLOAT_FOLD_SLOTS: Partial<Record<A.BinOperator, (a: PyObject, b: PyObject) => PyObject>> = {
  Add: (a, b) => FloatType.nb_add!(a, b),
  Sub: (a, b) => FloatType.nb_subtract!(a, b),
  Mult: (a, b) => FloatType.nb_multiply!(a, b),
  Div: (a, b) => FloatType.nb_true_divide!(a, b),
  FloorDiv: (a, b) => FloatType.nb_floor_divide!(a, b),
  Mod: (a, b) => FloatType.nb_remainder!(a, b),
  Pow: (a, b) => FloatType.nb_power!(a, b),
};

function foldBinary(op: A.BinOperator, l: PyObject, r: PyObject): PyObject | null {
  const lv = numValue(l);
  const rv = numValue(r);
  const bothInt = l instanceof PyInt && r instanceof PyInt;
  if (lv !== null && rv !== null) {
    if (bothInt) {
      const a = lv as IntValue;
      const c = rv as IntValue;
      switch (op) {
        case 'Add':
          return newInt(intAdd(a, c));
        case 'Sub':
          return newInt(intSub(a, c));
        case 'Mult': {
          // safe_multiply: both operands' bit lengths must fit MAX_INT_SIZE together.
          if (!isZero(a) && !isZero(c) && bitLength(a) + bitLength(c) > MAX_INT_SIZE) return null;
          return newInt(intMul(a, c));
        }
        case 'FloorDiv':
          if (isZero(c)) return null;
          return newInt(intFloorDiv(a, c));
        case 'Mod':
          if (isZero(c)) return null;
          return newInt(intMod(a, c));
        case 'Div':
          return foldBySlot(IntType.nb_true_divide!, l, r);
        case 'Pow': {
          const e = big(c);
          if (e < 0n) return foldBySlot(IntType.nb_power!, l, r);
          // safe_power: bits(a) * e must stay under MAX_INT_SIZE.
          if (!isZero(a) && e > 0n && (e > BigInt(MAX_INT_SIZE) || bitLength(a) > Math.floor(MAX_INT_SIZE / Number(e)))) return null;
          return newInt(norm(big(a) ** e));
        }
        case 'LShift': {
          const e = big(c);
          if (e < 0n) return null;
          if (!isZero(a) && (e > BigInt(MAX_INT_SIZE) || BigInt(bitLength(a)) > BigInt(MAX_INT_SIZE) - e)) return null;
          return newInt(norm(big(a) << e));
        }
        case 'RShift': {
          const e = big(c);
          if (e < 0n) return null;
          return newInt(norm(big(a) >> e));
        }
        case 'BitAnd':
          return newInt(norm(big(a) & big(c)));
        case 'BitOr':
          return newInt(norm(big(a) | big(c)));
        case 'BitXor':
          return newInt(norm(big(a) ^ big(c)));
      }
      return null;
    }
    // float arithmetic: the runtime's own slot, as ast_opt.c calls PyNumber_*; an operation
    // that raises (division by zero, overflow) is left for run time.
    const slot = FLOAT_FOLD_SLOTS[op];
    return slot === undefined ? null : foldBySlot(slot, l, r);
  }
  // str * int, tuple * int, str + str, tuple + tuple
  if (op === 'Add' && l instanceof PyStr && r instanceof PyStr) {
    if (l.length + r.length > MAX_STR_SIZE) return null;
    return newStr(l.value + r.value);
  }
  if (op === 'Add' && l instanceof PyTuple && r instanceof PyTuple) {
    const items = [...l.items, ...r.items];
    if (items.length > MAX_COLLECTION_SIZE) return null;
    for (const i of items) incref(i);
    return newTuple(items);
  }
  if (op === 'Mult') {
    const seq = l instanceof PyInt ? r : l;
    const n = l instanceof PyInt ? l : r;
    if (!(n instanceof PyInt) || n === True || n === False) return null;
    const count = Number(big(n.value));
    if (seq instanceof PyStr) {
      if (count > 0 && seq.length * count > MAX_STR_SIZE) return null;
      return newStr(count <= 0 ? '' : seq.value.repeat(count));
    }
    if (seq instanceof PyTuple) {
      if (count > 0 && (seq.items.length * count > MAX_COLLECTION_SIZE || seq.items.length * count > MAX_TOTAL_ITEMS)) return null;
      const items: PyObject[] = [];
      for (let i = 0; i < count; i++) items.push(...seq.items);
      for (const i of items) incref(i);
      return newTuple(items);
    }
  }
  return null;
}

function foldSubscript(v: PyObject, s: PyObject): PyObject | null {
  if (!(s instanceof PyInt) || s === True || s === False) return null;
  const i = Number(big(s.value));
  if (v instanceof PyTuple) {
    const k = i < 0 ? i + v.items.length : i;
    if (k < 0 || k >= v.items.length) return null;
    return incref(v.items[k]!);
  }
  if (v instanceof PyStr) {
    const cps = v.codePoints();
    const k = i < 0 ? i + cps.length : i;
    if (k < 0 || k >= cps.length) return null;
    return newStr(cps[k]!);
  }
  return null;
}

export { internInPlace, allNameChars };
