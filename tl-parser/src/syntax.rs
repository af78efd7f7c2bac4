//! The TL grammar, written with nom: one file of text to definitions, recovering at `;` after an error.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while1};
use nom::character::complete::{char, digit1};
use nom::combinator::{cut, opt, recognize};
use nom::error::{ContextError, ErrorKind, ParseError, context};
use nom::multi::{many0, many1, separated_list1};
use nom::sequence::{delimited, pair, preceded, terminated};
use nom::{IResult, Parser};

use crate::ast::{
    Category, ClassDoc, Count, Definition, Field, FlagCondition, Name, Param, Repeat, TypeExpr, TypeParam,
};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::source::{FileId, Span};

/// Where parsing failed and what it expected there.
#[derive(Debug, Clone, Copy)]
struct SyntaxError<'a> {
    at: &'a str,
    expected: &'static str,
}

impl<'a> ParseError<&'a str> for SyntaxError<'a> {
    fn from_error_kind(input: &'a str, _kind: ErrorKind) -> Self {
        SyntaxError {
            at: input,
            expected: "",
        }
    }

    fn append(_input: &'a str, _kind: ErrorKind, other: Self) -> Self {
        other
    }

    /// Of two failed alternatives, report the one that got further.
    fn or(self, other: Self) -> Self {
        if other.at.len() < self.at.len() { other } else { self }
    }
}

impl<'a> ContextError<&'a str> for SyntaxError<'a> {
    /// The innermost context names what was expected.
    fn add_context(_input: &'a str, context: &'static str, mut other: Self) -> Self {
        if other.expected.is_empty() {
            other.expected = context;
        }
        other
    }
}

type PResult<'a, T> = IResult<&'a str, T, SyntaxError<'a>>;

/// What one file contributed: its definitions, its layer and its class docs.
pub(crate) struct FileSyntax<'a> {
    pub(crate) definitions: Vec<Definition<'a>>,
    pub(crate) layer: Option<u32>,
    pub(crate) class_docs: Vec<ClassDoc<'a>>,
}

/// The comment lines seen since the last definition, for the docs of the next one.
#[derive(Default)]
struct DocBlock<'a> {
    lines: Vec<&'a str>,
}

impl<'a> DocBlock<'a> {
    /// Takes the block: `//@class` lines go to `class_docs`, the rest is returned (the next definition's
    /// docs, if it follows directly).
    fn take(&mut self, class_docs: &mut Vec<ClassDoc<'a>>) -> Vec<&'a str> {
        let mut lines = std::mem::take(&mut self.lines);
        while let Some(start) = lines.iter().position(|line| line.trim_start().starts_with("@class")) {
            let end = (start + 1..lines.len())
                .find(|&i| !lines[i].starts_with('-'))
                .unwrap_or(lines.len());
            class_docs.extend(ClassDoc::parse(&lines[start..end]));
            lines.drain(start..end);
        }
        lines
    }
}

/// Parses one file. Syntax errors go to `diagnostics`; parsing resumes after the next `;`.
pub(crate) fn parse_file<'a>(file: FileId, text: &'a str, diagnostics: &mut Diagnostics) -> FileSyntax<'a> {
    let grammar = Grammar {
        text,
        file,
        depth: std::cell::Cell::new(0),
    };
    let mut out = FileSyntax {
        definitions: Vec::with_capacity(text.len() / 80),
        layer: None,
        class_docs: Vec::new(),
    };
    let mut category = Category::Type;
    let mut section_layer = None;
    let mut rest = text;
    let mut docs = DocBlock::default();
    loop {
        rest = match grammar.top_level_trivia(rest, &mut out.layer, &mut docs, &mut out.class_docs) {
            Ok(rest) => rest,
            Err(error) => {
                diagnostics.push(grammar.syntax_diagnostic(error));
                break;
            }
        };
        if rest.is_empty() {
            break;
        }
        if rest.starts_with("---") {
            docs.take(&mut out.class_docs);
            rest = grammar.section_marker(rest, &mut category, diagnostics);
            continue;
        }
        if rest.starts_with("===") {
            docs.take(&mut out.class_docs);
            rest = grammar.layer_section(rest, &mut section_layer, diagnostics);
            continue;
        }
        let lines = docs.take(&mut out.class_docs);
        match grammar.definition(rest, category) {
            Ok((after, mut definition)) => {
                definition.docs = doc_lines(lines);
                definition.section_layer = section_layer;
                out.definitions.push(definition);
                rest = after;
            }
            Err(nom::Err::Error(error) | nom::Err::Failure(error)) => match grammar.partial_declaration(rest) {
                // Not a definition but a declaration without `=` (tried only here: rare).
                Some(after) => rest = after,
                None => {
                    diagnostics.push(grammar.syntax_diagnostic(error));
                    rest = recover(error.at);
                }
            },
            Err(nom::Err::Incomplete(_)) => {
                unreachable!("complete parsers never ask for more input")
            }
        }
    }
    out
}

/// Skips to just after the next `;` that is not in a comment, or to the next `---section---` line.
fn recover(mut rest: &str) -> &str {
    loop {
        let Some(index) = rest.find([';', '/', '\n']) else {
            return "";
        };
        let (found, after) = (rest.as_bytes()[index], &rest[index + 1..]);
        rest = match found {
            b';' => return after,
            b'\n' if after.starts_with("---") => return after,
            b'/' if after.starts_with('/') => after.find('\n').map_or("", |n| &after[n..]),
            b'/' if after.starts_with('*') => after.find("*/").map_or("", |n| &after[n + 2..]),
            _ => after,
        };
    }
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Length of the `[A-Za-z_][A-Za-z0-9_]*` at the start of `bytes` (0 if none).
fn ident_len(bytes: &[u8]) -> usize {
    match bytes.first() {
        Some(&b) if b.is_ascii_alphabetic() || b == b'_' => {
            1 + bytes[1..]
                .iter()
                .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'_')
                .count()
        }
        _ => 0,
    }
}

fn not_ident(i: &str) -> nom::Err<SyntaxError<'_>> {
    nom::Err::Error(SyntaxError { at: i, expected: "" })
}

/// `[A-Za-z_][A-Za-z0-9_]*`.
fn ident(i: &str) -> PResult<'_, &str> {
    match ident_len(i.as_bytes()) {
        0 => Err(not_ident(i)),
        len => Ok((&i[len..], &i[..len])),
    }
}

/// A name, or TL-formal's sum of counts in parentheses (`n+1`, `1 + n`: `nat-const + subexpr`), kept as
/// written: a count computed from another, which the generator reports as not generated.
fn nat_sum_or_name(i: &str) -> IResult<&str, &str, SyntaxError<'_>> {
    let term = |i| alt((digit1, qualified_ident)).parse(i);
    let (rest, _) = (term, many0((ws, char('+'), ws, term))).parse(i)?;
    let written = &i[..i.len() - rest.len()];
    if written.chars().all(|c| c.is_ascii_digit()) {
        // A number alone is no type name: `(3)` is as `3`, which `ty` reads.
        return Err(nom::Err::Error(SyntaxError {
            at: i,
            expected: "a type name",
        }));
    }
    Ok((rest, written))
}

/// `ident(.ident)*`: `messages.requestUrlAuth`. A `.` not followed by an identifier is left alone, so
/// `flags.0?` stops after `flags`.
fn qualified_ident(i: &str) -> PResult<'_, &str> {
    let bytes = i.as_bytes();
    let mut end = ident_len(bytes);
    if end == 0 {
        return Err(not_ident(i));
    }
    while bytes.get(end) == Some(&b'.') {
        match ident_len(&bytes[end + 1..]) {
            0 => break,
            len => end += 1 + len,
        }
    }
    Ok((&i[end..], &i[..end]))
}

/// A decimal number that fits in `u32`.
fn number(i: &str) -> PResult<'_, u32> {
    let (rest, digits) = digit1(i)?;
    match digits.parse() {
        Ok(n) => Ok((rest, n)),
        Err(_) => Err(nom::Err::Failure(SyntaxError {
            at: i,
            expected: "a number below 2^32",
        })),
    }
}

/// The 1 to 8 hex digits of a constructor id, after `#`.
fn hex_id(i: &str) -> PResult<'_, u32> {
    let (rest, digits) = take_while1(|c: char| c.is_ascii_hexdigit()).parse(i)?;
    if digits.len() > 8 || rest.starts_with(is_ident_char) {
        return Err(nom::Err::Failure(SyntaxError {
            at: i,
            expected: "a constructor id of 1 to 8 hex digits",
        }));
    }
    Ok((
        rest,
        u32::from_str_radix(digits, 16).expect("1 to 8 hex digits fit in u32"),
    ))
}

/// Whitespace and comments between tokens.
fn ws(mut i: &str) -> PResult<'_, ()> {
    loop {
        i = i.trim_start();
        if let Some(after) = i.strip_prefix("//") {
            i = after.find('\n').map_or("", |n| &after[n..]);
        } else if let Some(after) = i.strip_prefix("/*") {
            match after.find("*/") {
                Some(n) => i = &after[n + 2..],
                None => return Err(unterminated_comment(i)),
            }
        } else {
            return Ok((i, ()));
        }
    }
}

fn unterminated_comment(at: &str) -> nom::Err<SyntaxError<'_>> {
    nom::Err::Failure(SyntaxError {
        at,
        expected: "`*/` to close this block comment",
    })
}

/// The text of one `// ...` comment as `LAYER N`, if it is one.
fn layer_comment(comment: &str) -> Option<u32> {
    let rest = comment.trim_start_matches('/').trim().strip_prefix("LAYER")?;
    rest.trim().parse().ok()
}

/// How deeply type arguments may nest (`Vector<Vector<...>>`). Telegram uses 2; the limit keeps hostile
/// input from overflowing the stack.
pub(crate) const MAX_TYPE_NESTING: u32 = 32;

const TOO_DEEP: &str = "at most 32 levels of nested type arguments";

struct Grammar<'a> {
    text: &'a str,
    file: FileId,
    /// Current nesting of type arguments.
    depth: std::cell::Cell<u32>,
}

impl<'a> Grammar<'a> {
    fn offset(&self, rest: &'a str) -> usize {
        self.text.len() - rest.len()
    }

    /// The span from `start` (a suffix of the text) to `end` (a shorter suffix).
    fn span(&self, start: &'a str, end: &'a str) -> Span {
        Span::new(self.file, self.offset(start), self.offset(end))
    }

    /// Whitespace and comments between definitions, noting the first `// LAYER N` and gathering the
    /// comment lines of the block right above the next definition (a blank line ends a block).
    fn top_level_trivia(
        &self,
        mut i: &'a str,
        layer: &mut Option<u32>,
        docs: &mut DocBlock<'a>,
        class_docs: &mut Vec<ClassDoc<'a>>,
    ) -> Result<&'a str, SyntaxError<'a>> {
        loop {
            let trimmed = i.trim_start();
            if i[..i.len() - trimmed.len()].matches('\n').count() > 1 {
                docs.take(class_docs);
            }
            i = trimmed;
            if let Some(after) = i.strip_prefix("//") {
                let end = after.find('\n').unwrap_or(after.len());
                if layer.is_none() {
                    *layer = layer_comment(&after[..end]);
                }
                docs.lines.push(&after[..end]);
                i = &after[end..];
            } else if let Some(body) = i.strip_prefix("/*") {
                docs.take(class_docs);
                let Some(end) = body.find("*/") else {
                    return Err(SyntaxError {
                        at: i,
                        expected: "`*/` to close this block comment",
                    });
                };
                // `/** ... */` documents the definition below it, line by line without the `*`s.
                if let Some(doc) = body[..end].strip_prefix('*') {
                    docs.lines
                        .extend(doc.lines().map(|line| line.trim_start().trim_start_matches('*')));
                }
                i = &body[end + 2..];
            } else {
                return Ok(i);
            }
        }
    }

    /// `---types---` or `---functions---` (spaces inside allowed: `--- functions ---`); anything else is
    /// reported and skipped to the end of its line.
    fn section_marker(&self, i: &'a str, category: &mut Category, diagnostics: &mut Diagnostics) -> &'a str {
        let spaces = |i| take_while(|c| c == ' ' || c == '\t').parse(i);
        let parsed: PResult<'a, &'a str> = delimited((tag("---"), spaces), ident, (spaces, tag("---"))).parse(i);
        match parsed {
            Ok((rest, "types")) => {
                *category = Category::Type;
                rest
            }
            Ok((rest, "functions")) => {
                *category = Category::Function;
                rest
            }
            _ => {
                let line_end = i.find('\n').unwrap_or(i.len());
                let span = self.span(i, &i[line_end..]);
                diagnostics.push(
                    Diagnostic::error(span, "unknown section marker")
                        .with_label("expected `---types---` or `---functions---`"),
                );
                &i[line_end..]
            }
        }
    }

    /// `===N===` (MadelineProto's layer sections): the definitions after it are those of layer `N` on.
    fn layer_section(&self, i: &'a str, layer: &mut Option<u32>, diagnostics: &mut Diagnostics) -> &'a str {
        let spaces = |i| take_while(|c| c == ' ' || c == '\t').parse(i);
        let parsed: PResult<'a, u32> = delimited((tag("==="), spaces), number, (spaces, tag("==="))).parse(i);
        match parsed {
            Ok((rest, number)) => {
                *layer = Some(number);
                rest
            }
            Err(_) => {
                let line_end = i.find('\n').unwrap_or(i.len());
                let span = self.span(i, &i[line_end..]);
                diagnostics.push(
                    Diagnostic::error(span, "unknown section marker").with_label("expected a layer section, `===N===`"),
                );
                &i[line_end..]
            }
        }
    }

    /// A declaration with no `=`: TL-formal's partial applications (`Vector int;`, `Tuple int 3;`) and
    /// `New`, `Final` and `Empty` declarations (`Final Bool;`), a name and type terms up to `;`. They say
    /// nothing about what is on the wire, so they are read and skipped; `None` if the text is not one.
    fn partial_declaration(&self, i: &'a str) -> Option<&'a str> {
        // A definition has `=` (or `:`, `{`, `?`) before its `;`: most text is ruled out by one scan.
        let end = i.find([';', '=', ':', '{', '?'])?;
        if i.as_bytes()[end] != b';' {
            return None;
        }
        let (rest, head) = self.ty(i).ok()?;
        let (rest, terms) = many0(preceded(ws, |i| self.ty(i))).parse(rest).ok()?;
        let rest = ws(rest).ok()?.0.strip_prefix(';')?;
        (!head.args.is_empty() || !terms.is_empty()).then_some(rest)
    }

    fn definition(&self, i: &'a str, category: Category) -> PResult<'a, Definition<'a>> {
        // `many0` allocates: only VK's schemas write annotations.
        let (i, annotations) = if i.starts_with('@') {
            many0(terminated(preceded(char('@'), ident), ws)).parse(i)?
        } else {
            (i, Vec::new())
        };
        let start = i;
        let (i, name) = context("a definition name", |i| self.name(i)).parse(i)?;
        let (i, explicit_id) = opt(preceded(
            char('#'),
            cut(context("a constructor id of 1 to 8 hex digits", hex_id)),
        ))
        .parse(i)?;
        let (i, ()) = ws(i)?;
        let (i, type_params) = if i.starts_with('{') {
            let (i, groups) = many0(terminated(|i| self.type_param(i), ws)).parse(i)?;
            (i, groups.into_iter().flatten().collect())
        } else {
            (i, Vec::new())
        };
        let (i, builtin) = opt(terminated(char('?'), ws)).parse(i)?;
        let (i, params) = if builtin.is_some() {
            (i, Vec::new())
        } else {
            self.params(i)?
        };
        // VK's TL writes a function's result after `=>`.
        let (i, _) = context("a parameter or `=`", cut(pair(char('='), opt(char('>'))))).parse(i)?;
        let (i, ()) = ws(i)?;
        let (i, result) = context(
            "the result type after `=`",
            cut(|i| self.result_type(i, &type_params, &params)),
        )
        .parse(i)?;
        let (i, ()) = ws(i)?;
        let (i, _) = context("`;` to end the definition", cut(char(';'))).parse(i)?;
        let definition = Definition {
            docs: Vec::new(),
            annotations,
            section_layer: None,
            name,
            explicit_id,
            id: explicit_id.unwrap_or(0),
            category,
            type_params,
            params,
            builtin: builtin.is_some(),
            result,
            span: self.span(start, i),
        };
        Ok((i, definition))
    }

    fn name(&self, i: &'a str) -> PResult<'a, Name<'a>> {
        let (rest, full) = qualified_ident(i)?;
        Ok((
            rest,
            Name {
                full,
                span: self.span(i, rest),
            },
        ))
    }

    /// `{X:Type}`, `{n:#}`, or several names of one kind: `{X Y:Type}`.
    fn type_param(&self, i: &'a str) -> PResult<'a, Vec<TypeParam<'a>>> {
        let start = i;
        let (i, _) = char('{')(i)?;
        let (i, (names, kind)) = cut((
            many1(preceded(ws, context("a type parameter name", ident))),
            preceded((ws, context("`:` after the type parameter name", char(':')), ws), |i| {
                self.ty(i)
            }),
        ))
        .parse(i)?;
        let (i, _) = cut(preceded(ws, context("`}` to close the type parameter", char('}')))).parse(i)?;
        let span = self.span(start, i);
        let params = names.into_iter().map(|name| TypeParam {
            name,
            kind: kind.clone(),
            span,
            implicit: false,
        });
        Ok((i, params.collect()))
    }

    /// Parameters up to (not including) `=`, each followed by whitespace.
    fn params(&self, mut i: &'a str) -> PResult<'a, Vec<Param<'a>>> {
        if i.starts_with('=') {
            return Ok((i, Vec::new()));
        }
        // Telegram's definitions have 4 to 8 parameters typically: skip the 1-2-4 growth steps.
        let mut params = Vec::with_capacity(8);
        loop {
            let parsed = if i.starts_with('(') && is_named_group(i) {
                self.named_group(i).map(|(rest, group)| {
                    params.extend(group);
                    rest
                })
            } else {
                self.param(i).map(|(rest, param)| {
                    params.push(param);
                    rest
                })
            };
            match parsed {
                Ok(rest) => i = ws(rest)?.0,
                Err(nom::Err::Error(_)) => return Ok((i, params)),
                Err(error) => return Err(error),
            }
        }
    }

    /// One parameter (other than a group, `(a b:T)`), chosen by its first characters.
    fn param(&self, i: &'a str) -> PResult<'a, Param<'a>> {
        let field = |(rest, field)| (rest, Param::Field(field));
        match i.as_bytes().first() {
            Some(b'[' | b'0'..=b'9') => self.repeat(i).map(|(rest, r)| (rest, Param::Repeat(r))),
            Some(b'#') => self.anonymous_nat(i).map(field),
            _ if starts_repetition(i) => self.repeat(i).map(|(rest, r)| (rest, Param::Repeat(r))),
            _ => match self.named_field(i) {
                Ok(parsed) => Ok(field(parsed)),
                Err(nom::Err::Error(_)) if !i.starts_with('=') => self.anonymous_field(i).map(field),
                Err(error) => Err(error),
            },
        }
    }

    /// A param with no name: a type (`t` in `resultTrue {t:Type} t = Maybe t;`, `%(Vector %T)`, `!X`).
    fn anonymous_field(&self, i: &'a str) -> PResult<'a, Field<'a>> {
        let (rest, ty) = match i.as_bytes().first() {
            Some(b'!') => self.generic_query(i)?,
            _ => self.ty(i)?,
        };
        let field = Field {
            name: None,
            condition: None,
            span: self.span(i, rest),
            ty,
        };
        Ok((rest, field))
    }

    /// `(a b c:T)`: several params of one type.
    fn named_group(&self, i: &'a str) -> PResult<'a, Vec<Param<'a>>> {
        let start = i;
        let (i, _) = char('(')(i)?;
        let (i, names) = many1(preceded(ws, ident)).parse(i)?;
        let (i, _) = cut(preceded(ws, context("`:` after the names", char(':')))).parse(i)?;
        let (i, ty) = cut(preceded(ws, |i: &'a str| match i.as_bytes().first() {
            Some(b'!') => self.generic_query(i),
            _ => self.ty(i),
        }))
        .parse(i)?;
        let (i, _) = cut(preceded(ws, context("`)` to close the params", char(')')))).parse(i)?;
        let span = self.span(start, i);
        let fields = names.into_iter().map(|name| {
            Param::Field(Field {
                name: Some(name),
                condition: None,
                ty: ty.clone(),
                span,
            })
        });
        Ok((i, fields.collect()))
    }

    /// The nameless `#` of `vector {t:Type} # [ t ] = Vector t;`.
    fn anonymous_nat(&self, i: &'a str) -> PResult<'a, Field<'a>> {
        let (rest, ty) = self.nat(i)?;
        Ok((
            rest,
            Field {
                name: None,
                condition: None,
                ty,
                span: self.span(i, rest),
            },
        ))
    }

    fn nat(&self, i: &'a str) -> PResult<'a, TypeExpr<'a>> {
        let (rest, name) = recognize(char('#')).parse(i)?;
        Ok((
            rest,
            TypeExpr {
                name,
                percent: false,
                generic_query: false,
                args: Vec::new(),
                span: self.span(i, rest),
            },
        ))
    }

    /// `name:#`, `name:flags.N?Type`, `name:!X` or `name:Type`.
    fn named_field(&self, i: &'a str) -> PResult<'a, Field<'a>> {
        let start = i;
        let (i, name) = ident(i)?;
        let i = i.strip_prefix(':').ok_or_else(|| not_ident(i))?;
        let (i, ()) = ws(i)?;
        let (i, (condition, ty)) = match i.as_bytes().first() {
            Some(b'#') => self.nat(i).map(|(rest, ty)| (rest, (None, ty)))?,
            Some(b'!') => self.generic_query(i).map(|(rest, ty)| (rest, (None, ty)))?,
            _ => cut(pair(opt(|i| self.flag_condition(i)), context("a type", |i| self.ty(i)))).parse(i)?,
        };
        Ok((
            i,
            Field {
                name: Some(name),
                condition,
                ty,
                span: self.span(start, i),
            },
        ))
    }

    /// `!X`.
    fn generic_query(&self, i: &'a str) -> PResult<'a, TypeExpr<'a>> {
        let (rest, name) = preceded(char('!'), cut(context("a type parameter name after `!`", ident))).parse(i)?;
        let ty = TypeExpr {
            name,
            percent: false,
            generic_query: true,
            args: Vec::new(),
            span: self.span(i, rest),
        };
        Ok((rest, ty))
    }

    /// `flags.N?`, or TL-formal's `n?` (no bit). Fails softly (so the text is read as a type instead) unless
    /// `ident.` and a digit, or `ident?`, start it.
    fn flag_condition(&self, i: &'a str) -> PResult<'a, FlagCondition<'a>> {
        let bytes = i.as_bytes();
        let len = ident_len(bytes);
        let (rest, bit) = match bytes.get(len) {
            _ if len == 0 => return Err(not_ident(i)),
            Some(b'?') => (&i[len + 1..], None),
            Some(b'.') if bytes.get(len + 1).is_some_and(u8::is_ascii_digit) => {
                let (rest, bit) = number(&i[len + 1..])?;
                let (rest, _) = context("`?` after the flag bit number", cut(char('?'))).parse(rest)?;
                (rest, Some(bit))
            }
            _ => return Err(not_ident(i)),
        };
        Ok((
            rest,
            FlagCondition {
                field: &i[..len],
                bit,
                span: self.span(i, rest),
            },
        ))
    }

    /// `[ t ]`, `4*[ int ]`, `n*[ x:int ]`, or named: `items:n*[ ... ]`.
    fn repeat(&self, i: &'a str) -> PResult<'a, Repeat<'a>> {
        let start = i;
        let (i, name) = if starts_named_repeat(i) {
            let (rest, name) = ident(i)?;
            (ws(&rest[1..])?.0, Some(name))
        } else {
            (i, None)
        };
        let (i, condition) = match name {
            Some(_) => opt(|i| self.flag_condition(i)).parse(i)?,
            None => (i, None),
        };
        let count = alt((number.map(Count::Const), ident.map(Count::Var)));
        let (i, count) = opt(terminated(count, preceded(ws, char('*')))).parse(i)?;
        let (i, _) = preceded(ws, char('[')).parse(i)?;
        let (i, items) = cut(preceded(ws, many0(terminated(|i| self.repeat_item(i), ws)))).parse(i)?;
        let (i, _) = cut(context("`]` to close the repetition", char(']'))).parse(i)?;
        Ok((
            i,
            Repeat {
                name,
                condition,
                count,
                items,
                span: self.span(start, i),
            },
        ))
    }

    /// One item between a repetition's brackets: a field, a nameless `#` or type, or a repetition inside
    /// it (TL-formal's `m*[ n*[ double ] ]`), nested no deeper than types are.
    fn repeat_item(&self, i: &'a str) -> PResult<'a, Param<'a>> {
        if i.starts_with(|c: char| c == '[' || c.is_ascii_digit()) || starts_repetition(i) {
            return self
                .nested(i, |i| self.repeat(i))
                .map(|(rest, r)| (rest, Param::Repeat(r)));
        }
        let nameless = |i| {
            self.ty(i).map(|(rest, ty)| {
                let field = Field {
                    name: None,
                    condition: None,
                    span: ty.span,
                    ty,
                };
                (rest, field)
            })
        };
        alt((|i| self.named_field(i), |i| self.anonymous_nat(i), nameless))
            .map(Param::Field)
            .parse(i)
    }

    /// `%Type`, `Vector<T>`, `ns.Type`, `#`, or an application in parentheses: `(vector T)`.
    fn ty(&self, start: &'a str) -> PResult<'a, TypeExpr<'a>> {
        let (i, percent) = start.strip_prefix('%').map_or((start, false), |rest| (rest, true));
        if i.starts_with('(') {
            return self.nested(i, |i| self.application(start, i, percent));
        }
        let (i, name) = match i.strip_prefix('#') {
            Some(rest) => (rest, &i[..1]),
            // A number in a type: a natural-number argument (`(Tuple int 3)`).
            None if i.starts_with(|c: char| c.is_ascii_digit()) => digit1(i)?,
            None => qualified_ident(i)?,
        };
        let (i, args) = if i.starts_with('<') {
            self.nested(i, |i| {
                delimited(
                    char('<'),
                    cut(separated_list1((ws, char(','), ws), preceded(ws, |i| self.ty(i)))),
                    cut(preceded(ws, context("`>` to close the type arguments", char('>')))),
                )
                .parse(i)
            })?
        } else {
            (i, Vec::new())
        };
        Ok((
            i,
            TypeExpr {
                name,
                percent,
                generic_query: false,
                args,
                span: self.span(start, i),
            },
        ))
    }

    /// Runs `parse` one level of type nesting deeper, failing past [`MAX_TYPE_NESTING`].
    fn nested<T>(&self, i: &'a str, parse: impl FnOnce(&'a str) -> PResult<'a, T>) -> PResult<'a, T> {
        if self.depth.get() >= MAX_TYPE_NESTING {
            return Err(nom::Err::Failure(SyntaxError {
                at: i,
                expected: TOO_DEEP,
            }));
        }
        self.depth.set(self.depth.get() + 1);
        let parsed = parse(i);
        self.depth.set(self.depth.get() - 1);
        parsed
    }

    /// `(name arg ...)`: a type applied to arguments by juxtaposition, in parentheses (TON's
    /// `(vector tonNode.blockIdExt)`). It is the same type as `name<arg, ...>`.
    fn application(&self, start: &'a str, i: &'a str, percent: bool) -> PResult<'a, TypeExpr<'a>> {
        let (i, _) = char('(')(i)?;
        // VK writes the `%` inside too: `(%Pair int int)` is `%(Pair int int)`.
        let (i, inner_percent) = preceded(ws, opt(char('%'))).parse(i)?;
        let percent = percent || inner_percent.is_some();
        let (i, name) = preceded(ws, cut(context("a type name after `(`", nat_sum_or_name))).parse(i)?;
        let (i, args) = many0(preceded(ws, |i| self.ty(i))).parse(i)?;
        let (i, _) = preceded(ws, cut(context("`)` to close the type application", char(')')))).parse(i)?;
        let ty = TypeExpr {
            name,
            percent,
            generic_query: false,
            args,
            span: self.span(start, i),
        };
        Ok((i, ty))
    }

    /// A result type: a type, optionally applied by juxtaposition to arguments (`= Vector t`, `= Response
    /// T`, `= Tuple t n`, `= Vector %ns.Prefix`, `= overlay.Response ns.blockFull`). When the text before
    /// the next `;` holds nothing of a definition's body, all of it is arguments; otherwise only names the
    /// definition binds, boxed names, numbers and built-ins may follow, so a missing `;` is not misread as
    /// an application of the next definition's name.
    fn result_type(
        &self,
        i: &'a str,
        type_params: &[TypeParam<'a>],
        params: &[Param<'a>],
    ) -> PResult<'a, TypeExpr<'a>> {
        let (mut rest, mut ty) = self.ty(i)?;
        if !ty.args.is_empty() {
            return Ok((rest, ty));
        }
        let only_arguments_follow = only_arguments_before_semicolon(rest);
        // What the definition binds, gathered only when it is needed (seldom).
        let mut bound: Option<Bound<'a>> = None;
        loop {
            // An application in parentheses (`= Maybe (Tuple int n)`) cannot begin a definition.
            let (after, arg) = match preceded(ws, |i| self.parenthesised_arg(i)).parse(rest) {
                Ok(parsed) => parsed,
                Err(failure @ nom::Err::Failure(_)) => return Err(failure),
                Err(_) => match preceded(ws, |i| self.applied_arg(i)).parse(rest) {
                    Ok((after, arg)) if only_arguments_follow => (after, arg),
                    Ok((after, arg)) => {
                        let bound = bound.get_or_insert_with(|| Bound::of(type_params, params));
                        if !may_be_applied(&arg, after, bound) {
                            break;
                        }
                        (after, arg)
                    }
                    Err(_) => break,
                },
            };
            ty.args.push(arg);
            ty.span = self.span(i, after);
            rest = after;
        }
        Ok((rest, ty))
    }

    /// `(Tuple int n)` or `%(Pair X Y)` as an argument of a result type.
    fn parenthesised_arg(&self, i: &'a str) -> PResult<'a, TypeExpr<'a>> {
        let percent = i.strip_prefix('%').unwrap_or(i);
        if !percent.starts_with('(') {
            return Err(nom::Err::Error(SyntaxError { at: i, expected: "`(`" }));
        }
        self.ty(i)
    }

    /// A name or a number applied to a result type, bare with `%` (`%ns.Prefix`).
    fn applied_arg(&self, i: &'a str) -> PResult<'a, TypeExpr<'a>> {
        let (after_percent, percent) = i.strip_prefix('%').map_or((i, false), |rest| (rest, true));
        let (rest, name) = match after_percent.starts_with(|c: char| c.is_ascii_digit()) {
            true => digit1(after_percent)?,
            false => qualified_ident(after_percent)?,
        };
        Ok((
            rest,
            TypeExpr {
                name,
                percent,
                generic_query: false,
                args: Vec::new(),
                span: self.span(i, rest),
            },
        ))
    }

    /// Turns a failure into a diagnostic that names what was expected and what was found.
    fn syntax_diagnostic(&self, error: SyntaxError<'a>) -> Diagnostic {
        let found = describe_token(error.at);
        let start = self.offset(error.at);
        let span = Span::new(self.file, start, start + found.len);
        if error.at.starts_with("/*") && !error.at.contains("*/") {
            return Diagnostic::error(span, "unterminated block comment").with_label("no `*/` closes this comment");
        }
        let expected = if error.expected.is_empty() {
            "a definition"
        } else {
            error.expected
        };
        Diagnostic::error(span, format!("expected {expected}, found {}", found.description))
            .with_label(format!("expected {expected}"))
    }
}

/// The names a result type may be applied to: the type parameters, the params' names, and the names the
/// params use as types (implicit type variables).
struct Bound<'a> {
    names: Vec<&'a str>,
    /// Names used as types in the params, not declared as type parameters nor params.
    free: Vec<&'a str>,
}

impl<'a> Bound<'a> {
    fn of(type_params: &[TypeParam<'a>], params: &[Param<'a>]) -> Self {
        let mut names: Vec<&str> = type_params.iter().map(|p| p.name).collect();
        names.extend(params.iter().filter_map(|p| p.as_field()).filter_map(|f| f.name));
        let mut free = Vec::new();
        visit_types(params, &mut |ty| {
            if !ty.is_nat() && !ty.is_nat_const() && !names.contains(&ty.name) && !free.contains(&ty.name) {
                free.push(ty.name);
            }
        });
        Bound { names, free }
    }

    fn contains(&self, name: &str) -> bool {
        self.names.contains(&name) || self.free.contains(&name)
    }
}

/// Declares the implicit type variables of every definition: a name the result applies (`= Response
/// T`) that the params use as a type and that is no type of the schema (`known`) becomes `{T:Type}`.
pub(crate) fn add_implicit_type_params(definitions: &mut [Definition<'_>], known: &dyn Fn(&str) -> bool) {
    for definition in definitions
        .iter_mut()
        .filter(|d| !d.result.args.is_empty() && !d.params.is_empty())
    {
        let bound = Bound::of(&definition.type_params, &definition.params);
        let implicit = implicit_type_params(&definition.result, &bound, known);
        definition.type_params.extend(implicit);
    }
}

fn implicit_type_params<'a>(
    result: &TypeExpr<'a>,
    bound: &Bound<'a>,
    known: &dyn Fn(&str) -> bool,
) -> Vec<TypeParam<'a>> {
    (result.args.iter())
        .filter(|arg| arg.args.is_empty() && !bound.names.contains(&arg.name) && bound.free.contains(&arg.name))
        .filter(|arg| !known(arg.name))
        .map(crate::implicit::implicit_type_param)
        .collect()
}

fn visit_types<'a>(params: &[Param<'a>], visit: &mut impl FnMut(&TypeExpr<'a>)) {
    fn visit_type<'a>(ty: &TypeExpr<'a>, visit: &mut impl FnMut(&TypeExpr<'a>)) {
        visit(ty);
        ty.args.iter().for_each(|arg| visit_type(arg, visit));
    }
    for param in params {
        match param {
            Param::Field(field) => visit_type(&field.ty, visit),
            Param::Repeat(repeat) => visit_types(&repeat.items, visit),
        }
    }
}

/// Whether a param starts with a named group, `(a b:T)`, rather than a type in parentheses.
fn is_named_group(i: &str) -> bool {
    let inner = i[1..].trim_start();
    let first = ident_len(inner.as_bytes());
    if first == 0 {
        return false;
    }
    let mut rest = &inner[first..];
    loop {
        rest = rest.trim_start();
        match ident_len(rest.as_bytes()) {
            0 => return rest.starts_with(':'),
            len => rest = &rest[len..],
        }
    }
}

/// Whether a param that starts with a name is a repetition: counted (`n*[`) or named (`name:[`,
/// `name:n*[`, `name:3*[`). One scan of the name; the common `name:Type` is told apart by the byte
/// after the colon and, for a type name, by the byte after it (a `*` or a space).
fn starts_repetition(i: &str) -> bool {
    let bytes = i.as_bytes();
    let len = ident_len(bytes);
    match bytes.get(len) {
        Some(b':') => match bytes.get(len + 1) {
            Some(b'[' | b'0'..=b'9' | b' ' | b'\t' | b'\n' | b'\r') => starts_named_repeat(i),
            Some(_) => {
                let after = &bytes[len + 1..];
                let type_len = ident_len(after);
                let rest = &after[type_len..];
                let spaces = rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
                match rest.first() {
                    // A condition (`name:flags.0?...`, `name:n?...`): a repetition if one follows it.
                    Some(b'?') => starts_named_repeat(i),
                    Some(b'.') if rest.get(1).is_some_and(u8::is_ascii_digit) => starts_named_repeat(i),
                    _ => type_len > 0 && rest.get(spaces) == Some(&b'*'),
                }
            }
            None => false,
        },
        Some(b'*' | b' ' | b'\t' | b'\n' | b'\r') => len > 0 && starts_count(i),
        _ => false,
    }
}

/// Whether the text starts with a named repetition: `name:[`, `name:n*[`, `name:3*[`, or one under a
/// condition, `name:flags.0?n*[`.
fn starts_named_repeat(i: &str) -> bool {
    let len = ident_len(i.as_bytes());
    let Some(after) = i[len..].strip_prefix(':').filter(|_| len > 0) else {
        return false;
    };
    let after = skip_condition(after.trim_start());
    after.starts_with('[') || starts_count(after)
}

/// The text after a condition (`flags.0?`, `n?`) at its start, else the text as it is.
fn skip_condition(i: &str) -> &str {
    let bytes = i.as_bytes();
    let len = ident_len(bytes);
    let digits = |from: usize| bytes[from..].iter().take_while(|b| b.is_ascii_digit()).count();
    match bytes.get(len) {
        _ if len == 0 => i,
        Some(b'?') => &i[len + 1..],
        Some(b'.') if digits(len + 1) > 0 && bytes.get(len + 1 + digits(len + 1)) == Some(&b'?') => {
            &i[len + 2 + digits(len + 1)..]
        }
        _ => i,
    }
}

/// Whether a name after a result type is one of its arguments when more of the definition may follow: a
/// name the definition binds, a boxed type name (`=> Vector User`), a number (`= Tuple int 3`), a bare
/// one with `%`, or a built-in that does not begin the next definition (`int ? = Int;`).
fn may_be_applied(arg: &TypeExpr<'_>, after: &str, bound: &Bound<'_>) -> bool {
    let boxed = Name::split(arg.name).1.starts_with(|c: char| c.is_ascii_uppercase());
    let builtin = crate::builtin::is_builtin(arg.name) && !begins_definition_body(after);
    bound.contains(arg.name) || boxed || arg.percent || arg.is_nat_const() || builtin
}

/// Whether the text up to the next `;` holds nothing but a result type's arguments: no comment and none
/// of the characters that a definition's name, id, parameters or `=` would bring.
fn only_arguments_before_semicolon(rest: &str) -> bool {
    rest.find(';')
        .is_some_and(|end| !rest[..end].contains(['=', ':', '{', '}', '?', '#', '/', '[', ']', '!', '<']))
}

/// Whether the text after a name (spaces skipped) goes on as a definition would after its name: the
/// name was the next definition's, not an argument of this one's result (a missing `;`).
fn begins_definition_body(after: &str) -> bool {
    after.trim_start().starts_with(['?', '#', '=', '{', ':'])
}

/// Whether the text starts with a repetition's count: `n*` or `3*` (spaces allowed before `*`).
fn starts_count(i: &str) -> bool {
    let bytes = i.as_bytes();
    let len = match bytes.first() {
        Some(b) if b.is_ascii_digit() => bytes.iter().take_while(|b| b.is_ascii_digit()).count(),
        _ => ident_len(bytes),
    };
    len > 0 && i[len..].trim_start().starts_with('*')
}

/// The token at the start of `rest`, for "found ..." in messages.
struct FoundToken {
    description: String,
    len: usize,
}

fn describe_token(rest: &str) -> FoundToken {
    let Some(first) = rest.chars().next() else {
        return FoundToken {
            description: "end of file".into(),
            len: 0,
        };
    };
    if rest.starts_with("/*") {
        return FoundToken {
            description: "an unterminated block comment".into(),
            len: 2,
        };
    }
    if is_ident_char(first) {
        let len = rest.find(|c: char| !is_ident_char(c)).unwrap_or(rest.len());
        return FoundToken {
            description: format!("`{}`", &rest[..len]),
            len,
        };
    }
    let description = if first.is_control() || first.is_whitespace() {
        format!("{first:?}")
    } else {
        format!("`{first}`")
    };
    FoundToken {
        description,
        len: first.len_utf8(),
    }
}

/// The lines of a comment block that document the definition below it: all but decoration (`/////`),
/// the layer line, and definitions commented out (`//ping#7abe77ec ping_id:long = Pong;`).
fn doc_lines(lines: Vec<&str>) -> Vec<&str> {
    let is_doc = |line: &&str| {
        let text = line.trim();
        let decoration = text.chars().all(|c| c == '/' || c == '-' || c == '*' || c == '=');
        let commented_out = text.contains('=')
            && text
                .split("//")
                .next()
                .is_some_and(|code| code.trim_end().ends_with(';'));
        !decoration && !commented_out && layer_comment(text).is_none()
    };
    lines.into_iter().filter(is_doc).collect()
}
