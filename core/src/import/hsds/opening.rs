//! HSDS schedules as a catalogue `schedule`, the hours the finder answers "open now" from.
//!
//! Read: HSDS 3 `schedules` that repeat weekly or daily on plain weekdays (`byday` `MO,TU`)
//! with opening and closing times; HSDS 1/2 `regular_schedules` (a `weekday` such as
//! `Monday`, `mon` or `1`, and times such as `9:00am`, `09:00`, `9:00`, `17:00:00`);
//! `holiday_schedules` as dated exceptions; and a row's own words (`original_text`, or a
//! `description` such as "By appointment") when it gives no days or times.
//!
//! Anything else (monthly rules, every other week, days of the month) cannot be said in the
//! catalogue's format: the service's hours are then kept as text only, with a note saying
//! why. A holiday that cannot be read is left out, with a note.

use super::model::{Holiday, Schedule};
use super::notes::Notes;
use super::schedule::{by_day, clock, weekday_of};
use super::text::date_part;
use crate::fields::us_date;
use crate::format::ScheduleEntry;
use crate::hours::{self, text, Date, Exception, Period, Weekday};

/// The schedule for these rows, or `None` (noted) when they cannot make one.
pub(super) fn schedule(
    schedules: &[Schedule],
    holidays: &[Holiday],
    notes: &mut Notes,
) -> Option<ScheduleEntry> {
    if schedules.is_empty() && holidays.is_empty() {
        return None;
    }
    let mut week = hours::Schedule::default();
    let mut numbered = false;
    let mut valid_to: Vec<&str> = Vec::new();
    for (i, row) in schedules.iter().enumerate() {
        // The same schedule can reach a service twice (through the service and its location).
        if schedules[..i].contains(row) {
            continue;
        }
        if let Err(why) = add_row(row, &mut week, &mut numbered) {
            notes.add(format!("its hours are kept as text only: {why}"));
            return None;
        }
        valid_to.extend(row.valid_to.as_deref().filter(|d| !valid_to.contains(d)));
    }
    if numbered {
        notes.add(
            "weekdays given as numbers were read as 1 for Monday to 7 (or 0) for Sunday: check the days",
        );
    }
    if !valid_to.is_empty() {
        notes.add(format!(
            "its hours hold only until {}: check they still do, and update the schedule when they change",
            valid_to.join(", ")
        ));
    }
    for (i, holiday) in holidays.iter().enumerate() {
        if holidays[..i].contains(holiday) {
            continue;
        }
        match exception(holiday) {
            Ok(exception)
                if week.exceptions.iter().any(|e| e.from <= exception.until && exception.from <= e.until) =>
            {
                notes.add(format!(
                    "a holiday schedule from {} repeats dates of another; left out",
                    exception.from
                ))
            }
            Ok(exception) => week.exceptions.push(exception),
            Err(why) => notes.add(format!("a holiday schedule was left out: {why}")),
        }
    }
    week.settle_24_hours();
    // The catalogue's own rules, so that what is imported loads.
    let entry = week.to_entry();
    let mut problems = Vec::new();
    let value = serde_json::to_value(&entry).unwrap_or_default();
    let value = serde_json::from_value(value).unwrap_or(crate::json::Json::Null);
    if hours::read::read(&value, "schedule", &mut problems).is_none() {
        let why: Vec<String> = problems.into_iter().map(|p| p.message).collect();
        notes.add(format!("its hours are kept as text only: {}", why.join("; ")));
        return None;
    }
    Some(entry)
}

/// For reasons that are HSDS rules a catalogue has no words for.
const CANNOT_SAY: &str = "which a catalogue schedule cannot say";

/// Adds one row's periods to the week, or says why it cannot be.
fn add_row(row: &Schedule, week: &mut hours::Schedule, numbered: &mut bool) -> Result<(), String> {
    if row.byday.is_none() && row.weekday.is_none() && row.opens_at.is_none() && row.closes_at.is_none() {
        // No days and no times: the row's own words may be hours ("By appointment").
        let words = [&row.original_text, &row.description];
        if let Some(read) = words.into_iter().flatten().find_map(|w| text::parse(w).ok()) {
            week.appointment_only |= read.appointment_only;
            week.open_24_hours |= read.open_24_hours;
            for (day, periods) in read.week().into_iter().filter(|_| !read.open_24_hours) {
                periods.iter().for_each(|&p| week.add(day, p));
            }
            return Ok(());
        }
        return Err(match words.into_iter().flatten().next() {
            Some(text) => format!("a schedule gives no days or times, only \"{text}\""),
            None => "a schedule gives no days or times".into(),
        });
    }
    let rule_parts = [
        ("count", &row.count),
        ("bymonthday", &row.bymonthday),
        ("byweekno", &row.byweekno),
        ("byyearday", &row.byyearday),
    ];
    if let Some((name, value)) = rule_parts.iter().find_map(|(n, v)| v.as_deref().map(|v| (n, v))) {
        return Err(format!("a schedule has {name} \"{value}\", {CANNOT_SAY}"));
    }
    let freq = row.freq.as_deref().map(|f| f.trim().to_uppercase());
    if let Some(freq) = freq.as_deref().filter(|f| !matches!(*f, "WEEKLY" | "DAILY")) {
        return Err(format!("a schedule repeats {}, {CANNOT_SAY}", freq.to_lowercase()));
    }
    if let Some(interval) = row.interval.as_deref().filter(|i| i.trim() != "1") {
        return Err(format!("a schedule repeats at an interval of {interval}, {CANNOT_SAY}"));
    }
    let days: Vec<Weekday> = match (row.byday.as_deref(), row.weekday.as_deref()) {
        (Some(byday), _) => {
            byday.split(',').map(|code| by_day(code.trim())).collect::<Option<_>>().ok_or_else(|| {
                format!("a schedule's days \"{byday}\" are not plain weekdays, {CANNOT_SAY}")
            })?
        }
        (None, Some(weekday)) => {
            *numbered |= weekday.trim().chars().all(|c| c.is_ascii_digit());
            vec![weekday_of(weekday)
                .ok_or_else(|| format!("the weekday \"{weekday}\" is not a day of the week"))?]
        }
        (None, None) if freq.as_deref() == Some("DAILY") => Weekday::ALL.to_vec(),
        (None, None) => return Err("a schedule does not say on which days".into()),
    };
    let period = period(row.opens_at.as_deref(), row.closes_at.as_deref())?;
    for day in days {
        week.add(day, period);
    }
    Ok(())
}

/// An opening and a closing time as one period. `00:00`–`23:59` is all day, as HSDS
/// advises for "24 hours", and a closing at 23:59 is the end of the day.
fn period(opens: Option<&str>, closes: Option<&str>) -> Result<Period, String> {
    let time = |text: Option<&str>| {
        text.map(|text| {
            clock(text)
                .map(|(hour, minute)| (hour * 60 + minute) as u16)
                .or_else(|| text::parse_time(text))
                .ok_or_else(|| format!("\"{text}\" is not a time of day"))
        })
        .transpose()
    };
    let (Some(from), Some(mut to), Some(opens), Some(closes)) = (time(opens)?, time(closes)?, opens, closes)
    else {
        return Err("a schedule has no opening or no closing time".into());
    };
    if to == 23 * 60 + 59 || (from == 0 && to == 0) {
        to = 1440;
    }
    if from >= 1440 {
        return Err(format!("\"{opens}\" is not an opening time"));
    }
    Period::parse(&format!("{}-{}", minutes(from), minutes(to)))
        .map_err(|_| format!("\"{opens}\" to \"{closes}\" closes before it opens"))
}

fn minutes(minute: u16) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

/// A holiday row as a dated exception.
fn exception(holiday: &Holiday) -> Result<Exception, String> {
    let start = holiday.start_date.as_deref().ok_or("it has no start_date")?;
    let from = date(start).ok_or_else(|| format!("its start_date \"{start}\" is not a date"))?;
    let until = match holiday.end_date.as_deref() {
        Some(end) => date(end).ok_or_else(|| format!("its end_date \"{end}\" is not a date"))?,
        None => from,
    };
    if until < from {
        return Err(format!("it ends ({until}) before it starts ({from})"));
    }
    let closed = holiday.closed.unwrap_or(holiday.opens_at.is_none() && holiday.closes_at.is_none());
    let hours = if closed {
        Vec::new()
    } else {
        vec![period(holiday.opens_at.as_deref(), holiday.closes_at.as_deref())?]
    };
    Ok(Exception { from, until, hours, note: None })
}

/// `2026-12-25`, `2026-12-25T00:00:00Z`, or `12/25/2026` as U.S. exports write it.
fn date(text: &str) -> Option<Date> {
    let iso = date_part(text).or_else(|| us_date(text.trim()))?;
    Date::parse(&iso)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_and_dates_as_exports_write_them() {
        let table = [
            (("9:00am", "5:00pm"), Ok("09:00-17:00")),
            (("09:00", "17:00:00"), Ok("09:00-17:00")),
            (("9:00", "12:00 PM"), Ok("09:00-12:00")),
            (("00:00", "23:59"), Ok("00:00-24:00")),
            (("22:00:00Z", "02:00:00Z"), Ok("22:00-02:00")),
            (("9:00", "5:00"), Err("\"9:00\" to \"5:00\" closes before it opens")),
            (("noonish", "5pm"), Err("\"noonish\" is not a time of day")),
        ];
        for ((opens, closes), expected) in table {
            let found = period(Some(opens), Some(closes)).map(|p| p.to_string());
            assert_eq!(found, expected.map(String::from).map_err(String::from), "{opens}-{closes}");
        }
        assert_eq!(date("2026-12-25T00:00:00Z"), Date::parse("2026-12-25"));
        assert_eq!(date("12/24/2026"), Date::parse("2026-12-24"));
        assert_eq!(date("1/2/27"), Date::parse("2027-01-02"));
        assert_eq!(date("Christmas"), None);
    }
}
