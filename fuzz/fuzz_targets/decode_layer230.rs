#![no_main]
//! `decode_layer230`: see `tl_full_schema::fuzzing::decode_layer230`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    tl_full_schema::fuzzing::decode_layer230(data);
});
