'use client';

// The class screen: what everyone in the room may see (lib/live/views.ts publicView). It binds
// to the session by its code alone (live:watch), so it can run on any machine at the front.
import { useState } from 'react';
import type { PublicView } from '@/lib/live';
import { answerText, Countdown, FinalStandings, Leaderboard, QuestionHeading, QuestionScene, send, SpreadChart, styles, useLiveView, useQuestionScene } from '../../live-client';

export function ClassScreen({ code }: { code: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const { view, connected } = useLiveView<PublicView>(code, async (show) => {
    const ack = await send('live:watch', { code });
    if (ack.ok) {
      setProblem(null);
      show(ack['view'] as PublicView);
    } else setProblem(ack.error);
  });
  const { phase, question: q, asked, revealed, scene, labels } = useQuestionScene(code, view);

  return (
    <main className={styles.page} data-testid="class-screen" data-phase={phase ?? 'connecting'}>
      <div className={styles.row} style={{ justifyContent: 'space-between' }}>
        <div>
          <div className={styles.muted}>Join with code</div>
          <div className={styles.code}>{view?.code ?? code}</div>
        </div>
        <span className={styles.muted}>{connected ? `${view?.participants ?? 0} players` : 'Reconnecting…'}</span>
      </div>
      {problem ? (
        <p className={styles.error} role="alert">
          {problem}
        </p>
      ) : null}

      {view && phase === 'lobby' ? (
        <section className={styles.card}>
          <h2>Lobby</h2>
          {view.lobby.length === 0 ? <p className={styles.muted}>Waiting for students to join…</p> : null}
          <ul className={styles.lobby} data-testid="screen-lobby">
            {view.lobby.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {view && q && asked ? (
        <section className={styles.card}>
          <QuestionHeading question={q} testId="screen-prompt" />
          {phase !== 'reveal' ? (
            <>
              <Countdown timing={view.timing} />
              <p className={styles.big} data-testid="screen-answered">
                {view.progress?.answered ?? 0} of {view.progress?.of ?? 0} answered
              </p>
            </>
          ) : view.reveal ? (
            <>
              <p className={styles.result} data-testid="screen-answer">
                Answer: {answerText(view.reveal.answer, labels)}
              </p>
              <SpreadChart spread={view.reveal.spread} answer={view.reveal.answer} labels={labels} />
              <Leaderboard view={view} />
            </>
          ) : null}
          <QuestionScene data={scene} revealed={revealed} />
        </section>
      ) : null}

      {view && (phase === 'podium' || phase === 'ended') ? <FinalStandings view={view} /> : null}
    </main>
  );
}
