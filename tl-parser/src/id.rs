//! Constructor ids: CRC32 (IEEE) of the definition written in normal form.
//!
//! The normal form drops the `#id` and the `;`, writes `Vector<T>` and `(vector T)` as `Vector T` and
//! `vector T`, `{X:Type}` as `X:Type`, and separates tokens by single spaces. TL compilers differ on two
//! points, which a [`HashRule`] fixes: Telegram's own compiler, behind the ids written in api.tl and
//! mtproto.tl, writes a param of type `bytes` as `string` (a `bytes` inside `Vector<bytes>` stays) and
//! drops every `name:flags.N?true` param; the open-source compiler of TDLib and TON hashes both as
//! written (TON's `liteServer.listBlockTransactions` is #adfcc7da with its two `?true` params).

use std::fmt::Write;

use crate::ast::{Definition, Field, Param, TypeExpr};

/// How the normal form writes a param of type `bytes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BytesAs {
    /// As written, `bytes`.
    Written,
    /// As `string`.
    String,
}

/// What the normal form does with `name:flags.N?true` params.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrueParams {
    /// Leaves them out.
    Dropped,
    /// Keeps them as written.
    Kept,
}

/// How a TL compiler writes a definition before hashing it, on the two points where compilers differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HashRule {
    /// A param of type `bytes`.
    pub bytes: BytesAs,
    /// `?true` params.
    pub true_params: TrueParams,
}

impl HashRule {
    /// Telegram's compiler (api.tl, mtproto.tl): `bytes` as `string`, `?true` params dropped.
    pub const TELEGRAM: HashRule = HashRule {
        bytes: BytesAs::String,
        true_params: TrueParams::Dropped,
    };
    /// The compiler of TDLib and TON: the definition as written.
    pub const AS_WRITTEN: HashRule = HashRule {
        bytes: BytesAs::Written,
        true_params: TrueParams::Kept,
    };
    /// Every rule, in the order [`TELEGRAM`](Self::TELEGRAM), [`AS_WRITTEN`](Self::AS_WRITTEN), then the
    /// two mixed ones (mtproto.tl's `ipPortSecret#37982646` keeps `bytes` yet sits beside api.tl).
    pub const ALL: [HashRule; 4] = [
        HashRule::TELEGRAM,
        HashRule::AS_WRITTEN,
        HashRule {
            bytes: BytesAs::Written,
            true_params: TrueParams::Dropped,
        },
        HashRule {
            bytes: BytesAs::String,
            true_params: TrueParams::Kept,
        },
    ];
}

impl Default for HashRule {
    /// [`HashRule::AS_WRITTEN`].
    fn default() -> Self {
        HashRule::AS_WRITTEN
    }
}

/// The id of `definition` hashed under `rule`, whatever id it was written with.
pub fn compute_id(definition: &Definition<'_>, rule: HashRule) -> u32 {
    IdHasher::new().compute(&NormalForm::of(definition, rule))
}

/// A definition as hashed: its name and params may be taken apart from the definition to test why a
/// written id differs (a name without its layer suffix, the params before some trailing conditional
/// ones).
#[derive(Clone, Copy)]
pub(crate) struct NormalForm<'d, 'a> {
    pub(crate) definition: &'d Definition<'a>,
    pub(crate) name: &'d str,
    pub(crate) params: &'d [Param<'a>],
    pub(crate) rule: HashRule,
}

impl<'d, 'a> NormalForm<'d, 'a> {
    /// The definition as written, to be hashed under `rule`.
    pub(crate) fn of(definition: &'d Definition<'a>, rule: HashRule) -> Self {
        NormalForm {
            definition,
            name: definition.name.full,
            params: &definition.params,
            rule,
        }
    }

    /// Whether the rules differ on this form: the (`bytes` param, `?true` param) it has.
    pub(crate) fn rule_points(&self) -> (bool, bool) {
        fn has(param: &Param<'_>, test: fn(&Field<'_>) -> bool) -> bool {
            match param {
                Param::Field(field) => test(field),
                Param::Repeat(repeat) => repeat.items.iter().any(|item| has(item, test)),
            }
        }
        let bytes = self.params.iter().any(|p| has(p, is_plain_bytes));
        let true_params = self.params.iter().any(|p| has(p, |field| field.is_flag_bit()));
        (bytes, true_params)
    }
}

/// A param of type `bytes` itself (not `%bytes`, not inside a vector): what [`BytesAs`] rewrites.
fn is_plain_bytes(field: &Field<'_>) -> bool {
    field.ty.name == "bytes" && field.ty.args.is_empty() && !field.ty.percent
}

/// Computes many ids with one text buffer and one CPU feature check.
pub(crate) struct IdHasher {
    buffer: String,
    template: crc32fast::Hasher,
}

impl IdHasher {
    pub(crate) fn new() -> Self {
        Self {
            buffer: String::with_capacity(256),
            template: crc32fast::Hasher::new(),
        }
    }

    pub(crate) fn compute(&mut self, form: &NormalForm<'_, '_>) -> u32 {
        self.buffer.clear();
        write_form(form, &mut self.buffer);
        let mut hasher = self.template.clone();
        hasher.update(self.buffer.as_bytes());
        hasher.finalize()
    }
}

/// Writes the normal form that [`compute_id`] hashes under `rule` into `out`.
pub fn write_normal_form(definition: &Definition<'_>, rule: HashRule, out: &mut String) {
    write_form(&NormalForm::of(definition, rule), out);
}

fn write_form(form: &NormalForm<'_, '_>, out: &mut String) {
    let definition = form.definition;
    out.push_str(form.name);
    for type_param in definition.type_params.iter().filter(|p| !p.implicit) {
        out.push(' ');
        out.push_str(type_param.name);
        out.push(':');
        write_type(&type_param.kind, out);
    }
    if definition.builtin {
        out.push_str(" ?");
    }
    for param in form.params {
        if form.rule.true_params == TrueParams::Dropped && matches!(param, Param::Field(field) if field.is_flag_bit()) {
            continue;
        }
        out.push(' ');
        write_param(param, form.rule.bytes, out);
    }
    out.push_str(" = ");
    write_type(&definition.result, out);
}

fn write_param(param: &Param<'_>, bytes: BytesAs, out: &mut String) {
    match param {
        Param::Field(field) => write_field(field, bytes, out),
        Param::Repeat(repeat) => {
            if let Some(name) = repeat.name {
                let _ = write!(out, "{name}:");
            }
            if let Some(condition) = &repeat.condition {
                let _ = write!(out, "{condition}");
            }
            if let Some(count) = repeat.count {
                let _ = write!(out, "{count}*");
            }
            out.push('[');
            for item in &repeat.items {
                out.push(' ');
                write_param(item, bytes, out);
            }
            out.push_str(" ]");
        }
    }
}

fn write_field(field: &Field<'_>, bytes: BytesAs, out: &mut String) {
    if let Some(name) = field.name {
        out.push_str(name);
        out.push(':');
    }
    if let Some(condition) = &field.condition {
        let _ = write!(out, "{condition}");
    }
    if bytes == BytesAs::String && is_plain_bytes(field) {
        out.push_str("string");
    } else {
        write_type(&field.ty, out);
    }
}

fn write_type(ty: &TypeExpr<'_>, out: &mut String) {
    if ty.percent {
        out.push('%');
    }
    if ty.generic_query {
        out.push('!');
    }
    out.push_str(ty.name);
    for arg in &ty.args {
        out.push(' ');
        write_type(arg, out);
    }
}
