// The curriculum the progress views measure against: the server's level catalog, loaded the
// one way pages may load it (lib/progress/catalog-loader.ts: outside Next's bundles).
import type { Curriculum } from '../levels/curriculum';
import { serverCatalog } from '../progress/catalog-loader';

export async function serverCurriculum(): Promise<Curriculum> {
  return (await serverCatalog()).curriculum;
}

/** Level titles by id (a level removed from the catalog shows its id). */
export function levelTitles(curriculum: Curriculum): (id: string) => string {
  const titles = new Map(curriculum.flatMap((t) => t.levels.map((l) => [l.id, l.title] as const)));
  return (id) => titles.get(id) ?? id;
}
