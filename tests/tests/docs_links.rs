//! The README, the guide (`docs/`), BENCHMARKS.md and CHANGELOG.md link to each other and to files of the
//! repository: every relative link must lead to a file that exists and, with `#anchor`, to a heading of it
//! (GitHub's anchors: lower case, punctuation dropped, spaces as `-`).

use std::path::{Path, PathBuf};

/// The Markdown files checked.
fn documents() -> Vec<PathBuf> {
    let root = tl_tests::workspace_root();
    let mut files = vec![
        root.join("README.md"),
        root.join("BENCHMARKS.md"),
        root.join("CHANGELOG.md"),
    ];
    let docs = std::fs::read_dir(root.join("docs")).expect("the docs folder");
    let mut guide: Vec<PathBuf> = docs
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .collect();
    guide.sort();
    files.extend(guide);
    files
}

/// The targets of the relative links of `text`: `[text](target)`, not web addresses.
fn relative_links(text: &str) -> Vec<&str> {
    text.split("](")
        .skip(1)
        .filter_map(|rest| rest.split_once(')').map(|(target, _)| target))
        .filter(|target| !target.starts_with("http://") && !target.starts_with("https://"))
        .collect()
}

/// GitHub's anchor of a heading.
fn anchor(heading: &str) -> String {
    let kept = heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '_' || *c == ' ')
        .collect::<String>();
    kept.replace(' ', "-")
}

/// The anchors of every heading of a Markdown text (outside code blocks).
fn anchors(text: &str) -> Vec<String> {
    let mut in_code = false;
    let mut found = Vec::new();
    for line in text.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
        } else if !in_code && line.starts_with('#') {
            found.push(anchor(line.trim_start_matches('#')));
        }
    }
    found
}

fn check(document: &Path, target: &str) -> Result<(), String> {
    let (file, fragment) = target.split_once('#').unwrap_or((target, ""));
    let path = if file.is_empty() {
        document.to_path_buf()
    } else {
        document.parent().expect("a folder").join(file)
    };
    let text = std::fs::read_to_string(&path).map_err(|error| format!("`{target}`: {error}"))?;
    if fragment.is_empty() || anchors(&text).iter().any(|a| a == fragment) {
        Ok(())
    } else {
        Err(format!("`{target}`: no heading with this anchor"))
    }
}

#[test]
fn every_relative_link_of_the_docs_leads_somewhere() {
    let mut broken = Vec::new();
    for document in documents() {
        let text = std::fs::read_to_string(&document).expect("a readable document");
        for target in relative_links(&text) {
            if let Err(why) = check(&document, target) {
                broken.push(format!("{}: {why}", document.display()));
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn anchors_are_github_s() {
    assert_eq!(anchor(" Degrade, don't refuse"), "degrade-dont-refuse");
    assert_eq!(
        anchor("From `build.rs` (like prost-build)"),
        "from-buildrs-like-prost-build"
    );
    assert_eq!(anchor("The generated API's options"), "the-generated-apis-options");
}
