// Draws a SceneLayout with Pixi.js v8, and tweens from one layout to the next.
//
// Thin on purpose: every position, size and string comes from layout.ts; this file only
// turns them into Graphics and Text, fades what enters and leaves, pulses what an event
// touched, and moves the camera (wheel zoom, drag pan, pinch). It renders on demand, not
// at 60 fps, so an idle scene costs nothing. Client only (it touches the DOM).

import { Application, Container, Graphics, Text, type TextStyleOptions } from 'pixi.js';
import type { ObjectId } from '../../engine/trace';
import type { Arrow, ObjectBox, Point, Rect, SceneLayout } from './layout';
import { METRICS } from './layout';
import type { SceneEffect } from './model';
import { timeline } from './model';
import { fillFor, PALETTE } from './palette';
import type { LaidOutKeyframe } from './track';

/** Screen = world × scale + (x, y), in CSS pixels of the host element. */
export interface View {
  readonly scale: number;
  readonly x: number;
  readonly y: number;
}

export interface RendererOptions {
  /** Called whenever the camera moves, so DOM hit targets can follow. */
  onViewChange?: (view: View) => void;
  /** Called when the user zooms or pans by hand (the host stops auto-fitting). */
  onUserView?: () => void;
  /** Called after the canvas followed its host's size. */
  onResize?: (size: { readonly width: number; readonly height: number }) => void;
  /** Called with the caption of each keyframe as an animation reaches it. */
  onKeyframe?: (keyframe: LaidOutKeyframe, index: number) => void;
}

const MIN_SCALE = 0.15;
const MAX_SCALE = 4;
const TEXT_RESOLUTION = 2;

function style(size: number, fill: number, bold = false): TextStyleOptions {
  return { fontFamily: METRICS.fontFamily, fontSize: size, fill, fontWeight: bold ? '700' : '400' };
}

function text(value: string, size: number, fill: number, bold = false): Text {
  return new Text({ text: value, style: style(size, fill, bold), resolution: TEXT_RESOLUTION });
}

/**
 * True when WebGL would run on a software rasteriser (SwiftShader, llvmpipe: no GPU, a
 * blocklisted driver, headless CI). There Pixi's canvas renderer draws a 300-object scene
 * about seven times faster (~60 ms against ~450 ms a step, measured in headless Chromium).
 */
function softwareWebGL(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|softpipe|software/i.test(name);
  } catch {
    return false;
  }
}

const ease = (t: number): number => (t < 0.5 ? 2 * t * t : 1 - (-2 * t + 2) ** 2 / 2);

/** One heap object on the canvas. */
class ObjectNode {
  readonly root = new Container();
  private readonly body = new Graphics();
  private readonly title = text('', METRICS.titleFontSize, PALETTE.mutedText);
  private readonly repr = text('', METRICS.reprFontSize, PALETTE.text, true);
  private readonly tag = text('', METRICS.tagFontSize, PALETTE.mutedText);
  private readonly shared = new Container();
  private readonly sharedBg = new Graphics();
  private readonly sharedText = text('', METRICS.tagFontSize, PALETTE.text);
  readonly gc = new Container();
  private readonly gcBg = new Graphics();
  private readonly gcText = text('', METRICS.tagFontSize, PALETTE.gcRefsText, true);
  readonly badge = new Container();
  private readonly badgeBg = new Graphics();
  private readonly badgeText = text('', 12, PALETTE.badgeText, true);
  private signature = '';
  badgeValue = '';
  gcValue = '';

  constructor() {
    this.badgeText.anchor.set(0.5);
    this.shared.addChild(this.sharedBg, this.sharedText);
    this.gc.addChild(this.gcBg, this.gcText);
    this.badge.addChild(this.badgeBg, this.badgeText);
    this.root.addChild(this.body, this.title, this.repr, this.tag, this.shared, this.gc, this.badge);
  }

  update(o: ObjectBox, selected: boolean): void {
    const { box } = o;
    this.root.position.set(box.x, box.y);
    const signature = [box.w, o.title, o.repr, o.badge, o.tag, o.sharedLabel, o.gcRefs, o.unreachable, selected, o.object.immortal].join('|');
    if (signature === this.signature) return;
    this.signature = signature;
    const p = METRICS.boxPadding;

    const border = o.unreachable ? PALETTE.unreachableBorder : selected ? PALETTE.selected : PALETTE.boxBorder;
    this.body
      .clear()
      .roundRect(0, 0, box.w, box.h, 6)
      .fill({ color: o.unreachable ? PALETTE.unreachableFill : fillFor(o.object.type) })
      .stroke({ width: o.unreachable || selected ? 3 : 1.5, color: border });
    if (selected) this.body.roundRect(-5, -5, box.w + 10, box.h + 10, 9).stroke({ width: 2, color: PALETTE.selected, alpha: 0.5 });

    this.title.text = o.title;
    this.title.position.set(p, 5);
    this.repr.text = o.repr;
    this.repr.position.set(p, 20);
    this.tag.text = o.tag;
    this.tag.position.set(p, box.h - METRICS.tagFontSize - 6);

    this.shared.visible = o.sharedLabel !== null;
    if (o.sharedLabel) {
      this.sharedText.text = o.sharedLabel;
      const w = this.sharedText.width + 8;
      const x = box.w - w - 4;
      const y = box.h - METRICS.tagFontSize - 8;
      this.sharedBg.clear().roundRect(0, 0, w, METRICS.tagFontSize + 5, 3).fill({ color: PALETTE.sharedFill }).stroke({ width: 1, color: PALETTE.sharedBorder });
      this.sharedText.position.set(4, 2);
      this.shared.position.set(x, y);
    }

    this.gcValue = `${o.gcRefs}/${o.unreachable}`;
    this.gc.visible = o.gcRefs !== null || o.unreachable;
    if (this.gc.visible) {
      this.gcText.text = [o.gcRefs !== null ? `gc_refs ${o.gcRefs}` : '', o.unreachable ? 'unreachable' : ''].filter(Boolean).join(' · ');
      const w = this.gcText.width + 10;
      this.gcBg
        .clear()
        .roundRect(0, 0, w, METRICS.tagFontSize + 7, 4)
        .fill({ color: o.unreachable ? PALETTE.unreachableBorder : PALETTE.gcRefsFill });
      this.gcText.style.fill = o.unreachable ? 0xffffff : PALETTE.gcRefsText;
      this.gcText.position.set(5, 3);
      // Pivot at the chip's centre so its pulse grows in place.
      this.gc.pivot.set(w / 2, (METRICS.tagFontSize + 7) / 2);
      this.gc.position.set(box.w - w / 2, box.h + 3 + (METRICS.tagFontSize + 7) / 2);
    }

    const immortal = o.object.immortal;
    this.badgeText.text = o.badge;
    this.badgeText.style.fill = immortal ? PALETTE.immortalText : PALETTE.badgeText;
    const r = Math.max(METRICS.badgeRadius, this.badgeText.width / 2 + 5);
    this.badgeBg
      .clear()
      .circle(0, 0, r)
      .fill({ color: immortal ? PALETTE.immortalFill : PALETTE.badgeFill })
      .stroke({ width: 2, color: 0xffffff });
    this.badge.position.set(box.w, 0);
    this.badgeValue = o.badge;
  }

  destroy(): void {
    this.root.destroy({ children: true });
  }
}

interface Tween {
  readonly keyframes: readonly LaidOutKeyframe[];
  readonly starts: readonly number[];
  readonly durations: readonly number[];
  readonly totalMs: number;
  index: number;
  startedAt: number;
  readonly onDone: () => void;
  entering: Set<ObjectId>;
  leaving: Map<ObjectId, ObjectNode>;
  /** Where leaving objects were, so their fade can be ringed. */
  leavingBoxes: Map<ObjectId, Rect>;
  pulsing: Set<ObjectId>;
  /** Objects whose gc_refs chip changed in this keyframe. */
  pulsingGc: Set<ObjectId>;
  effects: readonly SceneEffect[];
}

export class PixiHeapRenderer {
  private readonly world = new Container();
  private readonly arrowsSteady = new Graphics();
  private readonly arrowsIn = new Graphics();
  private readonly arrowsOut = new Graphics();
  private readonly arrowLabels = new Container();
  private readonly framesLayer = new Container();
  private readonly objectsLayer = new Container();
  private readonly highlight = new Graphics();
  private readonly nodes = new Map<ObjectId, ObjectNode>();
  private layout: SceneLayout | null = null;
  private selected: ReadonlySet<ObjectId> = new Set();
  private tween: Tween | null = null;
  private frameRequest = 0;
  private view: View = { scale: 1, x: 0, y: 0 };
  private readonly resizeObserver: ResizeObserver;
  private readonly detach: () => void;
  private destroyed = false;

  private constructor(
    private readonly app: Application,
    private readonly host: HTMLElement,
    private readonly options: RendererOptions,
  ) {
    this.world.addChild(this.arrowsSteady, this.arrowsOut, this.arrowsIn, this.arrowLabels, this.framesLayer, this.objectsLayer, this.highlight);
    app.stage.addChild(this.world);
    this.resizeObserver = new ResizeObserver(() => this.resize());
    this.resizeObserver.observe(host);
    this.detach = this.attachCamera();
  }

  static async create(host: HTMLElement, options: RendererOptions = {}): Promise<PixiHeapRenderer> {
    const app = new Application();
    await app.init({
      width: Math.max(1, host.clientWidth),
      height: Math.max(1, host.clientHeight),
      background: PALETTE.background,
      antialias: true,
      autoDensity: true,
      resolution: Math.min(2, globalThis.devicePixelRatio || 1),
      autoStart: false,
      preference: softwareWebGL() ? 'canvas' : ['webgl', 'canvas'],
      // Lets tests read pixels back from the canvas.
      preserveDrawingBuffer: true,
    });
    app.canvas.style.display = 'block';
    app.canvas.setAttribute('aria-hidden', 'true');
    host.prepend(app.canvas);
    return new PixiHeapRenderer(app, host, options);
  }

  get canvas(): HTMLCanvasElement {
    return this.app.canvas;
  }

  get currentView(): View {
    return this.view;
  }

  get size(): { readonly width: number; readonly height: number } {
    return { width: this.app.screen.width, height: this.app.screen.height };
  }

  // ------------------------------------------------------------------ drawing

  /** Jump to a layout with no animation (scrubbing, stepping back). */
  show(layout: SceneLayout): void {
    this.finishTween(false);
    this.apply(layout);
    this.requestRender();
  }

  setSelected(ids: Iterable<ObjectId>): void {
    this.selected = new Set(ids);
    if (this.layout) for (const o of this.layout.objects) this.nodes.get(o.id)?.update(o, this.selected.has(o.id));
    this.requestRender();
  }

  /** Play keyframes in order at `speed`, then call onDone (not called if interrupted). */
  play(keyframes: readonly LaidOutKeyframe[], speed: number, onDone: () => void): void {
    this.finishTween(false);
    if (keyframes.length === 0) return onDone();
    const t = timeline(keyframes, speed);
    this.tween = {
      keyframes,
      ...t,
      index: -1,
      startedAt: performance.now(),
      onDone,
      entering: new Set(),
      leaving: new Map(),
      leavingBoxes: new Map(),
      pulsing: new Set(),
      pulsingGc: new Set(),
      effects: [],
    };
    this.requestRender();
  }

  get animating(): boolean {
    return this.tween !== null;
  }

  private enterKeyframe(tw: Tween, index: number): void {
    this.settleTransients(tw);
    tw.index = index;
    const next = tw.keyframes[index]!;
    const prev = this.layout;
    tw.effects = next.effects;
    this.options.onKeyframe?.(next, index);
    tw.pulsing = new Set();
    tw.pulsingGc = new Set();
    tw.entering = new Set();
    for (const o of next.layout.objects) {
      const node = this.nodes.get(o.id);
      if (!node) tw.entering.add(o.id);
      else {
        if (node.badgeValue !== o.badge) tw.pulsing.add(o.id);
        if (node.gcValue !== `${o.gcRefs}/${o.unreachable}` && (o.gcRefs !== null || o.unreachable)) tw.pulsingGc.add(o.id);
      }
    }
    for (const [id, node] of this.nodes) {
      if (next.layout.byId.has(id)) continue;
      tw.leaving.set(id, node);
      const box = prev?.byId.get(id)?.box;
      if (box) tw.leavingBoxes.set(id, box);
    }
    for (const id of tw.leaving.keys()) this.nodes.delete(id);
    this.apply(next.layout, prev);
    for (const id of tw.entering) this.nodes.get(id)!.root.alpha = 0;
  }

  /** Make the layout current: nodes for every object, arrows split into steady/in/out. */
  private apply(layout: SceneLayout, prev: SceneLayout | null = null): void {
    for (const [id, node] of this.nodes) {
      if (!layout.byId.has(id)) {
        node.destroy();
        this.nodes.delete(id);
      }
    }
    for (const o of layout.objects) {
      let node = this.nodes.get(o.id);
      if (!node) {
        node = new ObjectNode();
        this.nodes.set(o.id, node);
        this.objectsLayer.addChild(node.root);
      }
      node.root.alpha = 1;
      node.badge.scale.set(1);
      node.gc.scale.set(1);
      node.update(o, this.selected.has(o.id));
    }
    this.drawFrames(layout);

    const before = new Set(prev ? prev.arrows.map((a) => a.key) : layout.arrows.map((a) => a.key));
    const now = new Set(layout.arrows.map((a) => a.key));
    this.arrowsSteady.clear();
    this.arrowsIn.clear();
    this.arrowsOut.clear();
    for (const a of layout.arrows) drawArrow(before.has(a.key) ? this.arrowsSteady : this.arrowsIn, a);
    if (prev) for (const a of prev.arrows) if (!now.has(a.key)) drawArrow(this.arrowsOut, a);
    this.arrowsIn.alpha = 1;
    this.arrowsOut.alpha = 1;
    this.drawArrowLabels(layout);
    this.highlight.clear();
    this.layout = layout;
  }

  private framesSignature = '';

  private drawFrames(layout: SceneLayout): void {
    const signature = layout.frames.map((f) => `${f.name}@${f.line}@${f.box.y}:${f.vars.map((v) => `${v.name}${v.drawn ? '' : '?'}`).join(',')}`).join('|');
    if (signature === this.framesSignature) return;
    this.framesSignature = signature;
    for (const child of this.framesLayer.removeChildren()) child.destroy({ children: true });
    for (const f of layout.frames) {
      const g = new Graphics();
      const { x, y, w, h } = f.box;
      g.roundRect(x, y, w, h, 6).fill({ color: PALETTE.frameFill }).stroke({ width: 1.5, color: PALETTE.frameBorder });
      g.rect(x + 1, y + 1, w - 2, METRICS.frameHeaderHeight - 6).fill({ color: PALETTE.frameHeader });
      for (const v of f.vars) {
        if (v.drawn) g.circle(v.anchor.x, v.anchor.y, 3.5).fill({ color: PALETTE.varDot });
        // An object the scene does not draw (a module, a builtin): a hollow dot, no arrow.
        else g.circle(v.anchor.x, v.anchor.y, 3.5).stroke({ width: 1.25, color: PALETTE.mutedText });
      }
      this.framesLayer.addChild(g);
      const name = text(f.name, 12, PALETTE.text, true);
      name.position.set(x + 8, y + 6);
      const line = text(`line ${f.line}`, 11, PALETTE.mutedText);
      line.anchor.set(1, 0);
      line.position.set(x + w - 8, y + 7);
      this.framesLayer.addChild(name, line);
      if (f.vars.length === 0) {
        const none = text('no names', 11, PALETTE.mutedText);
        none.position.set(x + 10, y + METRICS.frameHeaderHeight - 2);
        this.framesLayer.addChild(none);
      }
      for (const v of f.vars) {
        const label = text(v.name, METRICS.varFontSize, PALETTE.text);
        label.position.set(v.row.x + 10, v.row.y + 5);
        this.framesLayer.addChild(label);
      }
    }
  }

  private drawArrowLabels(layout: SceneLayout): void {
    const labelled = layout.arrows.filter((a) => a.label !== null && a.labelAt !== null);
    const pool = this.arrowLabels.children as Text[];
    while (pool.length > labelled.length) pool[pool.length - 1]!.destroy();
    labelled.forEach((a, i) => {
      let t = pool[i];
      if (!t) {
        t = text('', METRICS.tagFontSize, PALETTE.mutedText);
        t.anchor.set(0, 1);
        this.arrowLabels.addChild(t);
      }
      // Setting a Text's string re-renders its texture even when unchanged.
      if (t.text !== a.label) t.text = a.label!;
      t.position.set(a.labelAt!.x, a.labelAt!.y - 2);
    });
  }

  private settleTransients(tw: Tween): void {
    for (const node of tw.leaving.values()) node.destroy();
    tw.leaving.clear();
    tw.leavingBoxes.clear();
  }

  private finishTween(callDone: boolean): void {
    const tw = this.tween;
    if (!tw) return;
    this.tween = null;
    this.settleTransients(tw);
    const last = tw.keyframes[tw.keyframes.length - 1]!;
    this.apply(last.layout);
    if (callDone) tw.onDone();
  }

  private step(now: number): void {
    const tw = this.tween;
    if (!tw) return;
    const elapsed = now - tw.startedAt;
    if (elapsed >= tw.totalMs) {
      this.finishTween(true);
      return;
    }
    let k = tw.index < 0 ? 0 : tw.index;
    while (k + 1 < tw.keyframes.length && elapsed >= tw.starts[k + 1]!) k++;
    if (k !== tw.index) this.enterKeyframe(tw, k);
    const t = Math.min(1, (elapsed - tw.starts[k]!) / Math.max(1, tw.durations[k]!));
    const e = ease(Math.min(1, t * 1.6));
    for (const id of tw.entering) {
      const n = this.nodes.get(id);
      if (n) n.root.alpha = e;
    }
    for (const n of tw.leaving.values()) n.root.alpha = 1 - e;
    this.arrowsIn.alpha = e;
    this.arrowsOut.alpha = 1 - e;
    const pulse = 1 + 0.45 * Math.sin(Math.PI * t);
    for (const id of tw.pulsing) this.nodes.get(id)?.badge.scale.set(pulse);
    for (const id of tw.pulsingGc) this.nodes.get(id)?.gc.scale.set(1 + (pulse - 1) * 0.5);
    this.drawHighlight(tw, t);
  }

  /** A ring around what the current event is about, fading as it completes. */
  private drawHighlight(tw: Tween, t: number): void {
    const g = this.highlight.clear();
    const layout = this.layout;
    if (!layout) return;
    const ring = (id: ObjectId, color: number): void => {
      const b = layout.byId.get(id)?.box ?? tw.leavingBoxes.get(id);
      if (!b) return;
      g.roundRect(b.x - 6, b.y - 6, b.w + 12, b.h + 12, 10).stroke({ width: 3, color, alpha: 1 - t * 0.7 });
    };
    for (const e of tw.effects) {
      if (e.kind === 'appear' || e.kind === 'badge' || e.kind === 'finalize' || e.kind === 'shared') ring(e.id, PALETTE.highlight);
      else if (e.kind === 'fade') ring(e.id, PALETTE.unreachableBorder);
      else if (e.kind === 'weakref_callback') {
        ring(e.weakref, PALETTE.highlight);
        ring(e.referent, PALETTE.unreachableBorder);
      }
    }
  }

  // ------------------------------------------------------------------ render loop

  requestRender(): void {
    if (this.frameRequest || this.destroyed) return;
    this.frameRequest = requestAnimationFrame((now) => {
      this.frameRequest = 0;
      if (this.destroyed) return;
      this.step(now);
      this.app.render();
      if (this.tween) this.requestRender();
    });
  }

  /** Render synchronously (tests and screenshots that cannot wait for a frame). */
  renderNow(): void {
    this.app.render();
  }

  // ------------------------------------------------------------------ camera

  setView(view: View): void {
    const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, view.scale));
    this.view = { scale, x: view.x, y: view.y };
    this.world.scale.set(scale);
    this.world.position.set(view.x, view.y);
    this.options.onViewChange?.(this.view);
    this.requestRender();
  }

  /**
   * Show `rect` whole, centred in the canvas minus `insets` (room for the host's overlays),
   * never magnified beyond `maxScale`.
   */
  fitTo(rect: Rect, insets: { readonly top: number; readonly bottom: number } = { top: 0, bottom: 0 }, maxScale = 1.25): void {
    const { width } = this.size;
    const height = Math.max(1, this.size.height - insets.top - insets.bottom);
    const scale = Math.max(MIN_SCALE, Math.min(maxScale, width / rect.w, height / rect.h));
    this.setView({
      scale,
      x: (width - rect.w * scale) / 2 - rect.x * scale,
      y: insets.top + Math.max(0, (height - rect.h * scale) / 2) - rect.y * scale,
    });
  }

  zoomAt(factor: number, at: Point): void {
    const v = this.view;
    const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, v.scale * factor));
    const k = scale / v.scale;
    this.setView({ scale, x: at.x - (at.x - v.x) * k, y: at.y - (at.y - v.y) * k });
  }

  panBy(dx: number, dy: number): void {
    this.setView({ scale: this.view.scale, x: this.view.x + dx, y: this.view.y + dy });
  }

  private resize(): void {
    const w = Math.max(1, this.host.clientWidth);
    const h = Math.max(1, this.host.clientHeight);
    if (w === this.app.screen.width && h === this.app.screen.height) return;
    this.app.renderer.resize(w, h);
    this.options.onResize?.({ width: w, height: h });
    this.options.onViewChange?.(this.view);
    this.requestRender();
  }

  /** Wheel zoom, one-pointer drag pan, two-pointer pinch; a drag never becomes a click. */
  private attachCamera(): () => void {
    const host = this.host;
    const pointers = new Map<number, Point>();
    let dragged = false;
    let pinchDistance = 0;
    const local = (e: { clientX: number; clientY: number }): Point => {
      const r = host.getBoundingClientRect();
      return { x: e.clientX - r.left, y: e.clientY - r.top };
    };
    const onWheel = (e: WheelEvent): void => {
      e.preventDefault();
      const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
      this.zoomAt(Math.exp(-delta * 0.0015), local(e));
      this.options.onUserView?.();
    };
    const onDown = (e: PointerEvent): void => {
      if (e.pointerType === 'mouse' && e.button !== 0) return;
      pointers.set(e.pointerId, local(e));
      if (pointers.size === 1) dragged = false;
      if (pointers.size === 2) pinchDistance = distance([...pointers.values()]);
    };
    const onMove = (e: PointerEvent): void => {
      const last = pointers.get(e.pointerId);
      if (!last) return;
      const p = local(e);
      pointers.set(e.pointerId, p);
      if (pointers.size === 2) {
        const pts = [...pointers.values()];
        const d = distance(pts);
        if (pinchDistance > 0) this.zoomAt(d / pinchDistance, { x: (pts[0]!.x + pts[1]!.x) / 2, y: (pts[0]!.y + pts[1]!.y) / 2 });
        pinchDistance = d;
        dragged = true;
        this.options.onUserView?.();
        return;
      }
      const dx = p.x - last.x;
      const dy = p.y - last.y;
      if (!dragged && Math.hypot(dx, dy) < 4) {
        pointers.set(e.pointerId, last);
        return;
      }
      if (!dragged) host.setPointerCapture?.(e.pointerId);
      dragged = true;
      this.panBy(dx, dy);
      this.options.onUserView?.();
    };
    const onUp = (e: PointerEvent): void => {
      pointers.delete(e.pointerId);
      if (pointers.size < 2) pinchDistance = 0;
    };
    const onClick = (e: MouseEvent): void => {
      if (dragged) {
        e.stopPropagation();
        e.preventDefault();
        dragged = false;
      }
    };
    host.addEventListener('wheel', onWheel, { passive: false });
    host.addEventListener('pointerdown', onDown);
    host.addEventListener('pointermove', onMove);
    host.addEventListener('pointerup', onUp);
    host.addEventListener('pointercancel', onUp);
    host.addEventListener('click', onClick, true);
    return () => {
      host.removeEventListener('wheel', onWheel);
      host.removeEventListener('pointerdown', onDown);
      host.removeEventListener('pointermove', onMove);
      host.removeEventListener('pointerup', onUp);
      host.removeEventListener('pointercancel', onUp);
      host.removeEventListener('click', onClick, true);
    };
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    cancelAnimationFrame(this.frameRequest);
    this.resizeObserver.disconnect();
    this.detach();
    this.tween = null;
    this.nodes.clear();
    this.app.destroy(true, { children: true });
  }
}

function distance(pts: readonly Point[]): number {
  return Math.hypot(pts[0]!.x - pts[1]!.x, pts[0]!.y - pts[1]!.y);
}

function drawArrow(g: Graphics, a: Arrow): void {
  g.moveTo(a.from.x, a.from.y).bezierCurveTo(a.c1.x, a.c1.y, a.c2.x, a.c2.y, a.to.x, a.to.y).stroke({ width: 1.75, color: PALETTE.arrow });
  // The head points along the curve's last tangent (c2 → to; c1 → to if they coincide).
  const base = a.c2.x !== a.to.x || a.c2.y !== a.to.y ? a.c2 : a.c1;
  const angle = Math.atan2(a.to.y - base.y, a.to.x - base.x);
  const len = 10;
  const spread = 0.42;
  g.poly([
    a.to.x,
    a.to.y,
    a.to.x - len * Math.cos(angle - spread),
    a.to.y - len * Math.sin(angle - spread),
    a.to.x - len * Math.cos(angle + spread),
    a.to.y - len * Math.sin(angle + spread),
  ]).fill({ color: PALETTE.arrow });
}
