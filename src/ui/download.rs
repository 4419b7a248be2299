//! Files to and from the officer's device: saving one (a set-aside entry, a case export, a
//! debrief) and reading one chosen in a file input (a case file, a scenario). Made and read in
//! the browser; nothing is sent anywhere.

use wasm_bindgen::JsCast;

/// Offers `text` as a JSON download named `file_name`.
pub fn download(file_name: &str, text: &str) -> Result<(), String> {
    download_as(file_name, text, "application/json")
}

/// Offers `text` as a download of the given type.
pub fn download_as(file_name: &str, text: &str, mime: &str) -> Result<(), String> {
    let fail = |_| "The browser did not allow the file to be saved.".to_string();
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("No document")?;
    let link: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The file chosen in the file input that raised `ev`, if any.
pub fn chosen_file(ev: &web_sys::Event) -> Option<web_sys::File> {
    ev.target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?
        .files()?
        .get(0)
}

/// A chosen file's text (empty if the browser cannot read it).
pub async fn read_text(file: &web_sys::File) -> String {
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|t| t.as_string())
        .unwrap_or_default()
}
