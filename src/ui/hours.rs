//! Opening hours as families act on them: the "open now", "evenings" and "weekends"
//! choices, whether each program is open now or when it opens next (on its card), and its
//! week (in its details). Only shown when the catalogue has structured hours.
//!
//! "Now" is the catalogue's time zone, whatever the device's: a family in another zone
//! reads the pantry's own hours. The clock ticks once a minute ([`start_clock`]).

use finder_core::catalogue::Program;
use finder_core::hours::{Moment, Period, Schedule, Status, TimeZone, WallClock, Weekday};
use finder_search::SearchResults;
use leptos::prelude::*;

use super::pack::NOT_COUNTED_YET;
use super::{use_lang, words, ChoiceSignals};
use crate::i18n::Lang;

/// The catalogue's wall clock, for "open now"; `None` before the first tick.
#[derive(Clone, Copy)]
pub struct Clock(pub RwSignal<Option<WallClock>>);

/// Reads the time now, and again at the start of every minute, in `zone`.
pub fn start_clock(zone: TimeZone) -> Clock {
    let now = move || Some(WallClock::from_unix_ms(js_sys::Date::now() as i64, zone));
    let clock = RwSignal::new(now());
    // Each tick sets the same value for most of a minute's keys; the signal only changes
    // (and the list is only searched again) when the minute does.
    if let Ok(handle) = set_interval_with_handle(
        move || {
            let next = now();
            if clock.get_untracked() != next {
                clock.set(next);
            }
        },
        std::time::Duration::from_secs(15),
    ) {
        on_cleanup(move || handle.clear());
    }
    Clock(clock)
}

/// The three hours choices, with how many programs each would give.
#[component]
pub fn HoursChoices(results: Memo<SearchResults>) -> impl IntoView {
    let choices = expect_context::<ChoiceSignals>();
    let count = move |pick: fn(&finder_search::Counts) -> usize| {
        // A pack's first screen cannot count "open now" (the facts say, when they come).
        move || {
            results.with(|r| {
                r.counts.as_ref().map(pick).filter(|&n| n != NOT_COUNTED_YET).map(|n| format!("({n})"))
            })
        }
    };
    let check = move |key: &'static str,
                      chosen: RwSignal<bool>,
                      count: Box<dyn Fn() -> Option<String> + Send + Sync>| {
        view! {
            <label class="check">
                <input type="checkbox" prop:checked=move || chosen.get()
                    on:change:target=move |ev| chosen.set(ev.target().checked()) />
                <span>{words(key)}</span>
                <span class="chip-count">{count}</span>
            </label>
        }
    };
    view! {
        <fieldset class="row hours-choices">
            <legend class="label">{words("hours_label")}</legend>
            {check("open_now", choices.open_now, Box::new(count(|c| c.open_now)))}
            {check("evenings", choices.evenings, Box::new(count(|c| c.evenings)))}
            {check("weekends", choices.weekends, Box::new(count(|c| c.weekends)))}
        </fieldset>
    }
}

/// Under the count while "open now" leaves out programs that list no hours: how many,
/// and a button to show them too (a family may call them anyway).
#[component]
pub fn UnknownHoursNote(results: Memo<SearchResults>) -> impl IntoView {
    let choices = expect_context::<ChoiceSignals>();
    let lang = use_lang();
    let hidden = move || results.with(|r| r.counts.as_ref().map_or(0, |c| c.hours_unknown));
    view! {
        <Show when=move || { choices.open_now.get() && hidden() > 0 }>
            <p class="hours-note">
                {move || lang.get().count("hours_unknown_hidden", hidden(), &[("count", &hidden().to_string())])}" "
                <button type="button" class="tool" on:click=move |_| choices.unknown_hours_too.set(true)>
                    {words("show_unknown_hours")}
                </button>
            </p>
        </Show>
    }
}

/// The card's line: "Open now · until 5 pm", "Opens tomorrow 9 am", "By appointment".
pub fn on_card(program: &Program, lang: Lang) -> Option<impl IntoView> {
    let schedule = program.schedule.clone()?;
    let clock = use_context::<Clock>()?;
    let line = move || clock.0.get().map(|now| status_line(&schedule, now, lang)).unwrap_or_default();
    Some(view! { <div><dt>{lang.t("hours")}</dt><dd class="hours-now">{line}</dd></div> })
}

/// What a family reads about a program at `now`.
pub fn status_line(schedule: &Schedule, now: WallClock, lang: Lang) -> String {
    if schedule.open_24_hours {
        return lang.t("open_24_hours").to_string();
    }
    match schedule.status_at(now) {
        Status { open_now: true, closes_at: Some(closes), .. } => {
            lang.format("open_until", &[("time", &when(closes, now, lang))])
        }
        Status { open_now: true, .. } => lang.t("open_now_plain").to_string(),
        Status { open_now: false, opens_next: Some(opens), .. } => {
            let key = match opens.days_ahead {
                0 => "opens_today",
                1 => "opens_tomorrow",
                _ => "opens_on",
            };
            let day = day_name(now.date.add_days(i32::from(opens.days_ahead)).weekday(), lang);
            lang.format(key, &[("time", &time(opens.minute, lang)), ("day", day)])
        }
        Status { .. } if schedule.appointment_only => lang.t("by_appointment").to_string(),
        Status { .. } => lang.t("closed_now").to_string(),
    }
}

/// A closing time, with its day when it is not today ("2 am tomorrow").
fn when(moment: Moment, now: WallClock, lang: Lang) -> String {
    match moment.days_ahead {
        0 => time(moment.minute, lang),
        1 => lang.format("time_tomorrow", &[("time", &time(moment.minute, lang))]),
        days => {
            let day = day_name(now.date.add_days(i32::from(days)).weekday(), lang);
            format!("{} {}", day, time(moment.minute, lang))
        }
    }
}

/// The week, as the details list it: "Monday 9 am – 5 pm", "Saturday Closed".
pub fn week(program: &Program, lang: Lang) -> Option<impl IntoView> {
    let schedule = program.schedule.as_ref()?;
    let rows = if schedule.open_24_hours {
        vec![(String::new(), lang.t("open_24_hours").to_string())]
    } else {
        schedule
            .week()
            .into_iter()
            .map(|(day, periods)| (day_name(day, lang).to_string(), periods_text(periods, lang)))
            .collect()
    };
    let appointment = schedule.appointment_only.then(|| view! { <li>{lang.t("by_appointment")}</li> });
    let rows = rows
        .into_iter()
        .map(|(day, hours)| view! { <li><span class="day">{day}</span>" "{hours}</li> })
        .collect_view();
    Some(view! {
        <div><dt>{lang.t("week_hours")}</dt><dd><ul class="week">{rows}{appointment}</ul></dd></div>
    })
}

fn periods_text(periods: &[Period], lang: Lang) -> String {
    if periods.is_empty() {
        return lang.t("closed").to_string();
    }
    let each: Vec<String> =
        periods.iter().map(|p| format!("{} – {}", time(p.opens, lang), time(p.end() % 1440, lang))).collect();
    each.join(", ")
}

/// A time of day in the family's language: "9 am", "5:30 pm" in English; "9:00", "17:30"
/// in Spanish (as Spanish speakers in Connecticut read clocks and schedules alike).
pub fn time(minute: u16, lang: Lang) -> String {
    let (hour, minutes) = (minute / 60 % 24, minute % 60);
    if lang.code() == "en" {
        let suffix = if hour < 12 { "am" } else { "pm" };
        let hour = if hour % 12 == 0 { 12 } else { hour % 12 };
        return if minutes == 0 {
            format!("{hour} {suffix}")
        } else {
            format!("{hour}:{minutes:02} {suffix}")
        };
    }
    format!("{hour}:{minutes:02}")
}

fn day_name(day: Weekday, lang: Lang) -> &'static str {
    lang.t(match day {
        Weekday::Mon => "day_mon",
        Weekday::Tue => "day_tue",
        Weekday::Wed => "day_wed",
        Weekday::Thu => "day_thu",
        Weekday::Fri => "day_fri",
        Weekday::Sat => "day_sat",
        Weekday::Sun => "day_sun",
    })
}
