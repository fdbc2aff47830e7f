import { describe, expect, it } from 'vitest';
import { liveClientEvents, liveEventSchema, parseLiveClientEvent, toLiveEvent, type LiveClientEventName } from './events';
import { FLOW } from './flow';
import { TEACHER } from './testing';

const parse = parseLiveClientEvent;

describe('client events at the edge', () => {
  it('accepts well-formed payloads', () => {
    expect(parse('live:join', { code: '482913', nickname: 'Ada' })).toEqual({ ok: true, value: { name: 'live:join', payload: { code: '482913', nickname: 'Ada' } } });
    expect(parse('live:answer', { questionId: 'q1', answer: { kind: 'pick', value: ['obj-1'] } }).ok).toBe(true);
    expect(parse('live:next', { questionIndex: 2 }).ok).toBe(true);
    expect(parse('live:start', {}).ok).toBe(true);
  });

  it('refuses malformed payloads with one readable line', () => {
    const cases: [string, unknown, string][] = [
      ['live:join', { code: '12345', nickname: 'Ada' }, 'live:join: code: a join code is 6 digits'],
      ['live:join', { code: '123456', nickname: 'Ada', admin: true }, 'live:join: Unrecognized key: "admin"'],
      ['live:join', { code: '123456', nickname: 'x'.repeat(101) }, 'live:join: nickname: Too big: expected string to have <=100 characters'],
      ['live:answer', { questionId: 'q1', answer: { kind: 'number', value: '3' } }, 'live:answer: answer.value: Invalid input: expected number, received string'],
      ['live:answer', { questionId: 'q1', answer: { kind: 'number', value: Infinity } }, 'live:answer: answer.value: Invalid input: expected number, received Infinity'],
      ['live:answer', { questionId: 'q1', answer: { kind: 'pick', value: Array.from({ length: 51 }, (_, i) => `o${i}`) } }, 'live:answer: answer.value: Too big: expected array to have <=50 items'],
      ['live:answer', { questionId: 'q1', answer: { kind: 'essay', value: 'hi' } }, "live:answer: answer.kind: Invalid discriminator value. Expected 'number' | 'yesno' | 'pick' | 'order' | 'version'"],
      ['live:addTime', { ms: 10 }, 'live:addTime: ms: Too small: expected number to be >=1000'],
      ['live:start', null, 'live:start: Invalid input: expected object, received null'],
      ['live:steal', {}, 'unknown event "live:steal"'],
      ['__proto__', {}, 'unknown event "__proto__"'],
    ];
    for (const [name, payload, error] of cases) expect([name, parse(name, payload)]).toEqual([name, { ok: false, error }]);
  });

  it('every client event is an event of the flow table, and maps onto a valid reducer event', () => {
    const payloads: Record<LiveClientEventName, unknown> = {
      'live:join': { code: '123456', nickname: 'Ada' },
      'live:rejoin': { code: '123456', token: 'a'.repeat(32) },
      'live:leave': {},
      'live:answer': { questionId: 'q1', answer: { kind: 'yesno', value: true } },
      'live:kick': { participantId: 'p1' },
      'live:lock': {},
      'live:unlock': {},
      'live:start': {},
      'live:reveal': { questionIndex: 0 },
      'live:next': { questionIndex: 0 },
      'live:skip': { questionIndex: 0 },
      'live:pause': {},
      'live:resume': {},
      'live:addTime': { ms: 5_000 },
      'live:end': {},
    };
    expect(Object.keys(payloads).sort()).toEqual(Object.keys(liveClientEvents).sort());
    for (const name of Object.keys(payloads) as LiveClientEventName[]) {
      const parsed = parse(name, payloads[name]);
      if (!parsed.ok) throw new Error(parsed.error);
      const event = toLiveEvent(parsed.value, TEACHER, 'token-hash-123');
      expect(Object.hasOwn(FLOW, event.type)).toBe(true);
      expect(liveEventSchema.safeParse(event).success).toBe(true);
    }
    const join = parse('live:join', payloads['live:join']);
    expect(() => join.ok && toLiveEvent(join.value, { role: 'guest' })).toThrow(/hash of the participant token/);
  });
});
