//! One opening period, "09:00-17:00", and the rule for periods that run past midnight.

use std::fmt;

/// An opening period: from `opens` to `closes`, in minutes after midnight.
///
/// `closes` may be 1440 (24:00, the end of the day). A period whose closing time is not
/// after its opening time runs past midnight and closes the next day: `22:00-02:00`.
///
/// ```
/// use finder_core::hours::Period;
/// let late = Period::parse("22:00-02:00").unwrap();
/// assert!(late.ends_next_day());
/// assert_eq!((late.opens, late.closes), (22 * 60, 2 * 60));
/// assert_eq!(late.to_string(), "22:00-02:00");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    /// Minutes after midnight, 0..1440.
    pub opens: u16,
    /// Minutes after midnight, 0..=1440; not after `opens` means the next day.
    pub closes: u16,
}

/// Why a text is not a period, for the checker's message and fix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PeriodError {
    /// Not two times joined by a dash.
    Shape,
    /// A time that is not one ("25:00", "9:75"), as written.
    Time(String),
    /// Opens in the morning and closes "earlier": almost always a slip for the afternoon.
    /// Holds the period that was probably meant, if there is one.
    Backwards(Option<Period>),
    /// Opens and closes at the same minute.
    Empty,
}

/// A period may run past midnight only when it opens at noon or later.
pub const PAST_MIDNIGHT_FROM: u16 = 12 * 60;

impl Period {
    /// Open the whole day.
    pub const ALL_DAY: Period = Period { opens: 0, closes: 1440 };

    /// A period as a catalogue writes it: two 24-hour times `H:MM` or `HH:MM` joined by
    /// `-` (or an en dash), spaces allowed: `"09:00-17:00"`, `"9:00 – 12:30"`, `"22:00-02:00"`.
    ///
    /// The rule for midnight: a period that closes at or before its opening time runs
    /// past midnight, into the next day, when it opens at 12:00 or later (`"22:00-02:00"`,
    /// `"17:00-09:00"` for an overnight shelter). One that opens before noon and closes
    /// "earlier" (`"09:00-05:00"`) is refused: it is nearly always 5 pm written as 05:00.
    /// A day that really runs from morning past midnight is written as two periods:
    /// `"mon": ["06:00-24:00"], "tue": ["00:00-02:00"]`.
    pub fn parse(text: &str) -> Result<Period, PeriodError> {
        let (opens, closes) = text.split_once(['-', '–']).ok_or(PeriodError::Shape)?;
        let time = |part: &str, end: bool| {
            let part = part.trim();
            parse_time(part, end).ok_or_else(|| {
                if part.contains(':') {
                    PeriodError::Time(part.to_string())
                } else {
                    PeriodError::Shape
                }
            })
        };
        let period = Period { opens: time(opens, false)?, closes: time(closes, true)? };
        if period.opens == period.closes || (period.opens == 0 && period.closes == 0) {
            return Err(PeriodError::Empty);
        }
        if period.closes < period.opens && period.opens < PAST_MIDNIGHT_FROM {
            let afternoon = period.closes + 720;
            let meant = (afternoon > period.opens && afternoon <= 1440)
                .then_some(Period { opens: period.opens, closes: afternoon });
            return Err(PeriodError::Backwards(meant));
        }
        Ok(period)
    }

    /// Whether the period closes on the day after it opens.
    pub fn ends_next_day(self) -> bool {
        self.closes <= self.opens
    }

    /// Where the period ends, in minutes after the midnight that starts its day (beyond
    /// 1440 when it runs past midnight).
    pub fn end(self) -> u16 {
        if self.ends_next_day() {
            self.closes + 1440
        } else {
            self.closes
        }
    }

    /// Whether the two periods of one day share a minute (touching is not overlapping).
    pub fn overlaps(self, other: Period) -> bool {
        self.opens < other.end() && other.opens < self.end()
    }
}

/// `"9:00"` → 540. `24:00` only as a closing time.
fn parse_time(text: &str, closing: bool) -> Option<u16> {
    let (hour, minute) = text.split_once(':')?;
    let digits =
        |s: &str, lengths: &[usize]| lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(hour, &[1, 2]) || !digits(minute, &[2]) {
        return None;
    }
    let (hour, minute): (u16, u16) = (hour.parse().ok()?, minute.parse().ok()?);
    match (hour, minute) {
        (24, 0) if closing => Some(1440),
        (0..=23, 0..=59) => Some(hour * 60 + minute),
        _ => None,
    }
}

/// `540` → `"09:00"`; `1440` → `"24:00"`.
pub(crate) fn time_text(minute: u16) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", time_text(self.opens), time_text(self.closes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn period(opens: u16, closes: u16) -> Period {
        Period { opens, closes }
    }

    #[test]
    fn periods_parse_by_the_midnight_rule() {
        let table: [(&str, Result<Period, PeriodError>); 16] = [
            ("09:00-17:00", Ok(period(540, 1020))),
            ("9:00-17:00", Ok(period(540, 1020))),
            (" 09:00 – 12:30 ", Ok(period(540, 750))),
            ("00:00-24:00", Ok(Period::ALL_DAY)),
            ("22:00-02:00", Ok(period(1320, 120))),
            ("17:00-09:00", Ok(period(1020, 540))),
            ("12:00-00:00", Ok(period(720, 0))),
            ("09:00-05:00", Err(PeriodError::Backwards(Some(period(540, 1020))))),
            ("11:00-10:00", Err(PeriodError::Backwards(Some(period(660, 1320))))),
            ("09:00-09:00", Err(PeriodError::Empty)),
            ("00:00-00:00", Err(PeriodError::Empty)),
            ("25:00-26:00", Err(PeriodError::Time("25:00".into()))),
            ("09:75-10:00", Err(PeriodError::Time("09:75".into()))),
            ("24:00-02:00", Err(PeriodError::Time("24:00".into()))),
            ("9am-5pm", Err(PeriodError::Shape)),
            ("09:00", Err(PeriodError::Shape)),
        ];
        for (text, expected) in table {
            assert_eq!(Period::parse(text), expected, "{text}");
        }
    }

    #[test]
    fn periods_overlap_only_when_they_share_time() {
        let p = |t: &str| Period::parse(t).unwrap();
        assert!(p("09:00-12:00").overlaps(p("11:00-13:00")));
        assert!(!p("09:00-12:00").overlaps(p("12:00-13:00")));
        assert!(p("22:00-02:00").overlaps(p("23:00-23:30")));
        assert_eq!(p("00:00-24:00").to_string(), "00:00-24:00");
    }
}
