// /reset: ask for a reset link (teachers), or, with ?token=, set a new password.
import Link from 'next/link';
import { PASSWORD_MIN } from '@/lib/auth/input';
import styles from '../account.module.css';
import { Field, PostForm } from '../PostForm';

export const dynamic = 'force-dynamic';

export default async function Reset({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  return (
    <main className={styles.narrow}>
      <h1>Reset your password</h1>
      {token ? (
        <PostForm action="/api/auth/reset" submit="Set new password" then={{ message: true }} extra={{ token }} testId="reset-form">
          <Field label="New password" name="password" type="password" autoComplete="new-password" hint={`At least ${PASSWORD_MIN} characters.`} />
        </PostForm>
      ) : (
        <>
          <PostForm action="/api/auth/reset-request" submit="Send reset link" then={{ message: true }} testId="reset-request-form">
            <Field label="Your teacher account's email" name="email" type="email" autoComplete="email" />
          </PostForm>
          <p className={styles.muted}>Students: ask your teacher, who can help you make a new account; your class keeps your place.</p>
        </>
      )}
      <p>
        <Link href="/login">Back to sign in</Link>
      </p>
    </main>
  );
}
