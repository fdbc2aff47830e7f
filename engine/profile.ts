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
  /** The AST optimizer turns `'%s' % (a, b)` into an f-string (optimize_format, 3.11+). */
  readonly optimizesPercentFormat: boolean;
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
  /** GC objects print() leaves allocated: the first call, then each later call (measured). */
  readonly printFirstCost: number;
  readonly printCost: number;
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
  /** _PyGen_Finalize on a never-started generator clears its frame (3.10, 3.11) or only marks it done (3.12+). */
  readonly genFinalizeClearsUnstarted: boolean;
  /**
   * The generation holding the start-up objects, the __main__ dict among them, when the
   * program starts (`gc.get_objects(gen)`): 1, except 2 on 3.11. A full collection scans
   * generation 2, then 0, then 1 (gc_list_merge), so on 3.10, 3.12 and 3.13 the program's
   * first objects are reached before the dict and are reordered by discovery from it.
   */
  readonly startupObjectsGeneration: 1 | 2;
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
  optimizesPercentFormat: false,
  inlineComprehensions: false,
  builtinFunctionBase: 3,
  gcThresholds: [700, 10, 10],
  gcCollectsAtEvalBreaker: false,
  managedDicts: false,
  zombieFrames: true,
  printFirstCost: 1,
  printCost: 0,
  constTuplesUntracked: false,
  typeCallsPackArgs: ['zip', 'int', 'str', 'enumerate', 'map', 'filter', 'reversed', 'frozenset', 'weakref.ReferenceType'],
  minMaxVarargs: true,
  startCounts: [40, 10, 0],
  compileScopeCost: 12,
  weakrefImportGarbage: 0,
  materialisedDictTracks: true,
  sumCompensated: false,
  kwargSuggestions: false,
  startupObjectsGeneration: 1,
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
  suggestImports: false,
};

const base311: VersionProfile = {
  ...base310,
  version: '3.11',
  hexversion: 0x030b07f0,
  staticSingletonBase: 999999999,
  callMovesArgs: true,
  optimizesPercentFormat: true,
  listAppendFillsFreeSlot: true,
  builtinFunctionBase: 9,
  managedDicts: true,
  zombieFrames: false,
  printFirstCost: 3,
  printCost: 1,
  typeCallsPackArgs: ['zip', 'int', 'str', 'map', 'filter', 'reversed', 'frozenset', 'weakref.ReferenceType'],
  startCounts: [248, 0, 2],
  startupObjectsGeneration: 2,
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
  printFirstCost: 2,
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
  startCounts: [691, 4, 0],
  weakrefImportGarbage: 7,
  genFinalizeClearsUnstarted: false,
  startupObjectsGeneration: 1,
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
  sizeofHeapType: 1712,
  sizeofStaticType: 416,
  sizeofHeapTypeSlots: 944,
  listFromSetOverallocates: true,
  globalIdentifierChars: '',
  setattrNoDictSuffix: ' and no __dict__ for setting new attributes',
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
