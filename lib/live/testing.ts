// Test helpers for the live core (imported by the *.test.ts files beside it, never by the app).
import type { Actor, LiveEvent } from './events';
import type { Effect, LogEntry } from './effects';
import type { AnswerValue, LiveQuestion } from './questions';
import { reduce, type Transition } from './reducer';
import type { SessionState, Settings } from './state';

export const T0 = 1_800_000_000_000;
export const TEACHER: Actor = { role: 'teacher', teacherId: 'teacher-1' };
export const GUEST: Actor = { role: 'guest' };
export const SYSTEM: Actor = { role: 'system' };
export const student = (participantId: string): Actor => ({ role: 'student', participantId });

const scene = (step: number) => ({ levelId: 'refcount-basics', step });

/** Keys chosen so they cannot turn up in a view by accident (no count or time equals 7919). */
export const PLAYLIST: LiveQuestion[] = [
  { id: 'q-number', kind: 'number', prompt: 'What does sys.getrefcount(x) print?', scene: scene(3), timeLimitMs: 20_000, key: 7919 },
  {
    id: 'q-pick',
    kind: 'pick',
    prompt: 'Which objects die on this line?',
    scene: scene(5),
    timeLimitMs: 30_000,
    pickables: ['obj-11', 'obj-12', 'obj-13', 'obj-14'],
    key: ['obj-12', 'obj-14'],
  },
  {
    id: 'q-order',
    kind: 'order',
    prompt: 'In which order do the __del__ messages appear?',
    scene: scene(9),
    timeLimitMs: 30_000,
    items: ['del A', 'del B', 'del C'],
    key: ['del C', 'del A', 'del B'],
  },
];

export const MORE_KINDS: LiveQuestion[] = [
  { id: 'q-yesno', kind: 'yesno', prompt: 'Is a is b True?', scene: scene(2), timeLimitMs: 15_000, key: true },
  { id: 'q-version', kind: 'version', prompt: 'Which Python printed this?', scene: scene(4), timeLimitMs: 15_000, key: ['3.10', '3.13'] },
];

export const RIGHT: Record<string, AnswerValue> = {
  'q-number': { kind: 'number', value: 7919 },
  'q-pick': { kind: 'pick', value: ['obj-14', 'obj-12'] },
  'q-order': { kind: 'order', value: ['del C', 'del A', 'del B'] },
  'q-yesno': { kind: 'yesno', value: true },
  'q-version': { kind: 'version', value: ['3.13', '3.10'] },
};
export const WRONG: Record<string, AnswerValue> = {
  'q-number': { kind: 'number', value: 2 },
  'q-pick': { kind: 'pick', value: ['obj-11'] },
  'q-order': { kind: 'order', value: ['del A', 'del B', 'del C'] },
  'q-yesno': { kind: 'yesno', value: false },
  'q-version': { kind: 'version', value: ['3.11'] },
};

/** Drives one session through `reduce`, keeping the log, the clock and the last effects. */
export class Driver {
  state: SessionState;
  now = T0;
  readonly log: LogEntry[] = [];
  effects: readonly Effect[] = [];
  /** Every effect of every step, in order. */
  readonly allEffects: Effect[] = [];

  constructor(playlist: LiveQuestion[] = PLAYLIST, settings?: Partial<Settings>) {
    const t = reduce(null, { type: 'create', actor: TEACHER, sessionId: 'session-1', code: '482913', playlist, settings }, this.now);
    if (!t.state) throw new Error(`create refused: ${errorsOf(t.effects).join('; ')}`);
    this.state = t.state;
    this.record(t);
  }

  private record(t: Transition<SessionState | null>): void {
    this.effects = t.effects;
    this.allEffects.push(...t.effects);
    for (const e of t.effects) if (e.type === 'append') this.log.push(e.entry);
  }

  send(event: LiveEvent): Transition {
    const t = reduce(this.state, event, this.now);
    this.state = t.state;
    this.record(t);
    return t;
  }

  host(cmd: Record<string, unknown> & { type: string }): Transition {
    return this.send({ ...cmd, actor: TEACHER } as LiveEvent);
  }

  /** Joins and returns the new participant id; throws with the refusal otherwise. */
  join(nickname: string, token = `hash-of-${nickname}`): string {
    const t = this.send({ type: 'join', actor: GUEST, nickname, tokenHash: token });
    for (const e of t.effects) if (e.type === 'send' && e.message.type === 'joined') return e.message.participantId;
    throw new Error(`join refused: ${this.errors().join('; ')}`);
  }

  answer(participantId: string, answer: AnswerValue, questionId = this.state.round?.questionId ?? 'none'): Transition {
    return this.send({ type: 'answer', actor: student(participantId), questionId, answer });
  }

  tick(): Transition {
    return this.send({ type: 'tick', actor: SYSTEM });
  }

  wait(ms: number): this {
    this.now += ms;
    return this;
  }

  errors(): string[] {
    return errorsOf(this.effects);
  }

  errorCodes(): string[] {
    return this.effects.flatMap((e) => (e.type === 'send' && e.message.type === 'error' ? [e.message.code] : []));
  }

  score(participantId: string): number {
    return this.state.participants.get(participantId)!.score;
  }
}

export function errorsOf(effects: readonly Effect[]): string[] {
  return effects.flatMap((e) => (e.type === 'send' && e.message.type === 'error' ? [e.message.message] : []));
}
