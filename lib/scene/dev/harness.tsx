// A page that shows HeapScene on the hand-made traces, for looking at the scene in a real
// browser before (and beside) the app's own pages. Built and served by screenshot.ts.

import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { HeapScene } from '../HeapScene';
import { growingHeap, selfCycleCollected, twoNamesOneList } from '../fixtures';

const FIXTURES = {
  two: twoNamesOneList,
  cycle: selfCycleCollected,
  big: () => growingHeap({ objects: 300, references: 600, steps: 30 }),
} as const;

const params = new URLSearchParams(location.search);
const name = (params.get('fixture') ?? 'two') as keyof typeof FIXTURES;
const steps = (FIXTURES[name] ?? FIXTURES.two)();
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
