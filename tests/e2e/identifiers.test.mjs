// The identifiers agencies trace a person by, entered once when the case is made (issue 22,
// item 1): a CRN and PNC ID that are not in their form, or whose check letter is wrong, are
// refused with their own messages and nothing is created; valid ones are kept as typed and the
// case list finds the person by either, in any form it is typed in. Every person is invented.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, freshPage, launch } from './support.mjs';
import { ALEX, createCase, fillNewCase, heading, mouse } from './officer.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

const RILEY = {
  ...ALEX,
  name: 'Riley Sample',
  crn: 'x 123456',
  pnc: '02/73319Z',
  otherNames: 'Riley Samples\nRi Sample',
  address: { line1: '9 Quay Street', town: 'Northtown', postcode: 'NT2 4QS' },
};

/** The error summary's links, as a person reads them. */
async function problems(page) {
  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
  await summary.waitFor();
  return summary.getByRole('link').allInnerTexts();
}

describe('identifiers on a new case', () => {
  test('refuses a CRN or PNC ID not in its form, or with a wrong check letter, and creates nothing', async () => {
    const page = await freshPage(env.browser);
    const bad = { ...RILEY, crn: 'X12345', pnc: '2002/0073319Y', address: { ...RILEY.address, postcode: 'NT2 4Q8' } };
    await fillNewCase(mouse(page), env.base, bad);
    await page.getByRole('button', { name: 'Create case' }).click();
    await heading(page, 'Create a new case');
    assert.deepEqual(await problems(page), [
      'Enter the CRN as a letter followed by 6 digits, like X123456',
      "The PNC ID's last letter does not match its year and number. Check each character against the record",
      'Enter a real postcode, like SW1A 1AA',
    ]);
    // Each message is also on its field, and the link takes the person there.
    await page.getByRole('link', { name: /^The PNC ID's last letter/ }).click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'pnc');
    assert.equal(await page.getByLabel('PNC ID (optional)').inputValue(), '2002/0073319Y', 'what was typed is kept');
    // Not in its form at all: the form message, not the check letter's.
    await page.getByLabel('PNC ID (optional)').fill('2002/0073319');
    await page.getByRole('button', { name: 'Create case' }).click();
    assert.ok((await problems(page)).includes('Enter the PNC ID as the year, a slash, the number and a letter, like 2003/0012345B'));
    for (const width of [1100, 320]) {
      await page.setViewportSize({ width, height: 900 });
      assert.deepEqual(await axeViolations(page), [], `axe at ${width} px`);
    }
    await page.goto(`${env.base}/`);
    await heading(page, 'Cases');
    assert.equal(await page.getByRole('link', { name: RILEY.name }).count(), 0, 'no case was made');
    await page.close();
  });

  test('keeps valid identifiers, and the case list finds the person by either in any form', async () => {
    const page = await freshPage(env.browser);
    await createCase(mouse(page), env.base, RILEY);
    await createCase(mouse(page), env.base, { ...ALEX, crn: 'D654321', pnc: '1979/0163001B' });
    // As typed on the page, for the person to see again.
    await page.goto(`${env.base}/`);
    await page.getByRole('link', { name: RILEY.name }).click();
    await heading(page, RILEY.name);
    await page.getByRole('link', { name: /Hearing, risk and orders/ }).first().click();
    await heading(page, 'Hearing, risk and orders');
    assert.equal(await page.getByLabel('CRN (optional)').inputValue(), 'x 123456');
    assert.equal(await page.getByLabel('Other names used (optional)').inputValue(), RILEY.otherNames);
    assert.equal(await page.getByLabel('Postcode (optional)').inputValue(), 'NT2 4QS');

    // On "Check your answers", and so on the printed record, with the CRN heading each page.
    await page.getByRole('link', { name: 'Back to task list' }).click();
    await page.getByRole('link', { name: 'Check your answers: the whole case on one page' }).click();
    const answer = (key) => page.locator('.govuk-summary-list__row').filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${key}$`) }) }).getByRole('definition').first();
    assert.equal(await answer('CRN').innerText(), 'x 123456');
    assert.equal(await answer('PNC ID').innerText(), '02/73319Z');
    assert.equal(await answer('Other names used').innerText(), 'Riley Samples\nRi Sample');
    assert.equal(await answer('Current address').innerText(), '9 Quay Street, Northtown, NT2 4QS');
    await page.goto(page.url().replace(/\/check$/, '/print'));
    await page.emulateMedia({ media: 'print' });
    await page.getByText(/^Riley Sample \(CRN X123456\): hearing on /).waitFor();
    await page.emulateMedia({ media: 'screen' });

    await page.goto(`${env.base}/`);
    await heading(page, 'Cases');
    const search = page.getByRole('searchbox', { name: 'Search cases' });
    const riley = page.getByRole('link', { name: RILEY.name });
    const alex = page.getByRole('link', { name: ALEX.name });
    // Each search starts from the whole list, so that the other case leaving it shows the list
    // has been drawn for what was typed.
    const finds = async (typed, found, other) => {
      await search.fill('');
      await Promise.all([riley.waitFor(), alex.waitFor()]);
      await search.fill(typed);
      await other.waitFor({ state: 'detached' });
      assert.equal(await found.count(), 1, typed);
    };
    for (const typed of ['X123456', 'x123456', '2002/0073319Z', '02/73319Z', '0273319z']) {
      await finds(typed, riley, alex);
    }
    for (const typed of ['d654321', '79/163001B', '1979/0163001b']) {
      await finds(typed, alex, riley);
    }
    // Another person's CRN finds nobody, and says so.
    await search.fill('X654321');
    await Promise.all([riley.waitFor({ state: 'detached' }), alex.waitFor({ state: 'detached' })]);
    await page.close();
  });
});
