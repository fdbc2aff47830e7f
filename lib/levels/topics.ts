// The curriculum's topics, in the order a student meets them.
//
// Order is teaching order, not NOTES.md order: references come first (objects, counting,
// passing, copying) because every later topic is explained in their terms; the caches and
// the collector build on counting; sizes and structures need both; pooling reuses all of
// it. Myths and version differences come last because they mix every earlier topic.
// A topic unlocks when the one before it is passed (see curriculum.ts).

export const TOPICS = [
  { id: 'objects', title: 'Everything is an object', blurb: 'Names point at objects on the heap; a value is never stored in a name.' },
  { id: 'refcount', title: 'Counting references', blurb: 'Every object counts who points at it, and dies when the count reaches zero.' },
  { id: 'passing', title: 'Passing references', blurb: 'A call hands the function a reference, not a copy.' },
  { id: 'copy', title: 'Shallow and deep copies', blurb: 'Which inner objects a copy shares with the original.' },
  { id: 'sharing', title: 'Shared small objects', blurb: 'The small-int cache, interned strings and shared constants.' },
  { id: 'gc', title: 'The cycle collector', blurb: 'Cycles, gc.collect(), thresholds, generations and finalizers.' },
  { id: 'profiling', title: 'Measuring memory', blurb: 'What sys.getsizeof counts, and what it leaves out.' },
  { id: 'structures', title: 'Efficient structures', blurb: 'Tuples, generators, __slots__, sets and dicts, weighed in bytes.' },
  { id: 'pooling', title: 'Object pools', blurb: 'Reusing objects instead of making new ones, and what a pool keeps alive.' },
  { id: 'myths', title: 'Myth busters', blurb: 'Claims from a popular tutorial, tested against CPython.' },
  { id: 'versions', title: 'Which Python?', blurb: 'Outputs that tell CPython 3.10, 3.11, 3.12 and 3.13 apart.' },
] as const;

export type TopicId = (typeof TOPICS)[number]['id'];

export const TOPIC_IDS = TOPICS.map((t) => t.id) as unknown as readonly [TopicId, ...TopicId[]];

export function isTopicId(s: string): s is TopicId {
  return (TOPIC_IDS as readonly string[]).includes(s);
}
