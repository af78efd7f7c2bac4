//! `tl-codegen`: the command line. With no arguments it regenerates `generated/` from the bundled
//! `schema/url_auth.tl`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use tl_codegen::output::{FileStatus, write_if_changed};
use tl_codegen::{Config, crate_files, file_name, load, read_sources, roots};
use tl_parser::Category;

/// Generates Rust bindings (or a `.tl` subset) from TL schema files.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Cli {
    /// Schema files, parsed together as one schema. Default: the workspace's `schema/url_auth.tl`.
    #[arg(long = "schema", value_name = "FILE")]
    schemas: Vec<PathBuf>,
    /// Folder for the Rust output (`lib.rs` and `<schema>.rs`). Default: the workspace's `generated/src`.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Keep only what these functions, constructors or types reach (comma-separated names).
    #[arg(long, value_delimiter = ',', value_name = "NAMES")]
    roots: Vec<String>,
    /// Instead of Rust, write the (closure of the) schema as a `.tl` file to this path.
    #[arg(long, value_name = "FILE")]
    emit_tl: Option<PathBuf>,
    /// Write nothing; exit with 1 and a short diff if an output file is missing or differs.
    #[arg(long)]
    check: bool,
    /// Accept a hand-assigned constructor id for this definition (repeatable).
    #[arg(long, value_name = "NAME")]
    allow_id_mismatch: Vec<String>,
    /// Accept the hand-assigned service ids of mtproto.tl.
    #[arg(long)]
    mtproto_ids: bool,
    /// Do not generate `Deserialize` for functions (a client only writes requests).
    #[arg(long)]
    no_function_decoding: bool,
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

/// The generation options the arguments describe (the same type `build.rs` users build).
fn config(cli: &Cli) -> Config {
    let mut config = Config::new();
    if cli.schemas.is_empty() {
        config.schema(workspace_root().join("schema/url_auth.tl"));
    }
    for schema in &cli.schemas {
        config.schema(schema);
    }
    config.roots(cli.roots.iter().cloned());
    if cli.mtproto_ids {
        config.allow_mtproto_hand_assigned_ids();
    }
    for name in &cli.allow_id_mismatch {
        config.allow_id_mismatch(name.clone());
    }
    config.deserialize_functions(!cli.no_function_decoding);
    config.out_dir(
        cli.out
            .clone()
            .unwrap_or_else(|| workspace_root().join("generated/src")),
    );
    config
}

fn run(cli: &Cli) -> Result<ExitCode, String> {
    let config = config(cli);
    match &cli.emit_tl {
        Some(path) => emit_tl(cli, &config, path),
        None => emit_rust(cli, &config),
    }
}

fn emit_rust(cli: &Cli, config: &Config) -> Result<ExitCode, String> {
    let generated = config.generate().map_err(|e| e.to_string())?;
    let out = config.output_path().map_err(|e| e.to_string())?;
    let out = out.parent().unwrap_or(Path::new("."));
    eprintln!(
        "{}: {} constructors, {} functions",
        sources(config),
        generated.counts.0,
        generated.counts.1
    );
    let mut code = ExitCode::SUCCESS;
    for (name, content) in crate_files(config, &generated) {
        let path = out.join(name);
        let status =
            write_if_changed(&path, &content, cli.check).map_err(|e| format!("error: {}: {e}", path.display()))?;
        if report(&path, status, &content) == ExitCode::FAILURE {
            code = ExitCode::FAILURE;
        }
    }
    Ok(code)
}

fn sources(config: &Config) -> String {
    let names: Vec<String> = config
        .schemas()
        .iter()
        .map(|p| file_name(&p.display().to_string()).to_string())
        .collect();
    names.join(" + ")
}

fn emit_tl(cli: &Cli, config: &Config, path: &Path) -> Result<ExitCode, String> {
    let files = read_sources(config.schemas()).map_err(|e| e.to_string())?;
    let schema = load(&files, config.parse_options()).map_err(|e| e.to_string())?;
    let selected = if cli.roots.is_empty() {
        schema.definitions.iter().collect()
    } else {
        roots::closure(&schema, &cli.roots).map_err(|e| e.to_string())?
    };
    let count = |category| selected.iter().filter(|d| d.category == category).count();
    eprintln!(
        "{}: {} constructors, {} functions",
        sources(config),
        count(Category::Type),
        count(Category::Function)
    );
    let mut header = format!("Written by tl-codegen from {}. Do not edit by hand.", sources(config));
    if !cli.roots.is_empty() {
        header.push_str("\nWhat these roots reach:");
        for root in &cli.roots {
            header.push_str(&format!("\n  {root}"));
        }
    }
    let text = roots::write_tl(&selected, schema.layer, &header);
    let status = write_if_changed(path, &text, cli.check).map_err(|e| format!("error: {}: {e}", path.display()))?;
    Ok(report(path, status, &text))
}

/// Prints what happened to one file; for a stale file in check mode, a short diff.
fn report(path: &Path, status: FileStatus, content: &str) -> ExitCode {
    match status {
        FileStatus::Unchanged => eprintln!("{}: up to date", path.display()),
        FileStatus::Written => eprintln!("{}: written", path.display()),
        FileStatus::Stale => {
            eprintln!("{}: stale (run without --check to regenerate)", path.display());
            let existing = std::fs::read_to_string(path).unwrap_or_default();
            eprint!("{}", tl_codegen::output::short_diff(&existing, content, 40));
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
