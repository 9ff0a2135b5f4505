//! The ways people write ages, as patterns over tokens.
//!
//! A mention is an optional lead-in, then a body:
//!
//! - lead-in: people (`children`, `adults`, `niños`), age words (`ages`, `aged`, `edad`) and
//!   the small words between them (`between the ages of`, `de`, `(`, `:`);
//! - body: a range (`5-18`, `5 to 18`, `6 months to 3 years`, `birth to 3`, `de 0 a 5`,
//!   `between 5 and 18`), a lower bound (`18+`, `18 and older`, `65 and over`, `over 18`,
//!   `mayores de 60`, `60 años o más`), an upper bound (`under 21`, `menores de 18`, `up to
//!   age 5`, `12 and under`), or one age (`4-year-olds`, `age 3`).
//!
//! A body alone is often not an age at all (`860-555-0100`, `Route 44`, `open 9-5`, `over
//! 30 years`), so a mention needs evidence: a lead-in, a unit (`years`, `años`, `months`),
//! `old`/`of age`, birth, or a wording that only ages use (`and older`, `mayores de`). A
//! bare `under 21` or `18+` counts only when no noun follows (`under 5 visits` is not an
//! age), and a bare `over` with plain `years` never does (`for over 30 years`).

use super::tokens::{Kind, Token};

/// One age mention, in months; `words` are token indexes, for quoting.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Mention {
    pub min_months: Option<f64>,
    /// The oldest age, in months, and whether that month is still served.
    pub max: Option<Bound>,
    /// Plain enough to trust in a description: a lead-in, `old`/`of age`, birth, or a
    /// wording only ages use.
    pub plain: bool,
    pub first: usize,
    pub last: usize,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Bound {
    pub months: f64,
    /// `5-18` serves 18-year-olds; `under 21` does not serve 21-year-olds.
    pub inclusive: bool,
    /// Given in years (`18`), not months (`18 months`).
    pub in_years: bool,
}

const PEOPLE: &[&str] = &[
    "children",
    "child",
    "kids",
    "kid",
    "youth",
    "youths",
    "teens",
    "teen",
    "teenagers",
    "adolescents",
    "adults",
    "adult",
    "seniors",
    "senior",
    "elderly",
    "elders",
    "infants",
    "infant",
    "babies",
    "baby",
    "toddlers",
    "toddler",
    "newborns",
    "students",
    "individuals",
    "persons",
    "people",
    "person",
    "anyone",
    "women",
    "men",
    "girls",
    "boys",
    "parents",
    "participants",
    "residents",
    "patients",
    "clients",
    "ninos",
    "ninas",
    "nino",
    "nina",
    "jovenes",
    "joven",
    "adolescentes",
    "adultos",
    "adulto",
    "personas",
    "persona",
    "mayores",
    "ancianos",
    "bebes",
    "mujeres",
    "hombres",
    "estudiantes",
];
const AGE_WORDS: &[&str] = &["age", "ages", "aged", "edad", "edades"];
/// Small words that may come between people, age words and the numbers.
const FILLERS: &[&str] = &["of", "the", "between", "entre", "de", "from", "los", "las", "desde", "la"];
const BIRTH: &[&str] = &["birth", "newborn", "newborns", "nacimiento", "prenatal"];
const YEARS: &[&str] = &["year", "years", "yr", "yrs", "ano", "anos"];
const MONTHS: &[&str] = &["month", "months", "mo", "mos", "mth", "mths", "meses", "mes"];
const RANGE_WORDS: &[&str] = &["to", "through", "thru", "a", "al", "hasta"];
/// Words before a number that make it something else: `Grades 6-12`, `Route 44`, `$18`.
const NOT_AGES_AFTER: &[&str] = &[
    "grade",
    "grades",
    "grado",
    "grados",
    "route",
    "rt",
    "suite",
    "ste",
    "room",
    "unit",
    "no",
    "number",
    "exit",
    "highway",
    "hwy",
    "i",
    "chapter",
    "section",
    "level",
    "step",
    "phase",
    "title",
    "district",
    "apt",
    "floor",
    "building",
    "bus",
    "line",
    "ext",
    "extension",
    "box",
    "since",
    "in",
    "year",
    "class",
];
/// Words that may follow a bare `under 21` or `18+`: anything else is a noun that the number
/// counts (`under 5 visits`, `200+ families`).
const MAY_FOLLOW_BARE: &[&str] = &[
    "and", "or", "only", "who", "with", "in", "at", "living", "residing", "may", "are", "is", "that", "can",
    "must", "y", "o", "que", "con", "en", "please", "welcome", "eligible",
];

/// Every mention in the tokens, left to right.
pub(super) fn mentions(tokens: &[Token]) -> Vec<Mention> {
    let reader = Reader { tokens };
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match reader.mention(i) {
            Some(mention) => {
                i = mention.last + 1;
                found.push(mention);
            }
            None => i += 1,
        }
    }
    found
}

/// One number with its unit, as written.
#[derive(Clone, Copy, Debug)]
struct Value {
    number: f64,
    unit: Option<Unit>,
    /// `old`, `of age`, `de edad`, `y/o`.
    old: bool,
    birth: bool,
    /// The token index of the number.
    at: usize,
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Unit {
    Years,
    Months,
}

impl Value {
    /// In months, with `unit` when the value has none of its own (`6-12 months`).
    fn in_years(&self, unit: Option<Unit>) -> bool {
        self.unit.or(unit) != Some(Unit::Months)
    }

    fn months(&self, unit: Option<Unit>) -> f64 {
        match self.unit.or(unit) {
            Some(Unit::Months) => self.number,
            _ => self.number * 12.0,
        }
    }
}

/// What the lead-in held.
#[derive(Default)]
struct LeadIn {
    people: bool,
    age_word: bool,
    between: bool,
}

/// The body's shape, for the evidence rules.
#[derive(PartialEq)]
enum Shape {
    Range,
    /// `18+`.
    Plus,
    /// `18 and older`, `12 and under`, `60 años o más`.
    Suffix,
    /// `over 18`, `under 21`, `up to age 5`: `english` for the English words that also count
    /// things other than ages.
    Prefix {
        english_over: bool,
        spanish: bool,
    },
    Exact,
}

/// A body: minimum months, maximum, shape, its last token and its values.
struct Body {
    min: Option<f64>,
    max: Option<Bound>,
    shape: Shape,
    last: usize,
    values: Vec<Value>,
}

impl Body {
    fn new(min: Option<f64>, max: Option<Bound>, shape: Shape, last: usize, values: Vec<Value>) -> Body {
        Body { min, max, shape, last, values }
    }
}

struct Reader<'a> {
    tokens: &'a [Token],
}

impl Reader<'_> {
    fn word(&self, i: usize) -> Option<&str> {
        match &self.tokens.get(i)?.kind {
            Kind::Word(w) => Some(w),
            _ => None,
        }
    }

    fn is(&self, i: usize, words: &[&str]) -> bool {
        self.word(i).is_some_and(|w| words.contains(&w))
    }

    fn symbol(&self, i: usize) -> Option<char> {
        match self.tokens.get(i)?.kind {
            Kind::Symbol(c) => Some(c),
            _ => None,
        }
    }

    fn number(&self, i: usize) -> Option<f64> {
        match self.tokens.get(i)?.kind {
            Kind::Number(n) => Some(n),
            _ => None,
        }
    }

    /// Whether two tokens touch (`5y`, `18yrs`).
    fn attached(&self, a: usize, b: usize) -> bool {
        matches!((self.tokens.get(a), self.tokens.get(b)), (Some(x), Some(y)) if x.end == y.start)
    }

    /// The words, in order, starting at `i`: the index after them.
    fn phrase(&self, i: usize, words: &[&str]) -> Option<usize> {
        words.iter().enumerate().all(|(k, w)| self.word(i + k) == Some(w)).then_some(i + words.len())
    }

    fn mention(&self, start: usize) -> Option<Mention> {
        let mut lead = LeadIn::default();
        let mut i = start;
        loop {
            if let Some(mention) = self.body(i, start, &lead) {
                return Some(mention);
            }
            let word = self.word(i);
            match word {
                Some(w) if PEOPLE.contains(&w) => lead.people = true,
                Some(w) if AGE_WORDS.contains(&w) => lead.age_word = true,
                Some(w) if FILLERS.contains(&w) => lead.between |= matches!(w, "between" | "entre"),
                None if matches!(self.symbol(i), Some('(' | ':' | ',')) && i > start => {}
                _ => return None,
            }
            i += 1;
        }
    }

    /// A body at `i`, with its lead-in from `start`, when the evidence is there.
    fn body(&self, i: usize, start: usize, lead: &LeadIn) -> Option<Mention> {
        let Body { min, max, shape, last, values } = self.shape(i, lead)?;
        let first_value = values[0];
        // Numbers that are part of something else: phone numbers, dates, times, money.
        let before = first_value.at.checked_sub(1);
        if before.is_some_and(|b| self.is(b, NOT_AGES_AFTER) || matches!(self.symbol(b), Some('$' | '#'))) {
            return None;
        }
        let chained = |symbol: Option<char>, number: Option<f64>| {
            matches!(symbol, Some('-' | '/' | '.')) && number.is_some()
        };
        if before.is_some_and(|b| chained(self.symbol(b), b.checked_sub(1).and_then(|n| self.number(n))))
            || chained(self.symbol(last + 1), self.number(last + 2))
            || matches!(self.symbol(last + 1), Some('%'))
        {
            return None;
        }
        let unit = values.iter().any(|v| v.unit.is_some());
        let old = values.iter().any(|v| v.old);
        let birth = values.iter().any(|v| v.birth);
        let lead_in = lead.people || lead.age_word;
        let bare_end_ok = match self.word(last + 1) {
            Some(w) => MAY_FOLLOW_BARE.contains(&w),
            None => true,
        };
        let plain_years = values.iter().any(|v| v.unit == Some(Unit::Years)) && !old;
        let evidence = lead_in
            || old
            || birth
            || match shape {
                Shape::Range => unit,
                // `must be 18.`: no noun after it (`must be 3 miles away` is not an age).
                Shape::Exact => {
                    unit || (bare_end_ok || self.is(last + 1, &["to"])) && min.is_some() && max.is_none()
                }
                Shape::Plus => unit || bare_end_ok,
                Shape::Suffix => true,
                Shape::Prefix { spanish: true, .. } => true,
                Shape::Prefix { english_over, .. } => {
                    if english_over && plain_years {
                        false
                    } else {
                        unit || bare_end_ok
                    }
                }
            };
        let plain = lead_in || old || birth || matches!(shape, Shape::Prefix { spanish: true, .. });
        if !evidence {
            return None;
        }
        // Believable ages only: nobody is 200, and a range runs upwards.
        if min.is_some_and(|m: f64| m > 100.0 * 12.0) || max.is_some_and(|b: Bound| b.months > 120.0 * 12.0) {
            return None;
        }
        if let (Some(low), Some(high)) = (min, max) {
            let highest = if high.inclusive { high.months } else { high.months - 1.0 };
            if low > highest {
                return None;
            }
        }
        if max.is_some_and(|b| !b.inclusive && b.months <= 0.0) {
            return None;
        }
        // "ages 0 and up" says nothing.
        if min == Some(0.0) && max.is_none() {
            return None;
        }
        Some(Mention { min_months: min, max, plain, first: start, last })
    }

    /// The body at `i`: its numbers and shape.
    fn shape(&self, i: usize, lead: &LeadIn) -> Option<Body> {
        // Lower bounds written before the number.
        let at_least: [(&[&str], bool, bool); 10] = [
            (&["over"], true, false),
            (&["above"], true, false),
            (&["more", "than"], true, false),
            (&["older", "than"], false, false),
            (&["at", "least"], false, false),
            (&["minimum", "age"], false, false),
            (&["mayores", "de"], false, true),
            (&["mayor", "de"], false, true),
            (&["mas", "de"], false, true),
            (&["a", "partir", "de"], false, true),
        ];
        for (words, english_over, spanish) in at_least {
            if let Some(next) = self.phrase(i, words) {
                let (value, after) = self.value(self.skip_age_words(next))?;
                if value.birth {
                    return None;
                }
                let shape = Shape::Prefix { english_over, spanish };
                return Some(Body::new(Some(value.months(None)), None, shape, after - 1, vec![value]));
            }
        }
        // Upper bounds written before the number: `under` leaves the number out, `up to` keeps it.
        let at_most: [(&[&str], bool, bool); 11] = [
            (&["under"], false, false),
            (&["below"], false, false),
            (&["younger", "than"], false, false),
            (&["less", "than"], false, false),
            (&["until"], false, false),
            (&["menores", "de"], false, true),
            (&["menor", "de"], false, true),
            (&["menos", "de"], false, true),
            (&["up", "to"], true, false),
            (&["through"], true, false),
            (&["hasta"], true, true),
        ];
        for (words, inclusive, spanish) in at_most {
            if let Some(next) = self.phrase(i, words) {
                let (value, after) = self.value(self.skip_age_words(next))?;
                if value.birth {
                    return None;
                }
                let bound = Bound { months: value.months(None), inclusive, in_years: value.in_years(None) };
                let shape = Shape::Prefix { english_over: false, spanish };
                return Some(Body::new(None, Some(bound), shape, after - 1, vec![value]));
            }
        }
        let (first, after) = self.value(i)?;
        // A range: `5-18`, `5 to 18`, `de 0 a 5`, `between 5 and 18`.
        let connector = self.symbol(after) == Some('-')
            || self.is(after, RANGE_WORDS)
            || (lead.between && self.is(after, &["and", "y"]));
        if connector {
            if let Some((second, end)) = self.value(self.skip_age_words(after + 1)) {
                if second.birth {
                    return None;
                }
                let bound =
                    Bound { months: second.months(None), inclusive: true, in_years: second.in_years(None) };
                let min = first.months(second.unit);
                return Some(Body::new(Some(min), Some(bound), Shape::Range, end - 1, vec![first, second]));
            }
        }
        if first.birth {
            return None;
        }
        let value = vec![first];
        let months = first.months(None);
        let bound = Bound { months, inclusive: true, in_years: first.in_years(None) };
        if self.symbol(after) == Some('+') {
            return Some(Body::new(Some(months), None, Shape::Plus, after, value));
        }
        // `18 and older`, `12 and under`, `60 años o más`, `18 en adelante`.
        if self.is(after, &["and", "or", "y", "o"]) {
            if self.is(after + 1, &["older", "over", "up", "above", "mas", "mayores", "greater"]) {
                return Some(Body::new(Some(months), None, Shape::Suffix, after + 1, value));
            }
            if self.is(after + 1, &["under", "younger", "below", "menos", "menores"]) {
                return Some(Body::new(None, Some(bound), Shape::Suffix, after + 1, value));
            }
        }
        if let Some(next) = self.phrase(after, &["en", "adelante"]) {
            return Some(Body::new(Some(months), None, Shape::Suffix, next - 1, value));
        }
        // One age: `4-year-olds`, `age 3`; `must be 18 years old` and `must be 18 to apply`
        // are 18 or older.
        let at_least = first.at.checked_sub(1).is_some_and(|b| self.is(b, &["be", "ser", "tener"]));
        if first.old || lead.age_word || at_least {
            let max = (!at_least).then_some(bound);
            return Some(Body::new(Some(months), max, Shape::Exact, after - 1, value));
        }
        None
    }

    /// `age`, `the age of`, `los`, `la edad de` between a bound's words and its number.
    fn skip_age_words(&self, mut i: usize) -> usize {
        while self.is(i, &["age", "ages", "the", "of", "los", "la", "edad", "de"]) {
            i += 1;
        }
        i
    }

    /// A number (or birth) with its unit and `old`: the value, and the index after it.
    fn value(&self, i: usize) -> Option<(Value, usize)> {
        if self.is(i, BIRTH) {
            let value = Value { number: 0.0, unit: None, old: false, birth: true, at: i };
            return Some((value, i + 1));
        }
        let number = self.number(i)?;
        // A time (9:30, 9am), a percentage, money.
        if self.symbol(i + 1) == Some(':') && self.number(i + 2).is_some()
            || self.is(i + 1, &["am", "pm"])
            || (self.is(i + 1, &["a", "p"]) && self.symbol(i + 2) == Some('.'))
            || self.symbol(i + 1) == Some('%')
        {
            return None;
        }
        let mut value = Value { number, unit: None, old: false, birth: false, at: i };
        let mut j = i + 1;
        // `5-year-old`: a dash before the unit.
        let unit_at = if self.symbol(j) == Some('-') && self.unit(j + 1).is_some() { j + 1 } else { j };
        if let Some((unit, old, next)) = self.unit(unit_at) {
            // `y` and `yo` are units only when they touch the number (`5y`, `5yo`): `y` is "and".
            let touching = self.attached(i, unit_at);
            let accepted = match self.word(unit_at) {
                Some("y") => touching || old,
                Some("yo") => touching,
                _ => true,
            };
            if accepted {
                value.unit = Some(unit);
                value.old = old;
                j = next;
            }
        }
        Some((value, j))
    }

    /// A unit at `i`, whether `old`/`of age` follows, and the index after them.
    fn unit(&self, i: usize) -> Option<(Unit, bool, usize)> {
        let word = self.word(i)?;
        // `y/o`: years old.
        if word == "y" && self.symbol(i + 1) == Some('/') && self.word(i + 2) == Some("o") {
            return Some((Unit::Years, true, i + 3));
        }
        let unit = if YEARS.contains(&word) || matches!(word, "y" | "yo") {
            Unit::Years
        } else if MONTHS.contains(&word) {
            Unit::Months
        } else {
            return None;
        };
        let mut next = i + 1;
        let mut old = word == "yo";
        let dashed = if self.symbol(next) == Some('-') { next + 1 } else { next };
        if self.is(dashed, &["old", "olds"]) {
            old = true;
            next = dashed + 1;
        } else if let Some(after) =
            self.phrase(next, &["of", "age"]).or_else(|| self.phrase(next, &["de", "edad"]))
        {
            old = true;
            next = after;
        }
        Some((unit, old, next))
    }
}
