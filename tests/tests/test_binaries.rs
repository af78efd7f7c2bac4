//! No test binary passes by compiling its tests away: no integration test file of the workspace starts
//! with an inner `#![cfg(...)]`, which removed every test of the file when an input was missing (the TDLib
//! tests, layer 221, the wild schemas, lite_api). Such a file keeps its tests in a cfg'd module and has
//! one test for the missing input, which fails (or, for `../shared`, skips outside CI) saying why.

use std::path::{Path, PathBuf};

/// Every `.rs` file under a `tests/` folder of the workspace's members (not fixtures, not build output).
fn test_files(folder: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).expect("a readable folder") {
        let path = entry.expect("an entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if path.is_dir()
            && !matches!(
                name,
                "target" | "fixtures" | "snapshots" | "node_modules" | ".git" | "fuzz"
            )
        {
            test_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs")
            && path
                .parent()
                .and_then(Path::file_name)
                .is_some_and(|parent| parent == "tests")
        {
            found.push(path);
        }
    }
}

#[test]
fn no_test_file_compiles_its_tests_away() {
    let mut files = Vec::new();
    test_files(tl_tests::workspace_root(), &mut files);
    assert!(files.len() > 20, "the walk found the test files: {files:?}");
    let gated: Vec<String> = files
        .iter()
        .filter(|path| {
            let text = std::fs::read_to_string(path).expect("a readable test file");
            text.lines().any(|line| line.trim_start().starts_with("#![cfg("))
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(
        gated.is_empty(),
        "test files that compile away without their input: {gated:?}"
    );
}
