//! Seamless Telegram Login, the service's side: verify the signed user data a login hands a website.
//!
//! After `messages.acceptUrlAuth` answers `urlAuthResultAccepted`, the URL the user's client opens
//! carries the user's data and a `hash`; the Login Widget redirects with the same fields; a Mini App
//! gets init data signed the same way. A service must check that data before it trusts it:
//!
//! - [`LoginWidget`]: the widget's (and url-auth's) fields, HMAC-SHA-256 under SHA-256 of the bot token.
//! - [`MiniApp`]: init data, HMAC-SHA-256 under HMAC-SHA-256(`WebAppData`, bot token).
//! - [`ThirdParty`]: init data without the bot token, by Telegram's Ed25519 `signature`.
//!
//! Every check compares in constant time (RustCrypto's `Mac::verify_slice`, `ed25519-dalek`'s
//! `verify_strict`), refuses stale or future `auth_date`s ([`Freshness`]), and refuses what public
//! implementations have been caught accepting: a key given twice, a line feed inside a value (it could
//! forge a line of the signed string), bad percent-encoding, text that is not UTF-8. The query is split
//! on `&` before anything is percent-decoded, so a `%26` inside a value stays in the value. User ids are
//! `i64`. No error reveals the expected hash.
//!
//! ```
//! use std::time::Duration;
//! use tl_login::{Freshness, LoginWidget};
//!
//! fn login(query: &str, bot_token: &str) -> Result<i64, tl_login::LoginError> {
//!     let user = LoginWidget::new(bot_token).verify_query(query, &Freshness::max_age(Duration::from_secs(3600)))?;
//!     Ok(user.id)
//! }
//! ```

mod error;
mod freshness;
mod mac;
mod mini_app;
mod query;
mod widget;

pub use error::LoginError;
pub use freshness::Freshness;
pub use mini_app::{InitData, MiniApp, MiniAppUser, TELEGRAM_PUBLIC_KEY, TELEGRAM_TEST_PUBLIC_KEY, ThirdParty};
pub use query::{Fields, fields, parse_query};
pub use widget::{LoginWidget, TelegramUser};
