// Enquiries the app drafts (issue 22, item 3): one request to the force and one to the local
// authority, written from the case, with its identifiers, children and address; copied, opened as
// an email file (its headers and body read back), printed on their own, and marked as sent, which
// stamps the dates on every enquiry each covers. Every person and agency here is invented.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { axeViolations, daysFromToday, freshPage, launch } from './support.mjs';
import { ALEX, addResident, choose, createCase, fillDate, heading, mouse, openSection, saveAndContinue } from './officer.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

const DEAN = {
  ...ALEX,
  name: 'Dean Sample',
  crn: 'X123456',
  pnc: '79/163001B',
  otherNames: 'Dino Sample',
  address: { line1: '9 Quay Street', town: 'Northtown', postcode: 'NT2 4QS' },
};

const DIRECTORY = {
  agencies: [
    { name: 'Northshire Police', kind: 'police', send_by: 'secure_email', address: 'da.checks@northshire.police.example', reply_days: '5' },
    { name: 'Northshire Council', kind: 'local_authority', send_by: 'portal', address: 'Use the MASH portal, team code 4471', reply_days: '3' },
  ],
};

/** The team's directory on this device, as the directory page keeps it. */
async function keepDirectory(page, directory) {
  await page.evaluate((text) => localStorage.setItem('psc.settings.directory', text), JSON.stringify(directory));
}

/** Quoted-printable and RFC 2047 "Q" words read back, as a mail program does. */
function fromQuotedPrintable(text) {
  const bytes = [];
  const raw = text.replace(/=\r\n/g, '');
  for (let i = 0; i < raw.length; i += 1) {
    if (raw[i] === '=') {
      bytes.push(parseInt(raw.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(raw.charCodeAt(i));
    }
  }
  return Buffer.from(bytes).toString('utf8').replace(/\r\n/g, '\n');
}
function subjectOf(headers) {
  const folded = headers.replace(/\r\n /g, ' ');
  const line = folded.split('\r\n').find((l) => l.startsWith('Subject: '));
  const words = [...line.matchAll(/=\?UTF-8\?Q\?([^?]*)\?=/g)].map((m) => m[1].replace(/_/g, ' '));
  return fromQuotedPrintable(words.join(''));
}

/** Dean's case: the proposed address is his partner's, where her two children live. */
async function partnersHome(actor) {
  const { page } = actor;
  await createCase(actor, env.base, DEAN);
  await openSection(actor, 'Proposed address and residents');
  await heading(page, 'Proposed curfew addresses');
  await actor.click(page.getByRole('button', { name: 'Add a proposed address' }));
  await heading(page, 'Proposed curfew address');
  await actor.fill(page.getByLabel('Address line 1'), '4 Example Close');
  await actor.fill(page.getByLabel('Town or city'), 'Northtown');
  await actor.fill(page.getByLabel('Postcode'), 'NT4 5CD');
  await addResident(actor, 1, { name: 'Tess Example', age: '35', relationship: 'Partner' });
  await addResident(actor, 2, { name: 'Lee Example', age: '11', relationship: "Partner's child" });
  await addResident(actor, 3, { name: 'Jo Example', age: '6', relationship: "Partner's child" });
  // Nothing requested yet, so the page is left as it is: every answer is already kept.
  await actor.click(page.getByRole('link', { name: 'Back', exact: true }));
  await heading(page, 'Proposed curfew addresses');
  await actor.click(page.getByRole('link', { name: 'Back to task list' }));
  await heading(page, DEAN.name);
}

function card(page, title) {
  return page.locator('.govuk-summary-card').filter({ has: page.getByRole('heading', { level: 2, name: title, exact: true }) });
}

describe('enquiries the app drafts', () => {
  test('one to the force and one to the council, with what each needs; copied, downloaded, printed and marked as sent', async () => {
    const page = await freshPage(env.browser);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base });
    await page.goto(`${env.base}/`);
    await keepDirectory(page, DIRECTORY);
    const actor = mouse(page);
    await partnersHome(actor);

    await page.getByRole('link', { name: 'Enquiries and replies: 2 drafted to send' }).click();
    await heading(page, 'Enquiries and replies');
    const police = card(page, 'Police: Northshire Police');
    const council = card(page, "Children's services: Northshire Council");
    const policeText = await police.locator('.app-letter').innerText();
    for (const must of [
      'Name: Dean Sample',
      'Other names used: Dino Sample',
      'Date of birth: 12 April 1990',
      'CRN: X123456',
      'PNC ID: 1979/0163001B',
      'Current address: 9 Quay Street, Northtown, NT2 4QS',
      'as a perpetrator and as a victim',
      'Any police call-outs to 4 Example Close, Northtown, NT4 5CD',
      "Northshire Magistrates' Court",
      'Olu Officer',
    ]) {
      assert.ok(policeText.includes(must), `the police draft says ${must}:\n${policeText}`);
    }
    const councilText = await council.locator('.app-letter').innerText();
    for (const must of [
      "- Lee Example (age 11, Partner's child), who lives at 4 Example Close, Northtown, NT4 5CD",
      "- Jo Example (age 6, Partner's child), who lives at 4 Example Close, Northtown, NT4 5CD",
      'CRN: X123456',
    ]) {
      assert.ok(councilText.includes(must), `the council draft says ${must}:\n${councilText}`);
    }
    assert.ok(!councilText.includes('call-outs to'), 'the council is not asked about police call-outs');
    await council.getByText('Use the MASH portal, team code 4471').waitFor();

    // Copied exactly as shown.
    await police.getByRole('button', { name: 'Copy the message police: northshire police' }).click();
    await police.getByRole('status').filter({ hasText: 'Copied.' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), policeText);

    // The email file: addressed from the directory, its subject and body as on the page.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      police.getByRole('button', { name: /^Download as an email/ }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^PSC-[A-Z0-9]{6}-P1\.eml$/);
    const file = readFileSync(await download.path(), 'utf8');
    const cut = file.indexOf('\r\n\r\n');
    const [headers, body] = [file.slice(0, cut), file.slice(cut + 4)];
    assert.match(headers, /^To: da\.checks@northshire\.police\.example\r\n/);
    assert.match(headers, /\r\nContent-Type: text\/plain; charset=UTF-8\r\n/);
    const subject = subjectOf(headers);
    assert.match(subject, /^Domestic abuse and call-out enquiry: Dean Sample, reply needed by \d+ \w+ \d{4} \(our ref PSC-[A-Z0-9]{6}-P1\)$/);
    assert.equal(fromQuotedPrintable(body).trimEnd(), policeText);

    // Printed on its own: the other draft and the page around it are left off the paper.
    await council.getByRole('button', { name: /^Print/ }).click();
    await page.emulateMedia({ media: 'print' });
    assert.ok(await council.locator('.app-letter').isVisible());
    assert.ok(!(await police.isVisible()), 'only the chosen draft prints');
    assert.ok(!(await page.getByRole('heading', { level: 1 }).isVisible()));
    await page.emulateMedia({ media: 'screen' });

    for (const width of [1100, 320]) {
      await page.setViewportSize({ width, height: 900 });
      assert.deepEqual(await axeViolations(page), [], `axe at ${width} px`);
    }
    await page.setViewportSize({ width: 1100, height: 900 });

    // Marked as sent: today's date, the due date and "awaiting reply" on both police enquiries.
    await police.getByRole('button', { name: /^Mark as sent/ }).click();
    await page.getByRole('alert').filter({ hasText: 'Marked as sent: the police enquiry to Northshire Police. The date it was sent and the date the reply is due are now recorded on 2 enquiries.' }).waitFor();
    const today = daysFromToday(0);
    const longToday = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    await police.getByText(`Marked as sent on ${longToday}`).waitFor();
    await council.getByText('Not sent yet').waitFor();

    await page.getByRole('link', { name: 'Back to task list' }).click();
    await page.getByRole('link', { name: 'Enquiries and replies: 1 drafted to send, 2 awaiting a reply' }).waitFor();
    await openSection(actor, 'Police domestic abuse enquiry');
    await heading(page, 'Police domestic abuse enquiry');
    assert.equal(await page.getByLabel('Police force', { exact: true }).inputValue(), 'Northshire Police');
    assert.ok(await page.getByRole('group', { name: 'Outcome', exact: true }).getByLabel('Requested – awaiting reply').isChecked());
    const requested = page.getByRole('group', { name: 'Date requested', exact: true });
    assert.deepEqual(
      [await requested.getByLabel('Day').inputValue(), await requested.getByLabel('Month').inputValue(), await requested.getByLabel('Year').inputValue()],
      [today.day, today.month, today.year],
    );
    const due = page.getByRole('group', { name: /^Date (the )?reply (is )?due/ });
    assert.notEqual(await due.getByLabel('Year').inputValue(), '', 'the due date is filled in');

    // One entry in the history says what was sent, to whom.
    await page.goto(page.url().replace(/\/police$/, '/history'));
    await heading(page, 'History of changes');
    await page.getByText(/Marked an enquiry as sent to Northshire Police \(PSC-[A-Z0-9]{6}-P1\)/).waitFor();
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('each reply is recorded under "Replies awaited", its date offered as today, and a reply that is not complete is refused', async () => {
    const page = await freshPage(env.browser);
    await page.goto(`${env.base}/`);
    await keepDirectory(page, DIRECTORY);
    const actor = mouse(page);
    await partnersHome(actor);
    await page.getByRole('link', { name: 'Enquiries and replies: 2 drafted to send' }).click();
    await heading(page, 'Enquiries and replies');
    await page.getByText('No enquiry is awaiting a reply.').waitFor();
    for (const title of ['Police: Northshire Police', "Children's services: Northshire Council"]) {
      await card(page, title).getByRole('button', { name: /^Mark as sent/ }).click();
      await card(page, title).getByText(/^Marked as sent on /).waitFor();
    }
    const reply = (name) => page.getByRole('region', { name, exact: typeof name === 'string' });
    const history = reply('Police (Northshire Police): Domestic abuse history of the person');
    const callout = reply(/^Police \(Northshire Police\): Call-outs to 4 Example Close/);
    const children = reply("Children's services (Northshire Council): The person and the children");
    const household = reply(/^Children's services \(Northshire Council\): The household at 4 Example Close/);
    for (const r of [history, callout, children, household]) await r.waitFor();

    // Information held: the date is offered as today, and the summary and confirmation are asked.
    await choose(actor, history, 'Outcome', 'Domestic abuse information held');
    const today = daysFromToday(0);
    const received = history.getByRole('group', { name: 'Date received' });
    assert.deepEqual(
      [await received.getByLabel('Day').inputValue(), await received.getByLabel('Month').inputValue(), await received.getByLabel('Year').inputValue()],
      [today.day, today.month, today.year],
    );
    // Not requested after all: asked why, as on the enquiry's own page.
    await choose(actor, children, 'Outcome', 'Not requested');
    await page.getByRole('button', { name: 'Save replies' }).click();
    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
    await summary.getByRole('link', { name: 'Enter a summary of what came back' }).waitFor();
    await summary.getByRole('link', { name: 'Confirm you have considered this information in the proposal' }).waitFor();
    await summary.getByRole('link', { name: 'Enter why the enquiry was not requested' }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), await children.getByLabel('Why was it not requested?').getAttribute('id'));
    await choose(actor, children, 'Outcome', 'Requested – awaiting reply');
    await heading(page, 'Enquiries and replies');

    // A date before the request was sent is refused with its own message, and can be put right.
    const yesterday = daysFromToday(-1);
    await received.getByLabel('Day').fill(yesterday.day);
    await received.getByLabel('Month').fill(yesterday.month);
    await received.getByLabel('Year').fill(yesterday.year);
    await page.getByRole('button', { name: 'Save replies' }).click();
    await summary.getByRole('link', { name: 'Date received must be on or after the date requested' }).waitFor();
    await received.getByLabel('Day').fill(today.day);
    await received.getByLabel('Month').fill(today.month);
    await received.getByLabel('Year').fill(today.year);
    await history.getByLabel('Summary of what came back').fill('One call-out in 2019 to a verbal argument with a former partner; no further action.');
    await history.getByLabel('I have considered this information in the proposal').check();
    await choose(actor, callout, 'Outcome', 'No information held');
    await callout.getByLabel('I have considered this information in the proposal').check();
    await choose(actor, household, 'Outcome', "Not known to children's services");
    await household.getByLabel('I have considered this information in the proposal').check();
    // The children's reply has not come yet: it stays awaited.

    for (const width of [1100, 320]) {
      await page.setViewportSize({ width, height: 900 });
      assert.deepEqual(await axeViolations(page), [], `axe at ${width} px`);
    }
    await page.setViewportSize({ width: 1100, height: 900 });

    await page.getByRole('button', { name: 'Save replies' }).click();
    await heading(page, DEAN.name);
    await page.getByRole('link', { name: 'Enquiries and replies: 1 awaiting a reply' }).waitFor();
    await openSection(actor, 'Police domestic abuse enquiry');
    await heading(page, 'Police domestic abuse enquiry');
    assert.ok(await page.getByRole('group', { name: 'Outcome', exact: true }).getByLabel('Domestic abuse information held').isChecked());
    const kept = page.getByRole('group', { name: 'Date received' });
    assert.deepEqual(
      [await kept.getByLabel('Day').inputValue(), await kept.getByLabel('Month').inputValue(), await kept.getByLabel('Year').inputValue()],
      [today.day, today.month, today.year],
    );
    assert.equal(await page.getByLabel('Summary of what came back').inputValue(), 'One call-out in 2019 to a verbal argument with a former partner; no further action.');
    await page.getByRole('link', { name: 'Back to task list' }).click();
    await page.getByRole('link', { name: /^Enquiries and replies/ }).click();
    await heading(page, 'Enquiries and replies');
    await children.waitFor();
    assert.equal(await history.count(), 0, 'a reply recorded is no longer awaited');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('an enquiry with no agency on record asks for it before it is marked as sent', async () => {
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    await partnersHome(actor);
    await page.getByRole('link', { name: /^Enquiries and replies/ }).click();
    await heading(page, 'Enquiries and replies');
    const police = card(page, 'Police: police force not yet recorded');
    await police.getByText('Agency not yet recorded: enter it below').waitFor();
    await police.getByRole('button', { name: /^Mark as sent/ }).click();
    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
    await summary.getByRole('link', { name: 'Enter the police force you are sending this enquiry to' }).click();
    const field = police.getByLabel('Which police force is this sent to?');
    assert.ok(await field.evaluate((el) => el === document.activeElement));
    for (const width of [1100, 320]) {
      await page.setViewportSize({ width, height: 900 });
      assert.deepEqual(await axeViolations(page), [], `axe at ${width} px, with the error`);
    }
    await field.fill('Westshire Police');
    await police.getByRole('button', { name: /^Mark as sent/ }).click();
    await page.getByRole('alert').filter({ hasText: 'the police enquiry to Westshire Police' }).waitFor();
    await card(page, 'Police: Westshire Police').getByText(/^Marked as sent on /).waitFor();
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('overdue replies are chased in one message to each agency, and the chase is recorded on each case', async () => {
    const page = await freshPage(env.browser);
    await page.goto(`${env.base}/`);
    await keepDirectory(page, DIRECTORY);
    const actor = mouse(page);
    // Two cases whose police enquiries were sent ten days ago and were due two days ago.
    for (const person of [{ ...ALEX, curfew: false }, { ...DEAN, curfew: false }]) {
      await createCase(actor, env.base, person);
      await openSection(actor, 'Police domestic abuse enquiry');
      await heading(page, 'Police domestic abuse enquiry');
      await actor.fill(page.getByLabel('Police force', { exact: true }), 'Northshire Police');
      await choose(actor, page, 'Outcome', 'Requested – awaiting reply');
      await fillDate(actor, page, 'Date requested', daysFromToday(-10));
      await fillDate(actor, page, 'Date the reply is due', daysFromToday(-2));
      await saveAndContinue(actor);
      await heading(page, person.name);
    }
    await page.goto(`${env.base}/`);
    await page.getByRole('link', { name: 'Enquiries to chase today' }).click();
    await heading(page, 'Enquiries to chase today');
    const chase = card(page, 'Police: Northshire Police');
    const letter = await chase.locator('.app-letter').innerText();
    for (const must of ['1. Alex Example', '2. Dean Sample', 'CRN: X123456', 'PNC ID: 1979/0163001B']) {
      assert.ok(letter.includes(must), `the chase says ${must}:\n${letter}`);
    }
    assert.equal((letter.match(/Our reference: PSC-[A-Z0-9]{6}-P1/g) ?? []).length, 2, 'each request by its reference');
    const [download] = await Promise.all([page.waitForEvent('download'), chase.getByRole('button', { name: /^Download as an email/ }).click()]);
    const file = readFileSync(await download.path(), 'utf8');
    const cut = file.indexOf('\r\n\r\n');
    const [headers, body] = [file.slice(0, cut), file.slice(cut + 4)];
    assert.match(headers, /^To: da\.checks@northshire\.police\.example\r\n/);
    assert.match(subjectOf(headers), /^Overdue: 2 replies for pre-sentence reports/);
    assert.equal(fromQuotedPrintable(body).trimEnd(), letter);
    // The plain list is still there below.
    assert.equal(await page.getByRole('list', { name: 'Overdue enquiries' }).getByRole('listitem').count(), 2);
    for (const width of [1100, 320]) {
      await page.setViewportSize({ width, height: 900 });
      assert.deepEqual(await axeViolations(page), [], `axe at ${width} px`);
    }
    await page.setViewportSize({ width: 1100, height: 900 });

    await chase.getByText('Not chased today').waitFor();
    await chase.getByRole('button', { name: /^Record as chased/ }).click();
    await chase.getByText('Chased today').waitFor();
    await page.getByRole('list', { name: 'Overdue enquiries' }).getByRole('link', { name: 'Dean Sample' }).click();
    await page.goto(page.url().replace(/\/police$/, '/history'));
    await heading(page, 'History of changes');
    await page.getByText(/Chased an overdue reply from Northshire Police \(PSC-[A-Z0-9]{6}-P1\)/).waitFor();
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});

describe('the day at court', () => {
  test("lists today's hearings by court with what is outstanding, and the words to ask for more time for an oral report", async () => {
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    const today = daysFromToday(0);
    await createCase(actor, env.base, { ...DEAN, hearing: today, reportType: 'Oral report' });
    await createCase(actor, env.base, { ...ALEX, hearing: daysFromToday(20), court: 'Southshire Crown Court' });
    await page.goto(`${env.base}/`);
    await page.getByRole('link', { name: 'The day at court' }).click();
    await heading(page, 'The day at court');
    const longToday = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    await page.getByRole('heading', { level: 2, name: `Today: ${longToday}` }).waitFor();
    await page.getByRole('heading', { level: 3, name: "Northshire Magistrates' Court" }).waitFor();
    const dean = page.locator('.govuk-summary-card').filter({ has: page.getByRole('link', { name: 'Dean Sample' }) });
    await dean.getByText('Police domestic abuse enquiry').first().waitFor();
    await dean.getByRole('heading', { name: 'If you need to ask for more time' }).waitFor();
    await dean.getByText(/^These checks are still outstanding: .*the police domestic abuse enquiry.*I recommend that the case is adjourned so that they can be completed\.$/).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Alex Example' }).count(), 0, 'a hearing in 20 days is not listed');
    for (const width of [1100, 320]) {
      await page.setViewportSize({ width, height: 900 });
      assert.deepEqual(await axeViolations(page), [], `axe at ${width} px`);
    }
    await dean.getByRole('link', { name: 'Dean Sample' }).click();
    await heading(page, 'Dean Sample');
    assert.deepEqual(page.problems, []);
    await page.close();
  });
});
