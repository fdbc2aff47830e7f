// The differential corpus: every `programs/<topic>/<name>.py` under this folder.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Program {
  /** `<topic>/<name>.py`, stable across machines: the id used in reports. */
  readonly id: string;
  readonly topic: string;
  readonly path: string;
  readonly source: string;
}

export const PROGRAMS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'programs');

export function loadCorpus(filters: readonly string[] = []): Program[] {
  const programs: Program[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.py')) {
        const id = relative(PROGRAMS_DIR, full).split(sep).join('/');
        programs.push({ id, topic: id.split('/')[0], path: full, source: readFileSync(full, 'utf8') });
      }
    }
  };
  walk(PROGRAMS_DIR);
  return filters.length === 0 ? programs : programs.filter((p) => filters.some((f) => p.id.includes(f)));
}
