//! libtdjson, loaded at run time: its four functions behind a safe interface that passes and returns
//! owned JSON text. The only `unsafe` of the crate is here.
#![allow(unsafe_code)]

use std::ffi::{CStr, CString, c_char, c_double, c_int};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::Error;

type CreateClientId = unsafe extern "C" fn() -> c_int;
type Send = unsafe extern "C" fn(c_int, *const c_char);
type Receive = unsafe extern "C" fn(c_double) -> *const c_char;
type Execute = unsafe extern "C" fn(*const c_char) -> *const c_char;

/// The loaded library and its JSON functions (`td_create_client_id`, `td_send`, `td_receive`,
/// `td_execute`).
pub(crate) struct Library {
    create_client_id: CreateClientId,
    send: Send,
    receive: Receive,
    execute: Execute,
    /// `td_receive` must not be called from two threads at once, and its answer lives until the next call.
    receiving: Mutex<()>,
    // Last, so that it is unloaded after nothing can call the pointers above (they live as long as it).
    _library: libloading::Library,
}

impl Library {
    /// Loads the library at `path` and finds its functions.
    pub(crate) fn load(path: &Path) -> Result<Self, Error> {
        let failed = |error: libloading::Error| Error::Load {
            path: path.to_path_buf(),
            reason: error.to_string(),
        };
        // SAFETY: loading runs the library's initialisers. libtdjson's only set up its own state; the
        // path is the one the caller chose to trust as libtdjson.
        let library = unsafe { libloading::Library::new(path) }.map_err(failed)?;
        // SAFETY: each type is the C signature td_json_client.h declares for that name, so calling
        // through the pointer is sound; the pointers are kept no longer than `library`.
        unsafe {
            Ok(Self {
                create_client_id: *library
                    .get::<CreateClientId>(b"td_create_client_id\0")
                    .map_err(failed)?,
                send: *library.get::<Send>(b"td_send\0").map_err(failed)?,
                receive: *library.get::<Receive>(b"td_receive\0").map_err(failed)?,
                execute: *library.get::<Execute>(b"td_execute\0").map_err(failed)?,
                receiving: Mutex::new(()),
                _library: library,
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

/// A copy of the C string at `pointer`, if not NULL.
///
/// # Safety
/// `pointer` is NULL or points to a NUL-terminated string that stays valid during the call.
unsafe fn owned(pointer: *const c_char) -> Option<String> {
    // SAFETY: the caller's promise.
    (!pointer.is_null()).then(|| unsafe { CStr::from_ptr(pointer) }.to_string_lossy().into_owned())
}

/// JSON text as a C string: serde_json escapes every control character, so a NUL is a caller's bug.
fn c_string(text: &str) -> Result<CString, Error> {
    CString::new(text).map_err(|_| Error::Request("the request holds a NUL byte".to_string()))
}

/// Where the library is looked for: `path` if given, else the environment variable `TDJSON_PATH`.
pub(crate) fn library_path(path: Option<&Path>) -> Result<PathBuf, Error> {
    match (path, std::env::var_os(crate::PATH_VARIABLE)) {
        (Some(path), _) => Ok(path.to_path_buf()),
        (None, Some(path)) => Ok(PathBuf::from(path)),
        (None, None) => Err(Error::NoPath),
    }
}
