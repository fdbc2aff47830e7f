// The playground end to end: the production server, real Chromium, the engine in Web Workers.
// A typed program is run and stepped to a line, and the scene's refcount is checked against
// what CPython's sys.getrefcount printed there (CPython runs in the test); a shared link opens
// the same scene in a fresh browser context; refusals land at the engine's line:col in the
// editor and a runaway program stops at the cap; a teacher makes a level from the playground
// and plays it live with two students.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverPythons, type Interpreter } from '../../lib/cpython/pythons';
import { runPythonSource } from '../../lib/cpython/run';
import { freePort, startServer, type RunningServer } from './server';
import { launchChromium } from '../chromium';

let dir: string;
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

// The version the tests run: 3.12 when this machine has it, else any CPython it has.
const pythons = discoverPythons();
const python: Interpreter | undefined = pythons.interpreters.find((i) => i.profile === '3.12') ?? pythons.interpreters[0];
if (!python) console.warn(`playground e2e: no CPython found (${pythons.skipped.join('; ')}); the refcount comparison is skipped`);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'heapquest-playground-e2e-'));
  server = await startServer({ PORT: String(await freePort()), HEAPQUEST_DATA_DIR: path.join(dir, 'data') });
  browser = await launchChromium();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function newPage(width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 1000 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  return page;
}

async function typeProgram(page: Page, program: string): Promise<void> {
  const editor = page.locator('.cm-content');
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // insertText types it as one input, so the editor's auto-indent does not re-indent lines.
  await page.keyboard.insertText(program);
  await expect.poll(() => editor.evaluate((el) => (el as HTMLElement).innerText.replace(/\u00a0/g, ' ').trim())).toBe(program.trim());
}

async function runAndWait(page: Page): Promise<void> {
  await page.getByTestId('run').click();
  await page.locator('[data-testid=playground][data-run-status=done]').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid=heap-canvas][data-ready=true]').waitFor({ timeout: 60_000 });
}

/** Steps forward until the step on screen is the one where `line` just ran. */
async function stepToLine(page: Page, line: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if ((await page.getByTestId('position').getAttribute('data-line')) === String(line)) return;
    await page.getByTestId('step-forward').click();
  }
  throw new Error(`never reached line ${line}`);
}

/** Every hit target's aria-label in the scene now on screen. */
const labels = (page: Page) => page.locator('.hq-hit').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));

const REFCOUNT_PROGRAM = `import sys
a = [1, 2, 3]
b = a
c = [a, a]
print(sys.getrefcount(a))
del c
`;

describe('the playground', () => {
  it('runs a typed program and shows the refcount CPython reports at that line', async () => {
    const version = python?.profile ?? '3.12';
    const page = await newPage();
    await page.goto(`${server.url}/playground`);
    await typeProgram(page, REFCOUNT_PROGRAM);
    await page.getByTestId('version').selectOption(version);
    await runAndWait(page);
    await stepToLine(page, 5);
    const list = (await labels(page)).find((l) => /^list #\d+ \[3 items\]/.test(l));
    expect(list, 'the list `a` names is drawn').toBeDefined();
    const shown = Number(/refcount (\d+)/.exec(list!)![1]);
    await page.getByTestId('text-view-toggle').click();
    expect(await page.getByTestId('text-view').textContent()).toContain(list!.split(';')[0]);
    await page.locator(`[aria-label="${list}"]`).click();
    const getrefcount = Number(await page.getByTestId('details-getrefcount').textContent());
    expect(getrefcount).toBe(shown + 1);
    expect(await page.getByTestId('stdout').textContent()).toBe(`${getrefcount}\n`);
    if (python) {
      const real = await runPythonSource(python.path, REFCOUNT_PROGRAM);
      expect(real.exitCode).toBe(0);
      // sys.getrefcount counts its own argument: the scene's count plus one.
      expect(Number(real.stdout.trim())).toBe(getrefcount);
      expect(shown).toBe(Number(real.stdout.trim()) - 1);
    }
  });

  it('opens a shared link in a fresh context on the same scene', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/playground`);
    await typeProgram(page, REFCOUNT_PROGRAM.replace('del c', 'x = 257\ny = 257\nz = int("257")\ndel c'));
    await page.getByTestId('version').selectOption('3.11');
    await runAndWait(page);
    await stepToLine(page, 8);
    await page.getByTestId('share').click();
    const link = await page.getByTestId('share-link').inputValue();
    expect(link).toMatch(/\/playground#v=3\.11&s=\d+&p=[A-Za-z0-9_-]+$/);
    const step = await page.getByTestId('position').getAttribute('data-step');
    await page.getByTestId('text-view-toggle').click();
    const text = await page.getByTestId('text-view').textContent();
    const before = await labels(page);

    // The 257 both x and y name is one shared constant; a click says why.
    const constant = before.find((l) => l.includes('257') && l.includes('constant'));
    expect(constant).toBeDefined();
    await page.locator(`[aria-label="${constant}"]`).click();
    expect(await page.getByTestId('sharing-explanation').textContent()).toMatch(/co_consts[\s\S]*int\("257"\)/);

    const fresh = await newPage(1100);
    await fresh.goto(link);
    await fresh.locator('[data-testid=playground][data-run-status=done]').waitFor({ timeout: 60_000 });
    await fresh.locator('[data-testid=heap-canvas][data-ready=true]').waitFor();
    await expect.poll(() => fresh.getByTestId('position').getAttribute('data-step')).toBe(step);
    expect(await fresh.getByTestId('version').inputValue()).toBe('3.11');
    await fresh.getByTestId('text-view-toggle').click();
    expect(await fresh.getByTestId('text-view').textContent()).toBe(text);
    expect(await labels(fresh)).toEqual(before);
  });

  it("puts the engine's refusal at its line:col in the editor, and stops a runaway program at the cap", async () => {
    const page = await newPage();
    await page.goto(`${server.url}/playground`);
    await typeProgram(page, 'x = [1]\nimport os\n');
    await page.getByTestId('run').click();
    await expect.poll(() => page.getByTestId('run-outcome').textContent()).toMatch(/^Line 2, column 8: import of module 'os'/);
    const marked = page.locator('.cm-lintRange-error');
    await marked.first().waitFor();
    expect(await marked.first().textContent()).toBe('os');

    await typeProgram(page, 'n = 0\nwhile True:\n    n += 1\n');
    await page.getByTestId('run').click();
    // The page stays responsive while the worker runs: the step counter moves as batches arrive.
    await expect.poll(async () => Number(await page.getByTestId('playground').getAttribute('data-steps')), { timeout: 30_000 }).toBeGreaterThan(1000);
    await page.locator('[data-testid=playground][data-run-status=done]').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('run-outcome').textContent()).toMatch(/Stopped at the cap: step limit of 1,000,000 reached at line \d/);
    await page.getByTestId('next-free').isVisible();
  });

  it('a teacher makes a level from the playground and plays it live with two students', async () => {
    const teacher = await newPage(1200);
    await teacher.goto(`${server.url}/playground`);
    const signedUp = await teacher.evaluate(async () => {
      const res = await fetch('/api/auth/signup', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ role: 'teacher', email: `teacher-${Date.now()}@school.example`, password: 'correct horse battery', displayName: 'Ms Rivera' }),
      });
      return res.status;
    });
    expect(signedUp).toBe(201);
    await typeProgram(teacher, REFCOUNT_PROGRAM);
    await teacher.getByTestId('make-level').click();
    await teacher.waitForURL(/\/teacher\/levels\/new#/);

    // A save without a checkpoint is refused, with the reason.
    await teacher.getByTestId('level-title').fill('Who holds the list?');
    await teacher.getByTestId('save-level').click();
    expect(await teacher.getByTestId('save-problems').textContent()).toMatch(/at least one checkpoint/);

    await teacher.getByTestId('add-checkpoint').click();
    await teacher.getByTestId('cp-0-line').selectOption('5');
    await teacher.getByTestId('cp-0-kind').selectOption('number');
    await teacher.getByTestId('cp-0-probe').selectOption('refcount');
    await teacher.getByTestId('cp-0-of').fill('a');
    await teacher.getByTestId('cp-0-hint').fill('Count the names and the slots of c.');
    await teacher.getByTestId('save-level').click();
    await teacher.waitForURL(/\/teacher\/levels\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    const checked = await teacher.getByTestId('checked-with').textContent();
    if (pythons.interpreters.some((i) => i.profile === '3.12')) expect(checked).toMatch(/^Checked: CPython 3\.12/);
    else expect(checked).toMatch(/engine only/);
    const teacherLevelUrl = teacher.url();
    const key = Number(await teacher.getByTestId('answer-0').textContent());
    expect(key).toBeGreaterThan(0);

    await teacher.getByTestId('host-level').click();
    await teacher.waitForURL(/\/host\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    const code = (await teacher.getByTestId('join-code').textContent())!.trim();

    const students: Page[] = [];
    for (const name of ['Ada', 'Grace']) {
      const s = await newPage(420);
      await s.goto(`${server.url}/join?code=${code}`);
      await s.getByTestId('nickname-input').fill(name);
      await s.getByTestId('join-submit').click();
      await s.getByTestId('waiting').waitFor();
      students.push(s);
    }
    for (const name of ['Ada', 'Grace']) await teacher.getByTestId('lobby').getByText(name).waitFor();
    await teacher.getByTestId('start').click();
    for (const [i, s] of students.entries()) {
      await s.getByTestId('prompt').filter({ hasText: 'reference count of `a`' }).waitFor();
      await s.getByTestId('number-input').fill(String(i === 0 ? key : key + 1));
      await s.getByTestId('submit-answer').click();
      // The last answer reveals at once, so that screen may skip straight to the result.
      await s.locator('[data-testid=locked-in], [data-testid=result]').first().waitFor();
    }
    for (const [i, s] of students.entries()) {
      await s.getByTestId('result').waitFor();
      expect(await s.getByTestId('right-answer').textContent()).toBe(String(key));
      expect(await s.getByTestId('result').textContent()).toContain(i === 0 ? 'Correct!' : 'Not this time.');
    }
    await teacher.getByTestId('next').click();
    for (const s of students) await s.getByTestId('podium').waitFor();
    expect(await students[0]!.getByTestId('podium').locator('div').first().textContent()).toContain('Ada');

    // The level is the author's alone: anyone else asking for its page is sent to sign in.
    const levelPath = new URL(teacherLevelUrl).pathname;
    const anonymous = await fetch(`${server.url}${levelPath}`, { redirect: 'manual' });
    expect(anonymous.status).toBe(307);
    expect(anonymous.headers.get('location')).toMatch(/\/login$/);
  });
});
