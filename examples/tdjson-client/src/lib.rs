//! TDLib's td_api (1.8.61, the version `scripts/fetch-tdjson.sh` fetches) in TDLib's JSON form, generated
//! by build.rs with `Config::tdjson`, for [`tl_tdjson`]. Empty when build.rs found no td_api.tl (see
//! build.rs).

/// The td_api types: `types`, `enums`, `functions` (each with `tl_runtime::tdjson::Function`).
#[cfg(has_td_api)]
#[allow(clippy::all)]
pub mod td_api {
    tl_runtime::include_tl!("td_api");
}

/// Whether build.rs found td_api.tl.
pub const HAS_TD_API: bool = cfg!(has_td_api);

/// What to do when the crate was built without td_api.tl.
pub const WITHOUT_TD_API: &str = "built without td_api.tl: run `bash scripts/fetch-tdjson.sh` (it fetches \
     TDLib's libtdjson and td_api.tl), then build again; or set TD_API_TL to a td_api.tl of the library's version";
