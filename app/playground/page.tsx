// /playground: write any program in the engine's subset and step through what CPython does.
import type { Metadata } from 'next';
import { PlaygroundClient } from './PlaygroundClient';

export const metadata: Metadata = {
  title: 'Playground — HeapQuest',
  description: 'Run Python and watch its objects, reference counts and garbage collector, step by step.',
};

export default function PlaygroundPage() {
  return <PlaygroundClient />;
}
