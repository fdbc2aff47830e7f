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

const CURSOR = /^(\d{1,19})\.([0-9a-f-]{36})$/;

export function encodeCursor(row: { rankKey: bigint; playerId: string }): string {
  return `${row.rankKey}.${row.playerId}`;
}

export function decodeCursor(cursor: string): { rankKey: bigint; playerId: string } | null {
  const m = CURSOR.exec(cursor);
  return m ? { rankKey: BigInt(m[1]!), playerId: m[2]! } : null;
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
    next: page.more ? encodeCursor(page.rows.at(-1)!.row) : null,
    me: page.me,
  };
}

type Source = ReturnType<typeof source>;
type Page = { rows: { rank: number; row: KeyRow }[]; more: boolean; me: BoardPage['me'] };

async function publicPage(prisma: PrismaClient, src: Source, limit: number, after: { rankKey: bigint; playerId: string } | null, me: string | null): Promise<Page> {
  const n = src.params.length;
  const keyset = after ? ` AND (rank_key, player_id) < ($${n + 1}::bigint, $${n + 2}::uuid)` : '';
  const params = after ? [...src.params, after.rankKey, after.playerId] : [...src.params];
  const rows = normalise(
    await prisma.$queryRawUnsafe<KeyRow[]>(
      `SELECT ${COLUMNS} FROM ${src.table} WHERE ${src.where} AND listed${keyset}
        ORDER BY rank_key DESC, player_id DESC LIMIT ${limit + 1}`,
      ...params,
    ),
  );
  const more = rows.length > limit;
  const shown = rows.slice(0, limit);
  let ranked: Page['rows'] = [];
  if (shown.length > 0) {
    const first = shown[0]!;
    const [count] = await prisma.$queryRawUnsafe<{ above: bigint; tied: bigint }[]>(
      `SELECT count(*) FILTER (WHERE rank_key > $${n + 1}::bigint) AS above,
              count(*) FILTER (WHERE rank_key = $${n + 1}::bigint AND player_id > $${n + 2}::uuid) AS tied
         FROM ${src.table} WHERE ${src.where} AND listed AND rank_key >= $${n + 1}::bigint`,
      ...src.params,
      first.rankKey,
      first.playerId,
    );
    ranked = assignRanks(shown, Number(count!.above), Number(count!.tied));
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
  after: { rankKey: bigint; playerId: string } | null,
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
  const start = after ? ranked.findIndex(({ row }) => row.rankKey < after.rankKey || (row.rankKey === after.rankKey && row.playerId < after.playerId)) : 0;
  const from = start < 0 ? ranked.length : start;
  const mineRow = me ? ranked.find((r) => r.row.playerId === me) : undefined;
  return {
    rows: ranked.slice(from, from + limit),
    more: from + limit < ranked.length,
    me: mineRow ? { rank: mineRow.rank, score: mineRow.row.score, elapsedMs: mineRow.row.elapsedMs, listed: mineRow.row.listed } : null,
  };
}
