//! The questions families ask of a schedule: is it open now, until when, when does it open
//! next, what are today's hours, is it ever open in the evening or at the weekend.
//!
//! A period belongs to the day it opens on: Saturday's `22:00-02:00` is open at 01:30 on
//! Sunday, and an exception for Sunday does not change it. Periods that touch (Monday
//! `18:00-24:00`, Tuesday `00:00-02:00`) count as one when saying when the program closes.

use super::{Date, Exception, Period, Schedule, WallClock, Weekday};

/// "Evenings" means open for at least an hour after 17:00 on some day of the week.
pub const EVENING_FROM: u16 = 17 * 60;

/// How long an evening opening must last to count.
const EVENING_LENGTH: u16 = 60;

/// How far ahead to look for the next closing or opening when no exception is further away.
const DAYS_AHEAD: i32 = 8;

/// The most days ahead an exception can push the search (a yearly event).
const MAX_DAYS_AHEAD: i32 = 400;

/// A moment after now: how many days ahead (0 today, 1 tomorrow) and the minute of that day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Moment {
    pub days_ahead: u16,
    /// Minutes after midnight, 0..1440 (a closing at 24:00 is 00:00 the day after).
    pub minute: u16,
}

impl Moment {
    fn from_minutes(minutes: i64) -> Moment {
        let minutes = minutes.max(0);
        Moment {
            days_ahead: (minutes / 1440).min(i64::from(u16::MAX)) as u16,
            minute: (minutes % 1440) as u16,
        }
    }
}

/// Whether a program is open at a moment, and what changes next.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Status {
    pub open_now: bool,
    /// While open: when it closes. `None` when it stays open for the coming week (24 hours).
    pub closes_at: Option<Moment>,
    /// While closed: when it opens next. `None` when no opening is in sight (by appointment
    /// only, or closed until further notice).
    pub opens_next: Option<Moment>,
}

/// The hours of one date, exceptions applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DayHours<'a> {
    /// The periods that open on this date, as listed; none when closed.
    pub periods: &'a [Period],
    /// The exception that gives these hours instead of the week's, if one does.
    pub exception: Option<&'a Exception>,
}

impl Schedule {
    /// The hours that open on `date`: an exception's, else the week's.
    ///
    /// ```
    /// use finder_core::hours::{Date, Exception, Period, Schedule, Weekday};
    /// let mut library = Schedule::default();
    /// library.add(Weekday::Fri, Period::parse("09:00-17:00").unwrap());
    /// let christmas = Date::parse("2026-12-25").unwrap();
    /// library.exceptions.push(Exception { from: christmas, until: christmas, hours: vec![], note: None });
    /// assert!(library.hours_on(christmas).periods.is_empty());
    /// assert_eq!(library.hours_on(christmas.add_days(7)).periods.len(), 1);
    /// ```
    pub fn hours_on(&self, date: Date) -> DayHours<'_> {
        match self.exception_on(date) {
            Some(exception) => DayHours { periods: &exception.hours, exception: Some(exception) },
            None => DayHours { periods: self.day(date.weekday()), exception: None },
        }
    }

    /// Open now, and until when; or when it opens next. See [`Status`].
    ///
    /// ```
    /// use finder_core::hours::{Date, Period, Schedule, WallClock, Weekday};
    /// let mut shelter = Schedule::default();
    /// shelter.add(Weekday::Sat, Period::parse("22:00-02:00").unwrap());
    /// let saturday = Date::parse("2026-12-05").unwrap();
    /// let status = shelter.status_at(WallClock::new(saturday, 23, 30).unwrap());
    /// assert!(status.open_now);
    /// let closes = status.closes_at.unwrap(); // 02:00 tomorrow
    /// assert_eq!((closes.days_ahead, closes.minute), (1, 120));
    /// assert!(shelter.status_at(WallClock::new(saturday.add_days(1), 1, 30).unwrap()).open_now);
    /// ```
    pub fn status_at(&self, now: WallClock) -> Status {
        let t = i64::from(now.minute);
        let last_exception = self.exceptions.iter().map(|e| e.until.days() - now.date.days() + 1).max();
        let horizon = last_exception.unwrap_or(0).clamp(DAYS_AHEAD, MAX_DAYS_AHEAD);
        let mut open_until: Option<i64> = None;
        let mut day_periods: Vec<Period> = Vec::new();
        for offset in -1..=horizon {
            day_periods.clear();
            day_periods.extend_from_slice(self.hours_on(now.date.add_days(offset)).periods);
            day_periods.sort_unstable();
            let base = i64::from(offset) * 1440;
            for period in &day_periods {
                let (opens, ends) = (base + i64::from(period.opens), base + i64::from(period.end()));
                match open_until {
                    // A later period that starts by the time this one ends keeps it open.
                    Some(until) if opens > until => {
                        return Status {
                            open_now: true,
                            closes_at: Some(Moment::from_minutes(until)),
                            opens_next: None,
                        }
                    }
                    Some(until) => open_until = Some(until.max(ends)),
                    None if opens <= t && t < ends => open_until = Some(ends),
                    None if opens > t => {
                        return Status {
                            open_now: false,
                            closes_at: None,
                            opens_next: Some(Moment::from_minutes(opens)),
                        }
                    }
                    None => {}
                }
            }
        }
        // Open past the last day looked at: open for good, or for longer than a week.
        let looked_until = (i64::from(horizon) + 1) * 1440;
        let closes_at = open_until.filter(|&until| until < looked_until).map(Moment::from_minutes);
        Status { open_now: open_until.is_some(), closes_at, opens_next: None }
    }

    /// Whether the program is open at this moment.
    pub fn is_open_at(&self, now: WallClock) -> bool {
        self.status_at(now).open_now
    }

    /// Open in the evening: on some day of the regular week, for at least an hour after
    /// 17:00 ([`EVENING_FROM`]). Exceptions do not count.
    ///
    /// ```
    /// use finder_core::hours::{Period, Schedule, Weekday};
    /// let mut groups = Schedule::default();
    /// groups.add(Weekday::Thu, Period::parse("18:00-19:30").unwrap());
    /// assert!(groups.has_evening());
    /// let mut office = Schedule::default();
    /// office.add(Weekday::Mon, Period::parse("09:00-17:30").unwrap());
    /// assert!(!office.has_evening());
    /// ```
    pub fn has_evening(&self) -> bool {
        Weekday::ALL.into_iter().flat_map(|day| self.day(day)).any(|period| {
            let from = period.opens.max(EVENING_FROM);
            let to = period.end().min(1440);
            to >= from + EVENING_LENGTH
        })
    }

    /// Open on Saturday or Sunday in the regular week (a Friday night that runs past
    /// midnight does not count). Exceptions do not count.
    pub fn has_weekend(&self) -> bool {
        !self.day(Weekday::Sat).is_empty() || !self.day(Weekday::Sun).is_empty()
    }
}
