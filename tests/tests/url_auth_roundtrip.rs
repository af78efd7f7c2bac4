//! Every constructor and function of the checked-in url-auth bindings round-trips: a sample encoding with
//! every optional field present, and one with every optional field absent, decode and encode back to the
//! same bytes, with an exact `serialized_len`; truncation and unknown ids are errors at the right offset.

use proptest::prelude::*;
use tl_codegen::model::{Item, Model};
use tl_generated::{enums, functions};
use tl_runtime::{Deserialize, ErrorKind, Serialize};
use tl_tests::samples::{Fill, boxed, random_boxed, url_auth_model};

/// Decodes `bytes` as `T`, encodes again, and checks bytes and length.
fn check<T: Serialize + Deserialize + PartialEq + std::fmt::Debug>(name: &str, bytes: &[u8]) {
    let value = T::from_bytes(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(value.to_bytes(), bytes, "{name} re-encodes to the same bytes");
    assert_eq!(value.serialized_len(), bytes.len(), "{name}: serialized_len");
    assert_eq!(T::from_bytes(&value.to_bytes()).expect("decodes again"), value);
    for cut in [0, bytes.len() / 2, bytes.len() - 1] {
        let error = T::from_bytes(&bytes[..cut]).expect_err("truncated");
        assert!(
            error.offset() <= cut,
            "{name}: error offset {} past the cut {cut}",
            error.offset()
        );
    }
}

/// Runs `check` on a `fill` sample of every constructor of every TL type and of every function; returns
/// how many.
fn check_all(fill: Fill) -> usize {
    check_all_with(|model, item| boxed(model, item, fill))
}

/// Runs `check` on the sample `sample` makes of every constructor and function; returns how many.
fn check_all_with(sample: impl Fn(&Model, &Item) -> Vec<u8>) -> usize {
    let model = url_auth_model();
    let mut checked = 0;
    for ty in &model.types {
        for variant in &ty.variants {
            let constructor = &model.constructors[variant.constructor];
            let bytes = sample(&model, constructor);
            let name = &constructor.tl_name;
            match ty.tl_name.as_str() {
                "EmojiStatus" => check::<enums::EmojiStatus>(name, &bytes),
                "InputPeer" => check::<enums::InputPeer>(name, &bytes),
                "InputUser" => check::<enums::InputUser>(name, &bytes),
                "KeyboardButton" => check::<enums::KeyboardButton>(name, &bytes),
                "PeerColor" => check::<enums::PeerColor>(name, &bytes),
                "RecentStory" => check::<enums::RecentStory>(name, &bytes),
                "RestrictionReason" => check::<enums::RestrictionReason>(name, &bytes),
                "UrlAuthResult" => check::<enums::UrlAuthResult>(name, &bytes),
                "User" => check::<enums::User>(name, &bytes),
                "UserProfilePhoto" => check::<enums::UserProfilePhoto>(name, &bytes),
                "UserStatus" => check::<enums::UserStatus>(name, &bytes),
                "Username" => check::<enums::Username>(name, &bytes),
                other => panic!("the test does not know the type {other}"),
            }
            checked += 1;
        }
    }
    for function in &model.functions {
        let bytes = sample(&model, function);
        match function.tl_name.as_str() {
            "messages.requestUrlAuth" => check::<functions::messages::RequestUrlAuth>(&function.tl_name, &bytes),
            "messages.acceptUrlAuth" => check::<functions::messages::AcceptUrlAuth>(&function.tl_name, &bytes),
            other => panic!("the test does not know the function {other}"),
        }
        checked += 1;
    }
    checked
}

#[test]
fn every_constructor_with_every_optional_field() {
    assert_eq!(check_all(Fill::All), 36 + 2);
}

#[test]
fn every_constructor_with_no_optional_field() {
    assert_eq!(check_all(Fill::None), 36 + 2);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Random values (random optional fields, constructors, vector lengths, edge integers, long strings)
    /// of every constructor and function round-trip exactly.
    #[test]
    fn random_values_of_every_constructor_round_trip(seed in any::<u64>()) {
        let checked = check_all_with(|model, item| random_boxed(model, item, seed ^ u64::from(item.id)));
        prop_assert_eq!(checked, 36 + 2);
    }
}

#[test]
fn unknown_constructor_ids_name_the_type_and_offset() {
    let error = enums::UrlAuthResult::from_bytes(&0x12345678u32.to_le_bytes()).expect_err("unknown");
    assert_eq!(
        *error.kind(),
        ErrorKind::UnexpectedConstructor {
            expected: "UrlAuthResult",
            found: 0x12345678
        }
    );
    assert_eq!(error.offset(), 0);

    // urlAuthResultRequest with flags 0, then a bot whose constructor id is unknown: the error is at byte 8.
    let mut bytes = 0x92d33a0eu32.to_le_bytes().to_vec();
    bytes.extend_from_slice(&0u32.to_le_bytes());
    bytes.extend_from_slice(&0xdeadbeefu32.to_le_bytes());
    let error = enums::UrlAuthResult::from_bytes(&bytes).expect_err("unknown user");
    assert_eq!(
        *error.kind(),
        ErrorKind::UnexpectedConstructor {
            expected: "User",
            found: 0xdeadbeef
        }
    );
    assert_eq!(error.offset(), 8);
    assert_eq!(
        error.to_string(),
        "urlAuthResultRequest.bot: unexpected constructor 0xdeadbeef for User at byte 8"
    );
}

#[test]
fn errors_name_the_path_of_fields_and_elements_that_led_there() {
    use tl_runtime::PathStep;
    let model = url_auth_model();
    let user = model.constructors.iter().find(|c| c.tl_name == "user").expect("user");
    let enums::User::User(minimal) = enums::User::from_bytes(&boxed(&model, user, Fill::None)).expect("decodes") else {
        panic!("a user")
    };
    let username = |name: &str| tl_generated::types::Username {
        editable: false,
        active: true,
        username: name.into(),
    };
    let bot = tl_generated::types::User {
        bot_info_version: Some(1),
        username: Some("login_bot".into()),
        usernames: Some(vec![
            username("login_bot").into(),
            username("auth_bot").into(),
            username("example_bot").into(),
        ]),
        ..*minimal
    };
    let request: enums::UrlAuthResult = tl_generated::types::UrlAuthResultRequest {
        request_write_access: true,
        bot: bot.into(),
        domain: "example.com".into(),
    }
    .into();
    let valid = request.to_bytes();
    let mut bytes = valid.clone();
    // The third username's id is the last `username#b4073647` in the message: its bare part (flags and
    // "example_bot") and the domain follow it.
    let third = bytes.len() - 12 /* domain */ - 16 /* username */ - 4;
    assert_eq!(
        bytes[third..third + 4],
        0xb4073647u32.to_le_bytes(),
        "the third username's id"
    );
    bytes[third..third + 4].copy_from_slice(&0x12345678u32.to_le_bytes());

    let error = enums::UrlAuthResult::from_bytes(&bytes).expect_err("an unknown username constructor");
    assert_eq!(
        error.path().collect::<Vec<_>>(),
        [
            PathStep::Field("urlAuthResultRequest.bot"),
            PathStep::Field("user.usernames"),
            PathStep::Element(2)
        ]
    );
    assert_eq!(error.offset(), third);
    assert_eq!(
        error.to_string(),
        format!(
            "urlAuthResultRequest.bot: user.usernames[2]: unexpected constructor 0x12345678 for Username at byte {third}"
        )
    );

    // A truncated message names the innermost field that ran out.
    let error = enums::UrlAuthResult::from_bytes(&valid[..third + 9]).expect_err("truncated");
    assert_eq!(
        error.path().collect::<Vec<_>>(),
        [
            PathStep::Field("urlAuthResultRequest.bot"),
            PathStep::Field("user.usernames"),
            PathStep::Element(2),
            PathStep::Field("username.username"),
        ],
        "{error}"
    );
}

#[test]
fn truncation_at_every_byte_of_a_full_user_is_an_error() {
    let model = url_auth_model();
    let user = model.constructors.iter().find(|c| c.tl_name == "user").expect("user");
    let bytes = boxed(&model, user, Fill::All);
    assert!(bytes.len() > 200, "a full user is large: {}", bytes.len());
    for cut in 0..bytes.len() {
        let error = enums::User::from_bytes(&bytes[..cut]).expect_err("truncated");
        let is_truncation = matches!(
            *error.kind(),
            ErrorKind::UnexpectedEnd { .. } | ErrorKind::VectorTooLong { .. }
        );
        assert!(is_truncation && error.offset() <= cut, "cut {cut}: {error}");
    }
    let mut trailing = bytes.clone();
    trailing.push(0);
    let error = enums::User::from_bytes(&trailing).expect_err("trailing byte");
    assert_eq!(*error.kind(), ErrorKind::TrailingBytes { count: 1 });
}

#[test]
fn large_variants_are_boxed_so_enums_stay_small() {
    // `user` is hundreds of bytes inline; boxed, a `User` costs a pointer and a tag, as `userEmpty` does.
    assert!(
        std::mem::size_of::<enums::User>() <= 16,
        "{}",
        std::mem::size_of::<enums::User>()
    );
    assert!(std::mem::size_of::<tl_generated::types::User>() > 400);
    assert!(
        std::mem::size_of::<enums::UrlAuthResult>() <= 72, // at most the 64-byte inline cap plus a tag
        "{}",
        std::mem::size_of::<enums::UrlAuthResult>()
    );
    assert!(matches!(
        enums::User::from(tl_generated::types::UserEmpty { id: 1 }),
        enums::User::Empty(_)
    ));
}

#[test]
fn a_million_nested_input_peers_are_an_error_not_a_stack_overflow() {
    // inputPeerUserFromMessage holds an InputPeer; nest it a million times (16 MB).
    let mut bytes = Vec::with_capacity(16_000_008);
    for _ in 0..1_000_000 {
        bytes.extend_from_slice(&0xa87b0a1cu32.to_le_bytes());
    }
    bytes.extend_from_slice(&0x7f3b18eau32.to_le_bytes()); // inputPeerEmpty at the bottom
    let error = enums::InputPeer::from_bytes(&bytes).expect_err("too deep");
    assert_eq!(*error.kind(), ErrorKind::TooDeep { limit: 64 });
}
