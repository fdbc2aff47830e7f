// Builds the harness with esbuild, serves it on a free localhost port, and takes
// screenshots in Debian's Chromium: `npx tsx lib/scene/dev/screenshot.ts OUT_DIR [name=query ...]`.
// Each extra argument is `file=query[|key|ms]`, e.g. `gc=fixture=cycle&step=2|ArrowRight|2500`
// presses a key after the scene is ready and waits before the screenshot (mid-animation).

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../../../tests/chromium';
import { serveHarness } from './serve';

const outDir = process.argv[2] ?? '/tmp/scene-shots';
interface Shot {
  readonly file: string;
  readonly query: string;
  readonly key: string | undefined;
  readonly ms: number;
}
const shots: Shot[] = process.argv.slice(3).map((a) => {
  const i = a.indexOf('=');
  const [query, key, ms] = a.slice(i + 1).split('|');
  return { file: a.slice(0, i), query: query!, key, ms: Number(ms ?? 0) };
});
if (shots.length === 0) shots.push({ file: 'two-1', query: 'fixture=two&step=1', key: undefined, ms: 0 });

const harness = await serveHarness();
console.log(`harness on ${harness.url}`);

mkdirSync(outDir, { recursive: true });
const browser = await launchChromium();
try {
  const phone = process.env.PHONE === '1';
  const page = await browser.newPage({ viewport: phone ? { width: 390, height: 780 } : { width: 1000, height: 760 } });
  page.on('console', (m) => console.log(`[page] ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
  for (const { file, query, key, ms } of shots) {
    await page.goto(`${harness.url}?${query}`);
    await page.waitForSelector('[data-testid="heap-canvas"][data-ready="true"]', { timeout: 20_000 });
    await page.waitForTimeout(Number(process.env.WAIT_MS ?? 400));
    if (key) {
      await page.keyboard.press(key);
      await page.waitForTimeout(ms);
    }
    const path = join(outDir, `${file}.png`);
    await page.screenshot({ path, fullPage: true });
    console.log(`${path}  step=${await page.getAttribute('[data-testid="heap-canvas"]', 'data-step')}`);
  }
} finally {
  await browser.close();
  await harness.close();
}
