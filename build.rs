//! Finds the interface languages: every `locales/<code>.json` becomes a language the
//! widget offers, so adding a language is adding a file (see src/i18n.rs). Also writes
//! the widget's stylesheet without its comments, which are for the people editing it,
//! not for families' phones (src/embed/styles.rs).

use std::fmt::Write;

fn main() {
    println!("cargo:rerun-if-changed=locales");
    let mut files: Vec<_> = std::fs::read_dir("locales")
        .expect("the locales folder")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut code = String::from("/// (language code, locale JSON) for every file in locales/.\npub(crate) const LOCALE_FILES: &[(&str, &str)] = &[\n");
    for path in files {
        let language = path.file_stem().and_then(|s| s.to_str()).expect("a file name");
        let absolute = std::fs::canonicalize(&path).expect("the locale file");
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(code, "    ({language:?}, include_str!({:?})),", absolute.display().to_string()).unwrap();
    }
    code.push_str("];\n");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("locales.rs");
    std::fs::write(out, code).unwrap();

    println!("cargo:rerun-if-changed=style/finder.css");
    let css = std::fs::read_to_string("style/finder.css").expect("style/finder.css");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("finder.css");
    std::fs::write(out, compact_css(&css)).unwrap();
}

/// The stylesheet without comments and with each run of white space made one space.
/// Nothing else changes, so the rules mean exactly what the source says (the
/// stylesheet has no strings holding `/*` or runs of spaces; a test checks the rules
/// still parse in the browser).
fn compact_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start..].find("*/").map_or("", |end| &rest[start + end + 2..]);
    }
    out.push_str(rest);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
