// Serves the built app from dist/ on one fixed local address. Unknown paths get index.html so
// the app's own routes work on reload. Sends the brotli or gzip copy that the build wrote beside
// a file when the browser accepts it. Node's standard library only: nothing to install.
//
//   node scripts/static-server.mjs [dir] [port]
import { createServer, request as forward } from 'node:http';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'dist');
const port = Number(process.argv[3] ?? 8080);
const host = '127.0.0.1';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
};

async function file(path) {
  try {
    const info = await stat(path);
    return info.isFile() ? path : null;
  } catch {
    return null;
  }
}

/** A compressed copy of `path` that is not older than the file itself (never a stale one). */
async function copyOf(path, ext) {
  try {
    const [plain, copy] = await Promise.all([stat(path), stat(path + ext)]);
    return copy.isFile() && copy.mtimeMs >= plain.mtimeMs ? path + ext : null;
  } catch {
    return null;
  }
}

/**
 * Passes a request on to `target` (an `http://` origin), with `prefix` taken off its path: the
 * way a web server in front of the app passes `/couchdb/` on to the team's CouchDB server, so
 * that the app talks only to its own address. A server that does not answer gets a 502.
 */
function proxy(req, res, prefix, target) {
  const upstream = new URL(req.url.slice(prefix.length - 1), target);
  const headers = { ...req.headers, host: upstream.host };
  const out = forward(upstream, { method: req.method, headers }, (answer) => {
    res.writeHead(answer.statusCode, answer.headers);
    answer.pipe(res);
  });
  out.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
    res.end('The team server did not answer.');
  });
  req.pipe(out);
}

/**
 * Serves `dir` on `listenPort`. `proxies` maps a path prefix (`/couchdb/`) to the origin its
 * requests are passed on to (used by the team sync tests).
 */
export function start(dir = root, listenPort = port, proxies = {}) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, `http://${host}`);
    const prefix = Object.keys(proxies).find((p) => url.pathname.startsWith(p));
    if (prefix) {
      proxy(req, res, prefix, proxies[prefix]);
      return;
    }
    const wanted = normalize(join(dir, decodeURIComponent(url.pathname)));
    // Never serve outside dist/; any unknown path is an app route.
    let path = wanted.startsWith(dir) ? await file(wanted) : null;
    if (!path) path = join(dir, 'index.html');
    // The compressed copy the browser accepts, if the build wrote one.
    const accepts = String(req.headers['accept-encoding'] ?? '');
    let encoding = null;
    let sent = path;
    for (const [name, ext] of [['br', '.br'], ['gzip', '.gz']]) {
      if (new RegExp(`\\b${name}\\b`).test(accepts) && (await copyOf(path, ext))) {
        encoding = name;
        sent = path + ext;
        break;
      }
    }
    const body = await readFile(sent);
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    // Trunk puts a content hash in the names of the CSS, JS and wasm: they never change, so the
    // browser may keep them. Everything else is checked each time (cheaply, by its ETag).
    const hashed = /-[0-9a-f]{8,}(_bg)?\.(css|js|wasm)$/.test(path);
    const headers = {
      'Content-Type': types[extname(path)] ?? 'application/octet-stream',
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      ETag: etag,
      Vary: 'Accept-Encoding',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    };
    if (encoding) headers['Content-Encoding'] = encoding;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(200, headers);
    res.end(body);
  });
  return new Promise((ok) => server.listen(listenPort, host, () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await start();
  console.log(`Serving ${root} at http://${host}:${port}/ (Ctrl+C to stop)`);
}
