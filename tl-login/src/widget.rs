//! The Login Widget check (Telegram's "Checking authorization"): the secret key is SHA-256 of the bot
//! token; the data is authentic when `hash` is the hex HMAC-SHA-256 of the data-check-string (every field
//! but `hash`) under that key.

use std::time::SystemTime;

use sha2::{Digest, Sha256};

use crate::query::{Fields, data_check_string, parse_query};
use crate::{Freshness, LoginError, mac};

/// Checks the data the Login Widget (or a `urlAuthResultAccepted` URL) hands a website.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use tl_login::{Freshness, LoginWidget};
///
/// let widget = LoginWidget::new("123456:bot-token");
/// let mut fields = tl_login::fields([("id", "42"), ("first_name", "Ann"), ("auth_date", "1700000000")])?;
/// let hash = widget.sign(&fields);
/// fields.insert("hash".into(), hash);
/// let now = UNIX_EPOCH + Duration::from_secs(1_700_000_060);
/// let user = widget.verify(fields, &Freshness::max_age(Duration::from_secs(86_400)).at(now))?;
/// assert_eq!((user.id, user.first_name.as_str()), (42, "Ann"));
/// # Ok::<(), tl_login::LoginError>(())
/// ```
#[derive(Clone)]
pub struct LoginWidget {
    secret: [u8; 32],
}

impl std::fmt::Debug for LoginWidget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LoginWidget { .. }")
    }
}

/// A user the Login Widget vouches for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TelegramUser {
    /// The user's id (64 bits: ids no longer fit 32).
    pub id: i64,
    /// First name.
    pub first_name: String,
    /// Last name, if any.
    pub last_name: Option<String>,
    /// Username, if any.
    pub username: Option<String>,
    /// Profile photo URL, if any.
    pub photo_url: Option<String>,
    /// When the user authorized.
    pub auth_date: SystemTime,
    /// Every other field received (covered by the hash too), by key.
    pub extra: Fields,
}

impl LoginWidget {
    /// The check for the bot with this token.
    pub fn new(bot_token: &str) -> Self {
        LoginWidget {
            secret: Sha256::digest(bot_token.as_bytes()).into(),
        }
    }

    /// Checks a raw query string (`id=...&first_name=...&auth_date=...&hash=...`).
    pub fn verify_query(&self, query: &str, freshness: &Freshness) -> Result<TelegramUser, LoginError> {
        self.verify(parse_query(query)?, freshness)
    }

    /// Checks fields already split and decoded (see [`crate::fields`] for the rules they must pass).
    pub fn verify(&self, mut fields: Fields, freshness: &Freshness) -> Result<TelegramUser, LoginError> {
        let hash = fields.remove("hash").ok_or(LoginError::Missing { key: "hash" })?;
        mac::verify_hex(&self.secret, data_check_string(&fields, &[]).as_bytes(), &hash)?;
        let auth_date = fields
            .remove("auth_date")
            .ok_or(LoginError::Missing { key: "auth_date" })?;
        let auth_date = freshness.check(&auth_date)?;
        let id = fields.remove("id").ok_or(LoginError::Missing { key: "id" })?;
        let id = id
            .parse()
            .map_err(|_| LoginError::Malformed { key: "id".to_string() })?;
        Ok(TelegramUser {
            id,
            first_name: fields
                .remove("first_name")
                .ok_or(LoginError::Missing { key: "first_name" })?,
            last_name: fields.remove("last_name"),
            username: fields.remove("username"),
            photo_url: fields.remove("photo_url"),
            auth_date,
            extra: fields,
        })
    }

    /// The `hash` Telegram would send with `fields` (every field but `hash` is signed): for tests, and
    /// for test services that play Telegram's part.
    pub fn sign(&self, fields: &Fields) -> String {
        let check = data_check_string(fields, &["hash"]);
        hex::encode(mac::hmac(&self.secret, check.as_bytes()))
    }
}
