// The one way tests, benchmarks and dev scripts start a browser: Debian's Chromium (never a
// downloaded build), found by scripts/find-chromium.sh and handed over as CHROMIUM_PATH.
// As root it needs --no-sandbox; this machine has no network, so background networking is off
// (otherwise Chromium keeps retrying connections that the closed network refuses).
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--no-first-run', '--disable-sync', ...extraArgs],
  });
}
