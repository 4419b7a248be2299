// Trunk pre-build hook (see Trunk.toml): compiles style/main.scss with GOV.UK Frontend, then
// keeps only the rules whose classes the app uses (found in src/ and index.html). GOV.UK
// Frontend's full CSS is three times the size of what this app needs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';
import { PurgeCSS } from 'purgecss';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'target', 'css', 'app.css');

const compiled = sass.compile(join(root, 'style', 'main.scss'), { style: 'compressed', sourceMap: false });
const [purged] = await new PurgeCSS().purge({
  content: [join(root, 'src', '**', '*.rs'), join(root, 'index.html')],
  css: [{ raw: compiled.css }],
  // Class names appear in Rust strings; any run of class-name characters may be one.
  defaultExtractor: (text) => text.match(/[A-Za-z0-9_!-]+/g) ?? [],
  // Classes the code builds from parts, such as `govuk-fieldset__legend--{size}`.
  safelist: { standard: [/^govuk-fieldset__legend--/, /^govuk-radios__conditional/] },
});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, purged.css);
console.log(`build-css: ${compiled.css.length} bytes compiled, ${purged.css.length} kept`);
