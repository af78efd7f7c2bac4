//! Calls TDLib through its JSON interface (libtdjson) with the td_api types tl-codegen generates under
//! `--tdjson` (`Config::tdjson`): a function is sent as the JSON object TDLib reads, and its answer read
//! as the function's `Return` type.
//!
//! The library is loaded at run time ([`TdJson::load`]): from a path, or from the environment variable
//! `TDJSON_PATH`. [`TdJson::execute`] runs the functions TDLib documents as "Can be called synchronously";
//! a [`Client`] sends functions to one TDLib instance and receives their answers and its updates.
//!
//! ```no_run
//! # mod td_api { pub mod functions {
//! #     #[derive(serde::Serialize)] #[serde(tag = "@type", rename = "getOption")]
//! #     pub struct GetOption { pub name: String }
//! #     impl tl_runtime::tdjson::Function for GetOption { const TYPE: &'static str = "getOption"; type Return = serde_json::Value; }
//! # } }
//! let td = tl_tdjson::TdJson::load(None)?; // TDJSON_PATH
//! let version = td.execute(&td_api::functions::GetOption { name: "version".into() });
//! # Ok::<(), tl_tdjson::Error>(())
//! ```

mod client;
mod error;
mod library;

use std::path::Path;

pub use client::{Client, Received, RequestId};
pub use error::{Error, TdError};
pub use tl_runtime::tdjson::Function;

/// The environment variable [`TdJson::load`] reads the library's path from when given none.
pub const PATH_VARIABLE: &str = "TDJSON_PATH";

/// The loaded libtdjson. Share it by reference: clients borrow it.
pub struct TdJson {
    library: library::Library,
    mailbox: std::sync::Mutex<client::Mailbox>,
}

impl TdJson {
    /// Loads libtdjson from `path`, or from the path in `TDJSON_PATH` when `path` is `None`. The error
    /// names both when neither is given, and the path and the loader's reason when loading fails.
    pub fn load(path: Option<&Path>) -> Result<Self, Error> {
        let path = library::library_path(path)?;
        Ok(Self {
            library: library::Library::load(&path)?,
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
