//! One HSDS service with everything linked to it, as plain text values.
//!
//! The JSON and CSV readers both fill these records, and one builder turns them into
//! programs: that is what makes the two forms of the same data import the same way. Values
//! are kept as the source wrote them (trimmed, empty ones left out); judging them is the
//! builder's job, so that every judgement and note is written once.

/// A service and what hangs off it.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Service {
    /// Where it was in the source, for notes: `index 0`, `services.csv row 2`.
    pub source: String,
    pub id: Option<String>,
    pub name: Option<String>,
    pub alternate_name: Option<String>,
    pub description: Option<String>,
    pub url: Option<String>,
    pub email: Option<String>,
    pub status: Option<String>,
    pub eligibility: Option<String>,
    pub fees_description: Option<String>,
    /// The older `fees` text, read only when `fees_description` is missing.
    pub fees: Option<String>,
    /// As written: a number, or text that may not be one (checked by the builder).
    pub minimum_age: Option<String>,
    pub maximum_age: Option<String>,
    pub assured_date: Option<String>,
    pub last_modified: Option<String>,
    pub organization: Option<Organization>,
    pub phones: Vec<Phone>,
    /// HSDS 3 `schedules` and HSDS 1/2 `regular_schedules` alike.
    pub schedules: Vec<Schedule>,
    /// HSDS 1/2 `holiday_schedules`.
    pub holidays: Vec<Holiday>,
    pub languages: Vec<Language>,
    pub service_areas: Vec<ServiceArea>,
    pub cost_options: Vec<CostOption>,
    pub terms: Vec<Term>,
    /// People to ask (HSDS `contacts`), with their own phones.
    pub contacts: Vec<Contact>,
    /// Through `service_at_location`, in source order.
    pub locations: Vec<Location>,
    /// Links the reader could not follow (a term id with no term), for the builder to note.
    pub notes: Vec<String>,
}

/// A person to ask about a service (HSDS `contacts`).
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Contact {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phones: Vec<Phone>,
}

/// The organization that runs a service.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Organization {
    pub name: Option<String>,
    pub website: Option<String>,
    pub email: Option<String>,
    pub phones: Vec<Phone>,
}

/// A phone number and its extension, as written.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Phone {
    pub number: Option<String>,
    pub extension: Option<String>,
}

/// One HSDS schedule: an iCalendar-style rule and opening times (HSDS 3), or a weekday and
/// opening times (an HSDS 1/2 `regular_schedules` row).
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Schedule {
    /// `MO,TU`, or with ordinals `1MO,-1FR` (first Monday, last Friday).
    pub byday: Option<String>,
    /// HSDS 1/2: `Monday`, `mon`, `1` (Monday) … `7` or `0` (Sunday).
    pub weekday: Option<String>,
    /// `09:00`, `09:00:00`, `17:00:00Z`.
    pub opens_at: Option<String>,
    pub closes_at: Option<String>,
    /// `DAILY`, `WEEKLY`, `MONTHLY`, `YEARLY`.
    pub freq: Option<String>,
    pub interval: Option<String>,
    /// `2,15`: days of the month.
    pub bymonthday: Option<String>,
    /// Weeks of the year and days of the year: rules the catalogue cannot say.
    pub byweekno: Option<String>,
    pub byyearday: Option<String>,
    pub count: Option<String>,
    /// The last day the hours hold (`valid_to`, or the rule's `until`).
    pub valid_to: Option<String>,
    /// Free text, used when nothing else is given.
    pub description: Option<String>,
    /// The hours as the source's staff wrote them.
    pub original_text: Option<String>,
}

/// An HSDS 1/2 `holiday_schedules` row: other hours (or closed) from one date to another.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Holiday {
    pub closed: Option<bool>,
    pub opens_at: Option<String>,
    pub closes_at: Option<String>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
}

/// A language, by code and/or name.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Language {
    pub code: Option<String>,
    pub name: Option<String>,
}

/// Where a service is offered: a place name, free text, or a map shape.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct ServiceArea {
    pub name: Option<String>,
    pub description: Option<String>,
    pub extent: Option<String>,
    pub extent_type: Option<String>,
}

/// One price (HSDS `cost_options`).
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct CostOption {
    /// Who the price is for: "Under 18s and Over 60s".
    pub option: Option<String>,
    pub currency: Option<String>,
    pub amount: Option<String>,
    /// "per 1 hour session".
    pub amount_description: Option<String>,
}

/// A taxonomy term attached to a service.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Term {
    pub code: Option<String>,
    pub name: String,
}

/// A location where the service is offered, with the service-at-location's own phones and
/// schedules first, then the location's.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Location {
    /// `physical`, `postal` or `virtual`.
    pub location_type: Option<String>,
    pub addresses: Vec<Address>,
    pub phones: Vec<Phone>,
    pub schedules: Vec<Schedule>,
    pub holidays: Vec<Holiday>,
    pub languages: Vec<Language>,
    /// HSDS `accessibility_for_disabilities`, each as one line: "Wheelchair: ramp at the side door".
    pub accessibility: Vec<String>,
}

/// A postal or physical address. City, state, ZIP code and country are kept apart, as
/// written, so places outside Connecticut can be built from them.
#[derive(Clone, Debug, Default, PartialEq)]
pub(super) struct Address {
    pub address_1: Option<String>,
    pub address_2: Option<String>,
    pub city: Option<String>,
    pub state_province: Option<String>,
    pub postal_code: Option<String>,
    pub country: Option<String>,
    /// `physical`, `postal` or `virtual`.
    pub address_type: Option<String>,
}

impl Location {
    /// Whether the service is offered online or by phone here, not at a place.
    pub fn is_virtual(&self) -> bool {
        self.location_type.as_deref().is_some_and(|k| k.trim().eq_ignore_ascii_case("virtual"))
    }

    /// The first physical address (`true`), else the first postal one (`false`).
    pub fn main_address(&self) -> Option<(&Address, bool)> {
        let of_type = |wanted: &str| {
            self.addresses.iter().find(|a| {
                let kind = a.address_type.as_deref().map(|t| t.trim().to_lowercase()).unwrap_or_default();
                // An address without a type is most often the street address.
                kind == wanted || (wanted == "physical" && kind.is_empty())
            })
        };
        of_type("physical").map(|a| (a, true)).or_else(|| of_type("postal").map(|a| (a, false)))
    }
}

/// A record that has named text values: a JSON object or a CSV row. Lets both readers share
/// the field names below, so a name is spelled once.
pub(super) trait Fields {
    /// The value, trimmed; `None` when missing or empty.
    fn text(&self, key: &str) -> Option<String>;

    /// A yes/no value: the words of [`crate::fields::yes_or_no`] (`true`, `1`, `yes`, `y`,
    /// any case, or their opposites), and `t` or `f`, as database exports write them.
    fn flag(&self, key: &str) -> Option<bool> {
        match self.text(key)?.to_lowercase().as_str() {
            "t" => Some(true),
            "f" => Some(false),
            other => crate::fields::yes_or_no(other),
        }
    }
}

impl Service {
    /// The service's own values; linked records are added by the reader.
    pub fn from_fields(fields: &impl Fields, source: String) -> Service {
        Service {
            source,
            id: fields.text("id"),
            name: fields.text("name"),
            alternate_name: fields.text("alternate_name"),
            description: fields.text("description"),
            url: fields.text("url"),
            email: fields.text("email"),
            status: fields.text("status"),
            eligibility: fields.text("eligibility_description"),
            fees_description: fields.text("fees_description"),
            fees: fields.text("fees"),
            minimum_age: fields.text("minimum_age"),
            maximum_age: fields.text("maximum_age"),
            assured_date: fields.text("assured_date"),
            last_modified: fields.text("last_modified"),
            ..Service::default()
        }
    }
}

impl Organization {
    /// The organization's own values; phones are added by the reader.
    pub fn from_fields(fields: &impl Fields) -> Organization {
        Organization {
            name: fields.text("name"),
            // HSDS 1/2 called the website `url`.
            website: fields.text("website").or_else(|| fields.text("url")),
            email: fields.text("email"),
            phones: Vec::new(),
        }
    }
}

impl Phone {
    pub fn from_fields(fields: &impl Fields) -> Phone {
        Phone { number: fields.text("number"), extension: fields.text("extension") }
    }
}

impl Schedule {
    pub fn from_fields(fields: &impl Fields) -> Schedule {
        Schedule {
            byday: fields.text("byday"),
            opens_at: fields.text("opens_at"),
            closes_at: fields.text("closes_at"),
            weekday: fields.text("weekday"),
            freq: fields.text("freq"),
            interval: fields.text("interval"),
            bymonthday: fields.text("bymonthday"),
            byweekno: fields.text("byweekno"),
            byyearday: fields.text("byyearday"),
            count: fields.text("count"),
            valid_to: fields.text("valid_to").or_else(|| fields.text("until")),
            description: fields.text("description"),
            original_text: fields.text("original_text"),
        }
    }
}

impl Holiday {
    pub fn from_fields(fields: &impl Fields) -> Holiday {
        Holiday {
            closed: fields.flag("closed"),
            opens_at: fields.text("opens_at"),
            closes_at: fields.text("closes_at"),
            start_date: fields.text("start_date"),
            end_date: fields.text("end_date"),
        }
    }
}

impl Language {
    pub fn from_fields(fields: &impl Fields) -> Language {
        // HSDS 1/2 wrote the name in a `language` column.
        Language { code: fields.text("code"), name: fields.text("name").or_else(|| fields.text("language")) }
    }
}

impl ServiceArea {
    pub fn from_fields(fields: &impl Fields) -> ServiceArea {
        ServiceArea {
            // HSDS 1/2 wrote the name in a `service_area` column.
            name: fields.text("name").or_else(|| fields.text("service_area")),
            description: fields.text("description"),
            extent: fields.text("extent"),
            extent_type: fields.text("extent_type"),
        }
    }
}

impl CostOption {
    pub fn from_fields(fields: &impl Fields) -> CostOption {
        CostOption {
            option: fields.text("option"),
            currency: fields.text("currency"),
            amount: fields.text("amount"),
            amount_description: fields.text("amount_description"),
        }
    }
}

impl Term {
    /// `None` when the term has neither a name nor a code. HSDS 2 called the name `term`.
    /// HSDS 1 had no `code`: 2-1-1 exports put the AIRS code in the `id` (`BD-1800.2000`).
    pub fn from_fields(fields: &impl Fields) -> Option<Term> {
        let code = fields.text("code").or_else(|| fields.text("id").filter(|id| is_airs_code(id)));
        let name = fields.text("name").or_else(|| fields.text("term"));
        if code.is_none() && name.is_none() {
            return None;
        }
        Some(Term { code, name: name.unwrap_or_default() })
    }
}

impl Address {
    pub fn from_fields(fields: &impl Fields) -> Address {
        Address {
            address_1: fields.text("address_1"),
            address_2: fields.text("address_2"),
            city: fields.text("city"),
            state_province: fields.text("state_province"),
            postal_code: fields.text("postal_code"),
            country: fields.text("country"),
            address_type: fields.text("address_type"),
        }
    }
}

impl Contact {
    /// The contact's own values; phones are added by the reader.
    pub fn from_fields(fields: &impl Fields) -> Contact {
        Contact { name: fields.text("name"), email: fields.text("email"), phones: Vec::new() }
    }
}

/// One accessibility row as a line: "Wheelchair: ramp at the side door". HSDS 1/2 call the
/// feature `accessibility`, HSDS 3 `description`; both have `details`.
pub(super) fn accessibility_line(fields: &impl Fields) -> Option<String> {
    let feature = fields.text("accessibility").or_else(|| fields.text("description"));
    match (feature, fields.text("details")) {
        (Some(feature), Some(details)) if feature.ends_with(['.', ':']) => {
            Some(format!("{feature} {details}"))
        }
        (Some(feature), Some(details)) => Some(format!("{feature}: {details}")),
        (feature, details) => feature.or(details),
    }
}

/// Whether an id is an AIRS/211 taxonomy code: one or two capital letters (`B`, `BD`), then
/// nothing or `-` and digits with `.` and `-` (`BD-1800.2000-620`).
pub(super) fn is_airs_code(id: &str) -> bool {
    let letters = id.bytes().take_while(u8::is_ascii_uppercase).count();
    let rest = &id[letters..];
    (1..=2).contains(&letters)
        && (rest.is_empty()
            || rest.strip_prefix('-').is_some_and(|digits| {
                digits.starts_with(|c: char| c.is_ascii_digit())
                    && digits.bytes().all(|c| c.is_ascii_digit() || c == b'.' || c == b'-')
            }))
}
