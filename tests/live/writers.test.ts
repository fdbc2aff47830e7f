// Two hubs writing one session's log with no message passing between them (the worst case of
// two nodes: every write from the stale one conflicts). The (session, seq) key must turn each
// conflict into reload-and-retry, so every event lands once and both end in the same state.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Server } from 'socket.io';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../lib/db/client';
import { replay, serialize } from '../../lib/live';
import { loadLog } from '../../lib/live-store/store';
import { PLAYLIST, RIGHT, TEACHER } from '../../lib/live/testing';
import { hashToken, LiveHub } from '../../lib/realtime/live-hub';
import type { RealtimeServer } from '../../lib/realtime/server';

let dir: string;
let db: Database;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'heapquest-writers-'));
  db = await openDatabase({ dataDir: path.join(dir, 'data') });
});

afterAll(async () => {
  await db.close();
  await rm(dir, { recursive: true, force: true });
});

function hub(): LiveHub {
  // Not attached to any HTTP server: nobody listens, and it has nothing to close.
  const io = new Server() as unknown as RealtimeServer;
  return new LiveHub({ prisma: db.prisma, io, log: () => {} });
}

it('interleaved writers on stale states store every event exactly once', async () => {
  const a = hub();
  const b = hub();
  const teacherId = (TEACHER as { teacherId: string }).teacherId;
  const { id } = await a.create({ teacherId, title: 'writers', playlist: PLAYLIST });
  // b loads the session now and never hears of a's writes again.
  expect(await b.state(id)).not.toBeNull();

  const N = 40;
  const joins = await Promise.all(
    Array.from({ length: N }, (_, i) =>
      (i % 2 ? a : b).submit(id, { type: 'join', actor: { role: 'guest' }, nickname: `Player ${i}`, tokenHash: hashToken(`t${i}`) }),
    ),
  );
  expect(joins.filter((j) => !j.ok)).toEqual([]);
  const ids = joins.map((j) => (j.ok ? j.joined!.participantId : ''));
  expect(new Set(ids).size).toBe(N);

  expect((await a.submit(id, { type: 'start', actor: TEACHER })).ok).toBe(true);
  const answers = await Promise.all(
    ids.map((pid, i) => (i % 2 ? b : a).submit(id, { type: 'answer', actor: { role: 'student', participantId: pid }, questionId: 'q-number', answer: RIGHT['q-number']! })),
  );
  expect(answers.filter((x) => !x.ok)).toEqual([]);
  // The same answer sent again through the other hub is refused, not counted twice.
  const twice = await b.submit(id, { type: 'answer', actor: { role: 'student', participantId: ids[1]! }, questionId: 'q-number', answer: RIGHT['q-number']! });
  expect(twice).toMatchObject({ ok: false });

  expect(a.stats.conflicts + b.stats.conflicts).toBeGreaterThan(0);
  const log = await loadLog(db.prisma, id);
  expect(log.map((e) => e.seq)).toEqual(log.map((_, i) => i + 1));
  expect(log.filter((e) => e.event.type === 'join').length).toBe(N);
  expect(log.filter((e) => e.event.type === 'answer').length).toBe(N);
  const truth = replay(log);
  expect(truth.phase).toBe('reveal');
  expect(truth.round!.outcome).toMatchObject({ answered: N, correct: N });
  // Whichever hub catches up last agrees with the log.
  await b.submit(id, { type: 'tick', actor: { role: 'system' } });
  expect(serialize((await b.state(id))!)).toEqual(serialize(truth));
});
