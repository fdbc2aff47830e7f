// The shape of a level, validated with zod wherever a level enters: files at build and
// load time, teachers' levels later.
//
// A question never carries its answer. It carries a probe: a machine-readable statement of
// where in an engine run the answer lies ("the first line printed while line 5 runs", "the
// objects deallocated while line 7 runs"). answer-key.ts runs the program and reads the
// probe, so every key comes from the engine and CI compares the engine with CPython.

import { z } from 'zod';
import { TOPIC_IDS } from './topics';

export const PROFILES = ['3.10', '3.11', '3.12', '3.13'] as const;
export type Profile = (typeof PROFILES)[number];
export const DEFAULT_PROFILE: Profile = '3.12';

/**
 * An object named from the frame the checkpoint line runs in: a variable, then any chain of
 * `.attr`, `[index]` or `['key']`. Resolved over the heap snapshot's references.
 */
export const OBJECT_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*|\[-?[0-9]+\]|\['[^'\]]*'\])*$/;
const objectPath = z.string().regex(OBJECT_PATH, {
  error: "must name an object: a variable, then any of `.attr`, `[0]` or `['key']` (e.g. `grid[0]`)",
});

/** Heap object type names a pick question offers (default: every object the scene draws). */
const typeFilter = z.array(z.string().min(1)).min(1).optional();

const text = z.string().trim().min(1, { error: 'must not be empty' });

// ---------------------------------------------------------------- probes

/** A line printed while the checkpoint line runs (including what its calls print), 0-based. */
const printedProbe = z.strictObject({
  read: z.literal('printed'),
  index: z.int().min(0).default(0),
  /** Optional: the object the printed value is about, so the explanation can list who holds it. */
  about: objectPath.optional(),
});

/** The reference count of an object right after the line, as the snapshot holds it (getrefcount minus its argument). */
const refcountProbe = z.strictObject({ read: z.literal('refcount'), of: objectPath });

/** Whether the object a name designated before the line still exists after it. */
const aliveProbe = z.strictObject({ read: z.literal('alive'), of: objectPath });

const freedProbe = z.strictObject({ read: z.literal('freed'), types: typeFilter });
const createdProbe = z.strictObject({ read: z.literal('created'), types: typeFilter });
const sharedProbe = z.strictObject({ read: z.literal('shared'), a: objectPath, b: objectPath, types: typeFilter });
const unreachableProbe = z.strictObject({ read: z.literal('unreachable'), types: typeFilter });

/** Every line printed while the checkpoint line runs, in order. */
const printedLinesProbe = z.strictObject({ read: z.literal('printed-lines') });
/** The objects whose finalizers or weakref callbacks ran while the line ran, in order. */
const finalizedProbe = z.strictObject({ read: z.literal('finalized') });

/** The profiles whose output matches this level's profile: the line's output, or the whole program's. */
const versionsProbe = z.strictObject({ read: z.literal('versions'), show: z.enum(['printed', 'program']) });

// ---------------------------------------------------------------- questions

const common = { prompt: text, hint: text, explanation: text };

const numberQuestion = z.strictObject({ kind: z.literal('number'), ...common, probe: z.discriminatedUnion('read', [printedProbe, refcountProbe]) });
const yesnoQuestion = z.strictObject({ kind: z.literal('yesno'), ...common, probe: z.discriminatedUnion('read', [printedProbe, aliveProbe]) });
const pickQuestion = z.strictObject({
  kind: z.literal('pick'),
  ...common,
  probe: z.discriminatedUnion('read', [freedProbe, createdProbe, sharedProbe, unreachableProbe]),
});
const orderQuestion = z.strictObject({ kind: z.literal('order'), ...common, probe: z.discriminatedUnion('read', [printedLinesProbe, finalizedProbe]) });
const versionQuestion = z.strictObject({ kind: z.literal('version'), ...common, probe: versionsProbe });

export const QUESTION_KINDS = ['number', 'yesno', 'pick', 'order', 'version'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const questionSchema = z.discriminatedUnion('kind', [numberQuestion, yesnoQuestion, pickQuestion, orderQuestion, versionQuestion]);

export const checkpointSchema = z.strictObject({
  /** 1-based line of the program; the program pauses before it runs. */
  line: z.int().min(1),
  /** Which time the line runs (loops and functions run a line more than once), 1-based. */
  occurrence: z.int().min(1).default(1),
  question: questionSchema,
});

export const LEVEL_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const levelSchema = z.strictObject({
  /** Stable across renames: progress is stored under it. */
  id: z.string().regex(LEVEL_ID, { error: 'must be lowercase words joined by hyphens, e.g. `refcount-alias`' }),
  topic: z.enum(TOPIC_IDS),
  title: text,
  difficulty: z.int().min(1).max(5),
  /** Position within the topic, 1-based. */
  order: z.int().min(1),
  profile: z.enum(PROFILES).default(DEFAULT_PROFILE),
  /** Shown before the program: what to look for. */
  intro: text,
  program: z.string(),
  checkpoints: z.array(checkpointSchema).min(1, { error: 'a level needs at least one checkpoint' }),
});

export type Level = z.output<typeof levelSchema>;
export type LevelInput = z.input<typeof levelSchema>;
export type Checkpoint = z.output<typeof checkpointSchema>;
export type Question = z.output<typeof questionSchema>;
export type Probe = Question['probe'];
export type ProbeRead = Probe['read'];

/**
 * The values an explanation may cite, per probe. Placeholders are `{name}`; the values come
 * from the engine run, so no explanation hard-codes a number that a version could change.
 */
export const PLACEHOLDERS: Readonly<Record<ProbeRead, readonly string[]>> = {
  printed: ['answer', 'line', 'printed'],
  refcount: ['answer', 'line', 'refcount', 'holders', 'repr', 'type'],
  alive: ['answer', 'line', 'refcount', 'holders', 'repr', 'type'],
  freed: ['answer', 'line', 'objects', 'count'],
  created: ['answer', 'line', 'objects', 'count'],
  shared: ['answer', 'line', 'objects', 'count'],
  unreachable: ['answer', 'line', 'objects', 'count'],
  'printed-lines': ['answer', 'line', 'sequence'],
  finalized: ['answer', 'line', 'sequence'],
  versions: ['answer', 'line', 'shown', 'versions', 'outputs'],
};

/** Extra placeholders a printed probe offers when it names the object it is `about`. */
export const ABOUT_PLACEHOLDERS: readonly string[] = ['refcount', 'holders', 'repr', 'type'];

export function placeholdersFor(probe: Probe): readonly string[] {
  const base = PLACEHOLDERS[probe.read];
  return probe.read === 'printed' && probe.about !== undefined ? [...base, ...ABOUT_PLACEHOLDERS] : base;
}

export const PLACEHOLDER = /\{([^{}]*)\}/g;
