//! `tl-codegen`: the command line. With no arguments it runs every job of the nearest `tl-codegen.toml`;
//! `--schema` with `--out` or `--emit-tl` runs one job without a project file. `--help` shows the project
//! file's format and the exit codes.

mod args;
mod console;
mod diff;
mod job;
mod project;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use tl_codegen::output::not_owned;
use tl_codegen::{Config, Error, Frontend};

use crate::args::Args;
use crate::console::say;
use crate::job::{IfSchemaMissing, Job, Mode, Outcome, Output};

/// Exit status 1: stale output in check mode, or an error while generating.
const FAILED: u8 = 1;
/// Exit status 2: the command was used wrongly (as clap exits for bad arguments).
const USAGE: u8 = 2;

fn main() -> ExitCode {
    let args = Args::parse();
    if let Some(args::Command::Diff(diff)) = &args.command {
        return diff::run_command(diff);
    }
    if let Some(message) = args.misplaced() {
        say(message);
        return ExitCode::from(USAGE);
    }
    if !args.diff.is_empty() {
        return diff::run_flags(&args);
    }
    let jobs = match jobs(&args) {
        Ok(jobs) => jobs,
        Err(message) => {
            say(message);
            return ExitCode::from(USAGE);
        }
    };
    let mode = if args.check { Mode::Check } else { Mode::Write };
    if mode == Mode::Write && !args.force {
        let frontend = if args.schemas.is_empty() {
            Frontend::ProjectFile
        } else {
            Frontend::CommandLine
        };
        if let Err(error) = refuse_foreign_files(&jobs, frontend) {
            say(error);
            return ExitCode::from(FAILED);
        }
    }
    run(&jobs, mode)
}

/// The jobs to run: the one of `--schema`, else those of the project file.
fn jobs(args: &Args) -> Result<Vec<Job>, String> {
    if !args.schemas.is_empty() {
        return Ok(vec![job_of_arguments(args)]);
    }
    let path = match args.project.clone().or_else(project::find) {
        Some(path) => path,
        None => return Err(no_project_file()),
    };
    let mut jobs = project::load(&path)?;
    if args.force {
        for job in &mut jobs {
            job.config.force_overwrite();
        }
    }
    Ok(jobs)
}

fn no_project_file() -> String {
    format!(
        "error: no {} in this folder or any folder above it, and no --schema given; nothing was written\n  \
         = help: run one job with `tl-codegen --schema FILE... --out DIR`, or write a {} (see `tl-codegen --help`)",
        project::FILE_NAME,
        project::FILE_NAME,
    )
}

fn job_of_arguments(args: &Args) -> Job {
    let mut config = Config::new();
    for schema in &args.schemas {
        config.schema(schema);
    }
    config
        .roots(args.roots.iter().cloned())
        .deserialize_functions(args.function_decoding)
        .frontend(Frontend::CommandLine);
    schema_flags(&mut config, args);
    output_flags(&mut config, args);
    if args.force {
        config.force_overwrite();
    }
    let output = match (&args.out, &args.emit_tl) {
        (Some(dir), _) => Output::Crate(dir.clone()),
        (None, Some(path)) => Output::Tl(path.clone()),
        (None, None) => unreachable!("clap requires --out or --emit-tl with --schema"),
    };
    Job {
        config,
        output,
        if_schema_missing: IfSchemaMissing::Fail,
    }
}

/// The flags about what the schema may hold: ids, strictness, types defined elsewhere.
fn schema_flags(config: &mut Config, args: &Args) {
    if args.strict_ids {
        config.strict_ids();
    }
    if args.strict {
        config.strict();
    }
    if args.degrade {
        config.degrade();
    }
    for (name, path) in &args.extern_type {
        config.extern_type(name, path);
    }
    for name in &args.allow_id_mismatch {
        config.allow_id_mismatch(name.clone());
    }
    for (path, root) in &args.extern_path {
        config.extern_path(path, root);
    }
}

/// The flags about the generated API: attributes, serde, links, borrowed types, `Hash`.
fn output_flags(config: &mut Config, args: &Args) {
    for (path, attribute) in &args.type_attribute {
        config.type_attribute(path, attribute);
    }
    for (path, attribute) in &args.enum_attribute {
        config.enum_attribute(path, attribute);
    }
    for (path, attribute) in &args.field_attribute {
        config.field_attribute(path, attribute);
    }
    if args.serde {
        config.serde();
    }
    if args.json_interface {
        config.json_interface();
    }
    if args.telegram_doc_links {
        config.telegram_doc_links();
    }
    if args.split {
        config.split_by_namespace();
    }
    for path in &args.docs {
        config.docs(path);
    }
    for path in &args.errors {
        config.errors(path);
    }
    if args.borrowed_types {
        config.borrowed_types();
    }
    if args.derive_hash {
        config.derive_hash();
    }
}

/// Fails, naming every such file, if any job would replace a file that tl-codegen did not write: checked
/// for all jobs before any job writes.
fn refuse_foreign_files(jobs: &[Job], frontend: Frontend) -> Result<(), Error> {
    let paths: Vec<PathBuf> = jobs
        .iter()
        .filter(|job| !job.skips())
        .flat_map(Job::output_paths)
        .collect();
    let foreign = not_owned(paths.iter().map(PathBuf::as_path))?;
    if foreign.is_empty() {
        Ok(())
    } else {
        Err(Error::NotOwned {
            paths: foreign,
            frontend,
        })
    }
}

/// Runs every job, going on after a failed one (each reports its own problems); the exit status is the
/// worst outcome.
fn run(jobs: &[Job], mode: Mode) -> ExitCode {
    let mut failed = false;
    for job in jobs {
        match job.run(mode) {
            Ok(Outcome::Done | Outcome::Skipped) => {}
            Ok(Outcome::Stale) => failed = true,
            Err(error) => {
                say(error);
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::from(FAILED)
    } else {
        ExitCode::SUCCESS
    }
}
