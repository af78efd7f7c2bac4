//! Schema prose as rustdoc: escaped so that TL text cannot turn into links, emphasis, code, headings or
//! HTML (`[`, `*`, `_`, backticks, `<`, a leading `#`, ...), bare URLs made into autolinks (rustdoc warns
//! about bare ones), and wrapped into lines of at most [`WIDTH`] columns.

use crate::ident;
use crate::model::{Condition, Field, FieldKind, Item, Member};

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
pub(super) fn field_docs(item: &Item, field: &Field) -> Vec<String> {
    let mut lines = described(field.description.as_deref());
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

/// What `condition` tests of its word `flags`: "bit 3 of `flags`", or "any bit of `n`" (TL-formal's `n?`).
pub(super) fn condition_bits(condition: &Condition, flags: &str) -> String {
    match condition.bit {
        Some(bit) => format!("bit {bit} of `{flags}`"),
        None => format!("any bit of `{flags}`"),
    }
}

/// The docs of a member of a group struct.
pub(super) fn member_docs(member: &Member) -> Vec<String> {
    let mut lines = described(member.description.as_deref());
    lines.push(format!("`{}`.{}", member.tl_param, rust_spelling(&member.rust_name)));
    lines
}

/// The schema's description as prose lines and an empty line, or nothing.
fn described(description: Option<&str>) -> Vec<String> {
    let mut lines = description.map(prose).unwrap_or_default();
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

/// `text` as rustdoc lines.
pub(super) fn prose(text: &str) -> Vec<String> {
    let words: Vec<String> = text.split_whitespace().map(word).collect();
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in words {
        if !line.is_empty() && line.len() + 1 + word.len() > WIDTH {
            lines.push(std::mem::take(&mut line));
        }
        if line.is_empty() {
            line = safe_line_start(word);
        } else {
            line.push(' ');
            line.push_str(&word);
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
    let supers = "super::".repeat(2 + usize::from(namespace.is_some()));
    super::doc_lines(&[
        format!("Borrowed form of [`{owned}`]({supers}{owned}) (text and bytes point into the input;"),
        "`into_owned` copies them).".to_string(),
        String::new(),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_and_html_are_escaped_and_urls_linked() {
        assert_eq!(
            prose("Use *bold* `code` [link](x) <b>&amp; see https://core.telegram.org/api. Done"),
            ["Use \\*bold\\* \\`code\\` \\[link\\](x) \\<b\\>\\&amp; see <https://core.telegram.org/api>. Done"]
        );
        assert_eq!(
            prose("(https://t.me/a#b), \"http://x.y\""),
            ["(<https://t.me/a#b>), \"<http://x.y>\""]
        );
        assert_eq!(prose("a_b #tag ~x~"), ["a\\_b \\#tag \\~x\\~"]);
    }

    #[test]
    fn long_prose_is_wrapped_and_lines_never_start_a_list() {
        let text = format!("{}xxxxxx - 2024. + done", "word ".repeat(18));
        let lines = prose(&text);
        assert!(lines.iter().all(|line| line.len() <= WIDTH), "{lines:?}");
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[1], "\\- 2024. + done");
        assert_eq!(prose("1. first"), ["1\\. first"]);
    }
}
