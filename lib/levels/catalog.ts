// The levels as a server holds them: loaded and validated once per process, and for each
// level, on first use, one engine run that gives its answer keys, its trace (the scene's
// animation) and where in that trace each checkpoint stops. Keys never leave this side
// except through a reveal (lib/progress/view.ts decides what a player may see).
//
// Pages and route handlers get it through serverContext().catalog() (lib/server-context.ts):
// Next's bundler cannot bundle the level loader this file imports.

import { runProgram } from '../../engine/index';
import type { TraceStep } from '../../engine/trace';
import { deriveAnswerKeys, WindowSink, type LevelKey, type Runner } from './answer-key';
import { buildCurriculum, type Curriculum } from './curriculum';
import { LevelError, problem } from './errors';
import { LEVELS_ROOT, loadLevelFiles, type LoadedLevel } from './load-fs';
import type { Level, ProbeRead } from './schema';

/**
 * Probes that read the heap after the line ran ("click every object line 3 created"): the
 * question is asked once the line has run, so the objects are there to click.
 * Every other question is asked before its line runs.
 */
const ASKED_AFTER: ReadonlySet<ProbeRead> = new Set<ProbeRead>(['created', 'shared']);

export interface CheckpointStop {
  /** Last trace step on screen while the question is open; -1 when no line has run yet. */
  readonly pause: number;
  /** Last step of the checkpoint line's own run (with the calls it made): what the explanation describes. */
  readonly windowEnd: number;
}

export interface LevelRun {
  readonly level: Level;
  readonly key: LevelKey;
  /** Every step of the run in the level's profile. */
  readonly steps: readonly TraceStep[];
  readonly stops: readonly CheckpointStop[];
}

/** Runs a level once and derives its keys, trace and stops; throws a LevelError naming the problem. */
export function runLevel(level: Level, run: Runner, fileName: string = level.id): LevelRun {
  const steps: TraceStep[] = [];
  const teeing: Runner = (source, options) => {
    // The run in the level's own profile is the one the scene shows; others only answer version questions.
    if (options.version !== level.profile || options.trace === undefined) return run(source, options);
    const inner = options.trace;
    return run(source, { ...options, trace: { step: (s) => (steps.push(s), inner.step(s)) } });
  };
  const key = deriveAnswerKeys(level, teeing, fileName);

  const position = new Map(steps.map((s, i) => [s, i]));
  const sink = new WindowSink(level.checkpoints.map((c) => ({ line: c.line, occurrence: c.occurrence })));
  for (const s of steps) sink.step(s);
  const problems: string[] = [];
  const stops = sink.windows().map((w, i): CheckpointStop => {
    // deriveAnswerKeys already refused a checkpoint whose line never runs.
    const first = position.get(w!.steps[0]!)!;
    const windowEnd = position.get(w!.steps[w!.steps.length - 1]!)!;
    const read = level.checkpoints[i]!.question.probe.read;
    return { pause: ASKED_AFTER.has(read) ? windowEnd : first - 1, windowEnd };
  });
  stops.forEach((stop, i) => {
    const previous = stops[i - 1];
    if (previous !== undefined && stop.pause < previous.windowEnd) {
      problems.push(problem(fileName, `checkpoints[${i}]`, `its line runs before checkpoints[${i - 1}]'s line has finished; order checkpoints as the program reaches them`));
    }
  });
  if (problems.length > 0) throw new LevelError(problems);
  return { level, key, steps, stops };
}

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
