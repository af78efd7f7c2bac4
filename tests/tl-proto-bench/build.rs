//! Generates TON's lite_api.tl (from `../shared/schema/wild/`) with the borrowed types into OUT_DIR. Without
//! the folder nothing is generated (`has_lite_api` stays off); on CI (`CI` set) its absence is a failure.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo::rustc-check-cfg=cfg(has_lite_api)");
    let schema = tl_tests::workspace_root().join("../shared/schema/wild/lite_api.tl");
    if !schema.is_file() {
        assert!(std::env::var_os("CI").is_none(), "CI must have {}", schema.display());
        return Ok(());
    }
    tl_codegen::Config::new().schema(&schema).borrowed_types().compile()?;
    println!("cargo:rustc-cfg=has_lite_api");
    Ok(())
}
