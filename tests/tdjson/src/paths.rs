//! Where the TDLib tests find td_api.tl, shared by build.rs (which includes this file) and the library.

use std::path::PathBuf;

/// td_api.tl: the path in `TD_API_TL`, else `td_api.tl` in the cache of `bash scripts/fetch-tdjson.sh`
/// (`tl_tdjson::fetch_cache`), of the TDLib version of the library it fetches.
pub(crate) fn td_api_tl() -> PathBuf {
    match std::env::var_os("TD_API_TL") {
        Some(path) => PathBuf::from(path),
        None => tl_tdjson::fetch_cache().unwrap_or_default().join("td_api.tl"),
    }
}
