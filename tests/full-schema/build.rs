//! Generates the whole layer-230 api.tl + mtproto.tl (and layer 221 + mtproto.tl when `../shared/schema/`
//! has it) into OUT_DIR, plus a dispatch table naming every boxed type and function in both our
//! generated code and grammers-tl-types, for the tests.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use tl_codegen::Config;
use tl_codegen::emit::item_path;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(has_layer221)");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let api230 = tl_tests::api_layer230();
    let mtproto = tl_tests::mtproto();
    let layer230 = [&api230, &mtproto].map(|f| PathBuf::from(&f.name));
    // Layer 230 with serde's derives too, for the JSON round trips of every constructor, a user
    // attribute, and the functions' decoders (every function is read back against grammers).
    let mut config = Config::new();
    config
        .deserialize_functions(true)
        .serde()
        .borrowed_types()
        .type_attribute("inputPeerUser", "#[derive(PartialOrd, Ord)]");
    generate(&mut config, &layer230, &out, "layer230");
    write_dispatch(
        &[api230.clone(), mtproto.clone()],
        &out.join("dispatch230.rs"),
        "layer230",
        true,
    );
    let model230 = tl_tests::samples::model_of(&[api230, mtproto.clone()]);
    tl_tests::tables::write_boxed_types(&model230, "crate::layer230", &out.join("boxed230.rs"));
    tl_tests::tables::write_borrowed_decoders(&model230, "crate::layer230", &out.join("boxed230.rs"));
    let url_auth = Path::new("../../schema/url_auth.tl");
    println!("cargo:rerun-if-changed={}", url_auth.display());
    tl_tests::tables::write_boxed_types(
        &tl_tests::samples::url_auth_model(),
        "tl_generated",
        &out.join("boxed_url_auth.rs"),
    );
    if let Some(api221) = tl_tests::shared_schema("api-layer221.tl") {
        generate(
            Config::new().deserialize_functions(true),
            &[PathBuf::from(&api221.name), PathBuf::from(&mtproto.name)],
            &out,
            "layer221",
        );
        tl_tests::tables::write_boxed_types(
            &tl_tests::samples::model_of(&[api221.clone(), mtproto.clone()]),
            "crate::layer221",
            &out.join("boxed221.rs"),
        );
        write_dispatch(&[api221, mtproto], &out.join("dispatch221.rs"), "layer221", false);
        println!("cargo:rustc-cfg=has_layer221");
    } else {
        let path = tl_tests::workspace_root().join("../shared/schema/api-layer221.tl");
        tl_tests::shared_input_absent_at_build(&path, "tests/full-schema/tests/layer221.rs runs no layer-221 test");
    }
}

fn generate(config: &mut Config, schemas: &[PathBuf], out: &Path, name: &str) {
    for schema in schemas {
        config.schema(schema);
    }
    config.out_dir(out).file_name(format!("{name}.rs"));
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

/// One dispatch entry: the TL name, its namespace and the Rust name of its item.
struct Entry<'m> {
    tl_name: &'m str,
    namespace: Option<&'m str>,
    rust_name: &'m str,
}

/// What a dispatch entry calls.
#[derive(Clone, Copy)]
enum Checker<'a> {
    /// `checker::<ours, grammers'>(bytes)`.
    WithGrammers(&'a str),
    /// `checker::<ours>(bytes)`.
    Ours(&'a str),
}

/// `pub fn <function>(name, bytes)`: a match from each TL name to its checker, called with the Rust
/// type(s) of that name.
fn write_match(
    code: &mut String,
    function: &str,
    module: &str,
    entries: &[Entry<'_>],
    checker: Checker<'_>,
    ours: &str,
) {
    writeln!(code, "/// Checks `bytes` as the TL item named `name`.").expect("write to a string");
    writeln!(
        code,
        "pub fn {function}(name: &str, bytes: &[u8]) -> Result<(), String> {{\n    match name {{"
    )
    .expect("write to a string");
    for entry in entries {
        let our = format!("{ours}::{}", item_path(module, entry.namespace, entry.rust_name));
        let call = match checker {
            Checker::WithGrammers(checker) => {
                let theirs = path(
                    "grammers_tl_types",
                    module,
                    entry.namespace,
                    &grammers_name(entry.tl_name),
                );
                format!("{checker}::<{our}, {theirs}>(bytes)")
            }
            Checker::Ours(checker) => format!("{checker}::<{our}>(bytes)"),
        };
        writeln!(code, "        {:?} => {call},", entry.tl_name).expect("write to a string");
    }
    code.push_str("        other => Err(format!(\"no Rust type for {other}\")),\n    }\n}\n\n");
}

/// `check_type(tl_type, bytes)` for every boxed type and `check_function(tl_name, bytes)` for every
/// non-generic function.
fn write_dispatch(files: &[tl_parser::SourceFile], out: &Path, module: &str, with_grammers: bool) {
    let model = tl_tests::samples::model_of(files);
    let ours = format!("tl_full_schema::{module}");
    let types: Vec<Entry<'_>> = (model.types.iter())
        .map(|t| Entry {
            tl_name: &t.tl_name,
            namespace: t.namespace.as_deref(),
            rust_name: &t.rust_name,
        })
        .collect();
    let functions: Vec<Entry<'_>> = (model.functions.iter())
        .filter(|f| f.generics.is_empty())
        .map(|f| Entry {
            tl_name: &f.tl_name,
            namespace: f.namespace.as_deref(),
            rust_name: &f.rust_name,
        })
        .collect();
    let mut code = String::new();
    let checker = |with: &'static str| match with_grammers {
        true => Checker::WithGrammers(with),
        false => Checker::Ours("ours"),
    };
    write_match(&mut code, "check_type", "enums", &types, checker("both"), &ours);
    write_match(
        &mut code,
        "check_function",
        "functions",
        &functions,
        checker("both_fn"),
        &ours,
    );
    if with_grammers {
        // Layer 230 has serde too: `json::<T>(bytes)` for the JSON round trips.
        write_match(&mut code, "json_type", "enums", &types, Checker::Ours("json"), &ours);
        write_match(
            &mut code,
            "json_function",
            "functions",
            &functions,
            Checker::Ours("json"),
            &ours,
        );
    }
    if with_grammers {
        write_borrowed_match(&mut code, &model, &ours);
    }
    std::fs::write(out, code).expect("write the dispatch table");
}

/// `borrowed_type(tl_type, bytes)`: `borrowed::<B, O>(bytes, into_owned)` with each boxed type's borrowed
/// enum (the owned one, and the identity, for a type with nothing to borrow) and its owned enum.
fn write_borrowed_match(code: &mut String, model: &tl_codegen::model::Model, ours: &str) {
    code.push_str(
        "/// Checks `bytes` as the TL type named `name`, decoded borrowed.
",
    );
    code.push_str(
        "pub fn borrowed_type(name: &str, bytes: &[u8]) -> Result<(), String> {
    match name {
",
    );
    for ty in &model.types {
        let owned = format!("{ours}::{}", item_path("enums", ty.namespace.as_deref(), &ty.rust_name));
        let call = if ty.borrows {
            let borrowed = format!(
                "{ours}::borrowed::{}",
                item_path("enums", ty.namespace.as_deref(), &ty.rust_name)
            );
            format!("borrowed::<{borrowed}<'_>, {owned}>(bytes, {borrowed}::into_owned)")
        } else {
            format!("borrowed::<{owned}, {owned}>(bytes, |value| value)")
        };
        writeln!(code, "        {:?} => {call},", ty.tl_name).expect("write to a string");
    }
    code.push_str("        other => Err(format!(\"no Rust type for {other}\")),\n    }\n}\n\n");
}
