// One player's live sessions: title, date, nickname, rank, correct answers, score.
import Link from 'next/link';
import type { LiveSessionResult } from '@/lib/classes/reports';
import styles from './account.module.css';

/** `reportLinks`: the titles link to the session's report (the teacher's view). */
export function LiveHistoryTable(props: { readonly sessions: readonly LiveSessionResult[]; readonly reportLinks?: boolean; readonly testId?: string }) {
  return (
    <table className={styles.table} data-testid={props.testId}>
      <thead>
        <tr>
          <th>Session</th>
          <th>Date</th>
          <th>As</th>
          <th className={styles.num}>Rank</th>
          <th className={styles.num}>Correct</th>
          <th className={styles.num}>Score</th>
        </tr>
      </thead>
      <tbody>
        {props.sessions.map((l) => (
          <tr key={l.sessionId}>
            <td>{props.reportLinks ? <Link href={`/host/${l.sessionId}/report`}>{l.title}</Link> : l.title}</td>
            <td>{l.at.toISOString().slice(0, 10)}</td>
            <td>{l.nickname}</td>
            <td className={styles.num}>{l.rank === null ? '–' : `${l.rank} of ${l.players}`}</td>
            <td className={styles.num}>
              {l.correct}/{l.questions}
            </td>
            <td className={styles.num}>{l.score}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
