//! Proposed curfew places: the list, and one page per place with its household, main occupier,
//! victim question, its own police and children's services checks, and monitoring.

use leptos::prelude::*;

use crate::content::places as text;
use crate::domain::case::{
    AssessedBy, OccupierKind, Place, Resident, Source, Tenure, VisitingChild,
};
use crate::domain::choice::Choice;
use crate::domain::directory::AgencyKind;
use crate::domain::rules::Section;
use crate::domain::validate::{self, FieldError};
use crate::ui::components::enquiry::enquiry_items;
use crate::ui::components::fields::*;
use crate::ui::components::form::{Item, render};
use crate::ui::components::page::{
    BackLink, PageHeading, SectionForm, dynamic, focus_later, navigator, on_click,
};
use crate::ui::components::sourced::sourced_question;
use crate::ui::pages::case_handle;
use crate::ui::part::Part;

#[component]
pub fn PlacesPage(id: String) -> impl IntoView {
    let handle = case_handle(id);
    let errors: PageErrors = RwSignal::new(Vec::new());
    let go = navigator();
    let add = on_click(move || {
        let mut id = 0;
        handle.update(|c| id = c.add_place());
        go.run(handle.href(&format!("places/{id}")));
    });
    let validate = Box::new(move || {
        if handle.with(|c| c.places.is_empty()) {
            vec![FieldError {
                field: "add-place".into(),
                message: "Add a proposed address".into(),
            }]
        } else {
            Vec::new()
        }
    });
    // No questions on this page, so the cards are simply redrawn when the case changes.
    let cards = dynamic(move || {
        let outstanding = |id: u32| {
            let prefix = format!("places/{id}");
            handle.assessment.with_untracked(|a| {
                a.as_ref()
                    .map(|a| {
                        a.blockers_in(Section::Places)
                            .filter(|b| b.path.starts_with(&prefix))
                            .count()
                    })
                    .unwrap_or(0)
            })
        };
        handle
            .with(|c| {
                let name = c.display_name();
                c.places
                    .iter()
                    .map(|p| {
                        let id = p.id;
                        let title = p.short_address();
                        let residents = if p.residents.is_empty() {
                            "Nobody else".to_string()
                        } else {
                            p.residents.iter().map(|r| format!("{} ({})", r.display_name(), r.age.trim())).collect::<Vec<_>>().join(", ")
                        };
                        let rows = [
                            ("Main occupier", p.occupier_name(&name).unwrap_or_else(|| "Not yet recorded".into())),
                            ("Other residents", residents),
                            ("Checks outstanding", outstanding(id).to_string()),
                        ]
                        .into_iter()
                        .map(|(k, v)| view! { <div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">{k}</dt><dd class="govuk-summary-list__value">{v}</dd></div> })
                        .collect_view();
                        view! {
                            <div class="govuk-summary-card">
                                <div class="govuk-summary-card__title-wrapper">
                                    <h2 class="govuk-summary-card__title">{title.clone()}</h2>
                                    <ul class="govuk-summary-card__actions">
                                        <li class="govuk-summary-card__action">
                                            <a class="govuk-link" href=handle.href(&format!("places/{id}"))>
                                                "Change"<span class="govuk-visually-hidden">{format!(" {title}")}</span>
                                            </a>
                                        </li>
                                        <li class="govuk-summary-card__action">
                                            <button type="button" class="app-link-button" on:click=on_click(move || handle.update(|c| c.remove_place(id)))>
                                                "Remove"<span class="govuk-visually-hidden">{format!(" {title}")}</span>
                                            </button>
                                        </li>
                                    </ul>
                                </div>
                                <div class="govuk-summary-card__content">
                                    <dl class="govuk-summary-list">{rows}</dl>
                                </div>
                            </div>
                        }
                    })
                    .collect_view()
            })
            .into_any()
    });
    view! {
        <SectionForm handle=handle title=text::TITLE errors=errors validate=validate intro=text::INTRO>
            {cards}
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
    let exists = handle
        .case
        .with_untracked(|c| c.as_ref().is_some_and(|c| c.place(place_id).is_some()));
    if !exists {
        return view! {
            <BackLink href=Signal::derive(move || handle.href("places")) text="Back to addresses".to_string()/>
            <PageHeading title="Address not found".to_string()/>
            <p class="govuk-body">"This address is not part of the case. It may have been removed."</p>
        }
        .into_any();
    }
    let errors: PageErrors = RwSignal::new(Vec::new());
    let place = Part::root(handle).item(|c| &c.places, |c| &mut c.places, place_id);
    let validate = handle.check(move |c, today| {
        c.place(place_id)
            .map(|p| validate::place(c, p, today))
            .unwrap_or_default()
    });
    let victim = place.at(|p| &p.victim_lives_there, |p| &mut p.victim_lives_there);
    let callout = place.at(|p| &p.police_callout, |p| &mut p.police_callout);
    let cs_check = place.at(|p| &p.cs_check, |p| &mut p.cs_check);
    let address = place.clone();

    let mut items = vec![
        Item::Para(Signal::derive(move || address.with(|p| p.short_address()))),
        Item::h2(text::ADDRESS),
        Item::text(
            "address-line-1",
            text::LINE_1,
            place.field(|p| p.address_line_1.clone(), |p, v| p.address_line_1 = v),
        ),
        Item::text(
            "address-line-2",
            text::LINE_2,
            place.field(|p| p.address_line_2.clone(), |p, v| p.address_line_2 = v),
        ),
        Item::text(
            "town",
            text::TOWN,
            place.field(|p| p.town.clone(), |p, v| p.town = v),
        )
        .width("govuk-!-width-two-thirds"),
        Item::text(
            "postcode",
            text::POSTCODE,
            place.field(|p| p.postcode.clone(), |p, v| p.postcode = v),
        )
        .width("govuk-input--width-10"),
        Item::radios(
            "tenure",
            text::TENURE,
            opts::<Tenure>(),
            place.choice(|p| p.tenure, |p, v| p.tenure = v),
        ),
        Item::radios(
            "assessed-by",
            text::ASSESSED_BY,
            opts::<AssessedBy>(),
            place.choice(|p| p.assessed_by, |p, v| p.assessed_by = v),
        ),
        Item::h2_id(text::HOUSEHOLD, "household"),
        Item::Hint(text::HOUSEHOLD_HINT.into()),
        Item::list(place.ids(RESIDENTS), {
            let place = place.clone();
            move |id| resident(&place, id)
        }),
        Item::button(Some("add-resident"), text::ADD_RESIDENT, move || {
            let mut id = None;
            handle.update(|c| id = c.add_resident(place_id));
            if let Some(id) = id {
                focus_later(format!("resident-{id}-name"));
            }
        }),
        Item::h3(text::VISITORS),
        Item::list(place.ids(VISITORS), {
            let place = place.clone();
            move |id| visitor(&place, id)
        }),
        Item::button(Some("add-visitor"), text::ADD_VISITOR, move || {
            let mut id = None;
            handle.update(|c| id = c.add_visiting_child(place_id));
            if let Some(id) = id {
                focus_later(format!("visitor-{id}-name"));
            }
        }),
        Item::checks(
            "household-sources",
            text::HOUSEHOLD_SOURCES,
            opts::<Source>(),
            place.choices(|p| &p.household_sources, |p, v| p.household_sources = v),
        )
        .hint("Select all that apply"),
        occupier(&place),
        sourced_question(
            "victim",
            text::VICTIM.into(),
            text::VICTIM_HINT,
            "whether a victim lives there",
            victim,
        ),
        Item::Region {
            id: "police-callout".into(),
            title: text::CALLOUT.into(),
            items: drafted(enquiry_items(
                "callout",
                "Police force",
                AgencyKind::Police,
                callout,
                errors,
            )),
        },
        Item::Region {
            id: "cs-check".into(),
            title: text::CS_CHECK.into(),
            items: drafted(enquiry_items(
                "cscheck",
                "Local authority",
                AgencyKind::LocalAuthority,
                cs_check,
                errors,
            )),
        },
    ];
    items.extend([
        Item::h2_id(text::MONITORING, "monitoring"),
        Item::yes_no(
            "em-available",
            text::EM_AVAILABLE,
            place.yes_no(|p| p.em_available, |p, v| p.em_available = v),
        ),
        Item::yes_no(
            "electricity",
            text::ELECTRICITY,
            place.yes_no(
                |p| p.electricity_confirmed,
                |p, v| p.electricity_confirmed = v,
            ),
        ),
        Item::yes_no(
            "equipment",
            text::EQUIPMENT,
            place.yes_no(|p| p.equipment_agreed, |p, v| p.equipment_agreed = v),
        ),
    ]);

    view! {
        <SectionForm handle=handle title=text::PLACE_TITLE errors=errors validate=validate next="places".to_string() back="places".to_string()>
            {render(items, errors)}
        </SectionForm>
    }
    .into_any()
}

const RESIDENTS: fn(&Place) -> &Vec<Resident> = |p| &p.residents;
const VISITORS: fn(&Place) -> &Vec<VisitingChild> = |p| &p.visiting_children;

fn resident(place: &Part<Place>, id: u32) -> Vec<Item> {
    let r = place.item(RESIDENTS, |p| &mut p.residents, id);
    let n = place.position(RESIDENTS, id);
    let n2 = n.clone();
    let p = format!("resident-{id}");
    let owner = place.clone();
    vec![Item::Group {
        id: format!("{p}-heading"),
        title: Signal::derive(move || format!("Resident {}", n())),
        items: vec![
            Item::text(
                format!("{p}-name"),
                text::RESIDENT_NAME,
                r.field(|r| r.name.clone(), |r, v| r.name = v),
            )
            .width("govuk-!-width-two-thirds"),
            Item::text(
                format!("{p}-age"),
                text::RESIDENT_AGE,
                r.field(|r| r.age.clone(), |r, v| r.age = v),
            )
            .numeric(),
            Item::date(
                format!("{p}-dob"),
                text::DATE_OF_BIRTH,
                r.field(|r| r.date_of_birth.clone(), |r, v| r.date_of_birth = v),
            )
            .hint(text::DATE_OF_BIRTH_HINT),
            Item::text(
                format!("{p}-relationship"),
                text::RESIDENT_RELATIONSHIP,
                r.field(|r| r.relationship.clone(), |r, v| r.relationship = v),
            )
            .hint("For example, partner, mother or partner's child")
            .width("govuk-!-width-one-half"),
            Item::button_live(
                None,
                move || format!("Remove resident {}", n2()),
                move || {
                    owner.update(|p| {
                        p.residents.retain(|r| r.id != id);
                        if p.occupier_resident == Some(id) {
                            p.occupier_resident = None;
                        }
                    });
                    focus_later("add-resident".into());
                },
            ),
        ],
    }]
}

fn visitor(place: &Part<Place>, id: u32) -> Vec<Item> {
    let v = place.item(VISITORS, |p| &mut p.visiting_children, id);
    let n = place.position(VISITORS, id);
    let n2 = n.clone();
    let p = format!("visitor-{id}");
    let owner = place.clone();
    vec![Item::Group {
        id: format!("{p}-heading"),
        title: Signal::derive(move || format!("Visiting child {}", n())),
        items: vec![
            Item::text(
                format!("{p}-name"),
                "Full name",
                v.field(|c| c.name.clone(), |c, x| c.name = x),
            )
            .width("govuk-!-width-two-thirds"),
            Item::text(
                format!("{p}-age"),
                "Age",
                v.field(|c| c.age.clone(), |c, x| c.age = x),
            )
            .numeric(),
            Item::date(
                format!("{p}-dob"),
                text::DATE_OF_BIRTH,
                v.field(|c| c.date_of_birth.clone(), |c, x| c.date_of_birth = x),
            )
            .hint(text::DATE_OF_BIRTH_HINT),
            Item::text(
                format!("{p}-relationship"),
                "Relationship to the person",
                v.field(|c| c.relationship.clone(), |c, x| c.relationship = x),
            )
            .width("govuk-!-width-one-half"),
            Item::button_live(
                None,
                move || format!("Remove visiting child {}", n2()),
                move || {
                    owner.update(|p| p.visiting_children.retain(|c| c.id != id));
                    focus_later("add-visitor".into());
                },
            ),
        ],
    }]
}

fn occupier(place: &Part<Place>) -> Item {
    // A memo, so the radios are rebuilt only when the residents change, not on every keystroke.
    let reader = place.clone();
    let residents = Memo::new(move |_| {
        reader.with(|p| {
            p.residents
                .iter()
                .filter(|r| r.age().is_none_or(|a| a >= 16))
                .map(|r| Opt {
                    key: r.id.to_string(),
                    label: r.display_name(),
                    hint: None,
                })
                .collect::<Vec<_>>()
        })
    });
    let which = place.field(
        |p| {
            p.occupier_resident
                .map(|id| id.to_string())
                .unwrap_or_default()
        },
        |p, v: String| p.occupier_resident = v.parse().ok(),
    );
    let resident_items = vec![
        Item::when(
            move || residents.with(|r| r.is_empty()),
            vec![Item::para(
                "Add the main occupier as a resident above first.",
            )],
        ),
        Item::when(
            move || residents.with(|r| !r.is_empty()),
            vec![
                Item::radios(
                    "occupier-resident",
                    text::OCCUPIER_RESIDENT,
                    Vec::new(),
                    which,
                )
                .options(residents.into()),
            ],
        ),
    ];
    let elsewhere_items = vec![
        Item::text(
            "occupier-name",
            text::OCCUPIER_NAME,
            place.field(
                |p| p.occupier_elsewhere.name.clone(),
                |p, v| p.occupier_elsewhere.name = v,
            ),
        )
        .width("govuk-!-width-two-thirds"),
        Item::text(
            "occupier-role",
            text::OCCUPIER_ROLE,
            place.field(
                |p| p.occupier_elsewhere.role.clone(),
                |p, v| p.occupier_elsewhere.role = v,
            ),
        )
        .hint(text::OCCUPIER_ROLE_HINT)
        .width("govuk-!-width-one-half"),
    ];
    Item::radios(
        "occupier",
        text::OCCUPIER,
        opts::<OccupierKind>(),
        place.choice(|p| p.occupier, |p, v| p.occupier = v),
    )
    .hint(text::OCCUPIER_HINT)
    .size("m")
    .reveal(OccupierKind::Resident.key(), resident_items)
    .reveal(OccupierKind::Elsewhere.key(), elsewhere_items)
}

/// An address's check, with the note that it may wait for "Enquiries and replies".
fn drafted(mut items: Vec<Item>) -> Vec<Item> {
    items.insert(0, Item::Hint(text::CHECK_DRAFTED.into()));
    items
}
