//! Inputs the fuzz targets (`fuzz/`, `make fuzz`) once crashed on, kept as tests so the
//! bugs stay fixed. Each names the target and the date it was found.

use finder_core::age::ChildAge;

/// url_state, 23 November 2026: an age of 1,110,000,001 years in a shared link (or a
/// page's `data-age`) overflowed when turned into months.
#[test]
fn absurd_ages_are_refused_without_overflow() {
    assert_eq!(ChildAge::parse("1110000001"), None);
    assert_eq!(ChildAge::parse("4294967295"), None);
    assert_eq!(ChildAge::parse("4294967295m"), None);
    assert_eq!(ChildAge::Years(u32::MAX).months(), (u32::MAX, u32::MAX));
    assert_eq!(ChildAge::Months(u32::MAX).months(), (u32::MAX, u32::MAX));
    assert_eq!(ChildAge::parse("119"), Some(ChildAge::Years(119)));
}
