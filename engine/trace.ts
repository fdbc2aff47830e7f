// The trace: what the engine tells the rest of HeapQuest about a run.
//
// A run is a sequence of steps, one per executed line. Each step carries the events
// that happened while that line ran (allocations, reference count changes, deaths,
// collector phases) and a snapshot of the frames and heap after it. The scene animates
// events and draws snapshots; levels and live questions read answers from them.
//
// Everything here is plain JSON data: the same program and version give byte-identical
// traces. Object ids are allocation serial numbers (the engine's stand-in for addresses),
// never reused within a run.

export type ObjectId = number;

/** The collector phases, named after the functions in CPython's Modules/gcmodule.c / Python/gc.c. */
export type GCPhase =
  | 'update_refs'
  | 'subtract_refs'
  | 'move_unreachable'
  | 'move_legacy_finalizers'
  | 'handle_weakrefs'
  | 'finalize_garbage'
  | 'check_garbage'
  | 'delete_garbage';

/** Why an existing object was handed out instead of a new one. */
export type SharedReason =
  | 'small_int' // the -5..256 cache
  | 'interned' // the interned-string table
  | 'constant' // an equal constant in the same code object (co_consts)
  | 'singleton'; // None, True, False, Ellipsis, the empty tuple...

export type TraceEvent =
  | { readonly kind: 'alloc'; readonly id: ObjectId; readonly type: string; readonly repr: string }
  | { readonly kind: 'incref'; readonly id: ObjectId; readonly refcount: number }
  | { readonly kind: 'decref'; readonly id: ObjectId; readonly refcount: number }
  | { readonly kind: 'dealloc'; readonly id: ObjectId }
  | { readonly kind: 'shared'; readonly id: ObjectId; readonly reason: SharedReason }
  | { readonly kind: 'gc_start'; readonly generation: number; readonly automatic: boolean }
  | {
      readonly kind: 'gc_phase';
      readonly phase: GCPhase;
      /** gc_refs of every object the collection examines, after this phase. */
      readonly gcRefs: Readonly<Record<ObjectId, number>>;
      /** The objects found unreachable so far (after move_unreachable and later). */
      readonly unreachable: readonly ObjectId[];
    }
  | { readonly kind: 'gc_end'; readonly generation: number; readonly collected: number; readonly uncollectable: number }
  | { readonly kind: 'finalize'; readonly id: ObjectId }
  | { readonly kind: 'weakref_callback'; readonly weakref: ObjectId; readonly referent: ObjectId };

export interface Reference {
  /** How the holder names it: a variable, `[0]`, `.attr`, `['key']`, `__dict__`, `cell`... */
  readonly label: string;
  readonly target: ObjectId;
}

export interface HeapObjectSnapshot {
  readonly id: ObjectId;
  readonly type: string;
  /** A short repr, truncated for big containers. */
  readonly repr: string;
  /** What sys.getrefcount would report, minus the one for its own argument. */
  readonly refcount: number;
  /** True for objects CPython makes immortal on this version (refcount shown is not meaningful). */
  readonly immortal: boolean;
  readonly tracked: boolean;
  /** 0, 1 or 2 when tracked, null otherwise. */
  readonly generation: number | null;
  readonly refs: readonly Reference[];
  readonly shared: SharedReason | null;
}

export interface FrameSnapshot {
  /** `<module>`, a function's name, `<listcomp>`... as CPython's code object names it. */
  readonly name: string;
  readonly line: number;
  readonly locals: readonly Reference[];
  /**
   * References the frame holds besides its names: value-stack temporaries (a `for` loop's
   * iterator, a call's callable and arguments), and while a class call runs `__init__`, the
   * instance being made. These are the "temporaries" a refcount includes.
   */
  readonly stack?: readonly Reference[];
}

export interface TraceStep {
  readonly index: number;
  /** The line that just ran. */
  readonly line: number;
  /** Events that happened while it ran, in order. */
  readonly events: readonly TraceEvent[];
  /** Innermost frame last. */
  readonly frames: readonly FrameSnapshot[];
  readonly heap: readonly HeapObjectSnapshot[];
  /** What the line printed, if anything. */
  readonly stdout: string;
}

/**
 * Receives steps as they happen, so a million-step run never holds all its snapshots.
 * The CLI writes them to a file; the playground posts them from a worker; answer keys
 * keep only the steps they ask about.
 */
export interface TraceSink {
  step(step: TraceStep): void;
}
