//! Text that was UTF-8, read with the wrong code page somewhere on its way ("mojibake"),
//! put back: `donâ€™t` → `don’t`, `niÃ±os` → `niños`, `donGÇÖt` → `don’t`.
//!
//! Two ways of going wrong are common in 2-1-1 exports:
//!
//! - **Windows-1252** (or Latin-1): each byte of a UTF-8 character became one character.
//!   `’` is the bytes E2 80 99, read as `â`, `€`, `™`.
//! - **Code page 437**, the old DOS code page that Windows consoles still use: the same bytes
//!   read as `Γ`, `Ç`, `Ö`. Saved again in Windows-1252, which has no `Γ`, Windows writes its
//!   "best fit" `G`: that is where `GÇÖ` comes from (and `GÇô` for `–`, `GÇ£`/`GÇ¥` for `“`/`”`).
//!
//! A repair is made only when it is certain: a whole run of characters that each stand for a
//! byte of 0x80 or more (in one of the two code pages) must turn back into valid UTF-8, with
//! no control character in it. One stray `é` or `Ã` is a letter, not an accident, and a run
//! that does not decode whole is left as it is. `G` is read as `Γ` only right before `Ç`
//! and when the three together decode, which ordinary words never do.

/// Windows-1252's characters for the bytes 0x80–0x9F (`None` where it has none; decoders
/// then give the C1 control of the same number, which is read back as that byte).
const WINDOWS_1252: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// Code page 437's characters for the bytes 0x80–0xFF.
const CP437: &str = "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐\
└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{a0}";

/// Windows-1252's character for a byte of 0x80–0x9F.
pub(super) fn windows_1252_char(byte: u8) -> Option<char> {
    WINDOWS_1252.get(usize::from(byte.checked_sub(0x80)?)).copied().flatten()
}

/// The byte a character stands for in Windows-1252 (Latin-1 above 0x9F), if 0x80 or more.
fn windows_1252_byte(c: char) -> Option<u8> {
    match c as u32 {
        0x80..=0xff => {
            let byte = c as u32 as u8;
            // A C1 control stands for its own byte only where Windows-1252 has no character.
            (byte >= 0xa0 || windows_1252_char(byte).is_none()).then_some(byte)
        }
        _ => WINDOWS_1252.iter().position(|&w| w == Some(c)).map(|i| 0x80 + i as u8),
    }
}

/// The byte a character stands for in code page 437, if 0x80 or more.
fn cp437_byte(c: char) -> Option<u8> {
    CP437.chars().position(|x| x == c).map(|i| 0x80 + i as u8)
}

/// The text with every certain repair made, and whether any was.
pub(super) fn repair(text: &str) -> (String, bool) {
    if text.is_ascii() {
        return (text.to_string(), false);
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut repaired = false;
    let mut i = 0;
    while i < chars.len() {
        // The `GÇ…` form: the `G` was a `Γ` (byte E2).
        let after_g = chars[i] == 'G' && chars.get(i + 1) == Some(&'Ç');
        let start = if after_g { i + 1 } else { i };
        let found = [windows_1252_byte as fn(char) -> Option<u8>, cp437_byte]
            .into_iter()
            .enumerate()
            .filter(|&(page, _)| !after_g || page == 1)
            .find_map(|(_, byte)| decode_run(&chars[start..], byte, after_g.then_some(0xe2)));
        match found {
            Some((fixed, used)) => {
                out.push_str(&fixed);
                repaired = true;
                i = start + used;
            }
            None => {
                // Skip the whole run: a run that does not decode whole is not touched at all.
                let run = if chars[i].is_ascii() {
                    1
                } else {
                    chars[i..].iter().take_while(|c| !c.is_ascii()).count()
                };
                out.extend(&chars[i..i + run]);
                i += run;
            }
        }
    }
    (out, repaired)
}

/// The longest run from the start of `chars` whose characters are all bytes of one code
/// page, decoded, if the whole run is valid UTF-8 without control characters. `lead` is a
/// byte that came before the run (the `G` of `GÇÖ`).
fn decode_run(chars: &[char], byte: fn(char) -> Option<u8>, lead: Option<u8>) -> Option<(String, usize)> {
    let mut bytes: Vec<u8> = lead.into_iter().collect();
    let mut used = 0;
    for &c in chars {
        match byte(c) {
            Some(b) => bytes.push(b),
            None => break,
        }
        used += 1;
    }
    // A run must end where plain text starts, or be followed by another character that
    // is not mojibake: a run cut short by an unmapped letter is not certain.
    if used == 0 || chars.get(used).is_some_and(|c| !c.is_ascii()) {
        return None;
    }
    let text = String::from_utf8(bytes).ok()?;
    (!text.chars().any(char::is_control)).then_some((text, used))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certain_repairs_are_made() {
        let table = [
            ("donâ€™t", "don’t"),
            ("â€œFreeâ€\u{9d} meals", "“Free” meals"),
            ("niÃ±os y niÃ±as", "niños y niñas"),
            ("cafÃ©â€™s", "café’s"),
            ("Mon â€“ Fri", "Mon – Fri"),
            ("donGÇÖt", "don’t"),
            ("GÇ£FreeGÇ¥", "“Free”"),
            ("9amGÇô5pm", "9am–5pm"),
            ("donΓÇÖt", "don’t"),
            ("Se habla espa├▒ol", "Se habla español"),
        ];
        for (text, expected) in table {
            assert_eq!(repair(text), (expected.to_string(), true), "{text}");
        }
    }

    #[test]
    fn real_letters_are_left_alone() {
        for text in [
            "Café and niños",
            "Ã alone",
            "Ação",
            "Über",
            "São Paulo — Brasil",
            "GÇ is not followed by a third byte",
            "“quoted” – dash… ok",
            "© 2024 ®",
            "Straße",
        ] {
            assert_eq!(repair(text), (text.to_string(), false), "{text}");
        }
    }
}
