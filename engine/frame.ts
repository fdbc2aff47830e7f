// An executing frame (Include/internal/pycore_frame.h's _PyInterpreterFrame): the code, its
// fast locals ("localsplus": arguments and locals, then cells, then free variables), the
// value stack, the try-block stack, and the link to the caller.
//
// Every slot of `fast` and `stack` owns a reference, as in CPython: that is what makes a
// value being passed, iterated or returned visible to sys.getrefcount.

import { PyObject, decref, incref, xdecref, type Visit } from './objects/object';
import { PyType } from './objects/type';
import type { PyCode, PyFunction } from './objects/function';
import type { PyDict } from './objects/dict';

export class Frame {
  // Fields are declared and assigned in the constructor, as PyObject's are (no initializers).
  declare readonly code: PyCode;
  /** The function being run (owned), null for module code and class bodies run by __build_class__. */
  declare func: PyFunction | null;
  declare globals: PyDict;
  declare builtins: PyDict;
  /** Module and class bodies: the namespace dict (owned). */
  declare locals: PyDict | null;
  declare readonly fast: (PyObject | null)[];
  declare stack: (PyObject | null)[];
  declare pc: number;
  /** Try blocks: pairs of (handler pc, stack depth to unwind to). */
  declare blocks: number[];
  declare back: Frame | null;
  /** The line of the last line event in this frame. */
  declare lastLine: number;
  /** Set while the frame runs inside a generator (the generator object owns the frame). */
  declare generator: PyObject | null;
  /** The PyFrameObject made for a traceback (or frame introspection), if any. */
  declare frameObject: PyFrameObject | null;
  /** The frame has returned (its locals belong to its frame object, if one exists). */
  declare finished: boolean;
  /** Depth in the Python call stack (for RecursionError). */
  declare depth: number;
  /** A JUMP_BACKWARD just ran: the next line start is a line event even on the same line. */
  declare jumpedBack: boolean;
  /** Stack slots of the call in progress (callable, self, arguments) to drop when it returns. */
  declare pendingCallSlots: number;
  /**
   * The frame holds its own reference to `func` (a call from native code). A call from the
   * evaluation loop borrows the caller's stack slot instead, as CPython's frames do.
   */
  declare ownsFunc: boolean;
  /** An __init__ run by a class call: the instance being made (owned) and the packed arguments. */
  declare initOf: PyObject | null;
  declare initArgs: PyObject | null;
  /** The frame's memory has been accounted as freed (zombie or allocator). */
  declare private released: boolean;

  constructor(code: PyCode, func: PyFunction | null, globals: PyDict, builtins: PyDict, locals: PyDict | null) {
    this.code = code;
    this.func = func;
    this.globals = globals;
    this.builtins = builtins;
    this.locals = locals;
    this.fast = new Array<PyObject | null>(code.nlocalsplus).fill(null);
    this.stack = [];
    this.pc = 0;
    this.blocks = [];
    this.back = null;
    this.lastLine = -1;
    this.generator = null;
    this.frameObject = null;
    this.finished = false;
    this.depth = 0;
    this.jumpedBack = false;
    this.pendingCallSlots = 0;
    this.ownsFunc = true;
    this.initOf = null;
    this.initArgs = null;
    this.released = false;
    frameCreated(code);
  }

  /** Release what the frame owns (_PyFrame_Clear): locals first, then the stack, then func. */
  clear(): void {
    if (!this.released) {
      this.released = true;
      frameReleased(this.code);
    }
    const f = this.fast;
    for (let i = 0; i < f.length; i++) {
      const o = f[i];
      if (o !== null && o !== undefined) {
        f[i] = null;
        decref(o);
      }
    }
    // A returning frame's stack is already empty: keep it rather than allocate a new one per call.
    const s = this.stack;
    if (s.length !== 0) {
      this.stack = [];
      for (const o of s) xdecref(o);
    }
    const loc = this.locals;
    this.locals = null;
    if (loc !== null) decref(loc);
    const fn = this.func;
    this.func = null;
    if (fn !== null && this.ownsFunc) decref(fn);
    const init = this.initOf;
    this.initOf = null;
    if (init !== null) decref(init);
    const ia = this.initArgs;
    this.initArgs = null;
    if (ia !== null) decref(ia);
  }

  visitOwned(visit: Visit): void {
    for (const o of this.fast) if (o !== null && o !== undefined) visit(o);
    for (const o of this.stack) if (o !== null && o !== undefined) visit(o);
    if (this.locals !== null) visit(this.locals);
  }
}

/**
 * 3.10's frames are GC objects: the first call of a code object allocates one (gen0 count + 1)
 * and keeps it as the code's "zombie" frame when the call returns; the next call reuses it.
 */
let frameCreated: (code: PyCode) => void = () => {};
let frameReleased: (code: PyCode) => void = () => {};
export function setFrameAccounting(created: (code: PyCode) => void, released: (code: PyCode) => void): void {
  frameCreated = created;
  frameReleased = released;
}

/**
 * PyFrameObject: made lazily (3.11+) when a traceback needs the frame. Once the frame has
 * returned, the frame object owns its locals, so a saved traceback keeps them alive.
 */
export class PyFrameObject extends PyObject {
  constructor(readonly frame: Frame) {
    super(FrameType);
  }
  shortRepr(): string {
    return `<frame ${this.frame.code.name}>`;
  }
  traverse(visit: Visit): void {
    if (this.frame.finished) this.frame.visitOwned(visit);
  }
  clear(): void {
    if (this.frame.finished) this.frame.clear();
  }
  release(): void {
    this.frame.frameObject = null;
    if (this.frame.finished) this.frame.clear();
  }
}

export const FrameType = new PyType({ name: 'frame', isGC: true, basicsize: 64 });

/** A traceback entry (Python/traceback.c): holds the next entry and the frame. */
export class PyTraceback extends PyObject {
  constructor(
    readonly next: PyTraceback | null,
    readonly frameObj: PyFrameObject,
    readonly line: number,
  ) {
    super(TracebackType);
  }
  shortRepr(): string {
    return '<traceback>';
  }
  traverse(visit: Visit): void {
    if (this.next !== null) visit(this.next);
    visit(this.frameObj);
  }
  release(): void {
    xdecref(this.next);
    decref(this.frameObj);
  }
}

export const TracebackType = new PyType({ name: 'traceback', isGC: true, basicsize: 48 });

export function frameObjectOf(f: Frame, allocHook: (o: PyObject) => void): PyFrameObject {
  if (f.frameObject === null) {
    f.frameObject = new PyFrameObject(f);
    allocHook(f.frameObject);
  }
  return incref(f.frameObject);
}
