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
  await page.getByLabel('Team passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in on "Team sync" and waits for the first round to finish. */
export async function joinTeam(page, base, who) {
  await openTeamSync(page, base);
  await signIn(page, { database: 'eastshire-court-team', ...who });
  await page.getByRole('region', { name: 'Success' }).waitFor();
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
