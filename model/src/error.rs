//! The errors of the model crate, each worded as a sentence a non-programmer can act on.

use std::fmt;

/// Checked arithmetic failed: a value was too large for an exact decimal, or a divisor was zero.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ArithmeticError {
    /// The result does not fit in an exact decimal (about 7.9 × 10^28).
    #[error("the result of {operation} is too large to compute exactly")]
    Overflow {
        /// What was being computed, in the units involved.
        operation: &'static str,
    },
    /// A division by zero, such as a break-even against a free API.
    #[error("{operation} divides by zero")]
    DivisionByZero {
        /// What was being computed, in the units involved.
        operation: &'static str,
    },
}

/// One thing wrong with a scenario: where it is and what is wrong, in plain words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The field's path in the file, such as `buy.input_usd_per_1m.value`.
    pub path: String,
    /// What is wrong and what would be right, as a sentence.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// A scenario file that could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// The file is larger than any real scenario, so it is not read at all.
    #[error("the file is {bytes} bytes; a scenario is at most {limit} bytes, so this is not one")]
    TooLarge {
        /// The file's size.
        bytes: u64,
        /// The largest size read.
        limit: u64,
    },
    /// The bytes are not UTF-8 text.
    #[error("the file is not text (it is not valid UTF-8), so it is not a scenario")]
    NotText,
    /// The text is not well-formed RON of a scenario's shape. Serde stops at the first such
    /// problem, so there is only one.
    #[error("line {line}, column {column}: {message}")]
    Parse {
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What the reader expected or found.
        message: String,
    },
    /// The file was written by a newer Breakeven in a format this one does not know.
    #[error(
        "the file is scenario format version {found}, from a newer Breakeven; this one reads \
         versions up to {supported}. Open it with a newer Breakeven"
    )]
    TooNew {
        /// The version in the file.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
    /// The file is well-formed but some values are out of range or inconsistent.
    #[error("{} problem{} in the scenario: {}", .0.len(), if .0.len() == 1 { "" } else { "s" }, ProblemList(.0))]
    Invalid(Vec<Problem>),
}

/// A scenario whose figures could not be made, worded for the person who entered it. The window,
/// the export, the command line and the workshop all get this one error from
/// [`crate::evaluate`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EvaluateError {
    /// Some values are out of range or inconsistent: every problem at once, each naming its
    /// field's path, as a file that fails to load reports them.
    #[error("{} problem{} in the scenario: {}", .0.len(), if .0.len() == 1 { "" } else { "s" }, ProblemList(.0))]
    Invalid(Vec<Problem>),
    /// The values, each in range, combine into a figure too large to hold exactly; names the
    /// input that drove it.
    #[error(transparent)]
    Compute(#[from] ComputeError),
}

impl EvaluateError {
    /// Each thing to fix as its own sentence: every problem with its field's path, or the input
    /// whose figures grew too large.
    #[must_use]
    pub fn sentences(&self) -> Vec<String> {
        match self {
            Self::Invalid(problems) => problems.iter().map(ToString::to_string).collect(),
            Self::Compute(error) => vec![error.to_string()],
        }
    }
}

/// Formats problems separated by semicolons, for one-line messages.
struct ProblemList<'a>(&'a [Problem]);

impl fmt::Display for ProblemList<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

/// A scenario that could not be written as text. Not expected for any scenario the app builds;
/// reported rather than hidden if it happens.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the scenario could not be written: {0}")]
pub struct SaveError(pub String);

/// The cost engine could not compute a figure: the inputs, though each in range, combine into a
/// number too large to hold exactly (a steep growth over a long horizon, say). Names the input
/// that drove it.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {error}; lower this value")]
pub struct ComputeError {
    /// The input whose value made the figure too large, such as `workload.growth_percent_per_month`.
    pub path: String,
    /// What failed.
    pub error: ArithmeticError,
}

/// Attaches the input's path to an arithmetic error.
pub trait AtField<T> {
    /// Names `path` as the input behind a failure.
    fn at(self, path: &str) -> Result<T, ComputeError>;
}

impl<T> AtField<T> for Result<T, ArithmeticError> {
    fn at(self, path: &str) -> Result<T, ComputeError> {
        self.map_err(|error| ComputeError {
            path: path.to_owned(),
            error,
        })
    }
}

/// A what-if preset that could not be applied to a scenario.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WhatIfError {
    /// The scenario already is what the preset would make it, or lacks what it changes.
    #[error("{0}")]
    NothingToChange(&'static str),
    /// The changed value is too large to hold exactly.
    #[error(transparent)]
    Compute(#[from] ComputeError),
}
