// What crosses the wire: the build writes brotli and gzip copies beside each file, and the
// static server sends the one the browser accepts (and the plain file otherwise), for app
// routes too. The app then works as usual in Chromium, which asks for brotli.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { freshPage, launch } from './support.mjs';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
let env;
before(async () => {
  env = await launch();
});
after(async () => {
  await env?.close();
});

/** GET `path` with the given Accept-Encoding: status, headers and the raw body as sent. */
function get(path, acceptEncoding) {
  return new Promise((ok, fail) => {
    const headers = acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {};
    request(`${env.base}${path}`, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', fail).end();
  });
}

test('each file goes compressed as the browser accepts it, and unchanged when it accepts none', async () => {
  const html = readFileSync(join(dist, 'index.html'));
  const wasmName = html.toString().match(/\/(presentence_checks-[0-9a-f]+_bg\.wasm)/)[1];
  const wasm = readFileSync(join(dist, wasmName));
  for (const [path, plain] of [['/', html], ['/cases/some-case/police', html], [`/${wasmName}`, wasm]]) {
    const br = await get(path, 'gzip, deflate, br');
    assert.equal(br.headers['content-encoding'], 'br', path);
    assert.match(br.headers.vary ?? '', /Accept-Encoding/);
    assert.ok(br.body.length < plain.length / 2, `${path}: ${br.body.length} bytes sent for ${plain.length}`);
    assert.ok(brotliDecompressSync(br.body).equals(plain), `${path}: brotli copy matches`);

    const gz = await get(path, 'gzip');
    assert.equal(gz.headers['content-encoding'], 'gzip', path);
    assert.ok(gunzipSync(gz.body).equals(plain), `${path}: gzip copy matches`);

    const none = await get(path, '');
    assert.equal(none.headers['content-encoding'], undefined, path);
    assert.ok(none.body.equals(plain), `${path}: sent as it is`);
  }
  const css = await get('/no-such-file.css', 'br');
  assert.equal(css.status, 200, 'an unknown path is an app route: index.html');
});

test('the app opens from compressed files', async () => {
  const page = await freshPage(env.browser);
  const sent = [];
  page.on('response', (r) => sent.push(r.headers()['content-encoding'] ?? 'none'));
  await page.goto(`${env.base}/`);
  await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
  assert.ok(sent.includes('br'), `Chromium was sent brotli: ${sent.join(', ')}`);
  assert.deepEqual(page.problems, []);
});
