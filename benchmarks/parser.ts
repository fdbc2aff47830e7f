// npm run bench:parser — how fast the engine's lexer and parser read a long program: every
// differential corpus program, one after another (several thousand lines), parsed repeatedly.
// CPU time, best of 10, after a warm-up. Prints figures; asserts nothing (the tests do that).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '../engine/parser';

const root = fileURLToPath(new URL('../tests/differential/programs/', import.meta.url));
const source = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.py'))
  .sort()
  .map((f) => readFileSync(join(root, f), 'utf8'))
  .join('\n');
const lines = source.split('\n').length;

for (let i = 0; i < 5; i++) parse(source);
let best = Infinity;
for (let i = 0; i < 10; i++) {
  const start = process.cpuUsage();
  parse(source);
  const used = process.cpuUsage(start);
  best = Math.min(best, (used.user + used.system) / 1000);
}
console.log(`parser: ${lines.toLocaleString('en-US')} lines in ${best.toFixed(1)} ms of CPU (best of 10), ${((best / lines) * 1000).toFixed(1)} ms per 1,000 lines`);
