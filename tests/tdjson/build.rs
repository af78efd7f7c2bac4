//! Writes `dispatch.rs` into OUT_DIR: a function that checks a JSON object against the generated type a
//! TL type or function name stands for (a `match` over every type and function of td_api.tl).
//! The schema is found as examples/tdjson-client's build.rs finds it (`TD_API_TL`, else the cache of
//! `bash scripts/fetch-tdjson.sh`); without it nothing is written (`has_td_api` stays off, and each test
//! binary's one test fails naming the script), and on CI its absence is a failure.

use std::path::{Path, PathBuf};

#[path = "src/paths.rs"]
mod tl_tdjson_tests_paths;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(has_td_api)");
    println!("cargo:rerun-if-env-changed=TD_API_TL");
    println!("cargo:rerun-if-env-changed=TDJSON_CACHE");
    let schema = tl_tdjson_tests_paths::td_api_tl();
    println!("cargo:rerun-if-changed={}", schema.display());
    if !schema.is_file() {
        assert!(std::env::var_os("CI").is_none(), "CI must have {}", schema.display());
        println!("cargo:warning={}", missing(&schema));
        return;
    }
    let files = [tl_parser::SourceFile::read(&schema).expect("a readable schema")];
    let model = tl_tests::samples::model_of(&files);
    let source = tl_tests::dispatch::check_as_source(&model, "td_api");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("dispatch.rs"), source).expect("OUT_DIR is writable");
    println!("cargo:rustc-env=TD_API_TL_BUILT={}", schema.display());
    println!("cargo:rustc-cfg=has_td_api");
}

/// What to do when `schema` is missing.
fn missing(schema: &Path) -> String {
    format!(
        "{} is missing, so the TDLib tests are not built: run `bash scripts/fetch-tdjson.sh` (it fetches \
         libtdjson and td_api.tl of TDLib {}), then test again",
        schema.display(),
        tl_tdjson::FETCHED_TDLIB_VERSION
    )
}
