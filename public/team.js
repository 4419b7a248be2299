// Team sync's conversations with the team's CouchDB server, loaded only when team sync is used
// (through start.js): signing in, the team passphrase and its key, sealing and opening each
// case's document, and the single requests of a replication round (what to ask and what to do
// with the answers is decided in src/storage/sync/). Each answer is a plain word or the
// server's own status and text.
//
// The password goes to the server once, in the body of CouchDB's own sign-in (`POST
// /_session`), and is never kept: the server answers with a session cookie that the browser
// holds. The app never creates a database (an administrator does), and asks only for the
// one it was given.
const JSON_HEADERS = { 'Content-Type': 'application/json', Accept: 'application/json' };

/** The server's address as an absolute URL without a trailing slash, or null. */
function base(address) {
  try {
    return new URL(address, location.href).href.replace(/\/+$/, '');
  } catch {
    return null;
  }
}

/**
 * Whether this page may talk to `address`: its own origin, or an origin its
 * Content-Security-Policy lists in connect-src (set when the app was built).
 */
export function allowed(address) {
  const url = base(address);
  if (!url) return false;
  const origin = new URL(url).origin;
  if (origin === location.origin) return true;
  const policy = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? '';
  const connect = policy.split(';').map((d) => d.trim().split(/\s+/)).find((d) => d[0] === 'connect-src') ?? [];
  return connect.slice(1).some((source) => source.replace(/\/+$/, '') === origin);
}

// Every request this tab has in flight to the team's server, stopped together when the person
// signs out: a late answer could otherwise bring a fresh session cookie after the session was
// ended. After signing out, nothing more is asked until the next sign-in.
let inFlight = new AbortController();
let signedOut = false;

async function call(address, path, init = {}) {
  try {
    const response = await fetch(base(address) + path, { credentials: 'include', cache: 'no-store', signal: inFlight.signal, ...init });
    // A proxy in front of the server answers these when the server itself is down.
    return [502, 503, 504].includes(response.status) ? null : response;
  } catch {
    return null;
  }
}

/**
 * Signs in with a CouchDB account and checks access to the team database. Without a name and
 * password, the organisation's own sign-in (CouchDB's JWT or proxy authentication, in front of
 * the server) must already have said who this is: nothing is posted, and `/_session` is only
 * read. Answers 'ok', 'blocked', 'unreachable', 'not-couchdb', 'wrong-password',
 * 'not-signed-in', 'no-database' or 'no-access'.
 */
export async function signIn(address, database, name, password) {
  if (!allowed(address)) return 'blocked';
  signedOut = false;
  if (name === '' && password === '') {
    const who = await call(address, '/_session', { headers: JSON_HEADERS });
    if (!who) return 'unreachable';
    const answer = await who.json().catch(() => null);
    if (!who.ok || answer?.ok !== true) return 'not-couchdb';
    if (typeof answer.userCtx?.name !== 'string' || !answer.userCtx.name) return 'not-signed-in';
  } else {
    const session = await call(address, '/_session', {
      method: 'POST',
      headers: JSON_HEADERS,
      body: JSON.stringify({ name, password }),
    });
    if (!session) return 'unreachable';
    if (session.status === 401) return 'wrong-password';
    const answer = await session.json().catch(() => null);
    if (!session.ok || answer?.ok !== true) return 'not-couchdb';
  }
  const db = await call(address, `/${encodeURIComponent(database)}/`, { headers: JSON_HEADERS });
  if (!db) return 'unreachable';
  // Signed in a moment ago: CouchDB answers 403 to a non-member, PouchDB Server 401.
  if (db.status === 401 || db.status === 403) return 'no-access';
  if (db.status === 404) return 'no-database';
  return db.ok ? 'ok' : 'not-couchdb';
}

/**
 * Who the server says is signed in: CouchDB's `/_session` user context as JSON text
 * ('{"name":…,"roles":[…]}'), or '' when no one is (or the server cannot be reached). The same
 * answer comes whether the server checked a password, a JWT or a proxy's headers.
 */
export async function session(address) {
  if (signedOut || !allowed(address)) return '';
  const answer = await call(address, '/_session', { headers: JSON_HEADERS });
  if (!answer?.ok) return '';
  const ctx = (await answer.json().catch(() => null))?.userCtx;
  if (typeof ctx?.name !== 'string' || !ctx.name) return '';
  const roles = Array.isArray(ctx.roles) ? ctx.roles.filter((r) => typeof r === 'string') : [];
  return JSON.stringify({ name: ctx.name, roles });
}

/**
 * Ends the session on the server (the browser forgets its cookie), after stopping every
 * request in flight; the team's key is forgotten too.
 */
export async function signOut(address) {
  signedOut = true;
  inFlight.abort();
  inFlight = new AbortController();
  await forgetKey();
  if (allowed(address)) await call(address, '/_session', { method: 'DELETE', headers: JSON_HEADERS });
  return 'ok';
}

// ---- Replication: the app's side of CouchDB's protocol, one request at a time. -------------

/**
 * One request to the team database: answers [status, body text], or null when the server could
 * not be reached. `path` follows the database's name (`/_changes?...`).
 */
export async function request(address, database, method, path, body) {
  if (signedOut || !allowed(address)) return null;
  const init = { method, headers: JSON_HEADERS };
  if (body !== undefined) init.body = body;
  const answer = await call(address, `/${encodeURIComponent(database)}${path}`, init);
  if (!answer) return null;
  return [answer.status, await answer.text().catch(() => '')];
}

// ---- The team passphrase: the key every device of the team seals cases with. ---------------
//
// Stretched with PBKDF2 as the device lock is (lock.js), with a salt every device must share:
// it is kept on the team's server in a `_local/` document (never replicated, and holding no
// case), with a known text sealed by the key, which tells a right passphrase from a wrong one.
// The key is kept on the device only as a non-extractable Web Crypto key (no script can read
// it out) in its own IndexedDB database, so sync starts again by itself when the app opens; not
// while the device's cases are protected with a passphrase (then it stays in this tab's memory,
// and the team passphrase is asked for again), and never after "Stop team sync".
const KEY_DOC = '/_local/psc-team-key';
const KEPT = 'psc-team-key';
let teamKey = null;

function kept(mode, act) {
  return new Promise((ok, fail) => {
    const opening = indexedDB.open(KEPT, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore('keys');
    opening.onerror = () => fail(opening.error);
    opening.onsuccess = () => {
      const db = opening.result;
      const tx = db.transaction('keys', mode);
      const request = act(tx.objectStore('keys'));
      tx.oncomplete = () => {
        db.close();
        ok(request.result);
      };
      tx.onerror = () => fail(tx.error);
    };
  });
}

/** Forgets the team's key on this device (and in this tab). */
export async function forgetKey() {
  teamKey = null;
  try {
    await kept('readwrite', (keys) => keys.delete('team'));
  } catch {
    // Nothing kept.
  }
  return 'ok';
}

// The rounds this app stretches a team passphrase with, and the most it accepts from the server:
// the key record is readable and writable by every member and the administrator, and a huge
// count would stall every device that signs in.
const ROUNDS = 600000;
const MOST_ROUNDS = 2000000;

/** Whether a key record on the server is one this app makes: its salt, rounds and check. */
function ourKeyRecord(record) {
  return (
    record !== null &&
    typeof record === 'object' &&
    typeof record.salt === 'string' &&
    /^[A-Za-z0-9+/]{22,}={0,2}$/.test(record.salt) &&
    Number.isInteger(record.rounds) &&
    record.rounds >= ROUNDS &&
    record.rounds <= MOST_ROUNDS &&
    record.check !== null &&
    typeof record.check === 'object'
  );
}

// The key record this device joined with, as the same text every time (it holds no secret: every
// member and the administrator can read it). A device that has joined never takes up another
// one without a person choosing to: a missing or changed record would split the team.
const JOINED = 'psc.sync.keyrecord';

function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const fingerprint = (record) => canonical({ salt: record.salt, rounds: record.rounds, check: record.check });

/**
 * Opens the team's key with the passphrase. Answers 'ok' (or 'new' if this device set the
 * team's passphrase, as the first of the team: only when `start`, a person's choice),
 * 'wrong-passphrase', 'not-ours' (a key record this app does not make), 'no-team' (none yet,
 * and no choice to start one), 'key-missing' or 'key-changed' (not the record this device
 * joined with), 'unreachable' or 'refused'.
 */
export async function openKey(address, database, passphrase, keep, start) {
  const joined = localStorage.getItem(JOINED);
  const hold = async (key) => {
    teamKey = key;
    if (keep) await kept('readwrite', (keys) => keys.put(key, 'team')).catch(() => {});
    else await forgetKey().then(() => (teamKey = key));
  };
  const lock = await import('/lock.js');
  for (let tries = 0; tries < 2; tries += 1) {
    const got = await request(address, database, 'GET', KEY_DOC);
    if (!got) return 'unreachable';
    const [status, text] = got;
    if (status === 200) {
      let record;
      try {
        record = JSON.parse(text);
      } catch {
        return 'not-ours';
      }
      if (!ourKeyRecord(record)) return 'not-ours';
      if (joined !== null && joined !== fingerprint(record)) return 'key-changed';
      const key = await lock.stretch(passphrase, lock.fromBase64(record.salt), record.rounds);
      try {
        if ((await lock.openWith(key, record.check)) !== lock.CHECK) return 'wrong-passphrase';
      } catch {
        return 'wrong-passphrase';
      }
      await hold(key);
      localStorage.setItem(JOINED, fingerprint(record));
      return 'ok';
    }
    if (status !== 404) return 'refused';
    if (joined !== null) return 'key-missing';
    if (!start) return 'no-team';
    const salt = lock.random(16);
    const rounds = ROUNDS;
    const key = await lock.stretch(passphrase, salt, rounds);
    const record = { salt: lock.toBase64(salt), rounds, check: await lock.sealWith(key, lock.CHECK) };
    const made = await request(address, database, 'PUT', KEY_DOC, JSON.stringify(record));
    if (!made) return 'unreachable';
    // Another device of the team set it a moment ago: check this passphrase against theirs.
    if (made[0] === 409) continue;
    if (made[0] !== 201 && made[0] !== 200) return 'refused';
    await hold(key);
    localStorage.setItem(JOINED, fingerprint(record));
    return 'new';
  }
  return 'refused';
}

/**
 * Whether the team's key record on the server is still the one this device joined with:
 * 'same', 'missing', 'changed' or 'unreachable'. (A device that joined before this was kept
 * takes the record it finds.)
 */
export async function keyRecordHeld(address, database) {
  const got = await request(address, database, 'GET', KEY_DOC);
  if (!got) return 'unreachable';
  const [status, text] = got;
  if (status === 404) return 'missing';
  if (status !== 200) return 'unreachable';
  let now;
  try {
    now = fingerprint(JSON.parse(text));
  } catch {
    return 'changed';
  }
  const joined = localStorage.getItem(JOINED);
  if (joined === null) localStorage.setItem(JOINED, now);
  return joined === null || joined === now ? 'same' : 'changed';
}

/** Whether this tab holds the team's key: given in this tab, or kept on the device. */
export async function keyOpen() {
  if (!teamKey) teamKey = (await kept('readonly', (keys) => keys.get('team')).catch(() => null)) ?? null;
  return teamKey !== null;
}

/** Seals a case for the team, bound to its document and revision (AES-GCM additional data). */
export async function seal(text, bound) {
  if (!teamKey) throw new Error('no team key');
  const lock = await import('/lock.js');
  return JSON.stringify(await lock.sealWith(teamKey, text, String(bound)));
}

/** Opens a sealed team document, or answers null if it does not open as what it says it is. */
export async function unseal(sealedJson, bound) {
  if (!teamKey) throw new Error('no team key');
  const lock = await import('/lock.js');
  try {
    return await lock.openWith(teamKey, JSON.parse(sealedJson), String(bound));
  } catch {
    return null;
  }
}

/**
 * The team's keyed hash of a version's content (HMAC-SHA-256, with a key drawn from the team
 * key), as 32 hex digits: a revision's name, so that the server cannot test a guess at a case
 * against it, and the same change always has the same name.
 */
export async function revisionHash(message) {
  if (!teamKey) throw new Error('no team key');
  const params = { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: new TextEncoder().encode('psc team revisions') };
  const mac = await crypto.subtle.deriveKey(params, teamKey, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign']);
  const hash = await crypto.subtle.sign('HMAC', mac, new TextEncoder().encode(message));
  return Array.from(new Uint8Array(hash).slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}

// ---- Signing: each person's own key, so that every decision is attributable (issue 23). ------
//
// On first sign-in a device makes an ECDSA P-256 key pair for the person, keeps the private key
// as a non-extractable Web Crypto key next to the team's key, and registers the public key in
// the team database as `psc-key-<account>-<key id>`, naming the roles the server gave the
// account. The administrator's design document (couchdb/psc-keys-design.json) lets each member
// write only their own key document, only for roles they hold, and only an administrator revoke
// one. Every device checks each signed decision against these documents.
const slot = (address, database, account) => `signing ${base(address)} ${database} ${account}`;

async function sha256Hex(text) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * This person's signing key on this device, made and registered the first time. Answers JSON:
 * {"status":"ok","key":<key id>}, or {"status":"refused","reason":<the server's reason>}, or
 * {"status":"unreachable"}. `roles` is the JSON list of the account's roles for this app.
 */
export async function signingKey(address, database, account, roles) {
  const lock = await import('/lock.js');
  const where = slot(address, database, account);
  let pair = await kept('readonly', (keys) => keys.get(where)).catch(() => null);
  if (!pair) {
    const made = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    const spki = lock.toBase64(new Uint8Array(await crypto.subtle.exportKey('spki', made.publicKey)));
    pair = { privateKey: made.privateKey, spki, id: (await sha256Hex(spki)).slice(0, 32) };
    await kept('readwrite', (keys) => keys.put(pair, where));
  }
  const path = `/psc-key-${encodeURIComponent(account)}-${pair.id}`;
  const held = await request(address, database, 'GET', path);
  if (!held) return JSON.stringify({ status: 'unreachable' });
  if (held[0] === 200) return JSON.stringify({ status: 'ok', key: pair.id });
  const doc = { type: 'psc-key', account, roles: JSON.parse(roles), public_key: pair.spki, revoked: '' };
  const put = await request(address, database, 'PUT', path, JSON.stringify(doc));
  if (!put) return JSON.stringify({ status: 'unreachable' });
  if (put[0] === 201 || put[0] === 202) return JSON.stringify({ status: 'ok', key: pair.id });
  let reason = '';
  try {
    reason = String(JSON.parse(put[1]).reason ?? '');
  } catch {
    // No reason given.
  }
  return JSON.stringify({ status: 'refused', reason });
}

/** Forgets every signing key kept on this device (team sync stopped, or everything deleted). */
export async function forgetSigningKeys() {
  try {
    const names = await kept('readonly', (keys) => keys.getAllKeys());
    for (const name of names) {
      if (String(name).startsWith('signing ')) await kept('readwrite', (keys) => keys.delete(name));
    }
  } catch {
    // Nothing kept.
  }
  return 'ok';
}

/** Signs `payload` with this person's key on this device: the signature in base64, or ''. */
export async function sign(address, database, account, payload) {
  const pair = await kept('readonly', (keys) => keys.get(slot(address, database, account))).catch(() => null);
  if (!pair) return '';
  const lock = await import('/lock.js');
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, new TextEncoder().encode(payload));
  return lock.toBase64(new Uint8Array(signature));
}

/** Whether `signature` (base64) is a signature over `payload` by the public key `spki` (base64). */
const publicKeys = new Map();

export async function verify(spki, payload, signature) {
  try {
    const lock = await import('/lock.js');
    // Each case holds many signatures by few people: each key is imported once.
    let key = publicKeys.get(spki);
    if (!key) {
      key = await crypto.subtle.importKey('spki', lock.fromBase64(spki), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
      publicKeys.set(spki, key);
    }
    return await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, lock.fromBase64(signature), new TextEncoder().encode(payload));
  } catch {
    return false;
  }
}

/** A fresh random id for a team document: 32 hex digits that say nothing about the case. */
export function newId() {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

// One tab of the app syncs at a time (the others would only repeat its work): the first to ask
// holds this lock until it closes.
let leading = null;

/** Resolves once this tab is the one that syncs. */
export function lead() {
  if (!leading) {
    leading = new Promise((ok) => {
      if (!navigator.locks) return ok(true);
      navigator.locks.request('psc-team-sync', () => {
        ok(true);
        return new Promise(() => {});
      });
    });
  }
  return leading;
}
