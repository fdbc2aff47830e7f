'use client';

// The playground lives in the browser only (CodeMirror, Web Workers, Pixi): no server render.
import dynamic from 'next/dynamic';

export const PlaygroundClient = dynamic(() => import('./Playground').then((m) => m.Playground), {
  ssr: false,
  loading: () => <p style={{ padding: 20 }}>Loading the playground…</p>,
});
