//! `catalogue check FILE`: every problem, grouped by severity, readable by people or CI.

use std::path::Path;
use std::process::ExitCode;

use finder_core::check::{check, CheckOptions, Diagnostic, Report};
use finder_core::hours::TimeZone;
use finder_core::Severity;

use super::{read_text, today, Failure, Format};

pub(super) fn run(file: &Path, format: Format, today_given: Option<&str>) -> Result<ExitCode, Failure> {
    let text = read_text(file)?;
    // Today in the catalogue's own zone, as "an exception date that is over" needs.
    let zone = serde_json::from_str::<serde_json::Value>(&text)
        .ok()
        .and_then(|v| v.get("time_zone")?.as_str().and_then(TimeZone::from_name))
        .unwrap_or_default();
    let options = CheckOptions { today: Some(today(today_given, zone)?) };
    let report = check(&text, &options);
    let shown = report.catalogue.as_ref().map_or(0, |c| c.programs.len());
    match format {
        Format::Text => print!("{}", as_text(&file.display().to_string(), &report, shown)),
        Format::Json => {
            let json = serde_json::json!({
                "file": file.display().to_string(),
                "errors": report.errors(),
                "warnings": report.warnings(),
                "programs_listed": report.programs_listed,
                "programs_shown": shown,
                "diagnostics": report.diagnostics,
            });
            println!("{}", serde_json::to_string_pretty(&json)?);
        }
    }
    Ok(if report.errors() > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn plural(count: usize, word: &str) -> String {
    format!("{count} {word}{}", if count == 1 { "" } else { "s" })
}

/// The report as staff read it: a summary line, then errors, then warnings.
pub(super) fn as_text(name: &str, report: &Report, shown: usize) -> String {
    let mut out =
        format!("{name}: {}, {}", plural(report.errors(), "error"), plural(report.warnings(), "warning"));
    if report.catalogue.is_some() {
        out.push_str(&format!(
            " — families see {shown} of the {} listed",
            plural(report.programs_listed, "program")
        ));
    }
    out.push('\n');
    for (severity, heading) in [(Severity::Error, "Errors"), (Severity::Warning, "Warnings")] {
        let group: Vec<&Diagnostic> = report.diagnostics.iter().filter(|d| d.severity == severity).collect();
        if group.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{heading}\n"));
        for d in group {
            let place = format!("line {}, column {}", d.line, d.column);
            let path = if d.path.is_empty() { String::new() } else { format!("  {}", d.path) };
            let effect = match d.effect {
                finder_core::Effect::Skipped => " (program left out)",
                finder_core::Effect::Ignored => " (value ignored)",
                finder_core::Effect::Kept => "",
            };
            out.push_str(&format!("  {place}{path}\n    {}{effect}\n", d.message));
            if let Some(hint) = &d.hint {
                out.push_str(&format!("    fix: {hint}\n"));
            }
        }
    }
    if report.diagnostics.is_empty() {
        out.push_str("No problems found.\n");
    }
    out
}
