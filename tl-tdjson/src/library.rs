//! libtdjson, loaded at run time: its four functions behind a safe interface that passes and returns
//! owned JSON text. The calls into it are `unsafe`, each with its safety argument.
#![allow(unsafe_code)]

use std::ffi::{c_char, c_double, c_int};
use std::path::Path;
use std::sync::Mutex;

use crate::Error;
use crate::ffi::{self, c_string, owned};

type CreateClientId = unsafe extern "C" fn() -> c_int;
type Send = unsafe extern "C" fn(c_int, *const c_char);
type Receive = unsafe extern "C" fn(c_double) -> *const c_char;
type Execute = unsafe extern "C" fn(*const c_char) -> *const c_char;

/// The loaded library and its JSON functions (`td_create_client_id`, `td_send`, `td_receive`,
/// `td_execute`). The library is never unloaded: see [`ffi::load_for_good`].
pub(crate) struct Library {
    create_client_id: CreateClientId,
    send: Send,
    receive: Receive,
    execute: Execute,
    /// `td_receive` must not be called from two threads at once, and its answer lives until the next call.
    receiving: Mutex<()>,
}

impl Library {
    /// Loads the library at `path` for good ([`ffi::load_for_good`]) and finds its functions.
    pub(crate) fn load(path: &Path) -> Result<Self, Error> {
        let library = ffi::load_for_good(path)?;
        let failed = |error: libloading::Error| ffi::load_error(path, &error);
        // SAFETY: each type is the C signature td_json_client.h declares for that name, so calling
        // through the pointer is sound; the library is never unloaded, so the pointers stay valid.
        unsafe {
            Ok(Self {
                create_client_id: *library
                    .get::<CreateClientId>(b"td_create_client_id\0")
                    .map_err(failed)?,
                send: *library.get::<Send>(b"td_send\0").map_err(failed)?,
                receive: *library.get::<Receive>(b"td_receive\0").map_err(failed)?,
                execute: *library.get::<Execute>(b"td_execute\0").map_err(failed)?,
                receiving: Mutex::new(()),
            })
        }
    }

    /// A new client id (TDLib creates the client when the first request is sent to it).
    pub(crate) fn create_client_id(&self) -> i32 {
        // SAFETY: takes nothing, returns a number.
        unsafe { (self.create_client_id)() }
    }

    /// Sends a request (JSON text) to client `client_id`.
    pub(crate) fn send(&self, client_id: i32, request: &str) -> Result<(), Error> {
        let request = c_string(request)?;
        // SAFETY: the request is a NUL-terminated string alive for the call; TDLib copies it.
        unsafe { (self.send)(client_id, request.as_ptr()) };
        Ok(())
    }

    /// The next answer or update of any client, waiting up to `timeout` seconds.
    pub(crate) fn receive(&self, timeout: f64) -> Option<String> {
        let _one_at_a_time = self.receiving.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        // SAFETY: no other thread is in `td_receive` (the lock); the answer is NULL or a NUL-terminated
        // string that stays valid until the next `td_receive`, and is copied before the lock is released.
        unsafe { owned((self.receive)(timeout)) }
    }

    /// Runs a synchronous request (JSON text) and returns its answer.
    pub(crate) fn execute(&self, request: &str) -> Result<Option<String>, Error> {
        let request = c_string(request)?;
        // SAFETY: the request is a NUL-terminated string alive for the call. The answer is NULL or a
        // NUL-terminated string valid until the next `td_execute` on this thread; it is copied at once.
        Ok(unsafe { owned((self.execute)(request.as_ptr())) })
    }
}

/// The file name the system's library search is asked for, last.
pub(crate) const SYSTEM_NAME: &str = "libtdjson.so";

/// Loads the library from `path` if given, else from the first place of [`crate::TdJson::load`]'s list
/// that has it; the error names every place looked at.
pub(crate) fn load_from(path: Option<&Path>) -> Result<Library, Error> {
    let search = ffi::Search {
        library: "libtdjson",
        path_variable: crate::PATH_VARIABLE,
        cache: crate::fetch_cache(),
        file_name: SYSTEM_NAME,
        help: format!(
            "run `bash scripts/fetch-tdjson.sh` in tl-codegen's repository (it fetches TDLib {} into the \
             cache above), set {} to the library's path, or pass the path to `TdJson::load`",
            crate::FETCHED_TDLIB_VERSION,
            crate::PATH_VARIABLE
        ),
    };
    ffi::find(path, search, Library::load)
}
