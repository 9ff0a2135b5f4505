// The family's choices and the counts per choice, in JavaScript, for the peers.
//
// MiniSearch and Fuse.js only search text. To compare like with like, the peers then
// filter and count here exactly as finder_search does (search/src/facts.rs
// and facets.rs): needs any-of, town served or statewide, age intervals overlapping,
// language any-of, free; and for every option of every choice, how many programs
// choosing it would give, each facet leaving out its own choice. Per-program facts are
// precomputed once, as the core does when it builds its index, so a query is a loop of
// bit tests; that precomputation is part of each peer's build time.

const NEED = 1;
const TOWN = 2;
const AGE = 4;
const LANGUAGE = 8;
const FREE = 16;
const TOWN_WORDS = 6; // 169 towns in 32-bit words

/** Lower case without accents, as the core's `fold` (for Latin letters). */
export function fold(text) {
  return text.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "");
}

/** As facts.rs `is_free`: starts with "free" or "gratis", or says "no cost". */
function isFree(cost) {
  const text = fold((cost ?? "").trim());
  return text.startsWith("free") || text.startsWith("gratis") || text.includes("no cost");
}

/** As facts.rs `language_code`: "es-MX" is "es". */
function languageCode(code) {
  return fold(code.trim()).split(/[-_]/)[0];
}

const overlaps = (start, end, from, to) => start < to && from < end;

export class Facets {
  /** `catalogue`: parsed catalogue JSON with `_serves` and `_months`; `tables`: bench tables(). */
  constructor(catalogue, tables) {
    const programs = catalogue.programs;
    const n = programs.length;
    this.n = n;
    this.tables = tables;
    this.needIds = catalogue.needs.map((need) => need.id);
    if (this.needIds.length > 32) throw new Error("more than 32 needs: widen the need masks");
    const codes = new Set();
    for (const p of programs) for (const code of p.languages ?? []) if (languageCode(code)) codes.add(languageCode(code));
    this.languageCodes = [...codes].sort();
    if (this.languageCodes.length > 32) throw new Error("more than 32 languages: widen the masks");

    this.needs = new Uint32Array(n);
    this.languages = new Uint32Array(n);
    this.serves = new Uint32Array(n * TOWN_WORDS);
    this.statewide = new Uint8Array(n);
    this.free = new Uint8Array(n);
    this.start = new Float64Array(n);
    this.end = new Float64Array(n);
    this.bands = new Uint8Array(n);
    this.counties = new Uint8Array(n);
    // Towns served by non-statewide programs, as lists (statewide ones count everywhere).
    this.townStarts = new Uint32Array(n + 1);
    const townList = [];
    const bands = tables.age_bands.map(([from, to]) => [from, to ?? Infinity]);
    programs.forEach((p, i) => {
      for (const need of p.needs) {
        const bit = this.needIds.indexOf(need);
        if (bit >= 0) this.needs[i] |= 1 << bit;
      }
      for (const code of p.languages ?? []) {
        const bit = this.languageCodes.indexOf(languageCode(code));
        if (bit >= 0) this.languages[i] |= 1 << bit;
      }
      this.statewide[i] = p.statewide ? 1 : 0;
      this.townStarts[i] = townList.length;
      for (const town of p._serves) {
        this.serves[i * TOWN_WORDS + (town >> 5)] |= 1 << (town & 31);
        this.counties[i] |= 1 << tables.county_of_town[town];
        if (!p.statewide) townList.push(town);
      }
      this.free[i] = isFree(p.cost) ? 1 : 0;
      const [start, end] = p._months ?? [null, null];
      this.start[i] = start ?? -Infinity;
      this.end[i] = end ?? Infinity;
      bands.forEach(([from, to], b) => {
        if (overlaps(this.start[i], this.end[i], from, to)) this.bands[i] |= 1 << b;
      });
    });
    this.townStarts[n] = townList.length;
    this.towns = Uint8Array.from(townList);
  }

  /** The query's choices as masks (done per query, inside the timed work, as in the core). */
  tests(query) {
    const mask = (list, ids, code = (x) => x) => {
      let bits = 0;
      for (const item of list) {
        const bit = ids.indexOf(code(item));
        if (bit >= 0) bits |= 1 << bit;
      }
      return bits >>> 0;
    };
    return {
      needs: query.needs?.length ? mask(query.needs, this.needIds) : null,
      town: query.town ?? null,
      age: query.age_months ?? null,
      languages: query.languages?.length ? mask(query.languages, this.languageCodes, languageCode) : null,
      free: !!query.free,
    };
  }

  /** The choices program `p` fails (NEED | TOWN | ...), 0 if it fits them all. */
  fails(p, t) {
    let fails = 0;
    if (t.needs !== null && (this.needs[p] & t.needs) === 0) fails |= NEED;
    if (t.town !== null && !this.statewide[p] && !(this.serves[p * TOWN_WORDS + (t.town >> 5)] & (1 << (t.town & 31)))) {
      fails |= TOWN;
    }
    if (t.age !== null && !overlaps(this.start[p], this.end[p], t.age[0], t.age[1])) fails |= AGE;
    if (t.languages !== null && (this.languages[p] & t.languages) === 0) fails |= LANGUAGE;
    if (t.free && !this.free[p]) fails |= FREE;
    return fails;
  }

  /**
   * The candidates (program numbers in rank order, or null for every program) that fit
   * the query's choices, in the same order, and the counts for every choice.
   */
  filterAndCount(candidates, query) {
    const t = this.tests(query);
    const passing = [];
    const counts = {
      needs: new Int32Array(this.needIds.length),
      counties: new Int32Array(this.tables.counties.length),
      towns: new Int32Array(this.tables.towns.length),
      ages: new Int32Array(this.tables.age_bands.length),
      languages: new Int32Array(this.languageCodes.length),
      free: 0,
    };
    let statewide = 0;
    const visit = (p) => {
      const fails = this.fails(p, t);
      if (fails === 0) passing.push(p);
      // A facet counts a program that fails nothing but (perhaps) that facet itself.
      if ((fails & ~NEED) === 0) addBits(this.needs[p], counts.needs);
      if ((fails & ~TOWN) === 0) {
        if (this.statewide[p]) statewide++;
        else {
          for (let k = this.townStarts[p]; k < this.townStarts[p + 1]; k++) counts.towns[this.towns[k]]++;
          addBits(this.counties[p], counts.counties);
        }
      }
      if ((fails & ~AGE) === 0) addBits(this.bands[p], counts.ages);
      if ((fails & ~LANGUAGE) === 0) addBits(this.languages[p], counts.languages);
      if ((fails & ~FREE) === 0 && this.free[p]) counts.free++;
    };
    if (candidates === null) for (let p = 0; p < this.n; p++) visit(p);
    else for (const p of candidates) visit(p);
    for (let i = 0; i < counts.towns.length; i++) counts.towns[i] += statewide;
    for (let i = 0; i < counts.counties.length; i++) counts.counties[i] += statewide;
    return { passing, counts };
  }
}

function addBits(bits, into) {
  while (bits !== 0) {
    const bit = 31 - Math.clz32(bits & -bits);
    into[bit]++;
    bits &= bits - 1;
  }
}
