// GET /live/scene?code=123456&q=0[&after=1]: the heap scene of a session's question, as trace
// steps. Up to the checkpoint while the question runs; through the checkpoint's line (what
// CPython did, the reveal's animation) only once that question has been revealed or passed.
import { liveRuntime } from '@/lib/realtime/live-context';

export const dynamic = 'force-dynamic';

const fail = (status: number, error: string) => Response.json({ error }, { status, headers: { 'cache-control': 'no-store' } });

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const code = url.searchParams.get('code') ?? '';
  const q = Number(url.searchParams.get('q'));
  if (!/^\d{6}$/.test(code) || !Number.isInteger(q) || q < 0) return fail(400, 'Give a 6-digit code and a question number.');
  const { hub, levels } = liveRuntime();
  const id = await hub.sessionIdForCode(code);
  const state = id ? await hub.state(id) : null;
  if (!state) return fail(404, 'No running session has that code.');
  if (q > state.current || q >= state.playlist.length) return fail(404, 'That question has not been asked yet.');
  const revealed = q < state.current || (q === state.current && (state.phase === 'reveal' || state.phase === 'podium' || state.phase === 'ended'));
  const scene = await levels.sceneOf(state.playlist[q]!.id, revealed && url.searchParams.get('after') === '1');
  if (!scene) return fail(404, 'This question has no scene.');
  return Response.json(scene, { headers: { 'cache-control': 'no-store' } });
}
