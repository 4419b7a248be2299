// What the team sync tests share: the team's accounts and passphrase (all invented), and
// signing a device in to its team as a person would, by role and label.
import assert from 'node:assert/strict';
import { eventually } from './support.mjs';
import { ALEX, choose, heading, openSection, saveAndContinue } from './officer.mjs';

export const PASSWORD = 'olu-team-password-1';
export const TEAM_PASSPHRASE = 'northshire team passphrase, never written down';
export const BANNER = 'This case was changed on this device and another device of your team at the same time.';

/** Opens "Team sync" from "Data on this device", as a person would. */
export async function openTeamSync(page, base, { off = true } = {}) {
  await page.goto(`${base}/data`);
  await heading(page, 'Data on this device');
  await page.getByText(off ? 'Team sync is off. Cases are stored only on this device.' : 'Team sync is set up on this device.').waitFor();
  await page.getByRole('link', { name: 'Team sync settings' }).click();
  await heading(page, 'Team sync');
}

export async function signIn(page, { address = '/couchdb', database = 'northshire-court-team', name = 'olu', password = PASSWORD, passphrase = TEAM_PASSPHRASE } = {}) {
  await page.getByLabel('Team server address').fill(address);
  await page.getByLabel('Team database').fill(database);
  await page.getByLabel('Your user name').fill(name);
  await page.getByLabel('Your password').fill(password);
  await page.getByLabel('Team passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export const NO_TEAM = 'This team database has no team passphrase yet. If you are the first of your team to sign in, say so below, enter your password and team passphrase again, and sign in. If not, ask your administrator';
export const START = 'Yes, I am the first of my team: set this team passphrase for everyone';

/**
 * Signs in on "Team sync" and waits for the first round to finish. The first device of a team
 * is told the team has no passphrase yet, and starts it, as a person would.
 */
export async function joinTeam(page, base, who) {
  await openTeamSync(page, base);
  const fields = { database: 'eastshire-court-team', ...who };
  await signIn(page, fields);
  const success = page.getByRole('region', { name: 'Success' });
  const noTeam = page.getByRole('alert').getByRole('link', { name: NO_TEAM });
  await success.or(noTeam).waitFor();
  if (await noTeam.isVisible()) {
    await page.getByLabel(START).check();
    await signIn(page, fields);
    await success.waitFor();
  }
  await page.getByText('Syncing in the background while the app is open.').waitFor();
}

/** From the case's task list: changes the court (answering the rest of that page), back to the task list. */
export async function changeCourt(actor, court) {
  await openSection(actor, 'Hearing, risk and orders');
  await actor.page.getByLabel('Court').fill(court);
  for (const domain of ['Risk to children', 'Risk to the public', 'Risk to a known adult', 'Risk to staff']) {
    await choose(actor, actor.page, domain, 'Low');
  }
  await choose(actor, actor.page, 'Does any order protect someone from this person?', 'No');
  await saveAndContinue(actor);
  await heading(actor.page, ALEX.name);
}

/** Waits until the Team sync page (open) says nothing waits to be sent: the server has it all. */
export async function allSent(page, ms = 30000) {
  const row = page.locator('.govuk-summary-list__row').filter({ hasText: 'Changes waiting to be sent' });
  await eventually(async () => /sent\s*0$/.test((await row.innerText()).trim()), 'nothing waits to be sent', ms);
}

/** Each page logged no error but those `allowed` (the server's expected answers); then closed. */
export async function closeWithoutProblems(pages, allowed) {
  for (const page of pages) assert.deepEqual(page.problems.filter((p) => !allowed.test(p)), []);
  for (const page of pages) await page.context().close();
}

/**
 * A third client that knows the team passphrase (as PouchDB in Node, or any program written to
 * the README's description would): opens and seals versions of team documents as the app does.
 * `keyRecord` is the database's `_local/psc-team-key`.
 */
export async function teamCrypto(keyRecord, passphrase = TEAM_PASSPHRASE) {
  const subtle = globalThis.crypto.subtle;
  const text = new TextEncoder();
  const bytes = (b64) => Uint8Array.from(Buffer.from(b64, 'base64'));
  const bits = await subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: bytes(keyRecord.salt), iterations: keyRecord.rounds },
    await subtle.importKey('raw', text.encode(passphrase), 'PBKDF2', false, ['deriveBits']),
    256,
  );
  const teamKey = await subtle.importKey('raw', bits, 'HKDF', false, ['deriveKey']);
  const recordKey = (salt) => subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt, info: text.encode('psc case record') }, teamKey, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const revisionKey = await subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: text.encode('psc team revisions') }, teamKey, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']);
  const bound = (id, rev) => text.encode(`psc team ${id} revision ${rev}`);
  return {
    /** The plain text of a sealed version (its envelope, padded), or throws if it does not open. */
    async open(id, rev, sealedJson) {
      const sealed = JSON.parse(sealedJson);
      const plain = await subtle.decrypt({ name: 'AES-GCM', iv: bytes(sealed.iv), additionalData: bound(id, rev) }, await recordKey(bytes(sealed.salt)), bytes(sealed.data));
      return new TextDecoder().decode(plain);
    },
    /**
     * A version of document `id` after `parent` (a revision, or null), holding `change` (the
     * envelope without `psc`): the document to store with `new_edits: false`.
     */
    async seal(id, parent, change) {
      const envelope = { psc: 2, ...change };
      const message = `psc revision\n${envelope.kind}\n${envelope.count}\n${envelope.after.join(',')}\n${envelope.case ?? ''}`;
      const hash = Buffer.from(await subtle.sign('HMAC', revisionKey, text.encode(message))).subarray(0, 16).toString('hex');
      const [generation, parentHash] = parent ? parent.split('-') : [0, null];
      const rev = `${Number(generation) + 1}-${hash}`;
      const plain = JSON.stringify(envelope);
      const padded = plain.padEnd(Math.ceil(plain.length / 4096) * 4096, ' ');
      const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
      const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
      const data = await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: bound(id, rev) }, await recordKey(salt), text.encode(padded));
      const sealed = { v: 2, salt: Buffer.from(salt).toString('base64'), iv: Buffer.from(iv).toString('base64'), data: Buffer.from(data).toString('base64') };
      const ids = parentHash ? [hash, parentHash] : [hash];
      return { _id: id, _rev: rev, _revisions: { start: Number(generation) + 1, ids }, sealed: JSON.stringify(sealed), ...(envelope.kind === 'case' ? {} : { _deleted: true }) };
    },
  };
}
