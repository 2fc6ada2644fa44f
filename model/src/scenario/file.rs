//! Reading and writing scenario files (RON).

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::Deserialize;

use super::{Scenario, TunedServing, validate};
use crate::error::{LoadError, SaveError};
use crate::format::group_thousands;
use crate::sourced::Sourced;
use crate::units::TokensPerMonth;

/// The scenario format this build writes, and the newest it reads.
pub const CURRENT_VERSION: u32 = 9;

/// What reading a file of format version `from` as the current version fills in, as a phrase
/// ("the decision matrix unanswered, the default rule preset").
#[must_use]
pub fn migration_note(from: u32) -> &'static str {
    match from {
        1 => {
            "the decision matrix unanswered, the default rule preset, and a flat serving fee taken to \
             cover today's traffic"
        }
        2 => {
            "the differentiator, data moat, workhorse model and retrieval questions unanswered, and a \
             flat serving fee taken to cover today's traffic"
        }
        3 => "a flat serving fee taken to cover today's traffic: check it against your contract",
        4 => "no client named: give one in the Scenario group if the scenario is for a client",
        5 => {
            "no committed minimum on the API bill and no installation cost for owned servers: add \
             them under Buy and the servers' pricing if they apply"
        }
        6 => {
            "no reply speeds: give the time to first token and the output speed of each option, \
             and the reply length, for reply times against the latency target"
        }
        7 => {
            "every number certain: give a range to any you are unsure of (type `2 to 9` or \
             `5 ± 20%`) to see how sure the answer is"
        }
        _ => {
            "one feature, all the traffic: name it, or add the product's other features, each \
             with its own traffic and API model, for a roadmap of when each should move"
        }
    }
}

/// The largest file read as a scenario. Real scenarios are a few kilobytes; anything near this
/// is not one, and reading it would only waste memory.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Nesting deeper than this is refused rather than followed (a real scenario nests about 5 deep).
const MAX_NESTING: usize = 64;

fn options() -> ron::Options {
    // `implicit_some` lets people write `source: "client finance"` instead of
    // `source: Some("client finance")`; files we write also say so in their header.
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_NESTING)
}

/// Only the version, read first so that a newer file is refused by its version rather than by
/// whichever field it renamed.
#[derive(Deserialize)]
#[serde(rename = "Scenario")]
struct VersionProbe {
    version: Option<u32>,
    matrix: Option<serde::de::IgnoredAny>,
    rule_preset: Option<serde::de::IgnoredAny>,
}

fn parse_error(error: &ron::error::SpannedError) -> LoadError {
    LoadError::Parse {
        line: error.span.start.line,
        column: error.span.start.col,
        message: error.code.to_string(),
    }
}

/// A scenario read from a file, and whether it was migrated from an older format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded {
    /// The scenario, in the current format.
    pub scenario: Scenario,
    /// The format version the file had, when older than [`CURRENT_VERSION`].
    pub migrated_from: Option<u32>,
}

/// Reads a scenario from the bytes of a file: refuses files that are too large or not text,
/// then reads it as [`load_str`] does.
pub fn load_bytes(bytes: &[u8]) -> Result<Loaded, LoadError> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            bytes: size,
            limit: MAX_FILE_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|_| LoadError::NotText)?;
    load_str(text)
}

/// Reads a scenario from RON text, checks its version, migrates an older one and validates it.
/// What comes back is a valid scenario; otherwise the first parse error (with line and column)
/// or every validation problem at once.
pub fn load_str(text: &str) -> Result<Loaded, LoadError> {
    let loaded = read_str(text)?;
    let problems = validate(&loaded.scenario);
    if problems.is_empty() {
        Ok(loaded)
    } else {
        Err(LoadError::Invalid(problems))
    }
}

/// Reads a scenario that was being edited when it was kept aside (a recovery file, the last
/// session): as [`load_str`], but values out of range are kept as they were typed, so the window
/// shows them beside their fields again instead of losing the work.
pub fn load_draft(text: &str) -> Result<Scenario, LoadError> {
    read_str(text).map(|loaded| loaded.scenario)
}

/// Parses, checks the version and migrates; no validation.
fn read_str(text: &str) -> Result<Loaded, LoadError> {
    // A probe that fails says nothing useful yet: the full parse below reports the position.
    let probe = options().from_str::<VersionProbe>(text).ok();
    let found = probe.as_ref().and_then(|p| p.version);
    if let Some(found) = found {
        if found > CURRENT_VERSION {
            return Err(LoadError::TooNew {
                found,
                supported: CURRENT_VERSION,
            });
        }
        if found == 0 {
            return Err(version_error(
                "`version` is 0; scenario versions start at 1",
            ));
        }
    }
    let mut scenario: Scenario = options().from_str(text).map_err(|e| parse_error(&e))?;
    let mut migrated_from = None;
    if let Some(probe) = probe {
        if scenario.version == 1 {
            if probe.matrix.is_some() || probe.rule_preset.is_some() {
                return Err(version_error(
                    "a version 1 file has no `matrix` or `rule_preset`; set `version: 2` to keep them",
                ));
            }
            // Version 2 added the decision matrix (all unanswered) and the rule preset.
            scenario.version = CURRENT_VERSION;
            migrated_from = Some(1);
        } else if scenario.version == 2 && (probe.matrix.is_some() && probe.rule_preset.is_some()) {
            // Version 3 added four matrix questions, each unanswered when absent.
            scenario.version = CURRENT_VERSION;
            migrated_from = Some(2);
        } else if probe.matrix.is_none() || probe.rule_preset.is_none() {
            let missing = if probe.matrix.is_none() {
                "matrix"
            } else {
                "rule_preset"
            };
            return Err(version_error(&format!(
                "a version {} scenario needs the field `{missing}`",
                scenario.version
            )));
        } else if scenario.version == 3 {
            // Version 4 gave a flat serving fee the traffic it covers.
            scenario.version = CURRENT_VERSION;
            migrated_from = Some(3);
        } else if scenario.version == 4 {
            // Version 5 added the client and the mark on assumptions to confirm; a version 4
            // file has neither, and reads as it is.
            scenario.version = CURRENT_VERSION;
            migrated_from = Some(4);
        } else if scenario.version == 5 {
            // Version 6 added a committed minimum on the API bill and an owned server's
            // installation, both 0 when absent: a version 5 file reads as it is.
            scenario.version = CURRENT_VERSION;
            migrated_from = Some(5);
        } else if scenario.version == 6 {
            // Version 7 added the options' reply speeds and the reply length, unknown when
            // absent: a version 6 file reads as it is.
            scenario.version = CURRENT_VERSION;
            migrated_from = Some(6);
        } else if scenario.version == 7 {
            // Version 8 let any number carry a range; a version 7 file has none and reads as it
            // is.
            scenario.version = CURRENT_VERSION;
            migrated_from = Some(7);
        } else if scenario.version == 8 {
            // Version 9 added features; a version 8 file is a scenario of one feature and reads
            // as it is.
            scenario.version = CURRENT_VERSION;
            migrated_from = Some(8);
        }
    }
    if let Some(from) = migrated_from.filter(|from| *from < 4) {
        flat_fee_covers_todays_traffic(&mut scenario, from);
    }
    Ok(Loaded {
        scenario,
        migrated_from,
    })
}

/// A flat serving fee from a file older than version 4 had no limit: it is taken to cover the
/// traffic the file describes today, and says so in its source note. A workload too large to
/// count leaves it at zero, which validation then names.
fn flat_fee_covers_todays_traffic(scenario: &mut Scenario, from: u32) {
    let TunedServing::Flat {
        tokens_per_month, ..
    } = &mut scenario.fine_tune.serving
    else {
        return;
    };
    if !tokens_per_month.value.get().is_zero() {
        return;
    }
    let Ok(whole) = scenario.workload.whole_tokens_per_month() else {
        return;
    };
    *tokens_per_month = Sourced::from_source(
        TokensPerMonth::new(whole),
        format!(
            "migrated from a version {from} file: taken to cover its traffic today, {} tokens a month; replace it with what the fee covers",
            group_thousands(whole)
        ),
    );
}

fn version_error(message: &str) -> LoadError {
    LoadError::Parse {
        line: 1,
        column: 1,
        message: message.to_owned(),
    }
}

/// Like [`load_bytes`], without saying whether the file was migrated.
pub fn from_ron_bytes(bytes: &[u8]) -> Result<Scenario, LoadError> {
    load_bytes(bytes).map(|l| l.scenario)
}

/// Like [`load_str`], without saying whether the file was migrated.
pub fn from_ron_str(text: &str) -> Result<Scenario, LoadError> {
    load_str(text).map(|l| l.scenario)
}

/// Writes a scenario as RON, readably: one field a line, exact decimals as strings, and each
/// number with its source note on one line: `(value: "0.15", source: "catalog: ...")`.
pub fn to_ron_string(scenario: &Scenario) -> Result<String, SaveError> {
    let pretty = PrettyConfig::new()
        .struct_names(true)
        .indentor("    ")
        .extensions(Extensions::IMPLICIT_SOME);
    let text = ron::Options::default()
        .to_string_pretty(scenario, pretty)
        .map_err(|e| SaveError(e.to_string()))?;
    Ok(join_sourced_lines(&text))
}

/// Puts each `Sourced(...)` block that RON's pretty printer spreads over several lines on one
/// line, without its name. Strings never hold a raw line break (RON escapes it), so a block is
/// always whole lines: a line ending in `Sourced(`, its fields, and a line that is `)` or `),`.
fn join_sourced_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let Some(head) = line.strip_suffix("Sourced(") else {
            out.push_str(line);
            out.push('\n');
            continue;
        };
        let mut fields = Vec::new();
        let mut close = ")";
        for inner in lines.by_ref() {
            let inner = inner.trim();
            if inner == ")" || inner == ")," {
                close = inner;
                break;
            }
            fields.push(inner);
        }
        let joined = fields.join(" ");
        // RON's pretty output ends the last field with a comma; not needed on one line.
        let joined = joined.strip_suffix(',').unwrap_or(&joined);
        out.push_str(head);
        out.push('(');
        out.push_str(joined);
        out.push_str(close);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{DEFAULT_RON, inputs};
    use arbitrary::{Arbitrary, Unstructured};
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    fn default_with(from: &str, to: &str) -> String {
        assert!(
            DEFAULT_RON.contains(from),
            "default.ron no longer contains {from}"
        );
        DEFAULT_RON.replacen(from, to, 1)
    }

    #[test]
    fn the_default_scenario_round_trips_value_equal() {
        let scenario = from_ron_str(DEFAULT_RON).expect("default.ron is valid");
        let written = to_ron_string(&scenario).expect("writes");
        assert_eq!(from_ron_str(&written), Ok(scenario));
    }

    #[test]
    fn written_files_declare_implicit_some_and_keep_decimal_scale() {
        let scenario = from_ron_str(DEFAULT_RON).expect("default.ron is valid");
        let written = to_ron_string(&scenario).expect("writes");
        assert!(
            written.starts_with("#![enable(implicit_some)]"),
            "{written}"
        );
        // 0.60 stays 0.60: the file says what the user typed.
        assert!(
            written.contains(r#"output_usd_per_1m: (value: "0.60""#),
            "{written}"
        );
    }

    fn tokens_lines(written: &str) -> Vec<&str> {
        written
            .lines()
            .filter(|l| l.contains("tokens_per_month"))
            .map(str::trim)
            .collect()
    }

    #[test]
    fn token_counts_are_saved_as_whole_numbers_and_prices_as_typed() {
        use crate::scenario::Volume;
        use crate::units::{TokensPerMonth, UsdPerMillionTokens, parse_human};
        use rust_decimal::dec;
        let mut scenario = Scenario::embedded_default();
        // 75% input, then the volume slider's move to 9B a month.
        scenario.workload.volume = Volume::Tokens {
            input_tokens_per_month: Sourced::bare(TokensPerMonth::new(dec!(750_000_000))),
            output_tokens_per_month: Sourced::bare(TokensPerMonth::new(dec!(250_000_000))),
        };
        scenario.workload.volume = scenario
            .workload
            .volume
            .with_total_tokens(TokensPerMonth::new(dec!(9_000_000_000)))
            .expect("in range");
        let written = to_ron_string(&scenario).expect("writes");
        assert_eq!(
            tokens_lines(&written),
            [
                r#"input_tokens_per_month: (value: "6750000000"),"#,
                r#"output_tokens_per_month: (value: "2250000000"),"#,
            ]
        );
        // The same counts typed as 6.75B and 2.25B, whose multiplication leaves `.00`.
        let typed = |text: &str| TokensPerMonth::new(parse_human(text).expect("a number"));
        assert_eq!(typed("6.75B").get().to_string(), "6750000000.00");
        scenario.workload.volume = Volume::Tokens {
            input_tokens_per_month: Sourced::bare(typed("6.75B")),
            output_tokens_per_month: Sourced::bare(typed("2.25B")),
        };
        scenario.buy.output_usd_per_1m.value = UsdPerMillionTokens::new(dec!(10.00));
        let written = to_ron_string(&scenario).expect("writes");
        assert_eq!(
            tokens_lines(&written),
            [
                r#"input_tokens_per_month: (value: "6750000000"),"#,
                r#"output_tokens_per_month: (value: "2250000000"),"#,
            ]
        );
        assert!(
            written.contains(r#"output_usd_per_1m: (value: "10.00""#),
            "a price keeps its written form: {written}"
        );
        assert_eq!(from_ron_str(&written), Ok(scenario));
    }

    #[test]
    fn a_syntax_error_names_its_line_and_column() {
        let broken = default_with(
            r#"growth_percent_per_month: (value: "5""#,
            r#"growth_percent_per_month: (value "5""#,
        );
        let line = broken
            .lines()
            .position(|l| l.contains(r#"(value "5""#))
            .expect("the broken line")
            + 1;
        match from_ron_str(&broken) {
            Err(LoadError::Parse {
                line: at, column, ..
            }) => {
                assert_eq!(at, line);
                assert!(column > 1);
            }
            other => panic!("expected a parse error, got {other:?}"),
        }
    }

    #[test]
    fn an_unknown_field_is_refused_by_name() {
        let text = default_with(
            "    retry_factor:",
            "    retries: (value: \"3\"),\n    retry_factor:",
        );
        let error = from_ron_str(&text).unwrap_err().to_string();
        assert!(error.contains("retries"), "{error}");
    }

    #[test]
    fn a_missing_field_is_refused_by_name() {
        let text = default_with("        commitment_discount_percent: (value: \"0\"),\n", "");
        let error = from_ron_str(&text).unwrap_err().to_string();
        assert!(error.contains("commitment_discount_percent"), "{error}");
    }

    #[test]
    fn a_newer_version_is_refused_naming_both_versions() {
        let text = default_with("version: 9,", "version: 10,\n    future_field: 3,");
        assert_eq!(
            from_ron_str(&text),
            Err(LoadError::TooNew {
                found: 10,
                supported: CURRENT_VERSION
            })
        );
        let message = from_ron_str(&text).unwrap_err().to_string();
        assert!(
            message.contains("version 10") && message.contains("up to 9"),
            "{message}"
        );
    }

    const VERSION_1: &str = include_str!("../../../tests/fixtures/version1.ron");

    #[test]
    fn a_version_1_file_opens_migrated_and_says_so() {
        let loaded = load_str(VERSION_1).expect("a version 1 file loads");
        assert_eq!(loaded.migrated_from, Some(1));
        assert_eq!(loaded.scenario.version, CURRENT_VERSION);
        assert_eq!(
            loaded.scenario.matrix,
            crate::scenario::Matrix::default(),
            "nothing answered yet"
        );
        assert_eq!(
            loaded.scenario.rule_preset,
            crate::preset::PresetChoice::default()
        );
        // Saved, it is a version 3 file that loads without migrating.
        let written = to_ron_string(&loaded.scenario).expect("writes");
        assert_eq!(load_str(&written).map(|l| l.migrated_from), Ok(None));
    }

    #[test]
    fn an_answer_of_no_residency_constraint_is_not_read_as_unanswered() {
        let mut scenario = from_ron_str(DEFAULT_RON).expect("valid");
        scenario.matrix.data_residency = Some(crate::scenario::DataResidency::NoConstraint);
        let written = to_ron_string(&scenario).expect("writes");
        assert!(
            written.contains("data_residency: NoConstraint"),
            "{written}"
        );
        assert_eq!(
            from_ron_str(&written).map(|s| s.matrix.data_residency),
            Ok(scenario.matrix.data_residency)
        );
    }

    #[test]
    fn a_version_2_file_without_its_matrix_is_refused_by_name() {
        let text = VERSION_1.replacen("version: 1,", "version: 2,", 1);
        let message = from_ron_str(&text).unwrap_err().to_string();
        assert!(message.contains("`matrix`"), "{message}");
    }

    #[test]
    fn a_version_2_file_opens_with_the_newer_questions_unanswered_and_says_so() {
        let text = DEFAULT_RON.replacen("version: 9,", "version: 2,", 1);
        let loaded = load_str(&text).expect("a version 2 file loads");
        assert_eq!(loaded.migrated_from, Some(2));
        assert_eq!(loaded.scenario.version, CURRENT_VERSION);
        assert_eq!(loaded.scenario.matrix.differentiator, None);
        assert!(migration_note(2).contains("retrieval"));
    }

    const LEGAL_TECH: &str = include_str!("../../../scenarios/seed000-legal-tech.ron");

    /// The legal-tech example as version 3 wrote it: a flat fee with no limit.
    fn legal_tech_version_3() -> String {
        let limit = LEGAL_TECH
            .lines()
            .find(|line| line.trim_start().starts_with("tokens_per_month:"))
            .expect("the example gives the fee's limit");
        LEGAL_TECH
            .replacen("version: 9,", "version: 3,", 1)
            .replacen(&format!("{limit}\n"), "", 1)
    }

    #[test]
    fn a_version_3_flat_fee_opens_covering_the_files_traffic_and_says_so() {
        let loaded = load_str(&legal_tech_version_3()).expect("a version 3 file loads");
        assert_eq!(loaded.migrated_from, Some(3));
        assert_eq!(loaded.scenario.version, CURRENT_VERSION);
        let TunedServing::Flat {
            tokens_per_month, ..
        } = &loaded.scenario.fine_tune.serving
        else {
            panic!("still a flat fee");
        };
        // 7B input and 7B output tokens a month.
        assert_eq!(
            tokens_per_month.value.get(),
            Decimal::from(14_000_000_000_u64)
        );
        let source = tokens_per_month.source.as_deref().unwrap_or_default();
        assert!(
            source.contains("migrated from a version 3 file"),
            "{source}"
        );
        assert!(source.contains("14,000,000,000"), "{source}");
        assert!(migration_note(3).contains("flat serving fee"));
    }

    #[test]
    fn a_version_4_file_reads_as_the_current_version_with_no_client_and_nothing_to_confirm() {
        let text = DEFAULT_RON.replacen("version: 9,", "version: 4,", 1);
        let loaded = load_str(&text).expect("a version 4 file reads");
        assert_eq!(loaded.migrated_from, Some(4));
        assert_eq!(loaded.scenario.version, CURRENT_VERSION);
        assert_eq!(loaded.scenario.client, "");
        assert!(inputs(&loaded.scenario).iter().all(|i| !i.to_confirm));
        assert!(migration_note(4).contains("client"));
    }

    #[test]
    fn a_version_5_file_reads_as_it_is_with_no_commitment_and_no_installation() {
        let text = DEFAULT_RON.replacen("version: 9,", "version: 5,", 1);
        let loaded = load_str(&text).expect("a version 5 file reads");
        assert_eq!(loaded.migrated_from, Some(5));
        assert_eq!(loaded.scenario.version, CURRENT_VERSION);
        assert!(
            loaded
                .scenario
                .buy
                .fixed
                .committed_usd_per_month
                .value
                .get()
                .is_zero()
        );
        assert!(migration_note(5).contains("committed minimum"));
        // Nothing else differs from the same file at version 8.
        let current = load_str(DEFAULT_RON).expect("reads").scenario;
        assert_eq!(loaded.scenario, current);
    }

    #[test]
    fn a_version_6_file_reads_as_it_is_with_no_speeds() {
        let text = DEFAULT_RON.replacen("version: 9,", "version: 6,", 1);
        let loaded = load_str(&text).expect("a version 6 file reads");
        assert_eq!(loaded.migrated_from, Some(6));
        assert_eq!(loaded.scenario.version, CURRENT_VERSION);
        assert!(loaded.scenario.buy.speed.is_unset());
        assert!(loaded.scenario.workload.reply_tokens.is_unset());
        assert!(migration_note(6).contains("reply"));
        assert_eq!(
            loaded.scenario,
            load_str(DEFAULT_RON).expect("reads").scenario
        );
    }

    #[test]
    fn the_client_and_the_marks_survive_a_save() {
        let mut scenario = Scenario::embedded_default();
        scenario.client = "Acme Insurance".to_owned();
        scenario.workload.growth_percent_per_month.to_confirm = true;
        let text = to_ron_string(&scenario).expect("writes");
        assert!(text.contains("client: \"Acme Insurance\""), "{text}");
        assert!(text.contains("to_confirm: true"), "{text}");
        assert_eq!(from_ron_str(&text).expect("reads"), scenario);
    }

    #[test]
    fn a_version_4_flat_fee_without_its_limit_is_refused_naming_the_field() {
        let text = legal_tech_version_3().replacen("version: 3,", "version: 4,", 1);
        let error = from_ron_str(&text).unwrap_err().to_string();
        assert!(
            error.contains("fine_tune.serving.tokens_per_month"),
            "{error}"
        );
        assert!(error.contains("covers only so much"), "{error}");
    }

    #[test]
    fn a_version_1_file_with_version_2_fields_is_refused() {
        let text = DEFAULT_RON.replacen("version: 9,", "version: 1,", 1);
        let message = from_ron_str(&text).unwrap_err().to_string();
        assert!(
            message.contains("version 1 file has no `matrix`"),
            "{message}"
        );
    }

    #[test]
    fn version_zero_is_refused() {
        let text = default_with("version: 9,", "version: 0,");
        assert!(matches!(from_ron_str(&text), Err(LoadError::Parse { .. })));
    }

    #[test]
    fn bare_numbers_load_exactly() {
        let text = default_with(
            r#"output_usd_per_1m: (value: "0.60""#,
            "output_usd_per_1m: (value: 0.6",
        );
        let text = text.replacen(r#"(value: "700000000""#, "(value: 700000000", 1);
        let scenario = from_ron_str(&text).expect("bare numbers load");
        assert_eq!(scenario.buy.output_usd_per_1m.value.to_string(), "0.6");
        let crate::scenario::Volume::Tokens {
            input_tokens_per_month,
            ..
        } = scenario.workload.volume
        else {
            panic!("the default gives tokens");
        };
        assert_eq!(input_tokens_per_month.value.to_string(), "700000000");
    }

    #[test]
    fn invalid_values_are_all_listed_with_their_paths() {
        let text = default_with(
            r#"input_usd_per_1m: (value: "0.15""#,
            r#"input_usd_per_1m: (value: "-0.15""#,
        );
        let text = text.replacen(
            r#"cached_input_percent: (value: "20""#,
            r#"cached_input_percent: (value: "120""#,
            1,
        );
        let text = text.replacen("months: (value: 36", "months: (value: 0", 1);
        let Err(LoadError::Invalid(problems)) = from_ron_str(&text) else {
            panic!("expected validation problems");
        };
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "buy.input_usd_per_1m",
                "buy.cached_input_percent",
                "horizon.months"
            ]
        );
        assert!(problems[0].message.contains("must not be negative"));
        assert!(problems[1].message.contains("between 0% and 100%"));
    }

    #[test]
    fn files_too_large_or_not_text_are_refused_before_parsing() {
        let huge = vec![b' '; usize::try_from(MAX_FILE_BYTES).expect("fits") + 1];
        assert!(matches!(
            from_ron_bytes(&huge),
            Err(LoadError::TooLarge { .. })
        ));
        assert_eq!(from_ron_bytes(&[0xff, 0xfe, 0x00]), Err(LoadError::NotText));
        assert!(matches!(from_ron_bytes(b""), Err(LoadError::Parse { .. })));
    }

    #[test]
    fn deep_nesting_is_refused_not_followed() {
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(matches!(from_ron_str(&deep), Err(LoadError::Parse { .. })));
    }

    proptest! {
        #[test]
        fn any_scenario_round_trips_and_validates_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let mut u = Unstructured::new(&bytes);
            if let Ok(scenario) = Scenario::arbitrary(&mut u) {
                let _ = validate(&scenario);
                let written = to_ron_string(&scenario).expect("any scenario can be written");
                let read: Scenario = options().from_str(&written).expect("what we write we read");
                prop_assert_eq!(read, scenario);
            }
        }

        #[test]
        fn loading_arbitrary_text_never_panics(text in ".{0,400}") {
            let _ = from_ron_str(&text);
        }
    }
}
