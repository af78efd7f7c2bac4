#![no_main]
//! `parse`: see `tl_full_schema::fuzzing::parse`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    tl_full_schema::fuzzing::parse(data);
});
