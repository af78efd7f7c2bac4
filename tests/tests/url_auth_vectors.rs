//! Byte-exact agreement with independent implementations: the generated url-auth types encode the same
//! values to the same bytes as kurigram 2.2.18 (layer 221) and Telethon 1.42.0 (layer 216, same ids for
//! these definitions), and decode those bytes back to the same values. The vectors are in
//! `fixtures/vectors/url_auth.txt`, written by `vectors/make_url_auth_vectors.py`.

use tl_generated::enums::{self, InputPeer, InputUser, KeyboardButton, UrlAuthResult};
use tl_generated::functions::messages::{
    AcceptUrlAuth, AcceptUrlAuthPeerMsgIdButtonId, RequestUrlAuth, RequestUrlAuthPeerMsgIdButtonId,
};
use tl_generated::types;
use tl_runtime::{Deserialize, Serialize};

const URL: &str = "https://example.com/login";
const USER_ID: i64 = 1234567890;
const ACCESS_HASH: i64 = -4321;

fn peer() -> InputPeer {
    types::InputPeerUser {
        user_id: USER_ID,
        access_hash: ACCESS_HASH,
    }
    .into()
}

fn full_bot() -> types::User {
    types::User {
        self_: false,
        contact: false,
        mutual_contact: false,
        deleted: false,
        bot_chat_history: false,
        bot_nochats: false,
        verified: true,
        min: false,
        bot_inline_geo: false,
        support: false,
        scam: false,
        apply_min_photo: false,
        fake: false,
        bot_attach_menu: false,
        premium: false,
        attach_menu_enabled: false,
        bot_can_edit: true,
        close_friend: false,
        stories_hidden: false,
        stories_unavailable: false,
        contact_require_premium: false,
        bot_business: false,
        bot_has_main_app: false,
        bot_forum_view: false,
        id: USER_ID,
        access_hash: Some(ACCESS_HASH),
        first_name: Some("Example Bot".into()),
        last_name: Some("Ünïcödé ✓".into()),
        username: Some("example_bot".into()),
        phone: None,
        photo: Some(
            types::UserProfilePhoto {
                has_video: true,
                personal: false,
                photo_id: 99,
                stripped_thumb: Some((0..40).collect()),
                dc_id: 2,
            }
            .into(),
        ),
        status: Some(types::UserStatusOnline { expires: 1700000000 }.into()),
        bot_info_version: Some(5),
        restriction_reason: Some(vec![
            types::RestrictionReason {
                platform: "ios".into(),
                reason: "porn".into(),
                text: "Not on iOS".into(),
            }
            .into(),
            types::RestrictionReason {
                platform: "all".into(),
                reason: "terms".into(),
                text: "x".repeat(300).into(),
            }
            .into(),
        ]),
        bot_inline_placeholder: Some("Search...".into()),
        lang_code: Some("en".into()),
        emoji_status: Some(
            types::EmojiStatus {
                document_id: 123456789012,
                until: Some(1800000000),
            }
            .into(),
        ),
        usernames: Some(vec![
            types::Username {
                editable: true,
                active: true,
                username: "example_bot".into(),
            }
            .into(),
            types::Username {
                editable: false,
                active: true,
                username: "example_alias".into(),
            }
            .into(),
            types::Username {
                editable: false,
                active: false,
                username: "old_name".into(),
            }
            .into(),
        ]),
        stories_max_id: Some(
            types::RecentStory {
                live: true,
                max_id: Some(17),
            }
            .into(),
        ),
        color: Some(
            types::PeerColor {
                color: Some(5),
                background_emoji_id: Some(555),
            }
            .into(),
        ),
        profile_color: Some(
            types::PeerColor {
                color: Some(1),
                background_emoji_id: None,
            }
            .into(),
        ),
        bot_active_users: Some(1000),
        bot_verification_icon: None,
        send_paid_messages_stars: None,
    }
}

fn button_target() -> RequestUrlAuthPeerMsgIdButtonId {
    RequestUrlAuthPeerMsgIdButtonId {
        peer: peer(),
        msg_id: 42,
        button_id: 3,
    }
}

fn accept_target() -> AcceptUrlAuthPeerMsgIdButtonId {
    AcceptUrlAuthPeerMsgIdButtonId {
        peer: peer(),
        msg_id: 42,
        button_id: 3,
    }
}

/// Encodes `value`, compares with the vector, decodes the vector, compares with `value`.
fn agree<T: Serialize + Deserialize + PartialEq + std::fmt::Debug>(value: T, expected: &[u8], what: &str) {
    assert_eq!(hex(&value.to_bytes()), hex(expected), "{what}: our bytes");
    assert_eq!(
        T::from_bytes(expected).unwrap_or_else(|e| panic!("{what}: {e}")),
        value,
        "{what}: decoded value"
    );
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).expect("hex"))
        .collect()
}

fn check(name: &str, bytes: &[u8], what: &str) {
    let user = full_bot();
    assert!(
        user.bot() && user.restricted(),
        "derived from bot_info_version and restriction_reason"
    );
    match name {
        "user_full_bot" => agree(enums::User::from(user), bytes, what),
        "result_request_full_bot" => agree(
            UrlAuthResult::from(types::UrlAuthResultRequest {
                request_write_access: false,
                bot: user.into(),
                domain: "example.com".into(),
            }),
            bytes,
            what,
        ),
        "keyboard_button" => agree(
            KeyboardButton::from(types::KeyboardButtonUrlAuth {
                text: "Log in".into(),
                fwd_text: None,
                url: URL.into(),
                button_id: 3,
            }),
            bytes,
            what,
        ),
        "keyboard_button_fwd" => agree(
            KeyboardButton::from(types::KeyboardButtonUrlAuth {
                text: "Log in".into(),
                fwd_text: Some("Log in to example.com".into()),
                url: URL.into(),
                button_id: 3,
            }),
            bytes,
            what,
        ),
        "input_keyboard_button" => agree(
            KeyboardButton::from(types::InputKeyboardButtonUrlAuth {
                request_write_access: true,
                text: "Log in".into(),
                fwd_text: None,
                url: URL.into(),
                bot: InputUser::from(types::InputUser {
                    user_id: USER_ID,
                    access_hash: ACCESS_HASH,
                }),
            }),
            bytes,
            what,
        ),
        "request_by_button" => agree(
            RequestUrlAuth {
                peer_msg_id_button_id: Some(button_target()),
                url: None,
            },
            bytes,
            what,
        ),
        "request_by_url" => agree(
            RequestUrlAuth {
                peer_msg_id_button_id: None,
                url: Some(URL.into()),
            },
            bytes,
            what,
        ),
        "accept_with_write" => agree(
            AcceptUrlAuth {
                write_allowed: true,
                peer_msg_id_button_id: Some(accept_target()),
                url: None,
            },
            bytes,
            what,
        ),
        "accept_without_write" => agree(
            AcceptUrlAuth {
                write_allowed: false,
                peer_msg_id_button_id: Some(accept_target()),
                url: None,
            },
            bytes,
            what,
        ),
        "accept_url" => agree(
            AcceptUrlAuth {
                write_allowed: false,
                peer_msg_id_button_id: None,
                url: Some(URL.into()),
            },
            bytes,
            what,
        ),
        "result_accepted" => agree(
            UrlAuthResult::from(types::UrlAuthResultAccepted {
                url: format!("{URL}?id=1&hash=abc").into(),
            }),
            bytes,
            what,
        ),
        "result_default" => agree(UrlAuthResult::Default, bytes, what),
        "result_request_empty_bot" => agree(
            UrlAuthResult::from(types::UrlAuthResultRequest {
                request_write_access: true,
                bot: types::UserEmpty { id: 777 }.into(),
                domain: "example.com".into(),
            }),
            bytes,
            what,
        ),
        other => panic!("no Rust value for vector {other}"),
    }
}

#[test]
fn every_vector_agrees_with_the_generated_types() {
    let vectors = include_str!("../fixtures/vectors/url_auth.txt");
    let mut checked = Vec::new();
    for line in vectors.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let [name, source, data] = line.split(' ').collect::<Vec<_>>()[..] else {
            panic!("bad line {line}")
        };
        check(name, &unhex(data), &format!("{name} ({source})"));
        checked.push(source);
    }
    let from = |source: &str| checked.iter().filter(|s| s.starts_with(source)).count();
    assert_eq!((from("kurigram-2.2.18"), from("telethon-1.42.0")), (13, 11));
}

#[test]
fn every_url_auth_definition_is_covered_by_a_vector() {
    let vectors = include_str!("../fixtures/vectors/url_auth.txt");
    for id in [
        0x10b78d29u32,
        0xd02e7fd4,
        0x198fb446,
        0xb12c7125,
        0x92d33a0e,
        0x8f8c0e4e,
        0xa9d6db1f,
        0x31774388,
    ] {
        let prefix = hex(&id.to_le_bytes());
        assert!(
            vectors
                .lines()
                .any(|l| l.rsplit(' ').next().is_some_and(|data| data.starts_with(&prefix))),
            "no vector starts with #{id:08x}"
        );
    }
}
