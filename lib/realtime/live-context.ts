// The live sessions a server process runs, as pages and route handlers see them
// (lib/server-context.ts publishes them). Only types are imported here, so pages do not
// bundle Socket.io.
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
