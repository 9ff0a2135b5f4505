//! Any text as JSON: the widget's own reader (`finder_core::json`) accepts exactly what
//! serde_json accepts, refuses the rest with serde_json's words and place, and reads the
//! same values (doubles within a few units in the last place: see `json/read.rs`).
#![no_main]

use finder_core::json::{self, Json};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let ours = json::parse(text);
    let theirs = serde_json::from_str::<Value>(text);
    match (ours, theirs) {
        (Ok(ours), Ok(theirs)) => assert!(same(&ours, &theirs), "{text:?}: {ours} against {theirs}"),
        (Err(ours), Err(theirs)) => assert_eq!(ours.to_string(), theirs.to_string(), "{text:?}"),
        (ours, theirs) => panic!("{text:?}: ours {:?}, serde_json {:?}", ours.map(|v| v.to_string()), theirs),
    }
    // The raw readers find the same values, left as text.
    if let Ok(object) = json::parse_object_raw(text) {
        for (_, raw) in object.iter() {
            assert!(json::parse(raw).is_ok(), "{raw:?}");
        }
    }
    if let Ok(items) = json::parse_list_raw(text) {
        for raw in items {
            assert!(json::parse(raw).is_ok(), "{raw:?}");
        }
    }
});

fn same(ours: &Json, theirs: &Value) -> bool {
    match (ours, theirs) {
        (Json::Null, Value::Null) => true,
        (Json::Bool(a), Value::Bool(b)) => a == b,
        (Json::String(a), Value::String(b)) => a == b,
        (Json::Number(a), Value::Number(b)) => match (a, b.as_u64(), b.as_i64(), b.as_f64()) {
            (json::Number::Unsigned(a), Some(b), _, _) => *a == b,
            (json::Number::Signed(a), _, Some(b), _) if b < 0 => *a == b,
            (json::Number::Float(a), None, None, Some(b)) => {
                a == &b || ((a - b) / b).abs() < 1e-14 || (a.abs() < 1e-300 && b.abs() < 1e-300)
            }
            _ => false,
        },
        (Json::Array(a), Value::Array(b)) => a.len() == b.len() && a.iter().zip(b).all(|(a, b)| same(a, b)),
        (Json::Object(a), Value::Object(b)) => {
            a.iter().count() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w)))
        }
        _ => false,
    }
}
