use leptos::prelude::*;
#[component] pub fn OutcomePage() -> impl IntoView { view!{ <p>"todo"</p> } }
