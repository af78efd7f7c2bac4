//! Generates the whole layer-230 api.tl + mtproto.tl (and layer 221 + mtproto.tl when `../shared/schema/`
//! has it) into OUT_DIR, plus a dispatch table naming every boxed type and function in both our
//! generated code and grammers-tl-types, for the tests.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use tl_codegen::Config;
use tl_codegen::model::Model;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(has_layer221)");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let api230 = tl_tests::api_layer230();
    let mtproto = tl_tests::mtproto();
    let layer230 = [&api230, &mtproto].map(|f| PathBuf::from(&f.name));
    generate(&layer230, &out, "layer230");
    write_dispatch(
        &[api230, mtproto.clone()],
        &out.join("dispatch230.rs"),
        "layer230",
        true,
    );
    if let Some(api221) = tl_tests::shared_schema("api-layer221.tl") {
        generate(
            &[PathBuf::from(&api221.name), PathBuf::from(&mtproto.name)],
            &out,
            "layer221",
        );
        write_dispatch(&[api221, mtproto], &out.join("dispatch221.rs"), "layer221", false);
        println!("cargo:rustc-cfg=has_layer221");
    }
}

fn generate(schemas: &[PathBuf], out: &Path, name: &str) {
    let mut config = Config::new();
    for schema in schemas {
        config.schema(schema);
    }
    config
        .allow_mtproto_hand_assigned_ids()
        .out_dir(out)
        .file_name(format!("{name}.rs"));
    if let Err(error) = config.compile() {
        panic!("{error}");
    }
}

/// grammers-tl-gen's name for a TL name: the part after the namespace, capitalised after `_` and at the
/// start, with uppercase runs lowered (`p_q_inner_data_DC` → `PQInnerDataDc`). Test code only: it names
/// the peer's items.
fn grammers_name(tl_name: &str) -> String {
    let base = tl_name.rsplit_once('.').map_or(tl_name, |(_, base)| base);
    let mut out = String::new();
    let mut upper_next = true;
    let mut lower_next = false;
    for c in base.chars() {
        if c == '_' {
            upper_next = true;
            continue;
        }
        if upper_next {
            out.push(c.to_ascii_uppercase());
            upper_next = false;
            lower_next = true;
        } else if lower_next {
            out.push(c.to_ascii_lowercase());
            lower_next = c.is_ascii_uppercase();
        } else {
            out.push(c);
            lower_next = c.is_ascii_uppercase();
        }
    }
    out
}

fn path(root: &str, module: &str, namespace: Option<&str>, name: &str) -> String {
    match namespace {
        Some(ns) => format!("{root}::{module}::{ns}::{name}"),
        None => format!("{root}::{module}::{name}"),
    }
}

/// `check_type(tl_type, bytes)` and `check_function(tl_name, bytes)`, each a match over every item.
fn write_dispatch(files: &[tl_parser::SourceFile], out: &Path, module: &str, with_grammers: bool) {
    let options = tl_parser::ParseOptions::new().allow_mtproto_hand_assigned_ids();
    let schema = tl_parser::parse(files, &options).into_result().expect("a valid schema");
    let definitions: Vec<_> = schema.definitions.iter().collect();
    let model = Model::build(&definitions, schema.layer).expect("a model");
    let ours = format!("tl_full_schema::{module}");
    let ours_ns = |ns: Option<&String>| ns.map(|ns| tl_codegen::ident::escaped(&tl_codegen::ident::module_name(ns)));
    let mut code = String::from("/// Checks `bytes` as the boxed TL type `tl_type`.\n");
    code.push_str("pub fn check_type(tl_type: &str, bytes: &[u8]) -> Result<(), String> {\n    match tl_type {\n");
    for ty in &model.types {
        let our = path(
            &ours,
            "enums",
            ours_ns(ty.namespace.as_ref()).as_deref(),
            &tl_codegen::ident::escaped(&ty.rust_name),
        );
        let theirs = path(
            "grammers_tl_types",
            "enums",
            ty.namespace.as_deref(),
            &grammers_name(&ty.tl_name),
        );
        let call = if with_grammers {
            format!("both::<{our}, {theirs}>(bytes)")
        } else {
            format!("ours::<{our}>(bytes)")
        };
        writeln!(code, "        {:?} => {call},", ty.tl_name).expect("write to a string");
    }
    code.push_str("        other => Err(format!(\"no Rust type for {other}\")),\n    }\n}\n\n");
    code.push_str("/// Checks `bytes` as the function `tl_name` (generic functions excluded).\n");
    code.push_str("pub fn check_function(tl_name: &str, bytes: &[u8]) -> Result<(), String> {\n    match tl_name {\n");
    for function in model.functions.iter().filter(|f| f.generics.is_empty()) {
        let ns = ours_ns(function.namespace.as_ref());
        let our = path(
            &ours,
            "functions",
            ns.as_deref(),
            &tl_codegen::ident::escaped(&function.rust_name),
        );
        let theirs = path(
            "grammers_tl_types",
            "functions",
            function.namespace.as_deref(),
            &grammers_name(&function.tl_name),
        );
        let call = if with_grammers {
            format!("both_fn::<{our}, {theirs}>(bytes)")
        } else {
            format!("ours::<{our}>(bytes)")
        };
        writeln!(code, "        {:?} => {call},", function.tl_name).expect("write to a string");
    }
    code.push_str("        other => Err(format!(\"no Rust type for {other}\")),\n    }\n}\n");
    std::fs::write(out, code).expect("write the dispatch table");
}
