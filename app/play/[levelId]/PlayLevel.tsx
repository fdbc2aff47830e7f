'use client';

// One level, played: the program with its current line, the heap scene walking up to each
// checkpoint, the question, and after the answer the key, the explanation and the rest of the
// animation. The server holds the play (lib/progress); this component sends what the player
// did and shows what comes back. It never sees a key before the server reveals it.

import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { HeapSceneClient } from '@/app/HeapSceneClient';
import type { ObjectId, TraceStep } from '@/engine/trace';
import type { Response as PlayerAnswer } from '@/lib/levels/answer-key';
import type { PlayRequestBody } from '@/lib/progress/api';
import type { Acted, Opened } from '@/lib/progress/solo';
import type { LevelView, PlayView } from '@/lib/progress/view';
import { keyframesInto, timeline } from '@/lib/scene/model';
import styles from '../play.module.css';
import { Stars } from '../Stars';
import { RichText } from '../RichText';
import { AnswerText, Question } from './Question';

type NextLevel = Opened['next'];

/** Steps beyond this many are jumped, not animated: a loop of 100 iterations is not a film. */
const MAX_ANIMATED_STEPS = 8;
/** A beat between two animated steps, so each one reads on its own. */
const STEP_GAP_MS = 180;

function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** How long the scene takes to animate into step `i` at 1× (the scene's own timeline). */
function durationInto(steps: readonly TraceStep[], i: number): number {
  if (i <= 0 || i >= steps.length) return 0;
  return timeline(keyframesInto(steps[i - 1]!, steps[i]!), 1).totalMs;
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const data = (await res.json().catch(() => null)) as (T & { ok?: boolean; error?: string }) | null;
  if (!res.ok || data === null || data.ok === false) throw new Error(data?.error ?? `The server answered ${res.status}. Reload the page to try again.`);
  return data;
}

function formatTime(ms: number): string {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** `path`: where this page lives ("play again" reloads it); a repository level's by default. */
export function PlayLevel({ level, path = `/play/${level.id}` }: { level: LevelView; path?: string }) {
  const [view, setView] = useState<PlayView | null>(null);
  const [steps, setSteps] = useState<readonly TraceStep[]>([]);
  const [next, setNext] = useState<NextLevel>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** The scene's step; -1 before the first line has run. */
  const [step, setStep] = useState(-1);
  /** Where the scene is walking to by itself; null when it stands still. */
  const [target, setTarget] = useState<number | null>(null);
  /** The revealed checkpoint whose key and explanation are on screen. */
  const [explaining, setExplaining] = useState<number | null>(null);
  /** The verdict on the open checkpoint's last answer. */
  const [verdict, setVerdict] = useState<{ correct: boolean; revealed: boolean } | null>(null);
  const [picks, setPicks] = useState<readonly ObjectId[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const revealRef = useRef<HTMLDivElement>(null);
  const questionRef = useRef<HTMLDivElement>(null);
  const animatedRef = useRef(false);

  const adopt = useCallback((v: PlayView) => {
    setView(v);
    // The scene rebuilds its layout for a new array: hand it one only when there is more to show.
    setSteps((prev) => (prev.length === v.steps.length ? prev : v.steps));
  }, []);

  const restAt = (v: PlayView): number => (v.finished ? v.steps.length - 1 : v.stops[v.checkpoint]!.pause);

  // Open the level: resume the play in progress or start one.
  useEffect(() => {
    let cancelled = false;
    post<Opened>('/api/progress/plays', { levelId: level.id }).then(
      (opened) => {
        if (cancelled) return;
        adopt(opened.play);
        setNext(opened.next);
        setStep(restAt(opened.play));
      },
      (e: unknown) => !cancelled && setFailure(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [level.id, adopt]);

  // Walk the scene towards `target`, one animated step at a time.
  useEffect(() => {
    if (target === null) return;
    if (step >= target) {
      setTarget(null);
      return;
    }
    if (prefersReducedMotion()) {
      setStep(target);
      return;
    }
    if (target - step > MAX_ANIMATED_STEPS) {
      animatedRef.current = false;
      setStep(target - MAX_ANIMATED_STEPS);
      return;
    }
    const wait = (animatedRef.current ? durationInto(steps, step) : 0) + STEP_GAP_MS;
    const timer = setTimeout(() => {
      animatedRef.current = true;
      setStep(step + 1);
    }, wait);
    return () => clearTimeout(timer);
  }, [step, target, steps]);

  const walking = target !== null && step < target;
  const open = view !== null && !view.finished ? view.checkpoint : null;
  const question = open !== null && explaining === null ? view!.questions[open]! : null;
  const showQuestion = question !== null && !walking;

  // Focus follows the play: the reveal when it appears, the question when it is asked.
  useEffect(() => {
    if (explaining !== null) revealRef.current?.focus();
  }, [explaining]);
  useEffect(() => {
    if (showQuestion) questionRef.current?.querySelector<HTMLElement>('input, button')?.focus();
  }, [showQuestion, question?.index]);

  const send = useCallback(
    async (request: PlayRequestBody): Promise<Acted | null> => {
      if (view === null) return null;
      setBusy(true);
      setNotice(null);
      try {
        const acted = await post<Acted>(`/api/progress/plays/${view.playId}`, request);
        adopt(acted.play);
        if (acted.next !== null) setNext(acted.next);
        if (acted.outcome.kind === 'rejected') {
          // Another tab moved on: catch up with the play as the server has it.
          setExplaining(null);
          setVerdict(null);
          setTarget(null);
          setStep(restAt(acted.play));
          setNotice('This level moved on in another tab; here is where it stands now.');
        }
        return acted;
      } catch (e) {
        setNotice(e instanceof Error ? e.message : String(e));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [view, adopt],
  );

  const reveal = (index: number, acted: Acted, correct: boolean) => {
    setVerdict({ correct, revealed: true });
    setExplaining(index);
    setPicks([]);
    setTarget(acted.play.stops[index]!.windowEnd ?? step);
  };

  const submit = async (response: PlayerAnswer) => {
    if (open === null) return;
    const acted = await send({ type: 'answer', checkpoint: open, response });
    if (acted === null || acted.outcome.kind !== 'answer') return;
    if (acted.outcome.revealed) reveal(open, acted, acted.outcome.correct);
    else setVerdict({ correct: acted.outcome.correct, revealed: false });
  };

  const giveUp = async () => {
    if (open === null) return;
    const acted = await send({ type: 'reveal', checkpoint: open });
    if (acted !== null && acted.outcome.kind === 'reveal') reveal(open, acted, false);
  };

  const moveOn = () => {
    if (view === null) return;
    setExplaining(null);
    setVerdict(null);
    animatedRef.current = false;
    setTarget(restAt(view));
  };

  const onPick = (id: ObjectId) => {
    if (question?.kind !== 'pick') return;
    if (!question.candidates?.some((c) => c.id === id)) {
      setNotice('That object is not one of the choices for this question.');
      return;
    }
    setNotice(null);
    setPicks((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  };

  const shownReveal = explaining !== null ? view?.reveals.find((r) => r.index === explaining) : undefined;
  const shown = steps[step];
  const currentLine = shown ? (shown.frames[shown.frames.length - 1]?.line ?? shown.line) : 1;
  const output = useMemo(() => steps.slice(0, step + 1).map((s) => s.stdout).join(''), [steps, step]);
  const selected = useMemo(() => {
    if (shownReveal?.answer.kind === 'pick') return shownReveal.answer.ids;
    return picks;
  }, [shownReveal, picks]);
  const lines = useMemo(() => level.program.replace(/\n$/, '').split('\n'), [level.program]);

  return (
    <main className={styles.playPage}>
      <header className={styles.levelHeader}>
        <p className={styles.crumbs}>
          <Link href="/play">← Levels</Link> · {level.topicTitle}
        </p>
        <h1>
          <RichText text={level.title} />
        </h1>
        <p className={styles.intro}>{level.intro}</p>
        <p className={styles.muted}>
          Python {level.profile} · difficulty {level.difficulty} of 5 · {level.checkpoints} question{level.checkpoints === 1 ? '' : 's'}
          {view && !view.finished && (
            <span data-testid="progress">
              {' '}
              · question {view.checkpoint + 1} of {level.checkpoints}
            </span>
          )}
        </p>
      </header>

      <div className={styles.playGrid}>
        <section className={styles.codeColumn} aria-label="Program">
          <ol className={styles.code} data-testid="program">
            {lines.map((text, i) => {
              const n = i + 1;
              const asked = question !== null && question.line === n;
              return (
                <li
                  key={n}
                  className={`${n === currentLine ? styles.current : ''} ${asked ? styles.asked : ''}`}
                  aria-current={n === currentLine ? 'step' : undefined}
                  data-line={n}
                >
                  <span className={styles.lineNo} aria-hidden="true">
                    {n}
                  </span>
                  <code>{text || ' '}</code>
                  {asked && <span className={styles.askedMark}>? </span>}
                </li>
              );
            })}
          </ol>
          <div className={styles.output}>
            <span className={styles.label}>Output</span>
            <pre data-testid="output">{output || ' '}</pre>
          </div>
        </section>

        <section className={styles.sceneColumn} aria-label="Heap">
          {view === null && failure === null && <p className={styles.status}>Opening the level…</p>}
          {view !== null && (
            <HeapSceneClient
              steps={steps}
              step={Math.max(0, step)}
              onStepChange={(i: number) => {
                setTarget(null);
                setStep(i);
              }}
              pickable={showQuestion && question?.kind === 'pick'}
              selected={selected}
              onPickObject={onPick}
              globalKeyboard
              height="min(50vh, 480px)"
            />
          )}
        </section>

        <section className={styles.askColumn} aria-live="polite">
          {failure !== null && (
            <p className={styles.error} role="alert">
              {failure}
            </p>
          )}
          {notice !== null && (
            <p className={styles.notice} role="status" data-testid="notice">
              {notice}
            </p>
          )}

          {walking && (
            <p className={styles.status}>
              Watching the program run…{' '}
              <button type="button" className={styles.linkButton} onClick={() => setStep(target!)}>
                Skip
              </button>
            </p>
          )}

          {showQuestion && question !== null && view !== null && (
            <div ref={questionRef}>
              <Question
                key={`${question.index}`}
                question={question}
                result={view.results[question.index]!}
                hint={view.hints[question.index] ?? null}
                verdict={verdict}
                busy={busy}
                picks={picks}
                onPicksChange={setPicks}
                onSubmit={submit}
                onHint={() => void send({ type: 'hint', checkpoint: question.index })}
                onGiveUp={giveUp}
              />
            </div>
          )}

          {shownReveal !== undefined && view !== null && (
            <div ref={revealRef} tabIndex={-1} className={styles.reveal} data-testid="reveal" data-correct={verdict?.correct ? 'true' : 'false'}>
              <p className={verdict?.correct ? styles.right : styles.wrong} data-testid="verdict">
                {verdict?.correct ? '✓ Right!' : '✗ Not this time.'}
              </p>
              <p>
                <span className={styles.label}>Answer</span> <AnswerText answer={shownReveal.answer} />
              </p>
              <p className={styles.explanation} data-testid="explanation">
                <RichText text={shownReveal.explanation} />
              </p>
              <button type="button" className={styles.primary} onClick={moveOn} data-testid="next-question" disabled={busy}>
                {view.finished ? 'See your score' : 'Next question'}
              </button>
            </div>
          )}

          {view !== null && view.finished && explaining === null && view.score !== null && (
            <ScoreCard view={view} next={next} path={path} />
          )}
        </section>
      </div>
    </main>
  );
}

function ScoreCard({ view, next, path }: { view: PlayView; next: NextLevel; path: string }) {
  const score = view.score!;
  return (
    <div className={styles.scoreCard} data-testid="score-card" data-score={score.score} data-stars={score.stars}>
      <h2>{score.passed ? 'Level passed' : 'Level not passed yet'}</h2>
      <Stars count={score.stars} size="large" />
      <p className={styles.bigScore}>
        <span data-testid="score">{score.score}</span> <span className={styles.muted}>points</span>
      </p>
      <ul className={styles.breakdown}>
        <li>
          Right first time: {score.firstTry} of {view.results.length}
        </li>
        <li>Hints used: {score.hintsUsed}</li>
        <li>
          Time: {formatTime(view.activeMs)} (speed bonus {score.timeBonus})
        </li>
      </ul>
      <ol className={styles.checklist}>
        {view.results.map((r, i) => (
          <li key={i}>
            {r.solved ? '✓' : '✗'} Question {i + 1}
            {r.solved && r.attempts > 1 ? ' (second try)' : ''}
            {r.hintUsed ? ' · hint' : ''}
          </li>
        ))}
      </ol>
      <div className={styles.actions}>
        {next !== null && (
          <Link className={styles.primary} href={`/play/${next.id}`} data-testid="next-level">
            Next level: {next.title}
          </Link>
        )}
        <a className={styles.secondary} href={path}>
          Play again
        </a>
        <Link className={styles.secondary} href="/play">
          Level map
        </Link>
      </div>
    </div>
  );
}
