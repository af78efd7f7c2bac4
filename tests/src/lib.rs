//! Helpers shared by the integration tests and benches: where the full Telegram schemas are.
//!
//! The full schema files are never copied into this repository. They are read from `../shared/schema/`
//! when that folder sits beside the checkout, or else from the registry package `grammers-tl-types`
//! 0.11.0 (layer 230 `tl/api.tl` and `tl/mtproto.tl`), which cargo resolves and downloads for this
//! crate without compiling it.

pub mod decoding;
pub mod dispatch;
pub mod mtcute;
pub mod nesting;
pub mod samples;
pub mod tables;

use std::path::{Path, PathBuf};
use std::process::Command;

use tl_parser::SourceFile;

/// The workspace root (the folder holding the top `Cargo.toml`).
pub fn workspace_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate sits in the workspace root")
}

/// `../shared/schema/<name>` beside the checkout, if present.
pub fn shared_schema(name: &str) -> Option<SourceFile> {
    let path = workspace_root().join("../shared/schema").join(name);
    path.is_file()
        .then(|| SourceFile::read(&path).expect("readable shared schema"))
}

/// The folder of the `grammers-tl-types` 0.11.0 package in cargo's registry, found with `cargo metadata`.
pub fn grammers_tl_types_dir() -> PathBuf {
    registry_package_dir("grammers-tl-types", "0.11.0")
}

/// The folder of package `name` at `version` in cargo's registry: a locked dependency of a workspace crate
/// (maybe one never compiled, such as `tl-tests`' `cfg(any())` ones), found with `cargo metadata`.
pub fn registry_package_dir(name: &str, version: &str) -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--manifest-path"])
        .arg(workspace_root().join("Cargo.toml"))
        .output()
        .expect("cargo metadata runs");
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).expect("cargo metadata prints JSON");
    let package = metadata["packages"]
        .as_array()
        .expect("a package list")
        .iter()
        .find(|p| p["name"] == name && p["version"] == version)
        .unwrap_or_else(|| panic!("{name} {version} is a locked dependency of the workspace"));
    let manifest = PathBuf::from(package["manifest_path"].as_str().expect("a manifest path"));
    manifest
        .parent()
        .expect("the manifest sits in the package folder")
        .to_path_buf()
}

/// A file of the `grammers-tl-types` 0.11.0 package, such as `tl/api.tl`.
pub fn grammers_schema(relative: &str) -> SourceFile {
    SourceFile::read(grammers_tl_types_dir().join(relative)).expect("readable schema in grammers-tl-types")
}

/// The layer-230 api.tl: from `../shared/schema/` if present, else from `grammers-tl-types`.
pub fn api_layer230() -> SourceFile {
    shared_schema("api-layer230.tl").unwrap_or_else(|| grammers_schema("tl/api.tl"))
}

/// mtproto.tl: from `../shared/schema/` if present, else from `grammers-tl-types` (the same bytes).
pub fn mtproto() -> SourceFile {
    shared_schema("mtproto.tl").unwrap_or_else(|| grammers_schema("tl/mtproto.tl"))
}

/// What a build script says when an input from `../shared` is absent: on CI (`CI` set) it fails; elsewhere
/// it prints `reason` as a cargo warning (the test binary then runs only the test that says it skipped).
pub fn shared_input_absent_at_build(what: &std::path::Path, reason: &str) {
    let message = format!("{} is absent: {reason}", what.display());
    assert!(std::env::var_os("CI").is_none(), "CI must have it: {message}");
    println!("cargo:warning={message}");
}

/// The one test of a binary whose input from `../shared` is absent: it fails on CI (`CI` set), and
/// elsewhere passes with the reason printed (its name says it skipped). Only CI and the developers'
/// machines have `../shared` (Telegram's layer 221 and other projects' schemas, not copied here).
pub fn shared_input_absent(what: &str) {
    let reason = format!("{what} is absent: the tests of this binary need ../shared beside the checkout");
    assert!(std::env::var_os("CI").is_none(), "CI must have it: {reason}");
    eprintln!("skipped: {reason}");
}

/// The layer-221 api.tl, which only `../shared/schema/` has. On CI (`CI` set) its absence is a failure.
pub fn api_layer221() -> Option<SourceFile> {
    let file = shared_schema("api-layer221.tl");
    assert!(
        file.is_some() || std::env::var_os("CI").is_none(),
        "CI must have ../shared/schema/api-layer221.tl beside the checkout"
    );
    file
}

/// The Rust generated for each schema in `fixtures/codegen/` (by `build.rs`), compiled here so that every
/// feature's output is type-checked, linted and testable.
pub mod codegen_fixtures {
    macro_rules! fixture {
        ($($name:ident),* $(,)?) => {$(
            #[doc = concat!("Generated from `fixtures/codegen/", stringify!($name), ".tl`.")]
            pub mod $name {
                include!(concat!(env!("OUT_DIR"), "/codegen/", stringify!($name), ".rs"));
            }
        )*};
    }

    fixture!(
        bare_vector,
        big_ints,
        declared_arrays,
        docs,
        bytes,
        flags,
        flags2,
        generics,
        keywords,
        optional_bare_cycle,
        recursion,
        recursion_through_vectors,
        shared_bits,
        true_bits,
        universal,
        vectors
    );

    /// The Rust generated for each schema the `codegen` fuzz target starts from or once failed on, and for
    /// the malformed and warned-about fixtures, with the default options (see `build.rs`): compiled here,
    /// so that what the generator emits for odd schemas compiles without a warning.
    pub mod odd_schemas {
        include!(concat!(env!("OUT_DIR"), "/codegen/odd-schemas/schemas.rs"));
    }

    /// The Rust generated for each schema in `fixtures/tl-language/` (one TL construct each), with the
    /// default options (in `all_options`, with every option that adds code; in `tdjson`, in TDLib's JSON
    /// form): what is left out is in
    /// `tests/tl_language.rs`'s snapshots.
    pub mod tl_language {
        macro_rules! language {
            ($($name:ident),* $(,)?) => {$(
                #[doc = concat!("Generated from `fixtures/tl-language/", stringify!($name), ".tl`.")]
                pub mod $name {
                    include!(concat!(env!("OUT_DIR"), "/codegen/tl-language/", stringify!($name), ".rs"));

                    /// The same schema with serde, `Hash` and the borrowed types.
                    pub mod all_options {
                        include!(concat!(
                            env!("OUT_DIR"), "/codegen/tl-language/", stringify!($name), "_all_options.rs"
                        ));
                    }

                    /// The same schema in TDLib's JSON form (`Config::tdjson`).
                    pub mod tdjson {
                        include!(concat!(
                            env!("OUT_DIR"), "/codegen/tl-language/", stringify!($name), "_tdjson.rs"
                        ));
                    }
                }
            )*};
        }

        language!(
            anonymous_constructor,
            answer_without_constructor,
            bare_and_anonymous,
            bare_arguments,
            block_doc_comments,
            builtin_without_encoding,
            conditional_flags_words,
            conditional_repetitions,
            generic_query_answers,
            generic_types,
            implicit_type_variables,
            layer_sections,
            multi_name_params,
            nat_field_arguments,
            nat_parameters,
            partial_declarations,
            result_type_variables,
            true_type,
            undeclared_builtins,
            universal_function,
            unknown_types,
            vk_annotations
        );
    }

    /// Generated from `fixtures/options/shop.tl` with every option of `Config` that changes the output
    /// (serde, attributes, doc links): see `build.rs`.
    pub mod options {
        include!(concat!(env!("OUT_DIR"), "/codegen/options.rs"));
    }

    /// The bundled url-auth schema, with `InputPeer` and `UrlAuthResult` referred to in `tl_generated`
    /// (`Config::extern_path`) instead of generated again.
    pub mod reuse {
        include!(concat!(env!("OUT_DIR"), "/codegen/reuse.rs"));
    }
}
