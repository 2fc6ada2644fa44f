//! A number together with a note on where it comes from.

use serde::{Deserialize, Serialize};

/// A value and, optionally, where it comes from ("client finance, 2026-10", a seed's title, a
/// catalog entry). The note is data, not a comment, so it survives a save and can be shown in
/// tooltips and exports.
///
/// In a file: `(value: "2.50", source: "LiteLLM price JSON, 2025-09")`, or `(value: "2.50")`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(any(test, feature = "arbitrary"), derive(arbitrary::Arbitrary))]
#[serde(deny_unknown_fields)]
pub struct Sourced<T> {
    /// The number itself.
    pub value: T,
    /// Where the number comes from, if the user or the catalog said.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl<T> Sourced<T> {
    /// A value with no note on its source.
    pub const fn bare(value: T) -> Self {
        Self {
            value,
            source: None,
        }
    }

    /// A value with a note on where it comes from.
    pub fn from_source(value: T, source: impl Into<String>) -> Self {
        Self {
            value,
            source: Some(source.into()),
        }
    }
}
