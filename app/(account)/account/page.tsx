// /account: the signed-in account's settings: leaderboard listing, password, signing out
// (here or everywhere), deleting the account.
import { redirect } from 'next/navigation';
import { PASSWORD_MIN } from '@/lib/auth/input';
import { currentViewer } from '@/lib/auth/next';
import styles from '../account.module.css';
import { Field, PostForm } from '../PostForm';

export const dynamic = 'force-dynamic';

export default async function Account() {
  const viewer = await currentViewer();
  if (!viewer) redirect('/login');
  const student = viewer.role === 'student';
  return (
    <main className={styles.narrow}>
      <h1>Your account</h1>
      <p>
        Signed in as <strong>{viewer.displayName}</strong> ({viewer.login}), {viewer.role}.
      </p>
      <PostForm action="/api/auth/signout" submit="Sign out" then={{ go: '/' }} testId="signout" />

      {student && (
        <>
          <h2>Leaderboards</h2>
          <PostForm action="/api/auth/settings" submit="Save" then={{ reload: true }} testId="optin-form">
            <label className={styles.check}>
              <input type="checkbox" name="leaderboardOptIn" defaultChecked={viewer.leaderboardOptIn} />
              Show my display name on the public leaderboards
            </label>
          </PostForm>
          <p className={styles.muted}>Your class&apos;s board shows you to your class and teacher either way.</p>
        </>
      )}

      <h2>Password</h2>
      <PostForm action="/api/auth/password" submit="Change password" then={{ reload: true }}>
        <Field label="Current password" name="current" type="password" autoComplete="current-password" />
        <Field label="New password" name="next" type="password" autoComplete="new-password" hint={`At least ${PASSWORD_MIN} characters. Other devices are signed out.`} />
      </PostForm>

      <h2>Devices</h2>
      <PostForm action="/api/auth/signout-everywhere" submit="Sign out everywhere" then={{ go: '/login' }} testId="signout-everywhere" />

      <h2>Delete account</h2>
      <p className={styles.muted}>
        {student
          ? 'Deletes your account, your progress, your scores and your class memberships. This cannot be undone.'
          : 'Deletes your account, your classes and your live-session reports. Your students keep their own accounts. This cannot be undone.'}
      </p>
      <PostForm action="/api/auth/delete" submit="Delete my account" then={{ go: '/' }} danger testId="delete-account">
        <Field label="Password, to confirm" name="password" type="password" autoComplete="current-password" />
      </PostForm>
    </main>
  );
}
