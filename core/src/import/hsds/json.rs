//! HSDS JSON, in the shapes the HSDS API returns: a service, a list, a page
//! (`{"contents": [...]}`), an organization with its `services`, or a service_at_location
//! with its `service`. Linked records come nested, so each service is read in one go.

use crate::import::value_kind as kind;
use serde_json::{Map, Value};

use super::model::{accessibility_line, is_airs_code, Address, Contact};
use super::model::{
    CostOption, Fields, Holiday, Language, Location, Organization, Phone, Schedule, Service, ServiceArea,
    Term,
};
use crate::import::{ImportError, ImportNote};

type Object = Map<String, Value>;

/// The names HSDS 3.0 (first), 2.x and 1.x, and the HSDS APIs, give a service's lists.
const TERM_LINKS: [&str; 6] = [
    "attributes",
    "service_attributes",
    "service_taxonomys",
    "service_taxonomy",
    "services_taxonomy",
    "service_taxonomies",
];
const TERMS: [&str; 2] = ["taxonomy_terms", "taxonomy"];
const SERVICE_AREAS: [&str; 2] = ["service_areas", "service_area"];
const LOCATION_LINKS: [&str; 4] =
    ["service_at_locations", "services_at_location", "service_at_location", "services_at_locations"];

/// What the importer takes, for error messages.
const SHAPES: &str = "a service, a list of services, or an API page {\"contents\": [...]}";

impl Fields for Object {
    fn text(&self, key: &str) -> Option<String> {
        match self.get(key)? {
            Value::String(text) => Some(text.trim().to_string()).filter(|t| !t.is_empty()),
            // Ages, extensions and amounts are numbers in JSON and text in CSV.
            Value::Number(number) => Some(number.to_string()),
            Value::Bool(flag) => Some(flag.to_string()),
            _ => None,
        }
    }
}

/// HSDS 3 `schedules` and HSDS 1/2 `regular_schedules` of an object.
fn schedules(object: &Object) -> impl Iterator<Item = Schedule> + '_ {
    objects(object, "schedules").chain(objects(object, "regular_schedules")).map(Schedule::from_fields)
}

/// The services in the text, and notes on what was skipped.
pub(super) fn read(text: &str) -> Result<(Vec<Service>, Vec<ImportNote>), ImportError> {
    let mut reader = Reader::default();
    reader.value(&parse(text)?)?;
    reader.finish()
}

/// The services in several files, one after another: the pages of an API listing
/// (`{"contents": [...], "page_number": 2, "total_pages": 3}`) in page order, or any HSDS
/// JSON files. Pages given twice are read once; pages missing are noted once.
pub(super) fn read_files(files: &[(String, &str)]) -> Result<(Vec<Service>, Vec<ImportNote>), ImportError> {
    let mut parsed = Vec::new();
    for (name, text) in files {
        let value = parse(text).map_err(|ImportError(e)| ImportError(format!("{name}: {e}")))?;
        let number = value.get("page_number").and_then(Value::as_u64);
        parsed.push((number, name, value));
    }
    // Page order when the pages say it, else the order given (a stable sort).
    parsed.sort_by_key(|(number, _, _)| number.unwrap_or(u64::MAX));
    let mut reader = Reader { pages: Some(Vec::new()), ..Reader::default() };
    for (_, name, value) in &parsed {
        reader.file = format!("{name} ");
        reader.first = reader.services.len();
        reader.value(value).map_err(|ImportError(e)| ImportError(format!("{name}: {e}")))?;
    }
    reader.missing_pages_note();
    reader.finish()
}

fn parse(text: &str) -> Result<Value, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text)
        .map_err(|e| ImportError(format!("this is not valid JSON ({e}); HSDS import takes {SHAPES}")))
}

#[derive(Default)]
struct Reader {
    services: Vec<Service>,
    notes: Vec<ImportNote>,
    /// The file being read (`page-2.json `), when there are several; empty for one.
    file: String,
    /// How many services came before this file.
    first: usize,
    /// When reading several files: the page numbers and page counts seen so far.
    pages: Option<Vec<(u64, Option<u64>)>>,
}

impl Reader {
    fn value(&mut self, value: &Value) -> Result<(), ImportError> {
        match value {
            Value::Array(items) => self.items(items, "the list")?,
            Value::Object(page) if page.contains_key("contents") => {
                let Some(Value::Array(items)) = page.get("contents") else {
                    return Err(ImportError("\"contents\" should be a list of services".into()));
                };
                if !self.page(page) {
                    return Ok(());
                }
                self.items(items, "the page's \"contents\"")?;
            }
            Value::Object(object) if object.contains_key("programs") && object.contains_key("version") => {
                return Err(ImportError(
                    "this is a Program Finder catalogue already, not HSDS data: it needs no import".into(),
                ));
            }
            Value::Object(object) => {
                if !self.item(object) {
                    return Err(ImportError(format!(
                        "this JSON object is not an HSDS service (it has no \"id\" or \"name\"); HSDS import takes {SHAPES}"
                    )));
                }
            }
            other => {
                return Err(ImportError(format!(
                    "this JSON is {}, not HSDS data; HSDS import takes {SHAPES}",
                    kind(other)
                )))
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<(Vec<Service>, Vec<ImportNote>), ImportError> {
        if self.services.is_empty() {
            return Err(ImportError(format!(
                "no HSDS services found (an organization needs a \"services\" list); HSDS import takes {SHAPES}"
            )));
        }
        Ok((self.services, self.notes))
    }

    /// Notes a page of a longer listing; `false` when the page was read already.
    fn page(&mut self, page: &Object) -> bool {
        let number = page.get("page_number").and_then(Value::as_u64);
        let total = page.get("total_pages").and_then(Value::as_u64);
        let Some(pages) = &mut self.pages else {
            self.page_note(page);
            return true;
        };
        let Some(number) = number else { return true };
        if pages.iter().any(|(seen, _)| *seen == number) {
            self.notes.push(ImportNote::new(
                self.file.trim_end(),
                format!("page {number} was given twice; its services were imported once"),
            ));
            return false;
        }
        pages.push((number, total));
        true
    }

    /// After several files: one note for the pages of the listing that were not given.
    fn missing_pages_note(&mut self) {
        let Some(pages) = &self.pages else { return };
        let Some(total) = pages.iter().filter_map(|(_, total)| *total).max() else { return };
        let missing: Vec<String> =
            (1..=total).filter(|n| !pages.iter().any(|(seen, _)| seen == n)).map(|n| n.to_string()).collect();
        if !missing.is_empty() {
            self.notes.push(ImportNote::new(
                "API pages",
                format!(
                    "pages {} of {total} were not given: only the pages given were imported; import every page to get them all",
                    missing.join(", ")
                ),
            ));
        }
    }
    fn items(&mut self, items: &[Value], what: &str) -> Result<(), ImportError> {
        if items.is_empty() {
            return Err(ImportError(format!("{what} is empty: there are no services to import")));
        }
        for (i, item) in items.iter().enumerate() {
            let place = format!("item {i}");
            match item {
                Value::Object(object) => {
                    if !self.item(object) {
                        self.notes.push(ImportNote::new(
                            place,
                            "not an HSDS service, organization or service_at_location (it has no \"id\" or \"name\"); skipped",
                        ));
                    }
                }
                other => self
                    .notes
                    .push(ImportNote::new(place, format!("{}, not an HSDS service; skipped", kind(other)))),
            }
        }
        Ok(())
    }

    /// Reads a service, an organization's services or a service_at_location's service.
    /// `false` when the object is none of those.
    fn item(&mut self, object: &Object) -> bool {
        if let Some(Value::Object(service)) = object.get("service") {
            self.service(service, None, Some(object));
            return true;
        }
        if let Some(Value::Array(services)) = object.get("services") {
            for service in services.iter().filter_map(Value::as_object) {
                self.service(service, Some(object), None);
            }
            return true;
        }
        // An empty name still marks a service; the builder notes what is missing.
        if object.contains_key("id") || object.contains_key("name") {
            self.service(object, None, None);
            return true;
        }
        false
    }

    /// A page of a longer list: the other pages' services are not here.
    fn page_note(&mut self, page: &Object) {
        let number = page.get("page_number").and_then(Value::as_u64);
        let total = page.get("total_pages").and_then(Value::as_u64);
        let last = page.get("last_page").and_then(Value::as_bool);
        let message = match (number, total) {
            (Some(number), Some(total)) if total > 1 => format!(
                "this is page {number} of {total}: only its services were imported; import every page to get them all"
            ),
            _ if last == Some(false) => {
                "this is not the last page: only its services were imported; import every page to get them all"
                    .to_string()
            }
            _ => return,
        };
        self.notes.push(ImportNote::new("API page", message));
    }

    /// One service. `organization` is the enclosing organization when the service came in
    /// one's `services`; `at_location` the service_at_location it came in.
    fn service(&mut self, object: &Object, organization: Option<&Object>, at_location: Option<&Object>) {
        let index = self.services.len() - self.first;
        let mut service = Service::from_fields(object, format!("{}index {index}", self.file));
        let organization = object.get("organization").and_then(Value::as_object).or(organization);
        service.organization = organization.map(|o| Organization {
            phones: objects(o, "phones").map(Phone::from_fields).collect(),
            ..Organization::from_fields(o)
        });
        service.phones = objects(object, "phones").map(Phone::from_fields).collect();
        service.schedules = schedules(object).collect();
        service.holidays = objects(object, "holiday_schedules").map(Holiday::from_fields).collect();
        service.languages = objects(object, "languages").map(Language::from_fields).collect();
        service.service_areas = all(object, &SERVICE_AREAS).map(ServiceArea::from_fields).collect();
        service.cost_options = objects(object, "cost_options").map(CostOption::from_fields).collect();
        if service.eligibility.is_none() {
            service.eligibility = eligibility(object);
        }
        service.contacts = objects(object, "contacts")
            .map(|c| Contact {
                phones: objects(c, "phones").map(Phone::from_fields).collect(),
                ..Contact::from_fields(c)
            })
            .collect();
        for link in all(object, &TERM_LINKS) {
            let term = link.get("taxonomy_term").or_else(|| link.get("taxonomy")).and_then(Value::as_object);
            let id = link.text("taxonomy_term_id").or_else(|| link.text("taxonomy_id"));
            match (term, id) {
                (Some(term), _) => service.terms.extend(Term::from_fields(term)),
                // 2-1-1 exports often link a term by its AIRS code alone.
                (None, Some(id)) if is_airs_code(&id) => service.terms.push(Term {
                    name: link.text("taxonomy_detail").unwrap_or_default(),
                    code: Some(id),
                }),
                (None, Some(id)) => service.notes.push(format!(
                    "an attribute links taxonomy term \"{id}\", which is not included, so its need could not be read"
                )),
                (None, None) => {}
            }
        }
        service.terms.extend(all(object, &TERMS).filter_map(Term::from_fields));
        // A service_at_location may give only a location_id: its organization lists locations.
        let known: Vec<&Object> = organization.map(|o| objects(o, "locations").collect()).unwrap_or_default();
        for link in at_location.into_iter().chain(all(object, &LOCATION_LINKS)) {
            service.locations.push(location(link, &known));
        }
        self.services.push(service);
    }
}

/// A service_at_location and its location: its own phones and schedules first.
fn location(link: &Object, known: &[&Object]) -> Location {
    let place = link.get("location").and_then(Value::as_object).or_else(|| {
        let id = link.text("location_id")?;
        known.iter().copied().find(|l| l.text("id").as_deref() == Some(id.as_str()))
    });
    let both =
        |key: &'static str| objects(link, key).chain(place.into_iter().flat_map(move |p| objects(p, key)));
    Location {
        location_type: place.and_then(|p| p.text("location_type")),
        addresses: place.map(addresses).unwrap_or_default(),
        phones: both("phones").map(Phone::from_fields).collect(),
        schedules: std::iter::once(link).chain(place).flat_map(schedules).collect(),
        holidays: both("holiday_schedules").map(Holiday::from_fields).collect(),
        languages: place
            .map(|p| objects(p, "languages").map(Language::from_fields).collect())
            .unwrap_or_default(),
        accessibility: place
            .map(|p| {
                objects(p, "accessibility")
                    .chain(objects(p, "accessibility_for_disabilities"))
                    .filter_map(accessibility_line)
                    .collect()
            })
            .unwrap_or_default(),
    }
}

/// A location's addresses: HSDS 3 `addresses` with their `address_type`, HSDS 1/2
/// `physical_addresses` and `postal_addresses`.
fn addresses(place: &Object) -> Vec<Address> {
    let typed = |key: &str, kind: &str| -> Vec<Address> {
        objects(place, key)
            .map(|a| Address { address_type: Some(kind.to_string()), ..Address::from_fields(a) })
            .collect()
    };
    let mut found: Vec<Address> = objects(place, "addresses").map(Address::from_fields).collect();
    found.extend(typed("physical_addresses", "physical"));
    found.extend(typed("postal_addresses", "postal"));
    found
}

/// HSDS 1/2 eligibility: a text, or a list of rules (`{"eligibility": "..."}`) joined.
fn eligibility(service: &Object) -> Option<String> {
    if let Some(text) = service.text("eligibility") {
        return Some(text);
    }
    let rules: Vec<String> = ["eligibility", "eligibilitys", "eligibilities"]
        .iter()
        .filter_map(|key| service.get(*key).and_then(Value::as_array))
        .flatten()
        .filter_map(|rule| match rule {
            Value::String(text) => Some(text.trim().to_string()).filter(|t| !t.is_empty()),
            Value::Object(rule) => rule.text("eligibility").or_else(|| rule.text("description")),
            _ => None,
        })
        .collect();
    (!rules.is_empty()).then(|| rules.join("; "))
}

/// The objects in several list fields, one after another.
fn all<'a>(object: &'a Object, keys: &'a [&str]) -> impl Iterator<Item = &'a Object> + 'a {
    keys.iter().flat_map(move |key| objects(object, key))
}

/// The objects in a list field; anything else is ignored.
fn objects<'a>(object: &'a Object, key: &str) -> impl Iterator<Item = &'a Object> + 'a {
    object.get(key).and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_object)
}
