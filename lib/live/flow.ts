// Who may send each event, and in which phases: the session's flow as data, checked by the
// reducer before any handler runs (so a refused event cannot have touched the state).
//
//   lobby ─start─▶ question ◀─resume─ paused
//                    │  └───pause──────▶ │
//       deadline tick, reveal, all answered   skip (no scoring) ─▶ next question or podium
//                    ▼
//                  reveal ─next─▶ question (next one) or podium ─end─▶ ended
//   end is allowed from every phase; join/rejoin/kick/lock work until the podium or the end.
import type { LiveEventType, Role } from './events';
import type { Phase } from './state';

export interface Rule {
  readonly by: readonly Role[];
  readonly in: readonly Phase[];
  /** For error messages: "Can't <verb> …". */
  readonly verb: string;
  /** A better message than the generic one for some phases. */
  readonly whyNot?: Partial<Record<Phase, string>>;
}

const LIVE: readonly Phase[] = ['lobby', 'question', 'paused', 'reveal', 'podium'];
const ALL: readonly Phase[] = [...LIVE, 'ended'];
const ENDED = 'This session has ended.';

export const FLOW: { readonly [T in LiveEventType]: Rule } = {
  create: { by: ['teacher'], in: [], verb: 'create a session' },
  join: {
    by: ['guest'],
    in: ['lobby', 'question', 'paused', 'reveal'],
    verb: 'join',
    whyNot: { podium: 'The last question is over; this session is not taking new players.', ended: ENDED },
  },
  rejoin: { by: ['guest'], in: LIVE, verb: 'rejoin', whyNot: { ended: ENDED } },
  leave: { by: ['student'], in: LIVE, verb: 'leave' },
  disconnect: { by: ['student'], in: ALL, verb: 'disconnect' },
  kick: { by: ['teacher'], in: LIVE, verb: 'remove a player' },
  lock: { by: ['teacher'], in: LIVE, verb: 'lock the session' },
  unlock: { by: ['teacher'], in: LIVE, verb: 'unlock the session' },
  start: { by: ['teacher'], in: ['lobby'], verb: 'start', whyNot: { question: 'The session has already started.' } },
  answer: {
    by: ['student'],
    in: ['question'],
    verb: 'answer',
    whyNot: {
      paused: 'The question is paused. Answer when your teacher resumes it.',
      reveal: 'Time is up for this question.',
      lobby: 'No question is open yet.',
    },
  },
  tick: { by: ['system'], in: ALL, verb: 'tick' },
  reveal: { by: ['teacher'], in: ['question', 'paused'], verb: 'reveal the answer' },
  next: { by: ['teacher'], in: ['reveal'], verb: 'go to the next question' },
  skip: { by: ['teacher'], in: ['question', 'paused'], verb: 'skip the question' },
  pause: { by: ['teacher'], in: ['question'], verb: 'pause', whyNot: { paused: 'The question is already paused.' } },
  resume: { by: ['teacher'], in: ['paused'], verb: 'resume', whyNot: { question: 'The question is already running.' } },
  addTime: { by: ['teacher'], in: ['question', 'paused'], verb: 'add time' },
  end: { by: ['teacher'], in: LIVE, verb: 'end the session', whyNot: { ended: 'The session has already ended.' } },
};

const PHASE_WORDS: Record<Phase, string> = {
  lobby: 'still in the lobby',
  question: 'running a question',
  paused: 'paused',
  reveal: 'showing the answers',
  podium: 'on the podium',
  ended: 'over',
};

export function wrongPhaseMessage(rule: Rule, phase: Phase): string {
  return rule.whyNot?.[phase] ?? `Can't ${rule.verb} now: the session is ${PHASE_WORDS[phase]}.`;
}

const ROLE_WORDS: Record<Role, string> = {
  teacher: 'the host',
  student: 'a player',
  guest: 'someone who has not joined',
  system: 'the server',
};

export function unauthorizedMessage(rule: Rule, role: Role): string {
  const who = rule.by.map((r) => ROLE_WORDS[r]).join(' or ');
  return `Only ${who} can ${rule.verb}; you are ${ROLE_WORDS[role]}.`;
}
