// The live session as a pure state machine: reduce(state, event, now) → { state, effects }.
//
// No sockets, no database, no clock (`now` is an argument), no randomness (join codes, session
// ids and participant tokens come in with the events). Client, server, replay and tests drive
// this one function.
//
// Order of checks, so that a refused event changes nothing (the very same state object comes
// back, with an error for the sender and a log line): who sent it (flow.ts) → is it allowed in
// this phase (flow.ts) → the handler's own checks, all made before it builds anything.
//
// Every event that changes the state gets the next `seq` and an `append` effect (the log entry
// to store before anything is sent); events that change nothing (a tick before the deadline, a
// rejoin of someone already online) produce no entry, so replaying the log meets no surprises.
import { describeZodError, joinCodeSchema, type Actor, type ErrorCode, type EventOf, type LiveEvent, type LiveEventType } from './events';
import { to, type Effect, type PersistRecord } from './effects';
import { FLOW, unauthorizedMessage, wrongPhaseMessage } from './flow';
import { checkNickname, nicknameKey, TAKEN_MESSAGE } from './nickname';
import { PMap } from './pmap';
import { answerProblem, grade, playlistSchema } from './questions';
import { pointsFor, rankByScore, streakAfter } from './scoring';
import { spreadOf } from './spread';
import {
  DEFAULT_SETTINGS,
  EMPTY_STANDINGS,
  isActive,
  standingsFrom,
  type AnswerRecord,
  type Participant,
  type Round,
  type SessionState,
  type Standings,
} from './state';
import { rosterEntry, timingView } from './views';

export interface Transition<S extends SessionState | null = SessionState> {
  readonly state: S;
  readonly effects: readonly Effect[];
}

/** A question never runs longer than this in all, however much time is added. */
export const MAX_QUESTION_MS = 30 * 60_000;

class Refusal {
  constructor(
    readonly code: ErrorCode,
    readonly message: string,
  ) {}
}

/** Handlers check first and build after; they push effects into `fx` and return the next state. */
type Handler<T extends LiveEventType> = (s: SessionState, e: EventOf<T>, now: number, fx: Effect[]) => SessionState | Refusal;

export function reduce(state: SessionState, event: LiveEvent, now: number): Transition<SessionState>;
export function reduce(state: SessionState | null, event: LiveEvent, now: number): Transition<SessionState | null>;
export function reduce(state: SessionState | null, event: LiveEvent, now: number): Transition<SessionState | null> {
  if (state === null) {
    return event.type === 'create' ? create(event, now) : refuse(null, event, 'no_session', 'There is no such session.');
  }
  if (event.type === 'create') return refuse(state, event, 'no_session', 'This session already exists.');

  const rule = FLOW[event.type];
  if (!rule.by.includes(event.actor.role)) return refuse(state, event, 'unauthorized', unauthorizedMessage(rule, event.actor.role));
  const who = checkSender(state, event);
  if (who === 'ignore') return { state, effects: [] };
  if (who) return refuse(state, event, who.code, who.message);
  if (!rule.in.includes(state.phase)) return refuse(state, event, 'wrong_phase', wrongPhaseMessage(rule, state.phase));

  const t = Math.max(now, state.clock);
  const fx: Effect[] = [];
  const next = (HANDLERS[event.type] as Handler<LiveEventType>)(state, event, t, fx);
  if (next instanceof Refusal) return refuse(state, event, next.code, next.message);
  if (next === state) return { state, effects: fx };
  const seq = state.seq + 1;
  return {
    state: { ...next, seq, clock: t },
    effects: [{ type: 'append', entry: { seq, now, event } }, ...fx],
  };
}

/** The sender is who they claim (the session's teacher; a participant still in it). */
function checkSender(s: SessionState, e: LiveEvent): Refusal | 'ignore' | null {
  const a = e.actor;
  if (a.role === 'teacher' && a.teacherId !== s.teacherId) return new Refusal('unauthorized', 'You are not the host of this session.');
  if (a.role !== 'student') return null;
  const p = s.participants.get(a.participantId);
  // A dropped connection of someone unknown or removed needs no answer.
  if (e.type === 'disconnect' && (!p || p.kicked)) return 'ignore';
  if (!p) return new Refusal('unknown_participant', 'You are not in this session. Join it first.');
  if (p.kicked) return new Refusal('kicked', 'The teacher removed you from this session.');
  if (e.type === 'answer' && p.presence === 'left') return new Refusal('unknown_participant', 'You left this session. Rejoin to play.');
  return null;
}

function refuse<S extends SessionState | null>(state: S, e: LiveEvent, code: ErrorCode, message: string): Transition<S> {
  const effects: Effect[] = [];
  if (e.actor.role !== 'system') effects.push({ type: 'send', to: to.actor, message: { type: 'error', event: e.type, code, message } });
  effects.push({ type: 'log', level: 'warn', message: `live ${state?.id ?? '-'}: refused ${e.type} from ${describeActor(e.actor)}: ${code}: ${message}` });
  return { state, effects };
}

function describeActor(a: Actor): string {
  switch (a.role) {
    case 'teacher':
      return `teacher ${a.teacherId}`;
    case 'student':
      return `participant ${a.participantId}`;
    default:
      return a.role;
  }
}

// ---------------------------------------------------------------------------------------------
// Creating

function create(e: EventOf<'create'>, now: number): Transition<SessionState | null> {
  if (e.actor.role !== 'teacher') return refuse(null, e, 'unauthorized', 'Only a signed-in teacher can create a session.');
  if (!joinCodeSchema.safeParse(e.code).success) return refuse(null, e, 'invalid', 'A join code is 6 digits.');
  if (!e.sessionId) return refuse(null, e, 'invalid', 'A session needs an id.');
  const playlist = playlistSchema.safeParse(e.playlist);
  if (!playlist.success) return refuse(null, e, 'invalid', `The playlist is not usable: ${describeZodError(playlist.error)}`);
  const state: SessionState = {
    format: 1,
    id: e.sessionId,
    code: e.code,
    teacherId: e.actor.teacherId,
    createdAt: now,
    settings: {
      revealWhenAllAnswered: e.settings?.revealWhenAllAnswered ?? DEFAULT_SETTINGS.revealWhenAllAnswered,
      maxParticipants: e.settings?.maxParticipants ?? DEFAULT_SETTINGS.maxParticipants,
    },
    seq: 1,
    clock: now,
    phase: 'lobby',
    locked: false,
    playlist: playlist.data,
    current: -1,
    round: null,
    history: [],
    participants: PMap.empty(),
    nicknames: PMap.empty(),
    tokens: PMap.empty(),
    nextSeq: 1,
    active: 0,
    standings: EMPTY_STANDINGS,
    endedAt: null,
  };
  return {
    state,
    effects: [
      { type: 'append', entry: { seq: 1, now, event: e } },
      record({ kind: 'session', sessionId: state.id, code: state.code, teacherId: state.teacherId, createdAt: now, playlist: state.playlist }),
      statusRecord(state, now),
      { type: 'sync', to: to.teacher },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// People

const join: Handler<'join'> = (s, e, now, fx) => {
  if (s.locked) return new Refusal('locked', 'The teacher has locked this session. Ask them to unlock it.');
  if (s.participants.size >= s.settings.maxParticipants) return new Refusal('full', 'This session is full.');
  if (s.tokens.has(e.tokenHash)) return new Refusal('invalid', 'You have already joined this session. Rejoin instead.');
  const name = checkNickname(e.nickname);
  if (!name.ok) return new Refusal('nickname', name.message);
  if (s.nicknames.has(name.key)) return new Refusal('nickname', TAKEN_MESSAGE);

  const id = `p${s.nextSeq}`;
  const p: Participant = {
    id,
    seq: s.nextSeq,
    nickname: name.nickname,
    tokenHash: e.tokenHash,
    joinedAt: now,
    presence: 'online',
    kicked: false,
    score: 0,
    streak: 0,
    correctCount: 0,
    answerMs: 0,
    lastResult: null,
  };
  const next: SessionState = {
    ...s,
    participants: s.participants.set(id, p),
    nicknames: s.nicknames.set(name.key, id),
    tokens: s.tokens.set(e.tokenHash, id),
    nextSeq: s.nextSeq + 1,
    active: s.active + 1,
  };
  fx.push(
    { type: 'send', to: to.actor, message: { type: 'joined', participantId: id, nickname: p.nickname, rejoined: false } },
    { type: 'sync', to: to.participant(id) },
    ...rosterChanged(next, p),
  );
  return next;
};

const rejoin: Handler<'rejoin'> = (s, e, _now, fx) => {
  const id = s.tokens.get(e.tokenHash);
  const p = id === undefined ? undefined : s.participants.get(id);
  if (!p) return new Refusal('unknown_participant', "We couldn't find you in this session. Join again with a nickname.");
  if (p.kicked) return new Refusal('kicked', 'The teacher removed you from this session.');
  fx.push(
    { type: 'send', to: to.actor, message: { type: 'joined', participantId: p.id, nickname: p.nickname, rejoined: true } },
    { type: 'sync', to: to.participant(p.id) },
  );
  if (p.presence === 'online') return s;
  const next = withPresence(s, p, 'online');
  fx.push(...rosterChanged(next, next.participants.get(p.id)!));
  return next;
};

const leave: Handler<'leave'> = (s, e, now, fx) => {
  const p = s.participants.get(studentId(e))!;
  if (p.presence === 'left') return s;
  const next = withPresence(s, p, 'left');
  fx.push(...rosterChanged(next, next.participants.get(p.id)!));
  return revealIfAllAnswered(next, now, fx);
};

const disconnect: Handler<'disconnect'> = (s, e, _now, fx) => {
  const p = s.participants.get(studentId(e))!;
  if (p.presence !== 'online') return s;
  const next = withPresence(s, p, 'offline');
  fx.push(...rosterChanged(next, next.participants.get(p.id)!));
  return next;
};

/** Presence changes move the participant in or out of the "still in the session" counts. */
function withPresence(s: SessionState, p: Participant, presence: Participant['presence']): SessionState {
  const q: Participant = { ...p, presence };
  const delta = (isActive(q) ? 1 : 0) - (isActive(p) ? 1 : 0);
  const r = s.round;
  const answered = r !== null && r.answers.has(p.id);
  return {
    ...s,
    participants: s.participants.set(p.id, q),
    active: s.active + delta,
    round: answered && delta !== 0 ? { ...r, answeredActive: r.answeredActive + delta } : r,
  };
}

const kick: Handler<'kick'> = (s, e, now, fx) => {
  const p = s.participants.get(e.participantId);
  if (!p) return new Refusal('unknown_participant', 'There is no such player in this session.');
  if (p.kicked) return s;
  const q: Participant = { ...p, kicked: true };
  const participants = s.participants.set(p.id, q);
  let round = s.round;
  if (round && round.answers.has(p.id)) {
    const answeredActive = round.answeredActive - (isActive(p) ? 1 : 0);
    // An answer to the running question no longer counts; answers already revealed stay in the record.
    if (round.status === 'open') {
      round = { ...round, answers: round.answers.delete(p.id), answeredActive };
      fx.push(record({ kind: 'answerVoided', sessionId: s.id, questionIndex: round.index, participantId: p.id }));
    } else round = { ...round, answeredActive };
  }
  const next: SessionState = {
    ...s,
    participants,
    nicknames: s.nicknames.delete(nicknameKey(p.nickname)),
    active: s.active - (isActive(p) ? 1 : 0),
    round,
    standings: standingsOf(participants),
  };
  fx.push(
    { type: 'send', to: to.participant(p.id), message: { type: 'kicked', message: 'The teacher removed you from this session.' } },
    ...rosterChanged(next, q),
  );
  if (next.phase === 'reveal' || next.phase === 'podium') fx.push({ type: 'sync', to: to.all });
  return revealIfAllAnswered(next, now, fx);
};

const setLocked =
  <T extends 'lock' | 'unlock'>(locked: boolean): Handler<T> =>
  (s, _e, now, fx) => {
    if (s.locked === locked) return s;
    const next = { ...s, locked };
    fx.push(statusRecord(next, now), { type: 'sync', to: to.teacher });
    return next;
  };

// ---------------------------------------------------------------------------------------------
// Questions

const start: Handler<'start'> = (s, _e, now, fx) => openRound(s, 0, now, fx);

function openRound(s: SessionState, index: number, now: number, fx: Effect[]): SessionState {
  const q = s.playlist[index]!;
  const round: Round = {
    index,
    questionId: q.id,
    status: 'open',
    openedAt: now,
    limitMs: q.timeLimitMs,
    addedMs: 0,
    deadline: now + q.timeLimitMs,
    pausedRemainingMs: null,
    answers: PMap.empty(),
    answeredActive: 0,
    outcome: null,
  };
  const next: SessionState = {
    ...s,
    phase: 'question',
    current: index,
    round,
    history: s.round ? [...s.history, s.round] : s.history,
  };
  fx.push(
    { type: 'timer', at: round.deadline },
    roundRecord(next, round, now),
    statusRecord(next, now),
    { type: 'sync', to: to.all },
  );
  return next;
}

const answer: Handler<'answer'> = (s, e, now, fx) => {
  const r = s.round!;
  const q = s.playlist[r.index]!;
  const p = s.participants.get(studentId(e))!;
  if (e.questionId !== q.id) return new Refusal('stale', 'That question is over. Answer the one on screen.');
  if (now >= r.deadline) return new Refusal('too_late', 'Time is up for this question.');
  if (r.answers.has(p.id)) return new Refusal('already_answered', 'You have already answered this question.');
  const problem = answerProblem(q, e.answer);
  if (problem) return new Refusal('invalid', `Answer not accepted: ${problem}.`);

  const { correct, credit } = grade(q, e.answer);
  // Running time: the deadline moves with pauses and added time, so this leaves both out.
  const elapsedMs = r.limitMs + r.addedMs - (r.deadline - now);
  const rec: AnswerRecord = {
    participantId: p.id,
    answer: e.answer,
    at: now,
    elapsedMs,
    correct,
    credit,
    points: pointsFor({ correct, credit, elapsedMs, timeLimitMs: r.limitMs, streakBefore: p.streak }),
  };
  const next: SessionState = { ...s, round: { ...r, answers: r.answers.set(p.id, rec), answeredActive: r.answeredActive + 1 } };
  fx.push(
    { type: 'send', to: to.participant(p.id), message: { type: 'answered', questionId: q.id, answer: e.answer } },
    ...progress(next, p.id),
    record({ kind: 'answer', sessionId: s.id, questionIndex: r.index, questionId: q.id, ...rec }),
  );
  return revealIfAllAnswered(next, now, fx);
};

const tick: Handler<'tick'> = (s, _e, now, fx) =>
  s.phase === 'question' && s.round && now >= s.round.deadline ? revealRound(s, now, fx) : s;

function revealIfAllAnswered(s: SessionState, now: number, fx: Effect[]): SessionState {
  const r = s.round;
  if (!s.settings.revealWhenAllAnswered || s.phase !== 'question' || !r || s.active === 0) return s;
  return r.answeredActive >= s.active ? revealRound(s, now, fx) : s;
}

/** Close the question: scores and streaks move, ranks and the spread are worked out once for every view. */
function revealRound(s: SessionState, now: number, fx: Effect[]): SessionState {
  const r = s.round!;
  const q = s.playlist[r.index]!;
  const participants = s.participants.map((p) => {
    if (p.kicked) return p;
    const a = r.answers.get(p.id);
    if (!a) return { ...p, streak: 0, lastResult: { questionIndex: r.index, answered: false, correct: false, points: 0 } };
    return {
      ...p,
      score: p.score + a.points,
      streak: streakAfter(p.streak, a.correct),
      correctCount: p.correctCount + (a.correct ? 1 : 0),
      answerMs: p.answerMs + (a.correct ? a.elapsedMs : 0),
      lastResult: { questionIndex: r.index, answered: true, correct: a.correct, points: a.points },
    };
  });
  let correct = 0;
  r.answers.forEach((a) => (correct += a.correct ? 1 : 0));
  const round: Round = {
    ...r,
    status: 'revealed',
    outcome: { revealedAt: now, answered: r.answers.size, correct, eligible: s.active, spread: spreadOf(q, r.answers) },
  };
  const next: SessionState = { ...s, phase: 'reveal', participants, round, standings: standingsOf(participants) };
  fx.push(
    { type: 'timer', at: null },
    roundRecord(next, round, now),
    statusRecord(next, now),
    scoresRecord(next, r.index),
    { type: 'sync', to: to.all },
  );
  return next;
}

const revealNow: Handler<'reveal'> = (s, e, now, fx) => stale(s, e.questionIndex) ?? revealRound(s, now, fx);

const next: Handler<'next'> = (s, e, now, fx) => stale(s, e.questionIndex) ?? advance(s, now, fx);

const skip: Handler<'skip'> = (s, e, now, fx) => {
  const refused = stale(s, e.questionIndex);
  if (refused) return refused;
  const round: Round = { ...s.round!, status: 'skipped' };
  const skipped = { ...s, round };
  fx.push({ type: 'timer', at: null }, roundRecord(skipped, round, now));
  return advance(skipped, now, fx);
};

function advance(s: SessionState, now: number, fx: Effect[]): SessionState {
  if (s.current + 1 < s.playlist.length) return openRound(s, s.current + 1, now, fx);
  const next: SessionState = { ...s, phase: 'podium', round: null, history: s.round ? [...s.history, s.round] : s.history };
  fx.push(statusRecord(next, now), { type: 'sync', to: to.all });
  return next;
}

/** Commands that move past a question name it; one meant for another question is refused. */
function stale(s: SessionState, questionIndex: number): Refusal | null {
  if (questionIndex === s.current) return null;
  return new Refusal('stale', `That was meant for question ${questionIndex + 1}, but the session is on question ${s.current + 1}.`);
}

const pause: Handler<'pause'> = (s, _e, now, fx) => {
  const r = s.round!;
  if (now >= r.deadline) return new Refusal('too_late', 'Time is already up for this question.');
  const next: SessionState = { ...s, phase: 'paused', round: { ...r, pausedRemainingMs: r.deadline - now } };
  fx.push({ type: 'timer', at: null }, statusRecord(next, now), { type: 'sync', to: to.all });
  return next;
};

const resume: Handler<'resume'> = (s, _e, now, fx) => {
  const r = s.round!;
  const round: Round = { ...r, deadline: now + (r.pausedRemainingMs ?? 0), pausedRemainingMs: null };
  const next: SessionState = { ...s, phase: 'question', round };
  fx.push({ type: 'timer', at: round.deadline }, statusRecord(next, now), { type: 'sync', to: to.all });
  return next;
};

const addTime: Handler<'addTime'> = (s, e, now, fx) => {
  const r = s.round!;
  const running = s.phase === 'question';
  if (running && now >= r.deadline) return new Refusal('too_late', 'Time is already up for this question.');
  if (r.limitMs + r.addedMs + e.ms > MAX_QUESTION_MS) {
    return new Refusal('invalid', `A question can run for at most ${MAX_QUESTION_MS / 60_000} minutes in all.`);
  }
  const round: Round = {
    ...r,
    addedMs: r.addedMs + e.ms,
    deadline: running ? r.deadline + e.ms : r.deadline,
    pausedRemainingMs: running ? null : (r.pausedRemainingMs ?? 0) + e.ms,
  };
  const next: SessionState = { ...s, round };
  if (running) fx.push({ type: 'timer', at: round.deadline });
  fx.push({ type: 'send', to: to.all, message: { type: 'timing', questionId: round.questionId, timing: timingView(next, now)! } });
  return next;
};

const end: Handler<'end'> = (s, _e, now, fx) => {
  let r = s.round;
  if (r && r.status === 'open') {
    r = { ...r, status: 'skipped' };
    fx.push(roundRecord(s, r, now));
  }
  const next: SessionState = { ...s, phase: 'ended', endedAt: now, round: null, history: r ? [...s.history, r] : s.history };
  fx.push({ type: 'timer', at: null }, statusRecord(next, now), { type: 'sync', to: to.all });
  return next;
};

const HANDLERS: { readonly [T in LiveEventType]: Handler<T> } = {
  create: () => new Refusal('no_session', 'This session already exists.'),
  join,
  rejoin,
  leave,
  disconnect,
  kick,
  lock: setLocked<'lock'>(true),
  unlock: setLocked<'unlock'>(false),
  start,
  answer,
  tick,
  reveal: revealNow,
  next,
  skip,
  pause,
  resume,
  addTime,
  end,
};

// ---------------------------------------------------------------------------------------------
// Helpers

function studentId(e: LiveEvent): string {
  return (e.actor as Extract<Actor, { role: 'student' }>).participantId;
}

function standingsOf(participants: PMap<Participant>): Standings {
  const players: Participant[] = [];
  participants.forEach((p) => {
    if (!p.kicked) players.push(p);
  });
  return standingsFrom(rankByScore(players));
}

const record = (r: PersistRecord): Effect => ({ type: 'record', record: r });

function statusRecord(s: SessionState, now: number): Effect {
  return record({ kind: 'status', sessionId: s.id, phase: s.phase, locked: s.locked, current: s.current, at: now });
}

function roundRecord(s: SessionState, r: Round, now: number): Effect {
  return record({ kind: 'round', sessionId: s.id, questionIndex: r.index, questionId: r.questionId, status: r.status, at: now, outcome: r.outcome });
}

function scoresRecord(s: SessionState, questionIndex: number): Effect {
  const scores = s.standings.entries.map((e) => {
    const p = s.participants.get(e.participantId)!;
    return { participantId: p.id, score: p.score, streak: p.streak, rank: e.rank };
  });
  return record({ kind: 'scores', sessionId: s.id, questionIndex, scores });
}

/** How many have answered: to the teacher (with who just did) and to the projector. */
function progress(s: SessionState, participantId: string | null): Effect[] {
  const r = s.round;
  if (!r || (s.phase !== 'question' && s.phase !== 'paused')) return [];
  const counts = { answered: r.answeredActive, of: s.active };
  return [
    { type: 'send', to: to.teacher, message: { type: 'progress', questionId: r.questionId, progress: counts, participantId } },
    { type: 'send', to: to.public, message: { type: 'progress', questionId: r.questionId, progress: counts, participantId: null } },
  ];
}

/**
 * The teacher's roster line, the projector's names and head count, the stored row, and the
 * answered count when a question is running.
 */
function rosterChanged(s: SessionState, p: Participant): Effect[] {
  const out: Effect[] = [
    { type: 'send', to: to.teacher, message: { type: 'roster', participant: rosterEntry(s, p), participants: s.active } },
    { type: 'sync', to: to.public },
    record({ kind: 'participant', sessionId: s.id, participantId: p.id, nickname: p.nickname, joinedAt: p.joinedAt, presence: p.presence, kicked: p.kicked }),
  ];
  out.push(...progress(s, null));
  return out;
}

