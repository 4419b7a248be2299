//! A small client-side router: the current path as a signal, links handled without reloading,
//! and the browser's back and forward buttons.
//!
//! Why not leptos_router: it was the largest single part of the download after serde, and this
//! app needs only exact paths with ids in them. Matching the paths is in `app.rs`.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

#[derive(Clone, Copy)]
pub struct Router {
    /// The path, without the query or `#fragment`.
    pub path: RwSignal<String>,
}

fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

fn current_path() -> String {
    window()
        .location()
        .pathname()
        .unwrap_or_else(|_| "/".into())
}

/// Starts the router and makes it available to every page through `use_router`.
pub fn provide_router() -> Router {
    let router = Router {
        path: RwSignal::new(current_path()),
    };
    provide_context(router);

    let on_popstate = Closure::<dyn Fn()>::new(move || router.path.set(current_path()));
    let _ =
        window().add_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref());
    on_popstate.forget();

    // Same-origin links open their page inside the app instead of reloading it.
    let on_click = Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
        if ev.default_prevented()
            || ev.button() != 0
            || ev.ctrl_key()
            || ev.meta_key()
            || ev.shift_key()
            || ev.alt_key()
        {
            return;
        }
        let Some(anchor) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest("a[href]").ok().flatten())
        else {
            return;
        };
        let href = anchor.get_attribute("href").unwrap_or_default();
        let internal = href.starts_with('/') && !href.starts_with("//");
        if !internal
            || anchor.has_attribute("download")
            || anchor.get_attribute("target").is_some_and(|t| t != "_self")
        {
            return;
        }
        ev.prevent_default();
        navigate(router, &href);
    });
    if let Some(doc) = window().document() {
        let _ = doc.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
    }
    on_click.forget();
    router
}

pub fn use_router() -> Router {
    // Not `expect_context`: its message formats the caller's location, which costs download.
    use_context::<Router>().expect("the app provides the router")
}

/// Opens an app page. A `#fragment` moves focus to the element with that id once it is drawn.
pub fn navigate(router: Router, href: &str) {
    let (path, fragment) = match href.split_once('#') {
        Some((p, f)) => (p.to_string(), Some(f.to_string())),
        None => (href.to_string(), None),
    };
    let history = window().history().ok();
    if let Some(h) = history {
        let _ = h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href));
    }
    router.path.set(path);
    window().scroll_to_with_x_and_y(0.0, 0.0);
    if let Some(id) = fragment {
        focus_when_drawn(id, 20, 0);
    }
}

/// Moves focus to `id` once it exists: at once for most pages, a moment later for a page whose
/// module is still arriving (see `app.rs`). Gives up after `tries` tenths of a second.
fn focus_when_drawn(id: String, tries: u32, after_ms: u64) {
    set_timeout(
        move || {
            let drawn = window()
                .document()
                .and_then(|d| d.get_element_by_id(&id))
                .is_some();
            if drawn {
                crate::ui::components::page::focus_id(&id);
            } else if tries > 0 {
                focus_when_drawn(id, tries - 1, 100);
            }
        },
        std::time::Duration::from_millis(after_ms),
    );
}
