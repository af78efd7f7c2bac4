//! The checks against vectors from independent implementations (`tests/fixtures/vectors/login.txt`,
//! made by `tests/vectors/login/make_vectors.sh`: @telegram-apps/init-data-node 2.0.10,
//! @telegram-auth/server 1.0.5 and aiogram 3.22.0 each accepted every vector), every kind of tampering,
//! and properties: what is signed verifies, and any changed byte does not.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use proptest::prelude::*;
use tl_login::{Fields, Freshness, LoginError, LoginWidget, MiniApp, ThirdParty};

struct Vector {
    kind: String,
    token: String,
    auth_date: u64,
    user_id: i64,
    query: String,
}

fn vectors() -> Vec<Vector> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/vectors/login.txt");
    let text = std::fs::read_to_string(path).expect("the vectors");
    (text.lines())
        .filter(|line| !line.starts_with('#'))
        .map(|line| {
            let parts: Vec<&str> = line.split('\t').collect();
            Vector {
                kind: parts[0].to_string(),
                token: parts[1].to_string(),
                auth_date: parts[2].parse().expect("a date"),
                user_id: parts[3].parse().expect("an id"),
                query: parts[4].to_string(),
            }
        })
        .collect()
}

fn at(seconds: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(seconds)
}

fn fresh_at(auth_date: u64) -> Freshness {
    Freshness::max_age(Duration::from_secs(3600)).at(at(auth_date + 10))
}

#[test]
fn every_vector_is_accepted() {
    let vectors = vectors();
    assert_eq!(vectors.len(), 9);
    for vector in &vectors {
        let fresh = fresh_at(vector.auth_date);
        let id = match vector.kind.as_str() {
            "widget" => {
                let user = LoginWidget::new(&vector.token)
                    .verify_query(&vector.query, &fresh)
                    .expect(&vector.query);
                assert_eq!(user.auth_date, at(vector.auth_date));
                user.id
            }
            "mini-app" | "mini-app-signed" => {
                let data = MiniApp::new(&vector.token)
                    .verify_query(&vector.query, &fresh)
                    .expect(&vector.query);
                data.user.expect("a user").id
            }
            other => panic!("unknown kind {other}"),
        };
        assert_eq!(id, vector.user_id);
    }
}

#[test]
fn widget_fields_are_read_exactly() {
    let vector = &vectors()[1];
    let user = LoginWidget::new(&vector.token)
        .verify_query(&vector.query, &fresh_at(vector.auth_date))
        .expect("valid");
    // `%26` inside a value stays in the value: the query is split before it is decoded.
    assert_eq!(user.first_name, "Zoë & Co");
    assert_eq!(
        (user.id, user.username.as_deref(), user.last_name),
        (5_000_000_001, Some("zoe"), None)
    );
    let big = &vectors()[3];
    let user = LoginWidget::new(&big.token)
        .verify_query(&big.query, &fresh_at(big.auth_date))
        .expect("valid");
    assert_eq!(user.id, 9_007_199_254_740_991);
    assert_eq!(
        user.photo_url.as_deref(),
        Some("https://t.me/i/userpic/320/a.jpg?x=1&y=2")
    );
}

#[test]
fn telegrams_published_init_data_passes_the_third_party_check() {
    let vector = vectors()
        .into_iter()
        .find(|v| v.kind == "mini-app-signed")
        .expect("the published vector");
    let bot_id: i64 = vector
        .token
        .split(':')
        .next()
        .and_then(|id| id.parse().ok())
        .expect("a bot id");
    let fresh = fresh_at(vector.auth_date);
    let data = ThirdParty::production()
        .verify_query(&vector.query, bot_id, &fresh)
        .expect("signed by Telegram");
    let user = data.user.expect("a user");
    assert_eq!(
        (user.id, user.first_name.as_str(), user.is_premium),
        (279_058_397, "Vladislav + - ? /", true)
    );
    assert_eq!(
        ThirdParty::production().verify_query(&vector.query, bot_id + 1, &fresh),
        Err(LoginError::Mismatch),
        "the bot id is signed"
    );
    assert_eq!(
        ThirdParty::test_environment().verify_query(&vector.query, bot_id, &fresh),
        Err(LoginError::Mismatch)
    );
    let changed = vector.query.replace("chat_type=private", "chat_type=sender");
    assert_eq!(
        ThirdParty::production().verify_query(&changed, bot_id, &fresh),
        Err(LoginError::Mismatch)
    );
}

/// The widget vector's query with one field's value replaced.
fn with_value(query: &str, key: &str, value: &str) -> String {
    let parts: Vec<String> = (query.split('&'))
        .map(|part| match part.split_once('=') {
            Some((k, _)) if k == key => format!("{k}={value}"),
            _ => part.to_string(),
        })
        .collect();
    parts.join("&")
}

#[test]
fn every_single_field_tampering_is_refused() {
    let vector = &vectors()[0];
    let widget = LoginWidget::new(&vector.token);
    let fresh = fresh_at(vector.auth_date);
    let fields = tl_login::parse_query(&vector.query).expect("parses");
    for key in fields.keys().filter(|key| *key != "hash") {
        let tampered = with_value(&vector.query, key, "1700000001");
        assert_eq!(
            widget.verify_query(&tampered, &fresh),
            Err(LoginError::Mismatch),
            "{key}"
        );
    }
    let hash = &fields["hash"];
    let flipped = format!("{}{}", if hash.starts_with('0') { '1' } else { '0' }, &hash[1..]);
    assert_eq!(
        widget.verify_query(&with_value(&vector.query, "hash", &flipped), &fresh),
        Err(LoginError::Mismatch)
    );
    let extra = format!("{}&admin=true", vector.query);
    assert_eq!(
        widget.verify_query(&extra, &fresh),
        Err(LoginError::Mismatch),
        "an extra field"
    );
    assert_eq!(
        LoginWidget::new("another:token").verify_query(&vector.query, &fresh),
        Err(LoginError::Mismatch)
    );
    let mut reordered: Vec<&str> = vector.query.split('&').collect();
    reordered.reverse();
    assert!(
        widget.verify_query(&reordered.join("&"), &fresh).is_ok(),
        "order does not matter"
    );
}

#[test]
fn stale_future_and_malformed_data_are_refused() {
    let vector = &vectors()[0];
    let widget = LoginWidget::new(&vector.token);
    let day = Duration::from_secs(86_400);
    let late = Freshness::max_age(day).at(at(vector.auth_date + 86_401));
    assert_eq!(
        widget.verify_query(&vector.query, &late),
        Err(LoginError::Expired {
            age: Duration::from_secs(86_401)
        })
    );
    let early = Freshness::max_age(day).at(at(vector.auth_date - 61));
    assert_eq!(
        widget.verify_query(&vector.query, &early),
        Err(LoginError::FromTheFuture {
            ahead: Duration::from_secs(61)
        })
    );
    let skewed = Freshness::max_age(day)
        .clock_skew(Duration::from_secs(120))
        .at(at(vector.auth_date - 61));
    assert!(widget.verify_query(&vector.query, &skewed).is_ok());

    let fresh = fresh_at(vector.auth_date);
    let cases: [(String, LoginError); 8] = [
        (
            vector.query.replace("&hash=", "&hash2="),
            LoginError::Missing { key: "hash" },
        ),
        (
            with_value(&vector.query, "hash", "zz"),
            LoginError::Malformed { key: "hash".into() },
        ),
        (
            format!("{}&id=1", vector.query),
            LoginError::DuplicateKey { key: "id".into() },
        ),
        (
            with_value(&vector.query, "first_name", "Ann%0Aid%3D1"),
            LoginError::LineFeed {
                key: "first_name".into(),
            },
        ),
        (
            with_value(&vector.query, "first_name", "Ann%2"),
            LoginError::BadPercentEncoding { text: "Ann%2".into() },
        ),
        (
            with_value(&vector.query, "first_name", "%FF%FE"),
            LoginError::NotUtf8 { text: "%FF%FE".into() },
        ),
        (
            with_value(&vector.query, "first_name", "%zzAnn"),
            LoginError::BadPercentEncoding { text: "%zzAnn".into() },
        ),
        (String::new(), LoginError::Missing { key: "hash" }),
    ];
    for (query, expected) in cases {
        let error = widget.verify_query(&query, &fresh).expect_err(&query);
        assert_eq!(error, expected, "{query}");
        let message = error.to_string();
        assert!(
            !message.contains(&LoginWidget::new(&vector.token).sign(&Fields::new())),
            "{message}"
        );
    }
}

fn signed_query(widget: &LoginWidget, fields: &Fields) -> String {
    let mut all = fields.clone();
    all.insert("hash".into(), widget.sign(fields));
    let encode =
        |text: &str| percent_encoding::utf8_percent_encode(text, percent_encoding::NON_ALPHANUMERIC).to_string();
    let parts: Vec<String> = all
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    parts.join("&")
}

fn field_values() -> impl Strategy<Value = Fields> {
    let value = "[^\n]{0,24}";
    (
        value,
        value,
        proptest::collection::btree_map("[a-z_]{1,10}", value, 0..4),
    )
        .prop_map(|(first, last, extra)| {
            let mut fields: Fields = extra
                .into_iter()
                .filter(|(k, _)| !matches!(k.as_str(), "hash" | "id" | "auth_date"))
                .collect();
            fields.insert("id".into(), "123456789012".into());
            fields.insert("auth_date".into(), "1700000000".into());
            fields.insert("first_name".into(), first);
            fields.insert("last_name".into(), last);
            fields
        })
}

proptest! {
    #[test]
    fn signed_data_verifies_and_any_changed_character_does_not(
        fields in field_values(),
        pick in any::<prop::sample::Index>(),
        at_char in any::<prop::sample::Index>(),
        replacement in "[^\n]",
    ) {
        let widget = LoginWidget::new("123:token");
        let fresh = fresh_at(1_700_000_000);
        let user = widget.verify_query(&signed_query(&widget, &fields), &fresh).expect("signed");
        prop_assert_eq!(user.id, 123_456_789_012);
        // Change one character of one value (or make an empty value non-empty).
        let key = pick.get(&fields.keys().cloned().collect::<Vec<_>>()).clone();
        let value = &fields[&key];
        let chars: Vec<char> = value.chars().collect();
        let changed: String = if chars.is_empty() {
            replacement.clone()
        } else {
            let at = at_char.index(chars.len());
            chars.iter().enumerate().map(|(i, c)| if i == at { replacement.chars().next().unwrap_or('x') } else { *c }).collect()
        };
        prop_assume!(&changed != value);
        let mut tampered = fields.clone();
        tampered.insert(key, changed);
        let query = signed_query(&widget, &fields);
        let hash = widget.sign(&fields);
        let mut forged = tampered.clone();
        forged.insert("hash".into(), hash);
        prop_assert_eq!(widget.verify(forged, &fresh).err(), Some(LoginError::Mismatch));
        prop_assert!(widget.verify_query(&query, &fresh).is_ok());
    }
}
