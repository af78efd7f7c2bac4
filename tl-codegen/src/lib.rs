//! Generates Rust types with exact TL binary serialization from Telegram schema files.
//!
//! The pipeline: `.tl` text → [`tl_parser`] (AST, ids, diagnostics) → closure by [`roots`] → output.
//! [`load`] reads and checks schema files; [`output::write_if_changed`] is the only place that writes.

pub mod output;
pub mod roots;

use std::fmt;
use std::path::{Path, PathBuf};

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
