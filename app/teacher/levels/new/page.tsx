// /teacher/levels/new#v=…&p=…: a new level from the playground program the fragment carries.
import Link from 'next/link';
import styles from '../levels.module.css';
import { EditorClient } from '../EditorClient';
import { requireTeacherPage } from '../viewer';

export const dynamic = 'force-dynamic';

export default async function NewLevel() {
  await requireTeacherPage();
  return (
    <main className={styles.page}>
      <h1>New level</h1>
      <p className={styles.muted}>
        <Link href="/teacher/levels">Your levels</Link> · <Link href="/playground">Playground</Link>
      </p>
      <EditorClient fromFragment />
    </main>
  );
}
