// Finds the CPython interpreters the engine is compared with: by the differential suite, and by
// the server when a teacher saves a level (lib/teacher-levels).
//
// Every pyenv-installed 3.10-3.13 counts, each mapped to the engine's version profile; every other
// installed version is reported as skipped. `python3` on PATH is added only when its minor
// version is not already covered (on this machine it is a pyenv shim for 3.11.7). Under CI a
// machine without any usable CPython is a failure, never a skip.

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export type Profile = '3.10' | '3.11' | '3.12' | '3.13';
export const PROFILES: readonly Profile[] = ['3.10', '3.11', '3.12', '3.13'];

export interface Interpreter {
  /** Executable to spawn. */
  readonly path: string;
  /** Full version as the interpreter reports it, e.g. "3.12.1". */
  readonly version: string;
  readonly profile: Profile;
}

export interface Discovery {
  readonly interpreters: readonly Interpreter[];
  /** One line per candidate that was not used, saying why. */
  readonly skipped: readonly string[];
}

function pyenvRoot(): string {
  return process.env.PYENV_ROOT ?? '/root/.pyenv';
}

/** "Python 3.12.1" → "3.12.1"; null when the executable cannot run. */
function reportedVersion(executable: string): string | null {
  try {
    const out = execFileSync(executable, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 10_000 });
    const match = /^Python (\d+\.\d+\.\d+)/.exec(out.trim());
    return match ? match[1] : null;
  } catch {
    return null;
  }
}

function profileOf(version: string): Profile | null {
  const minor = version.split('.').slice(0, 2).join('.');
  return (PROFILES as readonly string[]).includes(minor) ? (minor as Profile) : null;
}

let cached: Discovery | null = null;

export function discoverPythons(): Discovery {
  if (cached) return cached;
  const interpreters: Interpreter[] = [];
  const skipped: string[] = [];
  const versionsDir = join(pyenvRoot(), 'versions');
  const installed = existsSync(versionsDir) ? readdirSync(versionsDir).filter((name) => /^\d+\.\d+/.test(name)).sort(byVersion) : [];
  for (const name of installed) {
    // Other versions are listed as skipped by their directory name, without running them.
    if (!profileOf(name)) {
      skipped.push(`${join(versionsDir, name)}: Python ${name} has no engine profile (3.10-3.13 only)`);
      continue;
    }
    const path = join(versionsDir, name, 'bin', 'python3');
    if (!existsSync(path)) {
      skipped.push(`${path}: no such file`);
      continue;
    }
    const version = reportedVersion(path);
    const profile = version ? profileOf(version) : null;
    if (!version) skipped.push(`${path}: --version failed`);
    else if (!profile) skipped.push(`${path}: Python ${version} has no engine profile (3.10-3.13 only)`);
    else if (interpreters.some((i) => i.profile === profile)) skipped.push(`${path}: profile ${profile} already covered`);
    else interpreters.push({ path, version, profile });
  }
  const onPath = reportedVersion('python3');
  const pathProfile = onPath ? profileOf(onPath) : null;
  if (!onPath) skipped.push('python3 on PATH: not found');
  else if (!pathProfile) skipped.push(`python3 on PATH: Python ${onPath} has no engine profile`);
  else if (interpreters.some((i) => i.profile === pathProfile)) skipped.push(`python3 on PATH: Python ${onPath}, profile ${pathProfile} already covered`);
  else interpreters.push({ path: 'python3', version: onPath, profile: pathProfile });

  interpreters.sort((a, b) => PROFILES.indexOf(a.profile) - PROFILES.indexOf(b.profile));
  for (const profile of PROFILES) {
    if (!interpreters.some((i) => i.profile === profile)) skipped.push(`profile ${profile}: no CPython found, not compared`);
  }
  if (interpreters.length === 0 && process.env.CI === 'true') {
    throw new Error(`No CPython 3.10-3.13 found (looked in ${versionsDir} and python3 on PATH); CI needs at least one.`);
  }
  cached = { interpreters, skipped };
  return cached;
}

function byVersion(a: string, b: string): number {
  const pa = a.split('.').map((n) => parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
