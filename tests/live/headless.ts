// The live server without the pages: server.ts's database, Redis adapter, Socket.io and live
// sessions, as their own process, for the integration tests and the benchmark (which need a
// real server they can stop and start, but not a Next build).
//
// Sessions are created here by `POST /create` (JSON: hostToken, playlist or a teacher `level`),
// standing in for the host pages' forms; `GET /live/scene` answers as the page route does;
// everything else goes through Socket.io exactly as in production. `GET /log/<session id>`
// reads a session's stored log back; `GET /stats` gives memory and write counts.
//   PORT, HOST (127.0.0.1), HEAPQUEST_DATA_DIR | DATABASE_URL, REDIS_URL, HEAPQUEST_REDIS_KEY
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { databaseConfigFromEnv, openDatabase } from '../../lib/db/client';
import { playlistSchema } from '../../lib/live';
import { loadLog } from '../../lib/live-store/store';
import { teacherIdFor } from '../../lib/realtime/live';
import { levelSchema } from '../../lib/levels/schema';
import { setUpLive } from '../../lib/realtime/live-runtime';
import { liveScene } from '../../lib/realtime/live-scene';
import { connectRedisAdapter } from '../../lib/realtime/redis';
import { attachRealtime } from '../../lib/realtime/server';

const database = await openDatabase(databaseConfigFromEnv());
const redis = process.env.REDIS_URL ? await connectRedisAdapter(process.env.REDIS_URL, { key: process.env.HEAPQUEST_REDIS_KEY }) : undefined;
const live = setUpLive(database.prisma, { multiNode: redis !== undefined });

const http = createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/create') {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      void (async () => {
        try {
          const input = JSON.parse(body) as { hostToken: string; playlist?: unknown; title?: string; level?: unknown };
          const runtime = live.runtime();
          // With `level` (a teacher's own, not a file), the playlist is every checkpoint of it,
          // built the way app/teacher/levels/[id]/host builds it.
          const level = input.level === undefined ? undefined : levelSchema.parse(input.level);
          const playlist = level
            ? await runtime.levels.buildPlaylist(level.checkpoints.map((_, checkpoint) => ({ levelId: level.id, checkpoint })), undefined, new Map([[level.id, level]]))
            : playlistSchema.parse(input.playlist);
          const created = await runtime.hub.create({ teacherId: teacherIdFor(input.hostToken), title: input.title ?? 'test', playlist, levels: level ? [level] : [] });
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(created));
        } catch (error) {
          res.writeHead(400).end(String(error));
        }
      })();
    });
    return;
  }
  const log = /^\/log\/([0-9a-f-]{36})$/.exec(req.url ?? '');
  if (log) {
    // The stored event log of a session, read from the database (not from the hub's memory).
    loadLog(database.prisma, log[1]!).then(
      (entries) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(entries)),
      (error: unknown) => res.writeHead(500).end(String(error)),
    );
    return;
  }
  if (req.url?.startsWith('/live/scene?')) {
    liveScene(live.runtime(), new URL(req.url, 'http://localhost').searchParams).then(
      ({ status, body }) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)),
      (error: unknown) => res.writeHead(500).end(String(error)),
    );
    return;
  }
  if (req.url === '/stats') {
    const mem = process.memoryUsage();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ rss: mem.rss, heapUsed: mem.heapUsed, ...live.runtime().hub.stats }));
    return;
  }
  res.writeHead(404).end();
});
const io = attachRealtime(http, { prisma: database.prisma, adapter: redis?.adapter, features: [live.feature] });
await live.runtime().hub.resume();
const port = Number(process.env.PORT || 0);
await new Promise<void>((resolve) => http.listen(port, process.env.HOST || '127.0.0.1', resolve));
console.log(`heapquest: ready at http://127.0.0.1:${(http.address() as AddressInfo).port}`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  live.runtime().hub.close();
  await new Promise<void>((resolve) => io.close(() => resolve()));
  await redis?.close();
  await database.close();
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
