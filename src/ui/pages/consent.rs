use leptos::prelude::*;
#[component] pub fn ConsentListPage() -> impl IntoView { view!{ <p>"todo"</p> } }
#[component] pub fn ConsentPage() -> impl IntoView { view!{ <p>"todo"</p> } }
