// Progress on a real database (a fresh embedded PGlite per test; PostgreSQL when
// HEAPQUEST_TEST_DATABASE_URL is set), including the races a real player produces: two tabs,
// double clicks, many finishes at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/client';
import { freshDatabase } from '../../tests/db/target';
import { isBetterScore, type LevelScore } from '../levels/scoring';
import { ATTEMPTS_ALLOWED } from './play';
import {
  actOnPlay,
  loadCheckpointStandings,
  loadStandings,
  mergeProgressIn,
  recordFinishedPlay,
  startPlay,
  type PlayAction,
} from './store';

// One database for the file (opening and migrating one takes seconds); every test makes its own players.
const cleanups: (() => Promise<unknown>)[] = [];
let db: Database;
beforeAll(async () => {
  const target = await freshDatabase();
  cleanups.push(() => target.drop());
  db = await openDatabase(target.config);
  cleanups.push(() => db.close());
});
afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function database(): Promise<Database> {
  return db;
}

const T0 = new Date('2026-11-24T10:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

async function newPlayer(): Promise<{ id: string }> {
  return db.prisma.player.create({ data: {}, select: { id: true } });
}

function answer(playerId: string, playId: string, checkpoint: number, correct: boolean, ms: number): PlayAction {
  return { playerId, playId, now: at(ms), difficulty: 1, ranked: true, event: { type: 'answer', checkpoint, correct, attemptsAllowed: ATTEMPTS_ALLOWED.number } };
}

describe('plays', () => {
  it('plays a level through: answers, a hint, the score, the best kept, the open play closed', async () => {
    const { prisma } = await database();
    const { id: playerId } = await newPlayer();
    const play = await startPlay(prisma, { playerId, levelId: 'refcount-one', checkpoints: 2, now: T0 });
    expect(play.state.checkpoint).toBe(0);

    const hint = await actOnPlay(prisma, { playerId, playId: play.id, now: at(2_000), difficulty: 1, ranked: true, event: { type: 'hint', checkpoint: 0 } });
    expect(hint.ok).toBe(true);
    const first = await actOnPlay(prisma, answer(playerId, play.id, 0, true, 10_000));
    expect(first).toMatchObject({ ok: true, revealed: 0, score: null });
    const wrong = await actOnPlay(prisma, answer(playerId, play.id, 1, false, 15_000));
    expect(wrong).toMatchObject({ ok: true, revealed: null });
    const last = await actOnPlay(prisma, answer(playerId, play.id, 1, true, 20_000));
    expect(last.ok).toBe(true);
    if (!last.ok) return;
    expect(last.revealed).toBe(1);
    // One of two right first time: two stars (scoring.ts), the hint notwithstanding.
    expect(last.score).toMatchObject({ accuracy: 75 + 40, hintsUsed: 1, stars: 2, passed: true });
    expect(last.play.finishedAt).toEqual(at(20_000));

    const [standing] = await loadStandings(prisma, playerId);
    expect(standing).toMatchObject({
      levelId: 'refcount-one',
      attempts: 1,
      completions: 1,
      bestScore: last.score!.score,
      stars: 2,
      passed: true,
      bestHints: 1,
      bestTimeMs: 20_000,
      hintsUsed: 1,
      timeSpentMs: 20_000,
      openPlayId: null,
      lastCheckpoint: 2,
    });
    expect(await loadCheckpointStandings(prisma, playerId, 'refcount-one')).toEqual([
      { checkpoint: 0, firstTryCorrect: true, answers: 1, correct: 1, hintsUsed: 1 },
      { checkpoint: 1, firstTryCorrect: false, answers: 2, correct: 1, hintsUsed: 0 },
    ]);
    // The leaderboards were written in the same step.
    const best = await prisma.levelBest.findUnique({ where: { levelId_playerId: { levelId: 'refcount-one', playerId } } });
    expect(best).toMatchObject({ score: last.score!.score, elapsedMs: 20_000 });
  });

  it('resumes the open play where it stopped, and starts a new one after it finished', async () => {
    const { prisma } = await database();
    const { id: playerId } = await newPlayer();
    const play = await startPlay(prisma, { playerId, levelId: 'l', checkpoints: 2, now: T0 });
    await actOnPlay(prisma, answer(playerId, play.id, 0, true, 5_000));
    const resumed = await startPlay(prisma, { playerId, levelId: 'l', checkpoints: 2, now: at(3_600_000) });
    expect(resumed.id).toBe(play.id);
    expect(resumed.state.checkpoint).toBe(1);
    expect((await loadStandings(prisma, playerId))[0]).toMatchObject({ attempts: 1, openPlayId: play.id, lastCheckpoint: 1 });

    await actOnPlay(prisma, answer(playerId, play.id, 1, true, 3_605_000));
    const again = await startPlay(prisma, { playerId, levelId: 'l', checkpoints: 2, now: at(4_000_000) });
    expect(again.id).not.toBe(play.id);
    expect((await loadStandings(prisma, playerId))[0]).toMatchObject({ attempts: 2, completions: 1, openPlayId: again.id });
    // The hour away was not charged.
    expect((await loadStandings(prisma, playerId))[0]!.timeSpentMs).toBeLessThan(5 * 60_000);
  });

  it("abandons an open play whose level has since changed shape", async () => {
    const { prisma } = await database();
    const { id: playerId } = await newPlayer();
    const old = await startPlay(prisma, { playerId, levelId: 'l', checkpoints: 2, now: T0 });
    const fresh = await startPlay(prisma, { playerId, levelId: 'l', checkpoints: 3, now: at(1) });
    expect(fresh.id).not.toBe(old.id);
    expect(fresh.state.results).toHaveLength(3);
  });

  it("does not let a player act on another player's play", async () => {
    const { prisma } = await database();
    const a = await newPlayer();
    const b = await newPlayer();
    const play = await startPlay(prisma, { playerId: a.id, levelId: 'l', checkpoints: 1, now: T0 });
    expect(await actOnPlay(prisma, answer(b.id, play.id, 0, true, 1))).toEqual({ ok: false, reason: 'not-found', play: null });
    expect(await actOnPlay(prisma, answer(b.id, 'nonsense', 0, true, 1))).toMatchObject({ ok: false, reason: 'not-found' });
  });
});

describe('races', () => {
  it('20 tabs starting the same level at once share one play', async () => {
    const { prisma } = await database();
    const { id: playerId } = await newPlayer();
    const plays = await Promise.all(Array.from({ length: 20 }, (_, i) => startPlay(prisma, { playerId, levelId: 'l', checkpoints: 2, now: at(i) })));
    expect(new Set(plays.map((p) => p.id)).size).toBe(1);
    expect((await loadStandings(prisma, playerId))[0]).toMatchObject({ attempts: 1, openPlayId: plays[0]!.id });
    expect(await prisma.levelPlay.count({ where: { playerId } })).toBe(1);
  });

  it('20 submissions of the same answer at once count once', async () => {
    const { prisma } = await database();
    const { id: playerId } = await newPlayer();
    const play = await startPlay(prisma, { playerId, levelId: 'l', checkpoints: 1, now: T0 });
    const results = await Promise.all(Array.from({ length: 20 }, () => actOnPlay(prisma, answer(playerId, play.id, 0, true, 1_000))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(new Set(results.filter((r) => !r.ok).map((r) => (r as { reason: string }).reason))).toEqual(new Set(['finished']));
    expect((await loadStandings(prisma, playerId))[0]).toMatchObject({ completions: 1, stars: 3, passed: true });
    expect(await loadCheckpointStandings(prisma, playerId, 'l')).toEqual([{ checkpoint: 0, firstTryCorrect: true, answers: 1, correct: 1, hintsUsed: 0 }]);
  });

  it('20 finished plays recorded at once keep the best of them and count all', async () => {
    const { prisma } = await database();
    const { id: playerId } = await newPlayer();
    // Stars and score pull apart on purpose: the best is "most stars, then most points, then fastest".
    const finishes = Array.from({ length: 20 }, (_, i) => ({
      playerId,
      levelId: 'l',
      score: 100 + ((i * 37) % 150),
      stars: (i * 7) % 4,
      passed: (i * 7) % 4 > 0,
      hints: i % 3,
      timeMs: 10_000 + ((i * 53) % 17) * 1_000,
      at: at(i),
    }));
    await Promise.all(finishes.map((f) => recordFinishedPlay(prisma, f)));
    const expected = finishes.reduce((best, f) => {
      const asScore = (x: typeof f) => ({ stars: x.stars, score: x.score }) as LevelScore;
      if (isBetterScore(asScore(f), asScore(best))) return f;
      if (f.stars === best.stars && f.score === best.score && f.timeMs < best.timeMs) return f;
      return best;
    });
    const [standing] = await loadStandings(prisma, playerId);
    expect(standing).toMatchObject({
      completions: 20,
      stars: expected.stars,
      bestScore: expected.score,
      bestTimeMs: expected.timeMs,
      bestHints: expected.hints,
      passed: true,
    });
  });
});

describe('merging players', () => {
  it("folds another device's progress in: best kept, totals added, first tries kept, open plays moved", async () => {
    const { prisma } = await database();
    const phone = (await newPlayer()).id;
    const laptop = (await newPlayer()).id;

    // On the phone: level a finished with 3 stars, level b left open at checkpoint 1.
    const pa = await startPlay(prisma, { playerId: phone, levelId: 'a', checkpoints: 1, now: T0 });
    await actOnPlay(prisma, answer(phone, pa.id, 0, true, 5_000));
    const pb = await startPlay(prisma, { playerId: phone, levelId: 'b', checkpoints: 2, now: at(6_000) });
    await actOnPlay(prisma, answer(phone, pb.id, 0, false, 7_000));
    // On the laptop: level a finished badly, level c finished.
    const la = await startPlay(prisma, { playerId: laptop, levelId: 'a', checkpoints: 1, now: T0 });
    await actOnPlay(prisma, answer(laptop, la.id, 0, false, 1_000));
    await actOnPlay(prisma, answer(laptop, la.id, 0, false, 2_000));
    const lc = await startPlay(prisma, { playerId: laptop, levelId: 'c', checkpoints: 1, now: T0 });
    await actOnPlay(prisma, answer(laptop, lc.id, 0, true, 3_000));

    await prisma.$transaction((tx) => mergeProgressIn(tx, phone, laptop));

    expect(await loadStandings(prisma, phone)).toEqual([]);
    const byLevel = new Map((await loadStandings(prisma, laptop)).map((s) => [s.levelId, s]));
    expect(byLevel.get('a')).toMatchObject({ attempts: 2, completions: 2, stars: 3, passed: true, openPlayId: null });
    expect(byLevel.get('b')).toMatchObject({ attempts: 1, completions: 0, openPlayId: pb.id });
    expect(byLevel.get('c')).toMatchObject({ completions: 1, stars: 3 });
    // The laptop answered level a wrong first, so its first try stands; the answers add up.
    expect(await loadCheckpointStandings(prisma, laptop, 'a')).toEqual([{ checkpoint: 0, firstTryCorrect: false, answers: 3, correct: 1, hintsUsed: 0 }]);
    // The phone's open play goes on from the laptop.
    const resumed = await startPlay(prisma, { playerId: laptop, levelId: 'b', checkpoints: 2, now: at(9_000) });
    expect(resumed.id).toBe(pb.id);
    expect(resumed.state.results[0]!.attempts).toBe(1);
  });
});
