// Wires live sessions into a server process and lets Next's route handlers and server
// components reach the same hub and database.
//
// Why a global: server.ts opens the database (PGlite allows one opener per data directory) and
// runs Socket.io; Next bundles pages and route handlers as separate module graphs in the same
// process, so a module-level variable set by server.ts is not the one a page sees. A symbol on
// globalThis is shared by every module graph of the process.
import type { PrismaClient } from '../db/client';
import { LiveHub } from './live-hub';
import { liveFeature } from './live';
import type { LiveRateRules } from './live-rate';
import type { RealtimeFeature, RealtimeServer } from './server';

export interface LiveRuntime {
  readonly prisma: PrismaClient;
  readonly hub: LiveHub;
}

const KEY = Symbol.for('heapquest.live-runtime');
type WithRuntime = { [KEY]?: LiveRuntime };

/** The running server's live sessions; throws when this process runs no live server. */
export function liveRuntime(): LiveRuntime {
  const rt = (globalThis as WithRuntime)[KEY];
  if (!rt) throw new Error('live sessions are not running in this process (start it with server.ts)');
  return rt;
}

/**
 * The feature to pass to attachRealtime; once Socket.io is attached, `runtime()` gives the
 * hub (and it is published for pages). Call `hub.resume()` after attaching to re-arm timers.
 */
export function setUpLive(prisma: PrismaClient, options: { rates?: LiveRateRules; multiNode?: boolean } = {}) {
  let runtime: LiveRuntime | null = null;
  const feature = liveFeature({
    rates: options.rates,
    hub: (io: RealtimeServer) => {
      const hub = new LiveHub({ prisma, io, shareWrites: options.multiNode ?? false });
      runtime = { prisma, hub };
      (globalThis as WithRuntime)[KEY] = runtime;
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
