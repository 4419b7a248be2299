use leptos::prelude::*;
#[component] pub fn CheckAnswersPage() -> impl IntoView { view!{ <p>"todo"</p> } }
