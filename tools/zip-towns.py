#!/usr/bin/env python3
"""Connecticut ZIP codes and their towns: the data behind ZIPs in the town box.

Two steps, each rerunnable:

  python3 tools/zip-towns.py --rda zip2town.rda   # the source → core/data/ct-zip-towns.tsv
  python3 tools/zip-towns.py                      # the TSV    → core/src/ct_zips.rs

The source is the table `zip2town` of the R package cwi (MIT, CT-Data-Haven/cwi on
GitHub), built by its data-raw/make_zip2town.R from Census products only. Get it from a
clone of that repository at the version named in SOURCE below:

  git --git-dir=cwi/.git show v2.0.3:data/zip2town.rda > zip2town.rda

The first step needs the `rdata` package (`pip install rdata`, in a venv) to read R's
serialized format; the second needs nothing but Python. The TSV keeps every row of the
source; the Rust table keeps, for each ZIP, the towns with at least MIN_SHARE of its people
(see core/src/ct_zips.rs). Town names must be spelled as in core/src/ct_towns.rs: any
other name stops the script.
"""

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TSV = ROOT / "core/data/ct-zip-towns.tsv"
RUST = ROOT / "core/src/ct_zips.rs"
TOWNS_RS = ROOT / "core/src/ct_towns.rs"

SOURCE = [
    "Connecticut ZIP codes (ZCTA5) and the towns their people live in.",
    "Source: the table zip2town of the R package cwi, https://github.com/CT-Data-Haven/cwi,",
    "version 2.0.3 of 2025-12-09 (commit 2272e55aee90a4c094a775a0680a46f898e3808a),",
    "file data/zip2town.rda, built by data-raw/make_zip2town.R.",
    "Licence: MIT, Copyright (c) 2025 cwi authors (the full text: ct-zip-towns.LICENSE).",
    "cwi derives it only from U.S. Census Bureau products: the 2022 ZCTA to county",
    "subdivision relationship file (rel2022/acs22_cousub22_zcta520_st09.txt), TIGER/Line",
    "2022 county subdivisions and ZCTAs, and 2020 Census block population and households.",
    "share: the part of the ZIP's 2020 population living in the town (cwi's pct_of_zip_pop).",
    "Rows: by ZIP, then most people first. Every row of the source is here; the finder keeps",
    "the towns with at least 5% of a ZIP's people (core/src/ct_zips.rs).",
    "Written by tools/zip-towns.py; do not edit by hand.",
]

# Towns with fewer of a ZIP's people than this (in basis points, 1/10000) are left out of
# the finder's table: a ZIP lists the towns a family there most likely lives in.
MIN_SHARE = 500


def town_table():
    """Town names in the order of core's TOWNS (their indexes are `Town`s)."""
    text = TOWNS_RS.read_text()
    start = text.index("pub const TOWNS")
    end = text.index("];", start)
    towns = re.findall(r'\(\s*"([^"]+)",\s*"[^"]+"\s*\)', text[start:end])
    if len(towns) != 169:
        sys.exit(f"{TOWNS_RS}: found {len(towns)} towns, not 169")
    return towns


def write_tsv(rda):
    import rdata  # only this step needs it

    frame = rdata.read_rda(rda)["zip2town"]
    towns = set(town_table())
    rows = []
    unknown = set()
    for zip_code, town, share in zip(frame["zip"], frame["town"], frame["pct_of_zip_pop"]):
        if not re.fullmatch(r"06\d{3}", zip_code):
            continue  # not a Connecticut ZIP
        if town not in towns:
            unknown.add(town)
        rows.append((zip_code, town, round(float(share) * 10000)))
    if unknown:
        sys.exit(f"not spelled as in core/src/ct_towns.rs: {sorted(unknown)}")
    rows.sort(key=lambda r: (r[0], -r[2], r[1]))
    with TSV.open("w", newline="\n") as out:
        for line in SOURCE:
            out.write(f"# {line}\n")
        out.write("zip\ttown\tshare\n")
        for zip_code, town, share in rows:
            out.write(f"{zip_code}\t{town}\t{share / 10000:.4f}\n")
    print(f"{TSV.relative_to(ROOT)}: {len(rows)} rows, {len({r[0] for r in rows})} ZIPs")


def read_tsv():
    """(zip, town, share in basis points) for every row of the TSV."""
    rows = []
    lines = [l for l in TSV.read_text().splitlines() if l and not l.startswith("#")]
    if lines[0] != "zip\ttown\tshare":
        sys.exit(f"{TSV}: unexpected header {lines[0]!r}")
    for line in lines[1:]:
        zip_code, town, share = line.split("\t")
        whole, _, frac = share.partition(".")
        rows.append((zip_code, town, int(whole) * 10000 + int(frac.ljust(4, "0"))))
    return rows


def write_rust():
    towns = town_table()
    index = {t: i for i, t in enumerate(towns)}
    kept = [r for r in read_tsv() if r[2] >= MIN_SHARE]
    kept.sort(key=lambda r: (r[0], -r[2], r[1]))
    lines = [
        "//! Connecticut ZIP codes and the towns their people live in. Written by",
        "//! `tools/zip-towns.py` from `core/data/ct-zip-towns.tsv` (its source and MIT licence are",
        "//! named there): do not edit by hand.",
        "",
        "/// `(ZIP, town, percent)`: a ZIP code as a number (06226 is 6226), a town as its index in",
        "/// [`TOWNS`](crate::ct_towns::TOWNS), and the percent (rounded down) of the ZIP's people",
        "/// (2020 Census) living in that town. Sorted by ZIP, then most people first. Towns with",
        "/// under 5% of a ZIP's people are left out, so a ZIP lists the towns a family there most",
        "/// likely lives in (06226 is Windham: the 2% of its people in Mansfield are not offered).",
        "pub const ZIP_TOWNS: &[(u16, u8, u8)] = &[",
    ]
    # Laid out as rustfmt lays it out (comments aligned), so `cargo fmt` leaves it as is.
    rows = [(f"({int(z)}, {index[t]}, {share // 100}),", f"// {z} {t}") for z, t, share in kept]
    width = max(len(row) for row, _ in rows)
    lines += [f"    {row.ljust(width)} {comment}" for row, comment in rows]
    lines.append("];")
    RUST.write_text("\n".join(lines) + "\n")
    print(f"{RUST.relative_to(ROOT)}: {len(kept)} rows, {len(kept) * 4} bytes of data")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rda", help="cwi's data/zip2town.rda: rewrite the TSV from it first")
    args = parser.parse_args()
    if args.rda:
        write_tsv(args.rda)
    write_rust()


if __name__ == "__main__":
    main()
