// The instruction set: CPython's opcode names (Include/opcode.h, 3.11/3.12 flavour), one
// byte of opcode and one integer argument each. Jump arguments are absolute instruction
// indices (CPython's are relative; absolute is simpler and changes nothing a student sees).
//
// Where the versions' bytecode differs in a way that changes reference counts (e.g. a call
// moving its arguments into the new frame on 3.11+), the evaluation loop asks the profile;
// the instruction stream is the same for every version.

export enum Op {
  NOP,
  POP_TOP,
  PUSH_NULL,
  /** Push a new reference to the item `arg` deep (1 = top). */
  COPY,
  /** Swap top with the item `arg` deep. */
  SWAP,
  LOAD_CONST,
  LOAD_NAME,
  STORE_NAME,
  DELETE_NAME,
  LOAD_GLOBAL,
  STORE_GLOBAL,
  DELETE_GLOBAL,
  LOAD_FAST,
  STORE_FAST,
  DELETE_FAST,
  /** localsplus[arg] is a cell: load its contents. */
  LOAD_DEREF,
  STORE_DEREF,
  DELETE_DEREF,
  /** Push the cell object itself (for building a closure). */
  LOAD_CLOSURE,
  /** Class body reading a free variable: the class namespace first, then the cell. */
  LOAD_CLASSDEREF,
  LOAD_ATTR,
  STORE_ATTR,
  DELETE_ATTR,
  /** Push [method, self] or [NULL, attribute] (3.10 LOAD_METHOD / 3.12 LOAD_ATTR method form). */
  LOAD_METHOD,
  /** arg: index into BINARY_OPS */
  BINARY_OP,
  UNARY_NEGATIVE,
  UNARY_POSITIVE,
  UNARY_INVERT,
  UNARY_NOT,
  /** arg: CmpOp */
  COMPARE_OP,
  /** arg 1: `is not` */
  IS_OP,
  /** arg 1: `not in` */
  CONTAINS_OP,
  BINARY_SUBSCR,
  STORE_SUBSCR,
  DELETE_SUBSCR,
  /** arg: 2 or 3 */
  BUILD_SLICE,
  BUILD_TUPLE,
  BUILD_LIST,
  BUILD_SET,
  BUILD_MAP,
  /** Keys tuple on top, then arg values. */
  BUILD_CONST_KEY_MAP,
  BUILD_STRING,
  /** Append TOS to the list `arg` deep (after popping TOS). */
  LIST_APPEND,
  SET_ADD,
  MAP_ADD,
  LIST_EXTEND,
  SET_UPDATE,
  DICT_UPDATE,
  LIST_TO_TUPLE,
  /** arg: conversion (low 2 bits: 0 none, 1 str, 2 repr, 3 ascii) | 4 if a format spec is on the stack. */
  FORMAT_VALUE,
  GET_ITER,
  /** Next item, or pop the iterator and jump to arg when exhausted. */
  FOR_ITER,
  JUMP,
  /** A jump to an earlier instruction (an eval-breaker check point). */
  JUMP_BACKWARD,
  POP_JUMP_IF_FALSE,
  POP_JUMP_IF_TRUE,
  JUMP_IF_FALSE_OR_POP,
  JUMP_IF_TRUE_OR_POP,
  RETURN_VALUE,
  YIELD_VALUE,
  /** Function entry (3.11+ RESUME): an eval-breaker check point. */
  RESUME,
  /** arg flags: 1 defaults tuple, 8 closure tuple. Code object on top. */
  MAKE_FUNCTION,
  LOAD_BUILD_CLASS,
  /** Stack: [NULL|callable, callable|self, args...]; arg = number of args. */
  CALL,
  /** As CALL with a tuple of keyword names on top; arg = number of args (positional + keyword). */
  CALL_KW,
  /** Stack: [NULL|callable, callable|self, args tuple, kwargs dict or NULL]. */
  CALL_FUNCTION_EX,
  /** arg: 0 re-raise, 1 raise TOS, 2 raise TOS1 from TOS */
  RAISE_VARARGS,
  /** Push a try block whose handler starts at `arg`. */
  SETUP_FINALLY,
  POP_BLOCK,
  /** In a handler: push the previous exc_info, make TOS current. */
  PUSH_EXC_INFO,
  /** Restore the previous exc_info (TOS). */
  POP_EXCEPT,
  /** Pop a type; push whether TOS1 (the exception) matches it. */
  CHECK_EXC_MATCH,
  /** Re-raise TOS. */
  RERAISE,
  UNPACK_SEQUENCE,
  /** arg: before | (after << 8) */
  UNPACK_EX,
  IMPORT_NAME,
  IMPORT_FROM,
  LOAD_ASSERTION_ERROR,
  /** Call `__build_class__`-made namespace finishing: unused placeholder for clarity. */
  RETURN_GENERATOR,
  /** Start-of-block marker used by the compiler for `with`-less cleanup; executes as NOP. */
  SETUP_CLEANUP,
  /** Make localsplus[arg] a cell holding its current value (3.11 MAKE_CELL). */
  MAKE_CELL,
  /** Push a new reference to the function's own closure cells into the frame (3.11 COPY_FREE_VARS). */
  COPY_FREE_VARS,
  /** `yield` inside a generator expression's/function's try: pop the exception state. */
  END_FOR,
}

/** The binary operators, in BINARY_OP argument order (CPython's NB_* order). */
export const BINARY_OPS = [
  'Add', 'And', 'FloorDiv', 'LShift', 'MatMult', 'Mult', 'Mod', 'Or', 'Pow', 'RShift', 'Sub', 'Div', 'Xor',
  'InplaceAdd', 'InplaceAnd', 'InplaceFloorDiv', 'InplaceLShift', 'InplaceMatMult', 'InplaceMult', 'InplaceMod',
  'InplaceOr', 'InplacePow', 'InplaceRShift', 'InplaceSub', 'InplaceDiv', 'InplaceXor',
] as const;
export const INPLACE = 13;

/** A compiled body: parallel arrays, one entry per instruction. */
export interface Instr {
  readonly op: Op;
  readonly arg: number;
  readonly line: number;
}
