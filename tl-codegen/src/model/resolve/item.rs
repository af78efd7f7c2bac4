//! Each definition made into a shape, param by param.

use std::collections::BTreeMap;

use tl_parser::docs::Docs;
use tl_parser::{Category, Definition, Diagnostic, Param, TypeExpr};

use super::TypeOrWhy;
use super::index::{Index, function_scope, to_param_name};
use super::sorted::{UNIVERSAL, is_universal};
use crate::ident;
use crate::model::generics::{self, ConstructorGenerics, Scope};
use crate::model::plan::{self, WireValue};
use crate::model::repeats::{
    NOT_GENERATED, RepeatForm, counts_next_item, flags_inside_repetitions, is_vector_count, names_used_as_counts,
    repetition_form,
};
use crate::model::shape::Shape;
use crate::model::{
    Condition, CountSource, DerivedBit, Field, FieldKind, Group, ItemCondition, ItemValue, Member, Prose, TypeRef,
};

/// One item, param by param in TL order.
pub(super) struct ItemBuilder<'i, 'd, 'a> {
    index: &'i Index<'d, 'a>,
    definition: &'d Definition<'a>,
    /// The variables in scope: a function's type variables, or a generic constructor's (its type's
    /// parameters, `#` ones too); and the `#` fields made so far.
    scope: Scope<'a>,
    flags_fields: Vec<String>,
    flags_given: Vec<Option<CountSource>>,
    /// The flags words that items of repetitions are read under: fields of their own, not computed.
    field_flags: Vec<&'a str>,
    /// The params on each flag bit.
    by_bit: BTreeMap<Condition, Vec<&'d tl_parser::Field<'a>>>,
    /// The field (or group) created for each bit.
    bit_field: BTreeMap<Condition, usize>,
    fields: Vec<Field>,
    groups: Vec<Group>,
    /// `?true` params sharing a bit with a value: resolved once every field exists.
    derived_bits: Vec<(&'d tl_parser::Field<'a>, Condition)>,
    wire: Vec<WireValue>,
    errors: Vec<Diagnostic>,
    /// The definition's doc comment.
    docs: Docs,
    /// The names of the nameless params (see [`nameless_names`]), found once.
    nameless: Vec<(&'d tl_parser::Field<'a>, String)>,
    /// How many of them have become fields.
    nameless_seen: usize,
}

impl<'i, 'd, 'a> ItemBuilder<'i, 'd, 'a> {
    pub(super) fn new(index: &'i Index<'d, 'a>, definition: &'d Definition<'a>) -> Self {
        let fields = || definition.params.iter().filter_map(Param::as_field);
        // A `#` param is a flags word when a condition names it; any other (`count:#`) is a value. A
        // `{n:#}` parameter a condition names is a flags word given where the type is applied.
        // Words that items of a repetition are read under, words tested whole (`n?`: not zero), and words
        // that are also counts (`header:(ns.header fields_mask)`) are fields of their own, written as they
        // are.
        let mut inside = flags_inside_repetitions(&definition.params);
        inside.extend(fields().filter_map(|f| f.condition.as_ref().filter(|c| c.bit.is_none()).map(|c| c.field)));
        let mut conditions: Vec<&str> = fields().filter_map(|f| f.condition.as_ref().map(|c| c.field)).collect();
        conditions.extend(repeat_conditions(definition).map(|c| c.field));
        let counts = names_used_as_counts(definition);
        inside.extend(counts.into_iter().filter(|name| conditions.contains(name)));
        // A flags word under a condition of its own (`f1:f0.0?#`) is a value of its own too.
        let conditional_words = fields()
            .filter(|f| f.ty.is_nat() && f.condition.is_some())
            .filter_map(|f| f.name);
        inside.extend(conditional_words.filter(|name| conditions.contains(name)));
        conditions.extend(&inside);
        let scope = match definition.category {
            Category::Function => function_scope(definition),
            Category::Type => index.constructor_scope(definition),
        };
        let on_wire = (fields().filter(|f| f.ty.is_nat()))
            .filter_map(|f| f.name)
            .filter(|name| conditions.contains(name))
            .map(|name| (name, None));
        let given = (scope.counts.iter())
            .filter(|(name, _)| conditions.contains(name))
            .map(|(name, source)| (*name, Some(*source)));
        let (flags_fields, flags_given): (Vec<String>, Vec<Option<CountSource>>) = on_wire
            .chain(given)
            .map(|(name, source)| (name.to_string(), source))
            .unzip();
        let mut builder = ItemBuilder {
            index,
            definition,
            scope,
            flags_fields,
            flags_given,
            field_flags: inside,
            by_bit: BTreeMap::new(),
            bit_field: BTreeMap::new(),
            fields: Vec::new(),
            groups: Vec::new(),
            derived_bits: Vec::new(),
            wire: Vec::new(),
            errors: Vec::new(),
            docs: Docs::parse(&definition.docs),
            nameless: nameless_names(definition),
            nameless_seen: 0,
        };
        for field in fields() {
            if let Some(condition) = builder.condition(field) {
                builder.by_bit.entry(condition).or_default().push(field);
            }
        }
        builder
    }

    /// The flags word and bit of a conditional field: `None` for a field without a condition, and for a
    /// condition on a `{n:#}` parameter that is no flags word here, which [`Self::param`] refuses (the
    /// parser checked every other condition).
    fn condition(&self, field: &tl_parser::Field<'_>) -> Option<Condition> {
        let c = field.condition.as_ref()?;
        Some(Condition {
            flags: self.flags_fields.iter().position(|name| name == c.field)?,
            bit: c.bit,
        })
    }

    pub(super) fn build(mut self) -> Result<Shape, Vec<Diagnostic>> {
        let definition = self.definition;
        if definition.category == Category::Type {
            self.index.check_arity(definition).map_err(|error| vec![*error])?;
        } else {
            check_function_variables(definition).map_err(|error| vec![*error])?;
        }
        for (position, param) in definition.params.iter().enumerate() {
            match param {
                Param::Field(_) if is_vector_count(definition, position) => {}
                Param::Field(field) => self.param(field),
                Param::Repeat(repeat) => self.repeat(repeat, position),
            }
        }
        // After the params: a function's answer may name its `#` params (`= Tuple int n`).
        let result = self.result_type().map_err(|error| self.errors.push(*error)).ok();
        let derived = self.derived();
        let generics = self.generics();
        let counted_answer = self.counted_answer();
        if !self.errors.is_empty() {
            return Err(self.errors);
        }
        let kinds: Vec<FieldKind> = self.fields.iter().map(|f| f.kind.clone()).collect();
        let tl_name = self.index.layer_names.of_definition(definition);
        let superseded = self.index.layer_names.why(definition);
        Ok(Shape {
            rust_name: ident::type_name(&tl_name),
            tl_name,
            namespace: definition.name.namespace().map(String::from),
            id: definition.id,
            definition: definition.to_string(),
            description: superseded
                .into_iter()
                .chain(self.docs.description.clone())
                .reduce(|a, b| format!("{a} {b}"))
                .map(Prose::plain),
            span: definition.name.span,
            plan: plan::plan(&self.wire, &kinds, &self.groups),
            fields: self.fields,
            groups: self.groups,
            derived,
            flags_fields: self.flags_fields,
            flags_given: self.flags_given,
            generics,
            result: result.expect("no errors"),
            counted_answer,
            nat_params: match definition.category {
                Category::Type => (self.index.generics_of(definition))
                    .map(ConstructorGenerics::nat_params)
                    .unwrap_or_default(),
                Category::Function => function_nat_params(definition),
            },
            count_patterns: (self.index.generics_of(definition))
                .map(|generics| generics.counts.clone())
                .unwrap_or_default(),
        })
    }

    /// What the item is: a constructor's enum, or a function's answer (the opaque one where the answer
    /// cannot be generated). An answer of a type with `#` parameters is refused here in strict mode (by
    /// default it was made opaque): it is read without the counts it needs.
    fn result_type(&self) -> Result<TypeRef, Box<Diagnostic>> {
        let definition = self.definition;
        if definition.category == Category::Type {
            let ty = match is_universal(definition.result.name) {
                true => UNIVERSAL,
                false => definition.result.name,
            };
            return Ok(TypeRef::Enum(self.index.type_index[ty]));
        }
        if let Some(&opaque) = self.index.opaque_answers.get(definition.name.full) {
            return Ok(TypeRef::Extern(opaque));
        }
        match self.index.resolve(&definition.result, &self.scope)? {
            // `RemoteCall::Return` is read without counts: the answer's bytes, read typed by `read_answer`.
            answer if holds_counts(&answer) => Ok(TypeRef::Extern(self.index.counted_answer)),
            answer => Ok(answer),
        }
    }

    /// A function's answer type when it holds a type with `#` parameters (`getTuple n:# = Tuple int n;`,
    /// `= Maybe (Tuple int 3)`), their counts the function's own fields or numbers: what its `read_answer`
    /// reads.
    fn counted_answer(&self) -> Option<TypeRef> {
        let definition = self.definition;
        let is_function = definition.category == Category::Function;
        let answer = is_function.then(|| self.index.resolve(&definition.result, &self.scope).ok());
        answer.flatten().filter(holds_counts)
    }

    /// The struct's type parameters: a function's, as written; a generic constructor's, those its fields
    /// use, which must be those its TL params name (an error otherwise: a parameter used only in an
    /// argument that another generic type drops).
    fn generics(&mut self) -> Vec<String> {
        let definition = self.definition;
        if definition.category == Category::Function {
            let types = definition.type_params.iter().filter(|p| !p.kind.is_nat());
            return types.map(|p| p.name.to_string()).collect();
        }
        let Some(index) = self.index.generics_of(definition) else {
            return Vec::new();
        };
        let params: Vec<String> = self.scope.types.iter().map(|(_, to)| to_param_name(to)).collect();
        // The type positions (a `#` position binds a count, not a type).
        let type_used = (index.used.iter().zip(&index.nats))
            .filter(|(_, nat)| !**nat)
            .map(|(used, _)| used);
        let named: Vec<String> = (params.iter().zip(type_used))
            .filter(|(_, used)| **used)
            .map(|(name, _)| name.clone())
            .collect();
        let types = self.fields.iter().flat_map(|field| match &field.kind {
            FieldKind::Required(ty) | FieldKind::Optional(ty) => vec![ty],
            _ => Vec::new(),
        });
        let members = self.groups.iter().flat_map(|group| group.members.iter().map(|m| &m.ty));
        let used = generics::params_used(&params, types.chain(members));
        if used != named {
            self.errors.push(
                Diagnostic::error(definition.name.span, "a type parameter used only where it is dropped")
                    .with_label("it is an argument of a generic type that no constructor of that type uses"),
            );
        }
        for group in &mut self.groups {
            group.generics = generics::params_used(&used, group.members.iter().map(|m| &m.ty));
        }
        used
    }

    /// One param: a flags field, a required value, or a conditional bit or value.
    fn param(&mut self, field: &'d tl_parser::Field<'a>) {
        let flags = field
            .name
            .and_then(|name| self.flags_fields.iter().position(|f| f == name));
        if let Some(index) = flags.filter(|_| field.is_flags()) {
            if field.name.is_some_and(|name| self.field_flags.contains(&name)) {
                // Items of a repetition are read under it: a value of its own, which they must agree with.
                self.flags_given[index] = Some(CountSource::Field(self.fields.len()));
                let nat = TypeRef::Builtin(tl_parser::builtin::find("#").expect("`#` is a built-in"));
                return self.push_value(field, FieldKind::Required(nat), None);
            }
            self.wire.push(WireValue::Flags(index));
            return;
        }
        if let Some(index) = flags.filter(|_| field.condition.is_some()) {
            return self.conditional_word(field, index);
        }
        match self.condition(field) {
            None if field.condition.is_some() => {
                let condition = field.condition.as_ref().expect("a condition");
                self.errors.push(
                    Diagnostic::error(condition.span, format!("`{}` is no flags word here", condition.field))
                        .with_label("a `{n:#}` parameter is a flags word where the result names it as its type's does"),
                );
            }
            None => {
                if let Some(ty) = self.resolve(field) {
                    self.push_value(field, FieldKind::Required(ty), None);
                }
            }
            Some(condition) if field.is_flag_bit() => self.flag_bit(field, condition),
            Some(condition) => self.conditional_value(field, condition),
        }
    }

    /// A flags word under a condition of its own (`f0:# f1:f0.0?# x:f1.1?int`): an `Option<u32>` field,
    /// written as it is; the fields it flags are read under its value (none when it is absent) and must
    /// agree with it. Alone on its bit only: one sharing its bit with other params is not generated yet.
    fn conditional_word(&mut self, field: &'d tl_parser::Field<'a>, index: usize) {
        let written = field.condition.as_ref().expect("a conditional word");
        let condition = self.condition(field);
        let alone = condition.is_some_and(|c| self.by_bit[&c].len() == 1);
        let Some(condition) = condition.filter(|_| alone) else {
            let name = field.name.unwrap_or_default();
            let why = format!("the flags word `{name}` is under a condition it shares, or that is no flags word");
            let label = "a flags word under a condition of its own is generated alone on its bit";
            return self.errors.push(Diagnostic::error(written.span, why).with_label(label));
        };
        self.flags_given[index] = Some(CountSource::Field(self.fields.len()));
        self.conditional_value(field, condition);
    }

    fn resolve(&mut self, field: &tl_parser::Field<'_>) -> Option<TypeRef> {
        let resolved = self.index.resolve(&field.ty, &self.scope);
        resolved.map_err(|error| self.errors.push(*error)).ok()
    }

    /// A repetition: a bare vector when its count is the `#` just before it (a field of its own no
    /// more), an array of bytes when its count is a number and its item a plain fixed-size value, a
    /// vector of that many when its count is another `#` field or a number; any other form is not
    /// generated yet.
    fn repeat(&mut self, repeat: &'d tl_parser::Repeat<'a>, position: usize) {
        let definition = self.definition;
        let ty = match repetition_form(definition, position) {
            Some(RepeatForm::Vector(items)) => self
                .element(items, repeat.span, &self.scope, 0)
                .map(|t| TypeRef::BareVector(Box::new(t))),
            Some(RepeatForm::Bytes(size)) => Ok(TypeRef::Array(size)),
            Some(RepeatForm::Counted(items, count)) => self.counted(items, count, repeat.span, &self.scope, 0),
            None => Err(Box::new(
                Diagnostic::error(repeat.span, "this repetition is not generated yet").with_label(NOT_GENERATED),
            )),
        };
        let count_name = (position.checked_sub(1).and_then(|p| definition.params[p].as_field()))
            .filter(|_| is_vector_count(definition, position - 1))
            .and_then(|count| count.name);
        let (ty, condition) = match ty.and_then(|ty| self.repeat_condition(repeat).map(|c| (ty, c))) {
            Ok(found) => found,
            Err(error) => return self.errors.push(*error),
        };
        let kind = match condition {
            Some(condition) => {
                self.bit_field.insert(condition, self.fields.len());
                FieldKind::Optional(ty)
            }
            None => FieldKind::Required(ty),
        };
        // A repetition named neither itself nor by its count is the nameless `value`.
        let name = repeat.name.or(count_name).unwrap_or("value");
        let index = self.fields.len();
        self.wire.push(WireValue::Value {
            field: index,
            member: None,
        });
        self.fields.push(Field {
            rust_name: ident::field_name(name),
            tl_name: name.to_string(),
            tl_param: definition.params[position].to_string(),
            span: repeat.span,
            kind,
            condition,
            description: self.docs.param(name).map(Prose::plain),
        });
    }

    /// The condition of a repetition written under one (`c:n.2?3*[int]`): an `Option` of it, alone on
    /// its bit (a repetition sharing its bit with other params is not generated yet).
    fn repeat_condition(&self, repeat: &tl_parser::Repeat<'_>) -> Result<Option<Condition>, Box<Diagnostic>> {
        let Some(written) = &repeat.condition else {
            return Ok(None);
        };
        let flags = self.flags_fields.iter().position(|name| name == written.field);
        let Some(condition) = flags.map(|flags| Condition {
            flags,
            bit: written.bit,
        }) else {
            let why = format!("`{}` is no flags word here", written.field);
            return Err(Box::new(Diagnostic::error(written.span, why).with_label(NOT_GENERATED)));
        };
        let shared = self.by_bit.contains_key(&condition)
            || repeat_conditions(self.definition)
                .filter(|c| c.field == written.field && c.bit == written.bit)
                .count()
                > 1;
        if shared {
            let why = "a repetition that shares its condition with other params is not generated yet";
            return Err(Box::new(Diagnostic::error(written.span, why).with_label(NOT_GENERATED)));
        }
        Ok(Some(condition))
    }

    /// The element of a repetition: its one item's type, or a tuple of its items' types (at `depth`: how
    /// many tuples enclose it). A repetition among them is a vector of its own count: a number, a `#`
    /// field of the definition, or a `#` value of this item or of one enclosing it, read before it.
    fn element(&self, items: &[Param<'a>], span: tl_parser::Span, outer: &Scope<'a>, depth: usize) -> TypeOrWhy {
        let mut scope = Scope {
            types: outer.types.clone(),
            counts: outer.counts.clone(),
        };
        let values = (0..items.len()).filter(|&p| !counts_next_item(items, p)).count();
        let inner_depth = depth + usize::from(values > 1);
        let mut types = Vec::new();
        for (position, param) in items.iter().enumerate() {
            // `m:# m*[ t ]` inside the item: one bare vector, its length the count.
            if counts_next_item(items, position) {
                continue;
            }
            let after_its_count = position
                .checked_sub(1)
                .is_some_and(|count| counts_next_item(items, count));
            let ty = match param {
                Param::Repeat(inner) if after_its_count => self
                    .element(&inner.items, inner.span, &scope, inner_depth)
                    .map(|t| TypeRef::BareVector(Box::new(t)))?,
                Param::Repeat(inner) => {
                    let count = inner.count.expect("generated_items: an inner repetition has a count");
                    self.counted(&inner.items, count, inner.span, &scope, inner_depth)?
                }
                Param::Field(field) if field.condition.is_some() => self.flagged_item(field, &scope)?,
                Param::Field(field) => self.index.resolve(&field.ty, &scope)?,
            };
            if let Param::Field(field) = param
                && let Some(name) = field.name.filter(|_| field.ty.is_nat() && field.condition.is_none())
            {
                let value = ItemValue {
                    depth,
                    value: types.len(),
                };
                scope.counts.push((name, CountSource::Item(value)));
            }
            types.push(ty);
        }
        debug_assert!(!types.is_empty(), "{span:?}: generated_items: at least one item");
        Ok(match types.len() {
            1 => types.remove(0),
            _ => TypeRef::Tuple(types),
        })
    }

    /// A value of a repetition's item read under a condition: an `Option` (a `bool` for `?true`). The
    /// word is a `#` of the item or of one enclosing it, read before it, or else a flags word of the
    /// definition.
    fn flagged_item(&self, field: &tl_parser::Field<'_>, scope: &Scope<'_>) -> TypeOrWhy {
        let c = field.condition.as_ref().expect("a condition");
        let condition = match scope.count(c.field) {
            Some(CountSource::Item(value)) => ItemCondition::Value(value, c.bit),
            _ => ItemCondition::Word(self.condition(field).ok_or_else(|| {
                Box::new(
                    Diagnostic::error(c.span, format!("`{}` is no flags word here", c.field)).with_label(
                        "an item's condition names a `#` of the definition, of the item or of an item enclosing it, written before it",
                    ),
                )
            })?),
        };
        if field.is_flag_bit() {
            return Ok(TypeRef::FlagBit(condition));
        }
        let ty = self.index.resolve(&field.ty, scope)?;
        Ok(TypeRef::Flagged(Box::new(ty), condition))
    }

    /// A repetition of `items` (at `depth`) counted by `count` (a number, or a `#` in `scope`), the count
    /// not written before it.
    fn counted(
        &self,
        items: &[Param<'a>],
        count: tl_parser::Count<'_>,
        span: tl_parser::Span,
        scope: &Scope<'a>,
        depth: usize,
    ) -> TypeOrWhy {
        let source = match count {
            tl_parser::Count::Const(count) => CountSource::Const(count),
            tl_parser::Count::Var(name) => scope.count(name).ok_or_else(|| {
                Box::new(
                    Diagnostic::error(span, format!("a repetition counted by `{name}`, which is no `#` written before it"))
                        .with_label("a count is a number, a `#` field or `{n:#}` parameter, or a `#` of this item or of an enclosing one, written before the repetition"),
                )
            })?,
        };
        Ok(TypeRef::Counted(
            Box::new(self.element(items, span, scope, depth)?),
            source,
        ))
    }

    /// A field that is on the wire by itself.
    fn push_value(&mut self, field: &'d tl_parser::Field<'a>, kind: FieldKind, condition: Option<Condition>) {
        let index = self.fields.len();
        self.wire.push(WireValue::Value {
            field: index,
            member: None,
        });
        let mut new = new_field(field, kind, condition, &self.docs);
        if field.name.is_none() {
            // Nameless params come here in order, as `nameless_names` lists them.
            let named = self
                .nameless
                .get(self.nameless_seen)
                .filter(|(f, _)| std::ptr::eq(*f, field));
            self.nameless_seen += 1;
            new.rust_name = named.map_or_else(|| "value".to_string(), |(_, name)| name.clone());
            new.tl_name.clone_from(&new.rust_name);
        }
        // A `#` value counts what names it later: a repetition, a type's `#` parameter.
        let is_nat = matches!(&new.kind, FieldKind::Required(ty) if ty.builtin().is_some_and(|b| b.names[0] == "#"));
        if let Some(name) = field.name.filter(|_| is_nat) {
            self.scope.counts.push((name, CountSource::Field(index)));
        }
        self.fields.push(new);
    }

    /// `name:flags.N?true`: a `bool` when it is alone on its bit (or the first of several bare bits),
    /// else derived from the value that shares its bit.
    fn flag_bit(&mut self, field: &'d tl_parser::Field<'a>, condition: Condition) {
        let sharing = &self.by_bit[&condition];
        let has_value = sharing.iter().any(|f| !f.is_flag_bit());
        let first_bit = sharing.iter().find(|f| f.is_flag_bit()).map(|f| f.name);
        if !has_value && first_bit == Some(field.name) {
            self.bit_field.insert(condition, self.fields.len());
            self.fields
                .push(new_field(field, FieldKind::Bit, Some(condition), &self.docs));
        } else {
            self.derived_bits.push((field, condition));
        }
    }

    /// `name:flags.N?T`: an `Option<T>` alone on its bit, else a member of the bit's group.
    fn conditional_value(&mut self, field: &'d tl_parser::Field<'a>, condition: Condition) {
        let Some(ty) = self.resolve(field) else { return };
        let valued: Vec<&tl_parser::Field<'_>> = self.by_bit[&condition]
            .iter()
            .copied()
            .filter(|f| !f.is_flag_bit())
            .collect();
        if valued.len() == 1 {
            self.bit_field.insert(condition, self.fields.len());
            self.push_value(field, FieldKind::Optional(ty), Some(condition));
            return;
        }
        let field_index = match self.bit_field.get(&condition) {
            Some(&index) => index,
            None => self.new_group(field, condition, &valued),
        };
        let FieldKind::Group(group) = self.fields[field_index].kind else {
            unreachable!("a group field")
        };
        self.wire.push(WireValue::Value {
            field: field_index,
            member: Some(self.groups[group].members.len()),
        });
        let name = field.name.expect("conditional params are named");
        let description = self.docs.param(name).map(Prose::plain);
        let members = &mut self.groups[group].members;
        members.push(Member {
            rust_name: ident::field_name(name),
            tl_name: name.to_string(),
            tl_param: field.to_string(),
            ty,
            description,
        });
    }

    /// The group of the values on `condition`'s bit, created at its first member: its field is named by
    /// joining the members' names, its struct by the owner's name followed by the members'.
    fn new_group(
        &mut self,
        first: &tl_parser::Field<'_>,
        condition: Condition,
        valued: &[&tl_parser::Field<'_>],
    ) -> usize {
        let names: Vec<&str> = valued.iter().filter_map(|f| f.name).collect();
        let field_name = names.iter().map(|n| ident::field_name(n)).collect::<Vec<_>>().join("_");
        let owner = ident::type_name(self.definition.name.full);
        let struct_name = format!(
            "{owner}{}",
            names.iter().map(|n| ident::type_name(n)).collect::<String>()
        );
        self.groups.push(Group {
            rust_name: struct_name,
            generics: Vec::new(),
            members: Vec::new(),
        });
        let index = self.fields.len();
        self.bit_field.insert(condition, index);
        self.fields.push(Field {
            rust_name: field_name,
            tl_name: first.name.expect("conditional params are named").to_string(),
            tl_param: first.to_string(),
            span: first.span,
            kind: FieldKind::Group(self.groups.len() - 1),
            condition: Some(condition),
            description: None,
        });
        index
    }

    /// The `?true` bits that share their bit with a value, each pointing at that value's field.
    fn derived(&self) -> Vec<DerivedBit> {
        (self.derived_bits.iter())
            .filter_map(|(field, condition)| {
                let name = field.name.expect("bits are named");
                Some(DerivedBit {
                    rust_name: ident::field_name(name),
                    tl_name: name.to_string(),
                    span: field.span,
                    // Absent only when the value did not resolve (already an error).
                    from_field: *self.bit_field.get(condition)?,
                })
            })
            .collect()
    }
}

/// A function's natural-number parameters (`{n:#}`), in order: not on the wire, given to its decoder and
/// to `read_answer`, as a constructor's are.
fn function_nat_params(definition: &Definition<'_>) -> Vec<String> {
    let nats = definition.type_params.iter().filter(|p| p.kind.is_nat());
    nats.map(|p| p.name.to_string()).collect()
}

/// The field names of the nameless params (TL-formal's `_`, or a type alone: `foo int string = Foo;`), in
/// order: `value` when the definition has one, else `value1`, `value2`, ...
fn nameless_names<'d, 'a>(definition: &'d Definition<'a>) -> Vec<(&'d tl_parser::Field<'a>, String)> {
    let nameless: Vec<&tl_parser::Field<'_>> = (definition.params.iter().enumerate())
        .filter(|&(position, _)| !is_vector_count(definition, position))
        .filter_map(|(_, param)| param.as_field())
        .filter(|f| f.name.is_none())
        .collect();
    let count = nameless.len();
    (nameless.into_iter().enumerate())
        .map(|(index, field)| match count {
            1 => (field, "value".to_string()),
            _ => (field, format!("value{}", index + 1)),
        })
        .collect()
}

/// A function's type variables are its queries (`query:!X`): one used as the type of a value (`{t:Type}
/// [t]`, `x:t`) is not generated yet.
fn check_function_variables(definition: &Definition<'_>) -> Result<(), Box<Diagnostic>> {
    fn value_of<'p>(params: &'p [Param<'_>], name: &str) -> Option<&'p Param<'p>> {
        params.iter().find(|param| match param {
            Param::Field(field) => !field.ty.generic_query && mentions(&field.ty, name),
            Param::Repeat(repeat) => value_of(&repeat.items, name).is_some(),
        })
    }
    fn mentions(ty: &TypeExpr<'_>, name: &str) -> bool {
        ty.name == name || ty.args.iter().any(|arg| mentions(arg, name))
    }
    let variables = definition.type_params.iter().filter(|p| !p.kind.is_nat());
    for variable in variables {
        if let Some(param) = value_of(&definition.params, variable.name) {
            let why = format!(
                "the function's type variable `{}` is the type of a value here",
                variable.name
            );
            return Err(Box::new(Diagnostic::error(param.span(), why).with_label(
                "a function's `{X:Type}` is generated as the query it sends (`query:!X`); other uses are not generated yet",
            )));
        }
    }
    Ok(())
}

/// The conditions of the definition's repetitions (`c:n.2?3*[int]`), at the top level.
fn repeat_conditions<'d, 'a>(definition: &'d Definition<'a>) -> impl Iterator<Item = &'d tl_parser::FlagCondition<'a>> {
    (definition.params.iter()).filter_map(|param| match param {
        Param::Repeat(repeat) => repeat.condition.as_ref(),
        Param::Field(_) => None,
    })
}

fn new_field(field: &tl_parser::Field<'_>, kind: FieldKind, condition: Option<Condition>, docs: &Docs) -> Field {
    let name = field.name.unwrap_or("_");
    Field {
        rust_name: ident::field_name(name),
        tl_name: name.to_string(),
        tl_param: field.to_string(),
        span: field.span,
        kind,
        condition,
        description: docs.param(name).map(Prose::plain),
    }
}

/// Whether `ty` is or holds a type read given counts ([`TypeRef::Counts`]): it has no `Deserialize`.
fn holds_counts(ty: &TypeRef) -> bool {
    let mut found = false;
    ty.visit(&mut |inner| found |= matches!(inner, TypeRef::Counts(..)));
    found
}
