//! File > Import prices… as a user does it where no native dialog is shown: a typed path, what
//! the list would change shown before anything changes, then Import; the API model picker
//! offers the imported models, the drift check reads the imported prices, and a list that
//! cannot be read changes nothing.

mod common;

use common::{click, harness, shows, startup, type_into};

use breakeven::window::{BreakevenApp, Startup};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// A price list in OpenRouter's shape: GPT-4o mini at $0.10 in (the embedded catalog says
/// $0.15), and a model the catalog does not have.
const LIST: &str = r#"{"data": [
    {"id": "gpt-4o-mini", "name": "GPT-4o mini", "pricing": {"prompt": "0.0000001", "completion": "0.0000006"}},
    {"id": "acme/small", "name": "Acme Small", "pricing": {"prompt": "0.00000005", "completion": "0.0000002"}}
]}"#;

fn import(harness: &mut Harness<'_, BreakevenApp>, path: &std::path::Path) {
    click(harness, "File");
    click(harness, "Import prices…");
    type_into(harness, "Path", path.to_str().expect("UTF-8"));
    click(harness, "Read");
}

#[test]
fn a_price_list_is_shown_before_it_is_imported_and_then_the_catalog_is_the_user_s() {
    let folder = tempfile::tempdir().expect("a folder");
    let list = folder.path().join("gateway-prices.json");
    std::fs::write(&list, LIST).expect("writable");
    let prices = folder.path().join("data");
    let app = BreakevenApp::start(
        Startup {
            prices_folder: Some(prices.clone()),
            ..startup(None)
        },
        None,
    );
    let mut harness = harness(app);
    let drift = |harness: &Harness<'_, BreakevenApp>| {
        harness.state().evaluation().is_some_and(|e| {
            e.outcome
                .warnings
                .iter()
                .any(|w| w.message.contains("buy.input_usd_per_1m"))
        })
    };
    assert!(!drift(&harness));

    import(&mut harness, &list);
    // What it would change, before anything changes.
    assert!(shows(&harness, "Added (1): acme/small"));
    assert!(shows(
        &harness,
        "gpt-4o-mini input_usd_per_1m: $0.15 -> $0.1"
    ));
    assert!(!prices.join("imported-prices.ron").exists());
    click(&mut harness, "Import");
    assert!(prices.join("imported-prices.ron").exists());
    assert!(shows(&harness, "Prices imported (1 new)"));
    // The example priced GPT-4o mini at $0.15: the imported $0.10 is drift.
    assert!(drift(&harness));
    // The picker offers the imported model, saying it is imported.
    harness
        .get_by_role_and_label(Role::ComboBox, "API model")
        .click();
    harness.run();
    assert!(shows(&harness, "Acme Small: $0.05 in / $0.2 out per 1M"));
    assert!(shows(&harness, "imported)"));

    // A new start reads the kept prices.
    let again = BreakevenApp::start(
        Startup {
            prices_folder: Some(prices),
            ..startup(None)
        },
        None,
    );
    let again = harness_of(again);
    assert!(drift(&again));
}

fn harness_of(app: BreakevenApp) -> Harness<'static, BreakevenApp> {
    harness(app)
}

#[test]
fn a_list_that_cannot_be_read_changes_nothing_and_says_why() {
    let folder = tempfile::tempdir().expect("a folder");
    let list = folder.path().join("broken.json");
    std::fs::write(
        &list,
        r#"{"data": [{"id": "a/b", "pricing": {"prompt": "cheap", "completion": "0"}}]}"#,
    )
    .expect("writable");
    let mut harness = harness(BreakevenApp::start(startup(None), None));
    import(&mut harness, &list);
    assert!(shows(&harness, "Nothing imported"));
    assert!(shows(&harness, "a/b: pricing.prompt is `cheap`"));
    assert!(shows(&harness, "The catalog is as it was."));
}
