// Scene layout: where every frame, object and arrow goes. Pure and deterministic.
//
// Stability is the point: a student follows an object with their eyes, so an object keeps
// the place it got when it first appeared for as long as the scene lives. The SlotPlanner
// hands out slots (a column and a row) in the order objects appear; a column holds objects
// of one reference depth from the frames (1 = named by a variable, 2 = held by such an
// object, ...). A freed slot is reused by a later object of the same depth; a full column
// never grows sideways into its neighbours: a new column is appended at the right, so
// nothing already placed moves. Text is monospace, so sizes are computed here, not measured
// by the renderer, and a test in Node sees exactly the boxes the canvas draws.

import type { ObjectId, TraceStep } from '../../engine/trace';
import type { SceneObject, SceneState } from './model';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Geometry constants, shared with the renderer so both agree on every pixel. */
export const METRICS = {
  fontFamily: '"DejaVu Sans Mono", "Menlo", "Consolas", "Liberation Mono", monospace',
  /** Advance of one monospace glyph as a fraction of the font size. */
  charWidthRatio: 0.6,
  reprFontSize: 14,
  titleFontSize: 11,
  tagFontSize: 10,
  varFontSize: 13,
  margin: 24,
  frameX: 24,
  frameWidth: 172,
  frameHeaderHeight: 30,
  frameVarHeight: 26,
  framePadding: 8,
  frameGap: 16,
  heapGap: 104,
  boxMinWidth: 72,
  boxMaxWidth: 184,
  boxHeight: 60,
  boxPadding: 10,
  columnGap: 76,
  rowPitch: 88,
  /** Rows per column unless the planner is told otherwise (see rowsForHeapSize). */
  rowsPerColumn: 8,
  maxDepth: 6,
  badgeRadius: 12,
  maxLabelledRefs: 12,
  /** Portrait (phones): frames on top, depth bands stacked downwards, few boxes per band. */
  portraitCellWidth: 212,
  portraitBandPitch: 152,
  portraitHeapGap: 56,
} as const;

const M = METRICS;
const HEAP_X = M.frameX + M.frameWidth + M.heapGap;
const COLUMN_PITCH = M.boxMaxWidth + M.columnGap;

const SURROGATE = /[\uD800-\uDFFF]/;

/** Length in code points (what a monospace font advances by), fast for plain text. */
function glyphCount(text: string): number {
  return SURROGATE.test(text) ? [...text].length : text.length;
}

export function textWidth(text: string, fontSize: number): number {
  return glyphCount(text) * fontSize * M.charWidthRatio;
}

/** Cut `text` to fit `width` at `fontSize`, ending in an ellipsis when cut. */
export function fitText(text: string, fontSize: number, width: number): string {
  const max = Math.max(1, Math.floor(width / (fontSize * M.charWidthRatio)));
  if (glyphCount(text) <= max) return text;
  return [...text].slice(0, max - 1).join('') + '…';
}

// ---------------------------------------------------------------------------------------
// Slots

export interface Slot {
  readonly column: number;
  readonly row: number;
}

interface Column {
  readonly depth: number;
  /** The last object given each row; the row is free when that object is not alive. */
  readonly occupants: ObjectId[];
}

/**
 * Reference depth of every object in a snapshot: breadth-first from the frames' variables.
 * Objects no variable reaches (garbage cycles, temporaries) start their own search at 1.
 */
export function referenceDepths(
  frames: TraceStep['frames'],
  heap: readonly { readonly id: ObjectId; readonly refs: readonly { readonly target: ObjectId }[] }[],
): Map<ObjectId, number> {
  const byId = new Map(heap.map((o) => [o.id, o]));
  const depth = new Map<ObjectId, number>();
  let queue: ObjectId[] = [];
  for (const f of frames) {
    for (const v of f.locals) {
      if (byId.has(v.target) && !depth.has(v.target)) {
        depth.set(v.target, 1);
        queue.push(v.target);
      }
    }
  }
  const spread = (): void => {
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head]!;
      const d = depth.get(id)!;
      for (const r of byId.get(id)!.refs) {
        if (byId.has(r.target) && !depth.has(r.target)) {
          depth.set(r.target, d + 1);
          queue.push(r.target);
        }
      }
    }
    queue = [];
  };
  spread();
  if (depth.size < byId.size) {
    // Roots first (nothing left points at them), then whatever cycles remain, lowest id first.
    const pointedAt = new Set<ObjectId>();
    for (const o of heap) if (!depth.has(o.id)) for (const r of o.refs) if (r.target !== o.id) pointedAt.add(r.target);
    for (const o of heap) {
      if (!depth.has(o.id) && !pointedAt.has(o.id)) {
        depth.set(o.id, 1);
        queue.push(o.id);
      }
    }
    spread();
    for (const o of heap) {
      if (!depth.has(o.id)) {
        depth.set(o.id, 1);
        queue.push(o.id);
        spread();
      }
    }
  }
  return depth;
}

/**
 * Hands out slots as steps are observed, in order. Deterministic: the same steps give the
 * same slots. Once given, a slot is never taken from its object while the planner lives.
 */
export class SlotPlanner {
  readonly rowsPerColumn: number;
  private readonly slots = new Map<ObjectId, Slot>();
  private readonly columns: Column[] = [];
  private readonly alive = new Set<ObjectId>();
  private readonly depthOf = new Map<ObjectId, number>();

  constructor(options: { readonly rowsPerColumn?: number } = {}) {
    this.rowsPerColumn = Math.max(1, Math.floor(options.rowsPerColumn ?? M.rowsPerColumn));
  }

  slotOf(id: ObjectId): Slot | undefined {
    return this.slots.get(id);
  }

  /** Reference depth the object had when it was placed. */
  depth(id: ObjectId): number | undefined {
    return this.depthOf.get(id);
  }

  get columnCount(): number {
    return this.columns.length;
  }

  /** Number of rows ever used in the fullest column. */
  get rowCount(): number {
    return this.columns.reduce((m, c) => Math.max(m, c.occupants.length), 0);
  }

  /**
   * Follow one step: its allocations and deallocations in order, then its snapshot and the
   * objects the scene keeps showing beside it (`detached`: alive, but no name reaches them).
   */
  observeStep(step: TraceStep, detached: readonly { readonly id: ObjectId }[] = []): void {
    const depths = referenceDepths(step.frames, step.heap);
    for (const e of step.events) {
      if (e.kind === 'alloc') this.ensure(e.id, depths.get(e.id) ?? 1);
      else if (e.kind === 'dealloc') this.alive.delete(e.id);
    }
    const ids = step.heap.map((o) => o.id);
    for (const o of detached) ids.push(o.id);
    this.reconcile(ids, depths);
  }

  /** Follow a scene state that did not come from observeStep (a single static snapshot). */
  observeState(state: SceneState): void {
    this.reconcile(
      state.objects.map((o) => o.id),
      referenceDepths(state.frames, state.objects),
    );
  }

  private reconcile(ids: readonly ObjectId[], depths: ReadonlyMap<ObjectId, number>): void {
    const present = new Set(ids);
    for (const id of [...this.alive]) if (!present.has(id)) this.alive.delete(id);
    // Shallow objects first, so a step that builds a nested structure creates its columns
    // left to right.
    const ordered = [...ids].sort((a, b) => (depths.get(a) ?? 1) - (depths.get(b) ?? 1) || a - b);
    for (const id of ordered) this.ensure(id, depths.get(id) ?? 1);
  }

  private ensure(id: ObjectId, depth: number): void {
    const slot = this.slots.get(id);
    if (slot) {
      const column = this.columns[slot.column]!;
      if (column.occupants[slot.row] === id) {
        this.alive.add(id);
        return;
      }
      // It vanished from a snapshot and its row went to someone else meanwhile: it moves
      // to a row nobody ever had, so it cannot overlap anyone at any step.
      this.place(id, this.depthOf.get(id) ?? depth, true);
      return;
    }
    this.place(id, Math.min(depth, M.maxDepth), false);
  }

  private place(id: ObjectId, depth: number, neverUsedOnly: boolean): void {
    for (let c = 0; c < this.columns.length; c++) {
      const column = this.columns[c]!;
      if (column.depth !== depth) continue;
      const row = neverUsedOnly ? -1 : this.firstFreeRow(column);
      const free = row >= 0 ? row : column.occupants.length < this.rowsPerColumn ? column.occupants.length : -1;
      if (free >= 0) return this.assign(id, depth, c, free);
    }
    this.columns.push({ depth, occupants: [] });
    this.assign(id, depth, this.columns.length - 1, 0);
  }

  private firstFreeRow(column: Column): number {
    for (let r = 0; r < column.occupants.length; r++) if (!this.alive.has(column.occupants[r]!)) return r;
    return -1;
  }

  private assign(id: ObjectId, depth: number, column: number, row: number): void {
    this.columns[column]!.occupants[row] = id;
    this.slots.set(id, { column, row });
    this.depthOf.set(id, depth);
    this.alive.add(id);
  }
}

/**
 * Where the heap goes. Landscape: frames in a left column, one column per depth band,
 * arrows run left to right. Portrait (a phone held upright): frames on top, the heap
 * below them from `heapTop` (the tallest frame stack of the whole trace, so nothing moves
 * when a call pushes a frame), one horizontal band per depth, arrows run downwards.
 */
export interface Geometry {
  readonly orientation: 'landscape' | 'portrait';
  readonly heapTop: number;
}

export const LANDSCAPE: Geometry = { orientation: 'landscape', heapTop: M.margin };

/** Height of a stack of frames as layoutFrames draws it. */
export function framesHeight(frames: readonly { readonly locals: readonly unknown[] }[]): number {
  let h = 0;
  for (const f of frames) h += M.frameHeaderHeight + Math.max(1, f.locals.length) * M.frameVarHeight + M.framePadding + M.frameGap;
  return h;
}

/** Portrait geometry for a trace: the heap starts below the tallest frame stack it ever has. */
export function portraitGeometry(frameStacks: Iterable<readonly { readonly locals: readonly unknown[] }[]>): Geometry {
  let tallest = 0;
  for (const frames of frameStacks) tallest = Math.max(tallest, framesHeight(frames));
  return { orientation: 'portrait', heapTop: M.margin + tallest + M.portraitHeapGap - M.frameGap };
}

/** Boxes per band in portrait: two side by side fit a phone; big heaps get wider bands. */
export function portraitRowsForHeapSize(objects: number): number {
  return objects <= 40 ? 2 : Math.min(40, Math.round(Math.sqrt((objects * M.portraitBandPitch) / M.portraitCellWidth / 2)));
}

/**
 * Rows per column for a trace whose biggest heap has `objects` objects: small heaps keep
 * short columns; a big heap gets taller ones so it grows roughly twice as wide as high
 * (a landscape view) instead of into a long strip. Chosen once per trace, so it never
 * moves anything.
 */
export function rowsForHeapSize(objects: number): number {
  const ratio = (M.boxMaxWidth + M.columnGap) / M.rowPitch;
  return Math.max(M.rowsPerColumn, Math.min(40, Math.round(Math.sqrt((objects * ratio) / 2))));
}

// ---------------------------------------------------------------------------------------
// Layout

export interface ObjectBox {
  readonly id: ObjectId;
  readonly box: Rect;
  /** The object this box draws (refcount, tracked state...). */
  readonly object: SceneObject;
  readonly title: string;
  readonly repr: string;
  readonly badge: string;
  readonly tag: string;
  readonly sharedLabel: string | null;
  /** During a collection: the object's gc_refs, if the collector examines it. */
  readonly gcRefs: number | null;
  readonly unreachable: boolean;
}

export interface FrameVar {
  readonly name: string;
  readonly row: Rect;
  readonly anchor: Point;
  readonly target: ObjectId;
  /** False when the snapshot does not list its object (the interpreter's own, like a module). */
  readonly drawn: boolean;
}

export interface FrameBox {
  readonly index: number;
  readonly name: string;
  readonly line: number;
  readonly box: Rect;
  readonly vars: readonly FrameVar[];
}

export type ArrowSource =
  | { readonly kind: 'var'; readonly frame: number; readonly name: string }
  | { readonly kind: 'object'; readonly id: ObjectId; readonly index: number };

/** A cubic Bézier from `from` to `to`; the arrowhead sits at `to`, pointing along c2 → to. */
export interface Arrow {
  /** Stable identity across layouts, for fading arrows in and out. */
  readonly key: string;
  readonly source: ArrowSource;
  readonly target: ObjectId;
  readonly from: Point;
  readonly c1: Point;
  readonly c2: Point;
  readonly to: Point;
  readonly label: string | null;
  readonly labelAt: Point | null;
}

export interface SceneLayout {
  readonly state: SceneState;
  readonly frames: readonly FrameBox[];
  readonly objects: readonly ObjectBox[];
  readonly byId: ReadonlyMap<ObjectId, ObjectBox>;
  readonly arrows: readonly Arrow[];
  /** Everything drawn, with a margin: what zoom-to-fit shows. */
  readonly bounds: Rect;
}

const SHARED_LABEL: Readonly<Record<string, string>> = {
  small_int: 'shared: small int',
  interned: 'shared: interned',
  constant: 'shared: constant',
  singleton: 'singleton',
};

export function slotRect(slot: Slot, width: number, geometry: Geometry = LANDSCAPE): Rect {
  if (geometry.orientation === 'portrait') {
    return {
      x: M.frameX + slot.row * M.portraitCellWidth,
      y: geometry.heapTop + M.badgeRadius + slot.column * M.portraitBandPitch,
      w: width,
      h: M.boxHeight,
    };
  }
  return {
    x: HEAP_X + slot.column * COLUMN_PITCH,
    y: M.margin + M.badgeRadius + slot.row * M.rowPitch,
    w: width,
    h: M.boxHeight,
  };
}

function boxFor(
  o: SceneObject,
  slot: Slot,
  gcRefs: number | null,
  unreachable: boolean,
  geometry: Geometry,
  framesRunning: boolean,
): ObjectBox {
  const inner = M.boxMaxWidth - 2 * M.boxPadding;
  const repr = fitText(o.repr, M.reprFontSize, inner);
  const title = fitText(o.type, M.titleFontSize, inner - 2 * M.badgeRadius);
  const tracking = o.tracked ? (o.generation === null ? 'tracked' : `gen ${o.generation}`) : 'untracked';
  // With no frame running (the program is over) "no name" would be a guess, not a fact.
  const tag = o.detached && framesRunning ? `${tracking} · no name` : tracking;
  const sharedLabel = o.shared ? SHARED_LABEL[o.shared]! : null;
  const tagsWidth =
    textWidth(tag, M.tagFontSize) + (sharedLabel ? textWidth(sharedLabel, M.tagFontSize) + 14 : 0);
  const content = Math.max(
    textWidth(repr, M.reprFontSize),
    textWidth(title, M.titleFontSize) + 2 * M.badgeRadius,
    tagsWidth,
  );
  const width = Math.min(M.boxMaxWidth, Math.max(M.boxMinWidth, Math.ceil(content + 2 * M.boxPadding)));
  return {
    id: o.id,
    box: slotRect(slot, width, geometry),
    object: o,
    title,
    repr,
    badge: o.immortal ? '∞' : String(o.refcount),
    tag,
    sharedLabel,
    gcRefs,
    unreachable,
  };
}

function layoutFrames(state: SceneState, byId: ReadonlyMap<ObjectId, ObjectBox>): FrameBox[] {
  const frames: FrameBox[] = [];
  let y = M.margin;
  state.frames.forEach((f, index) => {
    const vars: FrameVar[] = f.locals.map((v, i) => {
      const rowY = y + M.frameHeaderHeight + i * M.frameVarHeight;
      return {
        name: fitText(v.label, M.varFontSize, M.frameWidth - 32),
        row: { x: M.frameX, y: rowY, w: M.frameWidth, h: M.frameVarHeight },
        anchor: { x: M.frameX + M.frameWidth - 12, y: rowY + M.frameVarHeight / 2 },
        target: v.target,
        drawn: byId.has(v.target),
      };
    });
    // An empty frame keeps one row for its "no names" note.
    const h = M.frameHeaderHeight + Math.max(1, f.locals.length) * M.frameVarHeight + M.framePadding;
    frames.push({ index, name: f.name, line: f.line, box: { x: M.frameX, y, w: M.frameWidth, h }, vars });
    y += h + M.frameGap;
  });
  return frames;
}

/** How far the control points of an S-curve from `from` to `to` reach along x. */
function bendX(from: Point, to: Point): number {
  const bend = Math.max(36, Math.abs(to.x - from.x) * 0.45);
  return to.x >= from.x ? bend : -bend;
}

/** The same along y, for portrait arrows that run downwards. */
function bendY(from: Point, to: Point): number {
  const bend = Math.max(30, Math.abs(to.y - from.y) * 0.45);
  return to.y >= from.y ? bend : -bend;
}

// Arrows are built as plain literals of one shape (no spreads): a 300-object layout makes
// ~600 of them per frame, and same-shaped objects keep V8 fast and the collector idle.
function objectArrow(
  source: ObjectBox,
  index: number,
  count: number,
  target: ObjectBox,
  label: string,
  portrait: boolean,
): Arrow {
  const s = source.box;
  const t = target.box;
  const key = `o${source.id}:${index}:${label}>${target.id}`;
  const show = count <= M.maxLabelledRefs;
  const src: ArrowSource = { kind: 'object', id: source.id, index };
  let from: Point;
  let to: Point;
  let c1: Point;
  let c2: Point;
  let labelAt: Point | null = null;
  if (target.id === source.id) {
    // Out of the left edge above the incoming arrows, round, and down into the top edge:
    // the right side is the badge's, the bottom the collector's chip.
    from = { x: s.x, y: s.y + s.h * 0.28 };
    to = { x: s.x + Math.min(28, s.w * 0.3), y: s.y };
    c1 = { x: from.x - 60, y: from.y - 2 };
    c2 = { x: to.x - 6, y: to.y - 64 };
    if (show) labelAt = { x: from.x - 6 - textWidth(label, M.tagFontSize), y: from.y + 14 };
  } else if (portrait && (t.y >= s.y + s.h || t.y + t.h <= s.y)) {
    // Another band: out of the bottom (or top) edge, into the target's top (or bottom).
    const down = t.y >= s.y + s.h;
    from = { x: s.x + (s.w * (index + 1)) / (count + 1), y: down ? s.y + s.h : s.y };
    to = { x: t.x + t.w / 2, y: down ? t.y : t.y + t.h };
    const b = bendY(from, to);
    c1 = { x: from.x, y: from.y + b };
    c2 = { x: to.x, y: to.y - b };
    if (show) labelAt = { x: from.x + 3, y: down ? from.y + 13 : from.y - 2 };
  } else {
    const spreadY = s.y + (s.h * (index + 1)) / (count + 1);
    let sameColumn = false;
    if (t.x >= s.x + s.w) {
      from = { x: s.x + s.w, y: spreadY };
      to = { x: t.x, y: t.y + t.h / 2 };
    } else if (t.x + t.w <= s.x) {
      from = { x: s.x, y: spreadY };
      to = { x: t.x + t.w, y: t.y + t.h / 2 };
    } else {
      // Same column: leave by the right edge and come back into the target's right edge.
      from = { x: s.x + s.w, y: spreadY };
      to = { x: t.x + t.w, y: t.y + t.h / 2 };
      sameColumn = true;
    }
    if (sameColumn) {
      const bulge = 40 + Math.min(120, Math.abs(to.y - from.y) * 0.25);
      c1 = { x: from.x + bulge, y: from.y };
      c2 = { x: to.x + bulge, y: to.y };
    } else {
      const b = bendX(from, to);
      c1 = { x: from.x + b, y: from.y };
      c2 = { x: to.x - b, y: to.y };
    }
    if (show) {
      labelAt = from.x === s.x ? { x: from.x - 4 - textWidth(label, M.tagFontSize), y: from.y + 2 } : { x: from.x + 4, y: from.y + 2 };
    }
  }
  return { key, source: src, target: target.id, from, c1, c2, to, label: show ? label : null, labelAt };
}

/**
 * Lay out one scene state. Objects the planner has not seen yet (a state that was not
 * observed) are placed now, after everything it already knows.
 */
export function layoutScene(state: SceneState, planner: SlotPlanner, geometry: Geometry = LANDSCAPE): SceneLayout {
  const portrait = geometry.orientation === 'portrait';
  if (state.objects.some((o) => planner.slotOf(o.id) === undefined)) planner.observeState(state);
  const gc = state.gc;
  const unreachable = gc ? new Set(gc.unreachable) : null;
  const objects: ObjectBox[] = [];
  const byId = new Map<ObjectId, ObjectBox>();
  for (const o of state.objects) {
    const gcRefs = gc && o.id in gc.gcRefs ? gc.gcRefs[o.id]! : null;
    const box = boxFor(o, planner.slotOf(o.id)!, gcRefs, unreachable?.has(o.id) ?? false, geometry, state.frames.length > 0);
    objects.push(box);
    byId.set(o.id, box);
  }

  const frames = layoutFrames(state, byId);
  const arrows: Arrow[] = [];
  for (const f of frames) {
    for (const v of f.vars) {
      const target = byId.get(v.target);
      if (!target) continue;
      const from = v.anchor;
      const source: ArrowSource = { kind: 'var', frame: f.index, name: v.name };
      let to: Point;
      let c1: Point;
      let c2: Point;
      if (portrait) {
        to = { x: target.box.x + target.box.w / 2, y: target.box.y };
        c1 = { x: from.x + 48, y: from.y };
        c2 = { x: to.x, y: to.y - Math.max(40, (to.y - from.y) * 0.5) };
      } else {
        to = { x: target.box.x, y: target.box.y + target.box.h / 2 };
        const b = bendX(from, to);
        c1 = { x: from.x + b, y: from.y };
        c2 = { x: to.x - b, y: to.y };
      }
      arrows.push({ key: `f${f.index}:${v.name}>${v.target}`, source, target: v.target, from, c1, c2, to, label: null, labelAt: null });
    }
  }
  for (const source of objects) {
    const refs = source.object.refs;
    refs.forEach((r, i) => {
      const target = byId.get(r.target);
      if (target) arrows.push(objectArrow(source, i, refs.length, target, r.label, portrait));
    });
  }

  return { state, frames, objects, byId, arrows, bounds: boundsOf(frames, objects, arrows) };
}

function boundsOf(frames: readonly FrameBox[], objects: readonly ObjectBox[], arrows: readonly Arrow[]): Rect {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const add = (x: number, y: number): void => {
    if (x < x0) x0 = x;
    if (y < y0) y0 = y;
    if (x > x1) x1 = x;
    if (y > y1) y1 = y;
  };
  for (const f of frames) {
    add(f.box.x, f.box.y);
    add(f.box.x + f.box.w, f.box.y + f.box.h);
  }
  for (const o of objects) {
    add(o.box.x, o.box.y - M.badgeRadius);
    add(o.box.x + o.box.w + M.badgeRadius, o.box.y + o.box.h);
  }
  // A cubic Bézier stays inside the hull of its control points.
  for (const a of arrows) {
    add(a.from.x, a.from.y);
    add(a.c1.x, a.c1.y);
    add(a.c2.x, a.c2.y);
    add(a.to.x, a.to.y);
  }
  if (x0 === Infinity) return { x: 0, y: 0, w: HEAP_X + M.boxMaxWidth + M.margin, h: 2 * M.margin + M.boxHeight };
  return { x: x0 - M.margin, y: y0 - M.margin, w: x1 - x0 + 2 * M.margin, h: y1 - y0 + 2 * M.margin };
}

export function unionRect(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return { x, y, w: Math.max(a.x + a.w, b.x + b.w) - x, h: Math.max(a.y + a.h, b.y + b.h) - y };
}

export function contains(r: Rect, p: Point): boolean {
  return p.x >= r.x && p.x <= r.x + r.w && p.y >= r.y && p.y <= r.y + r.h;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** The object whose box is under a point in scene coordinates (the click target). */
export function objectAt(layout: SceneLayout, p: Point): ObjectId | null {
  for (const o of layout.objects) if (contains(o.box, p)) return o.id;
  return null;
}
