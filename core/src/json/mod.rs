//! The JSON values the catalogue reader walks through, and their reader (`read.rs`).
//!
//! Not `serde_json::Value`: its object is a B-tree map, and the B-tree's insert, search,
//! iteration, drop and clone, with `Value`'s printer, all ship in the widget's WebAssembly,
//! which families download on slow phones. An object here is a `Vec` kept sorted by key.
//! It behaves as `serde_json::Value` (without `preserve_order`) did in everything the reader
//! can observe, so every problem stays word for word what it was: keys iterate in sorted
//! (byte) order, a key written twice keeps its last value, and values print as `Value`
//! printed them.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

mod read;

pub use read::{parse, parse_list_raw, parse_object_raw, JsonError};

/// A JSON number, kept as serde_json keeps one: an integer when it was written as one
/// and fits 64 bits, else a (finite) double.
#[derive(Clone, Copy)]
#[cfg_attr(test, derive(Debug, PartialEq))]
pub enum Number {
    Unsigned(u64),
    Signed(i64),
    Float(f64),
}

impl Number {
    /// A finite double as a number (JSON has no infinities or NaN).
    pub fn from_f64(value: f64) -> Option<Number> {
        value.is_finite().then_some(Number::Float(value))
    }

    pub fn as_f64(&self) -> Option<f64> {
        Some(match *self {
            Number::Unsigned(n) => n as f64,
            Number::Signed(n) => n as f64,
            Number::Float(n) => n,
        })
    }
}

/// Digits as serde_json prints them: integers as written, doubles the shortest way
/// that reads back the same (`2.5`, `5.0`, `1e21`), through the same crate.
impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Number::Unsigned(n) => fmt::Display::fmt(&n, f),
            Number::Signed(n) => fmt::Display::fmt(&n, f),
            Number::Float(n) => f.write_str(zmij::Buffer::new().format_finite(n)),
        }
    }
}

/// One JSON value.
// Compared and printed for debugging only in tests: no code for it in the widget.
#[cfg_attr(test, derive(Debug, PartialEq))]
pub enum Json {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Json>),
    Object(Object),
}

/// A JSON object: its entries sorted by key, each key once (the last value written).
/// The loader also reads the file's top level as one, its values left as text.
#[cfg_attr(test, derive(Debug, PartialEq))]
pub struct Object<V = Json>(Vec<(String, V)>);

impl<V> Default for Object<V> {
    fn default() -> Self {
        Object(Vec::new())
    }
}

impl<V> Object<V> {
    /// Sets `key`, replacing an earlier value as a map would.
    pub fn insert(&mut self, key: String, value: V) {
        // Objects in a catalogue have a few dozen keys at most: a shift is cheaper, in
        // code and in time, than a tree.
        match self.position(&key) {
            Ok(at) => self.0[at].1 = value,
            Err(at) => self.0.insert(at, (key, value)),
        }
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.position(key).ok().map(|at| &self.0[at].1)
    }

    /// The entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.0.iter().map(|(key, value)| (key, value))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(key, _)| key)
    }

    fn position(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }
}

impl Json {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Json>> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(n) => n.as_f64(),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Json::Null)
    }

    pub fn is_string(&self) -> bool {
        matches!(self, Json::String(_))
    }
}

/// Compact JSON, byte for byte as `serde_json::Value` prints it (messages quote values).
impl fmt::Display for Json {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Json::Null => f.write_str("null"),
            Json::Bool(flag) => f.write_str(if *flag { "true" } else { "false" }),
            Json::Number(n) => fmt::Display::fmt(n, f),
            Json::String(text) => quoted(text, f),
            Json::Array(items) => {
                f.write_str("[")?;
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        f.write_str(",")?;
                    }
                    fmt::Display::fmt(item, f)?;
                }
                f.write_str("]")
            }
            Json::Object(object) => {
                f.write_str("{")?;
                for (index, (key, value)) in object.iter().enumerate() {
                    if index > 0 {
                        f.write_str(",")?;
                    }
                    quoted(key, f)?;
                    f.write_str(":")?;
                    fmt::Display::fmt(value, f)?;
                }
                f.write_str("}")
            }
        }
    }
}

/// A JSON string with serde_json's escapes: `\"`, `\\`, the short forms of control
/// characters that have one, `\u00xx` (lower-case hex) for the others; the rest as is.
fn quoted(text: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    f.write_str("\"")?;
    let mut start = 0;
    for (at, byte) in text.bytes().enumerate() {
        let escape = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0C => "\\f",
            0x00..=0x1F => "",
            _ => continue,
        };
        // Escaped bytes are ASCII, so `at` is always between two characters.
        f.write_str(&text[start..at])?;
        if escape.is_empty() {
            f.write_str("\\u00")?;
            let hex = [HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 0xF)]];
            f.write_str(std::str::from_utf8(&hex).unwrap_or_default())?;
        } else {
            f.write_str(escape)?;
        }
        start = at + 1;
    }
    f.write_str(&text[start..])?;
    f.write_str("\"")
}

/// By hand rather than derived: what `serde_json::Value`'s own visitor does, and no more.
impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Json, E> {
        Ok(Json::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Json, E> {
        // As serde_json: a non-negative integer is unsigned, whatever called it.
        Ok(Json::Number(u64::try_from(value).map_or(Number::Signed(value), Number::Unsigned)))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Json, E> {
        Ok(Json::Number(Number::Unsigned(value)))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Json, E> {
        Ok(Number::from_f64(value).map_or(Json::Null, Json::Number))
    }

    fn visit_str<E>(self, value: &str) -> Result<Json, E> {
        Ok(Json::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Json, E> {
        Ok(Json::String(value))
    }

    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Json, D::Error> {
        Json::deserialize(deserializer)
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Json, A::Error> {
        ObjectVisitor(PhantomData).visit_map(map).map(Json::Object)
    }
}

/// An object alone, as a `BTreeMap` is read: anything else is a data error.
impl<'de, V: Deserialize<'de>> Deserialize<'de> for Object<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ObjectVisitor(PhantomData))
    }
}

struct ObjectVisitor<V>(PhantomData<V>);

impl<'de, V: Deserialize<'de>> Visitor<'de> for ObjectVisitor<V> {
    type Value = Object<V>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a map")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Object<V>, A::Error> {
        let mut object = Object::default();
        while let Some((key, value)) = map.next_entry::<String, V>()? {
            object.insert(key, value);
        }
        Ok(object)
    }
}

#[cfg(test)]
mod tests {
    use super::Json;

    /// Texts serde_json reads: printed back, every reader of them agrees (`read.rs` too).
    pub(super) const SAMPLES: &[&str] = &[
        "null",
        " true ",
        "[false, 0, -0, 1, -1, 18446744073709551615, -9223372036854775808, 18446744073709551616]",
        "[0.5, -2.5, 5.0, 1.5e-7, 123456789.125, -0.0, 1e21, 100000000000000000000.0, 2.5E+3, 41.7658, -72.6734]",
        r#""plain, accented é, emoji 😀, quote \" and backslash \\ and \/""#,
        r#""\n\r\t\b\f\u0000\u0001\u001f\u007f\u2028\ud83d\ude00 end""#,
        r#"{"b": 1, "a": [1, {"z": null, "y": "é"}], "": {}, "B": [], "a ": "x"}"#,
        r#"{"dup": 1, "other": true, "dup": [2], "dup": "last"}"#,
        "\n\t[ [ ] , { } ]\r\n",
    ];

    #[test]
    fn prints_as_serde_json_value_does() {
        for sample in SAMPLES {
            let ours: Json = serde_json::from_str(sample).unwrap();
            let theirs: serde_json::Value = serde_json::from_str(sample).unwrap();
            assert_eq!(ours.to_string(), theirs.to_string(), "{sample}");
        }
    }

    #[test]
    fn objects_sort_their_keys_and_keep_the_last_of_a_key_written_twice() {
        let json: Json = serde_json::from_str(SAMPLES[7]).unwrap();
        let Json::Object(object) = json else { panic!("an object") };
        assert_eq!(object.keys().collect::<Vec<_>>(), ["dup", "other"]);
        assert_eq!(object.get("dup"), Some(&Json::String("last".into())));
        assert_eq!(object.get("missing"), None);
    }

    #[test]
    fn reads_a_serde_json_value_as_the_same_value() {
        for sample in SAMPLES {
            let value: serde_json::Value = serde_json::from_str(sample).unwrap();
            let ours: Json = serde_json::from_value(value.clone()).unwrap();
            assert_eq!(ours.to_string(), value.to_string(), "{sample}");
        }
    }
}
