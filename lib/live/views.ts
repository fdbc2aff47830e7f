// What each role may see of a session: boardgame.io's PlayerView.STRIP_SECRETS, done by copying
// allowed fields out (a whitelist) rather than deleting secret ones, so a field added to the
// state later stays private until someone chooses to show it.
//
// Secrets: the answer key, and whether any answer is right, until the question is revealed;
// other students' answers, always; tokens, always. Nothing here reads `question.key` except
// `revealView`, which only runs in the reveal phase.
//
// Cost: a student's view is O(1) plus the top 10 (ranks and the spread are worked out once at
// the reveal), so sending a thousand of them after a reveal stays cheap. The teacher's view
// lists the whole roster.
import { keyOf, VERSIONS, type AnswerValue, type LiveQuestion, type QuestionKind, type Version } from './questions';
import {
  currentQuestion,
  isActive,
  rankOf,
  remainingMs,
  type LastResult,
  type Participant,
  type Phase,
  type Presence,
  type SessionState,
  type Spread,
} from './state';

export const LEADERBOARD_SIZE = 10;
export const PODIUM_RANKS = 3;
/** A tie for third cannot flood the screen. */
export const PODIUM_MAX = 10;
export const LOBBY_NAMES = 500;

export interface Timing {
  /** Server time the answers close; null while paused. */
  readonly deadline: number | null;
  /** Left at `serverNow`. Clients count down from this with their own monotonic clock, never with Date.now(). */
  readonly remainingMs: number;
  readonly serverNow: number;
  readonly limitMs: number;
  readonly addedMs: number;
  readonly paused: boolean;
}

export interface QuestionView {
  readonly id: string;
  readonly index: number;
  readonly total: number;
  readonly kind: QuestionKind;
  readonly prompt: string;
  readonly scene: { readonly levelId: string; readonly step: number };
  readonly timeLimitMs: number;
  /** pick: the heap objects a student may click. */
  readonly pickables?: readonly string[];
  /** order: the things to arrange, in code-point order (never the key's order). */
  readonly items?: readonly string[];
  /** version: the choices. */
  readonly versions?: readonly Version[];
}

export interface RevealView {
  readonly questionId: string;
  readonly index: number;
  readonly answer: AnswerValue;
  readonly answered: number;
  readonly correct: number;
  readonly eligible: number;
  readonly spread: Spread;
}

export interface LeaderboardEntry {
  readonly rank: number;
  readonly participantId: string;
  readonly nickname: string;
  readonly score: number;
  readonly streak: number;
}

export interface Leaderboard {
  /** The first ten in display order (ties share a rank; see scoring.ts). */
  readonly top: readonly LeaderboardEntry[];
  readonly ranked: number;
}

export interface Progress {
  /** Participants still in the session who have answered the running question. */
  readonly answered: number;
  /** Participants still in the session. */
  readonly of: number;
}

interface SharedView {
  readonly sessionId: string;
  readonly seq: number;
  readonly phase: Phase;
  readonly questionCount: number;
  readonly participants: number;
  readonly question: QuestionView | null;
  readonly timing: Timing | null;
  readonly progress: Progress | null;
  readonly reveal: RevealView | null;
  readonly leaderboard: Leaderboard | null;
  readonly podium: readonly LeaderboardEntry[] | null;
}

/** For a screen anyone in the room may see (a projector opened without host controls). */
export interface PublicView extends SharedView {
  readonly role: 'public';
  /** Null once the session has ended: the code no longer works. */
  readonly code: string | null;
  readonly locked: boolean;
  readonly lobby: readonly string[];
}

export interface RosterEntry {
  readonly id: string;
  readonly nickname: string;
  readonly presence: Presence;
  readonly kicked: boolean;
  readonly score: number;
  readonly streak: number;
  /** Has answered the running question (not whether rightly). */
  readonly answered: boolean;
  readonly rank: number | null;
  readonly lastResult: LastResult | null;
}

export interface TeacherView extends SharedView {
  readonly role: 'teacher';
  readonly code: string | null;
  readonly locked: boolean;
  readonly roster: readonly RosterEntry[];
  /** Still in the session and not answered yet, in join order. */
  readonly missing: readonly { readonly id: string; readonly nickname: string }[];
  readonly playlist: readonly { readonly id: string; readonly kind: QuestionKind; readonly prompt: string }[];
}

export interface StudentView extends SharedView {
  readonly role: 'student';
  readonly me: {
    readonly participantId: string;
    readonly nickname: string;
    readonly score: number;
    readonly streak: number;
    /** Null until the first reveal after joining. */
    readonly rank: number | null;
    /** Their own answer to the current question, as sent. */
    readonly answer: AnswerValue | null;
    readonly lastResult: LastResult | null;
  };
}

const hasQuestion = (p: Phase) => p === 'question' || p === 'paused' || p === 'reveal';
const hasLeaderboard = (p: Phase) => p === 'reveal' || p === 'podium' || p === 'ended';

export function questionView(q: LiveQuestion, index: number, total: number): QuestionView {
  const v: QuestionView = {
    id: q.id,
    index,
    total,
    kind: q.kind,
    prompt: q.prompt,
    scene: { levelId: q.scene.levelId, step: q.scene.step },
    timeLimitMs: q.timeLimitMs,
  };
  switch (q.kind) {
    case 'pick':
      return { ...v, pickables: [...q.pickables] };
    case 'order':
      return { ...v, items: [...q.items].sort() };
    case 'version':
      return { ...v, versions: [...VERSIONS] };
    default:
      return v;
  }
}

export function timingView(s: SessionState, now: number): Timing | null {
  const r = s.round;
  if (!r || (s.phase !== 'question' && s.phase !== 'paused')) return null;
  return {
    deadline: s.phase === 'question' ? r.deadline : null,
    remainingMs: remainingMs(r, s.phase, now),
    serverNow: now,
    limitMs: r.limitMs,
    addedMs: r.addedMs,
    paused: s.phase === 'paused',
  };
}

/** The key and the class's answers: only ever in the reveal phase. */
export function revealView(s: SessionState): RevealView | null {
  const r = s.round;
  const q = currentQuestion(s);
  if (s.phase !== 'reveal' || !r || !q || !r.outcome) return null;
  const o = r.outcome;
  return {
    questionId: q.id,
    index: r.index,
    answer: keyOf(q),
    answered: o.answered,
    correct: o.correct,
    eligible: o.eligible,
    spread: o.spread,
  };
}

function entry(p: Participant, rank: number): LeaderboardEntry {
  return { rank, participantId: p.id, nickname: p.nickname, score: p.score, streak: p.streak };
}

function ranked(s: SessionState, limit: number, maxRank = Infinity): LeaderboardEntry[] {
  const out: LeaderboardEntry[] = [];
  for (const e of s.standings.entries) {
    if (out.length >= limit || e.rank > maxRank) break;
    const p = s.participants.get(e.participantId);
    if (p && !p.kicked) out.push(entry(p, e.rank));
  }
  return out;
}

function shared(s: SessionState, now: number): SharedView {
  const r = s.round;
  const q = currentQuestion(s);
  return {
    sessionId: s.id,
    seq: s.seq,
    phase: s.phase,
    questionCount: s.playlist.length,
    participants: s.active,
    question: q && r && hasQuestion(s.phase) ? questionView(q, r.index, s.playlist.length) : null,
    timing: timingView(s, now),
    progress: r && hasQuestion(s.phase) ? { answered: r.answeredActive, of: s.active } : null,
    reveal: revealView(s),
    leaderboard: hasLeaderboard(s.phase) ? { top: ranked(s, LEADERBOARD_SIZE), ranked: s.standings.entries.length } : null,
    podium: s.phase === 'podium' || s.phase === 'ended' ? ranked(s, PODIUM_MAX, PODIUM_RANKS) : null,
  };
}

const inJoinOrder = (s: SessionState): Participant[] => s.participants.values().sort((a, b) => a.seq - b.seq);

export function publicView(s: SessionState, now: number): PublicView {
  return {
    ...shared(s, now),
    role: 'public',
    code: s.phase === 'ended' ? null : s.code,
    locked: s.locked,
    lobby: inJoinOrder(s)
      .filter(isActive)
      .slice(0, LOBBY_NAMES)
      .map((p) => p.nickname),
  };
}

export function teacherView(s: SessionState, now: number): TeacherView {
  const r = s.round;
  const open = r !== null && (s.phase === 'question' || s.phase === 'paused');
  const everyone = inJoinOrder(s);
  return {
    ...shared(s, now),
    role: 'teacher',
    code: s.phase === 'ended' ? null : s.code,
    locked: s.locked,
    roster: everyone.map((p) => rosterEntry(s, p)),
    missing: open ? everyone.filter((p) => isActive(p) && !r.answers.has(p.id)).map((p) => ({ id: p.id, nickname: p.nickname })) : [],
    playlist: s.playlist.map((q) => ({ id: q.id, kind: q.kind, prompt: q.prompt })),
  };
}

/** Null for someone who is not (or no longer) a participant: removed players see nothing more. */
export function studentView(s: SessionState, participantId: string, now: number): StudentView | null {
  const p = s.participants.get(participantId);
  if (!p || p.kicked) return null;
  const mine = s.round && hasQuestion(s.phase) ? s.round.answers.get(participantId) : undefined;
  return {
    ...shared(s, now),
    role: 'student',
    me: {
      participantId: p.id,
      nickname: p.nickname,
      score: p.score,
      streak: p.streak,
      rank: rankOf(s, p.id),
      answer: mine ? mine.answer : null,
      lastResult: p.lastResult,
    },
  };
}

/** The roster line for one participant, for the teacher's `roster` delta. */
export function rosterEntry(s: SessionState, p: Participant): RosterEntry {
  const r = s.round;
  return {
    id: p.id,
    nickname: p.nickname,
    presence: p.presence,
    kicked: p.kicked,
    score: p.score,
    streak: p.streak,
    answered: r !== null && hasQuestion(s.phase) && r.answers.has(p.id),
    rank: rankOf(s, p.id),
    lastResult: p.lastResult,
  };
}
