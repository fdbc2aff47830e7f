// Accounts end to end: the production server, real Chromium, real cookies.
//
// The story: a teacher signs up and creates a class; a student plays a level without an
// account, then signs up with the class code and keeps that progress; on a second device the
// student plays another level anonymously and signs in, and that merges too; the teacher sees
// the student on the class dashboard, with the live session they joined. Then everything
// someone might try that they should not: other teachers' classes, students reading classes,
// cross-site posts, a guessed password (rate-limited), a reset token used twice, sessions after
// "sign out everywhere", and a restart that must keep it all.
//
// Right answers come from the engine (lib/levels runLevel), never typed.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { request as playwrightRequest, type APIRequestContext, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProgram } from '../../engine/index';
import type { Answer, Response as KeyResponse } from '../../lib/levels/answer-key';
import { runLevel } from '../../lib/levels/run';
import { levelSchema } from '../../lib/levels/schema';
import { draftSchema, levelFromDraft } from '../../lib/teacher-levels/draft';
import { buildCurriculum } from '../../lib/levels/curriculum';
import { LEVELS_ROOT, loadLevelFiles } from '../../lib/levels/load-fs';
import { freePort, startServer, type RunningServer } from './server';
import { launchChromium } from '../chromium';
import { waitForQuestion } from './level-page';

const PASSWORD = 'correct horse battery';
const curriculum = buildCurriculum(loadLevelFiles(LEVELS_ROOT).map((l) => l.level));
/** Two levels of the first topic (open to a new player). */
const [FIRST, SECOND] = curriculum[0]!.levels;

let dir: string;
let dataDir: string;
let port: number;
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const apis: APIRequestContext[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'heapquest-accounts-'));
  dataDir = path.join(dir, 'data');
  port = await freePort();
  server = await startServer({ PORT: String(port), HEAPQUEST_DATA_DIR: dataDir });
  browser = await launchChromium();
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  for (const a of apis) await a.dispose().catch(() => {});
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  contexts.push(context);
  return context.newPage();
}

/** A cookie-keeping HTTP client, like a browser without the page. */
async function newClient(): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL: server.url });
  apis.push(api);
  return api;
}

const responseFor = (answer: Answer): KeyResponse => {
  switch (answer.kind) {
    case 'number':
      return { kind: 'number', value: answer.value };
    case 'yesno':
      return { kind: 'yesno', value: answer.value };
    case 'pick':
      return { kind: 'pick', ids: answer.ids };
    case 'order':
      return { kind: 'order', items: answer.items };
    case 'version':
      return { kind: 'version', profiles: answer.profiles };
  }
};

/**
 * Plays a level right at every first try through the solo-play API, from inside the page (its
 * cookies, its origin), as the level page's own script does.
 */
async function playLevel(page: Page, levelId: string): Promise<void> {
  const level = curriculum.flatMap((t) => t.levels).find((l) => l.id === levelId)!;
  const responses = runLevel(level, runProgram).key.checkpoints.map((c) => responseFor(c.answer));
  const result = await page.evaluate(
    async ({ levelId, responses }) => {
      const post = async (url: string, body: unknown) => {
        const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        return (await r.json()) as { ok: boolean; error?: string; play?: { playId: string; finished: boolean } };
      };
      const opened = await post('/api/progress/plays', { levelId });
      if (!opened.ok) return `open: ${opened.error}`;
      let play = opened.play!;
      for (const [checkpoint, response] of responses.entries()) {
        const acted = await post(`/api/progress/plays/${play.playId}`, { type: 'answer', checkpoint, response });
        if (!acted.ok) return `answer ${checkpoint}: ${acted.error}`;
        play = acted.play!;
      }
      return play.finished ? 'finished' : 'not finished';
    },
    { levelId, responses },
  );
  expect(result).toBe('finished');
}

async function fill(page: Page, fields: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(fields)) await page.locator(`#f-${name}`).fill(value);
}

async function signUpTeacherApi(api: APIRequestContext, name: string): Promise<string> {
  const email = `${name.toLowerCase().replace(/\W/g, '')}-${randomUUID().slice(0, 6)}@school.example`;
  const r = await api.post('/api/auth/signup', { data: { role: 'teacher', email, password: PASSWORD, displayName: name } });
  expect(r.status(), await r.text()).toBe(201);
  return email;
}

let teacherPage: Page;
let studentPage: Page;
let classId: string;
let classCode: string;
let studentUsername: string;

describe('a class, start to finish, in the browser', () => {
  it('a teacher signs up and creates a class', async () => {
    teacherPage = await newPage();
    await teacherPage.goto(`${server.url}/signup?as=teacher`);
    await fill(teacherPage, { displayName: 'Ms Rivera', email: `rivera-${randomUUID().slice(0, 6)}@school.example`, password: PASSWORD });
    await teacherPage.getByTestId('teacher-signup').getByRole('button').click();
    await teacherPage.waitForURL(`${server.url}/teacher`);

    const cookies = await teacherPage.context().cookies();
    const session = cookies.find((c) => c.name === 'hq_session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });

    await fill(teacherPage, { name: 'Year 9 Computing' });
    await teacherPage.getByTestId('create-class').getByRole('button').click();
    await expect.poll(() => teacherPage.getByTestId('class-code').count(), { timeout: 15_000 }).toBe(1);
    classCode = (await teacherPage.getByTestId('class-code').textContent())!.trim();
    expect(classCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    const href = (await teacherPage.getByRole('link', { name: 'Year 9 Computing' }).getAttribute('href'))!;
    classId = href.split('/').at(-1)!;
  });

  it('a student plays without an account, then signs up with the class code and keeps the progress', async () => {
    studentPage = await newPage();
    await studentPage.goto(`${server.url}/me`);
    await playLevel(studentPage, FIRST!.id);
    await studentPage.reload();
    await expect.poll(() => studentPage.locator(`[data-level="${FIRST!.id}"]`).count()).toBe(1);
    await expect(studentPage.getByTestId('keep-progress').isVisible()).resolves.toBe(true);
    const anonymousPlayer = (await studentPage.context().cookies()).find((c) => c.name === 'hq_player')!.value;

    studentUsername = `ada-${randomUUID().slice(0, 6)}`;
    await studentPage.goto(`${server.url}/signup?code=${classCode}`);
    expect(await studentPage.locator('#f-classCode').inputValue()).toBe(classCode);
    await fill(studentPage, { displayName: 'Ada', username: studentUsername, password: PASSWORD });
    await studentPage.getByTestId('student-signup').getByRole('button').click();
    await studentPage.waitForURL(`${server.url}/me`);

    const row = studentPage.locator(`[data-level="${FIRST!.id}"]`);
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('★★★');
    expect(await studentPage.getByTestId('my-classes').textContent()).toContain('Year 9 Computing');
    expect(await studentPage.getByTestId('levels-passed').textContent()).toMatch(/^1\//);
    expect(await studentPage.getByTestId('streak').textContent()).toMatch(/^1 day streak/);
    // The account took over this device's player: same id, nothing copied.
    expect((await studentPage.context().cookies()).find((c) => c.name === 'hq_player')!.value).toBe(anonymousPlayer);
  });

  it('signing in on a second device merges what was played there', async () => {
    const phone = await newPage();
    await phone.goto(`${server.url}/me`);
    await playLevel(phone, SECOND!.id);
    await phone.goto(`${server.url}/login`);
    await fill(phone, { login: studentUsername, password: PASSWORD });
    await phone.getByTestId('signin-form').getByRole('button').click();
    await phone.waitForURL(`${server.url}/me`);
    for (const level of [FIRST!, SECOND!]) await expect.poll(() => phone.locator(`[data-level="${level.id}"]`).count()).toBe(1);
    expect(await phone.getByTestId('levels-passed').textContent()).toMatch(/^2\//);
  });

  it('the student joins the teacher’s live session, and the teacher sees it all on the dashboard', async () => {
    // The teacher hosts as their account (no host token), from an HTTP client with the same session cookie.
    const session = (await teacherPage.context().cookies()).find((c) => c.name === 'hq_session')!.value;
    const teacherApi = await newClient();
    const form = new URLSearchParams([
      ['title', 'Friday quiz'],
      ['timeLimit', '30'],
      ['q', `${FIRST!.id}#0`],
    ]);
    const created = await teacherApi.post('/host/create', {
      headers: { cookie: `hq_session=${session}`, 'content-type': 'application/x-www-form-urlencoded' },
      data: form.toString(),
      maxRedirects: 0,
    });
    expect(created.status(), await created.text()).toBe(303);
    const sessionId = created.headers()['location']!.split('/').at(-1)!;

    const host = connect(server.url, { transports: ['websocket'], forceNew: true, extraHeaders: { cookie: `hq_session=${session}` } });
    sockets.push(host);
    const attached = (await host.timeout(10_000).emitWithAck('live:host', { sessionId })) as { ok: boolean; view?: { code: string } };
    expect(attached.ok).toBe(true);

    const studentSession = (await studentPage.context().cookies()).find((c) => c.name === 'hq_session')!.value;
    const student = connect(server.url, { transports: ['websocket'], forceNew: true, extraHeaders: { cookie: `hq_session=${studentSession}` } });
    sockets.push(student);
    const joined = (await student.timeout(10_000).emitWithAck('live:join', { code: attached.view!.code, nickname: 'Ada L' })) as { ok: boolean };
    expect(joined.ok).toBe(true);

    // A stranger's cookies cannot attach as the host.
    const stranger = connect(server.url, { transports: ['websocket'], forceNew: true, extraHeaders: { cookie: `hq_session=${studentSession}` } });
    sockets.push(stranger);
    const refused = (await stranger.timeout(10_000).emitWithAck('live:host', { sessionId })) as { ok: boolean; code?: string };
    expect(refused).toMatchObject({ ok: false, code: 'unauthorized' });

    await teacherPage.goto(`${server.url}/teacher/classes/${classId}`);
    const grid = teacherPage.getByTestId('topic-grid');
    await expect.poll(() => grid.getByRole('rowheader').allTextContents()).toEqual(['Ada']);
    const table = teacherPage.getByTestId('student-table');
    const cells = await table.locator('tbody tr').first().locator('td').allTextContents();
    expect(cells[0]).toBe('Ada');
    expect(cells[1]).toBe(studentUsername);
    expect(cells[2]).toBe('2'); // levels passed
    await expect.poll(async () => (await teacherPage.reload(), await table.locator('tbody tr').first().locator('td').nth(6).textContent()), { timeout: 15_000 }).toBe('1');
    expect(await teacherPage.getByTestId('hardest-chart').getAttribute('aria-label')).toContain(FIRST!.title);
    await teacherPage.getByText('Ada — 1 session').click();
    expect(await teacherPage.getByRole('link', { name: 'Friday quiz' }).isVisible()).toBe(true);
  });
});

describe('a level of the teacher’s own', () => {
  it('assigned to the class, the student finds it on the level map and plays it in the browser', async () => {
    const session = (await teacherPage.context().cookies()).find((c) => c.name === 'hq_session')!.value;
    const teacherApi = await newClient();
    const draft = draftSchema.parse({
      title: 'Who holds the list?',
      version: '3.12',
      program: 'import sys\na = [1, 2]\nb = a\nprint(sys.getrefcount(a))\n',
      checkpoints: [{ line: 4, kind: 'number', probe: { read: 'refcount', of: 'a' }, hint: 'Count the names.' }],
    });
    const saved = await teacherApi.post('/teacher/levels/save', { headers: { cookie: `hq_session=${session}`, origin: server.url }, data: { draft } });
    expect(saved.status(), await saved.text()).toBe(201);
    const { id } = (await saved.json()) as { id: string };

    // Not assigned yet: the student's map has no such level, and its page is a missing level's.
    await studentPage.goto(`${server.url}/play`);
    expect(await studentPage.getByTestId('assigned-levels').count()).toBe(0);
    expect((await studentPage.goto(`${server.url}/play/assigned/${id}`))!.status()).toBe(404);

    await teacherPage.goto(`${server.url}/teacher/levels/${id}`);
    await teacherPage.getByTestId('assignments').getByRole('row', { name: /Year 9 Computing/ }).getByRole('button', { name: 'Assign' }).click();
    await expect.poll(() => teacherPage.getByTestId('assignments').textContent()).toContain('assigned');

    await studentPage.goto(`${server.url}/play`);
    const card = studentPage.getByTestId(`assigned-${id}`);
    expect(await card.textContent()).toContain('Who holds the list?');
    expect(await card.getAttribute('data-passed')).toBe('false');
    await card.click();
    await studentPage.waitForURL(`${server.url}/play/assigned/${id}`);

    const level = levelSchema.parse({ ...levelFromDraft(draft, `tl-${id}-r1`) });
    const key = runLevel(level, runProgram).key.checkpoints[0]!.answer;
    if (key.kind !== 'number') throw new Error(`expected a number key, got ${key.kind}`);
    await waitForQuestion(studentPage, 0);
    await studentPage.getByTestId('answer-number').fill(String(key.value));
    await studentPage.getByTestId('submit-answer').click();
    await expect.poll(() => studentPage.getByTestId('reveal').getAttribute('data-correct'), { timeout: 15_000 }).toBe('true');
    expect(await studentPage.getByTestId('key').textContent()).toBe(String(key.value));

    await expect.poll(async () => (await studentPage.goto(`${server.url}/play`), await studentPage.getByTestId(`assigned-${id}`).getAttribute('data-passed')), { timeout: 15_000 }).toBe('true');
    // Without an account: sent to sign in.
    const anonymous = await fetch(`${server.url}/play/assigned/${id}`, { redirect: 'manual' });
    expect(anonymous.status).toBe(307);
  });
});

describe('what nobody may do', () => {
  it('keeps other teachers and students out of a class (404, never a hint it exists)', async () => {
    const other = await newClient();
    await signUpTeacherApi(other, 'Mr Other');
    expect((await other.get(`/teacher/classes/${classId}`)).status()).toBe(404);
    expect((await other.get(`/leaderboard?class=${classId}`)).status()).toBe(404);
    expect((await other.get(`/api/leaderboard?class=${classId}`)).status()).toBe(404);
    await teacherPage.goto(`${server.url}/teacher/classes/${classId}`);
    const studentId = (await teacherPage.getByTestId('student-table').getByRole('link', { name: 'Ada' }).getAttribute('href'))!.split('/').at(-1)!;
    expect((await other.get(`/teacher/students/${studentId}`)).status()).toBe(404);
    const removal = await other.post(`/api/classes/${classId}/remove`, { data: { studentId } });
    expect(removal.status()).toBe(404);
    // Their own class's id does not open it either.
    const mine = await other.post('/api/classes', { data: { name: 'Mine' } });
    const mineId = ((await mine.json()) as { class: { id: string } }).class.id;
    expect((await teacherPage.goto(`${server.url}/teacher/classes/${mineId}`))!.status()).toBe(404);
    // The owner still sees the student, so the removal above changed nothing.
    expect((await teacherPage.goto(`${server.url}/teacher/classes/${classId}`))!.status()).toBe(200);
    expect(await teacherPage.getByTestId('topic-grid').getByRole('rowheader').allTextContents()).toEqual(['Ada']);

    // A student of another class cannot read this class or act as a teacher.
    const outsider = await newClient();
    const signed = await outsider.post('/api/auth/signup', { data: { role: 'student', username: `eve-${randomUUID().slice(0, 6)}`, password: PASSWORD, displayName: 'Eve' } });
    expect(signed.status()).toBe(201);
    expect((await outsider.get(`/api/leaderboard?class=${classId}`)).status()).toBe(404);
    expect((await outsider.get(`/teacher/students/${studentId}`)).status()).toBe(404);
    expect((await outsider.post('/api/classes', { data: { name: 'Sneaky' } })).status()).toBe(403);
    expect((await outsider.post(`/api/classes/${classId}/remove`, { data: { studentId } })).status()).toBe(403);
    // The class's own student may read its board, and sees themselves on it, by name only.
    const board = await studentPage.request.get(`${server.url}/api/leaderboard?class=${classId}`);
    expect(board.status()).toBe(200);
    const rows = ((await board.json()) as { rows: Record<string, unknown>[] }).rows;
    expect(rows.map((r) => [r.displayName, r.me])).toEqual([['Ada', true]]);
    expect(JSON.stringify(rows)).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    // Nobody signed in.
    const stranger = await newClient();
    expect((await stranger.post('/api/classes', { data: { name: 'x' } })).status()).toBe(401);
    const redirected = await stranger.get('/teacher', { maxRedirects: 0 });
    expect([303, 307, 308]).toContain(redirected.status());
    expect(redirected.headers()['location']).toContain('/login');
  });

  it('refuses a post from another site, even with a valid session', async () => {
    const api = await newClient();
    await signUpTeacherApi(api, 'Ms Origin');
    const r = await api.post('/api/classes', { data: { name: 'From evil' }, headers: { origin: 'http://evil.example' } });
    expect(r.status()).toBe(403);
    expect((await api.post('/api/classes', { data: { name: 'Same site' }, headers: { origin: server.url } })).status()).toBe(201);
  });

  it('rate-limits guessing one account’s password, and says so', async () => {
    const api = await newClient();
    const email = await signUpTeacherApi(api, 'Ms Target');
    const attacker = await newClient();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await attacker.post('/api/auth/signin', { data: { login: email, password: `guess number ${i}` } })).status());
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await attacker.post('/api/auth/signin', { data: { login: email, password: PASSWORD } });
    expect(limited.status()).toBe(429);
    expect(((await limited.json()) as { error: string }).error).toMatch(/wait/i);
  });

  it('resets a password with the link from the server log, once', async () => {
    const api = await newClient();
    const email = await signUpTeacherApi(api, 'Ms Forgetful');
    const answer = await (await newClient()).post('/api/auth/reset-request', { data: { email } });
    expect(answer.status()).toBe(200);
    const unknown = await (await newClient()).post('/api/auth/reset-request', { data: { email: `nobody-${randomUUID().slice(0, 6)}@school.example` } });
    expect(await unknown.json()).toEqual(await answer.json());
    await expect.poll(() => new RegExp(`password reset for ${email.replace(/[.+]/g, '\\$&')}.*?(http\\S+)`).exec(server.output())?.[1], { timeout: 10_000 }).toBeTruthy();
    const link = new RegExp(`password reset for ${email.replace(/[.+]/g, '\\$&')}.*?(http\\S+)`).exec(server.output())![1]!;
    const token = new URL(link).searchParams.get('token')!;

    const page = await newPage();
    await page.goto(`${server.url}/reset?token=${token}`);
    await fill(page, { password: 'my brand new password' });
    await page.getByTestId('reset-form').getByRole('button').click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('password is changed');
    // The old session ended with the reset; the token is spent.
    expect((await api.post('/api/classes', { data: { name: 'After reset' } })).status()).toBe(401);
    const again = await (await newClient()).post('/api/auth/reset', { data: { token, password: 'yet another password' } });
    expect(again.status()).toBe(400);
    expect((await (await newClient()).post('/api/auth/signin', { data: { login: email, password: 'my brand new password' } })).status()).toBe(200);
  });

  it('a teacher makes a one-time new-password link for a student of theirs, who has no email', async () => {
    // A class of its own, so the class the other tests follow keeps its one student.
    await teacherPage.goto(`${server.url}/teacher`);
    const created = await teacherPage.evaluate(async () => {
      const r = await fetch('/api/classes', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Year 10 Computing' }) });
      return (await r.json()) as { class: { id: string; code: string } };
    });
    const username = `grace-${randomUUID().slice(0, 6)}`;
    const student = await newClient();
    const signedUp = await student.post('/api/auth/signup', { data: { role: 'student', username, password: PASSWORD, displayName: 'Grace', classCode: created.class.code } });
    expect(signedUp.status(), await signedUp.text()).toBe(201);
    await teacherPage.goto(`${server.url}/teacher/classes/${created.class.id}`);
    const href = (await teacherPage.getByTestId('student-table').getByRole('link', { name: 'Grace' }).getAttribute('href'))!;
    // Another teacher cannot make one.
    const other = await newClient();
    await signUpTeacherApi(other, 'Mr Other');
    expect((await other.post(`/api/students/${href.split('/').at(-1)}/reset`, { headers: { origin: server.url } })).status()).toBe(404);

    await teacherPage.goto(`${server.url}${href}`);
    await teacherPage.getByTestId('student-reset').click();
    const link = (await teacherPage.getByTestId('student-reset-link').textContent())!;
    expect(server.output()).not.toContain(new URL(link).searchParams.get('token')!);

    const page = await newPage();
    await page.goto(link);
    await fill(page, { password: 'grace remembers now' });
    await page.getByTestId('reset-form').getByRole('button').click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('password is changed');
    expect((await (await newClient()).post('/api/auth/signin', { data: { login: username, password: 'grace remembers now' } })).status()).toBe(200);
    expect((await (await newClient()).post('/api/auth/signin', { data: { login: username, password: PASSWORD } })).status()).toBe(401);
  });

  it('signs out everywhere', async () => {
    const laptop = await newClient();
    const email = await signUpTeacherApi(laptop, 'Ms Careful');
    const phone = await newClient();
    expect((await phone.post('/api/auth/signin', { data: { login: email, password: PASSWORD } })).status()).toBe(200);
    expect((await phone.post('/api/classes', { data: { name: 'Phone class' } })).status()).toBe(201);
    const out = await laptop.post('/api/auth/signout-everywhere');
    expect(await out.json()).toMatchObject({ ok: true, ended: 2 });
    expect((await phone.post('/api/classes', { data: { name: 'Too late' } })).status()).toBe(401);
  });
});

describe('restart', () => {
  it('keeps accounts, sessions, classes and progress', async () => {
    await server.stop();
    server = await startServer({ PORT: String(port), HEAPQUEST_DATA_DIR: dataDir });
    await teacherPage.goto(`${server.url}/teacher/classes/${classId}`);
    expect(await teacherPage.getByTestId('topic-grid').getByRole('rowheader').allTextContents()).toEqual(['Ada']);
    await studentPage.goto(`${server.url}/me`);
    for (const level of [FIRST!, SECOND!]) expect(await studentPage.locator(`[data-level="${level.id}"]`).count()).toBe(1);
  });
});
