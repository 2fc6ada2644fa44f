//! The team's own numbers into the window, as a user brings them where no native dialog is
//! shown (a typed path), each shown before anything changes: File > Import prices… (the API
//! model picker then offers the imported models, and the drift check reads them), File > Import
//! usage… (the measured workload, one undoable edit) and a hosting group's Import benchmark….

mod common;

use common::{click, harness, open_group, shows, startup, type_into};

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

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

#[test]
fn a_usage_export_shows_its_features_and_its_workload_is_one_undoable_edit() {
    let mut harness = harness(BreakevenApp::start(startup(None), None));
    let before = harness.state().scenario().clone();
    click(&mut harness, "File");
    click(&mut harness, "Import usage…");
    type_into(&mut harness, "Path", &format!("{FIXTURES}/usage/usage.csv"));
    click(&mut harness, "Read");
    assert!(shows(&harness, "Behind 80% of the bill"));
    assert_eq!(
        harness.state().scenario(),
        &before,
        "nothing changes before Apply"
    );
    // Once placed, the preview holds still: a button does not move away from a click.
    harness.run();
    let at = harness.get_by_label("Apply to the workload").rect();
    for _ in 0..3 {
        harness.run();
        assert_eq!(harness.get_by_label("Apply to the workload").rect(), at);
    }
    click(&mut harness, "Apply to the workload");
    let breakeven_model::scenario::Volume::Tokens {
        input_tokens_per_month,
        ..
    } = &harness.state().scenario().workload.volume
    else {
        panic!("a volume in tokens");
    };
    assert_eq!(
        input_tokens_per_month.value.get(),
        rust_decimal::dec!(1391500000)
    );
    assert_eq!(
        harness
            .state()
            .scenario()
            .workload
            .growth_percent_per_month
            .value
            .get(),
        rust_decimal::dec!(10)
    );
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.state().scenario(), &before, "Ctrl+Z takes it back");
}

#[test]
fn a_benchmark_imported_in_the_self_host_group_is_its_throughput() {
    let mut harness = harness(BreakevenApp::start(startup(None), None));
    open_group(&mut harness, "Self-host");
    click(&mut harness, "Import benchmark…");
    type_into(
        &mut harness,
        "Path",
        &format!("{FIXTURES}/benchmarks/vllm-bench-serve.json"),
    );
    click(&mut harness, "Read");
    assert!(shows(
        &harness,
        "Throughput: 207.31 output tokens/s at 2 concurrent requests"
    ));
    click(&mut harness, "Apply to the instances");
    let breakeven_model::scenario::Throughput::Measured {
        output_tokens_per_second,
        concurrency,
        ..
    } = &harness.state().scenario().self_host.hosting.throughput
    else {
        panic!("a measured throughput");
    };
    assert_eq!(
        output_tokens_per_second.value.get(),
        rust_decimal::dec!(207.31)
    );
    assert_eq!(*concurrency, 2);
    // A file that is no benchmark says so, and changes nothing.
    let scenario = harness.state().scenario().clone();
    click(&mut harness, "Import benchmark…");
    type_into(&mut harness, "Path", &format!("{FIXTURES}/usage/usage.csv"));
    click(&mut harness, "Read");
    assert!(shows(&harness, "it is not JSON"));
    assert_eq!(harness.state().scenario(), &scenario);
}

#[test]
fn kept_prices_that_cannot_be_read_are_said_at_start_and_left_as_they_are() {
    let folder = tempfile::tempdir().expect("a folder");
    let kept = folder.path().join("imported-prices.ron");
    std::fs::write(&kept, "(version: 9, models: [])").expect("writable");
    let harness = harness(BreakevenApp::start(
        Startup {
            prices_folder: Some(folder.path().to_path_buf()),
            ..startup(None)
        },
        None,
    ));
    assert!(shows(&harness, "Imported prices not read"));
    assert!(shows(&harness, "version 9"));
    assert_eq!(
        std::fs::read_to_string(&kept).expect("kept"),
        "(version: 9, models: [])"
    );
}
