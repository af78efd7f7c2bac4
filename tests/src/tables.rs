//! Tables over the boxed types of a generated schema, written by build scripts (`tests/full-schema`,
//! `tests/wild-schemas`) next to the generated code, so that tests and fuzz targets can reach every type by
//! its index or TL name.

use std::fmt::Write;
use std::path::Path;

use tl_codegen::emit::item_path;

/// Writes the tables of every boxed type of `model` (generated under `root`), in model order: `BOXED_TYPES` (TL names), `SIZES`
/// (`size_of` each enum), and by index a round trip (the fuzz targets pick a type with it), a decoder and
/// a decoder of a `Vector` of it. Each by-index table gives a function pointer, so that a caller on a small
/// stack pays only for the function itself, not for a match over hundreds of types.
pub fn write_boxed_types(model: &tl_codegen::model::Model, root: &str, out: &Path) {
    let mut code =
        String::from("/// The TL names of every boxed type, in model order (the index of every table here).\n");
    code.push_str("pub const BOXED_TYPES: &[&str] = &[\n");
    for ty in &model.types {
        writeln!(code, "    {:?},", ty.tl_name).expect("write to a string");
    }
    code.push_str("];\n\n/// `size_of` the enum of each of [`BOXED_TYPES`].\npub const SIZES: &[usize] = &[\n");
    for ty in &model.types {
        writeln!(code, "    std::mem::size_of::<{}>(),", enum_path(root, ty)).expect("write to a string");
    }
    code.push_str("];\n\n");
    let tables = [
        (
            "round_tripper",
            "fn(&[u8]) -> tl_tests::decoding::Decoded",
            "tl_tests::decoding::round_trip::<{}>",
        ),
        (
            "decoder",
            "tl_tests::decoding::Decoder",
            "tl_tests::decoding::decode::<{}>",
        ),
        (
            "vector_decoder",
            "tl_tests::decoding::Decoder",
            "tl_tests::decoding::decode::<Vec<{}>>",
        ),
    ];
    for (name, function_type, entry) in tables {
        writeln!(
            code,
            "/// `{entry}` for the `index`-th of [`BOXED_TYPES`] (`None` past the end).\n\
             pub fn {name}(index: usize) -> Option<{function_type}> {{\n    match index {{"
        )
        .expect("write to a string");
        for (index, ty) in model.types.iter().enumerate() {
            let function = entry.replace("{}", &enum_path(root, ty));
            writeln!(code, "        {index} => Some({function}),").expect("write to a string");
        }
        code.push_str("        _ => None,\n    }\n}\n\n");
    }
    std::fs::write(out, code).expect("write the boxed type table");
}

/// Appends to the table of [`write_boxed_types`] at `out` `borrowed_decoder(index)`: a [`Decoder`] of the
/// borrowed enum of each boxed type of `model` (generated under `root` with `Config::borrowed_types`), or
/// of the owned enum for a type with nothing to borrow.
///
/// [`Decoder`]: crate::decoding::Decoder
pub fn write_borrowed_decoders(model: &tl_codegen::model::Model, root: &str, out: &Path) {
    let mut code = std::fs::read_to_string(out).expect("the boxed type table, written first");
    code.push_str(
        "/// A decoder of the borrowed enum of the `index`-th of [`BOXED_TYPES`] (`None` past the end).\n\
         pub fn borrowed_decoder(index: usize) -> Option<tl_tests::decoding::Decoder> {\n    match index {\n",
    );
    for (index, ty) in model.types.iter().enumerate() {
        let entry = if ty.borrows {
            let borrowed = format!(
                "{root}::borrowed::{}",
                item_path("enums", ty.namespace.as_deref(), &ty.rust_name)
            );
            format!(
                "|reader: &mut tl_runtime::Reader<'_>| \
                 <{borrowed}<'_> as tl_runtime::DeserializeBorrowed<'_>>::deserialize_borrowed(reader).map(drop)"
            )
        } else {
            format!("tl_tests::decoding::decode::<{}>", enum_path(root, ty))
        };
        writeln!(code, "        {index} => Some({entry}),").expect("write to a string");
    }
    code.push_str("        _ => None,\n    }\n}\n");
    std::fs::write(out, code).expect("write the boxed type table");
}

/// The path of a boxed type's enum under `root`.
pub fn enum_path(root: &str, ty: &tl_codegen::model::BoxedType) -> String {
    format!("{root}::{}", item_path("enums", ty.namespace.as_deref(), &ty.rust_name))
}

/// Writes `check_type(tl_type, bytes)` for every boxed type and `check_function(tl_name, bytes)` for every
/// non-generic function of `model` (generated under `root`): each decodes `bytes` as that item and checks
/// that it encodes back to exactly them ([`crate::samples::round_trip`]).
pub fn write_round_trips(model: &tl_codegen::model::Model, root: &str, out: &Path) {
    let mut code = String::new();
    let types = model.types.iter().map(|ty| (ty.tl_name.as_str(), enum_path(root, ty)));
    write_by_name(&mut code, "check_type", types);
    let functions = (model.functions.iter().filter(|f| f.generics.is_empty())).map(|f| {
        (
            f.tl_name.as_str(),
            format!(
                "{root}::{}",
                item_path("functions", f.namespace.as_deref(), &f.rust_name)
            ),
        )
    });
    write_by_name(&mut code, "check_function", functions);
    std::fs::write(out, code).expect("write the round-trip table");
}

/// `pub fn <function>(name, bytes)`: a match from each TL name to the round trip of its Rust type.
fn write_by_name<'m>(code: &mut String, function: &str, entries: impl Iterator<Item = (&'m str, String)>) {
    writeln!(
        code,
        "/// Decodes `bytes` as the TL item named `name` and checks it encodes back to them.\n\
         pub fn {function}(name: &str, bytes: &[u8]) -> Result<(), String> {{\n    match name {{"
    )
    .expect("write to a string");
    for (tl_name, path) in entries {
        writeln!(
            code,
            "        {tl_name:?} => tl_tests::samples::round_trip::<{path}>(bytes),"
        )
        .expect("write to a string");
    }
    code.push_str("        other => Err(format!(\"no Rust type for {other}\")),\n    }\n}\n\n");
}
