'use client';

// Presence and nickname over Socket.io. The player's id lives in localStorage; on every
// (re)connection the page announces itself for presence and asks for the stored player.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientEventName, ClientEventPayload, PlayerView, ServerEvents } from '@/lib/realtime/events';

const PLAYER_ID_KEY = 'heapquest.playerId';

function emit<E extends ClientEventName>(socket: Socket, event: E, payload: ClientEventPayload<E>): Promise<Ack<E>> {
  return socket
    .timeout(8000)
    .emitWithAck(event, payload)
    .catch(() => ({ ok: false as const, error: 'the server did not answer; try again' }));
}

function peopleHere(count: number): string {
  return count === 1 ? '1 person here' : `${count} people here`;
}

export function LivePanel() {
  const socketRef = useRef<Socket | null>(null);
  const [connected, setConnected] = useState(false);
  const [count, setCount] = useState<number | null>(null);
  const [player, setPlayer] = useState<PlayerView | null>(null);
  const [draft, setDraft] = useState('');
  const [saving, setSaving] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean }>({ text: '', error: false });

  useEffect(() => {
    const socket = io({ transports: ['websocket', 'polling'] });
    socketRef.current = socket;

    socket.on('connect', async () => {
      setConnected(true);
      const joined = await emit(socket, 'presence:join', { page: '/' });
      if (joined.ok) setCount(joined.count);
      const playerId = localStorage.getItem(PLAYER_ID_KEY);
      if (playerId) {
        const resumed = await emit(socket, 'player:resume', { playerId });
        if (resumed.ok && resumed.player) {
          setPlayer(resumed.player);
          setDraft((d) => d || resumed.player!.nickname || '');
        }
      }
    });
    socket.on('disconnect', () => setConnected(false));
    socket.on('presence', (p: ServerEvents['presence']) => {
      if (p.page === '/') setCount(p.count);
    });
    socket.on('error', (e: ServerEvents['error']) => {
      console.warn(`heapquest: the server refused ${e.event ?? 'a message'}: ${e.message}`);
    });
    return () => {
      socket.disconnect();
      socketRef.current = null;
    };
  }, []);

  async function save(event: FormEvent) {
    event.preventDefault();
    const socket = socketRef.current;
    if (!socket?.connected) {
      setStatus({ text: 'Not connected to the server yet; try again in a moment.', error: true });
      return;
    }
    setSaving(true);
    const reply = await emit(socket, 'nickname:set', { nickname: draft, playerId: player?.id });
    setSaving(false);
    if (!reply.ok) {
      // The server's reason reads "nickname:set: nickname: must not be empty"; show the last part.
      setStatus({ text: `Not saved: ${reply.error.split(': ').slice(-1)[0]}.`, error: true });
      return;
    }
    localStorage.setItem(PLAYER_ID_KEY, reply.player.id);
    setPlayer(reply.player);
    setDraft(reply.player.nickname ?? '');
    setStatus({ text: 'Saved.', error: false });
  }

  return (
    <section aria-label="You and who else is here">
      <p className="presence" data-testid="presence" data-count={count ?? ''} data-connected={connected} aria-live="polite">
        {count === null ? 'Connecting…' : peopleHere(count)}
      </p>
      <form className="nickname" onSubmit={save}>
        <label htmlFor="nickname">Your nickname</label>
        <input
          id="nickname"
          data-testid="nickname-input"
          value={draft}
          autoComplete="nickname"
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" data-testid="nickname-save" disabled={saving || !connected}>
          Save
        </button>
      </form>
      <p className={`status${status.error ? ' error' : ''}`} role="status">
        {player?.nickname ? (
          <>
            Playing as <strong data-testid="nickname-current">{player.nickname}</strong>
            {status.text && ` — ${status.text}`}
          </>
        ) : (
          status.text
        )}
      </p>
    </section>
  );
}
