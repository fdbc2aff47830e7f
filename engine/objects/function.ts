// Code objects, functions, cells and bound methods (Objects/codeobject.c, funcobject.c,
// cellobject.c, classobject.c).

import { PyObject, decref, incref, xdecref, type Visit } from './object';
import { PyType } from './type';
import { Op } from '../opcodes';
import { PyStr, newStr, internInPlace } from './str';
import type { PyTuple } from './tuple';

/** CO_* flags we use. */
export const CO_VARARGS = 0x4;
export const CO_VARKEYWORDS = 0x8;
export const CO_GENERATOR = 0x20;
export const CO_NESTED = 0x10;
export const CO_NEWLOCALS = 0x2;

/** A line-table entry: instructions [start, end) belong to `line`. */
export interface ExceptionHandlerRange {
  readonly start: number;
  readonly end: number;
  readonly target: number;
  readonly depth: number;
}

/** What the compiler gives a code object: its co_* fields (the rest PyCode works out itself). */
export type CodeSpec = Pick<
  PyCode,
  | 'name'
  | 'qualname'
  | 'argcount'
  | 'varnames'
  | 'cellvars'
  | 'freevars'
  | 'names'
  | 'ops'
  | 'args'
  | 'lines'
  | 'flags'
  | 'firstlineno'
  | 'usesNameDict'
  | 'cell2arg'
  | 'isComprehension'
  | 'isClassBody'
  | 'stacksize'
>;

export class PyCode extends PyObject {
  /** co_name */
  readonly name: string;
  readonly qualname: string;
  readonly argcount: number;
  /** co_varnames (arguments first) */
  readonly varnames: readonly string[];
  /** co_cellvars: locals captured by inner functions */
  readonly cellvars: readonly string[];
  /** co_freevars: variables captured from enclosing functions */
  readonly freevars: readonly string[];
  /** co_names: globals, attributes and module-level names */
  readonly names: readonly string[];
  readonly ops: Uint8Array;
  readonly args: Int32Array;
  readonly lines: Int32Array;
  readonly flags: number;
  readonly firstlineno: number;
  /** Module or class body: names live in a dict, not fast locals. */
  readonly usesNameDict: boolean;
  /** For each cellvar that is also an argument, the argument index (cell2arg), else -1. */
  readonly cell2arg: readonly number[];
  /** Comprehension or generator expression body (its `.0` argument is the iterator). */
  readonly isComprehension: boolean;
  /** A class body (its frame's locals are the class namespace). */
  readonly isClassBody: boolean;
  /** co_stacksize */
  readonly stacksize: number;
  readonly nlocalsplus: number;
  /** co_consts (a tuple that equal code objects share, owned). */
  constsTuple: PyTuple;
  /** constsTuple's items, for LOAD_CONST. */
  consts: PyObject[];
  /** 3.10: a finished frame is kept for the next call (co_zombieframe). */
  zombieFrame = false;
  /** Executions per instruction, for 3.12+'s specialization warm-up of call sites. */
  readonly warm: Uint16Array;
  /** The interned str objects of co_names (the keys STORE_NAME puts in dicts). */
  readonly nameObjs: PyStr[];
  readonly nameObj: PyStr;
  readonly qualnameObj: PyStr;
  /** 1 where an instruction starts a line, or is the target of a backward jump (a line event). */
  readonly lineStarts: Uint8Array;

  constructor(spec: CodeSpec, consts: PyTuple) {
    super(CodeType);
    // One by one, in one order: every code object gets the same shape (the eval loop reads them hot).
    this.name = spec.name;
    this.qualname = spec.qualname;
    this.argcount = spec.argcount;
    this.varnames = spec.varnames;
    this.cellvars = spec.cellvars;
    this.freevars = spec.freevars;
    this.names = spec.names;
    this.ops = spec.ops;
    this.args = spec.args;
    this.lines = spec.lines;
    this.flags = spec.flags;
    this.firstlineno = spec.firstlineno;
    this.usesNameDict = spec.usesNameDict;
    this.cell2arg = spec.cell2arg;
    this.isComprehension = spec.isComprehension;
    this.isClassBody = spec.isClassBody;
    this.stacksize = spec.stacksize;
    this.nlocalsplus = spec.varnames.length + spec.cellvars.length + spec.freevars.length;
    this.constsTuple = consts;
    this.consts = consts.items;
    this.nameObjs = spec.names.map((n) => internInPlace(newStr(n)));
    this.nameObj = internInPlace(newStr(spec.name));
    this.qualnameObj = internInPlace(newStr(spec.qualname));
    const ls = new Uint8Array(spec.ops.length);
    for (let i = 0; i < spec.ops.length; i++) {
      if (i === 0 || spec.lines[i] !== spec.lines[i - 1]) ls[i] = 1;
      if (spec.ops[i] === Op.JUMP_BACKWARD) ls[spec.args[i]! >> 2] = 1;
    }
    this.lineStarts = ls;
    this.warm = new Uint16Array(spec.ops.length);
  }
  get isGenerator(): boolean {
    return (this.flags & CO_GENERATOR) !== 0;
  }
  shortRepr(): string {
    return `<code object ${this.name}>`;
  }
  release(): void {
    this.consts = [];
    decref(this.constsTuple);
    for (const n of this.nameObjs) decref(n);
    decref(this.nameObj);
    decref(this.qualnameObj);
  }
}


export const CodeType = new PyType({ name: 'code', basicsize: 200 });

export class PyCell extends PyObject {
  constructor(public ref: PyObject | null) {
    super(CellType);
  }
  shortRepr(): string {
    return '<cell>';
  }
  traverse(visit: Visit): void {
    if (this.ref !== null) visit(this.ref);
  }
  clear(): void {
    const r = this.ref;
    this.ref = null;
    xdecref(r);
  }
  release(): void {
    xdecref(this.ref);
    this.ref = null;
  }
}

export const CellType = new PyType({ name: 'cell', isGC: true, basicsize: 24 });

export class PyFunction extends PyObject {
  /** func_dict, created on first attribute store. */
  dict: PyObject | null = null;
  constructor(
    public code: PyCode,
    public globals: PyObject | null,
    public name: PyObject,
    public qualname: PyObject,
    public defaults: PyObject | null,
    public closure: PyObject | null,
    public module: PyObject | null,
    public doc: PyObject | null,
  ) {
    super(FunctionType);
  }
  shortRepr(): string {
    return `<function ${this.code.qualname}>`;
  }
  traverse(visit: Visit): void {
    visit(this.code);
    if (this.globals !== null) visit(this.globals);
    if (this.module !== null) visit(this.module);
    if (this.defaults !== null) visit(this.defaults);
    if (this.doc !== null) visit(this.doc);
    visit(this.name);
    if (this.dict !== null) visit(this.dict);
    if (this.closure !== null) visit(this.closure);
    visit(this.qualname);
  }
  clear(): void {
    // func_clear: everything but the code object; name and qualname become ''.
    const g = this.globals;
    const m = this.module;
    const d = this.defaults;
    const doc = this.doc;
    const dict = this.dict;
    const cl = this.closure;
    this.globals = null;
    this.module = null;
    this.defaults = null;
    this.doc = null;
    this.dict = null;
    this.closure = null;
    xdecref(g);
    xdecref(m);
    xdecref(d);
    xdecref(doc);
    xdecref(dict);
    xdecref(cl);
  }
  release(): void {
    // func_dealloc -> func_clear order: globals, module, defaults, doc, dict, closure,
    // then name, qualname, and finally the code.
    xdecref(this.globals);
    xdecref(this.module);
    xdecref(this.defaults);
    xdecref(this.doc);
    xdecref(this.dict);
    xdecref(this.closure);
    decref(this.name);
    decref(this.qualname);
    decref(this.code);
  }
}

export const FunctionType = new PyType({ name: 'function', isGC: true, basicsize: 128 });

export class PyMethod extends PyObject {
  constructor(
    readonly func: PyObject,
    readonly self: PyObject,
  ) {
    super(MethodType);
  }
  shortRepr(): string {
    return '<bound method>';
  }
  traverse(visit: Visit): void {
    visit(this.func);
    visit(this.self);
  }
  release(): void {
    decref(this.func);
    decref(this.self);
  }
}

export const MethodType = new PyType({ name: 'method', isGC: true, basicsize: 48 });
