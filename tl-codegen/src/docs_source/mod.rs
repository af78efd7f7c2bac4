//! Reading a docs source: mtcute's `api-schema.json` (`{"e": [entries], "u": {Type: description}}`) or
//! `mtp-schema.json` (a bare list), whose entries give each definition's description, its params'
//! descriptions, who may call it (`available`) and the errors it throws (`throws`), in Telegram's HTML.

mod html;

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::Value;

use crate::Error;
use crate::model::{Availability, DefinitionDocs, DocsSource, PossibleError};

/// Reads the docs source at `path`.
pub(crate) fn read(path: &Path) -> Result<DocsSource, Error> {
    let input_error = Error::input_in(path);
    let text = Error::read_input(path)?;
    let value: Value = serde_json::from_str(&text).map_err(|error| input_error(format!("not JSON: {error}")))?;
    let (entries, types) = match &value {
        Value::Array(entries) => (entries.as_slice(), None),
        _ => match value.get("e").and_then(Value::as_array) {
            Some(entries) => (entries.as_slice(), value.get("u")),
            None => return Err(input_error(NOT_DOCS.to_string())),
        },
    };
    let links = link_targets(entries);
    let definition_of = |target: &str| links.get(target).cloned();
    let mut source = DocsSource {
        name: crate::file_name(&path.to_string_lossy()).to_string(),
        ..DocsSource::default()
    };
    for (index, entry) in entries.iter().enumerate() {
        let (name, docs) =
            definition_docs(entry, &definition_of).map_err(|problem| input_error(format!("[{index}]{problem}")))?;
        source.definitions.insert(name, docs);
    }
    for (name, description) in types.and_then(Value::as_object).into_iter().flatten() {
        if let Some(html) = description.as_str() {
            source.types.insert(name.clone(), html::prose(html, &definition_of));
        }
    }
    Ok(source)
}

/// What a docs source must be.
const NOT_DOCS: &str = "a docs source is mtcute's api-schema.json ({\"e\": [...], \"u\": {...}}) or mtp-schema.json \
                        (a list of entries with `comment`s)";

/// The TL name each `{@link}` target of mtcute stands for: `messages.RawRequestUrlAuthRequest` for the
/// method `messages.requestUrlAuth`, `RawUrlAuthResultRequest` for the constructor `urlAuthResultRequest`.
fn link_targets(entries: &[Value]) -> BTreeMap<String, String> {
    let mut targets = BTreeMap::new();
    for entry in entries {
        let (Some(name), Some(kind)) = (
            entry.get("name").and_then(Value::as_str),
            entry.get("kind").and_then(Value::as_str),
        ) else {
            continue;
        };
        let (namespace, base) = match name.rsplit_once('.') {
            Some((namespace, base)) => (format!("{namespace}."), base),
            None => (String::new(), name),
        };
        let mut chars = base.chars();
        let Some(first) = chars.next() else { continue };
        let suffix = if kind == "method" { "Request" } else { "" };
        let target = format!("{namespace}Raw{}{}{suffix}", first.to_ascii_uppercase(), chars.as_str());
        targets.insert(target, name.to_string());
    }
    targets
}

/// One entry's name and docs; an error names the member at fault (`.arguments[2].comment: ...`).
fn definition_docs(
    entry: &Value,
    definition_of: &impl Fn(&str) -> Option<String>,
) -> Result<(String, DefinitionDocs), String> {
    let name = entry
        .get("name")
        .and_then(Value::as_str)
        .ok_or(".name: expected a string")?;
    let prose_of = |value: &Value, key: &str| {
        value
            .get(key)
            .and_then(Value::as_str)
            .map(|html| html::prose(html, definition_of))
    };
    let mut docs = DefinitionDocs {
        id: entry
            .get("id")
            .and_then(Value::as_u64)
            .and_then(|id| u32::try_from(id).ok()),
        description: prose_of(entry, "comment"),
        ..DefinitionDocs::default()
    };
    for argument in entry.get("arguments").and_then(Value::as_array).into_iter().flatten() {
        let param = argument
            .get("name")
            .and_then(Value::as_str)
            .ok_or(".arguments: a param without a name")?;
        if let Some(text) = prose_of(argument, "comment") {
            docs.params.insert(param.to_string(), text);
        }
    }
    docs.available = match entry.get("available").and_then(Value::as_str) {
        Some("user") => Some(Availability::Users),
        Some("bot") => Some(Availability::Bots),
        Some("both") => Some(Availability::Both),
        _ => None,
    };
    for thrown in entry.get("throws").and_then(Value::as_array).into_iter().flatten() {
        let error_name = thrown
            .get("name")
            .and_then(Value::as_str)
            .ok_or(".throws: an error without a name")?;
        docs.errors.push(PossibleError {
            code: thrown
                .get("code")
                .and_then(Value::as_i64)
                .and_then(|code| i32::try_from(code).ok())
                .unwrap_or(0),
            name: error_name.to_string(),
            description: prose_of(thrown, "comment"),
            variant: None,
        });
    }
    Ok((name.strip_prefix("mt_").unwrap_or(name).to_string(), docs))
}
