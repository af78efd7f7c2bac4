#![no_main]
//! `codegen`: see `tl_full_schema::fuzzing::codegen`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    tl_full_schema::fuzzing::codegen(data);
});
