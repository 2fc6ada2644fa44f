//! Two scenarios side by side: the baseline panel (what changed since it was pinned) and the
//! comparison panel (another scenario file), both from the same tables.

pub mod baseline;
pub mod comparison;
pub mod side_by_side;
