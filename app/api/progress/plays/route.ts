// POST /api/progress/plays {levelId} — open a level for this browser's player: resume the
// play in progress or start one. Answers with the level, the play as the player may see it
// (lib/progress/view.ts: no open key), and sets the player cookie on a first visit.
import { isSecure, json, playerCookie, readJson } from '@/lib/auth/http';
import { accountRoute } from '@/lib/auth/next';
import { resolvePlayer } from '@/lib/auth/player';
import { startRequestSchema } from '@/lib/progress/api';
import { openLevel, serverSoloDeps } from '@/lib/progress/solo';

export const POST = accountRoute('open level', async ({ request, prisma, viewer, playerCookie: cookie }) => {
  const { levelId } = startRequestSchema.parse(await readJson(request));
  const player = await resolvePlayer(prisma, viewer, cookie, true);
  const cookies = player.cookie === null ? [] : [playerCookie(player.cookie, isSecure(request))];
  const result = await openLevel(await serverSoloDeps(prisma, viewer), player.playerId, levelId);
  return result.ok ? json(result, 200, cookies) : json({ ok: false, error: result.message }, result.status, cookies);
});
