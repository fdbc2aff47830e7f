// PGlite has no lock of its own: two processes opening one data directory would both write
// to it and corrupt it (a second `npm start` while the first runs would do exactly that, as
// the database opens before the port is bound). A lock file holding our pid keeps them apart;
// one left by a process that no longer runs is taken over.
import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

const LOCK_FILE = 'heapquest.pid';

/** Directories this process holds: a lock file with our own pid is stale only if not listed. */
const held = new Set<string>();

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class DataDirInUseError extends Error {
  constructor(readonly pid: number) {
    super(`the data directory is open in process ${pid}`);
  }
}

/** Takes the lock on `dir` (which must exist); resolves to the function that releases it. */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  const file = path.join(dir, LOCK_FILE);
  for (;;) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      held.add(file);
      return async () => {
        held.delete(file);
        await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
    const inUse = holder === process.pid ? held.has(file) : Number.isInteger(holder) && running(holder);
    if (inUse) throw new DataDirInUseError(holder);
    await rm(file, { force: true });
  }
}
