// POST /api/progress/plays/:playId — one thing the player did in a play: an answer, a hint,
// or giving up on a checkpoint. The answer is judged here against the engine's key; the key
// and explanation come back only once the checkpoint is revealed.
import { json, readJson } from '@/lib/auth/http';
import { accountRoute } from '@/lib/auth/next';
import { resolvePlayer } from '@/lib/auth/player';
import { playRequestSchema } from '@/lib/progress/api';
import { actOnLevel, serverSoloDeps } from '@/lib/progress/solo';

export const POST = accountRoute<{ playId: string }>('play', async ({ request, prisma, viewer, playerCookie }, { playId }) => {
  const body = playRequestSchema.parse(await readJson(request));
  const player = await resolvePlayer(prisma, viewer, playerCookie, false);
  if (player === null) return json({ ok: false, error: 'This browser has no plays yet. Open the level from the map.' }, 404);
  const result = await actOnLevel(await serverSoloDeps(prisma, viewer), player.playerId, playId, body);
  return result.ok ? json(result) : json({ ok: false, error: result.message }, result.status);
});
