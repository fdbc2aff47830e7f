// The curriculum the progress views measure against: the catalog server.ts loaded
// (lib/server-context.ts).
import type { Curriculum } from '../levels/curriculum';
import { serverContext } from '../server-context';

export async function serverCurriculum(): Promise<Curriculum> {
  return (await serverContext().catalog()).curriculum;
}

/** Level titles by id (a level removed from the catalog shows its id). */
export function levelTitles(curriculum: Curriculum): (id: string) => string {
  const titles = new Map(curriculum.flatMap((t) => t.levels.map((l) => [l.id, l.title] as const)));
  return (id) => titles.get(id) ?? id;
}
