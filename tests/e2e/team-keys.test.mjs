// The design document an administrator installs in a court team's database
// (couchdb/psc-keys-design.json): each member can register only their own signing keys, only for
// the roles their administrator gave them, and cannot change, revoke, un-revoke or remove a key;
// administrators can. The app's other documents (sealed cases, directory entries, deletions) are
// left alone. No browser: each person talks to the team's server directly with their own
// password, as the app would. Every person here is invented.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { webcrypto } from 'node:crypto';
import { startTeamServer } from './team-server.mjs';

const { subtle } = webcrypto;
const DB = 'psc-keys-team';
/** A second team whose _security names database administrators: Sam by name, trainers by role. */
const DB_WITH_ADMINS = 'psc-keys-admins';
const PASSWORDS = { olu: 'olu-team-password-1', sam: 'sam-team-password-1', tia: 'tia-team-password-1' };

/** A real ECDSA P-256 public key as the app registers it: base64 SPKI, and its key ID. */
async function newKey() {
  const pair = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const spki = Buffer.from(await subtle.exportKey('spki', pair.publicKey)).toString('base64');
  const digest = Buffer.from(await subtle.digest('SHA-256', new TextEncoder().encode(spki)));
  return { spki, keyid: digest.toString('hex').slice(0, 32) };
}

function keyDoc(account, key, roles, changes = {}) {
  return { _id: `psc-key-${account}-${key.keyid}`, type: 'psc-key', account, roles, public_key: key.spki, revoked: '', ...changes };
}

let team;
const keys = {};
before(async () => {
  team = await startTeamServer();
  await team.createUser('olu', PASSWORDS.olu, ['psc-officer']);
  await team.createUser('sam', PASSWORDS.sam, ['psc-spo']);
  await team.createUser('tia', PASSWORDS.tia, ['psc-trainer']);
  for (const db of [DB, DB_WITH_ADMINS]) {
    await team.createDatabase(db, ['olu', 'sam', 'tia']);
  }
  await team.write(`/${DB_WITH_ADMINS}/_security`, {
    admins: { names: ['sam'], roles: ['psc-trainer'] },
    members: { names: ['olu', 'sam', 'tia'], roles: [] },
  });
  // createDatabase installs the design document, as the README's set-up step does.
  for (const name of ['olu', 'oluSecond', 'oluSpo', 'oluBoth', 'oluReplicated', 'oluReplicatedSpo', 'sam', 'tia', 'tiaOfficer', 'other']) {
    keys[name] = await newKey();
  }
});
after(async () => {
  await team?.stop();
});

/** One request to the server itself, as a member (Basic auth) or as the server's administrator. */
async function call(who, method, path, body) {
  const headers = who === 'admin'
    ? team.adminHeaders
    : { Authorization: `Basic ${Buffer.from(`${who}:${PASSWORDS[who]}`).toString('base64')}`, 'Content-Type': 'application/json' };
  const answer = await fetch(`${team.direct}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await answer.text();
  return { status: answer.status, body: text ? JSON.parse(text) : null };
}

/** The document as the server holds it now (read as the administrator), or null. */
async function stored(db, id) {
  const answer = await call('admin', 'GET', `/${db}/${id}`);
  return answer.status === 200 ? answer.body : null;
}
const revOf = async (db, id) => (await stored(db, id))?._rev ?? null;

/** The key document as stored, with `changes` made to it (keeping its `_rev`). */
async function edited(db, id, changes) {
  const doc = await stored(db, id);
  assert.ok(doc, `${id} is on the server`);
  return { ...doc, ...changes };
}

const ownKey = () => keyDoc('olu', keys.olu, ['psc-officer']);
const samKey = () => keyDoc('sam', keys.sam, ['psc-spo']);
const SEALED_ID = 'a3f09c4e5b6d7e8f90a1b2c3d4e5f607';

// Each case: who asks, what they send (a document to PUT at its _id, or a DELETE), and what the
// server must answer. A refusal must be 403 with the design document's reason, and must leave
// the document as it was.
const CASES = [
  { what: 'Olu registers his own key for the role he has', as: 'olu', doc: ownKey, status: 201 },
  { what: 'Olu registers a second key of his own', as: 'olu', doc: () => keyDoc('olu', keys.oluSecond, ['psc-officer']), status: 201 },
  { what: 'Olu cannot register a key naming a role he was not given', as: 'olu', doc: () => keyDoc('olu', keys.oluSpo, ['psc-spo']), status: 403, reason: /role your administrator gave you/ },
  { what: 'Olu cannot register a key naming his role and another', as: 'olu', doc: () => keyDoc('olu', keys.oluBoth, ['psc-officer', 'psc-spo']), status: 403, reason: /role your administrator gave you/ },
  { what: 'Olu cannot write a key for Sam', as: 'olu', doc: () => keyDoc('sam', keys.other, ['psc-spo']), status: 403, reason: /your own account/ },
  { what: 'Olu cannot put his own key under a name that is Sam\'s', as: 'olu', doc: () => ({ ...keyDoc('olu', keys.other, ['psc-officer']), _id: `psc-key-sam-${keys.other.keyid}` }), status: 403, reason: /key document name/ },
  { what: 'Olu cannot name Sam as the account of a key under his own name', as: 'olu', doc: () => ({ ...keyDoc('sam', keys.other, ['psc-spo']), _id: `psc-key-olu-${keys.other.keyid}` }), status: 403, reason: /your own account/ },
  { what: 'The key ID must be 32 lowercase hexadecimal characters', as: 'olu', doc: () => ({ ...keyDoc('olu', keys.other, ['psc-officer']), _id: `psc-key-olu-${keys.other.keyid.toUpperCase()}` }), status: 403, reason: /key document name/ },
  { what: 'A key cannot sit under a longer account name that starts with Olu\'s', as: 'olu', doc: () => ({ ...keyDoc('olu', keys.other, ['psc-officer']), _id: `psc-key-olu-x-${keys.other.keyid}` }), status: 403, reason: /key document name/ },
  { what: 'A key document must have the type psc-key', as: 'olu', doc: () => keyDoc('olu', keys.other, ['psc-officer'], { type: 'key' }), status: 403, reason: /type psc-key/ },
  { what: 'A key must name at least one role', as: 'olu', doc: () => keyDoc('olu', keys.other, []), status: 403, reason: /at least one role/ },
  { what: 'A key can only name roles of this app', as: 'olu', doc: () => keyDoc('olu', keys.other, ['_admin']), status: 403, reason: /start with psc-/ },
  { what: 'A key must hold its public key', as: 'olu', doc: () => keyDoc('olu', keys.other, ['psc-officer'], { public_key: '' }), status: 403, reason: /public key/ },
  { what: 'A member cannot register a key already revoked', as: 'olu', doc: () => keyDoc('olu', keys.other, ['psc-officer'], { revoked: '2025-03-01T09:00:00.000Z' }), status: 403, reason: /Only an administrator can revoke/ },
  { what: 'Olu cannot change the public key of his key', as: 'olu', doc: async () => edited(DB, ownKey()._id, { public_key: keys.other.spki }), status: 403, reason: /cannot change the public key/ },
  { what: 'Olu cannot revoke his key himself', as: 'olu', doc: async () => edited(DB, ownKey()._id, { revoked: '2025-03-01T09:00:00.000Z' }), status: 403, reason: /Only an administrator can revoke/ },
  { what: 'Olu can rewrite his key with nothing that matters changed', as: 'olu', doc: async () => edited(DB, ownKey()._id, {}), status: 201 },
  { what: 'Olu cannot delete his key', as: 'olu', remove: () => ownKey()._id, status: 403, reason: /Only an administrator can remove/ },
  { what: 'Tia registers her own trainer key', as: 'tia', doc: () => keyDoc('tia', keys.tia, ['psc-trainer']), status: 201 },
  { what: 'Tia cannot register a key for the officer role', as: 'tia', doc: () => keyDoc('tia', keys.tiaOfficer, ['psc-officer']), status: 403, reason: /role your administrator gave you/ },
  { what: 'Sam registers his own SPO key', as: 'sam', doc: samKey, status: 201 },
  { what: 'The server administrator revokes Sam\'s key', as: 'admin', doc: async () => edited(DB, samKey()._id, { revoked: '2025-03-02T10:30:00.000Z' }), status: 201 },
  { what: 'Sam cannot cancel the revocation', as: 'sam', doc: async () => edited(DB, samKey()._id, { revoked: '' }), status: 403, reason: /has been revoked/ },
  { what: 'Sam cannot rewrite his revoked key', as: 'sam', doc: async () => edited(DB, samKey()._id, { roles: ['psc-spo'] }), status: 403, reason: /has been revoked/ },
  { what: 'Sam cannot delete his revoked key', as: 'sam', remove: () => samKey()._id, status: 403, reason: /Only an administrator can remove/ },
  { what: 'Olu can still write a sealed case', as: 'olu', doc: () => ({ _id: SEALED_ID, sealed: 'x' }), status: 201 },
  { what: 'Olu can still delete a sealed case', as: 'olu', remove: () => SEALED_ID, status: 200 },
  { what: 'Olu can still write a directory entry', as: 'olu', doc: () => ({ _id: 'psc-directory-abc', sealed: 'x' }), status: 201 },
  { what: 'Olu can still delete a directory entry', as: 'olu', remove: () => 'psc-directory-abc', status: 200 },
  { what: 'A member cannot write a design document', as: 'olu', doc: () => ({ _id: '_design/anything', validate_doc_update: 'function () {}' }), status: [401, 403] },
  // A database administrator (in the database's _security), by name or by role, may write anything.
  { what: 'In a database Sam administers, Olu registers his key', db: DB_WITH_ADMINS, as: 'olu', doc: ownKey, status: 201 },
  { what: 'A database administrator by name (Sam) revokes Olu\'s key', db: DB_WITH_ADMINS, as: 'sam', doc: async () => edited(DB_WITH_ADMINS, ownKey()._id, { revoked: '2025-03-03T08:00:00.000Z' }), status: 201 },
  { what: 'A database administrator by role (trainer) cancels the revocation', db: DB_WITH_ADMINS, as: 'tia', doc: async () => edited(DB_WITH_ADMINS, ownKey()._id, { revoked: '' }), status: 201 },
  { what: 'A database administrator may write a key for someone else', db: DB_WITH_ADMINS, as: 'tia', doc: () => keyDoc('olu', keys.other, ['psc-spo']), status: 201 },
  { what: 'A database administrator may remove a key', db: DB_WITH_ADMINS, as: 'sam', remove: () => keyDoc('olu', keys.other, [])._id, status: 200 },
  { what: 'Olu is still only a member there', db: DB_WITH_ADMINS, as: 'olu', doc: () => keyDoc('olu', keys.oluSpo, ['psc-spo']), status: 403, reason: /role your administrator gave you/ },
];

describe('signing-key documents on the team\'s server', () => {
  for (const c of CASES) {
    test(c.what, async () => {
      const db = c.db ?? DB;
      const doc = c.doc ? await c.doc() : null;
      const id = doc ? doc._id : c.remove();
      const before = await revOf(db, id);
      const answer = doc
        ? await call(c.as, 'PUT', `/${db}/${id}`, doc)
        : await call(c.as, 'DELETE', `/${db}/${id}?rev=${before}`);
      const wanted = [c.status].flat();
      assert.ok(wanted.includes(answer.status), `${c.what}: wanted ${wanted.join(' or ')}, got ${answer.status} ${JSON.stringify(answer.body)}`);
      if (answer.status >= 400) {
        if (c.reason) {
          assert.equal(answer.body.error, 'forbidden');
          assert.match(answer.body.reason, c.reason);
        }
        assert.equal(await revOf(db, id), before, 'a refused write leaves the document as it was');
      } else {
        assert.notEqual(await revOf(db, id), before, 'an accepted write is stored');
      }
    });
  }

  // The app syncs by replication: versions arrive through _bulk_docs with `new_edits: false`.
  test('replicated versions are checked too', async () => {
    const good = { ...keyDoc('olu', keys.oluReplicated, ['psc-officer']), _rev: '1-0123456789abcdef0123456789abcdef' };
    const bad = { ...keyDoc('olu', keys.oluReplicatedSpo, ['psc-spo']), _rev: '1-fedcba9876543210fedcba9876543210' };
    const answer = await call('olu', 'POST', `/${DB}/_bulk_docs`, { docs: [good, bad], new_edits: false });
    assert.equal(answer.status, 201);
    const refused = answer.body.filter((row) => row.error);
    assert.equal(refused.length, 1, JSON.stringify(answer.body));
    assert.equal(refused[0].id, bad._id);
    assert.equal(refused[0].error, 'forbidden');
    assert.match(refused[0].reason, /role your administrator gave you/);
    assert.equal(await revOf(DB, good._id), good._rev);
    assert.equal(await stored(DB, bad._id), null);
  });

  test('the keys end as the administrator and members left them', async () => {
    const olu = await stored(DB, ownKey()._id);
    assert.equal(olu.public_key, keys.olu.spki);
    assert.equal(olu.revoked, '');
    assert.deepEqual(olu.roles, ['psc-officer']);
    const sam = await stored(DB, samKey()._id);
    assert.equal(sam.revoked, '2025-03-02T10:30:00.000Z');
    assert.equal(await stored(DB, '_design/anything'), null);
    for (const name of ['oluSpo', 'oluBoth', 'other']) {
      assert.equal(await stored(DB, `psc-key-olu-${keys[name].keyid}`), null, `no key ${name} for Olu`);
    }
  });
});
