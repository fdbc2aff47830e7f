// What a player's browser may see of a level and their play of it. Like boardgame.io's
// player view: built from the server's full knowledge, with every secret left out. A key,
// an explanation or a hint leaves the server only for a checkpoint that is revealed (or whose
// hint was asked for); the trace goes out only up to the open checkpoint's pause.

import type { TraceStep } from '../../engine/trace';
import type { Answer, PickCandidate } from '../levels/answer-key';
import type { LevelRun } from '../levels/run';
import { PROFILES, type Level, type Profile, type QuestionKind } from '../levels/schema';
import type { LevelScore } from '../levels/scoring';
import { TOPICS } from '../levels/topics';
import { ATTEMPTS_ALLOWED, isFinished, type CheckpointState, type PlayState } from './play';

export interface LevelView {
  readonly id: string;
  readonly title: string;
  readonly topicTitle: string;
  readonly intro: string;
  readonly difficulty: number;
  readonly profile: Profile;
  readonly program: string;
  readonly checkpoints: number;
}

/** A question as asked: never its key. */
export interface QuestionView {
  readonly index: number;
  readonly line: number;
  readonly kind: QuestionKind;
  readonly prompt: string;
  readonly attemptsAllowed: number;
  /** pick: the objects on screen that may be picked. */
  readonly candidates?: readonly PickCandidate[];
  /** order: the items to arrange, sorted (so their order says nothing about the key). */
  readonly items?: readonly string[];
  /** version: the output to attribute, and the versions to choose from. */
  readonly shown?: string;
  readonly options?: readonly Profile[];
}

export interface RevealView {
  readonly index: number;
  readonly answer: Answer;
  readonly explanation: string;
}

export interface StopView {
  /** Last step on screen while the question is open (-1: before the first line). */
  readonly pause: number;
  /** Last step of the line's own run; known once the checkpoint is revealed. */
  readonly windowEnd: number | null;
}

export interface PlayView {
  readonly playId: string;
  readonly levelId: string;
  /** The open checkpoint; equals `results.length` when the play is finished. */
  readonly checkpoint: number;
  readonly finished: boolean;
  readonly results: readonly CheckpointState[];
  /** Time spent on this play so far (idle gaps capped). */
  readonly activeMs: number;
  /** The questions reached so far (the open one included). */
  readonly questions: readonly QuestionView[];
  readonly stops: readonly StopView[];
  /** Hint texts, for checkpoints whose hint was asked for. */
  readonly hints: readonly (string | null)[];
  readonly reveals: readonly RevealView[];
  /** Every trace step the player may see now. */
  readonly steps: readonly TraceStep[];
  readonly score: LevelScore | null;
}

export function levelView(level: Level): LevelView {
  return {
    id: level.id,
    title: level.title,
    topicTitle: TOPICS.find((t) => t.id === level.topic)?.title ?? level.topic,
    intro: level.intro,
    difficulty: level.difficulty,
    profile: level.profile,
    program: level.program,
    checkpoints: level.checkpoints.length,
  };
}

export function attemptsAllowed(run: LevelRun, index: number): number {
  return ATTEMPTS_ALLOWED[run.level.checkpoints[index]!.question.kind];
}

function questionView(run: LevelRun, index: number): QuestionView {
  const cp = run.level.checkpoints[index]!;
  const answer = run.key.checkpoints[index]!.answer;
  const base = { index, line: cp.line, kind: cp.question.kind, prompt: cp.question.prompt, attemptsAllowed: attemptsAllowed(run, index) };
  switch (answer.kind) {
    case 'pick':
      return { ...base, candidates: answer.candidates };
    case 'order':
      return { ...base, items: [...answer.items].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) };
    case 'version':
      return { ...base, shown: answer.shown, options: PROFILES };
    default:
      return base;
  }
}

/** The last step the player may see: the open checkpoint's pause, or the end once finished. */
export function visibleThrough(run: LevelRun, state: PlayState): number {
  return isFinished(state) ? run.steps.length - 1 : run.stops[state.checkpoint]!.pause;
}

export function playView(run: LevelRun, playId: string, state: PlayState, score: LevelScore | null): PlayView {
  const reached = Math.min(state.checkpoint + 1, state.results.length);
  const indices = Array.from({ length: reached }, (_, i) => i);
  return {
    playId,
    levelId: run.level.id,
    checkpoint: state.checkpoint,
    finished: isFinished(state),
    results: state.results,
    activeMs: state.activeMs,
    questions: indices.map((i) => questionView(run, i)),
    stops: indices.map((i) => ({ pause: run.stops[i]!.pause, windowEnd: state.results[i]!.revealed ? run.stops[i]!.windowEnd : null })),
    hints: state.results.map((r, i) => (r.hintUsed ? run.level.checkpoints[i]!.question.hint : null)),
    reveals: state.results.flatMap((r, i) =>
      r.revealed ? [{ index: i, answer: run.key.checkpoints[i]!.answer, explanation: run.key.checkpoints[i]!.explanation }] : [],
    ),
    steps: run.steps.slice(0, visibleThrough(run, state) + 1),
    score,
  };
}
