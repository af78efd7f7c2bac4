//! Documentation text in the model: a schema's own comments (plain text) or a docs source's descriptions
//! (HTML read into spans: code, emphasis, links, links to other definitions). The model resolves links to
//! definitions into paths of generated items ([`Span::Item`]); the emitter only prints spans as Markdown.

/// Documentation text: spans in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prose {
    /// The spans; whitespace between words is inside [`Span::Text`].
    pub spans: Vec<Span>,
}

/// One run of documentation text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Span {
    /// Plain text (Markdown's characters are escaped when printed).
    Text(String),
    /// Inline code: `<code>`.
    Code(String),
    /// `<strong>`, `<b>`.
    Strong(String),
    /// `<em>`, `<i>`.
    Emphasis(String),
    /// A link to a page.
    Link {
        /// What the link says.
        text: String,
        /// Where it goes (absolute).
        url: String,
    },
    /// A link to a TL definition or type by name, before the model resolves it.
    Definition {
        /// What the link says.
        text: String,
        /// The TL name: `messages.requestUrlAuth`, a type `UrlAuthResult`.
        tl_name: String,
    },
    /// A link to a generated item: its path from the output's root module
    /// (`functions::messages::RequestUrlAuth`).
    Item {
        /// What the link says.
        text: String,
        /// The item's path from the output's root.
        path: String,
    },
    /// A paragraph break (`<br>`).
    Break,
}

impl Prose {
    /// Plain text, as a schema's comment gives it.
    pub fn plain(text: impl Into<String>) -> Self {
        Prose {
            spans: vec![Span::Text(text.into())],
        }
    }

    /// The words of the text without markup, for what reads the description (TDLib's "may be null").
    pub fn text(&self) -> String {
        let mut out = String::new();
        for span in &self.spans {
            match span {
                Span::Text(text) | Span::Code(text) | Span::Strong(text) | Span::Emphasis(text) => out.push_str(text),
                Span::Link { text, .. } | Span::Definition { text, .. } | Span::Item { text, .. } => out.push_str(text),
                Span::Break => out.push('\n'),
            }
        }
        out
    }

    /// The same prose with each link to a definition made a link to its item by `path_of` (its path from
    /// the output's root), or inline code when it has none (not generated).
    pub fn resolved(&self, path_of: &impl Fn(&str) -> Option<String>) -> Prose {
        let spans = (self.spans.iter())
            .map(|span| match span {
                Span::Definition { text, tl_name } => match path_of(tl_name) {
                    Some(path) => Span::Item {
                        text: text.clone(),
                        path,
                    },
                    None => Span::Code(text.clone()),
                },
                other => other.clone(),
            })
            .collect();
        Prose { spans }
    }
}
