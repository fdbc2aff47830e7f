// The curriculum the progress views measure against: the server's level catalog.
import type { Curriculum } from '../levels/curriculum';
import { levelCatalog } from '../levels/catalog';

export function serverCurriculum(): Curriculum {
  return levelCatalog().curriculum;
}

/** Level titles by id (a level removed from the catalog shows its id). */
export function levelTitles(curriculum: Curriculum): (id: string) => string {
  const titles = new Map(curriculum.flatMap((t) => t.levels.map((l) => [l.id, l.title] as const)));
  return (id) => titles.get(id) ?? id;
}
