//! Small HSDS values as catalogue text: phones, languages, addresses, costs, dates.
//!
//! Each function takes what the source wrote and returns what families should read, or
//! `None` when there is nothing usable. Judgements that deserve a note return the reason.

use super::model::{Address, CostOption, Language, Phone};
use crate::import::clean_text::clean_name;

/// A phone number with its extension: `860-555-0100 ext. 12`. Exports sometimes wrap numbers
/// in quotes (`"+44 1234 234567"`), which are dropped.
pub(super) fn phone_text(phone: &Phone) -> Option<String> {
    let number = unquote(phone.number.as_deref()?);
    if number.is_empty() {
        return None;
    }
    let extension = phone.extension.as_deref().map(unquote).unwrap_or_default();
    let already = number.to_lowercase().contains("ext");
    Some(if extension.is_empty() || already {
        number.to_string()
    } else {
        format!("{number} ext. {extension}")
    })
}

fn unquote(text: &str) -> &str {
    text.trim().trim_matches(['"', '\'', '“', '”']).trim()
}

/// A language code such as `en`: the HSDS `code` (its primary part, `en-US` → `en`), as the
/// table of languages writes it ([`crate::languages::from_code`]: `spa` → `es`, `asl` →
/// `ase`), else the code for the language's name ([`crate::languages::code_for`]). `Err`
/// holds the name when neither works.
pub(super) fn language_code(language: &Language) -> Result<String, String> {
    if let Some(code) = &language.code {
        let primary = code.trim().split(['-', '_']).next().unwrap_or("").to_lowercase();
        let primary = crate::languages::from_code(&primary).into_owned();
        if (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_lowercase()) {
            return Ok(primary);
        }
    }
    let name = language.name.clone().or_else(|| language.code.clone()).unwrap_or_default();
    crate::languages::code_for(&name).map(str::to_string).ok_or(name)
}

/// One line: `1 Main St, Suite 2, Hartford, CT 06106`; the country only when not the U.S.
pub(super) fn address_line(address: &Address) -> Option<String> {
    let state_zip = [address.state_province.as_deref(), address.postal_code.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let country = address.country.as_deref().filter(|c| {
        !matches!(
            c.trim().to_lowercase().as_str(),
            "us" | "usa" | "united states" | "united states of america"
        )
    });
    // Street and city in capitals ("11 ELM ST, HOLYOKE") read as the rest of the card:
    // "11 Elm St, Holyoke".
    let written = |part: &Option<String>| part.as_deref().map(|text| clean_name(text).0);
    let street_and_city = [written(&address.address_1), written(&address.address_2), written(&address.city)];
    let parts: Vec<&str> = street_and_city
        .iter()
        .flatten()
        .map(String::as_str)
        .chain((!state_zip.is_empty()).then_some(state_zip.as_str()))
        .chain(country)
        .collect();
    // A city or ZIP alone is not an address anyone can go to.
    address.address_1.as_ref()?;
    Some(parts.join(", "))
}

/// Whether a state is Connecticut, or not given.
pub(super) fn in_connecticut(state: Option<&str>) -> bool {
    state.is_none_or(|s| {
        matches!(s.trim().trim_end_matches('.').to_lowercase().as_str(), "" | "ct" | "conn" | "connecticut")
    })
}

/// The program's cost: "free" when the source says so, else the fee text (shortened to a
/// line), else the cost options' amounts. The flag says the fee text was shortened.
pub(super) fn cost_text(fees_description: Option<&str>, options: &[CostOption]) -> (Option<String>, bool) {
    if let Some(fees) = fees_description {
        if crate::cost::says_only_free(fees) {
            return (Some("free".into()), false);
        }
        let (short, shortened) = shorten(fees, COST_LENGTH);
        return (Some(short), shortened);
    }
    let amounts: Vec<Option<f64>> =
        options.iter().map(|o| o.amount.as_deref().and_then(|a| a.trim().parse().ok())).collect();
    if !amounts.is_empty() && amounts.iter().all(|a| *a == Some(0.0)) {
        return (Some("free".into()), false);
    }
    let lines: Vec<String> = options.iter().zip(amounts).filter_map(|(o, a)| option_text(o, a)).collect();
    ((!lines.is_empty()).then(|| lines.join("; ")), false)
}

/// Longest cost text kept whole; longer ones keep their first sentences.
const COST_LENGTH: usize = 160;

/// "£35 per 1 hour session (Under 18s and Over 60s)".
fn option_text(option: &CostOption, amount: Option<f64>) -> Option<String> {
    let price = match (amount, option.amount.as_deref()) {
        (Some(0.0), _) => "free".to_string(),
        (Some(a), _) => {
            let number = if a.fract() == 0.0 { format!("{a}") } else { format!("{a:.2}") };
            match option.currency.as_deref().map(|c| c.trim().to_lowercase()).as_deref() {
                Some("usd") => format!("${number}"),
                Some("gbp") => format!("£{number}"),
                Some("eur") => format!("€{number}"),
                Some(other) if !other.is_empty() => format!("{number} {}", other.to_uppercase()),
                _ => number,
            }
        }
        (None, Some(raw)) => raw.to_string(),
        (None, None) => String::new(),
    };
    let text = [Some(price.as_str()).filter(|p| !p.is_empty()), option.amount_description.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    match (text.is_empty(), option.option.as_deref()) {
        (true, who) => who.map(str::to_string),
        (false, Some(who)) => Some(format!("{text} ({who})")),
        (false, None) => Some(text),
    }
}

/// Whole sentences up to `limit` characters; a first sentence that is too long is cut at a
/// word and ends in "…". The flag says something was left out.
pub(super) fn shorten(text: &str, limit: usize) -> (String, bool) {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= limit {
        return (text, false);
    }
    let mut kept = String::new();
    for sentence in sentences(&text) {
        if kept.chars().count() + sentence.chars().count() > limit {
            break;
        }
        kept.push_str(sentence);
    }
    let kept = kept.trim_end();
    if !kept.is_empty() {
        return (kept.to_string(), true);
    }
    let mut cut = String::new();
    for word in text.split(' ') {
        if !cut.is_empty() && cut.chars().count() + word.chars().count() + 1 >= limit {
            break;
        }
        if !cut.is_empty() {
            cut.push(' ');
        }
        cut.push_str(word);
    }
    (format!("{}…", cut.trim_end_matches([',', ';', ':'])), true)
}

/// Sentences with their trailing space: split after ". ", "! " and "? ".
fn sentences(text: &str) -> Vec<&str> {
    let mut result = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, window) in bytes.windows(2).enumerate() {
        if matches!(window[0], b'.' | b'!' | b'?') && window[1] == b' ' {
            result.push(&text[start..i + 2]);
            start = i + 2;
        }
    }
    result.push(&text[start..]);
    result
}

/// `2023-03-15T10:30:45.123Z` → `2023-03-15`, when it is a real date.
pub(super) fn date_part(text: &str) -> Option<String> {
    let day = text.trim().get(..10)?;
    crate::parse_date(day).map(|_| day.to_string())
}

/// An id from a name: "Community Counselling" → `community-counselling`.
pub(super) fn slug(name: &str) -> String {
    let words: Vec<String> =
        name.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    words.join("-")
}

/// A value quoted in a note, cut short when it is long.
pub(super) fn quoted(text: &str) -> String {
    let (short, cut) = match text.char_indices().nth(60) {
        Some((at, _)) => (&text[..at], true),
        None => (text, false),
    };
    format!("\"{}{}\"", short.trim_end(), if cut { "…" } else { "" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_keeps_whole_sentences() {
        let text = "One two three. Four five six. Seven eight nine.";
        assert_eq!(shorten(text, 100), (text.to_string(), false));
        assert_eq!(shorten(text, 30), ("One two three. Four five six.".to_string(), true));
        let cut = |text: &str| shorten(text, 20).0;
        assert_eq!(cut("A long sentence without any end that goes on"), "A long sentence…");
        assert_eq!(cut("Averyveryverylongwordindeed and more"), "Averyveryverylongwordindeed…");
    }

    #[test]
    fn languages_become_codes() {
        let language = |code: &str, name: &str| Language {
            code: (!code.is_empty()).then(|| code.to_string()),
            name: (!name.is_empty()).then(|| name.to_string()),
        };
        let table = [
            (language("ur", "Urdu"), Ok("ur")),
            (language("en-US", ""), Ok("en")),
            (language("spa", ""), Ok("es")),
            (language("", "Spanish"), Ok("es")),
            (language("", " español "), Ok("es")),
            (language("hmn", "Hmong"), Ok("hmn")),
            (language("ASL", ""), Ok("ase")),
            (language("ase", "American Sign Language"), Ok("ase")),
            (language("", "American Sign Language"), Ok("ase")),
            (language("", "Portugués"), Ok("pt")),
            (language("fre", ""), Ok("fr")),
            (language("", "Klingon"), Err("Klingon")),
        ];
        for (language, expected) in table {
            let expected = expected.map(str::to_string).map_err(str::to_string);
            assert_eq!(language_code(&language), expected, "{language:?}");
        }
    }

    #[test]
    fn cost_options_read_as_prices() {
        let option = |amount: &str, currency: &str, per: &str, who: &str| CostOption {
            amount: Some(amount.to_string()),
            currency: Some(currency.to_string()).filter(|c| !c.is_empty()),
            amount_description: Some(per.to_string()).filter(|c| !c.is_empty()),
            option: Some(who.to_string()).filter(|c| !c.is_empty()),
        };
        let table = [
            (
                vec![option("35", "gbp", "per 1 hour session", "Under 18s and Over 60s")],
                Some("£35 per 1 hour session (Under 18s and Over 60s)"),
            ),
            (vec![option("0", "usd", "", "")], Some("free")),
            (
                vec![option("0", "usd", "", "Residents"), option("12.5", "usd", "per visit", "Others")],
                Some("free (Residents); $12.50 per visit (Others)"),
            ),
            (vec![], None),
        ];
        for (options, expected) in table {
            assert_eq!(cost_text(None, &options).0.as_deref(), expected, "{options:?}");
        }
    }
}
