'use client';

// The editor runs in the browser only (CodeMirror, the program from the URL's fragment).
import dynamic from 'next/dynamic';

export const EditorClient = dynamic(() => import('./LevelEditor').then((m) => m.LevelEditor), {
  ssr: false,
  loading: () => <p>Loading the editor…</p>,
});
