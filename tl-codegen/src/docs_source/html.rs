//! The HTML of Telegram's descriptions (as mtcute ships them) read into [`Prose`] spans: `<a href>`,
//! `<code>`, `<strong>`/`<b>`, `<em>`/`<i>`, `<br>`, `<pre>`, `<del>`, `<img alt>`, entities, and
//! mtcute's `{@link Name}`. Links to Telegram's pages of a constructor, method or type, and `{@link}`s,
//! become links to definitions; any other tag is kept as text (escaped when printed), never dropped
//! silently and never passed through as HTML.

use crate::model::{Prose, ProseSpan as Span};

/// `html` as prose; `definition_of` gives the TL name an mtcute `{@link}` target stands for.
pub(crate) fn prose(html: &str, definition_of: &impl Fn(&str) -> Option<String>) -> Prose {
    let mut reader = Reader {
        spans: Vec::new(),
        text: String::new(),
    };
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        rest = if let Some(after) = rest.strip_prefix("{@link ") {
            reader.link(after, definition_of)
        } else if c == '<' {
            reader.tag(rest)
        } else if c == '&' {
            let (decoded, after) = entity(rest);
            reader.text.push_str(&decoded);
            after
        } else {
            reader.text.push(c);
            &rest[c.len_utf8()..]
        };
    }
    reader.flush();
    Prose { spans: reader.spans }
}

/// Spans read so far, and the text not yet made one.
struct Reader {
    spans: Vec<Span>,
    text: String,
}

impl Reader {
    fn flush(&mut self) {
        if !self.text.is_empty() {
            self.spans.push(Span::Text(std::mem::take(&mut self.text)));
        }
    }

    fn push(&mut self, span: Span) {
        self.flush();
        self.spans.push(span);
    }

    /// `{@link Target}` (`rest` after `{@link `): a link to the definition it stands for, or code.
    fn link<'h>(&mut self, rest: &'h str, definition_of: &impl Fn(&str) -> Option<String>) -> &'h str {
        let Some(end) = rest.find('}') else {
            self.text.push_str("{@link ");
            return rest;
        };
        let target = rest[..end].trim();
        match definition_of(target) {
            Some(tl_name) => self.push(Span::Definition {
                text: tl_name.clone(),
                tl_name,
            }),
            None => self.push(Span::Code(target.to_string())),
        }
        &rest[end + 1..]
    }

    /// A tag at the start of `rest`: read with its content, or kept as text when unknown.
    fn tag<'h>(&mut self, rest: &'h str) -> &'h str {
        let Some(close) = rest.find('>') else {
            self.text.push('<');
            return &rest[1..];
        };
        let inside = &rest[1..close];
        let name: String = inside
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        let after = &rest[close + 1..];
        match name.as_str() {
            "br" => self.push(Span::Break),
            "img" => self.text.push_str(&attribute(inside, "alt").unwrap_or_default()),
            "a" | "code" | "pre" | "strong" | "b" | "em" | "i" | "del" | "s" => {
                if let Some((content, after)) = element_content(after, &name) {
                    self.element(&name, inside, &text_of(content));
                    return after;
                }
                self.text.push_str(&rest[..close + 1]);
            }
            // Closing tags of the elements above are consumed with them; a stray one, and any tag not
            // known here (`<bot>` in a description is text), stays as text.
            _ => self.text.push_str(&rest[..close + 1]),
        }
        after
    }

    /// The span of element `name` (its opening tag's inside `tag`) with text `content`.
    fn element(&mut self, name: &str, tag: &str, content: &str) {
        let span = match name {
            "a" => match attribute(tag, "href") {
                Some(href) => link_span(&href, content),
                None => Span::Text(content.to_string()),
            },
            "code" | "pre" => Span::Code(content.to_string()),
            "strong" | "b" => Span::Strong(content.to_string()),
            "em" | "i" => Span::Emphasis(content.to_string()),
            _ => Span::Text(content.to_string()),
        };
        self.push(span);
    }
}

/// The content of an element whose opening tag just ended, and what follows its closing tag.
fn element_content<'h>(after_open: &'h str, name: &str) -> Option<(&'h str, &'h str)> {
    let closing = format!("</{name}>");
    let end = after_open.to_ascii_lowercase().find(&closing)?;
    Some((&after_open[..end], &after_open[end + closing.len()..]))
}

/// A link: to a definition when `href` is Telegram's page of a constructor, method or type.
fn link_span(href: &str, text: &str) -> Span {
    let url = match href.strip_prefix('/') {
        Some(path) => format!("https://core.telegram.org/{path}"),
        None => href.to_string(),
    };
    let page =
        (url.strip_prefix("https://core.telegram.org/")).or_else(|| url.strip_prefix("https://corefork.telegram.org/"));
    let definition = page.and_then(|page| {
        let (kind, name) = page.split_once('/')?;
        let is_name = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || "._".contains(c));
        (matches!(kind, "constructor" | "method" | "type") && is_name).then(|| name.to_string())
    });
    match definition {
        Some(tl_name) => Span::Definition {
            text: text.to_string(),
            tl_name,
        },
        // Only web links: a `javascript:` or `data:` one would run in the rendered docs.
        None if url.starts_with("https://") || url.starts_with("http://") => Span::Link {
            text: text.to_string(),
            url,
        },
        None => Span::Text(text.to_string()),
    }
}

/// The text of some HTML: tags dropped, entities decoded.
fn text_of(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        rest = match c {
            '<' => rest.find('>').map_or(&rest[1..], |end| &rest[end + 1..]),
            '&' => {
                let (decoded, after) = entity(rest);
                out.push_str(&decoded);
                after
            }
            _ => {
                out.push(c);
                &rest[c.len_utf8()..]
            }
        };
    }
    out
}

/// The value of attribute `name` in a tag's inside (`a href="..."`), entities decoded.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let end = tag[start..].find('"')? + start;
    Some(text_of(&tag[start..end]))
}

/// The entity at the start of `rest` (`&amp;`) decoded, and what follows it; an unknown one is `&`.
fn entity(rest: &str) -> (String, &str) {
    let Some(end) = rest.find(';').filter(|&end| end <= 10) else {
        return ("&".to_string(), &rest[1..]);
    };
    let decoded = match &rest[1..end] {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" | "#39" => Some('\''),
        "nbsp" => Some(' '),
        number => (number.strip_prefix('#').and_then(|n| n.parse::<u32>().ok())).and_then(char::from_u32),
    };
    match decoded {
        Some(c) => (c.to_string(), &rest[end + 1..]),
        None => ("&".to_string(), &rest[1..]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(html: &str) -> Vec<Span> {
        let links = |target: &str| {
            (target == "messages.RawRequestUrlAuthRequest").then(|| "messages.requestUrlAuth".to_string())
        };
        prose(html, &links).spans
    }

    #[test]
    fn tags_become_spans() {
        assert_eq!(
            spans(
                "Call {@link messages.RawRequestUrlAuthRequest} with <code>button_id</code>.<br><br><strong>NOTE</strong>: check <a href=\"https://corefork.telegram.org/widgets/login#checking-authorization\">the hash</a> &amp; <a href=\"/constructor/user\">user</a>"
            ),
            [
                Span::Text("Call ".into()),
                Span::Definition {
                    text: "messages.requestUrlAuth".into(),
                    tl_name: "messages.requestUrlAuth".into()
                },
                Span::Text(" with ".into()),
                Span::Code("button_id".into()),
                Span::Text(".".into()),
                Span::Break,
                Span::Break,
                Span::Strong("NOTE".into()),
                Span::Text(": check ".into()),
                Span::Link {
                    text: "the hash".into(),
                    url: "https://corefork.telegram.org/widgets/login#checking-authorization".into()
                },
                Span::Text(" & ".into()),
                Span::Definition {
                    text: "user".into(),
                    tl_name: "user".into()
                },
            ]
        );
    }

    #[test]
    fn unknown_tags_and_broken_html_stay_text() {
        assert_eq!(spans("t.me/<bot>?start=x"), [Span::Text("t.me/<bot>?start=x".into())]);
        assert_eq!(
            spans("a <code>never closed"),
            [Span::Text("a <code>never closed".into())]
        );
        assert_eq!(
            spans("1 < 2 &bogus; {@link Nothing}"),
            [Span::Text("1 < 2 &bogus; ".into()), Span::Code("Nothing".into())]
        );
        assert_eq!(
            spans("end */ <script>x</script>"),
            [Span::Text("end */ <script>x</script>".into())]
        );
    }
}
