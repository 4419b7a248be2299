//! Delete a case after confirming.

use leptos::prelude::*;

use crate::ui::components::page::{BackLink, PageHeading, Warning, navigator, on_click};
use crate::ui::pages::case_handle;

#[component]
pub fn DeleteCasePage(id: String) -> impl IntoView {
    let handle = case_handle(id);
    let name = handle.with(|c| c.display_name());
    let go = navigator();
    let delete = on_click(move || {
        handle.store.delete(&handle.id.get_untracked());
        go.run("/".into());
    });
    view! {
        <BackLink href=Signal::derive(move || handle.href("")) text="Back to task list".to_string()/>
        <PageHeading title=format!("Are you sure you want to delete the case for {name}?")/>
        <Warning>"This deletes the case and everything recorded in it from this device. It cannot be undone."</Warning>
        <div class="govuk-button-group">
            <button type="button" class="govuk-button govuk-button--warning" on:click=delete>"Yes, delete this case"</button>
            <a class="govuk-link" href=handle.href("")>"No, keep it"</a>
        </div>
    }
}
