//! `tl-codegen`: the command line. With no arguments it reads the bundled `schema/url_auth.tl`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use tl_codegen::output::{FileStatus, write_if_changed};
use tl_codegen::{load, read_sources, roots};
use tl_parser::{Category, ParseOptions};

/// Reads TL schema files and regenerates what is derived from them.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Cli {
    /// Schema files, parsed together as one schema. Default: the workspace's `schema/url_auth.tl`.
    #[arg(long = "schema", value_name = "FILE")]
    schemas: Vec<PathBuf>,
    /// Keep only what these functions, constructors or types reach (comma-separated names).
    #[arg(long, value_delimiter = ',', value_name = "NAMES")]
    roots: Vec<String>,
    /// Write the (closure of the) schema as a `.tl` file to this path.
    #[arg(long, value_name = "FILE")]
    emit_tl: Option<PathBuf>,
    /// Write nothing; exit with 1 if an output file is missing or differs.
    #[arg(long)]
    check: bool,
    /// Accept a hand-assigned constructor id for this definition (repeatable).
    #[arg(long, value_name = "NAME")]
    allow_id_mismatch: Vec<String>,
    /// Accept the hand-assigned service ids of mtproto.tl.
    #[arg(long)]
    mtproto_ids: bool,
}

/// The workspace root, for default paths (so `cargo run` works from any folder of the checkout).
fn workspace_root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: &Cli) -> Result<ExitCode, String> {
    let schemas = if cli.schemas.is_empty() {
        vec![workspace_root().join("schema/url_auth.tl")]
    } else {
        cli.schemas.clone()
    };
    let files = read_sources(&schemas).map_err(|e| e.to_string())?;
    let mut options = ParseOptions::new();
    if cli.mtproto_ids {
        options = options.allow_mtproto_hand_assigned_ids();
    }
    for name in &cli.allow_id_mismatch {
        options = options.allow_id_mismatch(name.clone());
    }
    let schema = load(&files, &options).map_err(|e| e.to_string())?;
    let selected = if cli.roots.is_empty() {
        schema.definitions.iter().collect()
    } else {
        roots::closure(&schema, &cli.roots).map_err(|e| e.to_string())?
    };

    let count = |category| selected.iter().filter(|d| d.category == category).count();
    let layer = schema.layer.map_or("no layer".to_string(), |l| format!("layer {l}"));
    eprintln!(
        "{}: {layer}, {} constructors, {} functions",
        files.iter().map(|f| f.name.as_str()).collect::<Vec<_>>().join(" + "),
        count(Category::Type),
        count(Category::Function)
    );

    let Some(path) = &cli.emit_tl else {
        return Ok(ExitCode::SUCCESS);
    };
    let sources = files.iter().map(|f| file_name(&f.name)).collect::<Vec<_>>().join(" + ");
    let mut header = format!("Written by tl-codegen from {sources}. Do not edit by hand.");
    if !cli.roots.is_empty() {
        header.push_str("\nWhat these roots reach:");
        for root in &cli.roots {
            header.push_str(&format!("\n  {root}"));
        }
    }
    let text = roots::write_tl(&selected, schema.layer, &header);
    report(
        path,
        write_if_changed(path, &text, cli.check).map_err(|e| format!("error: {}: {e}", path.display()))?,
    )
}

/// The last component of a path, so headers do not depend on where the checkout is.
fn file_name(path: &str) -> &str {
    Path::new(path).file_name().and_then(|n| n.to_str()).unwrap_or(path)
}

fn report(path: &Path, status: FileStatus) -> Result<ExitCode, String> {
    match status {
        FileStatus::Unchanged => eprintln!("{}: up to date", path.display()),
        FileStatus::Written => eprintln!("{}: written", path.display()),
        FileStatus::Stale => {
            eprintln!("{}: stale (run without --check to regenerate)", path.display());
            return Ok(ExitCode::FAILURE);
        }
    }
    Ok(ExitCode::SUCCESS)
}
