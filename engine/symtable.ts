// Scopes and the kind of every name (Python/symtable.c): local, global (explicit or
// implicit), free (a closure reads it from an enclosing function) or cell (a local that an
// inner function captures). The compiler picks LOAD_FAST / LOAD_GLOBAL / LOAD_DEREF /
// LOAD_NAME from this, exactly as CPython's compiler_nameop does.

import type * as A from './ast';
import { parameterNames } from './ast';
import { PySyntaxError } from './errors';

export type ScopeKind = 'module' | 'function' | 'class' | 'lambda' | 'comprehension';

export enum NameScope {
  Local,
  GlobalExplicit,
  GlobalImplicit,
  Free,
  Cell,
}

const DEF_LOCAL = 1;
const DEF_PARAM = 2;
const DEF_GLOBAL = 4;
const DEF_NONLOCAL = 8;
const USE = 16;

export type ScopeNode = A.Module | A.FunctionDef | A.ClassDef | A.Lambda | A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp;

export class Scope {
  readonly flags = new Map<string, number>();
  readonly children: Scope[] = [];
  readonly params: string[] = [];
  /** Every parameter (positional, then *args, then **kwargs): the first co_varnames. */
  readonly allParams: string[] = [];
  hasVarargs = false;
  hasVarkeywords = false;
  /** Resolved after analysis. */
  readonly scopes = new Map<string, NameScope>();
  /** Names in order of first appearance, for a stable co_varnames. */
  readonly order: string[] = [];
  isGenerator = false;
  /** A class whose methods use `super` or `__class__`: its body makes the `__class__` cell (ste_needs_class_closure). */
  needsClassClosure = false;
  /** The class body refers to a free variable of an enclosing function. */
  readonly classFree = new Set<string>();

  constructor(
    readonly kind: ScopeKind,
    readonly name: string,
    readonly node: ScopeNode,
    readonly parent: Scope | null,
  ) {}

  /** The parameters, in co_varnames order; `params` keeps the positional ones (co_argcount). */
  addParameters(a: A.Arguments): void {
    for (const n of parameterNames(a)) {
      this.add(n, DEF_PARAM);
      this.allParams.push(n);
    }
    for (const x of a.args) this.params.push(x.arg);
    this.hasVarargs = a.vararg !== null;
    this.hasVarkeywords = a.kwarg !== null;
  }

  add(name: string, flag: number): void {
    const old = this.flags.get(name);
    if (old === undefined) this.order.push(name);
    this.flags.set(name, (old ?? 0) | flag);
  }

  get isFunctionLike(): boolean {
    return this.kind === 'function' || this.kind === 'lambda' || this.kind === 'comprehension';
  }

  scopeOf(name: string): NameScope {
    const s = this.scopes.get(name);
    if (s !== undefined) return s;
    return this.kind === 'module' ? NameScope.GlobalImplicit : NameScope.GlobalImplicit;
  }

  /** co_cellvars, sorted as CPython sorts them. */
  cellvars(): string[] {
    const out: string[] = [];
    for (const [n, s] of this.scopes) if (s === NameScope.Cell) out.push(n);
    return out.sort();
  }

  /** co_freevars, sorted. */
  freevars(): string[] {
    const out: string[] = [];
    for (const [n, s] of this.scopes) if (s === NameScope.Free) out.push(n);
    for (const n of this.classFree) if (!out.includes(n)) out.push(n);
    return out.sort();
  }

  /** co_varnames: parameters first, then other locals in order of first binding. */
  varnames(): string[] {
    const out = [...this.allParams];
    for (const n of this.order) {
      if (out.includes(n)) continue;
      const s = this.scopes.get(n);
      if (s === NameScope.Local || (s === NameScope.Cell && (this.flags.get(n)! & DEF_PARAM) !== 0)) out.push(n);
    }
    return out;
  }
}

export class SymbolTable {
  readonly scopes = new Map<ScopeNode, Scope>();
  readonly top: Scope;

  constructor(mod: A.Module) {
    this.top = new Scope('module', 'top', mod, null);
    this.scopes.set(mod, this.top);
    const b = new Builder(this);
    for (const s of mod.body) b.stmt(s, this.top);
    analyze(this.top, new Set(), new Set());
  }

  get(node: ScopeNode): Scope {
    return this.scopes.get(node)!;
  }
}

class Builder {
  constructor(private readonly st: SymbolTable) {}

  private newScope(kind: ScopeKind, name: string, node: ScopeNode, parent: Scope): Scope {
    const s = new Scope(kind, name, node, parent);
    parent.children.push(s);
    this.st.scopes.set(node, s);
    return s;
  }

  stmt(s: A.Stmt, sc: Scope): void {
    switch (s.kind) {
      case 'FunctionDef': {
        for (const d of s.args.defaults) this.expr(d, sc);
        sc.add(s.name, DEF_LOCAL);
        const f = this.newScope('function', s.name, s, sc);
        f.addParameters(s.args);
        for (const b of s.body) this.stmt(b, f);
        return;
      }
      case 'ClassDef': {
        for (const b of s.bases) this.expr(b, sc);
        sc.add(s.name, DEF_LOCAL);
        const c = this.newScope('class', s.name, s, sc);
        for (const b of s.body) this.stmt(b, c);
        return;
      }
      case 'Return':
        if (s.value) this.expr(s.value, sc);
        return;
      case 'Delete':
        for (const t of s.targets) this.expr(t, sc);
        return;
      case 'Assign':
        this.expr(s.value, sc);
        for (const t of s.targets) this.expr(t, sc);
        return;
      case 'AugAssign':
        this.expr(s.target, sc);
        if (s.target.kind === 'Name') sc.add(s.target.id, DEF_LOCAL | USE);
        this.expr(s.value, sc);
        return;
      case 'For':
        this.expr(s.target, sc);
        this.expr(s.iter, sc);
        for (const b of s.body) this.stmt(b, sc);
        for (const b of s.orelse) this.stmt(b, sc);
        return;
      case 'While':
      case 'If':
        this.expr(s.test, sc);
        for (const b of s.body) this.stmt(b, sc);
        for (const b of s.orelse) this.stmt(b, sc);
        return;
      case 'Try':
        for (const b of s.body) this.stmt(b, sc);
        for (const h of s.handlers) {
          if (h.type) this.expr(h.type, sc);
          if (h.name) sc.add(h.name, DEF_LOCAL);
          for (const b of h.body) this.stmt(b, sc);
        }
        for (const b of s.orelse) this.stmt(b, sc);
        for (const b of s.finalbody) this.stmt(b, sc);
        return;
      case 'Raise':
        if (s.exc) this.expr(s.exc, sc);
        return;
      case 'Assert':
        this.expr(s.test, sc);
        if (s.msg) this.expr(s.msg, sc);
        return;
      case 'Import':
        for (const a of s.names) sc.add(a.asname ?? a.name.split('.')[0]!, DEF_LOCAL);
        return;
      case 'ImportFrom':
        for (const a of s.names) sc.add(a.asname ?? a.name, DEF_LOCAL);
        return;
      case 'Global':
        for (const n of s.names) {
          const f = sc.flags.get(n) ?? 0;
          if (f & (DEF_LOCAL | DEF_PARAM | USE)) {
            const what = f & DEF_PARAM ? 'parameter' : f & DEF_LOCAL ? 'assigned to' : 'used';
            if (f & DEF_PARAM) throw new PySyntaxError('SyntaxError', `name '${n}' is parameter and global`, s.line, s.col);
            throw new PySyntaxError('SyntaxError', `name '${n}' is ${what} before global declaration`, s.line, s.col);
          }
          sc.add(n, DEF_GLOBAL);
        }
        return;
      case 'Nonlocal':
        for (const n of s.names) {
          if (sc.kind === 'module') throw new PySyntaxError('SyntaxError', 'nonlocal declaration not allowed at module level', s.line, s.col);
          const f = sc.flags.get(n) ?? 0;
          if (f & (DEF_LOCAL | DEF_PARAM | USE)) {
            if (f & DEF_PARAM) throw new PySyntaxError('SyntaxError', `name '${n}' is parameter and nonlocal`, s.line, s.col);
            const what = f & DEF_LOCAL ? 'assigned to' : 'used';
            throw new PySyntaxError('SyntaxError', `name '${n}' is ${what} before nonlocal declaration`, s.line, s.col);
          }
          sc.add(n, DEF_NONLOCAL);
        }
        return;
      case 'ExprStmt':
        this.expr(s.value, sc);
        return;
      case 'Pass':
      case 'Break':
      case 'Continue':
        return;
    }
  }

  expr(e: A.Expr, sc: Scope): void {
    switch (e.kind) {
      case 'Name':
        sc.add(e.id, e.ctx === 'Load' ? USE : DEF_LOCAL);
        // symtable_visit_expr: a function that names `super` uses the implicit `__class__` cell.
        if (e.id === 'super' && e.ctx === 'Load' && sc.isFunctionLike) sc.add('__class__', USE);
        return;
      case 'BoolOp':
        for (const v of e.values) this.expr(v, sc);
        return;
      case 'BinOp':
        this.expr(e.left, sc);
        this.expr(e.right, sc);
        return;
      case 'UnaryOp':
        this.expr(e.operand, sc);
        return;
      case 'Lambda': {
        for (const d of e.args.defaults) this.expr(d, sc);
        const f = this.newScope('lambda', '<lambda>', e, sc);
        f.addParameters(e.args);
        this.expr(e.body, f);
        return;
      }
      case 'IfExp':
        this.expr(e.test, sc);
        this.expr(e.body, sc);
        this.expr(e.orelse, sc);
        return;
      case 'Dict':
        for (let i = 0; i < e.keys.length; i++) {
          const k = e.keys[i];
          if (k) this.expr(k, sc);
          this.expr(e.values[i]!, sc);
        }
        return;
      case 'Set':
      case 'List':
      case 'Tuple':
        for (const x of e.elts) this.expr(x, sc);
        return;
      case 'ListComp':
      case 'SetComp':
      case 'GeneratorExp':
      case 'DictComp':
        this.comprehension(e, sc);
        return;
      case 'Yield':
        if (sc.kind === 'module' || sc.kind === 'class') throw new PySyntaxError('SyntaxError', "'yield' outside function", e.line, e.col);
        if (sc.kind === 'comprehension' && sc.name !== '<genexpr>') {
          throw new PySyntaxError('SyntaxError', `'yield' inside ${comprehensionWhat(sc.name)}`, e.line, e.col);
        }
        sc.isGenerator = true;
        if (e.value) this.expr(e.value, sc);
        return;
      case 'Compare':
        this.expr(e.left, sc);
        for (const c of e.comparators) this.expr(c, sc);
        return;
      case 'Call':
        this.expr(e.func, sc);
        for (const a of e.args) this.expr(a, sc);
        for (const k of e.keywords) this.expr(k.value, sc);
        return;
      case 'JoinedStr':
        for (const v of e.values) this.expr(v, sc);
        return;
      case 'FormattedValue':
        this.expr(e.value, sc);
        if (e.formatSpec) this.expr(e.formatSpec, sc);
        return;
      case 'Constant':
        return;
      case 'Attribute':
        this.expr(e.value, sc);
        return;
      case 'Subscript':
        this.expr(e.value, sc);
        this.expr(e.slice, sc);
        return;
      case 'Starred':
        this.expr(e.value, sc);
        return;
      case 'Slice':
        if (e.lower) this.expr(e.lower, sc);
        if (e.upper) this.expr(e.upper, sc);
        if (e.step) this.expr(e.step, sc);
        return;
    }
  }

  private comprehension(e: A.ListComp | A.SetComp | A.DictComp | A.GeneratorExp, sc: Scope): void {
    const gens = e.generators;
    // The outermost iterable is evaluated in the enclosing scope.
    this.expr(gens[0]!.iter, sc);
    const name = e.kind === 'ListComp' ? '<listcomp>' : e.kind === 'SetComp' ? '<setcomp>' : e.kind === 'DictComp' ? '<dictcomp>' : '<genexpr>';
    const c = this.newScope('comprehension', name, e, sc);
    c.add('.0', DEF_PARAM);
    c.params.push('.0');
    c.allParams.push('.0');
    if (e.kind === 'GeneratorExp') c.isGenerator = true;
    for (let i = 0; i < gens.length; i++) {
      const g = gens[i]!;
      this.expr(g.target, c);
      if (i > 0) this.expr(g.iter, c);
      for (const cond of g.ifs) this.expr(cond, c);
    }
    if (e.kind === 'DictComp') {
      this.expr(e.key, c);
      this.expr(e.value, c);
    } else {
      this.expr(e.elt, c);
    }
  }
}

function comprehensionWhat(name: string): string {
  return name === '<listcomp>' ? 'list comprehension' : name === '<setcomp>' ? 'set comprehension' : 'dict comprehension';
}

/**
 * analyze_block: resolve every name of `sc` given the names bound in enclosing function
 * scopes (`bound`) and declared global there (`global`); returns the free names `sc` needs.
 */
function analyze(sc: Scope, bound: Set<string>, global: Set<string>): Set<string> {
  const local = new Set<string>();
  const newGlobal = new Set(global);
  for (const [name, f] of sc.flags) {
    let s: NameScope;
    if (f & DEF_GLOBAL) {
      s = NameScope.GlobalExplicit;
      newGlobal.add(name);
    } else if (f & DEF_NONLOCAL) {
      if (!bound.has(name)) {
        const node = sc.node;
        throw new PySyntaxError('SyntaxError', `no binding for nonlocal '${name}' found`, node.line, node.col);
      }
      s = NameScope.Free;
    } else if (f & (DEF_LOCAL | DEF_PARAM)) {
      s = NameScope.Local;
      local.add(name);
      newGlobal.delete(name);
    } else if (sc.kind !== 'module' && bound.has(name)) {
      s = NameScope.Free;
    } else {
      s = NameScope.GlobalImplicit;
    }
    sc.scopes.set(name, s);
  }
  // Names visible to children: function locals are bindings; class and module ones are not.
  const childBound = new Set(bound);
  if (sc.isFunctionLike) for (const n of local) childBound.add(n);
  if (sc.kind === 'module') childBound.clear();
  // A class body binds `__class__` for its methods (analyze_block adds it to newbound).
  if (sc.kind === 'class') childBound.add('__class__');
  const childFree = new Set<string>();
  for (const c of sc.children) {
    for (const n of analyze(c, childBound, newGlobal)) childFree.add(n);
  }
  // drop_class_free: the class body provides `__class__` itself, as a cell.
  if (sc.kind === 'class' && childFree.delete('__class__')) {
    sc.needsClassClosure = true;
    sc.scopes.set('__class__', NameScope.Cell);
  }
  // A child's free name that is local here becomes a cell; otherwise it passes through.
  const free = new Set<string>();
  for (const [n, s] of sc.scopes) if (s === NameScope.Free) free.add(n);
  for (const n of childFree) {
    const s = sc.scopes.get(n);
    if (sc.isFunctionLike && (s === NameScope.Local || s === NameScope.Cell)) {
      sc.scopes.set(n, NameScope.Cell);
    } else if (sc.kind === 'class') {
      // The class body does not bind it for methods; pass it through as a class free var.
      if (s === undefined || s === NameScope.GlobalImplicit) sc.scopes.set(n, NameScope.Free);
      else sc.classFree.add(n);
      free.add(n);
    } else if (sc.kind !== 'module') {
      if (s === undefined || s === NameScope.GlobalImplicit) sc.scopes.set(n, NameScope.Free);
      free.add(n);
    }
  }
  return free;
}
