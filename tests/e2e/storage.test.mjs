// Never lose a case, never leak one: corrupt entries, a full store, two tabs, offline use, a new
// release, network traffic, hostile text, retention and deleting everything.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, daysFromToday, freshPage, launch, sayWhoIAm } from './support.mjs';
import { start } from '../../scripts/static-server.mjs';
import { ALEX, completeLivesAloneChecks, createCase, heading, mouse, openSection } from './officer.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

/** The stored record of the only case on the page's origin. */
async function storedCase(page) {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('psc.case.'));
    return { key, record: JSON.parse(localStorage.getItem(key)) };
  });
}

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
    const stored = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
    for (const [key, text] of Object.entries(bad)) {
      const aside = key.replace('psc.case.', 'psc.quarantine.');
      assert.equal(stored[aside], text, `${aside} is kept byte for byte`);
      assert.equal(stored[key], undefined, `${key} was moved aside`);
    }

    // Download a copy: the file holds exactly what was stored.
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a copy of case truncated' }).click()]);
    assert.equal(file.suggestedFilename(), 'set-aside-case-truncated.json');
    assert.equal(readFileSync(await file.path(), 'utf8'), bad['psc.case.truncated']);

    // Delete one, after confirming.
    await page.getByRole('button', { name: 'Delete case wrongtypes' }).click();
    await page.getByRole('button', { name: 'Yes, delete case wrongtypes' }).click();
    await page.getByText('2 stored cases could not be read').waitFor();
    assert.equal(await page.evaluate(() => localStorage.getItem('psc.quarantine.wrongtypes')), null);
    assert.notEqual(await page.evaluate(() => localStorage.getItem('psc.quarantine.newer')), null);
    await page.context().close();
  });
});

describe('a full store', () => {
  test('says so, keeps the edit on screen, and saves it once there is room', async () => {
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    await createCase(actor, env.base, ALEX);
    await openSection(actor, 'Hearing, risk and orders');
    await heading(page, 'Hearing, risk and orders');

    // Fill the rest of this origin's storage.
    const junk = await page.evaluate(() => {
      const block = 'x'.repeat(256 * 1024);
      let n = 0;
      for (;;) {
        try {
          localStorage.setItem(`junk.${n}`, block);
          n += 1;
        } catch {
          break;
        }
      }
      for (let size = 128 * 1024; size >= 1; size = Math.floor(size / 2)) {
        try {
          localStorage.setItem(`junk.${n}`, 'y'.repeat(size));
          n += 1;
        } catch {
          // try a smaller piece
        }
      }
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
    await page.evaluate(() => {
      for (const k of Object.keys(localStorage)) if (k.startsWith('junk.')) localStorage.removeItem(k);
    });
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
    const { key, record } = await storedCase(second);
    record.case.revision += 5;
    record.case.hearing.court = 'Version saved elsewhere';
    await second.evaluate(([k, v]) => localStorage.setItem(k, v), [key, JSON.stringify(record)]);

    await second.getByLabel('Court').fill('Version typed here');
    const alert = second.getByRole('alert');
    await alert.getByText('This case was changed in another tab or window').waitFor();
    assert.equal((await storedCase(second)).record.case.hearing.court, 'Version saved elsewhere', 'nothing overwritten yet');
    await second.getByRole('button', { name: 'Keep the version in this tab' }).click();
    await alert.waitFor({ state: 'detached' });
    const kept = (await storedCase(second)).record.case;
    assert.equal(kept.hearing.court, 'Version typed here');
    assert.ok(kept.revision > record.case.revision, 'the kept version is the newest');

    // And the other choice: take the version from elsewhere.
    const again = (await storedCase(second)).record;
    again.case.revision += 5;
    again.case.hearing.court = 'Another version saved elsewhere';
    await second.evaluate(([k, v]) => localStorage.setItem(k, v), [key, JSON.stringify(again)]);
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
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    // Who was using the device is deleted too, so the app starts afresh by asking.
    await heading(page, 'Who is using this device?');
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], 'every key the app wrote is gone');
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
    const everything = async () => page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
    await page.waitForFunction(() => Object.entries(localStorage).every(([k, v]) => !k.startsWith('psc.case.') || v.includes('"sealed"')));
    let stored = await everything();
    assert.ok(stored['psc.lock'], 'a lock record is kept');
    const text = JSON.stringify(stored);
    assert.ok(!text.includes('Alex Example') && !text.includes('Theft from a shop'), 'no case text is stored readable');

    // Changes made while open are stored sealed too. (A reload would ask for the passphrase, so
    // move within the app.)
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    await page.getByRole('link', { name: 'Alex Example' }).click();
    await page.getByRole('link', { name: 'Hearing, risk and orders' }).click();
    await page.getByLabel('Court').fill('Sealed Magistrates Court');
    await page.waitForFunction(() => {
      const key = Object.keys(localStorage).find((k) => k.startsWith('psc.case.'));
      return JSON.parse(localStorage.getItem(key)).revision > 1;
    });
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
    assert.equal(stored['psc.lock'], undefined);
    assert.ok(JSON.stringify(stored).includes('Sealed Magistrates Court'));
    assert.deepEqual(page.problems, []);
  });
});
