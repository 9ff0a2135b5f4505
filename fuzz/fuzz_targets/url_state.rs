//! Any address query string (a shared link can hold anything) and any host options: read
//! without panicking, and once written back, the address is stable (reading and writing
//! it again changes nothing).
#![no_main]

use libfuzzer_sys::fuzz_target;
use program_finder::host_options::HostOptions;
use program_finder::url_state::{from_query, to_query};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let written = to_query(&text, &from_query(&text));
    let read = from_query(&written);
    assert_eq!(to_query(&written, &read), written);
    assert_eq!(from_query(&to_query(&written, &read)), read);
    let pairs: Vec<String> = text.split('\u{0}').map(String::from).collect();
    let _ = HostOptions::from_pairs(&pairs);
});
