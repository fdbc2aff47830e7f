// POST /teacher/levels/<id>/host (form: timeLimit, title) — a live session with every checkpoint
// of one of your levels. The level is given to the playlist builder as the host's own (only such
// a build may use it), under an id that names its revision; the session is created the way
// /host/create creates one (same host identity), so the host screen opens it.
import { accountRoute } from '@/lib/auth/next';
import { teacherIdOf } from '@/lib/realtime/live-host';
import { serverContext } from '@/lib/server-context';
import { getTeacherLevel, liveLevelId } from '@/lib/teacher-levels/store';
import { currentTeacherId, ensureHostToken, seeOther } from '@/app/host/host-auth';
import { backTo } from '../../redirect';

export const dynamic = 'force-dynamic';

export const POST = accountRoute<{ id: string }>('teacher level live session', async ({ request, prisma, viewer }, { id }) => {
  const record = await getTeacherLevel(prisma, viewer, id);
  const form = await request.formData();
  const seconds = Number(form.get('timeLimit') ?? 30);
  if (!Number.isInteger(seconds) || seconds < 5 || seconds > 600) return backTo(request, `/teacher/levels/${id}`, 'Pick a time per question between 5 and 600 seconds.');
  const levelId = liveLevelId(record);
  const level = { ...record.level, id: levelId };
  const picks = level.checkpoints.map((_, checkpoint) => ({ levelId, checkpoint }));
  const runtime = serverContext().live;
  let playlist;
  try {
    playlist = await runtime.levels.buildPlaylist(picks, seconds * 1000, new Map([[levelId, level]]));
  } catch (error) {
    if (error instanceof Error && error.name === 'PlaylistError') return backTo(request, `/teacher/levels/${id}`, error.message);
    throw error;
  }
  const { token, setCookie } = await ensureHostToken(new URL(request.url).protocol === 'https:');
  const { id: sessionId } = await runtime.hub.create({ teacherId: (await currentTeacherId()) ?? teacherIdOf(token), title: record.title, playlist, levels: [level] });
  return seeOther(request, `/host/${sessionId}`, setCookie);
});
