//! Entry point: read the stored cases, then mount the app.
fn main() {
    // No panic hook: its message formatting costs more download than it is worth here.
    wasm_bindgen_futures::spawn_local(async {
        presentence_checks::ui::state::Store::read().await;
        leptos::mount::mount_to_body(presentence_checks::ui::app::App);
    });
}
