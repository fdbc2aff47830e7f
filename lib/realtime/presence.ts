// How many browsers have a page open. Each page is a Socket.io room; the count is read from
// the adapter (fetchSockets), so with the Redis adapter it spans every server node.
import type { PresencePage } from './events';
import type { RealtimeServer, RealtimeSocket } from './server';

function room(page: PresencePage): string {
  return `presence:${page}`;
}

async function broadcast(io: RealtimeServer, page: PresencePage): Promise<number> {
  const count = (await io.in(room(page)).fetchSockets()).length;
  io.to(room(page)).emit('presence', { page, count });
  return count;
}

/** Counts `socket` on `page` and tells everyone there the new count; returns it. */
export async function joinPresence(io: RealtimeServer, socket: RealtimeSocket, page: PresencePage): Promise<number> {
  (socket.data.presencePages ??= new Set()).add(page);
  await socket.join(room(page));
  return broadcast(io, page);
}

/** After a disconnect (Socket.io has already removed the socket from its rooms). */
export async function leavePresence(io: RealtimeServer, socket: RealtimeSocket): Promise<void> {
  for (const page of socket.data.presencePages ?? []) await broadcast(io, page);
}
