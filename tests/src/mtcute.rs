//! mtcute's Telegram data (`@mtcute/tl@223.0.0` from the Node registry): `api-schema.json`,
//! `mtp-schema.json` and `raw-errors.json`, fetched by `bash scripts/fetch-mtcute.sh`.

use std::path::PathBuf;

/// The command that fetches the files.
pub const FETCH: &str = "bash scripts/fetch-mtcute.sh";

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
