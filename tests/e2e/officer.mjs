// What a court officer does, step by step, found as a person finds things: by role and label.
//
// Every step goes through an "actor": `mouse(page)` clicks and types as Playwright does;
// `keyboard(page)` reaches each control with Tab and works it with the keyboard alone, which is
// how the keyboard-only test proves the whole case can be done without a mouse.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { daysFromToday } from './support.mjs';

export function mouse(page) {
  return {
    page,
    fill: (locator, text) => locator.fill(text),
    check: (locator) => locator.check(),
    click: (locator) => locator.click(),
  };
}

export function keyboard(page) {
  const isFocused = (locator) => locator.evaluate((el) => el === document.activeElement);
  async function tabTo(locator, accept = isFocused) {
    for (let i = 0; i < 400; i += 1) {
      if (await accept(locator)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`could not reach ${locator} with the Tab key`);
  }
  return {
    page,
    async fill(locator, text) {
      await tabTo(locator);
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Delete');
      if (text) await page.keyboard.type(text);
    },
    async check(locator) {
      const type = await locator.getAttribute('type');
      if (type === 'checkbox') {
        await tabTo(locator);
        if (!(await locator.isChecked())) await page.keyboard.press('Space');
      } else {
        // Tab stops once in a radio group; the arrow keys then move between its options.
        const name = await locator.getAttribute('name');
        await tabTo(locator, (l) => l.evaluate((el, n) => document.activeElement?.type === 'radio' && document.activeElement.name === n, name));
        if (await isFocused(locator)) {
          await page.keyboard.press('Space');
        }
        for (let i = 0; i < 20 && !(await locator.isChecked()); i += 1) {
          await page.keyboard.press('ArrowDown');
        }
      }
      assert.ok(await locator.isChecked(), `keyboard could not select ${locator}`);
    },
    async click(locator) {
      await tabTo(locator);
      await page.keyboard.press('Enter');
    },
  };
}

/** Types a GOV.UK date into the date input whose legend is `legend`, inside `scope`. */
export async function fillDate(actor, scope, legend, { day, month, year }) {
  const group = scope.getByRole('group', { name: legend, exact: true });
  await actor.fill(group.getByLabel('Day'), day);
  await actor.fill(group.getByLabel('Month'), month);
  await actor.fill(group.getByLabel('Year'), year);
}

/** Chooses the option `label` of the radio or checkbox group named `legend`, inside `scope`. */
export async function choose(actor, scope, legend, label) {
  await actor.check(scope.getByRole('group', { name: legend, exact: true }).getByLabel(label, { exact: true }));
}

export async function heading(page, text) {
  await page.getByRole('heading', { level: 1, name: text }).waitFor();
}

/** Opens a section from the task list. */
export async function openSection(actor, title) {
  await actor.click(actor.page.getByRole('link', { name: title, exact: true }));
}

export async function saveAndContinue(actor) {
  await actor.click(actor.page.getByRole('button', { name: 'Save and continue' }));
}

/** Creates a case from the case list; returns to the new case's task list. */
export async function createCase(actor, base, person) {
  await fillNewCase(actor, base, person);
  await actor.click(actor.page.getByRole('button', { name: 'Create case' }));
  await heading(actor.page, person.name);
}

/** Fills "Create a new case" for `person`, from the case list, without creating it. */
export async function fillNewCase(actor, base, person) {
  const { page } = actor;
  await page.goto(`${base}/`);
  await heading(page, 'Cases');
  await actor.click(page.getByRole('button', { name: /^(Create a new case|Continue the new case you started)$/ }));
  await heading(page, 'Create a new case');
  await actor.fill(page.getByLabel('Full name'), person.name);
  await fillDate(actor, page, 'Date of birth', person.dob);
  // What agencies trace the person by, where the case gives it (all optional on the page).
  if (person.crn) await actor.fill(page.getByLabel('CRN (optional)'), person.crn);
  if (person.pnc) await actor.fill(page.getByLabel('PNC ID (optional)'), person.pnc);
  if (person.otherNames) await actor.fill(page.getByLabel('Other names used (optional)'), person.otherNames);
  if (person.address) {
    await actor.fill(page.getByLabel('Address line 1 (optional)'), person.address.line1);
    await actor.fill(page.getByLabel('Town or city (optional)'), person.address.town);
    await actor.fill(page.getByLabel('Postcode (optional)'), person.address.postcode);
  }
  await actor.fill(page.getByLabel('Court'), person.court);
  await fillDate(actor, page, 'Hearing date', person.hearing);
  await choose(actor, page, 'Type of report', person.reportType);
  await choose(actor, page, 'Is an electronically monitored curfew being considered?', person.curfew ? 'Yes' : 'No');
  const offence = page.getByRole('region', { name: 'Offence 1' });
  await actor.fill(offence.getByLabel('Offence', { exact: true }), person.offence);
  await fillDate(actor, offence, 'Date of offence', person.offenceDate);
  await fillDate(actor, offence, 'Date of conviction', person.convicted);
  await choose(actor, offence, 'Is this offence related to domestic abuse?', person.daRelated ? 'Yes' : 'No');
  // Risk and orders, where already known when the case is created (optional on the page).
  if (person.risk) {
    const { children, public: pub, knownAdult, staff } = person.risk;
    for (const [domain, level] of [['Risk to children', children], ['Risk to the public', pub], ['Risk to a known adult', knownAdult], ['Risk to staff', staff]]) {
      await choose(actor, page, domain, level);
    }
    await choose(actor, page, 'Does any order protect someone from this person?', person.orders ?? 'No');
  }
}

export const ALEX = {
  name: 'Alex Example',
  dob: { day: '12', month: '4', year: '1990' },
  court: "Northshire Magistrates' Court",
  hearing: daysFromToday(7),
  reportType: 'Fast delivery written report',
  curfew: true,
  offence: 'Theft from a shop',
  offenceDate: daysFromToday(-60),
  convicted: daysFromToday(-14),
  daRelated: false,
};

/**
 * Records an enquiry's reply inside `scope`: the agency, the outcome, when it was requested and
 * received (a week and two days ago unless given), what came back and that it was considered.
 */
export async function recordEnquiry(actor, scope, { agencyLabel, agency, outcome, summary, considered, requested = daysFromToday(-7), received = daysFromToday(-2) }) {
  await actor.fill(scope.getByLabel(agencyLabel, { exact: true }), agency);
  await choose(actor, scope, 'Outcome', outcome);
  await fillDate(actor, scope, 'Date requested', requested);
  await fillDate(actor, scope, 'Date received', received);
  if (summary) await actor.fill(scope.getByLabel('Summary of what came back'), summary);
  if (considered) await actor.check(scope.getByLabel('I have considered this information in the proposal'));
}

/**
 * Case (a): a man who lives alone as the tenant, no children, police hold no information.
 * Every check is recorded; ends on the outcome page before recording it.
 */
export async function completeLivesAloneChecks(actor, base) {
  const { page } = actor;
  await createCase(actor, base, ALEX);

  await openSection(actor, 'Hearing, risk and orders');
  await heading(page, 'Hearing, risk and orders');
  for (const domain of ['Risk to children', 'Risk to the public', 'Risk to a known adult', 'Risk to staff']) {
    await choose(actor, page, domain, 'Low');
  }
  await choose(actor, page, 'Does any order protect someone from this person?', 'No');
  await saveAndContinue(actor);
  await heading(page, ALEX.name);

  await openSection(actor, 'Child contact');
  await heading(page, 'Child contact');
  const questions = [
    ['Does Alex Example live with any child?', 'living with a child'],
    ['Does Alex Example have responsibility for any child?', 'responsibility for a child'],
    ['Does Alex Example have access to any child?', 'access to a child'],
    ['Is Alex Example likely to have a negative impact on the wellbeing or safety of any child?', 'negative impact on a child'],
  ];
  for (const [question, topic] of questions) {
    await choose(actor, page, question, 'No');
    await choose(actor, page, `Where did the answer about ${topic} come from?`, 'Police');
  }
  await saveAndContinue(actor);
  await heading(page, ALEX.name);

  await openSection(actor, 'Police domestic abuse enquiry');
  await heading(page, 'Police domestic abuse enquiry');
  await recordEnquiry(actor, page, { agencyLabel: 'Police force', agency: 'Northshire Police', outcome: 'No information held', considered: true });
  await saveAndContinue(actor);
  await heading(page, ALEX.name);

  await openSection(actor, "Children's services enquiry");
  await heading(page, "Children's services enquiry");
  await actor.click(page.getByRole('button', { name: "Add a children's services enquiry" }));
  const enquiry = page.getByRole('region', { name: 'Enquiry 1' });
  await actor.fill(enquiry.getByLabel('Children the enquiry covers'), 'Any child connected with Alex Example');
  await recordEnquiry(actor, enquiry, { agencyLabel: 'Local authority', agency: 'Northshire Council', outcome: "Not known to children's services", considered: true });
  await saveAndContinue(actor);
  await heading(page, ALEX.name);

  await openSection(actor, 'Proposed address and residents');
  await heading(page, 'Proposed curfew addresses');
  await actor.click(page.getByRole('button', { name: 'Add a proposed address' }));
  await heading(page, 'Proposed curfew address');
  await actor.fill(page.getByLabel('Address line 1'), 'Flat 2, 10 Sample Street');
  await actor.fill(page.getByLabel('Town or city'), 'Northtown');
  await actor.fill(page.getByLabel('Postcode'), 'NT1 2AB');
  await choose(actor, page, 'Tenure', 'Rented from a council or housing association');
  await choose(actor, page, 'How was the address assessed?', 'Home visit');
  await choose(actor, page, 'How do you know who lives there?', "The person's own account");
  await choose(actor, page, 'How do you know who lives there?', 'Another agency');
  await choose(actor, page, 'Who is the main occupier?', 'The person being sentenced');
  await choose(actor, page, 'Does any victim or potential victim of the person live there?', 'No');
  await choose(actor, page, 'Where did the answer about whether a victim lives there come from?', 'Police');
  await recordEnquiry(actor, page.getByRole('region', { name: 'Police call-out check on the address' }), {
    agencyLabel: 'Police force',
    agency: 'Northshire Police',
    outcome: 'No information held',
    considered: true,
  });
  await recordEnquiry(actor, page.getByRole('region', { name: "Children's services check on the address" }), {
    agencyLabel: 'Local authority',
    agency: 'Northshire Council',
    outcome: "Not known to children's services",
    considered: true,
  });
  await choose(actor, page, 'Is electronic monitoring available at this address?', 'Yes');
  await choose(actor, page, 'Is a reliable electricity supply confirmed?', 'Yes');
  await choose(actor, page, 'Does the main occupier agree to the monitoring equipment being installed?', 'Yes');
  await saveAndContinue(actor);
  await heading(page, 'Proposed curfew addresses');
  await saveAndContinue(actor);
  await heading(page, ALEX.name);

  await openSection(actor, 'Consent of adult residents');
  await heading(page, 'Consent of adult residents');
  await page.getByText("Nobody else's consent is needed here").waitFor();
  await actor.click(page.getByRole('button', { name: 'Continue' }));
  await heading(page, ALEX.name);

  await openSection(actor, 'Curfew schedule');
  await heading(page, 'Curfew schedule');
  await fillDate(actor, page, 'Start date', daysFromToday(7));
  await actor.fill(page.getByLabel('Length of the curfew'), '6');
  await choose(actor, page, 'Days, weeks or months', 'Months');
  await actor.click(page.getByRole('button', { name: 'Add curfew hours' }));
  const period = page.getByRole('region', { name: 'Curfew period 1' });
  await actor.fill(period.getByLabel('From'), '19:00');
  await actor.fill(period.getByLabel('To'), '07:00');
  await saveAndContinue(actor);
  await heading(page, ALEX.name);
  await page.getByText('All required checks are complete.').waitFor();

  await openSection(actor, 'Outcome');
  await heading(page, 'Outcome');
}

/**
 * Completes the checks for Alex (who lives alone) and asks a senior probation officer to
 * gatekeep, with `note`; answers the task list's address.
 */
export async function completeAndAskForGatekeeping(actor, base, note) {
  const { page } = actor;
  await completeLivesAloneChecks(actor, base);
  await actor.click(page.getByRole('link', { name: 'Back to task list' }));
  await heading(page, ALEX.name);
  const taskList = page.url();
  await actor.click(page.getByRole('link', { name: 'Ask for gatekeeping' }));
  await page.getByLabel('I want a senior probation officer to gatekeep this case').check();
  await actor.fill(page.getByLabel('Note for the senior probation officer'), note);
  await actor.click(page.getByRole('button', { name: 'Submit for gatekeeping' }));
  await page.getByText('Awaiting gatekeeping: submitted to a senior probation officer.').waitFor();
  return taskList;
}

/** Records "suitable" on the outcome page. */
export async function recordSuitable(actor, rationale) {
  const { page } = actor;
  await choose(actor, page, 'What is your finding on the curfew?', 'Curfew suitable');
  await actor.fill(page.getByLabel('Your rationale'), rationale);
  await actor.click(page.getByRole('button', { name: 'Record outcome' }));
}

/** On a proposed address page: adds a resident with a name, an age and a relationship. */
export async function addResident(actor, n, { name, age, relationship }) {
  const { page } = actor;
  await actor.click(page.getByRole('button', { name: 'Add a resident' }));
  const resident = page.getByRole('region', { name: `Resident ${n}` });
  await actor.fill(resident.getByLabel('Full name'), name);
  await actor.fill(resident.getByLabel('Age'), age);
  await actor.fill(resident.getByLabel('Relationship to the person'), relationship);
}

/** On a consent page: records informed consent given directly and privately, today. */
export async function recordConsent(actor, { attitude, time }) {
  const { page } = actor;
  await choose(actor, page, 'Did you contact them directly, not through the person being sentenced?', 'Yes');
  await choose(actor, page, 'How did you contact them?', 'Phone');
  await fillDate(actor, page, 'Date of contact', daysFromToday(0));
  await choose(actor, page, 'Did you speak to them privately, without the person present?', 'Yes');
  for (const told of ['The curfew hours', 'The tag and the monitoring equipment in the home', 'The nature of the offending, within disclosure rules', 'That they can withdraw consent at any time']) {
    await choose(actor, page, 'What did you tell them?', told);
  }
  await actor.fill(page.getByLabel('Their attitude to the curfew, in their own words'), attitude);
  await choose(actor, page, 'Did they show any sign of fear or pressure?', 'No');
  await choose(actor, page, 'Their decision', 'Consent given');
  await fillDate(actor, page, 'Date of their decision', daysFromToday(0));
  await actor.fill(page.getByLabel('Time of their decision'), time);
}

/**
 * From the task list: records each domain's risk of serious harm (`levels`: children, public,
 * knownAdult, staff, as the radio labels say) and whether any order protects someone ('No'
 * unless given); returns to the task list of the case for `name`.
 */
export async function recordRisk(actor, name, { children, public: pub, knownAdult, staff }, orders = 'No') {
  const { page } = actor;
  await openSection(actor, 'Hearing, risk and orders');
  await heading(page, 'Hearing, risk and orders');
  for (const [domain, level] of [['Risk to children', children], ['Risk to the public', pub], ['Risk to a known adult', knownAdult], ['Risk to staff', staff]]) {
    await choose(actor, page, domain, level);
  }
  await choose(actor, page, 'Does any order protect someone from this person?', orders);
  await saveAndContinue(actor);
  await heading(page, name);
}

/**
 * From the task list: answers the four child contact questions about `name` ('Yes' or 'No'
 * each, in the page's order: lives with, responsible for, access to, negative impact), each
 * from `source` (a label such as 'Police' or "The person's own account", or a list of them).
 */
export async function recordChildContact(actor, name, answers, source, { samePlace = false } = {}) {
  const { page } = actor;
  await openSection(actor, 'Child contact');
  await heading(page, 'Child contact');
  // All four answers from the same place: said once, at the top.
  if (samePlace) {
    await choose(actor, page, 'Did all four answers on this page come from the same place?', 'Yes');
    for (const from of [source].flat()) {
      await choose(actor, page, 'Where did the answers come from?', from);
    }
  }
  const questions = [
    [`Does ${name} live with any child?`, 'living with a child'],
    [`Does ${name} have responsibility for any child?`, 'responsibility for a child'],
    [`Does ${name} have access to any child?`, 'access to a child'],
    [`Is ${name} likely to have a negative impact on the wellbeing or safety of any child?`, 'negative impact on a child'],
  ];
  for (const [i, [question, topic]] of questions.entries()) {
    await choose(actor, page, question, answers[i]);
    for (const from of samePlace ? [] : [source].flat()) {
      await choose(actor, page, `Where did the answer about ${topic} come from?`, from);
    }
  }
  await saveAndContinue(actor);
  await heading(page, name);
}

const ROLE_LABELS = {
  court_officer: 'Court officer',
  spo: 'Senior probation officer or qualified probation officer',
  trainer: 'Trainer',
};

/** Says, on the "Who is using this device?" page reached from the header, who uses it now. */
export async function become(actor, { name, role }) {
  const { page } = actor;
  await actor.click(page.getByRole('link', { name: /^You: / }));
  await heading(page, 'Who is using this device?');
  await actor.fill(page.getByLabel('Your name'), name);
  await actor.check(page.getByLabel(ROLE_LABELS[role], { exact: true }));
  await actor.click(page.getByRole('button', { name: 'Continue' }));
}

/** Exports the named cases from the export page; returns the file's text. */
export async function exportCases(page, base, names) {
  await page.goto(`${base}/export`);
  await heading(page, 'Export cases');
  for (const name of names) await page.getByLabel(name).check();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the file' }).click(),
  ]);
  return readFileSync(await download.path(), 'utf8');
}
