// Trunk post-build hook (see Trunk.toml). Runs on the staged build before it becomes dist/:
//  0. puts in the split modules and their loader, shortens the names the main module imports
//     from its glue, and minifies the JavaScript (terser);
//  1. adds a strict Content-Security-Policy to index.html, allowing Trunk's one inline loader
//     script by its hash and nothing else inline;
//  2. writes the service worker's version and the list of files it keeps for offline use;
//  3. writes a brotli (.br) and a gzip (.gz) copy beside each text and wasm file, for a server
//     to send instead when the browser accepts it (scripts/static-server.mjs does; so can nginx
//     or Caddy, see the README).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { minify } from 'terser';
import { shortenImports } from './short-imports.mjs';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('post-build: TRUNK_STAGING_DIR is not set');

/** A file's Subresource Integrity value, as Trunk writes it. */
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

// 0. The split module (pages loaded on first use) and its loader, from scripts/bin/wasm-bindgen,
//    optimised like the main module. The loader imports the main JS by its hashed name.
const splitDir = join(process.env.TRUNK_SOURCE_DIR ?? '.', 'target', 'wasm-split');
const mainJs = html.match(/\/(presentence_checks-[0-9a-f]+\.js)/)[1];
for (const f of readdirSync(splitDir)) {
  if (f === 'presentence_checks.wasm') continue;
  if (f.endsWith('.wasm')) {
    execFileSync('wasm-opt', ['-Oz', '--enable-bulk-memory', '--enable-reference-types', '--enable-sign-ext',
      '--enable-nontrapping-float-to-int', '--enable-multivalue', '--enable-mutable-globals',
      '--strip-debug', join(splitDir, f), '-o', join(dir, f)]);
  } else if (f.endsWith('.js')) {
    const loader = readFileSync(join(splitDir, f), 'utf8').replace('"./presentence_checks.js"', `"./${mainJs}"`);
    writeFileSync(join(dir, f), loader);
  }
}

// 0a. Short names for the main module's imports from its glue (see short-imports.mjs).
const mainWasm = mainJs.replace(/\.js$/, '_bg.wasm');
const short = shortenImports(readFileSync(join(dir, mainWasm)), readFileSync(join(dir, mainJs), 'utf8'));
writeFileSync(join(dir, mainWasm), short.wasm);
writeFileSync(join(dir, mainJs), short.js);
html = html.replace(new RegExp(`(href="/${mainWasm}"[^>]*integrity=")sha384-[^"]+"`), `$1${sri(short.wasm)}"`);

// 0b. Minified JavaScript: wasm-bindgen's glue, the split loader and our own scripts (their
//     readable sources are in public/), about 5 KB less of the first download gzipped. Names a
//     classic script leaves global are kept; so are a module's exports. A file Trunk gave an
//     integrity hash gets the new file's hash.
for (const f of readdirSync(dir).filter((f) => f.endsWith('.js') && f !== 'sw.js')) {
  const path = join(dir, f);
  const module = f === mainJs || f === '__wasm_split.js';
  const { code } = await minify(readFileSync(path, 'utf8'), { module, compress: true, mangle: true });
  writeFileSync(path, code);
  const name = f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  html = html.replace(new RegExp(`(href="/${name}"[^>]*integrity=")sha384-[^"]+"`), `$1${sri(Buffer.from(code))}"`);
}
// Every integrity hash in the page must match its file as shipped, or the browser refuses it.
for (const [, file, hash] of html.matchAll(/href="\/([^"]+)"[^>]*integrity="sha384-([^"]+)"/g)) {
  const actual = createHash('sha384').update(readFileSync(join(dir, file))).digest('base64');
  if (actual !== hash) throw new Error(`post-build: the integrity hash of ${file} does not match the file`);
}

// 1. Content-Security-Policy. The app talks only to its own address, and to the team servers
//    named at build time (PSC_TEAM_SERVERS, their https:// origins, space-separated) for a team
//    whose CouchDB is not behind the app's own address (see the README's team sync section).
const teamServers = (process.env.PSC_TEAM_SERVERS ?? '').split(/\s+/).filter(Boolean);
for (const origin of teamServers) {
  if (!/^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(origin)) {
    throw new Error(`post-build: PSC_TEAM_SERVERS: "${origin}" is not an https:// origin (like https://team.example.org)`);
  }
}
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const hashes = inline.map((body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  `connect-src 'self' ${teamServers.join(' ')}`.trim(),
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');
html = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\s*/g, '');
if (!html.includes('<meta charset="utf-8">')) {
  // Never ship the page without its policy (a minified page, say, writes the tag differently).
  throw new Error('index.html has no <meta charset="utf-8"> to put the Content-Security-Policy after');
}
html = html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n    <meta http-equiv="Content-Security-Policy" content="${policy}">`);
writeFileSync(indexPath, html);

// 2. Service worker: every file of this release, and a version that changes with any of them.
// Every file, including wasm-bindgen's JS snippets in snippets/.
const walk = (sub) =>
  readdirSync(join(dir, sub)).flatMap((f) => {
    const path = sub ? `${sub}/${f}` : f;
    return statSync(join(dir, path)).isDirectory() ? walk(path) : [path];
  });
const files = walk('').filter((f) => f !== 'sw.js').sort();
const version = createHash('sha256');
for (const f of files) version.update(f).update(readFileSync(join(dir, f)));
const assets = files.map((f) => `/${f}`);
const swPath = join(dir, 'sw.js');
const sw = readFileSync(swPath, 'utf8')
  .replace('__VERSION__', version.digest('hex').slice(0, 16))
  .replace('__ASSETS__', JSON.stringify(assets));
writeFileSync(swPath, sw);
console.log(`post-build: CSP with ${hashes.length} inline script hash(es); service worker lists ${assets.length} files`);

// 3. Compressed copies, made last so that they match the files as shipped.
const compressible = /\.(html|js|css|wasm|json|webmanifest|svg|txt)$/;
let plain = 0;
let brotli = 0;
for (const f of walk('').filter((f) => compressible.test(f))) {
  const body = readFileSync(join(dir, f));
  const br = brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  });
  writeFileSync(join(dir, `${f}.br`), br);
  writeFileSync(join(dir, `${f}.gz`), gzipSync(body, { level: 9 }));
  plain += body.length;
  brotli += br.length;
}
console.log(`post-build: compressed copies written (${(plain / 1024).toFixed(0)} KB as ${(brotli / 1024).toFixed(0)} KB brotli)`);
