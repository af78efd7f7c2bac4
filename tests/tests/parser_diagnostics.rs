//! Golden files: the rendered diagnostics of every malformed schema in `fixtures/invalid/`.
//!
//! Each `.tl` file there is wrong in one way (one file shows several errors and the recovery between
//! them); its snapshot is what a user sees. Review changes with `cargo insta review`.

use tl_parser::{ParseOptions, SourceFile, parse};

#[test]
fn malformed_schemas_render_their_diagnostics() {
    insta::glob!("../fixtures/invalid", "*.tl", |path| {
        let name = format!("invalid/{}", path.file_name().expect("a file").to_string_lossy());
        let text = String::from_utf8_lossy(&std::fs::read(path).expect("readable fixture")).into_owned();
        let files = [SourceFile::new(name, text)];
        let parsed = parse(&files, &ParseOptions::new());
        assert!(parsed.diagnostics.has_errors(), "{} must be rejected", path.display());
        insta::assert_snapshot!(parsed.diagnostics.render(&files));
    });
}
