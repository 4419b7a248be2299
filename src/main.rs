//! Entry point: read the stored cases, then mount the app.

// Talc, made to replace Rust's default WebAssembly allocator (dlmalloc): a few kilobytes smaller
// in the first download, and faster.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    // No panic hook: its message formatting costs more download than it is worth here.
    wasm_bindgen_futures::spawn_local(async {
        presentence_checks::ui::state::Store::read().await;
        leptos::mount::mount_to_body(presentence_checks::ui::app::App);
    });
}
