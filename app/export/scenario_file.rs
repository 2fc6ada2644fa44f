//! The name of the scenario file an export writes beside its report, so that whoever receives
//! the folder can open the scenario and reproduce every figure.

use std::path::Path;

/// Names Windows keeps for devices: a file called `con.ron` cannot be made there.
const RESERVED: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Longest stem made from a scenario's name, in characters.
const MAX_STEM: usize = 60;

/// The file name of the exported scenario: the saved file's own (`acme-insurer.ron` for
/// `~/clients/acme-insurer.ron`), or for a scenario never saved, its name made safe for any file
/// system (`Acme: insurer / 2027` is `acme-insurer-2027.ron`), or `scenario.ron` when nothing of
/// the name is left.
#[must_use]
pub fn file_name(saved: Option<&Path>, name: &str) -> String {
    let stem = saved
        .and_then(Path::file_stem)
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| safe_stem(name));
    format!("{stem}.ron")
}

/// `name` in lower case with every run of anything but letters and digits made one hyphen.
fn safe_stem(name: &str) -> String {
    let mut stem = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            stem.extend(c.to_lowercase());
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
        if stem.chars().count() >= MAX_STEM {
            break;
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "scenario".to_owned()
    } else if RESERVED.contains(&stem) {
        format!("{stem}-scenario")
    } else {
        stem.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scenario_file_is_named_after_the_saved_file_or_the_name() {
        assert_eq!(
            file_name(Some(Path::new("/clients/acme-insurer.ron")), "Acme"),
            "acme-insurer.ron"
        );
        assert_eq!(
            file_name(None, "Acme: insurer / 2027"),
            "acme-insurer-2027.ron"
        );
        assert_eq!(file_name(None, "  ../..  "), "scenario.ron");
        assert_eq!(file_name(None, ""), "scenario.ron");
        assert_eq!(file_name(None, "CON"), "con-scenario.ron");
        assert_eq!(file_name(None, "Müller GmbH"), "müller-gmbh.ron");
        let long = "x".repeat(500);
        assert_eq!(file_name(None, &long).chars().count(), MAX_STEM + 4);
    }
}
