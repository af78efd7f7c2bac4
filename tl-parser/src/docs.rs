//! Documentation comments: TDLib's tags (`//@description ...`, `//@param_name ...`, `//@class Name
//! @description ...`, several tags on one line, `//-` continuing the last one) or a plain comment block.

/// The docs of a definition or a boxed type: a description and one text per param.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Docs {
    /// What it is: the `@description` tag, or the text of a plain comment block.
    pub description: Option<String>,
    /// `(param, text)` for each `@param` tag, in order.
    pub params: Vec<(String, String)>,
}

impl Docs {
    /// The docs of comment lines (without their `//`).
    pub fn parse(lines: &[&str]) -> Docs {
        let mut docs = Docs::default();
        // The tag the next continuation line extends; `None` for plain text.
        let mut current: Option<String> = None;
        for line in lines {
            let text = line.trim();
            if let Some(continued) = text.strip_prefix('-').filter(|_| current.is_some()) {
                docs.append(current.as_deref(), continued.trim());
            } else if text.starts_with('@') {
                for (tag, value) in tags(text) {
                    // Javadoc's form, in `/** ... */` blocks: `@param name text`.
                    let (tag, value) = match (tag, value.split_once(char::is_whitespace)) {
                        ("param", Some((name, text))) => (name, text.trim_start()),
                        _ => (tag, value),
                    };
                    docs.append(Some(tag), value);
                    current = Some(tag.to_string());
                }
            } else if !text.is_empty() {
                docs.append(None, text);
            }
        }
        docs
    }

    /// Adds `text` to the description (`tag` is `None` or `description`) or to a param's text.
    fn append(&mut self, tag: Option<&str>, text: &str) {
        let slot = match tag {
            None | Some("description") => self.description.get_or_insert_with(String::new),
            Some(param) => match self.params.iter().position(|(name, _)| name == param) {
                Some(index) => &mut self.params[index].1,
                None => {
                    self.params.push((param.to_string(), String::new()));
                    &mut self.params.last_mut().expect("pushed").1
                }
            },
        };
        if !slot.is_empty() && !text.is_empty() {
            slot.push(' ');
        }
        slot.push_str(text);
    }

    /// The text of param `name`, if documented.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(param, _)| param == name)
            .map(|(_, text)| text.as_str())
    }
}

/// The `@tag value` pairs of a line: a tag starts at `@` followed by a name, at the start of the line or
/// after a space (so `e@mail` in a value is not a tag).
fn tags(line: &str) -> Vec<(&str, &str)> {
    let mut starts: Vec<usize> = Vec::new();
    for (index, _) in line.match_indices('@') {
        let at_word = index == 0 || line[..index].ends_with(' ');
        let named = line[index + 1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '_');
        if at_word && named {
            starts.push(index);
        }
    }
    (starts.iter().enumerate())
        .map(|(n, &start)| {
            let end = starts.get(n + 1).copied().unwrap_or(line.len());
            let tag_text = &line[start + 1..end];
            let name_end = tag_text.find(char::is_whitespace).unwrap_or(tag_text.len());
            (&tag_text[..name_end], tag_text[name_end..].trim())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tdlib_tags_several_on_a_line_and_continued() {
        let docs = Docs::parse(&[
            "@description A text with some entities @text The text @entities Entities contained in the text.",
            "-Pre and Code entities can't contain other entities",
        ]);
        assert_eq!(docs.description.as_deref(), Some("A text with some entities"));
        assert_eq!(docs.param("text"), Some("The text"));
        assert_eq!(
            docs.param("entities"),
            Some("Entities contained in the text. Pre and Code entities can't contain other entities")
        );
    }

    #[test]
    fn plain_comments_are_the_description_and_mail_is_not_a_tag() {
        let docs = Docs::parse(&[" The first line,", " and the second; mail me@example.org"]);
        assert_eq!(
            docs.description.as_deref(),
            Some("The first line, and the second; mail me@example.org")
        );
        assert!(docs.params.is_empty());
    }
}
