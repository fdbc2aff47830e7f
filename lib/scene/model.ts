// Scene model: what the heap looks like at a step, and the keyframes that lead into it.
//
// Pure data, no DOM: the trace's snapshots become scene states, and the events of a step
// are replayed one by one over the previous snapshot (with the step's final name bindings)
// so every event has its own keyframe (an allocation appears, a badge ticks, a dead object
// fades, a collector phase shows its gc_refs). The last keyframe of a step is always the engine's own snapshot, so whatever
// the replay approximates, a step always ends exactly where the engine says it is.

import type {
  FrameSnapshot,
  GCPhase,
  ObjectId,
  Reference,
  SharedReason,
  TraceEvent,
  TraceStep,
} from '../../engine/trace';

export interface SceneObject {
  readonly id: ObjectId;
  readonly type: string;
  readonly repr: string;
  /** The real ob_refcnt (sys.getrefcount minus its own argument). */
  readonly refcount: number;
  readonly immortal: boolean;
  readonly tracked: boolean;
  readonly generation: number | null;
  readonly refs: readonly Reference[];
  readonly shared: SharedReason | null;
  /**
   * Alive, but no name reaches it any more: an earlier snapshot listed it, a later one
   * (which lists what the frames reach) left it out, and it was never freed. A cycle after
   * `del` is the classic case; it stays on screen until the collector frees it.
   */
  readonly detached: boolean;
}

export type SceneFrame = FrameSnapshot;

/** What a collection in progress shows on top of the heap. */
export interface GCOverlay {
  readonly generation: number;
  readonly automatic: boolean;
  /** 'start' before update_refs ran, 'end' once gc_end reported. */
  readonly phase: GCPhase | 'start' | 'end';
  readonly gcRefs: Readonly<Record<ObjectId, number>>;
  readonly unreachable: readonly ObjectId[];
  readonly collected: number | null;
  readonly uncollectable: number | null;
}

export interface SceneState {
  readonly step: number;
  readonly line: number;
  readonly frames: readonly SceneFrame[];
  /** Sorted by id (allocation order). */
  readonly objects: readonly SceneObject[];
  readonly gc: GCOverlay | null;
  readonly stdout: string;
}

/** What the renderer should draw attention to while moving into a keyframe. */
export type SceneEffect =
  | { readonly kind: 'appear'; readonly id: ObjectId }
  | { readonly kind: 'badge'; readonly id: ObjectId; readonly from: number | null; readonly to: number }
  | { readonly kind: 'fade'; readonly id: ObjectId }
  | { readonly kind: 'shared'; readonly id: ObjectId; readonly reason: SharedReason }
  | { readonly kind: 'gc'; readonly phase: GCOverlay['phase'] }
  | { readonly kind: 'finalize'; readonly id: ObjectId }
  | { readonly kind: 'weakref_callback'; readonly weakref: ObjectId; readonly referent: ObjectId }
  | { readonly kind: 'settle' };

export interface Keyframe {
  /** The scene once this keyframe is reached. */
  readonly state: SceneState;
  /** The event it shows; null for the closing keyframe (the engine's snapshot). */
  readonly event: TraceEvent | null;
  readonly effects: readonly SceneEffect[];
  readonly caption: string;
  /** Nominal duration at 1× speed, before timeline() compresses long steps. */
  readonly durationMs: number;
}

export const EMPTY_STATE: SceneState = {
  step: -1,
  line: 0,
  frames: [],
  objects: [],
  gc: null,
  stdout: '',
};

/**
 * The engine's snapshot after a step, as a scene state, plus the detached objects (alive,
 * reached by no name) that the scene still knows about (see detachedAfter).
 */
export function sceneFromStep(step: TraceStep, detached: readonly SceneObject[] = []): SceneState {
  const objects = step.heap.map(
    (o): SceneObject => ({
      id: o.id,
      type: o.type,
      repr: o.repr,
      refcount: o.refcount,
      immortal: o.immortal,
      tracked: o.tracked,
      generation: o.generation,
      refs: o.refs,
      shared: o.shared,
      detached: false,
    }),
  );
  for (const o of detached) objects.push(o);
  if (!isSortedById(objects)) objects.sort((a, b) => a.id - b.id);
  return { step: step.index, line: step.line, frames: step.frames, objects, gc: null, stdout: step.stdout };
}

function isSortedById(objects: readonly SceneObject[]): boolean {
  for (let i = 1; i < objects.length; i++) if (objects[i - 1]!.id > objects[i]!.id) return false;
  return true;
}

export const SHARED_REASON_TEXT: Readonly<Record<SharedReason, string>> = {
  small_int: 'small-int cache (-5..256)',
  interned: 'interned string',
  constant: 'constant shared in one code object',
  singleton: 'singleton',
};

export const GC_PHASE_TEXT: Readonly<Record<GCOverlay['phase'], string>> = {
  start: 'the collector starts',
  update_refs: 'update_refs: copy each refcount into gc_refs',
  subtract_refs: 'subtract_refs: subtract references from inside the generation',
  move_unreachable: 'move_unreachable: gc_refs > 0 is reachable, and so is all it reaches; the rest is unreachable',
  move_legacy_finalizers: 'move_legacy_finalizers: set aside objects with legacy finalizers',
  handle_weakrefs: 'handle_weakrefs: clear weak references to unreachable objects',
  finalize_garbage: 'finalize_garbage: call __del__ on unreachable objects (PEP 442)',
  check_garbage: 'check_garbage: did a finalizer resurrect anything?',
  delete_garbage: 'delete_garbage: clear the cycles so refcounting frees them',
  end: 'the collector is done',
};

/** Nominal durations at 1× speed: long enough to follow, short enough to play a level. */
export const EVENT_DURATION_MS: Readonly<Record<TraceEvent['kind'] | 'settle', number>> = {
  alloc: 420,
  incref: 320,
  decref: 320,
  dealloc: 520,
  shared: 360,
  gc_start: 500,
  gc_phase: 1000,
  gc_end: 600,
  finalize: 520,
  weakref_callback: 520,
  settle: 320,
};

export function objectName(o: { readonly type: string; readonly id: ObjectId }): string {
  return `${o.type} #${o.id}`;
}

function nameOf(objects: ReadonlyMap<ObjectId, SceneObject>, id: ObjectId): string {
  const o = objects.get(id);
  return o ? objectName(o) : `object #${id}`;
}

/**
 * What stays on screen after `step` without being in its snapshot: every object of `before`
 * that the snapshot no longer lists and that the step did not free, with its refcount
 * followed through the step's events. Ids are never reused and every death is reported
 * (dealloc), so an object that merely left the snapshot is still alive.
 */
export function detachedAfter(before: SceneState, step: TraceStep): SceneObject[] {
  const listed = new Set<ObjectId>();
  for (const o of step.heap) listed.add(o.id);
  const freed = new Set<ObjectId>();
  const counts = new Map<ObjectId, number>();
  for (const e of step.events) {
    if (e.kind === 'dealloc') freed.add(e.id);
    else if (e.kind === 'incref' || e.kind === 'decref') counts.set(e.id, e.refcount);
  }
  const out: SceneObject[] = [];
  for (const o of before.objects) {
    if (listed.has(o.id) || freed.has(o.id)) continue;
    const refcount = counts.get(o.id) ?? o.refcount;
    out.push(o.detached && refcount === o.refcount ? o : { ...o, refcount, detached: true });
  }
  return out;
}

/**
 * The keyframes from `prev` (the previous step's snapshot, or null before the first step)
 * into `step`: one per event, then the engine's snapshot.
 */
export function keyframesInto(
  prev: TraceStep | SceneState | null,
  step: TraceStep,
  end: SceneState = sceneFromStep(step),
): Keyframe[] {
  const start = prev === null ? EMPTY_STATE : 'heap' in prev ? sceneFromStep(prev) : prev;
  const endById = new Map(end.objects.map((o) => [o.id, o]));
  const objects = new Map(start.objects.map((o) => [o.id, o]));
  let gc: GCOverlay | null = start.gc;
  const keyframes: Keyframe[] = [];
  // A program's line also runs the interpreter's own machinery (an import builds modules,
  // a call touches builtins). Only what the student can see gets a keyframe: objects on
  // screen, objects the snapshot will list, and temporaries born and freed in this line.
  const freedHere = new Set<ObjectId>();
  for (const e of step.events) if (e.kind === 'dealloc') freedHere.add(e.id);
  /** Put an object the snapshot lists on screen the first time an event touches it. */
  const bringIn = (id: ObjectId): SceneObject | undefined => {
    const final = endById.get(id);
    if (!final || objects.has(id)) return objects.get(id);
    const o: SceneObject = { ...final, refs: final.refs.filter((r) => objects.has(r.target) || r.target === id) };
    objects.set(id, o);
    return o;
  };

  // Ids are allocation serials, so appending allocations keeps the map in id order; sort
  // only if an engine ever breaks that.
  const snapshot = (): SceneState => {
    const list = [...objects.values()];
    return {
      step: step.index,
      line: step.line,
      // The line's own bindings from its first event on: `b = a` shows b's arrow as the
      // list's count ticks up, `del b` drops it as the count ticks down.
      frames: end.frames,
      objects: isSortedById(list) ? list : list.sort((a, b) => a.id - b.id),
      gc,
      stdout: start.stdout,
    };
  };

  for (const event of step.events) {
    let effects: SceneEffect[] = [];
    let caption: string;
    switch (event.kind) {
      case 'alloc': {
        // Contents come from the snapshot when the object outlives the step; a temporary
        // that dies within it has only what the event says.
        const final = endById.get(event.id);
        if (!final && !freedHere.has(event.id)) continue;
        objects.set(event.id, {
          id: event.id,
          type: event.type,
          repr: final?.repr ?? event.repr,
          refcount: 1,
          immortal: final?.immortal ?? false,
          tracked: final?.tracked ?? false,
          generation: final?.generation ?? null,
          refs: (final?.refs ?? []).filter((r) => objects.has(r.target) || r.target === event.id),
          shared: null,
          detached: false,
        });
        effects = [{ kind: 'appear', id: event.id }];
        caption = `new ${objectName({ type: event.type, id: event.id })}: ${event.repr}`;
        break;
      }
      case 'incref':
      case 'decref': {
        const arriving = !objects.has(event.id);
        const o = bringIn(event.id);
        // An immortal object's badge reads ∞ whatever its count does: nothing to show.
        if (!o || (o.immortal && !arriving)) continue;
        const from = arriving ? null : o.refcount;
        objects.set(event.id, { ...o, refcount: event.refcount });
        effects = arriving
          ? [{ kind: 'appear', id: event.id }, { kind: 'badge', id: event.id, from, to: event.refcount }]
          : [{ kind: 'badge', id: event.id, from, to: event.refcount }];
        caption = `${nameOf(objects, event.id)}: refcount ${from ?? '?'} → ${event.refcount}`;
        break;
      }
      case 'dealloc': {
        if (!objects.has(event.id)) continue;
        caption = `${nameOf(objects, event.id)} is freed`;
        objects.delete(event.id);
        // What it held is released by the decrefs that follow; its own arrows go with it,
        // and nothing may keep pointing at freed memory.
        for (const [id, o] of objects) {
          if (o.refs.some((r) => r.target === event.id)) {
            objects.set(id, { ...o, refs: o.refs.filter((r) => r.target !== event.id) });
          }
        }
        effects = [{ kind: 'fade', id: event.id }];
        break;
      }
      case 'shared': {
        const arriving = !objects.has(event.id);
        const o = bringIn(event.id);
        // Handing out an object already marked shared again is news only the first time.
        if (!o || (!arriving && o.shared === event.reason)) continue;
        objects.set(event.id, { ...o, shared: event.reason });
        effects = arriving
          ? [{ kind: 'appear', id: event.id }, { kind: 'shared', id: event.id, reason: event.reason }]
          : [{ kind: 'shared', id: event.id, reason: event.reason }];
        caption = `${nameOf(objects, event.id)} is shared: ${SHARED_REASON_TEXT[event.reason]}`;
        break;
      }
      case 'gc_start':
        gc = {
          generation: event.generation,
          automatic: event.automatic,
          phase: 'start',
          gcRefs: {},
          unreachable: [],
          collected: null,
          uncollectable: null,
        };
        effects = [{ kind: 'gc', phase: 'start' }];
        caption = `gc: ${event.automatic ? 'automatic' : 'gc.collect()'} collection of generation ${event.generation}`;
        break;
      case 'gc_phase':
        gc = {
          ...(gc ?? { generation: 0, automatic: false, collected: null, uncollectable: null }),
          phase: event.phase,
          gcRefs: event.gcRefs,
          unreachable: event.unreachable,
        };
        effects = [{ kind: 'gc', phase: event.phase }];
        caption = `gc: ${GC_PHASE_TEXT[event.phase]}`;
        break;
      case 'gc_end':
        gc = {
          ...(gc ?? { generation: event.generation, automatic: false, gcRefs: {}, unreachable: [] }),
          phase: 'end',
          collected: event.collected,
          uncollectable: event.uncollectable,
        };
        effects = [{ kind: 'gc', phase: 'end' }];
        caption = `gc: generation ${event.generation} done, ${event.collected} collected, ${event.uncollectable} uncollectable`;
        break;
      case 'finalize':
        if (!objects.has(event.id)) continue;
        effects = [{ kind: 'finalize', id: event.id }];
        caption = `${nameOf(objects, event.id)}: __del__ runs`;
        break;
      case 'weakref_callback':
        effects = [{ kind: 'weakref_callback', weakref: event.weakref, referent: event.referent }];
        caption = `weakref #${event.weakref}: callback for ${nameOf(objects, event.referent)}`;
        break;
    }
    keyframes.push({ state: snapshot(), event, effects, caption, durationMs: EVENT_DURATION_MS[event.kind] });
  }

  keyframes.push({
    state: end,
    event: null,
    effects: [{ kind: 'settle' }],
    caption: keyframes.length > 0 ? keyframes[keyframes.length - 1]!.caption : `line ${step.line}`,
    durationMs: EVENT_DURATION_MS.settle,
  });
  return keyframes;
}

/** Longest a single step may take at 1× speed; steps with many events play faster. */
export const MAX_STEP_MS = 4000;
export const MIN_KEYFRAME_MS = 60;

/** Start time and duration of each keyframe at `speed`, compressing long steps. */
export function timeline(
  keyframes: readonly { readonly durationMs: number }[],
  speed: number,
): { readonly starts: readonly number[]; readonly durations: readonly number[]; readonly totalMs: number } {
  const nominal = keyframes.reduce((sum, k) => sum + k.durationMs, 0);
  const squeeze = nominal > MAX_STEP_MS ? MAX_STEP_MS / nominal : 1;
  const starts: number[] = [];
  const durations: number[] = [];
  let t = 0;
  for (const k of keyframes) {
    const d = Math.max(MIN_KEYFRAME_MS, k.durationMs * squeeze) / speed;
    starts.push(t);
    durations.push(d);
    t += d;
  }
  return { starts, durations, totalMs: t };
}
