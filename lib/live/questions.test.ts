import { describe, expect, it } from 'vitest';
import { answerProblem, grade, keyOf, liveQuestionSchema, playlistSchema, type LiveQuestion } from './questions';
import { describeZodError } from './events';
import { MORE_KINDS, PLAYLIST } from './testing';

const [numberQ, pickQ, orderQ] = PLAYLIST as [LiveQuestion, LiveQuestion, LiveQuestion];
const [yesnoQ, versionQ] = MORE_KINDS as [LiveQuestion, LiveQuestion];

describe('grade', () => {
  it('number: exact', () => {
    expect(grade(numberQ, { kind: 'number', value: 7919 })).toEqual({ correct: true, credit: 1 });
    expect(grade(numberQ, { kind: 'number', value: 7918 })).toEqual({ correct: false, credit: 0 });
  });

  it('yes/no', () => {
    expect(grade(yesnoQ, { kind: 'yesno', value: true }).correct).toBe(true);
    expect(grade(yesnoQ, { kind: 'yesno', value: false }).correct).toBe(false);
  });

  it('pick: set equality in any click order, partial credit = (hits − wrong picks) / |key|', () => {
    expect(grade(pickQ, { kind: 'pick', value: ['obj-14', 'obj-12'] })).toEqual({ correct: true, credit: 1 });
    expect(grade(pickQ, { kind: 'pick', value: ['obj-12'] })).toEqual({ correct: false, credit: 0.5 });
    expect(grade(pickQ, { kind: 'pick', value: ['obj-12', 'obj-11'] })).toEqual({ correct: false, credit: 0 });
    // Picking everything is not a strategy.
    expect(grade(pickQ, { kind: 'pick', value: ['obj-11', 'obj-12', 'obj-13', 'obj-14'] }).credit).toBe(0);
    expect(grade(pickQ, { kind: 'pick', value: [] }).credit).toBe(0);
  });

  it('pick with nothing to pick ("nothing dies here"): only the empty answer is right', () => {
    const none = { ...pickQ, key: [] } as LiveQuestion;
    expect(grade(none, { kind: 'pick', value: [] })).toEqual({ correct: true, credit: 1 });
    expect(grade(none, { kind: 'pick', value: ['obj-11'] })).toEqual({ correct: false, credit: 0 });
  });

  it('order: exact sequence', () => {
    expect(grade(orderQ, { kind: 'order', value: ['del C', 'del A', 'del B'] }).correct).toBe(true);
    expect(grade(orderQ, { kind: 'order', value: ['del C', 'del B', 'del A'] }).correct).toBe(false);
  });

  it('version: set equality', () => {
    expect(grade(versionQ, { kind: 'version', value: ['3.13', '3.10'] }).correct).toBe(true);
    expect(grade(versionQ, { kind: 'version', value: ['3.10'] }).correct).toBe(false);
  });

  it('the key in answer shape grades as correct for every kind', () => {
    for (const q of [...PLAYLIST, ...MORE_KINDS]) expect(grade(q, keyOf(q)).correct).toBe(true);
  });
});

describe('answerProblem', () => {
  it('says what is wrong with an answer that does not fit', () => {
    expect(answerProblem(orderQ, { kind: 'order', value: ['del A', 'del B'] })).toBe('put every item in order exactly once');
    expect(answerProblem(versionQ, { kind: 'version', value: ['3.12', '3.12'] })).toBe('a version was chosen twice');
    expect(answerProblem(numberQ, { kind: 'number', value: 3 })).toBeNull();
  });
});

describe('question schema', () => {
  it('refuses keys that do not fit the question', () => {
    const bad = (q: object) => {
      const r = liveQuestionSchema.safeParse(q);
      return r.success ? null : describeZodError(r.error);
    };
    expect(bad({ ...orderQ, key: ['del A', 'del B', 'del X'] })).toBe('key: an order key must arrange exactly the items');
    expect(bad({ ...pickQ, pickables: ['a', 'a'], key: [] })).toBe('key: pickables must be unique');
    expect(bad({ ...numberQ, timeLimitMs: 1_000 })).toMatch(/^timeLimitMs: /);
    expect(bad({ ...numberQ, extra: 1 })).toMatch(/Unrecognized key/);
    expect(bad(numberQ)).toBeNull();
  });

  it('refuses empty playlists and duplicate ids', () => {
    expect(playlistSchema.safeParse([]).success).toBe(false);
    expect(playlistSchema.safeParse([numberQ, numberQ]).success).toBe(false);
  });
});
