// A session built from a teacher's own level (not a file) keeps that level with the session:
// after a server restart on the same data, the question's scene is still served, worked out
// from the level as it was hosted (a later edit of the level replaces its stored JSON).
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../e2e/server';
import { Host, startHeadless, Student, type Headless } from './clients';

let dir: string;
let port: number;
let server: Headless;
const clients: { close(): void }[] = [];
const start = () => startHeadless({ PORT: String(port), HEAPQUEST_DATA_DIR: path.join(dir, 'data') });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'heapquest-live-tl-'));
  port = await freePort();
  server = await start();
});

afterAll(async () => {
  for (const c of clients) c.close();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

const scene = (code: string) => fetch(`${server.url}/live/scene?code=${code}&q=0`);

describe('a teacher level session through a restart', () => {
  it('still serves the question scene after the server restarts', async () => {
    // A file level's content under a teacher level's id (lib/teacher-levels: liveLevelId).
    const file = JSON.parse(await readFile('levels/copy/01-assignment-is-not-a-copy.json', 'utf8')) as { id: string; program?: string };
    const program = await readFile('levels/copy/01-assignment-is-not-a-copy.py', 'utf8').catch(() => undefined);
    const level = { ...file, program: file.program ?? program, id: `tl-${randomUUID()}-r1` };
    const res = await fetch(`${server.url}/create`, { method: 'POST', body: JSON.stringify({ hostToken: 'host-token-tl', level }) });
    expect(res.status, await res.clone().text()).toBe(200);
    const { id, code } = (await res.json()) as { id: string; code: string };

    const teacher = new Host(server.url, id, 'host-token-tl');
    const pupil = new Student(server.url, code, 'Ada');
    clients.push(teacher, pupil);
    await teacher.until((t) => t.view?.phase === 'lobby', 10_000, 'host view');
    expect((await pupil.join()).ok).toBe(true);
    expect((await teacher.command('start')).ok).toBe(true);
    await teacher.until((t) => t.view?.phase === 'question', 10_000, 'question 1');

    const before = await scene(code);
    expect(before.status).toBe(200);
    const shown = (await before.json()) as { scene: { levelId: string; program: string }; steps: unknown[] };
    expect(shown.scene.levelId).toBe(level.id);
    expect(shown.steps.length).toBeGreaterThan(0);

    await server.stop();
    server = await start();

    const after = await scene(code);
    expect(after.status, await after.clone().text()).toBe(200);
    expect(await after.json()).toEqual(shown);
  });
});
