//! The rules of TDLib's and tonlib's JSON, checked on JSON text by walking the schema's model (not by the
//! generated types): every object has `"@type"` first, naming a constructor of the type its place holds
//! (or the function); every field of that constructor is there under its TL name, but an object the docs
//! say may be null and a conditional field, which may be left out (params that share a bit all or none);
//! nothing else is there; `int64` is a string of a 64-bit integer, `int32` and `int53` integers in their
//! range, `#` an `int32` (as tonlib holds it), `double` a number, `string` a string, `bytes` a base64 string,
//! `int256` the base64 of 32 bytes, `Bool` `true` or `false`, a vector an array.

use base64::Engine as _;
use tl_codegen::model::{FieldKind, Group, Item, Model, TypeRef};

use crate::ordered::Json;

/// The checker, over the model of the schema.
pub struct Rules<'m> {
    model: &'m Model,
}

/// The constructors an object may be.
enum Allowed<'m> {
    /// Those of a boxed type.
    Type(usize),
    /// One constructor (a bare type, or a function).
    One(&'m Item),
}

impl<'m> Rules<'m> {
    /// Rules over `model`.
    pub fn new(model: &'m Model) -> Self {
        Rules { model }
    }

    /// Checks `text`, the JSON of the type or function named `name`.
    pub fn check(&self, name: &str, text: &str) -> Result<(), String> {
        let json = Json::parse(text)?;
        let allowed = match self.model.types.iter().position(|ty| ty.tl_name == name) {
            Some(ty) => Allowed::Type(ty),
            None => Allowed::One(
                (self.model.functions.iter())
                    .find(|function| function.tl_name == name)
                    .ok_or_else(|| format!("no type or function `{name}`"))?,
            ),
        };
        self.object(&json, &allowed)
            .map_err(|error| format!("{error}\n  in {text}"))
    }

    fn object(&self, json: &Json, allowed: &Allowed<'_>) -> Result<(), String> {
        let Json::Object(members) = json else {
            return Err(format!("expected an object, found {}", json.kind()));
        };
        let Some((first, Json::String(tag))) = members.first() else {
            return Err("an object without members or with a non-string first member".to_string());
        };
        if first != "@type" {
            return Err(format!("the first member is `{first}`, not \"@type\""));
        }
        let item = self.constructor(tag, allowed)?;
        let member = |name: &str| {
            members
                .iter()
                .find(|(member, _)| *member == name)
                .map(|(_, value)| value)
        };
        for field in &item.fields {
            if let FieldKind::Group(group) = field.kind {
                self.group(tag, &item.groups[group], member)?;
                continue;
            }
            let value = members
                .iter()
                .find(|(name, _)| *name == field.tl_name)
                .map(|(_, value)| value);
            match (&field.kind, value) {
                (FieldKind::Required(ty) | FieldKind::Optional(ty), Some(value)) => {
                    self.value(ty, value)
                        .map_err(|e| format!("{tag}.{}: {e}", field.tl_name))?;
                }
                (FieldKind::Optional(_), None) => {}
                (_, None) => return Err(format!("{tag}.{} is missing", field.tl_name)),
                (kind, Some(_)) => return Err(format!("{tag}.{} has a shape TDLib lacks: {kind:?}", field.tl_name)),
            }
        }
        let in_group = |name: &str| (item.groups.iter()).any(|group| group.members.iter().any(|m| m.tl_name == name));
        let known = |name: &str| name == "@type" || in_group(name) || item.fields.iter().any(|f| f.tl_name == name);
        match members.iter().find(|(name, _)| !known(name)) {
            Some((name, _)) => Err(format!("{tag} has a member td_api.tl does not define: `{name}`")),
            None => Ok(()),
        }
    }

    /// The members of params that share a bit (tonlib's `wc` and `shard`): all there, each its type's
    /// value, or none.
    fn group<'j>(&self, tag: &str, group: &Group, member: impl Fn(&str) -> Option<&'j Json>) -> Result<(), String> {
        let present: Vec<_> = group
            .members
            .iter()
            .filter_map(|m| member(&m.tl_name).map(|v| (m, v)))
            .collect();
        if !present.is_empty() && present.len() != group.members.len() {
            return Err(format!("{tag}: only some of the members that share a bit are there"));
        }
        (present.iter())
            .try_for_each(|(m, value)| (self.value(&m.ty, value)).map_err(|e| format!("{tag}.{}: {e}", m.tl_name)))
    }

    /// The constructor `tag` names, if `allowed` allows it.
    fn constructor(&self, tag: &str, allowed: &Allowed<'m>) -> Result<&'m Item, String> {
        match allowed {
            Allowed::One(item) if item.tl_name == tag => Ok(item),
            Allowed::One(item) => Err(format!("\"@type\" is `{tag}`, expected `{}`", item.tl_name)),
            Allowed::Type(ty) => {
                let ty = &self.model.types[*ty];
                if ty.functions.is_some() {
                    let function = self.model.functions.iter().find(|function| function.tl_name == tag);
                    return function.ok_or_else(|| format!("\"@type\" is `{tag}`, not a function"));
                }
                if let Some(members) = &ty.universal {
                    let mut types = members.iter().map(|member| member.ty);
                    return (types.find_map(|member| self.constructor(tag, &Allowed::Type(member)).ok()))
                        .ok_or_else(|| format!("\"@type\" is `{tag}`, not a constructor of any boxed type"));
                }
                (ty.variants.iter())
                    .map(|variant| &self.model.constructors[variant.constructor])
                    .find(|constructor| constructor.tl_name == tag)
                    .ok_or_else(|| format!("\"@type\" is `{tag}`, not a constructor of `{}`", ty.tl_name))
            }
        }
    }

    fn value(&self, ty: &TypeRef, json: &Json) -> Result<(), String> {
        match (ty, json) {
            (TypeRef::Heap(inner), _) => self.value(inner, json),
            (TypeRef::Enum(ty), _) => self.object(json, &Allowed::Type(*ty)),
            (TypeRef::Bare(constructor), _) => self.object(json, &Allowed::One(&self.model.constructors[*constructor])),
            (TypeRef::Vector(inner) | TypeRef::BareVector(inner), Json::Array(items)) => {
                items.iter().try_for_each(|item| self.value(inner, item))
            }
            (TypeRef::Builtin(builtin), _) => builtin_value(builtin.get().names[0], json),
            (other, json) => Err(format!("expected {other:?}, found {}", json.kind())),
        }
    }
}

/// A value of the built-in `name` (its first name in the built-in table).
fn builtin_value(name: &str, json: &Json) -> Result<(), String> {
    let fits = |value: &i128, bits: u32| *value >= -(1 << (bits - 1)) && *value < 1 << (bits - 1);
    match (name, json) {
        ("int", Json::Integer(value)) if fits(value, 32) => Ok(()),
        ("int53", Json::Integer(value)) if fits(value, 54) => Ok(()),
        ("long", Json::String(text)) if text.parse::<i64>().is_ok() => Ok(()),
        ("double", Json::Integer(_) | Json::Float(_)) => Ok(()),
        ("string", Json::String(_)) | ("Bool", Json::Bool(_)) => Ok(()),
        ("bytes", Json::String(text)) => base64::engine::general_purpose::STANDARD
            .decode(text)
            .map(drop)
            .map_err(|e| format!("bytes that are not base64: {e}")),
        ("#", Json::Integer(value)) if fits(value, 32) => Ok(()),
        ("int256", Json::String(text)) => match base64::engine::general_purpose::STANDARD.decode(text) {
            Ok(bytes) if bytes.len() == 32 => Ok(()),
            Ok(bytes) => Err(format!("an int256 of {} bytes", bytes.len())),
            Err(e) => Err(format!("an int256 that is not base64: {e}")),
        },
        (name, json) => Err(format!("`{name}` as {}", json.kind())),
    }
}
