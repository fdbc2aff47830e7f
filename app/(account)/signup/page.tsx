// /signup: a teacher account (email) or a student account (username, optional class code).
// A student keeps everything they played on this device before signing up.
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { PASSWORD_MIN } from '@/lib/auth/input';
import { currentViewer } from '@/lib/auth/next';
import styles from '../account.module.css';
import { Field, PostForm } from '../PostForm';

export const dynamic = 'force-dynamic';

export default async function SignUp({ searchParams }: { searchParams: Promise<{ as?: string; code?: string }> }) {
  const viewer = await currentViewer();
  if (viewer) redirect(viewer.role === 'teacher' ? '/teacher' : '/me');
  const { as, code } = await searchParams;
  const teacher = as === 'teacher';
  const classCode = /^[A-Za-z0-9-]{4,10}$/.test(code ?? '') ? code!.toUpperCase() : '';
  return (
    <main className={styles.narrow}>
      <h1>Create an account</h1>
      <nav className={styles.tabs}>
        <Link href={`/signup${classCode ? `?code=${classCode}` : ''}`} aria-current={teacher ? undefined : 'page'}>
          I am a student
        </Link>
        <Link href="/signup?as=teacher" aria-current={teacher ? 'page' : undefined}>
          I am a teacher
        </Link>
      </nav>
      {teacher ? (
        <PostForm action="/api/auth/signup" submit="Create teacher account" then={{ go: '/teacher' }} extra={{ role: 'teacher' }} testId="teacher-signup">
          <Field label="Your name, as students will see it" name="displayName" autoComplete="name" maxLength={20} />
          <Field label="Email" name="email" type="email" autoComplete="email" />
          <Field label="Password" name="password" type="password" autoComplete="new-password" hint={`At least ${PASSWORD_MIN} characters.`} />
        </PostForm>
      ) : (
        <PostForm action="/api/auth/signup" submit="Create student account" then={{ go: '/me' }} extra={{ role: 'student' }} testId="student-signup">
          <Field label="Display name (shown on leaderboards if you choose)" name="displayName" maxLength={20} />
          <Field label="Username (to sign in; no email needed)" name="username" autoComplete="username" maxLength={24} />
          <Field label="Password" name="password" type="password" autoComplete="new-password" hint={`At least ${PASSWORD_MIN} characters.`} />
          <Field label="Class code (optional)" name="classCode" defaultValue={classCode} hint="The code your teacher gave you." maxLength={10} />
        </PostForm>
      )}
      <p>
        Already have an account? <Link href="/login">Sign in</Link>
      </p>
    </main>
  );
}
