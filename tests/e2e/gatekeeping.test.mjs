// Gatekeeping and handover, as the officer and the senior probation officer (SPO) do them:
// submit, return with comments, fix, resubmit, endorse, and a later edit revoking the
// endorsement; then export from one browser and import into another, with every refusal.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshPage, launch, OFFICER, SPO, storedData } from './support.mjs';
import { ALEX, completeLivesAloneChecks, createCase, exportCases, heading, mouse, openSection } from './officer.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

/** Says, on the "Who is using this device?" page, who is now using it. */
async function become(page, { name, role }) {
  await page.getByRole('link', { name: /^You: / }).click();
  await heading(page, 'Who is using this device?');
  await page.getByLabel('Your name').fill(name);
  await page.getByLabel(role === 'spo' ? 'Senior probation officer or qualified probation officer' : 'Court officer').check();
  await page.getByRole('button', { name: 'Continue' }).click();
}

async function errorSummary(page) {
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await summary.waitFor();
  return summary.innerText();
}

describe('who is using the device', () => {
  test('is asked once, before anything else, and named in the header', async () => {
    const page = await freshPage(env.browser, { user: null });
    await page.goto(`${env.base}/`);
    await heading(page, 'Who is using this device?');
    await page.getByRole('button', { name: 'Continue' }).click();
    const errors = await errorSummary(page);
    assert.match(errors, /Enter your name/);
    assert.match(errors, /Select your role/);
    await page.getByLabel('Your name').fill('Olu Officer');
    await page.getByLabel('Court officer').check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await heading(page, 'Cases');
    await page.reload();
    await heading(page, 'Cases');
    assert.equal(await page.getByRole('link', { name: 'You: Olu Officer' }).count(), 1);
    // Only an SPO is offered the queue.
    assert.equal(await page.getByRole('link', { name: 'Gatekeeping queue' }).count(), 0);
  });
});

describe('gatekeeping', () => {
  test('submit, return with comments, fix, resubmit, endorse; an edit then revokes it', async () => {
    const page = await freshPage(env.browser);
    const officer = mouse(page);
    await completeLivesAloneChecks(officer, env.base);
    await page.getByRole('link', { name: 'Back to task list' }).click();
    await heading(page, ALEX.name);
    const taskList = page.url();

    // The officer asks for gatekeeping although the rules do not require it.
    await page.getByRole('link', { name: 'Ask for gatekeeping' }).click();
    await heading(page, 'Gatekeeping');
    await page.getByLabel('I want a senior probation officer to gatekeep this case').check();
    await page.getByRole('button', { name: 'Submit for gatekeeping' }).click();
    assert.match(await errorSummary(page), /Enter a note for the senior probation officer/);
    await page.getByLabel('Note for the senior probation officer').fill('New to curfews; please check the address.');
    await page.getByRole('button', { name: 'Submit for gatekeeping' }).click();
    await heading(page, ALEX.name);
    await page.getByText('Awaiting gatekeeping: submitted to a senior probation officer.').waitFor();

    // "Suitable" waits for the endorsement.
    await openSection(officer, 'Outcome');
    await page.getByText(/The case is awaiting gatekeeping: a senior probation officer must endorse it/).waitFor();

    // The SPO's queue, and the review page with the note, the reasons and every answer.
    await become(page, SPO);
    await heading(page, 'Gatekeeping queue');
    await page.getByRole('link', { name: ALEX.name }).click();
    await heading(page, 'Gatekeeping review');
    await page.getByText('New to curfews; please check the address.').waitFor();
    await page.getByText('The officer asked for gatekeeping', { exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Every answer' }).waitFor();
    await page.getByText(ALEX.court).first().waitFor();

    // Returning needs a comment.
    await page.getByLabel('Return it to the officer with comments').check();
    await page.getByRole('button', { name: 'Record your decision' }).click();
    assert.match(await errorSummary(page), /Enter comments for the officer/);
    await page.getByLabel('Comments on police domestic abuse enquiry (optional)').fill('Ask the police about call-outs to the address too.');
    await page.getByRole('button', { name: 'Record your decision' }).click();
    await heading(page, 'Gatekeeping queue');
    await page.getByText('No cases are waiting for gatekeeping.').waitFor();

    // The officer sees the comment against the section it concerns.
    await become(page, OFFICER);
    await page.goto(taskList);
    await heading(page, ALEX.name);
    await page.getByText(/Returned with comments by a senior probation officer/).waitFor();
    const police = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Police domestic abuse enquiry', exact: true }) });
    assert.match(await police.innerText(), /Comment from gatekeeping: Ask the police about call-outs to the address too\./);

    // Fix, then resubmit.
    await openSection(officer, 'Police domestic abuse enquiry');
    await page.getByLabel('Summary of what came back').fill('No information held, including about call-outs to the address.');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await heading(page, ALEX.name);
    await page.getByRole('link', { name: 'Submit for gatekeeping' }).click();
    await page.getByLabel('Note for the senior probation officer').fill('Asked the police about the address: nothing held.');
    await page.getByRole('button', { name: 'Submit for gatekeeping' }).click();
    await heading(page, ALEX.name);

    // The SPO endorses.
    await become(page, SPO);
    await page.getByRole('link', { name: ALEX.name }).click();
    await page.getByLabel('Endorse the case').check();
    await page.getByRole('button', { name: 'Record your decision' }).click();
    await page.getByText('No cases are waiting for gatekeeping.').waitFor();

    // Endorsed; then any change revokes it, says so, and is recorded.
    await become(page, OFFICER);
    await page.goto(taskList);
    await page.getByText('Endorsed by a senior probation officer.').waitFor();
    await openSection(officer, 'Hearing, risk and orders');
    await page.getByLabel('Court').fill('Southshire Crown Court');
    await page.getByLabel('Court').blur();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await heading(page, ALEX.name);
    await page.getByText(/The endorsement was revoked because the case changed after it was endorsed/).waitFor();

    // The history: every step, newest first, with the change before and after.
    await page.getByRole('link', { name: 'History of changes' }).click();
    await heading(page, 'History of changes');
    const entries = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) });
    const titles = await entries.getByRole('heading', { level: 2 }).allInnerTexts();
    assert.deepEqual(titles.slice(0, 7), [
      'Endorsement revoked: the case changed after the senior probation officer endorsed it',
      'Changed answers',
      'Endorsed by a senior probation officer',
      'Submitted for gatekeeping',
      'Changed answers',
      'Returned with comments by a senior probation officer',
      'Submitted for gatekeeping',
    ]);
    assert.equal(titles.at(-1), 'Created the case');
    const change = await entries.nth(1).innerText();
    assert.match(change, /Hearing, court/);
    assert.match(change, new RegExp(`Before: ${ALEX.court}`));
    assert.match(change, /After: Southshire Crown Court/);
    assert.match(change, /Olu Officer \(court officer\)/);
    assert.match(await entries.nth(2).innerText(), /Sam Senior \(senior probation officer\)/);
    assert.deepEqual(page.problems, []);
  });
});

const dir = mkdtempSync(join(tmpdir(), 'psc-import-'));

/** Chooses `text` as the file on the import page, under `name`. */
async function chooseFile(page, name, text) {
  const path = join(dir, name);
  writeFileSync(path, text);
  await page.goto(`${env.base}/import`);
  await heading(page, 'Import cases');
  await page.getByLabel('Upload a case file').setInputFiles(path);
}

/** The export file's checksum, recomputed as the app computes it (keys in sorted order). */
function checksum(cases) {
  const sorted = (v) => (Array.isArray(v) ? v.map(sorted)
    : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k])])) : v);
  return `sha256:${createHash('sha256').update(JSON.stringify(sorted(cases))).digest('hex')}`;
}

describe('handing a case to another device', () => {
  test('export from one browser, import into another; differences need a choice; refusals explain themselves', async () => {
    const officerPage = await freshPage(env.browser);
    await createCase(mouse(officerPage), env.base, ALEX);
    const taskList = officerPage.url();
    const text = await exportCases(officerPage, env.base, [ALEX.name]);
    const file = JSON.parse(text);
    assert.equal(file.format, 'pre-sentence-safeguarding-checks');
    assert.equal(file.format_version, 1);
    assert.equal(file.cases.length, 1);
    assert.equal(file.checksum, checksum(file.cases), 'the test computes the checksum as the app does');

    // Another browser (the SPO's device) imports it.
    const spoPage = await freshPage(env.browser, { user: SPO });
    await chooseFile(spoPage, 'alex.json', text);
    await spoPage.getByText(`${ALEX.name}: new to this device. It will be added.`).waitFor();
    await spoPage.getByRole('button', { name: 'Import' }).click();
    await spoPage.getByText('1 added, 0 replaced, 0 kept as copies, 0 left as they were.').waitFor();
    await spoPage.goto(`${env.base}/`);
    await spoPage.getByRole('link', { name: ALEX.name }).click();
    await spoPage.getByRole('link', { name: 'History of changes' }).click();
    await heading(spoPage, 'History of changes');
    const history = await spoPage.locator('main').innerText();
    assert.match(history, /Imported from a file exported by Olu Officer \(court officer\)/);
    assert.match(history, /Created the case/, 'the trail travels with the case');

    // Refusals, each in plain words, and nothing stored.
    const stored = async () => JSON.stringify(await storedData(spoPage));
    const before = await stored();
    const edited = JSON.parse(text);
    edited.cases[0].person.name = 'Someone Else';
    const noRevision = JSON.parse(text);
    delete noRevision.cases[0].revision;
    noRevision.checksum = checksum(noRevision.cases);
    const wrongKind = JSON.parse(text);
    wrongKind.cases[0].revision = 'seventeen';
    wrongKind.checksum = checksum(wrongKind.cases);
    const refusals = [
      ['not JSON', 'Dear colleague, here is the case.', /it is not in the JSON format this app exports/],
      ['not ours', JSON.stringify({ hello: 'world' }), /not a case file from this app/],
      ['wrong format version', text.replace('"format_version":1', '"format_version":7'), /format version 7, which this version of the app cannot read/],
      ['checksum mismatch', JSON.stringify(edited), /changed or damaged since it was exported: its checksum does not match/],
      ['missing field', JSON.stringify(noRevision), /Case 1 in the file \(Alex Example\) cannot be imported: "revision" is missing/],
      ['impossible field', JSON.stringify(wrongKind), /Case 1 in the file \(Alex Example\) cannot be imported: "revision" holds the wrong kind of value/],
      ['too large', ' '.repeat(6 * 1024 * 1024), /The file is too large \(6 MB\)/],
    ];
    for (const [what, body, message] of refusals) {
      await chooseFile(spoPage, `${what}.json`, body);
      const errors = await errorSummary(spoPage);
      assert.match(errors, message, what);
      assert.match(await spoPage.title(), /^Error: /, what);
      assert.equal(await spoPage.getByRole('button', { name: 'Import' }).count(), 0, what);
    }
    assert.equal(await stored(), before, 'a refused file changes nothing');

    // The officer changes the case and hands it over again: the SPO sees what differs and must choose.
    await officerPage.goto(taskList);
    await officerPage.getByRole('link', { name: 'Hearing, risk and orders' }).click();
    await officerPage.getByLabel('Court').fill('Southshire Crown Court');
    await officerPage.getByLabel('Court').blur();
    const changed = await exportCases(officerPage, env.base, [ALEX.name]);
    await chooseFile(spoPage, 'alex-2.json', changed);
    const group = spoPage.getByRole('region', { name: `${ALEX.name}: already on this device, with differences` });
    await group.waitFor();
    const differences = await group.innerText();
    assert.match(differences, /Hearing, court/);
    assert.match(differences, new RegExp(`On this device: ${ALEX.court}`));
    assert.match(differences, /In the file: Southshire Crown Court/);
    await spoPage.getByRole('button', { name: 'Import' }).click();
    assert.match(await errorSummary(spoPage), /Choose what to do with the case of Alex Example/);
    await group.getByLabel('Keep both (the file\'s version is added as a separate case)').check();
    await spoPage.getByRole('button', { name: 'Import' }).click();
    await spoPage.getByText('0 added, 0 replaced, 1 kept as copies, 0 left as they were.').waitFor();
    await spoPage.goto(`${env.base}/`);
    await spoPage.getByRole('link', { name: ALEX.name }).first().waitFor();
    assert.equal(await spoPage.getByRole('link', { name: ALEX.name }).count(), 2);

    // Taking the file's version replaces the case, and says so in its history.
    await chooseFile(spoPage, 'alex-3.json', changed);
    await spoPage.getByLabel('Use the version in the file (it replaces the one on this device)').check();
    await spoPage.getByRole('button', { name: 'Import' }).click();
    await spoPage.getByText('0 added, 1 replaced, 0 kept as copies, 0 left as they were.').waitFor();
    assert.deepEqual(officerPage.problems, []);
    assert.deepEqual(spoPage.problems, []);
  });
});
