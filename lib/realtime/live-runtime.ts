// Wires live sessions into a server process; server.ts publishes the runtime for pages.
import type { PrismaClient } from '../db/client';
import { LiveHub } from './live-hub';
import { liveFeature } from './live';
import type { LiveRuntime } from './live-context';
import type { LiveRateRules } from './live-rate';
import type { RealtimeFeature, RealtimeServer } from './server';
import { isAccountHost } from '../auth/live-sockets';

/**
 * The feature to pass to attachRealtime; once Socket.io is attached, `runtime()` gives the
 * hub. Call `hub.resume()` after attaching to re-arm timers.
 */
export function setUpLive(prisma: PrismaClient, options: { rates?: LiveRateRules; multiNode?: boolean } = {}) {
  let runtime: LiveRuntime | null = null;
  const feature = liveFeature({
    rates: options.rates,
    isAccountHost: (cookieHeader, teacherId) => isAccountHost(prisma, cookieHeader, teacherId),
    hub: (io: RealtimeServer) => {
      const hub = new LiveHub({ prisma, io, shareWrites: options.multiNode ?? false });
      // Loaded on first use: only the pages need the engine and the levels folder.
      const playlist = () => import('../live-store/playlist');
      runtime = {
        prisma,
        hub,
        levels: {
          catalogue: async () => (await playlist()).levelCatalogue(),
          buildPlaylist: async (...args) => (await playlist()).buildPlaylist(...args),
          sceneOf: async (...args) => (await playlist()).sceneOf(...args),
        },
      };
      return hub;
    },
  });
  return {
    feature: feature as (io: RealtimeServer) => RealtimeFeature,
    runtime(): LiveRuntime {
      if (!runtime) throw new Error('attach Socket.io before using live sessions');
      return runtime;
    },
  };
}
