//! One generation job (from the arguments or a project file), checked or run.

use std::path::{Path, PathBuf};

use tl_codegen::output::{FileStatus, OutputFile, check_files};
use tl_codegen::{Config, Error, crate_file_paths, crate_files};

use crate::console::{say, short_diff};

/// A job: what to read (its `Config`) and what to write.
pub(crate) struct Job {
    pub(crate) config: Config,
    pub(crate) output: Output,
    pub(crate) if_schema_missing: IfSchemaMissing,
}

/// What a job writes.
pub(crate) enum Output {
    /// The module's root (`mod.rs`, or `lib.rs` in a `src` folder) and the bindings, in this folder.
    Crate(PathBuf),
    /// The closure as one `.tl` file.
    Tl(PathBuf),
}

/// What to do when a schema of the job does not exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum IfSchemaMissing {
    /// The job fails (the default).
    #[default]
    Fail,
    /// The job is skipped with a note (for schemas that only some checkouts have).
    Skip,
}

/// Whether a run writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Write every file whose content changed.
    Write,
    /// Write nothing; report what is stale.
    Check,
}

/// How a job ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Written, or up to date.
    Done,
    /// Check mode found a missing, different or foreign file.
    Stale,
    /// Skipped: a schema is missing and the job allows that.
    Skipped,
}

impl Job {
    /// The files the job writes, known before it generates anything.
    pub(crate) fn output_paths(&self) -> Vec<PathBuf> {
        match &self.output {
            Output::Crate(dir) => crate_file_paths(&self.config, dir).to_vec(),
            Output::Tl(path) => vec![path.clone()],
        }
    }

    /// True when the job is to be skipped because a schema is missing.
    pub(crate) fn skips(&self) -> bool {
        self.if_schema_missing == IfSchemaMissing::Skip && self.missing_schema().is_some()
    }

    fn missing_schema(&self) -> Option<&Path> {
        self.config
            .schemas()
            .iter()
            .map(PathBuf::as_path)
            .find(|path| !path.exists())
    }

    /// Generates in memory and writes (or, in check mode, compares) the job's files.
    pub(crate) fn run(&self, mode: Mode) -> Result<Outcome, Error> {
        if self.skips() {
            let missing = self.missing_schema().expect("a missing schema");
            say(format_args!(
                "{}: skipped: `{}` does not exist (the job says `if-schema-missing = \"skip\"`)",
                self.label(),
                missing.display()
            ));
            return Ok(Outcome::Skipped);
        }
        let files = self.generate()?;
        let statuses = match mode {
            Mode::Check => check_files(&files)?,
            Mode::Write => self.config.write(&files)?,
        };
        let mut outcome = Outcome::Done;
        for (file, status) in files.iter().zip(statuses) {
            if report(file, status) {
                outcome = Outcome::Stale;
            }
        }
        Ok(outcome)
    }

    fn generate(&self) -> Result<Vec<OutputFile>, Error> {
        let ((constructors, functions), files, warnings) = match &self.output {
            Output::Crate(dir) => {
                let generated = self.config.generate()?;
                for note in &generated.notes {
                    say(format_args!("note: {note}"));
                }
                let files = crate_files(&self.config, &generated, dir);
                (generated.counts, files, generated.warnings)
            }
            Output::Tl(path) => {
                let generated = self.config.generate_tl()?;
                let file = OutputFile {
                    path: path.clone(),
                    content: generated.text,
                };
                (generated.counts, vec![file], generated.warnings)
            }
        };
        if !warnings.is_empty() {
            say(&warnings);
        }
        say(format_args!(
            "{}: {}, {}",
            self.label(),
            count(constructors, "constructor"),
            count(functions, "function")
        ));
        Ok(files)
    }

    /// The schemas as given, joined: `api.tl + mtproto.tl`.
    fn label(&self) -> String {
        let names: Vec<String> = self
            .config
            .schemas()
            .iter()
            .map(|path| path.display().to_string())
            .collect();
        names.join(" + ")
    }
}

/// `1 function`, `2 functions`.
fn count(number: usize, noun: &str) -> String {
    let s = if number == 1 { "" } else { "s" };
    format!("{number} {noun}{s}")
}

/// Prints what happened to one file; true if check mode found it stale or foreign.
fn report(file: &OutputFile, status: FileStatus) -> bool {
    let path = file.path.display();
    match status {
        FileStatus::Unchanged => say(format_args!("{path}: up to date")),
        FileStatus::Written => say(format_args!("{path}: written")),
        FileStatus::Stale => {
            say(format_args!("{path}: stale (run without --check to regenerate)"));
            let existing = std::fs::read_to_string(&file.path).unwrap_or_default();
            say(short_diff(&existing, &file.content, 40));
            return true;
        }
        FileStatus::NotOwned => {
            say(format_args!(
                "{path}: exists and was not written by tl-codegen: a run would refuse to replace it"
            ));
            return true;
        }
    }
    false
}
