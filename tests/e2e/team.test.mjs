// Team sync: setting up the team's server, signing in with CouchDB's own accounts and the team
// passphrase, and two devices of one team sharing a case through it, against a real
// CouchDB-compatible server (PouchDB Server) that the test starts behind the app's own address,
// as a web server in front of the app would pass /couchdb/ on. Every person here is invented.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, daysFromToday, eventually, freshPage, launch, SPO, storedData } from './support.mjs';
import { ALEX, choose, completeAndAskForGatekeeping, createCase, exportCases, heading, mouse, openSection, recordSuitable, saveAndContinue } from './officer.mjs';
import { startTeamServer } from './team-server.mjs';
import * as teamSync from './team-support.mjs';
import { BANNER, PASSWORD, TEAM_PASSPHRASE, changeCourt, closeWithoutProblems } from './team-support.mjs';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURE = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'schema-v3.json'), 'utf8'));


let env;
let team;
before(async () => {
  team = await startTeamServer();
  await team.createUser('olu', PASSWORD, ['psc-officer']);
  await team.createUser('pat', 'pat-team-password-1', ['psc-officer']);
  await team.createDatabase('northshire-court-team', ['olu']);
  await team.createUser('sam', 'sam-team-password-1', ['psc-spo']);
  await team.createDatabase('eastshire-court-team', ['olu', 'sam']);
  await team.createDatabase('dalesshire-court-team', ['olu', 'sam']);
  await team.createDatabase('hillshire-court-team', ['olu', 'sam']);
  // /nowhere/ is passed on to a port where nothing listens: a team server that is down.
  env = await launch({ proxies: { '/couchdb/': team.origin, '/nowhere/': 'http://127.0.0.1:9' } });
});
after(async () => {
  await env?.close();
  await team?.stop();
});

const openTeamSync = (page, options) => teamSync.openTeamSync(page, env.base, options);
const signIn = (page, fields) => teamSync.signIn(page, fields);
const joinTeam = (page, who) => teamSync.joinTeam(page, env.base, who);

/** The error summary's link for one field says `message`, and nothing was set up. */
async function refused(page, message) {
  await page.getByRole('alert').getByRole('link', { name: message }).waitFor();
  const stored = await storedData(page);
  assert.equal(stored.local['psc.settings.team'], undefined, 'nothing is set up after a refusal');
  assert.equal(await page.getByLabel('Your password').inputValue(), '', 'the password is not kept on the page');
  assert.equal(await page.getByLabel('Team passphrase', { exact: true }).inputValue(), '', 'the team passphrase is not kept on the page');
}

describe('team sync', () => {
  test('off by default; signs in with a CouchDB account, and never stores the password', async () => {
    const page = await freshPage(env.browser);
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await openTeamSync(page);
    assert.deepEqual(requests.filter((u) => u.includes('/couchdb/')), [], 'no request to the team server before signing in');
    assert.deepEqual(await axeViolations(page), []);

    // Nothing typed: each field says what it needs.
    await page.getByRole('button', { name: 'Sign in' }).click();
    for (const message of ["Enter the team server's address", "Enter the name of your team's database", 'Enter your team passphrase']) {
      await page.getByRole('alert').getByRole('link', { name: message }).waitFor();
    }
    // A user name without its password, or a password without its user name: each is asked for.
    // (Both blank is for an organisation that signs its people in to the server itself.)
    await page.getByLabel('Your user name').fill('olu');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Enter your password for the team server' }).waitFor();
    await page.getByLabel('Your user name').fill('');
    await page.getByLabel('Your password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Enter your user name for the team server' }).waitFor();
    assert.deepEqual(await axeViolations(page), []);

    // The team has no passphrase yet: this device starts it only once the person says so.
    await signIn(page);
    await page.getByRole('alert').getByRole('link', { name: teamSync.NO_TEAM }).waitFor();
    await page.getByLabel(teamSync.START).check();
    await signIn(page);
    await page.getByRole('region', { name: 'Success' }).getByText('Signed in to northshire-court-team as olu.').waitFor();
    // The footer no longer says that nothing is sent anywhere.
    await page.getByRole('contentinfo').getByText("Cases are stored in this browser and shared with your court team through your team's server", { exact: false }).waitFor();
    await page.getByText('The team database northshire-court-team on /couchdb, as olu.').waitFor();
    const stored = await storedData(page);
    assert.deepEqual(JSON.parse(stored.local['psc.settings.team']), { address: '/couchdb', database: 'northshire-court-team', name: 'olu' });
    const everything = JSON.stringify(stored) + JSON.stringify(await page.evaluate(() => ({ ...sessionStorage })));
    assert.ok(!everything.includes(PASSWORD), 'the password is stored nowhere');
    assert.ok(!everything.includes(TEAM_PASSPHRASE), 'the team passphrase is stored nowhere');
    // Syncing, with nothing to sign in for: the form has gone, and the password with it.
    await page.getByText('Syncing in the background while the app is open.').waitFor();
    assert.equal(await page.getByLabel('Your password').count(), 0);
    assert.deepEqual(await axeViolations(page), []);

    // After a reload the setting is still there; stopping removes it and signs out.
    await page.reload();
    await heading(page, 'Team sync');
    await page.getByText('The team database northshire-court-team on /couchdb, as olu.').waitFor();
    await page.getByRole('button', { name: 'Stop team sync on this device' }).click();
    await page.getByText('Team sync is off on this device. Your cases are still here.').waitFor();
    await page.getByRole('contentinfo').getByText('Cases are stored only in this browser on this device. Nothing is sent anywhere.').waitFor();
    assert.equal((await storedData(page)).local['psc.settings.team'], undefined);
    // The browser logs the server's "not found" for the team's key before this first device made
    // it, and for the checkpoint before the first round.
    await closeWithoutProblems([page], /status of 404/);
  });

  test('a wrong password, no access, no such database, a server that is down and a blocked address each say so', async () => {
    const page = await freshPage(env.browser);
    await openTeamSync(page);

    await signIn(page, { password: 'not-the-password' });
    await refused(page, 'The user name or password is not right. Check them and try again');

    await signIn(page, { name: 'pat', password: 'pat-team-password-1' });
    await refused(page, 'Your account does not have access to that team database. Ask your administrator to add you to it');

    await signIn(page, { database: 'southshire-court-team' });
    await refused(page, 'There is no team database with that name on the server. Check the name');

    await signIn(page, { address: '/nowhere' });
    await refused(page, 'The team server could not be reached. Check the address, and that this device is online');

    // The server's own address is another origin, which the page's Content-Security-Policy
    // does not allow: the app says so without trying.
    const requests = [];
    page.on('request', (r) => requests.push(r.url()));
    await signIn(page, { address: team.origin });
    await refused(page, 'This app can only connect to its own address, and to team servers named when it was installed. Use the address your administrator gave you');
    assert.deepEqual(requests.filter((u) => u.startsWith(team.origin)), []);

    await signIn(page, { address: 'team server' });
    await page.getByRole('alert').getByRole('link', { name: /Enter the team server's address as your administrator gave it/ }).waitFor();
    assert.deepEqual(await axeViolations(page), []);
    // The browser logs each refusal the server answered; nothing else went wrong.
    const answered = /Failed to load resource: the server responded with a status of (401|404|502)/;
    await closeWithoutProblems([page], answered);
  });
});

describe('who you are, with team sync', () => {
  test("is the team server's account and role, and cannot be changed to another on the device", async () => {
    // The officer's device first said it was used by a senior probation officer.
    const page = await freshPage(env.browser, { user: SPO });
    await page.goto(`${env.base}/`);
    await page.getByRole('link', { name: `You: ${SPO.name}` }).waitFor();
    await page.getByRole('link', { name: 'Gatekeeping queue' }).waitFor();

    await joinTeam(page, { database: 'hillshire-court-team', name: 'olu', password: PASSWORD });
    // The server says olu is a court officer: so says the app, everywhere.
    await page.getByRole('link', { name: 'You: olu' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Gatekeeping queue' }).count(), 0, 'no queue for a court officer');
    await page.getByRole('link', { name: 'You: olu' }).click();
    await heading(page, 'Who is using this device?');
    await page.getByText("You are signed in to your team's server as olu (court officer).").waitFor();
    await page.getByText('They cannot be changed on this device while team sync is set up.', { exact: false }).waitFor();
    assert.equal(await page.getByRole('radio').count(), 0, 'no role to choose');
    assert.equal(await page.getByRole('textbox').count(), 0, 'no name to type');
    assert.deepEqual(await axeViolations(page), []);
    await page.setViewportSize({ width: 320, height: 800 });
    assert.deepEqual(await axeViolations(page), []);
    await page.setViewportSize({ width: 1100, height: 900 });

    // What the device stores is the server's answer, and a reload keeps it.
    assert.deepEqual(JSON.parse((await storedData(page)).local['psc.settings.user']), { name: 'olu', role: 'court_officer' });
    await page.reload();
    await page.getByText("You are signed in to your team's server as olu (court officer).").waitFor();

    // The SPO's account on the same team is a senior probation officer on their device,
    // whatever that device said before.
    const spoPage = await freshPage(env.browser);
    await joinTeam(spoPage, { database: 'hillshire-court-team', name: 'sam', password: 'sam-team-password-1' });
    await spoPage.getByRole('link', { name: 'You: sam' }).waitFor();
    await spoPage.getByRole('link', { name: 'Gatekeeping queue' }).waitFor();

    // Once team sync stops, the person may say who they are again.
    await openTeamSync(page, { off: false });
    await page.getByRole('button', { name: 'Stop team sync on this device' }).click();
    await page.getByText('Team sync is off on this device. Your cases are still here.').waitFor();
    await page.goto(`${env.base}/you`);
    await heading(page, 'Who is using this device?');
    await page.getByLabel('Your name').waitFor();
    await closeWithoutProblems([page, spoPage], /status of 404/);
  });

  test("comes from the organisation's own sign-in in front of the server: no user name or password is asked for", async () => {
    const db = 'orgshire-court-team';
    await team.createDatabase(db, ['sam']);
    const page = await freshPage(env.browser);
    const posted = [];
    page.on('request', (r) => r.url().includes('/_session') && r.method() !== 'GET' && posted.push(r.method()));

    // Not signed in by the organisation yet: the page says what to do.
    await openTeamSync(page);
    await page.getByText("Leave your user name and password blank if your organisation signs you in to the team's server").waitFor();
    await signIn(page, { database: db, name: '', password: '' });
    await page.getByRole('alert').getByRole('link', { name: "Your team's server does not know who you are. Enter your user name and password, or sign in with your organisation's sign-in first" }).waitFor();
    assert.deepEqual(await axeViolations(page), []);

    // The organisation's sign-in (a proxy in front of the server) now tells the server who this
    // is on every request, as CouchDB's JWT and proxy authentication do.
    const sam = `Basic ${Buffer.from('sam:sam-team-password-1').toString('base64')}`;
    await page.route(`${env.base}/couchdb/**`, (route) => route.continue({ headers: { ...route.request().headers(), authorization: sam } }));
    await signIn(page, { database: db, name: '', password: '' });
    await page.getByRole('alert').getByRole('link', { name: teamSync.NO_TEAM }).waitFor();
    await page.getByLabel(teamSync.START).check();
    await signIn(page, { database: db, name: '', password: '' });
    await page.getByRole('region', { name: 'Success' }).getByText(`Signed in to ${db} as sam.`).waitFor();
    await page.getByText('Registered with your team.', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'You: sam' }).waitFor();
    await page.getByRole('link', { name: 'Gatekeeping queue' }).waitFor();
    assert.deepEqual(posted, [], 'no password was posted');
    assert.deepEqual(await axeViolations(page), []);
    await page.setViewportSize({ width: 320, height: 800 });
    assert.deepEqual(await axeViolations(page), []);
    await closeWithoutProblems([page], /status of 404/);
  });
});

describe("the team's key", () => {
  test('a short team passphrase, and a key record this app does not make, are refused before anything is set up', async () => {
    const page = await freshPage(env.browser);
    await openTeamSync(page);
    // As short as the device lock would refuse: it would seal everything the team shares.
    await signIn(page, { passphrase: 'team pass' });
    await page.getByRole('alert').getByRole('link', { name: 'Team passphrase must be 10 characters or more: it seals every case your team shares' }).waitFor();
    assert.equal((await storedData(page)).local['psc.settings.team'], undefined, 'nothing is set up');

    // A key record with a round count no device of this app would make (written by anyone who
    // can write the database), which would stall the device for hours: not used.
    await team.createDatabase('kilnshire-court-team', ['olu']);
    await team.write('/kilnshire-court-team/_local/psc-team-key', {
      salt: 'c2FsdHNhbHRzYWx0c2FsdA==',
      rounds: 2000000000,
      check: { salt: 'AAAA', iv: 'AAAA', data: 'AAAA' },
    });
    const started = Date.now();
    await signIn(page, { database: 'kilnshire-court-team' });
    await refused(page, "The team's passphrase check on the server has settings this app does not make, so this device did not use it. Nothing has been changed. Ask your administrator to check the team database");
    assert.ok(Date.now() - started < 20000, 'refused at once, not after stretching the passphrase');
    // Nor one without a salt (on another page, so the answer waited for is the new one).
    await team.createDatabase('kilnshire-youth-court-team', ['olu']);
    await team.write('/kilnshire-youth-court-team/_local/psc-team-key', { rounds: 600000, check: { salt: 'AAAA', iv: 'AAAA', data: 'AAAA' } });
    const again = await freshPage(env.browser);
    await openTeamSync(again);
    await signIn(again, { database: 'kilnshire-youth-court-team' });
    await refused(again, "The team's passphrase check on the server has settings this app does not make, so this device did not use it. Nothing has been changed. Ask your administrator to check the team database");
    await closeWithoutProblems([again], /status of 404/);
    await closeWithoutProblems([page], /status of 404/);
  });
});

describe("a team's key record", () => {
  test('is made only when a person starts the team, and a device that joined reports it missing or changed', async () => {
    await team.createDatabase('moorshire-court-team', ['olu', 'sam']);
    const officerPage = await freshPage(env.browser);
    await openTeamSync(officerPage);
    await signIn(officerPage, { database: 'moorshire-court-team' });
    await refused(officerPage, teamSync.NO_TEAM);
    const keyRecord = () => fetch(`${team.direct}/moorshire-court-team/_local/psc-team-key`, { headers: team.adminHeaders });
    assert.equal((await keyRecord()).status, 404, 'no team was started without a person choosing to');
    assert.deepEqual(await axeViolations(officerPage), []);
    await officerPage.getByLabel(teamSync.START).check();
    await signIn(officerPage, { database: 'moorshire-court-team' });
    await officerPage.getByText('You are the first of your team to sign in: the team passphrase is now set.', { exact: false }).waitFor();
    assert.equal((await keyRecord()).status, 200);
    const spoPage = await freshPage(env.browser, { user: SPO });
    await joinTeam(spoPage, { database: 'moorshire-court-team', name: 'sam', password: 'sam-team-password-1' });

    // Deleted on the server: the devices that joined stop and say so; a new device is not
    // silently made the first of a new team.
    const record = await (await keyRecord()).json();
    await team.remove(`/moorshire-court-team/_local/psc-team-key?rev=${record._rev}`);
    await openTeamSync(officerPage, { off: false });
    await officerPage.getByText("The team's passphrase check is no longer on the team's server, so this device has stopped syncing.", { exact: false }).waitFor({ timeout: 30000 });
    const newcomer = await freshPage(env.browser);
    await openTeamSync(newcomer);
    await signIn(newcomer, { database: 'moorshire-court-team' });
    await refused(newcomer, teamSync.NO_TEAM);
    assert.equal((await keyRecord()).status, 404);

    // Replaced with another (one this app could have made, with another salt): likewise.
    await team.write('/moorshire-court-team/_local/psc-team-key', { salt: 'c2FsdHNhbHRzYWx0c2FsdA==', rounds: 600000, check: record.check });
    await openTeamSync(spoPage, { off: false });
    await spoPage.getByText("The team's passphrase check on the team's server is not the one this device joined with, so this device has stopped syncing.", { exact: false }).waitFor({ timeout: 30000 });
    await closeWithoutProblems([officerPage, spoPage, newcomer], /status of 404/);
  });
});

describe('two devices of one team', () => {
  test("the officer's submitted case reaches the SPO's queue, the endorsement comes back, and the server reads none of it", async () => {
    const officerPage = await freshPage(env.browser);
    const spoPage = await freshPage(env.browser, { user: SPO });

    // The officer's device is the team's first: it sets the team passphrase.
    await joinTeam(officerPage, { name: 'olu', password: PASSWORD });
    await officerPage.getByText('You are the first of your team to sign in: the team passphrase is now set.', { exact: false }).waitFor();
    const officer = mouse(officerPage);
    const taskList = await completeAndAskForGatekeeping(officer, env.base, 'First curfew at this address; please check it.');

    // A wrong team passphrase is refused on the SPO's device, and changes nothing.
    await openTeamSync(spoPage);
    await signIn(spoPage, { database: 'eastshire-court-team', name: 'sam', password: 'sam-team-password-1', passphrase: 'eastshire team passphrase' });
    await refused(spoPage, 'The team passphrase is not right. Nothing has been changed. Check it with your team and try again');
    assert.deepEqual(await axeViolations(spoPage), []);

    // With the right one, the SPO's queue fills with the officer's case.
    await signIn(spoPage, { database: 'eastshire-court-team', name: 'sam', password: 'sam-team-password-1' });
    await spoPage.getByText('Syncing in the background while the app is open.').waitFor();
    await spoPage.getByRole('link', { name: 'Gatekeeping queue' }).click();
    await heading(spoPage, 'Gatekeeping queue');
    await spoPage.getByRole('link', { name: ALEX.name }).click({ timeout: 30000 });
    await heading(spoPage, 'Gatekeeping review');
    await spoPage.getByText('First curfew at this address; please check it.').waitFor();
    await spoPage.getByLabel('Endorse the case').check();
    await spoPage.getByRole('button', { name: 'Record your decision' }).click();
    await spoPage.getByText('No cases are waiting for gatekeeping.').waitFor();

    // The endorsement reaches the officer's device, which can then record "suitable".
    await officerPage.goto(taskList);
    await officerPage.getByText('Endorsed by a senior probation officer.').waitFor({ timeout: 30000 });
    await openSection(officer, 'Outcome');
    await recordSuitable(officer, 'Lives alone as the tenant; every check is clear; endorsed.');
    await officerPage.getByText('Outcome recorded: Curfew suitable').waitFor();

    // Both devices end with the same case, history and all.
    await openTeamSync(officerPage, { off: false });
    const waitingRow = officerPage.locator('.govuk-summary-list__row').filter({ hasText: 'Changes waiting to be sent' });
    await eventually(async () => /sent\s*0$/.test((await waitingRow.innerText()).trim()), 'nothing waits to be sent', 30000);
    const sameCase = async (p) => {
      const record = JSON.parse(Object.values((await storedData(p)).cases)[0]);
      // Each device counts its own local revisions.
      delete record.revision;
      if (record.case) delete record.case.revision;
      return JSON.stringify(record);
    };
    await eventually(async () => (await sameCase(officerPage)) === (await sameCase(spoPage)), 'the SPO device has the same case', 30000);
    assert.match(await sameCase(spoPage), /Lives alone as the tenant; every check is clear; endorsed\./);

    // What the server keeps: random ids and sealed text, no name, court, offence or answer.
    const all = await team.shared('eastshire-court-team', true);
    // Beside it, each person's public signing key, for the roles the server gave them.
    const keys = (await team.read('/eastshire-court-team/_all_docs?include_docs=true')).rows.map((r) => r.doc).filter((d) => d._id.startsWith('psc-key-'));
    assert.deepEqual(keys.map((k) => `${k.account}: ${k.roles.join(' ')}`).sort(), ['olu: psc-officer', 'sam: psc-spo']);
    const docs = all.rows.map((r) => r.doc);
    assert.equal(docs.length, 1, 'one document for the one case');
    assert.match(docs[0]._id, /^[0-9a-f]{32}$/);
    assert.deepEqual(Object.keys(docs[0]).sort(), ['_id', '_rev', 'sealed']);
    const onServer = JSON.stringify(all) + JSON.stringify(await team.read('/eastshire-court-team/_local/psc-team-key'));
    for (const plain of [ALEX.name, 'Alex', ALEX.court, 'Northshire', ALEX.offence, 'First curfew', 'Lives alone', 'suitable', TEAM_PASSPHRASE]) {
      assert.ok(!onServer.includes(plain), `the server's documents do not contain "${plain}"`);
    }
    // Deleted for the whole team on the officer's device: gone from the SPO's device too, and
    // from the server (a deletion, as CouchDB keeps one).
    await officerPage.goto(taskList);
    await officerPage.getByRole('link', { name: 'Delete this case' }).click();
    await officerPage.getByRole('button', { name: 'Yes, delete this case' }).click();
    await officerPage.getByRole('alert').getByRole('link', { name: 'Select where to delete the case' }).waitFor();
    assert.deepEqual(await axeViolations(officerPage), []);
    await officerPage.getByLabel('For everyone in the team').check();
    await officerPage.getByRole('button', { name: 'Yes, delete this case' }).click();
    await heading(officerPage, 'Cases');
    await spoPage.goto(`${env.base}/`);
    await heading(spoPage, 'Cases');
    await spoPage.getByText('There are no cases on this device yet.').waitFor({ timeout: 30000 });
    await eventually(async () => (await team.shared('eastshire-court-team')).rows.length === 0, 'the server holds the deletion', 30000);

    // The browser logs what the server answered "not found": the team's key, before the first
    // device made it, and each device's checkpoint before its first round.
    await closeWithoutProblems([officerPage, spoPage], /status of 404/);
  });
});

describe('a case changed on two devices while apart', () => {
  test('is shown as a conflict on both, settled on one with nothing lost, and the other follows', async () => {
    await team.createDatabase('westshire-court-team', ['olu', 'sam']);
    const officerPage = await freshPage(env.browser);
    const spoPage = await freshPage(env.browser, { user: SPO });
    await joinTeam(officerPage, { database: 'westshire-court-team', name: 'olu', password: PASSWORD });
    await joinTeam(spoPage, { database: 'westshire-court-team', name: 'sam', password: 'sam-team-password-1' });
    const officer = mouse(officerPage);
    const spo = mouse(spoPage);
    await createCase(officer, env.base, ALEX);
    const taskList = officerPage.url();
    // The SPO's device has it once it has synced.
    await spoPage.goto(`${env.base}/`);
    await spoPage.getByRole('link', { name: ALEX.name }).click({ timeout: 30000 });
    await heading(spoPage, ALEX.name);

    // The server goes down; each device changes the court while it cannot reach the other.
    await team.pause();
    await changeCourt(officer, 'Southshire Crown Court');
    await changeCourt(spo, "Eastshire Magistrates' Court");
    await officerPage.goto(`${env.base}/team`);
    await officerPage.getByText('The team server could not be reached. Check the address, and that this device is online').waitFor({ timeout: 30000 });
    await officerPage.locator('.govuk-summary-list__row').filter({ hasText: /Changes waiting to be sent\s*1/ }).waitFor();

    // Back up: each device resumes from its checkpoint (the SPO's device has taken the case, so
    // its checkpoint is past it), not from the start.
    const since = new Map();
    const checkpoints = new Map();
    for (const p of [officerPage, spoPage]) {
      checkpoints.set(p, (await storedData(p)).local['psc.sync.since']);
      p.on('request', (r) => {
        const m = r.url().match(/\/_changes\?.*since=([^&]*)/);
        if (m && !since.has(p)) since.set(p, decodeURIComponent(m[1]));
      });
    }
    assert.notEqual(checkpoints.get(spoPage), '0');
    await team.start();
    await officerPage.goto(taskList);
    await officerPage.getByText(BANNER).waitFor({ timeout: 30000 });
    await spoPage.goto(taskList);
    await spoPage.getByText(BANNER).waitFor({ timeout: 30000 });
    for (const p of [officerPage, spoPage]) assert.equal(since.get(p), checkpoints.get(p), 'resumed from its checkpoint');

    // Settled on the officer's device: both versions are shown, the officer keeps their own.
    await officerPage.getByRole('link', { name: 'Choose which answers to keep' }).click();
    await heading(officerPage, 'Choose which answers to keep');
    const table = officerPage.getByRole('table', { name: 'Where the two versions differ' });
    const court = table.getByRole('row', { name: /^Hearing, court/ });
    assert.match(await court.innerText(), /Southshire Crown Court\s+Eastshire Magistrates' Court/);
    assert.deepEqual(await axeViolations(officerPage), []);
    await officerPage.getByRole('button', { name: 'Keep these answers' }).click();
    await officerPage.getByRole('alert').getByRole('link', { name: 'Select which answers to keep' }).waitFor();
    await officerPage.getByLabel('The answers on this device').check();
    await officerPage.getByRole('button', { name: 'Keep these answers' }).click();
    await heading(officerPage, ALEX.name);
    assert.equal(await officerPage.getByText(BANNER).count(), 0);

    // The SPO's device follows: the settled case, no conflict, and the same history.
    await spoPage.reload();
    await heading(spoPage, ALEX.name);
    await eventually(async () => (await spoPage.getByText(BANNER).count()) === 0 && /Southshire Crown Court/.test(await spoPage.locator('main').innerText()), 'the SPO device takes the settled case', 30000);
    const history = async (p) => {
      await p.getByRole('link', { name: 'History of changes' }).click();
      await heading(p, 'History of changes');
      return p.locator('main ol').innerText();
    };
    const [mine, theirs] = [await history(officerPage), await history(spoPage)];
    assert.equal(mine, theirs, 'both devices hold the same history');
    // Named as the team's server names them, each signed by its author and verified.
    for (const entry of ["by olu (court officer) (signature verified against the team's keys)", "by sam (senior probation officer) (signature verified against the team's keys)", "Eastshire Magistrates' Court", 'Settled two versions changed on different devices']) {
      assert.ok(mine.includes(entry), `the history holds ${entry}`);
    }
    // Deleted only on the SPO's device: the team keeps it, and this device does not receive it
    // again when the officer changes it.
    await spoPage.goto(taskList);
    await spoPage.getByRole('link', { name: 'Delete this case' }).click();
    await spoPage.getByLabel('Only on this device').check();
    await spoPage.getByRole('button', { name: 'Yes, delete this case' }).click();
    await spoPage.getByText('There are no cases on this device yet.').waitFor();
    await officerPage.goto(taskList);
    await changeCourt(officer, 'Northshire Crown Court');
    await openTeamSync(officerPage, { off: false });
    const waitingRow = officerPage.locator('.govuk-summary-list__row').filter({ hasText: 'Changes waiting to be sent' });
    await eventually(async () => /sent\s*0$/.test((await waitingRow.innerText()).trim()), 'the change is sent', 30000);
    // Two more rounds of the SPO's device.
    await new Promise((ok) => setTimeout(ok, 12000));
    await spoPage.reload();
    await spoPage.getByText('There are no cases on this device yet.').waitFor();
    const live = (await team.shared('westshire-court-team')).rows;
    assert.equal(live.length, 1, 'the team still has the case');

    await closeWithoutProblems([officerPage, spoPage], /status of (404|502)/);
  });
});

describe('a case changed by a third device while two others held the same version', () => {
  test('is settled on one device, and every device ends with the settled case and nothing to settle', async () => {
    const db = 'tristshire-court-team';
    await team.createDatabase(db, ['olu', 'sam']);
    const officerPage = await freshPage(env.browser);
    const spoPage = await freshPage(env.browser, { user: SPO });
    await joinTeam(officerPage, { database: db });
    await joinTeam(spoPage, { database: db, name: 'sam', password: 'sam-team-password-1' });
    const officer = mouse(officerPage);
    await createCase(officer, env.base, ALEX);
    const taskList = officerPage.url();
    await changeCourt(officer, 'Southshire Crown Court');
    await openTeamSync(officerPage, { off: false });
    await teamSync.allSent(officerPage);
    const southshire = /Hearing on .* at Southshire Crown Court\./;
    await spoPage.goto(taskList);
    await spoPage.getByText(southshire).waitFor({ timeout: 30000 });

    // A third device of the team (PouchDB in Node, with the team passphrase) had the version
    // before, and changes the court there: a sibling of the version both devices hold.
    const [{ id }] = (await team.shared(db)).rows;
    const current = await team.read(`/${db}/${id}?revs=true`);
    const before = `${current._revisions.start - 1}-${current._revisions.ids[1]}`;
    const crypto = await teamSync.teamCrypto(await team.read(`/${db}/_local/psc-team-key`));
    const envelope = JSON.parse(await crypto.open(id, before, (await team.read(`/${db}/${id}?rev=${before}`)).sealed));
    const record = JSON.parse(envelope.case);
    record.case.hearing.court = "Eastshire Magistrates' Court";
    const change = { kind: 'case', count: envelope.count + 1, after: [before, ...envelope.after].slice(0, 16), case: JSON.stringify(record), by: 'Pat Example', at: new Date().toISOString() };
    await team.store(db, [await crypto.seal(id, before, change)]);
    for (const page of [officerPage, spoPage]) {
      await page.goto(taskList);
      await page.getByText(BANNER).waitFor({ timeout: 30000 });
    }

    // Settled on the officer's device, keeping its own answers.
    await officerPage.getByRole('link', { name: 'Choose which answers to keep' }).click();
    await heading(officerPage, 'Choose which answers to keep');
    await officerPage.getByLabel('The answers on this device').check();
    await officerPage.getByRole('button', { name: 'Keep these answers' }).click();
    await heading(officerPage, ALEX.name);
    assert.equal(await officerPage.getByText(BANNER).count(), 0);

    // The SPO's device takes the settled case and has nothing left to settle.
    await eventually(async () => {
      await spoPage.reload();
      await heading(spoPage, ALEX.name);
      return (await spoPage.getByText(BANNER).count()) === 0;
    }, "the SPO's device follows the settlement", 30000);
    for (const page of [officerPage, spoPage]) {
      await page.goto(taskList);
      await page.getByText(southshire).waitFor();
      assert.equal(await page.getByText(BANNER).count(), 0);
    }
    await openTeamSync(officerPage, { off: false });
    await teamSync.allSent(officerPage);
    const settled = await team.read(`/${db}/${id}?conflicts=true`);
    assert.equal(settled._conflicts, undefined, 'one version stands on the server');
    await closeWithoutProblems([officerPage, spoPage], /status of 404/);
  });
});

describe('a case handed over by file before the team shared it', () => {
  test('is shown as two versions on the device that imported it, settled there, and both devices end with the one case', async () => {
    await team.createDatabase('midshire-court-team', ['olu', 'sam']);
    const officerPage = await freshPage(env.browser);
    const spoPage = await freshPage(env.browser, { user: SPO });
    const [officer, spo] = [mouse(officerPage), mouse(spoPage)];
    await createCase(officer, env.base, ALEX);
    const taskList = officerPage.url();
    const file = await exportCases(officerPage, env.base, [ALEX.name]);
    await spoPage.goto(`${env.base}/import`);
    await heading(spoPage, 'Import cases');
    await spoPage.getByLabel('Upload a case file').setInputFiles({ name: 'alex.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await spoPage.getByRole('button', { name: 'Import' }).click();
    await spoPage.getByText('1 added, 0 replaced, 0 kept as copies, 0 left as they were.').waitFor();
    // The SPO's copy is the same case (the same address), changed there.
    await spoPage.goto(taskList);
    await heading(spoPage, ALEX.name);
    await changeCourt(spo, "Eastshire Magistrates' Court");

    // The officer's device shares it first; the SPO's then finds the team's version of a case it
    // already has, never shared from there: both are kept, and the SPO chooses.
    await joinTeam(officerPage, { database: 'midshire-court-team', name: 'olu', password: PASSWORD });
    await eventually(async () => (await team.shared('midshire-court-team')).rows.length === 1, 'the officer has shared the case', 30000);
    await joinTeam(spoPage, { database: 'midshire-court-team', name: 'sam', password: 'sam-team-password-1' });
    await spoPage.goto(taskList);
    await spoPage.getByText(BANNER).waitFor({ timeout: 30000 });
    await spoPage.getByRole('link', { name: 'Choose which answers to keep' }).click();
    await heading(spoPage, 'Choose which answers to keep');
    const court = spoPage.getByRole('table', { name: 'Where the two versions differ' }).getByRole('row', { name: /^Hearing, court/ });
    assert.match(await court.innerText(), new RegExp(`Eastshire Magistrates' Court\\s+${ALEX.court}`));
    await spoPage.getByLabel('The answers on this device').check();
    await spoPage.getByRole('button', { name: 'Keep these answers' }).click();
    await heading(spoPage, ALEX.name);
    assert.equal(await spoPage.getByText(BANNER).count(), 0);

    // The officer's device takes the settled case; the team holds one document for it.
    await officerPage.goto(taskList);
    await heading(officerPage, ALEX.name);
    await eventually(async () => {
      await officerPage.reload();
      await heading(officerPage, ALEX.name);
      return /Eastshire Magistrates' Court/.test(await officerPage.locator('main').innerText());
    }, "the officer's device takes the SPO's answers", 30000);
    assert.equal(await officerPage.getByText(BANNER).count(), 0);
    assert.equal((await team.shared('midshire-court-team')).rows.length, 1, 'one document for the one case');
    await officerPage.getByRole('link', { name: 'History of changes' }).click();
    await heading(officerPage, 'History of changes');
    const history = await officerPage.locator('main ol').innerText();
    for (const entry of ['Imported from a file exported by Olu Officer', "Eastshire Magistrates' Court", 'Settled two versions changed on different devices']) {
      assert.ok(history.includes(entry), `the officer's history holds ${entry}`);
    }

    await closeWithoutProblems([officerPage, spoPage], /status of 404/);
  });
});

describe('old shared cases deleted together from "Data on this device"', () => {
  test('ask where to delete them, as one case does, and go from the team when deleted for everyone', async () => {
    await team.createDatabase('fenshire-court-team', ['olu']);
    const page = await freshPage(env.browser);
    const actor = mouse(page);
    await joinTeam(page, { database: 'fenshire-court-team', name: 'olu', password: PASSWORD });
    await createCase(actor, env.base, { ...ALEX, name: 'Heard Long Ago', hearing: daysFromToday(-45) });
    await createCase(actor, env.base, { ...ALEX, name: 'Heard Longer Ago', hearing: daysFromToday(-60) });
    await eventually(async () => (await team.shared('fenshire-court-team')).rows.length === 2, 'both cases are on the team server', 30000);

    await page.goto(`${env.base}/data`);
    await heading(page, 'Data on this device');
    await page.getByRole('button', { name: 'Delete these 2 cases' }).click();
    const question = page.getByRole('group', { name: 'These cases are shared with your team. Where do you want to delete them?' });
    await question.waitFor();
    // Not answered: nothing is deleted, and the page says what to do.
    await page.getByRole('button', { name: 'Yes, delete 2 cases' }).click();
    await page.getByRole('alert').getByRole('link', { name: 'Select where to delete the shared cases' }).waitFor();
    for (const name of ['Heard Long Ago', 'Heard Longer Ago']) await page.getByRole('link', { name, exact: true }).waitFor();
    assert.deepEqual(await axeViolations(page), []);

    await question.getByLabel('For everyone in the team').check();
    await page.getByRole('button', { name: 'Yes, delete 2 cases' }).click();
    await page.getByText('No case had its hearing more than 30 days ago.').waitFor();
    assert.equal(await page.getByRole('alert').count(), 0, 'the error has gone');
    await eventually(async () => (await team.shared('fenshire-court-team')).rows.length === 0, 'the server holds both deletions', 30000);
    // Later rounds do not bring them back.
    await new Promise((ok) => setTimeout(ok, 12000));
    await page.goto(`${env.base}/`);
    await page.getByText('There are no cases on this device yet.').waitFor();

    await closeWithoutProblems([page], /status of 404/);
  });
});

describe('a client we did not write', () => {
  test("PouchDB replicates the team's database as the app left it, its change reaches the app, and a replayed or moved sealed text does not", async () => {
    const { default: PouchDB } = await import('pouchdb-core');
    const plugins = await Promise.all(['pouchdb-adapter-memory', 'pouchdb-adapter-http', 'pouchdb-replication'].map((p) => import(p)));
    for (const plugin of plugins) PouchDB.plugin(plugin.default);

    await team.createDatabase('southshire-court-team', ['olu']);
    const page = await freshPage(env.browser);
    await joinTeam(page, { database: 'southshire-court-team', name: 'olu', password: PASSWORD });
    const officer = mouse(page);
    await createCase(officer, env.base, ALEX);
    const taskList = page.url();
    await openTeamSync(page, { off: false });
    const waitingRow = page.locator('.govuk-summary-list__row').filter({ hasText: 'Changes waiting to be sent' });
    await eventually(async () => /sent\s*0$/.test((await waitingRow.innerText()).trim()), 'the case is sent', 30000);

    // PouchDB, signed in as the officer, copies the team's database: the same documents, with
    // the same revision histories, as the server holds.
    // (The server is read first: what the copy must match is what the server held when the
    // copy was made.)
    const onServer = (await team.shared('southshire-court-team')).rows.map((r) => [r.id, r.value.rev]);
    assert.equal(onServer.length, 1, 'the app counted nothing waiting only once the server held the case');
    const remote = new PouchDB(`${team.origin}/southshire-court-team`, { auth: { username: 'olu', password: PASSWORD } });
    const copy = new PouchDB('southshire-copy', { adapter: 'memory' });
    await copy.replicate.from(remote);
    const inCopy = (await copy.allDocs()).rows.filter((r) => !/^(psc-key-|_design\/)/.test(r.id)).map((r) => [r.id, r.value.rev]);
    assert.deepEqual(inCopy, onServer);
    const [[id, rev]] = onServer;
    const serverDoc = await team.read(`/southshire-court-team/${id}?revs=true`);
    const copyDoc = await copy.get(id, { revs: true });
    assert.deepEqual(copyDoc._revisions, serverDoc._revisions);
    assert.equal(copyDoc.sealed, serverDoc.sealed);

    // A change made in PouchDB, sealed as the README describes (the team key from the passphrase
    // and the salt in _local/psc-team-key; AES-GCM bound to the document and its revision),
    // replicated to the server, reaches the app like any other device's.
    const crypto = await teamSync.teamCrypto(await team.read('/southshire-court-team/_local/psc-team-key'));
    const plain = await crypto.open(id, rev, copyDoc.sealed);
    // The envelope: what kind of version, its lineage (the revisions it replaces, newest first,
    // and a count that only rises), the case's own JSON, who and when; padded to 4 KB steps.
    const envelope = JSON.parse(plain);
    assert.equal(envelope.psc, 2);
    assert.equal(plain.length % 4096, 0, 'padded to a 4 KB step');
    const record = JSON.parse(envelope.case);
    assert.equal(record.case.hearing.court, ALEX.court);
    record.case.hearing.court = 'Westshire Crown Court';
    // Sealed and named (the team's keyed hash of what it holds) as the README describes.
    const change = await crypto.seal(id, rev, { kind: 'case', count: envelope.count + 1, after: [rev, ...envelope.after].slice(0, 16), case: JSON.stringify(record), by: 'PouchDB in Node', at: new Date().toISOString() });
    const [generation, hash] = change._rev.split('-');
    await copy.bulkDocs([change], { new_edits: false });
    await copy.replicate.to(remote);

    await page.goto(taskList);
    await page.getByText(/Hearing on .* at Westshire Crown Court\./).waitFor({ timeout: 30000 });

    // A server that passes off an old revision's sealed text as a new revision, or another
    // document's: it does not open as what it claims to be, the case stays as it was, and the
    // Team sync page says so.
    const replayed = `${Number(generation) + 1}-${'a'.repeat(32)}`;
    await copy.bulkDocs([{ _id: id, _rev: replayed, _revisions: { start: Number(generation) + 1, ids: ['a'.repeat(32), hash] }, sealed: copyDoc.sealed }], { new_edits: false });
    const moved = 'b'.repeat(32);
    await copy.bulkDocs([{ _id: moved, _rev: `1-${'c'.repeat(32)}`, sealed: change.sealed }], { new_edits: false });
    await copy.replicate.to(remote);
    await openTeamSync(page, { off: false });
    await page.getByText("2 versions from the team's server were refused.", { exact: false }).waitFor({ timeout: 30000 });
    assert.equal(await page.getByText('It could not be opened with your team passphrase.', { exact: false }).count(), 2, 'each is listed with what happened');
    await page.goto(taskList);
    await page.getByText(/Hearing on .* at Westshire Crown Court\./).waitFor();
    assert.equal(Object.keys((await storedData(page)).cases).length, 1, 'nothing was added');

    // "Delete all data on this device" ends sync too: nothing comes back from the team.
    await page.goto(`${env.base}/data`);
    await page.getByRole('button', { name: 'Delete all data on this device' }).click();
    await page.getByRole('button', { name: 'Yes, delete everything' }).click();
    await heading(page, 'Who is using this device?');
    const after = [];
    page.on('request', (r) => r.url().includes('/couchdb/') && after.push(r.url()));
    await new Promise((ok) => setTimeout(ok, 7000));
    const left = await storedData(page);
    assert.deepEqual([Object.keys(left.local), left.cases], [[], {}]);
    assert.deepEqual(after, [], 'no request to the team server after everything was deleted');
    const sessions = (await page.context().cookies()).filter((c) => c.name === 'AuthSession' && c.value !== '');
    assert.deepEqual(sessions, [], 'the session with the team server was ended');
    assert.equal((await team.shared('southshire-court-team')).rows.length, 2, 'the team still has its documents');
    assert.deepEqual(page.problems.filter((p) => !/status of 404/.test(p)), []);
    await copy.destroy();
    await page.context().close();
  });
});

describe('a connection broken in the middle of a round', () => {
  test('loses nothing, and the next round resumes from the checkpoint', async () => {
    await team.createDatabase('northshire-youth-court-team', ['olu', 'sam']);
    // The officer's device holds 60 cases: more than one batch of 50.
    const officerPage = await freshPage(env.browser);
    await officerPage.goto(`${env.base}/`);
    await heading(officerPage, 'Cases');
    const names = Array.from({ length: 60 }, (_, i) => `Person ${String(i + 1).padStart(2, '0')} Example`);
    await officerPage.evaluate(({ fixture, names }) => {
      names.forEach((name, i) => {
        const record = structuredClone(fixture);
        Object.assign(record.case, { id: `seeded-${i}`, revision: 1 });
        record.case.person.name = name;
        localStorage.setItem(`psc.case.seeded-${i}`, JSON.stringify(record));
      });
    }, { fixture: FIXTURE, names });
    await officerPage.reload();
    await heading(officerPage, 'Cases');
    await joinTeam(officerPage, { database: 'northshire-youth-court-team', name: 'olu', password: PASSWORD });
    const waitingRow = officerPage.locator('.govuk-summary-list__row').filter({ hasText: 'Changes waiting to be sent' });
    await eventually(async () => /sent\s*0$/.test((await waitingRow.innerText()).trim()), 'all 60 are sent', 60000);

    // The SPO's device: the server stops after the first batch has come, as the device asks
    // for the second.
    const spoPage = await freshPage(env.browser, { user: SPO });
    const asked = [];
    const since = [];
    let stopped = false;
    await spoPage.route('**/couchdb/**', async (route) => {
      const url = route.request().url();
      const m = url.match(/\/_changes\?.*since=([^&]*)/);
      if (m) since.push(decodeURIComponent(m[1]));
      if (url.includes('/_bulk_get')) {
        if (asked.length === 1 && !stopped) {
          stopped = true;
          await team.pause();
        } else {
          asked.push(JSON.parse(route.request().postData()).docs.length);
        }
      }
      return route.continue();
    });
    await joinTeam(spoPage, { database: 'northshire-youth-court-team', name: 'sam', password: 'sam-team-password-1' });
    await eventually(async () => stopped, 'the server stops', 30000);
    // It says so, and the first batch is kept.
    await spoPage.getByText('The team server could not be reached. Check the address, and that this device is online').waitFor({ timeout: 30000 });
    // The first batch of 50 changes also holds the administrator's design document and the
    // officer's key document: 48 cases.
    assert.equal(Object.keys((await storedData(spoPage)).cases).length, 48);
    const checkpoint = (await storedData(spoPage)).local['psc.sync.since'];
    assert.notEqual(checkpoint, '0');

    // The server starts again: the next round starts from the checkpoint, asks only for the
    // rest, and all 60 are here.
    await team.start();
    await eventually(async () => Object.keys((await storedData(spoPage)).cases).length === 60, 'the rest arrive', 30000);
    assert.deepEqual(asked, [48, 12], 'each case was fetched once');
    assert.equal(since[since.indexOf(checkpoint) - 1], '0', `the first round started from the beginning: ${since}`);
    assert.ok(since.includes(checkpoint), `a later round started from the checkpoint ${checkpoint}: ${since}`);
    await spoPage.goto(`${env.base}/`);
    await spoPage.getByText('60 cases on this device').waitFor();
    assert.deepEqual(spoPage.problems.filter((p) => !/status of (404|502)/.test(p)), []);
    await officerPage.context().close();
    await spoPage.context().close();
  });
});

describe('changes waiting to be sent', () => {
  test('are never shown as 0 before they have been counted, so "0" means the server has them', async () => {
    await team.createDatabase('lakeshire-court-team', ['olu']);
    const page = await freshPage(env.browser);
    await joinTeam(page, { database: 'lakeshire-court-team', name: 'olu', password: PASSWORD });
    // Made while the server is down, so it cannot have been sent.
    await team.pause();
    await createCase(mouse(page), env.base, ALEX);
    await openTeamSync(page, { off: false });
    const waitingRow = page.locator('.govuk-summary-list__row').filter({ hasText: 'Changes waiting to be sent' });
    // From the moment the page is drawn until it is counted, it reads "Counting…", never 0.
    const seen = [];
    await eventually(async () => {
      const text = (await waitingRow.innerText()).trim();
      seen.push(text);
      return /sent\s*1$/.test(text);
    }, 'the case is counted as waiting', 30000);
    assert.deepEqual(seen.filter((t) => /sent\s*0$/.test(t)), [], `shown before it was counted: ${seen.join(' | ')}`);
    assert.match(seen[0], /sent\s*(Counting…|1)$/);
    // Back up: 0 is shown only once the server holds the case.
    await team.start();
    await eventually(async () => /sent\s*0$/.test((await waitingRow.innerText()).trim()), 'the case is sent', 30000);
    assert.equal((await team.shared('lakeshire-court-team')).rows.length, 1);
    // The server's own answers while it was down (502 from the proxy) and its "no checkpoint
    // yet" (404) are expected.
    await closeWithoutProblems([page], /status of (404|502)/);
  });
});

describe("the team's agency directory", () => {
  test('an agency added on one device reaches the other, a removal there comes back, and the server reads none of it', async () => {
    const officerPage = await freshPage(env.browser);
    const spoPage = await freshPage(env.browser, { user: SPO });
    await joinTeam(officerPage, { database: 'dalesshire-court-team', name: 'olu', password: PASSWORD });
    await joinTeam(spoPage, { database: 'dalesshire-court-team', name: 'sam', password: 'sam-team-password-1' });
    const openDirectory = async (page) => {
      await page.goto(`${env.base}/directory`);
      await heading(page, 'Agency directory');
    };

    // Nothing on the server while nobody has a directory.
    assert.equal((await team.shared('dalesshire-court-team')).rows.length, 0);

    await openDirectory(officerPage);
    await officerPage.getByText('Team sync is on: the directory is shared with your team', { exact: false }).waitFor();
    await officerPage.getByRole('button', { name: 'Add an agency' }).click();
    await heading(officerPage, 'Add an agency');
    await officerPage.getByLabel('Name of the agency').fill('Dalesshire Police');
    await choose(mouse(officerPage), officerPage, 'Type of agency', 'Police force');
    await choose(mouse(officerPage), officerPage, 'How does your team send enquiries to it?', 'Secure email');
    await officerPage.getByLabel('Secure email address', { exact: true }).fill('da.checks@dalesshire.police.example');
    await officerPage.getByRole('button', { name: 'Save agency' }).click();
    await heading(officerPage, 'Agency directory');

    // The SPO's device has it after a round, as typed.
    const card = (page, name) => page.locator('.govuk-summary-card').filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });
    await eventually(async () => {
      await openDirectory(spoPage);
      return (await card(spoPage, 'Dalesshire Police').count()) === 1;
    }, "the agency reaches the SPO's device", 30000);
    await card(spoPage, 'Dalesshire Police').getByText('da.checks@dalesshire.police.example').waitFor();
    assert.deepEqual(await axeViolations(spoPage), []);

    // Removed there: gone here too, and an older view sent again does not bring it back.
    await spoPage.getByRole('link', { name: 'Remove Dalesshire Police' }).click();
    await spoPage.getByRole('button', { name: 'Yes, remove it' }).click();
    await spoPage.getByText('No police forces yet.').waitFor();
    await eventually(async () => {
      await openDirectory(officerPage);
      return (await officerPage.getByText('No police forces yet.').count()) === 1;
    }, "the removal reaches the officer's device", 30000);

    // Each device's view is one sealed document; no name or address is readable on the server.
    const all = await team.shared('dalesshire-court-team', true);
    const ids = all.rows.map((r) => r.id);
    assert.ok(ids.length >= 1 && ids.every((id) => id.startsWith('psc-directory-')), ids.join(', '));
    for (const doc of all.rows.map((r) => r.doc)) assert.deepEqual(Object.keys(doc).sort(), ['_id', '_rev', 'sealed']);
    const onServer = JSON.stringify(all);
    for (const plain of ['Dalesshire', 'da.checks', 'police.example']) {
      assert.ok(!onServer.includes(plain), `the server's documents do not contain "${plain}"`);
    }
    await closeWithoutProblems([officerPage, spoPage], /status of 404/);
  });
});
