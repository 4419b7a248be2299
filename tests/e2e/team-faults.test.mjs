// Team sync when the network or the server misbehaves: answers lost on the way back, a case
// deleted with CouchDB's own (unsealed) deletion by someone who can write to the database, an
// old version served as the current one, and "Stop" pressed while a round waits on a slow
// server. The team's server (PouchDB Server) sits behind a proxy that drops, delays, cuts and
// rewrites answers (fault-proxy.mjs). Every person here is invented.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, eventually, freshPage, launch, SPO, storedData } from './support.mjs';
import { ALEX, createCase, heading, mouse } from './officer.mjs';
import { startTeamServer } from './team-server.mjs';
import * as teamSync from './team-support.mjs';
import { BANNER, allSent, changeCourt, closeWithoutProblems } from './team-support.mjs';

let env;
let team;
before(async () => {
  team = await startTeamServer();
  await team.createUser('olu', teamSync.PASSWORD, ['psc-officer']);
  await team.createUser('sam', 'sam-team-password-1', ['psc-spo']);
  env = await launch({ proxies: { '/couchdb/': team.origin } });
});
after(async () => {
  await env?.close();
  await team?.stop();
});

const openTeamSync = (page) => teamSync.openTeamSync(page, env.base, { off: false });
const officerJoins = (page, database) => teamSync.joinTeam(page, env.base, { database });
const spoJoins = (page, database) => teamSync.joinTeam(page, env.base, { database, name: 'sam', password: 'sam-team-password-1' });
/** The server's answers the app expects while the proxy misbehaves: none is a failure. */
const EXPECTED = /status of (404|502)/;

/** The case's one document on the server, as its administrator reads it. */
async function theDocument(db) {
  const rows = (await team.shared(db)).rows;
  assert.equal(rows.length, 1, 'the team holds one document for the one case');
  return team.read(`/${db}/${rows[0].id}?conflicts=true&deleted_conflicts=true`);
}

/** The officer's and the SPO's devices of a new team, sharing Alex's case. */
async function twoDevicesShareACase(db) {
  await team.createDatabase(db, ['olu', 'sam']);
  const officerPage = await freshPage(env.browser);
  const spoPage = await freshPage(env.browser, { user: SPO });
  await officerJoins(officerPage, db);
  await spoJoins(spoPage, db);
  await createCase(mouse(officerPage), env.base, ALEX);
  const taskList = officerPage.url();
  await spoPage.goto(`${env.base}/`);
  await spoPage.getByRole('link', { name: ALEX.name }).click({ timeout: 30000 });
  await heading(spoPage, ALEX.name);
  return { officerPage, spoPage, taskList };
}

/** The task list says the hearing is at `court`. */
async function hearingAt(page, taskList, court) {
  await page.goto(taskList);
  await heading(page, ALEX.name);
  await page.getByText(new RegExp(`Hearing on .* at ${court}\\.`)).waitFor({ timeout: 30000 });
  assert.equal(await page.getByText(BANNER).count(), 0, 'nothing to settle');
}

describe('an answer lost on its way back', () => {
  test("to a new case's push and to an edit's leaves no banner, and later edits are sent", async () => {
    const db = 'lossmouth-court-team';
    await team.createDatabase(db, ['olu', 'sam']);
    const officerPage = await freshPage(env.browser);
    const officer = mouse(officerPage);
    await officerJoins(officerPage, db);
    // The server stores what is sent, but its answer never reaches the device.
    let lost = 0;
    const loseOne = ({ method, path }) => {
      if (method === 'POST' && path.startsWith(`/${db}/_bulk_docs`) && lost === 0) {
        lost += 1;
        return 'lose';
      }
      return undefined;
    };
    team.faults(loseOne);
    await createCase(officer, env.base, ALEX);
    const taskList = officerPage.url();
    await eventually(async () => lost === 1, 'the answer to the new case is lost', 30000);
    await openTeamSync(officerPage);
    await allSent(officerPage);
    let doc = await theDocument(db);
    assert.match(doc._rev, /^1-/);
    assert.equal(doc._conflicts, undefined, 'the device knew the stored version for its own');
    await hearingAt(officerPage, taskList, ALEX.court);

    // An edit's answer is lost too.
    lost = 0;
    await changeCourt(officer, 'Southshire Crown Court');
    await eventually(async () => lost === 1, "the answer to the edit is lost", 30000);
    await openTeamSync(officerPage);
    await allSent(officerPage);
    doc = await theDocument(db);
    assert.doesNotMatch(doc._rev, /^1-/);
    assert.equal(doc._conflicts, undefined);
    await hearingAt(officerPage, taskList, 'Southshire Crown Court');
    const edited = Number(doc._rev.split('-')[0]);

    // The next edit is sent as any other.
    team.faults(null);
    await changeCourt(officer, 'Northshire Crown Court');
    await openTeamSync(officerPage);
    await allSent(officerPage);
    doc = await theDocument(db);
    assert.ok(Number(doc._rev.split('-')[0]) > edited, 'the later edit is on the server');
    assert.equal(doc._conflicts, undefined);

    // A device that joins later has the case as it stands, with nothing to settle, even when
    // the first answer bringing it is cut off half way.
    let cut = 0;
    team.faults(({ path }) => (path.startsWith(`/${db}/_bulk_get`) && (cut += 1) === 1 ? 'cut' : undefined));
    const spoPage = await freshPage(env.browser, { user: SPO });
    await spoJoins(spoPage, db);
    await hearingAt(spoPage, taskList, 'Northshire Crown Court');
    assert.ok(cut >= 2, 'the case came in a later answer');
    team.faults(null);
    await hearingAt(officerPage, taskList, 'Northshire Crown Court');
    await closeWithoutProblems([officerPage, spoPage], /status of (404|502)|ERR_CONTENT_LENGTH_MISMATCH/);
  });
});

describe("CouchDB's own deletion, by anyone who can write to the team's database", () => {
  test('changes nothing on either device, and is reported until someone dismisses it, also after a reload', async () => {
    const db = 'delmouth-court-team';
    const { officerPage, spoPage, taskList } = await twoDevicesShareACase(db);
    const doc = await theDocument(db);
    await team.remove(`/${db}/${doc._id}?rev=${doc._rev}`);

    for (const page of [officerPage, spoPage]) {
      await openTeamSync(page);
      await page.getByText("1 version from the team's server was refused.", { exact: false }).waitFor({ timeout: 30000 });
      const card = page.locator('.govuk-summary-card').filter({ has: page.getByRole('heading', { name: ALEX.name }) });
      await card.getByText('A deletion made outside this app, not sealed with your team passphrase. The case was kept.').waitFor();
      assert.match(await card.innerText(), new RegExp(doc._id));
      // Still there after a reload, and after the rounds since (the checkpoint has passed it).
      await page.reload();
      await heading(page, 'Team sync');
      await card.waitFor();
      await hearingAt(page, taskList, ALEX.court);
    }
    await openTeamSync(spoPage);
    assert.deepEqual(await axeViolations(spoPage), []);
    await spoPage.setViewportSize({ width: 320, height: 900 });
    assert.deepEqual(await axeViolations(spoPage), []);
    await spoPage.screenshot({ path: '/tmp/team-problems-320.png', fullPage: true });

    // Dismissed once dealt with: gone, and stays gone after a reload.
    await openTeamSync(officerPage);
    await officerPage.getByRole('button', { name: `Dismiss the problem with ${ALEX.name}` }).click();
    await officerPage.getByText("1 version from the team's server was refused.", { exact: false }).waitFor({ state: 'detached' });
    await officerPage.reload();
    await heading(officerPage, 'Team sync');
    await officerPage.getByText('Syncing in the background while the app is open.').waitFor();
    assert.equal(await officerPage.locator('.govuk-summary-card').count(), 0);
    await closeWithoutProblems([officerPage, spoPage], EXPECTED);
  });
});

describe('an old version served as the current one', () => {
  test('is refused and reported as possible tampering, and the device keeps its version', async () => {
    const db = 'rollmouth-court-team';
    const { officerPage, spoPage, taskList } = await twoDevicesShareACase(db);
    const first = await theDocument(db);
    await changeCourt(mouse(officerPage), 'Southshire Crown Court');
    await hearingAt(spoPage, taskList, 'Southshire Crown Court');

    // From now on the proxy answers every request for versions with the case's genuine first one.
    team.faults(({ method, path }) => {
      if (method !== 'POST' || !path.startsWith(`/${db}/_bulk_get`)) return undefined;
      return {
        rewrite: (text) => {
          const answer = JSON.parse(text);
          for (const result of answer.results) result.docs = [{ ok: { _id: first._id, _rev: first._rev, sealed: first.sealed } }];
          return JSON.stringify(answer);
        },
      };
    });
    await changeCourt(mouse(officerPage), 'Northshire Crown Court');
    await openTeamSync(spoPage);
    await spoPage.getByText('An older version of the case offered as the current one. This may be tampering. Your version was kept.').waitFor({ timeout: 30000 });
    await hearingAt(spoPage, taskList, 'Southshire Crown Court');

    // The server behaves again: the next change reaches the SPO's device as usual.
    team.faults(null);
    await changeCourt(mouse(officerPage), 'Westshire Crown Court');
    await hearingAt(spoPage, taskList, 'Westshire Crown Court');
    await closeWithoutProblems([officerPage, spoPage], EXPECTED);
  });
});

describe('a forged version that is the only one standing', () => {
  test('does not hide the case from a device that joins later', async () => {
    const db = 'forgemouth-court-team';
    await team.createDatabase(db, ['olu', 'sam']);
    const officerPage = await freshPage(env.browser);
    await officerJoins(officerPage, db);
    await createCase(mouse(officerPage), env.base, ALEX);
    const taskList = officerPage.url();
    await changeCourt(mouse(officerPage), 'Southshire Crown Court');
    await openTeamSync(officerPage);
    await allSent(officerPage);
    // Someone who can write to the database puts a version of their own on top: it is now the
    // case's only leaf, and does not open with the team's key.
    const genuine = await theDocument(db);
    const [generation, hash] = genuine._rev.split('-');
    const forged = 'f'.repeat(32);
    await team.store(db, [{ _id: genuine._id, _rev: `${Number(generation) + 1}-${forged}`, _revisions: { start: Number(generation) + 1, ids: [forged, hash] }, sealed: genuine.sealed }]);
    const leaves = await team.read(`/${db}/${genuine._id}?open_revs=all`);
    assert.deepEqual(leaves.map((l) => l.ok._rev), [`${Number(generation) + 1}-${forged}`], 'the forged version is the only leaf');

    // The officer's device keeps its version, and says what it refused.
    await openTeamSync(officerPage);
    await officerPage.getByText("1 version from the team's server was refused.", { exact: false }).waitFor({ timeout: 30000 });
    await hearingAt(officerPage, taskList, 'Southshire Crown Court');

    // The SPO's device joins: it has the case as the officer left it, and says what it refused,
    // even though its first question about what lies beneath the forged version is dropped
    // (the officer's device, past that version, asks no more).
    let paths = 0;
    team.faults(({ path }) => (path.startsWith(`/${db}/_bulk_get?revs=true`) && (paths += 1) === 1 ? 'drop' : undefined));
    const spoPage = await freshPage(env.browser, { user: SPO });
    await spoJoins(spoPage, db);
    await hearingAt(spoPage, taskList, 'Southshire Crown Court');
    assert.ok(paths >= 2, 'the dropped question was asked again');
    team.faults(null);
    await openTeamSync(spoPage);
    const card = spoPage.locator('.govuk-summary-card').filter({ has: spoPage.getByRole('heading', { name: ALEX.name }) });
    await card.getByText('It could not be opened with your team passphrase.', { exact: false }).waitFor({ timeout: 30000 });
    assert.match(await card.innerText(), new RegExp(forged));
    await closeWithoutProblems([officerPage, spoPage], EXPECTED);
  });
});

describe('a case opened while the network misbehaves', () => {
  test('opens from the list at once, each time, whether answers are dropped or never come', async () => {
    const db = 'dropmouth-court-team';
    const { officerPage, spoPage } = await twoDevicesShareACase(db);
    const openTwice = async (page) => {
      for (let time = 0; time < 2; time += 1) {
        await page.goto(`${env.base}/`);
        await heading(page, 'Cases');
        await page.getByRole('link', { name: ALEX.name }).click();
        await heading(page, ALEX.name);
      }
    };
    // Every third answer dropped, as court buildings' networks do.
    let asked = 0;
    team.faults(() => ((asked += 1) % 3 === 0 ? 'drop' : undefined));
    for (const page of [officerPage, spoPage]) await openTwice(page);
    // No answer at all (each would take a minute): opening a case does not wait for one.
    team.faults(() => ({ delay: 60000 }));
    for (const page of [officerPage, spoPage]) await openTwice(page);
    team.faults(null);
    await closeWithoutProblems([officerPage, spoPage], EXPECTED);
  });
});

describe('"Stop team sync" pressed while a round waits on a slow server', () => {
  test('ends the session, and nothing is asked or written for sync after it', async () => {
    const db = 'slowmouth-court-team';
    await team.createDatabase(db, ['olu']);
    const page = await freshPage(env.browser);
    await officerJoins(page, db);
    const session = async () => (await page.context().cookies()).filter((c) => c.name === 'AuthSession' && c.value !== '');
    assert.equal((await session()).length, 1, 'signed in');

    // Every answer now takes 3 seconds; a round is waiting on one when "Stop" is pressed.
    team.faults(() => ({ delay: 3000 }));
    const asked = [];
    page.on('request', (r) => r.url().includes('/couchdb/') && asked.push(`${r.method()} ${new URL(r.url()).pathname}`));
    const waiting = page.waitForRequest((r) => r.url().includes('/_changes'));
    await page.getByRole('button', { name: 'Sync now' }).click();
    await waiting;
    await page.getByRole('button', { name: 'Stop team sync on this device' }).click();
    await page.getByText('Team sync is off on this device. Your cases are still here.').waitFor();

    // Two rounds' time, and the delayed answers have all come back.
    await eventually(async () => asked.at(-1) === 'DELETE /couchdb/_session', 'the session is ended', 10000);
    const count = asked.length;
    await page.waitForTimeout(8000);
    assert.equal(asked.length, count, `nothing asked after signing out: ${asked.slice(count)}`);
    assert.deepEqual(await session(), [], 'no session cookie is left');
    const stored = await storedData(page);
    assert.deepEqual(Object.keys(stored.local).filter((k) => k.startsWith('psc.sync.') || k === 'psc.settings.team'), []);
    team.faults(null);
    await closeWithoutProblems([page], EXPECTED);
  });
});
