// `/`: the walking skeleton's one page. The demo program runs through the engine here, on the
// server (at build time: nothing on this page varies per request); the browser receives the
// trace as data and draws it.
import { runProgram } from '@/engine';
import type { TraceStep } from '@/engine/trace';
import { HeapSceneClient } from './HeapSceneClient';
import { LivePanel } from './LivePanel';

const DEMO_PROGRAM = `a = [1, 2, 3]
b = a
import sys
print(sys.getrefcount(a))
`;

function traceOf(source: string) {
  const steps: TraceStep[] = [];
  const result = runProgram(source, { version: '3.12', trace: { step: (s) => steps.push(s) } });
  return { steps, stdout: result.stdout, stderr: result.stderr };
}

export default function Home() {
  const { steps, stdout, stderr } = traceOf(DEMO_PROGRAM);
  // Open on the heap as getrefcount sees it: the last step where the names still exist.
  const shown = Math.max(0, steps.findLastIndex((s) => s.frames.some((f) => f.locals.some((l) => l.label === 'b'))));
  return (
    <main>
      <header className="top">
        <div>
          <h1>HeapQuest</h1>
          <p className="tagline">Predict what CPython does with your objects — then watch it happen.</p>
        </div>
      </header>
      <LivePanel />
      <h2>Two names, one list</h2>
      <div className="program">
        <div>
          <span className="label">Program (Python 3.12)</span>
          <pre data-testid="demo-program">{DEMO_PROGRAM}</pre>
        </div>
        <div>
          <span className="label">What it prints</span>
          <pre data-testid="demo-output">{stdout + stderr}</pre>
        </div>
      </div>
      <HeapSceneClient steps={steps} initialStep={shown} height="420px" />
    </main>
  );
}
