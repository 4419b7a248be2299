// Effort benchmark (issue 22, item 7), separate from the tests: drives three standard cases
// through the release build in Chromium, finding every control by role and label as a person
// does, from "Create a new case" on the case list to the outcome recorded, and counts for each:
//
//   pages    each arrival on a page of the app (a page visited twice counts twice; a page
//            drawn again in place counts nothing). The case list the officer starts on counts.
//   clicks   each button or link pressed, and each radio or checkbox clicked
//   answers  each box typed into and each choice changed, once (a date's 3 boxes are 3 answers,
//            a radio chosen is 1, a checkbox ticked is 1)
//
// Only what a person needs is done: optional boxes are left empty, one source is given where
// one will do, and a section the task list already shows as completed is not opened. A box the
// app has already filled with the same answer, or a radio already chosen, is not counted: the
// person would not need to touch it. A question the page no longer asks is skipped
// and listed as "not asked", so when the app asks less the figures fall by themselves (and if it
// then refuses the outcome, the script says where it stopped).
//
//   node scripts/effort.mjs                 build, then measure
//   node scripts/effort.mjs --no-build      measure the existing dist/
//   node scripts/effort.mjs --dist DIR      measure the build in DIR (implies --no-build)
//   node scripts/effort.mjs --json          the figures as JSON on stdout, with every counted step
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { start } from './static-server.mjs';
import { CHROMIUM_ARGS, SPO, OFFICER, daysFromToday, freshPage } from '../tests/e2e/support.mjs';
import {
  ALEX,
  addResident,
  become,
  choose,
  createCase,
  heading,
  mouse,
  openSection,
  recordChildContact,
  recordConsent,
  saveAndContinue,
} from '../tests/e2e/officer.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const distAt = args.indexOf('--dist');
const dist = distAt >= 0 ? resolve(args[distAt + 1] ?? '') : join(root, 'dist');
// How long a question may take to appear before it counts as no longer asked. Each step first
// waits for its page's heading, so a question that is there is found at once.
const NOT_ASKED_MS = 2000;

if (!args.includes('--no-build') && distAt < 0) {
  // The build's own output goes to stderr, so that --json's stdout stays JSON.
  execFileSync('bash', [join(root, 'scripts', 'build.sh')], { stdio: ['ignore', 2, 2] });
}
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`${dist} has no release build: run scripts/build.sh first, or drop --no-build`);
  process.exit(2);
}

/** What one case cost, and where the person was (for a message if it stops). */
function newTally() {
  return { pages: 0, clicks: 0, answers: 0, counting: true, steps: [], notAsked: [], prefilled: 0, step: 'starting' };
}

/**
 * Counts arrivals on pages. The app is a single-page app whose router uses history.pushState,
 * which Playwright reports as a navigation of the main frame, as it does a full load: an arrival
 * is a navigation to a path other than the one shown (a #fragment or a redraw is not one).
 */
function countPages(page, tally) {
  let shown = null;
  page.on('framenavigated', (frame) => {
    if (frame !== page.mainFrame()) return;
    const url = new URL(frame.url());
    if (url.protocol === 'about:' || url.pathname === shown) return;
    shown = url.pathname;
    // Case ids are random: the steps show the shape of the path.
    tally.steps.push(`${tally.counting ? 'page' : '(not counted) page'} ${shown.replace(/^\/cases\/(?!new$)[^/]+/, '/cases/:id')}`);
    if (tally.counting) tally.pages += 1;
  });
}

/**
 * The officer's hands: Playwright's mouse actor from tests/e2e/officer.mjs, counting each thing
 * it does that a person would have to do. Reads and waits are not effort and are not counted.
 */
function countingActor(page, tally) {
  const hands = mouse(page);
  const name = (locator) => String(locator).replace(/^locator\(.*?\)\./, '');
  // False (and noted) when the page does not ask this question at all.
  async function asked(locator) {
    try {
      await locator.waitFor({ state: 'attached', timeout: NOT_ASKED_MS });
      return true;
    } catch {
      tally.notAsked.push(name(locator));
      return false;
    }
  }
  return {
    page,
    async fill(locator, text) {
      tally.step = `typing "${text}" into ${name(locator)}`;
      if (!(await asked(locator))) return;
      // Noted before acting, so that the steps list each action before the page it leads to.
      if ((await locator.inputValue()) === text) tally.prefilled += 1;
      else if (tally.counting) {
        tally.answers += 1;
        tally.steps.push(`answer ${name(locator)}`);
      }
      await hands.fill(locator, text);
    },
    async check(locator) {
      tally.step = `choosing ${name(locator)}`;
      if (!(await asked(locator))) return;
      if (await locator.isChecked()) tally.prefilled += 1;
      else if (tally.counting) {
        tally.clicks += 1;
        tally.answers += 1;
        tally.steps.push(`click+answer ${name(locator)}`);
      }
      await hands.check(locator);
    },
    async click(locator) {
      tally.step = `pressing ${name(locator)}`;
      if (tally.counting) {
        tally.clicks += 1;
        tally.steps.push(`click ${name(locator)}`);
      }
      await hands.click(locator);
    },
  };
}

/**
 * Switching who uses the device is not counted: on a team the SPO gatekeeps on their own device
 * (team sync brings the case). Arriving back in the app as the other person counts as one page,
 * as opening the app would.
 */
async function asSomeoneElse(actor, tally, user, landsOn) {
  tally.counting = false;
  await become(actor, user);
  await heading(actor.page, landsOn);
  tally.counting = true;
  tally.pages += 1;
  tally.steps.push(`page (opens the app as ${user.name})`);
}

/** Whether the task list already shows a section as completed (or not needed). */
async function sectionDone(page, title) {
  const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title, exact: true }) });
  return /\b(Completed|Not needed)\b/.test(await row.innerText());
}

/** Records the finding on the outcome page, and fails, saying why, if the app refuses it. */
async function recordOutcome(actor, finding, rationale) {
  const { page } = actor;
  await choose(actor, page, 'What is your finding on the curfew?', finding);
  await actor.fill(page.getByLabel('Your rationale'), rationale);
  await actor.click(page.getByRole('button', { name: 'Record outcome' }));
  const recorded = page.getByText(`Outcome recorded: ${finding}`);
  const refused = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await recorded.or(refused).first().waitFor();
  if (await refused.count()) {
    throw new Error(`the outcome "${finding}" was refused: ${(await refused.innerText()).replace(/\s+/g, ' ').trim()}`);
  }
}

/**
 * The team's agency directory, set up once for the whole team (on the directory page, or from
 * a file a colleague shares), not once per case: put on the device before counting starts.
 */
const TEAM_DIRECTORY = {
  agencies: [
    { name: 'Northshire Police', kind: 'police', send_by: 'secure_email', address: 'da.checks@northshire.police.example', reply_days: '5' },
    { name: 'Northshire Council', kind: 'local_authority', send_by: 'email', address: 'mash@northshire.example', reply_days: '5' },
  ],
};

/**
 * From the task list: every enquiry the app drafted is marked as sent (one to the force, one to
 * the council), then each reply is recorded as it comes, all clear. As in the figures the issue
 * started from, the replies are recorded in the same sitting: a later day adds the same return
 * to the case, whichever way the replies are recorded.
 */
async function enquiriesClear(actor, name) {
  const { page } = actor;
  await actor.click(page.getByRole('link', { name: /^Enquiries and replies/ }));
  await heading(page, 'Enquiries and replies');
  for (const title of ['Police: Northshire Police', "Children's services: Northshire Council"]) {
    const card = page.locator('.govuk-summary-card').filter({ has: page.getByRole('heading', { level: 2, name: title, exact: true }) });
    await actor.click(card.getByRole('button', { name: /^Mark as sent/ }));
    await card.getByText(/^Marked as sent on /).waitFor();
  }
  const replies = page.getByRole('region').filter({ has: page.getByRole('heading', { level: 2, name: /^(Police|Children's services) \(/ }) });
  await replies.first().waitFor();
  for (const reply of await replies.all()) {
    const police = (await reply.getByRole('heading', { level: 2 }).innerText()).startsWith('Police');
    await choose(actor, reply, 'Outcome', police ? 'No information held' : "Not known to children's services");
    await actor.check(reply.getByLabel('I have considered this information in the proposal'));
  }
  await actor.click(page.getByRole('button', { name: 'Save replies' }));
  await heading(page, name);
}

/** On a proposed address page: the monitoring questions, all yes. */
async function monitoringYes(actor) {
  const { page } = actor;
  await choose(actor, page, 'Is electronic monitoring available at this address?', 'Yes');
  await choose(actor, page, 'Is a reliable electricity supply confirmed?', 'Yes');
  await choose(actor, page, 'Does the main occupier agree to the monitoring equipment being installed?', 'Yes');
}

/** From the task list: one address's consent, taken directly and privately, then back. */
async function consentOf(actor, name, who, time) {
  const { page } = actor;
  await openSection(actor, 'Consent of adult residents');
  await heading(page, 'Consent of adult residents');
  await actor.click(page.getByRole('link', { name: `Record consent for ${who} (`, exact: false }));
  await heading(page, `Consent of ${who}`);
  await recordConsent(actor, { attitude: 'Happy for him to stay; I know what the curfew means.', time });
  await saveAndContinue(actor);
  await heading(page, 'Consent of adult residents');
  await actor.click(page.getByRole('button', { name: 'Continue' }));
  await heading(page, name);
}

/** From the task list: a curfew of 7pm to 7am every day for 6 months, starting on `start`. */
async function schedule(actor, name, start) {
  const { page } = actor;
  await openSection(actor, 'Curfew schedule');
  await heading(page, 'Curfew schedule');
  // Each case's curfew starts on the day of sentence, which the page offers in one press.
  await actor.click(page.getByRole('button', { name: /^Start on the day of sentence/ }));
  const typed = page.getByRole('group', { name: 'Start date', exact: true });
  const shown = await Promise.all(['Day', 'Month', 'Year'].map((box) => typed.getByLabel(box).inputValue()));
  if (shown.join('/') !== [start.day, start.month, start.year].join('/')) {
    throw new Error(`"Start on the day of sentence" gave ${shown.join('/')}, not the hearing date`);
  }
  await actor.fill(page.getByLabel('Length of the curfew'), '6');
  await choose(actor, page, 'Days, weeks or months', 'Months');
  await actor.click(page.getByRole('button', { name: 'Add curfew hours' }));
  const period = page.getByRole('region', { name: 'Curfew period 1' });
  await actor.fill(period.getByLabel('From'), '19:00');
  await actor.fill(period.getByLabel('To'), '07:00');
  await saveAndContinue(actor);
  await heading(page, name);
}

const CASES = [
  {
    name: 'Lives alone, all clear',
    why: "a man who lives alone as the council tenant, no children, police and children's services hold nothing",
    async run(actor, base, tally) {
      const { page } = actor;
      await createCase(actor, base, { ...ALEX, risk: { children: 'Low', public: 'Low', knownAdult: 'Low', staff: 'Low' } });
      await recordChildContact(actor, ALEX.name, ['No', 'No', 'No', 'No'], 'Police', { samePlace: true });

      await openSection(actor, 'Proposed address and residents');
      await heading(page, 'Proposed curfew addresses');
      await actor.click(page.getByRole('button', { name: 'Add a proposed address' }));
      await heading(page, 'Proposed curfew address');
      await actor.fill(page.getByLabel('Address line 1'), 'Flat 2, 10 Sample Street');
      await actor.fill(page.getByLabel('Town or city'), 'Northtown');
      await actor.fill(page.getByLabel('Postcode'), 'NT1 2AB');
      await choose(actor, page, 'Tenure', 'Rented from a council or housing association');
      await choose(actor, page, 'How was the address assessed?', 'Home visit');
      // Nobody else lives there; "his own account" alone would not do (rec 3), so one source.
      await choose(actor, page, 'How do you know who lives there?', 'Another agency');
      await choose(actor, page, 'Who is the main occupier?', 'The person being sentenced');
      await choose(actor, page, 'Does any victim or potential victim of the person live there?', 'No');
      await choose(actor, page, 'Where did the answer about whether a victim lives there come from?', 'Police');
      await monitoringYes(actor);
      await saveAndContinue(actor);
      await heading(page, 'Proposed curfew addresses');
      await saveAndContinue(actor);
      await heading(page, ALEX.name);

      await enquiriesClear(actor, ALEX.name);
      await schedule(actor, ALEX.name, daysFromToday(7));
      // Nobody else's consent is needed: the task list already says so, and a person moves on.
      if (!(await sectionDone(page, 'Consent of adult residents'))) {
        await openSection(actor, 'Consent of adult residents');
        await heading(page, 'Consent of adult residents');
        await actor.click(page.getByRole('button', { name: 'Continue' }));
        await heading(page, ALEX.name);
      }
      await openSection(actor, 'Outcome');
      await heading(page, 'Outcome');
      await recordOutcome(actor, 'Curfew suitable', "Lives alone as the tenant; police and children's services hold nothing.");
    },
  },
  {
    name: "The review's pattern",
    why: "curfew at his partner's home with her two children: four enquiries, her consent, gatekeeping endorsed by an SPO",
    async run(actor, base, tally) {
      const { page } = actor;
      const dean = {
        name: 'Dean Example',
        dob: { day: '3', month: '2', year: '1996' },
        court: 'Northshire Crown Court',
        hearing: daysFromToday(14),
        reportType: 'Standard delivery report',
        curfew: true,
        offence: 'Arson',
        offenceDate: daysFromToday(-90),
        convicted: daysFromToday(-10),
        daRelated: false,
      };
      await createCase(actor, base, { ...dean, risk: { children: 'Medium', public: 'Medium', knownAdult: 'Medium', staff: 'Low' } });
      // He lives with and sees her children; children's services confirm who they are.
      await recordChildContact(actor, dean.name, ['Yes', 'No', 'Yes', 'No'], "Children's services", { samePlace: true });

      await openSection(actor, 'Proposed address and residents');
      await heading(page, 'Proposed curfew addresses');
      await actor.click(page.getByRole('button', { name: 'Add a proposed address' }));
      await heading(page, 'Proposed curfew address');
      await actor.fill(page.getByLabel('Address line 1'), '4 Example Close');
      await actor.fill(page.getByLabel('Town or city'), 'Northtown');
      await actor.fill(page.getByLabel('Postcode'), 'NT4 5CD');
      await choose(actor, page, 'Tenure', 'Rented from a private landlord');
      await choose(actor, page, 'How was the address assessed?', 'Home visit');
      await addResident(actor, 1, { name: 'Tess Example', age: '35', relationship: 'Partner' });
      await addResident(actor, 2, { name: 'Lee Example', age: '11', relationship: "Partner's child" });
      await addResident(actor, 3, { name: 'Jo Example', age: '13', relationship: "Partner's child" });
      await choose(actor, page, 'How do you know who lives there?', 'A resident of the address');
      await choose(actor, page, 'Who is the main occupier?', 'Someone else who lives there');
      await choose(actor, page, 'Which resident?', 'Tess Example');
      await choose(actor, page, 'Does any victim or potential victim of the person live there?', 'No');
      await choose(actor, page, 'Where did the answer about whether a victim lives there come from?', 'Police');
      await monitoringYes(actor);
      await saveAndContinue(actor);
      await heading(page, 'Proposed curfew addresses');
      await saveAndContinue(actor);
      await heading(page, dean.name);

      // Consent is for particular hours: the schedule first, then Tess, alone, by phone.
      await enquiriesClear(actor, dean.name);
      await schedule(actor, dean.name, daysFromToday(14));
      await consentOf(actor, dean.name, 'Tess Example', '10:15');

      // Submitted for gatekeeping (asked for, where the rules do not require it).
      await actor.click(page.getByRole('link', { name: /^(Ask for|Submit for) gatekeeping$/ }).first());
      await heading(page, 'Gatekeeping');
      const want = page.getByLabel('I want a senior probation officer to gatekeep this case');
      if (await want.count()) await actor.check(want);
      await actor.fill(page.getByLabel('Note for the senior probation officer'), "Partner's home with her two children; every reply is clear and she consented alone.");
      await actor.click(page.getByRole('button', { name: 'Submit for gatekeeping' }));
      await heading(page, dean.name);

      // The SPO endorses it from the queue.
      await asSomeoneElse(actor, tally, SPO, 'Gatekeeping queue');
      await actor.click(page.getByRole('link', { name: dean.name }));
      await heading(page, 'Gatekeeping review');
      await actor.check(page.getByLabel('Endorse the case'));
      await actor.click(page.getByRole('button', { name: 'Record your decision' }));
      await page.getByText('No cases are waiting for gatekeeping.').waitFor();

      // The officer finds the case on the list and records the outcome.
      await asSomeoneElse(actor, tally, OFFICER, 'Cases');
      await actor.click(page.getByRole('link', { name: dean.name }));
      await heading(page, dean.name);
      await openSection(actor, 'Outcome');
      await heading(page, 'Outcome');
      await recordOutcome(actor, 'Curfew suitable', "Endorsed by the SPO; police and children's services hold nothing; Tess consented privately.");
    },
  },
  {
    name: 'Hostel, manager consents',
    why: "a man in a hostel: the main occupier is its manager, who lives elsewhere and must agree (Sch 9 para 33); every check clear",
    async run(actor, base, tally) {
      const { page } = actor;
      const kai = {
        name: 'Kai Example',
        dob: { day: '21', month: '9', year: '1988' },
        court: "Northshire Magistrates' Court",
        hearing: daysFromToday(7),
        reportType: 'Fast delivery written report',
        curfew: true,
        offence: 'Burglary',
        offenceDate: daysFromToday(-45),
        convicted: daysFromToday(-7),
        daRelated: false,
      };
      await createCase(actor, base, { ...kai, risk: { children: 'Low', public: 'Medium', knownAdult: 'Low', staff: 'Low' } });
      await recordChildContact(actor, kai.name, ['No', 'No', 'No', 'No'], 'Police', { samePlace: true });

      await openSection(actor, 'Proposed address and residents');
      await heading(page, 'Proposed curfew addresses');
      await actor.click(page.getByRole('button', { name: 'Add a proposed address' }));
      await heading(page, 'Proposed curfew address');
      await actor.fill(page.getByLabel('Address line 1'), 'Room 6, Example House, 20 Station Road');
      await actor.fill(page.getByLabel('Town or city'), 'Northtown');
      await actor.fill(page.getByLabel('Postcode'), 'NT2 7EF');
      await choose(actor, page, 'Tenure', 'Hostel or supported housing');
      await choose(actor, page, 'How was the address assessed?', 'Phone call');
      // His own room: nobody else lives there, as the hostel's manager confirms.
      await choose(actor, page, 'How do you know who lives there?', 'Another agency');
      await choose(actor, page, 'Who is the main occupier?', 'Someone who lives elsewhere');
      await actor.fill(page.getByLabel("Main occupier's name"), 'Pat Manager');
      await actor.fill(page.getByLabel('Their role'), 'Hostel manager');
      await choose(actor, page, 'Does any victim or potential victim of the person live there?', 'No');
      await choose(actor, page, 'Where did the answer about whether a victim lives there come from?', 'Police');
      await monitoringYes(actor);
      await saveAndContinue(actor);
      await heading(page, 'Proposed curfew addresses');
      await saveAndContinue(actor);
      await heading(page, kai.name);

      await enquiriesClear(actor, kai.name);
      await schedule(actor, kai.name, daysFromToday(7));
      await consentOf(actor, kai.name, 'Pat Manager', '11:30');
      await openSection(actor, 'Outcome');
      await heading(page, 'Outcome');
      await recordOutcome(actor, 'Curfew suitable', "The hostel's manager agrees to the equipment and the hours; police and children's services hold nothing.");
    },
  },
];

const server = await start(dist, 0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const results = [];
try {
  for (const c of CASES) {
    // Each case in a fresh profile: an empty case list, the court officer using the device.
    const page = await freshPage(browser);
    await page.goto(`${base}/`);
    await page.evaluate((text) => localStorage.setItem('psc.settings.directory', text), JSON.stringify(TEAM_DIRECTORY));
    const tally = newTally();
    countPages(page, tally);
    const actor = countingActor(page, tally);
    try {
      await c.run(actor, base, tally);
      results.push({ case: c.name, why: c.why, done: true, pages: tally.pages, clicks: tally.clicks, answers: tally.answers, prefilled: tally.prefilled, notAsked: tally.notAsked, steps: tally.steps });
    } catch (e) {
      const h1 = await page.getByRole('heading', { level: 1 }).first().innerText({ timeout: 1000 }).catch(() => '(no heading)');
      const where = `on "${h1}" (${new URL(page.url()).pathname}), while ${tally.step}`;
      results.push({ case: c.name, why: c.why, done: false, stoppedAt: where, error: e.message.split('\n')[0], pages: tally.pages, clicks: tally.clicks, answers: tally.answers, steps: tally.steps });
    }
    await page.context().close();
  }
} finally {
  await browser.close();
  await new Promise((ok) => server.close(ok));
}

if (json) {
  console.log(JSON.stringify({ build: dist, date: new Date().toISOString().slice(0, 10), cases: results }, null, 2));
} else {
  const pad = (s, n) => String(s).padEnd(n);
  const num = (s) => String(s).padStart(9);
  console.log(`\nEffort from "Create a new case" to the outcome recorded (release build, ${dist})\n`);
  console.log(`  ${pad('case', 28)}${num('pages')}${num('clicks')}${num('answers')}`);
  for (const r of results) {
    console.log(`  ${pad(r.case, 28)}${num(r.pages)}${num(r.clicks)}${num(r.answers)}${r.done ? '' : '   NOT COMPLETED'}`);
  }
  console.log('');
  for (const [i, r] of results.entries()) {
    console.log(`  ${i + 1}. ${r.case}: ${r.why}.`);
    if (r.prefilled) console.log(`     ${r.prefilled} answers already filled in by the app (not counted).`);
    if (r.notAsked?.length) console.log(`     Not asked by this build (skipped): ${r.notAsked.join('; ')}`);
  }
  console.log('\n  Switching the device between the officer and the SPO is not counted (on a team each uses their own).\n');
}
const failed = results.filter((r) => !r.done);
for (const r of failed) console.error(`"${r.case}" could not be completed: stopped ${r.stoppedAt}: ${r.error}`);
process.exit(failed.length ? 1 : 0);
