// The level catalog for code that Next.js bundles (pages, route handlers): use this, not
// lib/levels/catalog directly, from anything under app/.
//
// Why not a plain import: the level loader names its folder with
// `new URL('../../levels', import.meta.url)`, which Turbopack tries (and fails) to bundle as an
// asset, and the engine has no business inside Next's bundles. server.ts runs under tsx, so
// this process imports TypeScript natively: the catalog loads in server.ts's own module graph,
// the way lib/realtime/live-runtime.ts loads the live playlists, and the bundler never sees it.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Catalog } from '../levels/catalog';

export async function serverCatalog(): Promise<Catalog> {
  const file = pathToFileURL(path.join(process.cwd(), 'lib', 'levels', 'catalog.ts')).href;
  const mod = (await import(/* turbopackIgnore: true */ /* webpackIgnore: true */ file)) as typeof import('../levels/catalog');
  return mod.levelCatalog();
}
