//! Stage 2 of the model: Rust names. Variants are named, and every scope (a module's items, a struct's
//! fields and methods, an enum's variants) is checked for two TL names that become one Rust name.

use std::collections::BTreeMap;

use tl_parser::{Diagnostic, Diagnostics, Name};

use super::shape::{Resolved, Shape};
use crate::ident::{self, NameCollision, NameScope};

/// The variant names of each type (in `TypeShape::constructors` order): the short form unless two
/// constructors of one type would share it, then the struct's name, then the name with its namespace
/// (`dns.accountState` and `rwallet.accountState` of `AccountState`: `DnsAccountState`). Collisions that
/// remain are diagnostics.
pub(super) fn variant_names(resolved: &Resolved, diagnostics: &mut Diagnostics) -> Vec<Vec<String>> {
    (resolved.types.iter())
        .map(|ty| {
            let constructors: Vec<&Shape> = ty.constructors.iter().map(|&c| &resolved.constructors[c]).collect();
            let tiers: Vec<[String; 3]> = (constructors.iter())
                .map(|c| {
                    let short = ident::variant_name(&c.tl_name, &ty.tl_name);
                    [short, c.rust_name.clone(), qualified(&c.tl_name)]
                })
                .collect();
            let mut scope = NameScope::default();
            (constructors.iter().zip(&tiers))
                .map(|(constructor, names)| {
                    let unique = |tier: usize| tiers.iter().filter(|other| other[tier] == names[tier]).count() == 1;
                    let chosen = names[(0..3).find(|&tier| unique(tier)).unwrap_or(2)].clone();
                    let claimed = scope.claim(&chosen, &constructor.tl_name, constructor.span);
                    // Constructors of one namespace whose names collide are reported for their module.
                    let claimed = claimed.or_else(|collision| {
                        let same_module = Name::split(&collision.first).0 == Name::split(&collision.second).0;
                        if same_module { Ok(()) } else { Err(collision) }
                    });
                    report(claimed, &format!("in the enum of `{}`", ty.tl_name), diagnostics);
                    chosen
                })
                .collect()
        })
        .collect()
}

/// A TL name as one Rust type name with its namespace: `messages.Messages` → `MessagesMessages`.
fn qualified(tl_name: &str) -> String {
    ident::type_name(&tl_name.replace('.', "_"))
}

/// The variants of the universal type that hold the other boxed types, named after the type with its
/// namespace (`messages.Messages` → `MessagesMessages`), per type (empty for every type but the universal
/// one). Names that collide with each other, with the universal type's own constructors or with `Vector`
/// are diagnostics.
pub(super) fn universal_members(
    resolved: &Resolved,
    diagnostics: &mut Diagnostics,
) -> Vec<Option<Vec<super::UniversalMember>>> {
    (resolved.types.iter().enumerate())
        .map(|(index, ty)| {
            if !ty.universal {
                return None;
            }
            let mut scope = NameScope::default();
            let _ = scope.claim("Vector", "Vector", Default::default());
            for &constructor in &ty.constructors {
                let constructor = &resolved.constructors[constructor];
                let _ = scope.claim(&constructor.rust_name, &constructor.tl_name, constructor.span);
            }
            // Any boxed value: not a function (`Function` is the universal type of those).
            let others: Vec<(usize, &super::shape::TypeShape)> = (resolved.types.iter().enumerate())
                .filter(|&(other, ty)| {
                    other != index && !ty.any_function && ty.generics.is_empty() && ty.nat_params == 0
                })
                .collect();
            let names: Vec<String> = others.iter().map(|(_, member)| qualified(&member.tl_name)).collect();
            (others.iter().zip(&names).map(|(&(other, member), name)| {
                // `a.bC` and `a.b.C` both give `ABC`: those name the namespace apart, `BCInA` and `CInAB`.
                let rust_name = if names.iter().filter(|n| *n == name).count() > 1 {
                    namespace_apart(&member.tl_name)
                } else {
                    name.clone()
                };
                let span = resolved
                    .constructors
                    .get(member.constructors.first().copied().unwrap_or(usize::MAX))
                    .map_or_else(Default::default, |c| c.span);
                report(
                    scope.claim(&rust_name, &member.tl_name, span),
                    "in the enum of the universal type `Object`",
                    diagnostics,
                );
                super::UniversalMember { ty: other, rust_name }
            }))
            .collect::<Vec<_>>()
            .into()
        })
        .collect()
}

/// `storage.daemon.provider.Config` → `ConfigInStorageDaemonProvider`.
fn namespace_apart(tl_name: &str) -> String {
    match Name::split(tl_name) {
        (Some(namespace), base) => format!("{}In{}", ident::type_name(base), qualified(namespace)),
        (None, base) => ident::type_name(base),
    }
}

/// The variants of the universal function type (`Function`): a variant per non-generic function, named
/// as its struct, or with its namespace where two functions of several namespaces share a struct name.
/// `None` for every other type.
pub(super) fn function_members(resolved: &Resolved) -> Vec<Option<Vec<super::FunctionMember>>> {
    let functions: Vec<(usize, &Shape)> = (resolved.functions.iter().enumerate())
        // A generic function, or one with `{n:#}` (read given its counts), has no one decoder.
        .filter(|(_, function)| function.generics.is_empty() && function.nat_params.is_empty())
        .collect();
    let short: Vec<&str> = functions.iter().map(|(_, f)| f.rust_name.as_str()).collect();
    let members = || {
        (functions.iter().zip(&short))
            .map(|(&(function, shape), name)| super::FunctionMember {
                function,
                rust_name: if short.iter().filter(|other| *other == name).count() > 1 {
                    qualified(&shape.tl_name)
                } else {
                    name.to_string()
                },
            })
            .collect()
    };
    (resolved.types.iter())
        .map(|ty| ty.any_function.then(members))
        .collect()
}

/// Names inside each item (fields, derived methods) and in each module (structs, group structs, enums).
pub(super) fn check_items(resolved: &Resolved, diagnostics: &mut Diagnostics) {
    let mut modules: BTreeMap<(&str, Option<&str>), NameScope> = BTreeMap::new();
    for (kind, items) in [("types", &resolved.constructors), ("functions", &resolved.functions)] {
        for item in items {
            let scope = modules.entry((kind, item.namespace.as_deref())).or_default();
            let place = format!("in the module `{kind}`");
            report(
                scope.claim(&item.rust_name, &item.tl_name, item.span),
                &place,
                diagnostics,
            );
            for group in &item.groups {
                let owner = format!("{} (params sharing a flag bit)", item.tl_name);
                report(scope.claim(&group.rust_name, &owner, item.span), &place, diagnostics);
            }
            check_members(item, diagnostics);
        }
    }
    let mut enums: BTreeMap<Option<&str>, NameScope> = BTreeMap::new();
    for ty in &resolved.types {
        let scope = enums.entry(ty.namespace.as_deref()).or_default();
        let first = ty.constructors.first().map(|&c| &resolved.constructors[c]);
        let span = first.map_or_else(Default::default, |c| c.span);
        report(
            scope.claim(&ty.rust_name, &ty.tl_name, span),
            "in the module `enums`",
            diagnostics,
        );
    }
}

/// The fields and derived-bit methods of one item.
fn check_members(item: &Shape, diagnostics: &mut Diagnostics) {
    let mut members = NameScope::default();
    let names = (item.fields.iter().map(|f| (&f.rust_name, &f.tl_name, f.span)))
        .chain(item.derived.iter().map(|d| (&d.rust_name, &d.tl_name, d.span)));
    let place = format!("in `{}`", item.tl_name);
    for (rust, tl, span) in names {
        report(members.claim(rust, tl, span), &place, diagnostics);
    }
}

fn report(claimed: Result<(), NameCollision>, place: &str, diagnostics: &mut Diagnostics) {
    let Err(collision) = claimed else { return };
    let related = (collision.first_span != collision.second_span).then_some(collision.first_span);
    let mut diagnostic = Diagnostic::error(collision.second_span, collision.to_string()).with_label(place.to_string());
    if let Some(first) = related {
        diagnostic = diagnostic.with_related(first, format!("`{}` is here", collision.first));
    }
    diagnostics.push(diagnostic);
}
