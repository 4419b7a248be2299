// Passphrase protection for stored cases, with the browser's Web Crypto.
//
// The passphrase is stretched once with PBKDF2 (SHA-256, 600,000 rounds, a random salt kept in
// `psc.lock`) into a master key that stays in this tab's memory only. Each record is sealed with
// its own AES-GCM key, derived from the master key with HKDF and a fresh random salt, and a
// fresh random IV: salt and IV are stored beside the sealed data. A known text sealed the same
// way in `psc.lock` tells a right passphrase from a wrong one.
//
// A record is also bound to what it is (for a case: its id and revision), given as AES-GCM's
// additional data: moved under another case's key, or given another revision, it does not open.
// Records sealed before this (no `v`) open without it; the app then checks the case inside.
const CHECK = 'psc passphrase check';
const ROUNDS = 600000;
const encoder = new TextEncoder();
const decoder = new TextDecoder();
let master = null;

const random = (n) => crypto.getRandomValues(new Uint8Array(n));

function toBase64(bytes) {
  let text = '';
  for (let i = 0; i < bytes.length; i += 1) text += String.fromCharCode(bytes[i]);
  return btoa(text);
}

function fromBase64(text) {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

async function stretch(passphrase, salt, rounds) {
  const base = await crypto.subtle.importKey('raw', encoder.encode(passphrase), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: rounds }, base, 256);
  return crypto.subtle.importKey('raw', bits, 'HKDF', false, ['deriveKey']);
}

function recordKey(key, salt) {
  const params = { name: 'HKDF', hash: 'SHA-256', salt, info: encoder.encode('psc case record') };
  return crypto.subtle.deriveKey(params, key, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

function gcm(iv, bound) {
  return bound === undefined ? { name: 'AES-GCM', iv } : { name: 'AES-GCM', iv, additionalData: encoder.encode(bound) };
}

async function close(key, text, bound) {
  const salt = random(16);
  const iv = random(12);
  const data = await crypto.subtle.encrypt(gcm(iv, bound), await recordKey(key, salt), encoder.encode(text));
  const sealed = { salt: toBase64(salt), iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
  return bound === undefined ? sealed : { v: 2, ...sealed };
}

async function open(key, sealed, bound) {
  const aes = await recordKey(key, fromBase64(sealed.salt));
  const params = gcm(fromBase64(sealed.iv), sealed.v === 2 ? bound : undefined);
  return decoder.decode(await crypto.subtle.decrypt(params, aes, fromBase64(sealed.data)));
}

// With a stored lock record: checks the passphrase and, if right, keeps the key and returns the
// record; if wrong, returns null and keeps nothing. Without one: makes a new record for this
// passphrase, keeps the key and returns the record to store.
export async function unlock(passphrase, recordJson) {
  if (recordJson) {
    const record = JSON.parse(recordJson);
    const key = await stretch(passphrase, fromBase64(record.salt), record.rounds);
    try {
      if ((await open(key, record.check)) !== CHECK) return null;
    } catch {
      return null;
    }
    master = key;
    return recordJson;
  }
  const salt = random(16);
  const key = await stretch(passphrase, salt, ROUNDS);
  const record = { version: 1, salt: toBase64(salt), rounds: ROUNDS, check: await close(key, CHECK) };
  master = key;
  return JSON.stringify(record);
}

export async function seal(text, bound) {
  if (!master) throw new Error('locked');
  return JSON.stringify(await close(master, text, String(bound)));
}

export async function unseal(sealedJson, bound) {
  if (!master) throw new Error('locked');
  return open(master, JSON.parse(sealedJson), String(bound));
}

export function forget() {
  master = null;
}

// Team sync (team.js) seals the documents it sends the same way, with the team's own key.
export { stretch, close as sealWith, open as openWith, random, toBase64, fromBase64, CHECK };
