// What the level editor sends: a playground program, its version, and per checkpoint a line, a
// question kind with the probe the level format uses, and a hint. Prompts and explanations
// may be left empty; they get wording that names the line and cites the run's values through
// the level format's placeholders, so an answer is still never typed. Pure (browser and server).

import { z } from 'zod';
import { TOPIC_IDS, type TopicId } from '../levels/topics';
import { PROFILES, QUESTION_KINDS, type Level, type LevelInput, type Profile } from '../levels/schema';

export const MAX_PROGRAM = 20_000;
export const MAX_CHECKPOINTS = 20;

const optionalText = (max: number) =>
  z
    .string()
    .max(max, { error: `must be at most ${max} characters` })
    .optional()
    .transform((s) => (s === undefined || s.trim() === '' ? undefined : s.trim()));

export const draftCheckpointSchema = z.strictObject({
  line: z.int({ error: 'pick a line' }).min(1),
  occurrence: z.int().min(1).max(100_000).default(1),
  kind: z.enum(QUESTION_KINDS),
  /** The level format's probe; checked by lib/levels' schema once the level is built. */
  probe: z.record(z.string(), z.unknown()),
  hint: z.string().trim().min(1, { error: 'write a hint' }).max(500),
  prompt: optionalText(400),
  explanation: optionalText(800),
});

export const draftSchema = z.strictObject({
  title: z.string().trim().min(1, { error: 'give the level a title' }).max(120),
  version: z.enum(PROFILES),
  topic: z.enum(TOPIC_IDS).default('refcount'),
  intro: optionalText(500),
  program: z.string().max(MAX_PROGRAM, { error: `a level's program has at most ${MAX_PROGRAM} characters` }),
  checkpoints: z.array(draftCheckpointSchema).max(MAX_CHECKPOINTS, { error: `a level has at most ${MAX_CHECKPOINTS} checkpoints` }),
});

export type Draft = z.output<typeof draftSchema>;
export type DraftInput = z.input<typeof draftSchema>;
export type DraftCheckpoint = z.output<typeof draftCheckpointSchema>;

const str = (v: unknown) => (typeof v === 'string' ? v : '?');

/** A prompt for a probe that names what it asks about (shown before the answer: no placeholders). */
export function defaultPrompt(cp: DraftCheckpoint): string {
  const p = cp.probe;
  const at = `line ${cp.line}${cp.occurrence > 1 ? ` (run ${cp.occurrence})` : ''}`;
  switch (p.read) {
    case 'printed':
      return cp.kind === 'yesno' ? `Does ${at} print True?` : `What number does ${at} print?`;
    case 'refcount':
      return `After ${at} runs, what is the reference count of \`${str(p.of)}\` (what sys.getrefcount shows, minus its own argument)?`;
    case 'alive':
      return `Is the object \`${str(p.of)}\` names still alive after ${at} runs?`;
    case 'freed':
      return `Click every object that ${at} frees.`;
    case 'created':
      return `Click every object that ${at} creates and keeps.`;
    case 'shared':
      return `After ${at}, click every object that \`${str(p.a)}\` and \`${str(p.b)}\` share.`;
    case 'unreachable':
      return `Click every object the collector finds unreachable while ${at} runs.`;
    case 'printed-lines':
      return `Put what ${at} prints in order.`;
    case 'finalized':
      return `Put the objects whose finalizers run during ${at} in order.`;
    case 'versions':
      return p.show === 'program' ? 'Which Python versions print exactly this program output?' : `Which Python versions print this on ${at}?`;
    default:
      return `A question about ${at}.`;
  }
}

/** An explanation that cites the run (lib/levels' placeholders), for a teacher who wrote none. */
export function defaultExplanation(cp: DraftCheckpoint): string {
  switch (cp.probe.read) {
    case 'printed':
      return 'Line {line} prints {printed}.';
    case 'refcount':
      return 'After line {line}, {repr} is held by {holders}: refcount {refcount}.';
    case 'alive':
      return '{answer}: after line {line} its refcount is {refcount} (held by {holders}).';
    case 'freed':
    case 'created':
    case 'shared':
    case 'unreachable':
      return 'Line {line}: {objects}.';
    case 'printed-lines':
    case 'finalized':
      return 'The order is {sequence}.';
    case 'versions':
      return '{outputs}.';
    default:
      return 'See line {line}.';
  }
}

/** The level a draft stands for, in lib/levels' input format (validated by validateLevel next). */
export function levelFromDraft(draft: Draft, id: string): LevelInput {
  return {
    id,
    topic: draft.topic as TopicId,
    title: draft.title,
    difficulty: 2,
    order: 1,
    profile: draft.version as Profile,
    intro: draft.intro ?? 'A level made by your teacher in the playground.',
    program: draft.program,
    checkpoints: draft.checkpoints.map((cp) => ({
      line: cp.line,
      occurrence: cp.occurrence,
      question: {
        kind: cp.kind,
        prompt: cp.prompt ?? defaultPrompt(cp),
        hint: cp.hint,
        explanation: cp.explanation ?? defaultExplanation(cp),
        probe: cp.probe,
      } as NonNullable<LevelInput['checkpoints'][number]>['question'],
    })),
  };
}

/** The probes each question kind may use (the level format's pairs), for the editor's menus. */
export const PROBES_BY_KIND: Readonly<Record<(typeof QUESTION_KINDS)[number], readonly string[]>> = {
  number: ['refcount', 'printed'],
  yesno: ['alive', 'printed'],
  pick: ['freed', 'created', 'shared', 'unreachable'],
  order: ['printed-lines', 'finalized'],
  version: ['versions'],
};

/** A stored level back as the editor's draft (to edit it). */
export function draftFromLevel(level: Level): Draft {
  return {
    title: level.title,
    version: level.profile,
    topic: level.topic,
    intro: level.intro,
    program: level.program,
    checkpoints: level.checkpoints.map((cp) => ({
      line: cp.line,
      occurrence: cp.occurrence,
      kind: cp.question.kind,
      probe: { ...cp.question.probe },
      hint: cp.question.hint,
      prompt: cp.question.prompt,
      explanation: cp.question.explanation,
    })),
  };
}
