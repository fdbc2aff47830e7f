// The realtime layer over a real HTTP server on an ephemeral port, a real embedded database
// and real socket.io-client connections.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/client';
import { attachRealtime, type RealtimeServer } from './server';
import { connectClient, nextEvent as next, type ClientSocket } from './test-client';

let dir: string;
let database: Database;
let http: HttpServer;
let io: RealtimeServer;
let url: string;
const clients: ClientSocket[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'heapquest-realtime-'));
  database = await openDatabase({ dataDir: path.join(dir, 'data') });
  http = createServer();
  io = attachRealtime(http, { prisma: database.prisma });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => io.close(() => resolve()));
  await database.close();
  await rm(dir, { recursive: true, force: true });
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.disconnect();
  // Let the server see every disconnect, so the next test starts from an empty room.
  while (io.of('/').sockets.size > 0) await new Promise((resolve) => setTimeout(resolve, 10));
});

function client(): Promise<ClientSocket> {
  return connectClient(url, clients);
}

/** Emits with an acknowledgement and also collects the `error` message, if one comes. */
async function send(socket: ClientSocket, event: string, ...args: unknown[]) {
  const error = next(socket, 'error');
  const ack = await socket.timeout(5000).emitWithAck(event, ...args);
  return { ack, error };
}

describe('malformed messages', () => {
  it('answers an unknown event with an error and keeps serving the same connection', async () => {
    const socket = await client();
    const { ack, error } = await send(socket, 'levels:hack', { all: true });
    expect(ack).toEqual({ ok: false, error: expect.stringMatching(/^unknown event "levels:hack"; known events: presence:join, player:resume, nickname:set$/) });
    expect(await error).toEqual({ event: 'levels:hack', message: ack.error });

    const joined = await socket.timeout(5000).emitWithAck('presence:join', { page: '/' });
    expect(joined).toEqual({ ok: true, count: expect.any(Number) });
  });

  it.each([
    ['an empty nickname', { nickname: '   ' }, /^nickname:set: nickname: must not be empty$/],
    ['a nickname of 25 characters', { nickname: 'x'.repeat(25) }, /nickname: must be at most 24 characters/],
    ['a control character', { nickname: 'a\u0007b' }, /nickname: must not contain control characters/],
    ['a nickname that is not text', { nickname: 42 }, /nickname: must be text/],
    ['binary data instead of text', { nickname: Buffer.from('Ada') }, /nickname: must be text/],
    ['an unexpected field', { nickname: 'Ada', admin: true }, /admin/],
    ['a player id that is not a uuid', { nickname: 'Ada', playerId: '1 OR 1=1' }, /playerId: must be a player id/],
    ['a payload that is not an object', 'Ada', /^nickname:set: payload: /],
  ])('refuses %s with a clear error', async (_what, payload, message) => {
    const socket = await client();
    const { ack, error } = await send(socket, 'nickname:set', payload);
    expect(ack.ok).toBe(false);
    expect(ack.error).toMatch(message);
    expect((await error).message).toBe(ack.error);
  });

  it('refuses a message without a payload or with two', async () => {
    const socket = await client();
    expect((await send(socket, 'presence:join')).ack.error).toBe('presence:join takes exactly one payload object, got 0 arguments');
    expect((await send(socket, 'presence:join', { page: '/' }, { page: '/' })).ack.error).toBe(
      'presence:join takes exactly one payload object, got 2 arguments',
    );
  });

  it('explains an unreadable packet before Socket.io drops that one connection; others carry on', async () => {
    const bystander = await client();
    const socket = await client();
    const error = next(socket, 'error');
    const closed = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    // A raw engine.io message: a socket.io EVENT packet whose JSON is cut off.
    (socket.io as unknown as { engine: { write(data: string): void } }).engine.write('42["nickname:set",{"nickname":');
    expect((await error).message).toMatch(/^unreadable message \(.+\); the connection will be closed, reconnect to continue$/);
    await closed;

    const ack = await bystander.timeout(5000).emitWithAck('nickname:set', { nickname: 'Still here' });
    expect(ack).toMatchObject({ ok: true, player: { nickname: 'Still here' } });
    const newcomer = await client();
    expect(await newcomer.timeout(5000).emitWithAck('presence:join', { page: '/' })).toMatchObject({ ok: true });
  });
});

describe('presence', () => {
  it('counts the sockets with the page open and tells them when it changes', async () => {
    const a = await client();
    expect(await a.timeout(5000).emitWithAck('presence:join', { page: '/' })).toEqual({ ok: true, count: 1 });

    const aSeesTwo = next(a, 'presence', (p) => p.count === 2);
    const b = await client();
    expect(await b.timeout(5000).emitWithAck('presence:join', { page: '/' })).toEqual({ ok: true, count: 2 });
    expect(await aSeesTwo).toEqual({ page: '/', count: 2 });

    // A connection that never joined the page does not count.
    await client();
    const aSeesOne = next(a, 'presence', (p) => p.count === 1);
    b.disconnect();
    expect(await aSeesOne).toEqual({ page: '/', count: 1 });
  });
});

describe('nicknames', () => {
  it('stores a trimmed nickname, finds it again by id, and renames the same player', async () => {
    const socket = await client();
    const created = await socket.timeout(5000).emitWithAck('nickname:set', { nickname: '  Ada Lovelace  ' });
    expect(created).toEqual({
      ok: true,
      player: { id: expect.stringMatching(/^[0-9a-f-]{36}$/), nickname: 'Ada Lovelace', createdAt: expect.any(String) },
    });
    const id = created.player.id;

    const other = await client();
    expect(await other.timeout(5000).emitWithAck('player:resume', { playerId: id })).toEqual({ ok: true, player: created.player });

    const renamed = await other.timeout(5000).emitWithAck('nickname:set', { nickname: 'Ada', playerId: id });
    expect(renamed).toEqual({ ok: true, player: { ...created.player, nickname: 'Ada' } });

    const stored = await database.prisma.player.findUniqueOrThrow({ where: { id } });
    expect(stored.nickname).toBe('Ada');
  });

  it('answers an unknown player id with no player', async () => {
    const socket = await client();
    const ack = await socket.timeout(5000).emitWithAck('player:resume', { playerId: '00000000-0000-4000-8000-000000000000' });
    expect(ack).toEqual({ ok: true, player: null });
  });
});
