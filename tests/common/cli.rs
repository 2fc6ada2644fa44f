//! What the command-line tests share: the binary run with a data folder of the test's own, and
//! a success or a clean failure read.

use std::path::Path;
use std::process::{Command, Output};

/// `breakeven ARGS` with its data folder (imported prices) in `data`.
pub fn run_in(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_breakeven"))
        .args(args)
        .env("BREAKEVEN_DATA_DIR", data)
        .output()
        .expect("the binary runs")
}

/// Its standard output, after checking it succeeded.
pub fn succeeded(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Its message, after checking it failed as a user's mistake does: exit 1, no panic.
pub fn refused(output: &Output) -> String {
    let err = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

/// Writes `bytes` to `name` in `folder`, and gives its path.
pub fn write_file(folder: &Path, name: &str, bytes: &[u8]) -> String {
    let path = folder.join(name);
    std::fs::write(&path, bytes).expect("writable");
    path.to_str().expect("a path").to_owned()
}
