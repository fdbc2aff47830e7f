// POST /host/create (the /host form): builds the playlist from the ticked checkpoints, creates
// the session under this browser's host token (created now if it has none) and opens its
// host screen. A bad form goes back to /host with the reason.
import { serverContext } from '@/lib/server-context';
import { teacherIdOf } from '@/lib/realtime/live-host';
import { liveTeacherIdOf } from '@/lib/auth/live-teacher';
import { currentViewer } from '@/lib/auth/next';
import { ensureHostToken, seeOther } from '../host-auth';

export const dynamic = 'force-dynamic';

const back = (request: Request, error: string) => seeOther(request, `/host?error=${encodeURIComponent(error)}`);

export async function POST(request: Request): Promise<Response> {
  const form = await request.formData().catch(() => null);
  if (!form) return back(request, 'The form could not be read; try again.');
  const picks: { levelId: string; checkpoint: number }[] = [];
  for (const raw of form.getAll('q')) {
    const m = typeof raw === 'string' ? /^([a-z0-9-]{1,60})#(\d{1,3})$/.exec(raw) : null;
    if (!m) return back(request, 'A picked question was not recognised; reload the page and try again.');
    picks.push({ levelId: m[1]!, checkpoint: Number(m[2]) });
  }
  const seconds = Number(form.get('timeLimit') ?? 30);
  if (!Number.isInteger(seconds) || seconds < 5 || seconds > 600) return back(request, 'Pick a time per question between 5 and 600 seconds.');
  const title = String(form.get('title') ?? '').trim().slice(0, 200) || 'Live session';
  const runtime = serverContext().live;
  let playlist;
  try {
    playlist = await runtime.levels.buildPlaylist(picks, seconds * 1000);
  } catch (error) {
    if (error instanceof Error && error.name === 'PlaylistError') return back(request, error.message);
    throw error;
  }
  const { token, setCookie } = await ensureHostToken(new URL(request.url).protocol === 'https:');
  // A signed-in teacher hosts as their account; anyone else as this browser's host token.
  const { id } = await runtime.hub.create({ teacherId: liveTeacherIdOf(await currentViewer()) ?? teacherIdOf(token), title, playlist });
  return seeOther(request, `/host/${id}`, setCookie);
}
