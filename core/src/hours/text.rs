//! Hours as people write them, for spreadsheets, imports and the checker.
//!
//! [`parse`] reads `Mon-Fri 9:00-17:00; Sat 10-14`, `Mon–Fri 9am–5pm`,
//! `Tuesdays and Fridays 10am–1pm`, `Thursdays 6–7:30pm`, `24 hours`, `Sat, Sun closed`,
//! `By appointment; Tue, Thu 10-6`. Its rules:
//!
//! - Items are separated by `;` or line breaks; an item is days, then times, `closed`,
//!   `24 hours` or `all day`; or `by appointment`.
//! - Days: `mon`, `monday`, `mondays`, `tues`, `thurs`…; ranges `Mon-Fri`, `Fri-Sun`,
//!   `Mon through Thu`; lists with `,`, `and`, `&`, `/`; `weekdays`, `weekends`, `daily`,
//!   `every day`. Times with no days are every day.
//! - Times: `9`, `9:30`, `09:00`, `9.30`, `0930`, `9am`, `9:30 p.m.`, `noon`, `midnight`;
//!   ranges with `-`, `–` or `to`; several ranges joined by `,` or `and`.
//! - Without am/pm, times are 24-hour (`10-14`), except that a closing hour below 12 before
//!   a morning or noon opening is the afternoon (`9-5` is 09:00–17:00, `12-4` 12:00–16:00),
//!   and so is an opening from 1 to 5 o'clock (`Wed 1-4`) or one before the day's previous
//!   period (`9-12, 1-5`). Times written `HH:MM` (`01:00`, `10:30`) or `HHMM` are always
//!   24-hour, so hours written back by [`write()`] read the same. With am/pm on one end
//!   only, the other end takes the reading that makes the shorter period (`3–6pm`,
//!   `10-2pm`).
//!
//! [`write()`] writes a catalogue `schedule` back as such text, and [`parse`] of that text
//! gives the same schedule; [`parse_exceptions`] and [`write_exceptions`] do the same for
//! dated exceptions (`2026-12-25 closed (Christmas); 2026-12-24 9:00-12:00`).
//!
//! ```
//! use finder_core::hours::{text, Weekday};
//! let schedule = text::parse("Mon-Fri 9am-5pm; Sat 10-14").unwrap();
//! assert_eq!(schedule.day(Weekday::Wed)[0].to_string(), "09:00-17:00");
//! assert_eq!(schedule.day(Weekday::Sat)[0].to_string(), "10:00-14:00");
//! assert!(schedule.day(Weekday::Sun).is_empty());
//! assert!(text::parse("Walk in most days").is_err());
//! ```

use super::period::time_text;
use super::{Date, Exception, Period, PeriodError, Schedule, Weekday};
use crate::format::{ExceptionEntry, ScheduleEntry, WeekEntry};

/// Reads hours text. The error says which word or time could not be read.
pub fn parse(text: &str) -> Result<Schedule, String> {
    let tokens = tokens(text);
    let mut parser = Parser { tokens: &tokens, at: 0 };
    let mut schedule = Schedule::default();
    let mut said_anything = false;
    loop {
        parser.skip_separators();
        if parser.at >= tokens.len() {
            break;
        }
        parser.group(&mut schedule)?;
        said_anything = true;
    }
    if !said_anything {
        return Err("it gives no days or times".into());
    }
    if schedule.periods.is_empty() && !schedule.open_24_hours && !schedule.appointment_only {
        return Err("it gives no opening hours, only closed days".into());
    }
    if schedule.open_24_hours && !schedule.periods.is_empty() {
        return Err("it says 24 hours, and gives other hours too".into());
    }
    schedule.settle_24_hours();
    Ok(schedule)
}

/// The days a text names anywhere in it, one bit per day from Monday (bit 0): for comparing
/// free-text hours with a schedule. `"Walk in Mon–Sat 8am–4pm"` names Monday to Saturday.
pub fn days_named(text: &str) -> u8 {
    let tokens = tokens(text);
    let mut parser = Parser { tokens: &tokens, at: 0 };
    let mut days = 0u8;
    while parser.at < tokens.len() {
        let found = parser.days();
        if found == 0 {
            parser.at += 1;
        }
        days |= found;
    }
    days
}

/// A time as HSDS sources and spreadsheets write it: `9:00am`, `09:00`, `9:00`, `17:00:00`,
/// `9 AM`, `noon`. In minutes after midnight; `None` when it is not a time.
pub fn parse_time(text: &str) -> Option<u16> {
    let tokens = tokens(text);
    let mut parser = Parser { tokens: &tokens, at: 0 };
    let time = parser.time()?;
    (parser.at == tokens.len()).then(|| time.resolved(None))
}

/// A catalogue `schedule` as one line of text: `By appointment; Mon-Fri 09:00-17:00;
/// Sat 10:00-14:00`, or `24 hours`. The periods are written as the catalogue lists them.
pub fn write(schedule: &ScheduleEntry) -> String {
    let mut items = Vec::new();
    if schedule.appointment_only {
        items.push("By appointment".to_string());
    }
    if schedule.open_24_hours {
        items.push("24 hours".to_string());
    }
    let week = schedule.weekly.days();
    let mut done = [false; 7];
    for first in 0..7 {
        if done[first] || week[first].is_empty() {
            continue;
        }
        let same: Vec<usize> = (first..7).filter(|&d| !done[d] && week[d] == week[first]).collect();
        for &day in &same {
            done[day] = true;
        }
        items.push(format!("{} {}", days_text(&same), week[first].join(", ")));
    }
    items.join("; ")
}

/// `[0, 1, 2, 4]` → `"Mon-Wed, Fri"`.
pub(crate) fn days_text(days: &[usize]) -> String {
    let mut runs: Vec<String> = Vec::new();
    let mut i = 0;
    while i < days.len() {
        let mut j = i;
        while j + 1 < days.len() && days[j + 1] == days[j] + 1 {
            j += 1;
        }
        let (from, to) =
            (Weekday::from_index(days[i]).short_name(), Weekday::from_index(days[j]).short_name());
        runs.push(if i == j { from.to_string() } else { format!("{from}-{to}") });
        i = j + 1;
    }
    runs.join(", ")
}

/// Dated exceptions as one line: `2026-12-25 closed (Christmas); 2026-12-24 09:00-12:00;
/// 2026-12-28 to 2026-12-31 closed`. A note may not hold `;` or `)`.
pub fn write_exceptions(exceptions: &[ExceptionEntry]) -> String {
    let items: Vec<String> = exceptions
        .iter()
        .map(|e| {
            let mut item = e.date.clone();
            if let Some(until) = &e.until {
                item.push_str(" to ");
                item.push_str(until);
            }
            item.push(' ');
            item.push_str(&if e.closed || e.hours.is_empty() {
                "closed".to_string()
            } else {
                e.hours.join(", ")
            });
            if let Some(note) = &e.note {
                item.push_str(&format!(" ({note})"));
            }
            item
        })
        .collect();
    items.join("; ")
}

/// Reads [`write_exceptions`]'s form (dates `YYYY-MM-DD`; the hours as in [`parse`]).
///
/// ```
/// use finder_core::hours::text::parse_exceptions;
/// let found = parse_exceptions("2026-12-25 closed (Christmas); 2026-12-24 9am-noon").unwrap();
/// assert!(found[0].closed() && found[0].note.as_deref() == Some("Christmas"));
/// assert_eq!(found[1].hours[0].to_string(), "09:00-12:00");
/// ```
pub fn parse_exceptions(text: &str) -> Result<Vec<Exception>, String> {
    let mut exceptions = Vec::new();
    for item in text.split([';', '\n']).map(str::trim).filter(|i| !i.is_empty()) {
        let (item, note) = match item.strip_suffix(')').and_then(|rest| rest.rsplit_once('(')) {
            Some((rest, note)) => (rest.trim(), Some(note.trim().to_string()).filter(|n| !n.is_empty())),
            None => (item, None),
        };
        let date = |text: &str| {
            Date::parse(text).ok_or_else(|| format!("\"{text}\" is not a date written YYYY-MM-DD"))
        };
        let (first, rest) = item.split_once(char::is_whitespace).unwrap_or((item, ""));
        let from = date(first)?;
        let mut rest = rest.trim();
        let mut until = from;
        for joiner in ["to ", "through ", "thru ", "- ", "– "] {
            if let Some(after) = rest.strip_prefix(joiner) {
                let (second, after) =
                    after.trim().split_once(char::is_whitespace).unwrap_or((after.trim(), ""));
                until = date(second)?;
                rest = after.trim();
                break;
            }
        }
        if until < from {
            return Err(format!("{until} is before {from}"));
        }
        let hours = if rest.eq_ignore_ascii_case("closed") {
            Vec::new()
        } else {
            let tokens = tokens(rest);
            let mut parser = Parser { tokens: &tokens, at: 0 };
            let periods = parser.periods()?;
            if periods.is_empty() || parser.at < tokens.len() {
                return Err(format!("after {first}, write \"closed\" or the hours, such as 09:00-12:00"));
            }
            periods
        };
        exceptions.push(Exception { from, until, hours, note });
    }
    Ok(exceptions)
}

impl Schedule {
    /// The schedule as the catalogue writes it, with every period written `HH:MM-HH:MM`.
    pub fn to_entry(&self) -> ScheduleEntry {
        let list = |periods: &[Period]| periods.iter().map(Period::to_string).collect::<Vec<_>>();
        let mut weekly = WeekEntry::default();
        if !self.open_24_hours {
            for (day, periods) in self.week() {
                *weekly.day_mut(day) = list(periods);
            }
        }
        ScheduleEntry {
            weekly,
            open_24_hours: self.open_24_hours,
            appointment_only: self.appointment_only,
            exceptions: self
                .exceptions
                .iter()
                .map(|e| ExceptionEntry {
                    date: e.from.to_string(),
                    until: (e.until != e.from).then(|| e.until.to_string()),
                    closed: e.closed(),
                    hours: list(&e.hours),
                    note: e.note.clone(),
                })
                .collect(),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Tokens.

#[derive(Clone, Debug, PartialEq)]
enum Token {
    Word(String),
    /// A number as written: hour, minute, and whether it is surely 24-hour: a two-digit hour
    /// with minutes (`09:00`, `10:30`), four digits (`0930`), a leading zero, or past 12.
    Number {
        hour: u16,
        minute: u16,
        twenty_four: bool,
        text: String,
    },
    Dash,
    /// `,` `&` `/` `+` and the word `and`.
    And,
    /// `;` `|` and line breaks.
    Semicolon,
    Colon,
}

fn tokens(text: &str) -> Vec<Token> {
    let lower = text.to_lowercase().replace("24/7", " 24 hours ");
    let chars: Vec<char> = lower.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_digit() || matches!(chars[i], ':' | '.')) {
                // A dot that ends a sentence is not part of the number.
                if chars[i] == '.' && !chars.get(i + 1).is_some_and(char::is_ascii_digit) {
                    break;
                }
                i += 1;
            }
            let text: String = chars[start..i].iter().collect();
            tokens.push(number(&text));
        } else if c.is_alphabetic() {
            let start = i;
            while i < chars.len() && (chars[i].is_alphabetic() || chars[i] == '.' || chars[i] == '\'') {
                i += 1;
            }
            let word: String = chars[start..i].iter().filter(|c| c.is_alphabetic()).collect();
            tokens.push(match word.as_str() {
                "and" => Token::And,
                "to" | "through" | "thru" | "until" | "till" => Token::Dash,
                _ => Token::Word(word),
            });
        } else {
            match c {
                '-' | '–' | '—' | '‐' | '‑' | '−' | '~' => tokens.push(Token::Dash),
                ',' | '&' | '/' | '+' => tokens.push(Token::And),
                ';' | '|' | '\n' | '\r' => tokens.push(Token::Semicolon),
                ':' => tokens.push(Token::Colon),
                _ => {}
            }
            i += 1;
        }
    }
    tokens
}

/// `9`, `09`, `9:30`, `9.30`, `17:00:00`, `0930`, `930`. An impossible time keeps its
/// text as a word, so the error can quote it.
fn number(text: &str) -> Token {
    let parts: Vec<&str> = text.split([':', '.']).collect();
    let parsed = match parts.as_slice() {
        [digits] if digits.len() == 4 || digits.len() == 3 => {
            let (hour, minute) = digits.split_at(digits.len() - 2);
            Some((hour, minute, digits.len() == 4))
        }
        [hour] if hour.len() <= 2 => Some((*hour, "0", hour.len() == 2 && hour.starts_with('0'))),
        // `10:00` and `09:30` are 24-hour; `9:30` and `1:00` may be either.
        [hour, minute] | [hour, minute, _] if hour.len() <= 2 && minute.len() == 2 => {
            Some((*hour, *minute, hour.len() == 2))
        }
        _ => None,
    };
    match parsed.and_then(|(h, m, zero)| Some((h.parse::<u16>().ok()?, m.parse::<u16>().ok()?, zero))) {
        Some((hour, minute, twenty_four)) if hour <= 24 && minute < 60 && (hour < 24 || minute == 0) => {
            Token::Number { hour, minute, twenty_four: twenty_four || hour > 12, text: text.to_string() }
        }
        _ => Token::Word(text.to_string()),
    }
}

// ---------------------------------------------------------------------------------------
// Parsing.

struct Parser<'a> {
    tokens: &'a [Token],
    at: usize,
}

/// A time as written, before am/pm is settled.
#[derive(Clone, Copy, Debug)]
struct Time {
    hour: u16,
    minute: u16,
    /// `Some(true)` pm, `Some(false)` am.
    pm: Option<bool>,
    /// Written as 24-hour, or a word (`noon`): no am/pm guessing.
    fixed: bool,
}

impl Time {
    /// Minutes after midnight; `pm` is the meridian to assume when none was written.
    fn resolved(self, pm: Option<bool>) -> u16 {
        let hour = match (self.pm.or(pm), self.fixed) {
            (Some(true), _) if self.hour < 12 => self.hour + 12,
            (Some(false), _) if self.hour == 12 => 0,
            _ => self.hour,
        };
        hour * 60 + self.minute
    }
}

impl Parser<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn word(&self) -> Option<&str> {
        match self.peek() {
            Some(Token::Word(word)) => Some(word),
            _ => None,
        }
    }

    fn next_is(&self, words: &[&str]) -> bool {
        self.word().is_some_and(|w| words.contains(&w))
    }

    fn skip_separators(&mut self) {
        while matches!(self.peek(), Some(Token::Semicolon | Token::And | Token::Colon)) {
            self.at += 1;
        }
    }

    fn unexpected(&self) -> String {
        match self.peek() {
            Some(Token::Word(word)) if word.starts_with(|c: char| c.is_ascii_digit()) => {
                format!("\"{word}\" is not a time of day")
            }
            Some(Token::Word(word)) => format!("\"{word}\" is not a day or a time"),
            Some(Token::Number { text, .. }) => {
                format!("\"{text}\" is not where a day or a time range can be")
            }
            Some(Token::Dash) => "a dash is not between two days or two times".into(),
            Some(_) => "a separator is out of place".into(),
            None => "it stops before the hours".into(),
        }
    }

    /// Days, then what happens on them. Ends at `;` or where another group's days start.
    fn group(&mut self, schedule: &mut Schedule) -> Result<(), String> {
        if self.appointment() {
            schedule.appointment_only = true;
            return Ok(());
        }
        let named = self.days();
        let days = if named == 0 { 0x7f } else { named };
        while matches!(self.peek(), Some(Token::Colon | Token::And))
            || self.next_is(&["open", "from", "hours"])
        {
            self.at += 1;
        }
        if self.next_is(&["closed"]) {
            self.at += 1;
            return if named == 0 { Err("\"closed\" needs the days it is closed on".into()) } else { Ok(()) };
        }
        if self.all_day() {
            if named == 0 {
                schedule.open_24_hours = true;
            }
            for day in Weekday::ALL.into_iter().filter(|d| named != 0 && days & (1 << d.index()) != 0) {
                schedule.add(day, Period::ALL_DAY);
            }
            return Ok(());
        }
        let periods = self.periods()?;
        if periods.is_empty() {
            return Err(self.unexpected());
        }
        for day in Weekday::ALL.into_iter().filter(|d| days & (1 << d.index()) != 0) {
            for &period in &periods {
                schedule.add(day, period);
            }
        }
        match self.peek() {
            None | Some(Token::Semicolon | Token::And) => Ok(()),
            _ if self.at_day() => Ok(()),
            _ => Err(self.unexpected()),
        }
    }

    /// `by appointment`, `appointment only`, `by appt`.
    fn appointment(&mut self) -> bool {
        let start = self.at;
        if self.next_is(&["by"]) {
            self.at += 1;
        }
        if self.next_is(&["appointment", "appointments", "appt", "appts"]) {
            self.at += 1;
            if self.next_is(&["only"]) {
                self.at += 1;
            }
            return true;
        }
        self.at = start;
        false
    }

    /// `24 hours`, `24 hrs`, `24h`, `all day`, `all hours`, `always`, `open 24 hours`.
    fn all_day(&mut self) -> bool {
        let start = self.at;
        match self.peek() {
            Some(Token::Number { hour: 24, minute: 0, .. }) => {
                self.at += 1;
                if self.next_is(&["hours", "hour", "hrs", "hr", "h"]) {
                    self.at += 1;
                    return true;
                }
            }
            Some(Token::Word(word)) if word == "always" => {
                self.at += 1;
                return true;
            }
            Some(Token::Word(word)) if word == "all" => {
                self.at += 1;
                if self.next_is(&["day", "hours"]) {
                    self.at += 1;
                    return true;
                }
            }
            _ => {}
        }
        self.at = start;
        false
    }

    fn at_day(&self) -> bool {
        self.word().is_some_and(|w| day_word(w).is_some() || w == "every")
    }

    /// Days as a bit set (0 when none are named here): lists of days and ranges.
    fn days(&mut self) -> u8 {
        let mut days = 0u8;
        loop {
            let start = self.at;
            let Some(first) = self.day_set() else {
                self.at = start;
                return days;
            };
            days |= first;
            // A range: `Mon-Fri`, `Fri through Mon`.
            if let (Some(Token::Dash), Some(Token::Word(word))) = (self.peek(), self.tokens.get(self.at + 1))
            {
                if let (Some(DayWord::One(from)), Some(DayWord::One(to))) =
                    (day_word(self.word_before()), day_word(word))
                {
                    self.at += 2;
                    let mut day = from;
                    while day != to {
                        days |= 1 << day.index();
                        day = day.succ();
                    }
                    days |= 1 << to.index();
                }
            }
            // Another day after `,` `and` `&` `/`.
            let after_separator = self.at;
            if matches!(self.peek(), Some(Token::And)) {
                self.at += 1;
                if self.at_day() {
                    continue;
                }
            }
            self.at = after_separator;
            return days;
        }
    }

    /// The word just read.
    fn word_before(&self) -> &str {
        match self.tokens.get(self.at.wrapping_sub(1)) {
            Some(Token::Word(word)) => word,
            _ => "",
        }
    }

    /// One day word, `weekdays`, `weekends`, `daily`, `every day`: its days.
    fn day_set(&mut self) -> Option<u8> {
        let word = self.word()?;
        if word == "every" {
            if matches!(self.tokens.get(self.at + 1), Some(Token::Word(w)) if w == "day") {
                self.at += 2;
                return Some(0x7f);
            }
            return None;
        }
        let days = match day_word(word)? {
            DayWord::One(day) => 1 << day.index(),
            DayWord::Set(days) => days,
        };
        self.at += 1;
        Some(days)
    }

    /// Time ranges joined by `,` or `and`; stops before anything else.
    fn periods(&mut self) -> Result<Vec<Period>, String> {
        let mut periods = Vec::new();
        loop {
            let start = self.at;
            let Some(opens) = self.time() else {
                self.at = start;
                return Ok(periods);
            };
            if !matches!(self.peek(), Some(Token::Dash)) {
                return Err(format!("{} needs a closing time, such as 9am-5pm", describe(opens)));
            }
            self.at += 1;
            let Some(closes) = self.time() else {
                return Err(format!("after {}, a closing time should follow the dash", describe(opens)));
            };
            periods.push(period(opens, closes, periods.last().copied())?);
            let before_separator = self.at;
            if matches!(self.peek(), Some(Token::And)) {
                self.at += 1;
                if matches!(self.peek(), Some(Token::Number { .. })) || self.next_is(&["noon", "midnight"]) {
                    continue;
                }
            }
            self.at = before_separator;
            return Ok(periods);
        }
    }

    /// `9`, `9:30pm`, `9 a.m.`, `noon`, `midnight`.
    fn time(&mut self) -> Option<Time> {
        let time = match self.peek()? {
            Token::Number { hour, minute, twenty_four, .. } => {
                Time { hour: *hour, minute: *minute, pm: None, fixed: *twenty_four }
            }
            Token::Word(word) if word == "noon" => Time { hour: 12, minute: 0, pm: None, fixed: true },
            Token::Word(word) if word == "midnight" => Time { hour: 24, minute: 0, pm: None, fixed: true },
            _ => return None,
        };
        self.at += 1;
        let pm = match self.word() {
            Some("am" | "a" | "amm") => Some(false),
            Some("pm" | "p") => Some(true),
            _ => None,
        };
        if pm.is_some() {
            if time.fixed && time.hour > 12 {
                return None;
            }
            self.at += 1;
            return Some(Time { pm, fixed: false, ..time });
        }
        Some(time)
    }
}

fn describe(time: Time) -> String {
    let meridian = match time.pm {
        Some(true) => "pm",
        Some(false) => "am",
        None => "",
    };
    format!("{}{meridian}", time_text(time.hour * 60 + time.minute))
}

/// The period two times make, settling am/pm (see the module documentation). `after` is
/// the day's previous period: in `9am-12, 1-5`, `1-5` is 13:00–17:00.
fn period(opens: Time, closes: Time, after: Option<Period>) -> Result<Period, String> {
    let (opens_at, closes_at) = match (opens.pm, closes.pm) {
        (None, Some(pm)) if !opens.fixed => {
            // `3-6pm` is 15:00–18:00, `10-2pm` 10:00–14:00, `10-2am` 22:00–02:00.
            let closing = closes.resolved(None);
            let same = opens.resolved(Some(pm));
            let other = opens.resolved(Some(!pm));
            let length = |from: u16| (i32::from(closing) - i32::from(from)).rem_euclid(1440);
            (if length(same) <= length(other) { same } else { other }, closing)
        }
        (Some(pm), None) if !closes.fixed => {
            let opening = opens.resolved(None);
            let same = closes.resolved(Some(pm));
            let other = closes.resolved(Some(!pm));
            let length = |to: u16| (i32::from(to) - i32::from(opening)).rem_euclid(1440);
            (opening, if length(same) <= length(other) && length(same) > 0 { same } else { other })
        }
        (None, None) => {
            let (mut o, mut c) = (opens.resolved(None), closes.resolved(None));
            // `1-5` after a morning period, or any opening from 1 to 5 o'clock, is the
            // afternoon: programs do not open at 1 am.
            let flexible = !opens.fixed && !closes.fixed;
            let after_morning = after.is_some_and(|p| o < p.opens && o + 720 >= p.end());
            if flexible && o < 720 && (after_morning || (60..360).contains(&o)) {
                o += 720;
                if c < 720 && c + 720 > o {
                    c += 720;
                }
            }
            // `9-5`: a closing hour of 12 or less before a morning opening is the afternoon.
            if c < o && o <= 720 && !closes.fixed && c < 720 && c + 720 > o {
                c += 720;
            }
            (o, c)
        }
        _ => (opens.resolved(None), closes.resolved(None)),
    };
    // `12am` or `midnight` at the end is the end of the day.
    let closes_at = if closes_at == 0 && opens_at > 0 { 1440 } else { closes_at };
    let written = format!("{}-{}", time_text(opens_at), time_text(closes_at));
    Period::parse(&written).map_err(|error| match error {
        PeriodError::Backwards(_) => format!("{written} closes before it opens"),
        PeriodError::Empty => format!("{written} opens and closes at the same time"),
        _ => format!("{written} is not a period of opening hours"),
    })
}

enum DayWord {
    One(Weekday),
    Set(u8),
}

fn day_word(word: &str) -> Option<DayWord> {
    const NAMES: [&[&str]; 7] = [
        &["mon", "monday", "mondays"],
        &["tue", "tues", "tuesday", "tuesdays"],
        &["wed", "weds", "wednesday", "wednesdays"],
        &["thu", "thur", "thurs", "thursday", "thursdays"],
        &["fri", "friday", "fridays"],
        &["sat", "saturday", "saturdays"],
        &["sun", "sunday", "sundays"],
    ];
    if let Some(index) = NAMES.iter().position(|names| names.contains(&word)) {
        return Some(DayWord::One(Weekday::from_index(index)));
    }
    match word {
        "weekdays" | "weekday" => Some(DayWord::Set(0x1f)),
        "weekends" | "weekend" => Some(DayWord::Set(0x60)),
        "daily" | "everyday" => Some(DayWord::Set(0x7f)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The week as `"Mon 09:00-17:00; Tue …"`, for comparing.
    fn week(schedule: &Schedule) -> String {
        let mut parts = Vec::new();
        if schedule.appointment_only {
            parts.push("appointment".to_string());
        }
        if schedule.open_24_hours {
            parts.push("24h".to_string());
        } else {
            for (day, periods) in schedule.week() {
                if !periods.is_empty() {
                    let list: Vec<String> = periods.iter().map(Period::to_string).collect();
                    parts.push(format!("{} {}", day.short_name(), list.join(",")));
                }
            }
        }
        parts.join("; ")
    }

    const WEEKDAYS_9_5: &str =
        "Mon 09:00-17:00; Tue 09:00-17:00; Wed 09:00-17:00; Thu 09:00-17:00; Fri 09:00-17:00";

    #[test]
    fn hours_read_as_people_write_them() {
        let table: &[(&str, &str)] = &[
            ("Mon-Fri 9:00-17:00", WEEKDAYS_9_5),
            ("Mon–Fri 9am–5pm", WEEKDAYS_9_5),
            ("Mon-Fri 9-5", WEEKDAYS_9_5),
            ("Monday through Friday, 9 a.m. to 5 p.m.", WEEKDAYS_9_5),
            ("weekdays 0900-1700", WEEKDAYS_9_5),
            ("Mon-Fri 9:00-17:00; Sat 10-14", &format!("{WEEKDAYS_9_5}; Sat 10:00-14:00")),
            ("Tuesdays and Fridays 10am–1pm", "Tue 10:00-13:00; Fri 10:00-13:00"),
            ("Thursdays 6–7:30pm", "Thu 18:00-19:30"),
            ("Wed 3-6pm", "Wed 15:00-18:00"),
            ("Sat 10-2pm", "Sat 10:00-14:00"),
            ("Fri 9am-12, 1-5", "Fri 09:00-12:00,13:00-17:00"),
            ("Fri 09:00-12:00 and 13:00-17:00", "Fri 09:00-12:00,13:00-17:00"),
            ("Sat 10pm-2am", "Sat 22:00-02:00"),
            ("Sat 22-2", "Sat 22:00-02:00"),
            ("Fri-Sun 6pm-midnight", "Fri 18:00-24:00; Sat 18:00-24:00; Sun 18:00-24:00"),
            ("Mon 9:00am-noon", "Mon 09:00-12:00"),
            ("Mon: 9-12; Wed: 1-4", "Mon 09:00-12:00; Wed 13:00-16:00"),
            ("Mon, Wed & Fri 8:30-4:30", "Mon 08:30-16:30; Wed 08:30-16:30; Fri 08:30-16:30"),
            ("Mon-Fri 9-5, Sat 10-2", &format!("{WEEKDAYS_9_5}; Sat 10:00-14:00")),
            ("9am-5pm", "Mon 09:00-17:00; Tue 09:00-17:00; Wed 09:00-17:00; Thu 09:00-17:00; Fri 09:00-17:00; Sat 09:00-17:00; Sun 09:00-17:00"),
            ("24 hours", "24h"),
            ("Open 24/7", "24h"),
            ("Every day, all hours", "24h"),
            ("Daily 24 hours", "24h"),
            ("Sat-Sun 24 hours", "Sat 00:00-24:00; Sun 00:00-24:00"),
            ("By appointment", "appointment"),
            ("By appointment; Tue, Thu 10am-6pm", "appointment; Tue 10:00-18:00; Thu 10:00-18:00"),
            ("Mon-Fri 9-5; Sat, Sun closed", WEEKDAYS_9_5),
            ("Fri-Mon 10-14", "Mon 10:00-14:00; Fri 10:00-14:00; Sat 10:00-14:00; Sun 10:00-14:00"),
            ("mon,tue 09:00:00-17:00:00", "Mon 09:00-17:00; Tue 09:00-17:00"),
            ("Fri 9-12, 1-5", "Fri 09:00-12:00,13:00-17:00"),
        ];
        for (text, expected) in table {
            match parse(text) {
                Ok(schedule) => assert_eq!(&week(&schedule), expected, "{text}"),
                Err(error) => panic!("{text}: {error}"),
            }
        }
    }

    #[test]
    fn text_that_is_not_hours_says_what_stopped_it() {
        let table = [
            ("Walk in Mon–Sat 8am–4pm", "\"walk\" is not a day or a time"),
            ("Saturdays 10:30am", "10:30am needs a closing time"),
            ("Mon 9-", "after 09:00, a closing time should follow the dash"),
            ("Mon 25:00-26:00", "\"25:00\" is not a time of day"),
            ("Mon 09:00-05:00", "09:00-05:00 closes before it opens"),
            ("", "it gives no days or times"),
            ("closed", "\"closed\" needs the days it is closed on"),
            ("Classes monthly; call to register", "\"classes\" is not a day or a time"),
        ];
        for (text, expected) in table {
            let error = parse(text).err().unwrap_or_default();
            assert!(error.contains(expected), "{text}: {error:?} should contain {expected:?}");
        }
    }

    #[test]
    fn days_are_found_anywhere_in_free_text() {
        let table = [
            ("Walk in Mon–Sat 8am–4pm", 0b0011_1111),
            ("Call 2-1-1 any time; care coordinators Mon–Fri 8:30am–5pm", 0b0001_1111),
            ("Groups online Mon and Wed evenings", 0b0000_0101),
            ("Selected Sundays June–September, 9am–1pm", 0b0100_0000),
            ("Every day, all hours", 0b0111_1111),
            ("Classes monthly; call to register", 0),
        ];
        for (text, days) in table {
            assert_eq!(days_named(text), days, "{text}");
        }
    }

    #[test]
    fn times_read_in_the_forms_exports_use() {
        let table = [
            ("9:00am", Some(540)),
            ("09:00", Some(540)),
            ("9:00", Some(540)),
            ("17:00:00", Some(1020)),
            ("5:30 PM", Some(1050)),
            ("12:00 a.m.", Some(0)),
            ("noon", Some(720)),
            ("0930", Some(570)),
            ("25:00", None),
            ("9:75", None),
            ("nine", None),
            ("", None),
        ];
        for (text, minute) in table {
            assert_eq!(parse_time(text), minute, "{text}");
        }
    }

    #[test]
    fn written_text_reads_back_as_the_same_schedule() {
        for text in [
            "Mon-Fri 09:00-17:00; Sat 10:00-14:00",
            "By appointment; Tue, Thu 10:00-18:00",
            "Mon-Wed, Fri 09:00-12:00, 13:00-17:00; Sat 22:00-02:00",
            "24 hours",
            "Sat-Sun 00:00-24:00",
        ] {
            let schedule = parse(text).unwrap();
            let written = write(&schedule.to_entry());
            assert_eq!(written, text);
            assert_eq!(parse(&written).unwrap(), schedule);
        }
        let exceptions =
            "2026-12-24 09:00-12:00; 2026-12-25 closed (Christmas Day); 2026-12-28 to 2026-12-31 closed";
        let read = parse_exceptions(exceptions).unwrap();
        let schedule = Schedule { exceptions: read, open_24_hours: true, ..Schedule::default() };
        assert_eq!(write_exceptions(&schedule.to_entry().exceptions), exceptions);
        assert!(parse_exceptions("2026-13-01 closed").is_err());
        assert!(parse_exceptions("2026-12-25 sometimes").is_err());
        assert!(parse_exceptions("2026-12-31 to 2026-12-25 closed").is_err());
    }
}
