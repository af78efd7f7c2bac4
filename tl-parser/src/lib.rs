//! A parser for Telegram's Type Language (TL) schemas.
//!
//! [`parse`] reads one or more `.tl` files into a [`Schema`] whose nodes borrow their names from the
//! source text and keep their byte [`Span`]s. It computes every constructor id (see [`id`]), checks the
//! schema (flags, duplicates, unknown types) and collects every problem as a [`Diagnostic`] instead of
//! stopping at the first: a syntax error skips to the next `;` and parsing goes on.
//!
//! ```
//! use tl_parser::{parse, ParseOptions, SourceFile};
//!
//! let files = [SourceFile::new(
//!     "url_auth.tl",
//!     "urlAuthResultDefault#a9d6db1f = UrlAuthResult;\n\
//!      urlAuthResultAccepted#8f8c0e4e url:string = UrlAuthResult;",
//! )];
//! let parsed = parse(&files, &ParseOptions::new());
//! assert!(parsed.diagnostics.is_empty(), "{}", parsed.diagnostics.render(&files));
//! assert_eq!(parsed.schema.definitions[1].id, 0x8f8c0e4e);
//! ```

pub mod ast;
pub mod builtin;
mod check;
pub mod diagnostic;
mod display;
pub mod docs;
pub mod id;
mod ids;
mod implicit;
mod source;
mod syntax;

use std::collections::BTreeSet;

pub use ast::{
    Category, ClassDoc, Count, Definition, Field, FlagCondition, Name, NatSum, Param, Repeat, Schema, TypeExpr,
    TypeParam,
};
pub use diagnostic::{Diagnostic, Diagnostics, OptionHint, Severity};
pub use source::{FileId, MAX_FILE_LEN, SourceFile, Span};

/// The definitions of mtproto.tl whose ids were assigned by hand rather than hashed, with those ids: known
/// facts, accepted without a warning. The same name written with another id is an ordinary mismatch.
/// (`ipPortSecret#37982646` is not one: it is the hash of the definition with `bytes` as written.)
pub const MTPROTO_HAND_ASSIGNED_IDS: &[(&str, u32)] =
    &[("accessPointRule", 0x4679b65f), ("help.configSimple", 0x5a592a6c)];

/// Whether `name#id` is one of mtproto.tl's hand-assigned service ids ([`MTPROTO_HAND_ASSIGNED_IDS`]).
pub fn is_mtproto_service_id(name: &str, id: u32) -> bool {
    MTPROTO_HAND_ASSIGNED_IDS.contains(&(name, id))
}

/// Options for [`parse`].
#[derive(Debug, Clone, Default)]
pub struct ParseOptions {
    allowed_id_mismatches: BTreeSet<String>,
    strict_ids: bool,
    extern_types: BTreeSet<String>,
}

impl ParseOptions {
    /// Default options: a written id that is not the definition's hash is a warning (the written id is
    /// used), and every type used must be defined or built in.
    pub fn new() -> Self {
        Self::default()
    }

    /// Accepts, without a warning, a written id that differs from the computed one for the definition
    /// named `name`.
    pub fn allow_id_mismatch(mut self, name: impl Into<String>) -> Self {
        self.allowed_id_mismatches.insert(name.into());
        self
    }

    /// Makes every written id that is not the definition's hash (and not allowed by name) an error.
    pub fn strict_ids(mut self) -> Self {
        self.strict_ids = true;
        self
    }

    /// Declares a type the schema uses but does not define (its values come from elsewhere).
    pub fn extern_type(mut self, name: impl Into<String>) -> Self {
        self.extern_types.insert(name.into());
        self
    }

    /// The types declared with [`ParseOptions::extern_type`].
    pub fn extern_types(&self) -> &BTreeSet<String> {
        &self.extern_types
    }

    /// Nothing: mtproto.tl's hand-assigned service ids ([`MTPROTO_HAND_ASSIGNED_IDS`]) are accepted by
    /// default now. Kept so that code written for the earlier default still builds.
    #[deprecated(note = "mtproto.tl's hand-assigned service ids are accepted by default")]
    pub fn allow_mtproto_hand_assigned_ids(self) -> Self {
        self
    }

    fn allows_id_mismatch(&self, name: &str) -> bool {
        self.allowed_id_mismatches.contains(name)
    }
}

/// What [`parse`] found: the schema (every definition that parsed) and every problem, sorted by position.
#[derive(Debug, Clone)]
pub struct Parsed<'a> {
    /// The definitions that parsed, with ids assigned.
    pub schema: Schema<'a>,
    /// Syntax errors and check failures.
    pub diagnostics: Diagnostics,
}

impl<'a> Parsed<'a> {
    /// The schema if there is no error (warnings are dropped), else the diagnostics.
    pub fn into_result(self) -> Result<Schema<'a>, Diagnostics> {
        if self.diagnostics.has_errors() {
            Err(self.diagnostics)
        } else {
            Ok(self.schema)
        }
    }
}

/// Parses and checks `files` as one schema. Never panics; every problem becomes a [`Diagnostic`].
pub fn parse<'a>(files: &'a [SourceFile], options: &ParseOptions) -> Parsed<'a> {
    let mut diagnostics = Diagnostics::default();
    let mut schema = Schema::default();
    for (file, source) in files.iter().enumerate() {
        let file = file as FileId;
        if source.text.len() > MAX_FILE_LEN {
            let span = Span::new(file, 0, 0);
            diagnostics.push(Diagnostic::error(
                span,
                format!("`{}` is larger than 4 GiB", source.name),
            ));
            continue;
        }
        let syntax = syntax::parse_file(file, &source.text, &mut diagnostics);
        schema.layer = schema.layer.or(syntax.layer);
        schema.class_docs.extend(syntax.class_docs);
        if schema.definitions.is_empty() {
            schema.definitions = syntax.definitions;
        } else {
            schema.definitions.extend(syntax.definitions);
        }
    }
    implicit::add_implicit_type_params(&mut schema);
    let mismatches = ids::assign_ids(&mut schema);
    let unresolved = check::check_schema(&schema, options, &mut diagnostics);
    ids::check_duplicates(&schema, &mut diagnostics);
    ids::report_id_mismatches(&schema, &mismatches, &unresolved, options, &mut diagnostics);
    diagnostics.sort();
    Parsed { schema, diagnostics }
}
