// Solo play on the server: what the routes call. Opens a level for a player (start or resume),
// and applies what they send (an answer, a hint, giving up), checking answers against the
// engine's keys here and nowhere else. Returns only what the player may see (view.ts).

import { runProgram } from '../../engine/index';
import { AuthError } from '../auth/errors';
import type { SignedIn } from '../auth/sessions';
import type { PrismaClient } from '../db/client';
import { isCorrect } from '../levels/answer-key';
import type { Catalog } from '../levels/catalog';
import { isLevelUnlocked } from '../levels/curriculum';
import { LevelError } from '../levels/errors';
import { runLevel, type LevelRun } from '../levels/run';
import type { Level } from '../levels/schema';
import { TOPICS } from '../levels/topics';
import { serverContext } from '../server-context';
import { parseLiveLevelId, playableTeacherLevel } from '../teacher-levels/store';
import type { PlayRequest } from './api';
import { levelAfter, passedLevels } from './map';
import type { PlayEvent, PlayRejection } from './play';
import { scorePlay } from './play';
import { actOnPlay, findPlay, loadStandings, startPlay, type StoredPlay } from './store';
import { attemptsAllowed, levelView, playView, type LevelView, type PlayView } from './view';

export interface SoloDeps {
  readonly prisma: PrismaClient;
  readonly catalog: Catalog;
  /** Who plays: a teacher's level is open to its author and to the students of classes it is assigned to. */
  readonly viewer: SignedIn | null;
  readonly now: () => Date;
}

/** A refusal the route turns into an HTTP status and one sentence. */
export interface SoloError {
  readonly ok: false;
  readonly status: 400 | 403 | 404 | 409 | 500;
  readonly message: string;
}

export interface Opened {
  readonly ok: true;
  readonly level: LevelView;
  readonly play: PlayView;
  readonly next: { readonly id: string; readonly title: string } | null;
}

export interface Acted {
  readonly ok: true;
  readonly play: PlayView;
  /** What this request did: an answer's verdict, or why it changed nothing (the view is current either way). */
  readonly outcome:
    | { readonly kind: 'answer'; readonly correct: boolean; readonly revealed: boolean }
    | { readonly kind: 'hint' }
    | { readonly kind: 'reveal' }
    | { readonly kind: 'rejected'; readonly reason: PlayRejection };
  readonly next: { readonly id: string; readonly title: string } | null;
}

function runOf(levelId: string, make: () => LevelRun): LevelRun | SoloError {
  try {
    return make();
  } catch (e) {
    // A level the engine cannot run is a content bug; the player gets a plain sentence, the log the details.
    console.error(`heapquest: level ${levelId} cannot be played:`, e instanceof LevelError ? e.problems.join('\n') : e);
    return { ok: false, status: 500, message: 'This level cannot be played right now: its program did not run as expected. Try another level.' };
  }
}

/**
 * Runs of teacher levels by play id; the id names the revision, so a kept run never goes stale.
 * On globalThis, as the catalog is: Next bundles each route apart, and opening a level and
 * answering in it are two routes that should share one run.
 */
const TEACHER_RUNS = Symbol.for('heapquest.progress.teacher-runs');
const teacherRuns: Map<string, LevelRun> = ((globalThis as { [TEACHER_RUNS]?: Map<string, LevelRun> })[TEACHER_RUNS] ??= new Map());
const TEACHER_RUNS_KEPT = 64;

function teacherRun(level: Level): LevelRun {
  let run = teacherRuns.get(level.id);
  if (run === undefined) {
    run = runLevel(level, runProgram);
    if (teacherRuns.size >= TEACHER_RUNS_KEPT) teacherRuns.delete(teacherRuns.keys().next().value!);
    teacherRuns.set(level.id, run);
  }
  return run;
}

/**
 * The level behind a play id and its run: a repository level (it has a place in the
 * curriculum), or a teacher's level this viewer may play, at the revision the id names.
 */
async function findLevel(deps: SoloDeps, levelId: string): Promise<{ run: LevelRun; inCurriculum: boolean } | SoloError> {
  if (deps.catalog.level(levelId) !== null) {
    const run = runOf(levelId, () => deps.catalog.run(levelId));
    return 'ok' in run ? run : { run, inCurriculum: true };
  }
  const ref = parseLiveLevelId(levelId);
  const record = ref && (await playableTeacherLevel(deps.prisma, deps.viewer, ref.id).catch(notFoundAsNull));
  if (!ref || !record) return { ok: false, status: 404, message: `There is no level "${levelId}". Pick one from the level map.` };
  if (record.revision !== ref.revision) {
    return { ok: false, status: 409, message: 'Your teacher has changed this level since this play began. Open it again from the level map.' };
  }
  const run = runOf(levelId, () => teacherRun({ ...record.level, id: levelId }));
  return 'ok' in run ? run : { run, inCurriculum: false };
}

function notFoundAsNull(e: unknown): null {
  if (e instanceof AuthError) return null;
  throw e;
}

async function nextAfter(deps: SoloDeps, playerId: string, play: StoredPlay, finished: boolean) {
  if (!finished) return null;
  return levelAfter(deps.catalog.curriculum, play.levelId, passedLevels(await loadStandings(deps.prisma, playerId)));
}

export async function openLevel(deps: SoloDeps, playerId: string, levelId: string): Promise<Opened | SoloError> {
  const { catalog, prisma } = deps;
  const level = catalog.level(levelId);
  if (level !== null && !isLevelUnlocked(catalog.curriculum, levelId, passedLevels(await loadStandings(prisma, playerId)))) {
    const index = catalog.curriculum.findIndex((t) => t.id === level.topic);
    const before = catalog.curriculum[index - 1];
    const title = TOPICS.find((t) => t.id === before?.id)?.title ?? 'the topics before it';
    return { ok: false, status: 403, message: `This level is locked. Pass every level of “${title}” to open it.` };
  }
  const found = await findLevel(deps, levelId);
  if ('ok' in found) return found;
  const { run } = found;
  const play = await startPlay(prisma, { playerId, levelId, checkpoints: run.level.checkpoints.length, now: deps.now() });
  const score = scorePlay(play.state, run.level.difficulty);
  return { ok: true, level: levelView(run.level), play: playView(run, play.id, play.state, score), next: await nextAfter(deps, playerId, play, score !== null) };
}

export async function actOnLevel(deps: SoloDeps, playerId: string, playId: string, request: PlayRequest): Promise<Acted | SoloError> {
  const { prisma } = deps;
  const stored = await findPlay(prisma, playerId, playId);
  if (stored === null) return { ok: false, status: 404, message: 'That play is not yours or no longer exists. Open the level again from the map.' };
  const found = await findLevel(deps, stored.levelId);
  if ('ok' in found) return found;
  const { run } = found;
  if (request.checkpoint >= run.level.checkpoints.length) {
    return { ok: false, status: 400, message: `checkpoint: this level has ${run.level.checkpoints.length} checkpoints` };
  }

  let event: PlayEvent;
  let correct = false;
  if (request.type === 'answer') {
    const { answer } = run.key.checkpoints[request.checkpoint]!;
    if (request.response.kind !== answer.kind) {
      return { ok: false, status: 400, message: `response: this question wants a "${answer.kind}" answer, not "${request.response.kind}"` };
    }
    correct = isCorrect(answer, request.response);
    event = { type: 'answer', checkpoint: request.checkpoint, correct, attemptsAllowed: attemptsAllowed(run, request.checkpoint) };
  } else {
    event = { type: request.type, checkpoint: request.checkpoint };
  }

  const result = await actOnPlay(prisma, { playerId, playId, event, now: deps.now(), difficulty: run.level.difficulty, ranked: found.inCurriculum });
  if (!result.ok) {
    if (result.play === null) return { ok: false, status: 404, message: 'That play is not yours or no longer exists. Open the level again from the map.' };
    // Stale or finished: nothing changed; send the current view so the page catches up.
    const play = result.play;
    const score = scorePlay(play.state, run.level.difficulty);
    return {
      ok: true,
      play: playView(run, play.id, play.state, score),
      outcome: { kind: 'rejected', reason: result.reason as PlayRejection },
      next: await nextAfter(deps, playerId, play, score !== null),
    };
  }
  const outcome: Acted['outcome'] =
    request.type === 'answer' ? { kind: 'answer', correct, revealed: result.revealed !== null } : { kind: request.type };
  return {
    ok: true,
    play: playView(run, result.play.id, result.play.state, result.score),
    outcome,
    next: await nextAfter(deps, playerId, result.play, result.score !== null),
  };
}

/** The dependencies in a running server: its database, this process's level catalog, the viewer, the clock. */
export async function serverSoloDeps(prisma: PrismaClient, viewer: SignedIn | null): Promise<SoloDeps> {
  return { prisma, catalog: await serverContext().catalog(), viewer, now: () => new Date() };
}
