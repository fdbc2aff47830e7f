// The after-session report, worked out from the session as replayed from its log: per-question
// correctness and spread, per-student results, the questions the class found hardest.
//
// Why replay rather than report tables written during the session: the log is written anyway
// (it is what a restart or a second node rebuilds from), replaying a class of a thousand
// through three questions takes milliseconds (benchmarks/live-core.ts: a few µs an event),
// and a report read from the log can never disagree with what the class was shown.
import { keyOf, type AnswerValue, type LiveQuestion } from '../live/questions';
import type { Participant, Round, SessionState, Spread } from '../live/state';

export interface QuestionReport {
  readonly index: number;
  readonly id: string;
  readonly kind: LiveQuestion['kind'];
  readonly prompt: string;
  readonly status: 'revealed' | 'skipped' | 'not played';
  readonly answer: AnswerValue;
  readonly answered: number;
  readonly correct: number;
  /** Players in the session when the question was revealed. */
  readonly eligible: number;
  /** correct / eligible; null when nobody could answer. */
  readonly correctRate: number | null;
  readonly spread: Spread | null;
}

export interface StudentQuestionResult {
  readonly answered: boolean;
  readonly correct: boolean;
  readonly points: number;
  readonly answer: AnswerValue | null;
}

export interface StudentReport {
  readonly participantId: string;
  readonly nickname: string;
  readonly rank: number | null;
  readonly score: number;
  readonly correct: number;
  readonly answered: number;
  readonly kicked: boolean;
  /** One per question, in playlist order; null where the question was not revealed. */
  readonly questions: readonly (StudentQuestionResult | null)[];
}

export interface SessionReport {
  readonly sessionId: string;
  readonly phase: SessionState['phase'];
  readonly createdAt: number;
  readonly endedAt: number | null;
  readonly questions: readonly QuestionReport[];
  /** Ranked first, then the rest by join order. */
  readonly students: readonly StudentReport[];
  /** Revealed questions, lowest correct rate first (ties: more wrong answers first). */
  readonly hardest: readonly QuestionReport[];
}

function roundsByIndex(s: SessionState): Map<number, Round> {
  const out = new Map<number, Round>();
  for (const r of s.history) out.set(r.index, r);
  if (s.round) out.set(s.round.index, s.round);
  return out;
}

export function buildReport(s: SessionState): SessionReport {
  const rounds = roundsByIndex(s);
  const questions: QuestionReport[] = s.playlist.map((q, index) => {
    const r = rounds.get(index);
    const o = r?.status === 'revealed' ? r.outcome : null;
    return {
      index,
      id: q.id,
      kind: q.kind,
      prompt: q.prompt,
      status: !r || r.status === 'open' ? 'not played' : r.status,
      answer: keyOf(q),
      answered: o?.answered ?? 0,
      correct: o?.correct ?? 0,
      eligible: o?.eligible ?? 0,
      correctRate: o && o.eligible > 0 ? o.correct / o.eligible : null,
      spread: o?.spread ?? null,
    };
  });

  const rankOf = new Map(s.standings.entries.map((e, i) => [e.participantId, { rank: e.rank, order: i }]));
  const people = s.participants.values().sort((a, b) => {
    const ra = rankOf.get(a.id)?.order ?? Infinity;
    const rb = rankOf.get(b.id)?.order ?? Infinity;
    return ra - rb || a.seq - b.seq;
  });
  const students = people.map((p) => studentReport(p, s, rounds, rankOf.get(p.id)?.rank ?? null));

  const hardest = questions
    .filter((q) => q.status === 'revealed' && q.correctRate !== null)
    .sort((a, b) => a.correctRate! - b.correctRate! || b.eligible - b.correct - (a.eligible - a.correct) || a.index - b.index);

  return { sessionId: s.id, phase: s.phase, createdAt: s.createdAt, endedAt: s.endedAt, questions, students, hardest };
}

function studentReport(p: Participant, s: SessionState, rounds: Map<number, Round>, rank: number | null): StudentReport {
  let answered = 0;
  const questions = s.playlist.map((_q, index): StudentQuestionResult | null => {
    const r = rounds.get(index);
    if (!r || r.status !== 'revealed') return null;
    const a = r.answers.get(p.id);
    if (a) answered++;
    return a ? { answered: true, correct: a.correct, points: a.points, answer: a.answer } : { answered: false, correct: false, points: 0, answer: null };
  });
  return { participantId: p.id, nickname: p.nickname, rank: p.kicked ? null : rank, score: p.score, correct: p.correctCount, answered, kicked: p.kicked, questions };
}

/** An answer as a person reads it in a table cell. */
export function answerText(a: AnswerValue | null): string {
  if (a === null) return '';
  switch (a.kind) {
    case 'number':
      return String(a.value);
    case 'yesno':
      return a.value ? 'yes' : 'no';
    case 'pick':
      return a.value.length ? a.value.join(' ') : '(none)';
    case 'order':
      return a.value.join(' → ');
    case 'version':
      return a.value.join(' ');
  }
}
