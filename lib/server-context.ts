// How Next's route handlers and server components reach what server.ts runs: the database it
// opened, the live sessions, and the level catalog.
//
// Why a global: server.ts opens the database (PGlite allows one opener per data directory) and
// runs Socket.io; Next bundles pages and route handlers as separate module graphs in the same
// process, so a module-level variable set by server.ts is not the one a page sees. A symbol on
// globalThis is shared by every module graph of the process. Only types are imported here, so
// pages bundle neither Socket.io nor the engine.
import type { PrismaClient } from './db/client';
import type { Catalog } from './levels/catalog';
import type { LiveRuntime } from './realtime/live-context';

export interface ServerContext {
  readonly prisma: PrismaClient;
  readonly live: LiveRuntime;
  /**
   * The levels with their engine-derived keys, loaded once in server.ts's own module graph:
   * the level loader finds its folder from its own file, which Next's bundler cannot follow,
   * and the engine has no business inside Next's bundles.
   */
  catalog(): Promise<Catalog>;
}

const KEY = Symbol.for('heapquest.server-context');
type WithContext = { [KEY]?: ServerContext };

export function publishServerContext(context: ServerContext): void {
  (globalThis as WithContext)[KEY] = context;
}

/** What the running server.ts published; throws in a process that did not start through it. */
export function serverContext(): ServerContext {
  const context = (globalThis as WithContext)[KEY];
  if (!context) throw new Error('no HeapQuest server runs in this process (start it with server.ts)');
  return context;
}
