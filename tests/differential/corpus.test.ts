// Keeps the corpus honest: every program stays inside the engine's Python subset (checked by
// CPython's own parser in subset_check.py) and is the small size the suite promises.

import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from './corpus';
import { discoverPythons } from './pythons';

const here = dirname(fileURLToPath(import.meta.url));
const programs = loadCorpus();
const python = discoverPythons().interpreters[0];

describe('differential corpus', () => {
  it('programs are 3 to 40 lines', () => {
    const outside = programs
      .map((p) => ({ id: p.id, lines: p.source.split('\n').filter((_, i, all) => i < all.length - 1 || all[i] !== '').length }))
      .filter((p) => p.lines < 3 || p.lines > 40)
      .map((p) => `${p.id}: ${p.lines} lines`);
    expect(outside).toEqual([]);
  });

  it.runIf(python !== undefined)('programs stay inside the Python subset', () => {
    let report = '';
    try {
      execFileSync(python.path, [join(here, 'subset_check.py'), ...programs.map((p) => p.path)], { encoding: 'utf8' });
    } catch (error) {
      report = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(report.split('\n').filter(Boolean)).toEqual([]);
  });
});
