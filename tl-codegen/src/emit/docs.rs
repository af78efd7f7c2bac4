//! Schema prose as rustdoc: escaped so that TL text cannot turn into links, emphasis, code, headings or
//! HTML (`[`, `*`, `_`, backticks, `<`, a leading `#`, ...), bare URLs made into autolinks (rustdoc warns
//! about bare ones), and wrapped into lines of at most [`WIDTH`] columns.

use crate::ident;
use crate::model::{Availability, Condition, Field, FieldKind, Item, Member, PossibleError, Prose, ProseSpan as Span};

/// The widest line of prose in a doc comment.
const WIDTH: usize = 96;

/// A TL definition on lines of at most [`WIDTH`] columns (unless one param is longer), broken between
/// params, continuation lines indented by four spaces.
pub(super) fn wrap_definition(definition: &str) -> String {
    let mut out = String::new();
    let mut line_len = 0;
    for word in definition.split(' ') {
        if line_len > 0 && line_len + 1 + word.len() > WIDTH {
            out.push_str("\n    ");
            line_len = 4;
        } else if line_len > 0 {
            out.push(' ');
            line_len += 1;
        }
        out.push_str(word);
        line_len += word.len();
    }
    out
}

/// A link to the page of `tl_name` in Telegram's API reference (`page`: `constructor`, `method` or `type`).
pub(super) fn telegram_link(page: &str, tl_name: &str) -> String {
    format!("Telegram's reference: <https://core.telegram.org/{page}/{tl_name}>")
}

/// The docs of a struct field: what the schema says of it, then its TL param, where its flag bit is, and
/// its Rust spelling when that differs (`r#static`).
pub(super) fn field_docs(item: &Item, field: &Field, depth: usize) -> Vec<String> {
    let mut lines = described(field.description.as_ref(), depth);
    let bit = |condition: &Condition| condition_bits(condition, &item.flags_fields[condition.flags]);
    let mut summary = match (&field.kind, &field.condition) {
        (FieldKind::Group(group), Some(condition)) => {
            let members: Vec<String> = (item.groups[*group].members.iter())
                .map(|member| format!("`{}`", member.tl_param))
                .collect();
            format!(
                "{}: they share {}, so all are present or none.",
                members.join(", "),
                bit(condition)
            )
        }
        (FieldKind::Bit, Some(condition)) => format!("`{}`: {}.", field.tl_param, bit(condition)),
        (_, Some(condition)) => format!("`{}`: present when {} is set.", field.tl_param, bit(condition)),
        (_, None) => format!("`{}`.", field.tl_param),
    };
    summary.push_str(&rust_spelling(&field.rust_name));
    lines.push(summary);
    lines
}

/// Who may call a function, as a paragraph: nothing when no docs source said.
pub(super) fn availability(available: Option<Availability>) -> Vec<String> {
    let who = match available {
        None => return Vec::new(),
        Some(Availability::Users) => "users only (not bots)",
        Some(Availability::Bots) => "bots only",
        Some(Availability::Both) => "users and bots",
    };
    vec![String::new(), format!("Who may call it: {who}.")]
}

/// The errors a function may return, as a list under a heading: `` `400 NAME`: what it means``.
pub(super) fn possible_errors(errors: &[PossibleError], depth: usize) -> Vec<String> {
    if errors.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![String::new(), "# Errors".to_string(), String::new()];
    lines.push("The RPC errors it may return, as the docs source lists them:".to_string());
    lines.push(String::new());
    for error in errors {
        let name = code_span(&format!("{} {}", error.code, error.name));
        let mut line = match &error.variant {
            Some(variant) => format!(
                "- [{name}]({})",
                from_root(depth, &format!("errors::RpcError::{variant}"))
            ),
            None => format!("- {name}"),
        };
        if let Some(description) = &error.description {
            line.push_str(": ");
            line.push_str(&prose(description, depth).join(" "));
        }
        lines.push(line);
    }
    lines
}

/// What `condition` tests of its word `flags`: "bit 3 of `flags`", or "any bit of `n`" (TL-formal's `n?`).
pub(super) fn condition_bits(condition: &Condition, flags: &str) -> String {
    match condition.bit {
        Some(bit) => format!("bit {bit} of `{flags}`"),
        None => format!("any bit of `{flags}`"),
    }
}

/// The docs of a member of a group struct.
pub(super) fn member_docs(member: &Member, depth: usize) -> Vec<String> {
    let mut lines = described(member.description.as_ref(), depth);
    lines.push(format!("`{}`.{}", member.tl_param, rust_spelling(&member.rust_name)));
    lines
}

/// The schema's description as prose lines and an empty line, or nothing.
fn described(description: Option<&Prose>, depth: usize) -> Vec<String> {
    let mut lines = description.map(|text| prose(text, depth)).unwrap_or_default();
    if !lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// ` In Rust: `r#type`.` for a name that is a keyword (rustdoc shows it as `type`), else nothing.
fn rust_spelling(name: &str) -> String {
    let escaped = ident::escaped(name);
    if escaped == name {
        String::new()
    } else {
        format!(" In Rust: `{escaped}`.")
    }
}

/// `text` as rustdoc lines, paragraphs apart; links to items are relative to a module `depth` levels
/// below the output's root (`super::` that many times).
pub(super) fn prose(text: &Prose, depth: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for paragraph in markdown_paragraphs(text, depth) {
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.extend(wrapped(&paragraph));
    }
    lines
}

/// The Markdown of each paragraph of `text`.
fn markdown_paragraphs(text: &Prose, depth: usize) -> Vec<String> {
    let mut paragraphs = vec![String::new()];
    for span in &text.spans {
        let out = paragraphs.last_mut().expect("one at least");
        match span {
            Span::Text(text) => out.push_str(&escaped_text(text)),
            Span::Code(code) => out.push_str(&code_span(code)),
            Span::Strong(text) => out.push_str(&format!("**{}**", escaped_text(text.trim()))),
            Span::Emphasis(text) => out.push_str(&format!("*{}*", escaped_text(text.trim()))),
            Span::Link { text, url } => out.push_str(&format!("[{}]({})", escaped_text(text.trim()), url_text(url))),
            Span::Item { text, path } => out.push_str(&format!("[{}]({})", link_text(text), from_root(depth, path))),
            Span::Definition { text, .. } => out.push_str(&code_span(text)),
            Span::Break if out.trim().is_empty() => {}
            Span::Break => paragraphs.push(String::new()),
        }
    }
    paragraphs.retain(|paragraph| !paragraph.trim().is_empty());
    paragraphs
}

/// Plain text with Markdown's characters escaped and bare URLs made autolinks; its whitespace kept as
/// single spaces (so that text glued to a link or code stays glued).
fn escaped_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let space = rest.len() - rest.trim_start().len();
        if space > 0 {
            out.push(' ');
            rest = &rest[space..];
            continue;
        }
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        out.push_str(&word(&rest[..end]));
        rest = &rest[end..];
    }
    out
}

/// Inline code, fenced by more backticks than it holds in a row.
fn code_span(code: &str) -> String {
    let code = code.split_whitespace().collect::<Vec<_>>().join(" ");
    if code.is_empty() {
        return String::new();
    }
    let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if code.starts_with('`') || code.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{code}{pad}{fence}")
}

/// The text of a link to an item: a name as code, words as text.
fn link_text(text: &str) -> String {
    let is_name = !text.is_empty() && text.chars().all(|c| c.is_ascii_alphanumeric() || "._".contains(c));
    if is_name {
        code_span(text)
    } else {
        escaped_text(text.trim())
    }
}

/// A URL as a Markdown link target: no space or parenthesis left that would end it.
fn url_text(url: &str) -> String {
    url.replace(' ', "%20")
        .replace('(', "%28")
        .replace(')', "%29")
        .replace('<', "%3C")
        .replace('>', "%3E")
}

/// `path` (from the output's root) as seen from a module `depth` levels below the root.
fn from_root(depth: usize, path: &str) -> String {
    format!("{}{path}", "super::".repeat(depth))
}

/// A paragraph's Markdown on lines of at most [`WIDTH`] columns (unless one word is longer), broken at
/// spaces; a line never starts a list or a heading.
fn wrapped(markdown: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in markdown.split(' ').filter(|word| !word.is_empty()) {
        if !line.is_empty() && line.len() + 1 + word.len() > WIDTH {
            lines.push(std::mem::take(&mut line));
        }
        if line.is_empty() {
            line = safe_line_start(word.to_string());
        } else {
            line.push(' ');
            line.push_str(word);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// One word of prose: a URL as an autolink (`<https://...>`, trailing punctuation left outside), anything
/// else with Markdown's special characters escaped.
fn word(word: &str) -> String {
    if word.starts_with("https://") || word.starts_with("http://") {
        let url = word.trim_end_matches(['.', ',', ';', ':', ')', '!', '?', '"', '\'']);
        return format!("<{url}>{}", &word[url.len()..]);
    }
    // A URL after an opening parenthesis or quote: `(https://...)`.
    if let Some(start) = word.find("https://").or_else(|| word.find("http://")) {
        return format!("{}{}", escaped(&word[..start]), self::word(&word[start..]));
    }
    escaped(word)
}

/// `text` with Markdown's special characters escaped.
fn escaped(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '&' | '|' | '~' | '!'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A line starting with what Markdown reads as a list item or a heading underline (`-`, `+`, `=`, `1.`)
/// gets that character escaped.
fn safe_line_start(word: String) -> String {
    let digits = word.chars().take_while(char::is_ascii_digit).count();
    let list_number = digits > 0 && matches!(word[digits..].chars().next(), Some('.' | ')'));
    if word.starts_with(['-', '+', '=']) {
        format!("\\{word}")
    } else if list_number {
        format!("{}\\{}", &word[..digits], &word[digits..])
    } else {
        word
    }
}

/// The first lines of a borrowed item's docs: a link to its owned form (`top` is `types` or `enums`), by a
/// path relative to the borrowed item (`super::super::super::types::X`), so that it resolves wherever the
/// generated code is included.
pub(super) fn borrowed_form(top: &str, namespace: Option<&str>, rust_name: &str) -> proc_macro2::TokenStream {
    let owned = super::item_path(top, namespace, rust_name);
    // From `borrowed::<top>::<namespace>`: up to the module that holds `borrowed` and the owned types.
    let target = from_root(2 + usize::from(namespace.is_some()), &owned);
    super::doc_lines(&[
        format!("Borrowed form of [`{owned}`]({target}) (text and bytes point into the input;"),
        "`into_owned` copies them).".to_string(),
        String::new(),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Vec<String> {
        prose(&Prose::plain(text), 1)
    }

    #[test]
    fn markdown_and_html_are_escaped_and_urls_linked() {
        assert_eq!(
            plain("Use *bold* `code` [link](x) <b>&amp; see https://core.telegram.org/api. Done"),
            ["Use \\*bold\\* \\`code\\` \\[link\\](x) \\<b\\>\\&amp; see <https://core.telegram.org/api>. Done"]
        );
        assert_eq!(
            plain("(https://t.me/a#b), \"http://x.y\""),
            ["(<https://t.me/a#b>), \"<http://x.y>\""]
        );
        assert_eq!(plain("a_b #tag ~x~"), ["a\\_b \\#tag \\~x\\~"]);
    }

    #[test]
    fn long_prose_is_wrapped_and_lines_never_start_a_list() {
        let text = format!("{}xxxxxx - 2024. + done", "word ".repeat(18));
        let lines = plain(&text);
        assert!(lines.iter().all(|line| line.len() <= WIDTH), "{lines:?}");
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1], "\\- 2024. + done");
        assert_eq!(plain("1. first"), ["1\\. first"]);
    }
}
