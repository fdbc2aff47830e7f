// Writing the leaderboards: one finished play, a merge of two players, a change of opt-in.
//
// Every write for a player first takes a transaction-scoped advisory lock on that player, so
// concurrent plays of one student are applied one after another: the per-level upserts keep
// the better key on their own (ON CONFLICT … WHERE), but the totals are recomputed from the
// level rows and two interleaved recomputations could each miss the other's level.
import type { PrismaClient } from '../db/client';
import { RANK_KEY_SQL, dayOf, rankKey, weekOf } from './rank';

/** Prisma's interactive-transaction client; the functions below also accept the root client. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

export interface Play {
  readonly playerId: string;
  readonly levelId: string;
  readonly score: number;
  readonly elapsedMs: number;
  readonly at: Date;
}

export async function lockPlayer(tx: Tx, playerId: string): Promise<void> {
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtextextended('heapquest.player:' || $1, 0))`, playerId);
}

async function listedFor(tx: Tx, playerId: string): Promise<boolean> {
  const rows = await tx.$queryRawUnsafe<{ listed: boolean }[]>(
    `SELECT leaderboard_opt_in AS listed FROM accounts WHERE player_id = $1::uuid`,
    playerId,
  );
  return rows[0]?.listed ?? false;
}

const UPSERT_BEST = (table: 'level_bests' | 'weekly_level_bests') => {
  const weekly = table === 'weekly_level_bests';
  const key = weekly ? 'week, level_id, player_id' : 'level_id, player_id';
  return `INSERT INTO ${table} (${weekly ? 'week, ' : ''}level_id, player_id, score, elapsed_ms, rank_key, listed, achieved_at)
    VALUES (${weekly ? '$8::date, ' : ''}$1, $2::uuid, $3, $4, $5, $6, ($7::timestamptz AT TIME ZONE 'UTC'))
    ON CONFLICT (${key}) DO UPDATE
      SET score = EXCLUDED.score, elapsed_ms = EXCLUDED.elapsed_ms, rank_key = EXCLUDED.rank_key, achieved_at = EXCLUDED.achieved_at
      WHERE EXCLUDED.rank_key > ${table}.rank_key`;
};

/** Recomputes a player's all-time total from their level rows. */
async function refreshTotal(tx: Tx, playerId: string, listed: boolean): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO player_totals (player_id, score, elapsed_ms, levels, rank_key, listed, updated_at)
       SELECT $1::uuid, sum(score), sum(elapsed_ms), count(*), ${RANK_KEY_SQL('sum(score)', 'sum(elapsed_ms)')}, $2, now()
         FROM level_bests WHERE player_id = $1::uuid HAVING count(*) > 0
     ON CONFLICT (player_id) DO UPDATE
       SET score = EXCLUDED.score, elapsed_ms = EXCLUDED.elapsed_ms, levels = EXCLUDED.levels,
           rank_key = EXCLUDED.rank_key, listed = EXCLUDED.listed, updated_at = EXCLUDED.updated_at`,
    playerId,
    listed,
  );
}

async function refreshWeeklyTotal(tx: Tx, playerId: string, week: string, listed: boolean): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO weekly_totals (week, player_id, score, elapsed_ms, levels, rank_key, listed, updated_at)
       SELECT $3::date, $1::uuid, sum(score), sum(elapsed_ms), count(*), ${RANK_KEY_SQL('sum(score)', 'sum(elapsed_ms)')}, $2, now()
         FROM weekly_level_bests WHERE player_id = $1::uuid AND week = $3::date HAVING count(*) > 0
     ON CONFLICT (week, player_id) DO UPDATE
       SET score = EXCLUDED.score, elapsed_ms = EXCLUDED.elapsed_ms, levels = EXCLUDED.levels,
           rank_key = EXCLUDED.rank_key, listed = EXCLUDED.listed, updated_at = EXCLUDED.updated_at`,
    playerId,
    listed,
    week,
  );
}

/**
 * Records a finished play inside the caller's transaction (the one that stores progress), so
 * the boards and the progress never disagree. Keeps the better of the stored and new play.
 */
export async function recordPlayIn(tx: Tx, play: Play): Promise<void> {
  const key = rankKey(play.score, play.elapsedMs);
  const elapsed = Math.min(Math.round(play.elapsedMs), 2 ** 31 - 1);
  const week = weekOf(play.at);
  await lockPlayer(tx, play.playerId);
  const listed = await listedFor(tx, play.playerId);
  const at = play.at.toISOString();
  await tx.$executeRawUnsafe(UPSERT_BEST('level_bests'), play.levelId, play.playerId, play.score, elapsed, key, listed, at);
  await tx.$executeRawUnsafe(UPSERT_BEST('weekly_level_bests'), play.levelId, play.playerId, play.score, elapsed, key, listed, at, week);
  await tx.$executeRawUnsafe(
    `INSERT INTO play_days (player_id, day) VALUES ($1::uuid, $2::date) ON CONFLICT DO NOTHING`,
    play.playerId,
    dayOf(play.at),
  );
  await refreshTotal(tx, play.playerId, listed);
  await refreshWeeklyTotal(tx, play.playerId, week, listed);
}

/**
 * Options for a transaction that takes a player's lock. Writes for one player queue behind that
 * lock, and a queued one also waits for a pooled connection: Prisma's defaults (2 s to get a
 * connection, 5 s in all) would drop a burst of submissions on a busy server instead of
 * applying them in turn.
 */
export const PLAYER_TRANSACTION = { maxWait: 20_000, timeout: 20_000 } as const;

/** The same in a transaction of its own. */
export function recordPlay(prisma: PrismaClient, play: Play): Promise<void> {
  return prisma.$transaction((tx) => recordPlayIn(tx, play), PLAYER_TRANSACTION);
}

/**
 * Moves everything `from` has on the boards to `into`, keeping the better row per level (and
 * per week and level); `from`'s rows are deleted. Inside the caller's transaction, which must
 * have locked both players (lockPlayer, in a fixed order).
 */
export async function mergeLeaderboardIn(tx: Tx, from: string, into: string): Promise<void> {
  const listed = await listedFor(tx, into);
  await tx.$executeRawUnsafe(
    `INSERT INTO level_bests (level_id, player_id, score, elapsed_ms, rank_key, listed, achieved_at)
       SELECT level_id, $2::uuid, score, elapsed_ms, rank_key, $3, achieved_at FROM level_bests WHERE player_id = $1::uuid
     ON CONFLICT (level_id, player_id) DO UPDATE
       SET score = EXCLUDED.score, elapsed_ms = EXCLUDED.elapsed_ms, rank_key = EXCLUDED.rank_key, achieved_at = EXCLUDED.achieved_at
       WHERE EXCLUDED.rank_key > level_bests.rank_key`,
    from,
    into,
    listed,
  );
  await tx.$executeRawUnsafe(
    `INSERT INTO weekly_level_bests (week, level_id, player_id, score, elapsed_ms, rank_key, listed, achieved_at)
       SELECT week, level_id, $2::uuid, score, elapsed_ms, rank_key, $3, achieved_at FROM weekly_level_bests WHERE player_id = $1::uuid
     ON CONFLICT (week, level_id, player_id) DO UPDATE
       SET score = EXCLUDED.score, elapsed_ms = EXCLUDED.elapsed_ms, rank_key = EXCLUDED.rank_key, achieved_at = EXCLUDED.achieved_at
       WHERE EXCLUDED.rank_key > weekly_level_bests.rank_key`,
    from,
    into,
    listed,
  );
  await tx.$executeRawUnsafe(
    `INSERT INTO play_days (player_id, day) SELECT $2::uuid, day FROM play_days WHERE player_id = $1::uuid ON CONFLICT DO NOTHING`,
    from,
    into,
  );
  await tx.$executeRawUnsafe(`UPDATE live_attendance SET player_id = $2::uuid WHERE player_id = $1::uuid`, from, into);
  const weeks = await tx.$queryRawUnsafe<{ week: string }[]>(
    `SELECT DISTINCT week::text AS week FROM weekly_level_bests WHERE player_id = $1::uuid`,
    from,
  );
  for (const table of ['level_bests', 'weekly_level_bests', 'player_totals', 'weekly_totals', 'play_days']) {
    await tx.$executeRawUnsafe(`DELETE FROM ${table} WHERE player_id = $1::uuid`, from);
  }
  await refreshTotal(tx, into, listed);
  for (const { week } of weeks) await refreshWeeklyTotal(tx, into, week, listed);
}

/** Shows or hides a player on the public boards (all their rows, all weeks). */
export async function setListedIn(tx: Tx, playerId: string, listed: boolean): Promise<void> {
  await lockPlayer(tx, playerId);
  for (const table of ['level_bests', 'weekly_level_bests', 'player_totals', 'weekly_totals']) {
    await tx.$executeRawUnsafe(`UPDATE ${table} SET listed = $2 WHERE player_id = $1::uuid`, playerId, listed);
  }
}
