// /teacher: a teacher's classes, each with its join code, and a form for a new one.
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentViewer, database } from '@/lib/auth/next';
import { classesOfTeacher } from '@/lib/classes/classes';
import styles from '../account.module.css';
import { Field, PostForm } from '../PostForm';

export const dynamic = 'force-dynamic';

export default async function Teacher() {
  const viewer = await currentViewer();
  if (!viewer) redirect('/login');
  if (viewer.role !== 'teacher') redirect('/me');
  const classes = await classesOfTeacher(database(), viewer);
  return (
    <main>
      <header className="top">
        <h1>Your classes</h1>
        <nav>
          <Link href="/host">Host a live session</Link> · <Link href="/account">Account</Link>
        </nav>
      </header>
      <p>Signed in as {viewer.displayName}. Students join a class with its code at <strong>/me</strong>, or when they sign up.</p>
      {classes.length === 0 ? (
        <p className={styles.muted}>No classes yet.</p>
      ) : (
        <table className={styles.table} data-testid="class-list">
          <thead>
            <tr>
              <th>Class</th>
              <th>Code</th>
              <th className={styles.num}>Students</th>
            </tr>
          </thead>
          <tbody>
            {classes.map((c) => (
              <tr key={c.id}>
                <td>
                  <Link href={`/teacher/classes/${c.id}`}>{c.name}</Link>
                </td>
                <td className={styles.code} data-testid="class-code">
                  {c.code}
                </td>
                <td className={styles.num}>{c.students}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>New class</h2>
      <div className={styles.narrow}>
        <PostForm action="/api/classes" submit="Create class" then={{ reload: true }} testId="create-class">
          <Field label="Class name" name="name" maxLength={80} />
        </PostForm>
      </div>
    </main>
  );
}
