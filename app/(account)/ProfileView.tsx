// A student's progress as a page shows it, to the student (/me) or their teacher
// (/teacher/students/<id>): headline figures, mastery per topic, every level played, and
// live sessions.
import Link from 'next/link';
import type { Curriculum } from '@/lib/levels/curriculum';
import { levelTitles } from '@/lib/classes/curriculum';
import type { Profile } from '@/lib/classes/reports';
import styles from './account.module.css';
import { Bars, formatDuration, percent } from './charts';
import { LiveHistoryTable } from './LiveHistoryTable';

export function ProfileView({ profile, curriculum, own }: { profile: Profile; curriculum: Curriculum; own: boolean }) {
  const title = levelTitles(curriculum);
  const passed = profile.levels.filter((l) => l.passed).length;
  const total = curriculum.reduce((n, t) => n + t.levels.length, 0);
  const stars = profile.levels.reduce((n, l) => n + l.stars, 0);
  const tries = new Map(profile.firstTries.map((f) => [f.levelId, f]));
  const order = new Map(curriculum.flatMap((t) => t.levels.map((l) => l.id)).map((id, i) => [id, i]));
  const levels = [...profile.levels].sort((a, b) => (order.get(a.levelId) ?? 1e9) - (order.get(b.levelId) ?? 1e9));
  return (
    <>
      <div className={styles.cards}>
        <div className={styles.card} data-testid="streak">
          <strong>{profile.streak.current}</strong> day streak
          <div className={styles.muted}>longest {profile.streak.longest}</div>
        </div>
        <div className={styles.card} data-testid="levels-passed">
          <strong>
            {passed}/{total}
          </strong>{' '}
          levels passed
        </div>
        <div className={styles.card}>
          <strong>{stars}</strong> stars
        </div>
        <div className={styles.card}>
          <strong>{percent(profile.firstTryRate)}</strong> right at the first try
        </div>
      </div>

      <h2>Mastery by topic</h2>
      <Bars
        title="Mastery by topic (stars earned out of three per level)"
        testId="mastery-chart"
        bars={profile.topics.map((t) => ({
          label: t.title,
          value: t.mastery,
          note: `${t.passed}/${t.levels} passed${t.status === 'stuck' ? ' · stuck' : ''}`,
        }))}
      />

      <h2>Levels</h2>
      {levels.length === 0 ? (
        <p className={styles.muted}>
          No levels played yet.{own && <> <Link href="/play">Start playing</Link>.</>}
        </p>
      ) : (
        <table className={styles.table} data-testid="level-table">
          <thead>
            <tr>
              <th>Level</th>
              <th className={styles.num}>Attempts</th>
              <th className={styles.num}>First try</th>
              <th className={styles.num}>Best score</th>
              <th className={styles.num}>Stars</th>
              <th className={styles.num}>Hints</th>
              <th className={styles.num}>Time</th>
            </tr>
          </thead>
          <tbody>
            {levels.map((l) => {
              const f = tries.get(l.levelId);
              return (
                <tr key={l.levelId} data-level={l.levelId}>
                  <td>{title(l.levelId)}</td>
                  <td className={styles.num}>{l.attempts}</td>
                  <td className={styles.num}>{f && f.answered > 0 ? `${f.firstTryRight}/${f.answered}` : '–'}</td>
                  <td className={styles.num}>{l.bestScore}</td>
                  <td className={styles.num}>{'★'.repeat(l.stars) || '–'}</td>
                  <td className={styles.num}>{l.hintsUsed}</td>
                  <td className={styles.num}>{formatDuration(l.timeSpentMs)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <h2>Live sessions</h2>
      {profile.live.length === 0 ? (
        <p className={styles.muted}>No live class sessions yet.</p>
      ) : (
        <LiveHistoryTable sessions={profile.live} testId="live-history" />
      )}
    </>
  );
}
