//! Eligibility text as tokens: words (lower case, without accents), numbers (digits or
//! English number words) and single symbols, each with where it was in the text, so that
//! a note can quote the words an age came from.

use crate::letters::push_folded;

/// One token.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Token {
    pub kind: Kind,
    /// Byte offsets in the original text.
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Kind {
    /// Lower case, accents removed: "Niños" is `ninos`, "años" `anos`.
    Word(String),
    Number(f64),
    /// Every dash (`-`, `–`, `—`, `‐`, `−`) is `-`.
    Symbol(char),
}

/// Number words, for "ages three to five" and "sixty and older".
const NUMBER_WORDS: [&str; 21] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];
const TENS: [&str; 7] = ["thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

pub(super) fn tokens(text: &str) -> Vec<Token> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut end = start + c.len_utf8();
        let kind = if c.is_alphabetic() {
            let mut word = String::new();
            push_folded(c, &mut word);
            while let Some(&(at, next)) = chars.peek() {
                // A combining accent (a decomposed "ñ") belongs to its letter.
                if !next.is_alphabetic() && !matches!(next, '\u{300}'..='\u{36f}') {
                    break;
                }
                push_folded(next, &mut word);
                end = at + next.len_utf8();
                chars.next();
            }
            Kind::Word(word)
        } else if c.is_ascii_digit() {
            let mut digits = String::from(c);
            while let Some(&(at, next)) = chars.peek() {
                // "2.5" is one number; "5." ending a sentence is not.
                let decimal = next == '.'
                    && !digits.contains('.')
                    && text[at + 1..].starts_with(|d: char| d.is_ascii_digit());
                if !next.is_ascii_digit() && !decimal {
                    break;
                }
                digits.push(next);
                end = at + 1;
                chars.next();
            }
            Kind::Number(digits.parse().unwrap_or(f64::MAX))
        } else if matches!(c, '-' | '–' | '—' | '‐' | '‑' | '−') {
            Kind::Symbol('-')
        } else if c == '&' {
            Kind::Word("and".into())
        } else {
            Kind::Symbol(c)
        };
        tokens.push(Token { kind, start, end });
    }
    number_words(tokens)
}

/// "three" → 3, "twenty-one" → 21, "sixty" → 60.
fn number_words(tokens: Vec<Token>) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        let Kind::Word(word) = &token.kind else {
            out.push(token.clone());
            i += 1;
            continue;
        };
        let tens =
            TENS.iter().position(|t| t == word).map(|p| 30 + 10 * p).or((word == "twenty").then_some(20));
        let unit = |at: usize| match tokens.get(at).map(|t| &t.kind) {
            Some(Kind::Word(w)) => NUMBER_WORDS[1..10].iter().position(|n| n == w).map(|p| p + 1),
            _ => None,
        };
        let dash = tokens.get(i + 1).is_some_and(|t| t.kind == Kind::Symbol('-'));
        match (tens, dash.then(|| unit(i + 2)).flatten()) {
            (Some(tens), Some(unit)) => {
                let end = tokens[i + 2].end;
                out.push(Token { kind: Kind::Number((tens + unit) as f64), start: token.start, end });
                i += 3;
            }
            (Some(tens), None) => {
                out.push(Token { kind: Kind::Number(tens as f64), ..token.clone() });
                i += 1;
            }
            (None, _) => {
                let kind = match NUMBER_WORDS.iter().position(|n| n == word) {
                    Some(n) => Kind::Number(n as f64),
                    None => token.kind.clone(),
                };
                out.push(Token { kind, ..token.clone() });
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_becomes_tokens() {
        let kinds: Vec<Kind> =
            tokens("Niños 2.5–5 años, twenty-one & up; 5.").into_iter().map(|t| t.kind).collect();
        let word = |w: &str| Kind::Word(w.into());
        assert_eq!(
            kinds,
            [
                word("ninos"),
                Kind::Number(2.5),
                Kind::Symbol('-'),
                Kind::Number(5.0),
                word("anos"),
                Kind::Symbol(','),
                Kind::Number(21.0),
                word("and"),
                word("up"),
                Kind::Symbol(';'),
                Kind::Number(5.0),
                Kind::Symbol('.'),
            ]
        );
        let text = "ages 5–18";
        let last = tokens(text).pop().unwrap();
        assert_eq!(&text[last.start..last.end], "18");
    }
}
