//! [`Error`]: everything that stops generation, worded for the interface the user meets it through.

use std::fmt;
use std::path::{Path, PathBuf};

use tl_parser::{Diagnostics, OptionHint, Severity, SourceFile};

use crate::roots::UnknownRoots;

/// The interface a user drives the generator through. Hints name its options: a `build.rs` user reads
/// `Config::allow_id_mismatch("x")`, a command-line user `--allow-id-mismatch x`, a project-file user
/// `allow-id-mismatch = ["x"]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Frontend {
    /// [`crate::Config`] in a build script or other Rust code.
    #[default]
    BuildScript,
    /// The `tl-codegen` command with `--schema` and other flags.
    CommandLine,
    /// A job of a `tl-codegen.toml` project file, run by the `tl-codegen` command.
    ProjectFile,
}

impl Frontend {
    /// How this interface adds an attribute, for hints.
    fn attribute_example(self) -> &'static str {
        match self {
            Frontend::BuildScript => "`Config::type_attribute(\".\", \"#[derive(Hash)]\")`",
            Frontend::CommandLine => "`--type-attribute '.=#[derive(Hash)]'`",
            Frontend::ProjectFile => {
                "`type-attributes = [{ path = \".\", attribute = \"#[derive(Hash)]\" }]` in this job"
            }
        }
    }

    /// The words of one hint in this interface's vocabulary.
    pub fn word(self, hint: &OptionHint) -> String {
        match (self, hint) {
            (Frontend::BuildScript, OptionHint::AllowIdMismatch(name)) => {
                format!("if the written id is intended, accept it with `Config::allow_id_mismatch(\"{name}\")`")
            }
            (Frontend::CommandLine, OptionHint::AllowIdMismatch(name)) => {
                format!("if the written id is intended, accept it with `--allow-id-mismatch {name}`")
            }
            (Frontend::ProjectFile, OptionHint::AllowIdMismatch(name)) => {
                format!("if the written id is intended, accept it with `allow-id-mismatch = [\"{name}\"]` in this job")
            }
            (_, OptionHint::ExternType(name)) => {
                // A path Rust accepts: `ns.GetProof` as `crate::path::GetProof`.
                let rust = crate::ident::type_name(tl_parser::ast::Name::split(name).1);
                let option = match self {
                    Frontend::BuildScript => format!("`Config::extern_type(\"{name}\", \"crate::path::{rust}\")`"),
                    Frontend::CommandLine => format!("`--extern-type {name}=crate::path::{rust}`"),
                    Frontend::ProjectFile => {
                        let key = if name.contains('.') {
                            format!("\"{name}\"")
                        } else {
                            name.clone()
                        };
                        format!("`extern-types = {{ {key} = \"crate::path::{rust}\" }}` in this job")
                    }
                };
                format!(
                    "if the type is defined elsewhere, map it to a Rust type that implements the runtime's traits with {option}"
                )
            }
        }
    }

    /// How this interface names the JSON interface and the borrowed types, which do not go together.
    fn tdjson_and_borrowed(self) -> &'static str {
        match self {
            Frontend::BuildScript => "`Config::json_interface()` (`Config::tdjson()`) and `Config::borrowed_types()`",
            Frontend::CommandLine => "`--json-interface` (`--tdjson`) and `--borrowed-types`",
            Frontend::ProjectFile => {
                "`json-interface = true` (`tdjson = true`) and `borrowed-types = true` in this job"
            }
        }
    }

    /// How this interface makes what cannot be generated an error.
    fn strict_option(self) -> &'static str {
        match self {
            Frontend::BuildScript => "`Config::strict()`",
            Frontend::CommandLine => "`--strict`",
            Frontend::ProjectFile => "`strict = true` in this job",
        }
    }

    /// How this interface leaves out, with a warning, what cannot be generated although roots reach it.
    fn degrade_option(self) -> &'static str {
        match self {
            Frontend::BuildScript => "`Config::degrade()`",
            Frontend::CommandLine => "`--degrade`",
            Frontend::ProjectFile => "`strict = false` in this job",
        }
    }

    /// How to get past output files that the generator did not write.
    fn overwrite_hint(self) -> &'static str {
        match self {
            Frontend::BuildScript => {
                "generate into another folder (`Config::out_dir`), or replace them with `Config::force_overwrite()`"
            }
            Frontend::CommandLine => "choose another folder with `--out`, or replace them with `--force`",
            Frontend::ProjectFile => "change the job's `out` or `emit-tl`, or replace them with `tl-codegen --force`",
        }
    }
}

/// The diagnostics of a schema that cannot be generated: rendered like rustc's, with the hints worded for
/// the [`Frontend`] in use. Warnings found in the same run are shown too.
#[derive(Clone)]
pub struct SchemaErrors {
    report: Report,
    /// The errors are those of definitions the generator cannot represent (not syntax errors).
    of_definitions: bool,
    /// The errors are definitions the roots reach, errors because roots were given (not by an option).
    reached_by_roots: bool,
}

impl SchemaErrors {
    /// The diagnostics found in `files`.
    pub fn new(files: &[SourceFile], diagnostics: Diagnostics) -> Self {
        SchemaErrors {
            report: Report::new(files, diagnostics),
            of_definitions: false,
            reached_by_roots: false,
        }
    }

    /// The errors of definitions the generator cannot represent, found in `files`: what degrading would
    /// leave out instead.
    pub(crate) fn of_definitions(files: &[SourceFile], diagnostics: Diagnostics) -> Self {
        SchemaErrors {
            of_definitions: true,
            ..Self::new(files, diagnostics)
        }
    }

    /// Says, after the errors of definitions, that they are errors because the roots reach them, and how
    /// to leave such definitions out instead (nothing for syntax errors, which no option leaves out).
    pub fn reached_by_roots(mut self) -> Self {
        self.reached_by_roots = self.of_definitions;
        self
    }

    /// Every diagnostic, errors and warnings.
    pub fn diagnostics(&self) -> &Diagnostics {
        &self.report.diagnostics
    }
}

impl fmt::Display for SchemaErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let report = &self.report;
        f.write_str(&report.render())?;
        let (errors, warnings) = (report.diagnostics.error_count(), report.diagnostics.warning_count());
        let warnings = match warnings {
            0 => String::new(),
            count => format!(" and {count} {}", plural(count, "warning", "warnings")),
        };
        write!(
            f,
            "error: {errors} {}{warnings} in {}; nothing was generated",
            plural(errors, "error", "errors"),
            report.sources()
        )?;
        if self.reached_by_roots {
            write!(
                f,
                "\n  = note: the roots reach {}: leaving {} out would silently shrink what was asked for\n  \
                 = help: to leave out, with a warning, what cannot be generated, use {}",
                plural(errors, "this definition", "these definitions"),
                plural(errors, "it", "them"),
                report.frontend.degrade_option()
            )?;
        }
        Ok(())
    }
}

/// The warnings of a schema that was generated: problems worth a look that do not stop generation (a
/// written id that is not its definition's hash, an id shared by a constructor and a function).
#[derive(Clone, Default)]
pub struct Warnings {
    report: Report,
    /// How many definitions the warnings leave out (0 when none is).
    pub(crate) left_out: usize,
}

impl Warnings {
    /// The warnings among `diagnostics` of `files`.
    pub fn new(files: &[SourceFile], diagnostics: &Diagnostics) -> Self {
        let mut warnings = Diagnostics::default();
        for diagnostic in diagnostics.iter().filter(|d| d.severity == Severity::Warning) {
            warnings.push(diagnostic.clone());
        }
        Warnings {
            report: Report::new(files, warnings),
            left_out: 0,
        }
    }

    /// Adds `more` warnings found in the same `files`, keeping all of them in source order.
    pub fn extend(&mut self, files: &[SourceFile], more: Diagnostics) {
        if self.report.files.is_empty() {
            self.report.files = files.to_vec();
        }
        self.report.diagnostics.extend(more);
        self.report.diagnostics.sort();
    }

    /// The warnings, in source order.
    pub fn diagnostics(&self) -> &Diagnostics {
        &self.report.diagnostics
    }

    /// How many definitions were left out, each named by a warning (or by the note of the definition it
    /// needs).
    pub fn left_out(&self) -> usize {
        self.left_out
    }

    /// The summary of what was left out, with the option that makes it an error; `None` if nothing was.
    pub fn left_out_summary(&self) -> Option<String> {
        let count = self.left_out;
        (count > 0).then(|| {
            format!(
                "{count} {} left out, see the warnings; {} makes {}",
                plural(count, "definition", "definitions"),
                self.report.frontend.strict_option(),
                plural(count, "it an error", "them errors"),
            )
        })
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.report.diagnostics.len()
    }

    /// True when there is none.
    pub fn is_empty(&self) -> bool {
        self.report.diagnostics.is_empty()
    }

    /// The same warnings, with hints worded for `frontend`.
    pub fn for_frontend(mut self, frontend: Frontend) -> Self {
        self.report.frontend = frontend;
        self
    }

    /// One line per warning, `file:line:column: message (note; help: hint)`, the hint worded for the
    /// frontend in use as in the rendered form, for where only lines fit (cargo's `cargo:warning=` from a
    /// build script).
    pub fn lines(&self) -> Vec<String> {
        let files = &self.report.files;
        let frontend = self.report.frontend;
        (self.report.diagnostics.iter())
            .map(|diagnostic| {
                let file = files.get(diagnostic.span.file as usize);
                let (line, column) = file.map_or((0, 0), |f| f.line_column(diagnostic.span.start as usize));
                let name = file.map_or("?", |f| f.name.as_str());
                let hint = diagnostic
                    .hint
                    .as_ref()
                    .map(|hint| format!("help: {}", frontend.word(hint)));
                let aside: Vec<String> = diagnostic.notes.first().cloned().into_iter().chain(hint).collect();
                let aside = match aside.is_empty() {
                    true => String::new(),
                    false => format!(" ({})", aside.join("; ")),
                };
                format!("{name}:{line}:{column}: {}{aside}", diagnostic.message)
            })
            .chain(self.left_out_summary())
            .collect()
    }
}

/// Rendered with a summary line, like rustc's `warning: 2 warnings emitted`.
impl fmt::Display for Warnings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.len();
        f.write_str(&self.report.render())?;
        write!(
            f,
            "warning: {count} {} in {}",
            plural(count, "warning", "warnings"),
            self.report.sources()
        )?;
        match self.left_out_summary() {
            Some(summary) => write!(f, "\nwarning: {summary}"),
            None => Ok(()),
        }
    }
}

impl fmt::Debug for Warnings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Warnings({})", self.len())
    }
}

impl PartialEq for Warnings {
    fn eq(&self, other: &Self) -> bool {
        self.report.diagnostics == other.report.diagnostics
    }
}

impl Eq for Warnings {}

/// Diagnostics with the files they point into, rendered for a [`Frontend`].
#[derive(Clone, Default)]
struct Report {
    files: Vec<SourceFile>,
    diagnostics: Diagnostics,
    frontend: Frontend,
}

impl Report {
    fn new(files: &[SourceFile], diagnostics: Diagnostics) -> Self {
        Report {
            files: files.to_vec(),
            diagnostics,
            frontend: Frontend::default(),
        }
    }

    fn render(&self) -> String {
        let frontend = self.frontend;
        self.diagnostics.render_with(&self.files, &|hint| frontend.word(hint))
    }

    /// The file names joined: `api.tl + mtproto.tl`.
    fn sources(&self) -> String {
        let names: Vec<&str> = self.files.iter().map(|file| file.name.as_str()).collect();
        names.join(" + ")
    }
}

/// Anything that stops generation. `Display` and `Debug` print the same readable text, so a `build.rs`
/// returning `Result<(), Box<dyn Error>>` shows the rendered diagnostics (file, line, column, snippet).
pub enum Error {
    /// A schema file could not be read.
    Read {
        /// The file.
        path: PathBuf,
        /// What the OS said.
        error: std::io::Error,
    },
    /// The schema has errors: the parser's, or the model's (what cannot be represented in Rust: a name
    /// collision, a type with no finite value, ...).
    Schema(SchemaErrors),
    /// Roots that name nothing, with suggestions.
    Roots(UnknownRoots),
    /// The schema defines no constructor and no function.
    Empty {
        /// The schema files, as given.
        sources: Vec<String>,
    },
    /// [`crate::Config::compile`] outside a build script, with no [`crate::Config::out_dir`].
    NoOutDir,
    /// An extern type's Rust path is not a Rust type.
    ExternPath {
        /// The TL type.
        tl_name: String,
        /// What was given as its Rust path.
        rust_path: String,
    },
    /// The root given for an extern path is not a Rust path.
    ExternRoot {
        /// The TL path.
        path: String,
        /// What was given as the other crate's module.
        root: String,
    },
    /// A user attribute is not a Rust outer attribute.
    Attribute {
        /// The TL path it was given for.
        path: String,
        /// What was given.
        attribute: String,
        /// Who is told how to write it.
        frontend: Frontend,
    },
    /// The JSON interface and the borrowed types were both asked for: the borrowed types are decoded from
    /// TL's binary encoding, which the JSON interface's types do not have.
    TdjsonBorrowed {
        /// Who is told which options those are.
        frontend: Frontend,
    },
    /// Output files are in the way that the generator did not write; nothing was written.
    NotOwned {
        /// Every such file.
        paths: Vec<PathBuf>,
        /// Who is told how to get past them.
        frontend: Frontend,
    },
    /// An input file (a JSON schema, a docs source, an error list) is not of the form it must have.
    Input {
        /// The file.
        path: PathBuf,
        /// What is wrong, and where in it (`e[12].arguments[3].type: expected a string`).
        message: String,
    },
    /// An input needs a feature of tl-codegen that the build left out.
    NeedsFeature {
        /// The input.
        path: PathBuf,
        /// The feature (`json`).
        feature: &'static str,
        /// What the input is (`a JSON schema`).
        what: &'static str,
    },
    /// An output file could not be written.
    Write {
        /// The output file.
        path: PathBuf,
        /// What the OS said.
        error: std::io::Error,
    },
}

impl Error {
    /// The same error, with hints worded for `frontend`.
    pub fn for_frontend(mut self, frontend: Frontend) -> Self {
        match &mut self {
            Error::Schema(errors) => errors.report.frontend = frontend,
            Error::NotOwned { frontend: f, .. } => *f = frontend,
            _ => {}
        }
        self
    }

    /// The text of the input file at `path` (a docs source, an error list), or [`Error::Read`].
    pub(crate) fn read_input(path: &Path) -> Result<String, Error> {
        std::fs::read_to_string(path).map_err(|error| Error::Read {
            path: path.to_path_buf(),
            error,
        })
    }

    /// Makes [`Error::Input`]s about the file at `path`, from their messages (for `map_err`).
    pub(crate) fn input_in(path: &Path) -> impl Fn(String) -> Error + '_ {
        move |message| Error::Input {
            path: path.to_path_buf(),
            message,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Read { .. } | Error::Input { .. } | Error::NeedsFeature { .. } | Error::Write { .. } => {
                self.fmt_file(f)
            }
            Error::Schema(errors) => errors.fmt(f),
            Error::Roots(error) => error.fmt(f),
            Error::Empty { sources } => write!(
                f,
                "error: {} {} no constructor and no function: there is nothing to generate",
                sources.join(" + "),
                plural(sources.len(), "defines", "define"),
            ),
            Error::ExternPath { tl_name, rust_path } => write!(
                f,
                "error: the Rust type given for the extern type `{tl_name}` is not a Rust type: `{rust_path}`"
            ),
            Error::ExternRoot { path, root } => write!(
                f,
                "error: the module given for the extern path `{path}` is not a Rust path: `{root}`"
            ),
            Error::Attribute {
                path,
                attribute,
                frontend,
            } => write!(
                f,
                "error: the attribute given for `{path}` is not a Rust attribute: `{attribute}`\n  = help: write \
                 whole outer attributes, as in {}",
                frontend.attribute_example()
            ),
            Error::TdjsonBorrowed { frontend } => write!(
                f,
                "error: {} do not go together: borrowed types are read from TL's binary encoding, and the \
                 JSON interface's types have none\n  = help: leave out the borrowed types (serde_json reads \
                 the JSON from a `&str` without them)",
                frontend.tdjson_and_borrowed()
            ),
            Error::NoOutDir => f.write_str(
                "error: OUT_DIR is not set: call `Config::compile()` from build.rs, or set `Config::out_dir()`",
            ),
            Error::NotOwned { paths, frontend } => {
                let count = paths.len();
                writeln!(
                    f,
                    "error: {count} output {} {} not written by tl-codegen; nothing was written:",
                    plural(count, "file", "files"),
                    plural(count, "exists and was", "exist and were"),
                )?;
                for path in paths {
                    writeln!(f, "  {}", path.display())?;
                }
                write!(
                    f,
                    "  = note: tl-codegen replaces only files that begin with its `// @generated` header\n  = help: {}",
                    frontend.overwrite_hint()
                )
            }
        }
    }
}

impl Error {
    /// The `Display` of the errors about one file read or written.
    fn fmt_file(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Read { path, error } => write!(f, "error: cannot read `{}`: {error}", path.display()),
            Error::Input { path, message } => write!(f, "error: in `{}`: {message}", path.display()),
            Error::NeedsFeature { path, feature, what } => write!(
                f,
                "error: `{}` is {what}, and reading it needs tl-codegen's `{feature}` feature\n  \
                         = help: in Cargo.toml: tl-codegen = {{ version = \"0.1\", default-features = false, \
                         features = [\"{feature}\"] }}",
                path.display()
            ),
            Error::Write { path, error } => write!(f, "error: cannot write `{}`: {error}", path.display()),
            // The other errors are not about one file; `Display` prints them.
            _ => Ok(()),
        }
    }
}

/// The `Display` text: `fn main() -> Result<(), Box<dyn Error>>` prints errors with `Debug`.
impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// The OS errors of [`Error::Read`] and [`Error::Write`] are part of the message, not a `source`, so that
/// reporters that print causes do not print them twice.
impl std::error::Error for Error {}

fn plural<'w>(count: usize, one: &'w str, many: &'w str) -> &'w str {
    if count == 1 { one } else { many }
}
