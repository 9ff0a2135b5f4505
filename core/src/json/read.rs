//! Reading JSON text: the catalogue file, each of its programs, and the widget's own
//! small records in browser storage.
//!
//! Hand-written rather than serde_json's deserializer: the catalogue reader walks
//! [`Json`] values, so a parser that builds them directly is all it needs, and serde's
//! generic machinery was the largest piece of the widget's WebAssembly after the UI
//! library itself (28 KB of raw code). serde_json stays the oracle: the tests read
//! the same texts with both and compare (`tests` below), and the staff tools, which run
//! natively, keep using it.
//!
//! What it accepts is JSON as RFC 8259 and serde_json define it, no more: no comments,
//! no trailing commas, no leading zeros, strings of valid escapes and no raw control
//! characters, nesting under 128 deep (as serde_json: a hostile file cannot exhaust
//! the stack). Errors read as serde_json's do ("expected `,` or `}` at line 3
//! column 5") because staff see them in the checker.

use std::fmt;

use super::{Json, Number, Object};

// Reading is compiled for speed even in the widget, whose code is otherwise compiled for
// size (`--cfg finder_size`, wasm builds only; the search's `lib.rs` explains the flag):
// at `opt-level = "z"` a catalogue of 50,000 programs read 40 % slower.

/// Why a text is not the JSON expected, and where (line and column from 1; the
/// column counts bytes, as serde_json's does).
#[derive(Debug, Clone, PartialEq)]
pub struct JsonError {
    pub message: &'static str,
    pub line: usize,
    pub column: usize,
    /// The text is valid JSON, but not of the kind asked for (an object, a list).
    pub wrong_kind: bool,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at line {} column {}", self.message, self.line, self.column)
    }
}

/// One JSON value, whole.
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut reader = Reader { text, at: 0, depth: 0 };
    let value = reader.value()?;
    reader.end()?;
    Ok(value)
}

/// A JSON object whose values are left as text (each checked as JSON): the catalogue's
/// top level, so that its programs can be read one at a time.
pub fn parse_object_raw(text: &str) -> Result<Object<&str>, JsonError> {
    let mut reader = Reader { text, at: 0, depth: 0 };
    let mut object = Object::default();
    reader.container(b'{', |reader| {
        let key = reader.key()?;
        let raw = reader.raw()?;
        object.insert(key, raw);
        Ok(())
    })?;
    reader.end()?;
    Ok(object)
}

/// A JSON list whose items are left as text (each checked as JSON): the programs.
pub fn parse_list_raw(text: &str) -> Result<Vec<&str>, JsonError> {
    let mut reader = Reader { text, at: 0, depth: 0 };
    let mut items = Vec::new();
    reader.container(b'[', |reader| {
        items.push(reader.raw()?);
        Ok(())
    })?;
    reader.end()?;
    Ok(items)
}

/// serde_json's limit (127 levels inside one another), for the same reason: recursion
/// on a phone's small stack.
const MAX_DEPTH: u32 = 128;

struct Reader<'a> {
    text: &'a str,
    at: usize,
    depth: u32,
}

impl<'a> Reader<'a> {
    // Inlined even when the crate is compiled for size: they are a few instructions,
    // called at every byte.
    #[inline(always)]
    fn bytes(&self) -> &'a [u8] {
        self.text.as_bytes()
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes().get(self.at).copied()
    }

    /// An error at the byte just read (or at the end).
    fn error(&self, message: &'static str) -> JsonError {
        let before = &self.bytes()[..self.at.min(self.text.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = before.len() - before.iter().rposition(|&b| b == b'\n').map_or(0, |at| at + 1);
        JsonError { message, line, column, wrong_kind: false }
    }

    #[cfg_attr(finder_size, optimize(speed))]
    fn skip_space(&mut self) {
        let rest = &self.bytes()[self.at..];
        self.at += rest.iter().position(|b| !matches!(b, b' ' | b'\n' | b'\r' | b'\t')).unwrap_or(rest.len());
    }

    /// Nothing but white space left.
    fn end(&mut self) -> Result<(), JsonError> {
        self.skip_space();
        match self.peek() {
            None => Ok(()),
            Some(_) => {
                self.at += 1;
                Err(self.error("trailing characters"))
            }
        }
    }

    /// The next value, kept.
    #[cfg_attr(finder_size, optimize(speed))]
    fn value(&mut self) -> Result<Json, JsonError> {
        self.skip_space();
        Ok(match self.peek() {
            Some(b'{') => {
                let mut object = Object::default();
                self.container(b'{', |reader| {
                    let key = reader.key()?;
                    let value = reader.value()?;
                    object.insert(key, value);
                    Ok(())
                })?;
                Json::Object(object)
            }
            Some(b'[') => {
                let mut items = Vec::new();
                self.container(b'[', |reader| {
                    items.push(reader.value()?);
                    Ok(())
                })?;
                Json::Array(items)
            }
            Some(b'"') => {
                let mut text = String::new();
                self.string(Some(&mut text))?;
                Json::String(text)
            }
            _ => self.scalar()?,
        })
    }

    /// The next value as the text it was written as, checked but not kept.
    fn raw(&mut self) -> Result<&'a str, JsonError> {
        self.skip_space();
        let start = self.at;
        self.skip_value()?;
        Ok(&self.text[start..self.at])
    }

    #[cfg_attr(finder_size, optimize(speed))]
    fn skip_value(&mut self) -> Result<(), JsonError> {
        self.skip_space();
        match self.peek() {
            Some(b'{') => self.container(b'{', |reader| {
                reader.string_key(None)?;
                reader.skip_value()
            }),
            Some(b'[') => self.container(b'[', Reader::skip_value),
            Some(b'"') => self.string(None),
            _ => self.scalar().map(drop),
        }
    }

    /// An object (`open` is `{`) or a list (`[`), calling `item` for each entry with the
    /// reader just before it; for an object, `item` reads the key and the value.
    #[cfg_attr(finder_size, optimize(speed))]
    fn container(
        &mut self,
        open: u8,
        mut item: impl FnMut(&mut Self) -> Result<(), JsonError>,
    ) -> Result<(), JsonError> {
        let (close, eof, separator) = match open {
            b'{' => (b'}', "EOF while parsing an object", "expected `,` or `}`"),
            _ => (b']', "EOF while parsing a list", "expected `,` or `]`"),
        };
        self.skip_space();
        match self.peek() {
            Some(b) if b == open => self.at += 1,
            Some(_) => {
                // Valid JSON of another kind is a different complaint from broken JSON.
                let start = self.at;
                self.skip_value()?;
                self.end()?;
                self.at = start + 1;
                let mut error =
                    self.error(if open == b'{' { "expected an object" } else { "expected a list" });
                error.wrong_kind = true;
                return Err(error);
            }
            None => return Err(self.error("EOF while parsing a value")),
        }
        self.depth += 1;
        if self.depth >= MAX_DEPTH {
            return Err(self.error("recursion limit exceeded"));
        }
        self.skip_space();
        match self.peek() {
            Some(b) if b == close => {
                self.at += 1;
                self.depth -= 1;
                return Ok(());
            }
            None => return Err(self.error(eof)),
            Some(_) => {}
        }
        loop {
            item(self)?;
            self.skip_space();
            match self.peek() {
                Some(b',') => {
                    self.at += 1;
                    self.skip_space();
                    if self.peek() == Some(close) {
                        self.at += 1;
                        return Err(self.error("trailing comma"));
                    }
                }
                Some(b) if b == close => {
                    self.at += 1;
                    self.depth -= 1;
                    return Ok(());
                }
                Some(_) => {
                    self.at += 1;
                    return Err(self.error(separator));
                }
                None => return Err(self.error(eof)),
            }
        }
    }

    /// An object's key and its colon.
    fn key(&mut self) -> Result<String, JsonError> {
        let mut key = String::new();
        self.string_key(Some(&mut key))?;
        Ok(key)
    }

    #[cfg_attr(finder_size, optimize(speed))]
    fn string_key(&mut self, out: Option<&mut String>) -> Result<(), JsonError> {
        self.skip_space();
        match self.peek() {
            Some(b'"') => self.string(out)?,
            Some(_) => {
                self.at += 1;
                return Err(self.error("key must be a string"));
            }
            None => return Err(self.error("EOF while parsing a value")),
        }
        self.skip_space();
        match self.peek() {
            Some(b':') => {
                self.at += 1;
                Ok(())
            }
            Some(_) => {
                self.at += 1;
                Err(self.error("expected `:`"))
            }
            None => Err(self.error("EOF while parsing an object")),
        }
    }

    /// A string from its opening quote: its text added to `out`, or only checked.
    #[cfg_attr(finder_size, optimize(speed))]
    fn string(&mut self, mut out: Option<&mut String>) -> Result<(), JsonError> {
        self.at += 1;
        loop {
            // Plain text up to the next quote, backslash or control character, in one go:
            // descriptions are long, and this loop is most of reading a catalogue.
            let plain = plain_run(&self.bytes()[self.at..]);
            if let Some(out) = out.as_deref_mut() {
                // Stops only at ASCII bytes, so always between two characters.
                out.push_str(&self.text[self.at..self.at + plain]);
            }
            self.at += plain;
            match self.peek() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b'"') => {
                    self.at += 1;
                    return Ok(());
                }
                Some(b'\\') => {
                    self.at += 1;
                    let c = self.escape()?;
                    if let Some(out) = out.as_deref_mut() {
                        out.push(c);
                    }
                }
                Some(_) => {
                    self.at += 1;
                    return Err(
                        self.error("control character (\\u0000-\\u001F) found while parsing a string")
                    );
                }
            }
        }
    }

    /// The character an escape after `\` stands for.
    fn escape(&mut self) -> Result<char, JsonError> {
        let Some(byte) = self.peek() else {
            return Err(self.error("EOF while parsing a string"));
        };
        self.at += 1;
        Ok(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                match first {
                    0xD800..=0xDBFF => {
                        for expected in [b'\\', b'u'] {
                            match self.peek() {
                                None => return Err(self.error("EOF while parsing a string")),
                                Some(byte) => {
                                    self.at += 1;
                                    if byte != expected {
                                        return Err(self.error("unexpected end of hex escape"));
                                    }
                                }
                            }
                        }
                        let second = self.hex4()?;
                        if !(0xDC00..=0xDFFF).contains(&second) {
                            return Err(self.error("lone leading surrogate in hex escape"));
                        }
                        let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
                        char::from_u32(code).ok_or_else(|| self.error("invalid unicode code point"))?
                    }
                    0xDC00..=0xDFFF => return Err(self.error("lone leading surrogate in hex escape")),
                    _ => char::from_u32(first).ok_or_else(|| self.error("invalid unicode code point"))?,
                }
            }
            _ => return Err(self.error("invalid escape")),
        })
    }

    /// Four hex digits, taken together (as serde_json does: a bad one is reported after
    /// the four).
    fn hex4(&mut self) -> Result<u32, JsonError> {
        let Some(digits) = self.bytes().get(self.at..self.at + 4) else {
            self.at = self.text.len();
            return Err(self.error("EOF while parsing a string"));
        };
        self.at += 4;
        let code = digits.iter().try_fold(0, |code, &byte| Some(code * 16 + (byte as char).to_digit(16)?));
        code.ok_or_else(|| self.error("invalid escape"))
    }

    /// `null`, `true`, `false` or a number.
    fn scalar(&mut self) -> Result<Json, JsonError> {
        let word = match self.peek() {
            Some(b'n') => Some(("null", Json::Null)),
            Some(b't') => Some(("true", Json::Bool(true))),
            Some(b'f') => Some(("false", Json::Bool(false))),
            _ => None,
        };
        if let Some((word, value)) = word {
            for expected in word.bytes() {
                match self.peek() {
                    None => return Err(self.error("EOF while parsing a value")),
                    Some(byte) => {
                        self.at += 1;
                        if byte != expected {
                            return Err(self.error("expected ident"));
                        }
                    }
                }
            }
            return Ok(value);
        }
        match self.peek() {
            Some(b'-' | b'0'..=b'9') => self.number().map(Json::Number),
            Some(_) => {
                self.at += 1;
                Err(self.error("expected value"))
            }
            None => Err(self.error("EOF while parsing a value")),
        }
    }

    /// A number that stops where a digit must come: at a character that cannot continue
    /// it ("invalid number", placed after it, as serde_json does) or at the end.
    fn number_stops(&mut self) -> JsonError {
        match self.peek() {
            Some(_) => {
                self.at += 1;
                self.error("invalid number")
            }
            None => self.error("EOF while parsing a value"),
        }
    }

    /// A number: an integer when it is one and fits 64 bits, as serde_json keeps it.
    #[cfg_attr(finder_size, optimize(speed))]
    fn number(&mut self) -> Result<Number, JsonError> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.at += 1;
        }
        // Up to 19 digits kept exactly; later digits of the whole part only count.
        let mut significand: u64 = 0;
        let mut exponent: i32 = 0;
        let mut digits = 0;
        let mut whole = |reader: &mut Self, after_point: bool| {
            let start = reader.at;
            while let Some(b @ b'0'..=b'9') = reader.peek() {
                reader.at += 1;
                match significand.checked_mul(10).and_then(|s| s.checked_add(u64::from(b - b'0'))) {
                    Some(next) => {
                        significand = next;
                        exponent -= i32::from(after_point);
                    }
                    None => exponent += i32::from(!after_point),
                }
            }
            reader.at - start
        };
        let first = self.peek();
        digits += whole(self, false);
        if digits == 0 {
            return Err(self.number_stops());
        }
        if first == Some(b'0') && digits > 1 {
            self.at = self.at - digits + 2;
            return Err(self.error("invalid number"));
        }
        let mut float = false;
        if self.peek() == Some(b'.') {
            self.at += 1;
            float = true;
            if whole(self, true) == 0 {
                return Err(self.number_stops());
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.at += 1;
            float = true;
            let negative_exponent = match self.peek() {
                Some(b'-') => {
                    self.at += 1;
                    true
                }
                Some(b'+') => {
                    self.at += 1;
                    false
                }
                _ => false,
            };
            let mut written: i32 = 0;
            let start = self.at;
            while let Some(b @ b'0'..=b'9') = self.peek() {
                self.at += 1;
                match written.checked_mul(10).and_then(|w| w.checked_add(i32::from(b - b'0'))) {
                    Some(next) => written = next,
                    // An exponent past 2^31: too large a number, or zero (as serde_json).
                    None if significand != 0 && !negative_exponent => {
                        return Err(self.error("number out of range"));
                    }
                    None => {
                        while let Some(b'0'..=b'9') = self.peek() {
                            self.at += 1;
                        }
                        return Ok(Number::Float(if negative { -0.0 } else { 0.0 }));
                    }
                }
            }
            if self.at == start {
                return Err(self.number_stops());
            }
            exponent = exponent.saturating_add(if negative_exponent { -written } else { written });
        }
        if !float && exponent == 0 {
            if !negative {
                return Ok(Number::Unsigned(significand));
            }
            if let Some(n) = 0i64.checked_sub_unsigned(significand).filter(|n| *n != 0) {
                return Ok(Number::Signed(n));
            }
        }
        let value = scaled(significand, exponent).ok_or_else(|| self.error("number out of range"))?;
        Ok(Number::Float(if negative { -value } else { value }))
    }
}

/// How many bytes at the start of `bytes` are plain string text: not a quote, a
/// backslash or a control character. Eight bytes at a time, as serde_json does (byte by
/// byte, reading was a third slower than serde_json's): a byte equal to `"` or `\`, or
/// below 0x20, sets its high bit in `special`; the first such bit is exact (later ones
/// may be borrows, and are never looked at).
#[cfg_attr(finder_size, optimize(speed))]
fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |v: u64| v.wrapping_sub(ONES) & !v & HIGH;
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let special = zero_byte(word ^ (ONES * u64::from(b'"')))
            | zero_byte(word ^ (ONES * u64::from(b'\\')))
            | (word.wrapping_sub(ONES * 0x20) & !word & HIGH);
        if special != 0 {
            return at + (special.trailing_zeros() / 8) as usize;
        }
        at += 8;
    }
    let rest = &bytes[at..];
    at + rest.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).unwrap_or(rest.len())
}

/// Exact powers of ten a double holds (10^22 is the last).
const POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
    1e19, 1e20, 1e21, 1e22,
];

/// `significand` × 10^`exponent`, or `None` past the largest double. Exact, correctly
/// rounded, for what catalogues hold (ages, versions, coordinates: up to 15 digits and
/// powers to 10^22); beyond that within a few units in the last place, which no
/// catalogue field can tell apart (a table of all 309 powers would cost families 2.5 KB).
fn scaled(significand: u64, mut exponent: i32) -> Option<f64> {
    let mut value = significand as f64;
    if value == 0.0 {
        return Some(0.0);
    }
    while exponent != 0 {
        let step = exponent.unsigned_abs().min(22);
        let power = POWERS[step as usize];
        if exponent > 0 {
            value *= power;
            exponent -= step as i32;
        } else {
            value /= power;
            exponent += step as i32;
        }
        if value.is_infinite() {
            return None;
        }
        if value == 0.0 {
            break;
        }
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_serde_json_reads_the_same_way() {
        for text in super::super::tests::SAMPLES {
            let ours = parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(ours.to_string(), theirs.to_string(), "{text}");
        }
    }

    #[test]
    fn large_and_small_exponents_are_close_to_the_nearest_double() {
        for text in
            ["1e300", "-2.5e-300", "1.7976931348623157e308", "4.9e-324", "123456789012345678901234567890"]
        {
            let ours = parse(text).unwrap().as_f64().unwrap();
            let exact: f64 = text.parse().unwrap();
            assert!(((ours - exact) / exact).abs() < 1e-14, "{text}: {ours} against {exact}");
        }
        assert_eq!(parse("1e400").unwrap_err().message, "number out of range");
        assert_eq!(parse("1e-400").unwrap().as_f64(), Some(0.0));
        assert_eq!(parse("0e99999999999").unwrap().as_f64(), Some(0.0));
        assert_eq!(parse("5e-99999999999").unwrap().as_f64(), Some(0.0));
    }

    /// Texts both refuse, with serde_json's words for why and where.
    #[test]
    fn refuses_what_serde_json_refuses_with_its_words_and_place() {
        let cases = [
            "",
            "   ",
            "<html><body>Not found</body></html>",
            "{\"a\": 1,}",
            "[1, 2,]",
            "[1 2]",
            "{\"a\" 1}",
            "{a: 1}",
            "{\"a\": 1 \"b\": 2}",
            "[01]",
            "[1.]",
            "[1.e5]",
            "[-]",
            "[1e]",
            "[1e+]",
            "\"abc",
            "\"a\\x\"",
            "\"a\\u12\"",
            "\"a\\u0g00 and more\"",
            "\"a\\ud800\"",
            "\"a\\udc00\"",
            "\"tab\there\"",
            "{\"version\": 1,\n  \"needs\": [\n    {\"id\": \"food\"\n  ]\n}",
            "[1] x",
            "nul",
            "tru",
            "{\"programs\": [",
            "[[[[",
            "[1,",
            "{\"a\":",
            "{\"a\"",
            "{\"a\": 1,",
            "{",
            "[nux]",
            "[truex]",
            "\"\\ud800\\u0041\"",
            "\"\\ud800x\"",
            "\"\\ud800\\",
            "[-01]",
            "[00]",
            "[1.5e400]",
            "11111111111111113111111111111e111111111111111113111111111111e11",
            "[1e99999999999999999999, 2]",
            &("[".repeat(129) + "^"),
            &("[".repeat(127) + &"]".repeat(126)),
        ];
        let differ: Vec<String> = cases
            .iter()
            .filter_map(|text| {
                let ours = parse(text).expect_err(text).to_string();
                let theirs = serde_json::from_str::<serde_json::Value>(text).expect_err(text).to_string();
                (ours != theirs).then(|| format!("{text:?}: ours {ours:?}, serde_json {theirs:?}"))
            })
            .collect();
        assert!(differ.is_empty(), "{}", differ.join("\n"));
        let deep = "[".repeat(200) + &"]".repeat(200);
        assert_eq!(parse(&deep).unwrap_err().message, "recursion limit exceeded");
        assert!(serde_json::from_str::<serde_json::Value>(&deep).is_err());
    }

    #[test]
    fn plain_runs_stop_at_the_first_quote_backslash_or_control_character() {
        let cases: &[(&[u8], usize)] = &[
            (b"", 0),
            (b"abc", 3),
            (b"abcdefgh", 8),
            (b"abcdefghij\"", 10),
            (b"\"", 0),
            (b"abcdefg\\", 7),
            (b"a\x1f", 1),
            (b"abcdefgh\x00\"", 8),
            ("\u{e9}\u{1f600}\u{7f}\u{80}\u{ff}!\"".as_bytes(), 12),
            (b" !#[]~\x7f\x20\x19", 8),
        ];
        for (bytes, expected) in cases {
            assert_eq!(plain_run(bytes), *expected, "{:?}", String::from_utf8_lossy(bytes));
        }
        // Against the plain definition, from every offset of a text with every byte value.
        let text: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
        for start in 0..text.len() {
            let rest = &text[start..];
            let slow = rest.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).unwrap_or(rest.len());
            assert_eq!(plain_run(rest), slow, "from {start}");
        }
    }

    #[test]
    fn an_object_or_a_list_can_keep_its_values_as_text() {
        let text =
            r#" { "version" : 1, "programs": [ {"id": "a"} , {"id": "b", "x": [1, "]"]} ], "b": "}" } "#;
        let top = parse_object_raw(text).unwrap();
        assert_eq!(top.keys().collect::<Vec<_>>(), ["b", "programs", "version"]);
        assert_eq!(top.get("version"), Some(&"1"));
        assert_eq!(top.get("b"), Some(&"\"}\""));
        let programs = parse_list_raw(top.get("programs").unwrap()).unwrap();
        assert_eq!(programs, [r#"{"id": "a"}"#, r#"{"id": "b", "x": [1, "]"]}"#]);
        // Valid JSON of another kind is told apart from text that is not JSON.
        assert!(parse_object_raw("[1, 2]").unwrap_err().wrong_kind);
        assert!(parse_list_raw("{}").unwrap_err().wrong_kind);
        assert!(!parse_object_raw("[1, 2").unwrap_err().wrong_kind);
        assert!(!parse_object_raw("{\"a\": [1,}").unwrap_err().wrong_kind);
    }
}
