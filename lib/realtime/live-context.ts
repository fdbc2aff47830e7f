// How Next's route handlers and server components reach the live sessions that server.ts runs.
//
// Why a global: server.ts opens the database (PGlite allows one opener per data directory) and
// runs Socket.io; Next bundles pages and route handlers as separate module graphs in the same
// process, so a module-level variable set by server.ts is not the one a page sees. A symbol on
// globalThis is shared by every module graph of the process. Only types are imported here, so
// pages do not bundle Socket.io.
import type { PrismaClient } from '../db/client';
import type * as Playlist from '../live-store/playlist';
import type { LiveHub } from './live-hub';

export interface LiveRuntime {
  readonly prisma: PrismaClient;
  readonly hub: LiveHub;
  /**
   * Levels as live questions, run in server.ts's own module graph: the level loader finds its
   * folder from its own file and the engine is loaded once, neither through Next's bundler.
   * A PlaylistError arrives with name 'PlaylistError' (its class is not the page's).
   */
  readonly levels: {
    catalogue(): Promise<ReturnType<typeof Playlist.levelCatalogue>>;
    buildPlaylist(...args: Parameters<typeof Playlist.buildPlaylist>): Promise<ReturnType<typeof Playlist.buildPlaylist>>;
    sceneOf(...args: Parameters<typeof Playlist.sceneOf>): Promise<ReturnType<typeof Playlist.sceneOf>>;
  };
}

const KEY = Symbol.for('heapquest.live-runtime');
type WithRuntime = { [KEY]?: LiveRuntime };

export function publishLiveRuntime(runtime: LiveRuntime): void {
  (globalThis as WithRuntime)[KEY] = runtime;
}

/** The running server's live sessions; throws when this process runs none. */
export function liveRuntime(): LiveRuntime {
  const rt = (globalThis as WithRuntime)[KEY];
  if (!rt) throw new Error('live sessions are not running in this process (start it with server.ts)');
  return rt;
}
