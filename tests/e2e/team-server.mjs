// A court team's server for the team sync tests: PouchDB Server (npm, CouchDB-compatible), in
// memory, on a free loopback port, started in a temporary folder (it writes config.json and
// log.txt where it starts) and stopped at the end. Accounts and the team database are made as
// an administrator makes them on CouchDB: the app itself never creates a database.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = join(root, 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server');

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

/** Starts the server; returns { origin, createDatabase, createUser, stop }. */
export async function startTeamServer() {
  const dir = mkdtempSync(join(tmpdir(), 'psc-team-server-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [bin, '-m', '-n', '-p', String(port), '-o', '127.0.0.1'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((ok) => child.once('exit', ok));
  for (let tries = 0; ; tries += 1) {
    try {
      if ((await fetch(`${origin}/`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (tries > 150 || child.exitCode !== null) throw new Error('PouchDB Server did not start');
    await new Promise((ok) => setTimeout(ok, 100));
  }
  const admin = { Authorization: `Basic ${Buffer.from(`${ADMIN}:${ADMIN_PASSWORD}`).toString('base64')}`, 'Content-Type': 'application/json' };
  const put = async (path, body, headers = admin) => {
    const answer = await fetch(`${origin}${path}`, { method: 'PUT', headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!answer.ok) throw new Error(`PUT ${path}: ${answer.status} ${await answer.text()}`);
    return answer.json();
  };
  // The first administrator ends "admin party" (anyone an administrator).
  await put(`/_config/admins/${ADMIN}`, ADMIN_PASSWORD, { 'Content-Type': 'application/json' });
  return {
    origin,
    /** Makes a database that only these users may use. */
    async createDatabase(name, members) {
      await put(`/${name}`);
      await put(`/${name}/_security`, { admins: { names: [], roles: [] }, members: { names: members, roles: [] } });
    },
    /** Reads from the server as its administrator (what anyone with the server's disk sees). */
    async read(path) {
      const answer = await fetch(`${origin}${path}`, { headers: admin });
      if (!answer.ok) throw new Error(`GET ${path}: ${answer.status} ${await answer.text()}`);
      return answer.json();
    },
    async createUser(name, password) {
      await put(`/_users/org.couchdb.user:${name}`, { name, password, roles: [], type: 'user' });
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill();
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
