//! What the options of `Config` give the generated API, on `fixtures/options/shop.tl` (generated with all
//! of them by `build.rs`) and on the url-auth schema generated again with `extern_path`: `Default`,
//! conversions, `Eq`/`Hash`, user attributes, serde's JSON, and reuse of another crate's types.

use std::collections::HashSet;

use tl_runtime::{Deserialize, RemoteCall, Serialize};
use tl_tests::codegen_fixtures::{options, reuse};

#[test]
fn default_follows_the_tl_rule() {
    use options::{enums, functions, types};
    // `<type>Empty`, and a type of one constructor, default to that constructor.
    assert_eq!(enums::Peer::default(), enums::Peer::Empty);
    assert_eq!(enums::shop::Item::default(), enums::shop::Item::Empty);
    assert_eq!(enums::Cart::default(), enums::Cart::Cart(types::Cart::default()));
    let cart = types::Cart::default();
    assert!(cart.items.is_empty() && cart.note.is_none() && !cart.gift && cart.keys.is_empty());
    // An array longer than 32 bytes is zeros, through an `impl Default` written field by field.
    let key = types::shop::Key::default();
    assert_eq!((key.secret, key.nonce), ([0; 64], [0; 16]));
    // A function with defaults everywhere is built from the fields that matter.
    let buy = functions::shop::Buy {
        peer: enums::Peer::User(types::PeerUser { user_id: 7 }),
        ..Default::default()
    };
    assert_eq!(functions::shop::Buy::from_bytes(&buy.to_bytes()).expect("decodes"), buy);
    let item = types::shop::Item {
        name: "tea".into(),
        ..Default::default()
    };
    assert_eq!((item.id, item.price, item.photo), (0, 0.0, None));
}

#[test]
fn try_from_gives_the_struct_or_the_value_back() {
    use options::{enums, types};
    let user = enums::Peer::User(types::PeerUser { user_id: 7 });
    assert_eq!(types::PeerUser::try_from(user), Ok(types::PeerUser { user_id: 7 }));
    assert_eq!(types::PeerUser::try_from(enums::Peer::Empty), Err(enums::Peer::Empty));
    assert_eq!(types::PeerEmpty::try_from(enums::Peer::Empty), Ok(types::PeerEmpty));
    // The only constructor of a type: never fails.
    let cart = enums::Cart::from(types::Cart::default());
    assert_eq!(types::Cart::try_from(cart), Ok(types::Cart::default()));
}

#[test]
fn eq_and_hash_where_every_field_allows_and_user_attributes() {
    use options::{enums, types};
    let peers: HashSet<enums::Peer> = [
        enums::Peer::Empty,
        enums::Peer::Empty,
        enums::Peer::User(types::PeerUser { user_id: 1 }),
    ]
    .into_iter()
    .collect();
    assert_eq!(peers.len(), 2);
    let key: HashSet<types::shop::Key> = [types::shop::Key::default()].into_iter().collect();
    assert_eq!(key.len(), 1);
    // `#[derive(PartialOrd)]` from `type_attribute` and `enum_attribute`.
    assert!(enums::Peer::Empty < enums::Peer::User(types::PeerUser { user_id: 1 }));
    assert!(types::PeerUser { user_id: 1 } < types::PeerUser { user_id: 2 });
}

#[test]
fn serde_json_has_the_documented_shape_and_round_trips() {
    use options::{enums, types};
    let cart = types::Cart {
        items: vec![
            enums::shop::Item::Empty,
            enums::shop::Item::Item(Box::new(types::shop::Item {
                id: 1,
                name: "tea".into(),
                price: 2.5,
                photo: Some(vec![0, 1, 2]),
                tags: vec!["green".into()],
            })),
        ],
        note: None,
        gift: true,
        keys: vec![vec![255]],
    };
    let json = serde_json::to_string(&cart).expect("serializes");
    assert_eq!(
        json,
        r#"{"items":["shop.itemEmpty",{"shop.item":{"id":1,"title":"tea","price":2.5,"photo":"AAEC","tags":["green"]}}],"note":null,"gift":true,"keys":["/w=="]}"#
    );
    let back: types::Cart = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, cart);
    // An optional field may be left out, bytes included.
    let short = r#"{"shop.item":{"id":1,"title":"tea","price":2.5,"tags":[]}}"#;
    let item: enums::shop::Item = serde_json::from_str(short).expect("reads");
    let enums::shop::Item::Item(item) = item else {
        panic!("{item:?}")
    };
    assert_eq!((item.photo, item.name.as_str()), (None, "tea"));
    let key = types::shop::Key::default();
    let text = serde_json::to_string(&key).expect("serializes");
    assert_eq!(
        serde_json::from_str::<types::shop::Key>(&text).expect("reads back"),
        key
    );
    assert!(serde_json::from_str::<types::shop::Key>(r#"{"secret":"AA==","nonce":"AA=="}"#).is_err());
}

#[test]
fn the_universal_type_in_json_is_tagged_by_type_then_constructor() {
    use options::{enums, types};
    let receipt = types::shop::Receipt {
        payload: enums::Object::Vector(vec![
            enums::Object::Peer(enums::Peer::Empty),
            enums::Object::Peer(enums::Peer::User(types::PeerUser { user_id: 7 })),
        ]),
    };
    let json = serde_json::to_string(&receipt).expect("serializes");
    assert_eq!(
        json,
        r#"{"payload":{"Vector":[{"Peer":"peerEmpty"},{"Peer":{"peerUser":{"user_id":7}}}]}}"#
    );
    assert_eq!(
        serde_json::from_str::<types::shop::Receipt>(&json).expect("reads back"),
        receipt
    );
    assert_eq!(
        types::shop::Receipt::from_bytes(&receipt.to_bytes()).expect("decodes"),
        receipt
    );
}

#[test]
fn extern_paths_refer_to_the_other_crate_and_write_the_same_bytes() {
    let peer = tl_generated::enums::InputPeer::User(tl_generated::types::InputPeerUser {
        user_id: 7,
        access_hash: -1,
    });
    let ours = reuse::functions::messages::RequestUrlAuth {
        peer_msg_id_button_id: Some(reuse::functions::messages::RequestUrlAuthPeerMsgIdButtonId {
            peer: peer.clone(),
            msg_id: 5,
            button_id: 9,
        }),
        url: None,
    };
    let theirs = tl_generated::functions::messages::RequestUrlAuth {
        peer_msg_id_button_id: Some(tl_generated::functions::messages::RequestUrlAuthPeerMsgIdButtonId {
            peer,
            msg_id: 5,
            button_id: 9,
        }),
        url: None,
    };
    assert_eq!(ours.to_bytes(), theirs.to_bytes());
    fn answer<F: RemoteCall<Return = tl_generated::enums::UrlAuthResult>>(_: &F) {}
    answer(&ours);
    let source = include_str!(concat!(env!("OUT_DIR"), "/codegen/reuse.rs"));
    assert!(!source.contains("pub enum InputPeer "), "InputPeer generated again");
    assert!(
        !source.contains("pub struct UrlAuthResultAccepted "),
        "its constructors too"
    );
    assert!(
        source.contains("pub enum KeyboardButton "),
        "what no extern path matches is generated"
    );
}
