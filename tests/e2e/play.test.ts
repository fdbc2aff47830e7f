// Solo play end to end: the production server, a real Chromium, the real levels. A player
// plays three levels of different question kinds — picking objects by clicking them in the
// Pixi scene, yes/no, ordering, which-version — and their scores, stars and a half-played
// level are still there after a reload and a server restart.
//
// Every right answer comes from the engine, run here (lib/levels runLevel), never typed. The
// player starts with the levels before these marked passed in the database, so the later
// topics are open; everything after that goes through the pages.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProgram } from '../../engine/index';
import { openDatabase } from '../../lib/db/client';
import type { Answer } from '../../lib/levels/answer-key';
import { runLevel, type LevelRun } from '../../lib/levels/run';
import { LEVELS_ROOT, loadLevelFiles } from '../../lib/levels/load-fs';
import { scoreLevel, type CheckpointResult } from '../../lib/levels/scoring';
import { MAX_STEP_MS } from '../../lib/scene/model';
import { freePort, startServer, type RunningServer } from './server';
import { launchChromium } from '../chromium';
import { waitForQuestion } from './level-page';

const root = fileURLToPath(new URL('../..', import.meta.url));
const shots = path.join(root, 'test-results');

const levels = loadLevelFiles(LEVELS_ROOT).map((l) => l.level);
const run = (id: string): LevelRun => runLevel(levels.find((l) => l.id === id)!, runProgram);
/** The three levels played: pick + yes/no, order + yes/no, which version. And one left half-played. */
const PLAYED = ['objects-names', 'gc-weakref-callbacks', 'versions-threshold'] as const;
// In the last topic, so leaving it half-played locks nothing.
const HALF_PLAYED = 'versions-generator-size';

let dir: string;
let dataDir: string;
let port: number;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let playerId: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'heapquest-play-'));
  dataDir = path.join(dir, 'data');
  await mkdir(shots, { recursive: true });
  // Before the server owns the database: a player who has passed every level but the ones played here.
  const db = await openDatabase({ dataDir });
  try {
    playerId = (await db.prisma.player.create({ data: {}, select: { id: true } })).id;
    const skip = new Set<string>([...PLAYED, HALF_PLAYED]);
    await db.prisma.levelProgress.createMany({
      data: levels.filter((l) => !skip.has(l.id)).map((l) => ({ playerId, levelId: l.id, attempts: 1, completions: 1, passed: true, stars: 1, bestScore: 100, bestTimeMs: 60_000 })),
    });
  } finally {
    await db.close();
  }
  port = await freePort();
  server = await startServer({ PORT: String(port), HEAPQUEST_DATA_DIR: dataDir });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([{ name: 'hq_player', value: playerId, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------- helpers

async function sceneReady(): Promise<void> {
  await expect.poll(() => page.getByTestId('heap-canvas').getAttribute('data-ready'), { timeout: 20_000 }).toBe('true');
}

/** The scene's canvas at its current step, once its animation into the step has played out. */
async function shoot(name: string): Promise<void> {
  await page.waitForTimeout(MAX_STEP_MS + 300);
  await page.getByTestId('heap-canvas').screenshot({ path: path.join(shots, name) });
}

async function expectReveal(correct: boolean, answer: Answer): Promise<void> {
  const reveal = page.getByTestId('reveal');
  await expect.poll(() => reveal.getAttribute('data-correct'), { timeout: 15_000 }).toBe(String(correct));
  const key = await page.getByTestId('key').textContent();
  if (answer.kind === 'number') expect(key).toBe(String(answer.value));
  if (answer.kind === 'yesno') expect(key).toBe(answer.value ? 'Yes' : 'No');
  // The explanation is filled from the run: no placeholder is left.
  expect(await page.getByTestId('explanation').textContent()).not.toMatch(/\{[a-z]+\}/);
}

async function next(): Promise<void> {
  await page.getByTestId('next-question').click();
}

async function answerYesNo(value: boolean): Promise<void> {
  await page.getByTestId(value ? 'answer-yes' : 'answer-no').click();
}

/** Checks the score card against lib/levels/scoring for what was played; the time bonus is the server's. */
async function expectScore(levelId: string, results: CheckpointResult[]): Promise<number> {
  await expect.poll(() => page.getByTestId('score-card').isVisible(), { timeout: 30_000 }).toBe(true);
  const level = levels.find((l) => l.id === levelId)!;
  const expected = scoreLevel({ difficulty: level.difficulty, checkpoints: results, elapsedMs: 0 });
  const card = page.getByTestId('score-card');
  expect(Number(await card.getAttribute('data-stars'))).toBe(expected.stars);
  const score = Number(await card.getAttribute('data-score'));
  expect(score).toBeGreaterThanOrEqual(expected.accuracy);
  expect(score).toBeLessThanOrEqual(expected.score);
  expect(await page.getByTestId('score').textContent()).toBe(String(score));
  return score;
}

const scores = new Map<string, number>();

// ---------------------------------------------------------------- the plays

describe('solo play', () => {
  it('shows the map: the first topic open, the last locked, and a way in', async () => {
    await page.goto(`${server.url}/play`);
    expect(await page.getByTestId(`level-${PLAYED[0]}`).getAttribute('data-locked')).toBe('false');
    expect(await page.getByTestId(`level-${PLAYED[2]}`).getAttribute('data-locked')).toBe('true');
    expect(await page.getByTestId('continue').getAttribute('href')).toBe(`/play/${PLAYED[0]}`);
    // A locked level refuses to open, on the page and at the route.
    await page.goto(`${server.url}/play/${PLAYED[2]}`);
    expect(await page.getByTestId('locked').isVisible()).toBe(true);
    const refused = await page.request.post(`${server.url}/api/progress/plays`, { data: { levelId: PLAYED[2] } });
    expect(refused.status()).toBe(403);
  });

  it('plays a level by clicking heap objects in the Pixi scene, then yes/no questions with a hint', async () => {
    const r = run('objects-names');
    const [pick, second, third] = r.key.checkpoints.map((c) => c.answer);
    if (pick!.kind !== 'pick' || second!.kind !== 'yesno' || third!.kind !== 'yesno') throw new Error('objects-names changed its question kinds');

    await page.goto(`${server.url}/play/objects-names`);
    await waitForQuestion(page, 0);
    await sceneReady();
    expect(await page.getByTestId('question').getAttribute('data-kind')).toBe('pick');
    // The program's current line: the scene stands after line 3 ran, so line 4 is next.
    expect(await page.locator('[data-testid="program"] li[aria-current="step"]').getAttribute('data-line')).toBe(String(r.steps[r.stops[0]!.pause]!.frames.at(-1)!.line));

    // Click the right objects in the canvas through their hit targets, and one wrong one twice (on, off).
    const wrong = pick!.candidates.find((c) => !pick!.ids.includes(c.id))!;
    await page.getByTestId(`heap-object-${wrong.id}`).click();
    expect(await page.getByTestId(`heap-object-${wrong.id}`).getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId(`heap-object-${wrong.id}`).click();
    for (const id of pick!.ids) await page.getByTestId(`heap-object-${id}`).click();
    for (const id of pick!.ids) expect(await page.getByTestId(`heap-object-${id}`).getAttribute('aria-pressed')).toBe('true');
    await shoot('play-scene-1-picked.png');
    await page.getByTestId('submit-answer').click();
    await expectReveal(true, pick!);
    await next();

    // Second question: answered wrong on purpose; a yes/no question shows its key at once.
    await waitForQuestion(page, 1);
    await answerYesNo(!second!.value);
    await expectReveal(false, second!);
    await next();

    // Third: a hint first (it costs points), then right.
    await waitForQuestion(page, 2);
    await page.getByTestId('hint-button').click();
    const hint = levels.find((l) => l.id === 'objects-names')!.checkpoints[2]!.question.hint.replaceAll('`', '');
    await expect.poll(() => page.getByTestId('hint').textContent()).toContain(hint);
    await answerYesNo(third!.value);
    await expectReveal(true, third!);
    await next();

    scores.set(
      'objects-names',
      await expectScore('objects-names', [
        { attempts: 1, solved: true, hintUsed: false },
        { attempts: 1, solved: false, hintUsed: false },
        { attempts: 1, solved: true, hintUsed: true },
      ]),
    );
    expect(await page.getByTestId('next-level').getAttribute('href')).toBe('/play/objects-ints');
  });

  it('plays an order question by moving lines with the keyboard-reachable arrows', async () => {
    const r = run('gc-weakref-callbacks');
    const [order, after] = r.key.checkpoints.map((c) => c.answer);
    if (order!.kind !== 'order' || after!.kind !== 'yesno') throw new Error('gc-weakref-callbacks changed its question kinds');

    await page.goto(`${server.url}/play/gc-weakref-callbacks`);
    await waitForQuestion(page, 0);
    await sceneReady();
    await shoot('play-scene-2-before-del.png');
    // Sort the offered items into the key's order, one arrow press at a time.
    for (let target = 0; target < order!.items.length; target++) {
      const items = async () => (await page.getByTestId('order-item').locator('code').allTextContents()).map((t) => t.trim());
      let at = (await items()).indexOf(order!.items[target]!);
      while (at > target) {
        await page.getByRole('button', { name: `Move “${order!.items[target]}” up` }).click();
        at--;
      }
      expect((await items())[target]).toBe(order!.items[target]);
    }
    await page.getByTestId('submit-answer').click();
    await expectReveal(true, order!);
    // The scene walks through the line's run: the callbacks and the death of the object.
    await expect.poll(() => page.getByTestId('heap-canvas').getAttribute('data-step'), { timeout: 30_000 }).toBe(String(r.stops[0]!.windowEnd));
    await shoot('play-scene-3-after-del.png');
    await page.screenshot({ path: path.join(shots, 'play-reveal.png'), fullPage: true });
    await next();
    await waitForQuestion(page, 1);
    await answerYesNo(after!.value);
    await expectReveal(true, after!);
    await next();
    scores.set('gc-weakref-callbacks', await expectScore('gc-weakref-callbacks', [{ attempts: 1, solved: true, hintUsed: false }, { attempts: 1, solved: true, hintUsed: false }]));
  });

  it('opens the last topic once the one before is passed, and plays a which-version question', async () => {
    const r = run('versions-threshold');
    const [version] = r.key.checkpoints.map((c) => c.answer);
    if (version!.kind !== 'version') throw new Error('versions-threshold changed its question kind');

    await page.goto(`${server.url}/play`);
    expect(await page.getByTestId('level-versions-threshold').getAttribute('data-locked')).toBe('false');
    await page.getByTestId('level-versions-threshold').click();
    await waitForQuestion(page, 0);
    expect(await page.getByTestId('shown-output').textContent()).toBe(version!.shown);
    for (const p of version!.profiles) await page.getByTestId(`version-${p}`).check();
    await page.getByTestId('submit-answer').click();
    await expectReveal(true, version!);
    await next();
    scores.set('versions-threshold', await expectScore('versions-threshold', [{ attempts: 1, solved: true, hintUsed: false }]));
  });

  it('resumes a half-played level at its next question after a reload', async () => {
    const r = run(HALF_PLAYED);
    const first = r.key.checkpoints[0]!.answer;
    if (first.kind !== 'number') throw new Error(`${HALF_PLAYED} changed its first question kind`);
    await page.goto(`${server.url}/play/${HALF_PLAYED}`);
    await waitForQuestion(page, 0);
    // Wrong first: the key stays hidden and a second try is offered; then right, by Enter.
    await page.getByTestId('answer-number').fill(String(first.value + 1));
    await page.getByTestId('answer-number').press('Enter');
    await expect.poll(() => page.getByTestId('try-again').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByTestId('reveal').count()).toBe(0);
    await page.getByTestId('answer-number').fill(String(first.value));
    await page.getByTestId('answer-number').press('Enter');
    await expectReveal(true, first);
    await next();
    await waitForQuestion(page, 1);

    await page.reload();
    await waitForQuestion(page, 1);
    expect(await page.getByTestId('progress').textContent()).toContain(`question 2 of ${r.level.checkpoints.length}`);
    expect(await page.getByTestId('reveal').count()).toBe(0);
  });

  it('keeps stars, best scores and the place to continue across a reload and a server restart', async () => {
    const check = async () => {
      await page.goto(`${server.url}/play`);
      expect(await page.getByTestId('level-objects-names').getAttribute('data-stars')).toBe('2');
      expect(await page.getByTestId('level-gc-weakref-callbacks').getAttribute('data-stars')).toBe('3');
      expect(await page.getByTestId('level-versions-threshold').getAttribute('data-stars')).toBe('3');
      for (const [id, score] of scores) expect(await page.getByTestId(`level-${id}`).textContent()).toContain(`best ${score}`);
      expect(await page.getByTestId('continue').getAttribute('href')).toBe(`/play/${HALF_PLAYED}`);
      expect(await page.getByTestId('continue').textContent()).toContain('question 2 of');
    };
    await check();
    await page.reload();
    await check();
    await server.stop();
    server = await startServer({ PORT: String(port), HEAPQUEST_DATA_DIR: dataDir });
    await check();
  });

  it('works on a phone-sized screen: the map and a question fit without sideways scrolling', async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    await phone.addCookies([{ name: 'hq_player', value: playerId, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
    const p = await phone.newPage();
    try {
      const fits = () => p.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
      await p.goto(`${server.url}/play`);
      expect(await fits()).toBe(true);
      await p.goto(`${server.url}/play/${HALF_PLAYED}`);
      await expect.poll(() => p.locator('[data-testid="question"]').isVisible(), { timeout: 30_000 }).toBe(true);
      await expect.poll(() => p.getByTestId('heap-canvas').getAttribute('data-ready'), { timeout: 20_000 }).toBe('true');
      await p.waitForTimeout(MAX_STEP_MS);
      expect(await fits()).toBe(true);
      await p.screenshot({ path: path.join(shots, 'play-phone.png'), fullPage: true });
    } finally {
      await phone.close();
    }
  });
});
