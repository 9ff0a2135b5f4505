//! `catalogue stats FILE`: the numbers staff report on.

use std::path::Path;
use std::process::ExitCode;

use finder_core::catalogue::load;
use finder_core::stats::Stats;

use super::{read_text, today, Failure};

pub(super) fn run(file: &Path, today_given: Option<&str>) -> Result<ExitCode, Failure> {
    let text = read_text(file)?;
    let loaded = load(&text).map_err(|e| Failure(format!("{}: {e}", file.display())))?;
    let stats = Stats::of(&loaded.catalogue, Some(today(today_given, loaded.catalogue.time_zone)?));
    let mut out =
        format!("{}: {} programs ({} statewide)\n", file.display(), stats.programs, stats.statewide);
    let width = 34;
    out.push_str("\nPrograms per need\n");
    for (need, count) in &stats.per_need {
        out.push_str(&format!("  {need:<width$}{count:>4}\n"));
    }
    out.push_str("\nPrograms per county (statewide programs included)\n");
    for (county, count) in &stats.per_county {
        out.push_str(&format!("  {:<width$}{count:>4}\n", finder_core::towns::county_place_name(county)));
    }
    out.push_str("\nPrograms per age band\n");
    for (band, count) in &stats.per_age_band {
        out.push_str(&format!("  {band:<width$}{count:>4}\n"));
    }
    out.push_str(&format!("  {:<width$}{:>4}\n", "(no age limits)", stats.all_ages));
    out.push_str(&format!(
        "\nOpening hours (a \"schedule\")\n  {:<width$}{:>4}\n",
        "programs with one", stats.with_hours
    ));
    for (what, count) in [
        ("open 24 hours", stats.open_24_hours),
        ("open evenings (after 5 pm)", stats.evenings),
        ("open at weekends", stats.weekends),
    ] {
        out.push_str(&format!("  {what:<width$}{count:>4}\n"));
    }
    out.push_str(&format!("\nDue for review (not reviewed in 12 months): {}\n", stats.due_for_review.len()));
    for (id, reviewed) in &stats.due_for_review {
        let when = reviewed.as_deref().map_or("never reviewed".to_string(), |d| format!("last reviewed {d}"));
        out.push_str(&format!("  {id}: {when}\n"));
    }
    if !loaded.problems.is_empty() {
        out.push_str(&format!(
            "\n{} problem(s) found; run `catalogue check {}` for details.\n",
            loaded.problems.len(),
            file.display()
        ));
    }
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}
