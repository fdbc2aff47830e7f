// Points for one answer, and ranks for a leaderboard. Pure arithmetic, no state.
//
// Points for a question (max 1,500):
//   correct:  BASE (500)
//           + SPEED (up to 500) = round(500 × (1 − elapsed / timeLimit)), clamped to 0..500;
//             `elapsed` is time the question was open and running (pauses do not count), so an
//             instant answer earns 500 and one at the original limit 0; time the teacher added
//             earns no speed bonus.
//           + STREAK = 100 × min(streak before this answer, 5): the 2nd correct answer in a row
//             earns +100, the 6th and later +500.
//   pick answers not exactly right: round(250 × credit) (credit from questions.ts `grade`),
//             no speed or streak bonus, and the streak resets.
//   wrong, or no answer: 0, and the streak resets.
// Scores only ever grow.

export const SCORING = {
  base: 500,
  speed: 500,
  streakStep: 100,
  streakCap: 5,
  partial: 250,
} as const;

export interface AnswerFacts {
  readonly correct: boolean;
  readonly credit: number;
  readonly elapsedMs: number;
  readonly timeLimitMs: number;
  /** Consecutive correct answers before this one. */
  readonly streakBefore: number;
}

export function pointsFor(a: AnswerFacts): number {
  if (!a.correct) return Math.round(SCORING.partial * clamp01(a.credit));
  const speed = Math.round(SCORING.speed * clamp01(1 - a.elapsedMs / a.timeLimitMs));
  return SCORING.base + speed + SCORING.streakStep * Math.min(Math.max(0, a.streakBefore), SCORING.streakCap);
}

export const streakAfter = (streakBefore: number, correct: boolean): number => (correct ? streakBefore + 1 : 0);

const clamp01 = (x: number) => (x > 1 ? 1 : x > 0 ? x : 0);

export interface Rankable {
  readonly id: string;
  readonly score: number;
  /** Total running time spent on correct answers (ms). */
  readonly answerMs: number;
  /** Join order. */
  readonly seq: number;
}

export interface Ranked {
  readonly participantId: string;
  readonly rank: number;
}

/**
 * Ties are fair: equal scores share a rank and the next rank skips ("1, 2, 2, 4"). Within a tie
 * the list shows first whoever spent less time on their correct answers, then whoever joined
 * first; that orders the display only and never changes a rank.
 */
export function rankByScore(players: readonly Rankable[]): Ranked[] {
  const order = players
    .slice()
    .sort((a, b) => b.score - a.score || a.answerMs - b.answerMs || a.seq - b.seq);
  const out: Ranked[] = new Array(order.length);
  for (let i = 0; i < order.length; i++) {
    const rank = i > 0 && order[i]!.score === order[i - 1]!.score ? out[i - 1]!.rank : i + 1;
    out[i] = { participantId: order[i]!.id, rank };
  }
  return out;
}
