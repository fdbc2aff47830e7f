// /join: a code and a nickname. No account: the server hands back a secret token that this
// browser keeps, to come back as the same player after a reload or a lost connection.
import styles from '../live/live.module.css';
import { JoinForm } from './JoinForm';

export const dynamic = 'force-dynamic';

export default async function Join({ searchParams }: { searchParams: Promise<{ code?: string }> }) {
  const { code } = await searchParams;
  return (
    <main className={styles.narrow}>
      <h1>Join a live session</h1>
      <JoinForm initialCode={/^\d{6}$/.test(code ?? '') ? code! : ''} />
    </main>
  );
}
