//! Why a login was refused. No message says what the hash should have been.

use std::fmt;
use std::time::Duration;

/// Why signed login data was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginError {
    /// A `%` in the query is not followed by two hex digits.
    BadPercentEncoding {
        /// The key or value as received.
        text: String,
    },
    /// A key or value decodes to bytes that are not UTF-8.
    NotUtf8 {
        /// The key or value as received.
        text: String,
    },
    /// A key is given twice: which value was signed is unknowable.
    DuplicateKey {
        /// The key.
        key: String,
    },
    /// A key or value holds a line feed, which could forge a line of the signed string.
    LineFeed {
        /// The key.
        key: String,
    },
    /// A field the check needs is missing (`hash`, `auth_date`, `id`, `signature`).
    Missing {
        /// The key.
        key: &'static str,
    },
    /// A field is not in its format (`hash` is 64 hex digits, `auth_date` and `id` integers, ...).
    Malformed {
        /// The key.
        key: String,
    },
    /// `auth_date` is older than the maximum age allowed.
    Expired {
        /// How old it is.
        age: Duration,
    },
    /// `auth_date` is further in the future than the clock skew allowed.
    FromTheFuture {
        /// How far ahead it is.
        ahead: Duration,
    },
    /// The hash (or signature) does not match the data: it was not signed with this bot's key, or was
    /// changed since.
    Mismatch,
}

impl fmt::Display for LoginError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoginError::BadPercentEncoding { text } => write!(f, "bad percent-encoding in `{text}`"),
            LoginError::NotUtf8 { text } => write!(f, "`{text}` does not decode to UTF-8"),
            LoginError::DuplicateKey { key } => write!(f, "the field `{key}` is given more than once"),
            LoginError::LineFeed { key } => write!(f, "the field `{key}` holds a line feed"),
            LoginError::Missing { key } => write!(f, "the field `{key}` is missing"),
            LoginError::Malformed { key } => write!(f, "the field `{key}` is malformed"),
            LoginError::Expired { age } => write!(f, "the login is {} s old, older than allowed", age.as_secs()),
            LoginError::FromTheFuture { ahead } => {
                write!(f, "the login is dated {} s in the future", ahead.as_secs())
            }
            LoginError::Mismatch => f.write_str("the data does not match its hash or signature"),
        }
    }
}

impl std::error::Error for LoginError {}
