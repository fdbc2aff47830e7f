// Two server nodes on different ports sharing Redis through the Socket.io Redis adapter: a
// message emitted to a room on one node reaches clients connected to the other, and the
// presence count spans both. Runs under `npm run test:services` against a real Redis.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../lib/db/client';
import { connectRedisAdapter, type RedisAdapter } from '../../lib/realtime/redis';
import { attachRealtime, type RealtimeServer } from '../../lib/realtime/server';
import { connectClient, nextEvent, type ClientSocket } from '../../lib/realtime/test-client';

const redisUrl = process.env.HEAPQUEST_TEST_REDIS_URL;
if (!redisUrl) throw new Error('HEAPQUEST_TEST_REDIS_URL is not set: run this through npm run test:services');

interface Node {
  url: string;
  io: RealtimeServer;
  http: HttpServer;
  redis: RedisAdapter;
}

let dir: string;
let database: Database;
const nodes: Node[] = [];
const clients: ClientSocket[] = [];
// A channel prefix of our own, so a concurrent run on the same Redis cannot join our rooms.
const key = `heapquest-test-${process.pid}-${Date.now()}`;

async function startNode(): Promise<Node> {
  const redis = await connectRedisAdapter(redisUrl!, { key });
  const http = createServer();
  const io = attachRealtime(http, { prisma: database.prisma, adapter: redis.adapter });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const node = { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, io, http, redis };
  nodes.push(node);
  return node;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'heapquest-two-node-'));
  database = await openDatabase({ dataDir: path.join(dir, 'data') });
});

afterAll(async () => {
  for (const c of clients) c.disconnect();
  for (const n of nodes) {
    await new Promise<void>((resolve) => n.io.close(() => resolve()));
    await n.redis.close();
  }
  await database?.close();
  await rm(dir, { recursive: true, force: true });
});

function client(node: Node): Promise<ClientSocket> {
  return connectClient(node.url, clients);
}

function presenceOf(socket: ClientSocket, count: number) {
  return nextEvent(socket, 'presence', (p) => p.count === count);
}

describe('two nodes sharing Redis', () => {
  it('delivers room messages across nodes and counts presence over both', async () => {
    const a = await startNode();
    const b = await startNode();
    expect(a.url).not.toBe(b.url);

    const onA = await client(a);
    expect(await onA.timeout(5000).emitWithAck('presence:join', { page: '/' })).toEqual({ ok: true, count: 1 });

    // B's join is counted across both nodes, and B's broadcast to the room reaches A's client.
    const aSeesTwo = presenceOf(onA, 2);
    const onB = await client(b);
    expect(await onB.timeout(5000).emitWithAck('presence:join', { page: '/' })).toEqual({ ok: true, count: 2 });
    expect(await aSeesTwo).toEqual({ page: '/', count: 2 });

    // And the other way: a join on node A is broadcast from A to the client on B.
    const bSeesThree = presenceOf(onB, 3);
    const alsoOnA = await client(a);
    await alsoOnA.timeout(5000).emitWithAck('presence:join', { page: '/' });
    expect(await bSeesThree).toEqual({ page: '/', count: 3 });

    // A leaving node-A client is seen on node B.
    const bSeesTwo = presenceOf(onB, 2);
    alsoOnA.disconnect();
    expect(await bSeesTwo).toEqual({ page: '/', count: 2 });
  });
});
