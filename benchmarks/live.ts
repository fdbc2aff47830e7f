// npm run bench:live [-- --students 1000 --questions 3]
//
// N socket.io-client students join one session on a real live server (tests/live/headless.ts,
// its own process, embedded database in a temp dir, loopback only) and answer each question at
// a random moment within two seconds. Prints the join time, answer-acknowledgement latency
// (p50/p95/p99), how long the question and the reveal take to reach every student, and the
// server's memory. Goal on 2 cores with 1,000 students: p95 ack < 100 ms, reveal to all < 500 ms.
//
// Students connect from 50 different loopback addresses (127.0.1.x), as a class on many
// machines would, so the per-address join limit applies as it would in a school.
// Bounded: it stops by itself after the last question, or fails after BUDGET_MS.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { AnswerValue, LiveQuestion } from '../lib/live';
import { freePort } from '../tests/e2e/server';
import { createSession, Host, percentile, startHeadless, Student } from '../tests/live/clients';

const { values } = parseArgs({ options: { students: { type: 'string', default: '1000' }, questions: { type: 'string', default: '3' } } });
const N = Number(values.students);
const Q = Number(values.questions);
if (!Number.isInteger(N) || N < 1 || N > 5_000) throw new Error('--students must be 1..5000');
if (!Number.isInteger(Q) || Q < 1 || Q > 20) throw new Error('--questions must be 1..20');
const ANSWER_WINDOW_MS = 2_000;
const BUDGET_MS = 5 * 60_000;
const ADDRESSES = 50;

type NumberQuestion = Extract<LiveQuestion, { kind: 'number' }>;
const playlist: NumberQuestion[] = Array.from({ length: Q }, (_, i) => ({
  id: `bench-${i}`,
  kind: 'number',
  prompt: `What does sys.getrefcount print (question ${i + 1})?`,
  scene: { levelId: 'refcount-extra-reference', step: 0 },
  timeLimitMs: 60_000,
  key: 2 + (i % 3),
}));

const budget = setTimeout(() => {
  console.error(`bench:live: gave up after ${BUDGET_MS / 1000} s`);
  process.exit(1);
}, BUDGET_MS);
budget.unref();

const ms = (x: number) => `${x.toFixed(1)} ms`;
const mb = (x: number) => `${(x / 1024 / 1024).toFixed(0)} MB`;
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `p50 ${ms(percentile(s, 50))}  p95 ${ms(percentile(s, 95))}  p99 ${ms(percentile(s, 99))}  max ${ms(s.at(-1)!)}`;
};

const dir = await mkdtemp(path.join(tmpdir(), 'heapquest-bench-live-'));
const server = await startHeadless({ PORT: String(await freePort()), HEAPQUEST_DATA_DIR: path.join(dir, 'data') });
let peakRss = 0;
const sample = async () => {
  const s = (await (await fetch(`${server.url}/stats`)).json()) as { rss: number; batches: number; appended: number };
  peakRss = Math.max(peakRss, s.rss);
  return s;
};
const sampler = setInterval(() => void sample().catch(() => {}), 250);

try {
  const idle = await sample();
  const { id, code } = await createSession(server.url, 'bench-host', playlist);
  const host = new Host(server.url, id, 'bench-host');
  await host.until((h) => h.view !== null, 10_000, 'host view');

  // Join: everyone connects and joins at once.
  const t0 = performance.now();
  const students = Array.from({ length: N }, (_, i) => new Student(server.url, code, `Student ${i + 1}`, { localAddress: `127.0.1.${1 + (i % ADDRESSES)}`, reconnection: false }));
  const joinMs: number[] = [];
  const joins = await Promise.all(
    students.map(async (s) => {
      await s.connected();
      const sent = performance.now();
      const ack = await s.join();
      joinMs.push(performance.now() - sent);
      return ack;
    }),
  );
  const joinAll = performance.now() - t0;
  const refused = joins.filter((a) => !a.ok);
  if (refused.length) throw new Error(`${refused.length} joins refused, e.g. ${JSON.stringify(refused[0])}`);
  await host.until((h) => h.messages.filter((m) => m.type === 'roster').length >= N, 30_000, 'roster');
  const afterJoin = await sample();

  console.log(`bench:live — ${N} students, ${Q} questions, answers within ${ANSWER_WINDOW_MS / 1000} s, server on loopback (pid ${server.pid})`);
  console.log(`join: all ${N} connected and joined in ${ms(joinAll)}; join ack ${stats(joinMs)}`);

  const ackMs: number[] = [];
  for (let qi = 0; qi < Q; qi++) {
    const q = playlist[qi]!;
    const opened = new Map<Student, number>();
    const revealedAt = new Map<Student, number>();
    for (const s of students) {
      s.socket.on('live', (m: { type: string; view?: { phase: string; question: { id: string } | null } }) => {
        if (m.type !== 'view' || m.view?.question?.id !== q.id) return;
        if (m.view.phase === 'question' && !opened.has(s)) opened.set(s, performance.now());
        if (m.view.phase === 'reveal' && !revealedAt.has(s)) revealedAt.set(s, performance.now());
      });
    }
    const sentOpen = performance.now();
    const cmd = qi === 0 ? await host.command('start') : await host.command('next', { questionIndex: qi - 1 });
    if (!cmd.ok) throw new Error(`host command failed: ${JSON.stringify(cmd)}`);
    await Promise.all(students.map((s) => s.until(() => opened.has(s), 30_000, 'question')));
    const openAll = Math.max(...[...opened.values()].map((t) => t - sentOpen));

    // Answers: each student at a random moment within the window after their question arrived.
    let lastSent = 0;
    await Promise.all(
      students.map(async (s, i) => {
        const wait = opened.get(s)! + Math.random() * ANSWER_WINDOW_MS - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const answer: AnswerValue = { kind: 'number', value: i % 2 ? q.key : q.key + 1 };
        const sent = performance.now();
        lastSent = Math.max(lastSent, sent);
        const ack = await s.answer(answer, q.id);
        if (!ack.ok) throw new Error(`answer refused: ${JSON.stringify(ack)}`);
        ackMs.push(performance.now() - sent);
      }),
    );
    // The last answer reveals the question; it has to reach every student.
    await Promise.all(students.map((s) => s.until(() => revealedAt.has(s), 30_000, 'reveal')));
    const revealAll = Math.max(...[...revealedAt.values()]) - lastSent;
    const qAcks = ackMs.slice(-N);
    console.log(`question ${qi + 1}: question to all ${ms(openAll)}; answer ack ${stats(qAcks)}; reveal to all ${ms(revealAll)} after the last answer`);
    for (const s of students) s.socket.removeAllListeners('live');
  }
  const end = await sample();
  console.log(`answer ack over all ${ackMs.length} answers: ${stats(ackMs)}`);
  console.log(
    `server memory: RSS ${mb(idle.rss)} idle, ${mb(afterJoin.rss)} after joins, peak ${mb(peakRss)}; log writes: ${end.appended} events in ${end.batches} batches`,
  );
  for (const s of students) s.close();
  host.close();
} finally {
  clearInterval(sampler);
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
