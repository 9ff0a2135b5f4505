//! Where each value of a JSON text starts, by JSON path.
//!
//! serde_json gives values but not positions. Staff fixing a catalogue need "line 214,
//! column 18", so this small scanner walks the (already validated) text once and records
//! the line and column where every value starts, under the same paths the loader uses in
//! its problem reports: `programs[3].towns[1]`, `areas.North Central`.

use std::collections::HashMap;

/// A line and column, both counted from 1; columns count characters, not bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// The start of every value in `text`, by path. The root is the empty path.
/// On text that is not valid JSON it returns what it found before the fault.
///
/// ```
/// use finder_core::locate::{positions, Position};
/// let found = positions("{\n  \"a\": [1,\n    {\"b\": true}]\n}");
/// assert_eq!(found["a[1].b"], Position { line: 3, column: 11 });
/// ```
pub fn positions(text: &str) -> HashMap<String, Position> {
    let mut scanner = Scanner { chars: text.chars().peekable(), line: 1, column: 1, found: HashMap::new() };
    scanner.value(String::new(), 0);
    scanner.found
}

/// The position of `path`, or of its closest enclosing value that has one (a missing
/// field is reported where its object starts).
pub fn position_of(found: &HashMap<String, Position>, path: &str) -> Position {
    let mut path = path;
    loop {
        if let Some(position) = found.get(path) {
            return *position;
        }
        match path.rfind(['.', '[']) {
            Some(cut) => path = &path[..cut],
            None => return found.get("").copied().unwrap_or(Position { line: 1, column: 1 }),
        }
    }
}

/// Deeper than this is not a catalogue; stop rather than risk the stack.
const MAX_DEPTH: usize = 256;

struct Scanner<'a> {
    chars: std::iter::Peekable<std::str::Chars<'a>>,
    line: usize,
    column: usize,
    found: HashMap<String, Position>,
}

impl Scanner<'_> {
    fn bump(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
        Some(c)
    }

    fn skip_space(&mut self) {
        while self.chars.peek().is_some_and(|c| c.is_whitespace()) {
            self.bump();
        }
    }

    /// Returns false at a fault, which ends the scan.
    fn value(&mut self, path: String, depth: usize) -> bool {
        self.skip_space();
        if depth > MAX_DEPTH {
            return false;
        }
        self.found.insert(path.clone(), Position { line: self.line, column: self.column });
        match self.chars.peek() {
            Some('{') => self.object(&path, depth),
            Some('[') => self.array(&path, depth),
            Some('"') => self.string().is_some(),
            Some(_) => {
                while self.chars.peek().is_some_and(|c| c.is_alphanumeric() || "+-.".contains(*c)) {
                    self.bump();
                }
                true
            }
            None => false,
        }
    }

    fn object(&mut self, path: &str, depth: usize) -> bool {
        self.bump();
        loop {
            self.skip_space();
            match self.chars.peek() {
                Some('}') => {
                    self.bump();
                    return true;
                }
                Some('"') => {}
                _ => return false,
            }
            let Some(key) = self.string() else {
                return false;
            };
            self.skip_space();
            if self.bump() != Some(':') {
                return false;
            }
            let child = if path.is_empty() { key } else { format!("{path}.{key}") };
            if !self.value(child, depth + 1) {
                return false;
            }
            self.skip_space();
            match self.bump() {
                Some(',') => continue,
                Some('}') => return true,
                _ => return false,
            }
        }
    }

    fn array(&mut self, path: &str, depth: usize) -> bool {
        self.bump();
        self.skip_space();
        if self.chars.peek() == Some(&']') {
            self.bump();
            return true;
        }
        for index in 0.. {
            if !self.value(format!("{path}[{index}]"), depth + 1) {
                return false;
            }
            self.skip_space();
            match self.bump() {
                Some(',') => continue,
                Some(']') => return true,
                _ => return false,
            }
        }
        false
    }

    /// Reads a string literal, decoding the escapes that matter for keys.
    fn string(&mut self) -> Option<String> {
        self.bump();
        let mut text = String::new();
        loop {
            match self.bump()? {
                '"' => return Some(text),
                '\\' => match self.bump()? {
                    'n' => text.push('\n'),
                    't' => text.push('\t'),
                    'u' => {
                        let hex: String = (0..4).filter_map(|_| self.bump()).collect();
                        text.extend(u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32));
                    }
                    other => text.push(other),
                },
                c => text.push(c),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_has_its_start() {
        let text = "{\n  \"programs\": [\n    { \"id\": \"a\", \"towns\": [\"Hartford\", \"Hartfrod\"] },\n    { \"id\": \"b\" }\n  ],\n  \"areas\": { \"North Central\": [] }\n}";
        let found = positions(text);
        let at = |path: &str| {
            let p = found[path];
            (p.line, p.column)
        };
        assert_eq!(at(""), (1, 1));
        assert_eq!(at("programs"), (2, 15));
        assert_eq!(at("programs[0]"), (3, 5));
        assert_eq!(at("programs[0].id"), (3, 13));
        assert_eq!(at("programs[0].towns[1]"), (3, 40));
        assert_eq!(at("programs[1]"), (4, 5));
        assert_eq!(at("areas.North Central"), (6, 31));
    }

    #[test]
    fn missing_paths_fall_back_to_their_object() {
        let found = positions("[\n {\"a\": 1}\n]");
        assert_eq!(position_of(&found, "[0].website"), Position { line: 2, column: 2 });
        assert_eq!(position_of(&found, "[5]"), Position { line: 1, column: 1 });
    }

    #[test]
    fn non_ascii_counts_characters_and_bad_text_does_not_panic() {
        let found = positions("{\"niño\": \"é\", \"b\": 1}");
        assert_eq!(found["b"], Position { line: 1, column: 20 });
        for bad in ["", "{", "[1,", "{\"a\" 1}", "\"open", "[[[[", "{\"a\":\"\\u12"] {
            let _ = positions(bad);
        }
        let deep = "[".repeat(10_000);
        assert!(positions(&deep).len() <= MAX_DEPTH + 2);
    }
}
