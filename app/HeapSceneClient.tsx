'use client';

// The heap scene draws with Pixi on a canvas, which exists only in the browser: load it
// on the client alone (next/dynamic with ssr: false must be called from a client component).
import dynamic from 'next/dynamic';

export const HeapSceneClient = dynamic(() => import('@/lib/scene/HeapScene').then((m) => m.HeapScene), {
  ssr: false,
  loading: () => <p className="status">Drawing the heap…</p>,
});
