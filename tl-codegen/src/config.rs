//! [`Config`]: the options of one generation, shared by `build.rs` users and the CLI.

use std::path::{Path, PathBuf};

use tl_parser::ParseOptions;

use crate::emit::{AttributeTarget, EmitOptions, UserAttribute};
use crate::model::{ExternPath, ExternType, Externs};
use crate::output::{OutputFile, Overwrite, write_files};
use crate::{
    Error, Frontend, Generated, GeneratedTl, Knowledge, Strictness, bindings_name, generate_informed, generate_tl,
    read_sources,
};

/// What to generate and where, in the style of `prost_build::Config`.
///
/// ```no_run
/// // build.rs
/// fn main() -> Result<(), Box<dyn std::error::Error>> {
///     tl_codegen::Config::new()
///         .schema("schema/api.tl")
///         .roots(["messages.requestUrlAuth", "messages.acceptUrlAuth"])
///         .compile()?;
///     Ok(())
/// }
/// ```
///
/// and in the crate, one line: `tl_runtime::include_tl!("api");` (the file is named by
/// [`crate::bindings_name`], the first schema's stem as a module name, unless [`Config::file_name`] says
/// otherwise).
///
/// [`Config::compile`] replaces only a file that the generator wrote (one that begins with its
/// `// @generated` header); a file of the user's own in the way is an error, unless
/// [`Config::force_overwrite`] is set.
#[derive(Debug, Clone)]
pub struct Config {
    schemas: Vec<PathBuf>,
    roots: Vec<String>,
    parse_options: ParseOptions,
    out_dir: Option<PathBuf>,
    file_name: Option<String>,
    rerun_if_changed: bool,
    emit_options: EmitOptions,
    overwrite: Overwrite,
    frontend: Frontend,
    externs: Externs,
    /// Docs sources ([`Config::docs`]).
    docs: Vec<PathBuf>,
    /// Error lists ([`Config::errors`]).
    errors: Vec<PathBuf>,
    /// Whether the output is split into files ([`Config::split_by_namespace`]).
    split: bool,
    /// Chosen by [`Config::strict`] or [`Config::degrade`]; else [`Strictness::for_roots`].
    strictness: Option<Strictness>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            schemas: Vec::new(),
            roots: Vec::new(),
            parse_options: ParseOptions::new(),
            out_dir: None,
            file_name: None,
            rerun_if_changed: true,
            emit_options: EmitOptions::default(),
            overwrite: Overwrite::GeneratedOnly,
            frontend: Frontend::BuildScript,
            externs: Externs::default(),
            docs: Vec::new(),
            errors: Vec::new(),
            split: false,
            strictness: None,
        }
    }
}

impl Config {
    /// No schema yet; output to `OUT_DIR`; `cargo:rerun-if-changed` lines on.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a schema file. Several files are parsed together as one schema (api.tl + mtproto.tl).
    pub fn schema(&mut self, path: impl AsRef<Path>) -> &mut Self {
        self.schemas.push(path.as_ref().to_path_buf());
        self
    }

    /// Generates only what these functions, constructors or types reach (see [`crate::roots`]). Names are
    /// trimmed of surrounding spaces, and empty ones (`"a, "`) dropped.
    pub fn roots<I, S>(&mut self, roots: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let names = roots.into_iter().map(|root| root.into().trim().to_string());
        self.roots.extend(names.filter(|name| !name.is_empty()));
        self
    }

    /// Accepts a hand-assigned constructor id that differs from the computed one for definition `name`.
    pub fn allow_id_mismatch(&mut self, name: impl Into<String>) -> &mut Self {
        self.parse_options = self.parse_options.clone().allow_id_mismatch(name);
        self
    }

    /// Makes every written id that is not its definition's hash an error (by default a warning: the written
    /// id is the one used on the wire). Ids accepted by name stay accepted.
    pub fn strict_ids(&mut self) -> &mut Self {
        self.parse_options = self.parse_options.clone().strict_ids();
        self
    }

    /// Makes every definition the generator cannot represent an error, with or without roots. Without
    /// roots such a definition (an unknown type in it, a bare type with several constructors, a name
    /// clash, ...) is left out by default, with a warning that names it, why, and what is left out with
    /// it, and a function whose answer cannot be generated answers `tl_runtime::Opaque`; strict mode
    /// generates nothing instead. With [`Config::roots`] strict is the default: the roots name what the
    /// user asked for, and leaving a part of it out would make it silently incomplete.
    pub fn strict(&mut self) -> &mut Self {
        self.strictness = Some(Strictness::Strict);
        self
    }

    /// Leaves out, with a warning, every definition the generator cannot represent, even one that the
    /// [`Config::roots`] reach (and what needs it): the default without roots, chosen here for roots.
    pub fn degrade(&mut self) -> &mut Self {
        self.strictness = Some(Strictness::Degrade);
        self
    }

    /// The strictness in force: the one chosen, else the default for the roots.
    fn strictness(&self) -> Strictness {
        self.strictness.unwrap_or_else(|| Strictness::for_roots(&self.roots))
    }

    /// `error`, saying that its definitions are errors because the roots reach them, where that is so.
    fn explained(&self, error: Error) -> Error {
        match error {
            Error::Schema(errors) if self.strictness.is_none() && !self.roots.is_empty() => {
                Error::Schema(errors.reached_by_roots())
            }
            other => other,
        }
        .for_frontend(self.frontend)
    }

    /// Maps a type the schema uses but does not define (`FutureSalts`, whose constructors a schema may
    /// leave to hand-written code) to the Rust type at `rust_path`, which must implement
    /// `tl_runtime::Serialize` and `tl_runtime::Deserialize`. A path that is not a Rust type is reported
    /// when generating.
    pub fn extern_type(&mut self, tl_name: impl Into<String>, rust_path: impl Into<String>) -> &mut Self {
        let tl_name = tl_name.into();
        self.parse_options = self.parse_options.clone().extern_type(tl_name.clone());
        self.externs.types.push(ExternType {
            tl_name,
            rust_path: rust_path.into(),
        });
        self
    }

    /// Refers to types generated in another crate instead of generating them, like prost-build's
    /// `extern_path`: the boxed types `path` matches (a TL type such as `InputPeer`, a namespace, or `.`),
    /// with their constructors, and the functions it matches. `root` is the module of the other crate
    /// where its `types`, `enums` and `functions` are (`::tl_generated`); that crate must be generated
    /// from the same definitions of those types. Checked when generating.
    pub fn extern_path(&mut self, path: impl Into<String>, root: impl Into<String>) -> &mut Self {
        self.externs.paths.push(ExternPath {
            path: path.into(),
            root: root.into(),
        });
        self
    }

    /// Nothing: mtproto.tl's hand-assigned service ids (`tl_parser::MTPROTO_HAND_ASSIGNED_IDS`) are
    /// accepted by default now. Kept so that build scripts written for the earlier default still build.
    #[deprecated(note = "mtproto.tl's hand-assigned service ids are accepted by default")]
    pub fn allow_mtproto_hand_assigned_ids(&mut self) -> &mut Self {
        self
    }

    /// Writes into `dir` instead of `OUT_DIR`.
    pub fn out_dir(&mut self, dir: impl AsRef<Path>) -> &mut Self {
        self.out_dir = Some(dir.as_ref().to_path_buf());
        self
    }

    /// Names the output file (default: the first schema's stem with `.rs`, as `api.rs`).
    pub fn file_name(&mut self, name: impl Into<String>) -> &mut Self {
        self.file_name = Some(name.into());
        self
    }

    /// Lets [`Config::compile`] replace an output file that the generator did not write (one that does not
    /// begin with its `// @generated` header). Off by default: such a file is an error and stays untouched.
    pub fn force_overwrite(&mut self) -> &mut Self {
        self.overwrite = Overwrite::Anything;
        self
    }

    /// Words hints for `frontend`: the `tl-codegen` command sets this, so its users read flags instead of
    /// these methods.
    pub fn frontend(&mut self, frontend: Frontend) -> &mut Self {
        self.frontend = frontend;
        self
    }

    /// Whether [`Config::compile`] prints `cargo:rerun-if-changed=<schema>` for each schema (default: yes).
    pub fn emit_rerun_if_changed(&mut self, emit: bool) -> &mut Self {
        self.rerun_if_changed = emit;
        self
    }

    /// Whether functions get `Deserialize` too (default: no). A client only writes requests; a server, a
    /// proxy or a test that reads them turns it on (about a tenth more code to compile for Telegram's
    /// whole schema).
    pub fn deserialize_functions(&mut self, yes: bool) -> &mut Self {
        self.emit_options.deserialize_functions = yes;
        self
    }

    /// Adds `attribute` (`#[derive(Hash)]`, one or more outer attributes) to every struct and enum that
    /// `path` matches: a TL name (`messages.sendMessage`, `InputPeer`), a namespace (`messages`) or `.` for
    /// all, as prost-build's `type_attribute`. A struct's group structs get its attributes too. Checked
    /// when generating.
    pub fn type_attribute(&mut self, path: impl Into<String>, attribute: impl Into<String>) -> &mut Self {
        self.attribute(AttributeTarget::Type, path.into(), attribute.into())
    }

    /// Adds `attribute` to every enum (boxed type) that `path` matches (see [`Config::type_attribute`]).
    pub fn enum_attribute(&mut self, path: impl Into<String>, attribute: impl Into<String>) -> &mut Self {
        self.attribute(AttributeTarget::Enum, path.into(), attribute.into())
    }

    /// Adds `attribute` to every field that `path` matches: `messages.sendMessage.message` for one field,
    /// a TL name, a namespace or `.` for all the fields of what it matches.
    pub fn field_attribute(&mut self, path: impl Into<String>, attribute: impl Into<String>) -> &mut Self {
        self.attribute(AttributeTarget::Field, path.into(), attribute.into())
    }

    fn attribute(&mut self, target: AttributeTarget, path: String, attribute: String) -> &mut Self {
        self.emit_options.attributes.push(UserAttribute {
            target,
            path,
            attribute,
        });
        self
    }

    /// Derives `serde::Serialize` and `serde::Deserialize` on every generated type, through the serde that
    /// `tl-runtime` re-exports: the generated crate needs `tl-runtime` with its `serde` feature, and no
    /// `serde` dependency of its own. The JSON shape is in docs/generated-code.md ("serde").
    pub fn serde(&mut self) -> &mut Self {
        self.emit_options.serde = true;
        self
    }

    /// The JSON interface of TDLib (`td_api.tl`) and TON's tonlib (`tonlib_api.tl`) instead of the TL
    /// binary encoding: serde in the form libtdjson and libtonlibjson read and write (`"@type"` with the TL
    /// name on every object, `int64` as a string, `bytes`, `secureBytes` and `int256` as base64, an object
    /// the schema's docs say may be null as an `Option` left out when absent), enums read by `"@type"`, and
    /// `tl_runtime::tdjson::Function` (the answer type) on every function. The types get no TL binary
    /// codec. The generated crate needs `tl-runtime` with its `tdjson` feature; the `tl-tdjson` crate
    /// calls either library with them. See docs/tdjson.md.
    pub fn json_interface(&mut self) -> &mut Self {
        self.emit_options.serde = true;
        self.emit_options.tdjson = true;
        self
    }

    /// The same as [`Config::json_interface`] (its first name, from when it served TDLib only).
    pub fn tdjson(&mut self) -> &mut Self {
        self.json_interface()
    }

    /// Documents the generated items from a docs source: mtcute's `api-schema.json` or `mtp-schema.json`
    /// (the npm package `@mtcute/tl`), matched by TL name. Constructors, functions, their params and the
    /// boxed types get its descriptions (Telegram's HTML as Markdown, links to other definitions as
    /// intra-doc links to their items), functions who may call them and the errors they may return;
    /// definitions it does not know keep the schema's own docs. Names it has and the schema lacks are
    /// reported in one line ([`crate::Generated::notes`]). Needs the `json` feature. Can be given more
    /// than once: a later source's description of a name replaces an earlier one's.
    pub fn docs(&mut self, path: impl AsRef<Path>) -> &mut Self {
        self.docs.push(path.as_ref().to_path_buf());
        self
    }

    /// Generates typed RPC errors from an error list: mtcute's `raw-errors.json` (needs the `json`
    /// feature), Telethon's `errors.csv` or a Pyrogram `.tsv` file named after its code
    /// (`420_FLOOD.tsv`); can be given more than once (the lists are merged). Adds `errors::RpcError`: a
    /// variant per known error, its code and description as docs, a number in its message
    /// (`FLOOD_WAIT_%d`) as a field, `Other { code, message }` for the rest; made from a code and a
    /// message (`RpcError::new`, or `From` the schema's `rpc_error`), displayed back as the exact
    /// message. Each function the list names gets its possible errors in its docs and as
    /// `POSSIBLE_ERRORS`.
    pub fn errors(&mut self, path: impl AsRef<Path>) -> &mut Self {
        self.errors.push(path.as_ref().to_path_buf());
        self
    }

    /// Splits the output so that no file is large: the main file (`api.rs`) keeps the module tree and
    /// `include!`s the items of `types`, `enums` and `functions` from files in a folder named after it
    /// (`api/types/messages.rs` per namespace, `api/types/root_a.rs` per first letter of the items outside
    /// any namespace). For editors and reviews of a whole schema; `include_tl!` stays the one line to
    /// write, and the types and their paths are the same. (`borrowed` stays in the main file.)
    pub fn split_by_namespace(&mut self) -> &mut Self {
        self.split = true;
        self
    }

    /// Links each generated item to its page in Telegram's API reference (`https://core.telegram.org/
    /// constructor/<name>`, `/method/<name>`, `/type/<Name>`): for Telegram's own schemas.
    pub fn telegram_doc_links(&mut self) -> &mut Self {
        self.emit_options.telegram_doc_links = true;
        self
    }

    /// Derives `Hash` on every struct and enum that derives `Eq` (every type with no `double` or extern
    /// type at any depth): off by default, as in prost-build, because it costs build time (BENCHMARKS.md).
    pub fn derive_hash(&mut self) -> &mut Self {
        self.emit_options.derive_hash = true;
        self
    }

    /// Also generates `borrowed`: the constructors and types that hold text or bytes again, with a
    /// lifetime, decoded without copying through `tl_runtime::DeserializeBorrowed` (`string` as
    /// `Cow<'a, str>`, borrowed unless the text is not valid UTF-8; `bytes` as `&'a [u8]`), with
    /// `into_owned` to the owned types. For reading large answers fast; see docs/generated-code.md ("Borrowed decoding").
    pub fn borrowed_types(&mut self) -> &mut Self {
        self.emit_options.borrowed_types = true;
        self
    }

    /// The options of the generated code.
    pub fn emit_options(&self) -> &EmitOptions {
        &self.emit_options
    }

    /// The schema files, in order.
    pub fn schemas(&self) -> &[PathBuf] {
        &self.schemas
    }

    /// The roots, if any.
    pub fn root_names(&self) -> &[String] {
        &self.roots
    }

    /// The parser options (allowed id mismatches).
    pub fn parse_options(&self) -> &ParseOptions {
        &self.parse_options
    }

    /// Which existing files may be replaced.
    pub fn overwrite(&self) -> Overwrite {
        self.overwrite
    }

    /// Reads, parses, checks and generates, all in memory.
    pub fn generate(&self) -> Result<Generated, Error> {
        let files = read_sources(&self.schemas)?;

        self.check_extern_paths()?;
        self.check_attributes()?;
        if self.emit_options.tdjson && self.emit_options.borrowed_types {
            return Err(Error::TdjsonBorrowed {
                frontend: self.frontend,
            });
        }
        let knowledge = self.knowledge()?;
        let mut emit_options = self.emit_options.clone();
        emit_options.split = self.split.then(|| self.output_stem());
        let mut generated = generate_informed(
            &files,
            &self.roots,
            &self.parse_options,
            &self.externs,
            &emit_options,
            self.strictness(),
            &knowledge,
        )
        .map_err(|error| self.explained(error))?;
        generated.warnings = generated.warnings.for_frontend(self.frontend);
        Ok(generated)
    }

    /// The docs sources, read.
    fn knowledge(&self) -> Result<Knowledge, Error> {
        let docs = self.docs.iter().map(|path| read_docs(path)).collect::<Result<_, _>>()?;
        let mut errors = None;
        for path in &self.errors {
            crate::error_list::read_into(errors.get_or_insert_with(Default::default), path)?;
        }
        Ok(Knowledge { docs, errors })
    }

    /// Reads and parses the schemas and writes what the roots reach as one `.tl` file, in memory.
    pub fn generate_tl(&self) -> Result<GeneratedTl, Error> {
        let files = read_sources(&self.schemas)?;
        let mut generated = generate_tl(&files, &self.roots, &self.parse_options, self.strictness())
            .map_err(|error| self.explained(error))?;
        generated.warnings = generated.warnings.for_frontend(self.frontend);
        Ok(generated)
    }

    /// Every extern type's Rust path must be a Rust type, and every extern path's root a Rust path.
    fn check_extern_paths(&self) -> Result<(), Error> {
        let types = &self.externs.types;
        if let Some(bad) = types.iter().find(|e| !crate::rust_text::is_type(&e.rust_path)) {
            return Err(Error::ExternPath {
                tl_name: bad.tl_name.clone(),
                rust_path: bad.rust_path.clone(),
            });
        }
        match (self.externs.paths.iter()).find(|e| !crate::rust_text::is_path(&e.root)) {
            Some(bad) => Err(Error::ExternRoot {
                path: bad.path.clone(),
                root: bad.root.clone(),
            }),
            None => Ok(()),
        }
    }

    /// Every attribute must be one or more outer attributes.
    fn check_attributes(&self) -> Result<(), Error> {
        match (self.emit_options.attributes.iter()).find(|attribute| attribute.tokens().is_none()) {
            Some(bad) => Err(Error::Attribute {
                path: bad.path.clone(),
                attribute: bad.attribute.clone(),
                frontend: self.frontend,
            }),
            None => Ok(()),
        }
    }

    /// Writes `files` under this configuration's overwrite rule (see [`crate::output::write_files`]).
    pub fn write(&self, files: &[OutputFile]) -> Result<Vec<crate::output::FileStatus>, Error> {
        write_files(files, self.overwrite).map_err(|error| error.for_frontend(self.frontend))
    }

    /// The output file's name without `.rs`: the folder of the split output's pieces.
    fn output_stem(&self) -> String {
        match &self.file_name {
            Some(name) => name.strip_suffix(".rs").unwrap_or(name).to_string(),
            None => bindings_name(&self.schemas),
        }
    }

    /// The path [`Config::compile`] writes to.
    pub fn output_path(&self) -> Result<PathBuf, Error> {
        let dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => PathBuf::from(std::env::var_os("OUT_DIR").ok_or(Error::NoOutDir)?),
        };
        let name = match &self.file_name {
            Some(name) => name.clone(),
            None => format!("{}.rs", bindings_name(&self.schemas)),
        };
        Ok(dir.join(name))
    }

    /// Generates and writes the output file (only if its content changed, and only over a file the
    /// generator wrote), printing `cargo:rerun-if-changed` for every schema unless switched off. Prints
    /// nothing else on stdout. The code is formatted with the `format` feature; without it (a build
    /// script's usual dependency) it is the same code unformatted, a line per statement.
    pub fn compile(&self) -> Result<PathBuf, Error> {
        self.compile_printing_to(&mut std::io::stdout())
    }

    /// [`Config::compile`], with cargo's instructions written to `stdout`.
    fn compile_printing_to(&self, stdout: &mut impl std::io::Write) -> Result<PathBuf, Error> {
        if self.rerun_if_changed {
            for schema in self.schemas.iter().chain(&self.docs).chain(&self.errors) {
                // Cargo reads this from the build script's stdout; a closed stdout is not our failure.
                let _ = writeln!(stdout, "cargo:rerun-if-changed={}", schema.display());
            }
        }
        let generated = self.generate()?;
        for warning in generated.warnings.lines().into_iter().chain(generated.notes) {
            // Cargo shows these lines as warnings of the build; one line each.
            let _ = writeln!(stdout, "cargo:warning=tl-codegen: {warning}");
        }
        let path = self.output_path()?;
        let folder = path.parent().unwrap_or(Path::new("")).to_path_buf();
        let main = OutputFile {
            path: path.clone(),
            content: generated.source,
        };
        let pieces = (generated.pieces.into_iter()).map(|(relative, content)| OutputFile {
            path: folder.join(relative),
            content,
        });
        self.write(&std::iter::once(main).chain(pieces).collect::<Vec<_>>())?;
        Ok(path)
    }
}

/// The docs source at `path`.
#[cfg(feature = "json")]
fn read_docs(path: &Path) -> Result<crate::model::DocsSource, Error> {
    crate::docs_source::read(path)
}

/// Without the `json` feature, a docs source cannot be read.
#[cfg(not(feature = "json"))]
fn read_docs(path: &Path) -> Result<crate::model::DocsSource, Error> {
    Err(Error::NeedsFeature {
        path: path.to_path_buf(),
        feature: "json",
        what: "a docs source (JSON)",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("tl-config-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("a temp dir");
        dir
    }

    fn schema(dir: &Path, text: &str) -> PathBuf {
        let path = dir.join("url_auth.tl");
        std::fs::write(&path, text).expect("write the schema");
        path
    }

    #[test]
    fn compile_writes_one_file_only_when_it_changes_and_prints_only_rerun_lines() {
        let dir = temp_dir("compile");
        let path = schema(&dir, "urlAuthResultDefault#a9d6db1f = UrlAuthResult;");
        let mut config = Config::new();
        config.schema(&path).out_dir(&dir);
        let mut stdout = Vec::new();
        let written = config.compile_printing_to(&mut stdout).expect("compiles");
        assert_eq!(written, dir.join("url_auth.rs"));
        assert_eq!(
            String::from_utf8(stdout).expect("utf-8"),
            format!("cargo:rerun-if-changed={}\n", path.display())
        );
        let modified = std::fs::metadata(&written).and_then(|m| m.modified()).expect("written");
        config.compile_printing_to(&mut Vec::new()).expect("compiles again");
        assert_eq!(
            std::fs::metadata(&written).and_then(|m| m.modified()).expect("kept"),
            modified,
            "rewrote an unchanged file"
        );

        let mut quiet = Vec::new();
        config
            .emit_rerun_if_changed(false)
            .file_name("custom.rs")
            .compile_printing_to(&mut quiet)
            .expect("compiles");
        assert!(quiet.is_empty());
        assert!(dir.join("custom.rs").exists());
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn errors_display_the_rendered_diagnostics() {
        let dir = temp_dir("error");
        let path = schema(&dir, "a x:Nope = A;");
        let error = Config::new()
            .schema(&path)
            .out_dir(&dir)
            .compile_printing_to(&mut Vec::new())
            .expect_err("bad");
        let message = error.to_string();
        assert!(message.contains("error: unknown type `Nope`"), "{message}");
        assert!(message.contains("url_auth.tl:1:5"), "{message}");
        assert!(message.contains("1 │ a x:Nope = A;"), "{message}");
        assert!(!dir.join("url_auth.rs").exists());
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn compile_never_replaces_a_file_it_did_not_write() {
        let dir = temp_dir("mine");
        let path = schema(&dir, "urlAuthResultDefault#a9d6db1f = UrlAuthResult;");
        std::fs::write(dir.join("url_auth.rs"), "pub fn mine() {}\n").expect("a user file");
        let mut config = Config::new();
        config.schema(&path).out_dir(&dir).emit_rerun_if_changed(false);
        let error = config.compile().expect_err("refused");
        let message = format!("{error:?}");
        assert!(
            message.contains("1 output file exists and was not written by tl-codegen"),
            "{message}"
        );
        assert!(message.contains("`Config::force_overwrite()`"), "{message}");
        assert_eq!(
            std::fs::read_to_string(dir.join("url_auth.rs")).expect("kept"),
            "pub fn mine() {}\n"
        );
        config.force_overwrite().compile().expect("forced");
        assert!(
            std::fs::read_to_string(dir.join("url_auth.rs"))
                .expect("replaced")
                .starts_with("// @generated by tl-codegen")
        );
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn warnings_reach_cargo_as_warning_lines() {
        let dir = temp_dir("warnings");
        let path = schema(&dir, "a#12345678 x:int = A;");
        let mut stdout = Vec::new();
        let mut config = Config::new();
        config.schema(&path).out_dir(&dir);
        config
            .compile_printing_to(&mut stdout)
            .expect("a warning does not stop generation");
        let printed = String::from_utf8(stdout).expect("utf-8");
        let warning = format!(
            "cargo:warning=tl-codegen: {}:1:1: the written id of `a` is not its hash (no known reason explains the \
             difference; the written id is the one used on the wire; help: if the written id is intended, accept \
             it with `Config::allow_id_mismatch(\"a\")`)\n",
            path.display()
        );
        assert!(printed.ends_with(&warning), "{printed}");
        assert!(dir.join("url_auth.rs").exists());
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn with_roots_a_definition_they_reach_that_cannot_be_generated_fails_the_build() {
        let dir = temp_dir("roots-strict");
        let path = schema(
            &dir,
            "userEmpty = User;\nbot user:Usr = Bot;\n---functions---\ngetBot = Bot;\n",
        );
        let error = Config::new()
            .schema(&path)
            .roots(["getBot"])
            .generate()
            .expect_err("a typo the roots reach");
        let printed = format!("{error:?}");
        assert!(printed.contains("error: unknown type `Usr`"), "{printed}");
        assert!(printed.contains("use `Config::degrade()`"), "{printed}");

        let degraded = Config::new()
            .schema(&path)
            .roots(["getBot"])
            .degrade()
            .generate()
            .expect("left out");
        assert_eq!(degraded.warnings.left_out(), 1);
        let lines = degraded.warnings.lines();
        let summary = "1 definition left out, see the warnings; `Config::strict()` makes it an error";
        assert_eq!(lines.last().map(String::as_str), Some(summary), "{lines:?}");

        // A syntax error is no definition to leave out: no word of the roots or of `degrade()`.
        let broken = schema(
            &temp_dir("roots-syntax"),
            "userEmpty = User\n---functions---\ngetUser = User;\n",
        );
        let error = Config::new()
            .schema(&broken)
            .roots(["getUser"])
            .generate()
            .expect_err("a syntax error");
        assert!(!format!("{error}").contains("degrade"), "{error}");

        // Without roots, a whole schema degrades by default, with the same summary.
        let whole = Config::new().schema(&path).generate().expect("left out");
        assert_eq!(whole.warnings.lines().last().map(String::as_str), Some(summary));
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn debug_is_display_and_hints_name_config_methods() {
        let dir = temp_dir("debug");
        let path = schema(&dir, "a#12345678 x:int = A;");
        let error = Config::new().schema(&path).strict_ids().generate().expect_err("bad id");
        assert_eq!(format!("{error:?}"), error.to_string());
        assert!(
            error
                .to_string()
                .contains("help: if the written id is intended, accept it with `Config::allow_id_mismatch(\"a\")`"),
            "{error}"
        );
        let missing = Config::new()
            .schema(dir.join("nope.tl"))
            .generate()
            .expect_err("missing");
        assert!(
            format!("{missing:?}").starts_with("error: cannot read `"),
            "{missing:?}"
        );
        assert!(!format!("{missing:?}").contains("Os {"), "{missing:?}");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn unknown_roots_and_missing_out_dir_are_errors() {
        let dir = temp_dir("roots");
        let path = schema(&dir, "urlAuthResultDefault#a9d6db1f = UrlAuthResult;");
        let error = Config::new()
            .schema(&path)
            .roots(["UrlAuthResults"])
            .generate()
            .expect_err("unknown root");
        assert!(error.to_string().contains("did you mean `UrlAuthResult`?"));
        if std::env::var_os("OUT_DIR").is_none() {
            let error = Config::new().schema(&path).output_path().expect_err("no OUT_DIR");
            assert!(error.to_string().contains("OUT_DIR is not set"));
        }
        std::fs::remove_dir_all(&dir).ok();
    }
}
