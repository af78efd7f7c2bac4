//! Mini App init data (`Telegram.WebApp.initData`): checked with the bot token (the secret key is
//! HMAC-SHA-256 of the token under the key `WebAppData`; `hash` is left out of the data-check-string,
//! `signature` is kept in it), or without it, by a third party, against Telegram's Ed25519 signature.

use std::time::SystemTime;

use base64::Engine;
use base64::engine::general_purpose::{URL_SAFE, URL_SAFE_NO_PAD};
use ed25519_dalek::{Signature, VerifyingKey};

use crate::query::{Fields, data_check_string, parse_query};
use crate::{Freshness, LoginError, mac};

/// Telegram's Ed25519 public key for init data of the production environment (hex).
pub const TELEGRAM_PUBLIC_KEY: &str = "e7bf03a2fa4602af4580703d88dda5bb59f32ed8b02a56c187fe7d34caed242d";
/// Telegram's Ed25519 public key for init data of the test environment (hex).
pub const TELEGRAM_TEST_PUBLIC_KEY: &str = "40055058a4ee38156a06562e52eece92a771bcd8346a8c4615cb7376eddf72ec";

/// Checks Mini App init data with the bot's token.
#[derive(Clone)]
pub struct MiniApp {
    secret: [u8; 32],
}

impl std::fmt::Debug for MiniApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MiniApp { .. }")
    }
}

/// Verified init data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InitData {
    /// The user, when the data has a `user` field.
    pub user: Option<MiniAppUser>,
    /// When the Mini App was opened.
    pub auth_date: SystemTime,
    /// Every field but `hash` and `auth_date` (`user` as its JSON text, `signature`, `query_id`, ...).
    pub fields: Fields,
}

/// The `user` field of init data.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct MiniAppUser {
    /// The user's id.
    pub id: i64,
    /// First name.
    pub first_name: String,
    /// Last name, if any.
    #[serde(default)]
    pub last_name: Option<String>,
    /// Username, if any.
    #[serde(default)]
    pub username: Option<String>,
    /// IETF language tag of the user's client, if sent.
    #[serde(default)]
    pub language_code: Option<String>,
    /// Whether the user has Telegram Premium.
    #[serde(default)]
    pub is_premium: bool,
    /// Profile photo URL, if any.
    #[serde(default)]
    pub photo_url: Option<String>,
}

impl MiniApp {
    /// The check for the bot with this token.
    pub fn new(bot_token: &str) -> Self {
        MiniApp {
            secret: mac::hmac(b"WebAppData", bot_token.as_bytes()),
        }
    }

    /// Checks raw init data (the query string `Telegram.WebApp.initData` holds).
    pub fn verify_query(&self, query: &str, freshness: &Freshness) -> Result<InitData, LoginError> {
        let mut fields = parse_query(query)?;
        let hash = fields.remove("hash").ok_or(LoginError::Missing { key: "hash" })?;
        mac::verify_hex(&self.secret, data_check_string(&fields, &[]).as_bytes(), &hash)?;
        init_data(fields, freshness)
    }

    /// The `hash` Telegram would send with `fields` (every field but `hash` is signed), for tests.
    pub fn sign(&self, fields: &Fields) -> String {
        let check = data_check_string(fields, &["hash"]);
        hex::encode(mac::hmac(&self.secret, check.as_bytes()))
    }
}

/// Checks Mini App init data without the bot token: Telegram's Ed25519 `signature` over
/// `<bot_id>:WebAppData` and the data-check-string without `hash` and `signature`.
#[derive(Debug, Clone)]
pub struct ThirdParty {
    key: VerifyingKey,
}

impl ThirdParty {
    /// Against [`TELEGRAM_PUBLIC_KEY`] (production).
    pub fn production() -> Self {
        Self::with_key(TELEGRAM_PUBLIC_KEY).expect("Telegram's key is a valid key")
    }

    /// Against [`TELEGRAM_TEST_PUBLIC_KEY`] (Telegram's test environment).
    pub fn test_environment() -> Self {
        Self::with_key(TELEGRAM_TEST_PUBLIC_KEY).expect("Telegram's key is a valid key")
    }

    /// Against another Ed25519 public key (64 hex digits), `None` if it is not one.
    pub fn with_key(hex_key: &str) -> Option<Self> {
        let bytes: [u8; 32] = hex::decode(hex_key).ok()?.try_into().ok()?;
        Some(ThirdParty {
            key: VerifyingKey::from_bytes(&bytes).ok()?,
        })
    }

    /// Checks raw init data of the bot `bot_id` (the number before the `:` of its token).
    pub fn verify_query(&self, query: &str, bot_id: i64, freshness: &Freshness) -> Result<InitData, LoginError> {
        let mut fields = parse_query(query)?;
        fields.remove("hash");
        let signature = fields
            .get("signature")
            .ok_or(LoginError::Missing { key: "signature" })?;
        let malformed = || LoginError::Malformed {
            key: "signature".to_string(),
        };
        let bytes = (URL_SAFE_NO_PAD.decode(signature))
            .or_else(|_| URL_SAFE.decode(signature))
            .map_err(|_| malformed())?;
        let signature = Signature::from_slice(&bytes).map_err(|_| malformed())?;
        let message = format!("{bot_id}:WebAppData\n{}", data_check_string(&fields, &["signature"]));
        (self.key.verify_strict(message.as_bytes(), &signature)).map_err(|_| LoginError::Mismatch)?;
        init_data(fields, freshness)
    }
}

/// The init data of checked `fields` (without `hash`), if fresh.
fn init_data(mut fields: Fields, freshness: &Freshness) -> Result<InitData, LoginError> {
    let auth_date = fields
        .remove("auth_date")
        .ok_or(LoginError::Missing { key: "auth_date" })?;
    let auth_date = freshness.check(&auth_date)?;
    let user = match fields.get("user") {
        Some(json) => Some(serde_json::from_str(json).map_err(|_| LoginError::Malformed {
            key: "user".to_string(),
        })?),
        None => None,
    };
    Ok(InitData {
        user,
        auth_date,
        fields,
    })
}
