import { describe, expect, it } from 'vitest';
import { frame, heapObject, selfCycleCollected, traceStep, twoNamesOneList } from './fixtures';
import { keyframesInto, sceneFromStep } from './model';
import { describeObject, describeScene } from './text';

describe('describeScene', () => {
  it('names each variable, what it points at, and every object with its counts', () => {
    const t = describeScene(sceneFromStep(twoNamesOneList()[1]!));
    expect(t.summary).toBe('Step 2, line 2: 1 frame, 3 objects on the heap.');
    expect(t.frames.map((l) => l.text)).toEqual(['frame <module>, line 2: a → list #10 [1, 2]; b → list #10 [1, 2]']);
    const list = t.objects.find((l) => l.key === 'o10')!.text;
    expect(list).toContain('list #10 [1, 2]');
    expect(list).toContain('refcount 2');
    expect(list).toContain('tracked in generation 0');
    expect(list).toContain('holds [0] → int #1, [1] → int #2');
    const one = t.objects.find((l) => l.key === 'o1')!.text;
    expect(one).toContain('immortal');
    expect(one).toContain('not tracked');
    expect(one).toContain('shared: small-int cache');
    expect(t.gc).toBeNull();
  });

  it('says when a frame has no names and when the heap is empty', () => {
    const t = describeScene(sceneFromStep(traceStep(0, 1, [frame('f', 1, {})], [])));
    expect(t.frames[0]!.text).toBe('frame f, line 1: no names');
    expect(t.summary).toContain('0 objects');
  });

  it('describes a collection in progress: phase, gc_refs, unreachable, result', () => {
    const steps = selfCycleCollected();
    const k = keyframesInto(steps[2]!, steps[3]!);
    expect(describeScene(k[3]!.state).gc).toBe(
      'collecting generation 2: move_unreachable: gc_refs > 0 is reachable, and so is all it reaches; the rest is unreachable; gc_refs: list #20 gc_refs 0; unreachable: #20',
    );
    expect(describeScene(k[8]!.state).gc).toContain('collected 1, uncollectable 0');
  });

  it('names a reference to an object outside the snapshot by its id', () => {
    const o = { ...heapObject(1, 'list', '[?]', 1, { refs: [{ label: '[0]', target: 99 }] }), detached: false };
    expect(describeObject(o, new Map([[1, o]]))).toContain('[0] → object #99');
  });
});
