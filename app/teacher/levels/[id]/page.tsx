// /teacher/levels/<id>: one of your levels, with the answers the engine derives (you are its
// author), who checked it, and what to do with it: play it live, assign it, edit, delete.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { runProgram } from '@/engine/index';
import { AuthError } from '@/lib/auth/errors';
import { database } from '@/lib/auth/next';
import { classesOfTeacher } from '@/lib/classes/classes';
import { deriveAnswerKeys, type Answer } from '@/lib/levels/answer-key';
import { encodeShare } from '@/lib/playground/share';
import { getTeacherLevel } from '@/lib/teacher-levels/store';
import styles from '../levels.module.css';
import { requireTeacherPage } from '../viewer';

export const dynamic = 'force-dynamic';

function answerText(a: Answer): string {
  switch (a.kind) {
    case 'number':
      return String(a.value);
    case 'yesno':
      return a.value ? 'yes' : 'no';
    case 'pick':
      return a.ids.length === 0 ? 'nothing' : a.candidates.filter((c) => a.ids.includes(c.id)).map((c) => c.label).join(', ');
    case 'order':
      return a.items.join(' → ');
    case 'version':
      return a.profiles.join(', ');
  }
}

export default async function TeacherLevelPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ error?: string }> }) {
  const { id } = await params;
  const { error } = await searchParams;
  const viewer = await requireTeacherPage();
  const prisma = database();
  const record = await getTeacherLevel(prisma, viewer, id).catch((e: unknown) => {
    if (e instanceof AuthError) notFound();
    throw e;
  });
  const level = record.level;
  const key = deriveAnswerKeys(level, runProgram);
  const classes = await classesOfTeacher(prisma, viewer);
  const playground = `/playground#${await encodeShare({ program: level.program, version: level.profile, step: 0 })}`;
  return (
    <main className={styles.page}>
      <h1 data-testid="level-heading">{record.title}</h1>
      <p className={styles.muted}>
        <Link href="/teacher/levels">Your levels</Link> · Python {level.profile} · revision {record.revision} · <Link href={playground}>open in the playground</Link> ·{' '}
        <Link href={`/teacher/levels/${id}/edit`}>edit</Link>
      </p>
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
      <p className={record.checkedWith ? styles.ok : styles.muted} data-testid="checked-with">
        {record.checkedWith
          ? `Checked: CPython ${record.checkedWith} prints exactly what the engine prints.`
          : `Checked by the engine only: this server has no CPython ${level.profile} to compare with.`}
      </p>
      <pre className={styles.program}>{level.program}</pre>
      <h2>Checkpoints</h2>
      <ol data-testid="level-checkpoints">
        {level.checkpoints.map((cp, i) => (
          <li key={i}>
            <strong>Line {cp.line}</strong>
            {cp.occurrence > 1 ? ` (run ${cp.occurrence})` : ''}: {cp.question.prompt}
            <br />
            <span className={styles.muted}>
              Hint: {cp.question.hint} · Answer (from the engine): <span data-testid={`answer-${i}`}>{answerText(key.checkpoints[i]!.answer)}</span>
            </span>
          </li>
        ))}
      </ol>
      <h2>Play it live</h2>
      <form method="post" action={`/teacher/levels/${id}/host`} className={styles.row}>
        <label>
          Time per question{' '}
          <select name="timeLimit" defaultValue="60">
            {[20, 30, 45, 60, 90, 120].map((s) => (
              <option key={s} value={s}>
                {s} s
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={styles.primary} data-testid="host-level">
          Start a live session with this level
        </button>
      </form>
      <h2>Assign to your classes</h2>
      <p className={styles.muted}>
        Students of a class you assign it to find it on their level map under “From your teacher” and play it like any level:
        they see the questions, never the program’s answers before they reply. <Link href={`/play/assigned/${id}`}>Play it as they will</Link>.
      </p>
      {classes.length === 0 ? (
        <p className={styles.muted}>
          You have no classes yet. <Link href="/teacher">Create one</Link>.
        </p>
      ) : (
        <table className={styles.table} data-testid="assignments">
          <tbody>
            {classes.map((c) => {
              const assigned = record.classIds.includes(c.id);
              return (
                <tr key={c.id}>
                  <td>{c.name}</td>
                  <td>{assigned ? 'assigned' : 'not assigned'}</td>
                  <td>
                    <form method="post" action={`/teacher/levels/${id}/assign`}>
                      <input type="hidden" name="classId" value={c.id} />
                      <input type="hidden" name="assign" value={assigned ? '0' : '1'} />
                      <button type="submit">{assigned ? 'Take back' : 'Assign'}</button>
                    </form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <h2>Delete</h2>
      <form method="post" action={`/teacher/levels/${id}/delete`}>
        <button type="submit">Delete this level</button>
      </form>
    </main>
  );
}
