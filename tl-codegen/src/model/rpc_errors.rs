//! Typed RPC errors: an error list ([`ErrorList`]: mtcute's raw-errors.json, Telethon's errors.csv,
//! Pyrogram's .tsv files) lowered to the variants of one enum ([`RpcErrors`]): Rust names settled
//! (collisions numbered), the number an error carries (`FLOOD_WAIT_%d`) as a named field with the text
//! before and after it, and each function's possible errors linked to their variants.

use std::collections::{BTreeMap, BTreeSet};

use heck::ToUpperCamelCase;

use super::{Model, PossibleError, Prose};
use crate::ident;

/// An error list, as read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorList {
    /// The files it was read from, for the docs.
    pub sources: Vec<String>,
    /// The errors, by name (a number written `%d`: `FLOOD_WAIT_%d`).
    pub errors: BTreeMap<String, ListedError>,
    /// The errors each function may return: by TL name, or by id in decimal.
    pub throws: BTreeMap<String, Vec<String>>,
}

/// One error of a list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListedError {
    /// The codes it comes with (400, 420, ...), sorted.
    pub codes: Vec<i32>,
    /// What it means.
    pub description: Option<Prose>,
    /// The name of the number it carries, when the list gives one (`seconds`).
    pub number_name: Option<String>,
}

/// The typed errors to generate: `errors::RpcError`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RpcErrors {
    /// The lists it comes from.
    pub sources: Vec<String>,
    /// The variants, by error name.
    pub variants: Vec<ErrorVariant>,
    /// The Rust name of the schema's `rpc_error` constructor in `types`, when generated with
    /// `error_code:int error_message:string`: conversions from and to it are generated.
    pub rpc_error: Option<String>,
}

/// One known error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorVariant {
    /// `FloodWait`.
    pub rust_name: String,
    /// `FLOOD_WAIT_%d`.
    pub name: String,
    /// Its codes, sorted; a variant of several carries the code as a field `code`.
    pub codes: Vec<i32>,
    /// What it means.
    pub description: Option<Prose>,
    /// The number in its message, if it has one.
    pub number: Option<ErrorNumber>,
}

/// Where an error's message has its number: `FILE_PART_%d_MISSING` is `FILE_PART_`, the number,
/// `_MISSING`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorNumber {
    /// The text before the number.
    pub prefix: String,
    /// The text after it.
    pub suffix: String,
    /// The Rust field that holds it.
    pub field: String,
}

/// The name of the catch-all variant.
pub const OTHER_VARIANT: &str = "Other";

impl Model {
    /// Takes in the error list: the variants of `errors::RpcError`, and the possible errors of each
    /// function (those the list throws for it added to what a docs source said), linked to their
    /// variants.
    pub fn add_errors(&mut self, list: &ErrorList) {
        let variants = variants_of(list);
        let variant_of: BTreeMap<&str, &str> = (variants.iter())
            .map(|v| (v.name.as_str(), v.rust_name.as_str()))
            .collect();
        for function in &mut self.functions {
            let thrown = (list.throws.get(&function.tl_name).into_iter())
                .chain(list.throws.get(&function.id.to_string()))
                .flatten();
            for name in thrown {
                if !function.errors.iter().any(|error| &error.name == name) {
                    let listed = list.errors.get(name);
                    function.errors.push(PossibleError {
                        code: listed.and_then(|l| l.codes.first().copied()).unwrap_or(0),
                        name: name.clone(),
                        description: listed.and_then(|l| l.description.clone()),
                        variant: None,
                    });
                }
            }
            for error in &mut function.errors {
                error.variant = variant_of.get(error.name.as_str()).map(|name| name.to_string());
            }
        }
        let rpc_error = self
            .constructors
            .iter()
            .find(|c| c.tl_name == "rpc_error" && c.fields.len() == 2);
        self.errors = Some(RpcErrors {
            sources: list.sources.clone(),
            variants,
            rpc_error: rpc_error.map(|c| c.rust_name.clone()),
        });
    }
}

/// The variants of `list`'s errors, in name order, each with a Rust name no other has.
fn variants_of(list: &ErrorList) -> Vec<ErrorVariant> {
    let mut taken: BTreeSet<String> = BTreeSet::from([OTHER_VARIANT.to_string()]);
    (list.errors.iter())
        .map(|(name, listed)| {
            let number = number_of(name, listed);
            let base = variant_base(name);
            let mut rust_name = base.clone();
            for n in 2.. {
                if taken.insert(rust_name.clone()) {
                    break;
                }
                rust_name = format!("{base}{n}");
            }
            ErrorVariant {
                rust_name,
                name: name.clone(),
                codes: listed.codes.clone(),
                description: listed.description.clone(),
                number,
            }
        })
        .collect()
}

/// The Rust name of an error: its name without the number, in UpperCamelCase (`2FA_CONFIRM_WAIT_%d` is
/// `E2faConfirmWait`: a name cannot start with a digit).
fn variant_base(name: &str) -> String {
    let words = name.replace("%d", "_").to_upper_camel_case();
    match words.chars().next() {
        Some(first) if first.is_ascii_alphabetic() => words,
        Some(_) => format!("E{words}"),
        None => "Unnamed".to_string(),
    }
}

/// Where `name` has its number (`%d`), and the field that holds it: the list's name for it, else one
/// that says what it is (`seconds` for a wait, `minutes` for `%dMIN`, `dc` for a migration), else
/// `value`.
fn number_of(name: &str, listed: &ListedError) -> Option<ErrorNumber> {
    let (prefix, suffix) = name.split_once("%d")?;
    let field = match &listed.number_name {
        Some(given) if ident::is_identifier(&ident::field_name(given)) => ident::field_name(given),
        _ if suffix == "MIN" => "minutes".to_string(),
        _ if ["WAIT", "DELAY", "FRESH"].iter().any(|word| prefix.contains(word)) => "seconds".to_string(),
        _ if prefix.contains("MIGRATE") || prefix.contains("INTERDC") => "dc".to_string(),
        _ => "value".to_string(),
    };
    // `code` is the field of the code, in a variant of several.
    let field = if field == "code" { "number".to_string() } else { field };
    Some(ErrorNumber {
        prefix: prefix.to_string(),
        suffix: suffix.to_string(),
        field,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed(codes: &[i32], number_name: Option<&str>) -> ListedError {
        ListedError {
            codes: codes.to_vec(),
            description: None,
            number_name: number_name.map(String::from),
        }
    }

    #[test]
    fn numbered_errors_get_a_named_field_and_names_never_collide() {
        let list = ErrorList {
            errors: BTreeMap::from([
                ("FLOOD_WAIT_%d".into(), listed(&[420], None)),
                ("2FA_CONFIRM_WAIT_%d".into(), listed(&[420], Some("seconds"))),
                ("FILE_PART_%d_MISSING".into(), listed(&[400], Some("which"))),
                ("WAIT_%dMIN".into(), listed(&[406], None)),
                ("EMAIL_UNCONFIRMED".into(), listed(&[400], None)),
                ("EMAIL_UNCONFIRMED_%d".into(), listed(&[400], None)),
                ("OTHER".into(), listed(&[400], None)),
            ]),
            ..ErrorList::default()
        };
        let variants = variants_of(&list);
        let names: Vec<(&str, Option<&str>)> = (variants.iter())
            .map(|v| (v.rust_name.as_str(), v.number.as_ref().map(|n| n.field.as_str())))
            .collect();
        assert_eq!(
            names,
            [
                ("E2faConfirmWait", Some("seconds")),
                ("EmailUnconfirmed", None),
                ("EmailUnconfirmed2", Some("value")),
                ("FilePartMissing", Some("which")),
                ("FloodWait", Some("seconds")),
                ("Other2", None),
                ("WaitMin", Some("minutes")),
            ]
        );
        let part = variants[3].number.as_ref().expect("a number");
        assert_eq!((part.prefix.as_str(), part.suffix.as_str()), ("FILE_PART_", "_MISSING"));
    }
}
