import { describe, expect, it } from 'vitest';
import { checkNickname, isAbusive, nicknameKey } from './nickname';

describe('checkNickname', () => {
  it('trims, collapses spaces and keeps the rest as typed', () => {
    expect(checkNickname('  Ada   Lovelace ')).toEqual({ ok: true, nickname: 'Ada Lovelace', key: 'ada lovelace' });
    expect(checkNickname('Zoë_99')).toMatchObject({ ok: true, nickname: 'Zoë_99' });
    expect(checkNickname('李小龍')).toMatchObject({ ok: true });
  });

  it('counts characters, not UTF-16 units: 1 to 20', () => {
    expect(checkNickname('é'.repeat(20)).ok).toBe(true);
    expect(checkNickname('x'.repeat(21))).toMatchObject({ ok: false, problem: 'too_long' });
    expect(checkNickname(' \t ')).toMatchObject({ ok: false, problem: 'empty' });
  });

  it('refuses invisible and symbol characters with a reason', () => {
    for (const bad of ['Ada\u200b', 'a<b>', 'Ada\u0000', '😀']) {
      expect(checkNickname(bad)).toMatchObject({ ok: false, problem: 'characters', message: "Use letters, numbers, spaces and - _ . ' ! only." });
    }
  });

  it('compares case-insensitively and by compatibility form', () => {
    expect(nicknameKey('ADA')).toBe(nicknameKey('ada'));
    expect(nicknameKey('Ａｄａ')).toBe(nicknameKey('ada'));
  });
});

describe('abuse filter', () => {
  it('sees through leetspeak, accents, look-alikes, stretching and spacing', () => {
    for (const name of ['sh1t', 'SHIT', 'fuuuuck', 'f u c k', 'f.u.c.k', 'Fück', 'b!tch', 'a$$', 'a s s', 's1ut', 'ѕhit', 'Big Dick', 'sh it', '4ss', 'c0ck']) {
      expect([name, isAbusive(name)]).toEqual([name, true]);
    }
  });

  it('leaves innocent names that contain a short word alone', () => {
    for (const name of ['Scunthorpe', 'Cassandra', 'Sussex', 'Dickens', 'Titan', 'Bass player', 'Grape', 'Cocktail', 'Pass Hit', 'Hancock', 'Therapist', 'Ada', 'Class 7B', 'Player 455', 'Team 5318008']) {
      expect([name, isAbusive(name)]).toEqual([name, false]);
    }
  });

  it('gives the reason', () => {
    expect(checkNickname('sh1t')).toEqual({ ok: false, problem: 'blocked', message: "That nickname isn't allowed here. Pick another one." });
  });
});
