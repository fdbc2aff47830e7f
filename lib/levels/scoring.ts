// Score and stars for one play of a level. Pure: the same play always scores the same,
// on the client (instant feedback) and on the server (what gets stored).
//
// Accuracy is most of the score: a prediction right the first time is what we teach for.
// A hint costs a little, because reading it is still learning. Speed adds a bonus of at
// most 20%, and never costs stars: a slow, careful student can still earn three.

export interface CheckpointResult {
  /** Answers given up to and including the right one; all answers given if never right. */
  readonly attempts: number;
  /** Answered right in the end. */
  readonly solved: boolean;
  readonly hintUsed: boolean;
}

export interface LevelPlay {
  readonly difficulty: number;
  readonly checkpoints: readonly CheckpointResult[];
  readonly elapsedMs: number;
}

export interface LevelScore {
  readonly score: number;
  readonly maxScore: number;
  readonly accuracy: number;
  readonly timeBonus: number;
  readonly firstTry: number;
  readonly hintsUsed: number;
  readonly stars: 0 | 1 | 2 | 3;
  readonly passed: boolean;
}

export const POINTS_FIRST_TRY = 100;
export const POINTS_LATER = 40;
export const HINT_COST = 25;
export const MAX_TIME_BONUS = 0.2;
/** Seconds a checkpoint of difficulty 1 may take before the time bonus starts to shrink. */
export const PAR_SECONDS = 40;

/** Time within which the full bonus is earned; it falls to nothing at three times this. */
export function parMs(difficulty: number, checkpoints: number): number {
  return PAR_SECONDS * 1000 * checkpoints * (1 + 0.25 * (difficulty - 1));
}

export function checkpointPoints(r: CheckpointResult): number {
  if (!r.solved) return 0;
  const base = r.attempts === 1 ? POINTS_FIRST_TRY : POINTS_LATER;
  return Math.max(0, base - (r.hintUsed ? HINT_COST : 0));
}

export function scoreLevel(play: LevelPlay): LevelScore {
  const n = play.checkpoints.length;
  if (n === 0) throw new RangeError('a play needs at least one checkpoint result');
  if (!Number.isFinite(play.elapsedMs) || play.elapsedMs < 0) throw new RangeError(`elapsedMs must be a time >= 0, got ${play.elapsedMs}`);
  if (!Number.isInteger(play.difficulty) || play.difficulty < 1 || play.difficulty > 5) throw new RangeError(`difficulty must be 1-5, got ${play.difficulty}`);
  play.checkpoints.forEach((c, i) => {
    if (!Number.isInteger(c.attempts) || c.attempts < 0) throw new RangeError(`checkpoints[${i}].attempts must be a whole number >= 0`);
    if (c.solved && c.attempts === 0) throw new RangeError(`checkpoints[${i}] is solved with no attempt`);
  });

  const accuracy = play.checkpoints.reduce((sum, c) => sum + checkpointPoints(c), 0);
  const par = parMs(play.difficulty, n);
  const speed = play.elapsedMs <= par ? 1 : Math.max(0, 1 - (play.elapsedMs - par) / (2 * par));
  const timeBonus = Math.round(accuracy * MAX_TIME_BONUS * speed);

  const solved = play.checkpoints.filter((c) => c.solved).length;
  const firstTry = play.checkpoints.filter((c) => c.solved && c.attempts === 1).length;
  const hintsUsed = play.checkpoints.filter((c) => c.hintUsed).length;
  const half = Math.ceil(n / 2);
  const stars: LevelScore['stars'] =
    solved < half ? 0 : firstTry === n && hintsUsed === 0 ? 3 : firstTry >= half ? 2 : 1;

  return {
    score: accuracy + timeBonus,
    maxScore: n * POINTS_FIRST_TRY * (1 + MAX_TIME_BONUS),
    accuracy,
    timeBonus,
    firstTry,
    hintsUsed,
    stars,
    passed: stars >= 1,
  };
}

/** Which of two plays of the same level to keep: more stars, then more points. */
export function isBetterScore(candidate: LevelScore, kept: LevelScore | null): boolean {
  if (kept === null) return true;
  if (candidate.stars !== kept.stars) return candidate.stars > kept.stars;
  return candidate.score > kept.score;
}
