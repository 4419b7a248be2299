//! Proposed curfew places: the list, and one page per place with its household, main occupier,
//! victim question, its own police and children's services checks, and monitoring.

use leptos::prelude::*;

use crate::content::places as text;
use crate::domain::case::{AssessedBy, Case, OccupierKind, Place, Source, Tenure};
use crate::domain::choice::Choice;
use crate::domain::rules::Section;
use crate::domain::validate::{self, FieldError};
use crate::ui::components::enquiry::EnquiryFields;
use crate::ui::components::fields::*;
use crate::ui::components::page::{BackLink, PageHeading, SectionForm, navigator};
use crate::ui::components::sourced::SourcedQuestion;
use crate::ui::pages::{CaseMissing, case_from_route, param};

#[component]
pub fn PlacesPage() -> impl IntoView {
    let handle = case_from_route();
    if handle.missing() {
        return view! { <CaseMissing/> }.into_any();
    }
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
                    let occupier = move || place().occupier_name(&name()).unwrap_or_else(|| "Not yet recorded".into());
                    let residents = move || {
                        let p = place();
                        if p.residents.is_empty() {
                            "Nobody else".to_string()
                        } else {
                            p.residents.iter().map(|r| format!("{} ({})", r.display_name(), r.age.trim())).collect::<Vec<_>>().join(", ")
                        }
                    };
                    let outstanding = move || {
                        let prefix = format!("places/{id}");
                        handle.assessment.with(|a| {
                            a.as_ref().map(|a| a.blockers_in(Section::Places).filter(|b| b.path.starts_with(&prefix)).count()).unwrap_or(0)
                        })
                    };
                    let title = move || place().short_address();
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
                                        <a class="govuk-link" href=move || handle.href(&format!("places/{id}"))>
                                            "Change"<span class="govuk-visually-hidden">{move || format!(" {}", title())}</span>
                                        </a>
                                    </li>
                                    <li class="govuk-summary-card__action">
                                        <button type="button" class="app-link-button" on:click=remove>
                                            "Remove"<span class="govuk-visually-hidden">{move || format!(" {}", title())}</span>
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
    .into_any()
}

#[component]
pub fn PlacePage() -> impl IntoView {
    let handle = case_from_route();
    let place_param = param("place");
    let place_id: u32 = place_param.get_untracked().parse().unwrap_or(0);
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

    let (line1, set_line1) = lens(place, set_place, |p| p.address_line_1.clone(), |p, v| p.address_line_1 = v);
    let (line2, set_line2) = lens(place, set_place, |p| p.address_line_2.clone(), |p, v| p.address_line_2 = v);
    let (town, set_town) = lens(place, set_place, |p| p.town.clone(), |p, v| p.town = v);
    let (postcode, set_postcode) = lens(place, set_place, |p| p.postcode.clone(), |p, v| p.postcode = v);
    let (tenure, set_tenure) = choice_lens::<_, Tenure>(place, set_place, |p| p.tenure, |p, v| p.tenure = v);
    let (assessed, set_assessed) = choice_lens::<_, AssessedBy>(place, set_place, |p| p.assessed_by, |p, v| p.assessed_by = v);
    let (sources, set_sources) = choices_lens::<_, Source>(place, set_place, |p| &p.household_sources, |p, v| p.household_sources = v);
    let (victim, set_victim) = lens(place, set_place, |p| p.victim_lives_there.clone(), |p, v| p.victim_lives_there = v);
    let (callout, set_callout) = lens(place, set_place, |p| p.police_callout.clone(), |p, v| p.police_callout = v);
    let (cs_check, set_cs_check) = lens(place, set_place, |p| p.cs_check.clone(), |p, v| p.cs_check = v);
    let (em, set_em) = yes_no_lens(place, set_place, |p| p.em_available, |p, v| p.em_available = v);
    let (power, set_power) = yes_no_lens(place, set_place, |p| p.electricity_confirmed, |p, v| p.electricity_confirmed = v);
    let (equipment, set_equipment) = yes_no_lens(place, set_place, |p| p.equipment_agreed, |p, v| p.equipment_agreed = v);
    let title = Signal::derive(move || place.with(|p| p.short_address()));
    // New residents and visitors take their ids from the case, so ids stay unique across places.
    let add_resident = Callback::new(move |_: ()| {
        let mut c = case.get_untracked();
        c.add_resident(place_id);
        set.run(c);
    });
    let add_visitor = Callback::new(move |_: ()| {
        let mut c = case.get_untracked();
        c.add_visiting_child(place_id);
        set.run(c);
    });

    view! {
        <SectionForm
            handle=handle
            title=text::PLACE_TITLE
            errors=errors
            validate=validate
            next="places".to_string()
            back="places".to_string()
        >
            <p class="govuk-body-l">{title}</p>
            <h2 class="govuk-heading-m">{text::ADDRESS}</h2>
            <TextInput id="address-line-1" label=text::LINE_1 value=line1 set=set_line1 errors=errors autocomplete="address-line1"/>
            <TextInput id="address-line-2" label=text::LINE_2 value=line2 set=set_line2 errors=errors autocomplete="address-line2"/>
            <TextInput id="town" label=text::TOWN value=town set=set_town errors=errors width="govuk-!-width-two-thirds" autocomplete="address-level2"/>
            <TextInput id="postcode" label=text::POSTCODE value=postcode set=set_postcode errors=errors width="govuk-input--width-10" autocomplete="postal-code"/>
            <Radios id="tenure" legend=text::TENURE options={opts::<Tenure>()} value=tenure set=set_tenure errors=errors/>
            <Radios id="assessed-by" legend=text::ASSESSED_BY options={opts::<AssessedBy>()} value=assessed set=set_assessed errors=errors/>

            <h2 class="govuk-heading-m" id="household">{text::HOUSEHOLD}</h2>
            <p class="govuk-hint">{text::HOUSEHOLD_HINT}</p>
            <Residents place=place set_place=set_place add=add_resident errors=errors/>
            <h3 class="govuk-heading-s">{text::VISITORS}</h3>
            <Visitors place=place set_place=set_place add=add_visitor errors=errors/>
            <Checkboxes id="household-sources" legend=text::HOUSEHOLD_SOURCES hint="Select all that apply" options={opts::<Source>()} value=sources set=set_sources errors=errors/>
            <Occupier place=place set_place=set_place errors=errors/>

            <SourcedQuestion id="victim" question=text::VICTIM hint=text::VICTIM_HINT value=victim set=set_victim errors=errors/>

            <h2 class="govuk-heading-m" id="police-callout">{text::CALLOUT}</h2>
            <EnquiryFields prefix="callout" agency_label="Police force" value=callout set=set_callout errors=errors/>
            <h2 class="govuk-heading-m" id="cs-check">{text::CS_CHECK}</h2>
            <EnquiryFields prefix="cscheck" agency_label="Local authority" value=cs_check set=set_cs_check errors=errors/>

            <h2 class="govuk-heading-m" id="monitoring">{text::MONITORING}</h2>
            <Radios id="em-available" legend=text::EM_AVAILABLE options=yes_no() value=em set=set_em errors=errors inline=true/>
            <Radios id="electricity" legend=text::ELECTRICITY options=yes_no() value=power set=set_power errors=errors inline=true/>
            <Radios id="equipment" legend=text::EQUIPMENT options=yes_no() value=equipment set=set_equipment errors=errors inline=true/>
        </SectionForm>
    }
    .into_any()
}

#[component]
fn Residents(place: Signal<Place>, set_place: Callback<Place>, add: Callback<()>, errors: PageErrors) -> impl IntoView {
    let each = ids(place, |p: &Place| &p.residents);
    view! {
        <For each=each key=|id| *id let(id)>
            {
                let (resident, set_resident) = item_lens(place, set_place, |p: &Place| &p.residents, |p: &mut Place| &mut p.residents, id);
                let (name, set_name) = lens(resident, set_resident, |r| r.name.clone(), |r, v| r.name = v);
                let (age, set_age) = lens(resident, set_resident, |r| r.age.clone(), |r, v| r.age = v);
                let (relationship, set_relationship) = lens(resident, set_resident, |r| r.relationship.clone(), |r, v| r.relationship = v);
                let n = position(place, |p: &Place| &p.residents, id);
                let n2 = n.clone();
                let p = format!("resident-{id}");
                view! {
                    <div class="app-repeat">
                        <h3 class="govuk-heading-s">{move || format!("Resident {}", n())}</h3>
                        <TextInput id=format!("{p}-name") label=text::RESIDENT_NAME value=name set=set_name errors=errors width="govuk-!-width-two-thirds"/>
                        <TextInput id=format!("{p}-age") label=text::RESIDENT_AGE value=age set=set_age errors=errors width="govuk-input--width-3" numeric=true/>
                        <TextInput id=format!("{p}-relationship") label=text::RESIDENT_RELATIONSHIP hint="For example, partner, mother or partner's child" value=relationship set=set_relationship errors=errors width="govuk-!-width-one-half"/>
                        <button
                            type="button"
                            class="govuk-button govuk-button--secondary"
                            on:click=move |_| {
                                let mut p = place.get_untracked();
                                p.residents.retain(|r| r.id != id);
                                if p.occupier_resident == Some(id) {
                                    p.occupier_resident = None;
                                }
                                set_place.run(p);
                            }
                        >
                            {move || format!("Remove resident {}", n2())}
                        </button>
                    </div>
                }
            }
        </For>
        <div>
            <button type="button" id="add-resident" class="govuk-button govuk-button--secondary" on:click=move |_| add.run(())>
                {text::ADD_RESIDENT}
            </button>
        </div>
    }
}

#[component]
fn Visitors(place: Signal<Place>, set_place: Callback<Place>, add: Callback<()>, errors: PageErrors) -> impl IntoView {
    let each = ids(place, |p: &Place| &p.visiting_children);
    view! {
        <For each=each key=|id| *id let(id)>
            {
                let (child, set_child) = item_lens(place, set_place, |p: &Place| &p.visiting_children, |p: &mut Place| &mut p.visiting_children, id);
                let (name, set_name) = lens(child, set_child, |c| c.name.clone(), |c, v| c.name = v);
                let (age, set_age) = lens(child, set_child, |c| c.age.clone(), |c, v| c.age = v);
                let (relationship, set_relationship) = lens(child, set_child, |c| c.relationship.clone(), |c, v| c.relationship = v);
                let n = position(place, |p: &Place| &p.visiting_children, id);
                let n2 = n.clone();
                let p = format!("visitor-{id}");
                view! {
                    <div class="app-repeat">
                        <h4 class="govuk-heading-s">{move || format!("Visiting child {}", n())}</h4>
                        <TextInput id=format!("{p}-name") label="Full name" value=name set=set_name errors=errors width="govuk-!-width-two-thirds"/>
                        <TextInput id=format!("{p}-age") label="Age" value=age set=set_age errors=errors width="govuk-input--width-3" numeric=true/>
                        <TextInput id=format!("{p}-relationship") label="Relationship to the person" value=relationship set=set_relationship errors=errors width="govuk-!-width-one-half"/>
                        <button
                            type="button"
                            class="govuk-button govuk-button--secondary"
                            on:click=move |_| {
                                let mut p = place.get_untracked();
                                p.visiting_children.retain(|c| c.id != id);
                                set_place.run(p);
                            }
                        >
                            {move || format!("Remove visiting child {}", n2())}
                        </button>
                    </div>
                }
            }
        </For>
        <div>
            <button type="button" id="add-visitor" class="govuk-button govuk-button--secondary" on:click=move |_| add.run(())>
                {text::ADD_VISITOR}
            </button>
        </div>
    }
}

#[component]
fn Occupier(place: Signal<Place>, set_place: Callback<Place>, errors: PageErrors) -> impl IntoView {
    let (kind, set_kind) = choice_lens::<_, OccupierKind>(place, set_place, |p| p.occupier, |p, v| p.occupier = v);
    let (which, set_which) = lens(
        place,
        set_place,
        |p| p.occupier_resident.map(|id| id.to_string()).unwrap_or_default(),
        |p, v: String| p.occupier_resident = v.parse().ok(),
    );
    let (name, set_name) = lens(place, set_place, |p| p.occupier_elsewhere.name.clone(), |p, v| p.occupier_elsewhere.name = v);
    let (role, set_role) = lens(place, set_place, |p| p.occupier_elsewhere.role.clone(), |p, v| p.occupier_elsewhere.role = v);
    let residents = Signal::derive(move || {
        place.with(|p| {
            p.residents
                .iter()
                .filter(|r| r.age().is_none_or(|a| a >= 16))
                .map(|r| Opt { key: r.id.to_string(), label: r.display_name(), hint: None })
                .collect::<Vec<_>>()
        })
    });
    let resident_view = ViewFn::from(move || {
        view! {
            <Show
                when=move || residents.with(|r| !r.is_empty())
                fallback=|| view! { <p class="govuk-body" id="occupier-resident">"Add the main occupier as a resident above first."</p> }
            >
                <Radios id="occupier-resident" legend=text::OCCUPIER_RESIDENT options=residents value=which set=set_which errors=errors/>
            </Show>
        }
    });
    let elsewhere_view = ViewFn::from(move || {
        view! {
            <TextInput id="occupier-name" label=text::OCCUPIER_NAME value=name set=set_name errors=errors width="govuk-!-width-two-thirds"/>
            <TextInput id="occupier-role" label=text::OCCUPIER_ROLE hint=text::OCCUPIER_ROLE_HINT value=role set=set_role errors=errors width="govuk-!-width-one-half"/>
        }
    });
    view! {
        <Radios
            id="occupier"
            legend=text::OCCUPIER
            hint=text::OCCUPIER_HINT
            options={opts::<OccupierKind>()}
            value=kind
            set=set_kind
            errors=errors
            size="m"
            reveal=vec![(OccupierKind::Resident.key(), resident_view), (OccupierKind::Elsewhere.key(), elsewhere_view)]
        />
    }
}
