//! The syntax tree of a TL schema. Every node borrows its names from the source text and keeps its span.

use crate::source::Span;

/// A parsed schema: the definitions of one or more files, in source order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Schema<'a> {
    /// The layer named by the first `// LAYER N` comment, if any.
    pub layer: Option<u32>,
    /// Every definition that parsed, in the order of the files and then of the text.
    pub definitions: Vec<Definition<'a>>,
    /// The docs of boxed types, from `//@class Name @description ...` comments (TDLib's style).
    pub class_docs: Vec<ClassDoc<'a>>,
    /// The rule that hashed the definitions written without an id: the one the written ids show.
    pub hash_rule: crate::id::HashRule,
}

/// `//@class Name @description ...`: the docs of a boxed type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassDoc<'a> {
    /// The type, `AuthenticationCodeType`.
    pub name: &'a str,
    /// The comment lines after the name (`@description ...`, `-continued`), without their `//`.
    pub lines: Vec<&'a str>,
}

impl<'a> ClassDoc<'a> {
    /// The class doc of comment lines (without their `//`) that begin with `@class Name`.
    pub(crate) fn parse(lines: &[&'a str]) -> Option<ClassDoc<'a>> {
        let (first, rest) = lines.split_first()?;
        let after = first.trim_start().strip_prefix("@class")?.trim_start();
        let name_end = after.find(char::is_whitespace).unwrap_or(after.len());
        let mut all = vec![&after[name_end..]];
        all.extend_from_slice(rest);
        Some(ClassDoc {
            name: &after[..name_end],
            lines: all,
        })
    }
}

impl<'a> Schema<'a> {
    /// The definitions of one section.
    pub fn of_category(&self, category: Category) -> impl Iterator<Item = &Definition<'a>> {
        self.definitions.iter().filter(move |d| d.category == category)
    }
}

/// Which section a definition was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Category {
    /// Under `---types---` (the default at the top of a file): a constructor.
    Type,
    /// Under `---functions---`: an RPC function.
    Function,
}

/// One definition: `ns.name#id {X:Type} params = Result;`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition<'a> {
    /// The comment lines directly above it (without their `//`, or the lines of a `/** ... */` block):
    /// TDLib's `@description ...` and `@param ...` tags, or plain text. See [`crate::docs::Docs`].
    pub docs: Vec<&'a str>,
    /// VK's annotations before the name, without their `@`: `read`, `readwrite`, `any`.
    pub annotations: Vec<&'a str>,
    /// The layer of the `===N===` section it is in (MadelineProto's layer sections), if any.
    pub section_layer: Option<u32>,
    /// The possibly namespaced name, `messages.requestUrlAuth`.
    pub name: Name<'a>,
    /// The id written after `#`, if any.
    pub explicit_id: Option<u32>,
    /// The constructor id: the explicit one if written, else the CRC32 of the normalised definition.
    pub id: u32,
    /// The section the definition is in.
    pub category: Category,
    /// Generic parameters, `{X:Type}`.
    pub type_params: Vec<TypeParam<'a>>,
    /// The parameters in order.
    pub params: Vec<Param<'a>>,
    /// True for the built-in form `int ? = Int;`, whose body is opaque.
    pub builtin: bool,
    /// The type after `=`.
    pub result: TypeExpr<'a>,
    /// From the first character of the name to the `;`.
    pub span: Span,
}

/// A name with an optional namespace: `messages.requestUrlAuth` or `user`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Name<'a> {
    /// The whole name as written.
    pub full: &'a str,
    /// Where it was written.
    pub span: Span,
}

impl<'a> Name<'a> {
    /// The part before the last `.`, if any: `messages`.
    pub fn namespace(&self) -> Option<&'a str> {
        Name::split(self.full).0
    }

    /// The part after the last `.`: `requestUrlAuth`.
    pub fn base(&self) -> &'a str {
        Name::split(self.full).1
    }

    /// Any TL name (of a definition or a type) split at its last `.`: `(Some("messages"), "Messages")`.
    pub fn split(full: &str) -> (Option<&str>, &str) {
        match full.rsplit_once('.') {
            Some((namespace, base)) => (Some(namespace), base),
            None => (None, full),
        }
    }
}

/// A generic parameter `{X:Type}` (or `{n:#}`, a natural number), written or implicit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeParam<'a> {
    /// `X`.
    pub name: &'a str,
    /// `Type` (or `#` for a natural-number parameter).
    pub kind: TypeExpr<'a>,
    /// From `{` to `}`; for an implicit parameter, its use in the result type.
    pub span: Span,
    /// Not written: a type variable used in the params and the result (`response.ok value:T = Response
    /// T;`), of kind `Type`. It is not part of the normal form that is hashed.
    pub implicit: bool,
}

/// One parameter of a definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Param<'a> {
    /// `name:Type`, `name:#`, `name:flags.N?Type`, `name:!X`, or an anonymous type such as `#`.
    Field(Field<'a>),
    /// A repetition, `[ t ]` or `4*[ int ]` (used by built-in definitions).
    Repeat(Repeat<'a>),
}

impl<'a> Param<'a> {
    /// The field, unless this is a repetition.
    pub fn as_field(&self) -> Option<&Field<'a>> {
        match self {
            Param::Field(field) => Some(field),
            Param::Repeat(_) => None,
        }
    }

    /// The span of the whole parameter.
    pub fn span(&self) -> Span {
        match self {
            Param::Field(field) => field.span,
            Param::Repeat(repeat) => repeat.span,
        }
    }
}

/// A (possibly conditional) named parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field<'a> {
    /// The name before `:`; `None` for an anonymous parameter such as the `#` of `vector`.
    pub name: Option<&'a str>,
    /// `flags.N?` if the field is conditional.
    pub condition: Option<FlagCondition<'a>>,
    /// The type after `:` (and after the condition).
    pub ty: TypeExpr<'a>,
    /// The whole parameter.
    pub span: Span,
}

impl Field<'_> {
    /// True for a flags field, `flags:#`.
    pub fn is_flags(&self) -> bool {
        self.name.is_some() && self.condition.is_none() && self.ty.is_nat()
    }

    /// True for `name:flags.N?true`, a bare bit with no value on the wire.
    pub fn is_flag_bit(&self) -> bool {
        self.condition.is_some() && self.ty.name == "true" && self.ty.args.is_empty()
    }
}

/// `flags.N?`: the field is present when bit `N` of the flags field is set; TL-formal's `n?`, without a bit:
/// when the whole value is not zero.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagCondition<'a> {
    /// The flags field, `flags` or `flags2`.
    pub field: &'a str,
    /// The bit number `N`; `None` for `n?`, a condition on the whole value.
    pub bit: Option<u32>,
    /// From the flags field name to `?`.
    pub span: Span,
}

/// `[ t ]`, `4*[ int ]`, `n*[ x:int y:string ]`, named: `items:n*[ ... ]`, or conditional: `items:f.0?n*[ ... ]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repeat<'a> {
    /// The name before `:`, when written.
    pub name: Option<&'a str>,
    /// `flags.N?` before the count (VK's `c:n.2?3*[int]`): the repetition is present only then.
    pub condition: Option<FlagCondition<'a>>,
    /// The count before `*`, when written; without it, the `#` just before the repetition counts it.
    pub count: Option<Count<'a>>,
    /// The parameters between the brackets.
    pub items: Vec<Param<'a>>,
    /// From the multiplier (or `[`) to `]`.
    pub span: Span,
}

/// How many times a repetition repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Count<'a> {
    /// A number: `4*[ int ]`.
    Const(u32),
    /// A `#` field or a `{n:#}` parameter: `n*[ int ]`.
    Var(&'a str),
}

/// A type: `int`, `InputPeer`, `Vector<User>`, `%Message`, `!X`, `#`, or `Vector t` in a result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeExpr<'a> {
    /// The name as written, without `%` or `!`: `Vector`, `messages.Messages`, `#`.
    pub name: &'a str,
    /// Written with `%`: the bare form of a boxed type.
    pub percent: bool,
    /// Written with `!`: a serialized query of a type parameter (`query:!X`).
    pub generic_query: bool,
    /// Type arguments: `<T>` or, in a result, `Vector t`.
    pub args: Vec<TypeExpr<'a>>,
    /// The whole type.
    pub span: Span,
}

impl TypeExpr<'_> {
    /// True for `#`, the natural-number type of flags fields.
    pub fn is_nat(&self) -> bool {
        self.name == "#"
    }

    /// True for a number in a type (`Tuple int 3`): a natural-number argument, not a type.
    pub fn is_nat_const(&self) -> bool {
        self.name.starts_with(|c: char| c.is_ascii_digit()) && !self.is_nat_sum()
    }

    /// Whether this is TL-formal's sum of counts (`(n+1)`, kept as written in [`TypeExpr::name`]).
    pub fn is_nat_sum(&self) -> bool {
        self.name.contains('+')
    }
}

impl<'a> TypeExpr<'a> {
    /// TL-formal's sum of counts (`n+1`, `1 + n`, `2+3`): its one variable, if any, and the numbers
    /// added. `None` for anything else, a sum of two variables (TL-formal adds numbers to one count), or
    /// numbers past `u32::MAX`.
    pub fn nat_sum(&self) -> Option<NatSum<'a>> {
        if !self.is_nat_sum() {
            return None;
        }
        let mut sum = NatSum { var: None, plus: 0 };
        for term in self.name.split('+').map(str::trim) {
            if term.starts_with(|c: char| c.is_ascii_digit()) {
                sum.plus = sum.plus.checked_add(term.parse().ok()?)?;
            } else if sum.var.replace(term).is_some() {
                return None;
            }
        }
        Some(sum)
    }
}

/// TL-formal's sum of counts, `n+1`: a variable (a `#` in scope), or none, plus a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NatSum<'a> {
    /// The count added to, if any: `n` of `n+1`.
    pub var: Option<&'a str>,
    /// The numbers added.
    pub plus: u32,
}
