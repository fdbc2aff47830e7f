// A page that shows HeapScene on the hand-made traces, for looking at the scene in a real
// browser before (and beside) the app's own pages. Built and served by screenshot.ts.

import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { HeapScene } from '../HeapScene';
import { growingHeap, selfCycleCollected, twoNamesOneList } from '../fixtures';
import { runProgram, type PythonVersion } from '../../../engine/index';
import type { TraceStep } from '../../../engine/trace';

const FIXTURES = {
  two: twoNamesOneList,
  cycle: selfCycleCollected,
  big: () => growingHeap({ objects: 300, references: 600, steps: 30 }),
} as const;

const params = new URLSearchParams(location.search);
const name = (params.get('fixture') ?? 'two') as keyof typeof FIXTURES;
const program = params.get('program');
const steps = program === null ? (FIXTURES[name] ?? FIXTURES.two)() : traceOf(program, params.get('version') ?? '3.12');

/** A real trace: `?program=<source>&version=3.12` runs the engine in the page. */
function traceOf(source: string, version: string): TraceStep[] {
  const out: TraceStep[] = [];
  runProgram(source, { version: version as PythonVersion, trace: { step: (s) => void out.push(s) } });
  return out;
}
const initialStep = Number(params.get('step') ?? 0);
const initialSpeed = Number(params.get('speed') ?? 1);

function Harness() {
  const [picked, setPicked] = useState<number[]>([]);
  return (
    <main style={{ maxWidth: 960, margin: '0 auto', padding: 12 }}>
      <HeapScene
        steps={steps}
        initialStep={initialStep}
        initialSpeed={initialSpeed}
        pickable
        selected={picked}
        onPickObject={(id) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]))}
        globalKeyboard
      />
      <p data-testid="picked">{picked.join(',')}</p>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<Harness />);
