// How long the drawn scene takes to jump between steps of the 300-object heap in Debian's
// Chromium: `npx tsx lib/scene/dev/browser-bench.ts` (PROFILE=1 adds the top self-time
// functions, from a non-minified build). Prints figures; asserts nothing.

import { launchChromium } from '../../../tests/chromium';
import { serveHarness } from './serve';

const profile = process.env.PROFILE === '1';
if (profile) process.env.SCENE_HARNESS_MINIFY = '0';
const harness = await serveHarness();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 760 } });
  const t0 = Date.now();
  await page.goto(`${harness.url}?fixture=big&step=29`);
  await page.waitForSelector('[data-testid="heap-canvas"][data-ready="true"]');
  console.log(`page load to first drawn 300-object step: ${Date.now() - t0} ms`);
  const renderer = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'no WebGL';
  });
  console.log(`WebGL here: ${renderer}`);
  const cdp = profile ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  const times: number[] = [];
  for (const key of ['ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'End', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft']) {
    times.push(
      await page.evaluate(async (k) => {
        const t = performance.now();
        document.querySelector('.hq-scene')!.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return performance.now() - t;
      }, key),
    );
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`jump to a step and draw it (two frames): median ${sorted[sorted.length >> 1]!.toFixed(1)} ms, max ${sorted[sorted.length - 1]!.toFixed(1)} ms over ${times.length}`);
  if (cdp) {
    const { profile: p } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    p.samples.forEach((s, i) => {
      const n = byId.get(s)!;
      const k = `${n.callFrame.functionName || '(anonymous)'}:${n.callFrame.lineNumber}`;
      self.set(k, (self.get(k) ?? 0) + (p.timeDeltas[i] ?? 0));
    });
    for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${(t / 1000).toFixed(1).padStart(8)} ms  ${k}`);
  }
} finally {
  await browser.close();
  await harness.close();
}
