//! Raw bytes as a scenario file: any file a user might open. Loading must refuse what it cannot
//! read with an error, and everything after a successful load must run without panicking.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(loaded) = breakeven_model::scenario::load_bytes(data) {
        common::exercise(&loaded.scenario, data.len());
    }
});
