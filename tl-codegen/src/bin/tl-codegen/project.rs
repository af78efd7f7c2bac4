//! The project file, `tl-codegen.toml`: the generation jobs of a repository, found by walking up from the
//! current folder (as cargo finds `Cargo.toml`).

use std::path::{Path, PathBuf};

use serde::Deserialize;
use tl_codegen::{Config, Frontend};
use tl_parser::{Diagnostic, Diagnostics, SourceFile, Span};

use crate::job::{IfSchemaMissing, Job, Output};

/// The project file's name.
pub(crate) const FILE_NAME: &str = "tl-codegen.toml";

/// The nearest `tl-codegen.toml` in the current folder or above it, as a path relative to the current
/// folder (`tl-codegen.toml`, `../tl-codegen.toml`), so that paths built from it print as a user would
/// write them.
pub(crate) fn find() -> Option<PathBuf> {
    let start = std::env::current_dir().ok()?;
    let mut relative = PathBuf::new();
    for folder in start.ancestors() {
        if folder.join(FILE_NAME).is_file() {
            return Some(relative.join(FILE_NAME));
        }
        relative.push("..");
    }
    None
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProjectSpec {
    #[serde(rename = "job", default)]
    jobs: Vec<toml::Spanned<JobSpec>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct JobSpec {
    schemas: Vec<PathBuf>,
    out: Option<PathBuf>,
    emit_tl: Option<PathBuf>,
    #[serde(default)]
    roots: Vec<String>,
    #[serde(default)]
    allow_id_mismatch: Vec<String>,
    /// Accepted and ignored: mtproto.tl's hand-assigned service ids are accepted by default.
    #[serde(default, rename = "mtproto-ids")]
    _mtproto_ids: bool,
    #[serde(default)]
    strict_ids: bool,
    /// `true`: what cannot be generated is an error; `false`: it is left out with a warning; absent: the
    /// default for the roots (an error with roots, left out without).
    #[serde(default)]
    strict: Option<bool>,
    #[serde(default)]
    extern_types: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    extern_paths: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    function_decoding: bool,
    #[serde(default)]
    type_attributes: Vec<AttributeSpec>,
    #[serde(default)]
    enum_attributes: Vec<AttributeSpec>,
    #[serde(default)]
    field_attributes: Vec<AttributeSpec>,
    #[serde(default)]
    serde: bool,
    #[serde(default, alias = "tdjson")]
    json_interface: bool,
    #[serde(default)]
    telegram_doc_links: bool,
    #[serde(default)]
    split: bool,
    #[serde(default)]
    docs: Vec<PathBuf>,
    #[serde(default)]
    errors: Vec<PathBuf>,
    #[serde(default)]
    borrowed_types: bool,
    #[serde(default)]
    derive_hash: bool,
    #[serde(default)]
    if_schema_missing: IfSchemaMissing,
}

/// `{ path = ".", attribute = "#[derive(Hash)]" }`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AttributeSpec {
    path: String,
    attribute: String,
}

/// Reads the project file at `path` into its jobs, with paths relative to the file's folder. A file that
/// cannot be read or does not describe jobs is an error rendered with its line, column and snippet.
pub(crate) fn load(path: &Path) -> Result<Vec<Job>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("error: cannot read `{}`: {e}", path.display()))?;
    let file = SourceFile::new(path.display().to_string(), text);
    let spec: ProjectSpec = toml::from_str(&file.text).map_err(|error| {
        let span = error.span().unwrap_or(0..0);
        render(&file, span, error.message())
    })?;
    if spec.jobs.is_empty() {
        return Err(render(&file, 0..0, "the project file has no `[[job]]`"));
    }
    let folder = path.parent().unwrap_or(Path::new(""));
    spec.jobs
        .into_iter()
        .map(|job| {
            let span = job.span();
            job_of(job.into_inner(), folder).map_err(|message| render(&file, span, message))
        })
        .collect()
}

fn job_of(spec: JobSpec, folder: &Path) -> Result<Job, &'static str> {
    let output = match (&spec.out, &spec.emit_tl) {
        (Some(dir), None) => Output::Crate(folder.join(dir)),
        (None, Some(path)) => Output::Tl(folder.join(path)),
        (Some(_), Some(_)) => return Err("a job has `out` or `emit-tl`, not both"),
        (None, None) => return Err("a job needs `out` (a folder for Rust) or `emit-tl` (a .tl file)"),
    };
    if spec.schemas.is_empty() {
        return Err("a job needs at least one file in `schemas`");
    }
    let mut config = Config::new();
    for schema in &spec.schemas {
        config.schema(folder.join(schema));
    }
    for docs in &spec.docs {
        config.docs(folder.join(docs));
    }
    for errors in &spec.errors {
        config.errors(folder.join(errors));
    }
    config
        .roots(spec.roots.iter().cloned())
        .deserialize_functions(spec.function_decoding)
        .frontend(Frontend::ProjectFile);
    schema_options(&mut config, &spec);
    output_options(&mut config, &spec);
    Ok(Job {
        config,
        output,
        if_schema_missing: spec.if_schema_missing,
    })
}

/// The job's options about what the schema may hold: ids, strictness, types defined elsewhere.
fn schema_options(config: &mut Config, spec: &JobSpec) {
    for name in &spec.allow_id_mismatch {
        config.allow_id_mismatch(name.clone());
    }
    if spec.strict_ids {
        config.strict_ids();
    }
    match spec.strict {
        Some(true) => config.strict(),
        Some(false) => config.degrade(),
        None => config,
    };
    for (name, path) in &spec.extern_types {
        config.extern_type(name.clone(), path.clone());
    }
    for (path, root) in &spec.extern_paths {
        config.extern_path(path.clone(), root.clone());
    }
}

/// The job's options about the generated API: attributes, serde, links, borrowed types, `Hash`.
fn output_options(config: &mut Config, spec: &JobSpec) {
    for AttributeSpec { path, attribute } in &spec.type_attributes {
        config.type_attribute(path.clone(), attribute.clone());
    }
    for AttributeSpec { path, attribute } in &spec.enum_attributes {
        config.enum_attribute(path.clone(), attribute.clone());
    }
    for AttributeSpec { path, attribute } in &spec.field_attributes {
        config.field_attribute(path.clone(), attribute.clone());
    }
    if spec.serde {
        config.serde();
    }
    if spec.json_interface {
        config.json_interface();
    }
    if spec.telegram_doc_links {
        config.telegram_doc_links();
    }
    if spec.split {
        config.split_by_namespace();
    }
    if spec.borrowed_types {
        config.borrowed_types();
    }
    if spec.derive_hash {
        config.derive_hash();
    }
}

/// One error about the project file, drawn like the schema diagnostics.
fn render(file: &SourceFile, span: std::ops::Range<usize>, message: &str) -> String {
    let mut diagnostics = Diagnostics::default();
    let span = Span::new(0, span.start, span.end);
    diagnostics.push(Diagnostic::error(span, message).with_label("in this project file"));
    diagnostics.render(std::slice::from_ref(file)).trim_end().to_string()
}
