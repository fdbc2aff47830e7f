// The browser tests run against a production build, as `npm start` serves it: build first
// unless the build is already up to date.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  execFileSync(fileURLToPath(new URL('../../scripts/build-if-stale.sh', import.meta.url)), { stdio: 'inherit' });
}
