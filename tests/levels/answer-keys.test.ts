// Every shipped level gets its keys from a real engine run, every explanation is filled from
// that run, and version keys agree with what the real CPythons print.

import { describe, expect, it } from 'vitest';
import { deriveAnswerKeys } from '../../lib/levels/answer-key';
import { LEVELS_ROOT, loadLevelFiles } from '../../lib/levels/load-fs';
import { PLACEHOLDER } from '../../lib/levels/schema';
import { runCPython } from '../differential/cpython';
import { PROFILES, discoverPythons } from '../differential/pythons';
import { runProgram } from '../../engine/index';

const CI = process.env.CI === 'true';
const loaded = loadLevelFiles(LEVELS_ROOT);
const { interpreters } = discoverPythons();

describe.each(loaded)('$fileName', ({ fileName, level, programPath }) => {
  it('derives a key for every checkpoint from the engine', () => {
    const key = deriveAnswerKeys(level, runProgram, fileName);
    expect(key.checkpoints).toHaveLength(level.checkpoints.length);
    key.checkpoints.forEach((k, i) => {
      const where = `${fileName} checkpoints[${i}]`;
      expect(k.explanation.match(PLACEHOLDER), `${where}: unfilled placeholder`).toBeNull();
      if (k.answer.kind === 'number') {
        // The number must come from the run: the template itself may not state it.
        const template = level.checkpoints[i]!.question.explanation.replace(PLACEHOLDER, '');
        expect(template, `${where}: the explanation hard-codes the answer ${k.answer.value}`).not.toMatch(new RegExp(`(^|[^\\d.])${k.answer.value}($|[^\\d.])`));
      }
      if (k.answer.kind === 'pick') expect(k.answer.candidates.length, `${where}: nothing to pick from`).toBeGreaterThan(0);
    });
  });

  const versionCheckpoints = level.checkpoints.filter((c) => c.question.kind === 'version' && c.question.probe.read === 'versions' && c.question.probe.show === 'program');
  if (versionCheckpoints.length > 0) {
    it('agrees with CPython on which versions print the whole output', async (ctx) => {
      if (interpreters.length < PROFILES.length) {
        if (CI) throw new Error(`all four CPythons are needed, found ${interpreters.map((i) => i.version).join(', ')}`);
        ctx.skip('not every CPython 3.10-3.13 is on this machine');
      }
      const outputs = new Map(await Promise.all(interpreters.map(async (i) => [i.profile, (await runCPython(i, programPath)).stdout] as const)));
      const expected = PROFILES.filter((p) => outputs.get(p) === outputs.get(level.profile));
      const key = deriveAnswerKeys(level, runProgram, fileName);
      for (const k of key.checkpoints) if (k.answer.kind === 'version') expect(k.answer.profiles).toEqual(expected);
    });
  }
});
