// What a live question is, what an answer to it looks like, and whether an answer is right.
//
// A playlist question is built server-side from a level checkpoint; its `key` comes from the
// engine, never from a person. The key stays on the server: views.ts copies a question out
// field by field (`questionView`) and never touches `key` before the reveal.
import { z } from 'zod';

export const VERSIONS = ['3.10', '3.11', '3.12', '3.13'] as const;
export type Version = (typeof VERSIONS)[number];

export const QUESTION_KINDS = ['number', 'yesno', 'pick', 'order', 'version'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const LIMITS = {
  playlist: 100,
  prompt: 500,
  id: 64,
  pickables: 50,
  orderItems: 20,
  orderItem: 200,
  timeLimitMs: { min: 5_000, max: 600_000 },
} as const;

const id = z.string().min(1).max(LIMITS.id);
const version = z.enum(VERSIONS);

/** An answer as a student sends it and as a key is revealed: the kind travels with the value. */
export const answerValueSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('number'), value: z.number() }),
  z.strictObject({ kind: z.literal('yesno'), value: z.boolean() }),
  z.strictObject({ kind: z.literal('pick'), value: z.array(id).max(LIMITS.pickables) }),
  z.strictObject({ kind: z.literal('order'), value: z.array(z.string().max(LIMITS.orderItem)).max(LIMITS.orderItems) }),
  z.strictObject({ kind: z.literal('version'), value: z.array(version).max(VERSIONS.length) }),
]);
export type AnswerValue = z.output<typeof answerValueSchema>;

const base = {
  id,
  prompt: z.string().min(1).max(LIMITS.prompt),
  /** Which heap scene every client shows: a level and a step of its trace. */
  scene: z.strictObject({ levelId: id, step: z.int().min(0) }),
  timeLimitMs: z.int().min(LIMITS.timeLimitMs.min).max(LIMITS.timeLimitMs.max),
};

const unique = (xs: readonly string[]) => new Set(xs).size === xs.length;

export const liveQuestionSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ ...base, kind: z.literal('number'), key: z.number() }),
    z.strictObject({ ...base, kind: z.literal('yesno'), key: z.boolean() }),
    z.strictObject({
      ...base,
      kind: z.literal('pick'),
      /** Heap object ids a student may click (the engine's ids, as strings). */
      pickables: z.array(id).min(1).max(LIMITS.pickables),
      key: z.array(id).max(LIMITS.pickables),
    }),
    z.strictObject({
      ...base,
      kind: z.literal('order'),
      /** The things to arrange; shown sorted, so their order here cannot give the key away. */
      items: z.array(z.string().min(1).max(LIMITS.orderItem)).min(2).max(LIMITS.orderItems),
      key: z.array(z.string().max(LIMITS.orderItem)).max(LIMITS.orderItems),
    }),
    z.strictObject({ ...base, kind: z.literal('version'), key: z.array(version).min(1).max(VERSIONS.length) }),
  ])
  .superRefine((q, ctx) => {
    const problem = keyProblem(q);
    if (problem) ctx.addIssue({ code: 'custom', path: ['key'], message: problem });
  });
export type LiveQuestion = z.output<typeof liveQuestionSchema>;

export const playlistSchema = z
  .array(liveQuestionSchema)
  .min(1, 'a session needs at least one question')
  .max(LIMITS.playlist)
  .refine((qs) => unique(qs.map((q) => q.id)), 'question ids must be unique');

function keyProblem(q: LiveQuestion): string | null {
  switch (q.kind) {
    case 'number':
      return Number.isFinite(q.key) ? null : 'a number key must be finite';
    case 'yesno':
      return null;
    case 'pick':
      if (!unique(q.pickables)) return 'pickables must be unique';
      if (!unique(q.key)) return 'the key lists an object twice';
      return q.key.every((k) => q.pickables.includes(k)) ? null : 'every key object must be pickable';
    case 'order':
      if (!unique(q.items)) return 'order items must be unique';
      return isPermutationOf(q.key, q.items) ? null : 'an order key must arrange exactly the items';
    case 'version':
      return unique(q.key) ? null : 'the key lists a version twice';
  }
}

function isPermutationOf(xs: readonly string[], of: readonly string[]): boolean {
  return xs.length === of.length && unique(xs) && xs.every((x) => of.includes(x));
}

/** The key in the same shape as an answer, for grading and for the reveal. */
export function keyOf(q: LiveQuestion): AnswerValue {
  return { kind: q.kind, value: q.key } as AnswerValue;
}

/** Why an answer cannot be graded against this question, or null when it can. */
export function answerProblem(q: LiveQuestion, a: AnswerValue): string | null {
  if (a.kind !== q.kind) return `this question takes a ${q.kind} answer, not ${a.kind}`;
  switch (a.kind) {
    case 'number':
      return Number.isFinite(a.value) ? null : 'the number must be finite';
    case 'yesno':
      return null;
    case 'pick': {
      const pickables = (q as Extract<LiveQuestion, { kind: 'pick' }>).pickables;
      if (!unique(a.value)) return 'an object was picked twice';
      return a.value.every((x) => pickables.includes(x)) ? null : 'only the objects shown can be picked';
    }
    case 'order': {
      const items = (q as Extract<LiveQuestion, { kind: 'order' }>).items;
      return isPermutationOf(a.value, items) ? null : 'put every item in order exactly once';
    }
    case 'version':
      return unique(a.value) ? null : 'a version was chosen twice';
  }
}

export interface Grade {
  readonly correct: boolean;
  /** 1 when correct; for pick answers that are not exactly right, the share earned (see below); else 0. */
  readonly credit: number;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

/**
 * Correctness per kind:
 * - number: exact equality (refcounts, sizes and collect() results are integers; no tolerance).
 * - yesno: equality.
 * - pick: set equality, order of clicks ignored. Partial credit when not exact:
 *   credit = max(0, hits − wrong picks) / |key|; a guess of everything earns nothing extra
 *   because each wrong pick cancels a hit. An empty key ("nothing dies") has no partial credit.
 * - order: the exact sequence.
 * - version: set equality (a program can print the same on several versions).
 * Only exact answers count as correct (and keep a streak); partial credit scores, see scoring.ts.
 * Callers check `answerProblem` first.
 */
export function grade(q: LiveQuestion, a: AnswerValue): Grade {
  switch (q.kind) {
    case 'number':
    case 'yesno':
      return full(a.value === q.key);
    case 'order': {
      const v = a.value as string[];
      return full(v.length === q.key.length && v.every((x, i) => x === q.key[i]));
    }
    case 'version':
      return full(sameSet(a.value as string[], q.key));
    case 'pick': {
      const v = a.value as string[];
      if (sameSet(v, q.key)) return full(true);
      if (q.key.length === 0) return full(false);
      const hits = v.filter((x) => q.key.includes(x)).length;
      return { correct: false, credit: Math.max(0, hits - (v.length - hits)) / q.key.length };
    }
  }
}

const full = (correct: boolean): Grade => ({ correct, credit: correct ? 1 : 0 });
