// HeapQuest's one process: Next.js pages and Socket.io on one HTTP port.
//   npm start      production build (if stale) + this file with NODE_ENV=production
//   npm run dev    this file in development mode
// Environment: PORT (3000), HOST (0.0.0.0), DATABASE_URL (unset: embedded PGlite in
// HEAPQUEST_DATA_DIR, default ./data), REDIS_URL (unset: single node).
import { createServer } from 'node:http';
import next from 'next';
import { databaseConfigFromEnv, openDatabase } from './lib/db/client';
import { PEER_HEADER } from './lib/auth/http';
import { liveAttendanceFeature } from './lib/auth/live-sockets';
import { setUpLive } from './lib/realtime/live-runtime';
import { connectRedisAdapter } from './lib/realtime/redis';
import { attachRealtime } from './lib/realtime/server';
import { publishServerContext } from './lib/server-context';
import { StartupError } from './lib/startup-error';

const dev = process.env.NODE_ENV !== 'production';
const hostname = process.env.HOST || '0.0.0.0';
const port = Number.parseInt(process.env.PORT || '3000', 10);

async function main(): Promise<void> {
  // Database and Redis first: if either is unreachable we say so and stop before listening.
  const database = await openDatabase(databaseConfigFromEnv());
  const redis = process.env.REDIS_URL ? await connectRedisAdapter(process.env.REDIS_URL) : undefined;

  // Next.js learns about the HTTP server so it can take the upgrade requests that are its own
  // (development hot reload); Socket.io takes /socket.io.
  const httpServer = createServer((req, res) => {
    // Accounts rate-limit by address: the TCP peer, never a header a client could write.
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? '';
    void handle(req, res);
  });
  const app = next({ dev, hostname, port, httpServer });
  const handle = app.getRequestHandler();
  await app.prepare();
  const live = setUpLive(database.prisma, { multiNode: redis !== undefined });
  const io = attachRealtime(httpServer, { prisma: database.prisma, adapter: redis?.adapter, features: [live.feature, liveAttendanceFeature(database.prisma)] });
  publishServerContext({
    prisma: database.prisma,
    live: live.runtime(),
    // Imported here, natively under tsx, never through Next's bundler (lib/server-context.ts).
    catalog: async () => (await import('./lib/levels/catalog')).levelCatalog(),
  });
  // Sessions that were running when the server stopped: re-arm their deadlines.
  await live.runtime().hub.resume();

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(port, hostname, resolve);
  });
  const shownHost = hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname;
  console.log(`heapquest: data in ${database.description}${redis ? `; ${redis.description}` : ''}`);
  console.log(`heapquest: ready at http://${shownHost}:${port} (${dev ? 'development' : 'production'})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`heapquest: ${signal}, shutting down`);
    // io.close() also closes the HTTP server; the database closes last so pending writes land.
    live.runtime().hub.close();
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await app.close?.();
    await redis?.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof StartupError) {
    console.error(error.message);
  } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`heapquest: port ${port} is already in use — stop the other server or set PORT`);
  } else {
    console.error('heapquest: failed to start:', error);
  }
  process.exit(1);
});
