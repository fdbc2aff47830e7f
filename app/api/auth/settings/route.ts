// POST /api/auth/settings — the account's own settings (for now: listed on public leaderboards).
import { z } from 'zod';
import { setLeaderboardOptIn } from '@/lib/auth/accounts';
import { json, readJson } from '@/lib/auth/http';
import { accountRoute } from '@/lib/auth/next';
import { requireSignedIn } from '@/lib/auth/permissions';

const body = z.strictObject({ leaderboardOptIn: z.boolean() });

export const POST = accountRoute('settings', async ({ request, prisma, viewer }) => {
  const account = requireSignedIn(viewer);
  const { leaderboardOptIn } = body.parse(await readJson(request));
  await setLeaderboardOptIn(prisma, account.accountId, leaderboardOptIn);
  return json({ ok: true, leaderboardOptIn });
});
