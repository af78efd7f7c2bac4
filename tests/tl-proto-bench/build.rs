//! Generates TON's lite_api.tl (from `../shared/schema/wild/`) with the borrowed types into OUT_DIR. Without
//! the folder nothing is generated (`has_lite_api` stays off); on CI (`CI` set) its absence is a failure.
//! Written without `Config::compile`, whose `cargo:warning` lines (the schema's warnings, snapshotted by
//! `tests/wild-schemas`) would show on every build.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo::rustc-check-cfg=cfg(has_lite_api)");
    let schema = tl_tests::workspace_root().join("../shared/schema/wild/lite_api.tl");
    if !schema.is_file() {
        tl_tests::shared_input_absent_at_build(&schema, "tests/tl-proto-bench/tests/same_bytes.rs runs no test");
        return Ok(());
    }
    println!("cargo:rerun-if-changed={}", schema.display());
    let generated = tl_codegen::Config::new().schema(&schema).borrowed_types().generate()?;
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR")?);
    let file = tl_codegen::output::OutputFile {
        path: out.join("lite_api.rs"),
        content: generated.source,
    };
    tl_codegen::output::write_files(&[file], tl_codegen::output::Overwrite::GeneratedOnly)?;
    println!("cargo:rustc-cfg=has_lite_api");
    Ok(())
}
