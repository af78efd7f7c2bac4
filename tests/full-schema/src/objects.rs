//! The objects the runtime benchmarks, the attack tests and the fuzz seeds share, built with the generated
//! layer-230 types: (a) `messages.requestUrlAuth` by button, (b) `urlAuthResultRequest` holding a full
//! bot user, (c) `users.users` holding 1000 such users, (d) a `RichText` of 100 styled runs (a recursive
//! type, as in an instant-view page).

use tl_runtime::Deserialize;
use tl_tests::samples::{Fill, boxed};

use crate::layer230 as o;

/// A bot user with names, username, 3 usernames, photo, status, 2 restriction reasons, emoji status and
/// colours, built from the model's minimal sample so that every other field keeps its TL default.
pub fn bot_user() -> o::types::User {
    let files = [tl_tests::api_layer230(), tl_tests::mtproto()];
    let model = tl_tests::samples::model_of(&files);
    let item = model.constructors.iter().find(|c| c.tl_name == "user").expect("user");
    let o::enums::User::User(user) = o::enums::User::from_bytes(&boxed(&model, item, Fill::None)).expect("decodes")
    else {
        panic!("a user")
    };
    let username = |name: &str, active| o::types::Username {
        editable: false,
        active,
        deletable: false,
        expired: false,
        username: name.into(),
    };
    let reason = |platform: &str, text: &str| o::types::RestrictionReason {
        platform: platform.into(),
        reason: "terms".into(),
        text: text.into(),
    };
    o::types::User {
        verified: true,
        id: 5_000_000_001,
        access_hash: Some(-8_765_432_109_876),
        first_name: Some("Example Login Bot".into()),
        last_name: Some("for example.com".into()),
        username: Some("example_login_bot".into()),
        photo: Some(
            o::types::UserProfilePhoto {
                has_video: false,
                personal: false,
                photo_id: 6_000_000_123,
                stripped_thumb: Some(vec![0x5a; 48]),
                dc_id: 2,
            }
            .into(),
        ),
        status: Some(o::types::UserStatusOnline { expires: 1_800_000_000 }.into()),
        bot_info_version: Some(12),
        restriction_reason: Some(vec![
            reason("ios", "This bot is not available on iOS because of App Store rules.").into(),
            reason(
                "android",
                "This bot is not available on Google Play builds in this region.",
            )
            .into(),
        ]),
        bot_inline_placeholder: Some("Log in to example.com".into()),
        lang_code: Some("en".into()),
        emoji_status: Some(
            o::types::EmojiStatus {
                document_id: 5_368_324_170_671_202_286,
                until: None,
            }
            .into(),
        ),
        usernames: Some(vec![
            username("example_login_bot", true).into(),
            username("examplecom_bot", true).into(),
            username("example_auth_bot", false).into(),
        ]),
        color: Some(
            o::types::PeerColor {
                color: Some(5),
                background_emoji_id: Some(5_301_072_507_598_550_489),
            }
            .into(),
        ),
        profile_color: Some(
            o::types::PeerColor {
                color: Some(1),
                background_emoji_id: None,
            }
            .into(),
        ),
        bot_active_users: Some(120_000),
        ..*user
    }
}

/// (a) `messages.requestUrlAuth` with `peer = inputPeerUser`, `msg_id` and `button_id`: 36 bytes boxed.
pub fn request_url_auth() -> o::functions::messages::RequestUrlAuth {
    o::functions::messages::RequestUrlAuth {
        peer_msg_id_button_id: Some(o::functions::messages::RequestUrlAuthPeerMsgIdButtonId {
            peer: o::types::InputPeerUser {
                user_id: 5_000_000_001,
                access_hash: -8_765_432_109_876,
            }
            .into(),
            msg_id: 42,
            button_id: 3,
        }),
        url: None,
        in_app_origin: None,
    }
}

/// (b) `urlAuthResultRequest` holding [`bot_user`]: 528 bytes.
pub fn url_auth_result() -> o::enums::UrlAuthResult {
    o::types::UrlAuthResultRequest {
        request_write_access: true,
        request_phone_number: false,
        match_codes_first: false,
        is_app: false,
        bot: bot_user().into(),
        domain: "example.com".into(),
        browser_platform_ip_region: None,
        match_codes: None,
        user_id_hint: None,
        verified_app_name: None,
    }
    .into()
}

/// (c) `users.users` holding `count` copies of [`bot_user`] (1000 in the benchmarks: 508,012 bytes).
pub fn users(count: usize) -> o::enums::users::Users {
    let user: o::enums::User = bot_user().into();
    o::types::users::Users {
        users: vec![user; count],
    }
    .into()
}

/// (d) `textConcat` of 100 runs, each of them nested two or three levels: bold plain text, an italic
/// link, fixed-width plain text, in turn.
pub fn rich_text() -> o::enums::RichText {
    let plain = |text: &str| o::enums::RichText::from(o::types::TextPlain { text: text.into() });
    let runs = (0..100)
        .map(|index| match index % 3 {
            0 => o::types::TextBold {
                text: plain("Seamless login"),
            }
            .into(),
            1 => o::types::TextItalic {
                text: o::types::TextUrl {
                    text: plain("the documentation"),
                    url: "https://core.telegram.org/api/url-authorization".into(),
                    webpage_id: 0,
                }
                .into(),
            }
            .into(),
            _ => o::types::TextFixed {
                text: plain("messages.requestUrlAuth"),
            }
            .into(),
        })
        .collect();
    o::types::TextConcat { texts: runs }.into()
}
