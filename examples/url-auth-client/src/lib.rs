//! Seamless Telegram Login (URL authorization), walked offline with types that `build.rs` generates from
//! `schema/url_auth.tl` through `tl_codegen::Config`.
//!
//! The flow: the user presses a `keyboardButtonUrlAuth`; the client sends `messages.requestUrlAuth` with the
//! button's message and id. The answer is either `urlAuthResultRequest` (ask the user whether to log in to
//! `domain` as the `bot` says, possibly with write access), or directly a URL to open. If the user accepts,
//! the client sends `messages.acceptUrlAuth` and opens the URL of its `urlAuthResultAccepted` answer, or the
//! button's own URL for `urlAuthResultDefault`. If the user refuses, the client opens the button's URL.
//! The website that URL leads to checks the user's data it carries (`service`, with `tl_login`).
//! `today` walks the same flow in layer 230, where it has changed shape.

/// The generated types (`types`, `enums`, `functions`).
pub mod tl {
    tl_runtime::include_tl!("url_auth");
}

pub mod login;
pub mod service;
pub mod today;
