// A proxy in front of the team's server that can drop, delay, cut and rewrite answers, as the
// networks of court buildings (or a hostile server) do. Every request is passed to `rule`, with
// its method, path and body; what `rule` returns is done to it:
//   undefined                 passed on as it is
//   'drop'                    never reaches the server; the connection is closed unanswered
//   'lose'                    reaches the server, which acts on it; its answer is lost
//   'cut'                     the server's answer is cut off half way
//   { delay: ms }             passed on after `ms`
//   { rewrite: (text) => t }  the server's answer (as text) is replaced by what `rewrite` gives
// A server that is down gets a 502, as a web server in front of it would answer.
import { createServer, request } from 'node:http';

export async function startFaultProxy(target) {
  let rule = () => undefined;
  const sockets = new Set();
  const server = createServer(async (req, res) => {
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const fault = rule({ method: req.method, path: req.url, body: body.toString('utf8') });
    if (fault === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault?.delay) await new Promise((ok) => setTimeout(ok, fault.delay));
    const upstream = new URL(req.url, target);
    // Plain answers (not compressed), so that they can be rewritten and cut as text.
    const headers = { ...req.headers, host: upstream.host, 'accept-encoding': 'identity' };
    const out = request(upstream, { method: req.method, headers }, async (answer) => {
      const parts = [];
      for await (const part of answer) parts.push(part);
      let text = Buffer.concat(parts);
      if (fault === 'lose') {
        req.socket.destroy();
        return;
      }
      const back = { ...answer.headers };
      if (fault?.rewrite) {
        text = Buffer.from(fault.rewrite(text.toString('utf8')), 'utf8');
        delete back.etag;
      }
      delete back['transfer-encoding'];
      back['content-length'] = String(text.length);
      res.writeHead(answer.statusCode, back);
      if (fault === 'cut') {
        res.write(text.subarray(0, Math.floor(text.length / 2)));
        req.socket.destroy();
        return;
      }
      res.end(text);
    });
    out.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end('The team server did not answer.');
    });
    out.end(body);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    /** Sets what is done to each request from now on (none: everything passes). */
    faults(next) {
      rule = next ?? (() => undefined);
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise((ok) => server.close(ok));
    },
  };
}
