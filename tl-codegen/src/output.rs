//! Writing output files: only when the content changed, and never in check mode.

use std::io;
use std::path::Path;

/// What happened to one output file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileStatus {
    /// The file already had this content; it was not touched.
    Unchanged,
    /// The file was missing or different, and was written.
    Written,
    /// The file is missing or different; check mode left it alone.
    Stale,
}

/// Writes `content` to `path` unless it already holds exactly that. With `check`, never writes.
pub fn write_if_changed(path: &Path, content: &str, check: bool) -> io::Result<FileStatus> {
    match std::fs::read(path) {
        Ok(existing) if existing == content.as_bytes() => return Ok(FileStatus::Unchanged),
        Ok(_) => {}
        Err(error) if error.kind() == io::ErrorKind::NotFound => {}
        Err(error) => return Err(error),
    }
    if check {
        return Ok(FileStatus::Stale);
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, content)?;
    Ok(FileStatus::Written)
}

/// A unified diff from `old` to `new`, cut after `max_lines` lines.
pub fn short_diff(old: &str, new: &str, max_lines: usize) -> String {
    let diff = similar::TextDiff::from_lines(old, new);
    let text = diff
        .unified_diff()
        .context_radius(2)
        .header("checked in", "generated now")
        .to_string();
    let mut lines: Vec<&str> = text.lines().collect();
    let total = lines.len();
    lines.truncate(max_lines);
    let mut out = lines.join("\n");
    out.push('\n');
    if total > max_lines {
        out.push_str(&format!("... {} more diff lines\n", total - max_lines));
    }
    out
}
