// Progress as a teacher or a student reads it: per level, per topic (mastery), the day streak,
// the grid of who is stuck where, the levels a class finds hardest. Pure: rows in, views out.
import type { Curriculum } from '../levels/curriculum';
import type { TopicId } from '../levels/topics';

/** One student's standing on one level (lib/progress's level_progress row, the fields we read). */
export interface LevelRow {
  readonly levelId: string;
  readonly attempts: number;
  readonly completions: number;
  readonly bestScore: number;
  readonly stars: number;
  readonly passed: boolean;
  readonly hintsUsed: number;
  readonly timeSpentMs: number;
  readonly lastPlayedAt: Date;
}

/** Answers to the checkpoints of one level by one student, summed (checkpoint_progress). */
export interface FirstTries {
  readonly levelId: string;
  /** Checkpoints answered at least once. */
  readonly answered: number;
  /** Of those, right at the first answer. */
  readonly firstTryRight: number;
}

export type TopicStatus = 'not-started' | 'started' | 'stuck' | 'passed' | 'mastered';

export interface TopicMastery {
  readonly topic: TopicId;
  readonly title: string;
  readonly levels: number;
  readonly passed: number;
  readonly stars: number;
  /** stars / (3 × levels), 0–1. */
  readonly mastery: number;
  readonly status: TopicStatus;
  /** The first level holding the student back (played, not passed), for "stuck on …". */
  readonly stuckOn: string | null;
}

/** A level counts as stuck after two plays (or a finished one) that did not pass it. */
export function isStuck(row: LevelRow): boolean {
  return !row.passed && (row.attempts >= 2 || row.completions >= 1);
}

export function topicMastery(curriculum: Curriculum, rows: readonly LevelRow[]): TopicMastery[] {
  const byLevel = new Map(rows.map((r) => [r.levelId, r]));
  return curriculum.map((topic) => {
    const mine = topic.levels.map((l) => byLevel.get(l.id)).filter((r): r is LevelRow => r !== undefined);
    const passed = mine.filter((r) => r.passed).length;
    const stars = mine.reduce((sum, r) => sum + r.stars, 0);
    const mastery = topic.levels.length === 0 ? 0 : stars / (3 * topic.levels.length);
    const stuck = topic.levels.find((l) => {
      const r = byLevel.get(l.id);
      return r !== undefined && isStuck(r);
    });
    const status: TopicStatus =
      mine.length === 0 ? 'not-started' : passed === topic.levels.length ? (mastery >= 2 / 3 ? 'mastered' : 'passed') : stuck ? 'stuck' : 'started';
    return { topic: topic.id, title: topic.title, levels: topic.levels.length, passed, stars, mastery, status, stuckOn: stuck?.id ?? null };
  });
}

export interface Streak {
  /** Consecutive days with a finished level, ending today or yesterday (UTC); 0 otherwise. */
  readonly current: number;
  readonly longest: number;
  readonly lastDay: string | null;
}

const DAY_MS = 86_400_000;
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);

/** Days as YYYY-MM-DD (UTC), any order, repeats allowed. */
export function streak(days: readonly string[], today: string): Streak {
  const sorted = [...new Set(days)].map(dayNumber).sort((a, b) => a - b);
  if (sorted.length === 0) return { current: 0, longest: 0, lastDay: null };
  let longest = 1;
  let run = 1;
  for (let i = 1; i < sorted.length; i++) {
    run = sorted[i] === sorted[i - 1]! + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  const last = sorted.at(-1)!;
  const gap = dayNumber(today) - last;
  return { current: gap <= 1 ? run : 0, longest, lastDay: new Date(last * DAY_MS).toISOString().slice(0, 10) };
}

export interface LevelDifficulty {
  readonly levelId: string;
  readonly students: number;
  readonly passed: number;
  /** Right at the first answer, over every checkpoint answered by the class; null if none. */
  readonly firstTryRate: number | null;
  readonly attemptsPerStudent: number;
}

/**
 * The levels a class finds hardest: lowest first-try rate, then lowest pass rate, then most
 * attempts per student. Only levels someone in the class played.
 */
export function hardestLevels(rows: readonly LevelRow[], firstTries: readonly FirstTries[], limit = 5): LevelDifficulty[] {
  const by = new Map<string, { students: number; passed: number; attempts: number; answered: number; right: number }>();
  const entry = (id: string) => {
    let e = by.get(id);
    if (!e) by.set(id, (e = { students: 0, passed: 0, attempts: 0, answered: 0, right: 0 }));
    return e;
  };
  for (const r of rows) {
    const e = entry(r.levelId);
    e.students += 1;
    e.passed += r.passed ? 1 : 0;
    e.attempts += r.attempts;
  }
  for (const f of firstTries) {
    const e = entry(f.levelId);
    e.answered += f.answered;
    e.right += f.firstTryRight;
  }
  const out: LevelDifficulty[] = [...by]
    .filter(([, e]) => e.students > 0)
    .map(([levelId, e]) => ({
      levelId,
      students: e.students,
      passed: e.passed,
      firstTryRate: e.answered === 0 ? null : e.right / e.answered,
      attemptsPerStudent: e.attempts / e.students,
    }));
  out.sort(
    (a, b) =>
      (a.firstTryRate ?? 1) - (b.firstTryRate ?? 1) ||
      a.passed / a.students - b.passed / b.students ||
      b.attemptsPerStudent - a.attemptsPerStudent ||
      a.levelId.localeCompare(b.levelId),
  );
  return out.slice(0, limit);
}
