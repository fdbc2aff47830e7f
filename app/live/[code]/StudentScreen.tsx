'use client';

// A student's live screen. On every (re)connection it rejoins with the token this browser
// kept, so a reload or a dropped network comes back as the same player, mid-question too.
// The server decides everything: this screen shows the latest view and sends one answer.
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { AnswerValue, StudentView } from '@/lib/live';
import type { QuestionView } from '@/lib/live/views';
import {
  answerText,
  Countdown,
  forgetSeat,
  Leaderboard,
  loadSeat,
  Podium,
  QuestionScene,
  send,
  SpreadChart,
  styles,
  useLiveView,
  useQuestionScene,
  type SceneData,
  type Seat,
} from '../live-client';

export function StudentScreen({ code }: { code: string }) {
  const router = useRouter();
  const [seat, setSeat] = useState<Seat | null>(null);
  const [gone, setGone] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const s = loadSeat(code);
    if (s) setSeat(s);
    else router.replace(`/join?code=${encodeURIComponent(code)}`);
  }, [code, router]);

  const leave = (message: string) => {
    forgetSeat(code);
    setGone(message);
  };
  const { view, connected } = useLiveView<StudentView>(
    seat && `${code}:${seat.token}`,
    async () => {
      if (!seat) return;
      const ack = await send('live:rejoin', { code, token: seat.token });
      if (ack.ok) return setProblem(null);
      if (ack.code === 'unknown_participant' || ack.code === 'kicked' || ack.code === 'no_session') leave(ack.error);
      else setProblem(ack.error);
    },
    (m) => {
      if (m.type === 'kicked') leave(m.message);
    },
  );
  const { phase, question: q, revealed, scene, labels } = useQuestionScene(code, view);

  const submit = async (answer: AnswerValue) => {
    if (!q) return;
    const ack = await send('live:answer', { questionId: q.id, answer });
    setProblem(ack.ok ? null : ack.error);
  };

  if (gone) {
    return (
      <main className={styles.narrow}>
        <p className={styles.error} role="alert" data-testid="gone">
          {gone}
        </p>
        <a href={`/join?code=${code}`}>Join again</a>
      </main>
    );
  }

  return (
    <main className={styles.narrow} data-testid="student-screen" data-phase={phase ?? 'connecting'}>
      <div className={styles.row} style={{ justifyContent: 'space-between' }}>
        <strong data-testid="me">{view?.me.nickname ?? seat?.nickname ?? ''}</strong>
        <span>
          <span data-testid="my-score">{view?.me.score ?? 0}</span> points
          {view?.me.rank ? (
            <>
              {' '}
              · rank <span data-testid="my-rank">{view.me.rank}</span>
            </>
          ) : null}
        </span>
      </div>
      {!connected ? <p className={styles.muted}>Reconnecting…</p> : null}
      {problem ? (
        <p className={styles.error} role="alert" data-testid="problem">
          {problem}
        </p>
      ) : null}
      {!view ? <p className={styles.muted}>Connecting…</p> : null}
      {phase === 'lobby' ? (
        <p className={styles.big} data-testid="waiting">
          You’re in! Waiting for your teacher to start…
        </p>
      ) : null}

      {view && q && (phase === 'question' || phase === 'paused' || phase === 'reveal') ? (
        <section>
          <div className={styles.muted}>
            Question {q.index + 1} of {q.total}
          </div>
          <p className={styles.prompt} data-testid="prompt">
            {q.prompt}
          </p>
          {phase !== 'reveal' ? <Countdown timing={view.timing} /> : null}
          {phase === 'paused' ? <p className={styles.muted}>Your teacher paused the question.</p> : null}
          {phase !== 'reveal' && view.me.answer === null ? (
            <AnswerInput key={q.id} question={q} labels={labels} disabled={phase !== 'question'} onSubmit={(a) => void submit(a)} scene={scene} />
          ) : null}
          {phase !== 'reveal' && view.me.answer !== null ? (
            <>
              <p className={styles.big} data-testid="locked-in">
                Locked in: {answerText(view.me.answer, labels)}
              </p>
              <QuestionScene data={scene} revealed={false} />
            </>
          ) : null}
          {phase === 'reveal' && view.reveal ? (
            <div>
              <Result view={view} labels={labels} />
              <SpreadChart spread={view.reveal.spread} answer={view.reveal.answer} labels={labels} />
              <QuestionScene data={scene} revealed />
              <h3>Top 10</h3>
              <Leaderboard view={view} me={view.me.participantId} />
            </div>
          ) : null}
        </section>
      ) : null}

      {view && (phase === 'podium' || phase === 'ended') ? (
        <section>
          <h2>{phase === 'ended' ? 'The session is over' : 'Podium'}</h2>
          <Podium view={view} me={view.me.participantId} />
          <p className={styles.big}>
            You finished {view.me.rank ? `#${view.me.rank}` : ''} with {view.me.score} points.
          </p>
          <Leaderboard view={view} me={view.me.participantId} />
        </section>
      ) : null}
    </main>
  );
}

function Result({ view, labels }: { view: StudentView; labels: ReadonlyMap<string, string> }) {
  const r = view.me.lastResult;
  const mine = r && r.questionIndex === view.reveal!.index ? r : null;
  return (
    <div data-testid="result">
      <p className={styles.result}>
        {mine === null || !mine.answered ? 'No answer this time.' : mine.correct ? 'Correct!' : mine.points > 0 ? 'Partly right.' : 'Not this time.'}
        {mine && mine.points > 0 ? <span data-testid="points"> +{mine.points} points</span> : null}
      </p>
      <p>
        The answer: <strong data-testid="right-answer">{answerText(view.reveal!.answer, labels)}</strong>
        {view.me.answer ? <> · you said {answerText(view.me.answer, labels)}</> : null}
      </p>
      <p className={styles.muted}>
        {view.reveal!.correct} of {view.reveal!.eligible} got it right. Your streak: {view.me.streak}.
      </p>
    </div>
  );
}

function AnswerInput(props: {
  question: QuestionView;
  labels: ReadonlyMap<string, string>;
  disabled: boolean;
  onSubmit: (a: AnswerValue) => void;
  scene: SceneData | null;
}) {
  const { question: q, disabled, onSubmit } = props;
  const [number, setNumber] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [order, setOrder] = useState<string[]>(q.items ? [...q.items] : []);
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));
  const move = (i: number, by: number) =>
    setOrder((o) => {
      const j = i + by;
      if (j < 0 || j >= o.length) return o;
      const next = [...o];
      [next[i], next[j]] = [next[j]!, next[i]!];
      return next;
    });

  return (
    <div>
      <QuestionScene data={props.scene} revealed={false} pickable={q.kind === 'pick'} selected={picked} onPick={q.kind === 'pick' ? toggle : undefined} />
      {q.kind === 'number' ? (
        <form
          className={styles.row}
          onSubmit={(e) => {
            e.preventDefault();
            const n = Number(number);
            if (number.trim() !== '' && Number.isFinite(n)) onSubmit({ kind: 'number', value: n });
          }}
        >
          <input className={styles.input} inputMode="numeric" value={number} onChange={(e) => setNumber(e.target.value)} aria-label="Your answer" data-testid="number-input" />
          <button className={styles.button} type="submit" disabled={disabled} data-testid="submit-answer">
            Answer
          </button>
        </form>
      ) : null}
      {q.kind === 'yesno' ? (
        <div className={styles.choices}>
          <button className={styles.choice} disabled={disabled} onClick={() => onSubmit({ kind: 'yesno', value: true })} data-testid="answer-yes">
            Yes
          </button>
          <button className={styles.choice} disabled={disabled} onClick={() => onSubmit({ kind: 'yesno', value: false })} data-testid="answer-no">
            No
          </button>
        </div>
      ) : null}
      {q.kind === 'pick' ? (
        <>
          <div className={styles.choices}>
            {(q.pickables ?? []).map((id) => (
              <button key={id} className={picked.includes(id) ? styles.chosen : styles.choice} aria-pressed={picked.includes(id)} onClick={() => toggle(id)} data-testid={`pick-${id}`}>
                {props.labels.get(id) ?? `object ${id}`}
              </button>
            ))}
          </div>
          <button className={styles.button} disabled={disabled} onClick={() => onSubmit({ kind: 'pick', value: picked })} data-testid="submit-answer">
            {picked.length ? `Answer (${picked.length} picked)` : 'Answer: none of them'}
          </button>
        </>
      ) : null}
      {q.kind === 'order' ? (
        <>
          <ol>
            {order.map((item, i) => (
              <li key={item} className={styles.row}>
                <span style={{ flex: 1 }}>{item}</span>
                <button className={styles.secondary} onClick={() => move(i, -1)} aria-label={`Move ${item} up`} disabled={i === 0}>
                  ↑
                </button>
                <button className={styles.secondary} onClick={() => move(i, 1)} aria-label={`Move ${item} down`} disabled={i === order.length - 1}>
                  ↓
                </button>
              </li>
            ))}
          </ol>
          <button className={styles.button} disabled={disabled} onClick={() => onSubmit({ kind: 'order', value: order })} data-testid="submit-answer">
            Answer
          </button>
        </>
      ) : null}
      {q.kind === 'version' ? (
        <>
          <div className={styles.choices}>
            {(q.versions ?? []).map((v) => (
              <button key={v} className={picked.includes(v) ? styles.chosen : styles.choice} aria-pressed={picked.includes(v)} onClick={() => toggle(v)} data-testid={`version-${v}`}>
                Python {v}
              </button>
            ))}
          </div>
          <button
            className={styles.button}
            disabled={disabled || picked.length === 0}
            onClick={() => onSubmit({ kind: 'version', value: picked as ('3.10' | '3.11' | '3.12' | '3.13')[] })}
            data-testid="submit-answer"
          >
            Answer
          </button>
        </>
      ) : null}
    </div>
  );
}
