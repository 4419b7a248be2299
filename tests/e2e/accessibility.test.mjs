// axe-core finds no WCAG 2.2 A or AA violation on any page, including pages showing errors.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, freshPage, launch } from './support.mjs';
import { choose, completeLivesAloneChecks, heading, mouse } from './officer.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

async function assertAccessible(page, what) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `${what}: ${JSON.stringify(violations, null, 2)}`);
}

test('every page passes axe, with and without errors, at desktop and 320px widths', async () => {
  for (const width of [1100, 320]) {
    const page = await freshPage(env.browser, { viewport: { width, height: 800 } });
    const actor = mouse(page);

    await page.goto(`${env.base}/`);
    await heading(page, 'Cases');
    await assertAccessible(page, `empty case list at ${width}px`);

    await page.getByRole('button', { name: 'Create a new case' }).click();
    await heading(page, 'Create a new case');
    await assertAccessible(page, `create page at ${width}px`);
    await page.getByRole('button', { name: 'Create case' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await assertAccessible(page, `create page with errors at ${width}px`);

    await completeLivesAloneChecks(actor, env.base);
    const caseUrl = page.url().replace(/\/outcome$/, '');
    await assertAccessible(page, `outcome page at ${width}px`);
    await choose(actor, page, 'What is your finding on the curfew?', 'Curfew not suitable');
    await page.getByRole('button', { name: 'Record outcome' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await assertAccessible(page, `outcome page with errors at ${width}px`);

    // Give the address a resident so the consent form exists.
    await page.goto(`${caseUrl}/places`);
    await page.getByRole('link', { name: /Change/ }).first().click();
    await heading(page, 'Proposed curfew address');
    await page.getByRole('button', { name: 'Add a resident' }).click();
    const resident = page.getByRole('region', { name: 'Resident 1' });
    await resident.getByLabel('Full name').fill('Pat Lodger');
    await resident.getByLabel('Age').fill('44');
    await resident.getByLabel('Relationship to the person').fill('Lodger');
    await assertAccessible(page, `address page at ${width}px`);
    await page.getByLabel('Postcode').fill('not a postcode');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await assertAccessible(page, `address page with errors at ${width}px`);

    const pages = [
      ['', 'Alex Example'],
      ['/hearing', 'Hearing, risk and orders'],
      ['/child-contact', 'Child contact'],
      ['/police', 'Police domestic abuse enquiry'],
      ['/childrens-services', "Children's services enquiry"],
      ['/places', 'Proposed curfew addresses'],
      ['/consent', 'Consent of adult residents'],
      ['/schedule', 'Curfew schedule'],
      ['/check', 'Check your answers'],
      ['/delete', 'Are you sure you want to delete the case for Alex Example?'],
      ['/gatekeeping', 'Gatekeeping'],
      ['/history', 'History of changes'],
      ['/report', 'Paragraph for the court report'],
      ['/print', 'Record of pre-sentence checks'],
    ];
    for (const [path, title] of pages) {
      await page.goto(`${caseUrl}${path}`);
      await heading(page, title);
      await assertAccessible(page, `${path || 'task list'} at ${width}px`);
    }

    await page.goto(`${caseUrl}/consent`);
    await page.getByRole('link', { name: /Record consent for Pat Lodger/ }).click();
    await heading(page, 'Consent of Pat Lodger');
    await assertAccessible(page, `consent form at ${width}px`);
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await assertAccessible(page, `consent form with errors at ${width}px`);

    await page.goto(`${caseUrl}/schedule`);
    await page.getByLabel('Length of the curfew').fill('');
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await assertAccessible(page, `schedule with errors at ${width}px`);

    await page.goto(`${env.base}/`);
    await heading(page, 'Cases');
    await assertAccessible(page, `case list with a case at ${width}px`);

    // Gatekeeping, with errors, then the senior probation officer's queue and review.
    await page.goto(`${caseUrl}/gatekeeping`);
    await page.getByLabel('I want a senior probation officer to gatekeep this case').check();
    await page.getByRole('button', { name: 'Submit for gatekeeping' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await assertAccessible(page, `gatekeeping with errors at ${width}px`);
    await page.getByLabel('Note for the senior probation officer').fill('Please check.');
    await page.getByRole('button', { name: 'Submit for gatekeeping' }).click();
    await heading(page, 'Alex Example');
    for (const [path, title] of [['/gatekeeping', 'Gatekeeping queue'], ['/you', 'Who is using this device?'], ['/export', 'Export cases'], ['/import', 'Import cases'], ['/chase', 'Enquiries to chase today']]) {
      await page.goto(`${env.base}${path}`);
      await heading(page, title);
      await assertAccessible(page, `${path} at ${width}px`);
    }
    await page.goto(`${caseUrl}/review`);
    await heading(page, 'Gatekeeping review');
    await page.getByLabel('Return it to the officer with comments').check();
    await page.getByRole('button', { name: 'Record your decision' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await assertAccessible(page, `review with errors at ${width}px`);
    await page.goto(`${env.base}/import`);
    await page.getByLabel('Upload a case file').setInputFiles({ name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('not a case file') });
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await assertAccessible(page, `import with errors at ${width}px`);

    await page.goto(`${env.base}/data`);
    await page.getByLabel('Bank holidays').fill('Boxing Day');
    await page.getByRole('button', { name: 'Save bank holidays' }).click();
    await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await assertAccessible(page, `bank holidays with errors at ${width}px`);

    await page.goto(`${env.base}/no/such/page`);
    await heading(page, 'Page not found');
    await assertAccessible(page, `not found at ${width}px`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('the error summary takes focus and its links move focus to the field', async () => {
  const page = await freshPage(env.browser);
  await page.goto(`${env.base}/cases/new`);
  await heading(page, 'Create a new case');
  await page.getByRole('button', { name: 'Create case' }).click();
  const summary = page.locator('.govuk-error-summary');
  await summary.waitFor();
  assert.ok(await summary.evaluate((el) => el === document.activeElement), 'error summary has focus');
  assert.match(await page.title(), /^Error: /);
  await page.getByRole('link', { name: 'Enter the court' }).click();
  assert.ok(await page.getByLabel('Court').evaluate((el) => el === document.activeElement), 'the link focuses the field');
  // Each field shows its own message, with a hidden "Error:" prefix for screen readers.
  const message = await page.locator('#court-error').textContent();
  assert.equal(message.trim(), 'Error: Enter the court');
});
