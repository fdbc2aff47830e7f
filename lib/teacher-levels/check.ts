// Whether a teacher's draft can be saved, and what it is once checked. Server only (it runs
// CPython). The order is the cheapest refusal first, and every refusal says why:
//   1. the level format (lib/levels validateLevel): shape, probes, lines that hold statements,
//      a program that parses, at least one checkpoint;
//   2. the engine runs it to the end: a program that hits a cap or raises cannot be a level;
//   3. the answer keys derive from the engine's run (lib/levels deriveAnswerKeys);
//   4. where the server has CPython for the level's version, it prints what the engine prints.
// Nothing is stored here; a refused draft changes nothing already saved.

import { runProgram } from '../../engine/index';
import { deriveAnswerKeys, type LevelKey } from '../levels/answer-key';
import { LevelError } from '../levels/errors';
import { validateLevel } from '../levels/load';
import type { Level, Profile } from '../levels/schema';
import { discoverPythons, type Interpreter } from '../cpython/pythons';
import { runPythonSource } from '../cpython/run';
import { levelFromDraft, type Draft } from './draft';

/** Where the output first differs, for the teacher to see. */
export interface OutputDifference {
  readonly version: string;
  readonly cpython: string;
  /** 1-based line of the output where they part. */
  readonly line: number;
  readonly engineLine: string | null;
  readonly cpythonLine: string | null;
  readonly engineOutput: string;
  readonly cpythonOutput: string;
}

export class TeacherLevelError extends Error {
  override name = 'TeacherLevelError';
  constructor(
    readonly problems: readonly string[],
    readonly difference: OutputDifference | null = null,
  ) {
    super(problems.join('\n'));
  }
}

export interface CheckedLevel {
  readonly level: Level;
  readonly key: LevelKey;
  /** The CPython version that agreed ("3.12.1"), or null: checked by the engine only. */
  readonly checkedWith: string | null;
}

/** Finds a CPython for a version; the server's default looks where the test suite looks. */
export type PythonFinder = (version: Profile) => Interpreter | null;

export const findPython: PythonFinder = (version) => {
  try {
    return discoverPythons().interpreters.find((i) => i.profile === version) ?? null;
  } catch {
    // Under CI discovery throws when there is none at all; a server just checks with the engine.
    return null;
  }
};

/** Problems named the way the editor shows them ("checkpoint 2: …"), not by file and field path. */
function readable(problem: string): string {
  return problem
    .replace(/^your level: /, '')
    .replace(/checkpoints\[(\d+)\]\.?/g, (_, i: string) => `checkpoint ${Number(i) + 1}: `)
    .replace(/: : /g, ': ')
    .replace(/question\.probe\.?/g, 'question: ')
    .replace(/: +: /g, ': ');
}

export function firstDifference(engine: string, cpython: string): { line: number; engineLine: string | null; cpythonLine: string | null } {
  const a = engine.split('\n');
  const b = cpython.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return { line: i + 1, engineLine: a[i] ?? null, cpythonLine: b[i] ?? null };
  }
  return { line: 0, engineLine: null, cpythonLine: null };
}

export async function checkDraft(draft: Draft, find: PythonFinder = findPython): Promise<CheckedLevel> {
  let level: Level;
  try {
    level = validateLevel('your level', levelFromDraft(draft, 'teacher-draft'));
  } catch (e) {
    if (e instanceof LevelError) throw new TeacherLevelError(e.problems.map(readable));
    throw e;
  }

  const run = runProgram(level.program, { version: level.profile });
  const o = run.outcome;
  if (o.kind === 'limit') throw new TeacherLevelError([`The program hits the engine's cap at line ${o.line} (${o.message}). A level's program must finish; make the loop shorter.`]);
  if (o.kind === 'syntax') throw new TeacherLevelError([`The program does not parse: line ${o.line}, column ${o.col}: ${o.type}: ${o.message}.`]);
  if (o.kind === 'unsupported') throw new TeacherLevelError([`The program does not parse for the engine: line ${o.line}, column ${o.col}: ${o.what} is not supported.`]);
  if (o.kind === 'exception') throw new TeacherLevelError([`The program stops with ${o.type}${o.message ? `: ${o.message}` : ''}. A level's program must run to its end.`]);

  let key: LevelKey;
  try {
    key = deriveAnswerKeys(level, runProgram, 'your level');
  } catch (e) {
    if (e instanceof LevelError) throw new TeacherLevelError(e.problems.map(readable));
    throw e;
  }

  const python = find(level.profile);
  if (python === null) return { level, key, checkedWith: null };
  const real = await runPythonSource(python.path, level.program);
  if (real.timedOut) throw new TeacherLevelError([`CPython ${python.version} did not finish the program in time; a level's program must finish quickly.`]);
  if (real.exitCode !== 0 || real.stdout !== run.stdout) {
    const cpythonOutput = real.exitCode === 0 ? real.stdout : `${real.stdout}${real.stderrLastLine}\n`;
    const diff = firstDifference(run.stdout, cpythonOutput);
    throw new TeacherLevelError(
      [
        `CPython ${python.version} prints something else than the engine (output line ${diff.line}: the engine prints ${JSON.stringify(diff.engineLine ?? '')}, CPython ${JSON.stringify(diff.cpythonLine ?? '')}). The game only teaches what CPython does, so this level cannot be saved; change the program to avoid what the engine gets wrong.`,
      ],
      { version: level.profile, cpython: python.version, ...diff, engineOutput: run.stdout, cpythonOutput },
    );
  }
  return { level, key, checkedWith: python.version };
}
