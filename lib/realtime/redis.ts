// The Socket.io Redis adapter, for when several server nodes share one game (REDIS_URL).
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';

export interface RedisAdapter {
  adapter: ReturnType<typeof createAdapter>;
  /** Where it connected, for the start-up line (never includes a password). */
  description: string;
  close(): Promise<void>;
}

/** Start-up failed; the message is the single line to show. */
export class RedisStartError extends Error {
  override name = 'RedisStartError';
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
export async function connectRedisAdapter(url: string): Promise<RedisAdapter> {
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
    const code = (error as { code?: string }).code;
    const why = code ?? (error instanceof Error ? error.message : String(error));
    throw new RedisStartError(
      `heapquest: cannot reach Redis at ${shown} (${why}) — check REDIS_URL or unset it to run as a single node`,
    );
  }
  started = true;
  return {
    adapter: createAdapter(pub, sub),
    description: `Redis adapter at ${shown}`,
    async close() {
      await Promise.allSettled([pub.close(), sub.close()]);
    },
  };
}
