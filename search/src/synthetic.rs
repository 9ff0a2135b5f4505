//! Made-up catalogues and queries for timing the search (not for families).
//!
//! Deterministic: the same size and seed always give the same catalogue. Names and
//! descriptions come from word lists (common words picked more often, as in real text)
//! plus invented proper names, so the term dictionary grows with the catalogue as a real
//! one would. Places are a mix of towns, villages, counties and statewide.

use std::collections::BTreeMap;

use finder_core::age::{AgeRange, ChildAge};
use finder_core::catalogue::{Catalogue, Need, Program, ProgramText};
use finder_core::format::STANDARD_NEEDS;
use finder_core::random::Random;
use finder_core::towns::{resolve_place, Town, COUNTIES};

use super::facets::Choices;
use super::query::Query;

const WORDS: &[&str] = &[
    "family",
    "families",
    "children",
    "parents",
    "help",
    "free",
    "support",
    "program",
    "services",
    "care",
    "health",
    "child",
    "community",
    "home",
    "food",
    "young",
    "group",
    "visits",
    "school",
    "housing",
    "baby",
    "babies",
    "meals",
    "pantry",
    "classes",
    "counseling",
    "mental",
    "nurse",
    "doctor",
    "clinic",
    "reading",
    "books",
    "library",
    "safety",
    "violence",
    "prevention",
    "recovery",
    "treatment",
    "rides",
    "transportation",
    "seniors",
    "caregivers",
    "screenings",
    "development",
    "pregnant",
    "pregnancy",
    "prenatal",
    "newborn",
    "infants",
    "toddlers",
    "preschool",
    "teens",
    "youth",
    "parenting",
    "coaching",
    "shelter",
    "rent",
    "utilities",
    "heating",
    "insurance",
    "dental",
    "vision",
    "vaccines",
    "lactation",
    "breastfeeding",
    "wic",
    "diapers",
    "clothing",
    "legal",
    "immigration",
    "english",
    "spanish",
    "bilingual",
    "disabilities",
    "autism",
    "milestones",
    "crisis",
    "emergency",
    "hotline",
    "depression",
    "anxiety",
    "stress",
    "sleep",
    "lead",
    "asthma",
    "grief",
    "play",
    "tutoring",
    "homework",
    "camp",
    "respite",
    "veterans",
    "appointments",
    "referrals",
    "coordinator",
    "weekly",
    "evening",
    "weekend",
    "walk-in",
    "bus",
    "van",
    "hospital",
    "center",
    "neighborhood",
    "workshops",
    "training",
    "employment",
    "jobs",
    "money",
    "budgeting",
    "taxes",
    "benefits",
    "nutrition",
    "cooking",
    "gardens",
    "farmers",
    "market",
    "vouchers",
    "formula",
    "cribs",
    "car",
    "seats",
    "injury",
    "fire",
    "water",
    "swimming",
    "sports",
    "arts",
    "music",
    "mentors",
    "volunteers",
    "peer",
    "well-child",
    "2-1-1",
    "telehealth",
    "in-person",
    "online",
];

const SPANISH: &[&str] = &[
    "familias",
    "niños",
    "padres",
    "ayuda",
    "gratis",
    "apoyo",
    "programa",
    "servicios",
    "salud",
    "comunidad",
    "hogar",
    "comida",
    "escuela",
    "vivienda",
    "bebé",
    "clases",
    "consejería",
    "médico",
    "clínica",
    "lectura",
    "libros",
    "seguridad",
    "violencia",
    "recuperación",
    "transporte",
    "mayores",
    "embarazo",
    "recién",
    "nacido",
    "desarrollo",
    "jóvenes",
    "crianza",
    "alquiler",
    "seguro",
    "vacunas",
    "lactancia",
    "pañales",
    "ropa",
    "inglés",
    "español",
    "emergencia",
    "ansiedad",
    "juego",
    "tareas",
    "campamento",
];

const SUFFIXES: &[&str] =
    &["Center", "Program", "Project", "Network", "Services", "Clinic", "Club", "Initiative"];

/// An invented proper name, such as "Kalorin".
fn proper_name(random: &mut Random) -> String {
    const START: &[&str] =
        &["ka", "bre", "mo", "ta", "li", "ver", "sa", "do", "ne", "chu", "ro", "pe", "zan", "gil", "ha"];
    const MIDDLE: &[&str] = &["lo", "ri", "va", "ne", "to", "mi", "sel", "dar", "gu", "ben", "ra", "co"];
    const END: &[&str] = &["n", "tt", "ra", "son", "ford", "ley", "ville", "a", "o", "ton", "well"];
    let mut name = random.pick(START).to_string();
    for _ in 0..random.below(2) + 1 {
        name.push_str(random.pick(MIDDLE));
    }
    name.push_str(random.pick(END));
    let mut chars = name.chars();
    chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or(name)
}

fn sentence(random: &mut Random, words: &[&str], count: usize, names: &[String]) -> String {
    let mut out: Vec<String> = Vec::with_capacity(count);
    for _ in 0..count {
        if random.chance(4) && !names.is_empty() {
            out.push(names[random.skewed(names.len())].clone());
        } else {
            out.push(words[random.skewed(words.len())].to_string());
        }
    }
    out.join(" ")
}

/// A catalogue of `size` programs; the same `size` and `seed` give the same catalogue.
pub fn catalogue(size: usize, seed: u64) -> Catalogue {
    let mut random = Random::new(seed);
    let names: Vec<String> = (0..(size / 10).clamp(50, 5000)).map(|_| proper_name(&mut random)).collect();
    let towns: Vec<Town> = Town::all().collect();
    let villages = ["Willimantic", "Storrs", "Mystic", "Danielson", "Moosup", "Niantic", "Unionville"];
    let needs = STANDARD_NEEDS
        .iter()
        .map(|(id, label, es)| Need {
            id: id.to_string(),
            label: label.to_string(),
            labels: BTreeMap::from([("es".to_string(), es.to_string())]),
        })
        .collect();
    let mut programs = Vec::with_capacity(size);
    for index in 0..size {
        let description_words = 20 + random.below(25);
        let eligibility_words = 4 + random.below(8);
        let mut program = Program {
            index,
            id: format!("p{index}"),
            name: format!(
                "{} {} {}",
                names[random.skewed(names.len())],
                WORDS[random.skewed(40)],
                random.pick(SUFFIXES)
            ),
            organization: Some(format!(
                "{} {} Services",
                names[random.below(names.len())],
                random.pick(SUFFIXES)
            )),
            description: Some(sentence(&mut random, WORDS, description_words, &names)),
            eligibility: random.chance(50).then(|| sentence(&mut random, WORDS, eligibility_words, &[])),
            ..Program::default()
        };
        let need_count = 1 + random.below(3);
        program.needs = (0..need_count)
            .map(|_| STANDARD_NEEDS[random.below(STANDARD_NEEDS.len())].0.to_string())
            .collect();
        program.needs.dedup();
        match random.below(100) {
            0..=29 => program.statewide = true,
            30..=59 => {
                for _ in 0..1 + random.below(2) {
                    program.towns.push(finder_core::towns::county_place_name(random.pick(&COUNTIES)));
                }
            }
            _ => {
                for _ in 0..1 + random.below(5) {
                    let name = if random.chance(10) {
                        random.pick(&villages).to_string()
                    } else {
                        towns[random.below(towns.len())].name().to_string()
                    };
                    program.towns.push(name);
                }
            }
        }
        for place in program.towns.iter().filter_map(|name| resolve_place(name)) {
            place.towns().into_iter().for_each(|t| program.serves.insert(t));
        }
        if random.chance(60) {
            let (min, max) = [
                (0.0, 5.0),
                (0.0, 0.5),
                (3.0, 5.0),
                (6.0, 12.0),
                (13.0, 17.0),
                (18.0, 99.0),
                (0.0, 18.0),
                (60.0, 99.0),
            ][random.below(8)];
            program.minimum_age = Some(min);
            program.maximum_age = Some(max);
        }
        program.ages = AgeRange::from_years(program.minimum_age, program.maximum_age);
        program.languages = vec!["en".to_string()];
        if random.chance(70) {
            program.languages.push("es".to_string());
        }
        if random.chance(10) {
            program.languages.push(random.pick(&["pt", "pl", "zh", "ht", "vi"]).to_string());
        }
        program.cost = Some(
            random
                .pick(&[
                    "free",
                    "free",
                    "free",
                    "sliding scale",
                    "no cost to families",
                    "gratis",
                    "insurance",
                ])
                .to_string(),
        );
        if random.chance(50) {
            let words = 15 + random.below(10);
            let text = ProgramText {
                name: Some(sentence(&mut random, SPANISH, 3, &[])),
                description: Some(sentence(&mut random, SPANISH, words, &[])),
                ..ProgramText::default()
            };
            program.translations.insert("es".to_string(), text);
        }
        programs.push(program);
    }
    Catalogue {
        title: Some(format!("Synthetic catalogue ({size} programs, seed {seed})")),
        needs,
        programs,
        ..Catalogue::default()
    }
}

/// `count` queries of the kinds families type: common and Spanish words, two words,
/// words being typed, typos, proper names, and no words at all; about half with choices.
pub fn queries(count: usize, seed: u64) -> Vec<Query> {
    let mut random = Random::new(seed ^ 0x5eed);
    let names: Vec<String> = (0..50).map(|_| proper_name(&mut random)).collect();
    let towns: Vec<Town> = Town::all().collect();
    (0..count)
        .map(|_| {
            let word = |random: &mut Random| WORDS[random.skewed(WORDS.len())].to_string();
            let text = match random.below(100) {
                0..=29 => word(&mut random),
                30..=39 => SPANISH[random.below(SPANISH.len())].to_string(),
                40..=54 => format!("{} {}", word(&mut random), word(&mut random)),
                55..=69 => {
                    let full = word(&mut random);
                    let cut: String = full.chars().take(2 + random.below(4)).collect();
                    if random.chance(50) {
                        cut
                    } else {
                        format!("{} {cut}", word(&mut random))
                    }
                }
                70..=79 => {
                    let mut chars: Vec<char> = word(&mut random).chars().collect();
                    if chars.len() > 4 {
                        let at = 1 + random.below(chars.len() - 2);
                        chars.swap(at, at + 1);
                    }
                    chars.into_iter().collect()
                }
                80..=89 => names[random.below(names.len())].to_lowercase(),
                _ => String::new(),
            };
            let mut choices = Choices::default();
            if random.chance(40) {
                choices.town = Some(towns[random.below(towns.len())]);
            }
            if random.chance(25) {
                choices.needs = vec![STANDARD_NEEDS[random.below(STANDARD_NEEDS.len())].0.to_string()];
            }
            if random.chance(20) {
                choices.age = Some(ChildAge::Years(random.below(19) as u32));
            }
            if random.chance(10) {
                choices.languages = vec!["es".to_string()];
            }
            choices.free_only = random.chance(10);
            Query { text, choices }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_data() {
        // `make bench` compares engines on these; a change here changes its figures.
        let names: Vec<String> = catalogue(3, 7).programs.into_iter().map(|p| p.name).collect();
        assert_eq!(names, ["Negubenville parents Project", "Zanseln baby Club", "Zanbenton library Center"]);
        let texts: Vec<String> = queries(8, 7).into_iter().map(|q| q.text).collect();
        assert_eq!(
            texts,
            ["young", "", "violence", "hotlien", "recoevry", "utilities visits", "lectura", "cousneling"]
        );
    }
}
