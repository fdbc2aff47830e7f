'use client';

// The host's live screen: join code, link and QR in the lobby; the question with its scene,
// countdown and who is still missing; the reveal with the class's spread and the leaderboard;
// the podium. Every button sends one command; the server's views decide what is shown.
import { useState } from 'react';
import type { TeacherView } from '@/lib/live';
import {
  answerText,
  Countdown,
  FinalStandings,
  Leaderboard,
  QuestionHeading,
  QuestionScene,
  send,
  SpreadChart,
  styles,
  useLiveView,
  useQuestionScene,
} from '../../live/live-client';

export function HostScreen(props: { sessionId: string; title: string; code: string; joinUrl: string; qrSvg: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const { view, connected } = useLiveView<TeacherView>(props.sessionId, async (show) => {
    const ack = await send('live:host', { sessionId: props.sessionId });
    if (ack.ok) show(ack['view'] as TeacherView);
    else setProblem(ack.error);
  });

  const command = async (name: string, payload: object = {}) => {
    const ack = await send(`live:${name}`, payload);
    setProblem(ack.ok ? null : ack.error);
  };

  const { phase, question: q, asked, revealed, scene, labels } = useQuestionScene(props.code, view);
  const active = view?.roster.filter((r) => !r.kicked && r.presence !== 'left') ?? [];

  return (
    <main className={styles.page} data-testid="host-screen" data-phase={phase ?? 'connecting'}>
      <div className={styles.row} style={{ justifyContent: 'space-between' }}>
        <h1>{props.title}</h1>
        <span className={styles.muted}>{connected ? `${active.length} players` : 'Reconnecting…'}</span>
      </div>
      {problem ? (
        <p className={styles.error} role="alert">
          {problem}
        </p>
      ) : null}
      {!view ? <p className={styles.muted}>Connecting to the session…</p> : null}

      {view && phase !== 'ended' && phase !== 'podium' ? (
        <section className={styles.row}>
          <div>
            <div className={styles.muted}>Join at {props.joinUrl.replace(/\?.*$/, '')} with code</div>
            <div className={styles.code} data-testid="join-code">
              {props.code}
            </div>
            <a href={props.joinUrl} data-testid="join-link">
              {props.joinUrl}
            </a>
            <div>
              <a href={`/live/${props.code}/screen`} target="_blank" rel="noopener" data-testid="screen-link">
                Open the class screen
              </a>{' '}
              <span className={styles.muted}>for a projector: no controls, no answers before the reveal</span>
            </div>
          </div>
          {phase === 'lobby' ? <div className={styles.qr} data-testid="join-qr" aria-label="QR code of the join link" dangerouslySetInnerHTML={{ __html: props.qrSvg }} /> : null}
        </section>
      ) : null}

      {view && phase === 'lobby' ? (
        <section className={styles.card}>
          <div className={styles.row}>
            <button className={styles.button} data-testid="start" disabled={active.length === 0} onClick={() => void command('start')}>
              Start ({view.questionCount} questions)
            </button>
            <button className={styles.secondary} data-testid="lock" onClick={() => void command(view.locked ? 'unlock' : 'lock')}>
              {view.locked ? 'Unlock joining' : 'Lock joining'}
            </button>
          </div>
          <h2>Lobby</h2>
          {active.length === 0 ? <p className={styles.muted}>Waiting for students to join…</p> : null}
          <ul className={styles.lobby} data-testid="lobby">
            {active.map((p) => (
              <li key={p.id} className={p.presence === 'offline' ? styles.offline : undefined}>
                {p.nickname}
                <button className={styles.kick} aria-label={`Remove ${p.nickname}`} onClick={() => void command('kick', { participantId: p.id })}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {view && q && asked ? (
        <section className={styles.grid}>
          <div className={styles.card}>
            <QuestionHeading question={q} testId="host-prompt" />
            {phase !== 'reveal' ? <Countdown timing={view.timing} /> : null}
            <QuestionScene data={scene} revealed={revealed} />
          </div>
          <div className={styles.card}>
            {phase !== 'reveal' ? (
              <>
                <p className={styles.big} data-testid="answered-count">
                  {view.progress?.answered ?? 0} of {view.progress?.of ?? 0} answered
                </p>
                <div className={styles.row}>
                  {phase === 'question' ? (
                    <button className={styles.secondary} data-testid="pause" onClick={() => void command('pause')}>
                      Pause
                    </button>
                  ) : (
                    <button className={styles.secondary} data-testid="resume" onClick={() => void command('resume')}>
                      Resume
                    </button>
                  )}
                  <button className={styles.secondary} data-testid="add-time" onClick={() => void command('addTime', { ms: 15_000 })}>
                    +15 s
                  </button>
                  <button className={styles.secondary} data-testid="reveal" onClick={() => void command('reveal', { questionIndex: q.index })}>
                    Reveal now
                  </button>
                  <button className={styles.secondary} data-testid="skip" onClick={() => void command('skip', { questionIndex: q.index })}>
                    Skip
                  </button>
                </div>
                <h3>Still thinking</h3>
                <ul className={styles.lobby} data-testid="missing">
                  {view.missing.map((p) => (
                    <li key={p.id}>{p.nickname}</li>
                  ))}
                </ul>
              </>
            ) : view.reveal ? (
              <>
                <p className={styles.result} data-testid="host-answer">
                  Answer: {answerText(view.reveal.answer, labels)}
                </p>
                <p>
                  {view.reveal.correct} of {view.reveal.eligible} right ({view.reveal.answered} answered)
                </p>
                <SpreadChart spread={view.reveal.spread} answer={view.reveal.answer} labels={labels} />
                <button className={styles.button} data-testid="next" onClick={() => void command('next', { questionIndex: q.index })}>
                  {q.index + 1 < q.total ? 'Next question' : 'Show the podium'}
                </button>
                <h3>Leaderboard</h3>
                <Leaderboard view={view} />
              </>
            ) : null}
          </div>
        </section>
      ) : null}

      {view && (phase === 'podium' || phase === 'ended') ? (
        <FinalStandings view={view}>
          <p>
            <a href={`/host/${props.sessionId}/report`} data-testid="report-link">
              Report
            </a>
          </p>
        </FinalStandings>
      ) : null}

      {view && phase !== 'ended' ? (
        <p>
          <button className={styles.danger} data-testid="end" onClick={() => (confirm('End the session for everyone?') ? void command('end') : undefined)}>
            End session
          </button>
        </p>
      ) : null}
    </main>
  );
}
