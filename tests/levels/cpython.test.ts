// Every level's program, run in the real CPython of its profile (all four for levels with a
// "which version" question), must print exactly what the engine prints and exit the same way.
// The expected output is produced here, in the test run, never stored.

import { describe, expect, it } from 'vitest';
import { LEVELS_ROOT, loadLevelFiles } from '../../lib/levels/load-fs';
import type { Profile } from '../../lib/levels/schema';
import { runCPython } from '../differential/cpython';
import { PROFILES, discoverPythons } from '../differential/pythons';
import { runProgram } from '../../engine/index';

const CI = process.env.CI === 'true';
const loaded = loadLevelFiles(LEVELS_ROOT);
const { interpreters, skipped } = discoverPythons();
const pythonFor = new Map(interpreters.map((i) => [i.profile as Profile, i]));
if (skipped.length > 0) console.info(`CPython discovery for levels:\n  ${skipped.join('\n  ')}`);

function profilesOf(level: (typeof loaded)[number]['level']): readonly Profile[] {
  return level.checkpoints.some((c) => c.question.kind === 'version') ? PROFILES : [level.profile];
}

function needPython(profile: Profile, skip: (note?: string) => void) {
  const python = pythonFor.get(profile);
  if (python !== undefined) return python;
  if (CI) throw new Error(`no CPython ${profile} found, and CI needs every profile a level uses (${skipped.join('; ')})`);
  skip(`no CPython ${profile} on this machine`);
  throw new Error('unreachable');
}

describe.each(loaded)('$programFile', ({ level, programPath }) => {
  it.for(profilesOf(level))('runs cleanly in CPython %s and prints what the engine prints', async (profile, ctx) => {
    const python = needPython(profile, (note) => ctx.skip(note));
    const cpython = await runCPython(python, programPath);
    // A level program must run to the end without warnings, and print nothing that carries an address.
    expect({ exitCode: cpython.exitCode, stderr: cpython.stderrLastLine }).toEqual({ exitCode: 0, stderr: '' });
    expect(cpython.stdout).not.toMatch(/0x[0-9a-f]{4,}/);

    const run = runProgram(level.program, { version: profile });
    expect({ stdout: run.stdout, exitCode: run.exitCode }, `engine vs CPython ${python.version}${run.stderr === '' ? '' : `; engine stderr: ${run.stderr.trim()}`}`).toEqual({ stdout: cpython.stdout, exitCode: cpython.exitCode });
  });

  if (profilesOf(level).length > 1) {
    it('really differs between versions (a "which version" question needs a difference)', async (ctx) => {
      const outputs = await Promise.all(PROFILES.map((p) => runCPython(needPython(p, (note) => ctx.skip(note)), programPath)));
      expect(new Set(outputs.map((o) => o.stdout)).size).toBeGreaterThan(1);
    });
  }
});
