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

/**
 * Starts the static server on a free port and Chromium. Returns { base, browser, close }.
 * `proxies` as for the static server's `start` (a team server behind the app's own address).
 */
export async function launch({ proxies = {} } = {}) {
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error('dist/ has no release build: run scripts/build.sh first (scripts/test.sh does)');
  }
  const server = await start(dist, 0, proxies);
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

/**
 * What the app has stored on the page's origin: local storage (`local`), and the `cases`,
 * `summaries` and set-aside entries (`quarantine`) of an IndexedDB database (`psc`, or
 * `psc-training`), each by key, as text exactly as stored.
 */
export async function storedData(page, database = 'psc') {
  return page.evaluate(async (name) => {
    const read = (req) => new Promise((ok, fail) => {
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const out = { local: Object.fromEntries(Object.entries(localStorage)), cases: {}, summaries: {}, quarantine: {} };
    // Opening a database that does not exist would create it: look first.
    if (!(await indexedDB.databases()).some((d) => d.name === name)) return out;
    const db = await read(indexedDB.open(name));
    for (const store of ['cases', 'summaries', 'quarantine']) {
      if (!db.objectStoreNames.contains(store)) continue;
      const os = db.transaction(store).objectStore(store);
      const [keys, values] = await Promise.all([read(os.getAllKeys()), read(os.getAll())]);
      keys.forEach((k, i) => {
        out[store][k] = store === 'cases' ? values[i].text : values[i];
      });
    }
    db.close();
    return out;
  }, database);
}

/** The stored record of the only case on the page's origin: its id and parsed record. */
export async function storedCase(page) {
  const { cases } = await storedData(page);
  const [id, text] = Object.entries(cases)[0] ?? [];
  return { id, record: text === undefined ? undefined : JSON.parse(text) };
}

/**
 * Writes values straight into stores of the app's IndexedDB database (`psc`), in one
 * transaction and without telling the app: `writes` is a list of [store, key, value].
 */
export async function putStored(page, writes) {
  await page.evaluate(async (writes) => {
    const read = (req) => new Promise((ok, fail) => {
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const db = await read(indexedDB.open('psc'));
    const tx = db.transaction([...new Set(writes.map(([store]) => store))], 'readwrite');
    for (const [store, key, value] of writes) tx.objectStore(store).put(value, key);
    await new Promise((ok) => { tx.oncomplete = ok; });
    db.close();
  }, writes);
}

/**
 * Writes a case record straight into IndexedDB (the case and its revision), as another tab
 * would, but without telling the app (as if that tab's notice were lost).
 */
export async function writeStoredCase(page, id, record) {
  const revision = record.revision ?? record.case.revision;
  await putStored(page, [['cases', id, { revision, text: JSON.stringify(record) }], ['revisions', id, revision]]);
}

/** Waits until `check()` (async) is true, polling; fails with `what` after `ms`. */
export async function eventually(check, what, ms = 10000) {
  const until = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until) throw new Error(`timed out waiting: ${what}`);
    await new Promise((ok) => setTimeout(ok, 50));
  }
}
