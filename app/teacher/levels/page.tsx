// /teacher/levels: the levels you made from playground programs.
import Link from 'next/link';
import { database } from '@/lib/auth/next';
import { listTeacherLevels } from '@/lib/teacher-levels/store';
import styles from './levels.module.css';
import { requireTeacherPage } from './viewer';

export const dynamic = 'force-dynamic';

export default async function TeacherLevels() {
  const viewer = await requireTeacherPage();
  const levels = await listTeacherLevels(database(), viewer);
  return (
    <main className={styles.page}>
      <h1>Your levels</h1>
      <p className={styles.muted}>
        Make a level from any program: open the <Link href="/playground">playground</Link>, run it, and choose “Make a level from this program”. Only you see your levels; you can play them
        live with a class or assign them to your classes. <Link href="/teacher">Your classes</Link>
      </p>
      {levels.length === 0 ? (
        <p className={styles.muted}>No levels yet.</p>
      ) : (
        <table className={styles.table} data-testid="level-list">
          <tbody>
            {levels.map((l) => (
              <tr key={l.id}>
                <td>
                  <Link href={`/teacher/levels/${l.id}`}>{l.title}</Link>
                </td>
                <td>Python {l.level.profile}</td>
                <td>{l.level.checkpoints.length} checkpoint{l.level.checkpoints.length === 1 ? '' : 's'}</td>
                <td>{l.checkedWith ? `checked by CPython ${l.checkedWith}` : 'checked by the engine only'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
