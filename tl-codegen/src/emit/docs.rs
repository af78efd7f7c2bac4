//! Schema prose as rustdoc: escaped so that TL text cannot turn into links, emphasis, code, headings or
//! HTML (`[`, `*`, `_`, backticks, `<`, a leading `#`, ...), bare URLs made into autolinks (rustdoc warns
//! about bare ones), and wrapped into lines of at most [`WIDTH`] columns.

/// The widest line of prose in a doc comment.
const WIDTH: usize = 96;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_and_html_are_escaped_and_urls_linked() {
        assert_eq!(
            prose("Use *bold* `code` [link](x) <b>&amp; see https://core.telegram.org/api. Done"),
            ["Use \\*bold\\* \\`code\\` \\[link\\](x) \\<b\\>\\&amp; see <https://core.telegram.org/api>. Done"]
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
