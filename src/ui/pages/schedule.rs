use leptos::prelude::*;
#[component] pub fn SchedulePage() -> impl IntoView { view!{ <p>"todo"</p> } }
