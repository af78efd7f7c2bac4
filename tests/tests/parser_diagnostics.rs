//! Golden files: the rendered diagnostics of every malformed schema in `fixtures/invalid/`, and of every
//! schema in `fixtures/warnings/` that parses with warnings.
//!
//! Each `.tl` file in `invalid/` is wrong in one way (one file shows several errors and the recovery
//! between them); each in `warnings/` shows one reason a schema keeps an id that is not its hash, or an
//! id two definitions share. The snapshot is what a user sees. Review changes with `cargo insta review`.

use tl_parser::{ParseOptions, SourceFile, parse};

fn fixture(folder: &str, path: &std::path::Path) -> [SourceFile; 1] {
    let name = format!("{folder}/{}", path.file_name().expect("a file").to_string_lossy());
    let text = String::from_utf8_lossy(&std::fs::read(path).expect("readable fixture")).into_owned();
    [SourceFile::new(name, text)]
}

#[test]
fn malformed_schemas_render_their_diagnostics() {
    insta::glob!("../fixtures/invalid", "*.tl", |path| {
        let files = fixture("invalid", path);
        let parsed = parse(&files, &ParseOptions::new());
        assert!(parsed.diagnostics.has_errors(), "{} must be rejected", path.display());
        insta::assert_snapshot!(parsed.diagnostics.render(&files));
    });
}

#[test]
fn questionable_ids_are_warnings_that_explain_themselves() {
    insta::glob!("../fixtures/warnings", "*.tl", |path| {
        let files = fixture("warnings", path);
        let parsed = parse(&files, &ParseOptions::new());
        assert!(!parsed.diagnostics.has_errors(), "{} must parse", path.display());
        assert!(!parsed.diagnostics.is_empty(), "{} must warn", path.display());
        insta::assert_snapshot!(parsed.diagnostics.render(&files));
    });
}

#[test]
fn strict_ids_make_every_id_mismatch_an_error_and_accepting_it_silences_it() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/warnings/trailing_conditionals.tl");
    let files = fixture("warnings", &path);
    let strict = parse(&files, &ParseOptions::new().strict_ids());
    assert!(strict.diagnostics.has_errors());
    insta::assert_snapshot!(strict.diagnostics.render(&files));
    let accepted = parse(&files, &ParseOptions::new().strict_ids().allow_id_mismatch("a"));
    assert!(
        accepted.diagnostics.is_empty(),
        "{}",
        accepted.diagnostics.render(&files)
    );
}
