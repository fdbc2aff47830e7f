// `npm run levels:check [-- --keys]`: validates every level file and derives every answer key
// from the engine, the way the game will. Problems print as FILE: FIELD: REASON; exit 1 if any.

import { deriveAnswerKeys } from './answer-key';
import { buildCurriculum } from './curriculum';
import { LevelError } from './errors';
import { LEVELS_ROOT, loadLevelFiles } from './load-fs';

const showKeys = process.argv.includes('--keys');
const problems: string[] = [];
try {
  const loaded = loadLevelFiles(LEVELS_ROOT);
  for (const { fileName, level } of loaded) {
    try {
      const key = deriveAnswerKeys(level, undefined, fileName);
      if (showKeys) {
        console.log(`${fileName} (${level.profile})`);
        for (const k of key.checkpoints) console.log(`  line ${k.line}: ${JSON.stringify(k.answer.kind === 'pick' ? { ids: k.answer.ids } : k.answer)}\n    ${k.explanation}`);
      }
    } catch (e) {
      if (e instanceof LevelError) problems.push(...e.problems);
      else throw e;
    }
  }
  for (const topic of buildCurriculum(loaded.map((l) => l.level))) {
    const checkpoints = topic.levels.reduce((n, l) => n + l.checkpoints.length, 0);
    console.log(`${topic.id.padEnd(11)} ${String(topic.levels.length).padStart(2)} levels, ${checkpoints} checkpoints`);
  }
  console.log(`${loaded.length} levels`);
} catch (e) {
  if (e instanceof LevelError) problems.push(...e.problems);
  else throw e;
}
for (const p of problems) console.error(p);
if (problems.length > 0) process.exit(1);
