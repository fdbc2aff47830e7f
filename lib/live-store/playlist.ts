// Level checkpoints as live questions. The key of each question is read off an engine run by
// lib/levels (catalog.ts: deriveAnswerKeys), never typed; the scene every client shows is the
// same run's trace, cut where the checkpoint pauses until the reveal, and through the line's
// last step after it.
//
// Server only: it loads the levels folder and runs the engine. Everything is worked out once
// per level and kept (file levels change only with a deploy; a teacher level's id names its
// revision, and the session stores the level it was built from).
import { runProgram } from '../../engine/index';
import type { ObjectId, TraceStep } from '../../engine/trace';
import type { Answer, Runner } from '../levels/answer-key';
import { levelCatalog } from '../levels/catalog';
import { runLevel, type LevelRun } from '../levels/run';
import { LevelError } from '../levels/errors';
import { levelSchema, type Level } from '../levels/schema';
import { LIMITS, liveQuestionSchema, type LiveQuestion } from '../live/questions';

export const DEFAULT_TIME_LIMIT_MS = 30_000;

/** What a client needs to draw one question's scene. */
export interface QuestionScene {
  readonly levelId: string;
  readonly title: string;
  readonly program: string;
  readonly line: number;
  /** Steps shown while the question is open: the heap as the checkpoint's line starts. */
  readonly before: number;
  /** Steps shown after the reveal: through the end of the line's run. */
  readonly after: number;
  /** Pick questions: what each clickable object is, for a list beside the canvas. */
  readonly candidates: readonly { readonly id: string; readonly label: string }[];
}

interface PreparedLevel {
  readonly level: Level;
  readonly steps: readonly TraceStep[];
  readonly questions: readonly (PreparedQuestion | { readonly problem: string })[];
}

/** A question before the host chooses its time limit. */
type Untimed = LiveQuestion extends infer Q ? (Q extends LiveQuestion ? Omit<Q, 'timeLimitMs'> : never) : never;

interface PreparedQuestion {
  readonly base: Untimed;
  readonly scene: QuestionScene;
}

export interface LevelSummary {
  readonly id: string;
  readonly topic: string;
  readonly title: string;
  readonly difficulty: number;
  readonly checkpoints: readonly { readonly index: number; readonly kind: string; readonly prompt: string; readonly usable: string | true }[];
}

const runner: Runner = (source, options) => runProgram(source, options);

let levels: ReadonlyMap<string, Level> | null = null;
const prepared = new Map<string, PreparedLevel>();

function allLevels(): ReadonlyMap<string, Level> {
  levels ??= new Map(levelCatalog().levels.map((l) => [l.level.id, l.level]));
  return levels;
}

/** The question id for checkpoint `index` of a level; the scene route reads it back. */
export const questionId = (levelId: string, index: number) => `${levelId}#${index}`;

export function parseQuestionId(id: string): { levelId: string; index: number } | null {
  const m = /^([a-z0-9-]+)#(\d{1,3})$/.exec(id);
  return m ? { levelId: m[1]!, index: Number(m[2]) } : null;
}

function prepare(levelId: string, given?: Level): PreparedLevel | null {
  const cached = prepared.get(levelId);
  if (cached) return cached;
  const level = allLevels().get(levelId) ?? given;
  if (!level) return null;
  // One engine run per level gives the keys, the trace and where each checkpoint stops
  // (lib/levels/catalog.ts, shared with solo play, so both ask at the same moment).
  let run: LevelRun;
  try {
    run = given && !allLevels().has(levelId) ? runLevel(given, runner) : levelCatalog().run(levelId);
  } catch (error) {
    // The engine cannot key this level (yet): say so to the host rather than failing the page.
    if (error instanceof LevelError) throw new PlaylistError(`Level "${level.title}" cannot be played live right now: ${error.problems[0] ?? error.message}`);
    throw error;
  }
  const questions = level.checkpoints.map((cp, i) => {
    const key = run.key.checkpoints[i]!;
    const stop = run.stops[i]!;
    const before = stop.pause + 1;
    const after = stop.windowEnd + 1;
    const id = questionId(level.id, i);
    const prompt = promptFor(cp.question.prompt, key.answer);
    const base = questionFrom(id, prompt, { levelId: level.id, step: before }, key.answer);
    if (typeof base === 'string') return { problem: base };
    const candidates =
      key.answer.kind === 'pick' ? key.answer.candidates.map((c) => ({ id: String(c.id), label: c.label })) : [];
    return { base, scene: { levelId: level.id, title: level.title, program: level.program, line: cp.line, before, after, candidates } };
  });
  const p = { level, steps: run.steps, questions };
  prepared.set(levelId, p);
  return p;
}

function promptFor(prompt: string, answer: Answer): string {
  const text = answer.kind === 'version' ? `${prompt}\n\n${answer.shown}` : prompt;
  return text.length > LIMITS.prompt ? `${text.slice(0, LIMITS.prompt - 1)}…` : text;
}

const ids = (xs: readonly ObjectId[]) => xs.map(String);

/** The live question, or why this checkpoint cannot be played live. */
function questionFrom(id: string, prompt: string, scene: { levelId: string; step: number }, a: Answer): Untimed | string {
  const base = { id, prompt, scene };
  switch (a.kind) {
    case 'number':
      return { ...base, kind: 'number', key: a.value };
    case 'yesno':
      return { ...base, kind: 'yesno', key: a.value };
    case 'pick':
      if (a.candidates.length > LIMITS.pickables) return `offers ${a.candidates.length} objects; a live question offers at most ${LIMITS.pickables}`;
      return { ...base, kind: 'pick', pickables: ids(a.candidates.map((c) => c.id)), key: ids(a.ids) };
    case 'order':
      if (new Set(a.items).size !== a.items.length) return 'its items repeat, so an order cannot be told apart';
      if (a.items.length > LIMITS.orderItems) return `has ${a.items.length} items; a live question takes at most ${LIMITS.orderItems}`;
      return { ...base, kind: 'order', items: [...a.items], key: [...a.items] };
    case 'version':
      return { ...base, kind: 'version', key: [...a.profiles] };
  }
}

/** Every level with its checkpoints, for the host's playlist picker. */
export function levelCatalogue(): LevelSummary[] {
  return [...allLevels().values()]
    .sort((a, b) => a.topic.localeCompare(b.topic) || a.order - b.order)
    .map((level) => ({
      id: level.id,
      topic: level.topic,
      title: level.title,
      difficulty: level.difficulty,
      checkpoints: level.checkpoints.map((cp, index) => ({ index, kind: cp.question.kind, prompt: cp.question.prompt, usable: true as const })),
    }));
}

export class PlaylistError extends Error {
  override name = 'PlaylistError';
}

/**
 * Picked checkpoints, in the order given, as a playlist the session core accepts.
 * `teacherLevels`: levels that are not files (a teacher's own, lib/teacher-levels), given by a
 * caller that checked the host is their author, under ids that name their revision. Only a
 * build that is given a teacher level may use it; the session keeps those levels, and scenes
 * of its questions are worked out from them (sceneOf) when the cache does not hold them.
 */
export function buildPlaylist(
  picks: readonly { levelId: string; checkpoint: number }[],
  timeLimitMs = DEFAULT_TIME_LIMIT_MS,
  teacherLevels: ReadonlyMap<string, Level> = new Map(),
): LiveQuestion[] {
  if (picks.length === 0) throw new PlaylistError('Pick at least one question.');
  return picks.map(({ levelId, checkpoint }) => {
    const given = teacherLevels.get(levelId);
    const p = given || allLevels().has(levelId) ? prepare(levelId, given) : null;
    if (!p) throw new PlaylistError(`There is no level "${levelId}".`);
    const q = p.questions[checkpoint];
    if (!q) throw new PlaylistError(`Level "${levelId}" has no checkpoint ${checkpoint + 1}.`);
    if ('problem' in q) throw new PlaylistError(`Checkpoint ${checkpoint + 1} of "${levelId}" cannot be played live: it ${q.problem}.`);
    return liveQuestionSchema.parse({ ...q.base, timeLimitMs });
  });
}

/**
 * The scene of a playlist question and the trace steps a client may see now. `stored`: the
 * non-file levels kept with the session (lib/live-store/store.ts: sessionLevels), as they were
 * when it was built; a teacher level's scene is worked out again from them when this process
 * has not prepared it (after a restart, or on another node).
 */
export function sceneOf(id: string, revealed: boolean, stored: readonly unknown[] = []): { scene: QuestionScene; steps: readonly TraceStep[] } | null {
  const ref = parseQuestionId(id);
  if (!ref) return null;
  let p: PreparedLevel | null;
  try {
    p = prepare(ref.levelId, allLevels().has(ref.levelId) ? undefined : storedLevel(stored, ref.levelId));
  } catch (error) {
    if (error instanceof PlaylistError) return null;
    throw error;
  }
  const q = p?.questions[ref.index];
  if (!p || !q || 'problem' in q) return null;
  return { scene: q.scene, steps: p.steps.slice(0, revealed ? q.scene.after : q.scene.before) };
}

function storedLevel(stored: readonly unknown[], levelId: string): Level | undefined {
  const found = stored.find((l) => (l as { id?: unknown } | null)?.id === levelId);
  if (found === undefined) return undefined;
  const parsed = levelSchema.safeParse(found);
  if (!parsed.success) throw new PlaylistError(`The stored level "${levelId}" is not a level: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}
