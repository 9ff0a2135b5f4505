//! HTML as plain text: what a rich-text editor in a 2-1-1's database wrote, as families
//! should read it.
//!
//! Only tags the importer knows are tags (`<p>`, `<br>`, `<li>`, `<a href>`, `<b>`…), so text
//! that merely holds a `<` ("children <5", "a < b") is left as it is. Blocks become lines,
//! paragraphs a blank line between them, list items lines that start with "• ", and a link
//! keeps its address after its words when they differ. Entities are decoded everywhere,
//! since "Food &amp; Clothing" arrives without any tag around it.

/// Tags that end a line (or a paragraph) when they open or close.
const BLOCK_TAGS: [&str; 20] = [
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "hr",
];

/// Tags that only style the words inside them: removed, their words kept.
const INLINE_TAGS: [&str; 18] = [
    "b", "i", "u", "em", "strong", "span", "font", "a", "small", "big", "sup", "sub", "td", "th", "tbody",
    "thead", "dl", "center",
];

/// Tags whose content is not text for anyone.
const HIDDEN_TAGS: [&str; 3] = ["script", "style", "head"];

/// Named entities worth knowing: the ones editors write for punctuation, spaces and the
/// accented letters of Spanish, Portuguese and French.
const ENTITIES: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", " "),
    ("ndash", "–"),
    ("mdash", "—"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("sbquo", "‚"),
    ("bdquo", "„"),
    ("hellip", "…"),
    ("bull", "•"),
    ("middot", "·"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("deg", "°"),
    ("cent", "¢"),
    ("pound", "£"),
    ("euro", "€"),
    ("times", "×"),
    ("frac12", "½"),
    ("frac14", "¼"),
    ("frac34", "¾"),
    ("iexcl", "¡"),
    ("iquest", "¿"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("sect", "§"),
    ("para", "¶"),
    ("shy", ""),
    ("ensp", " "),
    ("emsp", " "),
    ("thinsp", " "),
    ("aacute", "á"),
    ("eacute", "é"),
    ("iacute", "í"),
    ("oacute", "ó"),
    ("uacute", "ú"),
    ("Aacute", "Á"),
    ("Eacute", "É"),
    ("Iacute", "Í"),
    ("Oacute", "Ó"),
    ("Uacute", "Ú"),
    ("ntilde", "ñ"),
    ("Ntilde", "Ñ"),
    ("uuml", "ü"),
    ("Uuml", "Ü"),
    ("agrave", "à"),
    ("egrave", "è"),
    ("Agrave", "À"),
    ("Egrave", "È"),
    ("acirc", "â"),
    ("ecirc", "ê"),
    ("ocirc", "ô"),
    ("atilde", "ã"),
    ("otilde", "õ"),
    ("ccedil", "ç"),
    ("Ccedil", "Ç"),
    ("ouml", "ö"),
    ("auml", "ä"),
    ("iuml", "ï"),
    ("euml", "ë"),
    ("szlig", "ß"),
];

/// Whether the text holds at least one tag the importer knows.
pub(super) fn has_tags(text: &str) -> bool {
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if tag_name(rest).is_some_and(|name| is_known(&name)) || rest.starts_with("!--") {
            return true;
        }
    }
    false
}

/// HTML as plain text with line breaks; entities decoded. Call it only when [`has_tags`].
pub(super) fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    // A link's address, kept until its closing tag to follow its words.
    let mut link: Option<(String, usize)> = None;
    while let Some(at) = rest.find('<') {
        push_words(&mut out, &rest[..at]);
        let after = &rest[at + 1..];
        if let Some(comment) = after.strip_prefix("!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let (Some(name), Some(end)) = (tag_name(after), after.find('>')) else {
            out.push('<');
            rest = after;
            continue;
        };
        if !is_known(&name) {
            out.push('<');
            rest = after;
            continue;
        }
        let tag = &after[..end];
        rest = &after[end + 1..];
        let closing = tag.starts_with('/');
        if HIDDEN_TAGS.contains(&name.as_str()) && !closing {
            let close = format!("</{name}");
            rest = rest.to_ascii_lowercase().find(&close).map_or("", |i| &rest[i..]);
            continue;
        }
        let heading = name.len() == 2 && name.starts_with('h') && name != "hr";
        match (name.as_str(), closing) {
            ("br", _) => line_break(&mut out, 1),
            ("p" | "div" | "ul" | "ol" | "table" | "blockquote" | "hr", _) => line_break(&mut out, 2),
            _ if heading => line_break(&mut out, 2),
            ("li", false) => {
                line_break(&mut out, 1);
                out.push_str("• ");
            }
            ("a", false) => link = href(tag).map(|address| (address, out.len())),
            ("a", true) => {
                if let Some((address, start)) = link.take() {
                    let words = out[start..].trim();
                    if !words.is_empty() && !address.contains(words) {
                        out.push_str(&format!(" ({address})"));
                    }
                }
            }
            (_, _) if BLOCK_TAGS.contains(&name.as_str()) => line_break(&mut out, 1),
            _ => {}
        }
    }
    push_words(&mut out, rest);
    out
}

/// `&amp;`, `&nbsp;`, `&#39;`, `&#x2019;` and the [`ENTITIES`] decoded; anything else that
/// starts with `&` (AT&T, "&c") is kept as written.
pub(super) fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest[1..]
            .find(';')
            .filter(|&end| end <= 10)
            .and_then(|end| entity(&rest[1..=end]).map(|c| (c, end + 2)));
        match decoded {
            Some((c, used)) => {
                out.push_str(&c);
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// One entity's text, from what lies between `&` and `;`.
fn entity(name: &str) -> Option<String> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        // Editors that wrote Windows-1252 bytes as numbers: &#146; is ’, not a control.
        let code = match code {
            0x80..=0x9f => super::mojibake::windows_1252_char(code as u8)? as u32,
            _ => code,
        };
        return char::from_u32(code).filter(|c| !c.is_control() || *c == '\n').map(String::from);
    }
    let found = ENTITIES.iter().find(|(n, _)| *n == name);
    let found = found.or_else(|| ENTITIES.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)));
    found.map(|(_, text)| text.to_string())
}

/// The lower-case name of the tag that starts here (after `<`), if it looks like one.
fn tag_name(after: &str) -> Option<String> {
    let after = after.strip_prefix('/').unwrap_or(after);
    let name: String = after.chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    let next = after[name.len()..].chars().next()?;
    (!name.is_empty() && (next == '>' || next == '/' || next.is_whitespace()))
        .then(|| name.to_ascii_lowercase())
}

fn is_known(name: &str) -> bool {
    BLOCK_TAGS.contains(&name) || INLINE_TAGS.contains(&name) || HIDDEN_TAGS.contains(&name)
}

/// The `href` of an `<a>` tag, when it is a web address worth showing.
fn href(tag: &str) -> Option<String> {
    let at = tag.to_ascii_lowercase().find("href=")?;
    let value = &tag[at + 5..];
    let value = match value.chars().next()? {
        quote @ ('"' | '\'') => value[1..].split(quote).next()?,
        _ => value.split_whitespace().next()?,
    };
    let value = decode_entities(value.trim());
    crate::is_web_address(&value).then_some(value)
}

/// Text between tags: in HTML any run of spaces and line breaks is one space.
fn push_words(out: &mut String, text: &str) {
    let text = decode_entities(text);
    for (i, part) in text.split(|c: char| c.is_whitespace() && c != '\u{a0}').enumerate() {
        if i > 0 && !out.ends_with([' ', '\n']) && !out.is_empty() {
            out.push(' ');
        }
        out.push_str(part);
    }
}

/// Ends the line (`count` 1) or the paragraph (2), without piling up blank lines.
fn line_break(out: &mut String, count: usize) {
    while out.ends_with(' ') {
        out.pop();
    }
    if out.is_empty() {
        return;
    }
    let have = out.chars().rev().take_while(|&c| c == '\n').count();
    for _ in have..count {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_reads_as_lines_and_paragraphs() {
        let table = [
            ("<p>Food pantry.</p><p>Open Tuesdays.</p>", "Food pantry.\n\nOpen Tuesdays."),
            ("Line one<br>Line two<br/>Line three", "Line one\nLine two\nLine three"),
            (
                "<p>We offer:</p><ul><li>Meals</li><li>Groceries &amp; produce</li></ul>",
                "We offer:\n\n• Meals\n• Groceries & produce",
            ),
            ("<P><STRONG>Walk-ins</STRONG>&nbsp;welcome</P>", "Walk-ins welcome"),
            ("<p>Call\n   us   today</p>", "Call us today"),
            (
                "Apply <a href=\"https://example.org/apply\">online</a>.",
                "Apply online (https://example.org/apply).",
            ),
            ("See <a href='https://example.org'>https://example.org</a>", "See https://example.org"),
            ("<div>Intro<!-- hidden note --></div><style>p{}</style><div>Body</div>", "Intro\n\nBody"),
            ("Children <5 and adults > 60", "Children <5 and adults > 60"),
            ("<h2>Eligibility</h2>Ages 0&ndash;5", "Eligibility\n\nAges 0–5"),
        ];
        for (html, expected) in table {
            assert!(has_tags(html) || !html.contains("<p"), "{html}");
            let text = if has_tags(html) { to_text(html) } else { decode_entities(html) };
            assert_eq!(super::super::tidy_spaces(&text), expected, "{html}");
        }
    }

    #[test]
    fn entities_decode_and_other_ampersands_stay() {
        let table = [
            ("Food &amp; Clothing", "Food & Clothing"),
            ("St. Mary&#39;s", "St. Mary's"),
            ("Children&rsquo;s", "Children’s"),
            ("caf&eacute; &#x2014; ni&ntilde;os", "café — niños"),
            ("Don&#146;t", "Don’t"),
            ("AT&T and B&B; R&D", "AT&T and B&B; R&D"),
            ("&unknown; &#xZZ;", "&unknown; &#xZZ;"),
            ("5 &lt; 6", "5 < 6"),
        ];
        for (text, expected) in table {
            assert_eq!(decode_entities(text), expected, "{text}");
        }
    }
}
