import { describe, expect, it } from 'vitest';
import type { LogEntry } from './effects';
import { deserialize, parseLogEntry, replay, ReplayError, serialize } from './persist';
import { reduce } from './reducer';
import { pendingDeadline, type SessionState } from './state';
import { Driver, GUEST, RIGHT, student, WRONG } from './testing';
import { studentView, teacherView } from './views';

const same = (a: SessionState, b: SessionState) => expect(serialize(b)).toEqual(serialize(a));

/** Through one revealed question into the middle of the second, with most kinds of event on the way. */
function midQuestion(): { d: Driver; ids: string[] } {
  const d = new Driver();
  const ids = ['Ada', 'Bo', 'Cy', 'Di'].map((n) => d.join(n));
  d.host({ type: 'lock' });
  d.host({ type: 'start' });
  d.wait(2_000).answer(ids[0]!, RIGHT['q-number']!);
  d.answer(ids[1]!, WRONG['q-number']!);
  d.send({ type: 'disconnect', actor: student(ids[2]!) });
  d.wait(1_000).send({ type: 'rejoin', actor: GUEST, tokenHash: 'hash-of-Cy' });
  d.host({ type: 'kick', participantId: ids[3]! });
  d.wait(20_000).tick();
  d.host({ type: 'next', questionIndex: 0 });
  d.wait(3_000).answer(ids[0]!, RIGHT['q-pick']!);
  d.host({ type: 'pause' });
  d.wait(7_000).host({ type: 'resume' });
  d.host({ type: 'addTime', ms: 10_000 });
  d.wait(1_000).answer(ids[2]!, { kind: 'pick', value: ['obj-12'] });
  expect(d.state.phase).toBe('question');
  return { d, ids };
}

describe('replay', () => {
  it('rebuilds a session equal to the original, mid-question', () => {
    const { d } = midQuestion();
    const rebuilt = replay(d.log);
    same(d.state, rebuilt);
    expect(teacherView(rebuilt, d.now)).toEqual(teacherView(d.state, d.now));
  });

  it('goes on exactly as the original would have: the same answers count once', () => {
    const { d, ids } = midQuestion();
    let rebuilt = replay(d.log);
    const again = reduce(rebuilt, { type: 'answer', actor: student(ids[0]!), questionId: 'q-pick', answer: RIGHT['q-pick']! }, d.now);
    expect(again.state).toBe(rebuilt);
    const late = { type: 'answer' as const, actor: student(ids[1]!), questionId: 'q-pick', answer: RIGHT['q-pick']! };
    rebuilt = reduce(rebuilt, late, d.now + 500).state;
    d.wait(500).send(late);
    same(d.state, rebuilt);
    expect(studentView(rebuilt, ids[1]!, d.now)).toEqual(studentView(d.state, ids[1]!, d.now));
  });

  it('after a restart that outlived the deadline, re-arming the timer reveals at once', () => {
    const { d } = midQuestion();
    const rebuilt = replay(JSON.parse(JSON.stringify(d.log)) as LogEntry[]);
    const deadline = pendingDeadline(rebuilt)!;
    expect(deadline).toBe(d.state.round!.deadline);
    const t = reduce(rebuilt, { type: 'tick', actor: { role: 'system' } }, deadline + 60_000);
    expect(t.state.phase).toBe('reveal');
    expect(t.effects.some((e) => e.type === 'append')).toBe(true);
  });

  it('starts from a snapshot and skips the entries it already holds', () => {
    const { d, ids } = midQuestion();
    const atSnapshot = JSON.parse(JSON.stringify(serialize(d.state)));
    d.wait(1_000).answer(ids[1]!, WRONG['q-pick']!);
    d.host({ type: 'next', questionIndex: 1 });
    same(d.state, replay(d.log, deserialize(atSnapshot)));
  });

  it('stops with a clear error when an entry is missing or no longer accepted', () => {
    const { d } = midQuestion();
    const gap = d.log.filter((e) => e.seq !== 5);
    expect(() => replay(gap)).toThrow(new ReplayError('log entry 5 is missing (next stored entry is 6)'));
    const doubled = d.log.map((e) => (e.event.type === 'answer' && e.seq > 10 ? { ...e, event: { ...e.event, answer: { kind: 'number' as const, value: 1 } } } : e));
    expect(() => replay(doubled)).toThrow(/log entry \d+ \(answer\) was not accepted on replay: .*this question takes a pick answer/);
    expect(() => replay([])).toThrow(/does not start with the session being created/);
  });

  it('checks stored entries at the edge', () => {
    const { d } = midQuestion();
    for (const e of d.log) expect(parseLogEntry(JSON.parse(JSON.stringify(e)))).toEqual({ ok: true, value: e });
    expect(parseLogEntry({ seq: 3, now: 1, event: { type: 'answer', actor: { role: 'student', participantId: 'p1' }, questionId: 'q', answer: { kind: 'number', value: 'x' } } })).toEqual({
      ok: false,
      error: 'log entry: event.answer.value: Invalid input: expected number, received string',
    });
  });
});

describe('snapshots', () => {
  it('survive a trip through JSON text and continue like the original', () => {
    const { d, ids } = midQuestion();
    const restored = deserialize(JSON.parse(JSON.stringify(serialize(d.state))));
    same(d.state, restored);
    const next = { type: 'answer' as const, actor: student(ids[1]!), questionId: 'q-pick', answer: WRONG['q-pick']! };
    const a = reduce(restored, next, d.now + 100);
    const b = reduce(d.state, next, d.now + 100);
    same(b.state, a.state);
    expect(a.effects).toEqual(b.effects);
    // The rebuilt indexes still work: nicknames stay taken, tokens still rejoin, the removed stay out.
    const taken = reduce(restored, { type: 'join', actor: GUEST, nickname: 'ada', tokenHash: 'hash-new' }, d.now);
    expect(taken.state).toBe(restored);
    expect(reduce(restored, { type: 'rejoin', actor: GUEST, tokenHash: 'hash-of-Bo' }, d.now).effects[0]).toMatchObject({ type: 'send', message: { type: 'joined', participantId: ids[1] } });
  });

  it('refuse a damaged snapshot and name the field', () => {
    const { d } = midQuestion();
    const snap = JSON.parse(JSON.stringify(serialize(d.state)));
    snap.participants[0].score = -5;
    expect(() => deserialize(snap)).toThrow(new ReplayError('snapshot: participants.0.score: Too small: expected number to be >=0'));
    expect(() => deserialize({ format: 2 })).toThrow(ReplayError);
  });
});
