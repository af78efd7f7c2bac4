//! The query string of a login: split on `&`, each part split at its first `=`, then the key and the value
//! percent-decoded (`+` is a space, as in HTML forms). Refused rather than guessed: a `%` not followed
//! by two hex digits, bytes that are not UTF-8, a key given twice (which value was signed?), and a line
//! feed in a key or value (it could forge a line of the signed string).

use std::collections::BTreeMap;

use percent_encoding::percent_decode;

use crate::LoginError;

/// The fields of a login, by key (sorted bytewise, the order of the data-check-string).
pub type Fields = BTreeMap<String, String>;

/// Parses a raw query string (`id=1&first_name=Ann&hash=...`, with or without a leading `?`).
pub fn parse_query(query: &str) -> Result<Fields, LoginError> {
    let query = query.strip_prefix('?').unwrap_or(query);
    let pairs = (query.split('&')).filter(|part| !part.is_empty()).map(|part| {
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        Ok((decode(key)?, decode(value)?))
    });
    fields(pairs.collect::<Result<Vec<_>, LoginError>>()?)
}

/// Checks already decoded key/value pairs (as a web framework gives them) by the same rules.
pub fn fields<K: Into<String>, V: Into<String>>(pairs: impl IntoIterator<Item = (K, V)>) -> Result<Fields, LoginError> {
    let mut fields = Fields::new();
    for (key, value) in pairs {
        let (key, value) = (key.into(), value.into());
        if key.contains('\n') || value.contains('\n') {
            return Err(LoginError::LineFeed { key });
        }
        if fields.contains_key(&key) {
            return Err(LoginError::DuplicateKey { key });
        }
        fields.insert(key, value);
    }
    Ok(fields)
}

/// One percent-encoded key or value.
fn decode(text: &str) -> Result<String, LoginError> {
    let bytes = text.as_bytes();
    for (at, _) in text.match_indices('%') {
        let digits = bytes.get(at + 1..at + 3);
        if !digits.is_some_and(|d| d.iter().all(u8::is_ascii_hexdigit)) {
            return Err(LoginError::BadPercentEncoding { text: text.to_string() });
        }
    }
    let spaced = text.replace('+', " ");
    let decoded: Vec<u8> = percent_decode(spaced.as_bytes()).collect();
    String::from_utf8(decoded).map_err(|_| LoginError::NotUtf8 { text: text.to_string() })
}

/// The data-check-string: every field but those in `skip`, sorted by key, as `key=value` lines.
///
/// Sorted by key, not by whole `key=value` line: the two differ only for a key that is a prefix of
/// another followed by a character below `=` (`a` and `a-b`); Telegram's documentation says the fields
/// are sorted, and aiogram and @telegram-auth/server sort keys.
pub(crate) fn data_check_string(fields: &Fields, skip: &[&str]) -> String {
    let lines: Vec<String> = (fields.iter())
        .filter(|(key, _)| !skip.contains(&key.as_str()))
        .map(|(key, value)| format!("{key}={value}"))
        .collect();
    lines.join("\n")
}
