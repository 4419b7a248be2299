//! The agency directory shared through team sync (issue 22, item 2): every device's view merged
//! the same way, so that all converge whatever order views arrive in, however often, and a
//! removal stays removed. Every agency here is invented.

use presentence_checks::domain::directory::{Agency, AgencyKind, Directory, SendBy};
use presentence_checks::domain::team_directory::{Entry, Refused, Shared, key};
use proptest::prelude::*;

fn agency(name: &str, kind: AgencyKind, address: &str) -> Agency {
    Agency {
        name: name.into(),
        kind: Some(kind),
        send_by: Some(SendBy::Email),
        address: address.into(),
        reply_days: "5".into(),
    }
}

fn police(address: &str) -> Agency {
    agency("Northshire Police", AgencyKind::Police, address)
}

fn council() -> Agency {
    agency(
        "Northshire Council",
        AgencyKind::LocalAuthority,
        "mash@northshire.example",
    )
}

fn directory(agencies: &[Agency]) -> Directory {
    let mut d = <Directory as Default>::default();
    d.merge(agencies);
    d
}

/// A device: its view and its directory, changing as a person changes it.
struct Device {
    name: &'static str,
    view: Shared,
}

impl Device {
    fn new(name: &'static str) -> Device {
        Device {
            name,
            view: <Shared as Default>::default(),
        }
    }
    fn change(&mut self, to: &[Agency], at: &str) {
        let before = self.view.directory();
        self.view
            .record(&before, &directory(to), at, "Casey Officer", self.name);
    }
    fn directory(&self) -> Directory {
        self.view.directory()
    }
}

#[test]
fn an_agency_added_changed_and_removed_on_one_device_reaches_the_other() {
    let (mut a, mut b) = (Device::new("a"), Device::new("b"));
    a.change(
        &[police("da@northshire.police.example"), council()],
        "2026-12-05T09:00:00.000Z",
    );
    assert!(b.view.merge(&a.view));
    assert_eq!(b.directory(), a.directory());
    assert!(
        !b.view.merge(&a.view),
        "taking the same view twice changes nothing"
    );

    b.change(
        &[police("checks@northshire.police.example"), council()],
        "2026-12-05T10:00:00.000Z",
    );
    a.view.merge(&b.view);
    assert_eq!(
        a.directory().agencies[0].address,
        "checks@northshire.police.example"
    );

    a.change(&[council()], "2026-12-05T11:00:00.000Z");
    // b's older view, arriving again (a lost answer sent twice), does not bring the force back.
    a.view.merge(&b.view);
    b.view.merge(&a.view);
    assert_eq!(a.directory(), directory(&[council()]));
    assert_eq!(b.directory(), a.directory());
}

#[test]
fn two_changes_to_one_agency_while_apart_settle_the_same_way_on_both() {
    let (mut a, mut b) = (Device::new("a"), Device::new("b"));
    a.change(
        &[police("one@northshire.police.example")],
        "2026-12-05T09:00:00.000Z",
    );
    b.change(
        &[police("two@northshire.police.example")],
        "2026-12-05T09:00:00.000Z",
    );
    let (a0, b0) = (a.view.clone(), b.view.clone());
    a.view.merge(&b0);
    b.view.merge(&a0);
    assert_eq!(
        a.directory(),
        b.directory(),
        "the same instant: the device decides, alike"
    );
    assert_eq!(
        a.directory().agencies[0].address,
        "two@northshire.police.example"
    );
}

#[test]
fn a_change_here_replaces_what_a_device_with_a_fast_clock_sent() {
    let (mut fast, mut slow) = (Device::new("fast"), Device::new("slow"));
    fast.change(
        &[police("fast@northshire.police.example")],
        "2026-12-05T12:00:00.000Z",
    );
    slow.view.merge(&fast.view);
    slow.change(
        &[police("slow@northshire.police.example")],
        "2026-12-05T09:00:00.000Z",
    );
    fast.view.merge(&slow.view);
    assert_eq!(
        fast.directory().agencies[0].address,
        "slow@northshire.police.example"
    );
    assert_eq!(fast.directory(), slow.directory());
}

#[test]
fn entries_the_page_would_refuse_are_refused_from_the_team() {
    let good = Entry {
        key: key(&council()).unwrap(),
        agency: Some(council()),
        at: "2026-12-05T09:00:00.000Z".into(),
        by: "Casey Officer".into(),
        device: "b".into(),
    };
    let bad_address = Entry {
        key: key(&police("x")).unwrap(),
        agency: Some(police("not an address")),
        ..good.clone()
    };
    // A force's details filed under the council's key, to replace the council's.
    let wrong_key = Entry {
        agency: Some(police("da@northshire.police.example")),
        ..good.clone()
    };
    let future = Entry {
        at: "2026-12-09T09:00:00.000Z".into(),
        ..good.clone()
    };
    let view = Shared {
        entries: vec![bad_address, wrong_key, future, good.clone()],
    };
    let (kept, refused) = view.checked("2026-12-05T10:00:00.000Z");
    assert_eq!(kept.entries, vec![good]);
    let why: Vec<Refused> = refused.into_iter().map(|(_, r)| r).collect();
    assert!(matches!(why[0], Refused::NotValid(_)), "{why:?}");
    assert_eq!(why[1..], [Refused::WrongKey, Refused::FromTheFuture]);
}

// ---- Property: any edits, any deliveries, the same directory everywhere ---------------------

fn any_agency() -> impl Strategy<Value = Agency> {
    (0..3usize, any::<bool>(), 0..3usize).prop_map(|(n, police, address)| {
        let kind = if police {
            AgencyKind::Police
        } else {
            AgencyKind::LocalAuthority
        };
        let name = ["Northshire", "Southshire", "Eastshire"][n];
        agency(
            &format!("{name} {}", if police { "Police" } else { "Council" }),
            kind,
            &format!("team{address}@{}.example", name.to_ascii_lowercase()),
        )
    })
}

#[derive(Clone, Debug)]
enum Step {
    /// Device `d` sets its directory to these agencies.
    Edit(usize, Vec<Agency>),
    /// Device `to` takes device `from`'s view (perhaps again).
    Deliver(usize, usize),
}

fn any_step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..3usize, prop::collection::vec(any_agency(), 0..4)).prop_map(|(d, a)| Step::Edit(d, a)),
        (0..3usize, 0..3usize).prop_map(|(from, to)| Step::Deliver(from, to)),
    ]
}

proptest! {
    #[test]
    fn every_device_converges_whatever_is_delivered_and_when(steps in prop::collection::vec(any_step(), 1..40)) {
        let mut devices = [Device::new("a"), Device::new("b"), Device::new("c")];
        for (i, step) in steps.iter().enumerate() {
            match step {
                Step::Edit(d, agencies) => {
                    // Clocks differ a little between devices.
                    let at = format!("2026-12-05T10:{:02}:{:02}.000Z", i, *d * 7);
                    devices[*d].change(agencies, &at);
                }
                Step::Deliver(from, to) => {
                    let view = devices[*from].view.clone();
                    devices[*to].view.merge(&view);
                }
            }
        }
        // Then every view reaches every device: in one order here, in the reverse order on a
        // copy of the same three. The outcome must not depend on the order.
        let mut copies: Vec<Shared> = devices.iter().map(|d| d.view.clone()).collect();
        for _ in 0..2 {
            for from in 0..3 {
                for to in 0..3 {
                    let view = devices[from].view.clone();
                    devices[to].view.merge(&view);
                    let (f, t) = (2 - from, 2 - to);
                    let view = copies[f].clone();
                    copies[t].merge(&view);
                }
            }
        }
        prop_assert_eq!(devices[0].directory(), devices[1].directory());
        prop_assert_eq!(devices[1].directory(), devices[2].directory());
        prop_assert_eq!(&devices[0].view, &devices[2].view);
        prop_assert_eq!(&devices[0].view, &copies[0], "the order of delivery decided the outcome");
    }

    #[test]
    fn merging_is_the_same_in_any_order_and_twice_is_once(
        a in prop::collection::vec(any_agency(), 0..4),
        b in prop::collection::vec(any_agency(), 0..4),
    ) {
        let mut x = Device::new("x");
        x.change(&a, "2026-12-05T10:00:00.000Z");
        let mut y = Device::new("y");
        y.change(&b, "2026-12-05T10:00:00.000Z");
        let mut xy = x.view.clone();
        xy.merge(&y.view);
        let mut yx = y.view.clone();
        yx.merge(&x.view);
        prop_assert_eq!(&xy, &yx);
        let again = xy.clone();
        prop_assert!(!xy.merge(&again));
        prop_assert!(!xy.merge(&y.view));
    }
}
