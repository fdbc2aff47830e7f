// HeapScene in real Chromium (Debian's, no download), on the dev harness: the canvas draws
// under every hit target, clicks pick objects, a drag pans without picking, the keyboard
// steps and plays, and the text view tells the same heap.

import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { CHROMIUM_PATH as CHROMIUM, launchChromium } from '../../tests/chromium';
import { serveHarness, type Harness } from './dev/serve';

const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && process.env.CI === 'true') throw new Error(`${CHROMIUM} is missing: install Debian's chromium package`);
if (!haveBrowser) console.warn(`skipping the scene's browser tests: ${CHROMIUM} is missing (apt-get install chromium)`);

const BACKGROUND = [0xfa, 0xfa, 0xf7];

/** Pixel colours of the Pixi canvas at page points, read back from its drawing buffer. */
async function canvasPixels(page: Page, points: readonly { x: number; y: number }[]): Promise<number[][]> {
  return page.evaluate((pts) => {
    const canvas = document.querySelector('[data-testid="heap-canvas"] canvas') as HTMLCanvasElement;
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d')!;
    ctx.drawImage(canvas, 0, 0);
    const r = canvas.getBoundingClientRect();
    const k = canvas.width / r.width;
    return pts.map((p) => [...ctx.getImageData(Math.round((p.x - r.left) * k), Math.round((p.y - r.top) * k), 1, 1).data.slice(0, 3)]);
  }, points);
}

async function open(page: Page, harness: Harness, query: string): Promise<void> {
  await page.goto(`${harness.url}?${query}`);
  await page.waitForSelector('[data-testid="heap-canvas"][data-ready="true"]', { timeout: 30_000 });
  await page.waitForTimeout(150);
}

const step = (page: Page): Promise<string | null> => page.getAttribute('[data-testid="heap-canvas"]', 'data-step');

// Generous limits: a shared 2-core machine under load can take seconds to start Chromium.
describe.skipIf(!haveBrowser)('HeapScene in Chromium', { timeout: 60_000 }, () => {
  let harness: Harness;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    harness = await serveHarness();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    page.setDefaultTimeout(20_000);
    page.on('pageerror', (e) => errors.push(e.message));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await harness?.close();
  });

  it('draws a box under every hit target, and nothing where there is no object', async () => {
    await open(page, harness, 'fixture=two&step=1');
    const ids = await page.$$eval('[data-testid^="heap-object-"]', (els) => els.map((e) => e.getAttribute('data-testid')));
    expect(ids.sort()).toEqual(['heap-object-1', 'heap-object-10', 'heap-object-2']);
    const centres = [];
    for (const id of ids) {
      const b = (await page.getByTestId(id!).boundingBox())!;
      expect(b.width).toBeGreaterThan(20);
      centres.push({ x: b.x + b.width / 2, y: b.y + b.height * 0.75 });
    }
    const canvas = (await page.getByTestId('heap-canvas').boundingBox())!;
    const pixels = await canvasPixels(page, [...centres, { x: canvas.x + canvas.width - 4, y: canvas.y + canvas.height / 2 }]);
    for (const p of pixels.slice(0, -1)) expect(p).not.toEqual(BACKGROUND);
    expect(pixels[pixels.length - 1]).toEqual(BACKGROUND);
    expect(await page.getByTestId('heap-object-10').getAttribute('aria-label')).toContain('refcount 2');
    expect(errors).toEqual([]);
  });

  it('a click picks an object; a drag pans the view and picks nothing', async () => {
    await open(page, harness, 'fixture=two&step=1');
    await page.getByTestId('heap-object-10').click();
    await expect.poll(() => page.getByTestId('picked').textContent()).toBe('10');
    expect(await page.getByTestId('heap-object-10').getAttribute('aria-pressed')).toBe('true');

    const before = (await page.getByTestId('heap-object-1').boundingBox())!;
    await page.mouse.move(before.x + 10, before.y + 10);
    await page.mouse.down();
    await page.mouse.move(before.x - 40, before.y + 30, { steps: 5 });
    await page.mouse.up();
    const after = (await page.getByTestId('heap-object-1').boundingBox())!;
    expect(after.x).toBeCloseTo(before.x - 50, 0);
    expect(after.y).toBeCloseTo(before.y + 20, 0);
    expect(await page.getByTestId('picked').textContent()).toBe('10');
  });

  it('the wheel zooms around the pointer', async () => {
    await open(page, harness, 'fixture=two&step=1');
    const before = (await page.getByTestId('heap-object-10').boundingBox())!;
    await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2);
    await page.mouse.wheel(0, -300);
    await page.waitForTimeout(100);
    const after = (await page.getByTestId('heap-object-10').boundingBox())!;
    expect(after.width / before.width).toBeGreaterThan(1.3);
    // The point under the pointer stays put.
    expect(after.x + after.width / 2).toBeCloseTo(before.x + before.width / 2, 0);
  });

  it('the keyboard steps, jumps and plays; stepping back brings a freed object back', async () => {
    await open(page, harness, 'fixture=two&step=0&speed=4');
    await page.getByRole('region', { name: 'Heap scene' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await step(page)).toBe('1');
    expect(await page.getByTestId('heap-announcement').textContent()).toBe('Step 2 of 4, line 2. list #10: refcount 1 → 2');
    await page.keyboard.press('End');
    expect(await step(page)).toBe('3');
    expect(await page.getByTestId('heap-object-10').count()).toBe(0);
    await page.keyboard.press('ArrowLeft');
    expect(await step(page)).toBe('2');
    await expect.poll(() => page.getByTestId('heap-object-10').count()).toBe(1);
    await page.keyboard.press('Home');
    expect(await step(page)).toBe('0');
    await page.keyboard.press(' ');
    await expect.poll(() => step(page), { timeout: 15_000 }).toBe('3');
    await expect.poll(() => page.getByRole('button', { name: 'Play' }).count()).toBe(1);
    expect(errors).toEqual([]);
  });

  it('Space plays from the scrubber too, whose arrows step once', async () => {
    await open(page, harness, 'fixture=two&step=0&speed=4');
    await page.getByRole('slider', { name: 'Step' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await step(page)).toBe('1');
    await page.keyboard.press(' ');
    await expect.poll(() => step(page), { timeout: 15_000 }).toBe('3');
  });

  it('keyboard works from anywhere on the page when the scene asks for it', async () => {
    await open(page, harness, 'fixture=two&step=0');
    await page.mouse.click(5, 690);
    await page.keyboard.press('ArrowRight');
    expect(await step(page)).toBe('1');
  });

  it('the text view names the variables, the objects and their counts', async () => {
    await open(page, harness, 'fixture=two&step=1');
    await page.getByRole('button', { name: 'Text view' }).click();
    const text = await page.getByTestId('heap-text').textContent();
    expect(text).toContain('a → list #10 [1, 2]; b → list #10 [1, 2]');
    expect(text).toContain('list #10 [1, 2]; refcount 2; tracked in generation 0');
    expect(text).toContain('int #1 1; immortal');
  });

  it('shows the collector at work: gc_refs and the unreachable cycle, mid-animation', async () => {
    await open(page, harness, 'fixture=cycle&step=2');
    await page.getByRole('button', { name: 'Step forward' }).click();
    await expect.poll(() => page.locator('.hq-gc-now').allTextContents(), { timeout: 8000 }).toEqual(['move_unreachable']);
    await expect.poll(() => step(page)).toBe('3');
    await expect.poll(() => page.locator('.hq-gc').count(), { timeout: 10_000 }).toBe(0);
    expect(await page.getByTestId('heap-object-20').count()).toBe(0);
  });
});
