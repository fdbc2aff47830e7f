// npm run bench:bundle — the gzipped size of the JavaScript a browser loads first for the
// solo-play routes, read from the production build's own manifests (built first when stale).
//
// First load = the shared runtime (build-manifest rootMainFiles) plus the route's client
// entry chunks (its client-reference manifest's entryJSFiles for the layout and the page).
// Chunks behind next/dynamic (the Pixi scene) are listed apart: they load after the page.
// Goal for /play: at most 350 KB gzipped.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import vm from 'node:vm';

const root = fileURLToPath(new URL('..', import.meta.url));
const next = path.join(root, '.next');
const GOAL_KB = 350;

const ROUTES = [
  { route: '/play', dir: 'play' },
  { route: '/play/[levelId]', dir: 'play/[levelId]' },
] as const;

if (process.argv.includes('--no-build')) {
  if (!existsSync(path.join(next, 'BUILD_ID'))) {
    console.error('bench:bundle: no production build in .next; run `npm run build` first');
    process.exit(1);
  }
} else {
  execFileSync(path.join(root, 'scripts', 'build-if-stale.sh'), { stdio: 'inherit' });
}

const gzipped = new Map<string, number>();
function gz(file: string): number {
  let size = gzipped.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(path.join(next, file))).length;
    gzipped.set(file, size);
  }
  return size;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The client-reference manifest is a script that assigns into globalThis.__RSC_MANIFEST. */
function clientManifest(dir: string): { entryJSFiles: Record<string, string[]> } {
  const file = path.join(next, 'server', 'app', dir, 'page_client-reference-manifest.js');
  if (!existsSync(file)) throw new Error(`bench:bundle: ${path.relative(root, file)} is missing; is ${dir} a page of this build?`);
  const sandbox = { globalThis: {} as Record<string, unknown> };
  sandbox.globalThis = sandbox as unknown as Record<string, unknown>;
  vm.runInNewContext(readFileSync(file, 'utf8'), sandbox);
  const manifests = (sandbox as unknown as { __RSC_MANIFEST: Record<string, { entryJSFiles: Record<string, string[]> }> }).__RSC_MANIFEST;
  return manifests[`/${dir}/page`]!;
}

function lazyChunks(dir: string): string[] {
  const file = path.join(next, 'server', 'app', dir, 'page', 'react-loadable-manifest.json');
  if (!existsSync(file)) return [];
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { files: string[] }>;
  return [...new Set(Object.values(manifest).flatMap((m) => m.files.filter((f) => f.endsWith('.js'))))];
}

const build = JSON.parse(readFileSync(path.join(next, 'build-manifest.json'), 'utf8')) as { rootMainFiles: string[] };
const shared = build.rootMainFiles;

console.log(`gzipped first-load JavaScript (build ${readFileSync(path.join(next, 'BUILD_ID'), 'utf8').trim()})`);
console.log(`  shared by every page: ${kb(shared.reduce((n, f) => n + gz(f), 0))} in ${shared.length} files`);
for (const { route, dir } of ROUTES) {
  const entries = clientManifest(dir).entryJSFiles;
  const own = [...new Set(Object.values(entries).flat())].filter((f) => !shared.includes(f));
  const first = [...shared, ...own];
  const total = first.reduce((n, f) => n + gz(f), 0);
  const later = lazyChunks(dir).filter((f) => !first.includes(f));
  const laterTotal = later.reduce((n, f) => n + gz(f), 0);
  const verdict = route === '/play' ? (total <= GOAL_KB * 1024 ? `  (goal ≤ ${GOAL_KB} KB: met)` : `  (goal ≤ ${GOAL_KB} KB: OVER)`) : '';
  console.log(`${route}`);
  console.log(`  first load: ${kb(total)}${verdict}`);
  console.log(`    route's own chunks: ${kb(own.reduce((n, f) => n + gz(f), 0))} in ${own.length} files`);
  if (later.length > 0) console.log(`  loaded after the page (next/dynamic, the Pixi scene): ${kb(laterTotal)} in ${later.length} files`);
}
