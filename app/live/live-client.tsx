'use client';

// What the host's and the students' live screens share: one Socket.io connection per tab
// (kept across client-side navigation, so /join hands its bound socket to /live/<code>), the
// countdown, the scene of the current question, and the reveal's pieces (answer, spread,
// leaderboard, podium).
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { TraceStep } from '@/engine/trace';
import type { AnswerValue, PublicView, ServerMessage, StudentView, TeacherView } from '@/lib/live';
import type { QuestionView, Timing } from '@/lib/live/views';
import type { Spread } from '@/lib/live/state';
import { HeapSceneClient } from '../HeapSceneClient';
import styles from './live.module.css';

export { styles };

let shared: Socket | null = null;

/** The tab's one connection; socket.io-client reconnects it by itself after a network loss. */
export function liveSocket(): Socket {
  shared ??= io({ transports: ['websocket', 'polling'], reconnectionDelayMax: 3_000 });
  return shared;
}

export type Ack = ({ ok: true } & Record<string, unknown>) | { ok: false; error: string; code?: string };

export function send(event: string, payload: object = {}): Promise<Ack> {
  return liveSocket()
    .timeout(8_000)
    .emitWithAck(event, payload)
    .catch(() => ({ ok: false as const, error: 'The server did not answer. Check your connection and try again.' })) as Promise<Ack>;
}

/** What a student's browser keeps to come back as the same player after a reload. */
export interface Seat {
  readonly token: string;
  readonly participantId: string;
  readonly nickname: string;
}
const seatKey = (code: string) => `heapquest.live.${code}`;
export function loadSeat(code: string): Seat | null {
  try {
    const raw = localStorage.getItem(seatKey(code));
    return raw ? (JSON.parse(raw) as Seat) : null;
  } catch {
    return null;
  }
}
export function saveSeat(code: string, seat: Seat): void {
  localStorage.setItem(seatKey(code), JSON.stringify(seat));
}
export function forgetSeat(code: string): void {
  localStorage.removeItem(seatKey(code));
}

type AnyView = TeacherView | StudentView | PublicView;

/**
 * The newest view, with the moment it arrived (the countdown runs from there on this
 * machine's monotonic clock; the wall clock is never read). Deltas update it in place.
 */
export function applyMessage<V extends AnyView>(view: V | null, m: ServerMessage): V | null {
  switch (m.type) {
    case 'view': {
      const next = m.view as V;
      if (view && next.sessionId === view.sessionId && next.seq < view.seq) return view;
      return next;
    }
    case 'timing':
      if (!view || view.question?.id !== m.questionId) return view;
      return { ...view, timing: m.timing };
    case 'progress':
      if (!view || view.question?.id !== m.questionId) return view;
      if (view.role === 'teacher') {
        const missing = m.participantId ? view.missing.filter((p) => p.id !== m.participantId) : view.missing;
        const roster = m.participantId ? view.roster.map((r) => (r.id === m.participantId ? { ...r, answered: true } : r)) : view.roster;
        return { ...view, progress: m.progress, missing, roster };
      }
      return { ...view, progress: m.progress };
    case 'roster': {
      if (!view || view.role !== 'teacher') return view;
      const p = m.participant;
      const known = view.roster.some((r) => r.id === p.id);
      const roster = known ? view.roster.map((r) => (r.id === p.id ? p : r)) : [...view.roster, p];
      const open = view.phase === 'question' || view.phase === 'paused';
      const stillIn = !p.kicked && p.presence !== 'left';
      let missing = view.missing.filter((x) => x.id !== p.id);
      if (open && stillIn && !p.answered) missing = [...missing, { id: p.id, nickname: p.nickname }];
      return { ...view, roster, missing, participants: m.participants };
    }
    case 'answered':
      if (!view || view.role !== 'student') return view;
      return { ...view, me: { ...view.me, answer: m.answer } };
    default:
      return view;
  }
}

/** Milliseconds left, counted down from when the timing arrived; null when no question runs. */
export function useCountdown(timing: Timing | null): number | null {
  const [left, setLeft] = useState<number | null>(null);
  const received = useRef<{ timing: Timing; at: number } | null>(null);
  useEffect(() => {
    received.current = timing ? { timing, at: performance.now() } : null;
    const update = () => {
      const r = received.current;
      if (!r) return setLeft(null);
      setLeft(r.timing.paused ? r.timing.remainingMs : Math.max(0, r.timing.remainingMs - (performance.now() - r.at)));
    };
    update();
    const id = setInterval(update, 200);
    return () => clearInterval(id);
  }, [timing]);
  return left;
}

export function Countdown({ timing }: { timing: Timing | null }) {
  const left = useCountdown(timing);
  if (left === null || !timing) return null;
  const total = timing.limitMs + timing.addedMs;
  const share = total > 0 ? Math.max(0, Math.min(1, left / total)) : 0;
  return (
    <div className={styles.countdown} data-testid="countdown" role="timer" aria-label={`${Math.ceil(left / 1000)} seconds left`}>
      <span className={styles.seconds}>{timing.paused ? 'Paused' : `${Math.ceil(left / 1000)} s`}</span>
      <span className={styles.bar}>
        <span style={{ width: `${share * 100}%` }} />
      </span>
    </div>
  );
}

export interface SceneData {
  readonly scene: { levelId: string; title: string; program: string; line: number; before: number; after: number; candidates: { id: string; label: string }[] };
  readonly steps: TraceStep[];
}

/**
 * One screen's live connection. `attach` runs on every (re)connection of the tab's socket (it
 * (re)joins and may show the view the server acknowledged with); every `live` message updates
 * the view, after `onMessage` has seen it. A new `seat` (what is joined) subscribes afresh;
 * null: nothing to join yet.
 */
export function useLiveView<V extends AnyView>(
  seat: string | null,
  attach: (show: (view: V) => void) => Promise<void>,
  onMessage?: (m: ServerMessage) => void,
): { view: V | null; connected: boolean } {
  const [view, setView] = useState<V | null>(null);
  const [connected, setConnected] = useState(false);
  // The latest callbacks, so the subscription lives exactly as long as there is something to join.
  const latest = useRef({ attach, onMessage });
  useEffect(() => {
    latest.current = { attach, onMessage };
  });
  useEffect(() => {
    if (seat === null) return;
    const socket = liveSocket();
    const show = (v: V) => setView((old) => applyMessage(old, { type: 'view', view: v }));
    const onConnect = () => {
      setConnected(true);
      void latest.current.attach(show);
    };
    const onLive = (m: ServerMessage) => {
      latest.current.onMessage?.(m);
      setView((v) => applyMessage(v, m));
    };
    const onDisconnect = () => setConnected(false);
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    socket.on('live', onLive);
    if (socket.connected) onConnect();
    return () => {
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('live', onLive);
    };
  }, [seat]);
  return { view, connected };
}

/**
 * The current question of a view, its scene and the labels of the scene's candidate objects;
 * `asked`: a question is on screen (running, paused or revealed).
 */
export function useQuestionScene(code: string, view: AnyView | null) {
  const phase = view?.phase;
  const question = view?.question ?? null;
  const revealed = phase === 'reveal';
  const asked = question !== null && (phase === 'question' || phase === 'paused' || revealed);
  const scene = useScene(question ? code : null, question?.index ?? null, revealed);
  const labels = useMemo(() => new Map((scene?.scene.candidates ?? []).map((c) => [c.id, c.label])), [scene]);
  return { phase, question, asked, revealed, scene, labels };
}

/** "Question 2 of 5" and the prompt. */
export function QuestionHeading({ question, testId }: { question: QuestionView; testId: string }) {
  return (
    <>
      <div className={styles.muted}>
        Question {question.index + 1} of {question.total}
      </div>
      <p className={styles.prompt} data-testid={testId}>
        {question.prompt}
      </p>
    </>
  );
}

/** The question's heap scene: up to the checkpoint while the question runs, through its line after the reveal. */
export function useScene(code: string | null, questionIndex: number | null, revealed: boolean): SceneData | null {
  const [data, setData] = useState<SceneData | null>(null);
  useEffect(() => {
    if (code === null || questionIndex === null) {
      setData(null);
      return;
    }
    let stale = false;
    fetch(`/live/scene?code=${encodeURIComponent(code)}&q=${questionIndex}${revealed ? '&after=1' : ''}`)
      .then((r) => (r.ok ? (r.json() as Promise<SceneData>) : null))
      .then((d) => !stale && setData(d))
      .catch(() => !stale && setData(null));
    return () => {
      stale = true;
    };
  }, [code, questionIndex, revealed]);
  return data;
}

/** The scene; after the reveal it plays from the checkpoint to the end of the line once. */
export function QuestionScene(props: {
  data: SceneData | null;
  revealed: boolean;
  pickable?: boolean;
  selected?: readonly string[];
  onPick?: (id: string) => void;
}) {
  const { data, revealed } = props;
  const [step, setStep] = useState(0);
  const steps = data?.steps ?? [];
  useEffect(() => {
    if (!data) return;
    const last = data.steps.length - 1;
    if (!revealed) {
      setStep(Math.max(0, last));
      return;
    }
    let i = Math.max(0, data.scene.before - 1);
    setStep(i);
    const id = setInterval(() => {
      i = Math.min(last, i + 1);
      setStep(i);
      if (i >= last) clearInterval(id);
    }, 900);
    return () => clearInterval(id);
  }, [data, revealed]);
  const selected = useMemo(() => (props.selected ?? []).map(Number), [props.selected]);
  if (!data) return <p className={styles.muted}>Loading the scene…</p>;
  return (
    <div className={styles.scene}>
      <pre className={styles.program} data-testid="live-program">
        {data.scene.program.replace(/\n$/, '').split('\n').map((line, i) => (
          <div key={i} className={i + 1 === data.scene.line ? `${styles.line} ${styles.current}` : styles.line}>
            {`${String(i + 1).padStart(2)}  ${line}`}
          </div>
        ))}
      </pre>
      {steps.length === 0 ? (
        <p className={styles.muted}>Nothing has run yet: the question stops before line {data.scene.line}.</p>
      ) : (
        <HeapSceneClient
          steps={steps}
          step={Math.min(step, steps.length - 1)}
          onStepChange={setStep}
          controls={revealed}
          pickable={props.pickable}
          selected={selected}
          onPickObject={props.onPick ? (id) => props.onPick!(String(id)) : undefined}
          height="320px"
        />
      )}
    </div>
  );
}

export function answerText(a: AnswerValue | null, labels?: ReadonlyMap<string, string>): string {
  if (a === null) return '—';
  switch (a.kind) {
    case 'number':
      return String(a.value);
    case 'yesno':
      return a.value ? 'Yes' : 'No';
    case 'pick':
      return a.value.length ? a.value.map((id) => labels?.get(id) ?? `object ${id}`).join(', ') : 'nothing';
    case 'order':
      return a.value.join(' → ');
    case 'version':
      return a.value.join(', ');
  }
}

/** The class's answers as bars: values for numbers, picks per object, sequences for orders. */
export function SpreadChart({ spread, answer, labels }: { spread: Spread; answer: AnswerValue; labels?: ReadonlyMap<string, string> }) {
  let bars: { label: string; count: number; right: boolean }[];
  switch (spread.kind) {
    case 'number':
      bars = spread.values.map((v) => ({ label: String(v.value), count: v.count, right: answer.kind === 'number' && v.value === answer.value }));
      if (spread.other) bars.push({ label: 'other', count: spread.other, right: false });
      break;
    case 'yesno':
      bars = [
        { label: 'Yes', count: spread.yes, right: answer.value === true },
        { label: 'No', count: spread.no, right: answer.value === false },
      ];
      break;
    case 'pick': {
      const key = new Set(answer.kind === 'pick' ? answer.value : []);
      bars = spread.picks.map((p) => ({ label: labels?.get(p.id) ?? `object ${p.id}`, count: p.count, right: key.has(p.id) }));
      break;
    }
    case 'order':
      bars = spread.sequences.map((s) => ({ label: s.value.join(' → '), count: s.count, right: answerText(answer) === s.value.join(' → ') }));
      if (spread.other) bars.push({ label: 'other orders', count: spread.other, right: false });
      break;
    case 'version': {
      const key = new Set(answer.kind === 'version' ? answer.value : []);
      bars = spread.picks.map((p) => ({ label: p.version, count: p.count, right: key.has(p.version as never) }));
      break;
    }
  }
  const max = Math.max(1, ...bars.map((b) => b.count));
  return (
    <div className={styles.spread} data-testid="spread" aria-label="How the class answered">
      {bars.map((b, i) => (
        <div key={i} className={styles.spreadRow}>
          <span className={styles.spreadLabel}>
            {b.right ? '✓ ' : ''}
            {b.label}
          </span>
          <span className={styles.spreadBar}>
            <span className={b.right ? styles.right : styles.wrong} style={{ width: `${(b.count / max) * 100}%` }} />
          </span>
          <span className={styles.spreadCount}>{b.count}</span>
        </div>
      ))}
    </div>
  );
}

export function Leaderboard({ view, me }: { view: AnyView; me?: string }) {
  if (!view.leaderboard) return null;
  return (
    <ol className={styles.leaderboard} data-testid="leaderboard">
      {view.leaderboard.top.map((e) => (
        <li key={e.participantId} className={e.participantId === me ? styles.mine : undefined}>
          <span className={styles.rank}>{e.rank}</span>
          <span className={styles.name}>{e.nickname}</span>
          <span className={styles.score}>{e.score}</span>
        </li>
      ))}
    </ol>
  );
}

/** The front of the room once the questions are done: podium and leaderboard (and what the screen adds). */
export function FinalStandings({ view, children }: { view: AnyView; children?: ReactNode }) {
  return (
    <section className={styles.card}>
      <h2>{view.phase === 'ended' ? 'Session over' : 'Podium'}</h2>
      <Podium view={view} />
      <Leaderboard view={view} />
      {children}
    </section>
  );
}

export function Podium({ view, me }: { view: AnyView; me?: string }) {
  if (!view.podium) return null;
  return (
    <div className={styles.podium} data-testid="podium">
      {view.podium.map((e) => (
        <div key={e.participantId} className={`${styles.place} ${styles[`place${Math.min(e.rank, 3)}`] ?? ''} ${e.participantId === me ? styles.mine : ''}`}>
          <span className={styles.rank}>{e.rank === 1 ? '🥇' : e.rank === 2 ? '🥈' : e.rank === 3 ? '🥉' : e.rank}</span>
          <span className={styles.name}>{e.nickname}</span>
          <span className={styles.score}>{e.score}</span>
        </div>
      ))}
    </div>
  );
}
