// Clutter control: what the playground's scene leaves out, as a pure step → step filter the
// scene then draws as usual. Counts are never touched: a badge always says the object's real
// refcount, whatever else is hidden.

import type { HeapObjectSnapshot, ObjectId, Reference, TraceEvent, TraceStep } from '../../engine/trace';

export interface Clutter {
  /** Hide functions, classes, modules and other callables (and the names bound to them). */
  readonly hideCode: boolean;
  /** Show at most this many references of a container; the rest (and what only they reach) are left out. */
  readonly collapseOver: number | null;
  readonly showSmallInts: boolean;
  readonly showInterned: boolean;
}

/** A beginner sees their own data: no function or class boxes, short containers, every value they wrote. */
export const BEGINNER_CLUTTER: Clutter = { hideCode: true, collapseOver: 8, showSmallInts: true, showInterned: true };

export const CODE_TYPES: ReadonlySet<string> = new Set([
  'function',
  'type',
  'module',
  'builtin_function_or_method',
  'method',
  'staticmethod',
  'classmethod',
  'property',
  'method-wrapper',
]);

const CONTAINER_TYPES: ReadonlySet<string> = new Set(['list', 'tuple', 'dict', 'set', 'frozenset']);

function hidden(o: HeapObjectSnapshot, clutter: Clutter): boolean {
  if (clutter.hideCode && CODE_TYPES.has(o.type)) return true;
  if (!clutter.showSmallInts && o.shared === 'small_int') return true;
  if (!clutter.showInterned && o.shared === 'interned') return true;
  return false;
}

function reachable(roots: Iterable<ObjectId>, byId: ReadonlyMap<ObjectId, { readonly refs: readonly Reference[] }>): Set<ObjectId> {
  const seen = new Set<ObjectId>();
  const queue: ObjectId[] = [];
  for (const r of roots) if (byId.has(r) && !seen.has(r)) (seen.add(r), queue.push(r));
  for (let i = 0; i < queue.length; i++) {
    for (const ref of byId.get(queue[i]!)!.refs) {
      if (byId.has(ref.target) && !seen.has(ref.target)) {
        seen.add(ref.target);
        queue.push(ref.target);
      }
    }
  }
  return seen;
}

function eventId(e: TraceEvent): ObjectId | null {
  switch (e.kind) {
    case 'alloc':
    case 'incref':
    case 'decref':
    case 'dealloc':
    case 'shared':
    case 'finalize':
      return e.id;
    default:
      return null;
  }
}

/** The step as the scene should draw it under `clutter`; the same object when nothing is left out. */
export function declutter(step: TraceStep, clutter: Clutter): TraceStep {
  const byId = new Map(step.heap.map((o) => [o.id, o]));
  const removed = new Set<ObjectId>();
  for (const o of step.heap) if (hidden(o, clutter)) removed.add(o.id);

  const kept = new Map<ObjectId, HeapObjectSnapshot>();
  for (const o of step.heap) {
    if (removed.has(o.id)) continue;
    let refs = o.refs.filter((r) => !removed.has(r.target));
    let repr = o.repr;
    if (clutter.collapseOver !== null && CONTAINER_TYPES.has(o.type) && refs.length > clutter.collapseOver) {
      refs = refs.slice(0, clutter.collapseOver);
      repr = `${o.repr}, ${clutter.collapseOver} arrows shown`;
    }
    kept.set(o.id, refs.length === o.refs.length && repr === o.repr ? o : { ...o, refs, repr });
  }
  // What a name reached before, but reaches only through a collapsed reference now, goes too;
  // objects no name reached to begin with (a cycle waiting for the collector) stay.
  const roots = step.frames.flatMap((f) => f.locals.map((l) => l.target));
  const before = reachable(roots, byId);
  const after = reachable(roots, kept);
  for (const id of before) if (kept.has(id) && !after.has(id)) (kept.delete(id), removed.add(id));

  if (removed.size === 0 && [...kept.values()].every((o) => o === byId.get(o.id))) return step;
  const hiddenTypes = (e: TraceEvent) => e.kind === 'alloc' && clutter.hideCode && CODE_TYPES.has(e.type);
  const hiddenIds = new Set<ObjectId>(removed);
  for (const e of step.events) if (hiddenTypes(e)) hiddenIds.add((e as { id: ObjectId }).id);
  return {
    ...step,
    frames: step.frames.map((f) => ({ ...f, locals: f.locals.filter((l) => !hiddenIds.has(l.target)) })),
    heap: step.heap.filter((o) => kept.has(o.id)).map((o) => kept.get(o.id)!),
    events: step.events.filter((e) => {
      const id = eventId(e);
      return id === null || !hiddenIds.has(id);
    }),
  };
}
