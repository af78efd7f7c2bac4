//! The last step of the flow, on the website's side: the URL the client opens after
//! `urlAuthResultAccepted` carries the user's data and a `hash`, which the website checks with
//! [`tl_login`] before it trusts a byte of it. [`telegram_signed_url`] plays Telegram's part offline.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use tl_login::{Freshness, LoginError, LoginWidget, TelegramUser};

/// What Telegram puts in `urlAuthResultAccepted.url` when `user` logs in to `login_url` (the button's
/// URL) at `auth_date` (Unix seconds): the user's fields and their `hash`, signed with the bot's token the
/// way the Login Widget's data is.
pub fn telegram_signed_url(bot_token: &str, login_url: &str, user: &[(&str, &str)], auth_date: u64) -> String {
    let date = auth_date.to_string();
    let mut fields = tl_login::fields(user.iter().copied().chain([("auth_date", date.as_str())]))
        .expect("the test user's fields are valid");
    let hash = LoginWidget::new(bot_token).sign(&fields);
    fields.insert("hash".into(), hash);
    let encode =
        |text: &str| percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string();
    let query: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    format!("{login_url}?{}", query.join("&"))
}

/// The website's login handler: the user the opened URL vouches for, if its hash is the bot's and it is
/// at most a day old at `now`.
pub fn handle_login(bot_token: &str, opened_url: &str, now: SystemTime) -> Result<TelegramUser, LoginError> {
    let query = opened_url.split_once('?').map_or("", |(_, query)| query);
    let freshness = Freshness::max_age(Duration::from_secs(86_400)).at(now);
    LoginWidget::new(bot_token).verify_query(query, &freshness)
}

/// `auth_date` seconds as a time, for tests and callers that hold Unix seconds.
pub fn unix(seconds: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(seconds)
}
