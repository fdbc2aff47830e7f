// socket.io-client helpers for tests that talk to a real server (lib/realtime, tests/services).
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import type { ServerEvents } from './events';

export type { ClientSocket };

/** A connected websocket client; `opened` collects it so the test can disconnect it after. */
export async function connectClient(url: string, opened: ClientSocket[]): Promise<ClientSocket> {
  const socket = connect(url, { transports: ['websocket'], forceNew: true, reconnection: false });
  opened.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return socket;
}

/** The next `event` the server sends to `socket` (that satisfies `where`, when given). */
export function nextEvent<E extends keyof ServerEvents>(
  socket: ClientSocket,
  event: E,
  where?: (payload: ServerEvents[E]) => boolean,
): Promise<ServerEvents[E]> {
  return new Promise((resolve) => {
    const listener = (payload: ServerEvents[E]) => {
      if (where && !where(payload)) return;
      socket.off(event, listener as never);
      resolve(payload);
    };
    socket.on(event, listener as never);
  });
}
