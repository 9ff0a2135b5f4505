//! An HSDS CSV data package: one table per file, linked by ids (`service_id`, `location_id`,
//! `taxonomy_term_id`...). Each service's linked rows are gathered into the same record the
//! JSON reader fills.
//!
//! Rows linked to a location belong to every service there, unless they name another
//! service: a location's phone with `service_id` of a different service is not this one's.

use std::collections::{BTreeMap, HashMap};

use super::model::{
    Address, CostOption, Fields, Holiday, Language, Location, Organization, Phone, Schedule, Service,
    ServiceArea, Term,
};
use crate::import::{ImportError, ImportNote};

/// HSDS 2 tables with meaning for families, and the HSDS 3 table that replaced each.
/// (`regular_schedules.csv` and `holiday_schedules.csv` are read.)
const HSDS2_TABLES: [(&str, &str); 5] = [
    ("physical_addresses.csv", "addresses.csv"),
    ("postal_address.csv", "addresses.csv"),
    ("service_taxonomy.csv", "attributes.csv"),
    ("service_area.csv", "service_areas.csv"),
    ("taxonomy.csv", "taxonomy_terms.csv"),
];

/// The services in the package, and notes on tables that were not read.
pub(super) fn read(
    tables: &BTreeMap<String, String>,
) -> Result<(Vec<Service>, Vec<ImportNote>), ImportError> {
    // "export/Services.CSV" and "services.csv" are the same table.
    let files: BTreeMap<String, &str> = tables
        .iter()
        .map(|(name, text)| {
            let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
            (base.trim().to_lowercase(), text.as_str())
        })
        .collect();
    let mut notes = Vec::new();
    for (old, new) in HSDS2_TABLES {
        if files.contains_key(old) && !files.contains_key(new) {
            notes.push(ImportNote::new(
                old,
                format!("an HSDS 2 table, not read: export the data as HSDS 3.0, which has {new}"),
            ));
        }
    }
    let Some(services_text) = files.get("services.csv") else {
        return Err(ImportError(
            "services.csv is missing: a CSV data package needs at least services.csv".into(),
        ));
    };
    let services = Table::parse("services.csv", services_text)?;
    if !services.columns.iter().any(|c| c == "id" || c == "name") {
        return Err(ImportError(
            "services.csv has neither an \"id\" nor a \"name\" column: its first line should name the columns (id, name, description, ...)"
                .into(),
        ));
    }
    if services.rows.is_empty() {
        return Err(ImportError("services.csv lists no services: it has only its header line".into()));
    }
    let table = |name: &str| match files.get(name) {
        Some(text) => Table::parse(name, text),
        None => Ok(Table::default()),
    };
    let package = Package {
        organizations: table("organizations.csv")?,
        phones: table("phones.csv")?,
        // HSDS 1/2 `regular_schedules` rows are schedules with a weekday.
        schedules: table("schedules.csv")?.and(table("regular_schedules.csv")?),
        holidays: table("holiday_schedules.csv")?,
        languages: table("languages.csv")?,
        service_areas: table("service_areas.csv")?,
        cost_options: table("cost_options.csv")?,
        attributes: table("attributes.csv")?,
        taxonomy_terms: table("taxonomy_terms.csv")?,
        service_at_location: table("service_at_location.csv")?,
        locations: table("locations.csv")?,
        addresses: table("addresses.csv")?,
    };
    let links = Links::new(&package);
    let read = services.rows.iter().map(|row| links.service(row)).collect();
    Ok((read, notes))
}

/// The tables, parsed; missing ones are empty.
struct Package {
    organizations: Table,
    phones: Table,
    schedules: Table,
    holidays: Table,
    languages: Table,
    service_areas: Table,
    cost_options: Table,
    attributes: Table,
    taxonomy_terms: Table,
    service_at_location: Table,
    locations: Table,
    addresses: Table,
}

/// Rows by the id they link to, built once so each service is gathered without scanning.
struct Links<'a> {
    organizations: Index<'a>,
    phones_by_service: Index<'a>,
    phones_by_organization: Index<'a>,
    phones_by_link: Index<'a>,
    phones_by_location: Index<'a>,
    schedules_by_service: Index<'a>,
    schedules_by_link: Index<'a>,
    schedules_by_location: Index<'a>,
    holidays_by_service: Index<'a>,
    holidays_by_link: Index<'a>,
    holidays_by_location: Index<'a>,
    languages_by_service: Index<'a>,
    languages_by_location: Index<'a>,
    service_areas: Index<'a>,
    cost_options: Index<'a>,
    attributes: Index<'a>,
    terms: Index<'a>,
    links: Index<'a>,
    locations: Index<'a>,
    addresses: Index<'a>,
}

impl<'a> Links<'a> {
    fn new(p: &'a Package) -> Links<'a> {
        Links {
            organizations: p.organizations.by("id"),
            phones_by_service: p.phones.by("service_id"),
            phones_by_organization: p.phones.by("organization_id"),
            phones_by_link: p.phones.by("service_at_location_id"),
            phones_by_location: p.phones.by("location_id"),
            schedules_by_service: p.schedules.by("service_id"),
            schedules_by_link: p.schedules.by("service_at_location_id"),
            schedules_by_location: p.schedules.by("location_id"),
            holidays_by_service: p.holidays.by("service_id"),
            holidays_by_link: p.holidays.by("service_at_location_id"),
            holidays_by_location: p.holidays.by("location_id"),
            languages_by_service: p.languages.by("service_id"),
            languages_by_location: p.languages.by("location_id"),
            service_areas: p.service_areas.by("service_id"),
            cost_options: p.cost_options.by("service_id"),
            attributes: p.attributes.by("link_id"),
            terms: p.taxonomy_terms.by("id"),
            links: p.service_at_location.by("service_id"),
            locations: p.locations.by("id"),
            addresses: p.addresses.by("location_id"),
        }
    }

    fn service(&self, row: &Row) -> Service {
        let mut service = Service::from_fields(row, format!("services.csv row {}", row.number));
        // Without an id nothing can link to the service; "" matches no stored value.
        let id = service.id.clone().unwrap_or_default();
        let mine = |r: &Row| r.get("service_id").is_none_or(|s| s == id);
        if let Some(organization_id) = row.get("organization_id") {
            match self.organizations.get(organization_id).first() {
                Some(organization) => {
                    service.organization = Some(Organization {
                        phones: self.phones_by_organization.get(organization_id).iter().filter(|r| mine(r)).map(|r| Phone::from_fields(*r)).collect(),
                        ..Organization::from_fields(*organization)
                    })
                }
                None => service.notes.push(format!(
                    "its organization \"{organization_id}\" is not in organizations.csv, so the organization's name is missing"
                )),
            }
        }
        service.phones = self.phones_by_service.get(&id).iter().map(|r| Phone::from_fields(*r)).collect();
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
        for attribute in self.attributes.get(&id) {
            let Some(term_id) = attribute.get("taxonomy_term_id") else { continue };
            match self.terms.get(term_id).first() {
                Some(term) => service.terms.extend(Term::from_fields(*term)),
                None => service.notes.push(format!(
                    "attributes.csv row {} links taxonomy term \"{term_id}\", which is not in taxonomy_terms.csv, so its need could not be read",
                    attribute.number
                )),
            }
        }
        for link in self.links.get(&id) {
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
            service.locations.push(Location {
                location_type: self.locations.get(place).first().and_then(|l| l.text("location_type")),
                addresses: self.addresses.get(place).iter().map(|r| Address::from_fields(*r)).collect(),
                phones: by_link_then_place(&self.phones_by_link, &self.phones_by_location)
                    .into_iter()
                    .map(Phone::from_fields)
                    .collect(),
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
            });
        }
        service
    }
}

/// One parsed CSV file.
#[derive(Default)]
struct Table {
    /// Column names, lower case.
    columns: Vec<String>,
    rows: Vec<Row>,
}

/// One data row: its non-empty values by column name.
struct Row {
    /// As a spreadsheet counts it: the header is row 1.
    number: usize,
    values: HashMap<String, String>,
}

impl Row {
    fn get(&self, column: &str) -> Option<&str> {
        self.values.get(column).map(String::as_str)
    }
}

impl Fields for Row {
    fn text(&self, key: &str) -> Option<String> {
        self.get(key).map(str::to_string)
    }
}

impl Table {
    fn parse(name: &str, text: &str) -> Result<Table, ImportError> {
        // Spreadsheet programs often start UTF-8 files with a byte-order mark.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut reader = ::csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
        let columns: Vec<String> = reader
            .headers()
            .map_err(|e| ImportError(format!("{name} could not be read: {e}")))?
            .iter()
            .map(|c| c.trim().to_lowercase())
            .collect();
        let mut rows = Vec::new();
        for (i, record) in reader.records().enumerate() {
            let number = i + 2;
            let record =
                record.map_err(|e| ImportError(format!("{name} row {number} could not be read: {e}")))?;
            let values: HashMap<String, String> = columns
                .iter()
                .zip(record.iter())
                .map(|(column, value)| (column.clone(), value.trim().to_string()))
                .filter(|(_, value)| !value.is_empty())
                .collect();
            if !values.is_empty() {
                rows.push(Row { number, values });
            }
        }
        Ok(Table { columns, rows })
    }

    /// This table's rows, then `other`'s.
    fn and(mut self, other: Table) -> Table {
        for column in other.columns {
            if !self.columns.contains(&column) {
                self.columns.push(column);
            }
        }
        self.rows.extend(other.rows);
        self
    }

    fn by(&self, column: &str) -> Index<'_> {
        let mut index: HashMap<&str, Vec<&Row>> = HashMap::new();
        for row in &self.rows {
            if let Some(key) = row.get(column) {
                index.entry(key).or_default().push(row);
            }
        }
        Index(index)
    }
}

/// Rows by one column's value.
struct Index<'a>(HashMap<&'a str, Vec<&'a Row>>);

impl<'a> Index<'a> {
    /// The rows with this value, in file order; none for an empty key.
    fn get(&self, key: &str) -> &[&'a Row] {
        self.0.get(key).map(Vec::as_slice).unwrap_or(&[])
    }
}
