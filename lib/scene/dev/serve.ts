// Builds the scene harness (harness.tsx) with esbuild and serves it on a free localhost
// port. Used by screenshot.ts and by the scene's browser test; never by the app.

import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Harness {
  readonly url: string;
  close(): Promise<void>;
}

export async function serveHarness(): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'scene-harness-'));
  await build({
    entryPoints: [fileURLToPath(new URL('./harness.tsx', import.meta.url))],
    bundle: true,
    format: 'esm',
    outfile: join(dir, 'harness.js'),
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    minify: process.env.SCENE_HARNESS_MINIFY !== '0',
    logLevel: 'warning',
  });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>scene harness</title><link rel="icon" href="data:,"></head><body style="margin:0"><div id="root"></div><script type="module" src="/harness.js"></script></body></html>',
  );
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const file = path === '/' ? 'index.html' : path.slice(1);
    if (file !== 'index.html' && file !== 'harness.js') return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html' });
    res.end(readFileSync(join(dir, file)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        rmSync(dir, { recursive: true, force: true });
      }),
  };
}
