//! Create a case, and later change its hearing details, risk of serious harm and orders.

use leptos::prelude::*;

use crate::content::hearing as text;
use crate::domain::case::{Case, OrderKind, ReportType, RoshLevel, Source};
use crate::domain::validate;
use crate::ui::components::fields::*;
use crate::ui::components::page::{BackLink, ErrorSummary, PageHeading, navigator};
use crate::ui::pages::{CaseMissing, case_from_route};
use crate::ui::state::{CaseHandle, NEW_CASE};

#[component]
pub fn NewCasePage() -> impl IntoView {
    let handle = CaseHandle::new(Signal::stored(NEW_CASE.to_string()));
    view! { <HearingForm handle=handle is_new=true/> }
}

#[component]
pub fn HearingPage() -> impl IntoView {
    let handle = case_from_route();
    if handle.missing() {
        return view! { <CaseMissing/> }.into_any();
    }
    view! { <HearingForm handle=handle is_new=false/> }.into_any()
}

#[component]
fn HearingForm(handle: CaseHandle, is_new: bool) -> impl IntoView {
    let errors: PageErrors = RwSignal::new(Vec::new());
    let (case, set) = handle.whole();
    let store = handle.store;
    let go = navigator();

    let (name, set_name) = lens(case, set, |c| c.person.name.clone(), |c, v| c.person.name = v);
    let (dob, set_dob) = lens(case, set, |c| c.person.date_of_birth.clone(), |c, v| c.person.date_of_birth = v);
    let (court, set_court) = lens(case, set, |c| c.hearing.court.clone(), |c, v| c.hearing.court = v);
    let (date, set_date) = lens(case, set, |c| c.hearing.date.clone(), |c, v| c.hearing.date = v);
    let (report, set_report) = choice_lens::<Case, ReportType>(case, set, |c| c.hearing.report_type, |c, v| c.hearing.report_type = v);
    let (curfew, set_curfew) = yes_no_lens(case, set, |c| c.hearing.curfew_considered, |c, v| c.hearing.curfew_considered = v);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let found = case.with_untracked(|c| validate::hearing(c, store.today, !is_new));
        let ok = found.is_empty();
        errors.set(found);
        if ok {
            if is_new {
                let id = store.create_from_draft();
                go.run(format!("/cases/{id}"));
            } else {
                go.run(handle.href(""));
            }
        }
    };

    let title = if is_new { text::NEW_TITLE } else { text::TITLE };
    let back = if is_new { Signal::stored("/".to_string()) } else { Signal::derive(move || handle.href("")) };
    let caption = (!is_new).then(|| Signal::derive(move || handle.with(|c| c.display_name())));
    let sdr_advice = move || {
        handle.assessment.with(|a| {
            a.as_ref().and_then(|a| a.advice.iter().find(|x| x.code == "STANDARD_DELIVERY_REPORT").map(|x| x.message.clone()))
        })
    };

    view! {
        <BackLink href=back text={if is_new { "Back to cases" } else { "Back to task list" }.to_string()}/>
        <ErrorSummary errors=errors/>
        {match caption {
            Some(c) => view! { <PageHeading title=title.to_string() caption=c errors=errors/> }.into_any(),
            None => view! { <PageHeading title=title.to_string() errors=errors/> }.into_any(),
        }}
        <form novalidate on:submit=submit>
            <h2 class="govuk-heading-m">{text::PERSON}</h2>
            <TextInput id="name" label=text::NAME value=name set=set_name errors=errors width="govuk-!-width-two-thirds" autocomplete="off"/>
            <DateInput id="dob" legend=text::DOB hint=text::DOB_HINT value=dob set=set_dob errors=errors/>

            <h2 class="govuk-heading-m">{text::HEARING}</h2>
            <TextInput id="court" label=text::COURT value=court set=set_court errors=errors width="govuk-!-width-two-thirds"/>
            <DateInput id="hearing" legend=text::HEARING_DATE value=date set=set_date errors=errors/>
            <Radios id="report-type" legend=text::REPORT_TYPE options={opts::<ReportType>()} value=report set=set_report errors=errors/>
            {move || sdr_advice().map(|m| view! { <div class="govuk-inset-text">{m}</div> })}
            <Radios id="curfew" legend=text::CURFEW options=yes_no() value=curfew set=set_curfew errors=errors inline=true/>

            <h2 class="govuk-heading-m">{text::OFFENCES}</h2>
            <Offences case=case set=set errors=errors/>

            {(!is_new).then(|| view! {
                <Rosh case=case set=set errors=errors/>
                <Orders case=case set=set errors=errors/>
            })}

            <button type="submit" class="govuk-button" data-module="govuk-button">
                {if is_new { "Create case" } else { "Save and continue" }}
            </button>
        </form>
    }
}

#[component]
fn Offences(case: Signal<Case>, set: Callback<Case>, errors: PageErrors) -> impl IntoView {
    let each = ids(case, |c: &Case| &c.offences);
    let count = move || case.with(|c| c.offences.len());
    view! {
        <For each=each key=|id| *id let(id)>
            {
                let (offence, set_offence) = item_lens(case, set, |c: &Case| &c.offences, |c: &mut Case| &mut c.offences, id);
                let (description, set_description) = lens(offence, set_offence, |o| o.description.clone(), |o, v| o.description = v);
                let (committed, set_committed) = lens(offence, set_offence, |o| o.offence_date.clone(), |o, v| o.offence_date = v);
                let (convicted, set_convicted) = lens(offence, set_offence, |o| o.conviction_date.clone(), |o, v| o.conviction_date = v);
                let (da, set_da) = yes_no_lens(offence, set_offence, |o| o.da_related, |o, v| o.da_related = v);
                let n = position(case, |c: &Case| &c.offences, id);
                let n2 = n.clone();
                let remove = move |_| {
                    let mut c = case.get_untracked();
                    c.offences.retain(|o| o.id != id);
                    set.run(c);
                };
                let p = format!("offence-{id}");
                view! {
                    <div class="app-repeat">
                        <h3 class="govuk-heading-s">{move || format!("Offence {}", n())}</h3>
                        <TextInput id=format!("{p}-description") label=text::OFFENCE hint=text::OFFENCE_HINT value=description set=set_description errors=errors width="govuk-!-width-two-thirds"/>
                        <DateInput id=format!("{p}-date") legend=text::OFFENCE_DATE value=committed set=set_committed errors=errors/>
                        <DateInput id=format!("{p}-conviction") legend=text::CONVICTION_DATE hint=text::CONVICTION_HINT value=convicted set=set_convicted errors=errors/>
                        <Radios id=format!("{p}-da") legend=text::DA_RELATED options=yes_no() value=da set=set_da errors=errors inline=true/>
                        <Show when=move || { count() > 1 }>
                            <button type="button" class="govuk-button govuk-button--secondary" on:click=remove>
                                {let n2 = n2.clone(); move || format!("Remove offence {}", n2())}
                            </button>
                        </Show>
                    </div>
                }
            }
        </For>
        <button
            type="button"
            id="add-offence"
            class="govuk-button govuk-button--secondary"
            on:click=move |_| {
                let mut c = case.get_untracked();
                c.add_offence();
                set.run(c);
            }
        >
            {text::ADD_OFFENCE}
        </button>
    }
}

#[component]
fn Rosh(case: Signal<Case>, set: Callback<Case>, errors: PageErrors) -> impl IntoView {
    let (children, set_children) = choice_lens::<Case, RoshLevel>(case, set, |c| c.rosh.children, |c, v| c.rosh.children = v);
    let (public, set_public) = choice_lens::<Case, RoshLevel>(case, set, |c| c.rosh.public, |c, v| c.rosh.public = v);
    let (known, set_known) = choice_lens::<Case, RoshLevel>(case, set, |c| c.rosh.known_adult, |c, v| c.rosh.known_adult = v);
    let (staff, set_staff) = choice_lens::<Case, RoshLevel>(case, set, |c| c.rosh.staff, |c, v| c.rosh.staff = v);
    view! {
        <h2 class="govuk-heading-m" id="rosh">{text::ROSH}</h2>
        <p class="govuk-hint">{text::ROSH_HINT}</p>
        <Radios id="rosh-children" legend=text::ROSH_CHILDREN options={opts::<RoshLevel>()} value=children set=set_children errors=errors inline=true/>
        <Radios id="rosh-public" legend=text::ROSH_PUBLIC options={opts::<RoshLevel>()} value=public set=set_public errors=errors inline=true/>
        <Radios id="rosh-known-adult" legend=text::ROSH_KNOWN_ADULT options={opts::<RoshLevel>()} value=known set=set_known errors=errors inline=true/>
        <Radios id="rosh-staff" legend=text::ROSH_STAFF options={opts::<RoshLevel>()} value=staff set=set_staff errors=errors inline=true/>
    }
}

#[component]
fn Orders(case: Signal<Case>, set: Callback<Case>, errors: PageErrors) -> impl IntoView {
    let (any, set_any) = yes_no_lens(case, set, |c| c.orders_recorded, |c, v| {
        c.orders_recorded = v;
        if v == Some(true) && c.orders.is_empty() {
            c.add_order();
        }
    });
    let each = ids(case, |c: &Case| &c.orders);
    let list = ViewFn::from(move || {
        view! {
            <For each=each.clone() key=|id| *id let(id)>
                {
                    let (order, set_order) = item_lens(case, set, |c: &Case| &c.orders, |c: &mut Case| &mut c.orders, id);
                    let (kind, set_kind) = choice_lens::<_, OrderKind>(order, set_order, |o| o.kind, |o, v| o.kind = v);
                    let (protects, set_protects) = lens(order, set_order, |o| o.protects.clone(), |o, v| o.protects = v);
                    let (relationship, set_relationship) = lens(order, set_order, |o| o.relationship.clone(), |o, v| o.relationship = v);
                    let (place, set_place) = yes_no_lens(order, set_order, |o| o.lives_at_or_visits_place, |o, v| o.lives_at_or_visits_place = v);
                    let (source, set_source) = choice_lens::<_, Source>(order, set_order, |o| o.source, |o, v| o.source = v);
                    let n = position(case, |c: &Case| &c.orders, id);
                    let n2 = n.clone();
                    let p = format!("order-{id}");
                    view! {
                        <div class="app-repeat">
                            <h3 class="govuk-heading-s">{move || format!("Order {}", n())}</h3>
                            <Radios id=format!("{p}-kind") legend=text::ORDER_KIND options={opts::<OrderKind>()} value=kind set=set_kind errors=errors/>
                            <TextInput id=format!("{p}-protects") label=text::ORDER_PROTECTS value=protects set=set_protects errors=errors width="govuk-!-width-two-thirds"/>
                            <TextInput id=format!("{p}-relationship") label=text::ORDER_RELATIONSHIP value=relationship set=set_relationship errors=errors width="govuk-!-width-one-half"/>
                            <Radios id=format!("{p}-place") legend=text::ORDER_PLACE options=yes_no() value=place set=set_place errors=errors inline=true/>
                            <Radios id=format!("{p}-source") legend=text::ORDER_SOURCE options={opts::<Source>()} value=source set=set_source errors=errors/>
                            <button
                                type="button"
                                class="govuk-button govuk-button--secondary"
                                on:click=move |_| {
                                    let mut c = case.get_untracked();
                                    c.orders.retain(|o| o.id != id);
                                    set.run(c);
                                }
                            >
                                {move || format!("Remove order {}", n2())}
                            </button>
                        </div>
                    }
                }
            </For>
            <button
                type="button"
                id="add-order"
                class="govuk-button govuk-button--secondary"
                on:click=move |_| {
                    let mut c = case.get_untracked();
                    c.add_order();
                    set.run(c);
                }
            >
                {text::ADD_ORDER}
            </button>
        }
    });
    view! {
        <h2 class="govuk-heading-m">{text::ORDERS}</h2>
        <Radios id="orders" legend=text::ORDERS_QUESTION hint=text::ORDERS_HINT options=yes_no() value=any set=set_any errors=errors reveal=vec![("yes", list)]/>
    }
}
