//! Entry point: mount the app.
fn main() {
    // No panic hook: its message formatting costs more download than it is worth here.
    leptos::mount::mount_to_body(presentence_checks::ui::app::App);
}
