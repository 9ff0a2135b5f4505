//! `catalogue import hsds` as staff run it on what a 2-1-1 sends: HSDS 1.1 folders, API
//! pages, and files that cannot be imported, each refused with one sentence and status 2.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use finder_core::format::CatalogueFile;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn catalogue(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_catalogue")).args(args).current_dir(root()).output().expect("runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A fresh folder of its own for one test.
fn folder(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pf-cli-hsds-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Imports `paths`, expecting a catalogue written; it and the report. Every service the
/// data holds is kept (`--keep-incomplete`): these tests are about reading the data.
fn import(paths: &[&str], extra: &[&str]) -> (CatalogueFile, String) {
    // Tests run at once: each import writes a file of its own.
    static IMPORTS: AtomicUsize = AtomicUsize::new(0);
    let n = IMPORTS.fetch_add(1, Ordering::Relaxed);
    let out_file = folder(&format!("out-{n}")).join("catalogue.json");
    let mut args = vec!["import", "hsds"];
    args.extend(paths);
    args.extend(["-o", out_file.to_str().unwrap(), "--keep-incomplete"]);
    args.extend(extra);
    let out = catalogue(&args);
    // 1: written, but it does not pass `catalogue check` (a service with no Connecticut place).
    assert!(matches!(out.status.code(), Some(0 | 1)), "{paths:?}: {}", stderr(&out));
    let text = std::fs::read_to_string(&out_file).unwrap();
    (serde_json::from_str(&text).expect("a catalogue"), stderr(&out))
}

/// Imports `path`, expecting a refusal: exit status 2 and one line naming the file.
fn refused(path: &Path) -> String {
    let out = catalogue(&["import", "hsds", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let message = stderr(&out);
    assert_eq!(message.trim_end().lines().count(), 1, "{message}");
    assert!(message.contains(path.file_name().unwrap().to_str().unwrap()), "{message}");
    message
}

#[test]
fn an_hsds_1_1_folder_imports_with_its_broken_links_counted() {
    let (catalogue, report) = import(&["tests/fixtures/hsds/ma-211-v1.1"], &[]);
    assert_eq!(catalogue.programs.len(), 39);
    assert!(
        report.contains("datapackage.json: files listed that are not in the package: 1, \"funding.csv\""),
        "{report}"
    );
    let (with_new, _) = import(&["tests/fixtures/hsds/ma-211-v1.1"], &["--new-needs"]);
    assert!(with_new.needs.iter().any(|n| n.id == "legal-services" && n.label == "Legal Services"));
}

#[test]
fn api_pages_import_as_a_folder_or_as_several_files() {
    let (from_folder, _) = import(&["tests/fixtures/hsds/api-pages"], &[]);
    assert_eq!(from_folder.programs.len(), 6);
    let pages = ["3", "1", "2"].map(|n| format!("tests/fixtures/hsds/api-pages/page-{n}.json"));
    let (from_files, _) = import(&pages.iter().map(String::as_str).collect::<Vec<_>>(), &[]);
    assert_eq!(from_files.programs, from_folder.programs);
}

#[test]
fn other_encodings_and_separators_are_read_and_noted() {
    let csv = "id;name\ns1;Café Pantry\n";
    let utf16: Vec<u8> =
        [0xFF, 0xFE].into_iter().chain(csv.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let cp1252: Vec<u8> = csv.chars().map(|c| if c == 'é' { 0xE9 } else { c as u8 }).collect();
    for (name, bytes, said) in [("utf16", utf16, "UTF-16"), ("cp1252", cp1252, "Windows-1252")] {
        let dir = folder(name);
        std::fs::write(dir.join("services.csv"), bytes).unwrap();
        let (catalogue, report) = import(&[dir.to_str().unwrap()], &[]);
        assert_eq!(catalogue.programs[0].name, "Café Pantry", "{name}");
        assert!(report.contains(said), "{report}");
        assert!(report.contains("values are separated by semicolons"), "{report}");
    }
}

#[test]
fn what_cannot_be_imported_gets_one_plain_sentence() {
    let empty = folder("empty");
    assert!(refused(&empty).contains("has no CSV or JSON files: expected an HSDS CSV data package"));

    let dir = folder("bad");
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    let text = write("notes.txt", b"Dear staff, here is the export.");
    assert!(refused(&text).contains("this is not valid JSON"));
    let one_csv = write("services.csv", b"id,name\ns1,Pantry\n");
    assert!(refused(&one_csv).contains("is one CSV file: an HSDS CSV data package is a folder of tables"));
    let zip = write("export.zip", b"PK\x03\x04\x14\x00rest");
    assert!(refused(&zip).contains("is a ZIP file"));
    let unknown = write("export.json", b"{\"name\": \"caf\x81\"}");
    assert!(refused(&unknown).contains("its encoding could not be told for sure"));

    let not_hsds = folder("not-hsds");
    std::fs::write(not_hsds.join("clients.csv"), "first,last\nA,B\n").unwrap();
    assert!(refused(&not_hsds).contains("there is no HSDS table here"));
}

/// Issue 15's target: a 2-1-1's HSDS 1.1 package from outside Connecticut becomes a
/// catalogue that passes `catalogue check`, with its places built from its own data.
#[test]
fn a_package_from_outside_connecticut_becomes_a_publishable_finder() {
    let out_file = folder("publishable").join("catalogue.json");
    let package = "tests/fixtures/hsds/ma-211-v1.1";
    let args =
        ["import", "hsds", package, "--places-from-data", "--new-needs", "-o", out_file.to_str().unwrap()];
    let out = catalogue(&args);
    let report = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "it passes `catalogue check`: {report}");
    let check = catalogue(&["check", out_file.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    let file: CatalogueFile = serde_json::from_str(&std::fs::read_to_string(&out_file).unwrap()).unwrap();

    // The package has 40 services; one is inactive, and two cannot be found by families
    // (a veterans' service whose only term is who it is for; a row with no id, town or term).
    let services = 40;
    assert!(file.programs.len() * 100 >= services * 90, "{} of {services} shown", file.programs.len());
    assert!(report.contains("37 programs written; 3 left out"), "{report}");
    assert!(report.contains("left out: it has no need, so families would never see it"), "{report}");

    // Places from the data's own addresses and service areas.
    let place = |name: &str| file.places.iter().any(|p| format!("{}, {}", p.name, p.state) == name);
    for name in ["Holyoke, MA", "Springfield, MA", "Pittsfield, MA", "Chicopee, MA"] {
        assert!(place(name), "{name} in {:?}", file.places);
    }
    let program = |id: &str| file.programs.iter().find(|p| p.id == id).expect(id);
    assert_eq!(program("svc-001").towns, ["Holyoke, MA"]);
    // Every address its location has, and needs only from terms.
    assert!(file.programs.iter().all(|p| p.address.is_some()), "every service here has an address");
    assert!(!report.contains("guessed"), "{report}");
    assert_eq!(program("svc-003").maximum_age, Some(5.0), "\"children 0-5 years\"");
}

/// The browser tests' catalogue of a region beyond Connecticut is this import, as it is
/// today: the widget is tested on what the importer really writes.
#[test]
fn the_browser_tests_region_catalogue_is_todays_import() {
    let out_file = folder("region").join("region.json");
    let package = "tests/fixtures/hsds/ma-211-v1.1";
    let out = catalogue(&[
        "import",
        "hsds",
        package,
        "--places-from-data",
        "--new-needs",
        "-o",
        out_file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let fresh = std::fs::read_to_string(&out_file).unwrap();
    let kept = std::fs::read_to_string(root().join("tests/e2e/fixtures/region.json")).unwrap();
    assert!(
        fresh == kept,
        "tests/e2e/fixtures/region.json is out of date: run `cargo run -p catalogue -- import hsds {package} --places-from-data --new-needs -o tests/e2e/fixtures/region.json`"
    );
}
