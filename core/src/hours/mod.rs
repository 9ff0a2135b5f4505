//! Opening hours families can act on: "open now", "opens tomorrow at 9", evenings, weekends.
//!
//! A program's `schedule` in the catalogue becomes a [`Schedule`]: weekly [`Period`]s (several
//! a day, past midnight allowed), "open 24 hours", "by appointment", and dated
//! [`Exception`]s (a holiday closure, a one-off opening). It answers questions about a
//! [`WallClock`] time in the catalogue's [`TimeZone`]:
//!
//! ```
//! use finder_core::hours::{Date, Schedule, WallClock, Weekday, Period};
//! let mut pantry = Schedule::default();
//! for day in [Weekday::Mon, Weekday::Fri] {
//!     pantry.add(day, Period::parse("09:00-17:00").unwrap());
//! }
//! let friday = Date::parse("2026-12-04").unwrap();
//! let status = pantry.status_at(WallClock::new(friday, 17, 40).unwrap());
//! assert!(!status.open_now);
//! let next = status.opens_next.unwrap(); // Monday at 9
//! assert_eq!((next.days_ahead, next.minute), (3, 9 * 60));
//! ```
//!
//! # Why the catalogue writes hours this way
//!
//! - Days, each with a list of `"HH:MM-HH:MM"` periods: the way staff say hours, one line a
//!   day in a diff, and every period has its own JSON path, so the checker can point at its
//!   line and column. 24-hour times leave no am/pm to misread.
//! - Not OpenStreetMap's `opening_hours` string nor HSDS's iCalendar rules: both are small
//!   languages, a mistake would point into the middle of a string, and they say things
//!   ("every other week", "the first Monday") that "open now" could not be answered for
//!   without a calendar engine in the widget.
//! - Past midnight is written as said, `"22:00-02:00"`, and allowed only for periods that
//!   open at noon or later, which catches the commonest slip (`"09:00-05:00"` for 5 pm).
//! - Exceptions by date (and `until`), not by holiday name: no holiday calendar to ship,
//!   and staff know their own closing dates.
//!
//! - `clock.rs`: [`Date`], [`Weekday`], [`WallClock`], [`TimeZone`] (U.S. zones and their
//!   daylight saving time, without a time zone database).
//! - `period.rs`: [`Period`] and the rule for periods past midnight.
//! - `status.rs`: open now, the next opening or closing, a day's hours, evenings, weekends.
//! - `read.rs`: a catalogue's `schedule` value, with a problem for everything wrong in it.
//! - `text.rs`: hours as people write them ("Mon-Fri 9am-5pm; Sat 10-14"), for spreadsheets,
//!   imports and the checker; and schedules written back as such text.
//! - `warnings.rs`: what the checker warns about (overlaps, disagreement with the free text,
//!   past exceptions).

mod clock;
mod period;
pub(crate) mod read;
mod status;
pub mod text;
pub(crate) mod warnings;

pub use clock::{Date, TimeZone, WallClock, Weekday};
pub use period::{Period, PeriodError, PAST_MIDNIGHT_FROM};
pub use status::{DayHours, Moment, Status, EVENING_FROM};

/// When a program is open: its regular week and the dated exceptions to it.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Schedule {
    /// The week's periods, Monday's first, each day's in the order the catalogue lists them.
    periods: Vec<Period>,
    /// Day `d`'s periods are `periods[starts[d]..starts[d + 1]]`.
    starts: [u32; 8],
    /// Open every hour of every day (a crisis line); the week lists no periods.
    pub open_24_hours: bool,
    /// Families need an appointment; the periods, if any, are when they can get one.
    pub appointment_only: bool,
    /// Days with other hours than the week's, in the order written. None overlap.
    pub exceptions: Vec<Exception>,
}

/// Days with other hours than usual: a holiday closure, a one-off opening.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exception {
    pub from: Date,
    /// The last day, inclusive (`from` for a single day).
    pub until: Date,
    /// The hours on each of these days; none means closed.
    pub hours: Vec<Period>,
    /// What staff wrote about it ("Thanksgiving"), in English.
    pub note: Option<String>,
}

impl Exception {
    pub fn covers(&self, date: Date) -> bool {
        (self.from..=self.until).contains(&date)
    }

    pub fn closed(&self) -> bool {
        self.hours.is_empty()
    }
}

impl Schedule {
    /// Adds a period after the others of `day`.
    pub fn add(&mut self, day: Weekday, period: Period) {
        let at = self.starts[day.index() + 1] as usize;
        self.periods.insert(at, period);
        for start in &mut self.starts[day.index() + 1..] {
            *start += 1;
        }
    }

    /// The regular hours of a day of the week, as listed; `[Period::ALL_DAY]` when the
    /// program is open 24 hours.
    pub fn day(&self, day: Weekday) -> &[Period] {
        if self.open_24_hours {
            return std::slice::from_ref(&Period::ALL_DAY);
        }
        let (from, to) = (self.starts[day.index()], self.starts[day.index() + 1]);
        &self.periods[from as usize..to as usize]
    }

    /// The regular week, Monday first, for listing: [`Schedule::day`] of each day.
    pub fn week(&self) -> [(Weekday, &[Period]); 7] {
        Weekday::ALL.map(|day| (day, self.day(day)))
    }

    /// Whether the schedule lists no weekly hours (it may still have dated openings).
    pub fn has_no_weekly_hours(&self) -> bool {
        !self.open_24_hours && self.periods.is_empty()
    }

    /// Every day open all day is "open 24 hours".
    pub(crate) fn settle_24_hours(&mut self) {
        if !self.open_24_hours && Weekday::ALL.iter().all(|&d| self.day(d) == [Period::ALL_DAY]) {
            self.periods.clear();
            self.starts = [0; 8];
            self.open_24_hours = true;
        }
    }

    /// The exception that covers `date`, if any.
    pub fn exception_on(&self, date: Date) -> Option<&Exception> {
        self.exceptions.iter().find(|exception| exception.covers(date))
    }
}
