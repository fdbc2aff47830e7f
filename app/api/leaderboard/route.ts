// GET /api/leaderboard?level=&period=all|week&class=&cursor=&limit= — one page of a board
// (lib/leaderboard/serve.ts says who may read which).
import { json } from '@/lib/auth/http';
import { accountRoute } from '@/lib/auth/next';
import { boardQuerySchema } from '@/lib/leaderboard/query';
import { serveBoard } from '@/lib/leaderboard/serve';

export const GET = accountRoute('leaderboard', async ({ request, prisma, viewer, playerCookie }) => {
  const q = boardQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
  return json({ ok: true, ...(await serveBoard(prisma, viewer, playerCookie, q)) });
});
