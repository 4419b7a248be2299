// What the court sees: the report paragraph and copying it, the printable record as a PDF, and
// enquiry deadlines (overdue on the case list, "to chase today", bank holidays).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { daysFromToday, freshPage, launch } from './support.mjs';
import { ALEX, choose, completeLivesAloneChecks, createCase, fillDate, heading, mouse, openSection, recordSuitable, saveAndContinue } from './officer.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

/** The text of each page of a PDF. */
async function pdfPages(bytes) {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: true }).promise;
  const pages = [];
  for (let i = 1; i <= pdf.numPages; i += 1) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => item.str).join(' ').replace(/\s+/g, ' '));
  }
  return pages;
}

describe('the court report paragraph', () => {
  test('says which checks are outstanding, follows the case, and copies to the clipboard', async () => {
    const page = await freshPage(env.browser);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base });
    const actor = mouse(page);
    await createCase(actor, env.base, ALEX);
    const taskList = page.url();
    await page.getByRole('link', { name: 'Paragraph for the court report' }).click();
    await heading(page, 'Paragraph for the court report');
    const paragraph = page.locator('#court-paragraph');
    let text = await paragraph.innerText();
    assert.match(text, /No police domestic abuse enquiry has been made yet\./);
    assert.match(text, /These checks are still outstanding: .*the police domestic abuse enquiry.* I recommend that the case is adjourned so that they can be completed\./s);
    assert.doesNotMatch(text, /curfew is suitable/);

    await page.getByRole('button', { name: 'Copy the paragraph' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied. Paste it into the report.' }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);

    // The paragraph follows the case.
    await page.goto(`${taskList}/police`);
    await heading(page, 'Police domestic abuse enquiry');
    await actor.fill(page.getByLabel('Police force'), 'Northshire Police');
    await choose(actor, page, 'Outcome', 'Requested – awaiting reply');
    await fillDate(actor, page, 'Date requested', daysFromToday(-3));
    await saveAndContinue(actor);
    await page.goto(`${taskList}/report`);
    text = await paragraph.innerText();
    assert.match(text, /A domestic abuse enquiry was made with Northshire Police on .*; the reply is awaited\./);
    assert.deepEqual(page.problems, []);
  });
});

describe('the printable record', () => {
  test('prints to an A4 PDF holding the name, every check, the outcome and the history, with the name and hearing on every page', async () => {
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    await completeLivesAloneChecks(actor, env.base);
    await recordSuitable(actor, 'Lives alone as the tenant; every check is clear.');
    await page.getByRole('link', { name: 'Back to task list' }).click();
    await page.getByRole('link', { name: 'Printable record of the whole case' }).click();
    await heading(page, 'Record of pre-sentence checks');
    await page.emulateMedia({ media: 'print' });
    const pages = await pdfPages(await page.pdf({ format: 'A4', printBackground: false }));
    const all = pages.join(' ');
    assert.ok(pages.length >= 2, `a whole case takes more than one page (got ${pages.length})`);
    for (const [i, text] of pages.entries()) {
      assert.match(text, /Alex Example: hearing on \d+ \w+ \d{4}/, `page ${i + 1} is headed with the name and hearing date`);
    }
    for (const expected of [
      'Record of pre-sentence checks',
      'Paragraph for the court report',
      'Police domestic abuse enquiry', 'Northshire Police', 'No information held',
      "Children's services enquiry", 'Northshire Council', "Not known to children's services",
      'Child contact', 'Proposed address', 'Curfew schedule', 'Computed curfew hours',
      'Curfew suitable', 'Lives alone as the tenant; every check is clear.',
      'History of changes', 'Recorded the outcome', 'Created the case',
    ]) {
      assert.ok(all.includes(expected), `the PDF holds "${expected}"`);
    }
    // No navigation: the header, its links and the buttons are not printed.
    for (const absent of ['Data on this device', 'Back to task list', 'Print this record']) {
      assert.ok(!all.includes(absent), `the PDF leaves out "${absent}"`);
    }
    assert.deepEqual(page.problems, []);
  });
});

describe('enquiry deadlines', () => {
  test('overdue replies show on the case list and on "to chase today"; bank holidays are checked', async () => {
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    await createCase(actor, env.base, ALEX);
    await openSection(actor, 'Police domestic abuse enquiry');
    await actor.fill(page.getByLabel('Police force'), 'Northshire Police');
    await choose(actor, page, 'Outcome', 'Requested – awaiting reply');
    await fillDate(actor, page, 'Date requested', daysFromToday(-9));
    // The hint gives the default due date; a typed one wins.
    await page.getByText(/If you leave this blank, the reply is due by \d+ \w+ \d{4}/).waitFor();
    await fillDate(actor, page, 'Date the reply is due', daysFromToday(-2));
    await saveAndContinue(actor);
    await heading(page, ALEX.name);

    await page.goto(`${env.base}/`);
    await heading(page, 'Cases');
    await page.getByText('1 enquiry reply overdue').waitFor();
    await page.getByRole('link', { name: 'Enquiries to chase today' }).click();
    await heading(page, 'Enquiries to chase today');
    const item = page.getByRole('list', { name: 'Overdue enquiries' }).getByRole('listitem');
    assert.equal(await item.count(), 1);
    assert.match(await item.innerText(), /Alex Example\s+Police domestic abuse enquiry, Northshire Police\. Due \d+ \w+ \d{4}\./);
    await item.getByRole('link', { name: ALEX.name }).click();
    await heading(page, 'Police domestic abuse enquiry');

    // Bank holidays: a line that is not a date is refused with a clear message, nothing lost.
    await page.goto(`${env.base}/data`);
    await page.getByLabel('Bank holidays').fill('25 12 2026\nBoxing Day');
    await page.getByRole('button', { name: 'Save bank holidays' }).click();
    await page.getByRole('link', { name: '"Boxing Day" is not a date. Enter each bank holiday on its own line as day, month and year, like 25 12 2026' }).waitFor();
    assert.equal(await page.getByLabel('Bank holidays').inputValue(), '25 12 2026\nBoxing Day');
    await page.getByLabel('Bank holidays').fill('25 12 2026\n28 12 2026');
    await page.getByRole('button', { name: 'Save bank holidays' }).click();
    await page.getByText('Bank holidays saved.').waitFor();
    await page.reload();
    assert.equal(await page.getByLabel('Bank holidays').inputValue(), '25 12 2026\n28 12 2026');
    assert.deepEqual(page.problems, []);
  });
});
