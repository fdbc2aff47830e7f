// ONE table of the facts that differ between CPython 3.10, 3.11, 3.12 and 3.13.
//
// Every number here was measured on this machine with /root/.pyenv/versions/3.1x/bin/python3
// (see tests/differential/programs/engine/ for the programs that keep them honest). Code asks
// the current profile (`profile()`); nowhere else does the engine compare version numbers.

export type PythonVersion = '3.10' | '3.11' | '3.12' | '3.13';
export const PYTHON_VERSIONS: readonly PythonVersion[] = ['3.10', '3.11', '3.12', '3.13'];

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
  /** Base count of the statically allocated singletons (3.11's _PyObject_IMMORTAL_INIT = 999999999). */
  readonly staticSingletonBase: number | null;
  /** Python-to-Python calls move the arguments from the caller's stack into the callee's frame (3.11+). */
  readonly callMovesArgs: boolean;
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
  /** GC objects the first print() leaves allocated (the stdout machinery's, measured). */
  readonly printFirstCost: number;
  /** print() packs its positional arguments into a new tuple (3.11+ Argument Clinic *args). */
  readonly printPacksArgs: boolean;
  /** 3.10: the first print() with a keyword argument builds its parser's keyword tuple (+1, kept). */
  readonly printKeywordsParserInit: boolean;
  /** Code-object constant tuples are untracked from the start (3.12 only). */
  readonly constTuplesUntracked: boolean;
  /** Built-in types whose call packs the arguments into a tuple (no vectorcall), by name. */
  readonly typeCallsPackArgs: readonly string[];
  /** min()/max() are METH_VARARGS (until 3.13). */
  readonly minMaxVarargs: boolean;
  /** gc.get_count() at program start: the interpreter's own allocations before any compiling. */
  readonly startCounts: readonly [number, number, number];
  /** GC allocations compiling one function or class body costs (symtable dicts and lists...). */
  readonly compileScopeCost: number;
  /** `import weakref` leaves this many cyclic garbage objects behind (3.12, 3.13). */
  readonly weakrefImportGarbage: number;
  /** 3.13: a materialised instance __dict__ is not tracked again when attributes are stored. */
  readonly materialisedDictTracks: boolean;
  /** sum() of floats uses Neumaier compensated summation (3.12+). */
  readonly sumCompensated: boolean;
  /** 3.13: "got an unexpected keyword argument 'nam'. Did you mean 'name'?" */
  readonly kwargSuggestions: boolean;
  /**
   * The order __del__ runs at exit for what __main__ kept alive: 'collector' (3.11, 3.12: the
   * final collection's list order) or 'discovery' (3.10, 3.13: breadth-first from the globals).
   */
  readonly shutdownOrder: 'collector' | 'discovery';
  /** _PyGen_Finalize on a never-started generator clears its frame (3.10, 3.11) or only marks it done (3.12+). */
  readonly genFinalizeClearsUnstarted: boolean;
  /** GC objects the first class statement of a run allocates beyond the later ones (3.10: 1). */
  readonly firstClassExtra: number;

  // ---- sys.getsizeof (bytes, including the GC header where CPython adds it) ----
  readonly sizeofIntZero: number;
  readonly sizeofStrAsciiBase: number;
  readonly sizeofStrCompactBase: number;
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
  readonly sizeofHeapType: number;
  readonly sizeofHeapTypeSlots: number;
  /** list(set) / list(dict) over-allocate in 3.13 (list_extend via list_resize). */
  readonly listFromSetOverallocates: boolean;
  /** str.split pre-sizes its result list (PREALLOC_SIZE 12) before 3.12. */
  readonly splitPreallocates: boolean;
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
  staticSingletonBase: null,
  callMovesArgs: false,
  callUnpacksMethods: false,
  inlineComprehensions: false,
  builtinFunctionBase: 3,
  gcThresholds: [700, 10, 10],
  gcCollectsAtEvalBreaker: false,
  managedDicts: false,
  zombieFrames: true,
  printFirstCost: 1,
  printPacksArgs: false,
  printKeywordsParserInit: true,
  constTuplesUntracked: false,
  typeCallsPackArgs: ['zip', 'int', 'str', 'enumerate', 'map', 'filter', 'reversed', 'frozenset', 'weakref.ReferenceType', 'super'],
  minMaxVarargs: true,
  startCounts: [40, 10, 0],
  compileScopeCost: 12,
  weakrefImportGarbage: 0,
  materialisedDictTracks: true,
  sumCompensated: false,
  kwargSuggestions: false,
  shutdownOrder: 'discovery',
  genFinalizeClearsUnstarted: true,
  firstClassExtra: 2,
  sizeofIntZero: 24,
  sizeofStrAsciiBase: 49,
  sizeofStrCompactBase: 72,
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
  sizeofHeapType: 1072,
  sizeofHeapTypeSlots: 904,
  listFromSetOverallocates: false,
  splitPreallocates: true,
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
  callMovesArgs: true,
  callUnpacksMethods: true,
  builtinFunctionBase: 9,
  managedDicts: true,
  zombieFrames: false,
  printFirstCost: 2,
  printPacksArgs: true,
  printKeywordsParserInit: false,
  typeCallsPackArgs: ['zip', 'int', 'str', 'map', 'filter', 'reversed', 'frozenset', 'weakref.ReferenceType'],
  startCounts: [248, 0, 2],
  shutdownOrder: 'collector',
  firstClassExtra: 1,
  sizeofIntZero: 28,
  sizeofDictKeysHeader: 32,
  dictUnicodeEntries: true,
  sizeofGenerator: 200,
  sizeofGeneratorFunction: 176,
  sizeofFunction: 152,
  sizeofInstance: 56,
  sizeofWeakref: 80,
  sizeofEnumerate: 72,
  sizeofException: 88,
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
  staticSingletonBase: null,
  inlineComprehensions: true,
  builtinFunctionBase: 2,
  gcCollectsAtEvalBreaker: true,
  printFirstCost: 1,
  constTuplesUntracked: true,
  sizeofStrAsciiBase: 41,
  sizeofStrCompactBase: 56,
  latin1SingletonUtf8: true,
  sizeofGenerator: 192,
  sizeofFunction: 160,
  sizeofInstance: 48,
  sizeofRangeIter: 40,
  sizeofHeapType: 1704,
  sizeofHeapTypeSlots: 936,
  splitPreallocates: false,
  generatorFrameBase: 160,
  generatorMinStack: 2,
  emptyMinMax: 'iterable argument is empty',
  suggestImports: true,
  startCounts: [691, 4, 0],
  weakrefImportGarbage: 7,
  genFinalizeClearsUnstarted: false,
  sumCompensated: true,
};

const base313: VersionProfile = {
  ...base312,
  version: '3.13',
  hexversion: 0x030d00f0,
  internedImmortal: false,
  gcThresholds: [2000, 10, 10],
  constTuplesUntracked: false,
  typeCallsPackArgs: ['zip', 'map', 'filter', 'reversed', 'frozenset', 'weakref.ReferenceType'],
  minMaxVarargs: false,
  startCounts: [28, 3, 0],
  materialisedDictTracks: false,
  kwargSuggestions: true,
  shutdownOrder: 'discovery',
  sizeofHeapType: 1712,
  sizeofHeapTypeSlots: 944,
  listFromSetOverallocates: true,
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
