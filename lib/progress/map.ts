// The level map a player sees: topics in curriculum order, which are open, each level's stars
// and best score, and where "continue" goes. Pure: curriculum and stored standings in.

import { isLevelUnlocked, nextLevel, topicProgress, type Curriculum } from '../levels/curriculum';
import type { LevelStanding } from './store';

export interface MapLevel {
  readonly id: string;
  readonly title: string;
  readonly difficulty: number;
  readonly checkpoints: number;
  readonly unlocked: boolean;
  readonly stars: number;
  readonly bestScore: number | null;
  readonly passed: boolean;
  /** The open play's checkpoint (0-based) when a play is in progress. */
  readonly inProgressAt: number | null;
}

export interface MapTopic {
  readonly id: string;
  readonly title: string;
  readonly blurb: string;
  readonly unlocked: boolean;
  readonly passed: boolean;
  readonly levelsPassed: number;
  readonly levels: readonly MapLevel[];
}

export interface ContinueTarget {
  readonly levelId: string;
  readonly title: string;
  /** Resuming an open play (at `checkpoint` of `checkpoints`), or starting the next level. */
  readonly resume: boolean;
  readonly checkpoint: number;
  readonly checkpoints: number;
}

export interface LevelMap {
  readonly topics: readonly MapTopic[];
  readonly continueTo: ContinueTarget | null;
  readonly stars: number;
  readonly maxStars: number;
}

export function passedLevels(standings: readonly LevelStanding[]): Set<string> {
  return new Set(standings.filter((s) => s.passed).map((s) => s.levelId));
}

/** `standings` most recently played first, as loadStandings returns them. */
export function buildLevelMap(curriculum: Curriculum, standings: readonly LevelStanding[]): LevelMap {
  const byLevel = new Map(standings.map((s) => [s.levelId, s]));
  const passed = passedLevels(standings);
  const progress = topicProgress(curriculum, passed);

  const topics = curriculum.map((topic, i): MapTopic => {
    const tp = progress[i]!;
    return {
      id: topic.id,
      title: topic.title,
      blurb: topic.blurb,
      unlocked: tp.unlocked,
      passed: tp.passed,
      levelsPassed: tp.levelsPassed,
      levels: topic.levels.map((level): MapLevel => {
        const s = byLevel.get(level.id);
        return {
          id: level.id,
          title: level.title,
          difficulty: level.difficulty,
          checkpoints: level.checkpoints.length,
          unlocked: tp.unlocked,
          stars: s?.stars ?? 0,
          bestScore: s !== undefined && s.completions > 0 ? s.bestScore : null,
          passed: s?.passed ?? false,
          inProgressAt: s?.openPlayId ? s.lastCheckpoint : null,
        };
      }),
    };
  });

  const levelById = new Map(curriculum.flatMap((t) => t.levels.map((l) => [l.id, l] as const)));
  let continueTo: ContinueTarget | null = null;
  // The most recent open play the player may still reach; else the first level not yet passed.
  const open = standings.find((s) => s.openPlayId !== null && levelById.has(s.levelId) && isLevelUnlocked(curriculum, s.levelId, passed));
  if (open !== undefined) {
    const level = levelById.get(open.levelId)!;
    continueTo = { levelId: level.id, title: level.title, resume: true, checkpoint: open.lastCheckpoint, checkpoints: level.checkpoints.length };
  } else {
    const next = nextLevel(curriculum, passed);
    if (next !== null) continueTo = { levelId: next.id, title: next.title, resume: false, checkpoint: 0, checkpoints: next.checkpoints.length };
  }

  const allLevels = topics.flatMap((t) => t.levels);
  return { topics, continueTo, stars: allLevels.reduce((n, l) => n + l.stars, 0), maxStars: allLevels.length * 3 };
}

/** The level after `levelId` in curriculum order, if the player may play it. */
export function levelAfter(curriculum: Curriculum, levelId: string, passed: ReadonlySet<string>): { id: string; title: string } | null {
  const order = curriculum.flatMap((t) => t.levels);
  const i = order.findIndex((l) => l.id === levelId);
  const next = i >= 0 ? order[i + 1] : undefined;
  if (next === undefined || !isLevelUnlocked(curriculum, next.id, passed)) return null;
  return { id: next.id, title: next.title };
}
