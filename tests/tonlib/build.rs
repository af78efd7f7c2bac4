//! Writes `dispatch.rs` into OUT_DIR: a function that checks a JSON object against the generated type a
//! TL type or function name of tonlib_api.tl stands for. The schema is found as examples/tonlib-client's
//! build.rs finds it (`TONLIB_API_TL`, else the cache of `bash scripts/fetch-tonlib.sh`); without it
//! nothing is written (`has_tonlib_api` stays off, and each test binary's one test fails naming the
//! script), and on CI its absence is a failure.

use std::path::PathBuf;

#[path = "src/paths.rs"]
mod tl_tonlib_tests_paths;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(has_tonlib_api)");
    println!("cargo:rerun-if-env-changed=TONLIB_API_TL");
    println!("cargo:rerun-if-env-changed=TONLIB_CACHE");
    let schema = tl_tonlib_tests_paths::tonlib_api_tl();
    println!("cargo:rerun-if-changed={}", schema.display());
    if !schema.is_file() {
        assert!(std::env::var_os("CI").is_none(), "CI must have {}", schema.display());
        println!(
            "cargo:warning={} is missing, so the tonlib tests are not built: run `bash scripts/fetch-tonlib.sh`, \
             then test again",
            schema.display()
        );
        return;
    }
    let files = [tl_parser::SourceFile::read(&schema).expect("a readable schema")];
    let model = tl_tests::samples::model_of(&files);
    let source = tl_tests::dispatch::check_as_source(&model, "tonlib_api");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("dispatch.rs"), source).expect("OUT_DIR is writable");
    println!("cargo:rustc-env=TONLIB_API_TL_BUILT={}", schema.display());
    println!("cargo:rustc-cfg=has_tonlib_api");
}
