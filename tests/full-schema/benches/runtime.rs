//! The generated layer-230 types against grammers-tl-types 0.11.0 on the same values, in one run:
//! (a) `messages.requestUrlAuth` by button (36 bytes), (b) `urlAuthResultRequest` with a full bot user,
//! (c) `users.users` with 1000 such users. For each: serialize to a new buffer, into a reused buffer, and
//! deserialize, beside a memcpy of the same size. Memory figures are in the `memory` bench (it needs a
//! counting allocator, which would slow every allocation timed here).
//!
//! Run with `cargo bench -p tl-full-schema --bench runtime`.

use std::sync::OnceLock;

use divan::Bencher;
use divan::counter::BytesCount;
use grammers_tl_types::{self as g, Deserializable, Serializable};
use tl_full_schema::layer230 as o;
use tl_runtime::{Deserialize, Serialize};
use tl_tests::samples::{Fill, boxed};

fn main() {
    eprintln!(
        "objects: (a) {} bytes, (b) {} bytes, (c) {} bytes",
        request_url_auth().bytes.len(),
        auth_result().bytes.len(),
        users().bytes.len()
    );
    divan::main();
}

/// A bot user with names, username, 3 usernames, photo, status, 2 restriction reasons, emoji status and
/// colours, built from the model's minimal sample so that every other field keeps its TL default.
fn bot_user() -> o::types::User {
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

/// One object in both libraries, checked to have identical bytes.
struct Object<O, G> {
    ours: O,
    theirs: G,
    bytes: Vec<u8>,
    /// Where grammers starts reading: it reads a function without its id (and writes it with one).
    theirs_from: usize,
}

impl<O: Serialize + Deserialize, G: Serializable + Deserializable> Object<O, G> {
    fn new(ours: O, theirs_from: usize) -> Self {
        let bytes = ours.to_bytes();
        let theirs = G::from_bytes(&bytes[theirs_from..]).expect("grammers reads our bytes");
        assert_eq!(theirs.to_bytes(), bytes, "both libraries write the same bytes");
        Self {
            ours,
            theirs,
            bytes,
            theirs_from,
        }
    }
}

type RequestUrlAuth = Object<o::functions::messages::RequestUrlAuth, g::functions::messages::RequestUrlAuth>;
type AuthResult = Object<o::enums::UrlAuthResult, g::enums::UrlAuthResult>;
type Users = Object<o::enums::users::Users, g::enums::users::Users>;

fn request_url_auth() -> &'static RequestUrlAuth {
    static OBJECT: OnceLock<RequestUrlAuth> = OnceLock::new();
    OBJECT.get_or_init(|| {
        let object = Object::new(
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
            },
            4,
        );
        assert_eq!(object.bytes.len(), 36);
        object
    })
}

fn auth_result() -> &'static AuthResult {
    static OBJECT: OnceLock<AuthResult> = OnceLock::new();
    OBJECT.get_or_init(|| {
        Object::new(
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
            .into(),
            0,
        )
    })
}

fn users() -> &'static Users {
    static OBJECT: OnceLock<Users> = OnceLock::new();
    OBJECT.get_or_init(|| {
        let user: o::enums::User = bot_user().into();
        Object::new(
            o::types::users::Users {
                users: vec![user; 1000],
            }
            .into(),
            0,
        )
    })
}

macro_rules! object_benches {
    ($module:ident, $object:expr) => {
        mod $module {
            use super::*;

            #[divan::bench]
            fn ours_serialize_new(bencher: Bencher) {
                let object = $object;
                bencher
                    .counter(BytesCount::of_slice(&object.bytes))
                    .bench(|| divan::black_box(&object.ours).to_bytes());
            }

            #[divan::bench]
            fn grammers_serialize_new(bencher: Bencher) {
                let object = $object;
                bencher
                    .counter(BytesCount::of_slice(&object.bytes))
                    .bench(|| divan::black_box(&object.theirs).to_bytes());
            }

            #[divan::bench]
            fn ours_serialize_reused(bencher: Bencher) {
                let object = $object;
                let mut buffer = Vec::with_capacity(object.bytes.len());
                bencher
                    .counter(BytesCount::of_slice(&object.bytes))
                    .bench_local(|| {
                        buffer.clear();
                        Serialize::serialize(divan::black_box(&object.ours), &mut buffer);
                        buffer.len()
                    });
            }

            #[divan::bench]
            fn grammers_serialize_reused(bencher: Bencher) {
                let object = $object;
                let mut buffer = Vec::with_capacity(object.bytes.len());
                bencher
                    .counter(BytesCount::of_slice(&object.bytes))
                    .bench_local(|| {
                        buffer.clear();
                        Serializable::serialize(divan::black_box(&object.theirs), &mut buffer);
                        buffer.len()
                    });
            }

            #[divan::bench]
            fn ours_deserialize(bencher: Bencher) {
                let object = $object;
                bencher.counter(BytesCount::of_slice(&object.bytes)).bench(|| {
                    <_ as Deserialize>::from_bytes(divan::black_box(&object.bytes))
                        .map(|value| same_type(&object.ours, value))
                        .expect("decodes")
                });
            }

            #[divan::bench]
            fn grammers_deserialize(bencher: Bencher) {
                let object = $object;
                bencher.counter(BytesCount::of_slice(&object.bytes)).bench(|| {
                    <_ as Deserializable>::from_bytes(divan::black_box(&object.bytes[object.theirs_from..]))
                        .map(|value| same_type(&object.theirs, value))
                        .expect("decodes")
                });
            }

            #[divan::bench]
            fn memcpy(bencher: Bencher) {
                let object = $object;
                bencher
                    .counter(BytesCount::of_slice(&object.bytes))
                    .bench(|| divan::black_box(&object.bytes).to_vec());
            }
        }
    };
}

/// Ties a decoded value's type to a reference's, so one macro serves every object.
fn same_type<T>(_: &T, value: T) -> T {
    value
}

object_benches!(a_request_url_auth, request_url_auth());
object_benches!(b_url_auth_result, auth_result());
object_benches!(c_users_1000, users());
