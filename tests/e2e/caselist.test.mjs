// The case list: search as you type, filters with their counts (remembered on the device),
// grouping by hearing day, drawing a long list in steps, and use with the keyboard and a screen
// reader. Cases are seeded straight into storage, made from the schema version 3 fixture, and
// every expectation is worked out here from how the seed was made, never read from the app.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { axeViolations, daysFromToday, freshPage, launch } from './support.mjs';
import { heading } from './officer.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURE = JSON.parse(readFileSync(join(root, 'tests', 'fixtures', 'schema-v3.json'), 'utf8'));

let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

describe('searching', () => {
  test('filters as you type by name, court or case reference, and can be cleared', async () => {
    const page = await freshPage(env.browser);
    const cases = thirtyCases();
    await seed(page, cases);
    const everyone = expectedOrder(cases);
    assert.deepEqual(await shownNames(page), everyone, 'all 30 cases are listed at first');
    const stored = await storedCases(page);
    const search = page.getByRole('searchbox', { name: 'Search cases' });
    assert.equal(await search.getAttribute('aria-describedby'), 'case-search-hint');
    await page.getByText('By name, court or case reference').waitFor();

    // Part of a name, in any case, narrows the list with each key pressed.
    await search.pressSequentially('XAMP');
    await expectList(page, cases, 'XAMP');
    assert.ok(found(cases, 'XAMP').length >= 3 && found(cases, 'XAMP').length < 30);

    // Two words: each must appear (here one in the name, one in the court).
    await search.fill('sample eastmoor');
    await expectList(page, cases, 'sample eastmoor');
    assert.ok(found(cases, 'sample eastmoor').length >= 1);

    // A court.
    await search.fill('Southshire');
    await expectList(page, cases, 'Southshire');

    // A case reference finds exactly that case.
    await search.fill('ref-017');
    await expectList(page, cases, 'ref-017');
    assert.deepEqual(await shownNames(page), [cases[16].name]);

    // Nothing matches: say so, and offer the way back.
    await search.fill('Quxley');
    await status(page, 'Showing 0 of 30 cases');
    await page.getByText('No cases match. Check the spelling, or clear the search and filters.').waitFor();
    assert.deepEqual(await shownNames(page), []);
    await filter(page, 'Outcome recorded').check();
    await status(page, 'Showing 0 of 30 cases');

    // Clearing the search and the filter brings every case back, in the same order, and
    // changes nothing stored.
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await status(page, '30 cases on this device');
    assert.equal(await search.inputValue(), '');
    assert.deepEqual(await shownNames(page), everyone);
    assert.equal(await page.getByRole('button', { name: 'Clear search and filters' }).count(), 0, 'nothing left to clear');
    assert.equal(await page.getByText('No cases match', { exact: false }).count(), 0);
    assert.deepEqual(await checkedFilters(page), []);
    assert.deepEqual(await storedCases(page), stored, 'no stored case was changed');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});

describe('filters', () => {
  test('each shows how many cases it finds, ticking one or two narrows the list, and counts follow the search', async () => {
    const page = await freshPage(env.browser);
    const cases = thirtyCases();
    await seed(page, cases);
    const group = page.getByRole('group', { name: 'Filter cases' });
    await group.getByText('Choose one or more: a case must match each.', { exact: false }).waitFor();

    // Every filter is offered, with its count, in this order.
    const counts = await filterCounts(page);
    assert.deepEqual(Object.keys(counts), [
      'Checks outstanding',
      'Awaiting gatekeeping',
      'Returned by the SPO',
      'Ready for court',
      'Outcome recorded',
      'Enquiry replies overdue',
      'Past the time to keep it',
    ]);
    // The counts of the filters whose truth the seed sets.
    const expected = expectedCounts(cases);
    for (const [label, n] of Object.entries(expected)) {
      assert.equal(counts[label], n, `count beside "${label}"`);
    }
    assert.deepEqual(expected, {
      'Awaiting gatekeeping': 6,
      'Returned by the SPO': 6,
      'Outcome recorded': 10,
      'Enquiry replies overdue': 7,
      'Past the time to keep it': 7,
    }, 'the seed is as this test means it');

    // One filter: exactly its cases.
    await filter(page, 'Enquiry replies overdue').check();
    await expectList(page, cases, '', ['overdue']);
    // Replies due today or later, or already received, are not overdue.
    assert.ok(!(await shownNames(page)).some((n) => cases.find((c) => c.name === n).reply !== 'overdue'));
    // The counts are those of the search alone: choosing a filter does not change them.
    assert.deepEqual(await filterCounts(page), counts);

    // Two filters: a case must match both.
    await filter(page, 'Returned by the SPO').check();
    await expectList(page, cases, '', ['returned', 'overdue']);
    assert.equal(found(cases, '', ['returned', 'overdue']).length, 2);

    // Swap one: the other still holds.
    await filter(page, 'Enquiry replies overdue').uncheck();
    await expectList(page, cases, '', ['returned']);
    await filter(page, 'Returned by the SPO').uncheck();
    await status(page, '30 cases on this device');

    // Past the time to keep it: a hearing more than 30 days ago, not exactly 30.
    await filter(page, 'Past the time to keep it').check();
    await expectList(page, cases, '', ['retention']);
    const kept = await shownNames(page);
    assert.ok(!kept.includes(cases.find((c) => c.hearing === -30).name), 'a hearing 30 days ago is not yet past');
    assert.ok(kept.includes(cases.find((c) => c.hearing === -31).name), 'a hearing 31 days ago is');
    await filter(page, 'Past the time to keep it').uncheck();

    // Filters the rules decide: ticking shows as many cases as the count said. "Not suitable"
    // recorded needs no further check, so every case with an outcome is ready for court.
    for (const label of ['Checks outstanding', 'Ready for court']) {
      await filter(page, label).check();
      await status(page, `Showing ${counts[label]} of 30 cases`);
      assert.equal((await shownNames(page)).length, counts[label]);
      await filter(page, label).uncheck();
    }
    await filter(page, 'Ready for court').check();
    await filter(page, 'Outcome recorded').check();
    await expectList(page, cases, '', ['outcome']);
    await filter(page, 'Ready for court').uncheck();
    await filter(page, 'Outcome recorded').uncheck();

    // Counts follow the search.
    const search = page.getByRole('searchbox', { name: 'Search cases' });
    for (const typed of ['Southshire', 'sample']) {
      await search.fill(typed);
      await status(page, `Showing ${found(cases, typed).length} of 30 cases`);
      const after = await filterCounts(page);
      for (const [label, n] of Object.entries(expectedCounts(cases, typed))) {
        assert.equal(after[label], n, `count beside "${label}" when searching "${typed}"`);
      }
    }
    // And a filter chosen with a search gives the cases that match both.
    await filter(page, 'Outcome recorded').check();
    await expectList(page, cases, 'sample', ['outcome']);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});

describe('grouping by hearing day', () => {
  test('today, tomorrow, later (soonest first), earlier (latest first), then no date', async () => {
    const page = await freshPage(env.browser);
    const cases = [
      ['Zena Example', 0],
      ['Abel Sample', 0],
      ['Bo Specimen', 1],
      ['Cleo Example', 9],
      ['Dara Sample', 5],
      ['Emrys Example', 2],
      ['Fenn Sample', -3],
      ['Gil Example', -40],
      ['Hollis Sample', -1],
      ['Ines Example', null],
      ['Arlo Sample', null],
    ].map(([name, hearing], i) => ({ ...plain(i), name, hearing }));
    await seed(page, cases);
    assert.deepEqual(await outline(page), [
      { heading: 'Hearing today (2)', names: ['Abel Sample', 'Zena Example'] },
      { heading: 'Hearing tomorrow (1)', names: ['Bo Specimen'] },
      { heading: 'Hearing later (3)', names: ['Emrys Example', 'Dara Sample', 'Cleo Example'] },
      { heading: 'Hearing earlier (3)', names: ['Hollis Sample', 'Fenn Sample', 'Gil Example'] },
      { heading: 'Hearing date not recorded (2)', names: ['Arlo Sample', 'Ines Example'] },
    ]);
    // The same order is worked out from the seed by the rule the list follows.
    assert.deepEqual((await outline(page)).flatMap((g) => g.names), expectedOrder(cases));
    // Each case says when and where it is heard.
    const undated = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Ines Example' }) });
    await undated.getByText("Hearing date not recorded, Northshire Magistrates' Court").waitFor();

    // A group shows only the cases a filter leaves, and a group left empty goes.
    await filter(page, 'Past the time to keep it').check();
    assert.deepEqual(await outline(page), [{ heading: 'Hearing earlier (1)', names: ['Gil Example'] }]);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});

describe('remembered filters', () => {
  test('chosen filters survive a reload, and clearing them is remembered too', async () => {
    const page = await freshPage(env.browser);
    const cases = thirtyCases();
    await seed(page, cases);
    await filter(page, 'Outcome recorded').check();
    await filter(page, 'Past the time to keep it').check();
    await expectList(page, cases, '', ['outcome', 'retention']);
    assert.equal(await page.evaluate(() => localStorage.getItem('psc.settings.list_filters')), 'outcome,retention');

    await page.reload();
    await heading(page, 'Cases');
    await expectList(page, cases, '', ['outcome', 'retention']);
    assert.deepEqual(await checkedFilters(page), ['Outcome recorded', 'Past the time to keep it']);
    await page.getByRole('button', { name: 'Clear search and filters' }).waitFor();

    // Unticking one is remembered.
    await filter(page, 'Past the time to keep it').uncheck();
    await page.reload();
    await heading(page, 'Cases');
    await expectList(page, cases, '', ['outcome']);
    assert.deepEqual(await checkedFilters(page), ['Outcome recorded']);

    // Clearing is remembered.
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await status(page, '30 cases on this device');
    await page.reload();
    await heading(page, 'Cases');
    await status(page, '30 cases on this device');
    assert.deepEqual(await checkedFilters(page), []);
    assert.equal((await shownNames(page)).length, 30);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});

describe('many cases', () => {
  test('a long list is drawn 50 at a time, and the status counts them all', async () => {
    const page = await freshPage(env.browser);
    const cases = Array.from({ length: 120 }, (_, i) => ({
      ...plain(i),
      name: `Person ${String(i + 1).padStart(3, '0')} Example`,
      hearing: i % 9 === 0 ? null : (i % 70) - 20,
    }));
    await seed(page, cases);
    const order = expectedOrder(cases);
    assert.deepEqual(await shownNames(page), order.slice(0, 50), 'the first 50, in order');
    await status(page, '120 cases on this device');

    // The cases already shown are kept as they are, not drawn again: a press costs only the
    // cases it adds (with thousands shown, drawing them all again took seconds).
    await page.evaluate(() => {
      for (const item of document.querySelectorAll('.app-case-list__item')) item.dataset.drawnFirst = 'yes';
    });

    // With the keyboard: focus stays on the button, which now offers the rest.
    await tabTo(page, page.getByRole('button', { name: 'Show 50 more (of 70 not shown)' }));
    await page.keyboard.press('Enter');
    await until(async () => (await shownNames(page)).length, 100);
    assert.deepEqual(await shownNames(page), order.slice(0, 100));
    assert.equal(await page.locator('.app-case-list__item[data-drawn-first="yes"]').count(), 50, 'the first 50 were not drawn again');
    await status(page, '120 cases on this device');
    const rest = page.getByRole('button', { name: 'Show 20 more (of 20 not shown)' });
    assert.ok(await hasFocus(rest), 'focus stays on "Show more"');

    await rest.click();
    await until(async () => (await shownNames(page)).length, 120);
    assert.deepEqual(await shownNames(page), order);
    assert.equal(await page.getByRole('button', { name: /^Show \d+ more/ }).count(), 0, 'nothing more to show');
    // Each group heading counts its whole group, drawn or not.
    const groups = await outline(page);
    assert.equal(groups.reduce((n, g) => n + Number(g.heading.match(/\((\d+)\)$/)[1]), 0), 120);

    // A new search starts again from the first 50.
    await page.getByRole('searchbox', { name: 'Search cases' }).fill('example');
    await status(page, 'Showing 120 of 120 cases');
    assert.equal((await shownNames(page)).length, 50);
    await page.getByRole('button', { name: 'Show 50 more (of 70 not shown)' }).waitFor();
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});

describe('keyboard and screen reader', () => {
  test('search and filters work with the keyboard, the status is announced, and axe finds nothing', async () => {
    const page = await freshPage(env.browser);
    const cases = thirtyCases();
    await seed(page, cases);
    const search = page.getByRole('searchbox', { name: 'Search cases' });
    const box = filter(page, 'Outcome recorded');
    const live = page.getByRole('status');
    assert.equal(await live.count(), 1, 'one status message on the page');

    await tabTo(page, search);
    await page.keyboard.type('sample');
    await status(page, `Showing ${found(cases, 'sample').length} of 30 cases`);

    // The next stop after the search box is the first filter; Tab on to "Outcome recorded".
    await page.keyboard.press('Tab');
    assert.ok(await hasFocus(filter(page, 'Checks outstanding')), 'the first filter follows the search box');
    await tabTo(page, box);
    await page.keyboard.press('Space');
    assert.ok(await box.isChecked());
    await expectList(page, cases, 'sample', ['outcome']);
    assert.equal(await live.textContent(), `Showing ${found(cases, 'sample', ['outcome']).length} of 30 cases`);
    // Focus stays on the box, so Space unticks it again.
    assert.ok(await hasFocus(box), 'the ticked box keeps focus');
    await page.keyboard.press('Space');
    assert.equal(await box.isChecked(), false);
    await expectList(page, cases, 'sample');
    await page.keyboard.press('Space');
    await expectList(page, cases, 'sample', ['outcome']);

    for (const width of [1100, 320]) {
      await page.setViewportSize({ width, height: 800 });
      const violations = await axeViolations(page);
      assert.deepEqual(violations, [], `case list with a search and a filter at ${width}px: ${JSON.stringify(violations, null, 2)}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `no sideways scroll at ${width}px (${overflow}px)`);
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  // "Clear search and filters" removes itself when pressed: focus must not fall back to the
  // page body, but go to the search box, where the user would start again.
  test('after "Clear search and filters" with the keyboard, focus is on the search box', async () => {
    const page = await freshPage(env.browser);
    const cases = thirtyCases();
    await seed(page, cases);
    const search = page.getByRole('searchbox', { name: 'Search cases' });
    await search.fill('sample');
    await status(page, `Showing ${found(cases, 'sample').length} of 30 cases`);
    await tabTo(page, page.getByRole('button', { name: 'Clear search and filters' }));
    await page.keyboard.press('Enter');
    await status(page, '30 cases on this device');
    try {
      assert.ok(await hasFocus(search), `focus is on ${await page.evaluate(() => document.activeElement?.tagName)}, not the search box`);
      assert.deepEqual(page.problems, []);
    } finally {
      await page.context().close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Seed data. Every name is fictional; each case is the fixture with these fields changed.

const COURTS = ["Northshire Magistrates' Court", 'Southshire Crown Court', 'Eastmoor Youth Court'];
const NAMES = [
  'Ada Example', 'Ben Sample', 'Cara Testwell', 'Dev Example', 'Eli Placeholder', 'Fay Sample',
  'Gus Mockford', 'Hana Example', 'Ivo Dummett', 'Jo Sample', 'Kai Fictive', 'Lux Example',
  'Mo Stand-in', 'Nia Sample', 'Oz Pretendly', 'Pip Example', 'Quin Madeup', 'Rae Sample',
  'Sol Notreal', 'Tam Example', 'Uma Inventa', 'Vic Sample', 'Wyn Imaginary', 'Xan Example',
  'Yas Storybook', 'Zac Sample', 'Abi Fabled', 'Bex Example', 'Cy Dreamt', 'Dot Sample',
];
/** Hearing days, from today: today, tomorrow, later, earlier, none, and either side of 30 days ago. */
const HEARINGS = [0, 1, 6, -3, -45, null, 12, -30, -31, 2, -200, 4];

/** A case with nothing to filter on: no outcome, no gatekeeping, no reply awaited. */
function plain(i) {
  return {
    id: `ref-${String(i + 1).padStart(3, '0')}`,
    revision: 1 + (i % 4) * 3,
    name: NAMES[i % NAMES.length],
    court: COURTS[0],
    hearing: 5,
    outcome: false,
    gatekeeping: null,
    reply: null,
  };
}

/** Thirty cases, varied so that the filters overlap without coinciding. */
function thirtyCases() {
  return NAMES.map((name, i) => ({
    ...plain(i),
    name,
    court: COURTS[(i * 2 + Math.floor(i / 3)) % 3],
    hearing: HEARINGS[i % HEARINGS.length],
    outcome: i % 3 === 0,
    gatekeeping: [null, 'awaiting', 'returned', null, null][i % 5],
    reply: [null, 'due', 'today', 'overdue'][i % 4],
  }));
}

/**
 * The stored record of a case made from the fixture. `hearing` is days from today (or null);
 * `outcome`: "not suitable" recorded, or nothing; `gatekeeping`: null, "awaiting" (submitted
 * after the last decision) or "returned" (the fixture's SPO returned it); `reply`: the police
 * reply awaited, due 2 days ago ("overdue"), today ("today": not yet late) or in 3 days
 * ("due"), or received (null).
 */
function record({ id, revision, name, court, hearing, outcome, gatekeeping, reply }) {
  const c = structuredClone(FIXTURE.case);
  Object.assign(c, { id, revision });
  c.person.name = name;
  c.hearing.court = court;
  c.hearing.date = hearing === null ? { day: '', month: '', year: '' } : daysFromToday(hearing);
  if (!outcome) Object.assign(c.outcome, { selected: null, rationale: '', recorded: null });
  c.outcome.lapsed = null;
  const g = c.gatekeeping;
  if (gatekeeping === null) Object.assign(g, { submissions: [], decisions: [] });
  if (gatekeeping === 'awaiting') g.submissions.push({ by: 'Court Officer (court officer)', at: '2026-11-19T16:00:00', note: 'Spoke to the landlord again.' });
  if (reply) {
    Object.assign(c.police, {
      outcome: 'awaiting',
      requested: daysFromToday(-9),
      due: daysFromToday({ overdue: -2, today: 0, due: 3 }[reply]),
      received: { day: '', month: '', year: '' },
      summary: '',
    });
  }
  return { schema_version: 3, case: c };
}

/** Stores the cases in the browser, as the app would have, and opens the list. */
async function seed(page, cases) {
  await page.goto(`${env.base}/`);
  await heading(page, 'Cases');
  const entries = cases.map((c) => [`psc.case.${c.id}`, JSON.stringify(record(c))]);
  await page.evaluate((list) => {
    for (const [key, value] of list) localStorage.setItem(key, value);
  }, entries);
  await page.reload();
  await heading(page, 'Cases');
  await status(page, `${cases.length} cases on this device`);
}

// ---------------------------------------------------------------------------------------------
// What the list should show, worked out from the seed.

const FILTER_LABELS = {
  awaiting: 'Awaiting gatekeeping',
  returned: 'Returned by the SPO',
  outcome: 'Outcome recorded',
  overdue: 'Enquiry replies overdue',
  retention: 'Past the time to keep it',
};

/** Whether a seeded case is under a filter whose truth the seed sets. */
function under(c, key) {
  switch (key) {
    case 'awaiting':
      return c.gatekeeping === 'awaiting';
    case 'returned':
      return c.gatekeeping === 'returned';
    case 'outcome':
      return c.outcome;
    case 'overdue':
      return c.reply === 'overdue';
    case 'retention':
      return c.hearing !== null && c.hearing < -30;
    default:
      throw new Error(`no expectation for filter ${key}`);
  }
}

/** Every word typed appears in the name, the court or the reference, in any case. */
function matches(c, typed) {
  const hay = `${c.name} ${c.court} ${c.id}`.toLowerCase();
  return typed.split(/\s+/).filter(Boolean).every((w) => hay.includes(w.toLowerCase()));
}

function found(cases, typed = '', filters = []) {
  return cases.filter((c) => matches(c, typed) && filters.every((f) => under(c, f)));
}

function expectedCounts(cases, typed = '') {
  return Object.fromEntries(Object.entries(FILTER_LABELS).map(([key, label]) => [label, found(cases, typed, [key]).length]));
}

/** Today, tomorrow, later, earlier, no date; soonest first, the latest past first, then by name. */
function expectedOrder(cases) {
  const group = (h) => (h === null ? 4 : h === 0 ? 0 : h === 1 ? 1 : h > 0 ? 2 : 3);
  const key = (c) => [group(c.hearing), c.hearing === null ? 0 : Math.abs(c.hearing), c.name];
  return [...cases]
    .sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      return x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0);
    })
    .map((c) => c.name);
}

/** Waits for the status to say what `typed` and `filters` should give, then checks the list. */
async function expectList(page, cases, typed, filters = []) {
  const want = found(cases, typed, filters);
  const narrowed = typed.trim() !== '' || filters.length > 0;
  await status(page, narrowed ? `Showing ${want.length} of ${cases.length} cases` : `${cases.length} cases on this device`);
  assert.deepEqual(await shownNames(page), expectedOrder(want), `cases shown for "${typed}" with ${filters.join(', ') || 'no filter'}`);
}

// ---------------------------------------------------------------------------------------------
// Reading the page as a person does.

/** The filter checkbox whose label starts with `label` (the label ends with its count). */
function filter(page, label) {
  return page.getByRole('group', { name: 'Filter cases' }).getByRole('checkbox', { name: new RegExp(`^${label} \\(\\d+\\)$`) });
}

/** Each filter's label and the count beside it, in the order offered. */
async function filterCounts(page) {
  const labels = await page.getByRole('group', { name: 'Filter cases' }).getByRole('checkbox').evaluateAll((boxes) => boxes.map((b) => b.labels[0].textContent));
  return Object.fromEntries(
    labels.map((text) => {
      const [, label, n] = text.match(/^(.*) \((\d+)\)$/);
      return [label, Number(n)];
    }),
  );
}

async function checkedFilters(page) {
  return page.getByRole('group', { name: 'Filter cases' }).getByRole('checkbox').evaluateAll((boxes) => boxes.filter((b) => b.checked).map((b) => b.labels[0].textContent.replace(/ \(\d+\)$/, '')));
}

/** The names of the cases listed, in order (each is a level 3 heading with a link). */
async function shownNames(page) {
  return page.getByRole('heading', { level: 3 }).getByRole('link').allTextContents();
}

/** The group headings in order, each with the names listed under it. */
async function outline(page) {
  return page.evaluate(() => {
    const groups = [];
    for (const h of document.querySelectorAll('main h2, main h3')) {
      if (h.tagName === 'H2') groups.push({ heading: h.textContent.trim(), names: [] });
      else groups.at(-1)?.names.push(h.textContent.trim());
    }
    return groups.filter((g) => g.heading.startsWith('Hearing '));
  });
}

/** Waits until the status message (role=status) says exactly `text`. */
async function status(page, text) {
  await until(async () => (await page.getByRole('status').textContent()).trim(), text);
}

/** Every stored case, as stored. */
async function storedCases(page) {
  return page.evaluate(() => Object.fromEntries(Object.entries(localStorage).filter(([k]) => k.startsWith('psc.case.'))));
}

function hasFocus(locator) {
  return locator.evaluate((el) => el === document.activeElement);
}

/** Presses Tab until `locator` has focus. */
async function tabTo(page, locator) {
  for (let i = 0; i < 100; i += 1) {
    if (await hasFocus(locator)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${locator} with the Tab key`);
}

/** Polls `read` until it gives `want` (deeply equal), or fails showing the last value. */
async function until(read, want, timeout = 5000) {
  const end = Date.now() + timeout;
  let got;
  for (;;) {
    got = await read();
    try {
      assert.deepEqual(got, want);
      return;
    } catch (e) {
      if (Date.now() > end) throw e;
    }
    await new Promise((ok) => setTimeout(ok, 50));
  }
}
