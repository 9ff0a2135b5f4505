// Made-up catalogues for the browser tests at scale (search, packs), the same on every run.
const TOWNS = ["Hartford", "New Britain", "Meriden", "Windham", "Norwich", "Waterbury", "Bristol", "Killingly", "Windham County", "New Haven County"];
const WORDS = ["family", "support", "meals", "reading", "clinic", "housing", "counseling", "rides", "parents", "youth", "health", "garden"];

/** A deterministic catalogue of `size` programs; every 500th is a "Dental clinic". */
export function catalogue(size) {
  let seed = 7;
  const random = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const needs = ["food", "housing", "health-care", "family-support"];
  const programs = [];
  for (let i = 0; i < size; i++) {
    const words = [WORDS[random(WORDS.length)], WORDS[random(WORDS.length)], WORDS[random(WORDS.length)]];
    programs.push({
      id: `p${i}`,
      name: i % 500 === 0 ? `Dental clinic ${i}` : `${words[0]} ${words[1]} program ${i}`,
      organization: `Organization ${random(300)}`,
      description: `Helps with ${words.join(", ")} for families in the area.`,
      needs: [needs[random(needs.length)]],
      ...(random(10) === 0 ? { statewide: true } : { towns: [TOWNS[random(TOWNS.length)]] }),
      phone: `860-555-01${String(random(100)).padStart(2, "0")}`,
    });
  }
  return { version: 1, needs: needs.map((id) => ({ id, label: id })), programs };
}
