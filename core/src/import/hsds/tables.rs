//! An HSDS CSV data package (HSDS 1.x, 2.x or 3.0): one table per file, linked by ids
//! (`service_id`, `location_id`, `taxonomy_term_id`...). Each service's linked rows are
//! gathered into the same record the JSON reader fills.
//!
//! The versions name the same things differently, and all are read: terms in `taxonomy`
//! (1.x, linked by `service_taxonomy.taxonomy_id`), `taxonomy_terms` (2.x, linked by
//! `service_attributes`; 3.0, by `attributes.link_id`); addresses in `physical_addresses`
//! and `postal_addresses` (1.x, 2.x) or `addresses` with an `address_type` (3.0);
//! `regular_schedules` or `schedules`; `service_area` or `service_areas`; eligibility in
//! its own table (1.x, 2.x) or on the service (3.0).
//!
//! Rows linked to a location belong to every service there, unless they name another
//! service: a location's phone with `service_id` of a different service is not this one's.
//! Links that lead nowhere are counted once per kind ([`BrokenLinks`]), never fatal.

use std::collections::{BTreeMap, HashSet};

use super::broken_links::BrokenLinks;
use super::csv_table::{Index, Row, Table};
use super::model::{
    accessibility_line, is_airs_code, Address, Contact, CostOption, Holiday, Language, Location,
    Organization, Phone, Schedule, Service, ServiceArea, Term,
};
use super::package::{Files, Version};
use crate::import::{ImportError, ImportNote};

/// Tables whose rows name the service they belong to by `service_id`.
const LINKED_TO_SERVICES: [&str; 10] = [
    "phones",
    "schedules",
    "holiday_schedules",
    "languages",
    "service_areas",
    "eligibility",
    "service_attributes",
    "service_at_location",
    "contacts",
    "cost_options",
];

/// Tables whose rows others link to by `id`.
const LINKED_BY_ID: [&str; 4] = ["services", "organizations", "locations", "service_at_location"];

/// The services in the package, and notes on what could not be read or linked.
pub(super) fn read(given: &BTreeMap<String, String>) -> Result<(Vec<Service>, Vec<ImportNote>), ImportError> {
    let mut notes = Vec::new();
    let mut broken = BrokenLinks::default();
    let files = Files::sort(given, &mut notes, &mut broken);
    if !files.tables.contains_key("services") {
        return Err(ImportError(if files.tables.is_empty() {
            "there is no HSDS table here: a CSV data package is a folder of CSV files with at least services.csv".into()
        } else {
            "services.csv is missing: a CSV data package needs at least services.csv".into()
        }));
    }
    let mut parse = |table: &str| -> Result<Table, ImportError> {
        let mut all = Table::default();
        for (name, text) in files.tables.get(table).into_iter().flatten() {
            all = all.and(Table::parse(name, text, &mut notes)?);
        }
        Ok(all)
    };
    let services = parse("services")?;
    if !services.has_column("id") && !services.has_column("name") {
        return Err(ImportError(
            "services.csv has neither an \"id\" nor a \"name\" column: its first line should name the columns (id, name, description, ...)"
                .into(),
        ));
    }
    if services.rows.is_empty() {
        return Err(ImportError("services.csv lists no services: it has only its header line".into()));
    }
    let service_attributes = parse("service_attributes")?;
    let version = files.version(service_attributes.has_column("taxonomy_term_id"));
    // In HSDS 1.x `taxonomy` holds the terms; later it lists the vocabularies they come from.
    let terms = match version {
        Version::One => parse("taxonomy")?.and(parse("taxonomy_terms")?),
        Version::Two | Version::Three => parse("taxonomy_terms")?,
    };
    let package = Package {
        organizations: parse("organizations")?,
        phones: parse("phones")?,
        schedules: parse("schedules")?,
        holidays: parse("holiday_schedules")?,
        languages: parse("languages")?,
        service_areas: parse("service_areas")?,
        eligibility: parse("eligibility")?,
        cost_options: parse("cost_options")?,
        attributes: parse("attributes")?,
        service_attributes,
        terms,
        contacts: parse("contacts")?,
        service_at_location: parse("service_at_location")?,
        locations: parse("locations")?,
        addresses: parse("addresses")?,
        physical_addresses: parse("physical_addresses")?,
        postal_addresses: parse("postal_addresses")?,
        accessibility: parse("accessibility")?,
        services,
    };
    package.check_links(&mut broken);
    let links = Links::new(&package);
    let read = package.services.rows.iter().map(|row| links.service(row, &mut broken)).collect();
    notes.extend(broken.into_notes());
    Ok((read, notes))
}

/// The tables, parsed; missing ones are empty.
struct Package {
    services: Table,
    organizations: Table,
    phones: Table,
    schedules: Table,
    holidays: Table,
    languages: Table,
    service_areas: Table,
    eligibility: Table,
    cost_options: Table,
    /// HSDS 3.0: terms linked to anything by `link_id`.
    attributes: Table,
    /// HSDS 1.x and 2.x: terms linked to services by `service_id`.
    service_attributes: Table,
    terms: Table,
    contacts: Table,
    service_at_location: Table,
    locations: Table,
    addresses: Table,
    physical_addresses: Table,
    postal_addresses: Table,
    accessibility: Table,
}

impl Package {
    fn table(&self, name: &str) -> &Table {
        match name {
            "services" => &self.services,
            "organizations" => &self.organizations,
            "phones" => &self.phones,
            "schedules" => &self.schedules,
            "holiday_schedules" => &self.holidays,
            "languages" => &self.languages,
            "service_areas" => &self.service_areas,
            "eligibility" => &self.eligibility,
            "service_attributes" => &self.service_attributes,
            "service_at_location" => &self.service_at_location,
            "contacts" => &self.contacts,
            "cost_options" => &self.cost_options,
            "locations" => &self.locations,
            _ => &self.attributes,
        }
    }

    /// Counts rows without an id, rows naming a service that is not there, and links to
    /// locations that are not there.
    fn check_links(&self, broken: &mut BrokenLinks) {
        for name in LINKED_BY_ID {
            let table = self.table(name);
            // A table without an id column is linked to by nothing; HSDS 1.x exports omit
            // `service_at_location.id`, for one.
            if !table.has_column("id") && name != "services" {
                continue;
            }
            for row in table.rows.iter().filter(|r| r.get("id").is_none()) {
                broken.add(
                    &row.file,
                    "rows without an id",
                    "nothing can link to them, so what other tables say about them is missing",
                    format!("row {}", row.number),
                );
            }
        }
        let services: HashSet<&str> = self.services.rows.iter().filter_map(|r| r.get("id")).collect();
        for name in LINKED_TO_SERVICES {
            for row in &self.table(name).rows {
                if let Some(id) = row.get("service_id").filter(|id| !services.contains(id)) {
                    broken.add(
                        &row.file,
                        "rows naming a service that is not in services.csv",
                        "they were not used",
                        format!("\"{id}\" (row {})", row.number),
                    );
                }
            }
        }
        if !self.locations.rows.is_empty() {
            let locations: HashSet<&str> = self.locations.rows.iter().filter_map(|r| r.get("id")).collect();
            for row in &self.service_at_location.rows {
                if let Some(id) = row.get("location_id").filter(|id| !locations.contains(id)) {
                    broken.add(
                        &row.file,
                        "rows naming a location that is not in locations.csv",
                        "only the addresses, phones and hours linked to the location id were used",
                        format!("\"{id}\" (row {})", row.number),
                    );
                }
            }
        }
    }
}

/// Rows by the id they link to, built once so each service is gathered without scanning.
struct Links<'a> {
    organizations: Index<'a>,
    phones_by_service: Index<'a>,
    phones_by_organization: Index<'a>,
    phones_by_link: Index<'a>,
    phones_by_location: Index<'a>,
    phones_by_contact: Index<'a>,
    schedules_by_service: Index<'a>,
    schedules_by_link: Index<'a>,
    schedules_by_location: Index<'a>,
    holidays_by_service: Index<'a>,
    holidays_by_link: Index<'a>,
    holidays_by_location: Index<'a>,
    languages_by_service: Index<'a>,
    languages_by_location: Index<'a>,
    service_areas: Index<'a>,
    eligibility: Index<'a>,
    cost_options: Index<'a>,
    attributes: Index<'a>,
    service_attributes: Index<'a>,
    terms: Index<'a>,
    /// Whether the package has terms at all: without them a link's AIRS code is the term.
    has_terms: bool,
    contacts: Index<'a>,
    links: Index<'a>,
    locations: Index<'a>,
    addresses: Index<'a>,
    physical_addresses: Index<'a>,
    postal_addresses: Index<'a>,
    accessibility: Index<'a>,
}

impl<'a> Links<'a> {
    fn new(p: &'a Package) -> Links<'a> {
        Links {
            organizations: p.organizations.by("id"),
            phones_by_service: p.phones.by("service_id"),
            phones_by_organization: p.phones.by("organization_id"),
            phones_by_link: p.phones.by("service_at_location_id"),
            phones_by_location: p.phones.by("location_id"),
            phones_by_contact: p.phones.by("contact_id"),
            schedules_by_service: p.schedules.by("service_id"),
            schedules_by_link: p.schedules.by("service_at_location_id"),
            schedules_by_location: p.schedules.by("location_id"),
            holidays_by_service: p.holidays.by("service_id"),
            holidays_by_link: p.holidays.by("service_at_location_id"),
            holidays_by_location: p.holidays.by("location_id"),
            languages_by_service: p.languages.by("service_id"),
            languages_by_location: p.languages.by("location_id"),
            service_areas: p.service_areas.by("service_id"),
            eligibility: p.eligibility.by("service_id"),
            cost_options: p.cost_options.by("service_id"),
            attributes: p.attributes.by("link_id"),
            service_attributes: p.service_attributes.by("service_id"),
            terms: p.terms.by("id"),
            has_terms: !p.terms.rows.is_empty(),
            contacts: p.contacts.by("service_id"),
            links: p.service_at_location.by("service_id"),
            locations: p.locations.by("id"),
            addresses: p.addresses.by("location_id"),
            physical_addresses: p.physical_addresses.by("location_id"),
            postal_addresses: p.postal_addresses.by("location_id"),
            accessibility: p.accessibility.by("location_id"),
        }
    }

    fn service(&self, row: &Row, broken: &mut BrokenLinks) -> Service {
        let mut service = Service::from_fields(row, row.place());
        // Without an id nothing can link to the service; "" matches no stored value.
        let id = service.id.clone().unwrap_or_default();
        let mine = |r: &Row| r.get("service_id").is_none_or(|s| s == id);
        if let Some(organization_id) = row.get("organization_id") {
            match self.organizations.get(organization_id).first() {
                Some(organization) => {
                    service.organization = Some(Organization {
                        phones: phones(
                            self.phones_by_organization.get(organization_id).iter().filter(|r| mine(r)),
                        ),
                        ..Organization::from_fields(*organization)
                    })
                }
                None => broken.add(
                    &row.file,
                    "services naming an organization that is not in organizations.csv",
                    "their organization's name is missing",
                    format!("\"{organization_id}\" (row {})", row.number),
                ),
            }
        }
        service.phones = phones(self.phones_by_service.get(&id).iter());
        service.schedules =
            self.schedules_by_service.get(&id).iter().map(|r| Schedule::from_fields(*r)).collect();
        service.holidays =
            self.holidays_by_service.get(&id).iter().map(|r| Holiday::from_fields(*r)).collect();
        service.languages =
            self.languages_by_service.get(&id).iter().map(|r| Language::from_fields(*r)).collect();
        service.service_areas =
            self.service_areas.get(&id).iter().map(|r| ServiceArea::from_fields(*r)).collect();
        service.cost_options =
            self.cost_options.get(&id).iter().map(|r| CostOption::from_fields(*r)).collect();
        if service.eligibility.is_none() {
            // HSDS 1/2: one row per rule, in an `eligibility` column.
            let rules: Vec<&str> = self
                .eligibility
                .get(&id)
                .iter()
                .filter_map(|r| r.get("eligibility").or_else(|| r.get("description")))
                .collect();
            service.eligibility = (!rules.is_empty()).then(|| rules.join("; "));
        }
        service.contacts = self
            .contacts
            .get(&id)
            .iter()
            .map(|r| Contact {
                phones: phones(r.get("id").map(|c| self.phones_by_contact.get(c)).unwrap_or_default().iter()),
                ..Contact::from_fields(*r)
            })
            .collect();
        for link in self.attributes.get(&id).iter().chain(self.service_attributes.get(&id)) {
            let Some(term_id) = link.get("taxonomy_term_id").or_else(|| link.get("taxonomy_id")) else {
                continue;
            };
            match self.terms.get(term_id).first() {
                Some(term) => service.terms.extend(Term::from_fields(*term)),
                // A 2-1-1 export without its taxonomy table still names each term by its code.
                None if !self.has_terms && is_airs_code(term_id) => service.terms.push(Term {
                    code: Some(term_id.to_string()),
                    name: link.get("taxonomy_detail").unwrap_or_default().to_string(),
                }),
                None => broken.add(
                    &link.file,
                    "rows naming a taxonomy term that is not in the package's terms",
                    "the needs they stand for could not be read",
                    format!("\"{term_id}\" (row {})", link.number),
                ),
            }
        }
        for link in self.links.get(&id) {
            service.locations.push(self.location(link, &mine));
        }
        service
    }

    /// A service_at_location row and its location: its own phones and hours first.
    fn location(&self, link: &Row, mine: &impl Fn(&Row) -> bool) -> Location {
        let place = link.get("location_id").unwrap_or_default();
        let link_id = link.get("id").unwrap_or_default();
        let by_link_then_place = |by_link: &Index<'a>, by_place: &Index<'a>| -> Vec<&'a Row> {
            by_link
                .get(link_id)
                .iter()
                .chain(by_place.get(place).iter().filter(|r| mine(r)))
                .copied()
                .collect()
        };
        let typed = |index: &Index<'a>, kind: &'static str| -> Vec<Address> {
            index
                .get(place)
                .iter()
                .map(|r| Address { address_type: Some(kind.to_string()), ..Address::from_fields(*r) })
                .collect()
        };
        Location {
            location_type: self
                .locations
                .get(place)
                .first()
                .and_then(|l| l.get("location_type").map(str::to_string)),
            addresses: self
                .addresses
                .get(place)
                .iter()
                .map(|r| Address::from_fields(*r))
                .chain(typed(&self.physical_addresses, "physical"))
                .chain(typed(&self.postal_addresses, "postal"))
                .collect(),
            phones: phones(by_link_then_place(&self.phones_by_link, &self.phones_by_location).iter()),
            schedules: by_link_then_place(&self.schedules_by_link, &self.schedules_by_location)
                .into_iter()
                .map(Schedule::from_fields)
                .collect(),
            holidays: by_link_then_place(&self.holidays_by_link, &self.holidays_by_location)
                .into_iter()
                .map(Holiday::from_fields)
                .collect(),
            languages: self
                .languages_by_location
                .get(place)
                .iter()
                .filter(|r| mine(r))
                .map(|r| Language::from_fields(*r))
                .collect(),
            accessibility: self
                .accessibility
                .get(place)
                .iter()
                .filter_map(|r| accessibility_line(*r))
                .collect(),
        }
    }
}

fn phones<'r>(rows: impl Iterator<Item = &'r &'r Row>) -> Vec<Phone> {
    rows.map(|r| Phone::from_fields(*r)).collect()
}
