// A whole trace, ready to show: states, keyframes and layouts per step, with one slot
// planner that has followed every step, so scrubbing back and forth finds each object
// exactly where it was. Pure; the React component and the benchmark both drive this.

import type { TraceStep } from '../../engine/trace';
import {
  detachedAfter,
  EMPTY_STATE,
  keyframesInto,
  sceneFromStep,
  type Keyframe,
  type SceneEffect,
  type SceneObject,
  type SceneState,
} from './model';
import {
  LANDSCAPE,
  layoutScene,
  portraitGeometry,
  portraitRowsForHeapSize,
  rowsForHeapSize,
  SlotPlanner,
  unionRect,
  type Geometry,
  type Rect,
  type SceneLayout,
} from './layout';

export type Orientation = Geometry['orientation'];

export interface LaidOutKeyframe {
  readonly layout: SceneLayout;
  readonly effects: readonly SceneEffect[];
  readonly caption: string;
  readonly durationMs: number;
}

/** How many laid-out steps to keep; a level's trace fits whole, a long run does not need to. */
const CACHE_LIMIT = 512;

export class SceneTrack {
  readonly planner: SlotPlanner;
  readonly geometry: Geometry;
  private readonly layouts = new Map<number, SceneLayout>();
  /** Per step, the objects still alive that its snapshot no longer lists (see detachedAfter). */
  private readonly detached: (readonly SceneObject[])[] = [];
  private extentCache: Rect | null = null;

  constructor(
    readonly steps: readonly TraceStep[],
    orientation: Orientation = 'landscape',
  ) {
    const biggest = steps.reduce((m, s) => Math.max(m, s.heap.length), 0);
    const portrait = orientation === 'portrait';
    this.geometry = portrait ? portraitGeometry(steps.map((s) => s.frames)) : LANDSCAPE;
    this.planner = new SlotPlanner({ rowsPerColumn: portrait ? portraitRowsForHeapSize(biggest) : rowsForHeapSize(biggest) });
    let before: SceneState = EMPTY_STATE;
    const none: readonly SceneObject[] = [];
    for (const step of steps) {
      const found = detachedAfter(before, step);
      const detached = found.length === 0 ? none : found;
      this.detached.push(detached);
      this.planner.observeStep(step, detached);
      before = sceneFromStep(step, detached);
    }
  }

  get length(): number {
    return this.steps.length;
  }

  stateAt(index: number): SceneState {
    return sceneFromStep(this.steps[index]!, this.detached[index]);
  }

  layoutAt(index: number): SceneLayout {
    let layout = this.layouts.get(index);
    if (!layout) {
      layout = layoutScene(this.stateAt(index), this.planner, this.geometry);
      if (this.layouts.size >= CACHE_LIMIT) this.layouts.delete(this.layouts.keys().next().value!);
      this.layouts.set(index, layout);
    }
    return layout;
  }

  /** The keyframes that animate step `index - 1` into step `index`. */
  keyframesInto(index: number): LaidOutKeyframe[] {
    const prev = index > 0 ? this.stateAt(index - 1) : null;
    const keyframes: Keyframe[] = keyframesInto(prev, this.steps[index]!, this.stateAt(index));
    return keyframes.map((k, i) => ({
      layout: i === keyframes.length - 1 ? this.layoutAt(index) : layoutScene(k.state, this.planner, this.geometry),
      effects: k.effects,
      caption: k.caption,
      durationMs: k.durationMs,
    }));
  }

  /** What happened during step `index`, one short sentence per event. */
  captionsOf(index: number): string[] {
    const prev = index > 0 ? this.stateAt(index - 1) : null;
    const keyframes = keyframesInto(prev, this.steps[index]!, this.stateAt(index));
    return keyframes.slice(0, -1).map((k) => k.caption);
  }

  /** Bounds of every step's layout: a view fitted to it never needs to jump while playing. */
  get extent(): Rect {
    if (!this.extentCache) {
      let r: Rect | null = null;
      for (let i = 0; i < this.steps.length; i++) {
        const b = this.layoutAt(i).bounds;
        r = r ? unionRect(r, b) : b;
      }
      this.extentCache = r ?? { x: 0, y: 0, w: 480, h: 160 };
    }
    return this.extentCache;
  }
}
