//! Saving is atomic: a process killed at any moment while saving leaves the old file or the new
//! one, never a mix. A child process (this test binary, run again) saves two different scenarios
//! in turn as fast as it can; it is killed at varied moments, and the file is checked each time.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use breakeven::state::files::write_atomically;
use breakeven_model::Scenario;
use breakeven_model::scenario::to_ron_string;

const LOOP_VARIABLE: &str = "BREAKEVEN_SAVE_LOOP";

/// The two files the child writes in turn; the second is several times longer, so a torn write
/// of either cannot pass for the other.
fn versions() -> (String, String) {
    let small = Scenario::embedded_default();
    let mut large = small.clone();
    large.notes = "A long note that makes this version of the file much larger. ".repeat(400);
    (
        to_ron_string(&small).expect("writes"),
        to_ron_string(&large).expect("writes"),
    )
}

#[test]
fn child_saving_in_a_loop() {
    // Only the child runs this; in a normal test run it returns at once.
    let Some(path) = std::env::var_os(LOOP_VARIABLE) else {
        return;
    };
    let path = Path::new(&path);
    let (small, large) = versions();
    loop {
        write_atomically(path, small.as_bytes()).expect("saved");
        write_atomically(path, large.as_bytes()).expect("saved");
    }
}

#[test]
fn killing_a_save_at_any_moment_leaves_the_old_file_or_the_new() {
    let folder = tempfile::tempdir().expect("a folder");
    let path = folder.path().join("scenario.ron");
    let (small, large) = versions();
    std::fs::write(&path, &small).expect("the first version");
    let me = std::env::current_exe().expect("this test binary");
    for round in 0..40_u64 {
        let mut child = Command::new(&me)
            .args(["--exact", "child_saving_in_a_loop", "--test-threads", "1"])
            .env(LOOP_VARIABLE, &path)
            .spawn()
            .expect("the child starts");
        // Varied moments, so the kill lands in every part of a save.
        std::thread::sleep(Duration::from_millis(30 + (round * 7) % 45));
        child.kill().expect("killed");
        child.wait().expect("reaped");
        let text = std::fs::read_to_string(&path).expect("the file is there");
        assert!(
            text == small || text == large,
            "round {round}: a torn file of {} bytes",
            text.len()
        );
        assert!(breakeven_model::scenario::from_ron_str(&text).is_ok());
    }
}
