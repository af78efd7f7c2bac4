//! Writes AST nodes back as canonical TL text: `name#id {X:Type} a:flags.0?Vector<T> = Result;`.

use std::fmt::{self, Display, Formatter};

use crate::ast::{Count, Definition, Field, FlagCondition, Param, TypeExpr};

impl Display for Definition<'_> {
    /// One line of TL with the id always written (without leading zeros, as Telegram writes it).
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{}#{:x}", self.name.full, self.id)?;
        for type_param in self.type_params.iter().filter(|p| !p.implicit) {
            write!(f, " {{{}:{}}}", type_param.name, type_param.kind)?;
        }
        if self.builtin {
            f.write_str(" ?")?;
        }
        for param in &self.params {
            write!(f, " {param}")?;
        }
        write!(f, " = {}", self.result.name)?;
        for arg in &self.result.args {
            f.write_str(" ")?;
            write_juxtaposed(arg, f)?;
        }
        f.write_str(";")
    }
}

/// A result type's argument as TL-formal applies it, by juxtaposition: `k`, `(Tuple long k)`, `(n+1)`.
fn write_juxtaposed(ty: &TypeExpr<'_>, f: &mut Formatter<'_>) -> fmt::Result {
    if ty.args.is_empty() && !ty.is_nat_sum() {
        return ty.fmt(f);
    }
    f.write_str(if ty.percent { "%(" } else { "(" })?;
    f.write_str(ty.name)?;
    for arg in &ty.args {
        f.write_str(" ")?;
        write_juxtaposed(arg, f)?;
    }
    f.write_str(")")
}

impl Display for Param<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Param::Field(field) => field.fmt(f),
            Param::Repeat(repeat) => {
                if let Some(name) = repeat.name {
                    write!(f, "{name}:")?;
                }
                if let Some(condition) = &repeat.condition {
                    write!(f, "{condition}")?;
                }
                if let Some(count) = repeat.count {
                    write!(f, "{count}*")?;
                }
                f.write_str("[")?;
                for item in &repeat.items {
                    write!(f, " {item}")?;
                }
                f.write_str(" ]")
            }
        }
    }
}

impl Display for Field<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if let Some(name) = self.name {
            write!(f, "{name}:")?;
        }
        if let Some(condition) = &self.condition {
            write!(f, "{condition}")?;
        }
        self.ty.fmt(f)
    }
}

impl Display for Count<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Count::Const(count) => write!(f, "{count}"),
            Count::Var(name) => f.write_str(name),
        }
    }
}

impl Display for TypeExpr<'_> {
    /// `Vector<T>` with angle brackets (a result's `Vector t` is written by [`Definition`]).
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if self.percent {
            f.write_str("%")?;
        }
        if self.generic_query {
            f.write_str("!")?;
        }
        if self.is_nat_sum() {
            return write!(f, "({})", self.name);
        }
        f.write_str(self.name)?;
        if let Some((first, rest)) = self.args.split_first() {
            write!(f, "<{first}")?;
            for arg in rest {
                write!(f, ",{arg}")?;
            }
            f.write_str(">")?;
        }
        Ok(())
    }
}

impl Display for FlagCondition<'_> {
    /// `flags.3?`, or `n?` without a bit.
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self.bit {
            Some(bit) => write!(f, "{}.{bit}?", self.field),
            None => write!(f, "{}?", self.field),
        }
    }
}
