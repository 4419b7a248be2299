//! Create a case, and later change its hearing details, risk of serious harm and orders.

use leptos::prelude::*;

use crate::content::hearing as text;
use crate::domain::case::{
    Case, Offence, OrderKind, ProtectiveOrder, ReportType, RoshLevel, Source,
};
use crate::domain::validate;
use crate::ui::components::fields::*;
use crate::ui::components::form::{Item, render};
use crate::ui::components::page::{
    BackLink, ErrorSummary, PageHeading, focus_later, navigator, on_submit, show_errors,
};
use crate::ui::pages::case_handle;
use crate::ui::part::Part;
use crate::ui::state::{CaseHandle, NEW_CASE};

#[component]
pub fn NewCasePage() -> impl IntoView {
    let handle = CaseHandle::new(Signal::stored(NEW_CASE.to_string()));
    hearing_form(handle, true)
}

#[component]
pub fn HearingPage(id: String) -> impl IntoView {
    let handle = case_handle(id);
    hearing_form(handle, false)
}

fn hearing_form(handle: CaseHandle, is_new: bool) -> impl IntoView {
    let errors: PageErrors = RwSignal::new(Vec::new());
    let root = Part::root(handle);
    let store = handle.store;
    let go = navigator();

    let submit = on_submit(move || {
        let found = handle.case.with_untracked(|c| {
            c.as_ref()
                .map(|c| validate::hearing(c, store.today.get_untracked(), !is_new))
                .unwrap_or_default()
        });
        if show_errors(errors, found) {
            if is_new {
                let id = store.create_from_draft();
                go.run(format!("/cases/{id}"));
            } else {
                go.run(handle.href(""));
            }
        }
    });

    let sdr_advice = move || {
        handle.assessment.with(|a| {
            a.as_ref()
                .and_then(|a| {
                    // What the rules advise about the report: a standard delivery report for a
                    // complex case; an adjournment if checks are outstanding on the day.
                    let said: Vec<&str> = a
                        .advice
                        .iter()
                        .filter(|x| matches!(x.code, "STANDARD_DELIVERY_REPORT" | "ADJOURN"))
                        .map(|x| x.message.as_str())
                        .collect();
                    (!said.is_empty()).then(|| said.join(" "))
                })
                .unwrap_or_default()
        })
    };
    let mut items = vec![
        Item::h2(text::PERSON),
        Item::text(
            "name",
            text::NAME,
            root.field(|c| c.person.name.clone(), |c, v| c.person.name = v),
        )
        .width("govuk-!-width-two-thirds"),
        Item::date(
            "dob",
            text::DOB,
            root.field(
                |c| c.person.date_of_birth.clone(),
                |c, v| c.person.date_of_birth = v,
            ),
        )
        .hint(text::DOB_HINT),
        Item::text(
            "crn",
            text::CRN,
            root.field(|c| c.person.crn.clone(), |c, v| c.person.crn = v),
        )
        .hint(text::CRN_HINT)
        .width("govuk-input--width-10"),
        Item::text(
            "pnc",
            text::PNC,
            root.field(|c| c.person.pnc_id.clone(), |c, v| c.person.pnc_id = v),
        )
        .hint(text::PNC_HINT)
        .width("govuk-input--width-20"),
        Item::area(
            "other-names",
            text::OTHER_NAMES,
            root.field(
                |c| c.person.other_names.clone(),
                |c, v| c.person.other_names = v,
            ),
        )
        .hint(text::OTHER_NAMES_HINT),
        Item::h2(text::LIVES),
        Item::para(text::LIVES_HINT),
        Item::text(
            "address-line-1",
            text::LINE_1,
            root.field(
                |c| c.person.address.line_1.clone(),
                |c, v| c.person.address.line_1 = v,
            ),
        ),
        Item::text(
            "address-line-2",
            text::LINE_2,
            root.field(
                |c| c.person.address.line_2.clone(),
                |c, v| c.person.address.line_2 = v,
            ),
        ),
        Item::text(
            "address-town",
            text::TOWN,
            root.field(
                |c| c.person.address.town.clone(),
                |c, v| c.person.address.town = v,
            ),
        )
        .width("govuk-!-width-two-thirds"),
        Item::text(
            "address-postcode",
            text::POSTCODE,
            root.field(
                |c| c.person.address.postcode.clone(),
                |c, v| c.person.address.postcode = v,
            ),
        )
        .width("govuk-input--width-10"),
        Item::area(
            "previous-addresses",
            text::PREVIOUS,
            root.field(
                |c| c.person.previous_addresses.clone(),
                |c, v| c.person.previous_addresses = v,
            ),
        )
        .hint(text::PREVIOUS_HINT),
        Item::h2(text::HEARING),
        Item::text(
            "court",
            text::COURT,
            root.field(|c| c.hearing.court.clone(), |c, v| c.hearing.court = v),
        )
        .width("govuk-!-width-two-thirds"),
        Item::date(
            "hearing",
            text::HEARING_DATE,
            root.field(|c| c.hearing.date.clone(), |c, v| c.hearing.date = v),
        ),
        Item::radios(
            "report-type",
            text::REPORT_TYPE,
            opts::<ReportType>(),
            root.choice(|c| c.hearing.report_type, |c, v| c.hearing.report_type = v),
        ),
        Item::when(
            move || !sdr_advice().is_empty(),
            vec![Item::Inset(Signal::derive(sdr_advice))],
        ),
        Item::yes_no(
            "curfew",
            text::CURFEW,
            root.yes_no(
                |c| c.hearing.curfew_considered,
                |c, v| c.hearing.curfew_considered = v,
            ),
        ),
        Item::h2(text::OFFENCES),
        Item::list(root.ids(OFFENCES), {
            let root = root.clone();
            move |id| offence(&root, id)
        }),
        Item::button(Some("add-offence"), text::ADD_OFFENCE, move || {
            let mut id = 0;
            handle.update(|c| id = c.add_offence());
            focus_later(format!("offence-{id}-description"));
        }),
    ];
    // Often known from the start (OASys, the court list): recorded when the case is created, the
    // officer need not open the section later. Optional then; the rules wait for them either way.
    items.extend(rosh_and_orders(&root, is_new));

    let title = if is_new { text::NEW_TITLE } else { text::TITLE };
    let back = if is_new {
        Signal::stored("/".to_string())
    } else {
        Signal::derive(move || handle.href(""))
    };
    let back_text = if is_new {
        "Back to cases"
    } else {
        "Back to task list"
    };
    let heading = if is_new {
        view! { <PageHeading title=title.to_string()/> }.into_any()
    } else {
        view! { <PageHeading title=title.to_string() caption=Signal::derive(move || handle.with(|c| c.display_name()))/> }.into_any()
    };
    view! {
        <BackLink href=back text=back_text.to_string()/>
        <ErrorSummary errors=errors/>
        {heading}
        <form novalidate on:submit=submit>
            {render(items, errors)}
            <button type="submit" class="govuk-button">{if is_new { "Create case" } else { "Save and continue" }}</button>
        </form>
    }
}

const OFFENCES: fn(&Case) -> &Vec<Offence> = |c| &c.offences;
const ORDERS: fn(&Case) -> &Vec<ProtectiveOrder> = |c| &c.orders;

fn offence(root: &Part<Case>, id: u32) -> Vec<Item> {
    let o = root.item(OFFENCES, |c| &mut c.offences, id);
    let n = root.position(OFFENCES, id);
    let p = format!("offence-{id}");
    let n2 = n.clone();
    let r = root.clone();
    let handle = root.handle;
    vec![Item::Group {
        id: format!("{p}-heading"),
        title: Signal::derive(move || format!("Offence {}", n())),
        items: vec![
            Item::text(
                format!("{p}-description"),
                text::OFFENCE,
                o.field(|o| o.description.clone(), |o, v| o.description = v),
            )
            .hint(text::OFFENCE_HINT)
            .width("govuk-!-width-two-thirds"),
            Item::date(
                format!("{p}-date"),
                text::OFFENCE_DATE,
                o.field(|o| o.offence_date.clone(), |o, v| o.offence_date = v),
            ),
            Item::date(
                format!("{p}-conviction"),
                text::CONVICTION_DATE,
                o.field(|o| o.conviction_date.clone(), |o, v| o.conviction_date = v),
            )
            .hint(text::CONVICTION_HINT),
            Item::yes_no(
                format!("{p}-da"),
                text::DA_RELATED,
                o.yes_no(|o| o.da_related, |o, v| o.da_related = v),
            ),
            Item::when(
                move || r.with(|c| c.offences.len() > 1),
                vec![Item::button_live(
                    None,
                    move || format!("Remove offence {}", n2()),
                    move || {
                        handle.update(|c| c.offences.retain(|o| o.id != id));
                        focus_later("add-offence".into());
                    },
                )],
            ),
        ],
    }]
}

fn rosh_and_orders(root: &Part<Case>, optional: bool) -> Vec<Item> {
    let rosh = |id: &str, legend: &str, binding| {
        Item::radios(id, legend, opts::<RoshLevel>(), binding).inline()
    };
    let handle = root.handle;
    let r = root.clone();
    let order = move |id: u32| {
        let o = r.item(ORDERS, |c| &mut c.orders, id);
        let n = r.position(ORDERS, id);
        let n2 = n.clone();
        let p = format!("order-{id}");
        vec![Item::Group {
            id: format!("{p}-heading"),
            title: Signal::derive(move || format!("Order {}", n())),
            items: vec![
                Item::radios(
                    format!("{p}-kind"),
                    text::ORDER_KIND,
                    opts::<OrderKind>(),
                    o.choice(|o| o.kind, |o, v| o.kind = v),
                ),
                Item::text(
                    format!("{p}-protects"),
                    text::ORDER_PROTECTS,
                    o.field(|o| o.protects.clone(), |o, v| o.protects = v),
                )
                .width("govuk-!-width-two-thirds"),
                Item::text(
                    format!("{p}-relationship"),
                    text::ORDER_RELATIONSHIP,
                    o.field(|o| o.relationship.clone(), |o, v| o.relationship = v),
                )
                .width("govuk-!-width-one-half"),
                Item::yes_no(
                    format!("{p}-place"),
                    text::ORDER_PLACE,
                    o.yes_no(
                        |o| o.lives_at_or_visits_place,
                        |o, v| o.lives_at_or_visits_place = v,
                    ),
                ),
                Item::radios(
                    format!("{p}-source"),
                    text::ORDER_SOURCE,
                    opts::<Source>(),
                    o.choice(|o| o.source, |o, v| o.source = v),
                ),
                Item::button_live(
                    None,
                    move || format!("Remove order {}", n2()),
                    move || {
                        handle.update(|c| c.orders.retain(|o| o.id != id));
                        focus_later("add-order".into());
                    },
                ),
            ],
        }]
    };
    let orders = vec![
        Item::list(root.ids(ORDERS), order),
        Item::button(Some("add-order"), text::ADD_ORDER, move || {
            let mut id = 0;
            handle.update(|c| id = c.add_order());
            focus_later(format!("order-{id}-kind"));
        }),
    ];
    vec![
        Item::h2_id(
            if optional {
                text::ROSH_OPTIONAL
            } else {
                text::ROSH
            },
            "rosh",
        ),
        Item::Hint(if optional {
            format!("{} {}", text::NEW_RISK_HINT, text::ROSH_HINT)
        } else {
            text::ROSH_HINT.into()
        }),
        rosh(
            "rosh-children",
            text::ROSH_CHILDREN,
            root.choice(|c| c.rosh.children, |c, v| c.rosh.children = v),
        ),
        rosh(
            "rosh-public",
            text::ROSH_PUBLIC,
            root.choice(|c| c.rosh.public, |c, v| c.rosh.public = v),
        ),
        rosh(
            "rosh-known-adult",
            text::ROSH_KNOWN_ADULT,
            root.choice(|c| c.rosh.known_adult, |c, v| c.rosh.known_adult = v),
        ),
        rosh(
            "rosh-staff",
            text::ROSH_STAFF,
            root.choice(|c| c.rosh.staff, |c, v| c.rosh.staff = v),
        ),
        Item::h2(if optional {
            text::ORDERS_OPTIONAL
        } else {
            text::ORDERS
        }),
        Item::yes_no(
            "orders",
            text::ORDERS_QUESTION,
            root.yes_no(
                |c| c.orders_recorded,
                |c, v| {
                    c.orders_recorded = v;
                    if v == Some(true) && c.orders.is_empty() {
                        c.add_order();
                    }
                },
            ),
        )
        .hint(text::ORDERS_HINT)
        .reveal("yes", orders),
    ]
}
