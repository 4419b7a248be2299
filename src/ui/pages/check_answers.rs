//! The whole case on one page, each answer with a link to change it.

use leptos::prelude::*;

use crate::domain::case::*;
use crate::domain::choice::Choice;
use crate::domain::inputs::{DateParts, long_date};
use crate::domain::rules::Section;
use crate::domain::text::isolate;
use crate::ui::components::page::{BackLink, PageHeading};
use crate::ui::pages::case_handle;
use crate::ui::state::CaseHandle;

struct Row {
    key: String,
    value: String,
    /// Below `/cases/:id/`.
    path: String,
}

fn row(key: impl Into<String>, value: impl Into<String>, path: impl Into<String>) -> Row {
    let value = value.into();
    Row {
        key: key.into(),
        value: if value.trim().is_empty() {
            "Not recorded".into()
        } else {
            value
        },
        path: path.into(),
    }
}

/// Typed text kept apart from the words around it, so that right-to-left text or a control
/// character typed into it cannot reorder them.
fn u(text: &str) -> String {
    isolate(text.trim())
}

/// One typed line per line shown, each kept inert.
fn lines(items: &[String]) -> String {
    items.iter().map(|l| u(l)).collect::<Vec<_>>().join("\n")
}

fn date(d: &DateParts) -> String {
    match d.parse() {
        Ok(Some(d)) => long_date(d),
        Ok(None) => String::new(),
        Err(_) => format!(
            "{}/{}/{} (not a real date)",
            u(&d.day),
            u(&d.month),
            u(&d.year)
        ),
    }
}

fn yes_no(v: Option<bool>) -> String {
    match v {
        Some(true) => "Yes".into(),
        Some(false) => "No".into(),
        None => String::new(),
    }
}

fn label<C: Choice>(v: Option<C>) -> String {
    v.map(|c| c.label().to_string()).unwrap_or_default()
}

fn labels<C: Choice>(v: &[C]) -> String {
    v.iter().map(|c| c.label()).collect::<Vec<_>>().join(", ")
}

fn sourced(a: &SourcedAnswer) -> String {
    let mut s = yes_no(a.answer);
    if !a.sources.is_empty() {
        s.push_str(&format!(". Source: {}", labels(&a.sources)));
    }
    if !a.details.trim().is_empty() {
        s.push_str(&format!(". {}", u(&a.details)));
    }
    s
}

fn enquiry<O: EnquiryOutcome>(rows: &mut Vec<Row>, e: &Enquiry<O>, path: &str, agency: &str) {
    rows.push(row(agency, u(&e.agency), path));
    rows.push(row("Outcome", label(e.outcome), path));
    if e.outcome == Some(O::not_requested()) {
        rows.push(row("Why not requested", u(&e.not_requested_reason), path));
        return;
    }
    rows.push(row("Requested", date(&e.requested), path));
    rows.push(row("Reply due", date(&e.due), path));
    if e.outcome.is_some_and(|o| o.is_reply()) {
        rows.push(row("Received", date(&e.received), path));
        rows.push(row("Summary", u(&e.summary), path));
        rows.push(row(
            "Considered in the proposal",
            yes_no(Some(e.considered)),
            path,
        ));
    }
}

fn consent_text(c: &Consent) -> String {
    if c.is_blank() {
        return String::new();
    }
    let mut parts = vec![
        format!("Contacted directly: {}", yes_no(c.contacted_directly)),
        format!("spoken to privately: {}", yes_no(c.spoken_privately)),
        format!(
            "told: {}",
            if c.told.is_empty() {
                "nothing recorded".into()
            } else {
                labels(&c.told).to_ascii_lowercase()
            }
        ),
    ];
    if !c.attitude.trim().is_empty() {
        parts.push(format!("attitude: \u{201c}{}\u{201d}", u(&c.attitude)));
    }
    if c.fear_or_pressure == Some(true) {
        parts.push(format!("fear or pressure noted: {}", u(&c.fear_details)));
    }
    if let Some(d) = c.decision {
        parts.push(format!(
            "{} on {} at {}",
            d.label().to_ascii_lowercase(),
            date(&c.decision_date),
            u(&c.decision_time)
        ));
        if !c.given_for.is_empty() {
            parts.push(format!("for {}", c.given_for));
        }
    }
    parts.join("; ")
}

/// Every answer, section by section.
fn sections(c: &Case) -> Vec<(String, Vec<Row>)> {
    let mut out = Vec::new();

    let h = Section::Hearing.slug();
    let mut rows = vec![
        row("Name", u(&c.person.name), format!("{h}#name")),
        row(
            "Date of birth",
            date(&c.person.date_of_birth),
            format!("{h}#dob-day"),
        ),
        // What agencies trace the person by, as the drafted enquiries give it.
        row("CRN", u(&c.person.crn), format!("{h}#crn")),
        row("PNC ID", u(&c.person.pnc_id), format!("{h}#pnc")),
        row(
            "Other names used",
            lines(&c.person.other_names()),
            format!("{h}#other-names"),
        ),
        row(
            "Current address",
            u(&c.person.address.full()),
            format!("{h}#address-line-1"),
        ),
        row(
            "Previous addresses",
            lines(&c.person.previous_addresses()),
            format!("{h}#previous-addresses"),
        ),
        row("Court", u(&c.hearing.court), format!("{h}#court")),
        row(
            "Hearing date",
            date(&c.hearing.date),
            format!("{h}#hearing-day"),
        ),
        row(
            "Report type",
            label(c.hearing.report_type),
            format!("{h}#report-type"),
        ),
        row(
            "Curfew being considered",
            yes_no(c.hearing.curfew_considered),
            format!("{h}#curfew"),
        ),
    ];
    for (i, o) in c.offences.iter().enumerate() {
        let da = match o.da_related {
            Some(true) => "; related to domestic abuse",
            Some(false) => "; not related to domestic abuse",
            None => "",
        };
        rows.push(row(
            format!("Offence {}", i + 1),
            format!(
                "{}; committed {}; convicted {}{da}",
                u(&o.description),
                date(&o.offence_date),
                date(&o.conviction_date)
            ),
            format!("{h}#offence-{}-description", o.id),
        ));
    }
    for (name, level) in c.rosh.domains() {
        rows.push(row(
            format!("Risk of serious harm to {name}"),
            label(level),
            format!("{h}#rosh"),
        ));
    }
    rows.push(row(
        "Orders protecting others",
        yes_no(c.orders_recorded),
        format!("{h}#orders"),
    ));
    for o in &c.orders {
        rows.push(row(
            label(o.kind),
            format!(
                "Protects {} ({}). Lives at or visits a proposed address: {}. Source: {}",
                u(&o.protects),
                u(&o.relationship),
                yes_no(o.lives_at_or_visits_place),
                label(o.source)
            ),
            format!("{h}#orders"),
        ));
    }
    out.push((Section::Hearing.title().to_string(), rows));

    let name = c.display_name();
    let rows = ChildQuestion::ALL
        .iter()
        .map(|q| {
            row(
                crate::content::child_contact::question(*q, &name),
                sourced(c.child_contact.answer(*q)),
                format!("{}#{}", Section::ChildContact.slug(), q.slug()),
            )
        })
        .collect();
    out.push((Section::ChildContact.title().to_string(), rows));

    let mut rows = Vec::new();
    enquiry(&mut rows, &c.police, Section::Police.slug(), "Police force");
    out.push((Section::Police.title().to_string(), rows));

    let mut rows = Vec::new();
    for e in &c.childrens_services {
        rows.push(row(
            "Children covered",
            u(&e.children_covered),
            Section::ChildrensServices.slug(),
        ));
        enquiry(
            &mut rows,
            &e.enquiry,
            Section::ChildrensServices.slug(),
            "Local authority",
        );
    }
    if rows.is_empty() {
        rows.push(row("Enquiries", "", Section::ChildrensServices.slug()));
    }
    out.push((Section::ChildrensServices.title().to_string(), rows));

    if c.curfew_considered() {
        for p in &c.places {
            let path = format!("places/{}", p.id);
            let mut rows = vec![
                row("Address", u(&p.full_address()), path.clone()),
                row("Tenure", label(p.tenure), path.clone()),
                row("Assessed by", label(p.assessed_by), path.clone()),
                row(
                    "Main occupier",
                    p.occupier_name(&name).unwrap_or_default(),
                    format!("{path}#occupier"),
                ),
                row(
                    "Residents",
                    if p.residents.is_empty() {
                        "Nobody else".to_string()
                    } else {
                        p.residents
                            .iter()
                            .map(|r| {
                                // Born on, where known: what an agency traces them by.
                                let born = date(&r.date_of_birth);
                                let born = if born.is_empty() {
                                    String::new()
                                } else {
                                    format!(", born {born}")
                                };
                                format!(
                                    "{} ({}, {}{born})",
                                    r.display_name(),
                                    u(&r.relationship),
                                    u(&r.age)
                                )
                            })
                            .collect::<Vec<_>>()
                            .join("; ")
                    },
                    format!("{path}#household"),
                ),
                row(
                    "Children who visit",
                    p.visiting_children
                        .iter()
                        .map(|v| format!("{} ({}, {})", u(&v.name), u(&v.relationship), u(&v.age)))
                        .collect::<Vec<_>>()
                        .join("; "),
                    format!("{path}#household"),
                ),
                row(
                    "How the household was confirmed",
                    labels(&p.household_sources),
                    format!("{path}#household"),
                ),
                row(
                    "A victim or potential victim lives there",
                    sourced(&p.victim_lives_there),
                    format!("{path}#victim"),
                ),
            ];
            enquiry(
                &mut rows,
                &p.police_callout,
                &format!("{path}#police-callout"),
                "Police call-out check: force",
            );
            enquiry(
                &mut rows,
                &p.cs_check,
                &format!("{path}#cs-check"),
                "Children's services check: local authority",
            );
            rows.push(row(
                "Electronic monitoring available",
                yes_no(p.em_available),
                format!("{path}#monitoring"),
            ));
            rows.push(row(
                "Electricity supply confirmed",
                yes_no(p.electricity_confirmed),
                format!("{path}#monitoring"),
            ));
            rows.push(row(
                "Main occupier agrees to the equipment",
                yes_no(p.equipment_agreed),
                format!("{path}#monitoring"),
            ));
            for who in p.consent_subjects() {
                rows.push(row(
                    format!("Consent of {}", p.subject_name(who)),
                    consent_text(p.consent(who).unwrap_or(&<Consent as Default>::default())),
                    format!("consent/{}/{}", p.id, who.slug()),
                ));
            }
            out.push((format!("Proposed address: {}", p.short_address()), rows));
        }
        let s = &c.schedule;
        let path = Section::Schedule.slug();
        let mut rows = vec![
            row("Start date", date(&s.start), path),
            row(
                "Length",
                format!(
                    "{} {}",
                    u(&s.length),
                    label(s.length_unit).to_ascii_lowercase()
                ),
                path,
            ),
            row(
                "Length of the order",
                if s.order_months.trim().is_empty() {
                    String::new()
                } else {
                    format!("{} months", u(&s.order_months))
                },
                path,
            ),
        ];
        for (i, w) in s.windows.iter().enumerate() {
            let at = w
                .place_id
                .and_then(|id| c.place(id))
                .map(|p| format!(" at {}", p.short_address()))
                .unwrap_or_default();
            rows.push(row(
                format!("Curfew period {}", i + 1),
                format!("{} to {}, {}{at}", u(&w.from), u(&w.to), labels(&w.days)),
                path,
            ));
        }
        rows.push(row("Possible clashes", labels(&s.clashes), path));
        out.push((Section::Schedule.title().to_string(), rows));
    }

    let rows = match &c.outcome.recorded {
        Some(r) => vec![
            row("Outcome", r.decision.label(), Section::Outcome.slug()),
            row("Rationale", u(&r.rationale), Section::Outcome.slug()),
        ],
        None => vec![row("Outcome", "", Section::Outcome.slug())],
    };
    out.push((Section::Outcome.title().to_string(), rows));
    out
}

/// Every answer of the case, section by section; with "Change" links for the officer, without
/// them for the senior probation officer's review.
pub(crate) fn every_answer(handle: CaseHandle, links: bool) -> impl IntoView {
    let body = handle
        .case
        .with_untracked(|c| c.as_ref().map(sections).unwrap_or_default());
    body.into_iter()
        .map(|(title, rows)| {
            let rows = rows
                .into_iter()
                .map(|r| {
                    let change = links.then(|| view! {
                        <dd class="govuk-summary-list__actions">
                            <a class="govuk-link" href=handle.href(&r.path)>
                                "Change"<span class="govuk-visually-hidden">{format!(" {}", r.key.to_ascii_lowercase())}</span>
                            </a>
                        </dd>
                    });
                    view! {
                        <div class="govuk-summary-list__row">
                            <dt class="govuk-summary-list__key">{r.key.clone()}</dt>
                            <dd class="govuk-summary-list__value app-pre-line">{r.value}</dd>
                            {change}
                        </div>
                    }
                })
                .collect_view();
            view! {
                <h2 class="govuk-heading-m">{title}</h2>
                <dl class="govuk-summary-list app-summary-section">{rows}</dl>
            }
        })
        .collect_view()
}

#[component]
pub fn CheckAnswersPage(id: String) -> impl IntoView {
    let handle = case_handle(id);
    view! {
        <BackLink href=Signal::derive(move || handle.href("")) text="Back to task list".to_string()/>
        <PageHeading title="Check your answers".to_string() caption=Signal::derive(move || handle.with(Case::display_name))/>
        {every_answer(handle, true)}
        <a class="govuk-button" href=handle.href("outcome")>"Go to the outcome"</a>
    }
}
