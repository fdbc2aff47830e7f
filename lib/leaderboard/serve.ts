// One board page for a viewer, with the access checks: what the leaderboard route and page
// both serve. Public boards list opted-in accounts by display name; a class board is open to
// the class's teacher and students only. Player ids never leave: rows say only whether they
// are the viewer's own.
import type { PrismaClient } from '../db/client';
import { requireMemberOrTeacherOf } from '../auth/permissions';
import { resolvePlayer } from '../auth/player';
import type { SignedIn } from '../auth/sessions';
import { studentsOfClass } from '../classes/classes';
import { readBoard, type BoardPage, type BoardRow, type Scope } from './boards';
import type { BoardQueryInput } from './query';

export interface ServedRow extends Omit<BoardRow, 'playerId'> {
  readonly me: boolean;
}

export interface ServedBoard {
  readonly rows: readonly ServedRow[];
  readonly next: string | null;
  readonly me: BoardPage['me'];
  readonly className: string | null;
}

export async function serveBoard(prisma: PrismaClient, viewer: SignedIn | null, playerCookie: string | null, q: BoardQueryInput, now = new Date()): Promise<ServedBoard> {
  let scope: Scope = { kind: 'public' };
  let className: string | null = null;
  if (q.class) {
    const klass = await requireMemberOrTeacherOf(prisma, viewer, q.class);
    className = klass.name;
    scope = { kind: 'players', playerIds: (await studentsOfClass(prisma, klass.id)).flatMap((s) => (s.playerId ? [s.playerId] : [])) };
  }
  const me = await resolvePlayer(prisma, viewer, playerCookie, false);
  const page = await readBoard(prisma, {
    board: q.level ? { kind: 'level', levelId: q.level } : { kind: 'overall' },
    period: q.period,
    scope,
    limit: q.limit,
    cursor: q.cursor,
    me: me?.playerId,
    now,
  });
  return {
    rows: page.rows.map(({ playerId, ...row }) => ({ ...row, me: playerId === me?.playerId })),
    next: page.next,
    me: page.me,
    className,
  };
}
