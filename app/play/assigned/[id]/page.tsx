// `/play/assigned/:id`: a teacher's level, for its author and the students of the classes it is
// assigned to; anyone else gets the page a missing level gets. It plays like any level: the
// play, under the id that names the level's revision, goes through the progress routes.
import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { AuthError } from '@/lib/auth/errors';
import { currentViewer, database } from '@/lib/auth/next';
import { levelView } from '@/lib/progress/view';
import { liveLevelId, playableTeacherLevel } from '@/lib/teacher-levels/store';
import { PlayLevel } from '../../[levelId]/PlayLevel';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Level from your teacher — HeapQuest' };

export default async function AssignedLevelPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await currentViewer();
  if (!viewer) redirect('/login');
  const record = await playableTeacherLevel(database(), viewer, id).catch((e: unknown) => {
    if (e instanceof AuthError) notFound();
    throw e;
  });
  return <PlayLevel level={levelView({ ...record.level, id: liveLevelId(record) })} path={`/play/assigned/${record.id}`} />;
}
