//! HMAC-SHA-256 through RustCrypto's `hmac`: made, and checked in constant time by `Mac::verify_slice`.

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::LoginError;

type HmacSha256 = Hmac<Sha256>;

fn keyed(key: &[u8], data: &[u8]) -> HmacSha256 {
    let mut mac = HmacSha256::new_from_slice(key).expect("HMAC takes keys of any length");
    mac.update(data);
    mac
}

/// HMAC-SHA-256 of `data` under `key`.
pub(crate) fn hmac(key: &[u8], data: &[u8]) -> [u8; 32] {
    keyed(key, data).finalize().into_bytes().into()
}

/// Checks `received` (the `hash` field: 64 hex digits) against the HMAC of `data`, in constant time.
pub(crate) fn verify_hex(key: &[u8], data: &[u8], received: &str) -> Result<(), LoginError> {
    let malformed = || LoginError::Malformed {
        key: "hash".to_string(),
    };
    if received.len() != 64 {
        return Err(malformed());
    }
    let bytes = hex::decode(received).map_err(|_| malformed())?;
    keyed(key, data).verify_slice(&bytes).map_err(|_| LoginError::Mismatch)
}
