//! Finds the interface languages: every `locales/<code>.json` becomes a language the
//! widget offers, so adding a language is adding a file (see src/i18n.rs). Each file is
//! read here, at build time, into a sorted table of (key, text): the phone parses no JSON
//! for its words, and the module carries no map type for them. A broken file stops the
//! build with the reason. (The widget's stylesheet is not in the wasm:
//! tools/write-loader.mjs puts it in program-finder.js.)

use std::collections::BTreeMap;
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
    let mut code = String::from(
        "/// (language code, its (key, text) pairs sorted by key) for every file in locales/.\n\
         pub(crate) const LOCALE_FILES: &[(&str, &[(&str, &str)])] = &[\n",
    );
    for path in files {
        let language = path.file_stem().and_then(|s| s.to_str()).expect("a file name");
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("the locale file");
        // A BTreeMap: sorted by key, for the binary search in `Lang::t`.
        let words: BTreeMap<String, String> =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        writeln!(code, "    ({language:?}, &[").unwrap();
        for (key, text) in &words {
            writeln!(code, "        ({key:?}, {text:?}),").unwrap();
        }
        code.push_str("    ]),\n");
    }
    code.push_str("];\n");
    let out = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("locales.rs");
    std::fs::write(out, code).unwrap();
}
