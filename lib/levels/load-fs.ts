// Reads the `levels/` folder: one `NN-slug.json` (everything but the program) beside one
// `NN-slug.py` (the program) per level, in a folder named after the level's topic.
//
// Why two files: the program stays real Python that CPython runs unchanged (CI does exactly
// that), editors highlight it, and a checkpoint's line number is the line an editor shows.
// Node only; the browser gets levels already validated by the server.

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { LevelError, problem } from './errors';
import { type LevelSource, validateLevel, validateLevels } from './load';
import type { Level } from './schema';
import { TOPIC_IDS, isTopicId } from './topics';

const LEVEL_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.(json|py)$/;

export interface LoadedLevel extends LevelSource {
  /** The program's file, as shown in messages (e.g. `levels/gc/01-cycle.py`). */
  readonly programFile: string;
  /** Absolute path of the program, for running it in CPython. */
  readonly programPath: string;
}

/** Loads and validates every level under `root`; throws one LevelError listing every problem. */
export function loadLevelFiles(root: string): LoadedLevel[] {
  const shown = basename(root);
  const problems: string[] = [];
  const loaded: LoadedLevel[] = [];

  for (const entry of readdirSync(root).sort()) {
    const full = join(root, entry);
    if (!statSync(full).isDirectory()) {
      if (!entry.endsWith('.md')) problems.push(problem(`${shown}/${entry}`, '', 'levels live in topic folders; move this file into one'));
      continue;
    }
    if (!isTopicId(entry)) {
      problems.push(problem(`${shown}/${entry}`, '', `not a topic; topic folders are ${TOPIC_IDS.join(', ')}`));
      continue;
    }
    const files = readdirSync(full).sort();
    for (const file of files) {
      const fileName = `${shown}/${entry}/${file}`;
      if (file.endsWith('.md')) continue;
      const m = LEVEL_FILE.exec(file);
      if (m === null) {
        problems.push(problem(fileName, '', 'a level file is named NN-slug.json with its program in NN-slug.py'));
        continue;
      }
      const stem = `${m[1]}-${m[2]}`;
      if (m[3] === 'py') {
        if (!files.includes(`${stem}.json`)) problems.push(problem(fileName, '', `has no ${stem}.json beside it`));
        continue;
      }
      const programFile = `${shown}/${entry}/${stem}.py`;
      const programPath = join(full, `${stem}.py`);
      let meta: unknown;
      try {
        meta = JSON.parse(readFileSync(join(full, file), 'utf8'));
      } catch (e) {
        problems.push(problem(fileName, '', `is not valid JSON: ${(e as Error).message}`));
        continue;
      }
      if (meta === null || typeof meta !== 'object' || Array.isArray(meta)) {
        problems.push(problem(fileName, '', 'must hold one JSON object'));
        continue;
      }
      if ('program' in meta) {
        problems.push(problem(fileName, 'program', `the program lives in ${stem}.py beside this file; remove this field`));
        continue;
      }
      if (!existsSync(programPath)) {
        problems.push(problem(fileName, 'program', `${stem}.py is missing beside this file`));
        continue;
      }
      const data = { ...meta, program: readFileSync(programPath, 'utf8') };
      let level: Level;
      try {
        level = validateLevel(fileName, data, { programFile });
      } catch (e) {
        if (e instanceof LevelError) {
          problems.push(...e.problems);
          continue;
        }
        throw e;
      }
      if (level.topic !== entry) problems.push(problem(fileName, 'topic', `is "${level.topic}" but the file is in the "${entry}" folder`));
      if (level.order !== Number(m[1])) problems.push(problem(fileName, 'order', `is ${level.order} but the file name starts with ${m[1]}`));
      loaded.push({ fileName, level, programFile, programPath });
    }
  }
  try {
    validateLevels(loaded);
  } catch (e) {
    if (e instanceof LevelError) problems.push(...e.problems);
    else throw e;
  }
  if (problems.length > 0) throw new LevelError(problems);
  return loaded;
}

/**
 * The repository's own levels folder. Every entry point (server.ts, scripts, tests) runs from the
 * repository root, and Next's bundler cannot follow `new URL(..., import.meta.url)` to a folder,
 * so the root is the working directory.
 */
export const LEVELS_ROOT = resolve(process.cwd(), 'levels');
