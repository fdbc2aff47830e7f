// `npm run bench:playground`: a program of about 1,000,000 steps in the playground, in
// Chromium against the production build (built first when stale, as the browser tests do).
// Prints: time from Run to the first drawn frame of the heap, time to the end of the trace
// (every step indexed on the page), the page's peak JS heap while it streams (CDP
// Performance.getMetrics, sampled every 50 ms; the engine workers have heaps of their own and
// are not counted), what the page holds at the end, and the time to show the exact step 900,000
// (a re-run in a worker). Figures only; behaviour is asserted by tests/e2e/playground.test.ts.

import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startServer } from '../tests/e2e/server';
import { launchChromium } from '../tests/chromium';

// Two trace steps per iteration (the `for` line, then its body), plus the lines around it.
const ITERATIONS = 499_990;
const PROGRAM = `total = 0\nfor i in range(${ITERATIONS}):\n    total += i\nprint(total)\n`;
const SEEK_TO = 900_000;

const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync(path.join(root, 'scripts/build-if-stale.sh'), { stdio: 'inherit' });

const dir = await mkdtemp(path.join(tmpdir(), 'heapquest-bench-playground-'));
const server = await startServer({ PORT: String(await freePort()), HEAPQUEST_DATA_DIR: path.join(dir, 'data') });
const browser = await launchChromium(['--enable-precise-memory-info']);

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(`${server.url}/playground`);
  const editor = page.locator('.cm-content');
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(PROGRAM);

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const heapNow = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
  await cdp.send('HeapProfiler.collectGarbage');
  const baseline = await heapNow();
  let peak = baseline;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await heapNow());
      await new Promise((r) => setTimeout(r, 50));
    }
  })();

  const started = Date.now();
  await page.getByTestId('run').click();
  // The first frame: the scene's canvas is ready with the first step's objects on it.
  await page.locator('[data-testid=heap-canvas][data-ready=true]').waitFor({ timeout: 120_000 });
  await page.locator('.hq-hit').first().waitFor({ timeout: 120_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const firstFrameMs = Date.now() - started;
  await page.locator('[data-testid=playground][data-run-status=done]').waitFor({ timeout: 600_000 });
  const endMs = Date.now() - started;
  const steps = Number(await page.getByTestId('playground').getAttribute('data-steps'));
  const outcome = await page.getByTestId('run-outcome').textContent();
  // Let the page settle, then sample a little longer (the last batches are being drawn).
  await page.waitForTimeout(500);
  sampling = false;
  await sampler;
  await cdp.send('HeapProfiler.collectGarbage');
  const settled = await heapNow();

  // Far away: the keyframe shows at once, the exact step comes from a re-run in a worker.
  const seekStarted = Date.now();
  await page.getByTestId('scrub').fill(String(SEEK_TO));
  await page.locator(`[data-testid=scene-at][data-step="${SEEK_TO}"]`).waitFor({ timeout: 120_000 });
  const keyframeMs = Date.now() - seekStarted;
  await page.getByTestId('computing').waitFor({ state: 'detached', timeout: 600_000 });
  const exactMs = Date.now() - seekStarted;

  const mb = (b: number) => `${(b / 1048576).toFixed(1)} MB`;
  console.log(`bench:playground — ${steps.toLocaleString('en-US')} steps (${outcome?.trim()})`);
  console.log(`  time to the first drawn frame   ${firstFrameMs} ms`);
  console.log(`  time to the end of the trace    ${endMs} ms`);
  console.log(`  page JS heap: before ${mb(baseline)}, peak while streaming ${mb(peak)}, after (GC) ${mb(settled)}`);
  console.log(`  scrub to step ${SEEK_TO.toLocaleString('en-US')}: keyframe shown in ${keyframeMs} ms, exact window (re-run) in ${exactMs} ms`);
  console.log(`  machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
} finally {
  await browser.close();
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
