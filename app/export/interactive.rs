//! `interactive.html`: the window itself, as one file a client opens by double-click, with no
//! server and no network. The page holds the app built to WebAssembly (`web/`), its JavaScript
//! glue and the scenario, each inline; a Content-Security-Policy forbids every request, so a
//! page that tried one would fail where it can be seen rather than reach out.
//!
//! The native binary cannot build WebAssembly, so it reads the bundle `web/build.sh` makes: from
//! the folder `BREAKEVEN_WEB_BUNDLE` names, when it names one; else from the first of `web/dist`
//! of the checkout it was built from and `breakeven-web` beside the executable.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::base64::encode;

/// The page's file name in the pack.
pub const INTERACTIVE_FILE: &str = "interactive.html";
/// The JavaScript glue `wasm-bindgen --target no-modules` writes.
pub const GLUE_FILE: &str = "breakeven_web.js";
/// The WebAssembly `wasm-bindgen` writes beside it.
pub const WASM_FILE: &str = "breakeven_web_bg.wasm";
/// The variable naming a folder that holds the two.
pub const BUNDLE_VARIABLE: &str = "BREAKEVEN_WEB_BUNDLE";
/// What the export says when it finds no bundle: the one line of how to make one.
pub const NO_BUNDLE: &str = "interactive.html not written: no web bundle was found; run `web/tools.sh && web/build.sh` in the repository (see README, \"In a browser\"), or set BREAKEVEN_WEB_BUNDLE to a folder holding breakeven_web.js and breakeven_web_bg.wasm.";

/// The app built for the browser: its glue and its WebAssembly.
pub struct WebBundle {
    glue: String,
    wasm: Vec<u8>,
}

impl WebBundle {
    /// The bundle in `folder`, or why there is none.
    pub fn read(folder: &Path) -> Result<Self, String> {
        let glue = std::fs::read_to_string(folder.join(GLUE_FILE))
            .map_err(|e| format!("{}: {e}", folder.join(GLUE_FILE).display()))?;
        let wasm = std::fs::read(folder.join(WASM_FILE))
            .map_err(|e| format!("{}: {e}", folder.join(WASM_FILE).display()))?;
        if !wasm.starts_with(b"\0asm") {
            return Err(format!(
                "{} is not WebAssembly",
                folder.join(WASM_FILE).display()
            ));
        }
        Ok(Self { glue, wasm })
    }

    /// The folders a bundle is looked for in, in order: only the one `BREAKEVEN_WEB_BUNDLE`
    /// names, when it names one.
    #[must_use]
    pub fn places() -> Vec<PathBuf> {
        if let Some(named) = std::env::var_os(BUNDLE_VARIABLE).filter(|v| !v.is_empty()) {
            return vec![PathBuf::from(named)];
        }
        let mut places = Vec::new();
        places.push(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("web")
                .join("dist"),
        );
        if let Some(beside) = std::env::current_exe()
            .ok()
            .and_then(|exe| exe.parent().map(|dir| dir.join("breakeven-web")))
        {
            places.push(beside);
        }
        places
    }

    /// The first bundle found in [`WebBundle::places`]; `None` when there is none.
    #[must_use]
    pub fn find() -> Option<Self> {
        Self::find_in(&Self::places())
    }

    /// The first bundle found in `places`; `None` when there is none.
    #[must_use]
    pub fn find_in(places: &[PathBuf]) -> Option<Self> {
        places.iter().find_map(|folder| Self::read(folder).ok())
    }
}

/// `text` safe inside HTML text and attributes.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The page: `bundle` running the scenario saved as `ron` (its heading `heading`), exported on
/// `today`, its inputs locked when `read_only`.
#[must_use]
pub fn page(
    bundle: &WebBundle,
    ron: &str,
    heading: &str,
    today: NaiveDate,
    read_only: bool,
) -> String {
    let heading = escape(heading);
    let locked = if read_only { " · read-only" } else { "" };
    // A `</script` inside the glue would end its element early.
    let glue = bundle.glue.replace("</script", "<\\/script");
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{heading}: Breakeven, exported {today}</title>
<style>
html, body {{ margin: 0; height: 100%; overflow: hidden; background: #1b1b1b; }}
header {{ height: 24px; line-height: 24px; padding: 0 10px; font: 13px sans-serif; color: #ccc; background: #2a2a2a; }}
canvas {{ position: absolute; top: 24px; left: 0; width: 100%; height: calc(100% - 24px); outline: none; }}
</style>
</head>
<body>
<header>Breakeven · {heading} · exported {today}{locked}</header>
<canvas id="breakeven" data-read-only="{read_only}" data-exported="{today}"></canvas>
<script type="application/octet-stream" id="scenario">{scenario}</script>
<script type="application/octet-stream" id="wasm">{wasm}</script>
<script>
{glue}
</script>
<script>
(function () {{
  var text = atob(document.getElementById('wasm').textContent.trim());
  var bytes = new Uint8Array(text.length);
  for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  wasm_bindgen({{ module_or_path: bytes }}).catch(function (e) {{
    document.title = 'Breakeven could not start: ' + e;
  }});
}})();
</script>
</body>
</html>
"#,
        scenario = encode(ron.as_bytes()),
        wasm = encode(&bundle.wasm),
    )
}
