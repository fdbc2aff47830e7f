'use client';

// The heap scene as a React component: a Pixi canvas, a transparent button over every
// object (the click target for players and tests, the focus target for screen readers),
// playback controls, and a text view of the same heap. The component only sends actions:
// which step to show and how; PixiHeapRenderer draws, SceneTrack knows where things go.

import { Fragment, useCallback, useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import type { ObjectId, TraceStep } from '../../engine/trace';
import { PixiHeapRenderer, type View } from './PixiHeapRenderer';
import type { GCOverlay } from './model';
import { GC_PHASE_TEXT } from './model';
import { SceneTextView } from './SceneTextView';
import { describeObject, describeScene } from './text';
import { SceneTrack, type Orientation } from './track';

export interface HeapSceneProps {
  readonly steps: readonly TraceStep[];
  /** Step shown first (uncontrolled); default 0. */
  readonly initialStep?: number;
  /** Step to show (controlled); the parent then follows onStepChange. */
  readonly step?: number;
  readonly onStepChange?: (index: number) => void;
  /** Highest step the player may reach (a level hides what comes after its question). */
  readonly limit?: number;
  readonly onPickObject?: (id: ObjectId) => void;
  /** When true, clicking an object calls onPickObject and the buttons say they toggle. */
  readonly pickable?: boolean;
  /** Objects drawn as picked. */
  readonly selected?: readonly ObjectId[];
  /** Playback speed to start with (0.5, 1, 2 or 4); default 1. */
  readonly initialSpeed?: number;
  /** Show play/step/scrub/speed controls; default true. */
  readonly controls?: boolean;
  /** Let Space/arrows/Home/End work anywhere on the page, not only inside the scene. */
  readonly globalKeyboard?: boolean;
  /** Layout direction; 'auto' (default) turns portrait when the canvas is narrow (a phone). */
  readonly orientation?: Orientation | 'auto';
  /** CSS height of the canvas; default min(62vh, 540px). */
  readonly height?: string;
  readonly className?: string;
}

const SPEEDS = [0.5, 1, 2, 4] as const;

/** Room the fitted heap leaves for the collector strip above and the caption below. */
const OVERLAY_INSETS = { top: 36, bottom: 44 } as const;

/** Below this canvas width the scene lays out top-down, as a phone held upright wants. */
const PORTRAIT_BELOW_PX = 600;

function orientationFor(width: number): Orientation {
  return width > 0 && width < PORTRAIT_BELOW_PX ? 'portrait' : 'landscape';
}

/** The collector's steps in the order CPython runs them, shown as a strip while it runs. */
const GC_ORDER: readonly GCOverlay['phase'][] = [
  'start',
  'update_refs',
  'subtract_refs',
  'move_unreachable',
  'move_legacy_finalizers',
  'handle_weakrefs',
  'finalize_garbage',
  'check_garbage',
  'delete_garbage',
  'end',
];
/** Steps shown only while they run, to keep the strip short. */
const GC_QUIET = new Set<GCOverlay['phase']>(['move_legacy_finalizers', 'check_garbage']);

function gcStrip(now: GCOverlay['phase']): readonly GCOverlay['phase'][] {
  return GC_ORDER.filter((p) => !GC_QUIET.has(p) || p === now);
}

const CSS = `
.hq-scene{position:relative;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d1d1f;outline:none}
.hq-scene:focus-visible{box-shadow:0 0 0 3px #0072b2}
.hq-canvas{position:relative;width:100%;overflow:hidden;border:1px solid #c8c8c8;border-radius:8px;background:#fafaf7;touch-action:none;cursor:grab;user-select:none}
.hq-canvas:active{cursor:grabbing}
.hq-hit{position:absolute;margin:0;padding:0;border:0;background:transparent;pointer-events:auto;cursor:pointer;border-radius:6px}
.hq-hit:focus-visible{outline:3px solid #0072b2;outline-offset:3px}
.hq-caption{position:absolute;left:8px;right:8px;bottom:8px;padding:4px 8px;border-radius:6px;background:rgba(255,255,255,.92);border:1px solid #d0d0d0;font-size:13px;line-height:1.35;pointer-events:none;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.hq-gc{position:absolute;left:8px;top:8px;padding:3px 8px;border-radius:6px;background:#fff3d6;border:1px solid #e69f00;font-size:13px;pointer-events:none;max-width:calc(100% - 16px)}
.hq-gc-now{font-weight:700;text-decoration:underline}
.hq-gc-next{color:#6a6a6a}
.hq-controls{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin-top:8px}
.hq-controls button,.hq-controls select{font:inherit;font-size:14px;min-height:36px;min-width:36px;padding:4px 10px;border:1px solid #8a8a8a;border-radius:6px;background:#fff;color:#1d1d1f;cursor:pointer}
.hq-controls button:focus-visible,.hq-controls select:focus-visible,.hq-controls input:focus-visible{outline:3px solid #0072b2;outline-offset:1px}
.hq-controls button[aria-pressed="true"]{background:#e3eef9;border-color:#0072b2}
.hq-controls button:disabled{opacity:.45;cursor:default}
.hq-scrub{flex:1 1 160px;min-width:120px}
.hq-status{font-size:13px;color:#4a4a4f;white-space:nowrap}
.hq-text{margin-top:8px;padding:8px 12px;border:1px solid #c8c8c8;border-radius:8px;background:#fff;font-size:14px;line-height:1.45}
.hq-text ul{margin:4px 0 8px;padding-left:20px}
.hq-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.hq-error{position:absolute;inset:0;display:flex;align-items:center;justify-content:center;padding:16px;text-align:center;font-size:14px}
`;

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

/** The scrubber moves itself on arrows and Home/End; Space it leaves to us. */
function isScrubber(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement && target.type === 'range';
}

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export function HeapScene(props: HeapSceneProps) {
  const { steps, pickable = false, controls = true } = props;
  const [autoOrientation, setAutoOrientation] = useState<Orientation>('landscape');
  const orientation = props.orientation && props.orientation !== 'auto' ? props.orientation : autoOrientation;
  const track = useMemo(() => new SceneTrack(steps, orientation), [steps, orientation]);
  const last = Math.max(0, Math.min(steps.length - 1, props.limit ?? Infinity));
  const clamp = useCallback((i: number) => Math.max(0, Math.min(last, i)), [last]);

  const [internalStep, setInternalStep] = useState(() => clamp(props.initialStep ?? 0));
  const index = clamp(props.step ?? internalStep);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(props.initialSpeed ?? 1);
  const [textView, setTextView] = useState(false);
  const [view, setView] = useState<View>({ scale: 1, x: 0, y: 0 });
  const [caption, setCaption] = useState('');
  const [ready, setReady] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // The collector's phase while an animation plays through it (the step's own state has none).
  const [liveGc, setLiveGc] = useState<GCOverlay | null>(null);

  const hostRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const rendererRef = useRef<PixiHeapRenderer | null>(null);
  const shownRef = useRef<number | null>(null);
  const autoFitRef = useRef(true);
  const live = useRef({ index, playing, speed, last, track });
  live.current = { index, playing, speed, last, track };

  const { onStepChange } = props;
  const go = useCallback(
    (i: number) => {
      const next = clamp(i);
      if (props.step === undefined) setInternalStep(next);
      onStepChange?.(next);
    },
    [clamp, onStepChange, props.step],
  );
  const goRef = useRef(go);
  goRef.current = go;

  const fit = useCallback(() => {
    const r = rendererRef.current;
    if (!r) return;
    autoFitRef.current = true;
    r.fitTo(live.current.track.extent, OVERLAY_INSETS);
  }, []);

  // The renderer lives as long as the component; it is created once the host exists.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    let cancelled = false;
    let renderer: PixiHeapRenderer | null = null;
    PixiHeapRenderer.create(host, {
      onViewChange: (v) => setView(v),
      onUserView: () => {
        autoFitRef.current = false;
      },
      onResize: ({ width }) => {
        setAutoOrientation(orientationFor(width));
        if (autoFitRef.current) renderer?.fitTo(live.current.track.extent, OVERLAY_INSETS);
      },
      onKeyframe: (k) => {
        setCaption(k.caption);
        setLiveGc(k.layout.state.gc);
      },
    }).then(
      (r) => {
        if (cancelled) return r.destroy();
        renderer = r;
        rendererRef.current = r;
        setAutoOrientation(orientationFor(host.clientWidth));
        r.fitTo(live.current.track.extent, OVERLAY_INSETS);
        setReady(true);
      },
      (e: unknown) => {
        if (!cancelled) {
          setFailure(e instanceof Error ? e.message : String(e));
          setTextView(true);
        }
      },
    );
    return () => {
      cancelled = true;
      rendererRef.current = null;
      shownRef.current = null;
      renderer?.destroy();
    };
  }, []);

  // A new trace or a new orientation: fit the view to it and show the current step afresh.
  useEffect(() => {
    shownRef.current = null;
    autoFitRef.current = true;
    rendererRef.current?.fitTo(track.extent, OVERLAY_INSETS);
  }, [track, ready]);

  const playingRef = useRef(playing);
  playingRef.current = playing;

  // Show the current step: one step forward animates its events, anything else jumps.
  useEffect(() => {
    const r = rendererRef.current;
    if (!r || !ready || steps.length === 0) return;
    const from = shownRef.current;
    shownRef.current = index;
    const captions = track.captionsOf(index);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const afterStep = (): void => {
      const { playing: isPlaying, index: at, last: end, speed: s } = live.current;
      if (!isPlaying) return;
      if (at >= end) setPlaying(false);
      else timer = setTimeout(() => goRef.current(at + 1), 160 / s);
    };
    if (from !== null && index === from + 1 && !prefersReducedMotion()) {
      r.play(track.keyframesInto(index), live.current.speed, () => {
        setLiveGc(null);
        setCaption(captions.join(' · ') || `line ${track.steps[index]!.line}`);
        afterStep();
      });
    } else {
      setLiveGc(null);
      r.show(track.layoutAt(index));
      setCaption(captions.join(' · ') || (steps.length > 0 ? `line ${track.steps[index]!.line}` : ''));
      if (playingRef.current) timer = setTimeout(afterStep, 700 / live.current.speed);
    }
    return () => clearTimeout(timer);
  }, [index, track, ready, steps.length]);

  useEffect(() => {
    rendererRef.current?.setSelected(props.selected ?? []);
  }, [props.selected, ready, index]);

  const togglePlay = useCallback(() => {
    if (live.current.playing) return setPlaying(false);
    setPlaying(true);
    const { index: at, last: end } = live.current;
    goRef.current(at >= end ? 0 : at + 1);
  }, []);

  const onKey = useCallback(
    (e: KeyboardEvent | ReactKeyboardEvent): boolean => {
      const target = e.target as HTMLElement | null;
      const onControl = target instanceof HTMLElement && /^(BUTTON|A)$/.test(target.tagName);
      const { index: at, last: end } = live.current;
      switch (e.key) {
        case ' ':
        case 'Spacebar':
          if (onControl || (isEditable(target) && !isScrubber(target))) return false;
          togglePlay();
          break;
        case 'ArrowRight':
          if (isEditable(target)) return false;
          setPlaying(false);
          goRef.current(at + 1);
          break;
        case 'ArrowLeft':
          if (isEditable(target)) return false;
          setPlaying(false);
          goRef.current(at - 1);
          break;
        case 'Home':
          if (isEditable(target)) return false;
          setPlaying(false);
          goRef.current(0);
          break;
        case 'End':
          if (isEditable(target)) return false;
          setPlaying(false);
          goRef.current(end);
          break;
        default:
          return false;
      }
      e.preventDefault();
      return true;
    },
    [togglePlay],
  );

  useEffect(() => {
    if (!props.globalKeyboard) return;
    const listener = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      if (rootRef.current?.contains(e.target as Node)) return;
      onKey(e);
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [props.globalKeyboard, onKey]);

  const layout = steps.length > 0 ? track.layoutAt(index) : null;
  const state = layout?.state ?? null;
  const names = useMemo(() => new Map((state?.objects ?? []).map((o) => [o.id, o])), [state]);
  const selected = useMemo(() => new Set(props.selected ?? []), [props.selected]);
  const sceneText = useMemo(() => (textView && state ? describeScene(state) : null), [textView, state]);

  const hitStyle = (b: { x: number; y: number; w: number; h: number }): CSSProperties => ({
    left: view.x + b.x * view.scale,
    top: view.y + b.y * view.scale,
    width: b.w * view.scale,
    height: b.h * view.scale,
  });

  const gc = liveGc ?? state?.gc ?? null;
  const announcement = useMemo(
    () => (state ? `Step ${index + 1} of ${last + 1}, line ${state.line}. ${track.captionsOf(index).join('. ')}` : ''),
    [state, index, last, track],
  );

  return (
    <div
      ref={rootRef}
      className={`hq-scene${props.className ? ` ${props.className}` : ''}`}
      role="region"
      aria-label="Heap scene"
      tabIndex={0}
      data-step={index}
      onKeyDown={(e) => {
        if (!e.altKey && !e.ctrlKey && !e.metaKey) onKey(e);
      }}
    >
      <style>{CSS}</style>
      <div
        ref={hostRef}
        className="hq-canvas"
        data-testid="heap-canvas"
        data-step={index}
        data-ready={ready ? 'true' : 'false'}
        style={{ height: props.height ?? 'min(62vh, 540px)' }}
      >
        <div style={{ position: 'absolute', inset: 0, pointerEvents: 'none' }}>
          {ready &&
            layout?.objects.map((o) => (
              <button
                key={o.id}
                type="button"
                className="hq-hit"
                data-testid={`heap-object-${o.id}`}
                data-object-type={o.object.type}
                style={hitStyle(o.box)}
                aria-label={describeObject(o.object, names, layout.frames.length > 0)}
                aria-pressed={pickable ? selected.has(o.id) : undefined}
                onClick={() => {
                  if (pickable) props.onPickObject?.(o.id);
                }}
              />
            ))}
        </div>
        {gc && (
          <div className="hq-gc" aria-hidden="true" title={GC_PHASE_TEXT[gc.phase]}>
            <strong>gc</strong> gen {gc.generation}:{' '}
            {gcStrip(gc.phase).map((p, i, strip) => {
              const at = strip.indexOf(gc.phase);
              return (
                <Fragment key={p}>
                  {i > 0 ? ' → ' : ''}
                  <span className={i === at ? 'hq-gc-now' : i < at ? 'hq-gc-done' : 'hq-gc-next'}>{p}</span>
                </Fragment>
              );
            })}
          </div>
        )}
        {caption && (
          <div className="hq-caption" aria-hidden="true">
            {caption}
          </div>
        )}
        {failure && (
          <div className="hq-error" role="alert">
            The heap drawing could not start ({failure}). The text view below shows the same heap.
          </div>
        )}
      </div>
      <div className="hq-sr" aria-live="polite" data-testid="heap-announcement">
        {announcement}
      </div>
      {controls && (
        <div className="hq-controls">
          <button type="button" onClick={() => (setPlaying(false), go(0))} disabled={index === 0} aria-label="First step" title="First step (Home)">
            |◀
          </button>
          <button type="button" onClick={() => (setPlaying(false), go(index - 1))} disabled={index === 0} aria-label="Step back" title="Step back (←)">
            ◀
          </button>
          <button type="button" onClick={togglePlay} aria-label={playing ? 'Pause' : 'Play'} title="Play / pause (Space)" disabled={last === 0}>
            {playing ? '⏸ Pause' : '▶ Play'}
          </button>
          <button type="button" onClick={() => (setPlaying(false), go(index + 1))} disabled={index >= last} aria-label="Step forward" title="Step forward (→)">
            ▶
          </button>
          <button type="button" onClick={() => (setPlaying(false), go(last))} disabled={index >= last} aria-label="Last step" title="Last step (End)">
            ▶|
          </button>
          <input
            className="hq-scrub"
            type="range"
            min={0}
            max={last}
            value={index}
            aria-label="Step"
            aria-valuetext={state ? `step ${index + 1} of ${last + 1}, line ${state.line}` : undefined}
            onChange={(e) => (setPlaying(false), go(Number(e.target.value)))}
          />
          <span className="hq-status" aria-hidden="true">
            {index + 1}/{last + 1}
            {state ? ` · line ${state.line}` : ''}
          </span>
          <select aria-label="Speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
          <button type="button" aria-label="Zoom out" onClick={() => (autoFitRef.current = false, rendererRef.current?.zoomAt(1 / 1.25, center(rendererRef.current)))}>
            −
          </button>
          <button type="button" aria-label="Zoom in" onClick={() => (autoFitRef.current = false, rendererRef.current?.zoomAt(1.25, center(rendererRef.current)))}>
            +
          </button>
          <button type="button" aria-label="Fit the heap in view" onClick={fit}>
            Fit
          </button>
          <button type="button" aria-pressed={textView} onClick={() => setTextView((v) => !v)}>
            Text view
          </button>
        </div>
      )}
      {sceneText && <SceneTextView text={sceneText} className="hq-text" testId="heap-text" />}
    </div>
  );
}

function center(r: PixiHeapRenderer | null): { x: number; y: number } {
  const s = r?.size ?? { width: 0, height: 0 };
  return { x: s.width / 2, y: s.height / 2 };
}

/** One snapshot, no controls: a picture of the heap with its hit targets. */
export function HeapSceneStatic(props: { readonly step: TraceStep } & Omit<HeapSceneProps, 'steps' | 'controls'>) {
  const { step, ...rest } = props;
  const steps = useMemo(() => [step], [step]);
  return <HeapScene {...rest} steps={steps} controls={false} />;
}

export default HeapScene;
