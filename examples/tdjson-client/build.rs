//! Generates the td_api types of TDLib 1.8.65 into OUT_DIR in TDLib's JSON form, the way a client crate
//! uses tl-codegen. td_api.tl is TDLib's (not shipped here): the path in `TD_API_TL`, else
//! `../shared/schema/wild/td_api-1.8.65.tl` beside the checkout. Without it the crate builds empty
//! (`has_td_api` off) and the example says what to do; on CI (`CI` set) its absence is a failure.

use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo::rustc-check-cfg=cfg(has_td_api)");
    println!("cargo:rerun-if-env-changed=TD_API_TL");
    let schema = match std::env::var_os("TD_API_TL") {
        Some(path) => PathBuf::from(path),
        None => PathBuf::from("../../../shared/schema/wild/td_api-1.8.65.tl"),
    };
    if !schema.is_file() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have {} (or TD_API_TL)",
            schema.display()
        );
        println!("cargo:rerun-if-changed={}", schema.display());
        return Ok(());
    }
    tl_codegen::Config::new()
        .schema(&schema)
        .file_name("td_api.rs")
        .tdjson()
        .compile()?;
    println!("cargo:rustc-cfg=has_td_api");
    Ok(())
}
