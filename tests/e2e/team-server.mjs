// A court team's server for the team sync tests: PouchDB Server (npm, CouchDB-compatible), on a
// free loopback port, keeping its databases in a temporary folder (so it can be stopped and
// started again with everything still there, as a real server restarts), removed at the end.
// Accounts and the team database are made as an administrator makes them on CouchDB: the app
// itself never creates a database. Devices reach it through a proxy that can drop, delay, cut
// and rewrite answers (`faults`); the administrator's own calls go to the server directly.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFaultProxy } from './fault-proxy.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server');
const fix = join(root, 'tests', 'e2e', 'pouchdb-validation-fix.cjs');

const ADMIN = 'team-admin';
const ADMIN_PASSWORD = 'administrator-only-password';

function freePort() {
  return new Promise((ok, fail) => {
    const probe = createServer();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

/** Starts the server; returns { origin, createDatabase, createUser, faults, stop }. */
export async function startTeamServer() {
  const dir = mkdtempSync(join(tmpdir(), 'psc-team-server-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const proxy = await startFaultProxy(origin);
  let child;
  let exited;
  async function run() {
    // With pouchdb-validation-fix.cjs: without it, the design document would stop replicated edits.
    child = spawn(process.execPath, ['--require', fix, bin, '-n', '-p', String(port), '-o', '127.0.0.1'], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    exited = new Promise((ok) => child.once('exit', ok));
    for (let tries = 0; ; tries += 1) {
      try {
        if ((await fetch(`${origin}/`)).ok) break;
      } catch {
        // Not listening yet.
      }
      if (tries > 150 || child.exitCode !== null) throw new Error('PouchDB Server did not start');
      await new Promise((ok) => setTimeout(ok, 100));
    }
  }
  async function halt() {
    if (child.exitCode === null) {
      child.kill();
      await exited;
    }
  }
  await run();
  const admin = { Authorization: `Basic ${Buffer.from(`${ADMIN}:${ADMIN_PASSWORD}`).toString('base64')}`, 'Content-Type': 'application/json' };
  const put = async (path, body, headers = admin) => {
    const answer = await fetch(`${origin}${path}`, { method: 'PUT', headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!answer.ok) throw new Error(`PUT ${path}: ${answer.status} ${await answer.text()}`);
    return answer.json();
  };
  // The first administrator ends "admin party" (anyone an administrator).
  await put(`/_config/admins/${ADMIN}`, ADMIN_PASSWORD, { 'Content-Type': 'application/json' });
  // Kept in its configuration, as CouchDB keeps its own: sessions outlive a restart.
  await put('/_config/couch_httpd_auth/secret', 'team-server-session-secret-for-tests');
  return {
    /** Where devices reach the server: through the proxy. */
    origin: proxy.origin,
    /** The server itself, and the administrator's headers, for what a test asks it directly. */
    direct: origin,
    adminHeaders: admin,
    /** What the proxy does to each request from now on (see fault-proxy.mjs; none: nothing). */
    faults: proxy.faults,
    /** Makes a database that only these users may use. */
    async createDatabase(name, members) {
      await put(`/${name}`);
      await put(`/${name}/_security`, { admins: { names: [], roles: [] }, members: { names: members, roles: [] } });
      // The administrator's set-up step the README gives: members register only their own keys.
      await this.installKeyDesign(name);
    },
    /** Reads from the server as its administrator (what anyone with the server's disk sees). */
    async read(path) {
      const answer = await fetch(`${origin}${path}`, { headers: admin });
      if (!answer.ok) throw new Error(`GET ${path}: ${answer.status} ${await answer.text()}`);
      return answer.json();
    },
    /**
     * The team database's documents as `_all_docs` lists them, without the members' signing-key
     * documents and the administrator's design documents: what devices share.
     */
    async shared(db, includeDocs = false) {
      const all = await this.read(`/${db}/_all_docs${includeDocs ? '?include_docs=true' : ''}`);
      return { ...all, rows: all.rows.filter((r) => !r.id.startsWith('psc-key-') && !r.id.startsWith('_design/')) };
    },
    /** Writes a document as the server's administrator (as anyone with its admin password could). */
    async write(path, body) {
      return put(path, body);
    },
    /** Makes an account with the roles an administrator gives it (`psc-officer`, `psc-spo`...). */
    async createUser(name, password, roles = []) {
      await put(`/_users/org.couchdb.user:${name}`, { name, password, roles, type: 'user' });
    },
    /** Installs the design document that lets each member register only their own signing key. */
    async installKeyDesign(db) {
      const design = JSON.parse(readFileSync(join(root, 'couchdb', 'psc-keys-design.json'), 'utf8'));
      return put(`/${db}/_design/psc-keys`, design, admin);
    },
    /** Stops the server as if it went down; `start` brings it back with everything it held. */
    pause: halt,
    start: run,
    /** Stores versions with the revisions given (`new_edits: false`), as the administrator. */
    async store(db, docs) {
      const answer = await fetch(`${origin}/${db}/_bulk_docs`, { method: 'POST', headers: admin, body: JSON.stringify({ docs, new_edits: false }) });
      if (!answer.ok) throw new Error(`_bulk_docs: ${answer.status} ${await answer.text()}`);
      return answer.json();
    },
    /** Deletes a document as the administrator, with CouchDB's own unsealed deletion. */
    async remove(path) {
      const answer = await fetch(`${origin}${path}`, { method: 'DELETE', headers: admin });
      if (!answer.ok) throw new Error(`DELETE ${path}: ${answer.status} ${await answer.text()}`);
      return answer.json();
    },
    async stop() {
      await proxy.stop();
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
