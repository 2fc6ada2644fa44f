//! How sure the answer is: ranges on inputs, what each range means, and the Monte Carlo that
//! samples them through the whole engine.

mod distribution;
mod rng;
mod run;
mod visit;

pub use distribution::{TAIL, Triangle};
pub use rng::Rng;
pub use run::{
    BAND_POINTS, Band, BreakEvenSpread, DEFAULT_SAMPLES, DEFAULT_SEED, Driver, OptionSpread,
    Percentiles, Ranged, Stepped, Uncertainty, ranged, run,
};
pub use visit::{Path, Uncertain, each_number};
