// One live session served by two server processes sharing PostgreSQL (a fresh schema) and
// Redis: the host on node A, 60 students on node B and 10 more on node A answering at the
// same moment. Every answer must count exactly once: in the reveal, in the scores, in the log.
// Runs under `npm run test:services`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../lib/db/client';
import type { LiveQuestion } from '../../lib/live';
import { loadLog } from '../../lib/live-store/store';
import { PLAYLIST, RIGHT, WRONG } from '../../lib/live/testing';
import { freshDatabase, type TestDatabase } from '../db/target';
import { createSession, Host, startHeadless, Student, type Headless } from '../live/clients';

const redisUrl = process.env.HEAPQUEST_TEST_REDIS_URL;
if (!redisUrl) throw new Error('HEAPQUEST_TEST_REDIS_URL is not set: run this through npm run test:services');
if (!process.env.HEAPQUEST_TEST_DATABASE_URL) throw new Error('HEAPQUEST_TEST_DATABASE_URL is not set: run this through npm run test:services');

const ON_B = 60;
const ON_A = 10;
// The second question runs out of time (the deadline fires on both nodes; one tick may win).
const playlist: LiveQuestion[] = [PLAYLIST[0]!, { ...PLAYLIST[1]!, timeLimitMs: 5_000 } as LiveQuestion, PLAYLIST[2]!];

let target: TestDatabase;
let a: Headless;
let b: Headless;
const clients: { close(): void }[] = [];

beforeAll(async () => {
  target = await freshDatabase();
  const env = { DATABASE_URL: target.config.url!, REDIS_URL: redisUrl, HEAPQUEST_REDIS_KEY: `heapquest-live-test-${process.pid}-${Date.now()}` };
  // One after the other: both would migrate the fresh schema at once otherwise (the migration lock makes that safe, but slower).
  a = await startHeadless(env);
  b = await startHeadless(env);
});

afterAll(async () => {
  for (const c of clients) c.close();
  await a?.stop();
  await b?.stop();
  await target?.drop();
});

describe('two nodes, one session', () => {
  it('counts every answer exactly once with the host on node A and students on node B', async () => {
    const { id, code } = await createSession(a.url, 'two-node-host', playlist);
    const teacher = new Host(a.url, id, 'two-node-host');
    clients.push(teacher);
    await teacher.until((t) => t.view?.phase === 'lobby', 10_000, 'host view');

    const students = [
      ...Array.from({ length: ON_B }, (_, i) => new Student(b.url, code, `B student ${i + 1}`)),
      ...Array.from({ length: ON_A }, (_, i) => new Student(a.url, code, `A student ${i + 1}`)),
    ];
    clients.push(...students);
    const joins = await Promise.all(students.map((s) => s.join()));
    expect(joins.filter((j) => !j.ok)).toEqual([]);
    expect(new Set(students.map((s) => s.participantId)).size).toBe(students.length);
    const all = (test: (s: Student) => boolean, what: string, ms = 20_000) => Promise.all(students.map((s) => s.until(test, ms, `${s.nickname}: ${what}`)));

    // Question 1: all answer at once, from both nodes; the host starts it from node A.
    expect((await teacher.command('start')).ok).toBe(true);
    await all((s) => s.view?.question?.id === 'q-number' && s.view.phase === 'question', 'question 1');
    const right1 = new Set<string>();
    const acks = await Promise.all(
      students.map((s, i) => {
        if (i % 3 === 0) right1.add(s.participantId!);
        return s.answer(i % 3 === 0 ? RIGHT['q-number']! : WRONG['q-number']!);
      }),
    );
    expect(acks.filter((x) => !x.ok)).toEqual([]);
    // A second answer from anyone, on either node, is refused.
    expect(await students[0]!.answer(RIGHT['q-number']!, 'q-number')).toMatchObject({ ok: false });
    await all((s) => s.view?.phase === 'reveal', 'reveal 1');
    await teacher.until((t) => t.view?.phase === 'reveal', 10_000, 'host reveal 1');
    expect(teacher.view!.reveal).toMatchObject({ answered: students.length, correct: right1.size, eligible: students.length });
    for (const s of students) expect(s.view!.me.lastResult).toMatchObject({ answered: true, correct: right1.has(s.participantId!) });

    // Question 2: only the students on node B answer; the deadline reveals it.
    expect((await teacher.command('next', { questionIndex: 0 })).ok).toBe(true);
    await all((s) => s.view?.question?.id === 'q-pick' && s.view.phase === 'question', 'question 2');
    const acks2 = await Promise.all(students.slice(0, ON_B).map((s) => s.answer(RIGHT['q-pick']!)));
    expect(acks2.filter((x) => !x.ok)).toEqual([]);
    await all((s) => s.view?.phase === 'reveal' && s.view.reveal?.questionId === 'q-pick', 'reveal 2 at the deadline', 15_000);
    expect(students[0]!.view!.reveal).toMatchObject({ answered: ON_B, correct: ON_B, eligible: students.length });

    // Question 3, answered while the host on node A skips nothing; then the podium.
    expect((await teacher.command('next', { questionIndex: 1 })).ok).toBe(true);
    await all((s) => s.view?.question?.id === 'q-order' && s.view.phase === 'question', 'question 3');
    await Promise.all(students.map((s) => s.answer(RIGHT['q-order']!)));
    await all((s) => s.view?.phase === 'reveal' && s.view.reveal?.questionId === 'q-order', 'reveal 3');
    expect((await teacher.command('next', { questionIndex: 2 })).ok).toBe(true);
    await all((s) => s.view?.phase === 'podium', 'podium');
    await teacher.until((t) => t.view?.phase === 'podium', 10_000, 'host podium');

    // Scores agree on every screen, whichever node served it.
    const byId = new Map(teacher.view!.roster.map((r) => [r.id, r.score]));
    for (const s of students) expect(s.view!.me.score).toBe(byId.get(s.participantId!));

    // The log: each answer once, seqs without a gap, exactly one reveal per question.
    const db = await openDatabase(target.config);
    try {
      const log = await loadLog(db.prisma, id);
      expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
      const answers = log.filter((e) => e.event.type === 'answer');
      expect(answers.length).toBe(students.length + ON_B + students.length);
      const keys = answers.map((e) => `${(e.event as { questionId: string }).questionId}/${(e.event.actor as { participantId: string }).participantId}`);
      expect(new Set(keys).size).toBe(answers.length);
    } finally {
      await db.close();
    }
  }, 90_000);
});
