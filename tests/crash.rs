//! An internal error, whatever it is, loses nothing typed: the panic hook the window installs at
//! start writes the unsaved work aside before the process ends, and the next start offers it
//! back. Its own test binary, because a panic hook belongs to the whole process.

mod common;

use breakeven::ui::dialogs::Dialog;
use common::{app_recovering_in, click, click_away, harness, type_into};
use rust_decimal::dec;

#[test]
fn a_panic_keeps_the_unsaved_work_and_the_next_start_offers_it() {
    let folder = common::fresh_folder();
    let run = || app_recovering_in(&folder);
    let mut harness = harness(run());
    // As `run` does once the window is up.
    harness.state().keep_work_on_panic();
    type_into(&mut harness, "Growth", "17");
    click_away(&mut harness);
    let file = harness
        .state()
        .recovery_file()
        .expect("recovery is on")
        .to_path_buf();
    // Within the interval of the timed writes: only the hook can have written this.
    std::fs::remove_file(&file).ok();

    let crashed = std::panic::catch_unwind(|| panic!("an error nobody has found yet"));
    assert!(crashed.is_err());
    let kept = std::fs::read_to_string(&file).expect("the hook wrote the recovery file");
    assert!(kept.contains("an error nobody has found yet"), "{kept}");
    drop(harness);

    let mut next = common::harness(run());
    let Some(Dialog::Restore(found)) = next.state().dialog() else {
        panic!("the next start offers the work back");
    };
    assert_eq!(
        found.crash.as_deref(),
        Some("an error nobody has found yet")
    );
    assert!(common::shows(&next, "stopped on an internal error"));
    click(&mut next, "Restore");
    assert_eq!(
        next.state()
            .scenario()
            .workload
            .growth_percent_per_month
            .value
            .get(),
        dec!(17)
    );
    assert!(next.state().document().is_dirty(), "restored, not saved");
}
