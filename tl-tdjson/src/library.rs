//! libtdjson, loaded at run time: its four functions behind a safe interface that passes and returns
//! owned JSON text. The only `unsafe` of the crate is here.
#![allow(unsafe_code)]

use std::ffi::{CStr, CString, OsString, c_char, c_double, c_int};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::Error;

type CreateClientId = unsafe extern "C" fn() -> c_int;
type Send = unsafe extern "C" fn(c_int, *const c_char);
type Receive = unsafe extern "C" fn(c_double) -> *const c_char;
type Execute = unsafe extern "C" fn(*const c_char) -> *const c_char;

/// The loaded library and its JSON functions (`td_create_client_id`, `td_send`, `td_receive`,
/// `td_execute`). The library is never unloaded: see [`Library::load`].
pub(crate) struct Library {
    create_client_id: CreateClientId,
    send: Send,
    receive: Receive,
    execute: Execute,
    /// `td_receive` must not be called from two threads at once, and its answer lives until the next call.
    receiving: Mutex<()>,
}

impl Library {
    /// Loads the library at `path` (a path, or a bare file name for the system's search) and finds its
    /// functions. The library stays loaded for the life of the process, as a linked one would: TDLib
    /// registers handlers that run at exit (its threads' and statics' destructors), and unloading it
    /// before then left them pointing at unmapped code, so a program crashed in `exit` after dropping
    /// its [`crate::TdJson`]. Loading it again is cheap: the system hands back the same mapping.
    pub(crate) fn load(path: &Path) -> Result<Self, Error> {
        let failed = |error: libloading::Error| Error::Load {
            path: path.to_path_buf(),
            reason: error.to_string(),
        };
        // SAFETY: loading runs the library's initialisers. libtdjson's only set up its own state; the
        // path is the one the caller chose to trust as libtdjson.
        let library = unsafe { libloading::Library::new(path) }.map_err(failed)?;
        // Never unloaded (see above): the handle is leaked, so the pointers below stay valid for 'static.
        let library: &'static libloading::Library = Box::leak(Box::new(library));
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

/// The file name the system's library search is asked for, last.
pub(crate) const SYSTEM_NAME: &str = "libtdjson.so";

/// Loads the library from `path` if given, else from the first place of [`crate::TdJson::load`]'s list
/// that has it; the error names every place looked at.
pub(crate) fn load_from(path: Option<&Path>) -> Result<Library, Error> {
    if let Some(path) = path {
        return Library::load(path);
    }
    if let Some(path) = std::env::var_os(crate::PATH_VARIABLE) {
        return Library::load(Path::new(&path));
    }
    let mut looked = vec![format!("{} is not set", crate::PATH_VARIABLE)];
    match crate::fetch_cache().map(|cache| cache.join(SYSTEM_NAME)) {
        Some(fetched) if fetched.is_file() => return Library::load(&fetched),
        Some(fetched) => looked.push(format!("{} does not exist", fetched.display())),
        None => looked.push("no cache folder (neither TDJSON_CACHE, XDG_CACHE_HOME nor HOME is set)".to_string()),
    }
    match Library::load(Path::new(SYSTEM_NAME)) {
        Ok(library) => Ok(library),
        Err(error) => {
            let reason = match error {
                Error::Load { reason, .. } => reason,
                other => other.to_string(),
            };
            looked.push(format!("the system's library search for {SYSTEM_NAME}: {reason}"));
            Err(Error::NotFound { looked })
        }
    }
}

/// The cache folder of `scripts/fetch-tdjson.sh`, from these variables' values (see [`crate::fetch_cache`]).
pub(crate) fn cache_of(
    cache: Option<OsString>,
    xdg_cache_home: Option<OsString>,
    home: Option<OsString>,
) -> Option<PathBuf> {
    let non_empty = |value: Option<OsString>| value.filter(|value| !value.is_empty()).map(PathBuf::from);
    if let Some(cache) = non_empty(cache) {
        return Some(cache);
    }
    let base = non_empty(xdg_cache_home).or_else(|| non_empty(home).map(|home| home.join(".cache")))?;
    Some(base.join(format!("tl-codegen/tdjson-{}", crate::FETCHED_TDLIB_VERSION)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_folder_is_the_fetch_scripts() {
        let some = |text: &str| Some(OsString::from(text));
        assert_eq!(cache_of(some("/c"), some("/x"), some("/h")), Some(PathBuf::from("/c")));
        assert_eq!(
            cache_of(None, some("/x"), some("/h")),
            Some(PathBuf::from("/x/tl-codegen/tdjson-1.8.61"))
        );
        assert_eq!(
            cache_of(some(""), None, some("/h")),
            Some(PathBuf::from("/h/.cache/tl-codegen/tdjson-1.8.61"))
        );
        assert_eq!(cache_of(None, None, None), None);
    }
}
