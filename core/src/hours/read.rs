//! A program's `schedule` as the catalogue writes it, read value by value.
//!
//! ```json
//! "schedule": {
//!   "weekly": { "mon": ["09:00-17:00"], "fri": ["09:00-12:00", "13:00-17:00"], "sat": ["22:00-02:00"] },
//!   "appointment_only": false,
//!   "exceptions": [ { "date": "2026-12-25", "closed": true, "note": "Christmas Day" },
//!                   { "date": "2026-12-24", "hours": ["09:00-12:00"] },
//!                   { "date": "2026-12-28", "until": "2026-12-31", "closed": true } ]
//! }
//! ```
//!
//! Every mistake is reported with the JSON path of the value that holds it. A schedule with
//! any mistake is not used at all (a schedule missing one day would tell families the
//! program is closed when it is open): the program keeps its free-text `hours`.

use crate::fields::{kind, staff_hint};
use crate::json::{Json, Object};

use super::{Date, Exception, Period, PeriodError, Schedule, TimeZone, Weekday};
use crate::fields::Problem;
use crate::spelling::closest;

const KEYS: [&str; 4] = ["weekly", "open_24_hours", "appointment_only", "exceptions"];
const EXCEPTION_KEYS: [&str; 5] = ["date", "until", "closed", "hours", "note"];
const EXAMPLE: &str = "{\"weekly\": {\"mon\": [\"09:00-17:00\"]}}";

/// The schedule at `path`, or `None` (with problems) when anything in it is wrong.
pub(crate) fn read(value: &Json, path: &str, problems: &mut Vec<Problem>) -> Option<Schedule> {
    let mut reader = Reader { problems, failed: false };
    let schedule = reader.schedule(value, path);
    schedule.filter(|_| !reader.failed)
}

/// The catalogue's `time_zone`: `None` when absent; an error (and New York) when unknown.
pub(crate) fn time_zone(value: Option<&Json>, problems: &mut Vec<Problem>) -> TimeZone {
    let name = match value {
        None | Some(Json::Null) => return TimeZone::default(),
        Some(Json::String(name)) => name.trim(),
        Some(_) => "",
    };
    if let Some(zone) = TimeZone::from_name(name) {
        return zone;
    }
    let names = TimeZone::ALL.map(TimeZone::name);
    let hint = staff_hint(|| match closest(name, names).or_else(|| zone_alias(name)) {
        Some(zone) => format!("did you mean \"{zone}\"?"),
        None => format!("use one of {}", names.map(|n| format!("\"{n}\"")).join(", ")),
    });
    let message = format!(
        "{} is not a time zone this finder knows, so hours are read as America/New_York time",
        value.map_or_else(String::new, Json::to_string)
    );
    problems.push(Problem::ignored("time_zone", message).with_hint(hint));
    TimeZone::default()
}

/// Old and everyday names of the zones: `US/Eastern`, `Hawaii`, `Eastern`.
fn zone_alias(name: &str) -> Option<&'static str> {
    let name = name.to_lowercase();
    let name = name.trim_start_matches("us/");
    let zone = match name {
        "eastern" | "est" | "edt" | "est5edt" | "america/new york" => TimeZone::NewYork,
        "central" | "cst" | "cdt" | "cst6cdt" => TimeZone::Chicago,
        "mountain" | "mst7mdt" => TimeZone::Denver,
        "arizona" | "mst" => TimeZone::Phoenix,
        "pacific" | "pst" | "pdt" | "pst8pdt" => TimeZone::LosAngeles,
        "alaska" => TimeZone::Anchorage,
        "hawaii" | "hst" | "america/honolulu" => TimeZone::Honolulu,
        "puerto rico" | "ast" | "atlantic" => TimeZone::PuertoRico,
        _ => return None,
    };
    Some(zone.name())
}

struct Reader<'a> {
    problems: &'a mut Vec<Problem>,
    failed: bool,
}

impl Reader<'_> {
    fn fail(&mut self, path: String, message: String, hint: Option<String>) {
        self.failed = true;
        let message = format!("{message}, so the schedule is not used");
        self.problems.push(Problem::ignored(path, message).with_hint(hint));
    }

    fn schedule(&mut self, value: &Json, path: &str) -> Option<Schedule> {
        let Json::Object(object) = value else {
            let hint = staff_hint(|| format!("write it as an object, such as {EXAMPLE}"));
            self.fail(path.to_string(), format!("should be an object, not {}", kind(value)), hint);
            return None;
        };
        self.unknown_keys(object, &KEYS, path);
        let mut schedule = Schedule {
            open_24_hours: self.flag(object, "open_24_hours", path),
            appointment_only: self.flag(object, "appointment_only", path),
            ..Schedule::default()
        };
        if let Some(weekly) = object.get("weekly").filter(|v| !v.is_null()) {
            self.weekly(weekly, &format!("{path}.weekly"), &mut schedule);
        }
        if let Some(exceptions) = object.get("exceptions").filter(|v| !v.is_null()) {
            schedule.exceptions = self.exceptions(exceptions, &format!("{path}.exceptions"));
        }
        if schedule.open_24_hours && !schedule.periods.is_empty() {
            self.fail(
                format!("{path}.open_24_hours"),
                "is true, and \"weekly\" lists hours too".into(),
                staff_hint(|| "remove \"weekly\", or set \"open_24_hours\": false".into()),
            );
        }
        let says_something = schedule.open_24_hours
            || schedule.appointment_only
            || !schedule.periods.is_empty()
            || schedule.exceptions.iter().any(|e| !e.closed());
        if !says_something && !self.failed {
            self.fail(
                path.to_string(),
                "gives no opening hours".into(),
                staff_hint(|| format!("list them, such as {EXAMPLE}, or remove \"schedule\"")),
            );
        }
        Some(schedule)
    }

    /// Keys the format does not have: a misspelt key would silently change the hours.
    fn unknown_keys(&mut self, object: &Object, known: &[&str], path: &str) {
        for key in object.keys().filter(|k| !known.contains(&k.as_str())) {
            let hint = staff_hint(|| {
                closest(key, known.iter().copied())
                    .map(|k| format!("did you mean \"{k}\"?"))
                    .unwrap_or_else(|| format!("use {}", quoted_list(known)))
            });
            self.fail(format!("{path}.{key}"), format!("\"{key}\" is not part of a schedule"), hint);
        }
    }

    fn flag(&mut self, object: &Object, key: &str, path: &str) -> bool {
        match object.get(key) {
            None | Some(Json::Null) => false,
            Some(Json::Bool(flag)) => *flag,
            Some(other) => {
                let message = format!("should be true or false, not {}", kind(other));
                self.fail(format!("{path}.{key}"), message, None);
                false
            }
        }
    }

    fn weekly(&mut self, value: &Json, path: &str, schedule: &mut Schedule) {
        let Json::Object(days) = value else {
            let hint = staff_hint(|| "write it as {\"mon\": [\"09:00-17:00\"], \"tue\": [...]}".into());
            self.fail(path.to_string(), format!("should be an object, not {}", kind(value)), hint);
            return;
        };
        for (key, periods) in days.iter() {
            let day_path = format!("{path}.{key}");
            let Some(day) = Weekday::from_key(key) else {
                let message = format!("\"{key}\" is not a day of the week");
                self.fail(day_path, message, staff_hint(|| day_hint(key)));
                continue;
            };
            for period in self.periods(periods, &day_path) {
                schedule.add(day, period);
            }
        }
    }

    /// A list of periods (a single one is accepted as a list of one).
    fn periods(&mut self, value: &Json, path: &str) -> Vec<Period> {
        let items: Vec<(String, &Json)> = match value {
            Json::Array(items) => {
                items.iter().enumerate().map(|(i, v)| (format!("{path}[{i}]"), v)).collect()
            }
            Json::String(_) => vec![(path.to_string(), value)],
            other => {
                let hint = staff_hint(|| {
                    "write a list such as [\"09:00-12:00\", \"13:00-17:00\"], or [] for closed".into()
                });
                self.fail(path.to_string(), format!("should be a list of hours, not {}", kind(other)), hint);
                return Vec::new();
            }
        };
        let mut periods = Vec::with_capacity(items.len());
        for (item_path, item) in items {
            let Json::String(text) = item else {
                let hint = staff_hint(|| "write hours as text, such as \"09:00-17:00\"".into());
                self.fail(item_path, format!("should be text, not {}", kind(item)), hint);
                continue;
            };
            match Period::parse(text) {
                Ok(period) => periods.push(period),
                Err(error) => {
                    let message = period_message(text, &error);
                    self.fail(item_path, message, staff_hint(|| period_hint(error)));
                }
            }
        }
        periods
    }

    fn exceptions(&mut self, value: &Json, path: &str) -> Vec<Exception> {
        let Json::Array(items) = value else {
            let hint =
                staff_hint(|| "write a list such as [{\"date\": \"2026-12-25\", \"closed\": true}]".into());
            self.fail(path.to_string(), format!("should be a list, not {}", kind(value)), hint);
            return Vec::new();
        };
        let mut exceptions: Vec<(usize, Exception)> = Vec::with_capacity(items.len());
        for (index, item) in items.iter().enumerate() {
            if let Some(exception) = self.exception(item, &format!("{path}[{index}]")) {
                exceptions.push((index, exception));
            }
        }
        // Two exceptions for one date: in date order, each must start after all before it end
        // (sorted, so that thousands of dates take no longer than a sort).
        let mut by_date: Vec<&(usize, Exception)> = exceptions.iter().collect();
        by_date.sort_by_key(|(index, e)| (e.from, *index));
        let mut latest: Option<(Date, usize)> = None;
        let mut clashes = Vec::new();
        for (index, exception) in by_date {
            match latest {
                Some((until, other)) if exception.from <= until => {
                    clashes.push((other.max(*index), other.min(*index)));
                    if exception.until > until {
                        latest = Some((exception.until, *index));
                    }
                }
                _ => latest = Some((exception.until, *index)),
            }
        }
        clashes.sort_unstable();
        for (later, earlier) in clashes {
            let message = format!("its dates are already covered by exceptions[{earlier}]");
            let hint = staff_hint(|| "give each date one exception".into());
            self.fail(format!("{path}[{later}].date"), message, hint);
        }
        exceptions.into_iter().map(|(_, exception)| exception).collect()
    }

    fn exception(&mut self, value: &Json, path: &str) -> Option<Exception> {
        let Json::Object(object) = value else {
            let hint = staff_hint(|| {
                "write {\"date\": \"2026-12-25\", \"closed\": true} or {\"date\": ..., \"hours\": [...]}"
                    .into()
            });
            self.fail(path.to_string(), format!("should be an object, not {}", kind(value)), hint);
            return None;
        };
        self.unknown_keys(object, &EXCEPTION_KEYS, path);
        let from = self.date(object, "date", path);
        let until = match object.get("until") {
            None | Some(Json::Null) => from,
            Some(_) => self.date(object, "until", path),
        };
        let closed = self.flag(object, "closed", path);
        let hours = match object.get("hours") {
            None | Some(Json::Null) => Vec::new(),
            Some(value) => self.periods(value, &format!("{path}.hours")),
        };
        let has_hours = object
            .get("hours")
            .is_some_and(|h| !h.is_null() && !matches!(h, Json::Array(items) if items.is_empty()));
        let note = match object.get("note") {
            Some(Json::String(note)) if !note.trim().is_empty() => Some(note.trim().to_string()),
            None | Some(Json::Null) | Some(Json::String(_)) => None,
            Some(other) => {
                self.fail(format!("{path}.note"), format!("should be text, not {}", kind(other)), None);
                None
            }
        };
        match (closed, has_hours) {
            (true, true) => self.fail(
                format!("{path}.closed"),
                "is true, and \"hours\" are given too".into(),
                Some("remove \"hours\" for a closed day, or \"closed\" for other hours".into()),
            ),
            (false, false) => self.fail(
                path.to_string(),
                "says neither \"closed\": true nor which \"hours\"".into(),
                Some("add \"closed\": true, or \"hours\": [\"09:00-12:00\"]".into()),
            ),
            _ => {}
        }
        let (from, until) = (from?, until?);
        if until < from {
            let message = format!("\"until\" ({until}) is before \"date\" ({from})");
            self.fail(format!("{path}.until"), message, Some("swap them".into()));
            return None;
        }
        Some(Exception { from, until, hours, note })
    }

    fn date(&mut self, object: &Object, key: &str, path: &str) -> Option<Date> {
        let hint = staff_hint(|| "write the date as YYYY-MM-DD, such as \"2026-12-25\"".into());
        match object.get(key) {
            Some(Json::String(text)) => {
                let date = Date::parse(text.trim());
                if date.is_none() {
                    let message = format!("\"{text}\" is not a date written as YYYY-MM-DD");
                    self.fail(format!("{path}.{key}"), message, hint);
                }
                date
            }
            None | Some(Json::Null) => {
                self.fail(path.to_string(), format!("it has no \"{key}\""), hint);
                None
            }
            Some(other) => {
                self.fail(format!("{path}.{key}"), format!("should be a date, not {}", kind(other)), hint);
                None
            }
        }
    }
}

/// What is wrong with a period that did not read.
pub(crate) fn period_message(text: &str, error: &PeriodError) -> String {
    match error {
        PeriodError::Shape => format!("\"{text}\" is not an opening and a closing time"),
        PeriodError::Time(time) => format!("\"{time}\" is not a time of day"),
        PeriodError::Empty => format!("\"{text}\" opens and closes at the same time"),
        PeriodError::Backwards(_) => format!("\"{text}\" closes before it opens"),
    }
}

/// How to write the period right (a staff hint: see [`staff_hint`]).
fn period_hint(error: PeriodError) -> String {
    match error {
        PeriodError::Shape => "write two 24-hour times joined by a dash, such as \"09:00-17:00\"".into(),
        PeriodError::Time(_) => {
            "hours run from 00 to 23 and minutes from 00 to 59 (a day ends at 24:00)".into()
        }
        PeriodError::Empty => "write \"00:00-24:00\" for the whole day".into(),
        PeriodError::Backwards(meant) => {
            let meant =
                meant.map(|p| format!("if it closes in the afternoon, write \"{p}\"; ")).unwrap_or_default();
            format!(
                "{meant}only periods opening at 12:00 or later may run past midnight (\"22:00-02:00\"); split others at 24:00"
            )
        }
    }
}

/// "did you mean" for a day key: `thurs`, `Thursday` and `THU` all mean `thu`.
fn day_hint(key: &str) -> String {
    let lower = key.trim().to_lowercase();
    let keys = Weekday::ALL.map(Weekday::key);
    let found = lower
        .get(..3)
        .and_then(|start| keys.into_iter().find(|k| *k == start))
        .or_else(|| closest(&lower, keys));
    match found {
        Some(day) => format!("did you mean \"{day}\"?"),
        None => format!("use {}", quoted_list(&keys)),
    }
}

fn quoted_list(items: &[&str]) -> String {
    items.iter().map(|i| format!("\"{i}\"")).collect::<Vec<_>>().join(", ")
}
