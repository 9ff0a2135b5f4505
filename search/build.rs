//! Turns `data/synonyms.json` into Rust constants (`$OUT_DIR/synonyms.rs`), so the search
//! gets its vocabulary without a JSON parser at start-up: no parsing on a family's phone,
//! and none of the parser's code in the widget's download. Staff and developers still edit
//! the JSON; a mistake in it stops the build with the reason.

use std::fmt::Write;
use std::{env, fs, path::PathBuf};

use serde_json::Value;

fn main() {
    println!("cargo::rerun-if-changed=data/synonyms.json");
    let text = fs::read_to_string("data/synonyms.json").expect("search/data/synonyms.json can be read");
    let data: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("search/data/synonyms.json: {e}"));
    let mut out = String::from("/// The stemmer's steps: each rule is (suffix, replace, keep, not_after).\n");
    out += "pub(crate) const STEPS: &[&[(&str, &str, usize, &str)]] = &[\n";
    for step in list(&data["stemming"]["steps"], "stemming.steps") {
        out += "    &[";
        for rule in list(step, "a step") {
            let text = |key: &str| rule.get(key).and_then(Value::as_str).unwrap_or("");
            let suffix = text("suffix");
            assert!(!suffix.is_empty(), "search/data/synonyms.json: a rule without a suffix: {rule}");
            // 3 letters kept unless the rule says otherwise: stems shorter than that
            // merge unrelated words.
            let keep = rule.get("keep").and_then(Value::as_u64).unwrap_or(3);
            write!(out, "({suffix:?}, {:?}, {keep}, {:?}), ", text("replace"), text("not_after")).unwrap();
        }
        out += "],\n";
    }
    out += "];\n\n/// Words and phrases that mean the same to a family, group by group.\n";
    out += "pub(crate) const GROUPS: &[&[&str]] = &[\n";
    for group in list(&data["groups"], "groups") {
        let words: Vec<String> = list(group, "a group")
            .iter()
            .map(|word| {
                format!("{:?}", word.as_str().expect("search/data/synonyms.json: a group member is text"))
            })
            .collect();
        writeln!(out, "    &[{}],", words.join(", ")).unwrap();
    }
    out += "];\n";
    let path = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("synonyms.rs");
    fs::write(path, out).expect("OUT_DIR is writable");
}

fn list<'a>(value: &'a Value, what: &str) -> &'a Vec<Value> {
    value.as_array().unwrap_or_else(|| panic!("search/data/synonyms.json: {what} should be a list"))
}
