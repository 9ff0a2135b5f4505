//! The `catalogue` command as staff and CI pipelines run it: real binary, real files,
//! exit codes and output checked.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use finder_core::catalogue::load;

/// The repository, where the fixtures and the sample catalogue are.
fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn catalogue(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_catalogue")).args(args).current_dir(root()).output().expect("runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pf-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

const BROKEN: &str = "tests/e2e/fixtures/broken-for-checker.json";
const SAMPLE: &str = "public/sample-catalogue.json";
const HSDS: &str = "tests/fixtures/hsds";

#[test]
fn check_passes_the_sample_and_exits_zero() {
    let out = catalogue(&["check", SAMPLE, "--today", "2026-11-22"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("public/sample-catalogue.json: 0 errors, 0 warnings"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn check_lists_each_problem_with_line_and_fix_and_exits_one() {
    let out = catalogue(&["check", BROKEN, "--today", "2026-11-22"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("3 errors, 1 warning — families see 3 of the 4 programs listed"), "{text}");
    assert!(text.contains("programs[1].towns[0]\n    \"Hartfrod\" is not a Connecticut town, county or village (value ignored)\n    fix: did you mean \"Hartford\"?"), "{text}");
    let errors = text.find("Errors").unwrap();
    let warnings = text.find("Warnings").unwrap();
    assert!(errors < warnings, "errors are listed first");
}

#[test]
fn check_speaks_json_for_pipelines() {
    let out = catalogue(&["check", BROKEN, "--format", "json", "--today", "2026-11-22"]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert_eq!(report["errors"], 3);
    assert_eq!(report["warnings"], 1);
    assert_eq!(report["programs_shown"], 3);
    let first = &report["diagnostics"][0];
    assert_eq!(first["path"], "programs[1].needs[0]");
    assert_eq!(first["line"], 9);
    assert_eq!(first["severity"], "error");
    assert_eq!(first["hint"], "did you mean \"food\"?");
}

#[test]
fn usage_mistakes_and_unreadable_files_exit_two_with_a_plain_message() {
    let out = catalogue(&["check", "no/such/file.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot read no/such/file.json"), "{}", stderr(&out));
    let out = catalogue(&["check", SAMPLE, "--today", "22/11/2026"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("YYYY-MM-DD"));
    assert_eq!(catalogue(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(catalogue(&["--help"]).status.code(), Some(0));
}

#[test]
fn schema_prints_the_published_schema() {
    let out = catalogue(&["schema"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), std::fs::read_to_string(root().join("public/catalogue.schema.json")).unwrap());
}

#[test]
fn stats_counts_the_sample() {
    let out = catalogue(&["stats", SAMPLE, "--today", "2026-11-22"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let sample = load(&std::fs::read_to_string(root().join(SAMPLE)).unwrap()).unwrap().catalogue;
    assert!(text.starts_with(&format!("{SAMPLE}: {} programs", sample.programs.len())), "{text}");
    let food = sample.programs.iter().filter(|p| p.needs.iter().any(|n| n == "food")).count();
    assert!(
        text.lines()
            .any(|l| l.trim_start().starts_with("Food & nutrition")
                && l.trim_end().ends_with(&format!(" {food}"))),
        "{text}"
    );
    assert!(text.contains("Windham County"));
    assert!(text.contains("Due for review (not reviewed in 12 months): 0"), "{text}");
    let with_hours = sample.programs.iter().filter(|p| p.schedule.is_some()).count();
    assert!(
        text.lines().any(
            |l| l.trim_start().starts_with("programs with one") && l.ends_with(&format!(" {with_hours}"))
        ),
        "{text}"
    );
}

#[test]
fn the_template_spreadsheet_imports_and_round_trips() {
    let json = temp("from-template.json");
    let out = catalogue(&["import", "csv", "public/catalogue-template.csv", "-o", json.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("passes `catalogue check`"), "{}", stderr(&out));
    let first = std::fs::read_to_string(&json).unwrap();
    assert!(load(&first).unwrap().problems.is_empty());

    let csv = temp("exported.csv");
    let out = catalogue(&["export", "csv", json.to_str().unwrap(), "-o", csv.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let again = temp("again.json");
    let out = catalogue(&["import", "csv", csv.to_str().unwrap(), "-o", again.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&again).unwrap(),
        first,
        "export then import gives the same catalogue"
    );
}

#[test]
fn the_sample_catalogue_exports_to_a_spreadsheet_and_back() {
    let csv = temp("sample.csv");
    assert_eq!(catalogue(&["export", "csv", SAMPLE, "-o", csv.to_str().unwrap()]).status.code(), Some(0));
    let json = temp("sample-again.json");
    let out = catalogue(&["import", "csv", csv.to_str().unwrap(), "-o", json.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let original: finder_core::format::CatalogueFile =
        serde_json::from_str(&std::fs::read_to_string(root().join(SAMPLE)).unwrap()).unwrap();
    let again: finder_core::format::CatalogueFile =
        serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(again.programs, original.programs);
}

#[test]
fn the_official_hsds_examples_import() {
    let examples = root().join(HSDS);
    for source in [
        "service_full.json",
        "service_list.json",
        "organization_full.json",
        "service_at_location_full.json",
        "csv",
    ] {
        let path: &Path = &examples.join(source);
        let out_file = temp(&format!("hsds-{source}.json"));
        let out_path = out_file.to_str().unwrap();
        let out = catalogue(&["import", "hsds", path.to_str().unwrap(), "-o", out_path, "--keep-incomplete"]);
        let report = stderr(&out);
        // Written either way; 1 says it does not pass `catalogue check` (these examples are
        // in the United Kingdom, so no service has a Connecticut place).
        let check = catalogue(&["check", out_file.to_str().unwrap()]);
        let expected = if check.status.code() == Some(0) { 0 } else { 1 };
        assert_eq!(out.status.code(), Some(expected), "{source}: {report}");
        assert!(report.contains("Imported from "), "{source}: {report}");
        let text = std::fs::read_to_string(&out_file).unwrap();
        let file: finder_core::format::CatalogueFile = serde_json::from_str(&text).expect("a catalogue");
        assert!(!file.programs.is_empty(), "{source}");
        assert!(file.programs.iter().all(|p| !p.name.is_empty()), "{source}");
    }
}

#[test]
fn importing_something_that_is_not_hsds_says_why() {
    let out = catalogue(&["import", "hsds", SAMPLE]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains(SAMPLE), "{}", stderr(&out));
}

#[test]
fn an_import_prints_a_summary_then_notes_grouped_by_kind() {
    let json = temp("messy.json");
    let notes = temp("messy-notes.jsonl");
    let args = [
        "import",
        "hsds",
        "tests/fixtures/hsds/messy-text",
        "-o",
        json.to_str().unwrap(),
        "--keep-incomplete",
    ];
    let out = catalogue(&[&args[..], &["--notes", notes.to_str().unwrap()]].concat());
    let report = stderr(&out);
    assert!(
        report.starts_with("Imported from tests/fixtures/hsds/messy-text: 7 programs written\n"),
        "{report}"
    );
    for line in [
        "  5 with an age (71%)",
        "  ages read from eligibility or description text: check them",
        "       service \"YMCA OF GREATER SPRINGFIELD YOUTH PROGRAM\" (services.csv row 3): minimum_age 5 and maximum_age 18 read from the eligibility text \"Children 5-18 years old\": check",
        "Text tidied (nothing to do):",
        "  names in capitals written in title case, acronyms kept: 6 programs, e.g. \"ST. MARY'S FOOD PANTRY\" → \"St. Mary's Food Pantry\"",
    ] {
        assert!(report.contains(line), "{line}\n---\n{report}");
    }
    // The summary, not one line per note: every age note is not listed.
    assert!(report.contains("… and 1 more"), "{report}");
    // The full list is in the file, one JSON object per note.
    let lines = std::fs::read_to_string(&notes).unwrap();
    let parsed: Vec<serde_json::Value> =
        lines.lines().map(|l| serde_json::from_str(l).expect("JSON")).collect();
    assert!(parsed.len() > 8, "{lines}");
    assert!(parsed
        .iter()
        .all(|n| n["kind"].is_string() && n["place"].is_string() && n["message"].is_string()));
    assert_eq!(parsed.iter().filter(|n| n["kind"] == "age-from-text").count(), 4);
    assert!(report.contains(&format!("Every note ({}) is in", parsed.len())), "{report}");
    // The exit status is `catalogue check`'s verdict on what was written.
    let check = catalogue(&["check", json.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(if check.status.code() == Some(0) { 0 } else { 1 }), "{report}");
}

#[test]
fn an_import_that_does_not_pass_check_exits_one_and_verbose_lists_every_note() {
    let csv = temp("bad-town.csv");
    std::fs::write(
        &csv,
        "id,name,needs,towns\npantry,Pantry,food,Hartfrod\nshelter,Shelter,housing,Hartford\n",
    )
    .unwrap();
    let json = temp("bad-town.json");
    let out = catalogue(&["import", "csv", csv.to_str().unwrap(), "-o", json.to_str().unwrap(), "--verbose"]);
    let report = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{report}");
    assert!(report.contains("2 programs written"), "{report}");
    assert!(
        report.contains("Every note (1):\n  row 2, column \"towns\": \"Hartfrod\" is not a Connecticut town"),
        "{report}"
    );
    assert!(report.contains("does not pass `catalogue check`"), "{report}");
    assert!(
        std::fs::read_to_string(&json).unwrap().contains("\"Hartfrod\""),
        "the catalogue is written all the same"
    );
}

#[test]
fn pack_writes_the_entry_and_a_folder_named_by_content_and_reports_sizes() {
    let out_dir = temp("pack");
    let _ = std::fs::remove_dir_all(&out_dir);
    let out = catalogue(&["pack", SAMPLE, "--output", out_dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("before the first card a family downloads"), "{text}");
    assert!(text.contains("Publish: upload"), "{text}");
    let entry = std::fs::read_to_string(out_dir.join("pack.json")).unwrap();
    let pack = finder_search::pack::PackEntry::read(&entry).expect("an entry").expect("a good one");
    let programs = load(&std::fs::read_to_string(root().join(SAMPLE)).unwrap()).unwrap().catalogue.programs;
    assert_eq!(pack.programs, programs.len());
    for name in [pack.start_file(), pack.fragment_file(0), pack.chunk_file(0)] {
        assert!(out_dir.join(&name).is_file(), "{name}");
    }
    // The same catalogue packs to the same folder; a changed one to a new folder, and the
    // tool says the old one is still there.
    let again = catalogue(&["pack", SAMPLE, "--output", out_dir.to_str().unwrap()]);
    assert!(!stdout(&again).contains("Older packs"), "{}", stdout(&again));
    let changed = temp("changed.json");
    let sample = std::fs::read_to_string(root().join(SAMPLE)).unwrap();
    std::fs::write(&changed, sample.replacen("\"title\": \"", "\"title\": \"New ", 1)).unwrap();
    let newer = catalogue(&["pack", changed.to_str().unwrap(), "--output", out_dir.to_str().unwrap()]);
    assert!(stdout(&newer).contains(&format!("Older packs here ({})", pack.id)), "{}", stdout(&newer));
}

#[test]
fn pack_refuses_a_catalogue_with_errors_and_shows_the_check_report() {
    let out_dir = temp("refused-pack");
    let out = catalogue(&["pack", BROKEN, "--output", out_dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = stderr(&out);
    assert!(text.contains("3 errors") && text.contains("did you mean \"Hartford\"?"), "{text}");
    assert!(text.contains("No pack written"), "{text}");
    assert!(!out_dir.join("pack.json").exists());
}
