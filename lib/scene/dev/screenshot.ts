// Builds the harness with esbuild, serves it on a free localhost port, and takes
// screenshots in Debian's Chromium: `npx tsx lib/scene/dev/screenshot.ts OUT_DIR [name=query ...]`.
// Each extra argument is `file=query[|key|ms]`, e.g. `gc=fixture=cycle&step=2|ArrowRight|2500`
// presses a key after the scene is ready and waits before the screenshot (mid-animation).

import { build } from 'esbuild';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const outDir = process.argv[2] ?? '/tmp/scene-shots';
const shots = process.argv.slice(3).map((a) => {
  const i = a.indexOf('=');
  const [query, key, ms] = a.slice(i + 1).split('|');
  return { file: a.slice(0, i), query: query!, key, ms: Number(ms ?? 0) };
});
if (shots.length === 0) shots.push({ file: 'two-1', query: 'fixture=two&step=1', key: undefined, ms: 0 });

const dir = mkdtempSync(join(tmpdir(), 'scene-harness-'));
await build({
  entryPoints: [new URL('./harness.tsx', import.meta.url).pathname],
  bundle: true,
  format: 'esm',
  outfile: join(dir, 'harness.js'),
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  minify: true,
  logLevel: 'warning',
});
writeFileSync(
  join(dir, 'index.html'),
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>scene harness</title></head><body style="margin:0"><div id="root"></div><script type="module" src="/harness.js"></script></body></html>',
);
const server = createServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const file = path === '/' ? 'index.html' : path.slice(1);
  try {
    const body = readFileSync(join(dir, file));
    res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;
console.log(`harness on http://127.0.0.1:${port}/`);

mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--no-first-run'],
});
try {
  const phone = process.env.PHONE === '1';
  const page = await browser.newPage({ viewport: phone ? { width: 390, height: 780 } : { width: 1000, height: 760 } });
  page.on('console', (m) => console.log(`[page] ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => console.log(`[page error] ${e.message}`));
  for (const { file, query, key, ms } of shots) {
    await page.goto(`http://127.0.0.1:${port}/?${query}`);
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
  server.close();
}
