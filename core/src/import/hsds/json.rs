//! HSDS JSON, in the shapes the HSDS API returns: a service, a list, a page
//! (`{"contents": [...]}`), an organization with its `services`, or a service_at_location
//! with its `service`. Linked records come nested, so each service is read in one go.

use crate::fields::kind;
use serde_json::{Map, Value};

use super::model::{accessibility_line, Address};
use super::model::{
    CostOption, Fields, Holiday, Language, Location, Organization, Phone, Schedule, Service, ServiceArea,
    Term,
};
use crate::import::{ImportError, ImportNote};

type Object = Map<String, Value>;

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
    let value: Value = serde_json::from_str(text)
        .map_err(|e| ImportError(format!("this is not valid JSON ({e}); HSDS import takes {SHAPES}")))?;
    let mut reader = Reader::default();
    match &value {
        Value::Array(items) => reader.items(items, "the list")?,
        Value::Object(page) if page.contains_key("contents") => {
            let Some(Value::Array(items)) = page.get("contents") else {
                return Err(ImportError("\"contents\" should be a list of services".into()));
            };
            reader.page_note(page);
            reader.items(items, "the page's \"contents\"")?;
        }
        Value::Object(object) if object.contains_key("programs") && object.contains_key("version") => {
            return Err(ImportError(
                "this is a Program Finder catalogue already, not HSDS data: it needs no import".into(),
            ));
        }
        Value::Object(object) => {
            if !reader.item(object) {
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
    if reader.services.is_empty() {
        return Err(ImportError(format!(
            "no HSDS services found (an organization needs a \"services\" list); HSDS import takes {SHAPES}"
        )));
    }
    Ok((reader.services, reader.notes))
}

#[derive(Default)]
struct Reader {
    services: Vec<Service>,
    notes: Vec<ImportNote>,
}

impl Reader {
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
        let mut service = Service::from_fields(object, format!("index {}", self.services.len()));
        let organization = object.get("organization").and_then(Value::as_object).or(organization);
        service.organization = organization.map(|o| Organization {
            phones: objects(o, "phones").map(Phone::from_fields).collect(),
            ..Organization::from_fields(o)
        });
        service.phones = objects(object, "phones").map(Phone::from_fields).collect();
        service.schedules = schedules(object).collect();
        service.holidays = objects(object, "holiday_schedules").map(Holiday::from_fields).collect();
        service.languages = objects(object, "languages").map(Language::from_fields).collect();
        service.service_areas = objects(object, "service_areas").map(ServiceArea::from_fields).collect();
        service.cost_options = objects(object, "cost_options").map(CostOption::from_fields).collect();
        for attribute in objects(object, "attributes") {
            match attribute.get("taxonomy_term").and_then(Value::as_object) {
                Some(term) => service.terms.extend(Term::from_fields(term)),
                None => {
                    if let Some(id) = attribute.text("taxonomy_term_id") {
                        service.notes.push(format!(
                            "an attribute links taxonomy term \"{id}\", which is not included, so its need could not be read"
                        ));
                    }
                }
            }
        }
        service.terms.extend(objects(object, "taxonomy_terms").filter_map(Term::from_fields));
        // A service_at_location may give only a location_id: its organization lists locations.
        let known: Vec<&Object> = organization.map(|o| objects(o, "locations").collect()).unwrap_or_default();
        for link in at_location.into_iter().chain(objects(object, "service_at_locations")) {
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
        addresses: place
            .map(|p| objects(p, "addresses").map(Address::from_fields).collect())
            .unwrap_or_default(),
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

/// The objects in a list field; anything else is ignored.
fn objects<'a>(object: &'a Object, key: &str) -> impl Iterator<Item = &'a Object> + 'a {
    object.get(key).and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_object)
}
