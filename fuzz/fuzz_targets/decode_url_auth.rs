#![no_main]
//! `decode_url_auth`: see `tl_full_schema::fuzzing::decode_url_auth`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    tl_full_schema::fuzzing::decode_url_auth(data);
});
