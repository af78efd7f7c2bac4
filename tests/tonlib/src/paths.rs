//! Where the tonlib tests find tonlib_api.tl, shared by build.rs (which includes this file) and the
//! library.

use std::path::PathBuf;

/// tonlib_api.tl: the path in `TONLIB_API_TL`, else `tonlib_api.tl` in the cache of `bash
/// scripts/fetch-tonlib.sh` (`tl_tdjson::tonlib::fetch_cache`), the schema of the library it fetches.
pub(crate) fn tonlib_api_tl() -> PathBuf {
    match std::env::var_os("TONLIB_API_TL") {
        Some(path) => PathBuf::from(path),
        None => tl_tdjson::tonlib::fetch_cache()
            .unwrap_or_default()
            .join("tonlib_api.tl"),
    }
}
