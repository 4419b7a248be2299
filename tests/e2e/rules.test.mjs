// The rules trust nothing the forms would reject (issue 10): answers saved as typed but wrong,
// consent given for other hours, and what the court reads, checked as an officer meets them in
// the release build.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { daysFromToday, freshPage, launch, storedData } from './support.mjs';
import {
  ALEX, addResident, choose, completeLivesAloneChecks, createCase, fillDate, heading, mouse,
  openSection, recordConsent, saveAndContinue,
} from './officer.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

describe('an answer the form would reject', () => {
  test('a conviction date in the future, left without saving, still refuses "suitable" and links back to the field', async () => {
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    await completeLivesAloneChecks(actor, env.base);
    const outcome = page.url();

    // A slip of the keyboard: next year instead of this one. The page is left by its back link,
    // never saved, but the answer is kept as typed.
    await page.goto(outcome.replace(/\/outcome$/, '/hearing'));
    await heading(page, 'Hearing, risk and orders');
    const offence = page.getByRole('region', { name: 'Offence 1' });
    const nextYear = String(new Date().getFullYear() + 1);
    await actor.fill(offence.getByRole('group', { name: 'Date of conviction', exact: true }).getByLabel('Year'), nextYear);
    await page.getByRole('link', { name: /^Back/ }).click();
    await heading(page, ALEX.name);

    await openSection(actor, 'Outcome');
    await heading(page, 'Outcome');
    await page.getByRole('heading', { name: 'A curfew cannot be found suitable yet' }).waitFor();
    await page.getByText(new RegExp(`The date of conviction for the offence of theft from a shop, .* ${nextYear}, is in the future`)).waitFor();

    await choose(actor, page, 'What is your finding on the curfew?', 'Curfew suitable');
    await actor.fill(page.getByLabel('Your rationale'), 'Every check is complete.');
    await actor.click(page.getByRole('button', { name: 'Record outcome' }));
    await page.getByRole('alert').getByText('You cannot record a curfew as suitable while 1 check is outstanding', { exact: false }).waitFor();
    assert.equal(await page.getByText('Outcome recorded').count(), 0);
    // The refused choice is not kept: the stored case does not say "suitable".
    assert.equal(await page.getByLabel('Curfew suitable', { exact: true }).isChecked(), false);
    const stored = Object.values((await storedData(page)).cases).map((v) => JSON.parse(v).case);
    assert.equal(stored[0].outcome.selected, null);
    assert.equal(stored[0].outcome.recorded, null);

    // The link goes back to the field itself.
    await page.getByRole('link', { name: 'Go to hearing, risk and orders' }).click();
    await heading(page, 'Hearing, risk and orders');
    await page.waitForFunction(() => document.activeElement?.id?.endsWith('-conviction-day'));
    const focused = await page.evaluate(() => document.activeElement.closest('fieldset')?.querySelector('legend')?.textContent);
    assert.match(focused, /Date of conviction/);
    assert.deepEqual(page.problems, []);
  });
});

describe('consent belongs to what the person was told', () => {
  test('a change of hours after consent marks each consent "ask again" until it is asked again', async () => {
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    await completeLivesAloneChecks(actor, env.base);
    const base = page.url().replace(/\/outcome$/, '');

    // Two adults also live there, confirmed by another agency (as the household already is).
    await page.goto(`${base}/places`);
    await heading(page, 'Proposed curfew addresses');
    await actor.click(page.getByRole('link', { name: /Flat 2, 10 Sample Street/ }));
    await heading(page, 'Proposed curfew address');
    await addResident(actor, 1, { name: 'Robin Example', age: '44', relationship: 'Brother' });
    await addResident(actor, 2, { name: 'Jules Example', age: '71', relationship: 'Mother' });
    await saveAndContinue(actor);
    await heading(page, 'Proposed curfew addresses');

    for (const [name, time] of [['Robin Example', '10:15'], ['Jules Example', '10:40']]) {
      await page.goto(`${base}/consent`);
      await heading(page, 'Consent of adult residents');
      await actor.click(page.getByRole('link', { name: `Record consent for ${name} (`, exact: false }));
      await heading(page, `Consent of ${name}`);
      await page.locator('#consent-terms').getByText('Flat 2, 10 Sample Street, Northtown, NT1 2AB: 7pm to 7am every day, for 6 months').waitFor();
      await recordConsent(actor, { attitude: 'Happy to have him home.', time });
      await saveAndContinue(actor);
      await heading(page, 'Consent of adult residents');
    }
    for (const name of ['Robin Example', 'Jules Example']) {
      await page.getByRole('term').filter({ hasText: name }).locator('xpath=..').getByText('Consent given').waitFor();
    }
    await page.goto(`${base}/outcome`);
    await page.getByText('Every required check is complete. A curfew can be found suitable.').waitFor();

    // The curfew now starts an hour later: what they agreed to no longer matches.
    await page.goto(`${base}/schedule`);
    await heading(page, 'Curfew schedule');
    await actor.fill(page.getByRole('region', { name: 'Curfew period 1' }).getByLabel('From'), '20:00');
    await saveAndContinue(actor);
    await heading(page, ALEX.name);

    await page.goto(`${base}/consent`);
    await heading(page, 'Consent of adult residents');
    for (const name of ['Robin Example', 'Jules Example']) {
      await page.getByRole('term').filter({ hasText: name }).locator('xpath=..').getByText('Ask again').waitFor();
    }
    await actor.click(page.getByRole('link', { name: 'Record consent for Robin Example (', exact: false }));
    await heading(page, 'Consent of Robin Example');
    await page.getByText('Given for different hours (or address): ask again').waitFor();
    const terms = page.locator('#consent-terms');
    await terms.getByText('Flat 2, 10 Sample Street, Northtown, NT1 2AB: 7pm to 7am every day, for 6 months').waitFor();
    await terms.getByText('Flat 2, 10 Sample Street, Northtown, NT1 2AB: 8pm to 7am every day, for 6 months').waitFor();

    await page.goto(`${base}/outcome`);
    await page.getByText('Robin Example at Flat 2, 10 Sample Street, NT1 2AB agreed to Flat 2, 10 Sample Street, Northtown, NT1 2AB: 7pm to 7am every day, for 6 months, but the proposal is now', { exact: false }).waitFor();
    await choose(actor, page, 'What is your finding on the curfew?', 'Curfew suitable');
    await actor.fill(page.getByLabel('Your rationale'), 'Every check is complete.');
    await actor.click(page.getByRole('button', { name: 'Record outcome' }));
    await page.getByRole('alert').getByText('You cannot record a curfew as suitable while 2 checks are outstanding', { exact: false }).waitFor();

    // Asked again, Robin agrees to the new hours: a new time of decision records it.
    await page.goto(`${base}/consent`);
    await actor.click(page.getByRole('link', { name: 'Record consent for Robin Example (', exact: false }));
    await heading(page, 'Consent of Robin Example');
    await actor.fill(page.getByLabel('Time of their decision'), '15:05');
    await saveAndContinue(actor);
    await heading(page, 'Consent of adult residents');
    await page.getByRole('term').filter({ hasText: 'Robin Example' }).locator('xpath=..').getByText('Consent given').waitFor();
    await page.getByRole('term').filter({ hasText: 'Jules Example' }).locator('xpath=..').getByText('Ask again').waitFor();

    // The court paragraph says what each person agreed to.
    await page.goto(`${base}/report`);
    const paragraph = await page.locator('#court-paragraph').innerText();
    assert.match(paragraph, /Robin Example \(Brother, 44\) was spoken to directly and privately by phone .* and gave consent .* at 3:05pm to a curfew at Flat 2, 10 Sample Street, Northtown, NT1 2AB: 8pm to 7am every day, for 6 months\./);
    assert.match(paragraph, /Jules Example \(Mother, 71\) .* gave consent .* at 10:40am to a curfew at Flat 2, 10 Sample Street, Northtown, NT1 2AB: 7pm to 7am every day, for 6 months\./);
    assert.deepEqual(page.problems, []);
  });
});

describe('what the court reads', () => {
  test('a refusal is stated as a finding, not as checks outstanding', async () => {
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    await completeLivesAloneChecks(actor, env.base);
    const base = page.url().replace(/\/outcome$/, '');
    await page.goto(`${base}/places`);
    await actor.click(page.getByRole('link', { name: /Flat 2, 10 Sample Street/ }));
    await heading(page, 'Proposed curfew address');
    await addResident(actor, 1, { name: 'Robin Example', age: '44', relationship: 'Brother' });
    await saveAndContinue(actor);
    await page.goto(`${base}/consent`);
    await actor.click(page.getByRole('link', { name: 'Record consent for Robin Example (', exact: false }));
    await heading(page, 'Consent of Robin Example');
    await recordConsent(actor, { attitude: 'I do not want him here.', time: '11:00' });
    await choose(actor, page, 'Their decision', 'Consent refused');
    await saveAndContinue(actor);

    await page.goto(`${base}/outcome`);
    await page.getByRole('heading', { name: 'A curfew cannot be found suitable', exact: true }).waitFor();
    await choose(actor, page, 'What is your finding on the curfew?', 'Curfew suitable');
    await actor.fill(page.getByLabel('Your rationale'), 'Trying anyway.');
    await actor.click(page.getByRole('button', { name: 'Record outcome' }));
    const refusal = await page.getByRole('alert').innerText();
    assert.match(refusal, /what has been found rules it out/);
    assert.doesNotMatch(refusal, /outstanding/);

    await page.goto(`${base}/report`);
    const paragraph = await page.locator('#court-paragraph').innerText();
    assert.match(paragraph, /Robin Example refused consent to the curfew at Flat 2, 10 Sample Street, Northtown, NT1 2AB\. In my assessment a curfew at Flat 2, 10 Sample Street, Northtown, NT1 2AB is not suitable\./);
    assert.doesNotMatch(paragraph, /outstanding|adjourn/);
    assert.deepEqual(page.problems, []);
  });

  test('typed bidirectional controls reorder nothing, are not copied, and a long unbroken summary wraps at 320px', async () => {
    const page = await freshPage(env.browser, { viewport: { width: 320, height: 800 } });
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base });
    const actor = mouse(page);
    // A right-to-left override typed into a name would reverse everything after it.
    const name = 'Alex \u202EExample';
    await createCase(actor, env.base, { ...ALEX, name });
    const base = page.url();
    await page.goto(`${base}/police`);
    await heading(page, 'Police domestic abuse enquiry');
    await actor.fill(page.getByLabel('Police force'), 'Northshire Police');
    await choose(actor, page, 'Outcome', 'Information held, not domestic abuse');
    await fillDate(actor, page, 'Date requested', daysFromToday(-5));
    await fillDate(actor, page, 'Date received', daysFromToday(-1));
    await actor.fill(page.getByLabel('Summary of what came back'), 'X'.repeat(5000));
    await actor.check(page.getByLabel('I have considered this information in the proposal'));
    await saveAndContinue(actor);

    const controls = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
    await page.goto(`${base}/report`);
    await heading(page, 'Paragraph for the court report');
    const paragraph = await page.locator('#court-paragraph').innerText();
    assert.match(paragraph, /hold information about Alex Example that does not relate to domestic abuse/);
    assert.doesNotMatch(paragraph, /\u202E/, 'the override is not in the paragraph');
    assert.doesNotMatch(await page.title(), /\u202E/, 'nor in the tab title');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `no sideways scroll at 320px (${overflow}px)`);
    await page.getByRole('button', { name: 'Copy the paragraph' }).click();
    await page.getByRole('status').filter({ hasText: 'Copied. Paste it into the report.' }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.doesNotMatch(copied, controls, 'no bidirectional control is copied');
    assert.match(copied, /Alex Example/);

    // Elsewhere the name is shown as typed, but isolated: it cannot reorder the text after it.
    for (const path of ['/check', '/print']) {
      await page.goto(`${base}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      assert.doesNotMatch(await page.title(), /\u202E/, `tab title on ${path}`);
      const texts = await page.evaluate(() => [...document.querySelectorAll('main *')]
        .flatMap((el) => [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent))
        .filter((t) => t.includes('\u202E')));
      assert.ok(texts.length > 0, `the name is on ${path}`);
      for (const t of texts) {
        const at = t.indexOf('\u202E');
        const open = t.lastIndexOf('\u2068', at);
        const close = t.indexOf('\u2069', at);
        assert.ok(open >= 0 && close > at, `isolated on ${path}: ${JSON.stringify(t.slice(0, 80))}`);
      }
    }
    assert.deepEqual(page.problems, []);
  });
});
