import { describe, expect, it } from 'vitest';
import type { LiveQuestion } from './questions';
import type { SessionState } from './state';
import { Driver, MORE_KINDS, PLAYLIST, RIGHT, WRONG } from './testing';
import { publicView, studentView, teacherView } from './views';

const ALL_KINDS: LiveQuestion[] = [...PLAYLIST, ...MORE_KINDS];
const NAMES = ['Ada', 'Bo', 'Cy', 'Di', 'Ed', 'Fay', 'Gus', 'Hal', 'Ivy', 'Jo', 'Kit', 'Lu'];

/** Everything that left the server at this step: each role's view and every message sent. */
function frames(d: Driver, ids: string[]): string[] {
  const out = [JSON.stringify(teacherView(d.state, d.now)), JSON.stringify(publicView(d.state, d.now))];
  for (const id of ids) out.push(JSON.stringify(studentView(d.state, id, d.now)));
  for (const e of d.effects) if (e.type === 'send') out.push(JSON.stringify(e.message));
  return out;
}

/** The same frames with a student's own answer taken out (they may send the key themselves). */
function framesWithoutOwnAnswers(d: Driver, ids: string[]): string[] {
  return frames(d, ids).map((f) => {
    const o = JSON.parse(f);
    if (o?.me) o.me.answer = '<own answer>';
    if (o?.type === 'answered') o.answer = '<own answer>';
    return JSON.stringify(o);
  });
}

/** How each key would look if it leaked: the raw value in JSON (yes/no keys are covered by the swap test below). */
const LEAKS: Record<string, RegExp[]> = {
  'q-number': [/\b7919\b/],
  'q-pick': [/"obj-12","obj-14"/, /"obj-14","obj-12"/],
  'q-order': [/"del C","del A","del B"/],
  'q-version': [/"3\.10","3\.13"/, /"3\.13","3\.10"/],
  'q-yesno': [],
};
const SECRET_FIELDS = /"(key|tokenHash|credit|elapsedMs|answers)"/;

/**
 * Plays every kind of question through every phase, calling `check` after each step with the
 * indexes of the questions whose keys must still be secret.
 */
function playThroughEveryPhase(playlist: LiveQuestion[], check: (d: Driver, ids: string[], secret: number[]) => void) {
  const d = new Driver(playlist);
  const ids: string[] = [];
  const unrevealed = () => playlist.map((_, i) => i).filter((i) => i > d.state.current || (i === d.state.current && d.state.phase !== 'reveal' && !d.state.history.some((r) => r.index === i && r.status === 'revealed')));
  const step = () => check(d, ids, unrevealed());
  step();
  for (const n of NAMES) {
    ids.push(d.join(n));
    step();
  }
  d.host({ type: 'start' });
  step();
  for (let i = 0; i < playlist.length; i++) {
    const q = playlist[i]!;
    d.wait(1_000).answer(ids[0]!, RIGHT[q.id]!);
    step();
    d.answer(ids[1]!, WRONG[q.id]!);
    step();
    d.host({ type: 'pause' });
    step();
    d.host({ type: 'addTime', ms: 5_000 });
    step();
    d.host({ type: 'resume' });
    step();
    d.send({ type: 'disconnect', actor: { role: 'student', participantId: ids[2]! } });
    d.send({ type: 'rejoin', actor: { role: 'guest' }, tokenHash: `hash-of-${NAMES[2]}` });
    step();
    d.wait(q.timeLimitMs + 5_000).tick();
    expect(d.state.phase).toBe('reveal');
    step();
    d.host({ type: 'next', questionIndex: i });
    step();
  }
  expect(d.state.phase).toBe('podium');
  d.host({ type: 'end' });
  step();
  return d;
}

describe('secrets', () => {
  it('no view and no message carries a key (or another secret) before its reveal, in any phase', () => {
    let checkedFrames = 0;
    let sawReveal = 0;
    playThroughEveryPhase(ALL_KINDS, (d, ids, secret) => {
      for (const f of framesWithoutOwnAnswers(d, ids)) {
        checkedFrames++;
        expect(f).not.toMatch(SECRET_FIELDS);
        for (const i of secret) for (const leak of LEAKS[ALL_KINDS[i]!.id]!) expect(f).not.toMatch(leak);
        if (d.state.phase !== 'reveal') expect(f).not.toMatch(/"reveal":\{|"spread"/);
      }
      if (d.state.phase === 'reveal') {
        const q = ALL_KINDS[d.state.current]!;
        expect(studentView(d.state, ids[5]!, d.now)!.reveal!.answer).toEqual({ kind: q.kind, value: q.key });
        sawReveal++;
      }
    });
    expect(sawReveal).toBe(ALL_KINDS.length);
    expect(checkedFrames).toBeGreaterThan(500);
  });

  for (let swapped = 0; swapped < ALL_KINDS.length; swapped++) {
    it(`changing only the key of question ${swapped + 1} (${ALL_KINDS[swapped]!.kind}) changes nothing anyone sees until it is revealed`, () => {
      const other: Record<string, LiveQuestion> = {
        'q-number': { ...(ALL_KINDS[0] as LiveQuestion & { kind: 'number' }), key: 3 },
        'q-pick': { ...(ALL_KINDS[1] as LiveQuestion & { kind: 'pick' }), key: ['obj-11'] },
        'q-order': { ...(ALL_KINDS[2] as LiveQuestion & { kind: 'order' }), key: ['del A', 'del B', 'del C'] },
        'q-yesno': { ...(ALL_KINDS[3] as LiveQuestion & { kind: 'yesno' }), key: false },
        'q-version': { ...(ALL_KINDS[4] as LiveQuestion & { kind: 'version' }), key: ['3.12'] },
      };
      const b = ALL_KINDS.map((q, i) => (i === swapped ? other[q.id]! : q));
      const seen = (playlist: LiveQuestion[]) => {
        const out: string[][] = [];
        playThroughEveryPhase(playlist, (d, ids, secret) => out.push(secret.includes(swapped) ? frames(d, ids) : []));
        return out;
      };
      const a = seen(ALL_KINDS);
      expect(a.filter((f) => f.length > 0).length).toBeGreaterThan(15);
      expect(seen(b)).toEqual(a);
    });
  }
});

function revealed(): { d: Driver; ids: string[] } {
  const d = new Driver();
  const ids = NAMES.map((n) => d.join(n));
  d.host({ type: 'start' });
  // Everyone answers 7919 except Lu; the first ten are fastest.
  ids.slice(0, 11).forEach((id, i) => d.wait(1_000).answer(id, i < 10 ? RIGHT['q-number']! : WRONG['q-number']!));
  d.wait(20_000).tick();
  return { d, ids };
}

describe('views', () => {
  it('a running question: prompt, scene, server deadline and remaining time, counts, missing names', () => {
    const d = new Driver();
    const a = d.join('Ada');
    d.join('Bo');
    d.host({ type: 'start' });
    d.wait(4_000).answer(a, WRONG['q-number']!);
    const s = studentView(d.state, a, d.now)!;
    expect(s.question).toEqual({
      id: 'q-number',
      index: 0,
      total: 3,
      kind: 'number',
      prompt: 'What does sys.getrefcount(x) print?',
      scene: { levelId: 'refcount-basics', step: 3 },
      timeLimitMs: 20_000,
    });
    expect(s.timing).toEqual({ deadline: d.state.round!.openedAt + 20_000, remainingMs: 16_000, serverNow: d.now, limitMs: 20_000, addedMs: 0, paused: false });
    expect(s.progress).toEqual({ answered: 1, of: 2 });
    expect(s.me.answer).toEqual(WRONG['q-number']);
    expect(s.reveal).toBeNull();
    expect(s.leaderboard).toBeNull();
    const t = teacherView(d.state, d.now);
    expect(t.missing).toEqual([{ id: 'p2', nickname: 'Bo' }]);
    expect(t.roster.map((r) => [r.nickname, r.answered])).toEqual([
      ['Ada', true],
      ['Bo', false],
    ]);
    d.wait(1_000).host({ type: 'pause' });
    expect(studentView(d.state, a, d.now)!.timing).toMatchObject({ deadline: null, remainingMs: 15_000, paused: true });
  });

  it('order items are shown sorted, never in the key order; pick shows the pickables', () => {
    const d = new Driver([PLAYLIST[2]!, PLAYLIST[1]!]);
    const a = d.join('Ada');
    d.host({ type: 'start' });
    expect(studentView(d.state, a, d.now)!.question!.items).toEqual(['del A', 'del B', 'del C']);
    d.host({ type: 'skip', questionIndex: 0 });
    expect(studentView(d.state, a, d.now)!.question!.pickables).toEqual(['obj-11', 'obj-12', 'obj-13', 'obj-14']);
  });

  it('after the reveal: the key, the spread, own points, top 10 and own rank', () => {
    const { d, ids } = revealed();
    const lu = studentView(d.state, ids[11]!, d.now)!;
    expect(lu.reveal).toMatchObject({
      answer: { kind: 'number', value: 7919 },
      answered: 11,
      correct: 10,
      eligible: 12,
      spread: { kind: 'number', values: [{ value: 7919, count: 10 }, { value: 2, count: 1 }], other: 0 },
    });
    expect(lu.leaderboard!.top).toHaveLength(10);
    expect(lu.leaderboard!.top[0]).toEqual({ rank: 1, participantId: ids[0], nickname: 'Ada', score: 975, streak: 1 });
    expect(lu.leaderboard!.ranked).toBe(12);
    // Kit and Lu both have 0 points: they share 11th place.
    expect(lu.me).toMatchObject({ rank: 11, score: 0, lastResult: { questionIndex: 0, answered: false, correct: false, points: 0 } });
    expect(studentView(d.state, ids[10]!, d.now)!.me.rank).toBe(11);
    expect(studentView(d.state, ids[0]!, d.now)!.me.lastResult).toEqual({ questionIndex: 0, answered: true, correct: true, points: 975 });
  });

  it('pick spread counts how often each object was picked', () => {
    const d = new Driver([PLAYLIST[1]!]);
    const [a, b, c] = ['Ada', 'Bo', 'Cy'].map((n) => d.join(n));
    d.host({ type: 'start' });
    d.answer(a!, { kind: 'pick', value: ['obj-12', 'obj-14'] });
    d.answer(b!, { kind: 'pick', value: ['obj-12'] });
    d.answer(c!, { kind: 'pick', value: ['obj-11', 'obj-12'] });
    expect(publicView(d.state, d.now).reveal!.spread).toEqual({
      kind: 'pick',
      picks: [
        { id: 'obj-11', count: 1 },
        { id: 'obj-12', count: 3 },
        { id: 'obj-13', count: 0 },
        { id: 'obj-14', count: 1 },
      ],
      exact: 1,
    });
  });

  it('the podium shares places on ties and the public screen loses the code at the end', () => {
    const d = new Driver([PLAYLIST[0]!]);
    const [a, b, c, e] = ['Ada', 'Bo', 'Cy', 'Di'].map((n) => d.join(n));
    d.host({ type: 'start' });
    d.wait(2_000);
    d.answer(a!, RIGHT['q-number']!);
    d.answer(b!, RIGHT['q-number']!);
    d.wait(2_000).answer(c!, RIGHT['q-number']!);
    d.answer(e!, WRONG['q-number']!);
    d.host({ type: 'next', questionIndex: 0 });
    const podium = publicView(d.state, d.now).podium!;
    expect(podium.map((p) => [p.nickname, p.rank])).toEqual([
      ['Ada', 1],
      ['Bo', 1],
      ['Cy', 3],
    ]);
    expect(publicView(d.state, d.now).code).toBe('482913');
    d.host({ type: 'end' });
    expect(publicView(d.state, d.now)).toMatchObject({ code: null, phase: 'ended' });
    expect(publicView(d.state, d.now).podium).toEqual(podium);
  });

  it('students never get the roster or the lobby list; the public screen gets names only', () => {
    const d = new Driver();
    const a = d.join('Ada');
    d.join('Bo');
    const s = JSON.stringify(studentView(d.state, a, d.now));
    expect(s).not.toContain('Bo');
    const p = publicView(d.state, d.now);
    expect(p.lobby).toEqual(['Ada', 'Bo']);
    expect(JSON.stringify(p)).not.toMatch(/presence|hash/);
  });

  it('a view of a session with 1,000 students stays small for a student', () => {
    const d = new Driver();
    const ids: string[] = [];
    for (let i = 0; i < 1000; i++) ids.push(d.join(`Player ${i}`));
    d.host({ type: 'start' });
    for (const id of ids) d.answer(id, RIGHT['q-number']!);
    const s: SessionState = d.state;
    expect(s.phase).toBe('reveal');
    expect(JSON.stringify(studentView(s, ids[500]!, d.now)).length).toBeLessThan(4_000);
  });
});
