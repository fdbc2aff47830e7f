// The shipped curriculum: it loads, it covers what NOTES.md asks for, and its texts follow
// the rules the schema cannot see.

import { describe, expect, it } from 'vitest';
import { buildCurriculum } from '../../lib/levels/curriculum';
import { LEVELS_ROOT, loadLevelFiles } from '../../lib/levels/load-fs';
import { TOPICS } from '../../lib/levels/topics';

const loaded = loadLevelFiles(LEVELS_ROOT);
const levels = loaded.map((l) => l.level);
/** The nine topics of /work/shared/seed/NOTES.md; myths and versions are extra chapters. */
const NOTES_TOPICS = ['objects', 'refcount', 'sharing', 'gc', 'profiling', 'copy', 'passing', 'pooling', 'structures'];

describe('the curriculum in levels/', () => {
  it('has at least 45 levels, at least 4 in each NOTES.md topic, and myth and version chapters', () => {
    expect(levels.length).toBeGreaterThanOrEqual(45);
    const counts = Object.fromEntries(TOPICS.map((t) => [t.id, levels.filter((l) => l.topic === t.id).length]));
    for (const topic of NOTES_TOPICS) expect(counts[topic], topic).toBeGreaterThanOrEqual(4);
    expect(counts.myths).toBeGreaterThanOrEqual(4);
    expect(counts.versions).toBeGreaterThanOrEqual(4);
  });

  it('uses every question kind, and every version level asks a version question', () => {
    const kinds = new Set(levels.flatMap((l) => l.checkpoints.map((c) => c.question.kind)));
    expect([...kinds].sort()).toEqual(['number', 'order', 'pick', 'version', 'yesno']);
    for (const l of levels.filter((x) => x.topic === 'versions')) {
      expect(l.checkpoints.some((c) => c.question.kind === 'version'), l.id).toBe(true);
    }
  });

  it('runs from first steps to hard inside each topic', () => {
    for (const topic of buildCurriculum(levels)) {
      const d = topic.levels.map((l) => l.difficulty);
      expect(d[0], topic.id).toBeLessThanOrEqual(2);
      expect(Math.max(...d), topic.id).toBeGreaterThanOrEqual(3);
      // Never a drop of more than one step: the path may breathe, but not fall back to the start.
      d.forEach((x, i) => i > 0 && expect(x, `${topic.id} level ${i + 1}`).toBeGreaterThanOrEqual(d[i - 1]! - 1));
    }
  });

  it('keeps programs within the subset a level may use', () => {
    const allowedModules = new Set(['sys', 'gc', 'copy', 'weakref']);
    for (const { level, programFile } of loaded) {
      for (const m of level.program.matchAll(/^\s*(?:import|from)\s+([\w, ]+)/gm)) {
        for (const name of m[1]!.split(',').map((s) => s.trim().split(/\s+/)[0]!)) {
          expect(allowedModules.has(name), `${programFile} imports ${name}`).toBe(true);
        }
      }
      expect(level.program.split('\n').length, `${programFile} is short enough to read`).toBeLessThanOrEqual(25);
    }
  });
});
