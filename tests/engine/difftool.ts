// Developer tool: run Python files through every installed CPython and the engine, show
// differences. `npx tsx tests/engine/difftool.ts file.py [more.py] [-v 3.12]`
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import { runProgram, PYTHON_VERSIONS, type PythonVersion } from '../../engine/index';

const EXE: Record<PythonVersion, string> = {
  '3.10': '/root/.pyenv/versions/3.10.13/bin/python3',
  '3.11': '/root/.pyenv/versions/3.11.7/bin/python3',
  '3.12': '/root/.pyenv/versions/3.12.1/bin/python3',
  '3.13': '/root/.pyenv/versions/3.13.0/bin/python3',
};

const args = process.argv.slice(2);
let versions: PythonVersion[] = [...PYTHON_VERSIONS];
const files: string[] = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '-v') versions = [args[++i] as PythonVersion];
  else files.push(args[i]!);
}
let bad = 0;
for (const f of files) {
  const src = readFileSync(f, 'utf8');
  for (const v of versions) {
    if (!existsSync(EXE[v])) continue;
    const py = spawnSync(EXE[v], [f], { encoding: 'utf8', env: { PYTHONHASHSEED: '0', PYTHONDONTWRITEBYTECODE: '1', PYTHONIOENCODING: 'utf-8', PATH: '/usr/bin:/bin' } as unknown as NodeJS.ProcessEnv });
    const pyErr = (py.stderr ?? '').trim().split('\n').pop() ?? '';
    let r;
    try {
      r = runProgram(src, { version: v });
    } catch (e) {
      console.log(`${f} ${v}: ENGINE CRASH ${(e as Error).stack}`);
      bad++;
      continue;
    }
    const enErr = r.stderr.trim().split('\n').pop() ?? '';
    if (py.stdout !== r.stdout || py.status !== r.exitCode || pyErr !== enErr) {
      bad++;
      console.log(`--- ${f} ${v}: exit py=${py.status} engine=${r.exitCode}`);
      const pl = py.stdout.split('\n');
      const el = r.stdout.split('\n');
      let shown = 0;
      for (let i = 0; i < Math.max(pl.length, el.length) && shown < 6; i++) {
        if (pl[i] !== el[i]) {
          shown++;
          console.log(`  line ${i + 1}\n    py: ${pl[i]}\n    en: ${el[i]}`);
        }
      }
      if (pyErr !== enErr) console.log(`  stderr\n    py: ${pyErr}\n    en: ${enErr}`);
    }
  }
}
console.log(bad === 0 ? 'all match' : `${bad} mismatches`);
