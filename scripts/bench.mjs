// Benchmark, separate from the tests: builds the release app, prints the first-load transfer
// size (HTML, CSS, JS, wasm; raw and gzipped), then times the app in Chromium with a thousand
// stored cases.
//
//   node scripts/bench.mjs            build, then measure
//   node scripts/bench.mjs --no-build measure the existing dist/
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const BUDGET_KB = 250;
const AIM_KB = 150;

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
const verdict = gz / 1024 <= AIM_KB ? 'within the aim' : gz / 1024 <= BUDGET_KB ? 'within the budget' : 'OVER THE BUDGET';
console.log(`  Budget ${BUDGET_KB} KB gzipped, aim ${AIM_KB} KB: ${verdict}\n`);
console.log('Fetched the first time one of their pages opens (kept offline after the first visit)');
for (const f of later) {
  const body = readFileSync(join(dist, f));
  console.log(`  ${f.padEnd(46)} ${kb(body.length)} ${kb(gzipSync(body, { level: 9 }).length)}`);
}
console.log('');

// Speed with a thousand stored cases.
const { launch, freshPage } = await import(join(root, 'tests', 'e2e', 'support.mjs'));
const { createCase, mouse, ALEX } = await import(join(root, 'tests', 'e2e', 'officer.mjs'));
const env = await launch();
try {
  // Bytes a browser really receives for the first load, headers included, measured by Chromium.
  {
    const first = await freshPage(env.browser);
    const cdp = await first.context().newCDPSession(first);
    await cdp.send('Network.enable');
    let wire = 0;
    cdp.on('Network.loadingFinished', (e) => {
      wire += e.encodedDataLength;
    });
    await first.goto(`${env.base}/`);
    await first.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
    await first.waitForLoadState('networkidle');
    console.log(`First load received by the browser (compressed, headers included): ${(wire / 1024).toFixed(1)} KB\n`);
    await first.context().close();
  }
  const page = await freshPage(env.browser);
  await createCase(mouse(page), env.base, ALEX);
  // Copy the stored case a thousand times, under new ids and names.
  const stored = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('psc.case.'));
    const template = localStorage.getItem(key);
    for (let i = 0; i < 1000; i += 1) {
      const copy = JSON.parse(template);
      copy.case.id = `bench${i}`;
      copy.case.person.name = `Bench Person ${i}`;
      copy.case.hearing.date.day = String((i % 28) + 1);
      localStorage.setItem(`psc.case.bench${i}`, JSON.stringify(copy));
    }
    return Object.keys(localStorage).filter((k) => k.startsWith('psc.case.')).length;
  });
  const loads = [];
  for (let i = 0; i < 5; i += 1) {
    const t0 = Date.now();
    await page.goto(`${env.base}/`);
    await page.getByRole('link', { name: 'Bench Person 999', exact: true }).waitFor();
    loads.push(Date.now() - t0);
  }
  await page.getByRole('link', { name: 'Bench Person 500', exact: true }).click();
  await page.getByRole('link', { name: 'Hearing, risk and orders' }).click();
  const court = page.getByLabel('Court');
  await court.click();
  const typing = await page.evaluate(async () => {
    // Time from a keystroke's input event to the next frame, over 30 keystrokes.
    const input = document.getElementById('court');
    const times = [];
    for (let i = 0; i < 30; i += 1) {
      const t0 = performance.now();
      input.value += 'x';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((ok) => requestAnimationFrame(() => ok()));
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return { median: times[15], worst: times[29] };
  });
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`With ${stored} stored cases`);
  console.log(`  open the app until the case list shows: median ${median(loads)} ms of ${loads.length} loads`);
  console.log(`  one keystroke to the next frame, saved: median ${typing.median.toFixed(1)} ms, worst ${typing.worst.toFixed(1)} ms of 30\n`);
} finally {
  await env.close();
}
