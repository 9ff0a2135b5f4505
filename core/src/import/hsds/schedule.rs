//! HSDS schedules as opening hours families can read: "Mon–Fri 9am–5pm; Sat 10am–2pm".
//!
//! HSDS describes hours as iCalendar-style rules, often one schedule per day. Schedules with
//! the same times are merged ("Mon–Fri" rather than five lines), and times on the same days
//! are joined ("Mon 9am–12pm, 1pm–5pm"). When a schedule has no days or times, its
//! description stands in, or its frequency ("Monthly") when that is all there is.

use super::model::Schedule;
use crate::hours::Weekday;

const DAYS: [(&str, &str); 7] =
    [("MO", "Mon"), ("TU", "Tue"), ("WE", "Wed"), ("TH", "Thu"), ("FR", "Fri"), ("SA", "Sat"), ("SU", "Sun")];

/// The days part of one schedule.
#[derive(Clone, Debug, PartialEq)]
enum Days {
    /// Plain weekdays, one bit per day from Monday: these merge across schedules.
    Week(u8),
    /// Anything else, already in words: "1st Mon, last Fri", "Monthly".
    Words(String),
    /// Not given.
    Unknown,
}

/// One line of the result before joining.
#[derive(Clone, Debug, PartialEq)]
struct Part {
    /// "Every other week", or empty.
    prefix: String,
    days: Days,
    times: Option<String>,
}

/// Readable hours for a list of schedules, or `None` when they say nothing usable.
pub(super) fn hours_text(schedules: &[Schedule]) -> Option<String> {
    let mut parts: Vec<Part> = Vec::new();
    for (i, schedule) in schedules.iter().enumerate() {
        // The same schedule can reach a service twice (through the service and its location).
        if schedules[..i].contains(schedule) {
            continue;
        }
        let Some(part) = part_of(schedule) else { continue };
        // Same times on other weekdays: add the days to the earlier line.
        let same_times = parts
            .iter_mut()
            .find(|p| p.prefix == part.prefix && p.times == part.times && matches!(p.days, Days::Week(_)));
        match (same_times, &part.days) {
            (Some(earlier), Days::Week(more)) => {
                if let Days::Week(days) = &mut earlier.days {
                    *days |= more;
                }
            }
            _ => parts.push(part),
        }
    }
    // Lines on the same days with other times: join the times.
    let mut lines: Vec<(String, Vec<String>)> = Vec::new();
    for part in parts {
        let days = match (part.prefix.as_str(), days_text(&part.days)) {
            ("", days) => days,
            (prefix, days) if days.is_empty() => prefix.to_string(),
            (prefix, days) => format!("{prefix}: {days}"),
        };
        match lines.iter_mut().find(|(d, _)| *d == days) {
            Some((_, times)) => times.extend(part.times),
            None => lines.push((days, part.times.into_iter().collect())),
        }
    }
    let text = lines
        .into_iter()
        .map(|(days, times)| {
            let times = times.join(", ");
            match (days.is_empty(), times.is_empty()) {
                (true, _) => times,
                (false, true) => days,
                (false, false) => format!("{days} {times}"),
            }
        })
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    (!text.is_empty()).then_some(text)
}

fn part_of(schedule: &Schedule) -> Option<Part> {
    let freq = schedule.freq.as_deref().map(str::to_uppercase);
    let interval = schedule.interval.as_deref().and_then(|i| i.trim().parse::<u32>().ok()).unwrap_or(1);
    let prefix = match (freq.as_deref(), interval) {
        (_, 0 | 1) => String::new(),
        (Some("WEEKLY"), 2) => "Every other week".to_string(),
        (Some("WEEKLY"), n) => format!("Every {n} weeks"),
        (Some("MONTHLY"), n) => format!("Every {n} months"),
        (Some("DAILY"), n) => format!("Every {n} days"),
        _ => String::new(),
    };
    let times = times_text(schedule.opens_at.as_deref(), schedule.closes_at.as_deref());
    let described = || {
        let description = schedule.description.clone()?;
        Some(Part { prefix: String::new(), days: Days::Words(description), times: None })
    };
    // Without days or times, a description says more than a bare frequency ("Weekly").
    if schedule.byday.is_none()
        && schedule.weekday.is_none()
        && times.is_none()
        && schedule.description.is_some()
    {
        return described();
    }
    let mut prefix = prefix;
    // An HSDS 1/2 row names one weekday instead.
    let weekday = schedule.weekday.as_deref().and_then(weekday_of).map(|day| DAYS[day.index()].0);
    let days = match schedule.byday.as_deref().or(weekday) {
        Some(byday) => days_of(byday),
        None => match (freq.as_deref(), schedule.bymonthday.as_deref()) {
            (Some("DAILY"), _) => Days::Week(0x7f),
            (Some("MONTHLY"), Some(monthdays)) if !monthdays_text(monthdays).is_empty() => {
                // "Every 3 months on the 1st": the interval reads best inside the sentence.
                let every =
                    if prefix.is_empty() { "Monthly".to_string() } else { std::mem::take(&mut prefix) };
                Days::Words(format!("{every} on the {}", monthdays_text(monthdays)))
            }
            // "Every 2 months" says it already.
            (Some("MONTHLY"), _) if !prefix.is_empty() => Days::Unknown,
            (Some("MONTHLY"), _) => Days::Words("Monthly".into()),
            (Some("YEARLY"), _) => Days::Words("Yearly".into()),
            // A weekly rule with times but no days adds nothing to the times.
            (Some("WEEKLY"), _) if times.is_some() => Days::Unknown,
            (Some("WEEKLY"), _) => Days::Words("Weekly".into()),
            _ => Days::Unknown,
        },
    };
    if days == Days::Unknown && times.is_none() && prefix.is_empty() {
        return described();
    }
    Some(Part { prefix, days, times })
}

/// `MO,TU,WE` → weekdays; `1MO,-1FR` → "1st Mon, last Fri"; anything else as written.
fn days_of(byday: &str) -> Days {
    let mut week = 0u8;
    let mut words = Vec::new();
    let mut ordinals = false;
    for token in byday.split(',').map(|t| t.trim().to_uppercase()).filter(|t| !t.is_empty()) {
        let split = token.len().saturating_sub(2);
        let (number, day) = (token.get(..split).unwrap_or(""), token.get(split..).unwrap_or(""));
        let Some(index) = DAYS.iter().position(|(code, _)| *code == day) else {
            return Days::Words(byday.trim().to_string());
        };
        let name = DAYS[index].1;
        if number.is_empty() {
            week |= 1 << index;
            words.push(name.to_string());
            continue;
        }
        let Ok(n) = number.trim_start_matches('+').parse::<i32>() else {
            return Days::Words(byday.trim().to_string());
        };
        ordinals = true;
        words.push(match n {
            -1 => format!("last {name}"),
            n if n < 0 => format!("{} to last {name}", ordinal(n.unsigned_abs())),
            n => format!("{} {name}", ordinal(n.unsigned_abs())),
        });
    }
    match (ordinals, week) {
        (false, 0) => Days::Unknown,
        (false, week) => Days::Week(week),
        (true, _) => Days::Words(words.join(", ")),
    }
}

fn days_text(days: &Days) -> String {
    let week = match days {
        Days::Week(week) => *week,
        Days::Words(words) => return words.clone(),
        Days::Unknown => return String::new(),
    };
    if week & 0x7f == 0x7f {
        return "Every day".into();
    }
    // Runs of three or more days read best as a range: "Mon–Wed, Fri".
    let mut runs = Vec::new();
    let mut day = 0;
    while day < 7 {
        if week & (1 << day) == 0 {
            day += 1;
            continue;
        }
        let start = day;
        while day < 7 && week & (1 << day) != 0 {
            day += 1;
        }
        let end = day - 1;
        match end - start {
            0 => runs.push(DAYS[start].1.to_string()),
            1 => runs.push(format!("{}, {}", DAYS[start].1, DAYS[end].1)),
            _ => runs.push(format!("{}–{}", DAYS[start].1, DAYS[end].1)),
        }
    }
    runs.join(", ")
}

/// `2,15` → "2nd, 15th".
fn monthdays_text(monthdays: &str) -> String {
    let days: Vec<String> = monthdays
        .split(',')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| match d.parse::<i32>() {
            Ok(-1) => "last day".to_string(),
            Ok(n) if n > 0 => ordinal(n.unsigned_abs()),
            _ => d.to_string(),
        })
        .collect();
    days.join(", ")
}

fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn times_text(opens: Option<&str>, closes: Option<&str>) -> Option<String> {
    // `9:00am`, `9:00 AM` and `noon` as well as `09:00:00Z`.
    let read = |text: &str| {
        clock(text)
            .or_else(|| crate::hours::text::parse_time(text).map(|m| (u32::from(m / 60), u32::from(m % 60))))
    };
    let (opens_at, closes_at) = (opens.and_then(read), closes.and_then(read));
    if opens_at == Some((0, 0)) && matches!(closes_at, Some((23, 59) | (24, 0) | (0, 0))) {
        return Some("24 hours".into());
    }
    let show = |raw: Option<&str>, parsed: Option<(u32, u32)>| match parsed {
        Some((hour, minute)) => Some(time_text(hour, minute)),
        None => raw.map(|r| r.trim().to_string()).filter(|r| !r.is_empty()),
    };
    match (show(opens, opens_at), show(closes, closes_at)) {
        (Some(opens), Some(closes)) => Some(format!("{opens}–{closes}")),
        (Some(opens), None) => Some(format!("from {opens}")),
        (None, Some(closes)) => Some(format!("until {closes}")),
        (None, None) => None,
    }
}

/// `09:30`, `09:30:00`, `17:00:00Z`, `17:00+05:00` → (hour, minute). The zone is dropped:
/// families read hours in local time.
pub(super) fn clock(text: &str) -> Option<(u32, u32)> {
    let text = text.trim().trim_end_matches(['Z', 'z']);
    // An offset follows the time: "17:00:00-05:00".
    let text = match text.get(5..).and_then(|rest| rest.find(['+', '-'])) {
        Some(at) => text.get(..5 + at)?,
        None => text,
    };
    let mut pieces = text.split(':');
    let hour: u32 = pieces.next()?.trim().parse().ok()?;
    let minute: u32 = pieces.next()?.trim().parse().ok()?;
    let seconds_ok =
        pieces.next().is_none_or(|s| s.split('.').next().is_some_and(|s| s.parse::<u32>().is_ok()));
    (hour <= 24 && minute < 60 && seconds_ok && pieces.next().is_none()).then_some((hour, minute))
}

/// 9:00 → "9am", 12:30 → "12:30pm", 0:00 → "12am".
fn time_text(hour: u32, minute: u32) -> String {
    let suffix = if (12..24).contains(&hour) { "pm" } else { "am" };
    let hour = match hour % 12 {
        0 => 12,
        h => h,
    };
    if minute == 0 {
        format!("{hour}{suffix}")
    } else {
        format!("{hour}:{minute:02}{suffix}")
    }
}

/// An iCalendar day code: `MO` … `SU`.
pub(super) fn by_day(code: &str) -> Option<Weekday> {
    const CODES: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
    CODES.iter().position(|c| c.eq_ignore_ascii_case(code)).map(Weekday::from_index)
}

/// An HSDS 1/2 weekday: `Monday`, `mon`, `Mon.`, `MO`, or a number, 1 for Monday to 7 for
/// Sunday (0 is Sunday too).
pub(super) fn weekday_of(text: &str) -> Option<Weekday> {
    let text = text.trim().trim_end_matches('.').to_lowercase();
    if let Ok(number) = text.parse::<usize>() {
        return match number {
            0 => Some(Weekday::Sun),
            1..=7 => Some(Weekday::from_index(number - 1)),
            _ => None,
        };
    }
    if text.len() == 2 {
        return by_day(&text);
    }
    let start = text.get(..3)?;
    let day = Weekday::ALL.into_iter().find(|d| d.key() == start)?;
    let full = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][day.index()];
    // `mon`, `tues`, `thurs`, `monday`, `mondays`: the start of the name.
    (full.starts_with(&text) || text.strip_suffix('s') == Some(full)).then_some(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schedule(byday: &str, opens: &str, closes: &str) -> Schedule {
        let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
        Schedule { byday: some(byday), opens_at: some(opens), closes_at: some(closes), ..Schedule::default() }
    }

    #[test]
    fn weekdays_as_exports_write_them() {
        let table = [
            ("Monday", Some(Weekday::Mon)),
            ("tuesday", Some(Weekday::Tue)),
            ("Wed", Some(Weekday::Wed)),
            ("THURS", Some(Weekday::Thu)),
            ("Fri.", Some(Weekday::Fri)),
            ("SA", Some(Weekday::Sat)),
            ("Sundays", Some(Weekday::Sun)),
            ("1", Some(Weekday::Mon)),
            ("7", Some(Weekday::Sun)),
            ("0", Some(Weekday::Sun)),
            ("8", None),
            ("Mondya", None),
            ("holiday", None),
            ("", None),
        ];
        for (text, day) in table {
            assert_eq!(weekday_of(text), day, "{text}");
        }
    }

    #[test]
    fn one_schedule_reads_as_days_and_times() {
        let table = [
            ("MO,TU,WE,TH,FR", "09:00", "17:00", "Mon–Fri 9am–5pm"),
            ("TH,FR", "10:00:00", "18:00:00", "Thu, Fri 10am–6pm"),
            ("MO,WE,FR", "08:30", "12:00", "Mon, Wed, Fri 8:30am–12pm"),
            ("MO,TU,WE,FR", "9:00", "17:00", "Mon–Wed, Fri 9am–5pm"),
            ("SA,SU,MO,TU,WE,TH,FR", "00:00", "23:59", "Every day 24 hours"),
            ("SU", "13:00:00Z", "16:45:00-05:00", "Sun 1pm–4:45pm"),
            ("1MO,-1FR", "18:00", "19:30", "1st Mon, last Fri 6pm–7:30pm"),
            ("", "10:00", "14:00", "10am–2pm"),
            ("TU", "10:00", "", "Tue from 10am"),
            ("TU", "", "", "Tue"),
            ("TU", "10 am", "noon", "Tue 10am–12pm"),
            ("TU", "9:00 AM", "5:30 p.m.", "Tue 9am–5:30pm"),
            ("TU", "call for times", "", "Tue from call for times"),
            ("XX", "10:00", "11:00", "XX 10am–11am"),
        ];
        for (byday, opens, closes, expected) in table {
            assert_eq!(
                hours_text(&[schedule(byday, opens, closes)]).as_deref(),
                Some(expected),
                "{byday} {opens}-{closes}"
            );
        }
    }

    #[test]
    fn schedules_merge_by_times_and_by_days() {
        let week: Vec<Schedule> =
            ["MO", "TU", "WE", "TH", "FR"].iter().map(|d| schedule(d, "09:00", "17:00")).collect();
        let mut with_saturday = week.clone();
        with_saturday.push(schedule("SA", "10:00", "14:00"));
        let split = [schedule("MO", "09:00", "12:00"), schedule("MO", "13:00", "17:00")];
        let twice = [schedule("TH,FR", "10:00", "18:00"), schedule("TH,FR", "10:00", "18:00")];
        let table: [(&[Schedule], Option<&str>); 5] = [
            (&week, Some("Mon–Fri 9am–5pm")),
            (&with_saturday, Some("Mon–Fri 9am–5pm; Sat 10am–2pm")),
            (&split, Some("Mon 9am–12pm, 1pm–5pm")),
            (&twice, Some("Thu, Fri 10am–6pm")),
            (&[], None),
        ];
        for (schedules, expected) in table {
            assert_eq!(hours_text(schedules).as_deref(), expected, "{schedules:?}");
        }
    }

    #[test]
    fn rules_without_days_or_times_use_the_frequency_or_description() {
        let rule = |freq: &str, interval: &str, monthdays: &str, description: &str| Schedule {
            freq: Some(freq.to_string()).filter(|s| !s.is_empty()),
            interval: Some(interval.to_string()).filter(|s| !s.is_empty()),
            bymonthday: Some(monthdays.to_string()).filter(|s| !s.is_empty()),
            description: Some(description.to_string()).filter(|s| !s.is_empty()),
            ..Schedule::default()
        };
        let table = [
            (rule("MONTHLY", "", "", ""), Some("Monthly")),
            (rule("MONTHLY", "", "1,15", ""), Some("Monthly on the 1st, 15th")),
            (rule("WEEKLY", "", "", ""), Some("Weekly")),
            (rule("DAILY", "", "", ""), Some("Every day")),
            (rule("MONTHLY", "2", "", ""), Some("Every 2 months")),
            (rule("MONTHLY", "3", "1", ""), Some("Every 3 months on the 1st")),
            (rule("", "", "", "By appointment"), Some("By appointment")),
            (rule("WEEKLY", "", "", "Tuesdays, call first"), Some("Tuesdays, call first")),
            (rule("", "", "", ""), None),
        ];
        for (schedule, expected) in table {
            assert_eq!(hours_text(std::slice::from_ref(&schedule)).as_deref(), expected, "{schedule:?}");
        }
        let every_other_week = Schedule {
            freq: Some("WEEKLY".into()),
            interval: Some("2".into()),
            ..schedule("WE", "16:00", "18:00")
        };
        assert_eq!(hours_text(&[every_other_week]).as_deref(), Some("Every other week: Wed 4pm–6pm"));
    }

    #[test]
    fn clock_times_parse_or_are_kept_as_written() {
        let table = [
            ("09:00", Some((9, 0))),
            ("9:05:30", Some((9, 5))),
            ("17:00:00.000Z", Some((17, 0))),
            ("24:00", Some((24, 0))),
            ("25:00", None),
            ("9", None),
            ("nine", None),
            ("", None),
        ];
        for (text, expected) in table {
            assert_eq!(clock(text), expected, "{text:?}");
        }
        assert_eq!(time_text(0, 0), "12am");
        assert_eq!(time_text(12, 0), "12pm");
        assert_eq!(time_text(24, 0), "12am");
    }
}
