import { describe, expect, it } from 'vitest';
import { Driver, PLAYLIST, RIGHT, WRONG } from '../live/testing';
import { csvField, reportCsv } from './csv';
import { buildReport } from './report';

/** A class of three through the three test questions: Ada right twice, Bob once, Cy never answers. */
function played() {
  const d = new Driver(PLAYLIST, { revealWhenAllAnswered: false });
  const ada = d.join('Ada');
  const bob = d.join("-Bob's");
  d.join('Cy');
  d.host({ type: 'start' });
  d.wait(1_000).answer(ada, RIGHT['q-number']!);
  d.wait(1_000).answer(bob, WRONG['q-number']!);
  d.host({ type: 'reveal', questionIndex: 0 });
  d.host({ type: 'next', questionIndex: 0 });
  d.wait(1_000).answer(ada, RIGHT['q-pick']!);
  d.wait(1_000).answer(bob, RIGHT['q-pick']!);
  d.host({ type: 'reveal', questionIndex: 1 });
  d.host({ type: 'next', questionIndex: 1 });
  d.host({ type: 'skip', questionIndex: 2 });
  d.host({ type: 'end' });
  return { d, ada, bob };
}

describe('session report', () => {
  it('gives per-question correctness, per-student results and the hardest question first', () => {
    const { d, ada, bob } = played();
    const r = buildReport(d.state);
    expect(r.questions.map((q) => [q.status, q.answered, q.correct, q.eligible])).toEqual([
      ['revealed', 2, 1, 3],
      ['revealed', 2, 2, 3],
      ['skipped', 0, 0, 0],
    ]);
    expect(r.questions[0]!.spread).toEqual({ kind: 'number', values: [{ value: 2, count: 1 }, { value: 7919, count: 1 }], other: 0 });
    expect(r.hardest.map((q) => q.id)).toEqual(['q-number', 'q-pick']);
    const [first, second, third] = r.students;
    expect(first).toMatchObject({ participantId: ada, rank: 1, correct: 2, answered: 2 });
    expect(second).toMatchObject({ participantId: bob, rank: 2, correct: 1, answered: 2 });
    expect(third).toMatchObject({ nickname: 'Cy', score: 0, answered: 0 });
    expect(first!.score).toBe(d.score(ada));
    expect(first!.questions[2]).toBeNull();
    expect(second!.questions[0]).toMatchObject({ answered: true, correct: false, points: 0, answer: WRONG['q-number'] });
  });

  it('writes RFC 4180 CSV: quotes, doubled quotes, CRLF, and no formulas from nicknames', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField(-1)).toBe('-1');
    expect(csvField(null)).toBe('');

    const csv = reportCsv(buildReport(played().d.state));
    const lines = csv.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines[0]).toBe('rank,nickname,score,correct,answered,removed,Q1 answer,Q1 correct,Q1 points,Q2 answer,Q2 correct,Q2 points,Q3 answer,Q3 correct,Q3 points');
    expect(lines[2]).toMatch(/^2,'-Bob's,\d+,1,2,no,2,no,0,obj-14 obj-12,yes,\d+,,,$/);
    expect(lines[3]).toBe('3,Cy,0,0,0,no,,,0,,,0,,,');
  });
});
