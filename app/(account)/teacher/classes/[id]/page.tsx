// /teacher/classes/<id>: the class dashboard. Who is stuck where (topic × student), the levels
// the class finds hardest, each student's standing and live-session history. Only the
// class's own teacher gets past requireTeacherOf (inside classDashboard); anyone else gets 404.
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { AuthError } from '@/lib/auth/errors';
import { currentViewer, database } from '@/lib/auth/next';
import { levelTitles, serverCurriculum } from '@/lib/classes/curriculum';
import { classDashboard, type ClassDashboard } from '@/lib/classes/reports';
import type { TopicStatus } from '@/lib/classes/progress';
import styles from '../../../account.module.css';
import { Bars, percent } from '../../../charts';
import { LiveHistoryTable } from '../../../LiveHistoryTable';
import { RemoveStudent } from './RemoveStudent';

export const dynamic = 'force-dynamic';

const STATUS: Record<TopicStatus, { letter: string; words: string }> = {
  'not-started': { letter: '·', words: 'not started' },
  started: { letter: 'S', words: 'started' },
  stuck: { letter: '!', words: 'stuck' },
  passed: { letter: 'P', words: 'passed' },
  mastered: { letter: 'M', words: 'mastered' },
};

export default async function ClassPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await currentViewer();
  if (!viewer) redirect('/login');
  const curriculum = await serverCurriculum();
  let dashboard: ClassDashboard;
  try {
    dashboard = await classDashboard(database(), viewer, id, curriculum);
  } catch (error) {
    if (error instanceof AuthError) notFound();
    throw error;
  }
  const title = levelTitles(curriculum);
  const { students, hardest } = dashboard;
  const stuck = students.flatMap((s) => s.topics.filter((t) => t.status === 'stuck').map((t) => ({ student: s.displayName, topic: t.title, level: t.stuckOn })));

  return (
    <main>
      <header className="top">
        <div>
          <h1>{dashboard.class.name}</h1>
          <p className="tagline">
            Class code <span className={styles.code} data-testid="class-code">{dashboard.class.code}</span> · {students.length} student{students.length === 1 ? '' : 's'}
          </p>
        </div>
        <nav>
          <Link href="/teacher">All classes</Link> · <Link href={`/leaderboard?class=${dashboard.class.id}`}>Class leaderboard</Link>
        </nav>
      </header>

      {students.length === 0 ? (
        <p>No students yet. Give them the code <strong>{dashboard.class.code}</strong>: they enter it on their profile page or when they sign up.</p>
      ) : (
        <>
          <h2>Who is where</h2>
          <div className={styles.legend} aria-hidden="true">
            {Object.entries(STATUS).map(([k, v]) => (
              <span key={k}>
                <i className={styles[`s-${k}`]}>{v.letter}</i> {v.words}
              </span>
            ))}
          </div>
          <div style={{ overflowX: 'auto' }}>
            <table className={styles.grid} data-testid="topic-grid">
              <thead>
                <tr>
                  <th scope="col">Student</th>
                  {curriculum.map((t) => (
                    <th key={t.id} scope="col">
                      {t.title}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {students.map((s) => (
                  <tr key={s.accountId} data-testid="grid-row">
                    <th scope="row">{s.displayName}</th>
                    {s.topics.map((t) => (
                      <td
                        key={t.topic}
                        className={styles[`s-${t.status}`]}
                        title={`${s.displayName}, ${t.title}: ${STATUS[t.status].words}; ${t.passed}/${t.levels} levels passed, ${t.stars} stars${t.stuckOn ? `; stuck on ${title(t.stuckOn)}` : ''}`}
                      >
                        {STATUS[t.status].letter}
                        <span className={styles.sr}> {STATUS[t.status].words}</span>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {stuck.length > 0 && (
            <>
              <h2>Stuck right now</h2>
              <ul data-testid="stuck-list">
                {stuck.map((x, i) => (
                  <li key={i}>
                    {x.student} — {x.topic}
                    {x.level ? `, on “${title(x.level)}”` : ''}
                  </li>
                ))}
              </ul>
            </>
          )}

          <h2>Hardest levels for this class</h2>
          {hardest.length === 0 ? (
            <p className={styles.muted}>Nobody has played a level yet.</p>
          ) : (
            <Bars
              title="Share of checkpoints answered right at the first try"
              testId="hardest-chart"
              colour="#d55e00"
              bars={hardest.map((h) => ({
                label: title(h.levelId),
                value: h.firstTryRate ?? 0,
                note: `${percent(h.firstTryRate)} first try · ${h.passed}/${h.students} passed`,
              }))}
            />
          )}

          <h2>Students</h2>
          <table className={styles.table} data-testid="student-table">
            <thead>
              <tr>
                <th>Student</th>
                <th>Username</th>
                <th className={styles.num}>Levels passed</th>
                <th className={styles.num}>Stars</th>
                <th className={styles.num}>Streak</th>
                <th>Last played</th>
                <th className={styles.num}>Live sessions</th>
              </tr>
            </thead>
            <tbody>
              {students.map((s) => (
                <tr key={s.accountId}>
                  <td>
                    <Link href={`/teacher/students/${s.accountId}`}>{s.displayName}</Link>
                  </td>
                  <td>{s.username}</td>
                  <td className={styles.num}>{s.levelsPassed}</td>
                  <td className={styles.num}>{s.stars}</td>
                  <td className={styles.num}>{s.streak.current}</td>
                  <td>{s.lastPlayedAt ? s.lastPlayedAt.toISOString().slice(0, 10) : '–'}</td>
                  <td className={styles.num}>{s.live.length}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <h2>Live-session history</h2>
          {students.map((s) => (
            <details key={s.accountId} className={styles.student}>
              <summary>
                {s.displayName} — {s.live.length === 0 ? 'no live sessions of yours yet' : `${s.live.length} session${s.live.length === 1 ? '' : 's'}`}
              </summary>
              {s.live.length > 0 && (
                <LiveHistoryTable sessions={s.live} reportLinks />
              )}
              <RemoveStudent classId={dashboard.class.id} studentId={s.accountId} name={s.displayName} />
            </details>
          ))}
        </>
      )}
    </main>
  );
}
