import { describe, expect, it } from 'vitest';
import type { LiveEvent } from './events';
import { FLOW } from './flow';
import { reduce, MAX_QUESTION_MS } from './reducer';
import { pendingDeadline } from './state';
import { Driver, GUEST, MORE_KINDS, PLAYLIST, RIGHT, student, SYSTEM, T0, TEACHER, WRONG } from './testing';
import { studentView, teacherView } from './views';

const syncs = (d: Driver) => d.effects.filter((e) => e.type === 'sync').map((e) => (e.type === 'sync' ? e.to.kind : ''));
const timers = (d: Driver) => d.effects.flatMap((e) => (e.type === 'timer' ? [e.at] : []));

describe('a full session: lobby → three questions → podium', () => {
  it('scores, streaks, ranks and phases come out as the formula says', () => {
    const d = new Driver();
    expect(d.state.phase).toBe('lobby');
    const ada = d.join('Ada');
    const bo = d.join('Bo');
    const cy = d.join('Cy');
    expect([ada, bo, cy]).toEqual(['p1', 'p2', 'p3']);

    d.host({ type: 'start' });
    expect(d.state.phase).toBe('question');
    expect(timers(d)).toEqual([T0 + 20_000]);
    expect(syncs(d)).toEqual(['all']);

    // Q1 (20 s): everyone answers, so it is revealed without waiting for the deadline.
    d.wait(2_000).answer(ada, RIGHT['q-number']!); // 500 + 450 speed
    d.wait(3_000).answer(bo, WRONG['q-number']!);
    d.wait(5_000).answer(cy, RIGHT['q-number']!); // 500 + 250 speed, at 10 s
    expect(d.state.phase).toBe('reveal');
    expect(timers(d)).toEqual([null]);
    expect([d.score(ada), d.score(bo), d.score(cy)]).toEqual([950, 0, 750]);

    d.host({ type: 'next', questionIndex: 0 });
    expect(d.state.current).toBe(1);
    // Q2 (30 s, pick): Ada exactly right with a streak of 1; Bo half right; Cy silent.
    d.wait(3_000).answer(ada, RIGHT['q-pick']!); // 500 + 450 + 100 streak
    d.answer(bo, { kind: 'pick', value: ['obj-12'] }); // partial: 250 × 1/2
    d.wait(26_999).tick();
    expect(d.state.phase).toBe('question'); // one millisecond to go
    d.wait(1).tick();
    expect(d.state.phase).toBe('reveal');
    expect([d.score(ada), d.score(bo), d.score(cy)]).toEqual([2000, 125, 750]);
    expect([ada, bo, cy].map((p) => d.state.participants.get(p)!.streak)).toEqual([2, 0, 0]);

    d.host({ type: 'next', questionIndex: 1 });
    // Q3 (30 s, order)
    d.wait(6_000).answer(ada, WRONG['q-order']!);
    d.wait(9_000).answer(bo, RIGHT['q-order']!); // 500 + 250
    d.answer(cy, RIGHT['q-order']!); // 500 + 250
    expect(d.state.phase).toBe('reveal');
    expect([d.score(ada), d.score(bo), d.score(cy)]).toEqual([2000, 875, 1500]);
    expect(d.state.participants.get(ada)!.streak).toBe(0);

    d.host({ type: 'next', questionIndex: 2 });
    expect(d.state.phase).toBe('podium');
    const podium = teacherView(d.state, d.now).podium!;
    expect(podium.map((e) => [e.nickname, e.rank, e.score])).toEqual([
      ['Ada', 1, 2000],
      ['Cy', 2, 1500],
      ['Bo', 3, 875],
    ]);
    expect(studentView(d.state, bo, d.now)!.me.rank).toBe(3);

    d.host({ type: 'end' });
    expect(d.state.phase).toBe('ended');
    expect(teacherView(d.state, d.now).code).toBeNull();
    expect(d.state.history.map((r) => r.status)).toEqual(['revealed', 'revealed', 'revealed']);
    // Join codes expire with the session.
    d.send({ type: 'join', actor: GUEST, nickname: 'Late', tokenHash: 'hash-late' });
    expect(d.errors()).toEqual(['This session has ended.']);
  });

  it('plays yes/no and version questions too', () => {
    const d = new Driver(MORE_KINDS);
    const a = d.join('Ada');
    const b = d.join('Bo');
    d.host({ type: 'start' });
    d.wait(1_500).answer(a, RIGHT['q-yesno']!);
    d.answer(b, WRONG['q-yesno']!);
    d.host({ type: 'next', questionIndex: 0 });
    d.wait(1_500).answer(a, WRONG['q-version']!);
    d.answer(b, RIGHT['q-version']!);
    expect([d.score(a), d.score(b)]).toEqual([950, 950]);
  });
});

describe('authorisation', () => {
  const hostCommands: LiveEvent[] = [
    { type: 'start', actor: TEACHER },
    { type: 'kick', actor: TEACHER, participantId: 'p2' },
    { type: 'lock', actor: TEACHER },
    { type: 'unlock', actor: TEACHER },
    { type: 'reveal', actor: TEACHER, questionIndex: 0 },
    { type: 'next', actor: TEACHER, questionIndex: 0 },
    { type: 'skip', actor: TEACHER, questionIndex: 0 },
    { type: 'pause', actor: TEACHER },
    { type: 'resume', actor: TEACHER },
    { type: 'addTime', actor: TEACHER, ms: 10_000 },
    { type: 'end', actor: TEACHER },
  ];

  it('lists every host command of the flow table', () => {
    const teacherOnly = Object.entries(FLOW)
      .filter(([t, r]) => r.by.length === 1 && r.by[0] === 'teacher' && t !== 'create')
      .map(([t]) => t)
      .sort();
    expect(hostCommands.map((c) => c.type).sort()).toEqual(teacherOnly);
  });

  for (const phase of ['lobby', 'question', 'paused', 'reveal'] as const) {
    it(`refuses every host command from a student, a guest and another teacher (${phase}), changing nothing`, () => {
      const d = new Driver();
      const p1 = d.join('Ada');
      d.join('Bo');
      if (phase !== 'lobby') d.host({ type: 'start' });
      if (phase === 'paused') d.host({ type: 'pause' });
      if (phase === 'reveal') d.wait(20_000).tick();
      expect(d.state.phase).toBe(phase);
      for (const cmd of hostCommands) {
        for (const actor of [student(p1), GUEST, { role: 'teacher' as const, teacherId: 'someone-else' }]) {
          const before = d.state;
          const t = reduce(before, { ...cmd, actor } as LiveEvent, d.now);
          expect(t.state).toBe(before);
          expect(t.effects.some((e) => e.type === 'append')).toBe(false);
          const errors = t.effects.flatMap((e) => (e.type === 'send' && e.message.type === 'error' ? [e.message] : []));
          expect(errors).toHaveLength(1);
          expect(errors[0]!.code).toBe('unauthorized');
          expect(t.effects.some((e) => e.type === 'log' && e.level === 'warn')).toBe(true);
        }
      }
    });
  }

  it('only the server ticks, only guests join, only participants answer', () => {
    const d = new Driver();
    const p1 = d.join('Ada');
    d.host({ type: 'start' });
    const before = d.state;
    d.wait(25_000);
    for (const e of [
      { type: 'tick', actor: student(p1) },
      { type: 'tick', actor: TEACHER },
      { type: 'join', actor: student(p1), nickname: 'Again', tokenHash: 'hash-x' },
      { type: 'answer', actor: GUEST, questionId: 'q-number', answer: RIGHT['q-number']! },
      { type: 'answer', actor: TEACHER, questionId: 'q-number', answer: RIGHT['q-number']! },
      { type: 'answer', actor: student('p99'), questionId: 'q-number', answer: RIGHT['q-number']! },
    ] as LiveEvent[]) {
      const t = d.send(e);
      expect(t.state).toBe(before);
      expect(d.errors()).toHaveLength(1);
    }
    d.tick();
    expect(d.state.phase).toBe('reveal');
  });

  it('refuses events with no session, and a second create', () => {
    const t = reduce(null, { type: 'start', actor: TEACHER }, T0);
    expect(t.state).toBeNull();
    const d = new Driver();
    const again = d.send({ type: 'create', actor: TEACHER, sessionId: 'x', code: '111111', playlist: PLAYLIST });
    expect(again.state).toBe(d.state);
    expect(d.errorCodes()).toEqual(['no_session']);
  });

  it('refuses a create with a broken playlist, saying which field', () => {
    const bad = [{ ...PLAYLIST[1]!, key: ['obj-99'] }];
    const t = reduce(null, { type: 'create', actor: TEACHER, sessionId: 's', code: '123456', playlist: bad as never }, T0);
    expect(t.state).toBeNull();
    const msg = t.effects.find((e) => e.type === 'send')!;
    expect(msg.type === 'send' && msg.message.type === 'error' && msg.message.message).toMatch(/0\.key: every key object must be pickable/);
  });
});

describe('answers', () => {
  function running() {
    const d = new Driver();
    const a = d.join('Ada');
    const b = d.join('Bo');
    d.host({ type: 'start' });
    return { d, a, b };
  }

  it('are accepted once per question', () => {
    const { d, a } = running();
    d.wait(1_000).answer(a, WRONG['q-number']!);
    expect(d.effects.some((e) => e.type === 'send' && e.message.type === 'answered')).toBe(true);
    const before = d.state;
    d.answer(a, RIGHT['q-number']!);
    expect(d.state).toBe(before);
    expect(d.errorCodes()).toEqual(['already_answered']);
    expect(d.state.round!.answers.get(a)!.answer).toEqual(WRONG['q-number']);
  });

  it('close at the deadline by the server clock, even before the timer fires', () => {
    const { d, a, b } = running();
    d.wait(19_999).answer(a, RIGHT['q-number']!);
    expect(d.errors()).toEqual([]);
    d.wait(1).answer(b, RIGHT['q-number']!);
    expect(d.errorCodes()).toEqual(['too_late']);
    expect(d.state.phase).toBe('question');
    d.tick();
    expect(d.state.phase).toBe('reveal');
    d.answer(b, RIGHT['q-number']!);
    expect(d.errors()).toEqual(['Time is up for this question.']);
  });

  it('for another question are refused as stale', () => {
    const { d, a } = running();
    d.answer(a, RIGHT['q-pick']!, 'q-pick');
    expect(d.errorCodes()).toEqual(['stale']);
  });

  it('must fit the question', () => {
    const { d, a } = running();
    d.answer(a, { kind: 'yesno', value: true });
    expect(d.errors()).toEqual(['Answer not accepted: this question takes a number answer, not yesno.']);
    d.host({ type: 'skip', questionIndex: 0 });
    d.answer(a, { kind: 'pick', value: ['obj-12', 'obj-12'] });
    expect(d.errors()).toEqual(['Answer not accepted: an object was picked twice.']);
    d.answer(a, { kind: 'pick', value: ['obj-99'] });
    expect(d.errors()).toEqual(['Answer not accepted: only the objects shown can be picked.']);
  });

  it('tell the teacher how many have answered and who is missing', () => {
    const { d, a, b } = running();
    d.answer(a, RIGHT['q-number']!);
    const progress = d.effects.find((e) => e.type === 'send' && e.message.type === 'progress');
    expect(progress && progress.type === 'send' && progress.to).toEqual({ kind: 'teacher' });
    expect(progress && progress.type === 'send' && progress.message).toMatchObject({ progress: { answered: 1, of: 2 }, participantId: a });
    expect(teacherView(d.state, d.now).missing).toEqual([{ id: b, nickname: 'Bo' }]);
  });

  it('can wait for the deadline instead of revealing when everyone has answered', () => {
    const d = new Driver(PLAYLIST, { revealWhenAllAnswered: false });
    const a = d.join('Ada');
    d.host({ type: 'start' });
    d.answer(a, RIGHT['q-number']!);
    expect(d.state.phase).toBe('question');
  });
});

describe('teacher controls', () => {
  it('pause and resume keep the remaining time, and paused time earns no speed penalty', () => {
    const d = new Driver();
    const a = d.join('Ada');
    d.join('Bo');
    d.host({ type: 'start' });
    d.wait(4_000).host({ type: 'pause' });
    expect(d.state.phase).toBe('paused');
    expect(timers(d)).toEqual([null]);
    expect(d.state.round!.pausedRemainingMs).toBe(16_000);
    d.wait(60_000).answer(a, RIGHT['q-number']!);
    expect(d.errors()).toEqual(['The question is paused. Answer when your teacher resumes it.']);
    d.tick();
    expect(d.state.phase).toBe('paused');
    d.host({ type: 'resume' });
    expect(d.state.round!.deadline).toBe(d.now + 16_000);
    expect(timers(d)).toEqual([d.now + 16_000]);
    d.wait(1_000).answer(a, RIGHT['q-number']!);
    // 5 s of running time out of 20: 500 + round(500 × 0.75)
    expect(d.state.round!.answers.get(a)!.elapsedMs).toBe(5_000);
    expect(d.state.round!.answers.get(a)!.points).toBe(875);
  });

  it('add time moves the deadline, also while paused, up to a cap', () => {
    const d = new Driver();
    d.join('Ada');
    d.host({ type: 'start' });
    d.wait(5_000).host({ type: 'addTime', ms: 30_000 });
    expect(d.state.round!.deadline).toBe(T0 + 50_000);
    expect(timers(d)).toEqual([T0 + 50_000]);
    const timing = d.effects.find((e) => e.type === 'send' && e.message.type === 'timing');
    expect(timing && timing.type === 'send' && timing.to.kind).toBe('all');
    expect(timing && timing.type === 'send' && timing.message).toMatchObject({ timing: { remainingMs: 45_000, deadline: T0 + 50_000 } });
    d.host({ type: 'pause' });
    d.host({ type: 'addTime', ms: 10_000 });
    expect(d.state.round!.pausedRemainingMs).toBe(55_000);
    const before = d.state;
    for (let i = 0; i < 10; i++) d.host({ type: 'addTime', ms: 300_000 });
    expect(d.state.round!.limitMs + d.state.round!.addedMs).toBeLessThanOrEqual(MAX_QUESTION_MS);
    expect(d.errorCodes()).toEqual(['invalid']);
    expect(d.state).not.toBe(before);
  });

  it('skip voids the question: no points, streaks untouched, next question opens', () => {
    const d = new Driver();
    const a = d.join('Ada');
    d.join('Bo');
    d.host({ type: 'start' });
    d.answer(a, RIGHT['q-number']!);
    d.wait(20_000).tick();
    const streak = d.state.participants.get(a)!.streak;
    d.host({ type: 'next', questionIndex: 0 });
    d.answer(a, RIGHT['q-pick']!);
    d.host({ type: 'skip', questionIndex: 1 });
    expect(d.state.current).toBe(2);
    expect(d.state.phase).toBe('question');
    expect(d.state.participants.get(a)!.streak).toBe(streak);
    expect(d.score(a)).toBe(1000);
    expect(d.state.history.map((r) => r.status)).toEqual(['revealed', 'skipped']);
    d.host({ type: 'pause' });
    d.host({ type: 'skip', questionIndex: 2 });
    expect(d.state.phase).toBe('podium');
  });

  it('refuses a command meant for an earlier question (double click on next)', () => {
    const d = new Driver();
    d.join('Ada');
    d.host({ type: 'start' });
    d.wait(20_000).tick();
    d.host({ type: 'next', questionIndex: 0 });
    const before = d.state;
    d.host({ type: 'next', questionIndex: 0 });
    expect(d.state).toBe(before);
    expect(d.errorCodes()).toEqual(['wrong_phase']);
    d.host({ type: 'skip', questionIndex: 0 });
    expect(d.errors()).toEqual(['That was meant for question 1, but the session is on question 2.']);
  });

  it('reveal early from the question or the pause', () => {
    const d = new Driver();
    d.join('Ada');
    d.host({ type: 'start' });
    d.host({ type: 'pause' });
    d.host({ type: 'reveal', questionIndex: 0 });
    expect(d.state.phase).toBe('reveal');
    expect(pendingDeadline(d.state)).toBeNull();
  });

  it('end in the middle of a question leaves it unscored', () => {
    const d = new Driver();
    const a = d.join('Ada');
    d.join('Bo');
    d.host({ type: 'start' });
    d.answer(a, RIGHT['q-number']!);
    d.host({ type: 'end' });
    expect(d.state.phase).toBe('ended');
    expect(d.score(a)).toBe(0);
    expect(d.state.history[0]!.status).toBe('skipped');
    d.host({ type: 'end' });
    expect(d.errors()).toEqual(['The session has already ended.']);
  });
});

describe('kick and lock', () => {
  it('a removed student cannot answer or come back, and frees the nickname', () => {
    const d = new Driver();
    const a = d.join('Ada');
    const b = d.join('Bo');
    d.host({ type: 'start' });
    d.answer(b, RIGHT['q-number']!);
    d.host({ type: 'kick', participantId: b });
    expect(d.effects).toContainEqual({ type: 'send', to: { kind: 'participant', participantId: b }, message: { type: 'kicked', message: 'The teacher removed you from this session.' } });
    expect(d.state.round!.answers.has(b)).toBe(false);
    expect(d.state.active).toBe(1);
    d.answer(b, RIGHT['q-number']!);
    expect(d.errorCodes()).toEqual(['kicked']);
    d.send({ type: 'rejoin', actor: GUEST, tokenHash: 'hash-of-Bo' });
    expect(d.errorCodes()).toEqual(['kicked']);
    expect(studentView(d.state, b, d.now)).toBeNull();
    // Someone else may now be called Bo.
    d.join('bo', 'another-token');
    d.answer(a, RIGHT['q-number']!);
    d.answer('p3', RIGHT['q-number']!);
    expect(d.state.phase).toBe('reveal');
    expect(teacherView(d.state, d.now).leaderboard!.top.map((e) => e.participantId)).not.toContain(b);
  });

  it('removing someone after the reveal keeps their revealed answer but not in the answered count', () => {
    const d = new Driver();
    const a = d.join('Ada');
    d.host({ type: 'start' });
    d.answer(a, RIGHT['q-number']!);
    expect(d.state.phase).toBe('reveal');
    d.host({ type: 'kick', participantId: a });
    expect(d.state.round!.answers.has(a)).toBe(true);
    expect(teacherView(d.state, d.now).progress).toEqual({ answered: 0, of: 0 });
  });

  it('lock stops new joins but not rejoins', () => {
    const d = new Driver();
    const a = d.join('Ada');
    d.host({ type: 'lock' });
    expect(() => d.join('Bo')).toThrow(/locked this session/);
    d.send({ type: 'disconnect', actor: student(a) });
    d.send({ type: 'rejoin', actor: GUEST, tokenHash: 'hash-of-Ada' });
    expect(d.errors()).toEqual([]);
    expect(d.state.participants.get(a)!.presence).toBe('online');
    d.host({ type: 'unlock' });
    expect(d.join('Bo')).toBe('p2');
  });
});

describe('rejoin', () => {
  it('keeps identity, score and streak mid-question, and an unanswered question can still be answered', () => {
    const d = new Driver();
    const a = d.join('Ada');
    const b = d.join('Bo');
    d.host({ type: 'start' });
    d.answer(a, RIGHT['q-number']!);
    d.answer(b, RIGHT['q-number']!);
    d.host({ type: 'next', questionIndex: 0 });
    const before = d.state.participants.get(a)!;
    expect(before.streak).toBe(1);

    d.send({ type: 'disconnect', actor: student(a) });
    expect(d.state.participants.get(a)!.presence).toBe('offline');
    d.wait(3_000).send({ type: 'rejoin', actor: GUEST, tokenHash: 'hash-of-Ada' });
    expect(d.effects[1]).toEqual({ type: 'send', to: { kind: 'actor' }, message: { type: 'joined', participantId: a, nickname: 'Ada', rejoined: true } });
    expect(d.effects).toContainEqual({ type: 'sync', to: { kind: 'participant', participantId: a } });
    const after = d.state.participants.get(a)!;
    expect([after.id, after.nickname, after.score, after.streak, after.presence]).toEqual([a, 'Ada', before.score, 1, 'online']);
    expect(studentView(d.state, a, d.now)!.question!.id).toBe('q-pick');

    d.answer(a, RIGHT['q-pick']!);
    expect(d.errors()).toEqual([]);
    d.send({ type: 'disconnect', actor: student(a) });
    d.send({ type: 'rejoin', actor: GUEST, tokenHash: 'hash-of-Ada' });
    expect(studentView(d.state, a, d.now)!.me.answer).toEqual(RIGHT['q-pick']);
    d.answer(a, WRONG['q-pick']!);
    expect(d.errorCodes()).toEqual(['already_answered']);
  });

  it('of someone already online changes nothing but still re-sends their view', () => {
    const d = new Driver();
    d.join('Ada');
    const before = d.state;
    d.send({ type: 'rejoin', actor: GUEST, tokenHash: 'hash-of-Ada' });
    expect(d.state).toBe(before);
    expect(d.effects.map((e) => e.type)).toEqual(['send', 'sync']);
  });

  it('with an unknown token is refused', () => {
    const d = new Driver();
    d.send({ type: 'rejoin', actor: GUEST, tokenHash: 'hash-nobody' });
    expect(d.errors()).toEqual(["We couldn't find you in this session. Join again with a nickname."]);
  });

  it('after leaving counts the student as present again', () => {
    const d = new Driver();
    const a = d.join('Ada');
    const b = d.join('Bo');
    d.host({ type: 'start' });
    d.answer(a, RIGHT['q-number']!);
    d.send({ type: 'leave', actor: student(a) });
    expect(d.state.active).toBe(1);
    d.send({ type: 'rejoin', actor: GUEST, tokenHash: 'hash-of-Ada' });
    expect([d.state.active, d.state.round!.answeredActive]).toEqual([2, 1]);
    d.answer(b, RIGHT['q-number']!);
    expect(d.state.phase).toBe('reveal');
  });

  it('everyone else having answered reveals when the last one leaves', () => {
    const d = new Driver();
    const a = d.join('Ada');
    const b = d.join('Bo');
    d.host({ type: 'start' });
    d.answer(a, RIGHT['q-number']!);
    d.send({ type: 'disconnect', actor: student(b) });
    expect(d.state.phase).toBe('question'); // a dropped connection may come back
    d.send({ type: 'leave', actor: student(b) });
    expect(d.state.phase).toBe('reveal');
  });
});

describe('time', () => {
  it('never runs backwards inside a session', () => {
    const d = new Driver();
    const a = d.join('Ada');
    d.join('Bo');
    d.host({ type: 'start' });
    d.wait(10_000).host({ type: 'lock' });
    d.now = T0 + 1_000; // another node, clock behind
    d.answer(a, RIGHT['q-number']!);
    expect(d.state.round!.answers.get(a)!.elapsedMs).toBe(10_000);
  });

  it('a tick before the deadline does nothing and is not logged', () => {
    const d = new Driver();
    d.join('Ada');
    d.host({ type: 'start' });
    const before = d.state;
    const t = d.wait(5_000).tick();
    expect(t.state).toBe(before);
    expect(t.effects).toEqual([]);
  });

  it('a tick from a stale timer in another phase is ignored', () => {
    const d = new Driver();
    const before = d.state;
    expect(reduce(before, { type: 'tick', actor: SYSTEM }, T0 + 1e9).state).toBe(before);
  });
});

describe('joining', () => {
  it('refuses taken, empty, long and abusive nicknames with the reason', () => {
    const d = new Driver();
    d.join('Ada Lovelace');
    for (const [name, why] of [
      ['  ada   LOVELACE ', 'Someone in this session already has that nickname. Pick another one.'],
      ['   ', 'Type a nickname.'],
      ['x'.repeat(21), 'A nickname has at most 20 characters.'],
      ['sh1t happens', "That nickname isn't allowed here. Pick another one."],
    ]) {
      const before = d.state;
      d.send({ type: 'join', actor: GUEST, nickname: name!, tokenHash: `hash-${name}` });
      expect(d.state).toBe(before);
      expect(d.errors()).toEqual([why]);
    }
    expect(d.join('  Grace  Hopper ')).toBe('p2');
    expect(d.state.participants.get('p2')!.nickname).toBe('Grace Hopper');
  });

  it('lets late joiners answer the running question', () => {
    const d = new Driver();
    d.join('Ada');
    d.host({ type: 'start' });
    const late = d.join('Late');
    d.answer(late, RIGHT['q-number']!);
    expect(d.errors()).toEqual([]);
  });

  it('refuses a second join with the same token, and joins beyond the cap', () => {
    const d = new Driver(PLAYLIST, { maxParticipants: 2 });
    d.join('Ada', 'tok-1');
    expect(() => d.join('Bo', 'tok-1')).toThrow(/Rejoin instead/);
    d.join('Bo', 'tok-2');
    expect(() => d.join('Cy', 'tok-3')).toThrow(/full/);
  });
});

describe('effects', () => {
  it('every state change appends exactly one log entry, in seq order', () => {
    const d = new Driver();
    const a = d.join('Ada');
    d.host({ type: 'start' });
    d.answer(a, RIGHT['q-number']!);
    expect(d.log.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(d.state.seq).toBe(4);
    expect(d.log.map((e) => e.event.type)).toEqual(['create', 'join', 'start', 'answer']);
  });

  it('records what reports need: answers with correctness, rounds with their spread, scores', () => {
    const d = new Driver();
    const a = d.join('Ada');
    d.host({ type: 'start' });
    d.wait(1_000).answer(a, RIGHT['q-number']!);
    const kinds = d.effects.flatMap((e) => (e.type === 'record' ? [e.record.kind] : []));
    expect(kinds).toEqual(['answer', 'round', 'status', 'scores']);
    const answer = d.effects.find((e) => e.type === 'record' && e.record.kind === 'answer');
    expect(answer && answer.type === 'record' && answer.record).toMatchObject({ participantId: a, correct: true, points: 975, elapsedMs: 1_000 });
  });
});
