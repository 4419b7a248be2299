// The cases on this device, in IndexedDB: the browser side of `src/storage/db.rs`, which is the
// only caller. Loaded by index.html before the app starts.
//
// One database a space: `psc` for real cases, `psc-training` for fictional ones, so the two can
// never mix. Each has four object stores, keyed by case id (or the set-aside key):
// - `cases`: { revision, text } where `text` is the stored case (plain or sealed) exactly as the
//   app wrote it; the revision sits beside it (and in an index) so a write can be checked
//   without reading the text;
// - `revisions`: each case's revision again, written in the same transaction as its case, so the
//   case list learns every case's revision in two bulk reads (a cursor over the index takes an
//   event per case);
// - `summaries`: the case list's summary of each case (see `domain/summary.rs`), written in the
//   same transaction as its case;
// - `quarantine`: stored entries that could not be read, kept byte for byte.
// Writes say what changed on a BroadcastChannel, so other tabs follow them at once.
(() => {
  const NAMES = { real: 'psc', training: 'psc-training' };
  const PREFIX = { real: 'psc.', training: 'psc.training.' };
  const STORES = ['cases', 'revisions', 'summaries', 'quarantine'];
  const opened = {};
  const channel = 'BroadcastChannel' in window ? new BroadcastChannel('psc-cases') : null;

  function request(req) {
    return new Promise((ok, fail) => {
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
  }

  function done(tx) {
    return new Promise((ok, fail) => {
      tx.oncomplete = () => ok();
      tx.onabort = () => fail(tx.error || new DOMException('The write was abandoned', 'AbortError'));
      tx.onerror = () => {};
    });
  }

  function open(space) {
    if (!opened[space]) {
      const req = indexedDB.open(NAMES[space], 3);
      req.onupgradeneeded = () => {
        const added = STORES.filter((name) => !req.result.objectStoreNames.contains(name));
        for (const name of added) req.result.createObjectStore(name);
        const cases = req.transaction.objectStore('cases');
        if (!cases.indexNames.contains('revision')) cases.createIndex('revision', 'revision');
        // Version 3 added `revisions`: filled from the cases already stored.
        if (added.includes('revisions')) copyRevisions(cases.index('revision'), req.transaction.objectStore('revisions'));
      };
      opened[space] = request(req).then((db) => {
        // Another tab deleting the database (delete all data) must not wait on this one.
        db.onversionchange = () => {
          db.close();
          delete opened[space];
        };
        return db;
      });
      opened[space].catch(() => delete opened[space]);
    }
    return opened[space];
  }

  // Writes each case's revision, as the index has it, into the `revisions` store.
  function copyRevisions(index, revisionsStore) {
    const req = index.openKeyCursor();
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor) return;
      revisionsStore.put(cursor.key, cursor.primaryKey);
      cursor.continue();
    };
  }

  function tell(message) {
    if (channel) channel.postMessage(message);
  }

  // Why a write failed, as the app understands it: full, or anything else.
  function reason(error) {
    return error && error.name === 'QuotaExceededError' ? 'full' : 'unavailable';
  }

  async function everything(space, store) {
    const db = await open(space);
    const tx = db.transaction(store, 'readonly');
    const os = tx.objectStore(store);
    const [keys, values] = await Promise.all([request(os.getAllKeys()), request(os.getAll())]);
    return keys.map((key, i) => [key, values[i]]);
  }

  // Moves cases and set-aside entries from local storage (earlier releases) into IndexedDB.
  // Each is read back and compared byte for byte before its old key is removed; anything that
  // fails stays where it was, and the answer says so.
  function oldKeys(space) {
    const cases = PREFIX[space] + 'case.';
    const aside = PREFIX[space] + 'quarantine.';
    return Object.keys(localStorage).filter((k) => k.startsWith(cases) || k.startsWith(aside));
  }

  async function moveFromLocalStorage(space) {
    const cases = PREFIX[space] + 'case.';
    const aside = PREFIX[space] + 'quarantine.';
    const old = oldKeys(space);
    if (old.length === 0) return { moved: 0, kept: 0 };
    const db = await open(space);
    const entries = old.map((key) => {
      const text = localStorage.getItem(key);
      return key.startsWith(cases)
        ? { key, store: 'cases', id: key.slice(cases.length), value: { revision: revisionOf(text), text }, text }
        : { key, store: 'quarantine', id: 'quarantine.' + key.slice(aside.length), value: text, text };
    });
    let kept = 0;
    try {
      const tx = db.transaction(['cases', 'revisions', 'quarantine'], 'readwrite');
      for (const e of entries) {
        const os = tx.objectStore(e.store);
        // A case already in IndexedDB (moved by another tab a moment ago) is not written over
        // unless the old copy is newer.
        request(os.get(e.id)).then((there) => {
          if (!there || (e.store === 'cases' && there.revision < e.value.revision)) {
            os.put(e.value, e.id);
            if (e.store === 'cases') tx.objectStore('revisions').put(e.value.revision, e.id);
          }
        });
      }
      await done(tx);
    } catch (error) {
      return { moved: 0, kept: old.length, problem: reason(error) };
    }
    const check = db.transaction(['cases', 'quarantine'], 'readonly');
    const back = await Promise.all(entries.map((e) => request(check.objectStore(e.store).get(e.id))));
    entries.forEach((e, i) => {
      const there = back[i];
      const same = e.store === 'cases'
        ? there && (there.text === e.text || there.revision > e.value.revision)
        : there === e.text;
      // Removed only once IndexedDB holds it exactly (or holds a newer revision of that case).
      if (same) {
        localStorage.removeItem(e.key);
      } else {
        kept += 1;
      }
    });
    return { moved: old.length - kept, kept };
  }

  function revisionOf(text) {
    try {
      const record = JSON.parse(text);
      if (typeof record.revision === 'number') return record.revision;
      if (record.case && typeof record.case.revision === 'number') return record.case.revision;
    } catch (e) {
      // An unreadable record is read (and set aside) by the app.
    }
    return 0;
  }

  // Each case's id and revision, without reading the cases themselves: from `revisions`, in two
  // bulk reads. Should it not hold one entry per case (a write made by other means), it is made
  // again from the cases' index.
  async function revisions(space) {
    const db = await open(space);
    const tx = db.transaction(['cases', 'revisions'], 'readonly');
    const kept = tx.objectStore('revisions');
    const [count, ids, revs] = await Promise.all([
      request(tx.objectStore('cases').count()),
      request(kept.getAllKeys()),
      request(kept.getAll()),
    ]);
    if (count === ids.length) return ids.map((id, i) => [id, revs[i]]);
    const repair = db.transaction(['cases', 'revisions'], 'readwrite');
    repair.objectStore('revisions').clear();
    copyRevisions(repair.objectStore('cases').index('revision'), repair.objectStore('revisions'));
    await done(repair);
    const again = db.transaction('revisions', 'readonly').objectStore('revisions');
    const [ids2, revs2] = await Promise.all([request(again.getAllKeys()), request(again.getAll())]);
    return ids2.map((id, i) => [id, revs2[i]]);
  }

  window.pscDb = {
    // What the case list needs of a space, without reading the cases: { index: [[id, revision]],
    // summaries: [[id, text]], quarantine: [[key, text]], moved, kept }.
    async load(space) {
      let migration;
      try {
        migration = await moveFromLocalStorage(space);
      } catch (error) {
        // The database could not even be opened: everything stays in local storage, read there.
        migration = { moved: 0, kept: oldKeys(space).length };
      }
      let lists = [[], [], []];
      try {
        lists = await Promise.all([revisions(space), everything(space, 'summaries'), everything(space, 'quarantine')]);
      } catch (error) {
        // As above: nothing more can be read, and nothing is lost.
      }
      const [index, summaries, quarantine] = lists;
      return {
        index,
        summaries,
        quarantine,
        moved: migration.moved,
        kept: migration.kept,
      };
    },

    // Each case's id and stored revision, and nothing else moved or read: [[id, revision]].
    async revisions(space) {
      try {
        return await revisions(space);
      } catch (error) {
        return [];
      }
    },

    // Every case in a space: [[id, revision, text]].
    async cases(space) {
      try {
        return (await everything(space, 'cases')).map(([id, v]) => [id, v.revision, v.text]);
      } catch (error) {
        return [];
      }
    },

    // Some cases, with their summaries, read in one transaction: [[id, revision, text, summary]]
    // (summary null when there is none). A case not there (deleted meanwhile) is left out.
    async entries(space, ids) {
      const db = await open(space);
      const tx = db.transaction(['cases', 'summaries'], 'readonly');
      const found = await Promise.all(ids.map((id) => Promise.all([
        request(tx.objectStore('cases').get(id)),
        request(tx.objectStore('summaries').get(id)),
      ])));
      return ids
        .map((id, i) => [id, found[i][0], found[i][1]])
        .filter(([, c]) => c)
        .map(([id, c, summary]) => [id, c.revision, c.text, summary === undefined ? null : summary]);
    },

    async caseText(space, id) {
      const db = await open(space);
      const found = await request(db.transaction('cases', 'readonly').objectStore('cases').get(id));
      return found ? found.text : null;
    },

    async quarantined(space) {
      return everything(space, 'quarantine');
    },

    // Writes a case and its summary in one transaction, unless the stored revision is newer than
    // `base` (another tab saved since): then nothing is written. `base` < 0 writes regardless.
    // Answers 'ok', 'conflict:<stored revision>', 'full' or 'unavailable'.
    async put(space, id, revision, text, summary, base) {
      try {
        const db = await open(space);
        const tx = db.transaction(['cases', 'revisions', 'summaries'], 'readwrite');
        const cases = tx.objectStore('cases');
        let answer = 'ok';
        const there = await request(cases.get(id));
        if (base >= 0 && there && there.revision > base) {
          answer = 'conflict:' + there.revision;
        } else {
          cases.put({ revision, text }, id);
          tx.objectStore('revisions').put(revision, id);
          const summaries = tx.objectStore('summaries');
          if (summary === null || summary === undefined) summaries.delete(id);
          else summaries.put(summary, id);
        }
        await done(tx);
        if (answer === 'ok') tell({ space, kind: 'case', id });
        return answer;
      } catch (error) {
        return reason(error);
      }
    },

    async putSummaries(space, entries) {
      try {
        const db = await open(space);
        const tx = db.transaction('summaries', 'readwrite');
        for (const [id, text] of entries) tx.objectStore('summaries').put(text, id);
        await done(tx);
        return 'ok';
      } catch (error) {
        return reason(error);
      }
    },

    async clearSummaries(space) {
      try {
        const db = await open(space);
        const tx = db.transaction('summaries', 'readwrite');
        tx.objectStore('summaries').clear();
        await done(tx);
      } catch (error) {
        // Summaries are rebuilt from their cases when they do not match.
      }
    },

    async remove(space, id) {
      const db = await open(space);
      const tx = db.transaction(['cases', 'revisions', 'summaries'], 'readwrite');
      tx.objectStore('cases').delete(id);
      tx.objectStore('revisions').delete(id);
      tx.objectStore('summaries').delete(id);
      await done(tx);
      tell({ space, kind: 'case', id });
    },

    // Moves a stored case aside, byte for byte: the copy is written in the same transaction
    // that removes the original.
    async setAside(space, id, text) {
      const db = await open(space);
      const tx = db.transaction(['cases', 'revisions', 'summaries', 'quarantine'], 'readwrite');
      tx.objectStore('quarantine').put(text, 'quarantine.' + id);
      tx.objectStore('cases').delete(id);
      tx.objectStore('revisions').delete(id);
      tx.objectStore('summaries').delete(id);
      await done(tx);
      tell({ space, kind: 'quarantine' });
    },

    async removeSetAside(space, key) {
      const db = await open(space);
      const tx = db.transaction('quarantine', 'readwrite');
      tx.objectStore('quarantine').delete(key);
      await done(tx);
      tell({ space, kind: 'quarantine' });
    },

    // How many cases and set-aside entries each space holds, those still in local storage
    // included, so that "delete all data" names everything before it deletes anything:
    // [[real cases, real set aside], [training cases, training set aside]].
    async counts() {
      const out = [];
      for (const space of Object.keys(NAMES)) {
        const db = await open(space);
        const tx = db.transaction(['cases', 'quarantine'], 'readonly');
        const [cases, aside] = await Promise.all([
          request(tx.objectStore('cases').count()),
          request(tx.objectStore('quarantine').count()),
        ]);
        const old = oldKeys(space);
        const oldCases = old.filter((k) => k.startsWith(PREFIX[space] + 'case.')).length;
        out.push([cases + oldCases, aside + old.length - oldCases]);
      }
      return out;
    },

    // Empties one space's database (delete training data only), or both (delete all data).
    async clear(space) {
      for (const each of space ? [space] : Object.keys(NAMES)) {
        const db = await open(each);
        const tx = db.transaction(STORES, 'readwrite');
        for (const s of STORES) tx.objectStore(s).clear();
        await done(tx);
      }
      // Team sync's key, if one is kept (see team.js): it goes with the real cases.
      if (!space) indexedDB.deleteDatabase('psc-team-key');
      tell(space ? { kind: 'cleared', space } : { kind: 'cleared' });
    },

    // How much this site stores and may store, in bytes: [usage, quota], or null if unknown.
    async estimate() {
      if (!navigator.storage || !navigator.storage.estimate) return null;
      try {
        const { usage, quota } = await navigator.storage.estimate();
        return [usage, quota];
      } catch (error) {
        return null;
      }
    },

    // Calls `follow(message)` for every change another tab makes.
    listen(follow) {
      if (channel) channel.onmessage = (event) => follow(event.data);
    },
  };
})();
