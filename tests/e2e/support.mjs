// Shared set-up for the browser tests: serve the release build from dist/, start Debian's
// Chromium through playwright-core, and check pages with axe-core.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { start } from '../../scripts/static-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = join(root, 'dist');

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Starts the static server on a free port and Chromium. Returns { base, browser, close }. */
export async function launch() {
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error('dist/ has no release build: run scripts/build.sh first (scripts/test.sh does)');
  }
  const server = await start(dist, 0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  return {
    base,
    browser,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** Who the tests say they are on the app's first page, unless a test says otherwise. */
export const OFFICER = { name: 'Olu Officer', role: 'court_officer' };
export const SPO = { name: 'Sam Senior', role: 'spo' };

/** Stores who uses the device, as the app's first page would, in every tab of `context`. */
export async function sayWhoIAm(context, user = OFFICER) {
  // Once per tab, before the app starts, and never over a choice made in the app.
  await context.addInitScript((u) => {
    if (sessionStorage.getItem('test-user-set')) return;
    sessionStorage.setItem('test-user-set', '1');
    if (!localStorage.getItem('psc.settings.user')) localStorage.setItem('psc.settings.user', u);
  }, JSON.stringify(user));
}

/**
 * A new page in a fresh context (empty storage, apart from who is using the device: `user`, or
 * the court officer; `user: null` leaves it unset). Page errors fail loudly.
 */
export async function freshPage(browser, { user = OFFICER, ...options } = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, ...options });
  if (user) await sayWhoIAm(context, user);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.problems = problems;
  return page;
}

const AXE_SOURCE = readFileSync(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Runs axe-core on the page and returns WCAG 2.2 A and AA violations. */
export async function axeViolations(page) {
  // Evaluated through the browser's debugging protocol: the app's Content-Security-Policy
  // (rightly) refuses injected script tags.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
  });
}

/** A date `days` from today, as { day, month, year } strings for GOV.UK date inputs. */
export function daysFromToday(days) {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return { day: String(d.getDate()), month: String(d.getMonth() + 1), year: String(d.getFullYear()) };
}
