//! Any JSON as Open Referral (HSDS) data: imported without panicking.
#![no_main]

use finder_core::import::hsds::{import_json, TaxonomyMapping};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = import_json(&text, &TaxonomyMapping::standard());
});
