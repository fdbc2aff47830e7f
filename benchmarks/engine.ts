// npm run bench:engine — heavy programs in the engine and in CPython, with time ratios and the
// engine's peak memory. Each case runs in its own child process so peak RSS is its own.
//
//   alloc-cycles   100,000 instances in reference cycles, left to the automatic collector
//   loop-1M        a while loop of 1,000,000 steps (line events)
//   loop-1M-trace  the same with a streamed trace (every step snapshotted, written, dropped)
//   trace-1k       a 1,000-item loop building a list of instances, traced the way answer keys
//                  read a run: every step's snapshot looked at, nothing serialised or kept
//
// Prints figures; asserts nothing (the tests do that). Wall time is the headline; CPU time
// (the engine's process, JIT threads included; CPython's process_time) is printed beside it
// because on a shared, loaded machine it is the steadier of the two.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildSync } from 'esbuild';
import type { PythonVersion, RunOptions, RunResult } from '../engine/index';
import type { TraceSink, TraceStep } from '../engine/trace';

/** `json`: each step serialised and dropped (a streamed file); `read`: only looked at. */
type TraceMode = false | 'json' | 'read';

const CASES: Record<string, { source: string; trace: TraceMode }> = {
  'alloc-cycles': {
    source: [
      'import gc',
      'class Node:',
      '    def __init__(self, i):',
      '        self.i = i',
      '        self.other = None',
      'for i in range(50000):',
      '    a = Node(i)',
      '    b = Node(i)',
      '    a.other = b',
      '    b.other = a',
      'print(gc.get_count()[1] >= 0)',
    ].join('\n') + '\n',
    trace: false,
  },
  'loop-1M': {
    source: 'i = 0\nwhile i < 500000:\n    i += 1\nprint(i)\n',
    trace: false,
  },
  'loop-1M-trace': {
    source: 'i = 0\nwhile i < 500000:\n    i += 1\nprint(i)\n',
    trace: 'json',
  },
  'trace-1k': {
    source: [
      'class Item:',
      '    def __init__(self, n):',
      '        self.n = n',
      'items = []',
      'for i in range(1000):',
      '    items.append(Item(i))',
      'print(len(items))',
    ].join('\n') + '\n',
    trace: 'read',
  },
};

const VERSION: PythonVersion = '3.12';
const CPYTHON = '/root/.pyenv/versions/3.12.1/bin/python3';

/** Counts what it is given and keeps nothing: the trace is streamed, never held. */
class CountingSink implements TraceSink {
  steps = 0;
  bytes = 0;
  objects = 0;
  constructor(private readonly serialise: boolean) {}
  step(s: TraceStep): void {
    this.steps++;
    this.objects += s.heap.length;
    if (this.serialise) this.bytes += JSON.stringify(s).length;
  }
}

async function child(name: string, bundle: string): Promise<void> {
  const { runProgram } = (await import(pathToFileURL(bundle).href)) as { runProgram: (s: string, o: RunOptions) => RunResult };
  const c = CASES[name]!;
  const sink = c.trace ? new CountingSink(c.trace === 'json') : undefined;
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = runProgram(c.source, { version: VERSION, limits: { maxSteps: 3_000_000 }, trace: sink });
  const ms = performance.now() - t0;
  const used = process.cpuUsage(c0);
  const cpu = (used.user + used.system) / 1000;
  const rss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    JSON.stringify({ ms, cpu, rss, heap: process.memoryUsage().heapUsed, exit: r.exitCode, out: r.stdout.trim(), steps: sink?.steps ?? null, bytes: c.trace === 'json' ? sink!.bytes : null, objects: sink?.objects ?? null }),
  );
}

function cpythonMs(source: string): { ms: number; cpu: number } | null {
  if (!existsSync(CPYTHON)) return null;
  const code = `import time\n_t0 = time.perf_counter()\n_c0 = time.process_time()\nexec(compile(${JSON.stringify(source)}, 'bench.py', 'exec'))\nprint('@@', (time.perf_counter() - _t0) * 1000, (time.process_time() - _c0) * 1000)\n`;
  const r = spawnSync(CPYTHON, ['-c', code], { encoding: 'utf8' });
  const m = /@@ ([\d.]+) ([\d.]+)/.exec(r.stdout);
  return m ? { ms: Number(m[1]), cpu: Number(m[2]) } : null;
}

/** The engine as it ships (one bundled module, as the browser worker and the server load it). */
function bundleEngine(): string {
  const dir = mkdtempSync(join(tmpdir(), 'heapquest-bench-'));
  const out = join(dir, 'engine.mjs');
  const root = join(fileURLToPath(import.meta.url), '..', '..');
  buildSync({ entryPoints: [join(root, 'engine', 'index.ts')], bundle: true, format: 'esm', platform: 'neutral', outfile: out, logLevel: 'warning' });
  return out;
}

const RUNS = 3;

function main(): void {
  const self = fileURLToPath(import.meta.url);
  const bundle = bundleEngine();
  console.log(`engine benchmarks (profile ${VERSION}, bundled engine, best of ${RUNS}; CPython ${existsSync(CPYTHON) ? '3.12.1' : 'not found'})`);
  for (const name of Object.keys(CASES)) {
    type ChildResult = { ms: number; cpu: number; rss: number; exit: number; steps: number | null; bytes: number | null; objects: number | null };
    let res: ChildResult | null = null;
    let bestCpu = Infinity;
    let peakRss = 0;
    let failed = '';
    const runs = CASES[name]!.trace ? 1 : RUNS;
    for (let k = 0; k < runs; k++) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', name, bundle], { encoding: 'utf8', maxBuffer: 1 << 26 });
      if (r.status !== 0) {
        failed = r.stderr;
        break;
      }
      const one = JSON.parse(r.stdout) as ChildResult;
      peakRss = Math.max(peakRss, one.rss);
      bestCpu = Math.min(bestCpu, one.cpu);
      if (res === null || one.ms < res.ms) res = one;
    }
    if (res === null) {
      console.log(`  ${name}: failed\n${failed}`);
      continue;
    }
    let py: number | null = null;
    let pyCpu: number | null = null;
    if (!CASES[name]!.trace) {
      for (let k = 0; k < RUNS; k++) {
        const t = cpythonMs(CASES[name]!.source);
        if (t !== null && (py === null || t.ms < py)) py = t.ms;
        if (t !== null && (pyCpu === null || t.cpu < pyCpu)) pyCpu = t.cpu;
      }
    }
    const ratio = py !== null ? `${(res.ms / py).toFixed(1)}x CPython (${py.toFixed(0)} ms)` : 'no CPython comparison';
    const cpuRatio = pyCpu !== null && pyCpu > 0 ? ` = ${(bestCpu / pyCpu).toFixed(1)}x CPython's ${pyCpu.toFixed(0)} ms` : '';
    const traceInfo =
      res.steps === null
        ? ''
        : res.bytes !== null
          ? `, ${res.steps.toLocaleString('en-US')} steps streamed (${(res.bytes / 1e6).toFixed(0)} MB of JSON)`
          : `, ${res.steps.toLocaleString('en-US')} steps read (${res.objects!.toLocaleString('en-US')} object snapshots)`;
    console.log(
      `  ${name.padEnd(14)} ${res.ms.toFixed(0).padStart(6)} ms  ${ratio}  (cpu ${bestCpu.toFixed(0)} ms${cpuRatio})  peak RSS ${(peakRss / 1e6).toFixed(0)} MB${traceInfo}`,
    );
  }
}

const i = process.argv.indexOf('--child');
if (i >= 0) await child(process.argv[i + 1]!, process.argv[i + 2]!);
else main();
