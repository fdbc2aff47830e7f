import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TraceStep } from '../../engine/trace';
import { frame, growingHeap, heapObject, selfCycleCollected, traceStep, twoNamesOneList } from './fixtures';
import { sceneFromStep } from './model';
import {
  contains,
  fitText,
  layoutScene,
  METRICS,
  objectAt,
  overlaps,
  referenceDepths,
  SlotPlanner,
  textWidth,
  type Rect,
  type SceneLayout,
} from './layout';
import { SceneTrack, type Orientation } from './track';

function layoutsOf(steps: readonly TraceStep[], orientation: Orientation = 'landscape'): SceneLayout[] {
  const track = new SceneTrack(steps, orientation);
  return steps.map((_, i) => track.layoutAt(i));
}

/** The box plus its refcount badge, which pokes out of the top-right corner. */
function drawnRect(b: Rect): Rect {
  const r = METRICS.badgeRadius;
  return { x: b.x, y: b.y - r, w: b.w + r, h: b.h + r };
}

function onEdge(p: { x: number; y: number }, b: Rect): boolean {
  const inY = p.y >= b.y - 0.01 && p.y <= b.y + b.h + 0.01;
  const inX = p.x >= b.x - 0.01 && p.x <= b.x + b.w + 0.01;
  return (inY && (Math.abs(p.x - b.x) < 0.01 || Math.abs(p.x - b.x - b.w) < 0.01)) || (inX && (Math.abs(p.y - b.y) < 0.01 || Math.abs(p.y - b.y - b.h) < 0.01));
}

const big = growingHeap({ objects: 300, references: 600, steps: 30 });

const ORIENTATIONS: Orientation[] = ['landscape', 'portrait'];

describe.each(ORIENTATIONS)('%s: boxes stay put and never overlap', (orientation) => {
  it('an object keeps its box at every step it is alive', () => {
    for (const steps of [twoNamesOneList(), selfCycleCollected(), big]) {
      const seen = new Map<number, Rect>();
      for (const layout of layoutsOf(steps, orientation)) {
        for (const o of layout.objects) {
          const before = seen.get(o.id);
          if (before) expect({ id: o.id, x: o.box.x, y: o.box.y }).toEqual({ id: o.id, x: before.x, y: before.y });
          else seen.set(o.id, o.box);
        }
      }
    }
  });

  it('no two objects overlap, nor an object and a frame', () => {
    for (const layout of layoutsOf(big, orientation)) {
      const rects = layout.objects.map((o) => drawnRect(o.box));
      const clashes: string[] = [];
      for (let i = 0; i < rects.length; i++) {
        for (let j = i + 1; j < rects.length; j++) if (overlaps(rects[i]!, rects[j]!)) clashes.push(`${layout.objects[i]!.id}/${layout.objects[j]!.id}`);
        for (const f of layout.frames) if (overlaps(rects[i]!, f.box)) clashes.push(`${layout.objects[i]!.id}/frame ${f.name}`);
      }
      expect(clashes).toEqual([]);
    }
  });

  it('every reference to a drawn object has an arrow ending on its box', () => {
    for (const layout of [big, twoNamesOneList(), selfCycleCollected()].flatMap((steps) => layoutsOf(steps, orientation))) {
      const ids = new Set(layout.objects.map((o) => o.id));
      const expected =
        layout.state.frames.reduce((n, f) => n + f.locals.filter((v) => ids.has(v.target)).length, 0) +
        layout.state.objects.reduce((n, o) => n + o.refs.filter((r) => ids.has(r.target)).length, 0);
      expect(layout.arrows).toHaveLength(expected);
      expect(new Set(layout.arrows.map((a) => a.key)).size).toBe(expected);
      for (const a of layout.arrows) expect(onEdge(a.to, layout.byId.get(a.target)!.box)).toBe(true);
      for (const a of layout.arrows)
        if (a.source.kind === 'object') expect(onEdge(a.from, layout.byId.get(a.source.id)!.box)).toBe(true);
    }
  });

  it('hit rectangles are the boxes: the centre of each box finds its object, empty space finds none', () => {
    for (const layout of layoutsOf(big, orientation)) {
      for (const o of layout.objects) {
        expect(objectAt(layout, { x: o.box.x + o.box.w / 2, y: o.box.y + o.box.h / 2 })).toBe(o.id);
      }
      expect(objectAt(layout, { x: layout.bounds.x - 10, y: layout.bounds.y - 10 })).toBeNull();
    }
  });

  it('bounds contain every frame, box and arrow', () => {
    for (const layout of layoutsOf(big, orientation)) {
      for (const o of layout.objects) {
        expect(contains(layout.bounds, { x: o.box.x, y: o.box.y - METRICS.badgeRadius })).toBe(true);
        expect(contains(layout.bounds, { x: o.box.x + o.box.w, y: o.box.y + o.box.h })).toBe(true);
      }
      for (const f of layout.frames) expect(contains(layout.bounds, { x: f.box.x + f.box.w, y: f.box.y + f.box.h })).toBe(true);
      for (const a of layout.arrows) for (const p of [a.from, a.c1, a.c2, a.to]) expect(contains(layout.bounds, p)).toBe(true);
    }
  });
});

describe('slot planning', () => {
  it('observing more steps never moves what was already placed', () => {
    const early = new SlotPlanner();
    for (const s of big.slice(0, 10)) early.observeStep(s);
    const all = new SlotPlanner();
    for (const s of big) all.observeStep(s);
    for (const o of big[9]!.heap) expect(all.slotOf(o.id)).toEqual(early.slotOf(o.id));
  });

  it('a new object takes a freed slot of its depth instead of pushing others', () => {
    const a = heapObject(1, 'list', '[]', 1);
    const b = heapObject(2, 'list', '[]', 1);
    const c = heapObject(3, 'dict', '{}', 1);
    const steps = [
      traceStep(0, 1, [frame('<module>', 1, { a: 1, b: 2 })], [a, b]),
      traceStep(1, 2, [frame('<module>', 2, { b: 2 })], [b], [{ kind: 'dealloc', id: 1 }]),
      traceStep(2, 3, [frame('<module>', 3, { b: 2, c: 3 })], [b, c], [{ kind: 'alloc', id: 3, type: 'dict', repr: '{}' }]),
    ];
    const planner = new SlotPlanner();
    for (const s of steps) planner.observeStep(s);
    expect(planner.slotOf(3)).toEqual(planner.slotOf(1));
    expect(planner.slotOf(2)).toEqual({ column: 0, row: 1 });
  });

  it('is deterministic', () => {
    const a = layoutsOf(big);
    const b = layoutsOf(big);
    expect(a.map((l) => l.objects.map((o) => o.box))).toEqual(b.map((l) => l.objects.map((o) => o.box)));
    expect(a.map((l) => l.arrows)).toEqual(b.map((l) => l.arrows));
  });

  it('holds under random lifetimes (property)', () => {
    // Each object: first step it is alive, how many steps it lives, depth-1 or held by 1.
    const lifetimes = fc.array(fc.tuple(fc.nat(20), fc.integer({ min: 1, max: 8 }), fc.boolean()), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(lifetimes, (objs) => {
        const steps: TraceStep[] = [];
        for (let s = 0; s <= 28; s++) {
          const alive = objs.map((o, i) => ({ id: i + 2, o })).filter(({ o: [from, len] }) => s >= from && s < from + len);
          const names: Record<string, number> = { holder: 1 };
          const holderRefs = [] as { label: string; target: number }[];
          for (const { id, o } of alive) {
            if (o[2]) names[`n${id}`] = id;
            else holderRefs.push({ label: `[${holderRefs.length}]`, target: id });
          }
          const heap = [heapObject(1, 'list', 'holder', 1, { refs: holderRefs }), ...alive.map(({ id }) => heapObject(id, 'str', `'x${id}'`, 1))];
          steps.push(traceStep(s, s + 1, [frame('<module>', s + 1, names)], heap));
        }
        const seen = new Map<number, string>();
        for (const layout of layoutsOf(steps)) {
          for (const o of layout.objects) {
            const at = `${o.box.x},${o.box.y}`;
            if (seen.has(o.id) && seen.get(o.id) !== at) return false;
            seen.set(o.id, at);
          }
          for (let i = 0; i < layout.objects.length; i++)
            for (let j = i + 1; j < layout.objects.length; j++)
              if (overlaps(drawnRect(layout.objects[i]!.box), drawnRect(layout.objects[j]!.box))) return false;
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });
});

describe('geometry', () => {
  it('frames sit left of the heap, a variable’s list left of its elements', () => {
    const layout = layoutsOf(twoNamesOneList())[1]!;
    const list = layout.byId.get(10)!.box;
    const one = layout.byId.get(1)!.box;
    for (const f of layout.frames) expect(f.box.x + f.box.w).toBeLessThan(list.x);
    expect(list.x + list.w).toBeLessThan(one.x);
    expect(layout.frames[0]!.vars.map((v) => v.name)).toEqual(['a', 'b']);
  });

  it('boxes grow with their text up to a maximum, and long text is cut with an ellipsis', () => {
    const long = 'x'.repeat(200);
    const step = traceStep(0, 1, [frame('<module>', 1, { s: 1, t: 2 })], [
      heapObject(1, 'str', long, 1),
      heapObject(2, 'int', '7', 1),
    ]);
    const planner = new SlotPlanner();
    planner.observeStep(step);
    const layout = layoutScene(sceneFromStep(step), planner);
    const s = layout.byId.get(1)!;
    const n = layout.byId.get(2)!;
    expect(s.box.w).toBeLessThanOrEqual(METRICS.boxMaxWidth);
    expect(s.box.w).toBeGreaterThan(METRICS.boxMaxWidth - METRICS.reprFontSize);
    expect(s.repr.endsWith('…')).toBe(true);
    expect(textWidth(s.repr, METRICS.reprFontSize)).toBeLessThanOrEqual(s.box.w - 2 * METRICS.boxPadding);
    expect(n.box.w).toBeLessThan(s.box.w);
    expect(fitText('abc', 10, 1000)).toBe('abc');
  });

  it('badges, tags and shared marks say what the snapshot says', () => {
    const layout = layoutsOf(twoNamesOneList())[1]!;
    expect(layout.byId.get(10)).toMatchObject({ badge: '2', tag: 'gen 0', sharedLabel: null });
    expect(layout.byId.get(1)).toMatchObject({ badge: '∞', tag: 'untracked', sharedLabel: 'shared: small int' });
  });

  it('a collection in progress puts gc_refs and unreachable on the boxes', () => {
    const steps = selfCycleCollected();
    const track = new SceneTrack(steps);
    const k = track.keyframesInto(3);
    expect(k[2]!.layout.byId.get(20)).toMatchObject({ gcRefs: 0, unreachable: false });
    expect(k[3]!.layout.byId.get(20)).toMatchObject({ gcRefs: 0, unreachable: true });
    expect(k[k.length - 1]!.layout.objects).toEqual([]);
  });

  it('a self-reference loops back into its own box', () => {
    const layout = layoutsOf(selfCycleCollected())[1]!;
    const self = layout.arrows.find((a) => a.source.kind === 'object')!;
    expect(self.target).toBe(20);
    expect(onEdge(self.from, layout.byId.get(20)!.box)).toBe(true);
  });
});

describe('referenceDepths', () => {
  it('counts hops from the frames, and starts unreachable objects at 1', () => {
    const heap = [
      { id: 1, refs: [{ target: 2 }] },
      { id: 2, refs: [{ target: 3 }] },
      { id: 3, refs: [] },
      { id: 4, refs: [{ target: 5 }] },
      { id: 5, refs: [{ target: 4 }] },
    ];
    const d = referenceDepths([frame('<module>', 1, { a: 1 })], heap);
    expect([...d.entries()].sort((a, b) => a[0] - b[0])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 1],
      [5, 2],
    ]);
  });
});

describe('objects alive with no name', () => {
  it('say "no name" while a frame runs, and make no such claim once the program is over', () => {
    const steps = selfCycleCollected();
    const orphaned = [steps[0]!, steps[1]!, { ...steps[2]!, heap: [] }];
    const track = new SceneTrack(orphaned);
    expect(track.layoutAt(2).byId.get(20)!.tag).toBe('gen 0 · no name');
    const over = new SceneTrack([...orphaned, { ...steps[2]!, index: 3, frames: [], heap: [], events: [] }]);
    expect(over.layoutAt(3).byId.get(20)!.tag).toBe('gen 0');
  });
});
