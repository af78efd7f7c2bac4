//! The house rules that keep the generator readable, checked on its source:
//!
//! - no function in `tl-parser/src` or `tl-codegen/src` is longer than 60 lines, its signature and
//!   closing brace included. Functions are found in the source as rustfmt writes it (`cargo fmt --check`
//!   runs in CI): a line that starts an `fn` item, then the `}` at its indentation. The `fn`s of generated
//!   code inside `quote!` count as part of the function that writes them (and are checked on their own
//!   too, which they pass when it does);
//! - the modules of one stage (`model/`, `model/resolve/`, `emit/`) import each other without a circle:
//!   a piece two modules share lives lower, in a module both import.

use std::collections::{BTreeMap, BTreeSet};
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

#[test]
fn the_modules_of_a_stage_import_each_other_without_a_circle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for folder in ["model", "model/resolve", "emit"] {
        let imports = imports_among_siblings(&src.join(folder));
        assert!(imports.len() > 3, "{folder}: found only {} modules", imports.len());
        if let Some(circle) = find_circle(&imports) {
            panic!(
                "{folder}: the modules import each other in a circle: {}",
                circle.join(" -> ")
            );
        }
    }
}

#[test]
fn the_import_scan_finds_paths_and_groups() {
    let text = "use super::{plan::{self, Step}, Item};\nuse super::shape::Shape; // super::names is a comment\n";
    let siblings: BTreeSet<String> = ["plan", "shape", "names"].map(String::from).into();
    assert_eq!(
        imported_siblings(text, &siblings),
        ["plan", "shape"].map(String::from).into()
    );
    let imports = BTreeMap::from([("a", vec!["b"]), ("b", vec!["c"]), ("c", vec!["a"])].map(|(k, v)| {
        (
            k.to_string(),
            v.into_iter().map(String::from).collect::<BTreeSet<String>>(),
        )
    }));
    assert_eq!(
        find_circle(&imports),
        Some(["a", "b", "c", "a"].map(String::from).to_vec())
    );
}

/// Each module of `folder` (a file other than `mod.rs`, or a folder with a `mod.rs`) and the sibling
/// modules it names through `super::`.
fn imports_among_siblings(folder: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut sources = BTreeMap::new();
    for entry in std::fs::read_dir(folder).expect("a source folder") {
        let path = entry.expect("a directory entry").path();
        let name = path.file_stem().expect("a name").to_string_lossy().into_owned();
        if path.is_dir() && path.join("mod.rs").exists() {
            sources.insert(name, std::fs::read_to_string(path.join("mod.rs")).expect("readable"));
        } else if path.extension().is_some_and(|e| e == "rs") && name != "mod" {
            sources.insert(name, std::fs::read_to_string(&path).expect("readable"));
        }
    }
    let siblings: BTreeSet<String> = sources.keys().cloned().collect();
    (sources.iter())
        .map(|(name, text)| {
            let mut imported = imported_siblings(text, &siblings);
            imported.remove(name);
            (name.clone(), imported)
        })
        .collect()
}

/// The modules of `siblings` that `text` names after `super::`, in a path or in a `use super::{...}`
/// group (comments left out).
fn imported_siblings(text: &str, siblings: &BTreeSet<String>) -> BTreeSet<String> {
    let code: String = text
        .lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = BTreeSet::new();
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .map(String::from)
            .collect()
    };
    for (index, _) in code.match_indices("super::") {
        let rest = &code[index + "super::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // The names at the top of the group: a sibling is followed by `::`.
            let end = group.find("};").unwrap_or(group.len());
            for part in group[..end].split(',') {
                let first = words(part.trim())
                    .into_iter()
                    .find(|w| !w.is_empty())
                    .unwrap_or_default();
                if siblings.contains(&first) {
                    found.insert(first);
                }
            }
        } else if let Some(first) = words(rest).into_iter().next().filter(|w| siblings.contains(w)) {
            found.insert(first);
        }
    }
    found
}

/// A circle of imports, as the modules along it (the first repeated at the end), if there is one.
fn find_circle(imports: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        module: &str,
        imports: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|m| m == module) {
            let mut circle = path[at..].to_vec();
            circle.push(module.to_string());
            return Some(circle);
        }
        if done.contains(module) {
            return None;
        }
        path.push(module.to_string());
        for next in imports.get(module).into_iter().flatten() {
            if let Some(circle) = visit(next, imports, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        done.insert(module.to_string());
        None
    }
    let mut done = BTreeSet::new();
    imports
        .keys()
        .find_map(|module| visit(module, imports, &mut Vec::new(), &mut done))
}
