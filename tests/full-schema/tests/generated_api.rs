//! The generated API of layer 230 as a client uses it: `Default` the TL way (how many items get it, and
//! `messages.sendMessage` built from two fields), `TryFrom` an enum, a user attribute, serde.

use tl_codegen::model::DefaultImpl;
use tl_full_schema::layer230::{enums, functions, types};
use tl_runtime::{Deserialize, Serialize};

#[test]
fn send_message_is_built_from_the_fields_that_matter() {
    let request = functions::messages::SendMessage {
        peer: enums::InputPeer::User(types::InputPeerUser {
            user_id: 42,
            access_hash: 7,
        }),
        message: "hi".into(),
        random_id: 1,
        ..Default::default()
    };
    assert!(request.reply_to.is_none() && request.entities.is_none() && !request.silent);
    let bytes = request.to_bytes();
    assert_eq!(
        functions::messages::SendMessage::from_bytes(&bytes).expect("decodes"),
        request
    );
    assert_eq!(enums::InputPeer::default(), enums::InputPeer::Empty);
    assert_eq!(enums::User::default(), enums::User::Empty(types::UserEmpty { id: 0 }));
}

#[test]
fn try_from_an_enum_and_a_user_attribute() {
    let user = types::InputPeerUser {
        user_id: 1,
        access_hash: 2,
    };
    let peer = enums::InputPeer::from(user.clone());
    assert_eq!(types::InputPeerUser::try_from(peer), Ok(user.clone()));
    let chat = enums::InputPeer::Chat(types::InputPeerChat { chat_id: 3 });
    assert_eq!(types::InputPeerUser::try_from(chat.clone()), Err(chat));
    // `type_attribute("inputPeerUser", "#[derive(PartialOrd, Ord)]")` in build.rs.
    let other = types::InputPeerUser {
        user_id: 1,
        access_hash: 3,
    };
    assert_eq!(user.cmp(&other), std::cmp::Ordering::Less);
}

#[test]
fn serde_on_the_whole_schema() {
    let result = enums::UrlAuthResult::Accepted(types::UrlAuthResultAccepted {
        url: Some("https://example.com/".into()),
    });
    let json = serde_json::to_string(&result).expect("serializes");
    assert_eq!(json, r#"{"urlAuthResultAccepted":{"url":"https://example.com/"}}"#);
    assert_eq!(
        serde_json::from_str::<enums::UrlAuthResult>(&json).expect("reads"),
        result
    );
}

/// How many of layer 230's constructors and functions get `Default`, by the rule in docs/generated-code.md.
#[test]
fn how_many_items_have_default() {
    let model = tl_tests::samples::model_of(&[tl_tests::api_layer230(), tl_tests::mtproto()]);
    let count = |items: &[tl_codegen::model::Item]| {
        let with = items.iter().filter(|item| item.default.is_some()).count();
        let by_field = (items.iter())
            .filter(|item| item.default == Some(DefaultImpl::ByField))
            .count();
        (with, items.len(), by_field)
    };
    let types_with = model.types.iter().filter(|ty| ty.default_variant.is_some()).count();
    let eq = (model.constructors.iter().chain(&model.functions))
        .filter(|item| item.eq_hash)
        .count();
    let report = format!(
        "constructors with Default: {:?} (with, of, field by field)\nfunctions with Default: {:?}\n\
         boxed types with Default: {types_with} of {}\nconstructors and functions with Eq and Hash: {eq}",
        count(&model.constructors),
        count(&model.functions),
        model.types.len(),
    );
    insta::assert_snapshot!(report);
    let send = (model.functions.iter())
        .find(|f| f.tl_name == "messages.sendMessage")
        .expect("in the schema");
    assert_eq!(send.default, Some(DefaultImpl::Derive));
}

/// Borrowed decoding (`Config::borrowed_types`): text and bytes point into the input, invalid UTF-8 is
/// replaced as the owned types replace it, and `into_owned` gives the owned value.
mod borrowed {
    use std::borrow::Cow;

    use tl_full_schema::layer230 as o;
    use tl_runtime::{Deserialize, DeserializeBorrowed, Serialize};

    fn within(input: &[u8], part: &[u8]) -> bool {
        input.as_ptr_range().contains(&part.as_ptr()) && part.as_ptr_range().end <= input.as_ptr_range().end
    }

    #[test]
    fn text_and_bytes_point_into_the_input() {
        let bytes = tl_full_schema::objects::url_auth_result().to_bytes();
        let value = o::borrowed::enums::UrlAuthResult::from_bytes_borrowed(&bytes).expect("decodes");
        let o::borrowed::enums::UrlAuthResult::Request(request) = &value else {
            panic!("a request")
        };
        assert!(matches!(request.domain, Cow::Borrowed(_)));
        assert!(within(&bytes, request.domain.as_bytes()));
        let o::borrowed::enums::User::User(bot) = &request.bot else {
            panic!("a user")
        };
        let first_name = bot.first_name.as_ref().expect("a first name");
        assert!(within(&bytes, first_name.as_bytes()));
        let Some(o::borrowed::enums::UserProfilePhoto::UserProfilePhoto(photo)) = &bot.photo else {
            panic!("a photo")
        };
        let thumb: &[u8] = photo.stripped_thumb.expect("a thumbnail");
        assert!(within(&bytes, thumb));
        assert_eq!(
            value.into_owned(),
            o::enums::UrlAuthResult::from_bytes(&bytes).expect("owned")
        );
    }

    #[test]
    fn invalid_utf8_is_replaced_as_the_owned_types_replace_it() {
        let owned = o::types::RestrictionReason {
            platform: "ios".into(),
            reason: "terms".into(),
            text: "x".into(),
        };
        let mut bytes = owned.to_bytes();
        // `text` is the last item: its length byte, then `x` becomes 0xff, not UTF-8.
        let at = bytes.len() - 3;
        assert_eq!(bytes[at], b'x');
        bytes[at] = 0xff;
        let value = o::borrowed::types::RestrictionReason::from_bytes_borrowed(&bytes).expect("decodes");
        assert!(matches!(value.platform, Cow::Borrowed("ios")));
        assert_eq!(value.text, Cow::<str>::Owned("\u{fffd}".into()));
        assert_eq!(
            value.clone().into_owned(),
            o::types::RestrictionReason::from_bytes(&bytes).expect("owned")
        );
        assert_eq!(
            value.text.len(),
            3,
            "U+FFFD, written back as its 3 bytes (as the owned types do)"
        );
    }

    #[test]
    fn types_without_text_or_bytes_are_the_owned_ones() {
        // `inputPeerUser` holds only numbers: the borrowed `InputPeer` holds the owned struct.
        let peer = o::types::InputPeerUser {
            user_id: 1,
            access_hash: 2,
        };
        let bytes = o::enums::InputPeer::from(peer.clone()).to_bytes();
        let value = <o::enums::InputPeer as DeserializeBorrowed>::from_bytes_borrowed(&bytes).expect("decodes");
        assert_eq!(value, o::enums::InputPeer::User(peer));
    }
}
