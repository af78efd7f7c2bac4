//! Constructor ids: CRC32 (IEEE) of the definition written in normal form.
//!
//! The normal form drops the `#id` and the `;`, drops every `name:flags.N?true` parameter, writes a
//! parameter of type `bytes` as `string` (a `bytes` inside `Vector<bytes>` stays), writes `Vector<T>` as
//! `Vector T` and `{X:Type}` as `X:Type`, and separates tokens by single spaces. This reproduces every id
//! of Telegram's layers 221 and 230; a few service ids of mtproto.tl were assigned by hand.

use std::fmt::Write;

use crate::ast::{Definition, Field, Param, TypeExpr};

/// The computed id of a definition, whatever id it was written with.
pub fn compute_id(definition: &Definition<'_>) -> u32 {
    IdHasher::new().compute(definition)
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

    pub(crate) fn compute(&mut self, definition: &Definition<'_>) -> u32 {
        self.buffer.clear();
        write_normal_form(definition, &mut self.buffer);
        let mut hasher = self.template.clone();
        hasher.update(self.buffer.as_bytes());
        hasher.finalize()
    }
}

/// Writes the normal form hashed by [`compute_id`] into `out`.
pub fn write_normal_form(definition: &Definition<'_>, out: &mut String) {
    out.push_str(definition.name.full);
    for type_param in &definition.type_params {
        out.push(' ');
        out.push_str(type_param.name);
        out.push(':');
        write_type(&type_param.kind, out);
    }
    if definition.builtin {
        out.push_str(" ?");
    }
    for param in &definition.params {
        if matches!(param, Param::Field(field) if field.is_flag_bit()) {
            continue;
        }
        out.push(' ');
        write_param(param, out);
    }
    out.push_str(" = ");
    write_type(&definition.result, out);
}

fn write_param(param: &Param<'_>, out: &mut String) {
    match param {
        Param::Field(field) => write_field(field, out),
        Param::Repeat(repeat) => {
            if let Some(multiplier) = repeat.multiplier {
                let _ = write!(out, "{multiplier}*");
            }
            out.push('[');
            for item in &repeat.items {
                out.push(' ');
                write_param(item, out);
            }
            out.push_str(" ]");
        }
    }
}

fn write_field(field: &Field<'_>, out: &mut String) {
    if let Some(name) = field.name {
        out.push_str(name);
        out.push(':');
    }
    if let Some(condition) = &field.condition {
        let _ = write!(out, "{}.{}?", condition.field, condition.bit);
    }
    if field.ty.name == "bytes" && field.ty.args.is_empty() && !field.ty.percent {
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
