//! Any spreadsheet text: imported without panicking; what imports exports and imports again.
#![no_main]

use finder_core::format::standard_needs;
use finder_core::import::csv::{export, import};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(imported) = import(&text, standard_needs()) {
        let again = export(&imported.catalogue);
        let _ = import(&again, standard_needs());
    }
});
