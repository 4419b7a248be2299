// Shorter names for what the main wasm module imports from wasm-bindgen's glue. Each import is
// named for its JS function plus a 16-digit hash (`__wbg_getMinutes_d0d71c490ef83b47`), once in
// the wasm and once in the glue: about 160 of them, whose hashes gzip hardly at all. Named `a`,
// `b`, ... `fh` instead, the first download is about 5 KB smaller gzipped.
//
// Only the import section's names change: every other section refers to an import by its
// index, so is copied byte for byte. Each name must be a key of the glue's imports object
// exactly once, or the build stops (a new wasm-bindgen writing its glue differently, say).

/** The glue's module name for its own imports, as wasm-bindgen writes it. */
const GLUE = './presentence_checks_bg.js';

const readLeb = (buf, at) => {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = buf[at.p++];
    value |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return value >>> 0;
};

const leb = (n) => {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
};

const name = (text) => {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([leb(bytes.length), bytes]);
};

/** `a`, `b`, ... `z`, `aa`, `ab`, ...: valid keys of a JS object literal as they are. */
function shortName(index) {
  let text = '';
  for (let i = index; i >= 0; i = Math.floor(i / 26) - 1) text = String.fromCharCode(97 + (i % 26)) + text;
  return text;
}

/** Skips one import's description (function, table, memory or global). */
function skipDescription(buf, at) {
  const kind = buf[at.p++];
  if (kind === 0) {
    readLeb(buf, at);
  } else if (kind === 1 || kind === 2) {
    if (kind === 1) at.p++; // the table's element type
    const flags = readLeb(buf, at);
    readLeb(buf, at);
    if (flags & 1) readLeb(buf, at);
  } else if (kind === 3) {
    at.p += 2; // value type, mutability
  } else {
    throw new Error(`short-imports: unknown import kind ${kind}`);
  }
}

/**
 * The wasm module with its glue imports renamed, and the glue with its imports object's keys
 * renamed to match.
 */
export function shortenImports(wasm, glue) {
  const renamed = new Map();
  const out = [wasm.subarray(0, 8)];
  const at = { p: 8 };
  while (at.p < wasm.length) {
    const start = at.p;
    const id = wasm[at.p++];
    const size = readLeb(wasm, at);
    const end = at.p + size;
    if (id !== 2) {
      out.push(wasm.subarray(start, end));
      at.p = end;
      continue;
    }
    const count = readLeb(wasm, at);
    const parts = [leb(count)];
    for (let i = 0; i < count; i++) {
      const moduleLength = readLeb(wasm, at);
      const module = wasm.subarray(at.p, (at.p += moduleLength)).toString('utf8');
      const fieldLength = readLeb(wasm, at);
      let field = wasm.subarray(at.p, (at.p += fieldLength)).toString('utf8');
      const description = at.p;
      skipDescription(wasm, at);
      if (module === GLUE) {
        const short = shortName(renamed.size);
        renamed.set(field, short);
        field = short;
      }
      parts.push(name(module), name(field), wasm.subarray(description, at.p));
    }
    if (at.p !== end) throw new Error('short-imports: the import section did not parse');
    const section = Buffer.concat(parts);
    out.push(Buffer.from([2]), leb(section.length), section);
  }
  if (renamed.size === 0) throw new Error(`short-imports: the wasm imports nothing from ${GLUE}`);

  let js = glue;
  for (const [long, short] of renamed) {
    // A key of the imports object: `    __wbg_x_0123456789abcdef: function(arg0) {`.
    const key = new RegExp(`(^|[{,\\s])${long}(\\s*:\\s*function)`, 'g');
    const found = js.match(key)?.length ?? 0;
    if (found !== 1) throw new Error(`short-imports: ${long} is a key of the glue ${found} times, not once`);
    js = js.replace(key, `$1${short}$2`);
  }
  return { wasm: Buffer.concat(out), js, count: renamed.size };
}
