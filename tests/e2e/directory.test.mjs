// The team's agency directory (issue 22, item 2): agencies added on the page (a mistyped one
// refused with its message first), downloaded as a file, removed and imported back; a malformed
// file refused with a clear message and nothing changed; the directory's names offered as a pick
// on an enquiry, which still takes any name typed; axe at 1100 and 320 px. Every agency, address
// and person here is invented.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { axeViolations, eventually, freshPage, launch, storedCase } from './support.mjs';
import { ALEX, choose, createCase, heading, mouse, openSection } from './officer.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

const KEY = 'psc.settings.directory';
const PICK_HINT = "Choose from your team's directory, or type the name";

/** The directory page, as a person works it. */
function directoryPage(page) {
  const banner = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Success' }) });
  return {
    async open() {
      await page.goto(`${env.base}/data`);
      await heading(page, 'Data on this device');
      await page.getByRole('link', { name: 'Open the agency directory' }).click();
      await heading(page, 'Agency directory');
    },
    async add({ name, kind, sendBy, addressLabel, address, replyDays }) {
      await page.getByRole('button', { name: 'Add an agency' }).click();
      await heading(page, 'Add an agency');
      await page.getByLabel('Name of the agency').fill(name);
      await choose(mouse(page), page, 'Type of agency', kind);
      await choose(mouse(page), page, 'How does your team send enquiries to it?', sendBy);
      await page.getByLabel(addressLabel, { exact: true }).fill(address);
      if (replyDays) await page.getByLabel('Usual reply time in working days (optional)').fill(replyDays);
      await page.getByRole('button', { name: 'Save agency' }).click();
    },
    card(name) {
      return page.locator('.govuk-summary-card').filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });
    },
    async success(text) {
      await banner.getByText(text).waitFor();
    },
    async stored() {
      return page.evaluate((k) => localStorage.getItem(k), KEY);
    },
    async importFile(file) {
      await page.getByLabel('Upload a directory file').setInputFiles(file);
    },
  };
}

/** The error summary's links, as a person reads them. */
async function problems(page) {
  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
  await summary.waitFor();
  return summary.getByRole('link').allInnerTexts();
}

async function assertAccessible(page, what) {
  for (const width of [1100, 320]) {
    await page.setViewportSize({ width, height: 900 });
    assert.deepEqual(await axeViolations(page), [], `${what} at ${width} px`);
  }
  await page.setViewportSize({ width: 1100, height: 900 });
}

const NORTHSHIRE = {
  name: 'Northshire Police',
  kind: 'Police force',
  sendBy: 'Secure email',
  addressLabel: 'Secure email address',
  address: 'da.enquiries@northshire.police.uk.cjsm.net',
  replyDays: '5',
};
const SOUTHSHIRE = {
  name: 'Southshire Council',
  kind: "Local authority children's services",
  sendBy: 'Online portal or form',
  addressLabel: 'How to send an enquiry through the portal',
  address: 'Use the MASH portal, team code 4471',
};

describe('the agency directory', () => {
  test('agencies added, downloaded, removed and imported back; a malformed file changes nothing', async () => {
    const page = await freshPage(env.browser);
    const directory = directoryPage(page);
    await directory.open();
    await page.getByText('No police forces yet.').waitFor();
    await page.getByText('There is nothing to download yet: add an agency first.').waitFor();
    await assertAccessible(page, 'empty directory');

    // A mistyped address is refused with its own message, on its own box, and what was typed
    // is kept.
    await directory.add({ ...NORTHSHIRE, address: 'da.enquiries at northshire' });
    assert.deepEqual(await problems(page), ['Enter an email address in the correct format, like name@example.com']);
    await page.getByRole('link', { name: 'Enter an email address in the correct format, like name@example.com' }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'secure-email');
    assert.equal(await page.getByLabel('Secure email address').inputValue(), 'da.enquiries at northshire');
    assert.equal(await directory.stored(), null, 'nothing stored');
    await assertAccessible(page, 'add an agency with errors');
    // Nothing chosen or typed at all: every question says what it needs.
    await page.getByLabel('Name of the agency').fill('');
    await page.getByLabel('Usual reply time in working days (optional)').fill('a week');
    await page.getByRole('button', { name: 'Save agency' }).click();
    await page.getByRole('link', { name: "Enter the agency's name" }).waitFor();
    assert.deepEqual(await problems(page), [
      "Enter the agency's name",
      'Enter an email address in the correct format, like name@example.com',
      'Enter the usual reply time as a whole number of working days from 1 to 60, like 5',
    ]);
    await page.getByLabel('Name of the agency').fill(NORTHSHIRE.name);
    await page.getByLabel('Secure email address').fill(NORTHSHIRE.address);
    await page.getByLabel('Usual reply time in working days (optional)').fill(NORTHSHIRE.replyDays);
    await page.getByRole('button', { name: 'Save agency' }).click();
    await heading(page, 'Agency directory');
    await directory.success('Northshire Police added to the directory');
    await directory.add(SOUTHSHIRE);
    await directory.success('Southshire Council added to the directory');

    // The same police force again, however it is spelt, is refused.
    await directory.add({ ...NORTHSHIRE, name: 'northshire police', sendBy: 'Email', addressLabel: 'Email address', address: 'da@northshire.police.uk' });
    assert.deepEqual(await problems(page), ['There is already a police force called northshire police in the directory']);
    await page.getByRole('link', { name: 'Back to the agency directory' }).click();
    await heading(page, 'Agency directory');

    const police = directory.card(NORTHSHIRE.name);
    assert.match(await police.innerText(), /Secure email\s+Secure email address\s+da\.enquiries@northshire\.police\.uk\.cjsm\.net\s+Usual reply time\s+5 working days/);
    const council = directory.card(SOUTHSHIRE.name);
    assert.match(await council.innerText(), /Online portal or form\s+What to do\s+Use the MASH portal, team code 4471\s+Usual reply time\s+Not recorded/);
    await assertAccessible(page, 'directory with two agencies');

    // Changed, and changed back: the form opens with what is kept.
    await page.getByRole('link', { name: 'Change Northshire Police' }).click();
    await heading(page, 'Change an agency');
    assert.equal(await page.getByLabel('Secure email address').inputValue(), NORTHSHIRE.address);
    await page.getByLabel('Usual reply time in working days (optional)').fill('3');
    await page.getByRole('button', { name: 'Save agency' }).click();
    await directory.success('Northshire Police changed');
    assert.match(await police.innerText(), /3 working days/);
    await page.getByRole('link', { name: 'Change Northshire Police' }).click();
    await page.getByLabel('Usual reply time in working days (optional)').fill('5');
    await page.getByRole('button', { name: 'Save agency' }).click();
    await directory.success('Northshire Police changed');

    // Downloaded: a file a person can read, that says what it is.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the directory' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^agency-directory-\d{4}-\d{2}-\d{2}\.json$/);
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    const file = JSON.parse(text);
    assert.equal(file.format, 'psc-agency-directory');
    assert.equal(file.version, 1);
    assert.equal(file.exported_by, 'Olu Officer (court officer)');
    assert.deepEqual(file.agencies, [
      { name: 'Northshire Police', kind: 'police', send_by: 'secure_email', address: NORTHSHIRE.address, reply_days: '5' },
      { name: 'Southshire Council', kind: 'local_authority', send_by: 'portal', address: SOUTHSHIRE.address, reply_days: '' },
    ]);
    const kept = await directory.stored();

    // Removing asks first; "No" keeps it.
    await page.getByRole('link', { name: 'Remove Northshire Police' }).click();
    await heading(page, 'Are you sure you want to remove Northshire Police from the directory?');
    await assertAccessible(page, 'remove an agency');
    await page.getByRole('link', { name: 'No, keep it' }).click();
    await heading(page, 'Agency directory');
    assert.equal(await police.count(), 1);
    for (const name of [NORTHSHIRE.name, SOUTHSHIRE.name]) {
      await page.getByRole('link', { name: `Remove ${name}` }).click();
      await heading(page, `Are you sure you want to remove ${name} from the directory?`);
      await page.getByRole('button', { name: 'Yes, remove it' }).click();
      await directory.success(`${name} removed from the directory`);
    }
    await page.getByText('No police forces yet.').waitFor();
    await page.getByText('No local authorities yet.').waitFor();

    // Imported back: both added, as they were.
    await directory.importFile(path);
    await directory.success('Directory imported: 2 agencies added, 0 updated and 0 already the same. Agencies that are only on this device were kept.');
    assert.equal(await directory.stored(), kept);
    assert.equal(await police.count(), 1);
    assert.equal(await council.count(), 1);

    // Malformed files are refused, each with its own message, and change nothing.
    const refusals = [
      ['empty.json', '', 'The file is empty. Choose a file made with "Download the directory"'],
      ['notes.json', 'Northshire Police: da.enquiries@northshire.police.uk', 'The file is not an agency directory: it is not in the JSON format this app exports. Choose a file made with "Download the directory"'],
      ['cases.json', '{"format":"pre-sentence-safeguarding-checks","format_version":1,"cases":[]}', 'The file holds cases, not an agency directory. Import case files from the list of cases, with "Import cases from a file"'],
      ['newer.json', text.replace('"version":1', '"version":2'), 'The file was made by a newer version of this app (directory format 2). Update the app on this device, then import it again'],
      [
        'bad-agency.json',
        text.replace('{"name":"Southshire Council"', '{"name":"Eastshire Police","kind":"police","send_by":"email","address":"eastshire at police"},{"name":"Southshire Council"'),
        'Agency 2 in the file (Eastshire Police) cannot be imported: its email address ("eastshire at police") is not in the correct format',
      ],
      [
        'twice.json',
        text.replace('{"name":"Southshire Council"', '{"name":"NORTHSHIRE POLICE","kind":"police","send_by":"email","address":"da@northshire.police.uk"},{"name":"Southshire Council"'),
        'Agencies 1 and 2 in the file are both the police force called NORTHSHIRE POLICE. A directory lists each agency once: remove one from the file, or download the directory again',
      ],
    ];
    for (const [name, body, message] of refusals) {
      await directory.importFile({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
      assert.deepEqual(await problems(page), [message], name);
      assert.equal((await page.locator('#file-error').innerText()).replace(/\s+/g, ' '), `Error: ${message}`, `${name}: on the file box too`);
      assert.equal(await directory.stored(), kept, `${name} changed nothing`);
      assert.equal(await police.count(), 1);
      assert.equal(await council.count(), 1);
    }
    await page.getByRole('link', { name: refusals.at(-1)[2] }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'file');
    await assertAccessible(page, 'import refused');

    // The file again, over the same directory: nothing to add or change.
    await directory.importFile(path);
    await directory.success('Directory imported: 0 agencies added, 0 updated and 2 already the same.');
    assert.equal(await directory.stored(), kept);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test("an enquiry offers the directory's agencies of its kind, and still takes any name typed", async () => {
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    await createCase(actor, env.base, ALEX);
    // With no directory, the agency is a plain box.
    await openSection(actor, 'Police domestic abuse enquiry');
    await heading(page, 'Police domestic abuse enquiry');
    assert.equal(await page.getByLabel('Police force').getAttribute('list'), null);
    assert.equal(await page.getByText(PICK_HINT).count(), 0);

    const directory = directoryPage(page);
    await directory.open();
    await directory.add(NORTHSHIRE);
    await directory.success('Northshire Police added to the directory');
    await directory.add({ ...NORTHSHIRE, name: 'Eastshire Police', sendBy: 'Email', addressLabel: 'Email address', address: 'mash@eastshire.police.uk' });
    await directory.success('Eastshire Police added to the directory');
    await directory.add(SOUTHSHIRE);
    await directory.success('Southshire Council added to the directory');

    await page.goto(`${env.base}/`);
    await page.getByRole('link', { name: ALEX.name }).click();
    await heading(page, ALEX.name);
    await openSection(actor, 'Police domestic abuse enquiry');
    await heading(page, 'Police domestic abuse enquiry');
    const force = page.getByLabel('Police force');
    const offered = (box) => box.evaluate((el) => [...(el.list?.options ?? [])].map((o) => o.value));
    assert.deepEqual(await offered(force), ['Eastshire Police', 'Northshire Police'], 'police forces only, in order');
    // The hint is read with the box.
    const hint = await force.getAttribute('aria-describedby');
    assert.equal(await page.locator(`[id="${hint}"]`).innerText(), PICK_HINT);
    await assertAccessible(page, 'police enquiry with the pick');
    // A name from the directory, or one that is not in it: each is kept as typed.
    await force.fill('Northshire Police');
    await force.blur();
    await page.getByRole('link', { name: 'Back to task list' }).click();
    await heading(page, ALEX.name);
    const agency = async () => (await storedCase(page)).record.case.police.agency;
    await eventually(async () => (await agency()) === 'Northshire Police', 'the picked name stored');
    await openSection(actor, 'Police domestic abuse enquiry');
    await page.getByLabel('Police force').fill('Westshire Constabulary');
    await page.getByLabel('Police force').blur();
    await page.getByRole('link', { name: 'Back to task list' }).click();
    await heading(page, ALEX.name);
    await eventually(async () => (await agency()) === 'Westshire Constabulary', 'the typed name stored');

    // Children's services offers the local authorities.
    await openSection(actor, "Children's services enquiry");
    await heading(page, "Children's services enquiry");
    await page.getByRole('button', { name: "Add a children's services enquiry" }).click();
    const enquiry = page.getByRole('region', { name: 'Enquiry 1' });
    assert.deepEqual(await offered(enquiry.getByLabel('Local authority')), ['Southshire Council']);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});
