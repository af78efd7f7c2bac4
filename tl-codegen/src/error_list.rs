//! Reading error lists into one [`ErrorList`]: mtcute's `raw-errors.json` (`{"errors": {NAME: {code,
//! description, _paramNames}}, "throws": {method: [NAME]}}`, needs the `json` feature), Telethon's
//! `errors.csv` (`name,codes,description`, a number written `_X`, its name in the description as
//! `{seconds}`), and Pyrogram's `.tsv` files (`id<TAB>message`, one file per code, named like
//! `420_FLOOD.tsv`). Numbers are written `%d` in the list read (`FLOOD_WAIT_X` is `FLOOD_WAIT_%d`).

use std::path::Path;

use crate::Error;
use crate::model::{ErrorList, ListedError, Prose};

/// Adds the error list at `path` to `list` (its format by its extension: `.json`, `.csv`, `.tsv`).
pub(crate) fn read_into(list: &mut ErrorList, path: &Path) -> Result<(), Error> {
    let text = Error::read_input(path)?;
    let input_error = Error::input_in(path);
    let name = crate::file_name(&path.to_string_lossy()).to_string();
    match path.extension().and_then(|e| e.to_str()) {
        Some("json") => read_json(list, &text, path).map_err(input_error)?,
        Some("csv") => read_csv(list, &text).map_err(input_error)?,
        Some("tsv") => read_tsv(list, &text, &name).map_err(input_error)?,
        _ => return Err(input_error(NOT_A_LIST.to_string())),
    }
    list.sources.push(name);
    Ok(())
}

/// What an error list must be.
const NOT_A_LIST: &str = "an error list is mtcute's raw-errors.json, Telethon's errors.csv \
                          (name,codes,description) or a Pyrogram .tsv file named after its code (400_BAD_REQUEST.tsv)";

/// mtcute's raw-errors.json.
#[cfg(feature = "json")]
fn read_json(list: &mut ErrorList, text: &str, _path: &Path) -> Result<(), String> {
    use serde_json::Value;
    let value: Value = serde_json::from_str(text).map_err(|error| format!("not JSON: {error}"))?;
    let errors = value.get("errors").and_then(Value::as_object).ok_or(NOT_A_LIST)?;
    for (name, error) in errors {
        let code = (error.get("code").and_then(Value::as_i64))
            .and_then(|code| i32::try_from(code).ok())
            .ok_or_else(|| format!("errors.{name}.code: expected a 32-bit number"))?;
        let description = error.get("description").and_then(Value::as_str);
        let number_name = (error.pointer("/_paramNames/0").and_then(Value::as_str)).map(String::from);
        add(list, name, &[code], description, number_name);
    }
    for (function, names) in value.get("throws").and_then(Value::as_object).into_iter().flatten() {
        let names = names
            .as_array()
            .ok_or_else(|| format!("throws.{function}: expected a list"))?;
        let names = names.iter().filter_map(Value::as_str).map(String::from);
        list.throws.entry(function.clone()).or_default().extend(names);
    }
    Ok(())
}

/// Without the `json` feature, raw-errors.json cannot be read.
#[cfg(not(feature = "json"))]
fn read_json(_list: &mut ErrorList, _text: &str, path: &Path) -> Result<(), String> {
    Err(format!("reading {} needs tl-codegen's `json` feature", path.display()))
}

/// Telethon's errors.csv: a header, then `name,codes,description` (codes space-separated).
fn read_csv(list: &mut ErrorList, text: &str) -> Result<(), String> {
    let mut lines = text.lines().enumerate().filter(|(_, line)| !line.trim().is_empty());
    match lines.next().map(|(_, header)| csv_fields(header)) {
        Some(header) if header.first().map(String::as_str) == Some("name") => {}
        _ => return Err("the first line is not the header `name,codes,description`".to_string()),
    }
    for (index, line) in lines {
        let fields = csv_fields(line);
        let [name, codes, description] = fields.as_slice() else {
            return Err(format!(
                "line {}: expected 3 fields (name,codes,description)",
                index + 1
            ));
        };
        let codes: Vec<i32> = (codes.split_whitespace().map(str::parse))
            .collect::<Result<_, _>>()
            .map_err(|_| format!("line {}: the codes are not numbers: `{codes}`", index + 1))?;
        let number_name = placeholder(description);
        add(list, &numbered(name), &codes, Some(description), number_name);
    }
    Ok(())
}

/// A Pyrogram .tsv: a header (`id<TAB>message`), then `NAME<TAB>description`; the code is the file name's
/// leading number.
fn read_tsv(list: &mut ErrorList, text: &str, file_name: &str) -> Result<(), String> {
    let digits: String = file_name.chars().take_while(char::is_ascii_digit).collect();
    let code: i32 = digits
        .parse()
        .map_err(|_| format!("the file name `{file_name}` does not start with its code (400_BAD_REQUEST.tsv)"))?;
    for (index, line) in text
        .lines()
        .enumerate()
        .skip(1)
        .filter(|(_, line)| !line.trim().is_empty())
    {
        let (name, description) = line
            .split_once('\t')
            .ok_or_else(|| format!("line {}: expected `NAME<TAB>description`", index + 1))?;
        add(
            list,
            &numbered(name.trim()),
            &[code],
            Some(description.trim()),
            placeholder(description),
        );
    }
    Ok(())
}

/// Adds one error (its codes merged with those it already has).
fn add(list: &mut ErrorList, name: &str, codes: &[i32], description: Option<&str>, number_name: Option<String>) {
    let entry: &mut ListedError = list.errors.entry(name.to_string()).or_default();
    entry.codes.extend(codes);
    entry.codes.sort_unstable();
    entry.codes.dedup();
    if let Some(text) = description.filter(|text| !text.is_empty()) {
        entry.description = Some(Prose::plain(text));
    }
    entry.number_name = number_name.or(entry.number_name.take());
}

/// A name with its number written `X` (Telethon's and Pyrogram's `FLOOD_WAIT_X`, and `..._WAIT_XMIN`
/// in minutes) written `%d`.
fn numbered(name: &str) -> String {
    let parts: Vec<&str> = (name.split('_'))
        .map(|part| match part {
            "X" => "%d",
            "XMIN" => "%dMIN",
            other => other,
        })
        .collect();
    parts.join("_")
}

/// The name in a description's first `{name}` (Telethon's `A wait of {seconds} seconds`); Pyrogram's
/// `{value}` names nothing (the number's field is then named by what the error is).
fn placeholder(description: &str) -> Option<String> {
    let start = description.find('{')? + 1;
    let end = description[start..].find('}')? + start;
    let name = &description[start..end];
    let named = !name.is_empty() && name != "value" && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    named.then(|| name.to_string())
}

/// The fields of one CSV line: separated by commas, a field in double quotes may hold commas and `""`.
/// (Written here rather than with a CSV crate: a build script needs nothing more for one small file.)
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        let field = fields.last_mut().expect("one at least");
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            _ => field.push(c),
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn telethons_csv_and_pyrograms_tsv_are_read() {
        let mut list = ErrorList::default();
        read_csv(&mut list, "name,codes,description\nFLOOD_WAIT_X,420,\"Wait {seconds}, then retry\"\nAUTH_KEY_INVALID,401 406,Bad key\n").expect("csv");
        read_tsv(
            &mut list,
            "id\tmessage\nFILE_PART_X_MISSING\tPart {which} is missing\n",
            "400_BAD_REQUEST.tsv",
        )
        .expect("tsv");
        let minutes = "id\tmessage\nIMPORT_WAIT_XMIN\tWait {value} minutes\n";
        read_tsv(&mut list, minutes, "406_NOT_ACCEPTABLE.tsv").expect("tsv");
        assert_eq!(
            list.errors["IMPORT_WAIT_%dMIN"].number_name, None,
            "`{{value}}` names nothing"
        );
        let flood = &list.errors["FLOOD_WAIT_%d"];
        assert_eq!(
            (flood.codes.as_slice(), flood.number_name.as_deref()),
            (&[420][..], Some("seconds"))
        );
        assert_eq!(
            flood.description.as_ref().map(Prose::text).as_deref(),
            Some("Wait {seconds}, then retry")
        );
        assert_eq!(list.errors["AUTH_KEY_INVALID"].codes, [401, 406]);
        assert_eq!(
            list.errors["FILE_PART_%d_MISSING"].number_name.as_deref(),
            Some("which")
        );
    }

    #[test]
    fn bad_lists_are_readable_errors() {
        let mut list = ErrorList::default();
        assert_eq!(
            read_csv(&mut list, "a,b\n"),
            Err("the first line is not the header `name,codes,description`".into())
        );
        assert_eq!(
            read_csv(&mut list, "name,codes,description\nX,4x0,y\n"),
            Err("line 2: the codes are not numbers: `4x0`".into())
        );
        assert!(
            read_tsv(&mut list, "id\tmessage\n", "errors.tsv")
                .expect_err("no code")
                .contains("does not start with its code")
        );
    }
}
