//! Writes `dispatch.rs` into OUT_DIR: a function that checks a JSON object against the generated type a
//! TL type or function name stands for (a `match` over every type and function of td_api-1.8.65.tl).
//! The schema is found as examples/tdjson-client's build.rs finds it; without it nothing is written
//! (`has_td_api` stays off), and on CI its absence is a failure.

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(has_td_api)");
    println!("cargo:rerun-if-env-changed=TD_API_TL");
    let schema = match std::env::var_os("TD_API_TL") {
        Some(path) => PathBuf::from(path),
        None => tl_tests::workspace_root().join("../shared/schema/wild/td_api-1.8.65.tl"),
    };
    println!("cargo:rerun-if-changed={}", schema.display());
    if !schema.is_file() {
        assert!(std::env::var_os("CI").is_none(), "CI must have {}", schema.display());
        return;
    }
    let files = [tl_parser::SourceFile::read(&schema).expect("a readable schema")];
    let model = tl_tests::samples::model_of(&files);
    let mut arms = String::new();
    for ty in &model.types {
        let path = tl_codegen::emit::item_path("enums", ty.namespace.as_deref(), &ty.rust_name);
        writeln!(arms, "        {:?} => check::<td_api::{path}>(json),", ty.tl_name).unwrap();
    }
    for function in &model.functions {
        let path = tl_codegen::emit::item_path("functions", function.namespace.as_deref(), &function.rust_name);
        writeln!(arms, "        {:?} => check::<td_api::{path}>(json),", function.tl_name).unwrap();
    }
    let source = format!(
        "/// [`check`] of `json` as the generated type of the TL type or function `name`: the JSON written back.\n\
         pub fn check_as(name: &str, json: &str) -> Result<String, String> {{\n    \
         match name {{\n{arms}        _ => Err(format!(\"no type or function `{{name}}`\")),\n    }}\n}}\n"
    );
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("dispatch.rs"), source).expect("OUT_DIR is writable");
    println!("cargo:rustc-cfg=has_td_api");
}
