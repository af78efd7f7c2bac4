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

/// How many of layer 230's constructors and functions get `Default`, by the rule in the README.
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
