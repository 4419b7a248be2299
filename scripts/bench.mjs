// Benchmark, separate from the tests: builds the release app, prints the first-load transfer
// size (HTML, CSS, JS, wasm; raw and gzipped, and the bytes Chromium receives), then times the
// app in Chromium with 1,000 and 5,000 realistic stored cases (a household, four enquiries,
// consents and about 90 history entries, some 25 KB each), at normal speed and with the CPU
// slowed 4x (as Chrome's tools model an old, busy laptop). Each figure is the median of 5 runs,
// with the spread (lowest to highest).
//
//   node scripts/bench.mjs                 build, then measure
//   node scripts/bench.mjs --no-build      measure the existing dist/
//   node scripts/bench.mjs --cases 1000    only this caseload
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const BUDGET_KB = 150;

if (!process.argv.includes('--no-build')) {
  execFileSync('bash', [join(root, 'scripts', 'build.sh')], { stdio: 'inherit' });
}

// What the browser fetches on first load: the page and what it links to.
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const assets = [...html.matchAll(/(?:href|src|module_or_path:)\s*=?\s*['"]\/([^'"]+\.(?:css|js|wasm))['"]/g)].map((m) => m[1]);
// The wasm-bindgen glue imports the loader of the separately split modules at start, so it is
// part of the first load too; the split modules themselves are fetched when first needed.
const imported = assets
  .filter((f) => f.endsWith('.js'))
  .flatMap((f) => [...readFileSync(join(dist, f), 'utf8').matchAll(/from\s*["']\.\/([^"']+\.js)["']/g)].map((m) => m[1]));
const files = ['index.html', ...new Set([...assets, ...imported])];
const later = readdirSync(dist).filter((f) => f.endsWith('.wasm') && !files.includes(f));
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
let raw = 0;
let gz = 0;
console.log('\nFirst load (release build)                       raw KB  gzip KB');
for (const f of files) {
  const body = readFileSync(join(dist, f));
  const z = gzipSync(body, { level: 9 }).length;
  raw += body.length;
  gz += z;
  console.log(`  ${f.padEnd(46)} ${kb(body.length)} ${kb(z)}`);
}
console.log(`  ${'Total'.padEnd(46)} ${kb(raw)} ${kb(gz)}`);
// What the server actually sends: the brotli copies the build writes (see post-build.mjs).
const br = files.reduce((n, f) => {
  try {
    return n + readFileSync(join(dist, `${f}.br`)).length;
  } catch {
    return n + readFileSync(join(dist, f)).length;
  }
}, 0);
console.log(`  ${'Total as the server sends it (brotli)'.padEnd(46)} ${kb(br)}`);
const over = gz / 1024 - BUDGET_KB;
console.log(`  Budget ${BUDGET_KB} KB gzipped: ${over <= 0 ? 'within it' : `OVER by ${over.toFixed(1)} KB`}\n`);
console.log('Fetched the first time one of their pages opens (kept offline after the first visit)');
for (const f of later) {
  const body = readFileSync(join(dist, f));
  console.log(`  ${f.padEnd(46)} ${kb(body.length)} ${kb(gzipSync(body, { level: 9 }).length)}`);
}
console.log('');

// Speed with a realistic caseload.
const { launch, freshPage } = await import(join(root, 'tests', 'e2e', 'support.mjs'));
const { completeLivesAloneChecks, keyboard } = await import(join(root, 'tests', 'e2e', 'officer.mjs'));
const RUNS = 5;
const only = process.argv.indexOf('--cases');
const CASELOADS = only > 0 ? [Number(process.argv[only + 1])] : [1000, 5000];
const env = await launch();

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs, unit = 'ms', digits = 0) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const f = (x) => x.toFixed(digits);
  return `${f(median(xs))} ${unit} (${f(sorted[0])}–${f(sorted[sorted.length - 1])})`;
};
const count = (n) => n.toLocaleString('en-GB');

/** A realistic case: the project's fixture (a household with children, enquiries, consents), with a history of 90 entries. */
function realisticTemplate() {
  const record = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'schema-v3.json'), 'utf8'));
  const fields = ['Hearing, court', 'Police, reply summary', 'Address 1, main occupier', 'Schedule, start time', 'Consent, decision'];
  const events = [];
  for (let i = 0; i < 90; i += 1) {
    events.push({
      at: `2026-11-${String(10 + (i % 18)).padStart(2, '0')}T${String(9 + (i % 8)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00`,
      by: 'Olu Officer (court officer)',
      what: 'Changed answers',
      changes: [
        { field: fields[i % fields.length], before: `Earlier answer ${i}`, after: `Later answer ${i}, after speaking to the person` },
        ...(i % 3 === 0 ? [{ field: 'Person, name', before: '', after: 'Dan Sample' }] : []),
      ],
    });
  }
  record.case.events = events;
  return JSON.stringify(record);
}

/** Fills a fresh profile's case database with `n` copies of the template under new ids, names, courts and hearing dates. */
async function seed(page, template, n) {
  await page.goto(`${env.base}/`);
  await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
  return page.evaluate(async ([template, n]) => {
    const read = (req) => new Promise((ok, fail) => {
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const db = await read(indexedDB.open('psc'));
    const courts = ["Northshire Magistrates' Court", 'Southshire Crown Court', 'Eastshire Magistrates\' Court'];
    let bytes = 0;
    for (let start = 0; start < n; start += 250) {
      const tx = db.transaction('cases', 'readwrite');
      for (let i = start; i < Math.min(n, start + 250); i += 1) {
        const record = JSON.parse(template);
        const when = new Date(Date.now() + ((i % 121) - 60) * 86400000);
        record.case.id = `bench${i}`;
        record.case.person.name = `Bench Person ${i}`;
        record.case.hearing.court = courts[i % 3];
        record.case.hearing.date = { day: String(when.getDate()), month: String(when.getMonth() + 1), year: String(when.getFullYear()) };
        const text = JSON.stringify(record);
        bytes += text.length;
        tx.objectStore('cases').put({ revision: record.case.revision, text }, record.case.id);
      }
      await new Promise((ok, fail) => {
        tx.oncomplete = ok;
        tx.onabort = () => fail(tx.error);
      });
    }
    db.close();
    return bytes / n;
  }, [template, n]);
}

/** From navigation until the case list shows every case, in ms. */
async function openList(page, n) {
  const t0 = Date.now();
  await page.goto(`${env.base}/`);
  await page.getByText(`${count(n)} cases on this device`).waitFor({ timeout: 600000 });
  return Date.now() - t0;
}

/** Each keystroke of a search, from the key to the next paint of the filtered list, in ms. */
async function searchTimes(page) {
  return page.evaluate(async () => {
    const input = document.getElementById('case-search');
    const painted = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    const times = [];
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await painted();
    for (const ch of 'person 12') {
      const t0 = performance.now();
      input.value += ch;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await painted();
      times.push(performance.now() - t0);
    }
    return times;
  });
}

/**
 * Presses "Show 50 more" until every case is shown (or `presses` times), each from the click to
 * the next paint, in ms: returns every press's time, in order.
 */
async function showMoreTimes(page, presses) {
  await page.goto(`${env.base}/`);
  await page.getByRole('button', { name: /^Show \d+ more/ }).waitFor();
  return page.evaluate(async (presses) => {
    const painted = () => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    const button = () => [...document.querySelectorAll('button')].find((b) => /^Show \d+ more/.test(b.textContent));
    const times = [];
    for (let i = 0; i < presses && button(); i += 1) {
      const t0 = performance.now();
      button().click();
      await painted();
      times.push(performance.now() - t0);
    }
    return times;
  }, presses);
}

/** Moves within the app (as a link would), keeping what is in memory, such as an open lock. */
async function within(page, path) {
  await page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/** Time for one save: from a keystroke in a case's court box until its write is stored, in ms. */
async function saveTimes(page, id) {
  await within(page, `/cases/${id}/hearing`);
  await page.getByLabel('Court').waitFor();
  return page.evaluate(async () => {
    const input = document.getElementById('court');
    const times = [];
    const put = window.pscDb.put;
    let stored = null;
    window.pscDb.put = async (...args) => {
      const answer = await put(...args);
      if (stored) stored();
      return answer;
    };
    for (let i = 0; i < 10; i += 1) {
      const done = new Promise((ok) => { stored = ok; });
      const t0 = performance.now();
      input.value += 'x';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await done;
      times.push(performance.now() - t0);
      await new Promise((ok) => setTimeout(ok, 50));
    }
    window.pscDb.put = put;
    return times;
  });
}

/** JS heap in use and the WebAssembly module's memory, in MB. */
async function memoryMb(page) {
  return page.evaluate(() => ({
    js: performance.memory ? performance.memory.usedJSHeapSize / 1048576 : NaN,
    wasm: window.benchWasmMemory ? window.benchWasmMemory.buffer.byteLength / 1048576 : NaN,
  }));
}

/** Interactions' durations (Event Timing API), kept across page loads in this tab. */
async function watchInteractions(context) {
  await context.addInitScript(() => {
    new PerformanceObserver((list) => {
      const seen = JSON.parse(sessionStorage.getItem('bench-inp') ?? '[]');
      for (const e of list.getEntries()) if (e.interactionId) seen.push([e.interactionId, e.duration]);
      sessionStorage.setItem('bench-inp', JSON.stringify(seen));
    }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  });
}

try {
  // What Chromium really fetches before the first page shows: for a returning officer (the
  // case list) and on a device's very first visit ("Who is using this device?"), each file's
  // gzipped size against the budget, and the bytes received (compressed, headers included).
  for (const [what, user, title] of [
    ['returning officer (case list)', undefined, 'Cases'],
    ['first visit ever ("Who is using this device?")', null, 'Who is using this device?'],
  ]) {
    const first = await freshPage(env.browser, user === null ? { user: null } : {});
    const cdp = await first.context().newCDPSession(first);
    await cdp.send('Network.enable');
    let wire = 0;
    const fetched = new Set();
    cdp.on('Network.loadingFinished', (e) => {
      wire += e.encodedDataLength;
    });
    first.on('request', (r) => {
      const path = new URL(r.url()).pathname.slice(1) || 'index.html';
      try {
        if (readdirSync(dist).includes(path)) fetched.add(path);
      } catch {
        // Not one of the app's files.
      }
    });
    await first.goto(`${env.base}/`);
    await first.getByRole('heading', { level: 1, name: title }).waitFor();
    await first.waitForLoadState('networkidle');
    const zipped = [...fetched].reduce((n, f) => n + gzipSync(readFileSync(join(dist, f)), { level: 9 }).length, 0) / 1024;
    const verdict = zipped <= BUDGET_KB ? 'within the budget' : `OVER the budget by ${(zipped - BUDGET_KB).toFixed(1)} KB`;
    console.log(`First load, ${what}: ${fetched.size} files, ${zipped.toFixed(1)} KB gzipped (${verdict}); received by the browser (compressed, headers included): ${(wire / 1024).toFixed(1)} KB`);
    await first.context().close();
  }
  console.log('');
  const template = realisticTemplate();
  for (const n of CASELOADS) {
    const page = await freshPage(env.browser);
    page.setDefaultTimeout(600000);
    // Trunk's loader announces the started module: keep its memory to measure.
    await page.context().addInitScript(() => {
      addEventListener('TrunkApplicationStarted', (e) => {
        window.benchWasmMemory = e.detail.wasm.memory;
      });
    });
    const cdp = await page.context().newCDPSession(page);
    const size = await seed(page, template, n);
    console.log(`With ${count(n)} realistic cases (${(size / 1024).toFixed(1)} KB each, ${(size * n / 1048576).toFixed(0)} MB in all)`);
    const first = await openList(page, n);
    console.log(`  first open of the day (every case read, every summary made and stored): ${first} ms`);
    // The summaries are stored in the background: wait for them before opening again.
    await page.waitForFunction(async (n) => {
      const req = indexedDB.open('psc');
      const db = await new Promise((ok) => { req.onsuccess = () => ok(req.result); });
      const count = db.transaction('summaries').objectStore('summaries').count();
      const found = await new Promise((ok) => { count.onsuccess = () => ok(count.result); });
      db.close();
      return found === n;
    }, n, { polling: 500 });
    for (const rate of [1, 4]) {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      const loads = [];
      for (let i = 0; i < RUNS; i += 1) loads.push(await openList(page, n));
      console.log(`  navigation to a usable case list, CPU ${rate}x: ${spread(loads)}`);
      const searches = [];
      for (let i = 0; i < RUNS; i += 1) searches.push(median(await searchTimes(page)));
      console.log(`  search keystroke to the filtered list painted, CPU ${rate}x: ${spread(searches)}`);
    }
    // "Show 50 more", pressed again and again at 4x: each press should cost the 50 it adds.
    {
      const presses = [];
      for (let i = 0; i < 3; i += 1) presses.push(await showMoreTimes(page, 100));
      const each = presses[0].map((_, i) => median(presses.map((p) => p[i] ?? p.at(-1))));
      const last = each.at(-1);
      console.log(`  "Show 50 more" pressed ${each.length} times, CPU 4x: first ${each[0].toFixed(0)} ms, median ${median(each).toFixed(0)} ms, worst ${Math.max(...each).toFixed(0)} ms, last (${count(Math.min(n, 50 * (each.length + 1)))} shown) ${last.toFixed(0)} ms`);
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const memory = await memoryMb(page);
    console.log(`  memory with the list open: JS heap ${memory.js.toFixed(0)} MB, WebAssembly ${memory.wasm.toFixed(0)} MB`);
    const saves = [];
    for (let i = 0; i < RUNS; i += 1) saves.push(median(await saveTimes(page, 'bench7')));
    console.log(`  one save (keystroke to stored), lock off: ${spread(saves, 'ms', 1)}`);
    await page.goto(`${env.base}/data`);
    await page.getByLabel('New passphrase').fill('bench passphrase here');
    await page.getByLabel('Type the passphrase again').fill('bench passphrase here');
    await page.getByRole('button', { name: 'Protect with this passphrase' }).click();
    await page.getByText(/are protected with a passphrase/).waitFor({ timeout: 600000 });
    const sealed = [];
    // (Moving within the app keeps the lock open: a reload would ask for the passphrase.)
    for (let i = 0; i < RUNS; i += 1) sealed.push(median(await saveTimes(page, 'bench7')));
    console.log(`  one save (keystroke to stored), lock on: ${spread(sealed, 'ms', 1)}`);
    await page.context().close();

    // Interaction to next paint while a whole case is completed by keyboard, CPU 4x.
    const typist = await freshPage(env.browser);
    typist.setDefaultTimeout(600000);
    await watchInteractions(typist.context());
    await seed(typist, template, n);
    await openList(typist, n);
    const slow = await typist.context().newCDPSession(typist);
    await slow.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await completeLivesAloneChecks(keyboard(typist), env.base);
    const seen = await typist.evaluate(() => JSON.parse(sessionStorage.getItem('bench-inp') ?? '[]'));
    const worst = new Map();
    for (const [id, d] of seen) worst.set(id, Math.max(worst.get(id) ?? 0, d));
    const inp = [...worst.values()].sort((a, b) => a - b);
    const p95 = inp.length ? inp[Math.min(inp.length - 1, Math.floor(inp.length * 0.95))] : 0;
    console.log(`  interaction to next paint completing a case by keyboard, CPU 4x: p95 ${p95.toFixed(0)} ms, worst ${(inp.at(-1) ?? 0).toFixed(0)} ms (${inp.length} interactions over 16 ms)\n`);
    await typist.context().close();
  }
} finally {
  await env.close();
}
