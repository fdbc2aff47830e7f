// A class of 200 socket.io-client students against the real live server (its own process, an
// ephemeral port, an embedded database in a temp dir): a whole session to the podium with a
// server restart in the middle of a question, plus the refusals a server must make.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAYLIST, RIGHT, WRONG } from '../../lib/live/testing';
import { freePort } from '../e2e/server';
import { createSession, Host, startHeadless, storedLog, Student, Watcher, type Headless } from './clients';

const CLASS = 200;
let dir: string;
let port: number;
let server: Headless;
const clients: { close(): void }[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'heapquest-live-'));
  port = await freePort();
  server = await startHeadless({ PORT: String(port), HEAPQUEST_DATA_DIR: path.join(dir, 'data') });
});

afterAll(async () => {
  for (const c of clients) c.close();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

function host(id: string, token: string): Host {
  const h = new Host(server.url, id, token);
  clients.push(h);
  return h;
}

function student(code: string, nickname: string): Student {
  const s = new Student(server.url, code, nickname);
  clients.push(s);
  return s;
}

const everyone = (students: Student[], test: (s: Student) => boolean, what: string, timeoutMs = 20_000) =>
  Promise.all(students.map((s) => s.until(test, timeoutMs, `${s.nickname}: ${what}`)));

describe('a class of 200 through a restart', () => {
  it('plays three questions to the podium; a restart mid-question loses nothing', async () => {
    const { id, code } = await createSession(server.url, 'host-token-classroom', PLAYLIST);
    const teacher = host(id, 'host-token-classroom');
    await teacher.until((t) => t.view?.phase === 'lobby', 10_000, 'host view');

    const students = Array.from({ length: CLASS }, (_, i) => student(code, `Student ${i + 1}`));
    const joins = await Promise.all(students.map((s) => s.join()));
    expect(joins.filter((a) => !a.ok)).toEqual([]);
    await teacher.until((t) => t.view?.roster.length === CLASS || t.messages.filter((m) => m.type === 'roster').length >= CLASS, 10_000, 'roster');

    // Question 1: everyone answers, even-numbered students rightly; the last answer reveals.
    expect((await teacher.command('start')).ok).toBe(true);
    await everyone(students, (s) => s.view?.phase === 'question' && s.view.question?.id === 'q-number', 'question 1');
    const acks1 = await Promise.all(students.map((s, i) => s.answer(i % 2 === 0 ? RIGHT['q-number']! : WRONG['q-number']!)));
    expect(acks1.filter((a) => !a.ok)).toEqual([]);
    await everyone(students, (s) => s.view?.phase === 'reveal', 'reveal 1');
    for (const [i, s] of students.entries()) {
      expect(s.view!.reveal!.answer).toEqual(RIGHT['q-number']);
      expect(s.view!.me.lastResult).toMatchObject({ questionIndex: 0, answered: true, correct: i % 2 === 0 });
      expect(s.view!.leaderboard!.top.length).toBe(10);
      expect(s.view!.me.rank).not.toBeNull();
    }
    expect(students[0]!.view!.reveal).toMatchObject({ answered: CLASS, correct: CLASS / 2, eligible: CLASS });
    const scoreAfter1 = new Map(students.map((s) => [s.nickname, s.view!.me.score]));

    // Question 2: half the class answers, then the server stops mid-question.
    expect((await teacher.command('next', { questionIndex: 0 })).ok).toBe(true);
    await everyone(students, (s) => s.view?.question?.id === 'q-pick' && s.view.phase === 'question', 'question 2');
    const early = students.slice(0, CLASS / 2);
    const late = students.slice(CLASS / 2);
    const acks2 = await Promise.all(early.map((s) => s.answer(RIGHT['q-pick']!)));
    expect(acks2.filter((a) => !a.ok)).toEqual([]);
    await teacher.until((t) => t.messages.some((m) => m.type === 'progress' && m.progress.answered === CLASS / 2), 10_000, 'progress 100');

    await server.stop('SIGTERM');
    server = await startHeadless({ PORT: String(port), HEAPQUEST_DATA_DIR: path.join(dir, 'data') });

    // Everyone reconnects by themselves and rejoins with their token; the host re-attaches.
    await everyone(students, (s) => s.rejoins >= 1 && s.socket.connected, 'rejoin after restart', 30_000);
    await teacher.until((t) => t.attached >= 2, 30_000, 'host re-attached');
    expect(teacher.view!.phase).toBe('question');
    expect(teacher.view!.progress).toEqual({ answered: CLASS / 2, of: CLASS });
    expect(teacher.view!.missing.map((m) => m.nickname).sort()).toEqual(late.map((s) => s.nickname).sort());
    for (const s of early) expect(s.view!.me.answer).toEqual(RIGHT['q-pick']);
    // Answered before the restart means answered: a second answer is refused.
    const again = await early[0]!.answer(WRONG['q-pick']!);
    expect(again).toMatchObject({ ok: false, code: 'already_answered' });

    const acks3 = await Promise.all(late.map((s) => s.answer(WRONG['q-pick']!)));
    expect(acks3.filter((a) => !a.ok)).toEqual([]);
    await everyone(students, (s) => s.view?.phase === 'reveal' && s.view.reveal?.questionId === 'q-pick', 'reveal 2');
    expect(students[0]!.view!.reveal).toMatchObject({ answered: CLASS, correct: CLASS / 2 });
    for (const s of students) {
      // Scores carried across the restart: the new score is the old one plus this question's points.
      expect(s.view!.me.score).toBe(scoreAfter1.get(s.nickname)! + s.view!.me.lastResult!.points);
    }

    // Question 3 and the podium.
    expect((await teacher.command('next', { questionIndex: 1 })).ok).toBe(true);
    await everyone(students, (s) => s.view?.question?.id === 'q-order' && s.view.phase === 'question', 'question 3');
    await Promise.all(students.map((s, i) => s.answer(i < 10 ? RIGHT['q-order']! : WRONG['q-order']!)));
    await everyone(students, (s) => s.view?.phase === 'reveal' && s.view.reveal?.questionId === 'q-order', 'reveal 3');
    expect((await teacher.command('next', { questionIndex: 2 })).ok).toBe(true);
    await everyone(students, (s) => s.view?.phase === 'podium', 'podium');
    const podium = students[0]!.view!.podium!;
    expect(podium.length).toBeGreaterThanOrEqual(3);
    expect(podium[0]!.rank).toBe(1);
    const top = students.find((s) => s.participantId === podium[0]!.participantId)!;
    expect(top.view!.me.rank).toBe(1);
    expect(top.view!.me.score).toBe(podium[0]!.score);
    expect(Math.max(...students.map((s) => s.view!.me.score))).toBe(podium[0]!.score);

    expect((await teacher.command('end')).ok).toBe(true);
    await teacher.until((t) => t.view?.phase === 'ended', 10_000, 'ended');
    // The code died with the session.
    const latecomer = student(code, 'Latecomer');
    expect(await latecomer.join()).toMatchObject({ ok: false, code: 'no_session' });

    // The log holds every answer exactly once: 200 per question, none lost across the restart.
    const log = await storedLog(server.url, id);
    const answers = log.filter((e) => e.event.type === 'answer');
    expect(answers.length).toBe(3 * CLASS);
    const keys = answers.map((e) => `${(e.event as { questionId: string }).questionId}/${(e.event.actor as { participantId: string }).participantId}`);
    expect(new Set(keys).size).toBe(3 * CLASS);
    expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
  }, 120_000);
});

describe('a projector', () => {
  it('follows the session by its code alone: names in the lobby, each question without its key, the reveal, the podium', async () => {
    const { id, code } = await createSession(server.url, 'host-token-projector', PLAYLIST);
    const teacher = host(id, 'host-token-projector');
    await teacher.until((t) => t.view?.phase === 'lobby', 10_000, 'host view');
    const projector = new Watcher(server.url, code);
    clients.push(projector);
    await projector.until((w) => w.view?.phase === 'lobby', 10_000, 'projector lobby');
    expect(projector.view).toMatchObject({ role: 'public', code, lobby: [] });

    const ada = student(code, 'Ada');
    const bob = student(code, 'Bob');
    for (const s of [ada, bob]) expect((await s.join()).ok).toBe(true);
    await projector.until((w) => w.view?.lobby.length === 2, 10_000, 'both names on the projector');
    expect(projector.view!.lobby).toEqual(['Ada', 'Bob']);

    for (const [index, question] of PLAYLIST.entries()) {
      if (index === 0) expect((await teacher.command('start')).ok).toBe(true);
      else expect((await teacher.command('next', { questionIndex: index - 1 })).ok).toBe(true);
      await projector.until((w) => w.view?.phase === 'question' && w.view.question?.id === question.id, 10_000, `question ${index + 1}`);
      expect(projector.view!.question!.prompt).toBe(question.prompt);
      for (const s of [ada, bob]) await s.until((v) => v.view?.question?.id === question.id, 10_000, `${s.nickname} sees question ${index + 1}`);
      expect((await ada.answer(RIGHT[question.id]!)).ok).toBe(true);
      // With one answer in, the projector still has nothing that gives the key away.
      await teacher.until((t) => t.messages.some((m) => m.type === 'progress' && m.questionId === question.id && m.progress.answered === 1), 10_000, 'one answer in');
      expect(JSON.stringify(projector.messages)).not.toContain(JSON.stringify(question.key));
      expect((await bob.answer(WRONG[question.id]!)).ok).toBe(true);
      await projector.until((w) => w.view?.phase === 'reveal' && w.view.reveal?.questionId === question.id, 10_000, `reveal ${index + 1}`);
      expect(projector.view!.reveal).toMatchObject({ answered: 2, correct: 1 });
      expect(projector.view!.reveal!.answer).toEqual({ kind: question.kind, value: question.key });
    }
    expect((await teacher.command('next', { questionIndex: PLAYLIST.length - 1 })).ok).toBe(true);
    await projector.until((w) => w.view?.phase === 'podium', 10_000, 'podium');
    expect(projector.view!.podium![0]).toMatchObject({ nickname: 'Ada', rank: 1 });

    // A code no session has: refused, and the projector binds to nothing.
    const lost = new Watcher(server.url, '000000');
    clients.push(lost);
    await lost.connected();
    expect(await lost.emit('live:watch', { code: '000000' })).toMatchObject({ ok: false, code: 'no_session' });
  });
});

describe('refusals', () => {
  it('a student sending host commands or bad answers gets an error and nothing changes', async () => {
    const { id, code } = await createSession(server.url, 'host-token-refusals', PLAYLIST);
    const teacher = host(id, 'host-token-refusals');
    await teacher.until((t) => t.view !== null, 10_000, 'host view');
    const ada = student(code, 'Ada');
    expect((await ada.join()).ok).toBe(true);
    await ada.until((s) => s.view?.phase === 'lobby', 10_000, 'lobby view');

    expect(await ada.emit('live:start', {})).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(await ada.emit('live:kick', { participantId: 'p1' })).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(await ada.emit('live:host', { sessionId: id })).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(await ada.emit('live:answer', { questionId: 'q-number', answer: { kind: 'number', value: '7919' } })).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(await ada.emit('live:answer', { questionId: 'q-number', answer: RIGHT['q-number'], admin: true })).toMatchObject({ ok: false });
    // A host cookie for another session's teacher does not open this one.
    const stranger = new Host(server.url, id, 'someone-else');
    clients.push(stranger);
    await stranger.connected();
    expect(await stranger.emit('live:host', { sessionId: id })).toMatchObject({ ok: false, code: 'unauthorized' });
    expect(await stranger.command('start')).toMatchObject({ ok: false, code: 'no_session' });

    // Nothing moved: still the lobby, the same log position.
    const seq = teacher.view!.seq;
    expect((await teacher.emit('live:host', { sessionId: id })).ok).toBe(true);
    expect(teacher.view!.phase).toBe('lobby');
    expect(teacher.view!.seq).toBe(seq);

    // A nickname taken, or abusive, is refused with the reason.
    expect(await student(code, ' ada ').join()).toMatchObject({ ok: false, code: 'nickname' });
    expect(await student(code, 'sh1thead').join()).toMatchObject({ ok: false, code: 'nickname' });
    expect(await student('000000', 'Bob').join()).toMatchObject({ ok: false, code: 'no_session' });

    // Kick and lock.
    const bob = student(code, 'Bob');
    expect((await bob.join()).ok).toBe(true);
    expect((await teacher.command('lock')).ok).toBe(true);
    expect(await student(code, 'Carol').join()).toMatchObject({ ok: false, code: 'locked' });
    expect((await teacher.command('kick', { participantId: bob.participantId })).ok).toBe(true);
    await bob.until((s) => s.messages.some((m) => m.type === 'kicked'), 10_000, 'kicked message');
    expect((await teacher.command('start')).ok).toBe(true);
    expect(await bob.answer(RIGHT['q-number']!, 'q-number')).toMatchObject({ ok: false, code: 'kicked' });
  });

  it('rate-limits join attempts per socket', async () => {
    const { code } = await createSession(server.url, 'host-token-rates', PLAYLIST);
    const s = student(code, 'x');
    await s.connected();
    const acks = [];
    for (let i = 0; i < 8; i++) acks.push(await s.emit('live:join', { code, nickname: '' }));
    const codes = acks.map((a) => (a.ok ? 'ok' : a.code));
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('nickname'));
    expect(codes.slice(5)).toEqual(Array(3).fill('rate_limited'));
  });
});
