//! `tl_codegen::diff`: one small pair of schemas per kind of change, each classified right; properties
//! on the real schemas (a schema against itself has no change; the reported additions, removals and
//! renumberings turn the old (name, id) set into the new one); snapshots of layer 221 → 230.

use std::collections::BTreeSet;

use tl_codegen::diff::{Effect, SchemaDiff};
use tl_codegen::diff_files;
use tl_parser::{ParseOptions, SourceFile};

fn diff_of(old: &str, new: &str, roots: &[&str]) -> SchemaDiff {
    let roots: Vec<String> = roots.iter().map(|r| r.to_string()).collect();
    diff_files(
        &[SourceFile::new("old.tl", old)],
        &[SourceFile::new("new.tl", new)],
        &roots,
        &ParseOptions::new(),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn each_kind_of_change_is_classified() {
    use Effect::*;
    let base = "a flags:# x:int y:flags.0?string z:flags.1?true = A;\n";
    let cases: [(&str, Effect, &str); 9] = [
        (
            "a flags:# x:int y:flags.0?string z:flags.1?true w:long = A;\n",
            Additive,
            "param `w` added: `long` (the struct has `Default`)",
        ),
        (
            "a flags:# x:int y:flags.0?string z:flags.1?true w:flags.2?long = A;\n",
            Additive,
            "param `w` added: `flags.2?long`",
        ),
        (
            "a flags:# y:flags.0?string z:flags.1?true = A;\n",
            SourceBreaking,
            "param `x` removed",
        ),
        (
            "a flags:# x:long y:flags.0?string z:flags.1?true = A;\n",
            SourceBreaking,
            "param `x` retyped: `int` → `long`",
        ),
        (
            "a flags:# x:int y:string z:flags.1?true = A;\n",
            SourceBreaking,
            "param `y` became required (was flags.0)",
        ),
        (
            "a flags:# x:flags.2?int y:flags.0?string z:flags.1?true = A;\n",
            SourceBreaking,
            "param `x` became optional (flags.2)",
        ),
        (
            "a flags:# x:int y:flags.3?string z:flags.1?true = A;\n",
            WireOnly,
            "param `y` moved from flags.0 to flags.3",
        ),
        (
            "a flags:# x:int y:flags.0?string z:flags.1?true v:flags.0?int = A;\n",
            SourceBreaking,
            "params `v`, `y` now share flags.0",
        ),
        (
            "a flags:# x:int y:flags.0?string z:flags.1?true = B;\n",
            SourceBreaking,
            "result `A` → `B`",
        ),
    ];
    for (new, effect, what) in cases {
        let changes = diff_of(base, new, &[]);
        let found: Vec<_> = changes.changes.iter().filter(|c| c.what == what).collect();
        assert_eq!(found.len(), 1, "{what}: {changes:?}");
        assert_eq!(found[0].effect, effect, "{what}");
    }
    // Every format prints each sentence whole: its backticks paired, its parenthesis closed.
    let added = diff_of(base, cases[0].0, &[]);
    for printed in [added.to_text(), added.to_markdown(), added.to_json()] {
        assert!(printed.contains("(the struct has `Default`)"), "{printed}");
        for line in printed.lines() {
            assert_eq!(line.matches('(').count(), line.matches(')').count(), "{line}");
            assert_eq!(line.matches('`').count() % 2, 0, "{line}");
        }
    }
    // A required param added to a struct without `Default` (`x:B`, and `B` has no default) breaks.
    let no_default = diff_of(
        "b1 = B;\nb2 = B;\na x:B = A;\n",
        "b1 = B;\nb2 = B;\na x:B y:int = A;\n",
        &[],
    );
    let added: Vec<_> = (no_default.changes.iter())
        .filter(|c| c.what.starts_with("param"))
        .map(|c| (c.effect, c.what.as_str()))
        .collect();
    assert_eq!(added, [(SourceBreaking, "param `y` added: `int`")]);
    let gained = diff_of("a = A;\n", "a = A;\nb = A;\n", &[]);
    let gained: Vec<_> = gained
        .changes
        .iter()
        .map(|c| (c.effect, c.name.as_str(), c.what.as_str()))
        .collect();
    assert_eq!(
        gained,
        [
            (Additive, "A", "gained constructor `b`"),
            (Additive, "b", "constructor added")
        ]
    );
    let removed = diff_of("a = A;\nb = A;\n", "a = A;\n", &[]);
    assert!(
        removed
            .changes
            .iter()
            .any(|c| c.what == "lost constructor `b`" && c.effect == SourceBreaking)
    );
    let renumbered = diff_of("a#00000001 = A;\n", "a#00000002 = A;\n", &[]);
    assert_eq!(renumbered.changes.len(), 1);
    assert_eq!(renumbered.changes[0].effect, WireOnly);
    assert!(!renumbered.is_breaking());
    let function = diff_of("a = A;\n", "a = A;\n---functions---\nf x:int = A;\n", &[]);
    assert_eq!(function.changes[0].what, "function added");
}

#[test]
fn roots_keep_what_they_reach_on_either_side() {
    let old = "a x:B = A;\nb = B;\nc = C;\n---functions---\nf = A;\n";
    let new = "a x:B y:int = A;\nb#11111111 = B;\nc y:int = C;\n---functions---\nf = A;\ng = C;\n";
    let diff = diff_of(old, new, &["f"]);
    let names: BTreeSet<&str> = diff.changes.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, BTreeSet::from(["a", "b"]), "{diff:?}");
    let unknown = diff_files(
        &[SourceFile::new("old.tl", old)],
        &[SourceFile::new("new.tl", new)],
        &["h".to_string()],
        &ParseOptions::new(),
    )
    .expect_err("a root in neither schema");
    assert!(unknown.to_string().contains("`h`"), "{unknown}");
    let both = diff_of(old, new, &["f", "g"]);
    assert!(both.changes.iter().any(|c| c.name == "g" && c.what == "function added"));
    assert!(
        both.changes.iter().any(|c| c.name == "c"),
        "what g reaches in the new schema"
    );
}

fn layers() -> Option<(SourceFile, SourceFile)> {
    Some((tl_tests::api_layer221()?, tl_tests::api_layer230()))
}

#[test]
fn a_schema_against_itself_has_no_change_and_ids_add_up() {
    let api230 = tl_tests::api_layer230();
    let same = diff_files(
        std::slice::from_ref(&api230),
        std::slice::from_ref(&api230),
        &[],
        &ParseOptions::new(),
    )
    .expect("parses");
    assert!(same.changes.is_empty());
    let Some((api221, api230)) = layers() else { return };
    let diff = diff_files(
        std::slice::from_ref(&api221),
        std::slice::from_ref(&api230),
        &[],
        &ParseOptions::new(),
    )
    .expect("parses");
    let set = |file: &SourceFile| -> BTreeSet<(String, u32)> {
        let files = std::slice::from_ref(file);
        let schema = tl_codegen::load(files, &ParseOptions::new()).expect("parses").schema;
        schema
            .definitions
            .iter()
            .map(|d| (d.name.full.to_string(), d.id))
            .collect()
    };
    let mut applied = set(&api221);
    for change in &diff.changes {
        if let Some(old) = change.old_id {
            assert!(applied.remove(&(change.name.clone(), old)), "{change:?}");
        }
        if let Some(new) = change.new_id {
            applied.insert((change.name.clone(), new));
        }
    }
    assert_eq!(applied, set(&api230));
}

const URL_AUTH_ROOTS: [&str; 11] = [
    "keyboardButtonUrlAuth",
    "inputKeyboardButtonUrlAuth",
    "messages.requestUrlAuth",
    "messages.acceptUrlAuth",
    "urlAuthResultRequest",
    "urlAuthResultAccepted",
    "urlAuthResultDefault",
    "inlineButtonTypeUrlAuth",
    "inputInlineButtonTypeUrlAuth",
    "messages.declineUrlAuth",
    "messages.checkUrlAuthMatchCode",
];

#[test]
fn layer_221_to_230_for_url_auth_and_for_the_whole_schema() {
    let Some((api221, api230)) = layers() else { return };
    let roots: Vec<String> = URL_AUTH_ROOTS.iter().map(|r| r.to_string()).collect();
    let files = |file: &SourceFile| vec![SourceFile::new(tl_codegen::file_name(&file.name), file.text.clone())];
    let url_auth = diff_files(&files(&api221), &files(&api230), &roots, &ParseOptions::new()).expect("parses");
    insta::assert_snapshot!("url_auth_221_to_230", url_auth.to_markdown());
    let whole = diff_files(&files(&api221), &files(&api230), &[], &ParseOptions::new()).expect("parses");
    let breaking: Vec<String> = (whole.changes.iter())
        .filter(|c| c.effect == Effect::SourceBreaking)
        .map(|c| format!("{}: {}", c.name, c.what))
        .collect();
    insta::assert_snapshot!(
        "api_221_to_230",
        format!("{}\n\n{}\n", whole.summary(), breaking.join("\n"))
    );
    let json: serde_json::Value = serde_json::from_str(&url_auth.to_json()).expect("JSON");
    assert_eq!(json["breaking"], true);
    assert_eq!(json["changes"].as_array().map(Vec::len), Some(url_auth.changes.len()));
}
