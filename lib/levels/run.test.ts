// Every shipped level as the server holds it: one engine run gives keys, trace and stops, and
// the stops make sense for a player stepping through (each question after the one before).
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../engine/index';
import { runLevel } from './run';
import { LEVELS_ROOT, loadLevelFiles } from './load-fs';

const loaded = loadLevelFiles(LEVELS_ROOT);

describe.each(loaded)('$fileName', ({ fileName, level }) => {
  it('runs once into keys, a trace and a stop per checkpoint, in play order', () => {
    const run = runLevel(level, runProgram, fileName);
    expect(run.key.checkpoints).toHaveLength(level.checkpoints.length);
    expect(run.stops).toHaveLength(level.checkpoints.length);
    run.stops.forEach((stop, i) => {
      const where = `${fileName} checkpoints[${i}]`;
      const cp = level.checkpoints[i]!;
      expect(stop.pause, where).toBeGreaterThanOrEqual(-1);
      expect(stop.pause, where).toBeLessThanOrEqual(stop.windowEnd);
      expect(stop.windowEnd, where).toBeLessThan(run.steps.length);
      // The window is the checkpoint line's run: it starts on that line.
      const first = cp.question.probe.read === 'created' || cp.question.probe.read === 'shared' ? null : run.steps[stop.pause + 1]!;
      if (first !== null) expect(first.line, where).toBe(cp.line);
      if (i > 0) expect(stop.pause, where).toBeGreaterThanOrEqual(run.stops[i - 1]!.windowEnd);
    });
  });
});

describe('runLevel', () => {
  it('asks "what did this line create" after the line ran, and "what does it print" before', () => {
    const level = loaded.find((l) => l.level.id === 'objects-names')!.level;
    const run = runLevel(level, runProgram);
    const [created, printed] = run.stops;
    expect(run.steps[created!.pause]!.line).toBe(level.checkpoints[0]!.line);
    expect(created!.pause).toBe(created!.windowEnd);
    expect(run.steps[printed!.pause + 1]!.line).toBe(level.checkpoints[1]!.line);
    expect(run.steps.slice(0, printed!.pause + 1).map((s) => s.stdout).join('')).toBe('');
  });

  it('refuses a level whose checkpoints are out of play order, naming the checkpoint', () => {
    const level = loaded.find((l) => l.level.id === 'objects-names')!.level;
    const swapped = { ...level, checkpoints: [level.checkpoints[2]!, level.checkpoints[1]!] };
    expect(() => runLevel(swapped, runProgram, 'levels/objects/01.json')).toThrow(/levels\/objects\/01\.json: checkpoints\[1\]: its line runs before/);
  });
});
