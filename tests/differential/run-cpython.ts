// CPython side of the differential corpus, for people writing programs and levels.
//
//   npx tsx tests/differential/run-cpython.ts [--version 3.12] [--differs] [filter ...]
//
// Prints every matching program's stdout (and exit code / last stderr line when it fails) per
// CPython found. --differs shows only programs whose output is not the same on every version,
// which is where "which version?" levels come from.

import { cpus } from 'node:os';
import { inPool, runCPython, type CPythonResult } from './cpython';
import { loadCorpus } from './corpus';
import { discoverPythons, type Interpreter } from './pythons';

function parseArgs(argv: readonly string[]): { version: string | null; differs: boolean; filters: string[] } {
  let version: string | null = null;
  let differs = false;
  const filters: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--version') version = argv[++i] ?? null;
    else if (arg === '--differs') differs = true;
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: npx tsx tests/differential/run-cpython.ts [--version 3.12] [--differs] [filter ...]');
      process.exit(0);
    } else filters.push(arg);
  }
  return { version, differs, filters };
}

function render(result: CPythonResult): string {
  let text = result.stdout;
  if (result.timedOut) text += '[timed out]\n';
  else if (result.exitCode !== 0) text += `[exit ${result.exitCode}] ${result.stderrLastLine}\n`;
  return text;
}

async function main(): Promise<void> {
  const { version, differs, filters } = parseArgs(process.argv.slice(2));
  const { interpreters, skipped } = discoverPythons();
  for (const note of skipped) console.error(`skipped ${note}`);
  const chosen = interpreters.filter((i) => version === null || i.profile === version || i.version === version);
  if (chosen.length === 0) {
    console.error(`No CPython matches ${version ?? '3.10-3.13'}.`);
    process.exit(1);
  }
  const programs = loadCorpus(filters);
  const jobs = chosen.flatMap((python) => programs.map((program) => ({ python, program })));
  const started = Date.now();
  const results = await inPool(jobs, Math.max(2, cpus().length), ({ python, program }) => runCPython(python, program.path));
  const byProgram = new Map<string, Map<Interpreter, string>>();
  jobs.forEach(({ python, program }, i) => {
    const perVersion = byProgram.get(program.id) ?? new Map<Interpreter, string>();
    perVersion.set(python, render(results[i]));
    byProgram.set(program.id, perVersion);
  });
  let shown = 0;
  for (const [id, perVersion] of byProgram) {
    const outputs = [...perVersion.values()];
    const allSame = outputs.every((o) => o === outputs[0]);
    if (differs && allSame) continue;
    shown++;
    console.log(`=== ${id}`);
    if (allSame) {
      console.log(`--- all (${chosen.map((i) => i.profile).join(', ')})`);
      process.stdout.write(outputs[0]);
    } else {
      for (const [python, output] of perVersion) {
        console.log(`--- ${python.profile} (CPython ${python.version})`);
        process.stdout.write(output);
      }
    }
  }
  console.error(`${shown} of ${programs.length} programs shown, ${jobs.length} CPython runs in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

void main();
