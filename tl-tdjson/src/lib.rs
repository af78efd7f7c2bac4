//! Calls TDLib through its JSON interface (libtdjson) with the td_api types tl-codegen generates under
//! `--json-interface` (`Config::json_interface`, first named `tdjson`): a function is sent as the JSON
//! object TDLib reads, and its answer read as the function's `Return` type. TON's tonlib, whose JSON
//! interface is of the same kind, is the [`tonlib`] module: the two share the request routing, the
//! library search and the errors.
//!
//! The library is loaded at run time ([`TdJson::load`]): from a path, from the environment variable
//! `TDJSON_PATH`, from the cache folder that the repository's `scripts/fetch-tdjson.sh` fills
//! ([`fetch_cache`]), or by the system's library search. Once loaded it stays loaded for the life of the
//! process, as a linked library would (TDLib's exit handlers need its code). [`TdJson::execute`] runs the
//! functions TDLib documents as "Can be called synchronously"; a [`Client`] sends functions to one TDLib
//! instance and receives their answers and its updates.
//!
//! ```no_run
//! # mod td_api { pub mod functions {
//! #     #[derive(serde::Serialize)] #[serde(tag = "@type", rename = "getOption")]
//! #     pub struct GetOption { pub name: String }
//! #     impl tl_runtime::tdjson::Function for GetOption { const TYPE: &'static str = "getOption"; type Return = serde_json::Value; }
//! # } }
//! let td = tl_tdjson::TdJson::load(None)?; // TDJSON_PATH, the fetch script's cache, the system's search
//! let version = td.execute(&td_api::functions::GetOption { name: "version".into() });
//! # Ok::<(), tl_tdjson::Error>(())
//! ```

mod client;
mod error;
mod ffi;
mod library;
mod routing;
pub mod tonlib;

use std::path::{Path, PathBuf};

pub use client::Client;
pub use error::{Error, TdError};
pub use routing::{Received, RequestId};
pub use tl_runtime::tdjson::Function;

/// The environment variable [`TdJson::load`] reads the library's path from when given none.
pub const PATH_VARIABLE: &str = "TDJSON_PATH";

/// The TDLib version whose `libtdjson.so` and `td_api.tl` the repository's `scripts/fetch-tdjson.sh`
/// fetches (from the Node registry's `@prebuilt-tdlib/linux-x64-glibc@0.1008061.0` and crates.io's
/// `tdlib-rs` 1.4.0), and so the one its cache folder is named after.
pub const FETCHED_TDLIB_VERSION: &str = "1.8.61";

/// The cache folder that the repository's `scripts/fetch-tdjson.sh` fills with `libtdjson.so` and
/// `td_api.tl`: `$TDJSON_CACHE`, else `${XDG_CACHE_HOME:-$HOME/.cache}/tl-codegen/tdjson-1.8.61`; `None`
/// when none of these variables is set. Build scripts find `td_api.tl` here.
pub fn fetch_cache() -> Option<PathBuf> {
    ffi::cache_of(
        std::env::var_os("TDJSON_CACHE"),
        std::env::var_os("XDG_CACHE_HOME"),
        std::env::var_os("HOME"),
        &format!("tl-codegen/tdjson-{FETCHED_TDLIB_VERSION}"),
    )
}

/// The loaded libtdjson. Share it by reference: clients borrow it.
pub struct TdJson {
    library: library::Library,
    mailbox: std::sync::Mutex<client::Mailbox>,
}

impl TdJson {
    /// Loads libtdjson from `path`; when `path` is `None`, from the first of: the path in `TDJSON_PATH`,
    /// `libtdjson.so` in [`fetch_cache`], and `libtdjson.so` through the system's library search
    /// (`LD_LIBRARY_PATH`, the linker's cache). The error names every place looked at
    /// ([`Error::NotFound`]), or the path and the loader's reason when a library found does not load.
    ///
    /// The library is never unloaded, not even when the `TdJson` is dropped: TDLib's exit handlers run
    /// its code at process exit, as they would for a linked library.
    pub fn load(path: Option<&Path>) -> Result<Self, Error> {
        Ok(Self {
            library: library::load_from(path)?,
            mailbox: Default::default(),
        })
    }

    /// Runs a function TDLib can answer synchronously ("Can be called synchronously" in td_api.tl) and
    /// reads its answer; TDLib's `error` answer is [`Error::Td`].
    pub fn execute<F: Function>(&self, function: &F) -> Result<F::Return, Error> {
        let request = serde_json::to_string(function).map_err(|error| Error::Request(error.to_string()))?;
        let answer = self.execute_json(&request)?;
        read_answer::<F>(&answer)
    }

    /// Runs a synchronous request given as JSON text and returns TDLib's answer as JSON text.
    pub fn execute_json(&self, request: &str) -> Result<String, Error> {
        self.library.execute(request)?.ok_or(Error::NoAnswer)
    }

    /// A new client: a TDLib instance, created when the first function is sent to it.
    pub fn client<U: serde::de::DeserializeOwned>(&self) -> Client<'_, U> {
        Client::new(self)
    }
}

/// An answer to `F` as JSON text: its `Return`, or the error TDLib answered.
fn read_answer<F: Function>(answer: &str) -> Result<F::Return, Error> {
    if let Some(error) = TdError::from_answer(answer)? {
        return Err(Error::Td(error));
    }
    serde_json::from_str(answer).map_err(|error| Error::decode(answer, &error))
}
