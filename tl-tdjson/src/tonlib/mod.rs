//! TON's tonlib through its JSON interface (libtonlibjson), with tonlib_api types generated under
//! `--json-interface` (`Config::json_interface`): the same kind of JSON as TDLib's (`"@type"`, `int64`
//! as a string, `bytes` base64), so the same generated code and the same request routing serve it.
//!
//! What differs from TDLib, and is kept apart here: each [`Client`] is an instance of its own
//! (`tonlib_client_json_create`), received from on its own and destroyed when dropped; static requests
//! run without one ([`Tonlib::execute`]); a request tonlib cannot read gets no answer at all (a call then
//! ends in [`Error::Timeout`]), while TDLib answers such a request with an `error`.
//!
//! ```no_run
//! # mod tonlib_api { pub mod functions {
//! #     #[derive(serde::Serialize)] #[serde(tag = "@type", rename = "getLogTags")]
//! #     pub struct GetLogTags {}
//! #     impl tl_runtime::tdjson::Function for GetLogTags { const TYPE: &'static str = "getLogTags"; type Return = serde_json::Value; }
//! # } }
//! let tonlib = tl_tdjson::tonlib::Tonlib::load(None)?; // TONLIB_PATH, the fetch script's cache, the system's search
//! let tags = tonlib.execute(&tonlib_api::functions::GetLogTags {})?;
//! # Ok::<(), tl_tdjson::Error>(())
//! ```

mod client;
mod library;

use std::path::{Path, PathBuf};

pub use client::Client;

use crate::{Error, Function, ffi};

/// The environment variable [`Tonlib::load`] reads the library's path from when given none.
pub const PATH_VARIABLE: &str = "TONLIB_PATH";

/// The Python registry wheel whose `libtonlibjson` the repository's `scripts/fetch-tonlib.sh` fetches
/// (with `tonlib_api.tl` from `pytoniq-core` 0.2.1), and so the one its cache folder is named after.
pub const FETCHED_WHEEL: &str = "pytonlib-0.0.72";

/// The cache folder that the repository's `scripts/fetch-tonlib.sh` fills with `libtonlibjson.so` and
/// `tonlib_api.tl`: `$TONLIB_CACHE`, else `${XDG_CACHE_HOME:-$HOME/.cache}/tl-codegen/tonlib-pytonlib-0.0.72`;
/// `None` when none of these variables is set. Build scripts find `tonlib_api.tl` here.
pub fn fetch_cache() -> Option<PathBuf> {
    ffi::cache_of(
        std::env::var_os("TONLIB_CACHE"),
        std::env::var_os("XDG_CACHE_HOME"),
        std::env::var_os("HOME"),
        &format!("tl-codegen/tonlib-{FETCHED_WHEEL}"),
    )
}

/// The loaded libtonlibjson. Share it by reference: clients borrow it.
pub struct Tonlib {
    library: &'static library::Library,
}

impl Tonlib {
    /// Loads libtonlibjson from `path`; when `path` is `None`, from the first of: the path in
    /// `TONLIB_PATH`, `libtonlibjson.so` in [`fetch_cache`], and `libtonlibjson.so` through the system's
    /// library search. The error names every place looked at ([`Error::NotFound`]), or the path and the
    /// loader's reason when a library found does not load. As for TDLib, the library is never unloaded.
    pub fn load(path: Option<&Path>) -> Result<Self, Error> {
        let search = ffi::Search {
            library: "libtonlibjson",
            path_variable: PATH_VARIABLE,
            cache: fetch_cache(),
            file_name: "libtonlibjson.so",
            help: format!(
                "run `bash scripts/fetch-tonlib.sh` in tl-codegen's repository (it fetches the libtonlibjson of \
                 {FETCHED_WHEEL} into the cache above), set {PATH_VARIABLE} to the library's path, or pass the \
                 path to `Tonlib::load`"
            ),
        };
        let library = ffi::find(path, search, library::Library::load)?;
        Ok(Self { library })
    }

    /// Runs a function tonlib answers without an instance (its static requests: logging, `kdf`,
    /// `encrypt`, `unpackAccountAddress`, `getBip39Hints` ...) and reads its answer; tonlib's `error`
    /// answer is [`Error::Td`] (a function that is not static: "Function can't be executed
    /// synchronously").
    pub fn execute<F: Function>(&self, function: &F) -> Result<F::Return, Error> {
        let request = serde_json::to_string(function).map_err(|error| Error::Request(error.to_string()))?;
        crate::read_answer::<F>(&self.execute_json(&request)?)
    }

    /// Runs a static request given as JSON text and returns tonlib's answer as JSON text; a request tonlib
    /// cannot read gets none ([`Error::NoAnswer`]).
    pub fn execute_json(&self, request: &str) -> Result<String, Error> {
        self.library.execute(request)?.ok_or(Error::NoAnswer)
    }

    /// A new client: a tonlib instance of its own (send it `init` first).
    pub fn client<U: serde::de::DeserializeOwned>(&self) -> Result<Client<U>, Error> {
        Ok(Client::new(self.library.create()?))
    }
}
