//! What changed between two schemas, definition by definition, each change classified by its effect on
//! code that uses the generated API: source-breaking first, then wire-only, then additive.
//!
//! Definitions are matched by name (constructors with constructors, functions with functions), params by
//! name. [`diff`] compares whole schemas, or with roots only what the roots reach on either side.

use std::collections::{BTreeMap, BTreeSet};

use tl_parser::{Category, Definition, Param, Schema};

/// What a change does to code that uses the generated API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Effect {
    /// Code that compiled may not compile: a removed or retyped field, a required field added to a
    /// struct without `Default`, a definition removed.
    SourceBreaking,
    /// The Rust API is the same, the bytes are not: an id changed, a flag bit moved.
    WireOnly,
    /// Something new; code that compiled still does (an exhaustive `match` over a type that gained a
    /// constructor is the exception: it needs a new arm).
    Additive,
}

impl Effect {
    /// `source-breaking`, `wire-only`, `additive`.
    pub fn label(self) -> &'static str {
        match self {
            Effect::SourceBreaking => "source-breaking",
            Effect::WireOnly => "wire-only",
            Effect::Additive => "additive",
        }
    }
}

/// One change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Its effect.
    pub effect: Effect,
    /// The TL name of the definition or type it concerns.
    pub name: String,
    /// What happened, in words (`param \`url\` added: \`flags.2?string\``).
    pub what: String,
    /// For a definition removed or whose id changed: its old id.
    pub old_id: Option<u32>,
    /// For a definition added or whose id changed: its new id.
    pub new_id: Option<u32>,
}

/// Every change between two schemas, breaking changes first, then by name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SchemaDiff {
    /// The changes.
    pub changes: Vec<Change>,
}

impl SchemaDiff {
    /// Whether any change is source-breaking.
    pub fn is_breaking(&self) -> bool {
        self.changes.iter().any(|c| c.effect == Effect::SourceBreaking)
    }

    /// How many changes have each effect: (source-breaking, wire-only, additive).
    pub fn counts(&self) -> (usize, usize, usize) {
        let count = |effect| self.changes.iter().filter(|c| c.effect == effect).count();
        (
            count(Effect::SourceBreaking),
            count(Effect::WireOnly),
            count(Effect::Additive),
        )
    }
}

impl SchemaDiff {
    /// Plain text: one line per change (`source-breaking  name: what`), then the counts.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for change in &self.changes {
            out.push_str(&format!(
                "{:<15}  {}: {}\n",
                change.effect.label(),
                change.name,
                change.what
            ));
        }
        out.push_str(&self.summary());
        out.push('\n');
        out
    }

    /// Markdown for a pull-request comment: a section per effect, breaking changes first.
    pub fn to_markdown(&self) -> String {
        let mut out = format!("**Schema changes**: {}\n", self.summary());
        for (effect, title) in [
            (Effect::SourceBreaking, "Source-breaking"),
            (Effect::WireOnly, "Wire-only"),
            (Effect::Additive, "Additive"),
        ] {
            let changes: Vec<&Change> = self.changes.iter().filter(|c| c.effect == effect).collect();
            if changes.is_empty() {
                continue;
            }
            out.push_str(&format!("\n### {title} ({})\n\n", changes.len()));
            for change in changes {
                out.push_str(&format!("- `{}`: {}\n", change.name, change.what));
            }
        }
        out
    }

    /// JSON for tools: `{"breaking": bool, "counts": {...}, "changes": [{"effect", "name", "what"}]}`. With
    /// the `json` feature (the command's).
    #[cfg(feature = "json")]
    pub fn to_json(&self) -> String {
        let (breaking, wire, additive) = self.counts();
        let changes: Vec<serde_json::Value> = (self.changes.iter())
            .map(|c| serde_json::json!({"effect": c.effect.label(), "name": c.name, "what": c.what}))
            .collect();
        let value = serde_json::json!({
            "breaking": self.is_breaking(),
            "counts": {"source-breaking": breaking, "wire-only": wire, "additive": additive},
            "changes": changes,
        });
        serde_json::to_string_pretty(&value).expect("JSON values serialize") + "\n"
    }

    /// `2 source-breaking, 1 wire-only, 5 additive changes`.
    pub fn summary(&self) -> String {
        let (breaking, wire, additive) = self.counts();
        format!("{breaking} source-breaking, {wire} wire-only, {additive} additive changes")
    }
}

/// A definition's params, by name: (condition as `flags.N`, type as written).
type Params = BTreeMap<String, (Option<String>, String)>;

/// What is compared of a definition.
struct Summary {
    id: u32,
    params: Params,
    result: String,
}

/// The definitions of a schema by (category, name).
type Summaries = BTreeMap<(Category, String), Summary>;

fn summaries(schema: &Schema<'_>, only: Option<&BTreeSet<String>>) -> Summaries {
    (schema.definitions.iter())
        .filter(|d| only.is_none_or(|names| names.contains(d.name.full)))
        .map(|d| {
            let summary = Summary {
                id: d.id,
                params: params(d),
                result: d.result.to_string(),
            };
            ((d.category, d.name.full.to_string()), summary)
        })
        .collect()
}

/// What [`diff`] knows besides the two schemas.
#[derive(Debug, Clone, Copy, Default)]
pub struct DiffScope<'s> {
    /// Compare only these definition names (what roots reach), or everything.
    pub only: Option<&'s BTreeSet<String>>,
    /// The constructors and functions whose struct has `Default` in the new schema: a required param added
    /// to one of them breaks only struct literals without `..Default::default()`, so it is additive.
    pub with_default: Option<&'s BTreeSet<String>>,
}

/// The changes from `old` to `new` within `scope`.
pub fn diff(old: &Schema<'_>, new: &Schema<'_>, scope: DiffScope<'_>) -> SchemaDiff {
    let only = scope.only;
    let (old_defs, new_defs) = (summaries(old, only), summaries(new, only));
    let mut changes = Vec::new();
    for (key, old_def) in &old_defs {
        match new_defs.get(key) {
            None => {
                let removed = change(Effect::SourceBreaking, &key.1, format!("{} removed", noun(key.0)));
                changes.push(with_ids(removed, Some(old_def.id), None));
            }
            Some(new_def) => {
                let has_default = scope.with_default.is_some_and(|names| names.contains(&key.1));
                compare(&key.1, old_def, new_def, has_default, &mut changes);
            }
        }
    }
    for (key, new_def) in new_defs.iter().filter(|(key, _)| !old_defs.contains_key(*key)) {
        let added = change(Effect::Additive, &key.1, format!("{} added", noun(key.0)));
        changes.push(with_ids(added, None, Some(new_def.id)));
    }
    constructors_of_types(&old_defs, &new_defs, &mut changes);
    changes.sort_by(|a, b| (a.effect, &a.name, &a.what).cmp(&(b.effect, &b.name, &b.what)));
    SchemaDiff { changes }
}

fn noun(category: Category) -> &'static str {
    match category {
        Category::Type => "constructor",
        Category::Function => "function",
    }
}

fn change(effect: Effect, name: &str, what: String) -> Change {
    Change {
        effect,
        name: name.to_string(),
        what,
        old_id: None,
        new_id: None,
    }
}

/// A change that adds, removes or renumbers a definition: it carries the ids.
fn with_ids(mut change: Change, old_id: Option<u32>, new_id: Option<u32>) -> Change {
    change.old_id = old_id;
    change.new_id = new_id;
    change
}

/// The params that become fields: a flags word (a `#` that a condition names) is computed, not compared.
fn params(definition: &Definition<'_>) -> Params {
    let fields = || definition.params.iter().filter_map(Param::as_field);
    let flags: BTreeSet<&str> = fields().filter_map(|f| f.condition.as_ref().map(|c| c.field)).collect();
    fields()
        .filter(|field| !(field.is_flags() && field.name.is_some_and(|name| flags.contains(name))))
        .filter_map(|field| {
            let name = field.name?;
            let condition = field
                .condition
                .as_ref()
                .map(|c| c.to_string().trim_end_matches('?').to_string());
            Some((name.to_string(), (condition, field.ty.to_string())))
        })
        .collect()
}

/// The changes of one definition found on both sides: id, params, result.
fn compare(name: &str, old: &Summary, new: &Summary, has_default: bool, changes: &mut Vec<Change>) {
    let (old_id, old_params, old_result) = (old.id, &old.params, &old.result);
    let (new_id, new_params, new_result) = (new.id, &new.params, &new.result);
    if old_id != new_id {
        let renumbered = change(Effect::WireOnly, name, format!("id #{old_id:08x} → #{new_id:08x}"));
        changes.push(with_ids(renumbered, Some(old_id), Some(new_id)));
    }
    if old_result != new_result {
        changes.push(change(
            Effect::SourceBreaking,
            name,
            format!("result `{old_result}` → `{new_result}`"),
        ));
    }
    for (param, (old_condition, old_ty)) in old_params {
        let Some((new_condition, new_ty)) = new_params.get(param) else {
            changes.push(change(Effect::SourceBreaking, name, format!("param `{param}` removed")));
            continue;
        };
        if old_ty != new_ty {
            let what = format!("param `{param}` retyped: `{old_ty}` → `{new_ty}`");
            changes.push(change(Effect::SourceBreaking, name, what));
        }
        match (old_condition, new_condition) {
            (None, Some(bit)) => {
                changes.push(change(
                    Effect::SourceBreaking,
                    name,
                    format!("param `{param}` became optional ({bit})"),
                ));
            }
            (Some(bit), None) => {
                changes.push(change(
                    Effect::SourceBreaking,
                    name,
                    format!("param `{param}` became required (was {bit})"),
                ));
            }
            (Some(old_bit), Some(new_bit)) if old_bit != new_bit => {
                let what = format!("param `{param}` moved from {old_bit} to {new_bit}");
                changes.push(change(Effect::WireOnly, name, what));
            }
            _ => {}
        }
    }
    for (param, (condition, ty)) in new_params.iter().filter(|(p, _)| !old_params.contains_key(*p)) {
        let added = format!("param `{param}` added");
        let (effect, what) = match condition {
            Some(bit) => (Effect::Additive, format!("{added}: `{bit}?{ty}`")),
            None if has_default => (Effect::Additive, format!("{added}: `{ty}` (the struct has `Default`)")),
            None => (Effect::SourceBreaking, format!("{added}: `{ty}`")),
        };
        changes.push(change(effect, name, what));
    }
    shared_bits(name, old_params, new_params, changes);
}

/// Params that share a flag bit in `new` but did not in `old` (valued ones become one group struct).
fn shared_bits(name: &str, old: &Params, new: &Params, changes: &mut Vec<Change>) {
    let sharing = |params: &Params| -> BTreeMap<String, BTreeSet<String>> {
        let mut by_bit: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (param, (condition, ty)) in params {
            if let Some(bit) = condition.as_ref().filter(|_| ty != "true") {
                by_bit.entry(bit.clone()).or_default().insert(param.clone());
            }
        }
        by_bit.into_iter().filter(|(_, params)| params.len() > 1).collect()
    };
    let before: BTreeSet<BTreeSet<String>> = sharing(old).into_values().collect();
    for (bit, params) in sharing(new) {
        // Only a param that was already there changes shape; new params sharing a bit are additive.
        let existing = params.iter().any(|param| old.contains_key(param));
        if existing && !before.contains(&params) {
            let listed: Vec<String> = params.iter().map(|p| format!("`{p}`")).collect();
            let what = format!("params {} now share {bit}", listed.join(", "));
            changes.push(change(Effect::SourceBreaking, name, what));
        }
    }
}

/// Per boxed type: the constructors it gained and lost.
fn constructors_of_types(old: &Summaries, new: &Summaries, changes: &mut Vec<Change>) {
    let by_type = |defs: &Summaries| {
        let mut types: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for ((category, name), summary) in defs {
            if *category == Category::Type {
                types.entry(summary.result.clone()).or_default().insert(name.clone());
            }
        }
        types
    };
    let (old_types, new_types) = (by_type(old), by_type(new));
    for (ty, new_constructors) in &new_types {
        let Some(old_constructors) = old_types.get(ty) else {
            continue;
        };
        for gained in new_constructors.difference(old_constructors) {
            let what = format!("gained constructor `{gained}`");
            changes.push(change(Effect::Additive, ty, what));
        }
        for lost in old_constructors.difference(new_constructors) {
            changes.push(change(Effect::SourceBreaking, ty, format!("lost constructor `{lost}`")));
        }
    }
}
