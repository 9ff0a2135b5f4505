//! Counts the bytes the wasm module holds, because its linear memory only ever grows and
//! so tells the peak, not what the index keeps.

#[cfg(target_arch = "wasm32")]
mod counting {
    use std::alloc::{GlobalAlloc, Layout, System};
    use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

    pub static LIVE: AtomicUsize = AtomicUsize::new(0);
    pub static PEAK: AtomicUsize = AtomicUsize::new(0);

    fn grew(bytes: usize) {
        let live = LIVE.fetch_add(bytes, Relaxed) + bytes;
        PEAK.fetch_max(live, Relaxed);
    }

    struct Counting;

    // SAFETY: every call is passed straight to `System`; only a counter is added.
    unsafe impl GlobalAlloc for Counting {
        unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
            let pointer = unsafe { System.alloc(layout) };
            if !pointer.is_null() {
                grew(layout.size());
            }
            pointer
        }

        unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
            unsafe { System.dealloc(pointer, layout) };
            LIVE.fetch_sub(layout.size(), Relaxed);
        }

        unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
            let moved = unsafe { System.realloc(pointer, layout, new_size) };
            if !moved.is_null() {
                LIVE.fetch_sub(layout.size(), Relaxed);
                grew(new_size);
            }
            moved
        }
    }

    #[global_allocator]
    static ALLOCATOR: Counting = Counting;
}

/// Bytes allocated and not freed (0 natively, where the system allocator is used as is).
pub fn live() -> usize {
    #[cfg(target_arch = "wasm32")]
    return counting::LIVE.load(std::sync::atomic::Ordering::Relaxed);
    #[cfg(not(target_arch = "wasm32"))]
    return 0;
}

/// The most bytes allocated at once since the last [`reset_peak`].
pub fn peak() -> usize {
    #[cfg(target_arch = "wasm32")]
    return counting::PEAK.load(std::sync::atomic::Ordering::Relaxed);
    #[cfg(not(target_arch = "wasm32"))]
    return 0;
}

/// Starts measuring the peak again from what is allocated now.
pub fn reset_peak() {
    #[cfg(target_arch = "wasm32")]
    counting::PEAK.store(live(), std::sync::atomic::Ordering::Relaxed);
}
