// The engine's command line (the only Node entry in engine/):
//   npm run --silent engine -- run FILE.py --python 3.12 [--trace out.json]
// Prints the program's stdout and stderr as CPython would; exit codes: 0 ok, 1 uncaught
// exception or syntax error, 2 unsupported construct, 3 a cap was reached, 64 bad usage.
// --trace streams one step per line, so a million-step trace never sits in memory.

import { readFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { runProgram, PYTHON_VERSIONS, type PythonVersion } from './index';
import type { TraceSink, TraceStep } from './trace';

function usage(msg: string): never {
  process.stderr.write(`${msg}\nusage: engine run FILE.py --python {${PYTHON_VERSIONS.join(',')}} [--trace out.json]\n`);
  process.exit(64);
}

/** Writes `{"version":"3.12","steps":[` + one step per line + `]}`, buffering a little. */
class FileTraceSink implements TraceSink {
  private readonly fd: number;
  private buf: string[] = [];
  private size = 0;
  private first = true;
  constructor(path: string, version: string) {
    this.fd = openSync(path, 'w');
    this.write(`{"version":${JSON.stringify(version)},"steps":[\n`);
  }
  private write(s: string): void {
    this.buf.push(s);
    this.size += s.length;
    if (this.size > 1 << 20) this.flush();
  }
  private flush(): void {
    if (this.buf.length > 0) writeSync(this.fd, this.buf.join(''));
    this.buf = [];
    this.size = 0;
  }
  step(step: TraceStep): void {
    this.write((this.first ? '' : ',\n') + JSON.stringify(step));
    this.first = false;
  }
  close(): void {
    this.write('\n]}\n');
    this.flush();
    closeSync(this.fd);
  }
}

function main(argv: string[]): number {
  if (argv[0] !== 'run') usage('expected the command "run"');
  let file: string | null = null;
  let version: string | null = null;
  let tracePath: string | null = null;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--python') version = argv[++i] ?? null;
    else if (a === '--trace') tracePath = argv[++i] ?? null;
    else if (a.startsWith('--')) usage(`unknown option ${a}`);
    else if (file === null) file = a;
    else usage(`unexpected argument ${a}`);
  }
  if (file === null) usage('missing FILE.py');
  if (version === null) version = '3.12';
  if (!(PYTHON_VERSIONS as readonly string[]).includes(version)) usage(`unknown Python version ${version}`);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`${file}: cannot read: ${(e as Error).message}\n`);
    return 64;
  }
  const sink = tracePath !== null ? new FileTraceSink(tracePath, version) : undefined;
  const r = runProgram(source, { version: version as PythonVersion, trace: sink });
  sink?.close();
  process.stdout.write(r.stdout);
  const err = r.outcome.kind === 'unsupported' ? `${file}:${r.stderr}` : r.stderr;
  process.stderr.write(err);
  return r.exitCode;
}

process.exitCode = main(process.argv.slice(2));
