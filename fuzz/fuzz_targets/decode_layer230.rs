#![no_main]
//! `decode_layer230`: see `tl_full_schema::fuzzing::decode_layer230`. Each input is decoded on a small-stack thread, and the
//! peak heap it took must be within `tl_full_schema::fuzzing::heap_allowed` for the bytes the decoder read.

use peak_alloc::PeakAlloc;

#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let before = HEAP.current_usage();
    HEAP.reset_peak_usage();
    let decoded = tl_full_schema::fuzzing::decode_layer230(data);
    tl_full_schema::fuzzing::check_heap(HEAP.peak_usage().saturating_sub(before), decoded);
});
