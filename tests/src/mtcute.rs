//! Telegram's data other projects publish, fetched by `bash scripts/fetch-telegram-data.sh`: mtcute's
//! (`@mtcute/tl@223.0.0` from the Node registry: `api-schema.json`, `mtp-schema.json`,
//! `raw-errors.json`) and Pyrogram's error lists (pyrofork 2.3.69's sdist: `420_FLOOD.tsv`, ...).

use std::path::PathBuf;

/// The command that fetches the files.
pub const FETCH: &str = "bash scripts/fetch-telegram-data.sh";

/// The folder the fetch script fills: `MTCUTE_CACHE`, else `$XDG_CACHE_HOME` or `~/.cache`, then
/// `tl-codegen/mtcute-tl-223.0.0`.
pub fn cache() -> PathBuf {
    if let Some(path) = std::env::var_os("MTCUTE_CACHE") {
        return PathBuf::from(path);
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache")))
        .unwrap_or_default();
    base.join("tl-codegen/mtcute-tl-223.0.0")
}

/// The path of `name` in the cache; panics naming the fetch script when it is missing.
pub fn file(name: &str) -> PathBuf {
    let path = cache().join(name);
    assert!(
        path.is_file(),
        "{} is missing: run `{FETCH}` (it fetches @mtcute/tl@223.0.0 from the npm registry), then test again",
        path.display()
    );
    path
}

/// Pyrogram's error lists (one `.tsv` per code), sorted; panics naming the fetch script when missing.
pub fn pyrofork_error_lists() -> Vec<PathBuf> {
    let folder = match std::env::var_os("PYROFORK_CACHE") {
        Some(path) => PathBuf::from(path),
        None => cache().parent().expect("the cache's folder").join("pyrofork-2.3.69"),
    };
    assert!(
        folder.join(".complete").is_file(),
        "{} is missing: run `{FETCH}` (it fetches pyrofork 2.3.69's sdist from PyPI), then test again",
        folder.display()
    );
    let mut lists: Vec<PathBuf> = (std::fs::read_dir(&folder).expect("the folder"))
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "tsv"))
        .collect();
    lists.sort();
    lists
}
