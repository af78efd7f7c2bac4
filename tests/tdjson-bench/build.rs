//! Generates our td_api types, in TDLib's JSON form, from the td_api.tl that tdlib-rs 1.4.0 ships (found
//! in cargo's registry), into OUT_DIR for the bench: both sides then read the same schema.

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let schema = tl_tests::registry_package_dir("tdlib-rs", "1.4.0").join("tl/api.tl");
    tl_codegen::Config::new()
        .schema(&schema)
        .file_name("td_api_1_8_61.rs")
        .tdjson()
        .compile()?;
    Ok(())
}
