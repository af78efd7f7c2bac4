//! Generates Rust types with exact TL binary serialization from Telegram schema files.
//!
//! The pipeline: `.tl` text → [`tl_parser`] (AST, ids, diagnostics) → closure by [`roots`] → checked
//! [`model::Model`] → tokens ([`emit`]) → formatted source (prettyplease). [`generate`] does the whole job
//! in memory; the CLI and the tests call it, and [`output::write_if_changed`] is the only place that writes.
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
//! tl-codegen = "0.1"
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
//!     tl_runtime::include_tl!("url_auth");
//! }
//! ```
//!
//! A schema error fails the build with the rendered diagnostics (file, line, column, snippet), since the
//! error's `Display` is exactly that.

mod config;
pub mod emit;
pub mod ident;
pub mod model;
pub mod output;
pub mod roots;

use std::fmt;
use std::path::{Path, PathBuf};

pub use config::Config;
use tl_parser::{ParseOptions, SourceFile};

/// Why a schema could not be loaded: an unreadable file or the rendered parser diagnostics.
#[derive(Debug)]
pub enum LoadError {
    /// A schema file could not be read.
    Read {
        /// The file.
        path: PathBuf,
        /// What the OS said.
        error: std::io::Error,
    },
    /// The schema has errors; the text is the rendered diagnostics (file, line, column, snippet).
    Invalid(String),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Read { path, error } => write!(f, "error: cannot read `{}`: {error}", path.display()),
            LoadError::Invalid(rendered) => f.write_str(rendered.trim_end()),
        }
    }
}

impl std::error::Error for LoadError {}

/// Anything that stops generation, with a message ready for the user.
#[derive(Debug)]
pub enum Error {
    /// A schema could not be read or has errors (rendered diagnostics).
    Load(LoadError),
    /// Roots that name nothing, with suggestions.
    Roots(roots::UnknownRoots),
    /// The schema cannot be represented (a name collision, an unsupported type).
    Model(model::ModelError),
    /// [`Config::compile`] outside a build script, with no [`Config::out_dir`].
    NoOutDir,
    /// The output could not be written.
    Write {
        /// The output file.
        path: PathBuf,
        /// What the OS said.
        error: std::io::Error,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Load(error) => error.fmt(f),
            Error::Roots(error) => error.fmt(f),
            Error::Model(error) => error.fmt(f),
            Error::NoOutDir => f.write_str("error: OUT_DIR is not set: call compile() from build.rs, or set out_dir()"),
            Error::Write { path, error } => write!(f, "error: cannot write `{}`: {error}", path.display()),
        }
    }
}

impl std::error::Error for Error {}

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
}

/// Parses `files` as one schema, keeps what `roots` reach (everything if empty), and generates Rust with the
/// default [`emit::EmitOptions`].
pub fn generate(files: &[SourceFile], roots: &[String], options: &ParseOptions) -> Result<Generated, Error> {
    generate_with(files, roots, options, emit::EmitOptions::default())
}

/// [`generate`] with explicit [`emit::EmitOptions`].
pub fn generate_with(
    files: &[SourceFile],
    roots: &[String],
    options: &ParseOptions,
    emit_options: emit::EmitOptions,
) -> Result<Generated, Error> {
    let schema = load(files, options).map_err(Error::Load)?;
    let selected: Vec<&tl_parser::Definition<'_>> = if roots.is_empty() {
        schema.definitions.iter().collect()
    } else {
        roots::closure(&schema, roots).map_err(Error::Roots)?
    };
    let model = model::Model::build(&selected, schema.layer).map_err(Error::Model)?;
    let source = format_parts(&model, emit_options);
    let names: Vec<&str> = files.iter().map(|f| file_name(&f.name)).collect();
    let layer = schema.layer.map_or(String::new(), |l| format!(" (layer {l})"));
    let header = format!(
        "// @generated by tl-codegen from {}{layer}. Do not edit by hand: regenerate instead.\n\n",
        names.join(" + ")
    );
    Ok(Generated {
        source: header + &source,
        layer: schema.layer,
        counts: (model.constructors.len(), model.functions.len()),
    })
}

/// The files of a crate holding `generated` (what the CLI writes into `generated/src`): `lib.rs`, with the
/// crate docs and the bindings module kept away from rustfmt (prettyplease formats it, and it is checked for
/// freshness byte for byte), and `<first schema's stem>.rs`, the bindings.
pub fn crate_files(config: &Config, generated: &Generated) -> [(String, String); 2] {
    let names: Vec<String> = config
        .schemas()
        .iter()
        .map(|p| file_name(&p.display().to_string()).to_string())
        .collect();
    let first = names.first().map_or("schema", String::as_str);
    let module = ident::module_name(
        Path::new(first)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("schema"),
    );
    let sources = names.join(" + ");
    let layer = generated.layer.map_or(String::new(), |l| format!(" (layer {l})"));
    let lib = format!(
        "// @generated by tl-codegen. Do not edit by hand: regenerate instead.\n\
         //! Rust bindings for `{sources}`{layer}, generated by tl-codegen.\n\
         //!\n\
         //! `types` has a struct per constructor, `enums` an enum per boxed type, `functions` a struct per\n\
         //! function (its `RemoteCall::Return` is the answer's type). Encoding and decoding come from\n\
         //! `tl_runtime::{{Serialize, Deserialize}}`.\n\
         \n\
         #[rustfmt::skip]\n\
         mod {module};\n\
         pub use {module}::*;\n"
    );
    [
        ("lib.rs".to_string(), lib),
        (format!("{module}.rs"), generated.source.clone()),
    ]
}

/// Emits and formats every [`emit::Part`], `types` on a second thread (the largest part, about half the
/// work), and concatenates them in order: the same text as formatting the whole file at once.
fn format_parts(model: &model::Model, options: emit::EmitOptions) -> String {
    let format = |parts: &[emit::Part]| -> Vec<String> {
        parts
            .iter()
            .map(|&part| {
                let file: syn::File =
                    syn::parse2(emit::emit_part(model, options, part)).expect("the emitter produces valid Rust");
                prettyplease::unparse(&file)
            })
            .collect()
    };
    let (types, rest) = std::thread::scope(|scope| {
        let types = scope.spawn(|| format(&[emit::Part::Types]));
        let rest = format(&[
            emit::Part::Layer,
            emit::Part::Enums,
            emit::Part::Functions,
            emit::Part::NameForId,
        ]);
        (types.join().expect("formatting does not panic"), rest)
    });
    let mut out = String::new();
    out.push_str(&rest[0]);
    out.push_str(&types[0]);
    for part in &rest[1..] {
        out.push_str(part);
    }
    out
}

/// The last component of a path, so generated headers do not depend on where the checkout is.
pub fn file_name(path: &str) -> &str {
    Path::new(path).file_name().and_then(|n| n.to_str()).unwrap_or(path)
}

/// Reads schema files in order, for parsing together.
pub fn read_sources(paths: &[impl AsRef<Path>]) -> Result<Vec<SourceFile>, LoadError> {
    paths
        .iter()
        .map(|path| {
            let path = path.as_ref();
            SourceFile::read(path).map_err(|error| LoadError::Read {
                path: path.to_path_buf(),
                error,
            })
        })
        .collect()
}

/// Parses `files` as one schema; any error diagnostic fails the load with every diagnostic rendered.
pub fn load<'a>(files: &'a [SourceFile], options: &ParseOptions) -> Result<tl_parser::Schema<'a>, LoadError> {
    let parsed = tl_parser::parse(files, options);
    if parsed.diagnostics.has_errors() {
        return Err(LoadError::Invalid(parsed.diagnostics.render(files)));
    }
    Ok(parsed.schema)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Formatting the parts apart (on two threads) gives exactly the text of formatting the whole file.
    #[test]
    fn parts_formatted_apart_equal_the_whole_file() {
        let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
        let files = read_sources(&[
            root.join("schema/url_auth.tl"),
            root.join("tests/fixtures/codegen/generics.tl"),
        ])
        .expect("readable schemas");
        for file in &files {
            let schema = load(std::slice::from_ref(file), &ParseOptions::new()).expect("valid");
            let definitions: Vec<_> = schema.definitions.iter().collect();
            let model = model::Model::build(&definitions, schema.layer).expect("a model");
            let options = emit::EmitOptions::default();
            let whole: syn::File = syn::parse2(emit::emit(&model, options)).expect("valid Rust");
            assert_eq!(
                format_parts(&model, options),
                prettyplease::unparse(&whole),
                "{}",
                file.name
            );
        }
    }
}
