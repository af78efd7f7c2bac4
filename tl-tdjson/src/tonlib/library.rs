//! libtonlibjson, loaded at run time: its five functions behind a safe interface that passes and returns
//! owned JSON text. The calls into it are `unsafe`, each with its safety argument.
#![allow(unsafe_code)]

use std::ffi::{c_char, c_double, c_void};
use std::path::Path;
use std::ptr::NonNull;

use crate::Error;
use crate::ffi::{self, c_string, owned};

type Create = unsafe extern "C" fn() -> *mut c_void;
type Send = unsafe extern "C" fn(*mut c_void, *const c_char);
type Receive = unsafe extern "C" fn(*mut c_void, c_double) -> *const c_char;
type Execute = unsafe extern "C" fn(*mut c_void, *const c_char) -> *const c_char;
type Destroy = unsafe extern "C" fn(*mut c_void);

/// The loaded library and its JSON functions (`tonlib_client_json_create`, `_send`, `_receive`,
/// `_execute`, `_destroy`). The library is never unloaded: see [`ffi::load_for_good`].
pub(crate) struct Library {
    create: Create,
    send: Send,
    receive: Receive,
    execute: Execute,
    destroy: Destroy,
}

/// One tonlib instance, made by `tonlib_client_json_create` and destroyed when dropped. Its functions
/// take `&mut self` where tonlib asks for one caller at a time (`receive`, whose answer lives until the
/// next call on the instance). The raw handle keeps it on the thread that made it.
pub(crate) struct Instance {
    library: &'static Library,
    handle: NonNull<c_void>,
}

impl Library {
    /// Loads the library at `path` for good ([`ffi::load_for_good`]) and finds its functions.
    pub(crate) fn load(path: &Path) -> Result<&'static Self, Error> {
        let library = ffi::load_for_good(path)?;
        let failed = |error: libloading::Error| ffi::load_error(path, &error);
        // SAFETY: each type is the C signature tonlib_client_json.h declares for that name, so calling
        // through the pointer is sound; the library is never unloaded, so the pointers stay valid.
        let functions = unsafe {
            Self {
                create: *library.get::<Create>(b"tonlib_client_json_create\0").map_err(failed)?,
                send: *library.get::<Send>(b"tonlib_client_json_send\0").map_err(failed)?,
                receive: *library
                    .get::<Receive>(b"tonlib_client_json_receive\0")
                    .map_err(failed)?,
                execute: *library
                    .get::<Execute>(b"tonlib_client_json_execute\0")
                    .map_err(failed)?,
                destroy: *library
                    .get::<Destroy>(b"tonlib_client_json_destroy\0")
                    .map_err(failed)?,
            }
        };
        // Kept for good, as the library is: a `Tonlib` and its clients share it by reference.
        Ok(Box::leak(Box::new(functions)))
    }

    /// Runs a synchronous request (JSON text) without an instance and returns its answer.
    pub(crate) fn execute(&self, request: &str) -> Result<Option<String>, Error> {
        let request = c_string(request)?;
        // SAFETY: a NULL instance is what tonlib takes for static requests; the request is a
        // NUL-terminated string alive for the call. The answer is NULL or a NUL-terminated string valid
        // until the next `execute` on this thread; it is copied at once.
        Ok(unsafe { owned((self.execute)(std::ptr::null_mut(), request.as_ptr())) })
    }

    /// A new tonlib instance.
    pub(crate) fn create(&'static self) -> Result<Instance, Error> {
        // SAFETY: takes nothing, returns a new instance's handle or NULL.
        let handle = unsafe { (self.create)() };
        let handle = NonNull::new(handle).ok_or(Error::Request("tonlib made no instance".to_string()))?;
        Ok(Instance { library: self, handle })
    }
}

impl Instance {
    /// Sends a request (JSON text) to the instance.
    pub(crate) fn send(&self, request: &str) -> Result<(), Error> {
        let request = c_string(request)?;
        // SAFETY: the handle is a live instance (destroyed only on drop); the request is a NUL-terminated
        // string alive for the call, which tonlib copies.
        unsafe { (self.library.send)(self.handle.as_ptr(), request.as_ptr()) };
        Ok(())
    }

    /// The instance's next answer or update, waiting up to `timeout` seconds.
    pub(crate) fn receive(&mut self, timeout: f64) -> Option<String> {
        // SAFETY: the handle is a live instance; `&mut self` keeps other callers out, and the answer, NULL
        // or a NUL-terminated string valid until the next `receive` on the instance, is copied at once.
        unsafe { owned((self.library.receive)(self.handle.as_ptr(), timeout)) }
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        // SAFETY: the handle is a live instance, destroyed once, here; tonlib stops it and waits for its
        // threads before returning.
        unsafe { (self.library.destroy)(self.handle.as_ptr()) }
    }
}
