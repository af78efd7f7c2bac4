//! The house rule that keeps the generator readable: no function in `tl-parser/src` or `tl-codegen/src`
//! is longer than 60 lines, its signature and closing brace included. Functions are found in the source
//! as rustfmt writes it (`cargo fmt --check` runs in CI): a line that starts an `fn` item, then the `}`
//! at its indentation. The `fn`s of generated code inside `quote!` count as part of the function that
//! writes them (and are checked on their own too, which they pass when it does).

use std::path::{Path, PathBuf};

const MAX_LINES: usize = 60;

#[test]
fn no_function_of_the_parser_or_the_generator_is_longer_than_60_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut long = Vec::new();
    let mut checked = 0;
    for folder in ["tl-parser/src", "tl-codegen/src"] {
        for path in rust_files(&root.join(folder)) {
            let text = std::fs::read_to_string(&path).expect("a readable source file");
            for function in functions(&text) {
                checked += 1;
                if function.lines > MAX_LINES {
                    let shown = path.strip_prefix(&root).unwrap_or(&path).display().to_string();
                    long.push(format!(
                        "{shown}:{} `{}`: {} lines",
                        function.line, function.name, function.lines
                    ));
                }
            }
        }
    }
    assert!(
        checked > 500,
        "found only {checked} functions: is the scan still reading the sources?"
    );
    assert!(
        long.is_empty(),
        "functions over {MAX_LINES} lines:\n{}",
        long.join("\n")
    );
}

#[test]
fn the_scan_measures_signatures_bodies_and_one_liners() {
    let text =
        "fn short() -> u8 { 1 }\n\npub(crate) fn long(\n    a: u8,\n) -> u8\nwhere\n    u8: Copy,\n{\n    a\n}\n";
    let found: Vec<(String, usize)> = functions(text).into_iter().map(|f| (f.name, f.lines)).collect();
    assert_eq!(found, [("short".to_string(), 1), ("long".to_string(), 8)]);
}

struct Function {
    name: String,
    line: usize,
    lines: usize,
}

fn rust_files(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).expect("a source folder") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// Every `fn` item with a body in `text`, and how many lines it spans.
fn functions(text: &str) -> Vec<Function> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (start, line) in lines.iter().enumerate() {
        let Some(name) = fn_name(line) else { continue };
        let indent = indentation(line);
        if line.trim_end().ends_with(';') {
            continue;
        }
        let one_line = line.contains('{') && line.trim_end().ends_with('}');
        let end = match one_line {
            true => Some(start),
            false => (start + 1..lines.len()).find(|&i| indentation(lines[i]) == indent && lines[i].trim() == "}"),
        };
        if let Some(end) = end {
            found.push(Function {
                name: name.to_string(),
                line: start + 1,
                lines: end - start + 1,
            });
        }
    }
    found
}

/// The name of the function a line starts: `pub(crate) const fn name(`.
fn fn_name(line: &str) -> Option<&str> {
    let mut rest = line.trim_start();
    for prefix in ["pub(crate) ", "pub(super) ", "pub ", "const ", "async ", "unsafe "] {
        rest = rest.strip_prefix(prefix).unwrap_or(rest);
    }
    let rest = rest.strip_prefix("fn ")?;
    let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_'))?;
    (end > 0).then(|| &rest[..end])
}

fn indentation(line: &str) -> usize {
    line.len() - line.trim_start().len()
}
