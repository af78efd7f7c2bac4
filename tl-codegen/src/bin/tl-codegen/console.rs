//! What the command prints. Everything goes to stderr, and a closed pipe is not a failure: a status line
//! that nobody reads must not turn a finished job into a panic (`tl-codegen --check 2>&1 | head -1`).

use std::fmt::Display;
use std::io::Write;

/// Prints one line (or block) to stderr; a failed write is ignored.
pub(crate) fn say(text: impl Display) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}

/// A unified diff from `old` to `new`, cut after `max_lines` lines.
pub(crate) fn short_diff(old: &str, new: &str, max_lines: usize) -> String {
    let diff = similar::TextDiff::from_lines(old, new);
    let text = diff
        .unified_diff()
        .context_radius(2)
        .header("on disk", "generated now")
        .to_string();
    let mut lines: Vec<&str> = text.lines().collect();
    let total = lines.len();
    lines.truncate(max_lines);
    let mut out = lines.join("\n");
    if total > max_lines {
        out.push_str(&format!("\n... {} more diff lines", total - max_lines));
    }
    out
}
