import { describe, expect, it } from 'vitest';
import { growingHeap, heapObject, frame, selfCycleCollected, traceStep, twoNamesOneList } from './fixtures';
import { detachedAfter, EMPTY_STATE, keyframesInto, MAX_STEP_MS, MIN_KEYFRAME_MS, sceneFromStep, timeline } from './model';

describe('sceneFromStep', () => {
  it('keeps every snapshot field and sorts objects by id', () => {
    const step = traceStep(0, 3, [frame('<module>', 3, { x: 5 })], [
      heapObject(9, 'str', "'b'", 1, { shared: 'interned' }),
      heapObject(5, 'list', '[]', 1),
    ]);
    const s = sceneFromStep(step);
    expect(s.objects.map((o) => o.id)).toEqual([5, 9]);
    expect(s.objects[1]).toMatchObject({ type: 'str', shared: 'interned', tracked: false });
    expect(s).toMatchObject({ step: 0, line: 3, gc: null });
    expect(s.frames[0]!.locals).toEqual([{ label: 'x', target: 5 }]);
  });
});

describe('keyframesInto', () => {
  it('gives one keyframe per event and closes on the engine snapshot', () => {
    const [s0] = twoNamesOneList();
    const k = keyframesInto(null, s0!);
    expect(k).toHaveLength(s0!.events.length + 1);
    expect(k.map((x) => x.event?.kind ?? 'settle')).toEqual(['shared', 'shared', 'alloc', 'settle']);
    expect(k[k.length - 1]!.state).toEqual(sceneFromStep(s0!));
  });

  it('an allocation appears with refcount 1 and its contents from the snapshot', () => {
    const [s0] = twoNamesOneList();
    const alloc = keyframesInto(null, s0!)[2]!;
    expect(alloc.effects).toEqual([{ kind: 'appear', id: 10 }]);
    // The small ints came on screen with their `shared` events, so the list's arrows to
    // them are there from its first keyframe.
    expect(alloc.state.objects.map((o) => o.id)).toEqual([1, 2, 10]);
    expect(alloc.state.objects[2]).toMatchObject({ refcount: 1, repr: '[1, 2]', tracked: true });
    expect(alloc.state.objects[2]!.refs.map((r) => r.target)).toEqual([1, 2]);
  });

  it('incref and decref tick the badge from the old count to the new one', () => {
    const steps = twoNamesOneList();
    const k = keyframesInto(steps[0]!, steps[1]!);
    expect(k[0]!.effects).toEqual([{ kind: 'badge', id: 10, from: 1, to: 2 }]);
    expect(k[0]!.state.objects.find((o) => o.id === 10)!.refcount).toBe(2);
    expect(k[0]!.caption).toContain('1 → 2');
    const back = keyframesInto(steps[1]!, steps[2]!);
    expect(back[0]!.effects).toEqual([{ kind: 'badge', id: 10, from: 2, to: 1 }]);
  });

  it('a deallocation removes the object and every arrow into it', () => {
    const holder = heapObject(1, 'list', '[[]]', 1, { refs: [{ label: '[0]', target: 2 }] });
    const inner = heapObject(2, 'list', '[]', 1);
    const prev = traceStep(0, 1, [frame('<module>', 1, { a: 1 })], [holder, inner]);
    const next = traceStep(1, 2, [frame('<module>', 2, { a: 1 })], [heapObject(1, 'list', '[]', 1)], [
      { kind: 'decref', id: 2, refcount: 0 },
      { kind: 'dealloc', id: 2 },
    ]);
    const k = keyframesInto(prev, next);
    expect(k[1]!.effects).toEqual([{ kind: 'fade', id: 2 }]);
    expect(k[1]!.state.objects.map((o) => o.id)).toEqual([1]);
    expect(k[1]!.state.objects[0]!.refs).toEqual([]);
  });

  it('a temporary that lives and dies inside one step still appears and fades', () => {
    const prev = traceStep(0, 1, [frame('<module>', 1, {})], []);
    const next = traceStep(1, 2, [frame('<module>', 2, {})], [], [
      { kind: 'alloc', id: 3, type: 'tuple', repr: '(1, 2)' },
      { kind: 'dealloc', id: 3 },
    ]);
    const k = keyframesInto(prev, next);
    expect(k[0]!.state.objects.map((o) => o.repr)).toEqual(['(1, 2)']);
    expect(k[1]!.state.objects).toEqual([]);
  });

  it('a collection shows each phase with its gc_refs and unreachable set, then clears', () => {
    const steps = selfCycleCollected();
    const k = keyframesInto(steps[2]!, steps[3]!);
    const phases = k.map((x) => x.state.gc?.phase ?? null);
    expect(phases).toEqual([
      'start',
      'update_refs',
      'subtract_refs',
      'move_unreachable',
      'finalize_garbage',
      'delete_garbage',
      'delete_garbage',
      'delete_garbage',
      'end',
      null,
    ]);
    expect(k[1]!.state.gc!.gcRefs).toEqual({ 20: 1 });
    expect(k[2]!.state.gc!.gcRefs).toEqual({ 20: 0 });
    expect(k[3]!.state.gc!.unreachable).toEqual([20]);
    expect(k[1]!.caption).toContain('update_refs');
    expect(k[8]!.state.gc).toMatchObject({ collected: 1, uncollectable: 0 });
    expect(k[6]!.state.objects[0]!.refcount).toBe(0);
    expect(k[7]!.state.objects).toEqual([]);
  });

  it('marks an object shared with its reason', () => {
    const [s0] = twoNamesOneList();
    const prev = traceStep(0, 0, [], [heapObject(1, 'int', '1', 5, { shared: null })]);
    const k = keyframesInto(prev, s0!);
    expect(k[0]!.state.objects.find((o) => o.id === 1)!.shared).toBe('small_int');
    expect(k[0]!.caption).toContain('small-int cache');
  });

  it('accepts a scene state as the starting point', () => {
    const steps = twoNamesOneList();
    const a = keyframesInto(sceneFromStep(steps[0]!), steps[1]!);
    const b = keyframesInto(steps[0]!, steps[1]!);
    expect(a).toEqual(b);
    expect(keyframesInto(EMPTY_STATE, steps[0]!)).toEqual(keyframesInto(null, steps[0]!));
  });
});

describe('timeline', () => {
  it('plays short steps at their nominal length, scaled by speed', () => {
    const k = keyframesInto(null, twoNamesOneList()[0]!);
    const nominal = k.reduce((s, x) => s + x.durationMs, 0);
    expect(timeline(k, 1).totalMs).toBeCloseTo(nominal);
    expect(timeline(k, 2).totalMs).toBeCloseTo(nominal / 2);
    const t = timeline(k, 1);
    expect(t.starts[1]).toBeCloseTo(t.durations[0]!);
  });

  it('squeezes a step with many events under the cap, keeping each keyframe visible', () => {
    const steps = growingHeap({ objects: 300, references: 600, steps: 3 });
    const k = keyframesInto(null, steps[0]!);
    expect(k.length).toBeGreaterThan(50);
    const t = timeline(k, 1);
    expect(t.totalMs).toBeLessThanOrEqual(MAX_STEP_MS + k.length * MIN_KEYFRAME_MS);
    expect(Math.min(...t.durations)).toBeGreaterThanOrEqual(MIN_KEYFRAME_MS);
  });
});

describe('name bindings during a step', () => {
  it('show the line’s own bindings from the first event, so arrows move with the counts', () => {
    const steps = twoNamesOneList();
    const bind = keyframesInto(steps[0]!, steps[1]!);
    expect(bind[0]!.state.frames[0]!.locals.map((v) => v.label)).toEqual(['a', 'b']);
    const unbind = keyframesInto(steps[2]!, steps[3]!);
    expect(unbind[0]!.state.frames[0]!.locals).toEqual([]);
    expect(unbind[unbind.length - 1]!.caption).toBe(unbind[unbind.length - 2]!.caption);
  });
});

describe('what the student can see', () => {
  it('skips events on the interpreter’s own objects, keeps temporaries born and freed in the line', () => {
    const prev = traceStep(0, 1, [frame('<module>', 1, { a: 5 })], [heapObject(5, 'list', '[]', 1)]);
    const next = traceStep(1, 2, [frame('<module>', 2, { a: 5, sys: 700 })], [heapObject(5, 'list', '[]', 1)], [
      { kind: 'alloc', id: 700, type: 'module', repr: "<module 'sys'>" },
      { kind: 'incref', id: 650, refcount: 9 },
      { kind: 'alloc', id: 701, type: 'tuple', repr: '(1,)' },
      { kind: 'dealloc', id: 701 },
      { kind: 'shared', id: 12, reason: 'small_int' },
    ]);
    const k = keyframesInto(prev, next);
    expect(k.map((x) => x.event?.kind ?? 'settle')).toEqual(['alloc', 'dealloc', 'settle']);
    expect(k[0]!.state.objects.map((o) => o.id)).toEqual([5, 701]);
  });

  it('an object the snapshot lists comes on screen at the first event that touches it', () => {
    const prev = traceStep(0, 1, [frame('<module>', 1, {})], []);
    const s = heapObject(3, 'str', "'hi'", 2, { shared: 'interned' });
    const next = traceStep(1, 2, [frame('<module>', 2, { x: 3 })], [s], [{ kind: 'incref', id: 3, refcount: 2 }]);
    const k = keyframesInto(prev, next);
    expect(k[0]!.effects).toEqual([
      { kind: 'appear', id: 3 },
      { kind: 'badge', id: 3, from: null, to: 2 },
    ]);
    expect(k[0]!.state.objects[0]).toMatchObject({ id: 3, refcount: 2, shared: 'interned' });
  });
});

describe('detachedAfter', () => {
  it('keeps an object that left the snapshot without being freed, following its refcount', () => {
    const steps = selfCycleCollected();
    // The fixture's step 2 (del a) still lists the cycle; a snapshot of only what names
    // reach would not. Drop it from the snapshot, as such an engine would.
    const delA = { ...steps[2]!, heap: [] };
    const before = sceneFromStep(steps[1]!);
    const detached = detachedAfter(before, delA);
    expect(detached).toHaveLength(1);
    expect(detached[0]).toMatchObject({ id: 20, refcount: 1, detached: true });
    const state = sceneFromStep(delA, detached);
    expect(state.objects.map((o) => o.id)).toEqual([20]);
    // The collection frees it: it is gone after that step, and faded during it.
    expect(detachedAfter(state, steps[3]!)).toEqual([]);
    const k = keyframesInto(state, steps[3]!, sceneFromStep(steps[3]!, []));
    expect(k.find((x) => x.event?.kind === 'dealloc')!.effects).toEqual([{ kind: 'fade', id: 20 }]);
    expect(k[1]!.state.objects[0]!.detached).toBe(true);
  });

  it('drops nothing that the snapshot still lists', () => {
    const steps = twoNamesOneList();
    expect(detachedAfter(sceneFromStep(steps[0]!), steps[1]!)).toEqual([]);
  });
});

describe('events with nothing to show', () => {
  it('skip an immortal object’s count changes and a repeated shared mark', () => {
    const one = heapObject(1, 'int', '1', 1_000_000, { immortal: true, shared: 'small_int' });
    const prev = traceStep(0, 1, [frame('<module>', 1, { x: 1 })], [one]);
    const next = traceStep(1, 2, [frame('<module>', 2, { x: 1, y: 1 })], [one], [
      { kind: 'incref', id: 1, refcount: 1_000_001 },
      { kind: 'shared', id: 1, reason: 'small_int' },
    ]);
    expect(keyframesInto(prev, next).map((k) => k.event?.kind ?? 'settle')).toEqual(['settle']);
  });
});
