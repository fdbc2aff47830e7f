// /host: a teacher builds a session from level checkpoints and starts it. Each checkpoint is a
// live question whose key the engine computes (lib/live-store/playlist.ts).
import Link from 'next/link';
import { sessionsOf } from '@/lib/live-store/store';
import { serverContext } from '@/lib/server-context';
import styles from '../live/live.module.css';
import { currentTeacherId } from './host-auth';

export const dynamic = 'force-dynamic';

const KIND_WORDS: Record<string, string> = { number: 'number', yesno: 'yes/no', pick: 'pick objects', order: 'order', version: 'which version' };

export default async function HostHome({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const runtime = serverContext().live;
  const levels = await runtime.levels.catalogue();
  const teacherId = await currentTeacherId();
  const past = teacherId ? await sessionsOf(serverContext().prisma, teacherId, 20) : [];
  return (
    <main className={styles.page}>
      <h1>Host a live session</h1>
      <p className={styles.muted}>Tick the questions to play, in the order shown. Students join with a code on their own devices; no accounts needed.</p>
      {error ? (
        <p className={styles.error} role="alert">
          {error}
        </p>
      ) : null}
      <form method="post" action="/host/create" className={styles.levels}>
        <div className={styles.row}>
          <label>
            Title <input className={styles.input} name="title" defaultValue="Memory quiz" maxLength={200} />
          </label>
          <label>
            Time per question{' '}
            <select className={styles.input} name="timeLimit" defaultValue="30">
              {[10, 20, 30, 45, 60, 90, 120].map((s) => (
                <option key={s} value={s}>
                  {s} s
                </option>
              ))}
            </select>
          </label>
          <button className={styles.button} type="submit" data-testid="create-session">
            Create session
          </button>
        </div>
        {levels.map((level) => (
          <fieldset key={level.id}>
            <legend>
              {level.title} <span className={styles.muted}>({level.topic}, difficulty {level.difficulty})</span>
            </legend>
            {level.checkpoints.map((cp) => (
              <label key={cp.index} style={{ display: 'block' }}>
                <input type="checkbox" name="q" value={`${level.id}#${cp.index}`} data-testid={`pick-${level.id}-${cp.index}`} /> {cp.prompt}{' '}
                <span className={styles.muted}>({KIND_WORDS[cp.kind] ?? cp.kind})</span>
              </label>
            ))}
          </fieldset>
        ))}
      </form>
      {past.length > 0 ? (
        <section>
          <h2>Your sessions</h2>
          <ul>
            {past.map((s) => (
              <li key={s.id}>
                {s.title} — {s.createdAt.toISOString().slice(0, 16).replace('T', ' ')} — {s.endedAt ? 'ended' : s.phase}{' '}
                {s.endedAt ? <Link href={`/host/${s.id}/report`}>report</Link> : <Link href={`/host/${s.id}`}>open</Link>}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
