//! Generates Rust types with exact TL binary serialization from TL schema files.
//!
//! The pipeline, each step a public function: [`read_sources`] → [`load`] (`.tl` text → [`tl_parser`]'s
//! AST, ids, diagnostics) → [`select`] (the closure of the roots, see [`roots`]) → [`build_model`] (the
//! checked [`model::Model`]: types resolved, wire plans, sizes, recursion, names) → [`emit()`] (tokens from
//! [`mod@emit`], formatted by prettyplease with the `format` feature, else printed plain, a line per
//! statement). [`generate`] chains them in memory; [`Config`] (for `build.rs`), the `tl-codegen` command
//! and the tests call these steps, and [`output::write_files`] is the only place that writes: it replaces
//! only files that begin with the generator's `// @generated` header, all-or-nothing, each one atomically.
//!
//! The generated code depends on the `tl_runtime` crate only.
//!
//! # From `build.rs`
//!
//! ```toml
//! [dependencies]
//! tl-runtime = "0.1"
//!
//! [build-dependencies]
//! # Without the default `cli` feature: the command line's dependencies (clap, toml, serde, syn,
//! # prettyplease) stay out of the build, and OUT_DIR's file is written unformatted (`format` formats it).
//! tl-codegen = { version = "0.1", default-features = false }
//! ```
//!
//! ```no_run
//! // build.rs
//! fn main() -> Result<(), Box<dyn std::error::Error>> {
//!     tl_codegen::Config::new()
//!         .schema("schema/url_auth.tl")
//!         .roots(["messages.requestUrlAuth", "messages.acceptUrlAuth"])
//!         .compile()?; // writes $OUT_DIR/url_auth.rs, only when it changed
//!     Ok(())
//! }
//! ```
//!
//! ```text
//! // src/lib.rs (examples/url-auth-client builds exactly this)
//! pub mod tl {
//!     tl_runtime::include_tl!("url_auth"); // the first schema's stem as a module name: see bindings_name
//! }
//! ```
//!
//! A schema error fails the build with the rendered diagnostics (file, line, column, snippet): the
//! [`Error`]'s `Debug`, which `?` in `main` prints, is its `Display`. A definition the generator cannot
//! represent (an unknown type in it, a construct not generated yet) is no such error: it is left out, with
//! a warning (a `cargo:warning` line) that names it, says why, and lists what is left out with it;
//! [`Config::strict`] makes it an error ([`Strictness`]).

mod config;
mod degrade;
pub mod diff;
#[cfg(feature = "json")]
mod docs_source;
pub mod emit;
mod error;
mod error_list;
pub mod ident;
#[cfg(feature = "json")]
mod json_schema;
pub mod model;
pub mod output;
mod render;
pub mod roots;
mod rust_text;

use std::path::{Path, PathBuf};

pub use config::Config;
pub use degrade::Strictness;
pub use error::{Error, Frontend, SchemaErrors, Warnings};
use output::{GENERATED_MARKER, OutputFile};
use tl_parser::{Category, Definition, ParseOptions, Schema, SourceFile};

/// The output of one generation: Rust source for a module (no inner attributes, so it can be
/// `include!`d), plus what it was made from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    /// Formatted Rust source, starting with an `@generated` comment.
    pub source: String,
    /// The schema layer, if the schema names one.
    pub layer: Option<u32>,
    /// Constructors and functions generated.
    pub counts: (usize, usize),
    /// Problems worth a look that did not stop generation.
    pub warnings: Warnings,
    /// Lines worth a look that are no problem of the schema: what a docs source did not match.
    pub notes: Vec<String>,
    /// With [`Config::split_by_namespace`], the files the main one `include!`s: (path relative to the
    /// folder of the main file, content starting with the same `@generated` header).
    pub pieces: Vec<(String, String)>,
}

/// Parses `files` as one schema, keeps what `roots` reach (everything if empty), and generates Rust with the
/// default [`emit::EmitOptions`] and the default strictness for the roots ([`Strictness::for_roots`]).
pub fn generate(files: &[SourceFile], roots: &[String], options: &ParseOptions) -> Result<Generated, Error> {
    generate_with(
        files,
        roots,
        options,
        &model::Externs::default(),
        &emit::EmitOptions::default(),
        Strictness::for_roots(roots),
    )
}

/// [`generate`] with types defined outside the schema (`externs`) and explicit [`emit::EmitOptions`].
pub fn generate_with(
    files: &[SourceFile],
    roots: &[String],
    options: &ParseOptions,
    externs: &model::Externs,
    emit_options: &emit::EmitOptions,
    strictness: Strictness,
) -> Result<Generated, Error> {
    let knowledge = Knowledge::default();
    generate_informed(files, roots, options, externs, emit_options, strictness, &knowledge)
}

/// What the generated code may say beyond the schema: descriptions from docs sources
/// ([`Config::docs`]).
#[derive(Debug, Clone, Default)]
pub struct Knowledge {
    /// Docs sources, in order: a later one's description of a name replaces an earlier one's.
    pub docs: Vec<model::DocsSource>,
    /// The error lists, read into one: typed RPC errors ([`Config::errors`]).
    pub errors: Option<model::ErrorList>,
}

/// [`generate_with`], the model documented with `knowledge`.
pub fn generate_informed(
    files: &[SourceFile],
    roots: &[String],
    options: &ParseOptions,
    externs: &model::Externs,
    emit_options: &emit::EmitOptions,
    strictness: Strictness,
    knowledge: &Knowledge,
) -> Result<Generated, Error> {
    let loaded = load(files, options)?;
    let selected = select(&loaded.schema, roots)?;
    let (mut model, warnings) = build_model(files, &loaded, &selected, externs, strictness)?;
    if emit_options.tdjson {
        model.lower_to_tdjson();
    }
    let schema_names: Vec<&str> = (loaded.schema.definitions.iter()).map(|d| d.name.full).collect();
    let notes = (knowledge.docs.iter())
        .filter_map(|docs| docs_note(docs, &model.document(docs, &schema_names)))
        .collect();
    if let Some(errors) = &knowledge.errors {
        model.add_errors(errors);
    }
    let (source, pieces) = emit_files(&model, emit_options);
    let header = generated_header(files, loaded.schema.layer);
    let pieces = (pieces.into_iter())
        .map(|(path, piece)| (path, header.clone() + "\n" + &piece))
        .collect();
    Ok(Generated {
        source: header + "\n" + &source,
        pieces,
        layer: loaded.schema.layer,
        counts: (model.constructors.len(), model.functions.len()),
        warnings,
        notes,
    })
}

/// The one line that says what a docs source did not match, if anything.
fn docs_note(docs: &model::DocsSource, report: &model::DocsReport) -> Option<String> {
    let examples = |names: &[String]| {
        let shown: Vec<String> = names.iter().take(3).map(|name| format!("`{name}`")).collect();
        let more = if names.len() > 3 { ", ..." } else { "" };
        format!("{}{more}", shown.join(", "))
    };
    let mut parts = Vec::new();
    if !report.unknown.is_empty() {
        parts.push(format!(
            "{} of its names are not in the schema ({})",
            report.unknown.len(),
            examples(&report.unknown)
        ));
    }
    if !report.other_id.is_empty() {
        parts.push(format!(
            "{} have another id there, another layer's ({})",
            report.other_id.len(),
            examples(&report.other_id)
        ));
    }
    (!parts.is_empty()).then(|| {
        format!(
            "docs from {}: {} definitions documented; {}",
            docs.name,
            report.documented,
            parts.join("; ")
        )
    })
}

/// The definitions `roots` reach, or every definition when there are no roots.
pub fn select<'s, 'a>(schema: &'s Schema<'a>, roots: &[String]) -> Result<Vec<&'s Definition<'a>>, Error> {
    if roots.is_empty() {
        Ok(schema.definitions.iter().collect())
    } else {
        roots::closure(schema, roots).map_err(Error::Roots)
    }
}

/// The checked model of `selected` definitions of the `loaded` schema (read from `files`), with every
/// warning of the run. With [`Strictness::Degrade`], a definition the generator cannot represent (the
/// parser's or the model's error in it) is left out with a warning, together with what needs it; with
/// [`Strictness::Strict`] it is an error, rendered like the parser's. A model with no constructor and no
/// function is an error too (nothing to generate).
pub fn build_model(
    files: &[SourceFile],
    loaded: &Loaded<'_>,
    selected: &[&Definition<'_>],
    externs: &model::Externs,
    strictness: Strictness,
) -> Result<(model::Model, Warnings), Error> {
    let schema = &loaded.schema;
    let file_stems: Vec<String> = files.iter().map(|file| file_stem(&file.name)).collect();
    let input = model::ModelInput {
        definitions: selected,
        layer: schema.layer,
        class_docs: &schema.class_docs,
        externs,
        strictness,
        file_stems: &file_stems,
    };
    let refused = degrade::refusals(selected, &loaded.refused, strictness);
    let (model, left_out, left_out_count) = degrade::build_model(&input, refused).map_err(|mut diagnostics| {
        // The parser's warnings are shown with the errors, as when the parser itself fails.
        diagnostics.extend(loaded.warnings.diagnostics().clone());
        diagnostics.sort();
        Error::Schema(SchemaErrors::of_definitions(files, diagnostics))
    })?;
    let empty = model.constructors.is_empty() && model.functions.is_empty();
    if empty && strictness == Strictness::Degrade && !left_out.is_empty() {
        // Everything was left out: the reasons are the errors, as in strict mode.
        return build_model(files, loaded, selected, externs, Strictness::Strict);
    }
    if empty {
        return Err(Error::Empty {
            sources: files.iter().map(|f| f.name.clone()).collect(),
        });
    }
    let mut warnings = loaded.warnings.clone();
    warnings.extend(files, left_out);
    warnings.left_out = left_out_count;
    Ok((model, warnings))
}

/// The first line of every generated file: `// @generated by tl-codegen from a.tl + b.tl (layer N). ...`.
fn generated_header(files: &[SourceFile], layer: Option<u32>) -> String {
    let names: Vec<&str> = files.iter().map(|f| file_name(&f.name)).collect();
    let layer = layer.map_or(String::new(), |l| format!(" (layer {l})"));
    format!(
        "{GENERATED_MARKER} from {}{layer}. Do not edit by hand: regenerate instead.\n",
        names.join(" + ")
    )
}

/// A schema closure written back as TL (what `tl-codegen --emit-tl` writes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedTl {
    /// The `.tl` text, starting with an `@generated` comment and the roots it was made from.
    pub text: String,
    /// Constructors and functions written (built-in definitions included).
    pub counts: (usize, usize),
    /// Problems worth a look that did not stop generation.
    pub warnings: Warnings,
}

/// Parses `files` as one schema and writes what `roots` reach (everything if empty) as one `.tl` file.
pub fn generate_tl(
    files: &[SourceFile],
    roots: &[String],
    options: &ParseOptions,
    strictness: Strictness,
) -> Result<GeneratedTl, Error> {
    let loaded = load(files, options)?;
    let selected = select(&loaded.schema, roots)?;
    let refused = degrade::refusals(&selected, &loaded.refused, strictness);
    if strictness == Strictness::Strict && !refused.is_empty() {
        let mut diagnostics = refused.into_errors();
        diagnostics.extend(loaded.warnings.diagnostics().clone());
        diagnostics.sort();
        return Err(Error::Schema(SchemaErrors::of_definitions(files, diagnostics)));
    }
    let left_out = degrade::LeftOut::compute(&selected, &refused);
    let mut warnings = loaded.warnings.clone();
    warnings.extend(files, left_out.warnings(&selected, refused));
    let kept = left_out.kept(&selected);
    warnings.left_out = selected.len() - kept.len();
    let selected = kept;
    let schema = &loaded.schema;
    let count = |category| selected.iter().filter(|d| d.category == category).count();
    let mut header = generated_header(files, schema.layer);
    if !roots.is_empty() {
        header.push_str("// What these roots reach:\n");
        for root in roots {
            header.push_str(&format!("//   {root}\n"));
        }
    }
    Ok(GeneratedTl {
        text: roots::write_tl(&selected, schema.layer, &header),
        counts: (count(Category::Type), count(Category::Function)),
        warnings,
    })
}

/// What changed from the schema in `old` files to the schema in `new` files (see [`diff`]); with
/// `roots`, only the definitions the roots reach on either side (a root missing on one side reaches
/// nothing there).
pub fn diff_files(
    old: &[SourceFile],
    new: &[SourceFile],
    roots: &[String],
    options: &ParseOptions,
) -> Result<diff::SchemaDiff, Error> {
    let old_schema = load(old, options)?.schema;
    let new_loaded = load(new, options)?;
    // Which structs have `Default` in the new schema (none known if it cannot be modelled).
    let all: Vec<&Definition<'_>> = new_loaded.schema.definitions.iter().collect();
    let with_default: std::collections::BTreeSet<String> =
        match build_model(new, &new_loaded, &all, &model::Externs::default(), Strictness::Degrade) {
            Ok((model, _)) => (model.constructors.iter().chain(&model.functions))
                .filter(|item| item.default.is_some())
                .map(|item| item.tl_name.clone())
                .collect(),
            Err(_) => Default::default(),
        };
    let new_schema = &new_loaded.schema;
    let mut scope = diff::DiffScope {
        only: None,
        with_default: Some(&with_default),
    };
    if roots.is_empty() {
        return Ok(diff::diff(&old_schema, new_schema, scope));
    }
    let in_schema = |schema: &Schema<'_>, root: &String| roots::closure(schema, std::slice::from_ref(root)).is_ok();
    // A root in neither schema is a mistake: the new schema's error names it, with suggestions.
    if let Some(unknown) = roots
        .iter()
        .find(|root| !in_schema(&old_schema, root) && !in_schema(new_schema, root))
    {
        return Err(Error::Roots(
            roots::closure(new_schema, std::slice::from_ref(unknown)).expect_err("in neither schema"),
        ));
    }
    let mut reached = std::collections::BTreeSet::new();
    for schema in [&old_schema, new_schema] {
        let present: Vec<String> = roots.iter().filter(|root| in_schema(schema, root)).cloned().collect();
        if present.is_empty() {
            continue;
        }
        let closure = roots::closure(schema, &present).map_err(Error::Roots)?;
        reached.extend(closure.iter().map(|d| d.name.full.to_string()));
    }
    scope.only = Some(&reached);
    Ok(diff::diff(&old_schema, new_schema, scope))
}

/// The name of the bindings file and module, one rule for [`Config::compile`], the crate files and
/// `tl_runtime::include_tl!`: the first schema's file stem as a Rust module name (`snake_case`), so
/// `api-layer230.tl` gives `api_layer230.rs`, included with `include_tl!("api_layer230")`.
pub fn bindings_name(schemas: &[PathBuf]) -> String {
    let stem = schemas
        .first()
        .and_then(|path| path.file_stem())
        .and_then(|stem| stem.to_str())
        .unwrap_or("tl");
    ident::module_name(stem)
}

/// The files of a crate holding `generated`, in `dir` (what the CLI writes for a job with `out`):
/// `lib.rs`, with the crate docs and the bindings module kept away from rustfmt (prettyplease formats it,
/// and it is checked for freshness byte for byte), and the bindings, named by [`bindings_name`].
pub fn crate_files(config: &Config, generated: &Generated, dir: &Path) -> Vec<OutputFile> {
    let module = bindings_name(config.schemas());
    let names: Vec<&str> = config.schemas().iter().map(|p| file_name_of(p)).collect();
    let layer = generated.layer.map_or(String::new(), |l| format!(" (layer {l})"));
    let lib = format!(
        "{GENERATED_MARKER}. Do not edit by hand: regenerate instead.\n\
         //! Rust bindings for `{sources}`{layer}, generated by tl-codegen.\n\
         //!\n\
         //! `types` has a struct per constructor, `enums` an enum per boxed type, `functions` a struct per\n\
         {codec}\n\
         #[rustfmt::skip]\n\
         mod {module};\n\
         #[allow(unused_imports)] // in a private module nothing may use it yet\n\
         pub use {module}::*;\n",
        sources = names.join(" + "),
        codec = match config.emit_options().tdjson {
            true =>
                "//! function (its `tl_runtime::tdjson::Function::Return` is the answer's type), in the JSON of\n\
                     //! TDLib's and tonlib's JSON interface through serde.\n",
            false =>
                "//! function (its `RemoteCall::Return` is the answer's type). Encoding and decoding come from\n\
                      //! `tl_runtime::{Serialize, Deserialize}`.\n",
        },
    );
    let [lib_path, bindings_path] = crate_file_paths(config, dir);
    vec![
        OutputFile {
            path: lib_path,
            content: lib,
        },
        OutputFile {
            path: bindings_path,
            content: generated.source.clone(),
        },
    ]
    .into_iter()
    .chain(generated.pieces.iter().map(|(relative, content)| OutputFile {
        path: dir.join(relative),
        content: content.clone(),
    }))
    .collect()
}

/// Where [`crate_files`] writes: the module's root, and `dir/<bindings name>.rs`. The root is `dir/lib.rs`
/// when `dir` is a crate's `src` folder (the crate is the bindings), else `dir/mod.rs`, so that the
/// folder is a module the user declares by its name (`out = "src/tl"`, then `mod tl;`).
pub fn crate_file_paths(config: &Config, dir: &Path) -> [PathBuf; 2] {
    let root = match dir.file_name().is_some_and(|name| name == "src") {
        true => "lib.rs",
        false => "mod.rs",
    };
    [
        dir.join(root),
        dir.join(format!("{}.rs", bindings_name(config.schemas()))),
    ]
}

/// Formats the model as Rust source (prettyplease with the `format` feature, else a line per statement):
/// the whole output as one file.
pub fn emit(model: &model::Model, options: &emit::EmitOptions) -> String {
    emit_files(model, options).0
}

/// [`emit()`], and with [`emit::EmitOptions::split`] the pieces the main file `include!`s: (path relative
/// to the main file's folder, source). The parts are emitted on two threads (`types` on its own).
pub fn emit_files(model: &model::Model, options: &emit::EmitOptions) -> (String, Vec<(String, String)>) {
    let render_parts = |parts: &[emit::Part]| -> Vec<(String, Vec<(String, String)>)> {
        (parts.iter())
            .map(|&part| {
                let (tokens, pieces) = emit::emit_split(model, options, part);
                let pieces = pieces
                    .into_iter()
                    .map(|(path, piece)| (path, render::source(piece)))
                    .collect();
                (render::source(tokens), pieces)
            })
            .collect()
    };
    let (types, rest) = std::thread::scope(|scope| {
        let types = scope.spawn(|| render_parts(&[emit::Part::Types]));
        let rest = render_parts(&[
            emit::Part::Layer,
            emit::Part::Enums,
            emit::Part::Functions,
            emit::Part::Borrowed,
            emit::Part::Errors,
            emit::Part::NameForId,
        ]);
        (types.join().expect("rendering does not panic"), rest)
    });
    let mut out = String::new();
    let mut pieces = Vec::new();
    let ordered = rest[..1].iter().chain(&types).chain(&rest[1..]);
    for (source, part_pieces) in ordered {
        out.push_str(source);
        pieces.extend(part_pieces.iter().cloned());
    }
    (out, pieces)
}

/// The last component of a path, so generated headers do not depend on where the checkout is.
pub fn file_name(path: &str) -> &str {
    Path::new(path).file_name().and_then(|n| n.to_str()).unwrap_or(path)
}

/// A file's stem as a TL name part: `mtproto` for `schema/mtproto.tl`, `api_layer230` for
/// `api-layer230.tl`.
fn file_stem(path: &str) -> String {
    let stem = Path::new(path).file_stem().and_then(|s| s.to_str()).unwrap_or("file");
    stem.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

fn file_name_of(path: &Path) -> &str {
    path.file_name().and_then(|n| n.to_str()).unwrap_or("schema")
}

/// Reads schema files in order, for parsing together. A JSON schema (mtcute's or Telegram's, by its
/// `.json` name or its first character) is read as the TL lines it stands for.
pub fn read_sources(paths: &[impl AsRef<Path>]) -> Result<Vec<SourceFile>, Error> {
    paths
        .iter()
        .map(|path| {
            let path = path.as_ref();
            let file = SourceFile::read(path).map_err(|error| Error::Read {
                path: path.to_path_buf(),
                error,
            })?;
            as_tl(file)
        })
        .collect()
}

/// Whether `file` is JSON: its name ends in `.json`, or its text starts with `{` or `[`.
fn is_json(file: &SourceFile) -> bool {
    file.name.ends_with(".json") || file.text.trim_start().starts_with(['{', '['])
}

/// `file` as TL text: itself, or the TL lines of a JSON schema.
fn as_tl(file: SourceFile) -> Result<SourceFile, Error> {
    if !is_json(&file) {
        return Ok(file);
    }
    #[cfg(feature = "json")]
    return json_schema::to_tl(&file);
    #[cfg(not(feature = "json"))]
    return Err(Error::NeedsFeature {
        path: PathBuf::from(&file.name),
        feature: "json",
        what: "a JSON schema",
    });
}

/// A parsed schema, its warnings, and the errors that each concern one definition.
#[derive(Debug)]
pub struct Loaded<'a> {
    /// The definitions, those with errors too.
    pub schema: Schema<'a>,
    /// Problems worth a look that do not stop generation.
    pub warnings: Warnings,
    /// Errors inside definitions (an unknown type, a condition on a field that is not `#`, a duplicate):
    /// [`build_model`] leaves those definitions out with a warning, or fails in strict mode.
    pub refused: tl_parser::Diagnostics,
}

/// Parses `files` as one schema. Errors outside any definition (syntax errors) and errors asked for by
/// option (`strict_ids`) fail the load with every diagnostic; errors inside a definition are kept in
/// [`Loaded::refused`].
pub fn load<'a>(files: &'a [SourceFile], options: &ParseOptions) -> Result<Loaded<'a>, Error> {
    let parsed = tl_parser::parse(files, options);
    let definitions: Vec<&Definition<'_>> = parsed.schema.definitions.iter().collect();
    let mut refused = tl_parser::Diagnostics::default();
    let mut fatal = false;
    for diagnostic in parsed
        .diagnostics
        .iter()
        .filter(|d| d.severity == tl_parser::Severity::Error)
    {
        if degrade::is_degradable(diagnostic) && degrade::owner(&definitions, diagnostic.span).is_some() {
            refused.push(diagnostic.clone());
        } else {
            fatal = true;
        }
    }
    if fatal {
        return Err(Error::Schema(SchemaErrors::new(files, parsed.diagnostics)));
    }
    Ok(Loaded {
        warnings: Warnings::new(files, &parsed.diagnostics),
        schema: parsed.schema,
        refused,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proc_macro2::TokenStream;

    /// The url-auth schema and a fixture of generic types: their models and whole-file tokens.
    fn models_and_tokens() -> Vec<(model::Model, TokenStream)> {
        use emit::Part;
        let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
        let files = read_sources(&[
            root.join("schema/url_auth.tl"),
            root.join("tests/fixtures/codegen/generics.tl"),
        ])
        .expect("readable schemas");
        let parts = [
            Part::Layer,
            Part::Types,
            Part::Enums,
            Part::Functions,
            Part::Borrowed,
            Part::Errors,
            Part::NameForId,
        ];
        let options = emit::EmitOptions::default();
        (files.iter())
            .map(|file| {
                let files = std::slice::from_ref(file);
                let loaded = load(files, &ParseOptions::new()).expect("valid");
                let selected = select(&loaded.schema, &[]).expect("all");
                let (model, _) =
                    build_model(files, &loaded, &selected, &Default::default(), Strictness::Strict).expect("a model");
                let tokens = (parts.iter())
                    .map(|&part| emit::emit_part(&model, &options, part))
                    .collect();
                (model, tokens)
            })
            .collect()
    }

    /// Formatting the parts apart (on two threads) gives exactly the text of formatting the whole file.
    #[cfg(feature = "format")]
    #[test]
    fn parts_formatted_apart_equal_the_whole_file() {
        for (model, tokens) in models_and_tokens() {
            let whole: syn::File = syn::parse2(tokens).expect("valid Rust");
            assert_eq!(
                emit(&model, &emit::EmitOptions::default()),
                prettyplease::unparse(&whole)
            );
        }
    }

    /// The plain text (a build script's, without `format`) is the same program as the formatted text:
    /// parsed back, it formats to the same file.
    #[cfg(feature = "format")]
    #[test]
    fn plain_text_is_the_formatted_program() {
        for (model, tokens) in models_and_tokens() {
            let plain = render::plain(tokens);
            assert!(plain.lines().count() > 100, "a line per statement");
            let reparsed: syn::File = syn::parse_file(&plain).expect("plain text parses");
            assert_eq!(
                emit(&model, &emit::EmitOptions::default()),
                prettyplease::unparse(&reparsed)
            );
        }
    }

    /// Without `format`, the file is the plain text, and it is the same tokens.
    #[test]
    fn plain_text_lexes_to_the_same_tokens() {
        for (_, tokens) in models_and_tokens() {
            let plain = render::plain(tokens.clone());
            let relexed: TokenStream = plain.parse().expect("plain text lexes");
            assert_eq!(relexed.to_string(), tokens.to_string());
        }
    }
}
