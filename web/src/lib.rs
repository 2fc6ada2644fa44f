//! Breakeven's window in a browser: the same app, panels and figures, built to WebAssembly and
//! started by the page `breakeven export` writes as `interactive.html`. What differs is only
//! what a page cannot do as a desktop program does:
//!
//! - the scenario comes from the page itself (base64 in `<script id="scenario">`);
//! - files are opened through the browser's upload and saved and exported as downloads;
//! - nothing is kept on disk: no recovery files, no imported prices;
//! - the Monte Carlo is computed a few samples in each frame, as a page has no threads;
//! - the page's title carries the answer on screen, since eframe's web runner exposes no
//!   accessibility tree to read it from.

#![cfg(target_arch = "wasm32")]

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use breakeven::action::Action;
use breakeven::window::{BreakevenApp, Startup, Upload, WebRequest};
use wasm_bindgen::JsCast as _;
use wasm_bindgen::prelude::*;

/// A file the reader uploaded, waiting for the next frame: what it is for, as an action.
type Uploaded = Rc<RefCell<Option<Action>>>;

/// The app, and what the page does for it.
struct Page {
    app: BreakevenApp,
    /// The page title last set.
    title: String,
    uploaded: Uploaded,
    /// Whether the scenario has changes not downloaded: the browser asks before the page is
    /// closed or reloaded then, as a page keeps no recovery file.
    unsaved: Rc<Cell<bool>>,
}

impl eframe::App for Page {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let arrived = self.uploaded.borrow_mut().take();
        if let Some(action) = arrived {
            self.app.apply(action);
        }
        self.app.show(ui);
        while let Some(request) = self.app.take_web_request() {
            match request {
                WebRequest::Upload(what) => {
                    upload(what, Rc::clone(&self.uploaded), ui.ctx().clone());
                }
                WebRequest::Download { name, bytes, mime } => download(&name, &bytes, mime),
            }
        }
        // A read-only page's reader only moves the volume: nothing of theirs to lose.
        self.unsaved
            .set(!self.app.is_read_only() && self.app.document().is_dirty());
        let title = self.app.page_title();
        if title != self.title {
            if let Some(document) = document() {
                document.set_title(&title);
            }
            self.title = title;
        }
    }
}

fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Asks the reader for a file for `what`, through the browser's own file picker; its bytes
/// arrive in a later frame.
fn upload(what: Upload, uploaded: Uploaded, ctx: egui::Context) {
    let (kind, extensions) = what.filter();
    wasm_bindgen_futures::spawn_local(async move {
        let picked = rfd::AsyncFileDialog::new()
            .add_filter(kind, extensions)
            .pick_file()
            .await;
        if let Some(file) = picked {
            let name = file.file_name();
            // As the desktop does, a file larger than its kind allows is refused unread: read
            // whole, a file of gigabytes picked by mistake would take the page down with it.
            // A size past f64's exact integers is past every limit anyway.
            #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let size = file.inner().size() as u64;
            let action = if size > what.limit() {
                Action::UploadTooLarge(what, name, size)
            } else {
                Action::Uploaded(what, name, file.read().await)
            };
            *uploaded.borrow_mut() = Some(action);
            ctx.request_repaint();
        }
    });
}

/// Has the browser ask before the page is closed or reloaded while `unsaved` is set.
fn ask_before_leaving(unsaved: Rc<Cell<bool>>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let ask = Closure::<dyn FnMut(web_sys::BeforeUnloadEvent)>::new(
        move |event: web_sys::BeforeUnloadEvent| {
            if unsaved.get() {
                event.prevent_default();
                // The older browsers' way of asking.
                event.set_return_value("Breakeven has changes that are not saved.");
            }
        },
    );
    window.set_onbeforeunload(Some(ask.as_ref().unchecked_ref()));
    // The handler lives as long as the page.
    ask.forget();
}

/// Gives the reader `bytes` as a file named `name`, as the browser downloads one.
fn download(name: &str, bytes: &[u8], mime: &str) {
    let Some(document) = document() else { return };
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Some(link) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Starts the window on the page's canvas, with the page's scenario.
#[wasm_bindgen(start)]
pub fn start() {
    let Some(document) = document() else { return };
    let Some(canvas) = document
        .get_element_by_id("breakeven")
        .and_then(|e| e.dyn_into::<web_sys::HtmlCanvasElement>().ok())
    else {
        document.set_title("Breakeven could not start: the page has no canvas");
        return;
    };
    let read_only = canvas.get_attribute("data-read-only").as_deref() == Some("true");
    let carried = document
        .get_element_by_id("scenario")
        .and_then(|e| e.text_content())
        .and_then(|text| breakeven::export::base64::decode(&text))
        .and_then(|bytes| String::from_utf8(bytes).ok());
    let opened = carried.and_then(|text| breakeven_model::scenario::from_ron_str(&text).ok());
    let startup = Startup {
        file: None,
        today: chrono::Local::now().date_naive(),
        recovery_folder: None,
        // The desktop's 10,000 samples, computed a few in each frame: a page has no threads.
        samples: breakeven_model::uncertainty::DEFAULT_SAMPLES,
        prices_folder: None,
        opened,
        read_only,
        in_browser: true,
        // A page downloads its report; it does not write interactive.html again.
        web_bundles: Vec::new(),
    };
    wasm_bindgen_futures::spawn_local(async move {
        let started = eframe::WebRunner::new()
            .start(
                canvas,
                eframe::WebOptions::default(),
                Box::new(move |_cc| {
                    let unsaved = Rc::new(Cell::new(false));
                    ask_before_leaving(Rc::clone(&unsaved));
                    Ok(Box::new(Page {
                        // The page's own scenario, never the one a browser's storage kept.
                        app: BreakevenApp::start(startup, None),
                        title: String::new(),
                        uploaded: Rc::new(RefCell::new(None)),
                        unsaved,
                    }))
                }),
            )
            .await;
        if let (Err(error), Some(document)) = (started, self::document()) {
            document.set_title(&format!("Breakeven could not start: {error:?}"));
        }
    });
}
