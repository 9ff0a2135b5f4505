//! A small seeded random number generator (SplitMix64) for made-up data: the search's
//! synthetic catalogues and queries, the benchmarks' queries, and tests that generate
//! their inputs. The same seed gives the same numbers on every machine, so generated
//! data is the same at every run. Nothing a family sees depends on it, and it is not
//! for secrets.
//!
//! ```
//! use finder_core::random::Random;
//! let (mut a, mut b) = (Random::new(7), Random::new(7));
//! assert_eq!(a.next_u64(), b.next_u64());
//! assert!(a.below(10) < 10);
//! assert_eq!(Random::new(1).pick(&["only"]), "only");
//! ```

/// SplitMix64: one addition and two multiplications per number.
#[derive(Clone, Debug)]
pub struct Random(u64);

impl Random {
    /// A generator whose numbers follow from `seed` alone.
    pub fn new(seed: u64) -> Random {
        Random(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// An index below `n` skewed towards the start, as word frequencies are.
    pub fn skewed(&mut self, n: usize) -> usize {
        let r = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        ((r * r * n as f64) as usize).min(n.saturating_sub(1))
    }

    /// One item of a list, which must not be empty.
    pub fn pick<T: Copy>(&mut self, list: &[T]) -> T {
        list[self.below(list.len())]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_as_published() {
        // The reference implementation's first numbers for seed 0: generated data (and the
        // benchmarks' figures, which depend on it) stay the same from release to release.
        let mut random = Random::new(0);
        assert_eq!(random.next_u64(), 0xe220_a839_7b1d_cdaf);
        assert_eq!(random.next_u64(), 0x6e78_9e6a_a1b9_65f4);
        assert_eq!(random.next_u64(), 0x06c4_5d18_8009_454f);
    }

    #[test]
    fn draws_stay_in_range() {
        let mut random = Random::new(42);
        for n in [0, 1, 2, 7, 100] {
            for _ in 0..200 {
                assert!(random.below(n) < n.max(1));
                assert!(random.skewed(n) < n.max(1));
            }
        }
        assert!(!random.chance(0));
        assert!(random.chance(100));
    }
}
