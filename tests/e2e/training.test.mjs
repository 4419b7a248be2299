// Training mode (issue 11): practising on fictional cases, on the real pages and under the real
// rules, with scripted replies on the scenario's clock and a debrief. Every person, address and
// agency here is fictional, as in the scenario files.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { axeViolations, daysFromToday, freshPage, launch, OFFICER, storedData } from './support.mjs';
import {
  ALEX,
  become,
  choose,
  createCase,
  fillDate,
  heading,
  mouse,
  openSection,
  recordChildContact,
  recordEnquiry,
  recordRisk,
  recordSuitable,
  saveAndContinue,
} from './officer.mjs';

const scenarios = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scenarios');

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

// The two scenarios played here, as their files describe them.
const PARTNERS_HOME = {
  file: 'partners-home.toml',
  title: "A partner's home, her children, and what she says alone",
  person: 'Dean Sample',
  partner: 'Tess Example',
  address: '4 Example Close',
  lesson: /This is the pattern of the case the inspectorate reviewed\./,
};
const LIVES_ALONE = {
  file: 'lives-alone.toml',
  title: 'Living alone as the tenant, with every check clear',
  person: 'Kieran Sample',
  address: 'Flat 2, 15 Sample Road',
  lesson: /Not every case hides a risk\./,
};

const BANNER = 'Training — fictional case';

/** The scenario's file as it is in scenarios/. */
function scenarioFile(scenario) {
  return readFileSync(join(scenarios, scenario.file), 'utf8');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2 December 2026", as the training pages write dates, as a GOV.UK date input takes it. */
function dateParts(text) {
  const [, day, month, year] = text.trim().match(/^(\d{1,2}) (\w+) (\d{4})$/) ?? [];
  assert.ok(MONTHS.includes(month), `"${text}" is a date`);
  return { day, month: String(MONTHS.indexOf(month) + 1), year };
}

const capital = (text) => text[0].toUpperCase() + text.slice(1);

/** Every page in training says so: the banner, and a tab title starting "Training:". */
async function assertInTraining(page, what) {
  const banner = page.getByRole('region', { name: 'Training', exact: true });
  await banner.getByText(BANNER, { exact: true }).waitFor();
  assert.match(await page.title(), /^Training: /, `${what}: the tab title says it is training`);
}

/** On a page showing errors the title starts "Error:", then says it is training. */
async function assertInTrainingWithErrors(page, what) {
  await page.getByRole('region', { name: 'Training', exact: true }).getByText(BANNER, { exact: true }).waitFor();
  assert.match(await page.title(), /^Error: Training: /, `${what}: the tab title says it is training`);
}

async function assertNotInTraining(page, what) {
  assert.equal(await page.getByText(BANNER).count(), 0, `${what}: no training banner`);
  assert.doesNotMatch(await page.title(), /Training:/, `${what}: the tab title is not training's`);
}

/** From anywhere in a tab: moves the tab into training, and lands on the training home. */
async function startPractising(actor, base) {
  const { page } = actor;
  await page.goto(`${base}/training`);
  await heading(page, 'Practise with a fictional case');
  await actor.click(page.getByRole('button', { name: 'Start practising' }));
  await heading(page, 'Training');
}

/** From the training home: reads the scenario's briefing, starts it and returns its run page. */
async function startScenario(actor, scenario) {
  const { page } = actor;
  await actor.click(page.getByRole('link', { name: scenario.title, exact: true }));
  await heading(page, scenario.title);
  await page.getByRole('heading', { name: 'Briefing' }).waitFor();
  await actor.click(page.getByRole('button', { name: 'Start this scenario' }));
  const run = practiceRun(actor, scenario);
  await run.ready();
  return run;
}

/**
 * A practice run's own page, as the trainee works it: the clock, the enquiries with their
 * replies, and the people at the address.
 */
function practiceRun(actor, scenario) {
  const { page } = actor;
  const clock = page.getByRole('status').filter({ hasText: /Working day \d+/ });
  // Each enquiry is a row of the list, named by what it is.
  const row = (what) => page.getByText(capital(what), { exact: true }).locator('xpath=..');
  const run = {
    async ready() {
      await heading(page, scenario.title);
      await clock.waitFor();
    },
    /** The scenario's clock: its working day and that day's date. */
    async today() {
      const text = await clock.innerText();
      const [, day, date] = text.match(/Working day (\d+): (\d+ \w+ \d{4})/);
      return { day: Number(day), date: dateParts(date) };
    },
    /** The hearing's date on the same clock, as date input parts and as the page writes it. */
    async hearing() {
      const m = (await clock.innerText()).match(/hearing (?:is|was) on working day \d+: (\d+ \w+ \d{4})|Today is the hearing: (\d+ \w+ \d{4})/);
      const text = m[1] ?? m[2];
      return { ...dateParts(text), text };
    },
    async nextDay() {
      const { day } = await run.today();
      await actor.click(page.getByRole('button', { name: 'Move to the next working day' }));
      await clock.getByText(`Working day ${day + 1}:`).waitFor();
    },
    async send(what) {
      await actor.click(page.getByRole('button', { name: `Send ${what}`, exact: true }));
      await row(what).getByText(/^Sent \d+ \w+ \d{4}/).waitFor();
    },
    async status(what) {
      return (await row(what).innerText()).trim();
    },
    /** An enquiry's reply, once it has come back: when it was sent and received, and what it says. */
    async reply(what) {
      const text = await run.status(what);
      const sent = text.match(/Sent (\d+ \w+ \d{4}); reply received/);
      const got = text.match(/Reply from (.+?), received (\d+ \w+ \d{4}): ([^.]+)\./);
      assert.ok(sent && got, `${what} has its reply: ${text}`);
      return { requested: dateParts(sent[1]), agency: got[1], received: dateParts(got[2]), outcome: got[3], text };
    },
    /** Asks someone at the address, one of the three ways; returns what they said. */
    async ask(name, how) {
      const person = page.getByRole('region', { name });
      const before = await person.getByRole('listitem').count();
      await choose(actor, person, `How do you ask ${name}?`, how);
      await actor.click(person.getByRole('button', { name: `Ask ${name}`, exact: true }));
      await person.getByRole('listitem').nth(before).waitFor();
      return person.getByRole('listitem').nth(before).innerText();
    },
    async openCase() {
      await actor.click(page.getByRole('link', { name: 'Open the case', exact: true }));
      await heading(page, scenario.person);
    },
    async openDebrief() {
      await actor.click(page.getByRole('link', { name: 'Debrief', exact: true }));
      await heading(page, `Debrief: ${scenario.title}`);
    },
  };
  return run;
}

/** From any page in training: back to this scenario's run, through the banner's "Training home". */
async function backToRun(actor, scenario) {
  const { page } = actor;
  await actor.click(page.getByRole('region', { name: 'Training', exact: true }).getByRole('link', { name: 'Training home' }));
  await heading(page, 'Training');
  await actor.click(page.getByRole('link', { name: `Continue ${scenario.title}`, exact: true }));
  const run = practiceRun(actor, scenario);
  await run.ready();
  return run;
}

/** The debrief's items under one of its headings ("Missed", "Done wrongly", "Done right"). */
async function debriefList(page, title) {
  const h2 = page.getByRole('heading', { level: 2, name: title, exact: true });
  if ((await h2.count()) === 0) return [];
  return h2.locator('xpath=following-sibling::ul[1]').getByRole('listitem').allInnerTexts();
}

describe("the review's pattern, played wrongly", () => {
  test('the debrief names each missed step, the blocked "suitable" and the lesson; every page says it is training', async () => {
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    await startPractising(actor, env.base);
    await assertInTraining(page, 'training home');
    await actor.click(page.getByRole('link', { name: PARTNERS_HOME.title, exact: true }));
    await heading(page, PARTNERS_HOME.title);
    await assertInTraining(page, 'scenario page');
    await page.getByText(/Dean tells you he will live with his partner, Tess Example, at 4 Example Close/).waitFor();
    await actor.click(page.getByRole('button', { name: 'Start this scenario' }));
    const run = practiceRun(actor, PARTNERS_HOME);
    await run.ready();
    await assertInTraining(page, 'run page');
    const hearing = await run.hearing();

    // Children's services and the address checks, but never the police enquiry.
    const police = 'the domestic abuse enquiry to Northshire Police';
    const cs = "the children's services enquiry to Northshire Council";
    const callout = `the police call-out check on ${PARTNERS_HOME.address}`;
    const csCheck = `the children's services check on ${PARTNERS_HOME.address}`;
    for (const what of [cs, callout, csCheck]) await run.send(what);

    // Tess, asked only through him, says what he wants heard.
    const heard = await run.ask(PARTNERS_HOME.partner, `Through ${PARTNERS_HOME.person}`);
    assert.match(heard, /Working day 0, asked through Dean Sample:/);
    assert.match(heard, /“Dean says Tess is fine with it and you don't need to bother her\.” They agree to the curfew\./);
    assert.doesNotMatch(heard, /scared/);

    for (let i = 0; i < 3; i += 1) await run.nextDay();
    assert.equal((await run.today()).day, 3);
    assert.match(await run.status(police), /Not sent/);
    const csReply = await run.reply(cs);
    assert.equal(csReply.outcome, 'Previously known, now closed');
    assert.match(csReply.text, /Known in 2024 after a referral from the school/);
    await run.reply(callout);
    await run.reply(csCheck);

    // On the case's own pages: a few things, some on his word alone.
    await run.openCase();
    await assertInTraining(page, 'task list');
    const name = PARTNERS_HOME.person;
    await recordRisk(actor, name, { children: 'Medium', public: 'Medium', knownAdult: 'Medium', staff: 'Low' });
    await assertInTraining(page, 'task list after the risk');
    await recordChildContact(actor, name, ['Yes', 'No', 'Yes', 'No'], "The person's own account");

    await openSection(actor, "Children's services enquiry");
    await heading(page, "Children's services enquiry");
    await assertInTraining(page, "children's services enquiry");
    await actor.click(page.getByRole('button', { name: "Add a children's services enquiry" }));
    const enquiry = page.getByRole('region', { name: 'Enquiry 1' });
    await actor.fill(enquiry.getByLabel('Children the enquiry covers'), 'Lee Example (11) and Jo Example (13)');
    await recordEnquiry(actor, enquiry, {
      agencyLabel: 'Local authority',
      ...csReply,
      summary: 'Known in 2024 after a referral from the school; closed after an assessment.',
      considered: true,
    });
    await saveAndContinue(actor);
    await heading(page, name);

    // "Suitable" is refused, and the attempt is kept.
    await openSection(actor, 'Outcome');
    await heading(page, 'Outcome');
    await assertInTraining(page, 'outcome');
    await recordSuitable(actor, 'He is like a father to the children and his partner agrees.');
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    assert.match(await summary.innerText(), /You cannot record a curfew as suitable while \d+ checks are outstanding/);
    await assertInTrainingWithErrors(page, 'outcome with errors');
    assert.equal(await page.getByText(/^Outcome recorded:/).count(), 0);
    await actor.click(page.getByRole('link', { name: 'Back to task list' }));
    await heading(page, name);

    // The debrief.
    const back = await backToRun(actor, PARTNERS_HOME);
    await assertInTraining(page, 'run page again');
    await back.openDebrief();
    await assertInTraining(page, 'debrief');
    const main = page.getByRole('main');
    await page.getByText(`Training debrief for ${OFFICER.name} (fictional case)`).waitFor();
    await main.getByText('“Suitable” was tried once while the rules blocked it.', { exact: true }).waitFor();
    await main.getByText('No outcome was recorded. Played right, a curfew is not suitable.').waitFor();
    await main.getByText('No outcome yet', { exact: true }).waitFor();
    assert.equal(await main.getByText('Safe', { exact: true }).count(), 0, 'no outcome is not called safe');
    await main.getByText(`3 of 5 working days used before the hearing on ${hearing.text}.`, { exact: true }).waitFor();
    const lesson = main.getByText('The lesson:', { exact: true }).locator('xpath=..');
    assert.match(await lesson.innerText(), PARTNERS_HOME.lesson);
    assert.match(await lesson.innerText(), /she says so only when she is spoken to privately/);

    const missed = await debriefList(page, 'Missed');
    const wrong = await debriefList(page, 'Done wrongly');
    const right = await debriefList(page, 'Done right');
    const has = (list, text, source) => {
      const item = list.find((p) => p.includes(text));
      assert.ok(item, `"${text}" in:\n${list.join('\n')}`);
      if (source) assert.match(item, new RegExp(`Source: ${source}`));
    };
    has(missed, 'The domestic abuse enquiry to Northshire Police was never made.', 'Recommendation 1');
    has(missed, `${capital(callout)}: the reply arrived on`, 'Recommendation 3');
    has(missed, `${capital(csCheck)}: the reply arrived on`, 'Recommendation 3');
    has(missed, `${PARTNERS_HOME.address}: whether a victim or potential victim lives there was never answered.`, 'Recommendations 1, 3 and 4');
    has(wrong, 'Tess Example was asked only through Dean Sample, never directly.', 'Recommendation 6');
    has(wrong, 'Whether Dean Sample lives with a child: recorded on Dean Sample\'s own word only.', 'Recommendations 2 and 3');
    has(wrong, 'Whether Dean Sample is likely to have a negative impact on a child: recorded as no, but the answer is yes.');
    has(right, `${capital(cs)}: made, and its reply recorded as it came back.`);
    assert.ok(!right.some((p) => /Northshire Police was never made|domestic abuse enquiry to Northshire Police:/.test(p)), 'the police enquiry is not done right');
    await page.getByRole('button', { name: 'Print this debrief' }).waitFor();
    await page.getByRole('button', { name: 'Save the debrief as a file' }).waitFor();

    // The case's history keeps the refused attempt.
    await actor.click(page.getByRole('link', { name: 'Back to the practice run' }));
    await back.ready();
    await back.openCase();
    const caseUrl = page.url();
    await actor.click(page.getByRole('link', { name: 'History of changes' }));
    await heading(page, 'History of changes');
    await page.getByRole('heading', { level: 2, name: "Tried to record 'Curfew suitable' while it was blocked" }).waitFor();

    // Every other page, in training, says so too.
    const casePages = [
      ['', name],
      ['/hearing', 'Hearing, risk and orders'],
      ['/child-contact', 'Child contact'],
      ['/police', 'Police domestic abuse enquiry'],
      ['/childrens-services', "Children's services enquiry"],
      ['/places', 'Proposed curfew addresses'],
      ['/consent', 'Consent of adult residents'],
      ['/schedule', 'Curfew schedule'],
      ['/outcome', 'Outcome'],
      ['/check', 'Check your answers'],
      ['/gatekeeping', 'Gatekeeping'],
      ['/history', 'History of changes'],
      ['/report', 'Paragraph for the court report'],
      ['/print', 'Record of pre-sentence checks'],
      ['/delete', `Are you sure you want to delete the case for ${name}?`],
    ].map(([path, title]) => [`${caseUrl}${path}`, title]);
    const otherPages = [
      ['/', 'Cases'],
      ['/training', 'Training'],
      ['/training/scenarios/partners-home', PARTNERS_HOME.title],
      ['/training/load', 'Load a scenario from a file'],
      ['/chase', 'Enquiries to chase today'],
      ['/gatekeeping', 'Gatekeeping queue'],
      ['/data', 'Data on this device'],
      ['/you', 'Who is using this device?'],
      ['/export', 'Not available in training'],
      ['/import', 'Not available in training'],
      ['/no/such/page', 'Page not found'],
    ].map(([path, title]) => [`${env.base}${path}`, title]);
    for (const [url, title] of [...casePages, ...otherPages]) {
      await page.goto(url);
      await heading(page, title);
      await assertInTraining(page, url);
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});

describe('the lives-alone scenario, played right', () => {
  test('every enquiry sent and recorded as it came back ends with a clean debrief: "Safe"', async () => {
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    await startPractising(actor, env.base);
    const run = await startScenario(actor, LIVES_ALONE);
    const hearing = await run.hearing();

    const enquiries = {
      police: 'the domestic abuse enquiry to Northshire Police',
      cs: "the children's services enquiry to Northshire Council",
      callout: `the police call-out check on ${LIVES_ALONE.address}`,
      csCheck: `the children's services check on ${LIVES_ALONE.address}`,
    };
    for (const what of Object.values(enquiries)) {
      assert.match(await run.status(what), /Not sent/);
      await run.send(what);
      assert.match(await run.status(what), /awaiting a reply/);
    }
    // Move the clock on until every reply is back, before the hearing.
    for (let i = 0; i < 5; i += 1) {
      const statuses = await Promise.all(Object.values(enquiries).map((w) => run.status(w)));
      if (statuses.every((s) => /reply received/.test(s))) break;
      await run.nextDay();
    }
    const replies = {};
    for (const [key, what] of Object.entries(enquiries)) replies[key] = await run.reply(what);
    assert.equal(replies.police.outcome, 'No information held');
    assert.equal(replies.callout.outcome, 'No information held');
    assert.equal(replies.cs.outcome, "Not known to children's services");
    assert.equal(replies.csCheck.outcome, "Not known to children's services");
    const { day } = await run.today();
    assert.ok(day < 5, `every reply is back before the hearing (day ${day})`);
    // The replies are dated on the scenario's clock, after the device's today: the rules judge
    // the training case by that clock, so recording them as received is no "date in the future".
    const asDate = ({ day: d, month, year }) => new Date(Number(year), Number(month) - 1, Number(d));
    assert.ok(asDate(replies.csCheck.received) > asDate(daysFromToday(0)));

    // Record what came back on the case's own pages: nothing was filled in.
    await run.openCase();
    await assertInTraining(page, 'task list');
    const name = LIVES_ALONE.person;
    await recordRisk(actor, name, { children: 'Low', public: 'Low', knownAdult: 'Low', staff: 'Low' });
    await recordChildContact(actor, name, ['No', 'No', 'No', 'No'], ['Police', "Children's services"]);

    await openSection(actor, 'Police domestic abuse enquiry');
    await heading(page, 'Police domestic abuse enquiry');
    await assertInTraining(page, 'police enquiry');
    await recordEnquiry(actor, page, { agencyLabel: 'Police force', ...replies.police, considered: true });
    await saveAndContinue(actor);
    await heading(page, name);

    await openSection(actor, "Children's services enquiry");
    await heading(page, "Children's services enquiry");
    await actor.click(page.getByRole('button', { name: "Add a children's services enquiry" }));
    const enquiry = page.getByRole('region', { name: 'Enquiry 1' });
    await actor.fill(enquiry.getByLabel('Children the enquiry covers'), 'No children named: an enquiry about Kieran Sample');
    await recordEnquiry(actor, enquiry, { agencyLabel: 'Local authority', ...replies.cs, considered: true });
    await saveAndContinue(actor);
    await heading(page, name);

    await openSection(actor, 'Proposed address and residents');
    await heading(page, 'Proposed curfew addresses');
    await actor.click(page.getByRole('button', { name: 'Add a proposed address' }));
    await heading(page, 'Proposed curfew address');
    await assertInTraining(page, 'address');
    await actor.fill(page.getByLabel('Address line 1'), LIVES_ALONE.address);
    await actor.fill(page.getByLabel('Town or city'), 'Northtown');
    await actor.fill(page.getByLabel('Postcode'), 'NT3 4AB');
    await choose(actor, page, 'Tenure', 'Rented from a private landlord');
    await choose(actor, page, 'How was the address assessed?', 'Home visit');
    await choose(actor, page, 'How do you know who lives there?', "The person's own account");
    await choose(actor, page, 'How do you know who lives there?', 'Police');
    await choose(actor, page, 'Who is the main occupier?', 'The person being sentenced');
    await choose(actor, page, 'Does any victim or potential victim of the person live there?', 'No');
    await choose(actor, page, 'Where did the answer about whether a victim lives there come from?', 'Police');
    await recordEnquiry(actor, page.getByRole('region', { name: 'Police call-out check on the address' }), {
      agencyLabel: 'Police force',
      ...replies.callout,
      considered: true,
    });
    await recordEnquiry(actor, page.getByRole('region', { name: "Children's services check on the address" }), {
      agencyLabel: 'Local authority',
      ...replies.csCheck,
      considered: true,
    });
    await choose(actor, page, 'Is electronic monitoring available at this address?', 'Yes');
    await choose(actor, page, 'Is a reliable electricity supply confirmed?', 'Yes');
    await choose(actor, page, 'Does the main occupier agree to the monitoring equipment being installed?', 'Yes');
    await saveAndContinue(actor);
    await heading(page, 'Proposed curfew addresses');
    await saveAndContinue(actor);
    await heading(page, name);

    await openSection(actor, 'Consent of adult residents');
    await heading(page, 'Consent of adult residents');
    await page.getByText("Nobody else's consent is needed here").waitFor();
    await actor.click(page.getByRole('button', { name: 'Continue' }));
    await heading(page, name);

    await openSection(actor, 'Curfew schedule');
    await heading(page, 'Curfew schedule');
    await fillDate(actor, page, 'Start date', hearing);
    await actor.fill(page.getByLabel('Length of the curfew'), '4');
    await choose(actor, page, 'Days, weeks or months', 'Months');
    await actor.click(page.getByRole('button', { name: 'Add curfew hours' }));
    const period = page.getByRole('region', { name: 'Curfew period 1' });
    await actor.fill(period.getByLabel('From'), '20:00');
    await actor.fill(period.getByLabel('To'), '06:00');
    await saveAndContinue(actor);
    await heading(page, name);
    await page.getByText('All required checks are complete.').waitFor();

    await openSection(actor, 'Outcome');
    await heading(page, 'Outcome');
    await assertInTraining(page, 'outcome');
    await recordSuitable(actor, 'Lives alone as the tenant; the police and children\'s services hold nothing about him or the address.');
    await page.getByText('Outcome recorded: Curfew suitable').waitFor();

    const back = await backToRun(actor, LIVES_ALONE);
    await back.openDebrief();
    await assertInTraining(page, 'debrief');
    const main = page.getByRole('main');
    await main.getByText('Safe', { exact: true }).waitFor();
    await main.getByText('Right: every check came back clear, and a curfew was found suitable.').waitFor();
    await main.getByText('No attempt was made to record “suitable” while it was blocked.').waitFor();
    await main.getByText(LIVES_ALONE.lesson).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Missed', exact: true }).count(), 0, `nothing missed: ${await main.innerText()}`);
    assert.equal(await page.getByRole('heading', { name: 'Done wrongly', exact: true }).count(), 0, `nothing wrong: ${await main.innerText()}`);
    const right = await debriefList(page, 'Done right');
    for (const what of Object.values(enquiries)) {
      assert.ok(right.some((p) => p.startsWith(`${capital(what)}: made, and its reply recorded as it came back.`)), `${what} is done right: ${right.join('\n')}`);
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});

/** A second tab in the same browser, its errors collected as `freshPage` collects them. */
async function anotherTab(page) {
  const tab = await page.context().newPage();
  tab.problems = [];
  tab.on('pageerror', (e) => tab.problems.push(`page error: ${e.message}`));
  tab.on('console', (m) => {
    if (m.type() === 'error') tab.problems.push(`console error: ${m.text()}`);
  });
  return tab;
}

/** The names of the cases on the case list, as links. */
async function caseListNames(page) {
  await page.getByRole('heading', { name: 'Cases', exact: true, level: 1 }).waitFor();
  // The heading shows before the cases are read; in training the list waits for every case.
  await page.getByRole('main').getByRole('status').getByText('Checking the cases…').waitFor({ state: 'hidden' });
  return page.getByRole('main').getByRole('heading', { level: 3 }).getByRole('link').allInnerTexts();
}

/** From the task list: records the police enquiry as requested on `requested`, its reply due on `due`. */
async function policeAwaitingReply(actor, name, { requested, due }) {
  const { page } = actor;
  await openSection(actor, 'Police domestic abuse enquiry');
  await heading(page, 'Police domestic abuse enquiry');
  await actor.fill(page.getByLabel('Police force'), 'Northshire Police');
  await choose(actor, page, 'Outcome', 'Requested – awaiting reply');
  await fillDate(actor, page, 'Date requested', requested);
  await fillDate(actor, page, 'Date the reply is due', due);
  await saveAndContinue(actor);
  await heading(page, name);
}

/** From the task list: submits the case for gatekeeping with a note. */
async function submitForGatekeeping(actor, name) {
  const { page } = actor;
  await actor.click(page.getByRole('link', { name: /^(Ask for|Submit for) gatekeeping$/ }).first());
  await heading(page, 'Gatekeeping');
  const want = page.getByLabel('I want a senior probation officer to gatekeep this case');
  if (await want.count()) await actor.check(want);
  await actor.fill(page.getByLabel('Note for the senior probation officer'), 'Please check the address.');
  await actor.click(page.getByRole('button', { name: 'Submit for gatekeeping' }));
  await heading(page, name);
}

describe('training and real cases never mix', () => {
  test('each list, queue, chase list and export shows only its own cases; leaving training returns to real cases', async () => {
    const real = await freshPage(env.browser, { acceptDownloads: true });
    const officer = mouse(real);
    await createCase(officer, env.base, ALEX);
    const realCase = new URL(real.url()).pathname.split('/')[2];
    await policeAwaitingReply(officer, ALEX.name, { requested: daysFromToday(-9), due: daysFromToday(-2) });
    await submitForGatekeeping(officer, ALEX.name);

    // In another tab of the same browser, a trainee starts a scenario and does the same.
    const tab = await anotherTab(real);
    const trainee = mouse(tab);
    await startPractising(trainee, env.base);
    const run = await startScenario(trainee, PARTNERS_HOME);
    await run.openCase();
    const trainingCase = new URL(tab.url()).pathname.split('/')[2];
    await policeAwaitingReply(trainee, PARTNERS_HOME.person, { requested: daysFromToday(-9), due: daysFromToday(-2) });
    await submitForGatekeeping(trainee, PARTNERS_HOME.person);

    // The real tab, without a reload, then after one: only the real case.
    await officer.click(real.getByRole('link', { name: 'Back to cases' }));
    await heading(real, 'Cases');
    assert.deepEqual(await caseListNames(real), [ALEX.name]);
    await real.reload();
    await heading(real, 'Cases');
    assert.deepEqual(await caseListNames(real), [ALEX.name]);
    await assertNotInTraining(real, 'real case list');

    await real.goto(`${env.base}/gatekeeping`);
    await heading(real, 'Gatekeeping queue');
    assert.deepEqual(await real.getByRole('list', { name: 'Cases waiting for gatekeeping' }).getByRole('link').allInnerTexts(), [ALEX.name]);

    await real.goto(`${env.base}/`);
    await officer.click(real.getByRole('link', { name: 'Enquiries to chase today' }));
    await heading(real, 'Enquiries to chase today');
    assert.deepEqual(await real.getByRole('list', { name: 'Overdue enquiries' }).getByRole('link').allInnerTexts(), [ALEX.name]);

    await real.goto(`${env.base}/`);
    await officer.click(real.getByRole('link', { name: 'Export cases to a file' }));
    await heading(real, 'Export cases');
    const choices = real.getByRole('group', { name: 'Which cases do you want to export?' });
    assert.equal(await choices.getByRole('checkbox').count(), 1);
    assert.equal(await choices.getByLabel(PARTNERS_HOME.person).count(), 0);
    await officer.check(choices.getByLabel(ALEX.name));
    const [download] = await Promise.all([
      real.waitForEvent('download'),
      real.getByRole('button', { name: 'Download the file' }).click(),
    ]);
    const exported = readFileSync(await download.path(), 'utf8');
    assert.match(exported, /Alex Example/);
    assert.doesNotMatch(exported, /Dean Sample|Tess Example|Example Close/);
    assert.ok(!exported.includes(trainingCase), 'the training case is not in the file');
    // Nor can the training case be reached by its address from a real tab.
    await real.goto(`${env.base}/export/${trainingCase}`);
    await heading(real, 'Export cases');
    assert.equal(await real.getByLabel(PARTNERS_HOME.person).count(), 0);
    await real.goto(`${env.base}/cases/${trainingCase}`);
    await heading(real, 'Case not found');

    // The training tab: only the training case, in its own list, queue and chase list.
    await tab.goto(`${env.base}/`);
    await heading(tab, 'Cases');
    await assertInTraining(tab, 'training case list');
    assert.deepEqual(await caseListNames(tab), [PARTNERS_HOME.person]);
    assert.equal(await tab.getByRole('link', { name: 'Export cases to a file' }).count(), 0);
    await trainee.click(tab.getByRole('link', { name: 'Enquiries to chase today' }));
    await heading(tab, 'Enquiries to chase today');
    assert.deepEqual(await tab.getByRole('list', { name: 'Overdue enquiries' }).getByRole('link').allInnerTexts(), [PARTNERS_HOME.person]);
    await tab.goto(`${env.base}/gatekeeping`);
    await heading(tab, 'Gatekeeping queue');
    assert.deepEqual(await tab.getByRole('list', { name: 'Cases waiting for gatekeeping' }).getByRole('link').allInnerTexts(), [PARTNERS_HOME.person]);
    // Nor the real case from the training tab.
    await tab.goto(`${env.base}/cases/${realCase}`);
    await heading(tab, 'Case not found');
    await assertInTraining(tab, 'a real case from training');

    // No export or import in training, whichever address.
    for (const path of ['/export', `/export/${trainingCase}`, '/import']) {
      await tab.goto(`${env.base}${path}`);
      await heading(tab, 'Not available in training');
      await assertInTraining(tab, path);
    }

    // Leaving training: back to the real cases.
    await tab.goto(`${env.base}/training`);
    await heading(tab, 'Training');
    await trainee.click(tab.getByRole('button', { name: 'Leave training' }));
    await heading(tab, 'Cases');
    assert.deepEqual(await caseListNames(tab), [ALEX.name]);
    await assertNotInTraining(tab, 'after leaving training');
    await tab.goto(`${env.base}/export`);
    await heading(tab, 'Export cases');
    assert.equal(await tab.getByRole('group', { name: 'Which cases do you want to export?' }).getByRole('checkbox').count(), 1);

    assert.deepEqual(real.problems, []);
    assert.deepEqual(tab.problems, []);
    await real.context().close();
  });

  test('two trainees on one device each see only their own runs and cases', async () => {
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    await startPractising(actor, env.base);
    const first = await startScenario(actor, PARTNERS_HOME);
    await first.send('the domestic abuse enquiry to Northshire Police');
    const said = await first.ask(PARTNERS_HOME.partner, 'Directly and privately');
    assert.match(said, /I don't want him here/);
    await actor.click(page.getByRole('link', { name: 'Back to training' }));
    await heading(page, 'Training');
    await page.getByRole('link', { name: `Continue ${PARTNERS_HOME.title}`, exact: true }).waitFor();

    // Someone else uses the device now.
    await become(actor, { name: 'Tam Trainee', role: 'trainer' });
    await heading(page, 'Cases');
    await assertInTraining(page, 'case list of the second trainee');
    assert.deepEqual(await caseListNames(page), [], "the second trainee's case list holds none of the first trainee's cases");
    await page.getByText('There are no cases on this device yet.').waitFor();
    await actor.click(page.getByRole('banner').getByRole('link', { name: 'Training', exact: true }));
    await heading(page, 'Training');
    await page.getByText('You are practising as Tam Trainee.').waitFor();
    await page.getByText('You have not started a scenario yet.').waitFor();
    assert.equal(await page.getByRole('link', { name: /^Continue / }).count(), 0);

    // The second trainee's run of the same scenario starts afresh.
    const second = await startScenario(actor, PARTNERS_HOME);
    assert.match(await second.status('the domestic abuse enquiry to Northshire Police'), /Not sent/);
    const tess = page.getByRole('region', { name: PARTNERS_HOME.partner });
    assert.equal(await tess.getByRole('listitem').count(), 0, 'no answers heard by the first trainee');
    await page.goto(`${env.base}/`);
    await heading(page, 'Cases');
    assert.deepEqual(await caseListNames(page), [PARTNERS_HOME.person]);

    // And the first trainee sees only their own run again.
    await become(actor, { name: 'Olu Officer', role: 'court_officer' });
    await page.goto(`${env.base}/training`);
    await heading(page, 'Training');
    assert.equal(await page.getByRole('link', { name: /^Continue / }).count(), 1);
    await actor.click(page.getByRole('link', { name: `Continue ${PARTNERS_HOME.title}`, exact: true }));
    const again = practiceRun(actor, PARTNERS_HOME);
    await again.ready();
    assert.match(await again.status('the domestic abuse enquiry to Northshire Police'), /Sent/);
    assert.equal(await page.getByRole('region', { name: PARTNERS_HOME.partner }).getByRole('listitem').count(), 1);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test("a second trainee's chase list and gatekeeping queue show none of the first trainee's cases", async () => {
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    await startPractising(actor, env.base);
    const run = await startScenario(actor, PARTNERS_HOME);
    await run.openCase();
    await policeAwaitingReply(actor, PARTNERS_HOME.person, { requested: daysFromToday(-9), due: daysFromToday(-2) });
    await submitForGatekeeping(actor, PARTNERS_HOME.person);
    // The first trainee sees their own case on both.
    await page.goto(`${env.base}/chase`);
    await heading(page, 'Enquiries to chase today');
    assert.deepEqual(await page.getByRole('list', { name: 'Overdue enquiries' }).getByRole('link').allInnerTexts(), [PARTNERS_HOME.person]);

    await become(actor, { name: 'Tam Trainee', role: 'trainer' });
    await heading(page, 'Cases');
    const seen = [];
    await page.goto(`${env.base}/chase`);
    await heading(page, 'Enquiries to chase today');
    if (await page.getByText('No enquiry is overdue.').count() === 0) {
      seen.push(`chase: ${await page.getByRole('list', { name: 'Overdue enquiries' }).getByRole('link').allInnerTexts()}`);
    }
    await page.goto(`${env.base}/gatekeeping`);
    await heading(page, 'Gatekeeping queue');
    if (await page.getByText('No cases are waiting for gatekeeping.').count() === 0) {
      seen.push(`queue: ${await page.getByRole('list', { name: 'Cases waiting for gatekeeping' }).getByRole('link').allInnerTexts()}`);
    }
    assert.deepEqual(seen, [], 'the second trainee sees none of the first trainee\'s cases');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});

describe('each trainee sees only their own runs, by every route', () => {
  test("another trainee's run, debrief and case are not found, even by their addresses", async () => {
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    await startPractising(actor, env.base);
    const run = await startScenario(actor, LIVES_ALONE);
    const runAddress = page.url();
    await run.openCase();
    const caseAddress = page.url();
    await page.goto(runAddress);
    await run.ready();
    await run.openDebrief();
    const debriefAddress = page.url();
    assert.match(runAddress, /\/training\/runs\/[^/]+$/);
    assert.match(caseAddress, /\/cases\/[^/]+$/);

    await become(actor, { name: 'Tam Trainee', role: 'trainer' });
    await heading(page, 'Cases');
    for (const [what, address, title] of [
      ['run', runAddress, 'Practice run not found'],
      ['debrief', debriefAddress, 'Practice run not found'],
      ['case', caseAddress, 'Case not found'],
      ['case section', `${caseAddress}/police`, 'Case not found'],
    ]) {
      await page.goto(address);
      await heading(page, title);
      await page.getByText(/Each trainee sees only/).waitFor();
      assert.equal(await page.getByText(LIVES_ALONE.person).count(), 0, `${what}: nothing of the first trainee's case shows`);
      await assertInTraining(page, what);
    }

    // The first trainee still has them all.
    await become(actor, OFFICER);
    await page.goto(debriefAddress);
    await heading(page, `Debrief: ${LIVES_ALONE.title}`);
    await page.goto(caseAddress);
    await heading(page, LIVES_ALONE.person);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});

describe('deleting data from a training tab', () => {
  test('names what each choice deletes, deletes training only unless everything is chosen, and never a case it did not name', async () => {
    const real = await freshPage(env.browser);
    await createCase(mouse(real), env.base, ALEX);
    // Training in another tab of the same browser.
    const page = await real.context().newPage();
    page.problems = [];
    page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
    const actor = mouse(page);
    await startPractising(actor, env.base);
    await startScenario(actor, LIVES_ALONE);

    await page.goto(`${env.base}/data`);
    await heading(page, 'Data on this device');
    await page.getByText('Deletes the training on this device').waitFor();
    await actor.click(page.getByRole('button', { name: 'Delete all data on this device' }));
    await heading(page, 'What do you want to delete from this device?');
    await assertInTraining(page, 'delete page');
    const what = page.getByRole('group', { name: 'What to delete' });
    // Training only is the default here, and each choice says what it deletes.
    assert.ok(await what.getByLabel('Training only', { exact: true }).isChecked());
    await what.getByText('Deletes 1 practice run, their 1 fictional case and 0 scenarios loaded here. Real cases and settings stay.').waitFor();
    await what.getByText(/^Deletes 1 real case and 0 set-aside entries, any case you had started creating, and your settings, from this browser on this device\. It also deletes all training here: 1 practice run, their 1 fictional case and 0 scenarios loaded here\. It cannot be undone\.$/).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await actor.click(page.getByRole('button', { name: 'Yes, delete training' }));
    await heading(page, 'Training');
    await page.getByText('You have not started a scenario yet.').waitFor();
    assert.deepEqual((await storedData(page, 'psc-training')).cases, {}, 'the training case is gone');
    // The real case, in the real tab, is untouched.
    await real.goto(`${env.base}/`);
    await real.getByRole('link', { name: ALEX.name }).waitFor();
    assert.equal(Object.keys((await storedData(real)).cases).length, 1);

    // Another case made while the page is open: nothing is deleted, and the page counts again.
    await page.goto(`${env.base}/data/delete-all`);
    await heading(page, 'What do you want to delete from this device?');
    await what.getByText(/^Deletes 1 real case and/).waitFor();
    await createCase(mouse(real), env.base, { ...ALEX, name: 'Bea Example' });
    await actor.check(what.getByLabel('Everything on this device, real cases included', { exact: true }));
    await actor.click(page.getByRole('button', { name: 'Yes, delete everything' }));
    await page.getByRole('alert').getByRole('link', { name: /What is stored on this device changed since this page was opened, so nothing was deleted/ }).waitFor();
    await what.getByText(/^Deletes 2 real cases and 0 set-aside entries/).waitFor();
    assert.equal(Object.keys((await storedData(real)).cases).length, 2, 'nothing was deleted');

    // Everything, now that the page names both real cases.
    await actor.click(page.getByRole('button', { name: 'Yes, delete everything' }));
    await heading(page, 'Who is using this device?');
    assert.deepEqual((await storedData(real)).cases, {});
    assert.deepEqual([...real.problems, ...page.problems], []);
    await real.context().close();
  });
});

/** On the load page: chooses `text` as the scenario file, as a trainer picks it from their device. */
async function uploadScenario(page, name, text) {
  await page.getByLabel('Upload a scenario file').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(text) });
}

/** The problems the error summary lists, once it shows. */
async function listedProblems(page) {
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await summary.waitFor();
  return summary.getByRole('link').allInnerTexts();
}

/**
 * A refusal that starts with the line of the file that holds `written` (its `nth` occurrence)
 * and then says `says`.
 */
function lineOf(text, written, says, nth = 1) {
  let at = -1;
  for (let i = 0; i < nth; i += 1) at = text.indexOf(written, at + 1);
  assert.ok(at >= 0, `${written} is in the file`);
  const line = text.slice(0, at).split('\n').length;
  return new RegExp(`^Line ${line}: ${says.source.replace(/^\^/, '')}`);
}

const everything = (page) => page.evaluate(() => ({ ...localStorage }));

describe('loading a scenario from a file', () => {
  test('a refused file lists each problem and leaves storage unchanged; a valid one is kept and listed', async () => {
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    await startPractising(actor, env.base);
    await actor.click(page.getByRole('link', { name: 'Load a scenario from a file' }));
    await heading(page, 'Load a scenario from a file');
    await assertInTraining(page, 'load page');
    const before = await everything(page);

    const partners = scenarioFile(PARTNERS_HOME).replace('id = "partners-home"', 'id = "partners-home-draft"');
    const alone = scenarioFile(LIVES_ALONE).replace('id = "lives-alone"', 'id = "lives-alone-draft"');
    const refused = [
      {
        what: 'partners-home without its [police] table',
        text: partners.replace(/\n\[police\]\n[\s\S]*?(?=\n\[\[childrens_services\]\])/, '\n'),
        problems: [/^(Line \d+: )?Something required is missing: 'police'\.$/],
      },
      {
        what: 'lives-alone with two replies mistyped',
        text: alone
          .replace('[police]\nagency = "Northshire Police"\nreply_after = 2\noutcome = "none_held"', '[police]\nagency = "Northshire Police"\nreply_after = 2\noutcome = "non_held"')
          .replace('reply_after = 3\n  outcome = "not_known"', 'reply_after = 3\n  outcome = "not-known"'),
        problems: [
          lineOf(alone, 'outcome = "none_held"', /The police reply: the outcome "non_held" is not one of: da_held, info_not_da, none_held\.$/),
          lineOf(alone, 'outcome = "not_known"', /Address 1: the children's services check: the outcome "not-known" is not one of: .*not_known\.$/, 2),
        ],
      },
      {
        what: 'lives-alone with a date that does not exist',
        text: alone.replace('conviction_date = -2', 'conviction_date = "2026-02-30"'),
        problems: [lineOf(alone, 'conviction_date = -2', /Offence 1: the date of conviction, "2026-02-30", is not a date that exists: check the month and the day\.$/)],
      },
      {
        what: 'lives-alone convicted in the future',
        text: alone.replace('conviction_date = -2', 'conviction_date = "2099-06-01"'),
        problems: [lineOf(alone, 'conviction_date = -2', /Offence 1: the date of conviction, "2099-06-01", is after the scenario's first day \(.*\), so it is in the future for the trainee\.$/)],
      },
      {
        what: 'lives-alone expecting the wrong outcome',
        text: alone.replace('expected = "suitable"', 'expected = "not_suitable"'),
        problems: [/^Played right, this scenario should end with a curfew not suitable, but nothing found rules a curfew out/],
      },
      {
        what: 'a copy of a built-in scenario under its own id',
        text: scenarioFile(LIVES_ALONE),
        problems: [/^A built-in scenario already has the id “lives-alone”: give yours another id\.$/],
      },
    ];
    for (const [n, { what, text, problems }] of refused.entries()) {
      await uploadScenario(page, `scenario-${n}.toml`, text);
      const listed = await listedProblems(page);
      assert.equal(listed.length, problems.length, `${what}: ${listed.join(' | ')}`);
      for (const [i, problem] of problems.entries()) assert.match(listed[i], problem, what);
      await page.getByText(`Error: ${listed[0]}`).waitFor();
      await assertInTrainingWithErrors(page, what);
      assert.equal(await page.getByText('Scenario loaded').count(), 0, what);
      const now = await everything(page);
      assert.deepEqual(Object.keys(now).filter((k) => k.startsWith('psc.training.scenario.')), [], `${what}: no scenario stored`);
      assert.deepEqual(now, before, `${what}: storage is unchanged`);
    }

    // A valid new scenario: a copy of lives-alone with its own id and title.
    const copy = scenarioFile(LIVES_ALONE)
      .replace('id = "lives-alone"', 'id = "lives-alone-trainer-copy"')
      .replace(`title = "${LIVES_ALONE.title}"`, 'title = "A trainer\'s copy: living alone, every check clear"');
    await uploadScenario(page, 'lives-alone-trainer-copy.toml', copy);
    const panel = page.getByRole('status').filter({ hasText: 'Scenario loaded' });
    await panel.getByText("A trainer's copy: living alone, every check clear").waitFor();
    assert.equal(await page.getByRole('alert').filter({ hasText: 'There is a problem' }).count(), 0);
    assert.match(await page.title(), /^Training: /);
    const after = await everything(page);
    assert.deepEqual(Object.keys(after).filter((k) => !(k in before)), ['psc.training.scenario.lives-alone-trainer-copy']);
    assert.equal(after['psc.training.scenario.lives-alone-trainer-copy'], copy);

    await actor.click(page.getByRole('link', { name: 'Back to training' }));
    await heading(page, 'Training');
    const listed = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: "A trainer's copy: living alone, every check clear", exact: true }) });
    await listed.getByText('Hearing on working day 5 (loaded on this device).').waitFor();
    // The refused files, with the built-in titles, were not kept: each title is listed once.
    for (const { title } of [PARTNERS_HOME, LIVES_ALONE]) {
      assert.equal(await page.getByRole('link', { name: title, exact: true }).count(), 1, `${title} is listed once`);
    }
    // And it can be played.
    await actor.click(listed.getByRole('link'));
    await heading(page, "A trainer's copy: living alone, every check clear");
    await actor.click(page.getByRole('button', { name: 'Start this scenario' }));
    await page.getByRole('status').filter({ hasText: 'Working day 0' }).waitFor();
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});

/** Runs axe on the page; adds what it finds, page by page, to `found` (so one run reports them all). */
async function checkAccessible(page, what, found) {
  const violations = await axeViolations(page);
  if (violations.length) found.push({ page: what, violations });
}

describe('accessibility', () => {
  test('every training page passes axe, with and without errors, at desktop and 320px widths', async () => {
    const found = [];
    for (const width of [1100, 320]) {
      const page = await freshPage(env.browser, { viewport: { width, height: 800 } });
      const actor = mouse(page);

      await page.goto(`${env.base}/training`);
      await heading(page, 'Practise with a fictional case');
      await checkAccessible(page, `training in the real space at ${width}px`, found);

      await actor.click(page.getByRole('button', { name: 'Start practising' }));
      await heading(page, 'Training');
      // The home with no runs yet is checked in the next test.

      await actor.click(page.getByRole('link', { name: PARTNERS_HOME.title, exact: true }));
      await heading(page, PARTNERS_HOME.title);
      await page.getByRole('button', { name: 'Start this scenario' }).waitFor();
      await checkAccessible(page, `scenario page at ${width}px`, found);

      await actor.click(page.getByRole('button', { name: 'Start this scenario' }));
      const run = practiceRun(actor, PARTNERS_HOME);
      await run.ready();
      await checkAccessible(page, `run page before asking anyone at ${width}px`, found);

      // Asking without saying how.
      const tess = page.getByRole('region', { name: PARTNERS_HOME.partner });
      await actor.click(tess.getByRole('button', { name: `Ask ${PARTNERS_HOME.partner}` }));
      await tess.getByText('Select how you ask Tess Example').first().waitFor();
      await checkAccessible(page, `run page with an error at ${width}px`, found);

      await run.send('the domestic abuse enquiry to Northshire Police');
      await run.ask(PARTNERS_HOME.partner, 'Directly and privately');
      await run.ask(PARTNERS_HOME.partner, `Directly, with ${PARTNERS_HOME.person} there`);
      await run.nextDay();
      await run.nextDay();
      await run.reply('the domestic abuse enquiry to Northshire Police');
      await checkAccessible(page, `run page after asking and a reply at ${width}px`, found);

      await run.openDebrief();
      await checkAccessible(page, `debrief at ${width}px`, found);

      await actor.click(page.getByRole('link', { name: 'Back to the practice run' }));
      await run.ready();
      await run.openCase();
      await assertInTraining(page, 'task list');
      await checkAccessible(page, `training case's task list at ${width}px`, found);

      await page.goto(`${env.base}/export`);
      await heading(page, 'Not available in training');
      await checkAccessible(page, `export in training at ${width}px`, found);

      await page.goto(`${env.base}/training`);
      await heading(page, 'Training');
      await page.getByRole('link', { name: `Continue ${PARTNERS_HOME.title}`, exact: true }).waitFor();
      await checkAccessible(page, `training home with a run at ${width}px`, found);

      await actor.click(page.getByRole('link', { name: 'Load a scenario from a file' }));
      await heading(page, 'Load a scenario from a file');
      await checkAccessible(page, `load page at ${width}px`, found);
      const broken = scenarioFile(LIVES_ALONE)
        .replace('id = "lives-alone"', 'id = "lives-alone-draft"')
        .replace('outcome = "none_held"', 'outcome = "non_held"')
        .replace('tenure = "private_rented"', 'tenure = "rented"');
      await uploadScenario(page, 'broken.toml', broken);
      assert.equal((await listedProblems(page)).length, 2);
      await checkAccessible(page, `load page with errors at ${width}px`, found);
      await uploadScenario(page, 'copy.toml', scenarioFile(LIVES_ALONE).replace('id = "lives-alone"', 'id = "lives-alone-copy"'));
      await page.getByRole('status').filter({ hasText: 'Scenario loaded' }).waitFor();
      await checkAccessible(page, `load page with a scenario loaded at ${width}px`, found);

      assert.deepEqual(page.problems, []);
      await page.context().close();
    }
    assert.deepEqual(found, [], JSON.stringify(found, null, 2));
  });

  test('the training home with no runs yet passes axe at desktop and 320px widths', async () => {
    const found = [];
    for (const width of [1100, 320]) {
      const page = await freshPage(env.browser, { viewport: { width, height: 800 } });
      await startPractising(mouse(page), env.base);
      await page.getByText('You have not started a scenario yet.').waitFor();
      await checkAccessible(page, `training home, no runs, at ${width}px`, found);
      assert.deepEqual(page.problems, []);
      await page.context().close();
    }
    assert.deepEqual(found, [], JSON.stringify(found, null, 2));
  });
});
