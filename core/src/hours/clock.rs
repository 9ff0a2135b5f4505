//! Calendar days, weekdays, wall-clock time and the U.S. time zones, without a time zone
//! database (which would cost the widget more than all of this).
//!
//! Every U.S. zone that observes daylight saving time follows one rule (since 2007): clocks
//! go forward from 02:00 to 03:00 on the second Sunday of March, and back from 02:00 to 01:00
//! on the first Sunday of November. That rule is applied to every year.

use std::fmt;

/// A calendar day. Compact (days since 1970-01-01), ordered, easy to step through.
///
/// ```
/// use finder_core::hours::{Date, Weekday};
/// let christmas = Date::parse("2026-12-25").unwrap();
/// assert_eq!(christmas.weekday(), Weekday::Fri);
/// assert_eq!(christmas.add_days(7).to_string(), "2027-01-01");
/// assert_eq!(christmas.ymd(), (2026, 12, 25));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Date(i32);

impl Date {
    /// The day, if it is a real one (`2027-02-29` is not).
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        (1..=crate::fields::days_in_month(year, month)?)
            .contains(&day)
            .then(|| Date(days_from_civil(year, month, day)))
    }

    /// A date written `YYYY-MM-DD`, as everywhere in a catalogue.
    pub fn parse(text: &str) -> Option<Date> {
        let (year, month, day) = crate::fields::parse_date(text)?;
        Date::from_ymd(year as i32, month, day)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn from_days(days: i32) -> Date {
        Date(days)
    }

    pub fn days(self) -> i32 {
        self.0
    }

    /// (year, month, day).
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        Weekday::from_index((i64::from(self.0) + 3).rem_euclid(7) as usize)
    }

    pub fn add_days(self, days: i32) -> Date {
        Date(self.0.saturating_add(days))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = self.ymd();
        write!(f, "{year:04}-{month:02}-{day:02}")
    }
}

/// Howard Hinnant's `days_from_civil`: days since 1970-01-01.
fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    (era * 146_097 + day_of_era - 719_468).clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32
}

/// Howard Hinnant's `civil_from_days`.
fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let days = i64::from(days) + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_index + 2) / 5 + 1) as u32;
    let month = if month_index < 10 { month_index + 3 } else { month_index - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year as i32, month, day)
}

/// A day of the week, Monday first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    pub const ALL: [Weekday; 7] =
        [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri, Weekday::Sat, Weekday::Sun];

    /// 0 for Monday … 6 for Sunday.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Monday for 0, wrapping past Sunday.
    pub fn from_index(index: usize) -> Weekday {
        Weekday::ALL[index % 7]
    }

    /// The catalogue's name for the day: `"mon"` … `"sun"`.
    pub fn key(self) -> &'static str {
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][self.index()]
    }

    /// The day named by its catalogue key (`"thu"`).
    pub fn from_key(key: &str) -> Option<Weekday> {
        Weekday::ALL.into_iter().find(|day| day.key() == key)
    }

    /// English abbreviation for staff-facing text: `"Mon"`.
    pub fn short_name(self) -> &'static str {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][self.index()]
    }

    pub fn is_weekend(self) -> bool {
        matches!(self, Weekday::Sat | Weekday::Sun)
    }

    /// The next day.
    pub fn succ(self) -> Weekday {
        Weekday::from_index(self.index() + 1)
    }
}

/// A time as a clock on the wall shows it in the catalogue's time zone: a day and the
/// minute of that day (0 = 00:00, 1439 = 23:59).
///
/// The widget builds it from the browser's `Intl` clock in the catalogue's zone
/// ([`WallClock::new`]); tests and the command-line tool from an instant
/// ([`WallClock::from_unix_ms`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct WallClock {
    pub date: Date,
    /// Minutes since midnight, 0..1440.
    pub minute: u16,
}

impl WallClock {
    /// `None` for an hour past 23 or a minute past 59.
    ///
    /// ```
    /// use finder_core::hours::{Date, WallClock};
    /// let friday_evening = WallClock::new(Date::parse("2026-12-04").unwrap(), 17, 40).unwrap();
    /// assert_eq!(friday_evening.minute, 17 * 60 + 40);
    /// ```
    pub fn new(date: Date, hour: u32, minute: u32) -> Option<WallClock> {
        (hour < 24 && minute < 60).then(|| WallClock { date, minute: (hour * 60 + minute) as u16 })
    }

    /// The wall-clock time in `zone` at an instant (milliseconds since 1970-01-01 UTC, as
    /// JavaScript's `Date.now()`), whatever zone this computer is in.
    ///
    /// ```
    /// use finder_core::hours::{TimeZone, WallClock};
    /// // 2026-11-01 05:30 UTC is 01:30 daylight time in New York; an hour later the
    /// // clocks have gone back, and it is 01:30 again.
    /// let first = WallClock::from_unix_ms(1_793_511_000_000, TimeZone::NewYork);
    /// let again = WallClock::from_unix_ms(1_793_514_600_000, TimeZone::NewYork);
    /// assert_eq!((first.date.to_string(), first.minute), ("2026-11-01".to_string(), 90));
    /// assert_eq!(again, first);
    /// ```
    pub fn from_unix_ms(ms: i64, zone: TimeZone) -> WallClock {
        let local = ms.saturating_add(i64::from(zone.offset_minutes_at(ms)) * MS_PER_MINUTE);
        let days = local.div_euclid(MS_PER_DAY).clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32;
        let minute = (local.rem_euclid(MS_PER_DAY) / MS_PER_MINUTE) as u16;
        WallClock { date: Date(days), minute }
    }

    pub fn weekday(&self) -> Weekday {
        self.date.weekday()
    }
}

const MS_PER_MINUTE: i64 = 60_000;
const MS_PER_DAY: i64 = 86_400_000;

/// The time zones a catalogue may name: the U.S. zones that Program Finder's families live
/// in, with their standard offsets and whether they keep daylight saving time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum TimeZone {
    /// Eastern: Connecticut, and the default.
    #[default]
    NewYork,
    Chicago,
    Denver,
    /// Arizona: Mountain time without daylight saving time.
    Phoenix,
    LosAngeles,
    Anchorage,
    /// Hawaii: no daylight saving time.
    Honolulu,
    /// Atlantic time, no daylight saving time.
    PuertoRico,
}

impl TimeZone {
    pub const ALL: [TimeZone; 8] = [
        TimeZone::NewYork,
        TimeZone::Chicago,
        TimeZone::Denver,
        TimeZone::Phoenix,
        TimeZone::LosAngeles,
        TimeZone::Anchorage,
        TimeZone::Honolulu,
        TimeZone::PuertoRico,
    ];

    /// The IANA name, as a catalogue writes it: `"America/New_York"`.
    pub fn name(self) -> &'static str {
        match self {
            TimeZone::NewYork => "America/New_York",
            TimeZone::Chicago => "America/Chicago",
            TimeZone::Denver => "America/Denver",
            TimeZone::Phoenix => "America/Phoenix",
            TimeZone::LosAngeles => "America/Los_Angeles",
            TimeZone::Anchorage => "America/Anchorage",
            TimeZone::Honolulu => "Pacific/Honolulu",
            TimeZone::PuertoRico => "America/Puerto_Rico",
        }
    }

    /// The zone with this IANA name (exactly as written).
    pub fn from_name(name: &str) -> Option<TimeZone> {
        TimeZone::ALL.into_iter().find(|zone| zone.name() == name)
    }

    /// Minutes from UTC outside daylight saving time (New York: −300).
    fn standard_offset(self) -> i32 {
        match self {
            TimeZone::NewYork => -300,
            TimeZone::Chicago => -360,
            TimeZone::Denver | TimeZone::Phoenix => -420,
            TimeZone::LosAngeles => -480,
            TimeZone::Anchorage => -540,
            TimeZone::Honolulu => -600,
            TimeZone::PuertoRico => -240,
        }
    }

    fn keeps_daylight_time(self) -> bool {
        !matches!(self, TimeZone::Phoenix | TimeZone::Honolulu | TimeZone::PuertoRico)
    }

    /// Minutes from UTC at an instant: the standard offset, plus 60 in daylight saving time.
    pub fn offset_minutes_at(self, ms: i64) -> i32 {
        let standard = self.standard_offset();
        if !self.keeps_daylight_time() {
            return standard;
        }
        let local = ms.saturating_add(i64::from(standard) * MS_PER_MINUTE);
        let year =
            Date(local.div_euclid(MS_PER_DAY).clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32).ymd().0;
        // 02:00 standard time on the second Sunday of March; 02:00 daylight time (01:00
        // standard) on the first Sunday of November.
        let (Some(march), Some(november)) = (Date::from_ymd(year, 3, 8), Date::from_ymd(year, 11, 1)) else {
            return standard;
        };
        let starts = local_ms(first_sunday_from(march), 120);
        let ends = local_ms(first_sunday_from(november), 60);
        if (starts..ends).contains(&local) {
            standard + 60
        } else {
            standard
        }
    }
}

/// The first Sunday on or after `date`.
fn first_sunday_from(date: Date) -> Date {
    date.add_days((6 - date.weekday().index()) as i32)
}

/// Milliseconds of a local day and minute.
fn local_ms(date: Date, minute: i64) -> i64 {
    i64::from(date.0) * MS_PER_DAY + minute * MS_PER_MINUTE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_and_know_their_weekday() {
        for (text, weekday) in [
            ("1970-01-01", Weekday::Thu),
            ("2000-02-29", Weekday::Tue),
            ("2026-03-08", Weekday::Sun),
            ("2026-12-25", Weekday::Fri),
            ("1969-12-31", Weekday::Wed),
            ("2400-12-31", Weekday::Sun),
        ] {
            let date = Date::parse(text).unwrap();
            assert_eq!(date.to_string(), text);
            assert_eq!(date.weekday(), weekday, "{text}");
        }
        assert_eq!(Date::parse("2027-02-29"), None);
        assert_eq!(Date::parse("2026-13-01"), None);
    }

    #[test]
    fn extreme_instants_do_not_overflow() {
        for ms in [i64::MIN, i64::MAX, 0, -1] {
            for zone in TimeZone::ALL {
                let wall = WallClock::from_unix_ms(ms, zone);
                assert!(wall.minute < 1440);
                let _ = wall.date.to_string();
            }
        }
    }
}
