//! Sets as bits, the facts layer's building blocks.
//!
//! - [`ProgramSet`]: a set of programs, a bit each. Filtering is an AND of a few sets, and
//!   a count is the number of bits two sets share, so a search touches 64 programs per
//!   machine word instead of one program at a time. [`super::facts::Columns`] holds one
//!   for every option a family can choose.
//! - [`BitRows`]: rows of bits over a small universe (a catalogue's needs, its language
//!   codes), each distinct row stored once, so a program holds a row id.

use super::fast_map::FastMap;

/// A set of programs (indexes into `catalogue.programs`).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct ProgramSet {
    words: Vec<u64>,
}

impl ProgramSet {
    /// No program, out of `n`.
    #[cfg_attr(finder_size, optimize(speed))]
    pub fn empty(n: usize) -> ProgramSet {
        ProgramSet { words: vec![0; n.div_ceil(64)] }
    }

    /// All `n` programs.
    #[cfg_attr(finder_size, optimize(speed))]
    pub fn full(n: usize) -> ProgramSet {
        let mut set = ProgramSet { words: vec![u64::MAX; n.div_ceil(64)] };
        if let Some(last) = set.words.last_mut() {
            if n % 64 != 0 {
                *last = (1u64 << (n % 64)) - 1;
            }
        }
        set
    }

    #[cfg_attr(finder_size, optimize(speed))]
    pub fn insert(&mut self, program: usize) {
        if let Some(word) = self.words.get_mut(program / 64) {
            *word |= 1 << (program % 64);
        }
    }

    #[cfg_attr(finder_size, optimize(speed))]
    pub fn remove(&mut self, program: usize) {
        if let Some(word) = self.words.get_mut(program / 64) {
            *word &= !(1 << (program % 64));
        }
    }

    /// Keeps only the programs also in `other`.
    #[cfg_attr(finder_size, optimize(speed))]
    pub fn and_with(&mut self, other: &ProgramSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= b;
        }
    }

    /// Leaves out the programs in `other`.
    #[cfg_attr(finder_size, optimize(speed))]
    pub fn and_not(&mut self, other: &ProgramSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= !b;
        }
    }

    /// Adds the programs of `other`.
    #[cfg_attr(finder_size, optimize(speed))]
    pub fn or_with(&mut self, other: &ProgramSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a |= b;
        }
    }

    /// How many programs are in both sets.
    #[cfg_attr(finder_size, optimize(speed))]
    pub fn count_and(&self, other: &ProgramSet) -> usize {
        self.words.iter().zip(&other.words).map(|(a, b)| (a & b).count_ones() as usize).sum()
    }

    /// The programs, ascending.
    #[cfg_attr(finder_size, optimize(speed))]
    pub fn to_vec(&self) -> Vec<u32> {
        let total: usize = self.words.iter().map(|w| w.count_ones() as usize).sum();
        let mut out = Vec::with_capacity(total);
        for (w, &word) in self.words.iter().enumerate() {
            let mut word = word;
            while word != 0 {
                out.push((w * 64) as u32 + word.trailing_zeros());
                word &= word - 1;
            }
        }
        out
    }
}

/// Rows of bits, `stride` words wide, each distinct row stored once.
#[derive(Clone, Debug, Default)]
pub(crate) struct BitRows {
    stride: usize,
    words: Vec<u64>,
    ids: FastMap<Vec<u64>, u32>,
    /// The row being looked up, reused so that a lookup allocates nothing.
    scratch: Vec<u64>,
}

impl BitRows {
    #[cfg_attr(finder_size, optimize(speed))]
    pub fn new(bits: usize) -> BitRows {
        BitRows { stride: bits.div_ceil(64), ..BitRows::default() }
    }

    /// The id of the row with these bits, adding it if it is new.
    #[cfg_attr(finder_size, optimize(speed))]
    pub fn intern(&mut self, bits: impl IntoIterator<Item = usize>) -> u32 {
        self.scratch.clear();
        self.scratch.resize(self.stride, 0);
        for bit in bits {
            if let Some(word) = self.scratch.get_mut(bit / 64) {
                *word |= 1 << (bit % 64);
            }
        }
        if let Some(&id) = self.ids.get(self.scratch.as_slice()) {
            return id;
        }
        let id = self.len() as u32;
        self.words.extend(&self.scratch);
        self.ids.insert(self.scratch.clone(), id);
        id
    }

    /// How many distinct rows there are.
    #[cfg_attr(finder_size, optimize(speed))]
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    #[cfg_attr(finder_size, optimize(speed))]
    fn row(&self, row: usize) -> &[u64] {
        self.words.get(row * self.stride..(row + 1) * self.stride).unwrap_or(&[])
    }

    /// Appends the bits set in a row to `out`.
    #[cfg_attr(finder_size, optimize(speed))]
    pub fn bits_of(&self, row: usize, out: &mut Vec<usize>) {
        for (w, &word) in self.row(row).iter().enumerate() {
            let mut word = word;
            while word != 0 {
                out.push(w * 64 + word.trailing_zeros() as usize);
                word &= word - 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_of_any_size() {
        for n in [0, 1, 63, 64, 65, 130] {
            let full = ProgramSet::full(n);
            assert_eq!(full.to_vec().len(), n, "{n}");
            let mut some = ProgramSet::empty(n);
            for p in (0..n).step_by(3) {
                some.insert(p);
            }
            assert_eq!(some.count_and(&full), n.div_ceil(3), "{n}");
            let mut both = full.clone();
            both.and_with(&some);
            assert_eq!(both, some);
            assert_eq!(both.to_vec(), (0..n as u32).step_by(3).collect::<Vec<_>>());
        }
    }

    #[test]
    fn bit_rows_of_any_width() {
        let mut rows = BitRows::new(130);
        assert_eq!(rows.intern([]), 0);
        assert_eq!(rows.intern([3, 129]), 1);
        assert_eq!(rows.intern([129, 3]), 1, "each distinct row once");
        let mut bits = Vec::new();
        rows.bits_of(1, &mut bits);
        assert_eq!(bits, [3, 129]);
        let mut empty = BitRows::new(0);
        assert_eq!(empty.intern([5]), 0);
        bits.clear();
        empty.bits_of(0, &mut bits);
        assert!(bits.is_empty());
    }
}
