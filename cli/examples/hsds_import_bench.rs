//! Times the HSDS import of a 2-1-1-sized export: a made-up HSDS 1.1 CSV data package of
//! 5,000 services (or the count given), built in memory, read by `import_tables`.
//!
//! ```text
//! cargo run --release -p catalogue --example hsds_import_bench [SERVICES]
//! ```
//!
//! The target (issue 15) is 2 seconds for 5,000 services in a release build.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::time::Instant;

use finder_core::import::hsds::{import_tables, TaxonomyMapping};

/// AIRS codes and names the package's terms take turns with.
const TERMS: [(&str, &str); 8] = [
    ("BD-1800.2000", "Food Pantries"),
    ("BH-1800.8500", "Homeless Shelter"),
    ("BT-4500.6500", "Medical Appointments Transportation"),
    ("LV-1600.1500", "Pediatric Dentistry"),
    ("RP-1400.8000", "Outpatient Mental Health Facilities"),
    ("RX-8450.8000", "Opioid Treatment"),
    ("PH-6100", "Parenting Education"),
    ("FT-3000", "Legal Services"),
];

const DAYS: [&str; 5] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

fn package(services: usize) -> BTreeMap<String, String> {
    let mut t: BTreeMap<&str, String> = BTreeMap::new();
    let mut table = |name: &'static str, header: &str| {
        t.insert(name, format!("{header}\n"));
    };
    table("services.csv", "id,organization_id,name,description,url,status,fees");
    table("organizations.csv", "id,name,url");
    table("services_at_location.csv", "id,service_id,location_id");
    table("locations.csv", "id,organization_id,name");
    table("physical_addresses.csv", "id,location_id,address_1,city,state_province,postal_code,country");
    table("regular_schedules.csv", "id,service_id,weekday,opens_at,closes_at");
    table("phones.csv", "id,service_id,number,extension");
    table("eligibility.csv", "id,service_id,eligibility");
    table("service_area.csv", "id,service_id,service_area");
    table("services_taxonomy.csv", "id,service_id,taxonomy_id");
    table("languages.csv", "id,service_id,language");
    table("taxonomy.csv", "id,name,vocabulary");
    let add = |t: &mut BTreeMap<&str, String>, name: &str, line: String| {
        let text = t.get_mut(name).expect("declared above");
        text.push_str(&line);
        text.push('\n');
    };
    for (code, name) in TERMS {
        add(&mut t, "taxonomy.csv", format!("{code},{name},AIRS"));
    }
    for i in 0..services {
        let org = i / 4;
        if i % 4 == 0 {
            add(
                &mut t,
                "organizations.csv",
                format!("o{org},FICTIONAL AGENCY {org},https://a{org}.example.org"),
            );
        }
        add(
            &mut t,
            "services.csv",
            format!("s{i},o{org},FICTIONAL SERVICE {i},\"A made-up service, number {i}.\",https://a{org}.example.org/{i},active,Free"),
        );
        add(&mut t, "services_at_location.csv", format!("sl{i},s{i},l{i}"));
        add(&mut t, "locations.csv", format!("l{i},o{org},Site {i}"));
        add(&mut t, "physical_addresses.csv", format!("a{i},l{i},{} MAIN ST,Springfield,MA,01103,US", i + 1));
        for day in DAYS {
            add(&mut t, "regular_schedules.csv", format!("r{i}{day},s{i},{day},9:00am,5:00pm"));
        }
        add(&mut t, "phones.csv", format!("p{i},s{i},413-555-01{:02},", i % 100));
        add(&mut t, "eligibility.csv", format!("e{i},s{i},Children 5-18 years old"));
        add(&mut t, "service_area.csv", format!("sa{i},s{i},Hampden County"));
        add(&mut t, "services_taxonomy.csv", format!("st{i},s{i},{}", TERMS[i % TERMS.len()].0));
        add(
            &mut t,
            "languages.csv",
            format!("la{i},s{i},{}", if i % 3 == 0 { "Spanish" } else { "English" }),
        );
    }
    t.into_iter().map(|(name, text)| (name.to_string(), text)).collect()
}

fn main() {
    let services: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(5_000);
    let files = package(services);
    let bytes: usize = files.values().map(String::len).sum();
    let mapping = TaxonomyMapping::standard();
    let mut best = f64::MAX;
    let mut summary = String::new();
    for _ in 0..3 {
        let start = Instant::now();
        let imported = import_tables(&files, &mapping).expect("the made-up package imports");
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        best = best.min(ms);
        summary.clear();
        let programs = imported.catalogue.programs.len();
        let with_needs = imported.catalogue.programs.iter().filter(|p| !p.needs.is_empty()).count();
        let _ =
            write!(summary, "{programs} programs, {with_needs} with a need, {} notes", imported.notes.len());
    }
    println!(
        "hsds import: {services} services ({} KB of CSV) in {best:.0} ms (best of 3); {summary}",
        bytes / 1024
    );
}
