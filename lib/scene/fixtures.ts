// Hand-made traces for the scene's tests, its benchmark and its dev harness. They are
// inputs shaped like engine/trace.ts, not claims about CPython: nothing here is an answer.

import type { FrameSnapshot, HeapObjectSnapshot, Reference, TraceEvent, TraceStep } from '../../engine/trace';

export function heapObject(
  id: number,
  type: string,
  repr: string,
  refcount: number,
  more: Partial<Omit<HeapObjectSnapshot, 'id' | 'type' | 'repr' | 'refcount'>> = {},
): HeapObjectSnapshot {
  const container = ['list', 'dict', 'set', 'tuple'].includes(type) || (more.refs?.length ?? 0) > 0;
  return {
    id,
    type,
    repr,
    refcount,
    immortal: false,
    tracked: container,
    generation: container ? 0 : null,
    refs: [],
    shared: null,
    ...more,
  };
}

export function frame(name: string, line: number, locals: Record<string, number>): FrameSnapshot {
  return { name, line, locals: Object.entries(locals).map(([label, target]): Reference => ({ label, target })) };
}

export function traceStep(
  index: number,
  line: number,
  frames: readonly FrameSnapshot[],
  heap: readonly HeapObjectSnapshot[],
  events: readonly TraceEvent[] = [],
  stdout = '',
): TraceStep {
  return { index, line, frames, heap, events, stdout };
}

const smallInt = (id: number, value: number, refcount = 1_000_000_000): HeapObjectSnapshot =>
  heapObject(id, 'int', String(value), refcount, { immortal: true, shared: 'small_int' });

/**
 *   a = [1, 2]
 *   b = a
 *   del a
 *   del b
 */
export function twoNamesOneList(): TraceStep[] {
  const one = smallInt(1, 1);
  const two = smallInt(2, 2);
  const list = (refcount: number): HeapObjectSnapshot =>
    heapObject(10, 'list', '[1, 2]', refcount, {
      refs: [
        { label: '[0]', target: 1 },
        { label: '[1]', target: 2 },
      ],
    });
  return [
    traceStep(0, 1, [frame('<module>', 1, { a: 10 })], [one, two, list(1)], [
      { kind: 'shared', id: 1, reason: 'small_int' },
      { kind: 'shared', id: 2, reason: 'small_int' },
      { kind: 'alloc', id: 10, type: 'list', repr: '[1, 2]' },
    ]),
    traceStep(1, 2, [frame('<module>', 2, { a: 10, b: 10 })], [one, two, list(2)], [
      { kind: 'incref', id: 10, refcount: 2 },
    ]),
    traceStep(2, 3, [frame('<module>', 3, { b: 10 })], [one, two, list(1)], [{ kind: 'decref', id: 10, refcount: 1 }]),
    traceStep(3, 4, [frame('<module>', 4, {})], [one, two], [
      { kind: 'decref', id: 10, refcount: 0 },
      { kind: 'dealloc', id: 10 },
    ]),
  ];
}

/**
 *   import gc
 *   a = []
 *   a.append(a)
 *   del a
 *   gc.collect()
 */
export function selfCycleCollected(): TraceStep[] {
  const cyc = (refcount: number): HeapObjectSnapshot =>
    heapObject(20, 'list', '[[...]]', refcount, { refs: [{ label: '[0]', target: 20 }] });
  return [
    traceStep(0, 2, [frame('<module>', 2, { a: 20 })], [heapObject(20, 'list', '[]', 1)], [
      { kind: 'alloc', id: 20, type: 'list', repr: '[]' },
    ]),
    traceStep(1, 3, [frame('<module>', 3, { a: 20 })], [cyc(2)], [{ kind: 'incref', id: 20, refcount: 2 }]),
    traceStep(2, 4, [frame('<module>', 4, {})], [cyc(1)], [{ kind: 'decref', id: 20, refcount: 1 }]),
    traceStep(3, 5, [frame('<module>', 5, {})], [], [
      { kind: 'gc_start', generation: 2, automatic: false },
      { kind: 'gc_phase', phase: 'update_refs', gcRefs: { 20: 1 }, unreachable: [] },
      { kind: 'gc_phase', phase: 'subtract_refs', gcRefs: { 20: 0 }, unreachable: [] },
      { kind: 'gc_phase', phase: 'move_unreachable', gcRefs: { 20: 0 }, unreachable: [20] },
      { kind: 'gc_phase', phase: 'finalize_garbage', gcRefs: { 20: 0 }, unreachable: [20] },
      { kind: 'gc_phase', phase: 'delete_garbage', gcRefs: { 20: 0 }, unreachable: [20] },
      { kind: 'decref', id: 20, refcount: 0 },
      { kind: 'dealloc', id: 20 },
      { kind: 'gc_end', generation: 2, collected: 1, uncollectable: 0 },
    ]),
  ];
}

/** A deterministic pseudo-random sequence (LCG), so fixtures never change between runs. */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const TYPES = ['list', 'dict', 'tuple', 'str', 'int', 'Node', 'set', 'float'] as const;

/**
 * A heap that grows to `objects` objects with `references` references between them, over
 * `steps` steps, with some objects dying along the way (their ids never come back). Every
 * step carries allocation, incref/decref and dealloc events for what changed.
 */
export function growingHeap(opts: { objects: number; references: number; steps: number; seed?: number }): TraceStep[] {
  const rand = lcg(opts.seed ?? 7);
  const heap = new Map<number, { type: string; repr: string; refs: Reference[]; refcount: number }>();
  let nextId = 100;
  const perStep = Math.ceil(opts.objects / opts.steps);
  const refsPerObject = opts.references / opts.objects;
  const names: Record<string, number> = {};
  const out: TraceStep[] = [];
  for (let s = 0; s < opts.steps; s++) {
    const events: TraceEvent[] = [];
    const born: number[] = [];
    const lastStep = s === opts.steps - 1;
    for (let k = 0; (k < perStep || lastStep) && heap.size < opts.objects; k++) {
      const id = nextId++;
      const type = TYPES[Math.floor(rand() * TYPES.length)]!;
      const repr = type === 'str' ? `'s${id}'` : type === 'int' ? String(1000 + id) : `${type}(${id})`;
      heap.set(id, { type, repr, refs: [], refcount: 0 });
      born.push(id);
      events.push({ kind: 'alloc', id, type, repr });
    }
    // New objects are held by a name or by an older container; containers point at others.
    const ids = [...heap.keys()];
    for (const id of born) {
      if (Object.keys(names).length < 24 || rand() < 0.1) names[`v${id}`] = id;
      else {
        const holder = ids[Math.floor(rand() * ids.length)]!;
        if (holder !== id) heap.get(holder)!.refs.push({ label: `[${heap.get(holder)!.refs.length}]`, target: id });
      }
      const extra = Math.round(refsPerObject) - 1;
      for (let r = 0; r < extra; r++) {
        const target = ids[Math.floor(rand() * ids.length)]!;
        heap.get(id)!.refs.push({ label: `.f${r}`, target });
      }
    }
    // Some named objects die when their name is dropped and nothing else holds them.
    if (s % 5 === 4 && !lastStep) {
      const held = new Set<number>();
      for (const o of heap.values()) for (const r of o.refs) held.add(r.target);
      for (const [name, id] of Object.entries(names)) {
        if (!held.has(id) && rand() < 0.3) {
          delete names[name];
          heap.delete(id);
          events.push({ kind: 'decref', id, refcount: 0 }, { kind: 'dealloc', id });
        }
      }
      for (const o of heap.values()) o.refs = o.refs.filter((r) => heap.has(r.target));
    }
    if (lastStep) {
      // The last step has exactly the references asked for (names included).
      const all = [...heap.keys()];
      let total = Object.keys(names).length + [...heap.values()].reduce((n, o) => n + o.refs.length, 0);
      for (let g = 0; total < opts.references; g++, total++) {
        const from = heap.get(all[Math.floor(rand() * all.length)]!)!;
        from.refs.push({ label: `.g${g}`, target: all[Math.floor(rand() * all.length)]! });
      }
    }
    const counts = new Map<number, number>();
    for (const id of Object.values(names)) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const o of heap.values()) for (const r of o.refs) counts.set(r.target, (counts.get(r.target) ?? 0) + 1);
    for (const [id, o] of heap) {
      const n = counts.get(id) ?? 0;
      if (n !== o.refcount && !born.includes(id)) events.push({ kind: n > o.refcount ? 'incref' : 'decref', id, refcount: n });
      o.refcount = n;
    }
    out.push(
      traceStep(
        s,
        s + 1,
        [frame('<module>', s + 1, names)],
        [...heap].map(([id, o]) =>
          heapObject(id, o.type, o.repr, o.refcount, {
            refs: [...o.refs],
            tracked: ['list', 'dict', 'set', 'Node'].includes(o.type),
            generation: ['list', 'dict', 'set', 'Node'].includes(o.type) ? 0 : null,
          }),
        ),
        events,
      ),
    );
  }
  return out;
}
