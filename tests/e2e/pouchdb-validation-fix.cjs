// Loaded (node --require) into the tests' PouchDB Server only. Its validation plugin
// (pouchdb-validation 4.x, lib/index.js) gives every document it validates the revision history
// of the version already stored (`newDoc._revisions = (oldDoc || {})._revisions`) and then
// writes it: with any validate_doc_update installed, a version replicated with
// `new_edits=false` (how team sync sends every edit) is silently dropped. CouchDB keeps the
// version's own history. This keeps it here too, so the tests' server behaves as CouchDB does.
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const target = path.join('pouchdb-validation', 'lib', 'index.js');
const faulty = 'newDoc._revisions = (oldDoc || {})._revisions;';
const fixed = 'if (!newDoc._revisions) newDoc._revisions = (oldDoc || {})._revisions;';
const load = Module._extensions['.js'];
Module._extensions['.js'] = function loadPatched(module, filename) {
  if (!filename.endsWith(target)) return load(module, filename);
  const source = fs.readFileSync(filename, 'utf8');
  if (!source.includes(faulty)) throw new Error(`${filename} has changed: check whether the fix is still needed`);
  return module._compile(source.replace(faulty, fixed), filename);
};
