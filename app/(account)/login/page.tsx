// /login: teachers with their email, students with their username.
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentViewer } from '@/lib/auth/next';
import styles from '../account.module.css';
import { Field, PostForm } from '../PostForm';

export const dynamic = 'force-dynamic';

export default async function Login() {
  const viewer = await currentViewer();
  if (viewer) redirect(viewer.role === 'teacher' ? '/teacher' : '/me');
  return (
    <main className={styles.narrow}>
      <h1>Sign in</h1>
      <PostForm action="/api/auth/signin" submit="Sign in" then={{ byRole: { teacher: '/teacher', student: '/me' } }} testId="signin-form">
        <Field label="Email (teachers) or username (students)" name="login" autoComplete="username" />
        <Field label="Password" name="password" type="password" autoComplete="current-password" />
      </PostForm>
      <p>
        No account yet? <Link href="/signup">Sign up</Link> · Forgot your password? <Link href="/reset">Reset it</Link>
      </p>
      <p className={styles.muted}>Signing in on this device adds what you played here without an account to your progress.</p>
    </main>
  );
}
