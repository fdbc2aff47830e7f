// GET /live/scene's answer, shared by the page route and the headless test server: the heap
// scene of a running session's question, as trace steps. Up to the checkpoint while the
// question runs; through the checkpoint's line only once it has been revealed or passed.
import { sessionLevels } from '../live-store/store';
import type { LiveRuntime } from './live-context';

export async function liveScene(runtime: LiveRuntime, query: URLSearchParams): Promise<{ status: number; body: unknown }> {
  const fail = (status: number, error: string) => ({ status, body: { error } });
  const code = query.get('code') ?? '';
  const q = Number(query.get('q'));
  if (!/^\d{6}$/.test(code) || !Number.isInteger(q) || q < 0) return fail(400, 'Give a 6-digit code and a question number.');
  const { hub, levels, prisma } = runtime;
  const id = await hub.sessionIdForCode(code);
  const state = id ? await hub.state(id) : null;
  if (!id || !state) return fail(404, 'No running session has that code.');
  if (q > state.current || q >= state.playlist.length) return fail(404, 'That question has not been asked yet.');
  const revealed = q < state.current || (q === state.current && (state.phase === 'reveal' || state.phase === 'podium' || state.phase === 'ended'));
  // A teacher level is not a file: its scene comes from the level as the session stored it.
  const scene = await levels.sceneOf(state.playlist[q]!.id, revealed && query.get('after') === '1', await sessionLevels(prisma, id));
  if (!scene) return fail(404, 'This question has no scene.');
  return { status: 200, body: scene };
}
