// The abstract syntax tree of the Python subset HeapQuest runs.
//
// Node and field names follow CPython's own `ast` module (Parser/Python.asdl), so a
// reader can hold `ast.dump(ast.parse(src))` beside what our parser builds. Only the
// constructs the subset supports exist here; anything else is rejected by the parser
// with `LINE:COL: unsupported: <what>` before a single line runs.
//
// Positions: `line` is 1-based, `col` is 1-based (CPython's col_offset + 1), the same
// numbers an error message shows.

export interface Pos {
  readonly line: number;
  readonly col: number;
}

// ---------------------------------------------------------------- module

export interface Module extends Pos {
  readonly kind: 'Module';
  readonly body: readonly Stmt[];
}

// ---------------------------------------------------------------- statements

export type Stmt =
  | FunctionDef
  | ClassDef
  | Return
  | Delete
  | Assign
  | AugAssign
  | For
  | While
  | If
  | Try
  | Raise
  | Assert
  | Import
  | ImportFrom
  | Global
  | Nonlocal
  | ExprStmt
  | Pass
  | Break
  | Continue;

export interface Arguments {
  /** Positional-or-keyword parameters, in order. */
  readonly args: readonly Arg[];
  /** Default values for the last `defaults.length` entries of `args`. */
  readonly defaults: readonly Expr[];
  /** `*args`: the extra positional arguments as a tuple. */
  readonly vararg: Arg | null;
  /** `**kwargs`: the extra keyword arguments as a dict. */
  readonly kwarg: Arg | null;
}

/** Every parameter name in co_varnames order: positional ones, then *args, then **kwargs. */
export function parameterNames(a: Arguments): string[] {
  const out = a.args.map((x) => x.arg);
  if (a.vararg !== null) out.push(a.vararg.arg);
  if (a.kwarg !== null) out.push(a.kwarg.arg);
  return out;
}

export interface Arg extends Pos {
  readonly arg: string;
}

export interface FunctionDef extends Pos {
  readonly kind: 'FunctionDef';
  readonly name: string;
  readonly args: Arguments;
  readonly body: readonly Stmt[];
  /** Line of the last statement of the body (for tracing the end of a call). */
  readonly endLine: number;
}

export interface ClassDef extends Pos {
  readonly kind: 'ClassDef';
  readonly name: string;
  readonly bases: readonly Expr[];
  readonly body: readonly Stmt[];
  readonly endLine: number;
}

export interface Return extends Pos {
  readonly kind: 'Return';
  readonly value: Expr | null;
}

export interface Delete extends Pos {
  readonly kind: 'Delete';
  /** Each target is a Name, Attribute, Subscript (index or slice), Tuple or List of those. */
  readonly targets: readonly Expr[];
}

export interface Assign extends Pos {
  readonly kind: 'Assign';
  /** `a = b = value` has two targets, assigned left to right. */
  readonly targets: readonly Expr[];
  readonly value: Expr;
}

export interface AugAssign extends Pos {
  readonly kind: 'AugAssign';
  readonly target: Expr; // Name, Attribute or Subscript
  readonly op: BinOperator;
  readonly value: Expr;
}

export interface For extends Pos {
  readonly kind: 'For';
  readonly target: Expr;
  readonly iter: Expr;
  readonly body: readonly Stmt[];
  readonly orelse: readonly Stmt[];
}

export interface While extends Pos {
  readonly kind: 'While';
  readonly test: Expr;
  readonly body: readonly Stmt[];
  readonly orelse: readonly Stmt[];
}

export interface If extends Pos {
  readonly kind: 'If';
  readonly test: Expr;
  readonly body: readonly Stmt[];
  /** An `elif` is an If alone in `orelse`, exactly as CPython's ast has it. */
  readonly orelse: readonly Stmt[];
}

export interface ExceptHandler extends Pos {
  readonly kind: 'ExceptHandler';
  /** null for a bare `except:`; a Name or a Tuple of Names otherwise. */
  readonly type: Expr | null;
  readonly name: string | null;
  readonly body: readonly Stmt[];
}

export interface Try extends Pos {
  readonly kind: 'Try';
  readonly body: readonly Stmt[];
  readonly handlers: readonly ExceptHandler[];
  readonly orelse: readonly Stmt[];
  readonly finalbody: readonly Stmt[];
}

export interface Raise extends Pos {
  readonly kind: 'Raise';
  readonly exc: Expr | null;
}

export interface Assert extends Pos {
  readonly kind: 'Assert';
  readonly test: Expr;
  readonly msg: Expr | null;
}

export interface Alias extends Pos {
  readonly name: string;
  readonly asname: string | null;
}

export interface Import extends Pos {
  readonly kind: 'Import';
  readonly names: readonly Alias[];
}

export interface ImportFrom extends Pos {
  readonly kind: 'ImportFrom';
  readonly module: string;
  readonly names: readonly Alias[];
}

export interface Global extends Pos {
  readonly kind: 'Global';
  readonly names: readonly string[];
}

export interface Nonlocal extends Pos {
  readonly kind: 'Nonlocal';
  readonly names: readonly string[];
}

/** CPython calls this `Expr`; renamed so the expression union can keep that name. */
export interface ExprStmt extends Pos {
  readonly kind: 'ExprStmt';
  readonly value: Expr;
}

export interface Pass extends Pos {
  readonly kind: 'Pass';
}
export interface Break extends Pos {
  readonly kind: 'Break';
}
export interface Continue extends Pos {
  readonly kind: 'Continue';
}

// ---------------------------------------------------------------- expressions

export type Expr =
  | BoolOp
  | BinOp
  | UnaryOp
  | Lambda
  | IfExp
  | Dict
  | Set
  | ListComp
  | SetComp
  | DictComp
  | GeneratorExp
  | Yield
  | Compare
  | Call
  | JoinedStr
  | FormattedValue
  | Constant
  | Attribute
  | Subscript
  | Starred
  | Name
  | List
  | Tuple
  | Slice;

export type BoolOperator = 'And' | 'Or';
export type BinOperator =
  | 'Add'
  | 'Sub'
  | 'Mult'
  | 'Div'
  | 'FloorDiv'
  | 'Mod'
  | 'Pow'
  | 'LShift'
  | 'RShift'
  | 'BitOr'
  | 'BitXor'
  | 'BitAnd';
export type UnaryOperator = 'Not' | 'USub' | 'UAdd' | 'Invert';
export type CmpOperator = 'Eq' | 'NotEq' | 'Lt' | 'LtE' | 'Gt' | 'GtE' | 'Is' | 'IsNot' | 'In' | 'NotIn';

/** Where a Name, Attribute, Subscript, Tuple, List or Starred stands. */
export type ExprContext = 'Load' | 'Store' | 'Del';

export interface BoolOp extends Pos {
  readonly kind: 'BoolOp';
  readonly op: BoolOperator;
  readonly values: readonly Expr[];
}

export interface BinOp extends Pos {
  readonly kind: 'BinOp';
  readonly left: Expr;
  readonly op: BinOperator;
  readonly right: Expr;
}

export interface UnaryOp extends Pos {
  readonly kind: 'UnaryOp';
  readonly op: UnaryOperator;
  readonly operand: Expr;
}

export interface Lambda extends Pos {
  readonly kind: 'Lambda';
  readonly args: Arguments;
  readonly body: Expr;
}

export interface IfExp extends Pos {
  readonly kind: 'IfExp';
  readonly test: Expr;
  readonly body: Expr;
  readonly orelse: Expr;
}

export interface Dict extends Pos {
  readonly kind: 'Dict';
  /** A null key is `**value` unpacking. */
  readonly keys: readonly (Expr | null)[];
  readonly values: readonly Expr[];
}

export interface Set extends Pos {
  readonly kind: 'Set';
  readonly elts: readonly Expr[];
}

export interface Comprehension {
  readonly target: Expr;
  readonly iter: Expr;
  readonly ifs: readonly Expr[];
}

export interface ListComp extends Pos {
  readonly kind: 'ListComp';
  readonly elt: Expr;
  readonly generators: readonly Comprehension[];
}

export interface SetComp extends Pos {
  readonly kind: 'SetComp';
  readonly elt: Expr;
  readonly generators: readonly Comprehension[];
}

export interface DictComp extends Pos {
  readonly kind: 'DictComp';
  readonly key: Expr;
  readonly value: Expr;
  readonly generators: readonly Comprehension[];
}

export interface GeneratorExp extends Pos {
  readonly kind: 'GeneratorExp';
  readonly elt: Expr;
  readonly generators: readonly Comprehension[];
}

export interface Yield extends Pos {
  readonly kind: 'Yield';
  readonly value: Expr | null;
}

export interface Compare extends Pos {
  readonly kind: 'Compare';
  readonly left: Expr;
  readonly ops: readonly CmpOperator[];
  readonly comparators: readonly Expr[];
}

export interface Keyword extends Pos {
  /** null for `**kwargs` unpacking. */
  readonly arg: string | null;
  readonly value: Expr;
}

export interface Call extends Pos {
  readonly kind: 'Call';
  readonly func: Expr;
  /** May contain Starred for `*args`. */
  readonly args: readonly Expr[];
  readonly keywords: readonly Keyword[];
}

export interface JoinedStr extends Pos {
  readonly kind: 'JoinedStr';
  /** Constant (str) and FormattedValue parts, in order. */
  readonly values: readonly Expr[];
}

export interface FormattedValue extends Pos {
  readonly kind: 'FormattedValue';
  readonly value: Expr;
  /** -1 none, 115 !s, 114 !r, 97 !a (CPython's encoding). */
  readonly conversion: number;
  readonly formatSpec: JoinedStr | null;
}

/** The value of a literal, before it becomes an object. Ints are bigint so any size is exact. */
export type ConstantValue =
  | { readonly type: 'int'; readonly value: bigint }
  | { readonly type: 'float'; readonly value: number }
  | { readonly type: 'str'; readonly value: string }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'None' }
  | { readonly type: 'Ellipsis' };

export interface Constant extends Pos {
  readonly kind: 'Constant';
  readonly value: ConstantValue;
}

export interface Attribute extends Pos {
  readonly kind: 'Attribute';
  readonly value: Expr;
  readonly attr: string;
  readonly ctx: ExprContext;
}

export interface Subscript extends Pos {
  readonly kind: 'Subscript';
  readonly value: Expr;
  /** A Slice node for `a[i:j:k]`; a Tuple for `a[i, j]`. */
  readonly slice: Expr;
  readonly ctx: ExprContext;
}

export interface Starred extends Pos {
  readonly kind: 'Starred';
  readonly value: Expr;
  readonly ctx: ExprContext;
}

export interface Name extends Pos {
  readonly kind: 'Name';
  readonly id: string;
  readonly ctx: ExprContext;
}

export interface List extends Pos {
  readonly kind: 'List';
  readonly elts: readonly Expr[];
  readonly ctx: ExprContext;
}

export interface Tuple extends Pos {
  readonly kind: 'Tuple';
  readonly elts: readonly Expr[];
  readonly ctx: ExprContext;
}

export interface Slice extends Pos {
  readonly kind: 'Slice';
  readonly lower: Expr | null;
  readonly upper: Expr | null;
  readonly step: Expr | null;
}
