// The heap as text, for screen readers and for anyone who prefers reading to watching.
// Same facts as the canvas (names, objects, counts, collector state), in plain sentences.

import type { ObjectId } from '../../engine/trace';
import { GC_PHASE_TEXT, objectName, SHARED_REASON_TEXT, type SceneObject, type SceneState } from './model';

export interface TextLine {
  /** Stable key for list rendering. */
  readonly key: string;
  readonly text: string;
}

export interface SceneText {
  readonly summary: string;
  readonly frames: readonly TextLine[];
  readonly objects: readonly TextLine[];
  readonly gc: string | null;
}

export function refcountText(o: SceneObject): string {
  return o.immortal ? 'immortal (refcount not counted)' : `refcount ${o.refcount}`;
}

export function trackingText(o: SceneObject): string {
  if (!o.tracked) return 'not tracked by the collector';
  return o.generation === null ? 'tracked by the collector' : `tracked in generation ${o.generation}`;
}

/** One object in one sentence: what the hit target's aria-label and the text view say. */
export function describeObject(o: SceneObject, names: ReadonlyMap<ObjectId, SceneObject>, framesRunning = true): string {
  const parts = [`${objectName(o)} ${o.repr}`, refcountText(o), trackingText(o)];
  if (o.shared) parts.push(`shared: ${SHARED_REASON_TEXT[o.shared]}`);
  if (o.detached && framesRunning) parts.push('no name reaches it');
  if (o.refs.length > 0) {
    const held = o.refs.map((r) => {
      const t = names.get(r.target);
      return `${r.label} → ${t ? objectName(t) : `object #${r.target}`}`;
    });
    parts.push(`holds ${held.join(', ')}`);
  }
  return parts.join('; ');
}

export function describeScene(state: SceneState): SceneText {
  const byId = new Map(state.objects.map((o) => [o.id, o]));
  const frames = state.frames.map((f, i) => {
    const vars = f.locals.map((v) => {
      const t = byId.get(v.target);
      return `${v.label} → ${t ? `${objectName(t)} ${t.repr}` : `object #${v.target} (not drawn)`}`;
    });
    return {
      key: `f${i}`,
      text: `frame ${f.name}, line ${f.line}: ${vars.length > 0 ? vars.join('; ') : 'no names'}`,
    };
  });
  const objects = state.objects.map((o) => ({ key: `o${o.id}`, text: describeObject(o, byId, state.frames.length > 0) }));
  let gc: string | null = null;
  if (state.gc) {
    const g = state.gc;
    const refs = Object.entries(g.gcRefs)
      .map(([id, n]) => `${byId.has(Number(id)) ? objectName(byId.get(Number(id))!) : `#${id}`} gc_refs ${n}`)
      .join(', ');
    gc = [
      `collecting generation ${g.generation}: ${GC_PHASE_TEXT[g.phase]}`,
      refs ? `gc_refs: ${refs}` : '',
      g.unreachable.length > 0 ? `unreachable: ${g.unreachable.map((id) => `#${id}`).join(', ')}` : '',
      g.collected !== null ? `collected ${g.collected}, uncollectable ${g.uncollectable ?? 0}` : '',
    ]
      .filter(Boolean)
      .join('; ');
  }
  const n = state.objects.length;
  const summary = `Step ${state.step + 1}, line ${state.line}: ${state.frames.length} frame${
    state.frames.length === 1 ? '' : 's'
  }, ${n} object${n === 1 ? '' : 's'} on the heap.`;
  return { summary, frames, objects, gc };
}
