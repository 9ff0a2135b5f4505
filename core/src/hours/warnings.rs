//! What the checker warns about in a schedule that loaded: periods that overlap, structured
//! hours that disagree with the free-text `hours`, and exceptions whose dates have passed.
//! Families still see the schedule; staff should look.

use super::text::{days_named, days_text, parse, write};
use super::{Date, Period, Schedule, Weekday};
use crate::catalogue::Program;
use crate::fields::Problem;

/// Every warning about `program`'s schedule. `today` is for "this exception is over".
pub(crate) fn warn(program: &Program, today: Option<Date>, problems: &mut Vec<Problem>) {
    let Some(schedule) = &program.schedule else { return };
    let path = format!("programs[{}].schedule", program.index);
    overlaps(schedule, &path, problems);
    if let Some(text) = &program.hours {
        disagreement(schedule, text, &path, problems);
    }
    if let Some(today) = today {
        for (index, exception) in schedule.exceptions.iter().enumerate() {
            if exception.until < today {
                let dates = match exception.until == exception.from {
                    true => exception.from.to_string(),
                    false => format!("{} to {}", exception.from, exception.until),
                };
                problems.push(
                    Problem::warning(
                        format!("{path}.exceptions[{index}]"),
                        format!("the exception for {dates} is over"),
                    )
                    .with_hint(Some("remove it: past dates change nothing families see".into())),
                );
            }
        }
    }
}

/// Two periods of one day that share time, or a period that starts while the day before's
/// is still open past midnight.
fn overlaps(schedule: &Schedule, path: &str, problems: &mut Vec<Problem>) {
    let mut warn = |at: String, later: Period, earlier: Period, when: &str| {
        let merged =
            Period { opens: earlier.opens.min(later.opens), closes: later.closes.max(earlier.closes) };
        let hint = if when.is_empty() && !later.ends_next_day() && !earlier.ends_next_day() {
            format!("join them into one, \"{merged}\", or correct one of them")
        } else {
            "correct one of them".to_string()
        };
        problems.push(
            Problem::warning(at, format!("\"{later}\" overlaps \"{earlier}\"{when}")).with_hint(Some(hint)),
        );
    };
    if !schedule.open_24_hours {
        for day in Weekday::ALL {
            let periods = schedule.day(day);
            for (j, &later) in periods.iter().enumerate() {
                let at = format!("{path}.weekly.{}[{j}]", day.key());
                if let Some(&earlier) = periods[..j].iter().find(|p| p.overlaps(later)) {
                    warn(at, later, earlier, "");
                    continue;
                }
                let before = schedule.day(Weekday::from_index(day.index() + 6));
                if let Some(&earlier) = before.iter().find(|p| p.ends_next_day() && later.opens < p.closes) {
                    warn(at, later, earlier, " from the day before, which runs past midnight");
                }
            }
        }
    }
    for (index, exception) in schedule.exceptions.iter().enumerate() {
        for (j, &later) in exception.hours.iter().enumerate() {
            if let Some(&earlier) = exception.hours[..j].iter().find(|p| p.overlaps(later)) {
                warn(format!("{path}.exceptions[{index}].hours[{j}]"), later, earlier, "");
            }
        }
    }
}

/// The free text names other days, or reads as other hours, than the schedule gives.
fn disagreement(schedule: &Schedule, text: &str, path: &str, problems: &mut Vec<Problem>) {
    let named = days_named(text);
    let open = Weekday::ALL
        .into_iter()
        .filter(|&day| !schedule.day(day).is_empty())
        .fold(0u8, |days, day| days | 1 << day.index());
    let says = match parse(text) {
        Ok(free) if named != 0 || free.open_24_hours => {
            if same_week(&free, schedule) {
                return;
            }
            write(&free.to_entry())
        }
        _ if named == 0 || named == open => return,
        _ => days_list(named),
    };
    let schedule_says = match write(&schedule.to_entry()) {
        written if written.is_empty() => "no weekly hours".to_string(),
        written => written,
    };
    let message =
        format!("the free-text \"hours\" (\"{text}\") say {says}, but the schedule says {schedule_says}");
    let hint = "correct whichever is wrong: families may read both".to_string();
    problems.push(Problem::warning(path, message).with_hint(Some(hint)));
}

fn same_week(a: &Schedule, b: &Schedule) -> bool {
    let sorted = |periods: &[Period]| {
        let mut periods = periods.to_vec();
        periods.sort_unstable();
        periods
    };
    a.appointment_only == b.appointment_only
        && Weekday::ALL.iter().all(|&d| sorted(a.day(d)) == sorted(b.day(d)))
}

/// Days as a bit set → "Mon-Wed, Fri".
fn days_list(days: u8) -> String {
    let indices: Vec<usize> = (0..7).filter(|d| days & (1 << d) != 0).collect();
    days_text(&indices)
}
