// Reading the leaderboards: per level or overall, all time or this week, public (opted-in
// accounts only) or among a set of players (a class). Pages are keyset-paginated on
// (rank_key, player_id), so page 500 costs what page 1 costs: one index range read plus one
// index-only count for the first row's rank. Ranks are competition ranks: equal score and
// time share a place.
import type { PrismaClient } from '../db/client';
import { assignRanks, weekOf } from './rank';

export type Period = 'all' | 'week';
export type Board = { readonly kind: 'level'; readonly levelId: string } | { readonly kind: 'overall' };
/** Public: accounts that opted in. Players: exactly these (a class's students), no opt-in needed. */
export type Scope = { readonly kind: 'public' } | { readonly kind: 'players'; readonly playerIds: readonly string[] };

export const PAGE_SIZE_MAX = 100;

export interface BoardQuery {
  readonly board: Board;
  readonly period: Period;
  readonly scope: Scope;
  readonly limit: number;
  readonly cursor?: string | null;
  /** Whose own place to report beside the page. */
  readonly me?: string | null;
  readonly now?: Date;
}

export interface BoardRow {
  readonly rank: number;
  readonly playerId: string;
  readonly displayName: string;
  readonly score: number;
  readonly elapsedMs: number;
}

export interface BoardPage {
  readonly rows: readonly BoardRow[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  readonly next: string | null;
  /** The viewer's place (among the listed players on a public board), or null if they have none. */
  readonly me: { readonly rank: number; readonly score: number; readonly elapsedMs: number; readonly listed: boolean } | null;
}

interface KeyRow {
  readonly playerId: string;
  readonly score: number;
  readonly elapsedMs: number;
  readonly rankKey: bigint;
  readonly listed: boolean;
}

/**
 * Where the next page starts: after `skip` rows of rank key `rankKey` (ordered by player id)
 * and before every lower key. It names no player: player ids are identities, never shown.
 */
export interface Cursor {
  readonly rankKey: bigint;
  readonly skip: number;
}

const CURSOR = /^(\d{1,19})\.(\d{1,9})$/;

export function encodeCursor(c: Cursor): string {
  return `${c.rankKey}.${c.skip}`;
}

export function decodeCursor(cursor: string): Cursor | null {
  const m = CURSOR.exec(cursor);
  return m ? { rankKey: BigInt(m[1]!), skip: Number(m[2]) } : null;
}

/** The cursor after `shown`, which followed `after` (null on the first page). */
function cursorAfter(shown: readonly KeyRow[], after: Cursor | null): Cursor {
  const last = shown.at(-1)!.rankKey;
  const onPage = shown.filter((r) => r.rankKey === last).length;
  return { rankKey: last, skip: onPage + (after && after.rankKey === last ? after.skip : 0) };
}

/** The table and the filter naming one board; `$1`… are its parameters. */
function source(board: Board, period: Period, now: Date): { table: string; where: string; params: unknown[] } {
  const week = weekOf(now);
  if (board.kind === 'level') {
    return period === 'all'
      ? { table: 'level_bests', where: 'level_id = $1', params: [board.levelId] }
      : { table: 'weekly_level_bests', where: 'week = $1::date AND level_id = $2', params: [week, board.levelId] };
  }
  return period === 'all'
    ? { table: 'player_totals', where: 'TRUE', params: [] }
    : { table: 'weekly_totals', where: 'week = $1::date', params: [week] };
}

const COLUMNS = `player_id::text AS "playerId", score, elapsed_ms AS "elapsedMs", rank_key AS "rankKey", listed`;

function normalise(rows: KeyRow[]): KeyRow[] {
  return rows.map((r) => ({ ...r, score: Number(r.score), elapsedMs: Number(r.elapsedMs), rankKey: BigInt(r.rankKey) }));
}

async function names(prisma: PrismaClient, playerIds: readonly string[]): Promise<Map<string, string>> {
  if (playerIds.length === 0) return new Map();
  const rows = await prisma.$queryRawUnsafe<{ playerId: string; displayName: string }[]>(
    `SELECT player_id::text AS "playerId", display_name AS "displayName" FROM accounts WHERE player_id = ANY($1::uuid[])`,
    playerIds,
  );
  return new Map(rows.map((r) => [r.playerId, r.displayName]));
}

export async function readBoard(prisma: PrismaClient, q: BoardQuery): Promise<BoardPage> {
  const limit = Math.max(1, Math.min(PAGE_SIZE_MAX, Math.floor(q.limit)));
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  if (q.cursor && !after) throw new RangeError('cursor is not one this server handed out');
  const src = source(q.board, q.period, q.now ?? new Date());
  const page = q.scope.kind === 'public' ? await publicPage(prisma, src, limit, after, q.me ?? null) : await playersPage(prisma, src, q.scope.playerIds, limit, after, q.me ?? null);
  const shown = await names(prisma, page.rows.map((r) => r.row.playerId));
  return {
    rows: page.rows.map(({ rank, row }) => ({
      rank,
      playerId: row.playerId,
      displayName: shown.get(row.playerId) ?? 'Former player',
      score: row.score,
      elapsedMs: row.elapsedMs,
    })),
    next: page.more ? encodeCursor(cursorAfter(page.rows.map((r) => r.row), after)) : null,
    me: page.me,
  };
}

type Source = ReturnType<typeof source>;
type Page = { rows: { rank: number; row: KeyRow }[]; more: boolean; me: BoardPage['me'] };

async function publicPage(prisma: PrismaClient, src: Source, limit: number, after: Cursor | null, me: string | null): Promise<Page> {
  const n = src.params.length;
  const read = (where: string, extra: unknown[], order: string, take: number, skip = 0) =>
    prisma.$queryRawUnsafe<KeyRow[]>(
      `SELECT ${COLUMNS} FROM ${src.table} WHERE ${src.where} AND listed AND ${where} ORDER BY ${order} LIMIT ${take} OFFSET ${skip}`,
      ...src.params,
      ...extra,
    );
  let rows: KeyRow[];
  if (!after) {
    rows = normalise(await read('TRUE', [], 'rank_key DESC, player_id DESC', limit + 1));
  } else {
    // The rest of the tie the last page stopped in (ties are rare and short), then lower keys.
    rows = normalise(await read(`rank_key = $${n + 1}::bigint`, [after.rankKey], 'player_id DESC', limit + 1, after.skip));
    if (rows.length <= limit) {
      rows.push(...normalise(await read(`rank_key < $${n + 1}::bigint`, [after.rankKey], 'rank_key DESC, player_id DESC', limit + 1 - rows.length)));
    }
  }
  const more = rows.length > limit;
  const shown = rows.slice(0, limit);
  let ranked: Page['rows'] = [];
  if (shown.length > 0) {
    const first = shown[0]!;
    const [count] = await prisma.$queryRawUnsafe<{ above: bigint }[]>(
      `SELECT count(*) AS above FROM ${src.table} WHERE ${src.where} AND listed AND rank_key > $${n + 1}::bigint`,
      ...src.params,
      first.rankKey,
    );
    ranked = assignRanks(shown, Number(count!.above), after && after.rankKey === first.rankKey ? after.skip : 0);
  }
  let mine: BoardPage['me'] = null;
  if (me) {
    const [row] = normalise(
      await prisma.$queryRawUnsafe<KeyRow[]>(`SELECT ${COLUMNS} FROM ${src.table} WHERE ${src.where} AND player_id = $${n + 1}::uuid`, ...src.params, me),
    );
    if (row) {
      const [count] = await prisma.$queryRawUnsafe<{ above: bigint }[]>(
        `SELECT count(*) AS above FROM ${src.table} WHERE ${src.where} AND listed AND rank_key > $${n + 1}::bigint`,
        ...src.params,
        row.rankKey,
      );
      mine = { rank: Number(count!.above) + 1, score: row.score, elapsedMs: row.elapsedMs, listed: row.listed };
    }
  }
  return { rows: ranked, more, me: mine };
}

/** A class is small (tens to a few hundred): rank all of it, then cut the page out. */
async function playersPage(
  prisma: PrismaClient,
  src: Source,
  playerIds: readonly string[],
  limit: number,
  after: Cursor | null,
  me: string | null,
): Promise<Page> {
  if (playerIds.length === 0) return { rows: [], more: false, me: null };
  const n = src.params.length;
  const rows = normalise(
    await prisma.$queryRawUnsafe<KeyRow[]>(
      `SELECT ${COLUMNS} FROM ${src.table} WHERE ${src.where} AND player_id = ANY($${n + 1}::uuid[])
        ORDER BY rank_key DESC, player_id DESC`,
      ...src.params,
      [...playerIds],
    ),
  );
  const ranked = assignRanks(rows);
  let from = 0;
  if (after) {
    const tieStart = ranked.findIndex(({ row }) => row.rankKey <= after.rankKey);
    from = tieStart < 0 ? ranked.length : tieStart + (ranked[tieStart]!.row.rankKey === after.rankKey ? after.skip : 0);
  }
  const mineRow = me ? ranked.find((r) => r.row.playerId === me) : undefined;
  return {
    rows: ranked.slice(from, from + limit),
    more: from + limit < ranked.length,
    me: mineRow ? { rank: mineRow.rank, score: mineRow.row.score, elapsedMs: mineRow.row.elapsedMs, listed: mineRow.row.listed } : null,
  };
}
