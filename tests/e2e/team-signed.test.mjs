// Signed decisions (issue 23): each person's decisions carry their signature, and every device
// checks them against the keys the team database holds, registered under the administrator's
// design document. Against PouchDB Server with that design document installed (the test starts
// it). A third client that knows the team passphrase, but holds no SPO's key, forges an
// endorsement; it does not count. Every person here is invented.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, webcrypto } from 'node:crypto';
import { axeViolations, eventually, freshPage, launch, storedCase } from './support.mjs';
import { ALEX, completeAndAskForGatekeeping, heading, mouse, openSection, recordSuitable } from './officer.mjs';
import { startTeamServer } from './team-server.mjs';
import * as teamSync from './team-support.mjs';
import { PASSWORD, closeWithoutProblems } from './team-support.mjs';

const SAM_PASSWORD = 'sam-team-password-1';
let env;
let team;
before(async () => {
  team = await startTeamServer();
  await team.createUser('olu', PASSWORD, ['psc-officer']);
  await team.createUser('sam', SAM_PASSWORD, ['psc-spo']);
  env = await launch({ proxies: { '/couchdb/': team.origin } });
});
after(async () => {
  await env?.close();
  await team?.stop();
});

const joinTeam = (page, who) => teamSync.joinTeam(page, env.base, who);
const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/** `Case::content_fingerprint`: FNV-1a (64 bit) of the case's answers as the app writes them. */
function fingerprint(c) {
  const content = structuredClone(c);
  Object.assign(content, { id: '', next_id: 0, revision: 0, created_at: '', updated_at: '', events: [] });
  content.gatekeeping = { requested_by_officer: false, decisions: [], submissions: [], draft: { note: '', endorse: null, comments: '', section_comments: [] } };
  Object.assign(content.outcome, { selected: null, recorded: null, lapsed: null, rationale: '' });
  let hash = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(JSON.stringify(content), 'utf8')) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

/** `attest::entry_hash`: a history entry's hash, which the next entry holds. */
const entryHash = (e) => sha256(JSON.stringify(['psc-history-v1', e.prev, e.merged, e.at, e.by, e.what, ...e.changes.flatMap((c) => [c.field, c.before, c.after])]));

/** Now, as the app stamps its history. */
function stamp() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/**
 * A client that knows the team passphrase: reads the case's current version from the server
 * once `ready(case)` holds, lets `change` rewrite it, and writes it back as a member, sealed as
 * the app seals (a version that descends from the server's, so every device takes it).
 */
async function rewriteOnServer(db, ready, change) {
  const crypto = await teamSync.teamCrypto(await team.read(`/${db}/_local/psc-team-key`));
  let id;
  let rev;
  let envelope;
  let record;
  await eventually(async () => {
    // The revision is the document's own: a device may save again between listing and reading.
    [{ id }] = (await team.shared(db)).rows;
    const doc = await team.read(`/${db}/${id}`);
    rev = doc._rev;
    envelope = JSON.parse(await crypto.open(id, rev, doc.sealed));
    record = JSON.parse(envelope.case);
    return ready(record.case);
  }, 'the server holds the version to rewrite', 30000);
  change(record.case);
  const sealed = await crypto.seal(id, rev, { kind: 'case', count: envelope.count + 1, after: [rev, ...envelope.after].slice(0, 16), case: JSON.stringify(record), by: 'PouchDB in Node', at: new Date().toISOString() });
  const auth = `Basic ${Buffer.from(`olu:${PASSWORD}`).toString('base64')}`;
  const answer = await fetch(`${team.direct}/${db}/_bulk_docs`, { method: 'POST', headers: { Authorization: auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ docs: [sealed], new_edits: false }) });
  assert.equal(answer.status, 201);
}

const everythingSigned = (c) => c.events.every((e) => e.signed?.value) && c.gatekeeping.submissions.every((s) => s.signed?.value) && c.gatekeeping.decisions.every((d) => d.signed?.value);

describe('signed decisions', () => {
  test("an endorsement forged with a key that is not the SPO's does not count; the SPO's own does, and a history entry removed on the server is found on both devices", async () => {
    const db = 'signshire-court-team';
    await team.createDatabase(db, ['olu', 'sam']);
    const officerPage = await freshPage(env.browser);
    const spoPage = await freshPage(env.browser);
    await joinTeam(officerPage, { database: db, name: 'olu', password: PASSWORD });
    await officerPage.getByText('Registered with your team.', { exact: false }).waitFor();
    await joinTeam(spoPage, { database: db, name: 'sam', password: SAM_PASSWORD });

    // The officer completes the checks and asks for gatekeeping.
    const officer = mouse(officerPage);
    const taskList = await completeAndAskForGatekeeping(officer, env.base, 'Please check the address.');

    // A client that knows the team passphrase writes an endorsement in sam's name, with the
    // case's own fingerprint and a history entry linked as the app links them, signed with a
    // key of its own.
    const forged = await webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    const spki = Buffer.from(await webcrypto.subtle.exportKey('spki', forged.publicKey)).toString('base64');
    const signature = Buffer.from(await webcrypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, forged.privateKey, Buffer.from('endorsed'))).toString('base64');
    await rewriteOnServer(db, (c) => c.gatekeeping.submissions.length === 1 && everythingSigned(c), (c) => {
      const at = stamp();
      const by = 'sam (senior probation officer)';
      const signed = { account: 'sam', key: sha256(spki).slice(0, 32), answers: c.gatekeeping.submissions[0].signed.answers, value: signature, verified: true, problem: '' };
      c.gatekeeping.decisions.push({ endorsed: true, by, at, comments: '', fingerprint: fingerprint(c), section_comments: [], signed });
      c.events.push({ at, by, what: 'Endorsed by a senior probation officer', changes: [], prev: entryHash(c.events.at(-1)), merged: '', signed: { ...signed, answers: '' } });
    });

    // The officer's device keeps the entry, marked, and "suitable" stays blocked, saying why.
    await officerPage.goto(taskList);
    await officerPage.getByText('The endorsement could not be verified, so it does not count', { exact: false }).waitFor({ timeout: 30000 });
    await openSection(officer, 'Outcome');
    const why = "The senior probation officer's endorsement could not be verified: it was signed with a key that is not sam's registered key. A senior probation officer must endorse the case again";
    await officerPage.getByText(why, { exact: false }).first().waitFor();
    await recordSuitable(officer, 'Endorsed, says the history.');
    const summary = officerPage.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    assert.match(await summary.innerText(), /You cannot record a curfew as suitable while 1 check is outstanding/);
    assert.equal(await officerPage.getByText('Outcome recorded: Curfew suitable').count(), 0);
    assert.deepEqual(await axeViolations(officerPage), []);
    await officerPage.goto(taskList.replace(/\/?$/, '/history'));
    await heading(officerPage, 'History of changes');
    await officerPage.getByText("by sam (senior probation officer) (not verified: it was signed with a key that is not sam's registered key)").waitFor();
    await officerPage.getByText('by olu (court officer) (signature verified against the team\'s keys)').first().waitFor();
    assert.deepEqual(await axeViolations(officerPage), []);

    // The officer's refused attempt kept the rationale as typed. sam decides once sam's device
    // has it: deciding on the version before would be a change made on both devices at once,
    // settled by a person as team.test.mjs shows, not what this test is about.
    const rationale = async () => (await storedCase(spoPage)).record?.case.outcome.rationale;
    await eventually(async () => (await rationale()) === 'Endorsed, says the history.', "sam's device has the officer's rationale", 30000);

    // The SPO's queue shows the case again, saying so; the SPO endorses it, signed.
    await spoPage.getByRole('link', { name: 'Gatekeeping queue' }).click();
    await heading(spoPage, 'Gatekeeping queue');
    await spoPage.getByText("The endorsement could not be verified: it was signed with a key that is not sam's registered key. It needs endorsing again.", { exact: false }).waitFor({ timeout: 30000 });
    assert.deepEqual(await axeViolations(spoPage), []);
    await spoPage.getByRole('link', { name: ALEX.name }).click();
    await heading(spoPage, 'Gatekeeping review');
    await spoPage.getByLabel('Endorse the case').check();
    await spoPage.getByRole('button', { name: 'Record your decision' }).click();
    await spoPage.getByText('No cases are waiting for gatekeeping.').waitFor();

    // It reaches the officer's device verified, and "suitable" can be recorded.
    await officerPage.goto(taskList);
    await officerPage.getByText('Endorsed by a senior probation officer.').waitFor({ timeout: 30000 });
    await openSection(officer, 'Outcome');
    await recordSuitable(officer, 'Lives alone as the tenant; every check is clear; endorsed.');
    await officerPage.getByText('Outcome recorded: Curfew suitable').waitFor();

    // Someone removes the submission's entry from the history on the server: both devices find it.
    await rewriteOnServer(db, (c) => c.outcome.recorded?.signed?.value && everythingSigned(c), (c) => {
      const at = c.events.findIndex((e) => e.what === 'Submitted for gatekeeping');
      c.events.splice(at, 1);
    });
    for (const page of [officerPage, spoPage]) {
      await page.goto(taskList.replace(/\/?$/, '/history'));
      await heading(page, 'History of changes');
      await page.getByRole('heading', { name: 'The history of this case was changed outside the app' }).waitFor({ timeout: 30000 });
      await page.getByText('Entries that no longer match').first().waitFor();
    }
    assert.deepEqual(await axeViolations(officerPage), []);
    await closeWithoutProblems([officerPage, spoPage], /status of 404/);
  });

  test("a member leaves the team (their key revoked by the administrator): their endorsement of a case with no outcome yet needs endorsing again, and a later one does not count", async () => {
    const db = 'revokeshire-court-team';
    await team.createDatabase(db, ['olu', 'sam']);
    const officerPage = await freshPage(env.browser);
    const spoPage = await freshPage(env.browser);
    await joinTeam(officerPage, { database: db, name: 'olu', password: PASSWORD });
    await joinTeam(spoPage, { database: db, name: 'sam', password: SAM_PASSWORD });
    await spoPage.getByText('Registered with your team.', { exact: false }).waitFor();
    const officer = mouse(officerPage);
    const taskList = await completeAndAskForGatekeeping(officer, env.base, 'Please check the address.');

    // sam endorses while still a member: it reaches the officer's device verified.
    const endorse = async () => {
      await spoPage.getByRole('link', { name: 'Gatekeeping queue' }).click();
      await heading(spoPage, 'Gatekeeping queue');
      await spoPage.getByRole('link', { name: ALEX.name }).click({ timeout: 30000 });
      await heading(spoPage, 'Gatekeeping review');
      await spoPage.getByLabel('Endorse the case').check();
      await spoPage.getByRole('button', { name: 'Record your decision' }).click();
      await spoPage.getByText('No cases are waiting for gatekeeping.').waitFor();
    };
    await endorse();
    await officerPage.goto(taskList);
    await officerPage.getByText('Endorsed by a senior probation officer.').waitFor({ timeout: 30000 });
    await officerPage.getByText("Decided by sam (senior probation officer) (signature verified against the team's keys).").waitFor();
    const [{ value: { rev: endorsed } }] = (await team.shared(db)).rows;

    // sam leaves the team before the outcome is recorded: the administrator revokes sam's key
    // (a member cannot: see team-keys.test.mjs). The case itself does not change on the server.
    const keys = (await team.read(`/${db}/_all_docs?include_docs=true`)).rows.map((r) => r.doc).filter((d) => d._id.startsWith('psc-key-sam-'));
    assert.equal(keys.length, 1);
    await team.write(`/${db}/${keys[0]._id}`, { ...keys[0], revoked: new Date().toISOString() });

    // Both devices judge the case again: it needs endorsing again, and says why.
    const left = /sam has left the team: their key was revoked on \d+ \w+ \d{4}/;
    await officerPage.getByText('The endorsement could not be verified, so it does not count', { exact: false }).waitFor({ timeout: 30000 });
    await officerPage.getByText(new RegExp(`Decided by sam \\(senior probation officer\\) \\(not verified: ${left.source}\\)\\.`)).waitFor();
    assert.deepEqual(await axeViolations(officerPage), []);
    await openSection(officer, 'Outcome');
    await officerPage.getByText(new RegExp(`The senior probation officer's endorsement could not be verified: ${left.source}\\. A senior probation officer must endorse the case again`)).first().waitFor();
    await spoPage.getByRole('link', { name: 'Gatekeeping queue' }).click();
    await heading(spoPage, 'Gatekeeping queue');
    await spoPage.getByText(new RegExp(`The endorsement could not be verified: ${left.source}\\. It needs endorsing again\\.`)).waitFor({ timeout: 30000 });
    assert.deepEqual(await axeViolations(spoPage), []);
    // Only each device's own verdicts changed: neither sent the team a new version for them.
    for (const page of [officerPage, spoPage]) {
      await teamSync.openTeamSync(page, env.base, { off: false });
      await teamSync.allSent(page);
    }
    assert.deepEqual((await team.shared(db)).rows.map((r) => r.value.rev), [endorsed]);

    // sam's device still endorses the case; that does not count on the officer's device either.
    await endorse();
    await officerPage.goto(taskList.replace(/\/?$/, '/history'));
    await heading(officerPage, 'History of changes');
    const notCounted = officerPage.getByText(new RegExp(`by sam \\(senior probation officer\\) \\(not verified: ${left.source}\\)`));
    await eventually(async () => (await notCounted.count()) === 2, 'both endorsements marked not verified', 30000);
    await officerPage.goto(taskList);
    await officerPage.getByText('The endorsement could not be verified, so it does not count', { exact: false }).waitFor();
    assert.deepEqual(await axeViolations(officerPage), []);
    await openSection(officer, 'Outcome');
    await recordSuitable(officer, 'Endorsed by sam.');
    const summary = officerPage.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    assert.match(await summary.innerText(), /You cannot record a curfew as suitable while 1 check is outstanding/);
    assert.equal(await officerPage.getByText('Outcome recorded: Curfew suitable').count(), 0);
    await officerPage.setViewportSize({ width: 320, height: 800 });
    assert.deepEqual(await axeViolations(officerPage), []);
    await closeWithoutProblems([officerPage, spoPage], /status of 404/);
  });
  test("a member the administrator gave no role signs in: the server refuses their signing key, and the Team sync page says so and what to do", async () => {
    const db = 'norole-court-team';
    await team.createUser('kit', 'kit-team-password-1', []);
    await team.createDatabase(db, ['olu', 'kit']);
    const page = await freshPage(env.browser);
    await joinTeam(page, { database: db, name: 'kit', password: 'kit-team-password-1' });
    const row = page.locator('.govuk-summary-list__row').filter({ has: page.getByText('Your signing key', { exact: true }) });
    await eventually(async () => (await row.innerText()).includes("Your team's server refused it: A signing key must name at least one role. Your decisions will not count on other devices until it is registered. Tell your administrator."), 'the refusal is shown', 30000);
    const keys = (await team.read(`/${db}/_all_docs`)).rows.filter((r) => r.id.startsWith('psc-key-'));
    assert.deepEqual(keys, []);
    assert.deepEqual(await axeViolations(page), []);
    await page.setViewportSize({ width: 320, height: 800 });
    assert.deepEqual(await axeViolations(page), []);
    await closeWithoutProblems([page], /status of (403|404)/);
  });
});
