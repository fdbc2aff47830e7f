// The ordered curriculum and what a student may play next. Pure data in, data out.
//
// Unlock rule: the first topic is open; each later topic opens when every level of the
// topic before it is passed. Passing a level is lenient (scoring.ts: half the checkpoints
// eventually right), so the rule asks for effort everywhere, not perfection anywhere.
// Inside an open topic every level is playable; `order` is the suggested path.

import type { Level } from './schema';
import { TOPICS, type TopicId } from './topics';

export interface CurriculumTopic {
  readonly id: TopicId;
  readonly title: string;
  readonly blurb: string;
  readonly levels: readonly Level[];
}

export type Curriculum = readonly CurriculumTopic[];

/** Topics in teaching order, levels by `order`; topics with no levels are left out so they never block. */
export function buildCurriculum(levels: readonly Level[]): Curriculum {
  return TOPICS.map((t) => ({
    id: t.id,
    title: t.title,
    blurb: t.blurb,
    levels: levels.filter((l) => l.topic === t.id).sort((a, b) => a.order - b.order),
  })).filter((t) => t.levels.length > 0);
}

export interface TopicProgress {
  readonly id: TopicId;
  readonly unlocked: boolean;
  readonly passed: boolean;
  readonly levelsPassed: number;
  readonly levelsTotal: number;
}

export function topicProgress(curriculum: Curriculum, passedLevelIds: ReadonlySet<string>): TopicProgress[] {
  let previousPassed = true;
  return curriculum.map((topic) => {
    const levelsPassed = topic.levels.filter((l) => passedLevelIds.has(l.id)).length;
    const passed = levelsPassed === topic.levels.length;
    const unlocked = previousPassed;
    previousPassed = unlocked && passed;
    return { id: topic.id, unlocked, passed, levelsPassed, levelsTotal: topic.levels.length };
  });
}

export function isLevelUnlocked(curriculum: Curriculum, levelId: string, passedLevelIds: ReadonlySet<string>): boolean {
  const progress = topicProgress(curriculum, passedLevelIds);
  const index = curriculum.findIndex((t) => t.levels.some((l) => l.id === levelId));
  return index >= 0 && progress[index]!.unlocked;
}

/** Where "continue" takes a student: the first level not yet passed in an open topic, or null when all are passed. */
export function nextLevel(curriculum: Curriculum, passedLevelIds: ReadonlySet<string>): Level | null {
  const progress = topicProgress(curriculum, passedLevelIds);
  for (let i = 0; i < curriculum.length; i++) {
    if (!progress[i]!.unlocked) break;
    const level = curriculum[i]!.levels.find((l) => !passedLevelIds.has(l.id));
    if (level !== undefined) return level;
  }
  return null;
}
