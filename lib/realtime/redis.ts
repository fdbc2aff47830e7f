// The Socket.io Redis adapter, for when several server nodes share one game (REDIS_URL).
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { shortReason, StartupError } from '../startup-error';

export interface RedisAdapter {
  adapter: ReturnType<typeof createAdapter>;
  /** Where it connected, for the start-up line (never includes a password). */
  description: string;
  close(): Promise<void>;
}

function masked(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return raw;
  }
}

/**
 * Connects the publish and subscribe clients the adapter needs. The first connection must
 * succeed within a few seconds or we fail at start; once up, lost connections are retried.
 */
export async function connectRedisAdapter(url: string, options: { key?: string } = {}): Promise<RedisAdapter> {
  const shown = masked(url);
  let started = false;
  const client = (role: string) => {
    const c = createClient({
      url,
      socket: {
        connectTimeout: 5000,
        reconnectStrategy: (retries, cause) => (started ? Math.min(100 * 2 ** retries, 5000) : cause),
      },
    });
    // Errors after start are retried by the client; report them without crashing.
    c.on('error', (error: Error) => {
      if (started) console.error(`heapquest: redis ${role} connection: ${error.message}`);
    });
    return c;
  };
  const pub = client('publish');
  const sub = client('subscribe');
  try {
    await Promise.all([pub.connect(), sub.connect()]);
  } catch (error) {
    for (const c of [pub, sub]) {
      try {
        c.destroy();
      } catch {
        // already closed by the failed connect
      }
    }
    throw new StartupError(
      `heapquest: cannot reach Redis at ${shown} (${shortReason(error)}) — check REDIS_URL or unset it to run as a single node`,
    );
  }
  started = true;
  // A disconnect handler that finishes during shutdown (a presence count) may still broadcast
  // after close(); a closed client rejects that publish inside the adapter, unhandled. Once we
  // have closed, there is nobody left to tell: drop it.
  let closed = false;
  const publish = pub.publish.bind(pub);
  Object.defineProperty(pub, 'publish', {
    value: (...args: Parameters<typeof publish>) => (closed ? Promise.resolve(0) : publish(...args)),
  });
  return {
    // Nodes of one game share the channel prefix; another app on the same Redis must not.
    adapter: createAdapter(pub, sub, { key: options.key ?? 'heapquest' }),
    description: `Redis adapter at ${shown}`,
    async close() {
      closed = true;
      await Promise.allSettled([pub.close(), sub.close()]);
    },
  };
}
