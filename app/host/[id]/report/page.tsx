// /host/<id>/report: how the class did, question by question and student by student.
import { answerText, type QuestionReport } from '@/lib/live-store/report';
import styles from '../../../live/live.module.css';
import { reportFor } from '../../report-data';

export const dynamic = 'force-dynamic';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

function spreadText(q: QuestionReport): string {
  const s = q.spread;
  if (!s) return '';
  switch (s.kind) {
    case 'number':
      return [...s.values.map((v) => `${v.value}: ${v.count}`), ...(s.other ? [`other: ${s.other}`] : [])].join(', ');
    case 'yesno':
      return `yes: ${s.yes}, no: ${s.no}`;
    case 'pick':
      return s.picks.map((p) => `object ${p.id}: ${p.count}`).join(', ') + ` (exactly right: ${s.exact})`;
    case 'order':
      return [...s.sequences.map((x) => `${x.value.join(' → ')}: ${x.count}`), ...(s.other ? [`other: ${s.other}`] : [])].join('; ');
    case 'version':
      return s.picks.map((p) => `${p.version}: ${p.count}`).join(', ');
  }
}

export default async function Report({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const found = await reportFor(id);
  if (!found) {
    return (
      <main className={styles.narrow}>
        <h1>No report</h1>
        <p>This session does not exist, or it was hosted from another browser.</p>
      </main>
    );
  }
  const { session, report } = found;
  return (
    <main className={styles.page} data-testid="report">
      <h1>Report: {session.title}</h1>
      <p className={styles.muted}>
        {new Date(report.createdAt).toISOString().slice(0, 16).replace('T', ' ')} UTC · {report.students.length} players ·{' '}
        {report.phase === 'ended' ? 'ended' : `still ${report.phase}`} ·{' '}
        <a href={`/host/${id}/report.csv`} download data-testid="csv-link">
          Download CSV
        </a>
      </p>

      <h2>Hardest questions</h2>
      {report.hardest.length === 0 ? <p className={styles.muted}>No question was revealed.</p> : null}
      <ol data-testid="hardest">
        {report.hardest.slice(0, 5).map((q) => (
          <li key={q.id}>
            Q{q.index + 1}: {q.prompt} — {pct(q.correctRate)} right
          </li>
        ))}
      </ol>

      <h2>Questions</h2>
      <table className={styles.table} data-testid="questions">
        <thead>
          <tr>
            <th>#</th>
            <th>Question</th>
            <th>Answer</th>
            <th>Right</th>
            <th>Answered</th>
            <th>Spread</th>
          </tr>
        </thead>
        <tbody>
          {report.questions.map((q) => (
            <tr key={q.id}>
              <td>{q.index + 1}</td>
              <td style={{ whiteSpace: 'pre-wrap' }}>{q.prompt}</td>
              <td>{answerText(q.answer)}</td>
              <td>{q.status === 'revealed' ? `${q.correct} / ${q.eligible} (${pct(q.correctRate)})` : q.status}</td>
              <td>{q.answered}</td>
              <td>{spreadText(q)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Students</h2>
      <table className={styles.table} data-testid="students">
        <thead>
          <tr>
            <th>Rank</th>
            <th>Nickname</th>
            <th>Score</th>
            <th>Correct</th>
            {report.questions.map((q) => (
              <th key={q.id}>Q{q.index + 1}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.students.map((s) => (
            <tr key={s.participantId}>
              <td>{s.kicked ? 'removed' : (s.rank ?? '—')}</td>
              <td>{s.nickname}</td>
              <td>{s.score}</td>
              <td>
                {s.correct} / {s.answered}
              </td>
              {s.questions.map((r, i) => (
                <td key={i}>{r === null ? '' : !r.answered ? '—' : `${r.correct ? '✓' : '✗'} ${answerText(r.answer)} (${r.points})`}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
