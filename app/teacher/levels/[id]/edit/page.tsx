// /teacher/levels/<id>/edit: change one of your levels; a refused save keeps the saved one.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AuthError } from '@/lib/auth/errors';
import { database } from '@/lib/auth/next';
import { draftFromLevel } from '@/lib/teacher-levels/draft';
import { getTeacherLevel } from '@/lib/teacher-levels/store';
import styles from '../../levels.module.css';
import { EditorClient } from '../../EditorClient';
import { requireTeacherPage } from '../../viewer';

export const dynamic = 'force-dynamic';

export default async function EditLevel({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireTeacherPage();
  const record = await getTeacherLevel(database(), viewer, id).catch((e: unknown) => {
    if (e instanceof AuthError) notFound();
    throw e;
  });
  return (
    <main className={styles.page}>
      <h1>Edit “{record.title}”</h1>
      <p className={styles.muted}>
        <Link href={`/teacher/levels/${id}`}>Back to the level</Link>
      </p>
      <EditorClient id={id} initial={draftFromLevel(record.level)} />
    </main>
  );
}
