//! The hash map every layer builds with: std's `HashMap` with a small, fast hasher
//! (FxHash) instead of SipHash. Keys are short (words, place names, rows of bits), and a
//! crafted catalogue could at worst slow its own build.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A hash map with [`FxHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// FxHash: one rotate, xor and multiply per eight bytes.
#[derive(Default)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    #[cfg_attr(finder_size, optimize(speed))]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.write_u64(u64::from_le_bytes(chunk.try_into().unwrap_or_default()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    #[inline]
    #[cfg_attr(finder_size, optimize(speed))]
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    #[cfg_attr(finder_size, optimize(speed))]
    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    #[cfg_attr(finder_size, optimize(speed))]
    fn finish(&self) -> u64 {
        self.0
    }
}
