//! Finds the interface languages: every `locales/<code>.json` becomes a language the
//! widget offers, so adding a language is adding a file (see src/i18n.rs). (The widget's
//! stylesheet is not in the wasm: tools/write-loader.mjs puts it in program-finder.js.)

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
}
