// Solo-play progress in the database: plays, per-level standing, per-checkpoint answers.
//
// Every write for a player runs in one transaction that first takes the player's lock
// (lib/leaderboard lockPlayer, the same one leaderboards and merges take), so two tabs, a
// double click and a sign-in merge are applied one after another. On top of that a play row
// carries a revision and a write that read an older one retries: correctness never rests on
// the lock alone. "Keep the best" is one INSERT … ON CONFLICT statement, so it holds even
// for writers that do not lock.

import { z } from 'zod';
import type { PrismaClient } from '../db/client';
import { lockPlayer, PLAYER_TRANSACTION, recordPlayIn, type Tx } from '../leaderboard/record';
import { applyPlayEvent, isFinished, newPlay, scorePlay, type PlayEvent, type PlayRejection, type PlayState } from './play';
import type { LevelScore } from '../levels/scoring';

// Which player a request plays as is lib/auth/player.ts's question (resolvePlayer); ids here come from it.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isUuid(value: string): boolean {
  return UUID.test(value);
}

const playStateSchema = z.strictObject({
  checkpoint: z.int().min(0),
  results: z
    .array(z.strictObject({ attempts: z.int().min(0), solved: z.boolean(), hintUsed: z.boolean(), revealed: z.boolean() }))
    .min(1),
  activeMs: z.number().min(0),
  lastSeenAt: z.number(),
});

export interface StoredPlay {
  readonly id: string;
  readonly playerId: string;
  readonly levelId: string;
  readonly state: PlayState;
  readonly revision: number;
  readonly startedAt: Date;
  readonly finishedAt: Date | null;
  readonly score: number | null;
  readonly stars: number | null;
}

type PlayRow = { id: string; playerId: string; levelId: string; state: unknown; revision: number; startedAt: Date; finishedAt: Date | null; score: number | null; stars: number | null };

function toStoredPlay(row: PlayRow): StoredPlay {
  return { ...row, state: playStateSchema.parse(row.state) };
}

/** A write lost a race with another one for the same play; the transaction is retried. */
class Conflict extends Error {}

const MAX_TRIES = 5;

async function inPlayerTransaction<T>(prisma: PrismaClient, playerId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction(async (tx) => {
        await lockPlayer(tx, playerId);
        return fn(tx);
      }, PLAYER_TRANSACTION);
    } catch (e) {
      if (e instanceof Conflict && attempt < MAX_TRIES) continue;
      throw e;
    }
  }
}

// ---------------------------------------------------------------- plays

export interface StartPlay {
  readonly playerId: string;
  readonly levelId: string;
  /** How many checkpoints the level has now; an open play of another shape is abandoned. */
  readonly checkpoints: number;
  readonly now: Date;
}

/** Resumes the player's open play of the level, or starts one. Concurrent starts share one play. */
export function startPlay(prisma: PrismaClient, start: StartPlay): Promise<StoredPlay> {
  const { playerId, levelId, checkpoints, now } = start;
  return inPlayerTransaction(prisma, playerId, async (tx) => {
    const progress = await tx.levelProgress.upsert({
      where: { playerId_levelId: { playerId, levelId } },
      create: { playerId, levelId, firstPlayedAt: now, lastPlayedAt: now },
      update: {},
      select: { openPlayId: true },
    });
    if (progress.openPlayId !== null) {
      const open = await tx.levelPlay.findUnique({ where: { id: progress.openPlayId } });
      if (open !== null && open.finishedAt === null) {
        const play = toStoredPlay(open);
        if (play.state.results.length === checkpoints) {
          const resumed = applyPlayEvent(play.state, { type: 'resume' }, now.getTime());
          if (resumed.ok) return writePlay(tx, play, resumed.state, {});
        }
      }
    }
    const created = await tx.levelPlay.create({
      data: { playerId, levelId, state: newPlay(checkpoints, now.getTime()) as object, startedAt: now },
    });
    const claimed = await tx.levelProgress.updateMany({
      where: { playerId, levelId, openPlayId: progress.openPlayId },
      data: { openPlayId: created.id, attempts: { increment: 1 }, lastCheckpoint: 0, lastPlayedAt: now },
    });
    if (claimed.count !== 1) throw new Conflict();
    return toStoredPlay(created);
  });
}

async function writePlay(tx: Tx, play: StoredPlay, state: PlayState, extra: { finishedAt?: Date; score?: number; stars?: number }): Promise<StoredPlay> {
  const written = await tx.levelPlay.updateMany({
    where: { id: play.id, revision: play.revision },
    data: { state: state as object, revision: { increment: 1 }, ...extra },
  });
  if (written.count !== 1) throw new Conflict();
  return { ...play, state, revision: play.revision + 1, finishedAt: extra.finishedAt ?? play.finishedAt, score: extra.score ?? play.score, stars: extra.stars ?? play.stars };
}

export interface PlayAction {
  readonly playerId: string;
  readonly playId: string;
  readonly event: PlayEvent;
  readonly now: Date;
  /** The level's difficulty, for the score when this event finishes the play. */
  readonly difficulty: number;
  /**
   * Whether a finished play counts on the leaderboards: the shared levels only. A teacher's
   * level is one class's, and each edit makes a new one, so it would make totals incomparable.
   */
  readonly ranked: boolean;
}

export type PlayActionResult =
  | { readonly ok: true; readonly play: StoredPlay; readonly revealed: number | null; readonly score: LevelScore | null }
  | { readonly ok: false; readonly reason: PlayRejection | 'not-found'; readonly play: StoredPlay | null };

/** The player's play by id (another player's play is not found). */
export async function findPlay(prisma: PrismaClient | Tx, playerId: string, playId: string): Promise<StoredPlay | null> {
  if (!isUuid(playId)) return null;
  const row = await prisma.levelPlay.findFirst({ where: { id: playId, playerId } });
  return row === null ? null : toStoredPlay(row);
}

/**
 * Applies one event to a play and everything that follows from it, atomically: the play, the
 * level's totals, the checkpoint's answers, and when the play ends its score, the level's
 * best and the leaderboards.
 */
export function actOnPlay(prisma: PrismaClient, action: PlayAction): Promise<PlayActionResult> {
  const { playerId, playId, event, now } = action;
  return inPlayerTransaction(prisma, playerId, async (tx): Promise<PlayActionResult> => {
    const play = await findPlay(tx, playerId, playId);
    if (play === null) return { ok: false, reason: 'not-found', play: null };
    const t = applyPlayEvent(play.state, event, now.getTime());
    if (!t.ok) return { ok: false, reason: t.reason, play };

    const score = scorePlay(t.state, action.difficulty);
    const finished = score !== null ? { finishedAt: now, score: score.score, stars: score.stars } : {};
    const written = await writePlay(tx, play, t.state, finished);
    const { levelId } = play;

    await tx.levelProgress.update({
      where: { playerId_levelId: { playerId, levelId } },
      data: {
        timeSpentMs: { increment: Math.round(t.state.activeMs - play.state.activeMs) },
        hintsUsed: { increment: event.type === 'hint' ? 1 : 0 },
        lastCheckpoint: t.state.checkpoint,
        lastPlayedAt: now,
      },
    });
    if (event.type === 'hint' || event.type === 'answer') {
      const answered = event.type === 'answer';
      const correct = answered && event.correct;
      await tx.$executeRawUnsafe(
        `INSERT INTO checkpoint_progress AS cp (player_id, level_id, checkpoint, first_try_correct, answers, correct, hints_used)
         VALUES ($1::uuid, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (player_id, level_id, checkpoint) DO UPDATE SET
           first_try_correct = COALESCE(cp.first_try_correct, EXCLUDED.first_try_correct),
           answers = cp.answers + EXCLUDED.answers,
           correct = cp.correct + EXCLUDED.correct,
           hints_used = cp.hints_used + EXCLUDED.hints_used`,
        playerId,
        levelId,
        event.checkpoint,
        answered ? correct : null,
        answered ? 1 : 0,
        correct ? 1 : 0,
        answered ? 0 : 1,
      );
    }
    if (score !== null) {
      await recordFinishedPlayIn(tx, {
        playerId,
        levelId,
        score: score.score,
        stars: score.stars,
        passed: score.passed,
        hints: score.hintsUsed,
        timeMs: Math.round(t.state.activeMs),
        at: now,
      });
      await tx.levelProgress.updateMany({ where: { playerId, levelId, openPlayId: playId }, data: { openPlayId: null } });
      if (action.ranked) await recordPlayIn(tx, { playerId, levelId, score: score.score, elapsedMs: t.state.activeMs, at: now });
    }
    return { ok: true, play: written, revealed: t.revealed, score };
  });
}

// ---------------------------------------------------------------- the best play

export interface FinishedPlay {
  readonly playerId: string;
  readonly levelId: string;
  readonly score: number;
  readonly stars: number;
  readonly passed: boolean;
  readonly hints: number;
  readonly timeMs: number;
  readonly at: Date;
}

/**
 * Counts a finished play and keeps it as the level's best when it is better: more stars,
 * then more points (lib/levels/scoring isBetterScore), then faster. One statement, so
 * concurrent finishes can only ever raise the best.
 */
export async function recordFinishedPlayIn(tx: Tx, p: FinishedPlay): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO level_progress AS lp (player_id, level_id, completions, best_score, stars, passed, best_hints, best_time_ms, first_played_at, last_played_at)
     VALUES ($1::uuid, $2, 1, $3, $4, $5, $6, $7, ($8::timestamptz AT TIME ZONE 'UTC'), ($8::timestamptz AT TIME ZONE 'UTC'))
     ON CONFLICT (player_id, level_id) DO UPDATE SET
       completions = lp.completions + 1,
       passed = lp.passed OR EXCLUDED.passed,
       ${keepBetter(BETTER)},
       last_played_at = GREATEST(lp.last_played_at, EXCLUDED.last_played_at)`,
    p.playerId,
    p.levelId,
    p.score,
    p.stars,
    p.passed,
    p.hints,
    p.timeMs,
    p.at.toISOString(),
  );
}

/** Same in a transaction of its own. */
export function recordFinishedPlay(prisma: PrismaClient, p: FinishedPlay): Promise<void> {
  return prisma.$transaction((tx) => recordFinishedPlayIn(tx, p));
}

// Whether EXCLUDED (the new play) beats lp (the kept one): more stars, then more points, then
// faster. A row that has never been finished holds nothing to beat.
const BETTER =
  '(lp.completions = 0 OR lp.best_time_ms IS NULL OR (EXCLUDED.stars, EXCLUDED.best_score, -EXCLUDED.best_time_ms) > (lp.stars, lp.best_score, -lp.best_time_ms))';

/** The SET clauses that take the best-play columns from EXCLUDED when `better` holds. */
function keepBetter(better: string): string {
  return ['best_score', 'stars', 'best_hints', 'best_time_ms']
    .map((c) => `${c} = CASE WHEN ${better} THEN EXCLUDED.${c} ELSE lp.${c} END`)
    .join(',\n       ');
}

// ---------------------------------------------------------------- reading

export interface LevelStanding {
  readonly levelId: string;
  readonly attempts: number;
  readonly completions: number;
  readonly bestScore: number;
  readonly stars: number;
  readonly passed: boolean;
  readonly bestHints: number;
  readonly bestTimeMs: number | null;
  readonly hintsUsed: number;
  readonly timeSpentMs: number;
  readonly openPlayId: string | null;
  readonly lastCheckpoint: number;
  readonly lastPlayedAt: Date;
}

/** Every level the player has touched, most recently played first. */
export async function loadStandings(prisma: PrismaClient, playerId: string): Promise<LevelStanding[]> {
  if (!isUuid(playerId)) return [];
  const rows = await prisma.levelProgress.findMany({ where: { playerId }, orderBy: { lastPlayedAt: 'desc' } });
  return rows.map((r) => ({
    levelId: r.levelId,
    attempts: r.attempts,
    completions: r.completions,
    bestScore: r.bestScore,
    stars: r.stars,
    passed: r.passed,
    bestHints: r.bestHints,
    bestTimeMs: r.bestTimeMs,
    hintsUsed: r.hintsUsed,
    timeSpentMs: Number(r.timeSpentMs),
    openPlayId: r.openPlayId,
    lastCheckpoint: r.lastCheckpoint,
    lastPlayedAt: r.lastPlayedAt,
  }));
}

export interface CheckpointStanding {
  readonly checkpoint: number;
  readonly firstTryCorrect: boolean | null;
  readonly answers: number;
  readonly correct: number;
  readonly hintsUsed: number;
}

export async function loadCheckpointStandings(prisma: PrismaClient, playerId: string, levelId: string): Promise<CheckpointStanding[]> {
  if (!isUuid(playerId)) return [];
  return prisma.checkpointProgress.findMany({
    where: { playerId, levelId },
    orderBy: { checkpoint: 'asc' },
    select: { checkpoint: true, firstTryCorrect: true, answers: true, correct: true, hintsUsed: true },
  });
}

// ---------------------------------------------------------------- merging players

/**
 * Folds player `from`'s progress into player `into` (an account signing in on a second
 * device): per level the better best play is kept and the totals add up; per checkpoint the
 * answers add up and `into`'s first try stands unless it has none; plays move over, and an
 * open play stays open only where `into` has none on that level. `from`'s progress rows are
 * deleted. Inside the caller's transaction, which must hold both players' locks
 * (lib/auth/merge.ts mergePlayersIn takes them).
 */
export async function mergeProgressIn(tx: Tx, from: string, into: string): Promise<void> {
  if (from === into) return;
  // open_play_id is unique: free `from`'s before `into` can take them over.
  const opens = await tx.levelProgress.findMany({ where: { playerId: from, openPlayId: { not: null } }, select: { levelId: true, openPlayId: true } });
  await tx.levelProgress.updateMany({ where: { playerId: from }, data: { openPlayId: null } });
  await tx.$executeRawUnsafe(
    `INSERT INTO level_progress AS lp (player_id, level_id, attempts, completions, best_score, stars, passed, best_hints, best_time_ms,
                                       hints_used, time_spent_ms, last_checkpoint, first_played_at, last_played_at)
       SELECT $2::uuid, level_id, attempts, completions, best_score, stars, passed, best_hints, best_time_ms,
              hints_used, time_spent_ms, last_checkpoint, first_played_at, last_played_at
         FROM level_progress WHERE player_id = $1::uuid
     ON CONFLICT (player_id, level_id) DO UPDATE SET
       attempts = lp.attempts + EXCLUDED.attempts,
       completions = lp.completions + EXCLUDED.completions,
       passed = lp.passed OR EXCLUDED.passed,
       ${keepBetter(MERGE_BETTER)},
       hints_used = lp.hints_used + EXCLUDED.hints_used,
       time_spent_ms = lp.time_spent_ms + EXCLUDED.time_spent_ms,
       first_played_at = LEAST(lp.first_played_at, EXCLUDED.first_played_at),
       last_played_at = GREATEST(lp.last_played_at, EXCLUDED.last_played_at)`,
    from,
    into,
  );
  for (const { levelId, openPlayId } of opens) {
    await tx.levelProgress.updateMany({ where: { playerId: into, levelId, openPlayId: null }, data: { openPlayId } });
  }
  await tx.$executeRawUnsafe(
    `INSERT INTO checkpoint_progress AS cp (player_id, level_id, checkpoint, first_try_correct, answers, correct, hints_used)
       SELECT $2::uuid, level_id, checkpoint, first_try_correct, answers, correct, hints_used
         FROM checkpoint_progress WHERE player_id = $1::uuid
     ON CONFLICT (player_id, level_id, checkpoint) DO UPDATE SET
       first_try_correct = COALESCE(cp.first_try_correct, EXCLUDED.first_try_correct),
       answers = cp.answers + EXCLUDED.answers,
       correct = cp.correct + EXCLUDED.correct,
       hints_used = cp.hints_used + EXCLUDED.hints_used`,
    from,
    into,
  );
  await tx.levelPlay.updateMany({ where: { playerId: from }, data: { playerId: into } });
  await tx.checkpointProgress.deleteMany({ where: { playerId: from } });
  await tx.levelProgress.deleteMany({ where: { playerId: from } });
}

// A finished best on `from` (EXCLUDED) beats `into`'s (lp) when `into` has none, or by BETTER's order.
const MERGE_BETTER = `(EXCLUDED.completions > 0 AND EXCLUDED.best_time_ms IS NOT NULL AND ${BETTER})`;
