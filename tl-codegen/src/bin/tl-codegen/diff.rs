//! `tl-codegen diff OLD NEW` (or `OLD... --against NEW...`, or the old spelling `--diff OLD... --against
//! NEW...`): what changed between two schemas, printed on stdout.

use std::io::IsTerminal;
use std::process::ExitCode;

use tl_codegen::diff::{Effect, SchemaDiff};
use tl_codegen::{Frontend, diff_files, read_sources};
use tl_parser::ParseOptions;

use crate::args::{Args, DiffArgs, DiffFormat};
use crate::console::say;

/// Exit status 3: the diff has source-breaking changes.
const BREAKING: u8 = 3;

/// Exit status 2: the command was used wrongly.
const USAGE: u8 = 2;

/// `tl-codegen diff`: its two schemas, or a usage error.
pub(crate) fn run_command(args: &DiffArgs) -> ExitCode {
    match args.schemas() {
        Ok((old, new)) => run(&old, &new, &args.roots, args.format),
        Err(message) => {
            say(message);
            ExitCode::from(USAGE)
        }
    }
}

/// The old spelling, `--diff OLD... --against NEW...`: the same, with a note on the new one.
pub(crate) fn run_flags(args: &Args) -> ExitCode {
    let (old, new) = match args.old_diff_spelling() {
        Ok(schemas) => schemas,
        Err(message) => {
            say(message);
            return ExitCode::from(USAGE);
        }
    };
    say(
        "note: `--diff OLD... --against NEW...` is now `tl-codegen diff OLD... --against NEW...` (or `tl-codegen diff OLD NEW`)",
    );
    run(&old, &new, &args.roots, args.format.unwrap_or(DiffFormat::Text))
}

/// Compares the schemas, prints the diff in the chosen format, and exits 3 if anything breaks.
fn run(old: &[std::path::PathBuf], new: &[std::path::PathBuf], roots: &[String], format: DiffFormat) -> ExitCode {
    let result = read_sources(old)
        .and_then(|old| Ok((old, read_sources(new)?)))
        .and_then(|(old, new)| diff_files(&old, &new, roots, &ParseOptions::new()));
    let diff = match result {
        Ok(diff) => diff,
        Err(error) => {
            say(error.for_frontend(Frontend::CommandLine));
            return ExitCode::from(1);
        }
    };
    let text = match format {
        DiffFormat::Text if std::io::stdout().is_terminal() => coloured(&diff),
        DiffFormat::Text => diff.to_text(),
        DiffFormat::Markdown => diff.to_markdown(),
        DiffFormat::Json => diff.to_json(),
    };
    print!("{text}");
    if diff.is_breaking() {
        ExitCode::from(BREAKING)
    } else {
        ExitCode::SUCCESS
    }
}

/// The text form with each effect in its colour (red, yellow, green), for a terminal.
fn coloured(diff: &SchemaDiff) -> String {
    let mut out = String::new();
    for change in &diff.changes {
        let colour = match change.effect {
            Effect::SourceBreaking => "31",
            Effect::WireOnly => "33",
            Effect::Additive => "32",
        };
        out.push_str(&format!(
            "\u{1b}[{colour}m{:<15}\u{1b}[0m  {}: {}\n",
            change.effect.label(),
            change.name,
            change.what
        ));
    }
    out + &diff.summary() + "\n"
}
