// Debian's Chromium (`apt-get install chromium`), driven by playwright-core: never a downloaded browser.
// Absent, its tests skip with the reason, except in CI (CI=true), where .ci/run installs it and its
// absence is a failure.
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export type ChromiumAvailability = { run: true } | { run: false; mustFail: boolean; reason: string };

export function chromiumAvailability(): ChromiumAvailability {
  if (existsSync(CHROMIUM_PATH)) return { run: true };
  const inCi = process.env.CI === 'true';
  return {
    run: false,
    mustFail: inCi,
    reason: `${CHROMIUM_PATH} not found (Debian: apt-get install -y chromium)${inCi ? '; CI=true requires it (.ci/run installs it)' : ''}`,
  };
}

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
