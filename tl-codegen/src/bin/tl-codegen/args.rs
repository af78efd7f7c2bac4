//! The command-line arguments.

use std::path::PathBuf;

use clap::Parser;

const EXAMPLES: &str = "\
Examples:
  tl-codegen                  run every job of the nearest tl-codegen.toml
  tl-codegen --check          check every job; write nothing
  tl-codegen --schema api.tl mtproto.tl --out src/tl
  tl-codegen --schema api.tl --roots messages.requestUrlAuth,messages.acceptUrlAuth --out src/tl
  tl-codegen --schema api.tl --roots messages.requestUrlAuth --emit-tl schema/url_auth.tl
  tl-codegen diff api-221.tl api-230.tl --roots messages.requestUrlAuth --format markdown

Commands:
  diff                        compare two schemas (tl-codegen diff --help)

Project file: tl-codegen.toml, in this folder or the nearest one above it. Paths are relative to it.
  [[job]]                              # one table per job; jobs run in order
  schemas = [\"schema/api.tl\"]           # parsed together as one schema
  out = \"src/tl\"                       # writes mod.rs (lib.rs in a folder named src) and
                                       # <first schema's stem>.rs here: declare it with `mod tl;`
  # emit-tl = \"schema/subset.tl\"       # or: write what the roots reach as one .tl file
  roots = [\"messages.requestUrlAuth\"]   # optional: keep what these names reach
  allow-id-mismatch = []               # optional: definitions whose written id differs from its hash
  strict-ids = false                   # optional: a written id that is not the hash is an error
  strict = true                        # optional: a definition that cannot be generated is an error
                                       # (default: with roots; `false` leaves it out with a warning)
  extern-types = { FutureSalts = \"crate::salts::FutureSalts\" }   # optional: types defined elsewhere
  extern-paths = { UrlAuthResult = \"::tl_generated\" }   # optional: types generated in another crate
  function-decoding = false            # optional: Deserialize for functions too (servers, tests)
  type-attributes = [{ path = \".\", attribute = \"#[derive(Hash)]\" }]   # optional: also enum-, field-
  serde = false                        # optional: serde derives (tl-runtime's `serde` feature)
  json-interface = false               # optional: TDLib's and tonlib's JSON, no binary codec (tl-runtime's
                                       # `tdjson`; `tdjson = true`, its first name, is the same)
  telegram-doc-links = false           # optional: link items to core.telegram.org
  split = false                        # optional: types, enums and functions in small files (one per
                                       # namespace, one per first letter), include!d by the main one
  docs = [\"api-schema.json\"]           # optional: descriptions, availability and errors from mtcute's
                                       # JSON (npm @mtcute/tl), matched by TL name
  errors = [\"raw-errors.json\"]         # optional: typed RPC errors (errors::RpcError) from mtcute's
                                       # raw-errors.json, Telethon's errors.csv or Pyrogram .tsv files
  if-schema-missing = \"fail\"           # optional: \"skip\" skips the job with a note

Output files: tl-codegen replaces only files that begin with its `// @generated` header, and nothing
if one of them is someone else's (see --force). Unchanged files are not touched; each file is written
to a temporary file beside it, then renamed.

Exit status: 0 done or up to date; 1 stale output (--check) or errors; 2 usage errors; 3 `diff` found
source-breaking changes.";

const DIFF_EXAMPLES: &str = "\
Examples:
  tl-codegen diff api-221.tl api-230.tl
  tl-codegen diff api-221.tl mtproto.tl --against api-230.tl mtproto.tl
  tl-codegen diff old.tl new.tl --roots messages.requestUrlAuth --format markdown > changes.md

Each change is source-breaking (code that used the old types no longer compiles), wire-only (it
compiles, but the bytes differ: a changed id) or additive. Source-breaking changes come first.

Exit status: 0 no source-breaking change; 1 errors (a schema that does not parse); 2 usage errors;
3 source-breaking changes.";

/// Generates Rust bindings (or a `.tl` subset) from TL schema files.
#[derive(Parser, Debug)]
#[command(version, about, after_help = EXAMPLES, args_conflicts_with_subcommands = true)]
pub(crate) struct Args {
    /// Another mode than generating.
    #[command(subcommand)]
    pub(crate) command: Option<Command>,
    /// Schema files, parsed together as one schema: one job, without a project file.
    #[arg(long = "schema", value_name = "FILE", num_args = 1.., requires = "output")]
    pub(crate) schemas: Vec<PathBuf>,
    /// Folder for the Rust output of --schema: `mod.rs` (declare it with `mod DIR;`; `lib.rs` when the folder
    /// is a crate's `src`) and `<first schema's stem>.rs`.
    #[arg(long, value_name = "DIR", group = "output", requires = "schemas")]
    pub(crate) out: Option<PathBuf>,
    /// Instead of Rust, write what --schema (and --roots) give as one `.tl` file.
    #[arg(long, value_name = "FILE", group = "output", requires = "schemas")]
    pub(crate) emit_tl: Option<PathBuf>,
    /// Keep only what these functions, constructors or types reach (comma-separated names).
    // Its need of --schema is checked by hand (`Args::misplaced`): clap's message would name `--diff`.
    #[arg(long, value_delimiter = ',', value_name = "NAMES")]
    pub(crate) roots: Vec<String>,
    /// The old spelling of `tl-codegen diff FILE... --against FILE...`, kept working for scripts but
    /// hidden: a normal run's usage and errors speak of generating only ([`Args::misplaced`]).
    #[arg(long, value_name = "FILE", num_args = 1.., hide = true,
          conflicts_with_all = ["schemas", "project", "check", "force"])]
    pub(crate) diff: Vec<PathBuf>,
    /// The new schema of the old spelling's `--diff` (hidden).
    #[arg(long, value_name = "FILE", num_args = 1.., hide = true)]
    pub(crate) against: Vec<PathBuf>,
    /// How the old spelling's `--diff` prints (hidden; `tl-codegen diff --format`).
    #[arg(long, value_enum, hide = true)]
    pub(crate) format: Option<DiffFormat>,
    /// Accept a hand-assigned constructor id for this definition (repeatable).
    #[arg(long, value_name = "NAME", requires = "schemas")]
    pub(crate) allow_id_mismatch: Vec<String>,
    /// Nothing: mtproto.tl's hand-assigned service ids are accepted by default (kept for scripts, hidden).
    #[arg(long = "mtproto-ids", hide = true)]
    pub(crate) _mtproto_ids: bool,
    /// Make every written id that is not its definition's hash an error (by default, a warning).
    #[arg(long, requires = "schemas")]
    pub(crate) strict_ids: bool,
    /// Make every definition that cannot be generated an error (the default with --roots; without, it is
    /// left out with a warning, and a function whose answer cannot be generated answers
    /// `tl_runtime::Opaque`).
    #[arg(long, requires = "schemas")]
    pub(crate) strict: bool,
    /// Leave out, with a warning, every definition that cannot be generated, even one --roots reach (the
    /// default without --roots).
    #[arg(long, requires = "schemas", conflicts_with = "strict")]
    pub(crate) degrade: bool,
    /// Map a type the schema uses but does not define to a Rust type (repeatable): NAME=PATH.
    #[arg(long, value_name = "NAME=PATH", value_parser = parse_extern, requires = "schemas")]
    pub(crate) extern_type: Vec<(String, String)>,
    /// Refer to the types PATH matches (a TL type, a namespace or `.`) in another crate generated from the
    /// same schema, whose generated module is at ROOT, instead of generating them (repeatable): PATH=ROOT.
    #[arg(long, value_name = "PATH=ROOT", value_parser = parse_extern, requires = "schemas")]
    pub(crate) extern_path: Vec<(String, String)>,
    /// Add an attribute to the structs and enums PATH matches (a TL name, a namespace or `.`) (repeatable):
    /// PATH=ATTRIBUTE, as `.=#[derive(Hash)]`.
    #[arg(long, value_name = "PATH=ATTRIBUTE", value_parser = parse_attribute, requires = "schemas")]
    pub(crate) type_attribute: Vec<(String, String)>,
    /// Add an attribute to the enums PATH matches (repeatable): PATH=ATTRIBUTE.
    #[arg(long, value_name = "PATH=ATTRIBUTE", value_parser = parse_attribute, requires = "schemas")]
    pub(crate) enum_attribute: Vec<(String, String)>,
    /// Add an attribute to the fields PATH matches (`messages.sendMessage.message`, or all fields of a TL
    /// name, a namespace or `.`) (repeatable): PATH=ATTRIBUTE.
    #[arg(long, value_name = "PATH=ATTRIBUTE", value_parser = parse_attribute, requires = "schemas")]
    pub(crate) field_attribute: Vec<(String, String)>,
    /// Derive serde's `Serialize` and `Deserialize` (the crate needs tl-runtime's `serde` feature).
    #[arg(long, requires = "schemas")]
    pub(crate) serde: bool,
    /// The JSON interface of TDLib and TON's tonlib instead of the TL binary encoding (for td_api.tl and
    /// tonlib_api.tl; the crate needs tl-runtime's `tdjson` feature).
    #[arg(
        long,
        visible_alias = "tdjson",
        requires = "schemas",
        conflicts_with = "borrowed_types"
    )]
    pub(crate) json_interface: bool,
    /// Document the items from a docs source: mtcute's api-schema.json or mtp-schema.json (npm
    /// `@mtcute/tl`), matched by TL name: descriptions, who may call each function, its errors
    /// (repeatable).
    #[arg(long, value_name = "FILE", requires = "schemas")]
    pub(crate) docs: Vec<PathBuf>,
    /// Generate typed RPC errors (`errors::RpcError`) from an error list: mtcute's raw-errors.json,
    /// Telethon's errors.csv, or Pyrogram .tsv files named after their code (repeatable).
    #[arg(long, value_name = "FILE", requires = "schemas")]
    pub(crate) errors: Vec<PathBuf>,
    /// Split the Rust output into small files: `<stem>/types/<namespace>.rs`, `<stem>/types/root_a.rs`
    /// (by first letter), ..., `include!`d by `<stem>.rs` (for editors and reviews of a whole schema).
    #[arg(long, requires = "schemas")]
    pub(crate) split: bool,
    /// Link each item to its page in Telegram's API reference (core.telegram.org).
    #[arg(long, requires = "schemas")]
    pub(crate) telegram_doc_links: bool,
    /// Derive `Hash` where `Eq` is derived.
    #[arg(long, requires = "schemas")]
    pub(crate) derive_hash: bool,
    /// Also generate `borrowed`: types that hold text or bytes, decoded without copying.
    #[arg(long, requires = "schemas")]
    pub(crate) borrowed_types: bool,
    /// Also generate `Deserialize` for functions (a server or a test reads requests; a client only
    /// writes them).
    #[arg(long, requires = "schemas")]
    pub(crate) function_decoding: bool,
    /// No `Deserialize` for functions: the default now, accepted for old scripts.
    #[arg(long, requires = "schemas", conflicts_with = "function_decoding", hide = true)]
    pub(crate) no_function_decoding: bool,
    /// Use this project file instead of looking for tl-codegen.toml.
    #[arg(long, value_name = "FILE", conflicts_with = "schemas")]
    pub(crate) project: Option<PathBuf>,
    /// Write nothing; exit with 1 and a short diff if an output file is missing or differs.
    #[arg(long)]
    pub(crate) check: bool,
    /// Also replace output files that tl-codegen did not write (never deletes anything).
    #[arg(long, conflicts_with = "check")]
    pub(crate) force: bool,
}

impl Args {
    /// The usage error of an option given without the one it goes with: `--roots` without `--schema`,
    /// or a diff option without the old spelling's `--diff`, naming the subcommand it belongs to (clap's
    /// own messages would name the hidden `--diff`).
    pub(crate) fn misplaced(&self) -> Option<String> {
        if !self.diff.is_empty() {
            return None;
        }
        if !self.roots.is_empty() && self.schemas.is_empty() {
            return Some(
                "error: `--roots` goes with `--schema FILE... --out DIR` (a project file's job takes `roots = [...]`)"
                    .to_string(),
            );
        }
        let option = match (self.format.is_some(), self.against.is_empty()) {
            (true, _) => "--format",
            (false, false) => "--against",
            (false, true) => return None,
        };
        Some(format!(
            "error: `{option}` belongs to comparing schemas, not to generating: \
             `tl-codegen diff OLD.tl NEW.tl {option} ...` (see `tl-codegen diff --help`)"
        ))
    }

    /// The old spelling's `--diff`: both schemas' files, or the usage error of a missing `--against`.
    pub(crate) fn old_diff_spelling(&self) -> Result<(Vec<PathBuf>, Vec<PathBuf>), String> {
        if self.against.is_empty() {
            return Err("error: `--diff OLD...` needs `--against NEW...`; it is now spelt \
                        `tl-codegen diff OLD.tl NEW.tl`"
                .to_string());
        }
        Ok((self.diff.clone(), self.against.clone()))
    }
}

/// The modes other than generating.
#[derive(clap::Subcommand, Debug)]
pub(crate) enum Command {
    /// Compare two schemas: every change, source-breaking first; exit status 3 if any is.
    #[command(after_help = DIFF_EXAMPLES)]
    Diff(DiffArgs),
}

/// The arguments of `tl-codegen diff`.
#[derive(clap::Args, Debug)]
pub(crate) struct DiffArgs {
    /// The old schema's files (parsed together); with no --against, exactly two files: old, then new.
    #[arg(value_name = "FILE", required = true, num_args = 1..)]
    pub(crate) files: Vec<PathBuf>,
    /// The new schema's files (parsed together).
    #[arg(long, value_name = "FILE", num_args = 1..)]
    pub(crate) against: Vec<PathBuf>,
    /// Compare only what these functions, constructors or types reach (comma-separated names).
    #[arg(long, value_delimiter = ',', value_name = "NAMES")]
    pub(crate) roots: Vec<String>,
    /// How to print: text (coloured on a terminal), markdown (for a pull request) or json.
    #[arg(long, value_enum, default_value = "text")]
    pub(crate) format: DiffFormat,
}

impl DiffArgs {
    /// The old and the new schema's files, or why the files given are not two schemas.
    pub(crate) fn schemas(&self) -> Result<(Vec<PathBuf>, Vec<PathBuf>), String> {
        match (self.files.as_slice(), self.against.is_empty()) {
            (_, false) => Ok((self.files.clone(), self.against.clone())),
            ([old, new], true) => Ok((vec![old.clone()], vec![new.clone()])),
            (files, true) => Err(format!(
                "error: `tl-codegen diff` takes an old and a new schema: two files, or the old files and \
                 `--against` with the new ones (given {} file{} and no --against)",
                files.len(),
                if files.len() == 1 { "" } else { "s" }
            )),
        }
    }
}

/// The output format of `diff`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum DiffFormat {
    /// One line per change.
    Text,
    /// Sections per effect, for a pull-request comment.
    Markdown,
    /// For tools.
    Json,
}

/// `NAME=PATH` of `--extern-type`.
fn parse_extern(value: &str) -> Result<(String, String), String> {
    match value.split_once('=') {
        Some((name, path)) if !name.trim().is_empty() && !path.trim().is_empty() => {
            Ok((name.trim().to_string(), path.trim().to_string()))
        }
        _ => Err(format!(
            "expected NAME=PATH, as `FutureSalts=crate::mtproto::FutureSalts`, not `{value}`"
        )),
    }
}

/// `PATH=ATTRIBUTE` of `--type-attribute` and its kin: split at the first `=` (an attribute may hold more).
fn parse_attribute(value: &str) -> Result<(String, String), String> {
    match value.split_once('=') {
        Some((path, attribute)) if !path.trim().is_empty() && !attribute.trim().is_empty() => {
            Ok((path.trim().to_string(), attribute.trim().to_string()))
        }
        _ => Err(format!(
            "expected PATH=ATTRIBUTE, as `.=#[derive(Hash)]`, not `{value}`"
        )),
    }
}
