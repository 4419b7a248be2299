//! Calls into the app's own scripts that are loaded only when needed (`lock.js`, `team.js`),
//! through the loaders `start.js` defines (`window.pscLock`, `window.pscTeam`).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Loads the script through `window[loader]`, calls its export `name(args...)` and waits for
/// the answer (`None` if the script or the function is missing, or it failed).
pub async fn call(loader: &str, name: &str, args: &[JsValue]) -> Option<JsValue> {
    let window = web_sys::window()?;
    let load: js_sys::Function = js_sys::Reflect::get(&window, &loader.into())
        .ok()?
        .dyn_into()
        .ok()?;
    let module = JsFuture::from(
        load.call0(&JsValue::NULL)
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()?,
    )
    .await
    .ok()?;
    let function: js_sys::Function = js_sys::Reflect::get(&module, &name.into())
        .ok()?
        .dyn_into()
        .ok()?;
    let array: js_sys::Array = args.iter().collect();
    let result = function.apply(&JsValue::NULL, &array).ok()?;
    match result.dyn_into::<js_sys::Promise>() {
        Ok(promise) => JsFuture::from(promise).await.ok(),
        Err(value) => Some(value),
    }
}
