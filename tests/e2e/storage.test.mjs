// Never lose a case, never leak one: corrupt entries, a full store, two tabs, offline use, a new
// release, network traffic, hostile text, retention and deleting everything.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, daysFromToday, eventually, freshPage, launch, putStored, sayWhoIAm, storedCase, storedData, writeStoredCase } from './support.mjs';
import { start } from '../../scripts/static-server.mjs';
import { ALEX, completeLivesAloneChecks, createCase, heading, mouse, openSection, recordSuitable } from './officer.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

describe('corrupt stored cases', () => {
  test('are set aside byte for byte, shown with an explanation, and can be downloaded or deleted', async () => {
    const page = await freshPage(env.browser, { acceptDownloads: true });
    const actor = mouse(page);
    await createCase(actor, env.base, ALEX);
    const bad = {
      'psc.case.truncated': '{"schema_version":1,"case":{"id":"truncated","revision":3,"person":{"na',
      'psc.case.wrongtypes': '{"schema_version":1,"case":{"id":"wrongtypes","revision":"three"}}',
      'psc.case.newer': '{"schema_version":99,"case":{"id":"newer","from":"the future"}}',
    };
    await page.evaluate((entries) => {
      for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
    }, bad);
    await page.goto(`${env.base}/`);
    await heading(page, 'Cases');

    // The good case is untouched; the three bad ones are explained.
    await page.getByRole('link', { name: 'Alex Example' }).waitFor();
    await page.getByText('3 stored cases could not be read').waitFor();
    await page.getByText(/saved by a newer version of this app \(format 99\)/).waitFor();
    const stored = await storedData(page);
    for (const [key, text] of Object.entries(bad)) {
      const id = key.replace('psc.case.', '');
      assert.equal(stored.quarantine[`quarantine.${id}`], text, `${id} is kept aside byte for byte`);
      assert.equal(stored.cases[id], undefined, `${id} is no longer among the cases`);
      assert.equal(stored.local[key], undefined, `${key} left local storage once safely kept`);
    }

    // Download a copy: the file holds exactly what was stored.
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a copy of case truncated' }).click()]);
    assert.equal(file.suggestedFilename(), 'set-aside-case-truncated.json');
    assert.equal(readFileSync(await file.path(), 'utf8'), bad['psc.case.truncated']);

    // Delete one, after confirming.
    await page.getByRole('button', { name: 'Delete case wrongtypes' }).click();
    await page.getByRole('button', { name: 'Yes, delete case wrongtypes' }).click();
    await page.getByText('2 stored cases could not be read').waitFor();
    const after = await storedData(page);
    assert.equal(after.quarantine['quarantine.wrongtypes'], undefined);
    assert.equal(after.quarantine['quarantine.newer'], bad['psc.case.newer']);
    // And after a reload the deleted one stays deleted.
    await page.reload();
    await page.getByText('2 stored cases could not be read').waitFor();
    await page.context().close();
  });
});

describe('a full store', () => {
  test('says so, keeps the edit on screen, and saves it once there is room', async () => {
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    // A device with little room: this origin's quota is 4 MB (the browser checks it from the
    // first write on, so it is set before the app starts).
    const cdp = await page.context().newCDPSession(page);
    const origin = new URL(env.base).origin;
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 4 * 1024 * 1024 });
    await createCase(actor, env.base, ALEX);
    await openSection(actor, 'Hearing, risk and orders');
    await heading(page, 'Hearing, risk and orders');

    // Fill the rest of it, as other data on the device would.
    const junk = await page.evaluate(async () => {
      const read = (req) => new Promise((ok, fail) => {
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const open = indexedDB.open('junk', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('junk');
      const db = await read(open);
      let n = 0;
      for (let size = 256 * 1024; size >= 512; ) {
        const tx = db.transaction('junk', 'readwrite');
        tx.objectStore('junk').put('x'.repeat(size) + n, n);
        const ok = await new Promise((done) => {
          tx.oncomplete = () => done(true);
          tx.onabort = () => done(false);
        });
        if (ok) n += 1;
        else size = Math.floor(size / 2);
      }
      db.close();
      return n;
    });
    assert.ok(junk > 0);

    await page.getByLabel('Court').fill("Northshire Magistrates' Court, Court 3, with a longer name than before");
    const alert = page.getByRole('alert');
    await alert.getByText('Your latest changes are not saved yet').waitFor();
    await alert.getByText(/storage for the app is full/).waitFor();
    assert.equal(await page.getByLabel('Court').inputValue(), "Northshire Magistrates' Court, Court 3, with a longer name than before");
    // Nothing earlier was lost: storage still holds the case as it was.
    assert.equal((await storedCase(page)).record.case.hearing.court, "Northshire Magistrates' Court");

    // Free the space; the next attempt saves.
    await page.evaluate(() => new Promise((ok) => {
      const req = indexedDB.deleteDatabase('junk');
      req.onsuccess = ok;
      req.onerror = ok;
    }));
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await page.getByRole('button', { name: 'Try saving again' }).click();
    await page.getByText('Your latest changes are not saved yet').waitFor({ state: 'detached' });
    assert.equal((await storedCase(page)).record.case.hearing.court, "Northshire Magistrates' Court, Court 3, with a longer name than before");
    await page.reload();
    assert.equal(await page.getByLabel('Court').inputValue(), "Northshire Magistrates' Court, Court 3, with a longer name than before");
    await page.context().close();
  });
});

describe('two tabs', () => {
  test('see each other\'s changes, and never silently overwrite a newer version', async () => {
    const context = await env.browser.newContext();
    await sayWhoIAm(context);
    const first = await context.newPage();
    await createCase(mouse(first), env.base, ALEX);
    const hearingUrl = `${first.url()}/hearing`;
    await first.goto(hearingUrl);
    const second = await context.newPage();
    await second.goto(hearingUrl);
    await heading(second, 'Hearing, risk and orders');

    // A change in one tab appears in the other.
    await first.getByLabel('Court').fill('Southshire Crown Court');
    await second.waitForFunction(() => document.getElementById('court')?.value === 'Southshire Crown Court');

    // Another tab saves a newer version that this tab has not seen (as if its notice were lost).
    const { id, record } = await storedCase(second);
    record.case.revision += 5;
    record.case.hearing.court = 'Version saved elsewhere';
    await writeStoredCase(second, id, record);

    await second.getByLabel('Court').fill('Version typed here');
    const alert = second.getByRole('alert');
    await alert.getByText('This case was changed in another tab or window').waitFor();
    assert.equal((await storedCase(second)).record.case.hearing.court, 'Version saved elsewhere', 'nothing overwritten yet');
    await second.getByRole('button', { name: 'Keep the version in this tab' }).click();
    await alert.waitFor({ state: 'detached' });
    await eventually(async () => (await storedCase(second)).record.case.hearing.court === 'Version typed here', 'the kept version is stored');
    const kept = (await storedCase(second)).record.case;
    assert.equal(kept.hearing.court, 'Version typed here');
    assert.ok(kept.revision > record.case.revision, 'the kept version is the newest');

    // And the other choice: take the version from elsewhere.
    const again = (await storedCase(second)).record;
    again.case.revision += 5;
    again.case.hearing.court = 'Another version saved elsewhere';
    await writeStoredCase(second, id, again);
    await second.getByLabel('Court').fill('Typed here, to be discarded');
    await second.getByRole('button', { name: 'Use the other version' }).click();
    await second.waitForFunction(() => document.getElementById('court')?.value === 'Another version saved elsewhere');
    assert.equal((await storedCase(second)).record.case.hearing.court, 'Another version saved elsewhere');
    await context.close();
  });
});

describe('offline and kept', () => {
  test('after the first visit the app opens and works with the network off', async () => {
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    await createCase(actor, env.base, ALEX);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.context().setOffline(true);
    await page.goto(`${env.base}/`);
    await heading(page, 'Cases');
    await page.getByRole('link', { name: 'Alex Example' }).click();
    await heading(page, 'Alex Example');
    await createCase(actor, env.base, { ...ALEX, name: 'Offline Example' });
    await page.goto(`${env.base}/`);
    await page.getByRole('link', { name: 'Offline Example' }).waitFor();
    await page.context().close();
  });

  test('a new release replaces the old one cleanly', async () => {
    // Serve a copy of the build, then publish a "new release" of it at the same address.
    const dir = mkdtempSync(join(tmpdir(), 'psc-release-'));
    cpSync(join(root, 'dist'), dir, { recursive: true });
    const server = await start(dir, 0);
    const base = `http://127.0.0.1:${server.address().port}`;
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext();
      await sayWhoIAm(context);
      const page = await context.newPage();
      await page.goto(`${base}/`);
      await heading(page, 'Cases');
      await page.evaluate(() => navigator.serviceWorker.ready);
      const before = await page.evaluate(() => caches.keys());
      assert.equal(before.length, 1);

      const index = readFileSync(join(dir, 'index.html'), 'utf8').replace('<title>', '<meta name="release" content="2">\n    <title>');
      writeFileSync(join(dir, 'index.html'), index);
      const sw = readFileSync(join(dir, 'sw.js'), 'utf8').replace(/const VERSION = '[^']+'/, "const VERSION = 'release-2'");
      writeFileSync(join(dir, 'sw.js'), sw);

      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        await registration.update();
        await new Promise((done) => {
          if (registration.installing || registration.waiting) {
            navigator.serviceWorker.addEventListener('controllerchange', done, { once: true });
          } else {
            done();
          }
        });
      });
      await page.reload();
      await heading(page, 'Cases');
      assert.equal(await page.locator('meta[name="release"]').getAttribute('content'), '2');
      assert.deepEqual(await page.evaluate(() => caches.keys()), ['psc-app-release-2'], 'the old release is gone');
    } finally {
      await browser.close();
      await new Promise((ok) => server.close(ok));
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the app asks for persistent storage and shows the answer', async () => {
    const page = await freshPage(env.browser);
    await page.goto(`${env.base}/data`);
    await heading(page, 'Data on this device');
    const text = await page.locator('#persistence').textContent();
    assert.match(text, /^Persistent storage is (granted|not granted)|did not say/);
  });
});

describe('no traffic', () => {
  test('a whole case makes no request to any other origin, under a strict CSP', async () => {
    const page = await freshPage(env.browser);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await completeLivesAloneChecks(mouse(page), env.base);
    const elsewhere = requests.filter((u) => !u.startsWith(`${env.base}/`));
    assert.deepEqual(elsewhere, []);
    assert.ok(requests.length > 3);
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
    assert.deepEqual(page.problems, [], 'no CSP violation or other error was reported');
  });
});

describe('hostile text', () => {
  test('markup, scripts, links, long, right-to-left and zero-width text are stored and shown as plain text', async () => {
    const page = await freshPage(env.browser, { viewport: { width: 320, height: 800 } });
    let dialogs = 0;
    page.on('dialog', async (d) => {
      dialogs += 1;
      await d.dismiss();
    });
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)> javascript:alert(3) \u202Eevil\u202C zero\u200Bwidth 😀 ';
    const long = 'W'.repeat(3000);
    await createCase(mouse(page), env.base, { ...ALEX, name: hostile + long, court: '<b>Bold court</b>' });
    const record = (await storedCase(page)).record;
    assert.equal(record.case.person.name, hostile + long, 'stored exactly');
    await page.getByRole('heading', { level: 1 }).getByText('<script>alert(1)</script>', { exact: false }).waitFor();
    assert.equal(await page.locator('img[src="x"]').count(), 0, 'no element was made from the text');
    assert.equal(await page.locator('b', { hasText: 'Bold court' }).count(), 0);
    await page.getByText('<b>Bold court</b>', { exact: false }).first().waitFor();
    for (const path of ['', '/check']) {
      await page.goto(`${page.url().replace(/\/check$/, '')}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `no sideways scroll at 320px on ${path || 'task list'} (${overflow}px)`);
    }
    await page.goto(`${env.base}/`);
    await page.getByRole('link', { name: /<script>alert\(1\)<\/script>/ }).waitFor();
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)) <= 1);
    assert.equal(dialogs, 0, 'no script ran');
    assert.deepEqual(page.problems, []);
  });
});

describe('retention and deletion', () => {
  test('old cases are offered for deletion, and "delete all data" leaves storage empty', async () => {
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    await createCase(actor, env.base, { ...ALEX, name: 'Heard Long Ago', hearing: daysFromToday(-45) });
    await createCase(actor, env.base, { ...ALEX, name: 'Heard Soon' });
    await page.goto(`${env.base}/`);
    await page.getByText('1 case had its hearing more than 30 days ago.').waitFor();
    await page.getByRole('link', { name: 'Check whether you still need them' }).click();
    await heading(page, 'Data on this device');
    await page.getByRole('link', { name: 'Heard Long Ago', exact: true }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Heard Soon', exact: true }).count(), 0);

    // The number of days is the officer's to set.
    await page.getByLabel('Remind me this many days after the hearing').fill('60');
    await page.getByRole('button', { name: 'Save reminder' }).click();
    await page.getByText('No case had its hearing more than 60 days ago.').waitFor();
    await page.getByLabel('Remind me this many days after the hearing').fill('soon');
    await page.getByRole('button', { name: 'Save reminder' }).click();
    await page.getByRole('alert').getByText('Enter a whole number of days from 1 to 3650, like 30').waitFor();
    await page.getByLabel('Remind me this many days after the hearing').fill('30');
    await page.getByRole('button', { name: 'Save reminder' }).click();
    await page.getByRole('button', { name: 'Delete this case' }).click();
    await page.getByRole('button', { name: 'Yes, delete it' }).click();
    await page.getByText('No case had its hearing more than 30 days ago.').waitFor();

    await page.getByRole('button', { name: 'Delete all data on this device' }).click();
    await heading(page, 'Are you sure you want to delete all data on this device?');
    // It names what it deletes, counted from what is stored.
    await page.getByText('This deletes 1 real case and 0 set-aside entries, any case you had started creating, and your settings, from this browser on this device. There is no training on this device. It cannot be undone.').waitFor();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    // Who was using the device is deleted too, so the app starts afresh by asking.
    await heading(page, 'Who is using this device?');
    const left = await storedData(page);
    assert.deepEqual(Object.keys(left.local), [], 'every local storage key the app wrote is gone');
    assert.deepEqual([left.cases, left.summaries, left.quarantine], [{}, {}, {}], 'no case, summary or set-aside entry is left');
    const training = await storedData(page, 'psc-training');
    assert.deepEqual([training.cases, training.summaries, training.quarantine], [{}, {}, {}], 'nor any training case');
  });
});

describe('passphrase protection', () => {
  test('encrypts stored cases, opens only with the right passphrase, and a wrong one changes nothing', async () => {
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    await createCase(actor, env.base, ALEX);
    await page.goto(`${env.base}/data`);
    await heading(page, 'Data on this device');

    // Too short, then not the same twice.
    await page.getByLabel('New passphrase').fill('short');
    await page.getByRole('button', { name: 'Protect with this passphrase' }).click();
    await page.getByRole('alert').getByText('Passphrase must be 10 characters or more').waitFor();
    await page.getByLabel('New passphrase').fill('correct horse battery');
    await page.getByLabel('Type the passphrase again').fill('correct horse batter');
    await page.getByRole('button', { name: 'Protect with this passphrase' }).click();
    await page.getByRole('alert').getByText('The two passphrases are not the same').waitFor();

    await page.getByLabel('Type the passphrase again').fill('correct horse battery');
    await page.getByRole('button', { name: 'Protect with this passphrase' }).click();
    await page.getByText(/are protected with a passphrase: they are stored encrypted/).waitFor();
    const everything = () => storedData(page);
    await eventually(async () => Object.values((await everything()).cases).every((v) => v.includes('"sealed"')), 'every case is sealed');
    let stored = await everything();
    assert.ok(stored.local['psc.lock'], 'a lock record is kept');
    assert.deepEqual(stored.summaries, {}, 'no summary (which names the person) is kept while protected');
    const text = JSON.stringify(stored);
    assert.ok(!text.includes('Alex Example') && !text.includes('Theft from a shop'), 'no case text is stored readable');

    // Changes made while open are stored sealed too. (A reload would ask for the passphrase, so
    // move within the app.)
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await page.getByRole('link', { name: 'Alex Example' }).click();
    await page.getByRole('link', { name: 'Hearing, risk and orders' }).click();
    await page.getByLabel('Court').fill('Sealed Magistrates Court');
    await eventually(async () => (await storedCase(page)).record.revision > 1, 'the change is stored');
    assert.ok(!JSON.stringify(await everything()).includes('Sealed Magistrates Court'));

    // After a reload the app asks for the passphrase and shows nothing until then.
    await page.reload();
    await heading(page, 'Enter your passphrase');
    assert.equal(await page.getByText('Alex Example').count(), 0);
    stored = await everything();
    await page.getByLabel('Passphrase').fill('wrong horse battery');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('alert').getByText('The passphrase is not right. Nothing has been changed.', { exact: false }).waitFor();
    assert.deepEqual(await everything(), stored, 'a wrong passphrase changed nothing');

    await page.getByLabel('Passphrase').fill('correct horse battery');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('heading', { name: 'Hearing, risk and orders' }).waitFor();
    assert.equal(await page.getByLabel('Court').inputValue(), 'Sealed Magistrates Court');

    // Lock now, then turn protection off: cases are stored readable again.
    await page.getByRole('link', { name: 'Data on this device' }).click();
    await page.getByRole('button', { name: 'Lock now' }).click();
    await heading(page, 'Enter your passphrase');
    await page.getByLabel('Passphrase').fill('correct horse battery');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await heading(page, 'Data on this device');
    await page.getByRole('button', { name: 'Turn off passphrase protection' }).click();
    await page.getByText(/are not protected with a passphrase/).waitFor();
    stored = await everything();
    assert.equal(stored.local['psc.lock'], undefined);
    assert.ok(JSON.stringify(stored.cases).includes('Sealed Magistrates Court'));
    assert.deepEqual(page.problems, []);
  });

  test('a sealed case moved under another case, or given another revision, is set aside, not opened', async () => {
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    const ids = {};
    for (const name of ['Alex Example', 'Blair Sample', 'Corey Test']) {
      await createCase(actor, env.base, { ...ALEX, name });
      ids[name] = new URL(page.url()).pathname.split('/')[2];
    }
    await page.goto(`${env.base}/data`);
    await page.getByLabel('New passphrase').fill('correct horse battery');
    await page.getByLabel('Type the passphrase again').fill('correct horse battery');
    await page.getByRole('button', { name: 'Protect with this passphrase' }).click();
    await eventually(async () => Object.values((await storedData(page)).cases).every((v) => v.includes('"sealed"')), 'every case is sealed');

    // Someone with the device's storage, but not the passphrase: Alex's sealed case copied over
    // Blair's, and Corey's given a later revision than the one it was sealed at.
    const { cases } = await storedData(page);
    const alex = JSON.parse(cases[ids['Alex Example']]);
    const corey = JSON.parse(cases[ids['Corey Test']]);
    await writeStoredCase(page, ids['Blair Sample'], alex);
    await writeStoredCase(page, ids['Corey Test'], { ...corey, revision: corey.revision + 5 });

    await page.goto(`${env.base}/`);
    await page.getByLabel('Passphrase').fill('correct horse battery');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('link', { name: 'Alex Example' }).waitFor();
    await page.getByText('2 stored cases could not be read').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Alex Example' }).count(), 1, 'Alex is listed once');
    assert.equal(await page.getByRole('link', { name: 'Corey Test' }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Blair Sample' }).count(), 0);
    const stored = await storedData(page);
    assert.equal(stored.quarantine[`quarantine.${ids['Blair Sample']}`], JSON.stringify(alex), 'kept aside byte for byte');
    assert.ok(stored.quarantine[`quarantine.${ids['Corey Test']}`]);
    assert.deepEqual(page.problems, []);
  });

  test('a case the rules change as the lock opens is stored sealed', async () => {
    // "Curfew suitable" recorded on a complete case, then the store locked.
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    await completeLivesAloneChecks(actor, env.base);
    await recordSuitable(actor, 'Lives alone as the tenant; every check is clear.');
    await page.getByRole('link', { name: 'Back to task list' }).waitFor();
    await page.goto(`${env.base}/data`);
    await page.getByLabel('New passphrase').fill('correct horse battery');
    await page.getByLabel('Type the passphrase again').fill('correct horse battery');
    await page.getByRole('button', { name: 'Protect with this passphrase' }).click();
    await eventually(async () => Object.values((await storedData(page)).cases).every((v) => v.includes('"sealed"')), 'the case is sealed');
    const before = (await storedCase(page)).record.revision;

    // Ten days earlier the enquiry replies had not yet come: read on that day, the finding no
    // longer stands, and the rules set it aside as the cases are read, before the lock is open.
    await page.clock.setFixedTime(new Date(Date.now() - 10 * 86400000));
    await page.goto(`${env.base}/`);
    await heading(page, 'Enter your passphrase');
    await page.getByLabel('Passphrase').fill('correct horse battery');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('link', { name: 'Alex Example' }).waitFor();
    await eventually(async () => (await storedCase(page)).record.revision > before, 'the set-aside finding is stored');
    const text = JSON.stringify(await storedData(page));
    assert.ok(Object.values((await storedData(page)).cases).every((v) => v.includes('"sealed"')), 'stored sealed');
    assert.ok(!text.includes('Alex Example') && !text.includes('no longer stands'), 'no case text is stored readable');

    await page.getByRole('link', { name: 'Alex Example' }).click();
    await page.getByRole('link', { name: 'History of changes' }).click();
    await page.getByText("'Curfew suitable' no longer stands", { exact: false }).first().waitFor();
    assert.deepEqual(page.problems, []);
  });
});

describe('moving from local storage (earlier releases)', () => {
  const fixture = (version) => readFileSync(join(root, 'tests', 'fixtures', `schema-v${version}.json`), 'utf8');

  /** Puts entries into local storage as an earlier release left them, then starts the app again. */
  async function asEarlierReleaseLeftIt(page, entries) {
    await page.goto(`${env.base}/`);
    await heading(page, 'Cases');
    await page.evaluate((list) => {
      for (const [k, v] of Object.entries(list)) localStorage.setItem(k, v);
    }, entries);
    await page.reload();
    await heading(page, 'Cases');
  }

  test('every case and set-aside entry moves into the browser database byte for byte', async () => {
    const page = await freshPage(env.browser);
    const v1 = fixture(1).replace('"id":"every-field"', '"id":"older-case"');
    const v3 = fixture(3);
    const idOf = (text) => JSON.parse(text).case.id;
    const aside = '{"schema_version":3,"case":{"id":"broken","revision":2,"person":{"na';
    const training = v3.replace(`"id":"${idOf(v3)}"`, '"id":"practice"');
    const entries = {
      [`psc.case.${idOf(v1)}`]: v1,
      [`psc.case.${idOf(v3)}`]: v3,
      'psc.quarantine.broken': aside,
      'psc.training.case.practice': training,
    };
    assert.notEqual(idOf(v1), idOf(v3));
    await asEarlierReleaseLeftIt(page, entries);
    await page.getByText('1 stored case could not be read').waitFor();
    // Moved cases have no summary yet: the list shows once both are read and summarised.
    await page.getByText('2 cases on this device').waitFor();
    assert.equal(await page.getByRole('main').getByRole('heading', { level: 3 }).count(), 2, 'both cases are listed');

    const stored = await storedData(page);
    assert.equal(stored.cases[idOf(v1)], v1, 'the version 1 case, byte for byte (migrated only when read)');
    assert.equal(stored.cases[idOf(v3)], v3, 'the version 3 case, byte for byte');
    assert.equal(stored.quarantine['quarantine.broken'], aside, 'the set-aside entry, byte for byte');
    for (const key of [`psc.case.${idOf(v1)}`, `psc.case.${idOf(v3)}`, 'psc.quarantine.broken']) {
      assert.equal(stored.local[key], undefined, `${key} is removed once its copy is checked`);
    }
    assert.equal(stored.local['psc.training.case.practice'], training, 'training cases wait for training to open');
    assert.ok(stored.local['psc.settings.user'], 'settings stay in local storage');
    assert.equal(await page.getByText(/could not be moved/).count(), 0);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('a move that fails part-way leaves every old entry in place, readable, and says so', async () => {
    const page = await freshPage(env.browser);
    const v3 = fixture(3);
    const id = JSON.parse(v3).case.id;
    await page.goto(`${env.base}/`);
    await heading(page, 'Cases');
    // No room for the database: the move cannot complete.
    const cdp = await page.context().newCDPSession(page);
    const origin = new URL(env.base).origin;
    const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage });
    await asEarlierReleaseLeftIt(page, { [`psc.case.${id}`]: v3 });

    await page.getByText(/1 stored case could not be moved into this browser's database\. Nothing is lost/).waitFor();
    await page.getByRole('link', { name: 'Dan Sample' }).waitFor();
    let stored = await storedData(page);
    assert.equal(stored.local[`psc.case.${id}`], v3, 'the old entry is untouched');

    // With room again, the next start moves it.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
    await page.reload();
    await page.getByRole('link', { name: 'Dan Sample' }).waitFor();
    assert.equal(await page.getByText(/could not be moved/).count(), 0);
    stored = await storedData(page);
    assert.equal(stored.cases[id], v3);
    assert.equal(stored.local[`psc.case.${id}`], undefined);
    await page.context().close();
  });

  test('a store locked with a passphrase moves sealed, and opens with the passphrase', async () => {
    // A locked store, as an earlier release kept it: made here by locking a case, then put back
    // into local storage in a fresh browser.
    const maker = await freshPage(env.browser);
    await createCase(mouse(maker), env.base, ALEX);
    await maker.goto(`${env.base}/data`);
    await maker.getByLabel('New passphrase').fill('correct horse battery');
    await maker.getByLabel('Type the passphrase again').fill('correct horse battery');
    await maker.getByRole('button', { name: 'Protect with this passphrase' }).click();
    await eventually(async () => Object.values((await storedData(maker)).cases).every((v) => v.includes('"sealed"')), 'the case is sealed');
    const made = await storedData(maker);
    await maker.context().close();
    const [id, sealed] = Object.entries(made.cases)[0];

    const page = await freshPage(env.browser);
    await page.goto(`${env.base}/`);
    await heading(page, 'Cases');
    await page.evaluate(([entries]) => {
      for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
    }, [{ 'psc.lock': made.local['psc.lock'], [`psc.case.${id}`]: sealed }]);
    await page.reload();
    await heading(page, 'Enter your passphrase');
    let stored = await storedData(page);
    assert.equal(stored.cases[id], sealed, 'moved sealed, byte for byte, without the passphrase');
    assert.equal(stored.local[`psc.case.${id}`], undefined);
    await page.getByLabel('Passphrase').fill('correct horse battery');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('link', { name: 'Alex Example' }).waitFor();
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});

describe('the summary index', () => {
  test('a save writes only that case and its summary, and a stale summary is made again', async () => {
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    await createCase(actor, env.base, { ...ALEX, name: 'Other Example' });
    await createCase(actor, env.base, ALEX);
    const caseUrl = page.url();
    const before = await storedData(page);
    const ids = Object.keys(before.cases);
    assert.equal(ids.length, 2);
    const nameOf = (id) => JSON.parse(before.cases[id]).case.person.name;
    const mine = [ids.find((id) => nameOf(id) === 'Alex Example')];
    const other = [ids.find((id) => nameOf(id) === 'Other Example')];
    for (const id of ids) {
      const summary = JSON.parse(before.summaries[id]).summary;
      assert.equal(summary.revision, JSON.parse(before.cases[id]).case.revision, 'each summary is of its case as stored');
    }

    await page.goto(`${caseUrl}/hearing`);
    await page.getByLabel('Court').fill('Westshire Magistrates Court');
    // While typing, the summary is left out (never left stale); leaving the box writes it.
    await eventually(async () => (await storedCase(page)).record !== undefined && (await storedData(page)).summaries[mine[0]] === undefined, 'no stale summary while typing');
    await page.keyboard.press('Tab');
    await eventually(async () => JSON.parse((await storedData(page)).summaries[mine[0]] ?? '{"summary":{}}').summary.court === 'Westshire Magistrates Court', 'the summary follows the case');
    const after = await storedData(page);
    assert.equal(after.cases[other[0]], before.cases[other[0]], 'the other case is not written');
    assert.equal(after.summaries[other[0]], before.summaries[other[0]], 'nor its summary');
    assert.deepEqual(Object.keys(after.cases).sort(), ids.slice().sort());
    const summary = JSON.parse(after.summaries[mine[0]]).summary;
    assert.equal(summary.revision, JSON.parse(after.cases[mine[0]]).case.revision);

    // A summary older than its case (as if a write were cut short) is never trusted.
    const stale = JSON.parse(after.summaries[mine[0]]);
    stale.summary.name = 'Stale Name';
    stale.summary.revision -= 1;
    await putStored(page, [['summaries', mine[0], JSON.stringify(stale)]]);
    await page.goto(`${env.base}/`);
    await page.getByRole('link', { name: 'Alex Example' }).waitFor();
    assert.equal(await page.getByText('Stale Name').count(), 0);
    await eventually(async () => JSON.parse((await storedData(page)).summaries[mine[0]]).summary.name === 'Alex Example', 'the stale summary is stored afresh');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});

describe('reading cases', () => {
  test('the list reads no full case, and a case is read only when it is opened', async () => {
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    await createCase(actor, env.base, { ...ALEX, name: 'Other Example' });
    await createCase(actor, env.base, ALEX);
    await page.goto(`${env.base}/`);
    await eventually(async () => Object.keys((await storedData(page)).summaries).length === 2, 'both summaries are stored');
    const stored = await storedData(page);
    const otherId = Object.keys(stored.cases).find((id) => JSON.parse(stored.cases[id]).case.person.name === 'Other Example');
    const { revision } = JSON.parse(stored.cases[otherId]).case;
    // Damage the other case's stored copy but not its revision or summary: only reading the
    // case itself could notice.
    const damaged = `{"schema_version":1,"case":{"id":"${otherId}","revision":${revision},"person":{"na`;
    await putStored(page, [['cases', otherId, { revision, text: damaged }]]);

    const later = await page.context().newPage();
    const errors = [];
    later.on('pageerror', (e) => errors.push(e.message));
    await later.goto(`${env.base}/`);
    await later.getByRole('link', { name: 'Other Example' }).waitFor();
    // Opening one case reads that case alone.
    await later.getByRole('link', { name: 'Alex Example' }).click();
    await later.getByRole('heading', { level: 1, name: 'Alex Example' }).waitFor();
    await later.getByRole('navigation', { name: 'Menu' }).getByRole('link', { name: 'Cases' }).click();
    await later.getByRole('link', { name: 'Other Example' }).waitFor();
    assert.equal(await later.getByText(/could not be read/).count(), 0, 'the damaged case has not been read');
    assert.equal((await storedData(later)).cases[otherId], damaged);

    // Opening it reads it: it is set aside byte for byte, and both its page and the list say so.
    await later.getByRole('link', { name: 'Other Example' }).click();
    await later.getByRole('heading', { level: 1, name: 'Case could not be read' }).waitFor();
    const after = await storedData(later);
    assert.equal(after.quarantine[`quarantine.${otherId}`], damaged);
    assert.equal(after.cases[otherId], undefined);
    await later.getByRole('link', { name: 'Go to the list of cases' }).click();
    await later.getByText('1 stored case could not be read').waitFor();
    assert.equal(await later.getByRole('link', { name: 'Other Example' }).count(), 0);
    await later.getByRole('link', { name: 'Alex Example' }).waitFor();
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});

describe('the database of an earlier release', () => {
  test('cases stored before the list kept its own record of revisions are all listed, and a case written by other means is found', async () => {
    const page = await freshPage(env.browser);
    const v3 = readFileSync(join(root, 'tests', 'fixtures', 'schema-v3.json'), 'utf8');
    const { id, revision, person } = JSON.parse(v3).case;
    // The database as the previous release left it (version 2: no `revisions` store), made
    // from a page of the same site that does not start the app.
    await page.goto(`${env.base}/robots.txt`);
    await page.evaluate(async ([id, revision, text]) => {
      const req = indexedDB.open('psc', 2);
      req.onupgradeneeded = () => {
        const db = req.result;
        db.createObjectStore('cases').createIndex('revision', 'revision');
        db.createObjectStore('summaries');
        db.createObjectStore('quarantine');
      };
      const db = await new Promise((ok) => { req.onsuccess = () => ok(req.result); });
      const tx = db.transaction('cases', 'readwrite');
      tx.objectStore('cases').put({ revision, text }, id);
      await new Promise((ok) => { tx.oncomplete = ok; });
      db.close();
    }, [id, revision, v3]);
    await page.goto(`${env.base}/`);
    await page.getByText('1 case on this device').waitFor();
    await page.getByRole('link', { name: person.name }).waitFor();

    // A case written into the database without its revision (by other means than the app) is
    // still found: the record of revisions is made again when it does not match the cases.
    const other = v3.replace(`"id":"${id}"`, '"id":"written-elsewhere"').replace(`"name":"${person.name}"`, '"name":"Robin Example"');
    await putStored(page, [['cases', 'written-elsewhere', { revision, text: other }]]);
    await page.reload();
    await page.getByText('2 cases on this device').waitFor();
    await page.getByRole('link', { name: 'Robin Example' }).waitFor();
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});

describe('space on the device', () => {
  test('"Data on this device" says how much space the app uses and how much is left', async () => {
    const page = await freshPage(env.browser);
    await createCase(mouse(page), env.base, ALEX);
    await page.goto(`${env.base}/data`);
    await heading(page, 'Data on this device');
    await page.getByRole('heading', { name: 'Space used' }).waitFor();
    const said = await page.getByText(/^The app uses [\d.]+ (MB|GB) on this device \(1 case,/).textContent();
    assert.match(said, /The browser lets it use up to [\d.]+ (MB|GB): [\d.]+ (MB|GB) is left\./);
    assert.equal(await page.getByText(/running out of room/).count(), 0, 'no warning with plenty of room');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});

describe('the first download', () => {
  test('the case list opens from the stored summaries, without fetching the rules or other pages', async () => {
    const page = await freshPage(env.browser);
    await createCase(mouse(page), env.base, ALEX);
    await page.goto(`${env.base}/`);
    await page.getByRole('link', { name: 'Alex Example' }).waitFor();
    await eventually(async () => Object.keys((await storedData(page)).summaries).length === 1, 'the summary is stored');

    const later = await page.context().newPage();
    const modules = [];
    later.on('request', (r) => {
      const file = new URL(r.url()).pathname.slice(1);
      if (/^(split_|chunk_).*\.wasm$/.test(file)) modules.push(file);
    });
    await later.goto(`${env.base}/`);
    await later.getByRole('link', { name: 'Alex Example' }).waitFor();
    await later.getByText('1 case on this device').waitFor();
    await later.waitForTimeout(500);
    assert.deepEqual(modules, [], 'no separately fetched module was needed for the list');

    // Opening the case brings the rules.
    await later.getByRole('link', { name: 'Alex Example' }).click();
    await later.getByRole('heading', { level: 1, name: 'Alex Example' }).waitFor();
    assert.ok(modules.length > 0, 'the case page fetched its modules');
    await page.context().close();
  });
});
