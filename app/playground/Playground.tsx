'use client';

// /playground: any program in the engine's subset, stepped through with the levels' heap scene.
// The engine runs in workers (run-controller.ts) and the page holds a bounded window of steps
// (lib/playground/store.ts), so a million-step program streams without freezing the page.

import Link from 'next/link';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type KeyboardEvent } from 'react';
import { PYTHON_VERSIONS, type PythonVersion } from '@/engine/profile';
import type { ObjectId, TraceStep } from '@/engine/trace';
import { HeapScene } from '@/lib/scene/HeapScene';
import { sceneFromStep, objectName } from '@/lib/scene/model';
import { SceneTextView } from '@/lib/scene/SceneTextView';
import { describeObject, describeScene } from '@/lib/scene/text';
import { BEGINNER_CLUTTER, declutter, type Clutter } from '@/lib/playground/declutter';
import { decodeShare, encodeShare, ShareLinkError } from '@/lib/playground/share';
import { explainSharing } from '@/lib/playground/sharing';
import { CodeEditor, type EditorProblem } from './CodeEditor';
import { RunController } from './run-controller';
import styles from './playground.module.css';

const EXAMPLE = `import sys

a = [1, 2, 3]
b = a
c = [a, a]
print(sys.getrefcount(a))
x = 257
y = 257
z = int('257')
print(x is y, x is z)
del b, c
`;

const SPEEDS = [1, 4, 16, 64] as const;

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

function outcomeText(c: RunController): { text: string; tone: 'ok' | 'error' | 'info' } | null {
  if (c.crash) return { text: `The engine failed: ${c.crash}. Reload the page and try again.`, tone: 'error' };
  const r = c.result;
  if (!r) return c.status === 'running' ? { text: `Running… ${c.store.length.toLocaleString('en-US')} steps so far`, tone: 'info' } : null;
  const o = r.outcome;
  switch (o.kind) {
    case 'ok':
      return { text: `Finished: ${r.steps.toLocaleString('en-US')} steps.`, tone: 'ok' };
    case 'exception':
      return { text: `The program raised ${o.type}${o.message ? `: ${o.message}` : ''} (after ${r.steps.toLocaleString('en-US')} steps; the scene shows up to there).`, tone: 'error' };
    case 'limit':
      return { text: `Stopped at the cap: ${o.message}. The scene shows the ${r.steps.toLocaleString('en-US')} steps it ran; make the loop end sooner to see it finish.`, tone: 'error' };
    case 'syntax':
      return { text: `Line ${o.line}, column ${o.col}: ${o.type}: ${o.message}. Nothing ran.`, tone: 'error' };
    case 'unsupported':
      return { text: `Line ${o.line}, column ${o.col}: ${o.what} is not supported by HeapQuest's engine yet. Nothing ran; rewrite that part without it.`, tone: 'error' };
  }
}

export function Playground() {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const frame = useRef<number | null>(null);
  const controllerRef = useRef<RunController | null>(null);
  if (!controllerRef.current) {
    controllerRef.current = new RunController(() => {
      // Batches arrive faster than the screen refreshes; draw once per frame.
      if (frame.current === null) frame.current = requestAnimationFrame(() => ((frame.current = null), bump()));
    });
  }
  const controller = controllerRef.current;
  const store = controller.store;

  const [source, setSource] = useState(EXAMPLE);
  const [version, setVersion] = useState<PythonVersion>('3.12');
  const [cursor, setCursorState] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(1);
  const [clutter, setClutter] = useState<Clutter>(BEGINNER_CLUTTER);
  const [textView, setTextView] = useState(false);
  const [selected, setSelected] = useState<ObjectId | null>(null);
  const [shareUrl, setShareUrl] = useState<string | null>(null);
  const [linkError, setLinkError] = useState<string | null>(null);
  /** A shared link's step, applied once the run reaches it. */
  const pendingStep = useRef<number | null>(null);

  const total = store.length;
  const last = Math.max(0, total - 1);
  const setCursor = useCallback((i: number) => setCursorState(Math.max(0, i)), []);
  const at = Math.min(cursor, last);

  const run = useCallback(
    (program = source, v = version) => {
      setPlaying(false);
      setSelected(null);
      setCursorState(0);
      setShareUrl(null);
      controller.run(program, v);
    },
    [controller, source, version],
  );

  // Load the engine before the first Run; stop every worker when the page goes.
  useEffect(() => {
    controller.warm();
    return () => controller.dispose();
  }, [controller]);

  // A shared link: restore its program, version and step, and run it.
  useEffect(() => {
    const hash = window.location.hash;
    if (!/[#&]p=/.test(hash)) return;
    decodeShare(hash).then(
      (scene) => {
        setSource(scene.program);
        setVersion(scene.version);
        pendingStep.current = scene.step;
        run(scene.program, scene.version);
      },
      (e: unknown) => setLinkError(e instanceof ShareLinkError ? e.message : 'The shared link could not be opened.'),
    );
    // Once, on arrival.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // What this render saw: the controller changes under us between render and effect.
  const runStatus = controller.status;
  useEffect(() => {
    const want = pendingStep.current;
    if (want === null || total === 0) return;
    if (want < total || runStatus !== 'running') {
      pendingStep.current = null;
      setCursor(Math.min(want, last));
    }
  }, [total, last, runStatus, setCursor]);

  // The window must hold the step on screen; far away, a re-run fetches it.
  const held = total > 0 && store.inWindow(at);
  useEffect(() => {
    if (total > 0 && !store.inWindow(at)) controller.ensure(at);
  }, [at, total, store, controller]);
  const window_ = store.window;
  const windowSteps = useMemo(
    () => window_.steps.map((s) => declutter(s, clutter)),
    // windowRevision names the window's content.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [store, store.windowRevision, clutter],
  );
  const stand = held ? null : (store.stepAt(at) ?? store.keyframeBefore(at));
  const standSteps = useMemo(() => (stand ? [declutter(stand, clutter)] : []), [stand, clutter]);
  const sceneSteps = held ? windowSteps : standSteps;
  const sceneIndex = held ? at - window_.from : 0;
  const shownStep: TraceStep | null = sceneSteps[sceneIndex] ?? null;

  // Play: one step at a time; it waits while a far window is computed.
  useEffect(() => {
    if (!playing) return;
    if (at >= last && runStatus !== 'running') {
      setPlaying(false);
      return;
    }
    if (!held || at >= last) return;
    const timer = setTimeout(() => setCursor(at + 1), 700 / speed);
    return () => clearTimeout(timer);
  }, [playing, at, last, held, speed, runStatus, setCursor]);

  const go = useCallback(
    (i: number | null) => {
      if (i === null) return;
      setPlaying(false);
      setCursor(Math.min(Math.max(0, i), last));
    },
    [last, setCursor],
  );

  const onSceneKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey || isEditable(e.target) && !(e.target instanceof HTMLInputElement && e.target.type === 'range')) return;
    const onButton = e.target instanceof HTMLButtonElement;
    switch (e.key) {
      case 'ArrowRight':
        go(at + 1);
        break;
      case 'ArrowLeft':
        go(at - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(last);
        break;
      case ' ':
        if (onButton) return;
        setPlaying((p) => !p);
        break;
      case 'd':
        go(store.nextFreed(at));
        break;
      case 'g':
        go(store.nextCollection(at));
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  const share = async () => {
    try {
      const fragment = await encodeShare({ program: controller.source || source, version: controller.version, step: at });
      const url = `${window.location.origin}/playground#${fragment}`;
      window.history.replaceState(null, '', `#${fragment}`);
      setShareUrl(url);
      await navigator.clipboard?.writeText(url).catch(() => {});
    } catch (e) {
      setLinkError(e instanceof Error ? e.message : String(e));
    }
  };

  const outcome = controller.result?.outcome;
  const problems = useMemo<EditorProblem[]>(() => {
    if (!outcome) return [];
    if (outcome.kind === 'unsupported') return [{ line: outcome.line, col: outcome.col, severity: 'error', message: `unsupported: ${outcome.what}` }];
    if (outcome.kind === 'syntax') return [{ line: outcome.line, col: outcome.col, severity: 'error', message: `${outcome.type}: ${outcome.message}` }];
    if (outcome.kind === 'limit') return [{ line: outcome.line, col: 1, severity: 'warning', message: outcome.message }];
    return [];
  }, [outcome]);

  const status = outcomeText(controller);
  const byId = useMemo(() => new Map((shownStep?.heap ?? []).map((o) => [o.id, o])), [shownStep]);
  const picked = selected !== null ? byId.get(selected) ?? null : null;
  const sceneState = useMemo(() => (shownStep ? sceneFromStep(shownStep) : null), [shownStep]);
  const text = useMemo(() => (textView && sceneState ? describeScene(sceneState) : null), [textView, sceneState]);
  const selectedIds = useMemo(() => (selected !== null ? [selected] : []), [selected]);
  const output = total > 0 ? store.stdoutThrough(at) : '';
  const stepLine = total > 0 ? store.lineAt(at) : null;

  return (
    <main className={styles.page} data-testid="playground" data-run-status={runStatus} data-steps={total}>
      <header className={styles.header}>
        <h1>Playground</h1>
        <p className={styles.muted}>
          Write Python, run it, and watch every object, reference count and collection CPython {version} makes. Ctrl+Enter runs.{' '}
          <Link href="/">Home</Link>
        </p>
      </header>
      {linkError && (
        <p className={styles.error} role="alert">
          {linkError}
        </p>
      )}
      <section className={styles.editorRow} aria-label="Program">
        <div className={styles.editor}>
          <CodeEditor value={source} onChange={setSource} onRun={() => run()} problems={problems} currentLine={stepLine} label="Python program" />
        </div>
        <div className={styles.side}>
          <label>
            Python{' '}
            <select data-testid="version" value={version} onChange={(e) => setVersion(e.target.value as PythonVersion)}>
              {PYTHON_VERSIONS.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className={styles.primary} data-testid="run" onClick={() => run()}>
            ▶ Run
          </button>
          <button type="button" data-testid="share" onClick={() => void share()} disabled={total === 0}>
            Share link
          </button>
          {shareUrl && <input className={styles.link} readOnly value={shareUrl} data-testid="share-link" aria-label="Link to this scene" onFocus={(e) => e.currentTarget.select()} />}
          <button
            type="button"
            data-testid="make-level"
            onClick={() => {
              // The level editor reads the program from the fragment, as a share link carries it.
              void encodeShare({ program: source, version, step: 0 }).then((f) => window.location.assign(`/teacher/levels/new#${f}`));
            }}
          >
            Make a level from this program
          </button>
          <fieldset className={styles.clutter}>
            <legend>Show</legend>
            <label>
              <input type="checkbox" checked={!clutter.hideCode} onChange={(e) => setClutter({ ...clutter, hideCode: !e.target.checked })} /> functions, classes, modules
            </label>
            <label>
              <input type="checkbox" data-testid="show-small-ints" checked={clutter.showSmallInts} onChange={(e) => setClutter({ ...clutter, showSmallInts: e.target.checked })} /> small ints
            </label>
            <label>
              <input type="checkbox" checked={clutter.showInterned} onChange={(e) => setClutter({ ...clutter, showInterned: e.target.checked })} /> interned strings
            </label>
            <label>
              containers up to{' '}
              <select aria-label="Arrows shown per container" value={clutter.collapseOver ?? 0} onChange={(e) => setClutter({ ...clutter, collapseOver: Number(e.target.value) || null })}>
                {[4, 8, 16, 32].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
                <option value={0}>all</option>
              </select>{' '}
              arrows
            </label>
          </fieldset>
        </div>
      </section>

      {status && (
        <p className={status.tone === 'error' ? styles.error : styles.status} role={status.tone === 'error' ? 'alert' : 'status'} data-testid="run-outcome">
          {status.text}
        </p>
      )}

      {total > 0 && (
        <section aria-label="Heap" className={styles.scene} onKeyDownCapture={onSceneKey}>
          <div className={styles.controls} role="toolbar" aria-label="Step through the run">
            <button type="button" aria-label="First step" onClick={() => go(0)} disabled={at === 0}>
              |◀
            </button>
            <button type="button" aria-label="Step back" data-testid="step-back" onClick={() => go(at - 1)} disabled={at === 0}>
              ◀
            </button>
            <button type="button" aria-label={playing ? 'Pause' : 'Play'} data-testid="play" onClick={() => setPlaying((p) => !p)}>
              {playing ? '⏸ Pause' : '▶ Play'}
            </button>
            <button type="button" aria-label="Step forward" data-testid="step-forward" onClick={() => go(at + 1)} disabled={at >= last}>
              ▶
            </button>
            <button type="button" aria-label="Last step" onClick={() => go(last)} disabled={at >= last}>
              ▶|
            </button>
            <input
              className={styles.scrub}
              type="range"
              min={0}
              max={last}
              value={at}
              aria-label="Step"
              aria-valuetext={`step ${at + 1} of ${total}, line ${stepLine}`}
              data-testid="scrub"
              onChange={(e) => go(Number(e.target.value))}
            />
            <span className={styles.position} data-testid="position" data-step={at} data-line={stepLine ?? ''}>
              step {(at + 1).toLocaleString("en-US")} / {total.toLocaleString("en-US")} · ran line {stepLine}
            </span>
            <button type="button" data-testid="next-free" title="Jump to the next step where an object on screen is freed (D)" onClick={() => go(store.nextFreed(at))} disabled={store.nextFreed(at) === null}>
              Next free
            </button>
            <button type="button" data-testid="next-gc" title="Jump to the next collector round (G)" onClick={() => go(store.nextCollection(at))} disabled={store.nextCollection(at) === null}>
              Next GC
            </button>
            <select aria-label="Speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
              {SPEEDS.map((s) => (
                <option key={s} value={s}>
                  {s}×
                </option>
              ))}
            </select>
            <button type="button" aria-pressed={textView} data-testid="text-view-toggle" onClick={() => setTextView((v) => !v)}>
              Text view
            </button>
          </div>
          {!held && (
            <p className={styles.status} role="status" data-testid="computing">
              Computing step {(at + 1).toLocaleString('en-US')} (running the program again up to there)…{' '}
              {stand ? `Meanwhile: step ${(stand.index + 1).toLocaleString('en-US')}.` : ''}
            </p>
          )}
          <div className={styles.sceneRow}>
            <div className={styles.canvas} data-testid="scene-at" data-step={shownStep?.index ?? -1}>
              {sceneSteps.length > 0 && (
                <HeapScene
                  steps={sceneSteps}
                  step={sceneIndex}
                  onStepChange={(i) => go((held ? window_.from : at) + i)}
                  controls={false}
                  pickable
                  selected={selectedIds}
                  onPickObject={(id) => setSelected((s) => (s === id ? null : id))}
                />
              )}
            </div>
            <aside className={styles.details} aria-live="polite" data-testid="object-details">
              {picked ? (
                <ObjectDetails object={picked} byId={byId} version={controller.version} step={shownStep!} />
              ) : (
                <p className={styles.muted}>Click an object (or Tab to it and press Enter) to see why it is there and who holds it. Objects marked “shared” explain why there is only one of them.</p>
              )}
            </aside>
          </div>
          {text && <SceneTextView text={text} className={styles.text} testId="text-view" />}
          <h2 className={styles.h2}>Output so far</h2>
          <pre className={styles.output} data-testid="stdout">
            {output || ' '}
          </pre>
        </section>
      )}
    </main>
  );
}

function ObjectDetails({ object, byId, version, step }: { object: TraceStep['heap'][number]; byId: ReadonlyMap<ObjectId, TraceStep['heap'][number]>; version: PythonVersion; step: TraceStep }) {
  const scene = sceneFromStep(step);
  const o = scene.objects.find((x) => x.id === object.id)!;
  const names = new Map(scene.objects.map((x) => [x.id, x]));
  const holders = [
    ...step.frames.flatMap((f) => f.locals.filter((l) => l.target === object.id).map((l) => `${l.label} (${f.name})`)),
    ...step.heap.flatMap((h) => h.refs.filter((r) => r.target === object.id).map((r) => `${objectName(h)}${r.label.startsWith('[') || r.label.startsWith('.') ? r.label : ` ${r.label}`}`)),
  ];
  const sharing = object.shared ? explainSharing(object.shared, object.repr, version) : null;
  void byId;
  return (
    <div>
      <h2 className={stylesH}>{objectName(object)}</h2>
      <p data-testid="details-summary">{describeObject(o, names, step.frames.length > 0)}</p>
      {object.immortal ? (
        <p>Immortal on {version}: sys.getrefcount reports a fixed huge number, not a count.</p>
      ) : (
        <p>
          sys.getrefcount would print <strong data-testid="details-getrefcount">{object.refcount + 1}</strong>: {object.refcount} reference{object.refcount === 1 ? '' : 's'}, plus one for
          getrefcount&apos;s own argument.
        </p>
      )}
      <p>Held by: {holders.length > 0 ? holders.join(', ') : 'nothing drawn here'}</p>
      {sharing && (
        <div data-testid="sharing-explanation">
          <h3>{sharing.title}</h3>
          <p>{sharing.why}</p>
          <p>{sharing.versions}</p>
          <p>{sharing.contrast}</p>
        </div>
      )}
    </div>
  );
}

const stylesH = styles.h2;

export default Playground;
