// The court officer's checklist, end to end, in Chromium against the release build.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, freshPage, launch, daysFromToday } from './support.mjs';
import {
  ALEX,
  choose,
  completeLivesAloneChecks,
  createCase,
  fillDate,
  fillNewCase,
  heading,
  keyboard,
  mouse,
  openSection,
  recordSuitable,
} from './officer.mjs';

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

describe('a person who lives alone as the tenant, with every check recorded', () => {
  test('"Suitable" can be recorded, and the case list shows it', async () => {
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    await completeLivesAloneChecks(actor, env.base);
    await page.getByText('Every required check is complete. A curfew can be found suitable.').waitFor();

    await recordSuitable(actor, 'Lives alone as the tenant; police and children\'s services hold nothing; the hours suit his work.');
    await page.getByText('Outcome recorded: Curfew suitable').waitFor();
    assert.equal(await page.getByRole('heading', { name: 'There is a problem' }).count(), 0);

    // It stays recorded after a reload, and the list shows it.
    await page.reload();
    await page.getByText('Outcome recorded: Curfew suitable').waitFor();
    await page.goto(`${env.base}/`);
    const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Alex Example' }) });
    await row.getByText('Suitable recorded').waitFor();
    await row.getByText('No checks outstanding').waitFor();
    assert.deepEqual(page.problems, []);
  });

  test('the same case can be completed with the keyboard alone', async () => {
    const page = await freshPage(env.browser);
    const actor = keyboard(page);
    await completeLivesAloneChecks(actor, env.base);
    await recordSuitable(actor, 'Lives alone; every check is clear.');
    await page.getByText('Outcome recorded: Curfew suitable').waitFor();
    assert.deepEqual(page.problems, []);
  });
});

describe('a case like the one in the review', () => {
  const DEAN = {
    name: 'Dean Example',
    dob: { day: '3', month: '2', year: '1996' },
    court: 'Northshire Crown Court',
    hearing: daysFromToday(0),
    reportType: 'Fast delivery written report',
    curfew: true,
    offence: 'Arson',
    offenceDate: daysFromToday(-90),
    convicted: daysFromToday(-10),
    daRelated: false,
  };

  test('"Suitable" cannot be recorded, and every missed check is shown with its source', async () => {
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    await createCase(actor, env.base, DEAN);

    // His own account is the only source for everything.
    await openSection(actor, 'Child contact');
    const answers = [
      ['Does Dean Example live with any child?', 'living with a child', 'Yes'],
      ['Does Dean Example have responsibility for any child?', 'responsibility for a child', 'Yes'],
      ['Does Dean Example have access to any child?', 'access to a child', 'Yes'],
      ['Is Dean Example likely to have a negative impact on the wellbeing or safety of any child?', 'negative impact on a child', 'No'],
    ];
    for (const [question, topic, answer] of answers) {
      await choose(actor, page, question, answer);
      await choose(actor, page, `Where did the answer about ${topic} come from?`, "The person's own account");
    }
    await page.getByText('Unverified').first().waitFor();
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await heading(page, DEAN.name);

    // The proposed address is his partner's home, where her two children live.
    await openSection(actor, 'Proposed address and residents');
    await page.getByRole('button', { name: 'Add a proposed address' }).click();
    await heading(page, 'Proposed curfew address');
    await page.getByLabel('Address line 1').fill('4 Example Close');
    await page.getByLabel('Town or city').fill('Northtown');
    await page.getByLabel('Postcode').fill('NT4 5CD');
    await choose(actor, page, 'Tenure', 'Rented from a private landlord');
    const residents = [
      ['Tess Example', '35', 'Partner'],
      ['Lee Example', '11', "Partner's child"],
      ['Jo Example', '13', "Partner's child"],
    ];
    for (const [i, [name, age, relationship]] of residents.entries()) {
      await page.getByRole('button', { name: 'Add a resident' }).click();
      const resident = page.getByRole('region', { name: `Resident ${i + 1}` });
      // Keyboard users land on the new resident's first question.
      await page.waitForFunction((n) => document.activeElement?.closest('section')?.querySelector('h3')?.textContent === n, `Resident ${i + 1}`);
      assert.ok(await resident.getByLabel('Full name').evaluate((el) => el === document.activeElement));
      await resident.getByLabel('Full name').fill(name);
      await resident.getByLabel('Age').fill(age);
      await resident.getByLabel('Relationship to the person').fill(relationship);
    }
    await choose(actor, page, 'How do you know who lives there?', "The person's own account");
    await choose(actor, page, 'Who is the main occupier?', 'Someone else who lives there');
    await choose(actor, page, 'Which resident?', 'Tess Example');
    await choose(actor, page, 'Does any victim or potential victim of the person live there?', 'No');
    await choose(actor, page, 'Where did the answer about whether a victim lives there come from?', "The person's own account");
    // Nothing requested yet: leave the page without saving; every answer is already kept.
    await page.getByRole('link', { name: 'Back', exact: true }).click();
    await heading(page, 'Proposed curfew addresses');
    await page.getByRole('link', { name: 'Back to task list' }).click();
    await heading(page, DEAN.name);

    await openSection(actor, 'Outcome');
    await heading(page, 'Outcome');
    await page.getByRole('heading', { name: 'A curfew cannot be found suitable yet' }).waitFor();
    const expected = [
      'The police domestic abuse enquiry has not been recorded.',
      "No children's services enquiry has been recorded. One is needed because a curfew is being considered.",
      '4 Example Close, NT4 5CD: the police call-out check has not been recorded.',
      "4 Example Close, NT4 5CD: the children's services check has not been recorded.",
      'Tess Example at 4 Example Close, NT4 5CD: not yet contacted directly',
      "Whether Dean Example lives with a child rests on Dean Example's own account only. Verify it with another source.",
      "4 Example Close, NT4 5CD: who lives there rests on Dean Example's own account only.",
      "4 Example Close, NT4 5CD: that no victim or potential victim lives there must come from police or domestic abuse information, not Dean Example's own account.",
    ];
    for (const text of expected) {
      await page.getByText(text, { exact: false }).first().waitFor();
    }
    await page.getByText('Source: Recommendation 1; HMPPS mandate, April 2022').first().waitFor();
    await page.getByText(/Source: Recommendation 6; HMPPS mandate, April 2022; Sentencing Act 2020, Schedule 9/).first().waitFor();
    await page.getByText('Source: Recommendation 3').first().waitFor();
    // The hearing is today and checks are outstanding: adjourn.
    await page.getByText(/Ask the court to adjourn/).waitFor();
    // The children are not asked for consent; their mother is.
    assert.equal(await page.getByText('Lee Example at 4 Example Close').count(), 0);

    await choose(actor, page, 'What is your finding on the curfew?', 'Curfew suitable');
    await page.getByLabel('Your rationale').fill('He says it is fine.');
    await page.getByRole('button', { name: 'Record outcome' }).click();
    const summary = page.getByRole('alert');
    await summary.getByText(/You cannot record a curfew as suitable while \d+ checks are outstanding/).waitFor();
    assert.equal(await page.getByText('Outcome recorded').count(), 0);

    // "Not suitable" can always be recorded, with a reason.
    await choose(actor, page, 'What is your finding on the curfew?', 'Curfew not suitable');
    await page.getByLabel('Your rationale').fill('');
    await page.getByRole('button', { name: 'Record outcome' }).click();
    await page.getByRole('alert').getByText('Enter the reason the curfew is not suitable').waitFor();
    await page.getByLabel('Your rationale').fill('Checks with police and children\'s services are outstanding and the householder has not been spoken to.');
    await page.getByRole('button', { name: 'Record outcome' }).click();
    await page.getByText('Outcome recorded: Curfew not suitable').waitFor();
    assert.deepEqual(page.problems, []);
  });
});

describe('saving as the officer types', () => {
  test('a reload at any point keeps every answer', async () => {
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    await page.goto(`${env.base}/`);
    await page.getByRole('button', { name: 'Create a new case' }).click();

    // Half-way through creating the case, including a date that is not yet valid.
    await page.getByLabel('Full name').fill('Robin Sample');
    await fillDate(actor, page, 'Date of birth', { day: '31', month: '2', year: '19' });
    await choose(actor, page, 'Type of report', 'Oral report');
    await page.reload();
    await heading(page, 'Create a new case');
    assert.equal(await page.getByLabel('Full name').inputValue(), 'Robin Sample');
    const dob = page.getByRole('group', { name: 'Date of birth' });
    assert.equal(await dob.getByLabel('Day').inputValue(), '31');
    assert.equal(await dob.getByLabel('Year').inputValue(), '19');
    assert.ok(await page.getByLabel('Oral report').isChecked());

    // A failed validation keeps everything typed, and says what is wrong with it.
    await page.getByRole('button', { name: 'Create case' }).click();
    const summary = page.getByRole('alert');
    await summary.getByText('Date of birth must be a real date, with a 4-digit year').waitFor();
    assert.equal(await page.getByLabel('Full name').inputValue(), 'Robin Sample');

    await createCase(actor, env.base, { ...ALEX, name: 'Robin Sample' });
    const taskList = page.url();

    // In the middle of an address, with a resident added.
    await openSection(actor, 'Proposed address and residents');
    await page.getByRole('button', { name: 'Add a proposed address' }).click();
    await page.getByLabel('Address line 1').fill('7 Example Row');
    await page.getByRole('button', { name: 'Add a resident' }).click();
    await page.getByRole('region', { name: 'Resident 1' }).getByLabel('Full name').fill('Sky Sample');
    await choose(actor, page, 'Who is the main occupier?', 'Someone who lives elsewhere');
    await page.getByLabel("Main occupier's name").fill('Northshire Homes');
    await page.reload();
    await heading(page, 'Proposed curfew address');
    assert.equal(await page.getByLabel('Address line 1').inputValue(), '7 Example Row');
    assert.equal(await page.getByRole('region', { name: 'Resident 1' }).getByLabel('Full name').inputValue(), 'Sky Sample');
    assert.ok(await page.getByLabel('Someone who lives elsewhere').isChecked());
    assert.equal(await page.getByLabel("Main occupier's name").inputValue(), 'Northshire Homes');

    // Half-way through the child contact questions.
    await page.goto(taskList);
    await openSection(actor, 'Child contact');
    await choose(actor, page, 'Does Robin Sample live with any child?', 'Yes');
    await choose(actor, page, 'Where did the answer about living with a child come from?', 'A resident of the address');
    await page.getByLabel('Details about living with a child (optional)').fill('Her son, 9, lives there.');
    await page.reload();
    await heading(page, 'Child contact');
    assert.ok(await page.getByRole('group', { name: 'Does Robin Sample live with any child?' }).getByLabel('Yes').isChecked());
    assert.ok(await page.getByRole('group', { name: 'Where did the answer about living with a child come from?' }).getByLabel('A resident of the address').isChecked());
    assert.equal(await page.getByLabel('Details about living with a child (optional)').inputValue(), 'Her son, 9, lives there.');

    // The task list reflects what was saved.
    await page.goto(taskList);
    await heading(page, 'Robin Sample');
    const row = page.getByRole('listitem').filter({ hasText: 'Child contact' });
    await row.getByText('In progress').waitFor();
    assert.deepEqual(page.problems, []);
  });

  test('where the child contact answers came from is said once when all four came from the same place', async () => {
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    await createCase(actor, env.base, ALEX);
    await openSection(actor, 'Child contact');
    await heading(page, 'Child contact');
    await choose(actor, page, 'Did all four answers on this page come from the same place?', 'Yes');
    const questions = ['Does Alex Example live with any child?', 'Does Alex Example have responsibility for any child?', 'Does Alex Example have access to any child?', 'Is Alex Example likely to have a negative impact on the wellbeing or safety of any child?'];
    for (const question of questions) await choose(actor, page, question, 'No');
    assert.equal(await page.getByRole('group', { name: 'Where did the answer about living with a child come from?' }).count(), 0, 'not asked for each answer');

    // Not said yet: one message, where it is asked.
    await page.getByRole('button', { name: 'Save and continue' }).click();
    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
    await summary.getByRole('link', { name: 'Select where the answers came from' }).waitFor();
    assert.equal(await summary.getByRole('link').count(), 1);

    // His own account alone flags every answer; a check by the police clears the flags.
    const shared = page.getByRole('group', { name: 'Where did the answers come from?' });
    await shared.getByLabel("The person's own account").check();
    await page.getByText('Unverified').nth(3).waitFor();
    await shared.getByLabel('Police').check();
    await page.getByText('Unverified').first().waitFor({ state: 'detached' });
    for (const width of [1100, 320]) {
      await page.setViewportSize({ width, height: 900 });
      assert.deepEqual(await axeViolations(page), [], `axe at ${width} px`);
    }
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.getByRole('button', { name: 'Save and continue' }).click();
    await heading(page, ALEX.name);
    await page.getByRole('listitem').filter({ hasText: 'Child contact' }).getByText('Completed').waitFor();

    // Each answer holds the sources: saying "no" shows them for each answer, to change one.
    await openSection(actor, 'Child contact');
    assert.ok(await page.getByRole('group', { name: 'Did all four answers on this page come from the same place?' }).getByLabel('Yes').isChecked());
    await choose(actor, page, 'Did all four answers on this page come from the same place?', 'No, I will say for each answer');
    for (const topic of ['living with a child', 'responsibility for a child', 'access to a child', 'negative impact on a child']) {
      const own = page.getByRole('group', { name: `Where did the answer about ${topic} come from?` });
      assert.ok(await own.getByLabel('Police').isChecked(), topic);
      assert.ok(await own.getByLabel("The person's own account").isChecked(), topic);
    }
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('risk and orders known at the start are recorded with the new case, and the curfew can start on the day of sentence in one press', async () => {
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    // Orders said to exist must be listed, as on their own page.
    await fillNewCase(actor, env.base, { ...ALEX, risk: { children: 'Low', public: 'Medium', knownAdult: 'Low', staff: 'Low' }, orders: 'Yes' });
    await page.getByRole('button', { name: 'Remove order 1' }).click();
    await page.getByRole('button', { name: 'Create case' }).click();
    const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'There is a problem' }) });
    await summary.getByRole('link', { name: 'Add each order, or answer no' }).waitFor();
    await choose(actor, page, 'Does any order protect someone from this person?', 'No');
    await page.getByRole('button', { name: 'Create case' }).click();
    await heading(page, ALEX.name);
    await page.getByRole('listitem').filter({ hasText: 'Hearing, risk and orders' }).getByText('Completed').waitFor();

    // Not linked from the task list before an address is proposed; the page itself is there.
    await page.goto(`${page.url()}/schedule`);
    await heading(page, 'Curfew schedule');
    const hearing = ALEX.hearing;
    const longHearing = new Date(Number(hearing.year), Number(hearing.month) - 1, Number(hearing.day)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
    await page.getByRole('button', { name: `Start on the day of sentence: ${longHearing}` }).click();
    const start = page.getByRole('group', { name: 'Start date', exact: true });
    const shown = async () => Promise.all(['Day', 'Month', 'Year'].map((box) => start.getByLabel(box).inputValue()));
    assert.deepEqual(await shown(), [hearing.day, hearing.month, hearing.year]);
    await page.reload();
    await heading(page, 'Curfew schedule');
    assert.deepEqual(await shown(), [hearing.day, hearing.month, hearing.year], 'kept');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test('a case can be deleted after confirming', async () => {
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    await createCase(actor, env.base, { ...ALEX, name: 'Casey Delete' });
    await page.getByRole('link', { name: 'Delete this case' }).click();
    await heading(page, 'Are you sure you want to delete the case for Casey Delete?');
    await page.getByRole('button', { name: 'Yes, delete this case' }).click();
    await heading(page, 'Cases');
    await page.getByText('There are no cases on this device yet.').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Casey Delete' }).count(), 0);
    await page.reload();
    await heading(page, 'Cases');
    await page.getByText('There are no cases on this device yet.').waitFor();
    assert.equal(await page.getByRole('link', { name: 'Casey Delete' }).count(), 0);
  });

  test('the case list is ordered by hearing date with the checks outstanding', async () => {
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    await createCase(actor, env.base, { ...ALEX, name: 'Later Hearing', hearing: daysFromToday(20) });
    await createCase(actor, env.base, { ...ALEX, name: 'Sooner Hearing', hearing: daysFromToday(3) });
    await page.goto(`${env.base}/`);
    await page.getByRole('link', { name: 'Later Hearing' }).waitFor();
    const names = await page.getByRole('list').last().getByRole('heading').allTextContents();
    assert.deepEqual(names.map((n) => n.trim()), ['Sooner Hearing', 'Later Hearing']);
    const sooner = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Sooner Hearing' }) });
    await sooner.getByText('Checks outstanding', { exact: true }).waitFor();
    const count = (await sooner.getByText(/\d+ checks outstanding/).textContent()).match(/\d+/)[0];
    assert.ok(Number(count) > 5, `expected many checks outstanding, got ${count}`);
  });
});
