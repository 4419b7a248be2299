//! Team sync converges: three simulated devices and a team server that loses answers, drops
//! requests and replays old ones, driven through random sequences of new cases, edits,
//! settlements and deletions, all deciding with the app's own `storage::sync::plan`. Once the
//! network is quiet (and a person has settled any conflict left), every device holds the same
//! version of every case with nothing left to settle, and no device ever replaced what it held
//! with a version that does not descend from it.

use std::collections::BTreeMap;

use presentence_checks::storage::sync::plan::{
    Draft, Kind, Offered, Record, Refusal, Sealed, Sent, decide, path_of, waiting,
};
use presentence_checks::storage::sync::revs::{Rev, RevTree};
use proptest::prelude::*;
use sha2::{Digest, Sha256};

/// The team's server: each document's revision tree, and each revision's sealed envelope (the
/// simulation's stand-in for sealing: the server here is honest; forgeries are `plan`'s tests).
#[derive(Default)]
struct Server {
    docs: BTreeMap<String, (RevTree, BTreeMap<Rev, Sealed>)>,
    /// Every batch it was sent, for replaying one later (as a retrying proxy might).
    log: Vec<Vec<Put>>,
}

#[derive(Clone)]
struct Put {
    doc: String,
    rev: Rev,
    parent: Option<Rev>,
    sealed: Sealed,
}

impl Server {
    fn apply(&mut self, batch: &[Put]) {
        for put in batch {
            let (tree, bodies) = self.docs.entry(put.doc.clone()).or_default();
            let path = path_of(&put.rev, put.parent.as_ref()).revs().unwrap();
            tree.insert(&path, put.sealed.kind != Kind::Case).unwrap();
            bodies
                .entry(put.rev.clone())
                .or_insert_with(|| put.sealed.clone());
        }
        self.log.push(batch.to_vec());
    }

    fn has(&self, doc: &str, rev: &Rev) -> bool {
        self.docs
            .get(doc)
            .is_some_and(|(tree, _)| tree.contains(rev))
    }
}

/// What can go wrong with a round's request to send.
#[derive(Clone, Copy, Debug)]
enum Fault {
    None,
    /// The server stores the batch but its answer never arrives.
    LostAnswer,
    /// The request never arrives.
    Dropped,
}

#[derive(Default, Clone)]
struct Device {
    /// Each case here: its local revision and its text (`id|content`).
    cases: BTreeMap<String, (u64, String)>,
    records: BTreeMap<String, Record>,
    /// Cases deleted here for the whole team, not yet sent.
    deleting: Vec<String>,
}

fn hash(message: &str) -> String {
    Sha256::digest(message.as_bytes())[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn finish(doc: &str, draft: Draft, by: &str) -> Put {
    let parent = draft.parent.clone();
    let hash = hash(&draft.message());
    let (rev, sealed) = draft.finish(&hash, by, "2026-12-05T09:00:00Z");
    Put {
        doc: doc.into(),
        rev,
        parent,
        sealed,
    }
}

impl Device {
    fn case_of(&self, doc: &str) -> Option<String> {
        self.records
            .iter()
            .find(|(_, r)| r.doc == doc)
            .map(|(id, _)| id.clone())
    }

    /// Takes every version the server has that this device has not seen.
    fn pull(&mut self, server: &Server) {
        for (doc, (tree, bodies)) in &server.docs {
            let known = self.case_of(doc);
            let record = known.as_ref().and_then(|id| self.records.get(id).cloned());
            let offered: Vec<Offered<String>> = tree
                .leaves()
                .into_iter()
                .filter(|(rev, _)| record.as_ref().is_none_or(|r| !r.knows(rev)))
                .map(|(rev, deleted)| {
                    let sealed = bodies[&rev].clone();
                    let text = sealed.case.clone();
                    Offered {
                        rev,
                        deleted,
                        opened: Some((sealed, text)),
                    }
                })
                .collect();
            if offered.is_empty() {
                continue;
            }
            let id = known.clone().or_else(|| {
                offered.iter().find_map(|o| {
                    let text = o.opened.as_ref()?.1.as_ref()?;
                    Some(text.split('|').next()?.to_string())
                })
            });
            let Some(id) = id else { continue };
            if self.deleting.contains(&id) {
                continue;
            }
            let stored = self.cases.get(&id).map(|(local, _)| *local);
            let before = record.as_ref().and_then(|r| r.held.clone());
            // What this device sent may have arrived unacknowledged; a
            // version that replaces it descends from what was held.
            let own = record
                .as_ref()
                .and_then(|r| r.sent.as_ref())
                .map(|s| s.rev.clone());
            let step = decide(doc, record, stored, offered);
            assert!(
                step.refused
                    .iter()
                    .all(|(_, why)| *why != Refusal::Unreadable),
                "an honest server's version was refused: {:?}",
                step.refused
            );
            if step.delete {
                self.cases.remove(&id);
                self.records.remove(&id);
                continue;
            }
            if let Some(text) = step.take {
                let held = step.record.as_ref().and_then(|r| r.held.as_ref()).unwrap();
                if let Some(before) = before {
                    assert!(
                        held.after.contains(&before.team)
                            || own.is_some_and(|own| held.after.contains(&own)),
                        "{} replaced {} with {}, which does not descend from it",
                        id,
                        before.team,
                        held.team
                    );
                }
                self.cases
                    .insert(id.clone(), (stored.unwrap_or(0) + 1, text));
            }
            if let Some(record) = step.record {
                self.records.insert(id, record);
            }
        }
    }

    /// Sends every change made here, as `engine::push` does.
    fn push(&mut self, server: &mut Server, name: &str, fault: Fault, ids: &mut u32) {
        // Whether what was sent before arrived, when its answer was lost.
        for record in self.records.values_mut() {
            if let Some(sent) = &record.sent {
                let arrived = server.has(&record.doc, &sent.rev);
                record.confirm(arrived);
            }
        }
        let mut batch = Vec::new();
        for id in std::mem::take(&mut self.deleting) {
            if let Some(record) = self.records.remove(&id) {
                for draft in Draft::deletion(&record) {
                    batch.push(finish(&record.doc, draft, name));
                }
            }
        }
        let index: Vec<(String, u64)> = self
            .cases
            .iter()
            .map(|(id, (local, _))| (id.clone(), *local))
            .collect();
        let waiting: Vec<String> = waiting(&index, |id| self.records.get(id).cloned())
            .into_iter()
            .filter(|id| self.records.get(*id).is_none_or(|r| !r.held_back()))
            .map(str::to_string)
            .collect();
        let mut sent = Vec::new();
        for id in waiting {
            let (local, text) = self.cases[&id].clone();
            let known = self.records.get(&id).cloned();
            let doc = known.as_ref().map_or_else(
                || {
                    *ids += 1;
                    format!("{:032x}", *ids)
                },
                |r| r.doc.clone(),
            );
            let mut record = known.clone().unwrap_or_else(|| Record::new(&doc));
            if let (Some(_), Some(other)) = (&record.held, &record.merge) {
                batch.push(finish(&doc, Draft::closing(other), name));
            }
            let edit = finish(&doc, Draft::edit(known.as_ref(), text), name);
            record.sent = Some(Sent {
                local,
                rev: edit.rev.clone(),
                merged: record.merge.is_some(),
            });
            self.records.insert(id.clone(), record);
            batch.push(edit);
            sent.push(id);
        }
        if batch.is_empty() {
            return;
        }
        let missing: Vec<Put> = batch
            .into_iter()
            .filter(|p| !server.has(&p.doc, &p.rev))
            .collect();
        match fault {
            Fault::Dropped => return,
            Fault::LostAnswer => {
                server.apply(&missing);
                return;
            }
            Fault::None => server.apply(&missing),
        }
        for id in sent {
            if let Some(record) = self.records.get_mut(&id) {
                record.acknowledge();
            }
        }
    }

    fn conflicts(&self) -> Vec<String> {
        self.records
            .iter()
            .filter(|(_, r)| r.conflict.is_some())
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// A person settles a conflict here, keeping this device's answers or the other's.
    fn settle(&mut self, id: &str, server: &Server, keep_ours: bool, name: &str) {
        let record = self.records.get_mut(id).unwrap();
        let other = record.conflict.clone().unwrap();
        record.settle();
        let theirs = server.docs[&record.doc].1[&other.rev].case.clone().unwrap();
        let (local, ours) = self.cases[id].clone();
        let kept = if keep_ours { ours } else { theirs };
        self.cases.insert(
            id.to_string(),
            (local + 1, format!("{kept}+settled by {name}")),
        );
    }
}

#[derive(Clone, Debug)]
enum Op {
    Create(usize),
    Edit(usize, usize),
    Sync(usize, Fault),
    Settle(usize, bool),
    DeleteForTeam(usize, usize),
    Replay(usize),
}

fn op() -> impl Strategy<Value = Op> {
    let device = 0usize..3;
    let fault = prop_oneof![
        3 => Just(Fault::None),
        1 => Just(Fault::LostAnswer),
        1 => Just(Fault::Dropped),
    ];
    prop_oneof![
        2 => device.clone().prop_map(Op::Create),
        5 => (device.clone(), any::<usize>()).prop_map(|(d, i)| Op::Edit(d, i)),
        6 => (device.clone(), fault).prop_map(|(d, f)| Op::Sync(d, f)),
        2 => (device.clone(), any::<bool>()).prop_map(|(d, k)| Op::Settle(d, k)),
        1 => (device, any::<usize>()).prop_map(|(d, i)| Op::DeleteForTeam(d, i)),
        1 => any::<usize>().prop_map(Op::Replay),
    ]
}

const NAMES: [&str; 3] = ["Sam Okafor", "Priya Nandra", "Lee Fairbank"];

fn run(ops: &[Op]) -> (Vec<Device>, Server) {
    let mut devices = vec![Device::default(); 3];
    let mut server = Server::default();
    let mut ids = 0u32;
    let mut made = 0u32;
    let mut edits = 0u32;
    for op in ops {
        match op {
            Op::Create(d) => {
                made += 1;
                let id = format!("case{made}");
                devices[*d]
                    .cases
                    .insert(id.clone(), (1, format!("{id}|new on {d}")));
            }
            Op::Edit(d, which) => {
                let device = &mut devices[*d];
                if device.cases.is_empty() {
                    continue;
                }
                let id = device
                    .cases
                    .keys()
                    .nth(which % device.cases.len())
                    .unwrap()
                    .clone();
                edits += 1;
                let (local, _) = device.cases[&id];
                device
                    .cases
                    .insert(id.clone(), (local + 1, format!("{id}|edit {edits} on {d}")));
            }
            Op::Sync(d, fault) => {
                devices[*d].pull(&server);
                devices[*d].push(&mut server, NAMES[*d], *fault, &mut ids);
            }
            Op::Settle(d, keep_ours) => {
                if let Some(id) = devices[*d].conflicts().first().cloned() {
                    devices[*d].settle(&id, &server, *keep_ours, NAMES[*d]);
                }
            }
            Op::DeleteForTeam(d, which) => {
                let device = &mut devices[*d];
                let shared: Vec<String> = device
                    .cases
                    .keys()
                    .filter(|id| {
                        device
                            .records
                            .get(*id)
                            .is_some_and(|r| r.held.is_some() && r.conflict.is_none())
                    })
                    .cloned()
                    .collect();
                if shared.is_empty() {
                    continue;
                }
                let id = shared[which % shared.len()].clone();
                device.cases.remove(&id);
                device.deleting.push(id);
            }
            Op::Replay(which) => {
                if !server.log.is_empty() {
                    let batch = server.log[which % server.log.len()].clone();
                    server.apply(&batch);
                }
            }
        }
    }
    // The network is quiet: every device syncs until nothing changes; a person settles any
    // conflict left, one device at a time.
    for _ in 0..40 {
        let before: Vec<_> = devices
            .iter()
            .map(|d| (d.cases.clone(), d.records.clone()))
            .collect();
        for (d, device) in devices.iter_mut().enumerate() {
            device.pull(&server);
            device.push(&mut server, NAMES[d], Fault::None, &mut ids);
        }
        let after: Vec<_> = devices
            .iter()
            .map(|d| (d.cases.clone(), d.records.clone()))
            .collect();
        if before == after {
            match (0..3).find(|d| !devices[*d].conflicts().is_empty()) {
                Some(d) => {
                    let id = devices[d].conflicts()[0].clone();
                    devices[d].settle(&id, &server, true, NAMES[d]);
                }
                None => break,
            }
        }
    }
    (devices, server)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn every_device_ends_with_the_same_version_of_every_case_and_nothing_to_settle(
        ops in proptest::collection::vec(op(), 1..60),
    ) {
        let (devices, _) = run(&ops);
        for device in &devices {
            prop_assert!(device.conflicts().is_empty(), "a conflict was left: {:?}", device.conflicts());
            prop_assert!(device.deleting.is_empty());
            for (id, record) in &device.records {
                prop_assert!(record.sent.is_none() && record.held.is_some(), "{id} was never confirmed");
                prop_assert_eq!(record.held.as_ref().map(|h| h.local), device.cases.get(id).map(|c| c.0));
            }
        }
        let texts = |d: &Device| d.cases.iter().map(|(id, (_, text))| (id.clone(), text.clone())).collect::<BTreeMap<_, _>>();
        let held = |d: &Device| d.records.iter().map(|(id, r)| (id.clone(), r.held.as_ref().unwrap().team.clone())).collect::<BTreeMap<_, _>>();
        prop_assert_eq!(texts(&devices[0]), texts(&devices[1]));
        prop_assert_eq!(texts(&devices[1]), texts(&devices[2]));
        prop_assert_eq!(held(&devices[0]), held(&devices[1]));
        prop_assert_eq!(held(&devices[1]), held(&devices[2]));
    }
}

/// The acceptance test's failure, step by step: devices A and B hold a case, a third writes a
/// version beside it, A settles; B (and the third) take the settled version with no banner left,
/// and no one settles anything more.
#[test]
fn a_conflict_settled_on_one_device_is_settled_on_the_others() {
    let mut server = Server::default();
    let mut ids = 0;
    let mut devices = vec![Device::default(); 3];
    let sync = |d: &mut Device, server: &mut Server, ids: &mut u32| {
        d.pull(server);
        d.push(server, "Sam Okafor", Fault::None, ids);
    };
    devices[0]
        .cases
        .insert("case1".into(), (1, "case1|first".into()));
    for d in &mut devices {
        sync(d, &mut server, &mut ids);
    }
    // The third device's version beside the one A and B hold.
    devices[0]
        .cases
        .insert("case1".into(), (2, "case1|A's edit".into()));
    sync(&mut devices[0], &mut server, &mut ids);
    sync(&mut devices[1], &mut server, &mut ids);
    devices[2]
        .cases
        .insert("case1".into(), (2, "case1|third's edit".into()));
    sync(&mut devices[2], &mut server, &mut ids);
    sync(&mut devices[0], &mut server, &mut ids);
    sync(&mut devices[1], &mut server, &mut ids);
    assert_eq!(devices[0].conflicts(), ["case1"]);
    assert_eq!(devices[1].conflicts(), ["case1"]);
    for keep_ours in [true, false] {
        let mut devices = devices.clone();
        let mut server = Server {
            docs: server.docs.clone(),
            log: Vec::new(),
        };
        devices[0].settle("case1", &server, keep_ours, "Sam Okafor");
        for _ in 0..2 {
            for d in &mut devices {
                sync(d, &mut server, &mut ids);
            }
        }
        for d in &devices {
            assert!(d.conflicts().is_empty(), "{keep_ours}");
            assert_eq!(d.cases["case1"].1, devices[0].cases["case1"].1);
        }
    }
}

/// A lost answer to a new case's push, then an edit: no conflict, and the edit reaches the
/// others.
#[test]
fn a_lost_answer_leaves_no_conflict_and_later_edits_are_sent() {
    let mut server = Server::default();
    let mut ids = 0;
    let mut officer = Device::default();
    officer
        .cases
        .insert("case1".into(), (1, "case1|new".into()));
    officer.push(&mut server, "Sam Okafor", Fault::LostAnswer, &mut ids);
    officer
        .cases
        .insert("case1".into(), (2, "case1|edited".into()));
    officer.pull(&server);
    assert!(officer.conflicts().is_empty());
    officer.push(&mut server, "Sam Okafor", Fault::None, &mut ids);
    let mut spo = Device::default();
    spo.pull(&server);
    assert_eq!(spo.cases["case1"].1, "case1|edited");
    assert!(officer.records["case1"].sent.is_none());
}
