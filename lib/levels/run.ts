// One level, run once through the engine: its answer keys, its trace (the scene's animation)
// and where in that trace each checkpoint stops. No files: the catalog (catalog.ts) runs the
// repository's levels with it, solo play and live sessions a teacher's level.

import type { TraceStep } from '../../engine/trace';
import { deriveAnswerKeys, WindowSink, type LevelKey, type Runner } from './answer-key';
import { LevelError, problem } from './errors';
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
