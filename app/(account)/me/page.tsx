// /me: a student's own progress, streak and classes. Without an account it shows what this
// device played anonymously, and offers to keep it in an account.
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { currentPlayerCookie, currentViewer, database } from '@/lib/auth/next';
import { resolvePlayer } from '@/lib/auth/player';
import { classesOfStudent } from '@/lib/classes/classes';
import { serverCurriculum } from '@/lib/classes/curriculum';
import { profileOf } from '@/lib/classes/reports';
import styles from '../account.module.css';
import { Field, PostForm } from '../PostForm';
import { ProfileView } from '../ProfileView';

export const dynamic = 'force-dynamic';

export default async function Me() {
  const prisma = database();
  const viewer = await currentViewer();
  if (viewer?.role === 'teacher') redirect('/teacher');
  const player = await resolvePlayer(prisma, viewer, await currentPlayerCookie(), false);
  const curriculum = await serverCurriculum();
  const profile = player ? await profileOf(prisma, player.playerId, curriculum) : null;
  const classes = viewer ? await classesOfStudent(prisma, viewer) : [];
  return (
    <main>
      <header className="top">
        <div>
          <h1>{viewer ? viewer.displayName : 'Your progress'}</h1>
          <p className="tagline">{viewer ? `Signed in as ${viewer.login}` : 'Playing without an account on this device'}</p>
        </div>
        <nav>
          <Link href="/play">Play</Link> · <Link href="/leaderboard">Leaderboards</Link> · {viewer ? <Link href="/account">Account</Link> : <Link href="/login">Sign in</Link>}
        </nav>
      </header>

      {!viewer && (
        <p data-testid="keep-progress">
          <Link href="/signup">Create an account</Link> to keep this progress on every device and join your class. Already have one? <Link href="/login">Sign in</Link>: what
          you played here is added to it.
        </p>
      )}

      {profile ? <ProfileView profile={profile} curriculum={curriculum} own /> : <p className={styles.muted}>Nothing played yet on this device.</p>}

      {viewer && (
        <>
          <h2>Your classes</h2>
          {classes.length === 0 ? (
            <p className={styles.muted}>You are not in a class yet.</p>
          ) : (
            <ul data-testid="my-classes">
              {classes.map((c) => (
                <li key={c.id}>
                  {c.name} ({c.teacherName}) · <Link href={`/leaderboard?class=${c.id}`}>class leaderboard</Link>
                </li>
              ))}
            </ul>
          )}
          <div className={styles.narrow}>
            <PostForm action="/api/classes/join" submit="Join class" then={{ reload: true }} testId="join-class">
              <Field label="Class code from your teacher" name="code" maxLength={10} />
            </PostForm>
          </div>
        </>
      )}
    </main>
  );
}
