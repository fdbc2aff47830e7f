// The levels as a server holds them: loaded and validated once per process, and for each
// level, on first use, one engine run that gives its answer keys, its trace (the scene's
// animation) and where in that trace each checkpoint stops. Keys never leave this side
// except through a reveal (lib/progress/view.ts decides what a player may see).
//
// Pages and route handlers get it through serverContext().catalog() (lib/server-context.ts):
// Next's bundler cannot bundle the level loader this file imports.

import { runProgram } from '../../engine/index';
import type { Runner } from './answer-key';
import { buildCurriculum, type Curriculum } from './curriculum';
import { LEVELS_ROOT, loadLevelFiles, type LoadedLevel } from './load-fs';
import { runLevel, type LevelRun } from './run';
import type { Level } from './schema';

export interface Catalog {
  readonly levels: readonly LoadedLevel[];
  readonly curriculum: Curriculum;
  level(id: string): Level | null;
  /** The level's run, made on first request and kept; a level the engine cannot run throws its LevelError every time. */
  run(id: string): LevelRun;
}

function buildCatalog(root: string, runner: Runner): Catalog {
  const levels = loadLevelFiles(root);
  const byId = new Map(levels.map((l) => [l.level.id, l]));
  const runs = new Map<string, LevelRun | Error>();
  return {
    levels,
    curriculum: buildCurriculum(levels.map((l) => l.level)),
    level: (id) => byId.get(id)?.level ?? null,
    run(id) {
      let made = runs.get(id);
      if (made === undefined) {
        const loaded = byId.get(id);
        if (loaded === undefined) throw new RangeError(`no level has the id "${id}"`);
        try {
          made = runLevel(loaded.level, runProgram, loaded.fileName);
        } catch (e) {
          made = e instanceof Error ? e : new Error(String(e));
        }
        runs.set(id, made);
      }
      if (made instanceof Error) throw made;
      return made;
    },
  };
}

// Kept on globalThis, so every module graph of the process (server.ts's, and any that imports
// this file again) shares one catalog and runs each level once.
const CATALOG = Symbol.for('heapquest.levels.catalog');
type Holder = { [CATALOG]?: Catalog };

/** The process's catalog of the repository's levels. */
export function levelCatalog(): Catalog {
  const holder = globalThis as Holder;
  holder[CATALOG] ??= buildCatalog(LEVELS_ROOT, runProgram);
  return holder[CATALOG];
}
