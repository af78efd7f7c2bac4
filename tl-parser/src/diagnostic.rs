//! Problems found in a schema, each with a span, rendered like rustc's messages.

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Config};

use crate::source::{SourceFile, Span};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The schema cannot be used as written.
    Error,
    /// Worth a look; the schema is still usable.
    Warning,
}

/// One problem: a message, the span it points at, and optional related spans and notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The headline, `expected ';' to end the definition, found end of file`.
    pub message: String,
    /// Where the caret goes.
    pub span: Span,
    /// The text printed under the caret.
    pub label: String,
    /// Other places worth showing, such as the first of two duplicates.
    pub related: Vec<(Span, String)>,
    /// Extra lines after the snippet (`= note: ...`).
    pub notes: Vec<String>,
    /// An option that would accept what this diagnostic refuses. Each interface words it its own way
    /// ([`Diagnostics::render_with`]), so a command-line user reads a flag and a `build.rs` user a method.
    pub hint: Option<OptionHint>,
}

/// An option of the generator that would accept what a diagnostic refuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptionHint {
    /// Accept the written id of this definition although it differs from the computed one.
    AllowIdMismatch(String),
    /// Map a type the schema does not define to a Rust type.
    ExternType(String),
}

impl OptionHint {
    /// The hint in the words of this crate's API ([`crate::ParseOptions`]).
    pub fn parser_wording(&self) -> String {
        match self {
            OptionHint::AllowIdMismatch(name) => {
                format!("if the written id is intended, accept it with `ParseOptions::allow_id_mismatch(\"{name}\")`")
            }
            OptionHint::ExternType(name) => format!(
                "if the type is defined elsewhere, declare it with `ParseOptions::extern_type(\"{name}\")` and map it to a Rust type"
            ),
        }
    }
}

impl Diagnostic {
    /// An error at `span`.
    pub fn error(span: Span, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, span, message)
    }

    /// A warning at `span`.
    pub fn warning(span: Span, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, span, message)
    }

    /// A problem of `severity` at `span`.
    pub fn new(severity: Severity, span: Span, message: impl Into<String>) -> Self {
        Self {
            severity,
            message: message.into(),
            span,
            label: String::new(),
            related: Vec::new(),
            notes: Vec::new(),
            hint: None,
        }
    }

    /// Sets the text under the caret.
    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    /// Adds a secondary span with its own label.
    pub fn with_related(mut self, span: Span, label: impl Into<String>) -> Self {
        self.related.push((span, label.into()));
        self
    }

    /// Adds a note line.
    pub fn with_note(mut self, note: impl Into<String>) -> Self {
        self.notes.push(note.into());
        self
    }

    /// Attaches an option that would accept what this diagnostic refuses.
    pub fn with_hint(mut self, hint: OptionHint) -> Self {
        self.hint = Some(hint);
        self
    }

    fn to_report(&self, word: &dyn Fn(&OptionHint) -> String) -> Report<usize> {
        let report = match self.severity {
            Severity::Error => Report::error(),
            Severity::Warning => Report::warning(),
        };
        let mut labels = vec![Label::primary(self.span.file as usize, self.span.range()).with_message(&self.label)];
        labels.extend(
            self.related
                .iter()
                .map(|(span, label)| Label::secondary(span.file as usize, span.range()).with_message(label)),
        );
        let mut notes = self.notes.clone();
        notes.extend(self.hint.iter().map(|hint| format!("help: {}", word(hint))));
        report.with_message(&self.message).with_labels(labels).with_notes(notes)
    }
}

/// All problems of one run, in source order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Adds a problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// The problems, in the order they were sorted or pushed.
    pub fn iter(&self) -> std::slice::Iter<'_, Diagnostic> {
        self.items.iter()
    }

    /// How many problems there are.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when there is no problem at all.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// How many of the problems are errors.
    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.severity == Severity::Error).count()
    }

    /// True when at least one problem is an error.
    pub fn has_errors(&self) -> bool {
        self.error_count() > 0
    }

    /// Sorts by file and position, keeping the order of problems at one position.
    pub fn sort(&mut self) {
        self.items.sort_by_key(|d| (d.span.file, d.span.start));
    }

    /// How many of the problems are warnings.
    pub fn warning_count(&self) -> usize {
        self.items.iter().filter(|d| d.severity == Severity::Warning).count()
    }

    /// Adds every problem of `other`.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// Renders every problem like rustc: `file:line:column`, the source line, a caret under the span.
    /// Hints are worded for this crate's API ([`OptionHint::parser_wording`]).
    pub fn render(&self, files: &[SourceFile]) -> String {
        self.render_with(files, &OptionHint::parser_wording)
    }

    /// [`Diagnostics::render`], with hints worded by `word` (a tool names its own flags or methods).
    pub fn render_with(&self, files: &[SourceFile], word: &dyn Fn(&OptionHint) -> String) -> String {
        let mut database = SimpleFiles::new();
        for file in files {
            database.add(file.name.as_str(), file.text.as_str());
        }
        let config = Config::default();
        let mut out = String::new();
        for diagnostic in &self.items {
            if term::emit_to_string(&mut out, &config, &database, &diagnostic.to_report(word)).is_err() {
                // A span outside its file cannot be drawn; still say what is wrong.
                let (line, column) = files
                    .get(diagnostic.span.file as usize)
                    .map_or((0, 0), |f| f.line_column(diagnostic.span.start as usize));
                out.push_str(&format!("error: {} (at {line}:{column})\n", diagnostic.message));
            }
        }
        out
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

impl<'d> IntoIterator for &'d Diagnostics {
    type Item = &'d Diagnostic;
    type IntoIter = std::slice::Iter<'d, Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}
