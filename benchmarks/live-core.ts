// The live session core alone (no sockets, no database): what one event costs when a whole
// class plays. Prints figures; asserts nothing.
//
//   npx tsx benchmarks/live-core.ts            # N = 1,000 and 10,000 students
//   npx tsx benchmarks/live-core.ts 2000       # one N
//
// If `reduce` copied the class on every answer, µs per answer would grow tenfold from 1,000
// to 10,000 students; with the persistent maps it should stay nearly flat.
import { reduce } from '../lib/live/reducer';
import { replay, serialize } from '../lib/live/persist';
import type { LiveQuestion } from '../lib/live/questions';
import type { LogEntry } from '../lib/live/effects';
import type { SessionState } from '../lib/live/state';
import type { Actor } from '../lib/live/events';
import { studentView, teacherView } from '../lib/live/views';

const TEACHER: Actor = { role: 'teacher', teacherId: 'teacher-1' };
const T0 = 1_800_000_000_000;
const ROUNDS = 5;

const playlist: LiveQuestion[] = [
  { id: 'q1', kind: 'number', prompt: 'sys.getrefcount(x)?', scene: { levelId: 'l', step: 1 }, timeLimitMs: 20_000, key: 3 },
  {
    id: 'q2',
    kind: 'pick',
    prompt: 'Which objects die?',
    scene: { levelId: 'l', step: 2 },
    timeLimitMs: 20_000,
    pickables: ['o1', 'o2', 'o3', 'o4'],
    key: ['o2', 'o4'],
  },
];

interface Figures {
  joinUs: number;
  answerUs: number;
  revealMs: number;
  studentViewsMs: number;
  teacherViewMs: number;
  replayMs: number;
  snapshotMs: number;
  snapshotKB: number;
  heapMB: number;
}

function once(n: number): Figures {
  const log: LogEntry[] = [];
  let now = T0;
  const step = (s: SessionState | null, e: Parameters<typeof reduce>[1]): SessionState => {
    const t = reduce(s, e, now);
    for (const f of t.effects) if (f.type === 'append') log.push(f.entry);
    return t.state!;
  };
  const heapBefore = process.memoryUsage().heapUsed;
  let s = step(null, { type: 'create', actor: TEACHER, sessionId: 's', code: '123456', playlist, settings: { revealWhenAllAnswered: false, maxParticipants: 10_000 } });

  let t = performance.now();
  for (let i = 1; i <= n; i++) s = step(s, { type: 'join', actor: { role: 'guest' }, nickname: `Player ${i}`, tokenHash: `token-hash-${i}` });
  const joinUs = ((performance.now() - t) * 1000) / n;

  s = step(s, { type: 'start', actor: TEACHER });
  t = performance.now();
  for (let i = 1; i <= n; i++) {
    now += 15_000 / n; // everyone answers within 15 s
    s = step(s, { type: 'answer', actor: { role: 'student', participantId: `p${i}` }, questionId: 'q1', answer: { kind: 'number', value: i % 3 === 0 ? 2 : 3 } });
  }
  const answerUs = ((performance.now() - t) * 1000) / n;
  if (s.round!.answers.size !== n) throw new Error(`only ${s.round!.answers.size} of ${n} answers were accepted`);

  now = s.round!.deadline;
  t = performance.now();
  s = step(s, { type: 'tick', actor: { role: 'system' } });
  const revealMs = performance.now() - t;
  if (s.phase !== 'reveal') throw new Error('the deadline did not reveal');

  t = performance.now();
  let bytes = 0;
  for (let i = 1; i <= n; i++) bytes += JSON.stringify(studentView(s, `p${i}`, now)).length;
  const studentViewsMs = performance.now() - t;
  if (bytes === 0) throw new Error('no views');

  t = performance.now();
  JSON.stringify(teacherView(s, now));
  const teacherViewMs = performance.now() - t;

  t = performance.now();
  const rebuilt = replay(log);
  const replayMs = performance.now() - t;
  if (rebuilt.seq !== s.seq) throw new Error('replay diverged');

  t = performance.now();
  const text = JSON.stringify(serialize(s));
  const snapshotMs = performance.now() - t;

  return {
    joinUs,
    answerUs,
    revealMs,
    studentViewsMs,
    teacherViewMs,
    replayMs,
    snapshotMs,
    snapshotKB: text.length / 1024,
    heapMB: (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const sizes = process.argv[2] ? [Number(process.argv[2])] : [1_000, 10_000];
once(1_000); // warm up the JIT
console.log(`live core, median of ${ROUNDS} rounds (node ${process.version})`);
const rows: [string, (f: Figures) => number, number][] = [
  ['join (µs per student)', (f) => f.joinUs, 2],
  ['answer (µs per answer)', (f) => f.answerUs, 2],
  ['reveal: scores, ranks, spread (ms)', (f) => f.revealMs, 1],
  ['every student view after reveal, as JSON (ms total)', (f) => f.studentViewsMs, 1],
  ['teacher view with full roster, as JSON (ms)', (f) => f.teacherViewMs, 1],
  ['replay whole log after a restart (ms)', (f) => f.replayMs, 1],
  ['snapshot as JSON (ms)', (f) => f.snapshotMs, 1],
  ['snapshot size (KB)', (f) => f.snapshotKB, 0],
  ['heap held by the session and its log (MB, rough)', (f) => f.heapMB, 1],
];
const results = sizes.map((n) => Array.from({ length: ROUNDS }, () => once(n)));
console.log(['', ...sizes.map((n) => `N = ${n.toLocaleString('en')}`)].map((c, i) => (i ? c.padStart(14) : c.padEnd(54))).join(''));
for (const [label, pick, digits] of rows) {
  console.log(label.padEnd(54) + results.map((r) => median(r.map(pick)).toFixed(digits).padStart(14)).join(''));
}
