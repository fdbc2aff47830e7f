// ONE table of the facts that differ between CPython 3.10, 3.11, 3.12 and 3.13.
//
// Every number here was measured on this machine with /root/.pyenv/versions/3.1x/bin/python3
// (see tests/differential/programs/engine/ for the programs that keep them honest). Code asks
// the current profile (`profile()`); nowhere else does the engine compare version numbers.

import { STARTUP_STR_EXCESS, STARTUP_STR_IMMORTAL_313 } from './startup-strings';

export type PythonVersion = '3.10' | '3.11' | '3.12' | '3.13';
export const PYTHON_VERSIONS: readonly PythonVersion[] = ['3.10', '3.11', '3.12', '3.13'];

/** Free-list entries by kind: tuples by size (index = size, 1..19), list, dict, frame (3.10). */
export interface FreeListState {
  readonly tuple: readonly number[];
  readonly list: number;
  readonly dict: number;
  readonly frame: number;
}

/**
 * The collector when the main module's code object starts to run (gdb on PyEval_EvalCode after
 * run_mod, harness environment), for a module without function or class bodies. Start-up
 * (site, the .pth files of site-packages) decides it; compiling the file adds to it.
 */
export interface StartGC {
  readonly counts: readonly [number, number, number];
  /** Tracked objects of start-up per generation (the program's own objects come on top). */
  readonly generations: readonly [number, number, number];
  readonly longLivedPending: number;
  readonly longLivedTotal: number;
  readonly freeLists: FreeListState;
  /** gc.get_stats() at start: collections and collected objects per generation during start-up. */
  readonly stats: readonly (readonly [number, number])[];
}

/** An allocation pattern: GC objects counted, free-list entries taken (< 0) or given back (> 0). */
export interface AllocPattern {
  readonly count: number;
  readonly tuple?: Readonly<Record<number, number>>;
  readonly list?: number;
  readonly dict?: number;
  readonly frame?: number;
  /** The free lists afterwards, when the import churns them (measured; replaces what they held). */
  readonly freeListsAfter?: FreeListState;
}

/**
 * What compiling function and class bodies leaves behind (fitted on measured programs; exact
 * for none in general, see docs/cpython-facts.md §3.3). S = number of bodies, depth = deepest
 * nesting of bodies (a method: 2). Counted GC objects: perProgram + perBody * S + perDepth *
 * (depth - 1), plus perConstTuple for each tuple constant. The symtable keeps a dict per block and two lists per block (plus the module's)
 * until compiling ends, each nested compiler unit `unitDicts` dicts: all go to the free lists.
 */
export interface CompileModel {
  readonly perProgram: number;
  readonly perBody: number;
  readonly perDepth: number;
  /** Each non-empty tuple constant (its keys in the compiler's constant cache...). */
  readonly perConstTuple: number;
  readonly dictBase: number;
  readonly unitDicts: number;
  /** 2-tuples left in the free list: first + 2 per body + 4 per tuple constant (and one more 3-tuple from two bodies on). */
  readonly pairsFirst: number;
}

export interface VersionProfile {
  readonly version: PythonVersion;
  readonly hexversion: number;

  // ---- reference counts ----
  /** Small ints, None, True, False, (), '' and 1-char latin-1 strings are immortal (PEP 683). */
  readonly immortalSingletons: boolean;
  /** The refcount getrefcount shows for an immortal object (_Py_IMMORTAL_REFCNT). */
  readonly immortalRefcnt: number;
  /** Interned strings are immortal (3.12 only: 3.13 made runtime-interned strings mortal again). */
  readonly internedImmortal: boolean;
  /**
   * Strings CPython's own start-up already interned (the interpreter, builtins, the stdlib modules
   * site loads): a program's constant 'name' is that object, so it starts with these extra
   * references (3.10, 3.11). Measured table: engine/startup-strings.ts. Other words: none.
   */
  readonly startupStrExcess: ReadonlyMap<string, number>;
  /** 3.13: strings interned during start-up stay immortal (runtime-interned ones are mortal). */
  readonly startupStrImmortal: ReadonlySet<string>;
  /**
   * 3.13: the parser interns every identifier it makes immortal (_PyPegen_new_identifier calls
   * _PyUnicode_InternImmortal), so a str constant equal to any name used in the file is immortal.
   */
  readonly parserIdentifiersImmortal: boolean;
  /** Base count of the statically allocated singletons (3.11's _PyObject_IMMORTAL_INIT = 999999999). */
  readonly staticSingletonBase: number | null;
  /** Python-to-Python calls move the arguments from the caller's stack into the callee's frame (3.11+). */
  readonly callMovesArgs: boolean;
  /** The AST optimizer turns `'%s' % (a, b)` into an f-string (optimize_format, 3.11+). */
  readonly optimizesPercentFormat: boolean;
  /** CALL replaces a bound method on the stack by its function and self (3.11 PRECALL, 3.12+ CALL). */
  readonly callUnpacksMethods: boolean;
  /** Comprehensions are inlined into the enclosing frame (PEP 709, 3.12+). */
  readonly inlineComprehensions: boolean;
  /** getrefcount of a builtin function (held by builtins' dict and the interpreter's caches). */
  readonly builtinFunctionBase: number;

  // ---- garbage collector ----
  readonly gcThresholds: readonly [number, number, number];
  /** 3.10/3.11 collect inside the allocation that crosses threshold 0; 3.12+ at the next eval-breaker check. */
  readonly gcCollectsAtEvalBreaker: boolean;
  /** Instance attributes live in a managed values array, the __dict__ is materialised lazily (3.11+). */
  readonly managedDicts: boolean;
  /** 3.10: frames are GC objects; each code object keeps one "zombie" frame for reuse. */
  readonly zombieFrames: boolean;
  /** print() packs its positional arguments into a tuple (_PyArg_UnpackKeywordsWithVararg, 3.11+). */
  readonly printPacksArgs: boolean;
  /**
   * When print's static argument parser builds its keyword-name tuple (parser_init, a 4-tuple
   * kept for good): 3.10 on the first call that passes a keyword, 3.11 on the first call;
   * 3.12+ never (the tuple is statically allocated).
   */
  readonly printParserInit: 'first keyword call' | 'first call' | 'never';
  /** Code-object constant tuples are untracked from the start (3.12 only). */
  readonly constTuplesUntracked: boolean;
  /** Built-in types whose call packs the arguments into a tuple (no vectorcall), by name. */
  readonly typeCallsPackArgs: readonly string[];
  /** min()/max() are METH_VARARGS (until 3.13). */
  readonly minMaxVarargs: boolean;
  readonly startGC: StartGC;
  readonly compileModel: CompileModel;
  /** What `import weakref` allocates (3.11 has it from start-up): importlib and weakref.py run. */
  readonly importWeakref: AllocPattern;
  /** What `import gc` allocates (importlib runs; the module, its dict and functions are made). */
  readonly importGc: AllocPattern;
  /** `import weakref` leaves this many cyclic garbage objects behind (3.12, 3.13). */
  readonly weakrefImportGarbage: number;
  /** 3.13: a materialised instance __dict__ is not tracked again when attributes are stored. */
  readonly materialisedDictTracks: boolean;
  /** sum() of floats uses Neumaier compensated summation (3.12+). */
  readonly sumCompensated: boolean;
  /** 3.13: "got an unexpected keyword argument 'nam'. Did you mean 'name'?" */
  readonly kwargSuggestions: boolean;
  /** _PyGen_Finalize on a never-started generator clears its frame (3.10, 3.11) or only marks it done (3.12+). */
  readonly genFinalizeClearsUnstarted: boolean;
  /** GC objects the first class statement of a run allocates beyond the later ones (3.10: 1). */
  readonly firstClassExtra: number;

  // ---- sys.getsizeof (bytes, including the GC header where CPython adds it) ----
  readonly sizeofIntZero: number;
  readonly sizeofStrAsciiBase: number;
  readonly sizeofStrCompactBase: number;
  /**
   * 1-character identifiers that CPython also has as _Py_ID global strings (3.11, 3.12): those
   * static objects are interned at start-up, so the constant 'a' (interned by the compiler) is
   * not the 1-char cache's 'a' that chr(97), indexing and iteration return. 3.13's interning
   * returns the cached singleton instead. Measured: `sys.intern(chr(c)) is not chr(c)`.
   */
  readonly globalIdentifierChars: string;
  /**
   * What str(True) returns, always the same object: 3.10 interns 'True' on first use
   * (_PyUnicode_FromId); 3.11+ return the static _Py_ID(True), which 3.12 and 3.13 intern at
   * start-up but 3.11 does not (so there the constant 'True' is another object).
   * Measured: `str(True) is 'True'` False on 3.11 only.
   */
  readonly boolRepr: 'interned on first use' | 'static' | 'static interned';
  /** 3.12+: the 1-character latin-1 singletons are static strings with their UTF-8 form cached. */
  readonly latin1SingletonUtf8: boolean;
  readonly sizeofDictKeysHeader: number;
  /** 3.11+: all-str-key tables use 16-byte entries (PyDictUnicodeEntry). */
  readonly dictUnicodeEntries: boolean;
  readonly sizeofGenerator: number;
  readonly sizeofGeneratorFunction: number;
  readonly sizeofFunction: number;
  readonly sizeofInstance: number;
  readonly sizeofWeakref: number;
  readonly sizeofRangeIter: number;
  readonly sizeofEnumerate: number;
  readonly sizeofException: number;
  /** What an exception instance of a user class adds: its __weakref__ (3.12+: pre-header). */
  readonly sizeofExceptionSubclassExtra: number;
  /** A built-in (static) type object such as int or Exception: sizeof(PyTypeObject). */
  readonly sizeofStaticType: number;
  readonly sizeofHeapType: number;
  readonly sizeofHeapTypeSlots: number;
  /** list(set) / list(dict) over-allocate in 3.13 (list_extend via list_resize). */
  readonly listFromSetOverallocates: boolean;
  /** 3.11+: list.append into a free slot does not call list_resize (_PyList_AppendTakeRef). */
  readonly listAppendFillsFreeSlot: boolean;
  /** 3.12+: str.split without maxsplit pre-sizes its list for what the string can hold, not 12. */
  readonly splitPreallocBoundedByLength: boolean;
  /** Generator frames: sys.getsizeof = base + 8 * (locals + stack slots), stack at least `min`. */
  readonly generatorFrameBase: number;
  readonly generatorMinStack: number;

  // ---- error messages that changed ----
  /** 3.10: "local variable 'x' referenced before assignment"; 3.11+: "cannot access local variable ...". */
  readonly unboundMessages: 'referenced' | 'cannot access';
  /** min()/max() of nothing: "arg is an empty sequence" (<= 3.11) or "iterable argument is empty" (3.12+). */
  readonly emptyMinMax: string;
  /** The traceback's last line names a class from __main__ as `__main__.E` (3.10's C print_exception). */
  readonly tracebackQualifiesMain: boolean;
  /** "super() argument 1 must be type, not int" (3.10) or "must be a type" (3.11+). */
  readonly superTypeArticle: string;
  /** 3.13's supercheck names both sides: "obj (instance of int) is not an instance or subtype of type (A)." */
  readonly superCheckNamesTypes: boolean;
  /** `del o.missing` on a dict-backed object or a class: 3.10 says only `missing` (the KeyError turned AttributeError). */
  readonly delattrBareName: boolean;
  /** 3.10: a rich comparison is a recursive C call (" in comparison" when it hits the limit). */
  readonly comparisonCountsDepth: boolean;
  /** int % 0: "integer division or modulo by zero" (3.10) or "integer modulo by zero" (3.11+). */
  readonly intModuloByZero: string;
  /** float % 0: "float modulo" (until 3.12) or "float modulo by zero" (3.13). */
  readonly floatModuloByZero: string;
  /** 3.13 adds " and no __dict__ for setting new attributes" when an attribute cannot be set. */
  readonly setattrNoDictSuffix: string;
  /** Uncaught NameError/AttributeError get "Did you mean: ...?" (all four); 3.12+ also "Did you forget to import ...?". */
  readonly suggestImports: boolean;
}

const base310: VersionProfile = {
  version: '3.10',
  hexversion: 0x030a0df0,
  immortalSingletons: false,
  immortalRefcnt: 4294967295,
  internedImmortal: false,
  startupStrExcess: STARTUP_STR_EXCESS['3.10'],
  startupStrImmortal: new Set(),
  parserIdentifiersImmortal: false,
  staticSingletonBase: null,
  callMovesArgs: false,
  optimizesPercentFormat: false,
  callUnpacksMethods: false,
  inlineComprehensions: false,
  builtinFunctionBase: 3,
  gcThresholds: [700, 10, 10],
  gcCollectsAtEvalBreaker: false,
  managedDicts: false,
  zombieFrames: true,
  printPacksArgs: false,
  printParserInit: 'first keyword call',
  constTuplesUntracked: false,
  typeCallsPackArgs: ['zip', 'int', 'str', 'enumerate', 'map', 'filter', 'reversed', 'frozenset', 'weakref.ReferenceType', 'super'],
  minMaxVarargs: true,
  startGC: {
    counts: [43, 10, 0],
    generations: [63, 4727, 0],
    longLivedPending: 0,
    longLivedTotal: 0,
    freeLists: { tuple: [0, 4, 6, 1, 1, 4, 2, 7, 2, 3], list: 5, dict: 8, frame: 4 },
    stats: [[10, 0], [0, 0], [0, 0]],
  },
  importGc: { count: 21, tuple: { 3: 1 }, dict: -2 },
  importWeakref: { count: 748, freeListsAfter: { tuple: [0, 1, 29, 3, 3, 0, 0, 2, 2, 2], list: 2, dict: 6, frame: 5 } },
  compileModel: { perProgram: 9, perBody: 5, perDepth: 16, perConstTuple: 5, dictBase: 8, unitDicts: 5, pairsFirst: 2 },
  weakrefImportGarbage: 0,
  materialisedDictTracks: true,
  sumCompensated: false,
  kwargSuggestions: false,
  genFinalizeClearsUnstarted: true,
  firstClassExtra: 2,
  sizeofIntZero: 24,
  sizeofStrAsciiBase: 49,
  sizeofStrCompactBase: 72,
  globalIdentifierChars: '',
  boolRepr: 'interned on first use',
  latin1SingletonUtf8: false,
  sizeofDictKeysHeader: 40,
  dictUnicodeEntries: false,
  sizeofGenerator: 104,
  sizeofGeneratorFunction: 104,
  sizeofFunction: 144,
  sizeofInstance: 48,
  sizeofWeakref: 72,
  sizeofRangeIter: 48,
  sizeofEnumerate: 64,
  sizeofException: 80,
  sizeofExceptionSubclassExtra: 8,
  sizeofStaticType: 408,
  sizeofHeapType: 1072,
  sizeofHeapTypeSlots: 904,
  listFromSetOverallocates: false,
  splitPreallocBoundedByLength: false,
  listAppendFillsFreeSlot: false,
  generatorFrameBase: 104,
  generatorMinStack: 0,
  unboundMessages: 'referenced',
  emptyMinMax: 'arg is an empty sequence',
  setattrNoDictSuffix: '',
  intModuloByZero: 'integer division or modulo by zero',
  tracebackQualifiesMain: true,
  delattrBareName: true,
  comparisonCountsDepth: true,
  superTypeArticle: '',
  superCheckNamesTypes: false,
  floatModuloByZero: 'float modulo',
  suggestImports: false,
};

const base311: VersionProfile = {
  ...base310,
  version: '3.11',
  hexversion: 0x030b07f0,
  staticSingletonBase: 999999999,
  startupStrExcess: STARTUP_STR_EXCESS['3.11'],
  callMovesArgs: true,
  optimizesPercentFormat: true,
  callUnpacksMethods: true,
  listAppendFillsFreeSlot: true,
  builtinFunctionBase: 9,
  managedDicts: true,
  zombieFrames: false,
  printPacksArgs: true,
  printParserInit: 'first call',
  typeCallsPackArgs: ['zip', 'int', 'str', 'map', 'filter', 'reversed', 'frozenset', 'weakref.ReferenceType'],
  startGC: {
    counts: [227, 0, 2],
    generations: [295, 0, 10942],
    longLivedPending: 11100,
    longLivedTotal: 0,
    freeLists: { tuple: [0, 4, 7, 1, 2, 3, 0, 8, 6, 1, 0], list: 40, dict: 8, frame: 0 },
    stats: [[22, 43], [2, 92], [0, 0]],
  },
  importGc: { count: 22, tuple: { 3: 1 }, list: -1, dict: -1 },
  importWeakref: { count: 1 },
  compileModel: { perProgram: 11, perBody: 3, perDepth: 16, perConstTuple: 5, dictBase: 8, unitDicts: 5, pairsFirst: 3 },
  firstClassExtra: 1,
  sizeofIntZero: 28,
  globalIdentifierChars: 'BCLST_abcdefhijklmnopqrstvwxy',
  boolRepr: 'static',
  sizeofDictKeysHeader: 32,
  dictUnicodeEntries: true,
  sizeofGenerator: 200,
  sizeofGeneratorFunction: 176,
  sizeofFunction: 152,
  sizeofInstance: 56,
  sizeofWeakref: 80,
  sizeofEnumerate: 72,
  sizeofException: 88,
  sizeofStaticType: 424,
  sizeofHeapType: 1688,
  sizeofHeapTypeSlots: 920,
  generatorFrameBase: 168,
  generatorMinStack: 1,
  unboundMessages: 'cannot access',
  intModuloByZero: 'integer modulo by zero',
  tracebackQualifiesMain: false,
  delattrBareName: false,
  comparisonCountsDepth: false,
  superTypeArticle: 'a ',
};

const base312: VersionProfile = {
  ...base311,
  version: '3.12',
  hexversion: 0x030c01f0,
  immortalSingletons: true,
  internedImmortal: true,
  startupStrExcess: new Map(),
  staticSingletonBase: null,
  inlineComprehensions: true,
  builtinFunctionBase: 2,
  gcCollectsAtEvalBreaker: true,
  printParserInit: 'never',
  constTuplesUntracked: true,
  sizeofStrAsciiBase: 41,
  sizeofStrCompactBase: 56,
  latin1SingletonUtf8: true,
  globalIdentifierChars: '_abcdenprsx',
  boolRepr: 'static interned',
  sizeofGenerator: 192,
  sizeofFunction: 160,
  sizeofInstance: 48,
  sizeofRangeIter: 40,
  sizeofHeapType: 1704,
  sizeofExceptionSubclassExtra: 16,
  sizeofStaticType: 432,
  sizeofHeapTypeSlots: 936,
  splitPreallocBoundedByLength: true,
  generatorFrameBase: 160,
  generatorMinStack: 2,
  emptyMinMax: 'iterable argument is empty',
  suggestImports: true,
  startGC: {
    counts: [6, 5, 0],
    generations: [33, 4959, 0],
    longLivedPending: 0,
    longLivedTotal: 0,
    freeLists: { tuple: [0, 5, 7, 2, 1, 1, 1, 0, 0, 2, 0], list: 9, dict: 14, frame: 0 },
    stats: [[5, 24], [0, 0], [0, 0]],
  },
  importGc: { count: 21, list: -1, dict: -1 },
  importWeakref: { count: 764, freeListsAfter: { tuple: [0, 2, 29, 3, 3, 2, 0, 1, 3, 0, 0], list: 4, dict: 4, frame: 0 } },
  compileModel: { perProgram: 4, perBody: 5, perDepth: 17, perConstTuple: 5, dictBase: 9, unitDicts: 6, pairsFirst: 3 },
  weakrefImportGarbage: 7,
  genFinalizeClearsUnstarted: false,
  sumCompensated: true,
};

const base313: VersionProfile = {
  ...base312,
  version: '3.13',
  hexversion: 0x030d00f0,
  internedImmortal: false,
  startupStrExcess: STARTUP_STR_EXCESS['3.13'],
  startupStrImmortal: STARTUP_STR_IMMORTAL_313,
  parserIdentifiersImmortal: true,
  gcThresholds: [2000, 10, 10],
  constTuplesUntracked: false,
  typeCallsPackArgs: ['zip', 'map', 'filter', 'reversed', 'frozenset', 'weakref.ReferenceType'],
  minMaxVarargs: false,
  startGC: {
    counts: [31, 3, 0],
    generations: [49, 5091, 0],
    longLivedPending: 0,
    longLivedTotal: 0,
    freeLists: { tuple: [0, 5, 7, 2, 1, 0, 2, 4, 2, 3, 5], list: 10, dict: 12, frame: 0 },
    stats: [[3, 24], [0, 0], [0, 0]],
  },
  importGc: { count: 21, list: -1, dict: -1 },
  importWeakref: { count: 769, freeListsAfter: { tuple: [0, 2, 31, 2, 1, 2, 2, 2, 1, 1, 4], list: 4, dict: 4, frame: 0 } },
  compileModel: { perProgram: 4, perBody: 5, perDepth: 16, perConstTuple: 5, dictBase: 9, unitDicts: 6, pairsFirst: 3 },
  materialisedDictTracks: false,
  kwargSuggestions: true,
  sizeofHeapType: 1712,
  sizeofStaticType: 416,
  sizeofHeapTypeSlots: 944,
  listFromSetOverallocates: true,
  globalIdentifierChars: '',
  setattrNoDictSuffix: ' and no __dict__ for setting new attributes',
  floatModuloByZero: 'float modulo by zero',
  superCheckNamesTypes: true,
};

export const PROFILES: Readonly<Record<PythonVersion, VersionProfile>> = {
  '3.10': base310,
  '3.11': base311,
  '3.12': base312,
  '3.13': base313,
};

let current: VersionProfile = base312;

/** The profile of the run in progress. */
export function profile(): VersionProfile {
  return current;
}

export function setProfile(v: PythonVersion): void {
  current = PROFILES[v];
}
