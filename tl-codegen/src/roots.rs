//! Generation by roots: the part of a schema that chosen functions, constructors or types reach.
//!
//! From each root the closure follows parameter types and function results. A boxed type that is reached
//! brings every one of its constructors (a decoder must accept all of them); a root constructor or a
//! bare reference (`vector<future_salt>`) brings only itself. `Vector` and `Bool` come in through their
//! defining constructors like any other type; scalar built-ins (`int`, `string`, `true`, ...) need none.

use std::fmt;

use rustc_hash::{FxHashMap, FxHashSet};
use tl_parser::{Category, Definition, Name, Param, Schema, TypeExpr};

/// Scalar built-ins that no constructor defines.
const SCALARS: &[&str] = &[
    "#", "int", "long", "double", "string", "bytes", "int128", "int256", "true", "Type",
];

/// Root names that name nothing in the schema, each with close names as suggestions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownRoots {
    /// `(root, suggestions)` for every unknown root, in the order given.
    pub unknown: Vec<(String, Vec<String>)>,
}

impl fmt::Display for UnknownRoots {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, (root, suggestions)) in self.unknown.iter().enumerate() {
            if index > 0 {
                writeln!(f)?;
            }
            write!(
                f,
                "error: unknown root `{root}`: no function, constructor or type has this name"
            )?;
            if !suggestions.is_empty() {
                let names: Vec<String> = suggestions.iter().map(|s| format!("`{s}`")).collect();
                write!(f, "\n  help: did you mean {}?", names.join(", "))?;
            }
        }
        Ok(())
    }
}

impl std::error::Error for UnknownRoots {}

/// The definitions reached from `roots`, in schema order.
pub fn closure<'s, 'a>(
    schema: &'s Schema<'a>,
    roots: &[impl AsRef<str>],
) -> Result<Vec<&'s Definition<'a>>, UnknownRoots> {
    let mut walk = Walk::new(schema);
    let mut unknown = Vec::new();
    for root in roots {
        let root = root.as_ref();
        if let Some(&index) = walk.functions.get(root).or_else(|| walk.constructors.get(root)) {
            walk.include(index);
        } else if walk.by_type.contains_key(root) {
            walk.include_type(root);
        } else {
            unknown.push((root.to_string(), suggestions(schema, root)));
        }
    }
    if !unknown.is_empty() {
        return Err(UnknownRoots { unknown });
    }
    walk.run();
    Ok(schema
        .definitions
        .iter()
        .zip(&walk.included)
        .filter(|&(_, &included)| included)
        .map(|(d, _)| d)
        .collect())
}

/// Up to three names for an unknown `root`: first the namespaced names whose last part is `root`
/// (`requestUrlAuth` → `messages.requestUrlAuth`), then names within a small edit distance, closest first.
fn suggestions(schema: &Schema<'_>, root: &str) -> Vec<String> {
    let wanted = root.to_lowercase();
    let mut scored: Vec<(usize, &str)> = schema
        .definitions
        .iter()
        .flat_map(|d| {
            [
                d.name,
                Name {
                    full: d.result.name,
                    span: d.result.span,
                },
            ]
        })
        .map(|name| {
            let distance = if name.namespace().is_some() && name.base().to_lowercase() == wanted {
                0
            } else {
                1 + strsim::levenshtein(&wanted, &name.full.to_lowercase())
            };
            (distance, name.full)
        })
        .filter(|&(distance, _)| distance <= 1 + 3.max(root.len() / 4))
        .collect();
    scored.sort();
    scored.dedup_by_key(|(_, name)| *name);
    scored.into_iter().take(3).map(|(_, name)| name.to_string()).collect()
}

struct Walk<'s, 'a> {
    schema: &'s Schema<'a>,
    functions: FxHashMap<&'a str, usize>,
    constructors: FxHashMap<&'a str, usize>,
    by_type: FxHashMap<&'a str, Vec<usize>>,
    included: Vec<bool>,
    types_seen: FxHashSet<&'a str>,
    pending: Vec<usize>,
}

impl<'s, 'a> Walk<'s, 'a> {
    fn new(schema: &'s Schema<'a>) -> Self {
        let mut walk = Walk {
            schema,
            functions: FxHashMap::default(),
            constructors: FxHashMap::default(),
            by_type: FxHashMap::default(),
            included: vec![false; schema.definitions.len()],
            types_seen: FxHashSet::default(),
            pending: Vec::new(),
        };
        for (index, definition) in schema.definitions.iter().enumerate() {
            match definition.category {
                Category::Function => {
                    walk.functions.entry(definition.name.full).or_insert(index);
                }
                Category::Type => {
                    // A definition repeated in two files (`vector`) is taken once, from the first.
                    if walk.constructors.contains_key(definition.name.full) {
                        continue;
                    }
                    walk.constructors.insert(definition.name.full, index);
                    walk.by_type.entry(definition.result.name).or_default().push(index);
                }
            }
        }
        walk
    }

    fn include(&mut self, index: usize) {
        if !self.included[index] {
            self.included[index] = true;
            self.pending.push(index);
        }
    }

    fn include_type(&mut self, name: &'a str) {
        if self.types_seen.insert(name) {
            for index in self.by_type.get(name).cloned().unwrap_or_default() {
                self.include(index);
            }
        }
    }

    fn run(&mut self) {
        while let Some(index) = self.pending.pop() {
            let definition = &self.schema.definitions[index];
            let generics: Vec<&str> = definition.type_params.iter().map(|p| p.name).collect();
            let mut types = Vec::new();
            collect_types(&definition.params, &mut types);
            if definition.category == Category::Function {
                types.push(&definition.result);
            }
            for ty in types {
                self.reach(ty, &generics);
            }
        }
    }

    fn reach(&mut self, ty: &TypeExpr<'a>, generics: &[&str]) {
        for arg in &ty.args {
            self.reach(arg, generics);
        }
        if generics.contains(&ty.name) || SCALARS.contains(&ty.name) {
            return;
        }
        if self.by_type.contains_key(ty.name) && !ty.percent {
            self.include_type(ty.name);
        } else if let Some(&index) = self.constructors.get(ty.name) {
            self.include(index);
        } else if ty.percent {
            // `%Type`: the bare form of a boxed type still needs its (single) constructor.
            self.include_type(ty.name);
        }
    }
}

fn collect_types<'p, 'a>(params: &'p [Param<'a>], out: &mut Vec<&'p TypeExpr<'a>>) {
    for param in params {
        match param {
            Param::Field(field) => out.push(&field.ty),
            Param::Repeat(repeat) => collect_types(&repeat.items, out),
        }
    }
}

/// Writes `definitions` as a `.tl` file: `header` (whole comment lines), the layer line, the constructors,
/// then the functions.
pub fn write_tl(definitions: &[&Definition<'_>], layer: Option<u32>, header: &str) -> String {
    let mut out = header.to_string();
    if let Some(layer) = layer {
        out.push_str(&format!("// LAYER {layer}\n"));
    }
    out.push('\n');
    let section = |category| definitions.iter().filter(move |d| d.category == category);
    for definition in section(Category::Type) {
        out.push_str(&format!("{definition}\n"));
    }
    out.push_str("\n---functions---\n\n");
    for definition in section(Category::Function) {
        out.push_str(&format!("{definition}\n"));
    }
    out
}
