//! Schemas written as JSON, read as the TL lines they stand for: mtcute's `api-schema.json` (`{"l":
//! layer, "e": [entries]}`) and `mtp-schema.json` (a bare list of entries, names prefixed `mt_`), and
//! Telegram's own schema JSON (`{"constructors": [...], "methods": [...]}`, ids as signed decimal
//! strings). Each definition becomes one `.tl` line with its id written out, so the parser checks every
//! id against its TL hash as it does for `.tl` files, and the same definitions from JSON or from `.tl`
//! generate the same code.

use serde_json::Value;
use tl_parser::{Diagnostic, Diagnostics, SourceFile, Span};

use crate::{Error, SchemaErrors};

/// `file`, a JSON schema, as TL text (same name): a readable error, with the JSON's line and column,
/// when it is not JSON or not a schema of a known form.
pub(crate) fn to_tl(file: &SourceFile) -> Result<SourceFile, Error> {
    let value: Value = serde_json::from_str(&file.text).map_err(|error| {
        let offset = offset_of(&file.text, error.line(), error.column());
        located(file, offset, format!("not JSON: {error}"))
    })?;
    let text = schema_text(&value).map_err(|problem| Error::Input {
        path: file.name.clone().into(),
        message: format!(
            "{problem} (a JSON schema is mtcute's api-schema.json or mtp-schema.json, or \
                          Telegram's schema JSON: {{\"constructors\": [...], \"methods\": [...]}})"
        ),
    })?;
    Ok(SourceFile::new(file.name.clone(), text))
}

/// A schema error pointing at `offset` of `file`.
fn located(file: &SourceFile, offset: usize, message: String) -> Error {
    let end = (offset + 1).min(file.text.len());
    let start = offset.min(end);
    let mut diagnostics = Diagnostics::default();
    diagnostics.push(Diagnostic::error(Span::new(0, start, end), message));
    Error::Schema(SchemaErrors::new(std::slice::from_ref(file), diagnostics))
}

/// The byte offset of a 1-based line and column (serde_json's).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (line_start + column.saturating_sub(1)).min(text.len())
}

/// The TL text of a schema value of any of the three forms.
fn schema_text(value: &Value) -> Result<String, String> {
    if let Some(entries) = value.get("e").and_then(Value::as_array) {
        let layer = value.get("l").and_then(Value::as_u64);
        return mtcute_text(entries, "e", layer);
    }
    if let Some(entries) = value.as_array() {
        return mtcute_text(entries, "", None);
    }
    if value.get("constructors").is_some() || value.get("methods").is_some() {
        return telegram_text(value);
    }
    Err("a JSON schema has `e` (mtcute), `constructors` and `methods` (Telegram), or is a list".into())
}

/// mtcute's entries as TL: constructors, then functions, then `// LAYER N`.
fn mtcute_text(entries: &[Value], at: &str, layer: Option<u64>) -> Result<String, String> {
    let mut constructors = String::new();
    let mut functions = String::new();
    for (index, entry) in entries.iter().enumerate() {
        let at = format!("{at}[{index}]");
        let line = mtcute_line(entry, &at)?;
        match string(entry, "kind", &at)? {
            "class" => constructors.push_str(&line),
            "method" => functions.push_str(&line),
            other => return Err(format!("{at}.kind: `{other}` is neither `class` nor `method`")),
        }
    }
    Ok(assemble(&constructors, &functions, layer))
}

/// Constructor lines, function lines, and the layer, as one `.tl` text.
fn assemble(constructors: &str, functions: &str, layer: Option<u64>) -> String {
    let mut text = String::from(constructors);
    if !functions.is_empty() {
        text.push_str("\n---functions---\n\n");
        text.push_str(functions);
    }
    if let Some(layer) = layer {
        text.push_str(&format!("\n// LAYER {layer}\n"));
    }
    text
}

/// One mtcute entry as a TL line.
fn mtcute_line(entry: &Value, at: &str) -> Result<String, String> {
    let name = without_mt(checked(string(entry, "name", at)?, NAME, at)?);
    let id = (entry.get("id").and_then(Value::as_u64))
        .and_then(|id| u32::try_from(id).ok())
        .ok_or_else(|| format!("{at}.id: expected a number from 0 to 4294967295"))?;
    let result = checked(string(entry, "type", at)?, TYPE, at)?;
    let mut line = format!("{name}#{id:08x}");
    for (index, generic) in array(entry, "generics", at)?.iter().enumerate() {
        let at = format!("{at}.generics[{index}]");
        let generic_name = checked(string(generic, "name", &at)?, NAME, &at)?;
        line.push_str(&format!(
            " {{{generic_name}:{}}}",
            checked(string(generic, "type", &at)?, TYPE, &at)?
        ));
    }
    for (index, argument) in array(entry, "arguments", at)?.iter().enumerate() {
        line.push(' ');
        line.push_str(&mtcute_param(argument, &format!("{at}.arguments[{index}]"))?);
    }
    let mut result = mtcute_type(result);
    if entry.pointer("/typeModifiers/isVector").and_then(Value::as_bool) == Some(true) {
        result = format!("Vector<{result}>");
    }
    Ok(format!("{line} = {result};\n"))
}

/// One mtcute argument as a TL param: `name:flags.N?Vector<T>`.
fn mtcute_param(argument: &Value, at: &str) -> Result<String, String> {
    let name = checked(string(argument, "name", at)?, NAME, at)?;
    let mut ty = mtcute_type(checked(string(argument, "type", at)?, TYPE, at)?);
    let modifiers = argument.get("typeModifiers");
    let flag = |key: &str| modifiers.and_then(|m| m.get(key)).and_then(Value::as_bool) == Some(true);
    if flag("isBareType") && ty.starts_with(|c: char| c.is_ascii_uppercase()) {
        ty = format!("%{ty}");
    }
    if flag("isVector") {
        ty = format!("Vector<{ty}>");
    } else if flag("isBareVector") {
        ty = format!("vector<{ty}>");
    }
    match modifiers.and_then(|m| m.get("predicate")) {
        None => Ok(format!("{name}:{ty}")),
        Some(predicate) => {
            let predicate = predicate
                .as_str()
                .ok_or_else(|| format!("{at}.typeModifiers.predicate: expected a string"))?;
            Ok(format!("{name}:{}?{ty}", checked(predicate, NAME, at)?))
        }
    }
}

/// A type as mtcute writes it, as TL: `int53` (mtcute's `long` read as a JS number) is `long`, and the
/// `mt_` prefix of MTProto's names is dropped.
fn mtcute_type(ty: &str) -> String {
    match ty {
        "int53" => "long".to_string(),
        _ => without_mt(ty).to_string(),
    }
}

/// `name` without mtcute's `mt_` prefix for MTProto's service definitions.
fn without_mt(name: &str) -> &str {
    name.strip_prefix("mt_").unwrap_or(name)
}

/// Telegram's schema JSON as TL (it names no layer).
fn telegram_text(value: &Value) -> Result<String, String> {
    let mut texts = [String::new(), String::new()];
    for (text, (key, name_key)) in texts
        .iter_mut()
        .zip([("constructors", "predicate"), ("methods", "method")])
    {
        for (index, entry) in array(value, key, "")?.iter().enumerate() {
            if entry.get(name_key).and_then(Value::as_str) == Some("vector") {
                continue; // `vector {t:Type} # [ t ] = Vector t`, TL's built-in, written with no params
            }
            text.push_str(&telegram_line(entry, name_key, &format!("{key}[{index}]"))?);
        }
    }
    Ok(assemble(&texts[0], &texts[1], None))
}

/// One of Telegram's entries as a TL line; `{X:Type}` written for each `!X` param.
fn telegram_line(entry: &Value, name_key: &str, at: &str) -> Result<String, String> {
    let name = checked(string(entry, name_key, at)?, NAME, at)?;
    let id: i32 = (string(entry, "id", at)?.parse())
        .map_err(|_| format!("{at}.id: expected a signed 32-bit decimal, as a string"))?;
    let mut params = String::new();
    let mut generics = String::new();
    for (index, param) in array(entry, "params", at)?.iter().enumerate() {
        let at = format!("{at}.params[{index}]");
        let ty = checked(string(param, "type", &at)?, TYPE, &at)?;
        if let Some(generic) = ty.strip_prefix('!') {
            generics.push_str(&format!(" {{{generic}:Type}}"));
        }
        params.push_str(&format!(" {}:{ty}", checked(string(param, "name", &at)?, NAME, &at)?));
    }
    let result = checked(string(entry, "type", at)?, TYPE, at)?;
    Ok(format!("{name}#{:08x}{generics}{params} = {result};\n", id as u32))
}

/// Characters a name may have (a predicate `flags.3` too).
const NAME: &str = "_.";
/// Characters a type may have beyond a name's.
const TYPE: &str = "_.<>%!#?";

/// `text` if it is not empty and made of ASCII letters, digits and `extra`; else an error at `at`, so
/// that no JSON text can write TL syntax of its own (`;`, `=`, a comment).
fn checked<'v>(text: &'v str, extra: &str, at: &str) -> Result<&'v str, String> {
    let fine = |c: char| c.is_ascii_alphanumeric() || extra.contains(c);
    if !text.is_empty() && text.chars().all(fine) {
        Ok(text)
    } else {
        Err(format!("{at}: `{}` is not a TL name or type", text.escape_debug()))
    }
}

/// The string member `key` of `value`.
fn string<'v>(value: &'v Value, key: &str, at: &str) -> Result<&'v str, String> {
    (value.get(key).and_then(Value::as_str)).ok_or_else(|| format!("{at}.{key}: expected a string"))
}

/// The array member `key` of `value` (an absent one is empty).
fn array<'v>(value: &'v Value, key: &str, at: &str) -> Result<&'v [Value], String> {
    match value.get(key) {
        None => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(format!("{at}.{key}: expected a list")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tl_of(json: &str) -> String {
        to_tl(&SourceFile::new("s.json", json)).expect("a schema").text
    }

    #[test]
    fn mtcute_entries_are_tl_lines() {
        let json = r##"{"l":223,"e":[
            {"kind":"class","name":"a","type":"A","id":1,"arguments":[
                {"name":"flags","type":"#"},
                {"name":"x","type":"int53","typeModifiers":{"predicate":"flags.0","isVector":true}},
                {"name":"t","type":"true","typeModifiers":{"predicate":"flags.1"}}]},
            {"kind":"method","name":"ns.f","type":"X","id":4294967295,"generics":[{"name":"X","type":"Type"}],
             "arguments":[{"name":"q","type":"!X"}]}]}"##;
        assert_eq!(
            tl_of(json),
            "a#00000001 flags:# x:flags.0?Vector<long> t:flags.1?true = A;\n\n---functions---\n\n\
             ns.f#ffffffff {X:Type} q:!X = X;\n\n// LAYER 223\n"
        );
    }

    #[test]
    fn mtproto_names_lose_their_prefix_and_bare_vectors_stay_bare() {
        let json = r#"[{"kind":"class","name":"mt_future_salts","type":"FutureSalts","id":2924480661,
            "arguments":[{"name":"salts","type":"mt_future_salt",
            "typeModifiers":{"isBareVector":true,"isBareType":true}}]}]"#;
        assert_eq!(
            tl_of(json),
            "future_salts#ae500895 salts:vector<future_salt> = FutureSalts;\n"
        );
    }

    #[test]
    fn telegram_json_ids_are_signed_and_generics_inferred() {
        let json = r#"{"constructors":[{"id":"-1132882121","predicate":"boolFalse","params":[],"type":"Bool"}],
            "methods":[{"id":"-878758099","method":"invokeAfterMsg","params":[{"name":"msg_id","type":"long"},
            {"name":"query","type":"!X"}],"type":"X"}]}"#;
        assert_eq!(
            tl_of(json),
            "boolFalse#bc799737 = Bool;\n\n---functions---\n\n\
             invokeAfterMsg#cb9f372d {X:Type} msg_id:long query:!X = X;\n"
        );
    }

    #[test]
    fn bad_json_is_a_located_error() {
        let file = SourceFile::new("bad.json", "{\"e\": [\n  {\"kind\": }\n]}");
        let error = to_tl(&file).expect_err("not JSON").to_string();
        assert!(error.contains("bad.json:2:"), "{error}");
        assert!(error.contains("not JSON"), "{error}");
    }

    #[test]
    fn json_cannot_write_tl_syntax() {
        let json = r#"[{"kind":"class","name":"a = B; b","type":"A","id":1,"arguments":[]}]"#;
        let error = to_tl(&SourceFile::new("s.json", json))
            .expect_err("refused")
            .to_string();
        assert!(error.contains("[0]: `a = B; b` is not a TL name or type"), "{error}");
        let json = r#"[{"kind":"class","name":"a","type":"A","id":-1,"arguments":[]}]"#;
        let error = to_tl(&SourceFile::new("s.json", json))
            .expect_err("refused")
            .to_string();
        assert!(error.contains("[0].id: expected a number"), "{error}");
    }
}
