//! A file's bytes as text, in the encodings staff's programs save: UTF-8 (with or without
//! a byte-order mark), UTF-16 (Excel's "Unicode text"), and Windows-1252 (Excel's plain
//! "CSV" on Windows). Anything else gets one plain sentence naming the file and what was
//! expected, never a garbled import.
//!
//! The importers take text; the command-line tool reads files as bytes and calls
//! [`decode`] first. Nothing here touches the file system.

use super::{ImportError, ImportNote};

/// The bytes Windows-1252 leaves undefined: a file with one of them is not Windows-1252.
const UNDEFINED_IN_1252: [u8; 5] = [0x81, 0x8D, 0x8F, 0x90, 0x9D];

/// What Windows-1252 puts at 0x80–0x9F (Latin-1 has control characters there).
const WINDOWS_1252_80_9F: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}',
    '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// The text of the file `name`, and a note when it was not UTF-8 (so staff can check
/// accented letters). Fails, saying what to do, when the bytes are no text the importer can
/// be sure of.
///
/// ```
/// use finder_core::import::encoding::decode;
/// let (text, note) = decode("services.csv", b"id,name\n1,Caf\xe9 Pantry\n").unwrap();
/// assert_eq!(text, "id,name\n1,Café Pantry\n");
/// assert!(note.unwrap().message.contains("Windows-1252"));
/// ```
pub fn decode(name: &str, bytes: &[u8]) -> Result<(String, Option<ImportNote>), ImportError> {
    let note = |encoding: &str| {
        Some(ImportNote::new(
            name,
            format!("the file is {encoding}, not UTF-8; it was read as {encoding}: check accented letters"),
        ))
    };
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(name, rest).map(|text| (text, None));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(name, rest, true).map(|text| (text, note("UTF-16")));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(name, rest, false).map(|text| (text, note("UTF-16")));
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(ImportError(format!("{name} is {kind}")));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        if !text.contains('\0') {
            return Ok((text.to_string(), None));
        }
    }
    if let Some(little_endian) = utf16_without_mark(bytes) {
        return utf16(name, bytes, little_endian).map(|text| (text, note("UTF-16")));
    }
    if bytes.contains(&0) {
        return Err(ImportError(format!(
            "{name} is not a text file: expected CSV or JSON text, as a spreadsheet program saves it"
        )));
    }
    if bytes.iter().any(|b| UNDEFINED_IN_1252.contains(b)) {
        return Err(ImportError(format!(
            "{name} is not UTF-8 text, and its encoding could not be told for sure: save it as UTF-8 (in Excel, \"CSV UTF-8\") and import again"
        )));
    }
    Ok((windows_1252(bytes), note("Windows-1252")))
}

fn utf8(name: &str, bytes: &[u8]) -> Result<String, ImportError> {
    String::from_utf8(bytes.to_vec()).map_err(|_| {
        ImportError(format!(
            "{name} starts as UTF-8 but is not UTF-8 throughout: save it again as UTF-8 and import again"
        ))
    })
}

fn utf16(name: &str, bytes: &[u8], little_endian: bool) -> Result<String, ImportError> {
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|pair| {
            let (a, b) = (pair[0], *pair.get(1).unwrap_or(&0));
            if little_endian {
                u16::from_le_bytes([a, b])
            } else {
                u16::from_be_bytes([a, b])
            }
        })
        .collect();
    String::from_utf16(&units).map_err(|_| {
        ImportError(format!("{name} looks like UTF-16 text but is not: save it as UTF-8 and import again"))
    })
}

/// UTF-16 without a byte-order mark, told by its zero bytes: mostly-English text has a zero
/// in every other byte. `Some(true)` for little-endian.
fn utf16_without_mark(bytes: &[u8]) -> Option<bool> {
    let sample = &bytes[..bytes.len().min(2000) & !1];
    if sample.len() < 8 {
        return None;
    }
    let pairs = sample.len() / 2;
    let zeros_at = |offset: usize| sample.iter().skip(offset).step_by(2).filter(|b| **b == 0).count();
    let (even, odd) = (zeros_at(0), zeros_at(1));
    // Nine in ten of one side zero, and almost none of the other: it cannot be chance.
    if odd * 10 >= pairs * 9 && even * 20 <= pairs {
        Some(true)
    } else if even * 10 >= pairs * 9 && odd * 20 <= pairs {
        Some(false)
    } else {
        None
    }
}

/// Files staff send by mistake, by their first bytes.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"PK\x03\x04") {
        Some("a ZIP file (or an Excel workbook): unzip it and import the folder, or save each sheet as CSV")
    } else if bytes.starts_with(b"%PDF") {
        Some("a PDF document: expected HSDS data as CSV files or JSON")
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0") {
        Some("an old Excel or Word file: save each sheet as CSV (UTF-8) and import the folder")
    } else {
        None
    }
}

fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => WINDOWS_1252_80_9F[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text and whether it was noted, or the error.
    type Decoded<'a> = Result<(&'a str, bool), &'a str>;

    fn text(bytes: &[u8]) -> Result<(String, bool), String> {
        decode("f.csv", bytes).map(|(text, note)| (text, note.is_some())).map_err(|e| e.0)
    }

    #[test]
    fn encodings_staff_programs_save() {
        let utf16le: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("id,name".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let utf16be_bare: Vec<u8> = "id,name\n1,Pantry".encode_utf16().flat_map(u16::to_be_bytes).collect();
        let table: [(&[u8], Decoded); 7] = [
            (b"id,name", Ok(("id,name", false))),
            (b"\xEF\xBB\xBFid,name", Ok(("id,name", false))),
            (&utf16le, Ok(("id,name", true))),
            (&utf16be_bare, Ok(("id,name\n1,Pantry", true))),
            (b"caf\xe9 \x93quoted\x94", Ok(("café “quoted”", true))),
            (b"bad \x81 byte", Err("f.csv is not UTF-8 text, and its encoding could not be told for sure: save it as UTF-8 (in Excel, \"CSV UTF-8\") and import again")),
            (b"PK\x03\x04rest", Err("f.csv is a ZIP file (or an Excel workbook): unzip it and import the folder, or save each sheet as CSV")),
        ];
        for (bytes, expected) in table {
            let expected = expected.map(|(t, n)| (t.to_string(), n)).map_err(str::to_string);
            assert_eq!(text(bytes), expected, "{bytes:?}");
        }
    }
}
