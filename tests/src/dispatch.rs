//! Source of a `check_as` function for the JSON interface tests' build scripts: a `match` over every type
//! and function of a model that hands a JSON object to `check::<T>` with T the generated type the TL name
//! stands for.

use std::fmt::Write as _;

use tl_codegen::model::Model;

/// `pub fn check_as(name, json)` over `model`, whose generated code is the module `module`
/// (`td_api`), calling a `check` function in scope.
pub fn check_as_source(model: &Model, module: &str) -> String {
    let mut arms = String::new();
    for ty in &model.types {
        let path = tl_codegen::emit::item_path("enums", ty.namespace.as_deref(), &ty.rust_name);
        writeln!(arms, "        {:?} => check::<{module}::{path}>(json),", ty.tl_name).unwrap();
    }
    for function in &model.functions {
        let path = tl_codegen::emit::item_path("functions", function.namespace.as_deref(), &function.rust_name);
        writeln!(
            arms,
            "        {:?} => check::<{module}::{path}>(json),",
            function.tl_name
        )
        .unwrap();
    }
    format!(
        "/// [`check`] of `json` as the generated type of the TL type or function `name`: the JSON written back.\n\
         pub fn check_as(name: &str, json: &str) -> Result<String, String> {{\n    \
         match name {{\n{arms}        _ => Err(format!(\"no type or function `{{name}}`\")),\n    }}\n}}\n"
    )
}
