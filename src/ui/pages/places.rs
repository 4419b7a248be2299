//! Proposed curfew places: the list, and one page per place with its household, main occupier,
//! victim question, its own police and children's services checks, and monitoring.

use leptos::prelude::*;

use crate::content::places as text;
use crate::domain::case::{AssessedBy, Case, OccupierKind, Place, Source, Tenure};
use crate::domain::choice::Choice;
use crate::domain::rules::Section;
use crate::domain::validate::{self, FieldError};
use crate::ui::components::enquiry::enquiry_items;
use crate::ui::components::fields::*;
use crate::ui::components::page::{BackLink, PageHeading, SectionForm, navigator};
use crate::ui::components::form::{Item, render};
use crate::ui::components::sourced::sourced_question;
use crate::ui::pages::case_handle;

#[component]
pub fn PlacesPage(id: String) -> impl IntoView {
    let handle = case_handle(id);
    let errors: PageErrors = RwSignal::new(Vec::new());
    let (case, set) = handle.whole();
    let go = navigator();
    let add = move |_| {
        let mut c = case.get_untracked();
        let id = c.add_place();
        set.run(c);
        go.run(handle.href(&format!("places/{id}")));
    };
    let validate = Box::new(move || {
        case.with_untracked(|c| {
            if c.places.is_empty() {
                vec![FieldError { field: "add-place".into(), message: "Add a proposed address".into() }]
            } else {
                Vec::new()
            }
        })
    });
    let each = ids(case, |c: &Case| &c.places);
    view! {
        <SectionForm handle=handle title=text::TITLE errors=errors validate=validate intro=text::INTRO>
            <For each=each key=|id| *id let(id)>
                {
                    let place = move || case.with(|c| c.place(id).cloned().unwrap_or_default());
                    let name = move || case.with(|c| c.display_name());
                    let occupier = Signal::derive(move || place().occupier_name(&name()).unwrap_or_else(|| "Not yet recorded".into()));
                    let residents = Signal::derive(move || {
                        let p = place();
                        if p.residents.is_empty() {
                            "Nobody else".to_string()
                        } else {
                            p.residents.iter().map(|r| format!("{} ({})", r.display_name(), r.age.trim())).collect::<Vec<_>>().join(", ")
                        }
                    });
                    let outstanding = Signal::derive(move || {
                        let prefix = format!("places/{id}");
                        handle.assessment.with(|a| {
                            a.as_ref().map(|a| a.blockers_in(Section::Places).filter(|b| b.path.starts_with(&prefix)).count()).unwrap_or(0).to_string()
                        })
                    });
                    let title = Signal::derive(move || place().short_address());
                    let hidden = Signal::derive(move || format!(" {}", title.get()));
                    let remove = move |_| {
                        let mut c = case.get_untracked();
                        c.remove_place(id);
                        set.run(c);
                    };
                    view! {
                        <div class="govuk-summary-card">
                            <div class="govuk-summary-card__title-wrapper">
                                <h2 class="govuk-summary-card__title">{title}</h2>
                                <ul class="govuk-summary-card__actions">
                                    <li class="govuk-summary-card__action">
                                        <a class="govuk-link" href=handle.href(&format!("places/{id}"))>
                                            "Change"<span class="govuk-visually-hidden">{hidden}</span>
                                        </a>
                                    </li>
                                    <li class="govuk-summary-card__action">
                                        <button type="button" class="app-link-button" on:click=remove>
                                            "Remove"<span class="govuk-visually-hidden">{hidden}</span>
                                        </button>
                                    </li>
                                </ul>
                            </div>
                            <div class="govuk-summary-card__content">
                                <dl class="govuk-summary-list">
                                    <div class="govuk-summary-list__row">
                                        <dt class="govuk-summary-list__key">"Main occupier"</dt>
                                        <dd class="govuk-summary-list__value">{occupier}</dd>
                                    </div>
                                    <div class="govuk-summary-list__row">
                                        <dt class="govuk-summary-list__key">"Other residents"</dt>
                                        <dd class="govuk-summary-list__value">{residents}</dd>
                                    </div>
                                    <div class="govuk-summary-list__row">
                                        <dt class="govuk-summary-list__key">"Checks outstanding"</dt>
                                        <dd class="govuk-summary-list__value">{outstanding}</dd>
                                    </div>
                                </dl>
                            </div>
                        </div>
                    }
                }
            </For>
            <div>
                <button type="button" id="add-place" class="govuk-button govuk-button--secondary" on:click=add>{text::ADD}</button>
            </div>
        </SectionForm>
    }
}

#[component]
pub fn PlacePage(id: String, place: String) -> impl IntoView {
    let handle = case_handle(id);
    let place_id: u32 = place.parse().unwrap_or(0);
    let exists = handle.case.with_untracked(|c| c.as_ref().is_some_and(|c| c.place(place_id).is_some()));
    if !exists {
        return view! {
            <BackLink href=Signal::derive(move || handle.href("places")) text="Back to addresses".to_string()/>
            <PageHeading title="Address not found".to_string()/>
            <p class="govuk-body">"This address is not part of the case. It may have been removed."</p>
        }
        .into_any();
    }
    let errors: PageErrors = RwSignal::new(Vec::new());
    let (case, set) = handle.whole();
    let (place, set_place) = item_lens(case, set, |c: &Case| &c.places, |c: &mut Case| &mut c.places, place_id);
    let today = handle.store.today;
    let validate = Box::new(move || case.with_untracked(|c| c.place(place_id).map(|p| validate::place(c, p, today)).unwrap_or_default()));
    let (victim, set_victim) = lens(place, set_place, |p| p.victim_lives_there.clone(), |p, v| p.victim_lives_there = v);
    let (callout, set_callout) = lens(place, set_place, |p| p.police_callout.clone(), |p, v| p.police_callout = v);
    let (cs_check, set_cs_check) = lens(place, set_place, |p| p.cs_check.clone(), |p, v| p.cs_check = v);

    let mut items = vec![
        Item::Para(Signal::derive(move || place.with(|p| p.short_address()))),
        Item::h2(text::ADDRESS),
        Item::text("address-line-1", text::LINE_1, lens(place, set_place, |p| p.address_line_1.clone(), |p, v| p.address_line_1 = v)),
        Item::text("address-line-2", text::LINE_2, lens(place, set_place, |p| p.address_line_2.clone(), |p, v| p.address_line_2 = v)),
        Item::text("town", text::TOWN, lens(place, set_place, |p| p.town.clone(), |p, v| p.town = v)).width("govuk-!-width-two-thirds"),
        Item::text("postcode", text::POSTCODE, lens(place, set_place, |p| p.postcode.clone(), |p, v| p.postcode = v)).width("govuk-input--width-10"),
        Item::radios("tenure", text::TENURE, opts::<Tenure>(), choice_lens(place, set_place, |p| p.tenure, |p, v| p.tenure = v)),
        Item::radios("assessed-by", text::ASSESSED_BY, opts::<AssessedBy>(), choice_lens(place, set_place, |p| p.assessed_by, |p, v| p.assessed_by = v)),
        Item::h2_id(text::HOUSEHOLD, "household"),
        Item::Hint(text::HOUSEHOLD_HINT.into()),
        Item::list(ids(place, |p: &Place| &p.residents), move |id| resident(place, set_place, id)),
        Item::button(Some("add-resident"), || text::ADD_RESIDENT.into(), move || {
            let mut c = case.get_untracked();
            c.add_resident(place_id);
            set.run(c);
        }),
        Item::h3(text::VISITORS),
        Item::list(ids(place, |p: &Place| &p.visiting_children), move |id| visitor(place, set_place, id)),
        Item::button(Some("add-visitor"), || text::ADD_VISITOR.into(), move || {
            let mut c = case.get_untracked();
            c.add_visiting_child(place_id);
            set.run(c);
        }),
        Item::checks("household-sources", text::HOUSEHOLD_SOURCES, opts::<Source>(), choices_lens(place, set_place, |p| &p.household_sources, |p, v| p.household_sources = v))
            .hint("Select all that apply"),
        occupier(place, set_place),
        sourced_question("victim", text::VICTIM.into(), text::VICTIM_HINT, "whether a victim lives there", victim, set_victim),
        Item::Region { id: "police-callout".into(), title: text::CALLOUT.into(), items: enquiry_items("callout", "Police force", callout, set_callout, false) },
        Item::Region { id: "cs-check".into(), title: text::CS_CHECK.into(), items: enquiry_items("cscheck", "Local authority", cs_check, set_cs_check, false) },
    ];
    items.extend([
        Item::h2_id(text::MONITORING, "monitoring"),
        Item::yes_no("em-available", text::EM_AVAILABLE, yes_no_lens(place, set_place, |p| p.em_available, |p, v| p.em_available = v)),
        Item::yes_no("electricity", text::ELECTRICITY, yes_no_lens(place, set_place, |p| p.electricity_confirmed, |p, v| p.electricity_confirmed = v)),
        Item::yes_no("equipment", text::EQUIPMENT, yes_no_lens(place, set_place, |p| p.equipment_agreed, |p, v| p.equipment_agreed = v)),
    ]);

    view! {
        <SectionForm handle=handle title=text::PLACE_TITLE errors=errors validate=validate next="places".to_string() back="places".to_string()>
            {render(items, errors)}
        </SectionForm>
    }
    .into_any()
}

fn resident(place: Signal<Place>, set_place: Callback<Place>, id: u32) -> Vec<Item> {
    let (r, set_r) = item_lens(place, set_place, |p: &Place| &p.residents, |p: &mut Place| &mut p.residents, id);
    let n = position(place, |p: &Place| &p.residents, id);
    let n2 = n.clone();
    let p = format!("resident-{id}");
    vec![Item::Group {
        id: format!("{p}-heading"),
        title: Signal::derive(move || format!("Resident {}", n())),
        items: vec![
            Item::text(format!("{p}-name"), text::RESIDENT_NAME, lens(r, set_r, |r| r.name.clone(), |r, v| r.name = v)).width("govuk-!-width-two-thirds"),
            Item::text(format!("{p}-age"), text::RESIDENT_AGE, lens(r, set_r, |r| r.age.clone(), |r, v| r.age = v)).numeric(),
            Item::text(format!("{p}-relationship"), text::RESIDENT_RELATIONSHIP, lens(r, set_r, |r| r.relationship.clone(), |r, v| r.relationship = v))
                .hint("For example, partner, mother or partner's child")
                .width("govuk-!-width-one-half"),
            Item::button(None, move || format!("Remove resident {}", n2()), move || {
                let mut p = place.get_untracked();
                p.residents.retain(|r| r.id != id);
                if p.occupier_resident == Some(id) {
                    p.occupier_resident = None;
                }
                set_place.run(p);
            }),
        ],
    }]
}

fn visitor(place: Signal<Place>, set_place: Callback<Place>, id: u32) -> Vec<Item> {
    let (v, set_v) = item_lens(place, set_place, |p: &Place| &p.visiting_children, |p: &mut Place| &mut p.visiting_children, id);
    let n = position(place, |p: &Place| &p.visiting_children, id);
    let n2 = n.clone();
    let p = format!("visitor-{id}");
    vec![Item::Group {
        id: format!("{p}-heading"),
        title: Signal::derive(move || format!("Visiting child {}", n())),
        items: vec![
            Item::text(format!("{p}-name"), "Full name", lens(v, set_v, |c| c.name.clone(), |c, x| c.name = x)).width("govuk-!-width-two-thirds"),
            Item::text(format!("{p}-age"), "Age", lens(v, set_v, |c| c.age.clone(), |c, x| c.age = x)).numeric(),
            Item::text(format!("{p}-relationship"), "Relationship to the person", lens(v, set_v, |c| c.relationship.clone(), |c, x| c.relationship = x))
                .width("govuk-!-width-one-half"),
            Item::button(None, move || format!("Remove visiting child {}", n2()), move || {
                let mut p = place.get_untracked();
                p.visiting_children.retain(|c| c.id != id);
                set_place.run(p);
            }),
        ],
    }]
}

fn occupier(place: Signal<Place>, set_place: Callback<Place>) -> Item {
    // A memo, so the radios are rebuilt only when the residents change, not on every keystroke.
    let residents = Memo::new(move |_| {
        place.with(|p| {
            p.residents
                .iter()
                .filter(|r| r.age().is_none_or(|a| a >= 16))
                .map(|r| Opt { key: r.id.to_string(), label: r.display_name(), hint: None })
                .collect::<Vec<_>>()
        })
    });
    let which = lens(place, set_place, |p| p.occupier_resident.map(|id| id.to_string()).unwrap_or_default(), |p, v: String| p.occupier_resident = v.parse().ok());
    let resident_items = vec![
        Item::when(move || residents.with(|r| r.is_empty()), vec![Item::para("Add the main occupier as a resident above first.")]),
        Item::when(
            move || residents.with(|r| !r.is_empty()),
            vec![Item::radios("occupier-resident", text::OCCUPIER_RESIDENT, Vec::new(), which).options(residents.into())],
        ),
    ];
    let elsewhere_items = vec![
        Item::text("occupier-name", text::OCCUPIER_NAME, lens(place, set_place, |p| p.occupier_elsewhere.name.clone(), |p, v| p.occupier_elsewhere.name = v))
            .width("govuk-!-width-two-thirds"),
        Item::text("occupier-role", text::OCCUPIER_ROLE, lens(place, set_place, |p| p.occupier_elsewhere.role.clone(), |p, v| p.occupier_elsewhere.role = v))
            .hint(text::OCCUPIER_ROLE_HINT)
            .width("govuk-!-width-one-half"),
    ];
    Item::radios("occupier", text::OCCUPIER, opts::<OccupierKind>(), choice_lens(place, set_place, |p| p.occupier, |p, v| p.occupier = v))
        .hint(text::OCCUPIER_HINT)
        .size("m")
        .reveal(OccupierKind::Resident.key(), resident_items)
        .reveal(OccupierKind::Elsewhere.key(), elsewhere_items)
}
