//! What loading either library takes: the search for it (a path, an environment variable, the fetch
//! script's cache, the system's search), loading it for good, and C strings in and out. Every `unsafe`
//! of the crate is here or in the two libraries' modules, each with its safety argument.
#![allow(unsafe_code)]

use std::ffi::{CStr, CString, OsString, c_char};
use std::path::{Path, PathBuf};

use crate::Error;

/// Loads the library at `path` (a path, or a bare file name for the system's search) for the life of
/// the process, as a linked one would be: TDLib and tonlib register handlers that run at exit (their
/// threads' and statics' destructors), and unloading the library before then left them pointing at
/// unmapped code, so a program crashed in `exit` after dropping it. Loading it again is cheap: the
/// system hands back the same mapping.
pub(crate) fn load_for_good(path: &Path) -> Result<&'static libloading::Library, Error> {
    // SAFETY: loading runs the library's initialisers. These libraries' only set up their own state;
    // the path is the one the caller chose to trust as the library.
    let library = unsafe { libloading::Library::new(path) }.map_err(|error| load_error(path, &error))?;
    // Never unloaded (see above): the handle is leaked, so the functions found in it stay valid.
    Ok(Box::leak(Box::new(library)))
}

/// The error of a library at `path` that did not load or lacks a function.
pub(crate) fn load_error(path: &Path, error: &libloading::Error) -> Error {
    Error::Load {
        path: path.to_path_buf(),
        reason: error.to_string(),
    }
}

/// Where a library is looked for when no path is given.
pub(crate) struct Search {
    /// What the library is called in errors (`libtdjson`).
    pub(crate) library: &'static str,
    /// The environment variable that holds its path.
    pub(crate) path_variable: &'static str,
    /// The fetch script's cache folder, if the environment names one.
    pub(crate) cache: Option<PathBuf>,
    /// Its file name in the cache and for the system's search.
    pub(crate) file_name: &'static str,
    /// What to do when it is nowhere.
    pub(crate) help: String,
}

/// Loads with `load` from `path` if given, else from the first place of `search` that has the library;
/// the error names every place looked at.
pub(crate) fn find<L>(
    path: Option<&Path>,
    search: Search,
    load: impl Fn(&Path) -> Result<L, Error>,
) -> Result<L, Error> {
    if let Some(path) = path {
        return load(path);
    }
    if let Some(path) = std::env::var_os(search.path_variable) {
        return load(Path::new(&path));
    }
    let mut looked = vec![format!("{} is not set", search.path_variable)];
    match search.cache.map(|cache| cache.join(search.file_name)) {
        Some(fetched) if fetched.is_file() => return load(&fetched),
        Some(fetched) => looked.push(format!("{} does not exist", fetched.display())),
        None => looked.push("no cache folder (no cache variable, XDG_CACHE_HOME nor HOME is set)".to_string()),
    }
    match load(Path::new(search.file_name)) {
        Ok(library) => Ok(library),
        Err(error) => {
            let reason = match error {
                Error::Load { reason, .. } => reason,
                other => other.to_string(),
            };
            looked.push(format!(
                "the system's library search for {}: {reason}",
                search.file_name
            ));
            Err(Error::NotFound {
                library: search.library,
                looked,
                help: search.help,
            })
        }
    }
}

/// A fetch script's cache folder from these variables' values: `cache` if set, else `folder` under
/// `xdg_cache_home`, else under `home`'s `.cache`.
pub(crate) fn cache_of(
    cache: Option<OsString>,
    xdg_cache_home: Option<OsString>,
    home: Option<OsString>,
    folder: &str,
) -> Option<PathBuf> {
    let non_empty = |value: Option<OsString>| value.filter(|value| !value.is_empty()).map(PathBuf::from);
    if let Some(cache) = non_empty(cache) {
        return Some(cache);
    }
    let base = non_empty(xdg_cache_home).or_else(|| non_empty(home).map(|home| home.join(".cache")))?;
    Some(base.join(folder))
}

/// A copy of the C string at `pointer`, if not NULL.
///
/// # Safety
/// `pointer` is NULL or points to a NUL-terminated string that stays valid during the call.
pub(crate) unsafe fn owned(pointer: *const c_char) -> Option<String> {
    // SAFETY: the caller's promise.
    (!pointer.is_null()).then(|| unsafe { CStr::from_ptr(pointer) }.to_string_lossy().into_owned())
}

/// JSON text as a C string: serde_json escapes every control character, so a NUL is a caller's bug.
pub(crate) fn c_string(text: &str) -> Result<CString, Error> {
    CString::new(text).map_err(|_| Error::Request("the request holds a NUL byte".to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_folder_is_the_fetch_scripts() {
        let some = |text: &str| Some(OsString::from(text));
        let folder = "tl-codegen/tdjson-1.8.61";
        assert_eq!(
            cache_of(some("/c"), some("/x"), some("/h"), folder),
            Some(PathBuf::from("/c"))
        );
        assert_eq!(
            cache_of(None, some("/x"), some("/h"), folder),
            Some(PathBuf::from("/x/tl-codegen/tdjson-1.8.61"))
        );
        assert_eq!(
            cache_of(some(""), None, some("/h"), folder),
            Some(PathBuf::from("/h/.cache/tl-codegen/tdjson-1.8.61"))
        );
        assert_eq!(cache_of(None, None, None, folder), None);
    }
}
