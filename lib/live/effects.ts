// What the reducer asks the outside world to do. The reducer only describes; the socket layer
// carries out, in order: `append` first (write-ahead: an event that is not stored did not
// happen), then records, timers and messages.
import type { AnswerValue, LiveQuestion } from './questions';
import type { LiveEvent, ServerMessage } from './events';
import type { Outcome, Phase, Presence } from './state';

export type Recipient =
  | { readonly kind: 'all' }
  | { readonly kind: 'teacher' }
  | { readonly kind: 'students' }
  | { readonly kind: 'participant'; readonly participantId: string }
  /** Screens that show the public view (a projector). */
  | { readonly kind: 'public' }
  /** The connection the event came from (a guest has no participant id yet). */
  | { readonly kind: 'actor' };

/** One accepted event, as stored. Replaying the entries in seq order through `reduce` rebuilds the state. */
export interface LogEntry {
  readonly seq: number;
  readonly now: number;
  readonly event: LiveEvent;
}

/** Rows for reports (per-question correctness, spread, per-student results); the log alone rebuilds the state. */
export type PersistRecord =
  | {
      readonly kind: 'session';
      readonly sessionId: string;
      readonly code: string;
      readonly teacherId: string;
      readonly createdAt: number;
      readonly playlist: readonly LiveQuestion[];
    }
  | { readonly kind: 'status'; readonly sessionId: string; readonly phase: Phase; readonly locked: boolean; readonly current: number; readonly at: number }
  | {
      readonly kind: 'participant';
      readonly sessionId: string;
      readonly participantId: string;
      readonly nickname: string;
      readonly joinedAt: number;
      readonly presence: Presence;
      readonly kicked: boolean;
    }
  | {
      readonly kind: 'answer';
      readonly sessionId: string;
      readonly questionIndex: number;
      readonly questionId: string;
      readonly participantId: string;
      readonly answer: AnswerValue;
      readonly at: number;
      readonly elapsedMs: number;
      readonly correct: boolean;
      readonly credit: number;
      readonly points: number;
    }
  /** A removed participant's answer to the running question no longer counts. */
  | { readonly kind: 'answerVoided'; readonly sessionId: string; readonly questionIndex: number; readonly participantId: string }
  | {
      readonly kind: 'round';
      readonly sessionId: string;
      readonly questionIndex: number;
      readonly questionId: string;
      readonly status: 'open' | 'revealed' | 'skipped';
      readonly at: number;
      readonly outcome: Outcome | null;
    }
  | {
      readonly kind: 'scores';
      readonly sessionId: string;
      readonly questionIndex: number;
      readonly scores: readonly { readonly participantId: string; readonly score: number; readonly streak: number; readonly rank: number | null }[];
    };

export type Effect =
  | { readonly type: 'send'; readonly to: Recipient; readonly message: ServerMessage }
  /** Send each recipient its current view (views.ts), rendered from the state after this event. */
  | { readonly type: 'sync'; readonly to: Recipient }
  /** The session has one timer: fire a `tick` (system actor) at `at`, replacing any earlier one; null cancels it. */
  | { readonly type: 'timer'; readonly at: number | null }
  | { readonly type: 'append'; readonly entry: LogEntry }
  | { readonly type: 'record'; readonly record: PersistRecord }
  | { readonly type: 'log'; readonly level: 'info' | 'warn'; readonly message: string };

export const to = {
  all: { kind: 'all' } as Recipient,
  teacher: { kind: 'teacher' } as Recipient,
  students: { kind: 'students' } as Recipient,
  public: { kind: 'public' } as Recipient,
  actor: { kind: 'actor' } as Recipient,
  participant: (participantId: string): Recipient => ({ kind: 'participant', participantId }),
};
