//! What the generated code does, feature by feature, on the fixtures compiled into `tl_tests`.

use tl_runtime::{Deserialize, ErrorKind, Identifiable, RemoteCall, Serialize};
use tl_tests::codegen_fixtures::*;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Encodes, checks the length is exact, decodes, checks equality; returns the bytes.
fn roundtrip<T: Serialize + Deserialize + PartialEq + std::fmt::Debug>(value: &T) -> Vec<u8> {
    let bytes = value.to_bytes();
    assert_eq!(bytes.len(), value.serialized_len(), "serialized_len is exact");
    assert_eq!(&T::from_bytes(&bytes).expect("decodes"), value);
    bytes
}

fn id_hex<T: Identifiable>() -> String {
    hex(&T::CONSTRUCTOR_ID.to_le_bytes())
}

#[test]
fn optional_fields_set_their_flag_bits() {
    use flags::types::{Item, Photo};
    let none = Item {
        title: "t".into(),
        note: None,
        count: None,
        photo: None,
    };
    assert_eq!(
        hex(&roundtrip(&none)),
        "0000000001740000",
        "bare: flags, then the string"
    );
    let boxed = roundtrip(&flags::enums::Item::from(none.clone()));
    assert_eq!(
        hex(&boxed),
        format!("{}0000000001740000", id_hex::<Item>()),
        "boxed: the enum adds the id"
    );
    let all = Item {
        title: "t".into(),
        note: Some("n".into()),
        count: Some(5),
        photo: Some(Photo { id: 9 }.into()),
    };
    let bytes = roundtrip(&all);
    assert_eq!(hex(&bytes[..4]), "29000000", "bits 0, 3 and 5");
}

#[test]
fn a_second_flags_field_is_independent() {
    use flags2::types::Account;
    let account = Account {
        name: None,
        stars: Some(7),
        color: Some(1),
        id: 3,
    };
    let bytes = roundtrip(&account);
    assert_eq!(hex(&bytes[..4]), "00000000", "flags");
    assert_eq!(hex(&bytes[4..8]), "01000080", "flags2: bits 0 and 31");
}

#[test]
fn params_sharing_a_bit_are_one_option() {
    use shared_bits::enums::Peer;
    use shared_bits::functions::{Request, RequestPeerMsgIdButtonId};
    use shared_bits::types::PeerUser;
    let with_button = Request {
        peer_msg_id_button_id: Some(RequestPeerMsgIdButtonId {
            peer: PeerUser { user_id: 1 }.into(),
            msg_id: 42,
            button_id: 7,
        }),
        url: None,
    };
    // A function is sent boxed: its id first.
    let bytes = roundtrip(&with_button);
    assert_eq!(hex(&bytes[..4]), id_hex::<Request>());
    assert_eq!(hex(&bytes[4..8]), "02000000");
    assert_eq!(bytes.len(), 4 + 4 + (4 + 8) + 4 + 4);
    let with_url = Request {
        peer_msg_id_button_id: None,
        url: Some("u".into()),
    };
    assert_eq!(hex(&roundtrip(&with_url)[4..8]), "04000000");
    // The function answers with the boxed result type.
    fn answer_type<F: RemoteCall>(_: &F) -> &'static str {
        std::any::type_name::<F::Return>()
    }
    assert!(answer_type(&with_url).ends_with("enums::Result"));
    let _: Peer = Peer::Empty;
}

#[test]
fn true_bits_are_bools_or_derived_from_their_value() {
    use true_bits::types::Member;
    let member = Member {
        admin: true,
        muted: false,
        bot_info_version: Some(3),
    };
    assert!(member.bot(), "bot shares bit 14 with bot_info_version");
    let bytes = roundtrip(&member);
    assert_eq!(hex(&bytes[..4]), "01400000", "bits 0 and 14");
    let plain = Member {
        admin: false,
        muted: true,
        bot_info_version: None,
    };
    assert!(!plain.bot());
    assert_eq!(hex(&roundtrip(&plain)[..4]), "02000000");
}

#[test]
fn boxed_vectors_of_every_kind() {
    use vectors::types::{Lists, Tag};
    let lists = Lists {
        ids: vec![1, 2],
        names: vec!["a".into()],
        grid: vec![vec![1], vec![]],
        blobs: vec![vec![1, 2, 3], vec![]],
        tags: vec![Tag { name: "x".into() }.into()],
        extra: Some(vec![]),
    };
    let bytes = roundtrip(&lists);
    assert_eq!(hex(&bytes[..4]), "15c4b51c", "ids is a boxed Vector");
    assert_eq!(
        roundtrip(&Lists {
            extra: None,
            ..lists.clone()
        })
        .len(),
        bytes.len() - 8
    );
}

#[test]
fn bare_vectors_and_bare_types_have_no_ids() {
    use bare_vector::types::{FutureSalt, FutureSalts, Point, Segment};
    let salts = FutureSalts {
        req_msg_id: 1,
        now: 2,
        salts: vec![
            FutureSalt {
                valid_since: 3,
                valid_until: 4,
                salt: 5
            };
            2
        ],
    };
    let bytes = roundtrip(&salts);
    assert_eq!(bytes.len(), 8 + 4 + 4 + 2 * 16, "a count, then bare elements");
    assert_eq!(hex(&bytes[12..16]), "02000000");
    let segment = Segment {
        from: Point { x: 1, y: 2 },
        to: Point { x: 3, y: 4 },
    };
    assert_eq!(roundtrip(&segment).len(), 16);
}

#[test]
fn big_integers_and_doubles() {
    use big_ints::types::DhParams;
    let params = DhParams {
        nonce: [1; 16],
        server_nonce: [2; 16],
        new_nonce: [3; 32],
        ratio: 0.5,
    };
    assert_eq!(roundtrip(&params).len(), 16 + 16 + 32 + 8);
}

#[test]
fn bytes_fields() {
    use bytes::types::Blob;
    let blob = Blob {
        data: vec![0xff; 300],
        thumb: Some(vec![]),
        parts: vec![vec![1]],
    };
    let bytes = roundtrip(&blob);
    assert_eq!(hex(&bytes[4..8]), "fe2c0100", "a long length prefix");
}

#[test]
fn recursive_types_are_boxed_and_round_trip() {
    use recursion::enums::{PageBlock, RichText};
    use recursion::types::{PageBlockCover, PageBlockParagraph, TextBold, TextConcat, TextPlain};
    let mut text: RichText = TextPlain { text: "deep".into() }.into();
    for _ in 0..60 {
        text = TextBold { text: text.clone() }.into();
    }
    let text: RichText = TextConcat {
        texts: vec![text, TextPlain { text: "x".into() }.into()],
    }
    .into();
    roundtrip(&text);
    let block: PageBlock = PageBlockCover {
        cover: PageBlockParagraph { text }.into(),
    }
    .into();
    roundtrip(&block);
    assert!(matches!(block, PageBlock::Cover(_)));
}

#[test]
fn keywords_become_raw_identifiers() {
    use keywords::types::Keywords;
    use keywords::types::r#static::Fn;
    let value = Keywords {
        self_: true,
        r#type: "t".into(),
        r#static: 1,
        r#loop: 2,
        r#final: false,
        r#match: None,
    };
    roundtrip(&value);
    roundtrip(&Fn { r#as: 3 });
}

#[test]
fn generic_functions_wrap_a_query_and_return_its_answer() {
    use generics::functions::help::GetConfig;
    use generics::functions::{InitConnection, InvokeWithLayer};
    let call = InvokeWithLayer {
        layer: 221,
        query: InitConnection {
            api_id: 1,
            device_model: "d".into(),
            system_version: "s".into(),
            app_version: "a".into(),
            system_lang_code: "en".into(),
            lang_pack: "".into(),
            lang_code: "en".into(),
            proxy: None,
            params: None,
            query: GetConfig,
        },
    };
    let bytes = roundtrip(&call);
    assert_eq!(
        hex(&bytes[..8]),
        "0d0d9bdadd000000",
        "invokeWithLayer#da9b0d0d, layer 221"
    );
    assert!(
        bytes.ends_with(&GetConfig.to_bytes()),
        "the wrapped query comes last, boxed"
    );
    fn answer<F: RemoteCall>(_: &F) -> &'static str {
        std::any::type_name::<F::Return>()
    }
    assert!(answer(&call).ends_with("enums::Config"), "{}", answer(&call));
    // A TL parameter named `O` does not collide with the encoder's type parameter.
    let call = generics::functions::InvokeWithOutput {
        tag: 7,
        query: GetConfig,
    };
    let bytes = roundtrip(&call);
    assert_eq!(hex(&bytes[4..8]), "07000000", "the tag after the id");
    assert!(bytes.ends_with(&GetConfig.to_bytes()));
}

#[test]
fn unknown_constructor_ids_and_truncation_are_errors_with_offsets() {
    use flags::enums::Photo as PhotoEnum;
    let error = PhotoEnum::from_bytes(&[1, 2, 3, 4, 0, 0, 0, 0, 0, 0, 0, 0]).expect_err("unknown id");
    assert_eq!(
        *error.kind(),
        ErrorKind::UnexpectedConstructor {
            expected: "Photo",
            found: 0x04030201
        }
    );
    assert_eq!(error.offset(), 0);
    let bytes = flags::types::Item {
        title: "title".into(),
        note: Some("n".into()),
        count: Some(1),
        photo: None,
    }
    .to_bytes();
    for cut in 0..bytes.len() {
        let error = flags::types::Item::from_bytes(&bytes[..cut]).expect_err("truncated");
        assert!(matches!(*error.kind(), ErrorKind::UnexpectedEnd { .. }), "{error}");
        assert!(error.offset() <= cut);
    }
}

#[test]
fn name_for_id_knows_constructors_and_functions() {
    assert_eq!(generics::name_for_id(0xda9b0d0d), Some("invokeWithLayer"));
    assert_eq!(
        flags::name_for_id(<flags::types::Photo as Identifiable>::CONSTRUCTOR_ID),
        Some("photo")
    );
    assert_eq!(flags::name_for_id(0), None);
}

/// `textBold` repeated `levels` times around a `textPlain "x"`.
fn nested_bold(levels: usize) -> Vec<u8> {
    use recursion::types::{TextBold, TextPlain};
    let bold = <TextBold as Identifiable>::CONSTRUCTOR_ID.to_le_bytes();
    let mut bytes = Vec::with_capacity(levels * 4 + 8);
    for _ in 0..levels {
        bytes.extend_from_slice(&bold);
    }
    bytes.extend_from_slice(&<TextPlain as Identifiable>::CONSTRUCTOR_ID.to_le_bytes());
    bytes.extend_from_slice(&[1, b'x', 0, 0]);
    bytes
}

#[test]
fn a_million_nested_values_are_an_error_not_a_stack_overflow() {
    use recursion::enums::RichText;
    let bytes = nested_bold(1_000_000);
    let error = RichText::from_bytes(&bytes).expect_err("too deep");
    assert_eq!(
        *error.kind(),
        ErrorKind::TooDeep {
            limit: tl_runtime::DEFAULT_MAX_DEPTH
        }
    );
    assert_eq!(error.offset(), 65 * 4, "the 65th level, after its id");
    assert_eq!(
        error.path().collect::<Vec<_>>(),
        vec![tl_runtime::PathStep::Field("textBold.text"); 64]
    );
    assert_eq!(
        error.to_string(),
        "textBold.text \u{d7}64: recursive values nested deeper than 64 levels at byte 260"
    );
}

#[test]
fn nesting_up_to_the_limit_decodes_and_the_limit_is_configurable() {
    use recursion::enums::RichText;
    // 64 bold levels nest 64 values in values of their own type; the plain text inside nests nothing.
    let value = RichText::from_bytes(&nested_bold(64)).expect("within the limit");
    assert_eq!(value.to_bytes(), nested_bold(64));
    assert!(RichText::from_bytes(&nested_bold(65)).is_err());
    let deep = nested_bold(1000);
    let mut reader = tl_runtime::Reader::with_max_depth(&deep, 1001);
    RichText::deserialize(&mut reader).expect("a higher limit");
    reader.finish().expect("all read");
}

#[test]
fn nesting_through_vectors_counts_too() {
    use recursion::enums::RichText;
    use recursion::types::TextConcat;
    // textConcat [ textConcat [ ... ] ]: each level is an id, the vector id and a count of 1.
    let concat = <TextConcat as Identifiable>::CONSTRUCTOR_ID.to_le_bytes();
    let mut bytes = Vec::new();
    for _ in 0..10_000 {
        bytes.extend_from_slice(&concat);
        bytes.extend_from_slice(&0x1cb5c415u32.to_le_bytes());
        bytes.extend_from_slice(&1u32.to_le_bytes());
    }
    let error = RichText::from_bytes(&bytes).expect_err("too deep");
    assert_eq!(*error.kind(), ErrorKind::TooDeep { limit: 64 });
}

/// Recursion through vectors only: JSON-like values through `Vector<JSONValue>` (enums count their depth)
/// and bare tree nodes through `vector<treeNode>` (no enum on the way: the struct counts its own depth).
/// Nested a million levels deep and decoded on a 256 KiB stack, each is a `TooDeep` error.
#[test]
fn recursion_through_vectors_counts_depth_on_every_cycle() {
    use recursion_through_vectors::{enums, types};
    let file = tl_parser::SourceFile::read(
        tl_tests::workspace_root().join("tests/fixtures/codegen/recursion_through_vectors.tl"),
    )
    .expect("the fixture");
    let model = tl_tests::samples::model_of(&[file]);
    let cycles = tl_tests::nesting::cycles(&model);
    let described: Vec<String> = cycles.iter().map(|c| c.describe(&model)).collect();
    assert_eq!(
        described,
        [
            "JSONValue: jsonArray.value",
            "JSONObjectValue: jsonObjectValue.value → jsonObject.value",
            "JSONValue: jsonObject.value → jsonObjectValue.value",
            "%treeNode: treeNode.children",
        ]
    );
    let inputs: Vec<(String, Vec<u8>)> = (cycles.iter())
        .map(|cycle| {
            (
                cycle.describe(&model),
                tl_tests::nesting::nested(&model, cycle, 1_000_000),
            )
        })
        .collect();
    let decoded = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            (inputs.iter())
                .map(|(name, bytes)| {
                    let error = match name.split(':').next() {
                        Some("JSONValue") => enums::JsonValue::from_bytes(bytes).map(drop),
                        Some("JSONObjectValue") => enums::JsonObjectValue::from_bytes(bytes).map(drop),
                        _ => types::TreeNode::from_bytes(bytes).map(drop),
                    };
                    error.expect_err("a million levels").kind().clone()
                })
                .collect::<Vec<_>>()
        })
        .expect("a thread")
        .join()
        .expect("no stack overflow");
    assert_eq!(decoded, vec![ErrorKind::TooDeep { limit: 64 }; 4]);

    // Within the limit, a tree decodes and encodes back.
    let tree = types::TreeNode {
        name: "root".into(),
        children: vec![types::TreeNode {
            name: "leaf".into(),
            children: vec![],
        }],
    };
    roundtrip(&tree);
}

#[test]
fn declared_arrays_are_their_bytes() {
    use declared_arrays::types::KeyPair;
    let mut public = [0; 64];
    public[0] = 0xaa;
    public[63] = 0xbb;
    let pair = KeyPair {
        public,
        secret: [7; 64],
        fingerprint: 1,
    };
    let bytes = roundtrip(&pair);
    assert_eq!(bytes.len(), 64 + 64 + 8, "no ids, no lengths");
    assert_eq!(
        (bytes[0], bytes[63], bytes[64]),
        (0xaa, 0xbb, 7),
        "in order, as written"
    );
    assert_eq!(<KeyPair as Deserialize>::MIN_SIZE, 136);
}

#[test]
fn the_universal_type_holds_any_boxed_value() {
    use universal::enums::{Object, User};
    use universal::types;
    let user = types::User {
        id: 5,
        name: "u".into(),
    };
    let as_user = User::from(user.clone()).to_bytes();
    let object = Object::from(User::from(user));
    assert_eq!(roundtrip(&object), as_user, "the same bytes as the boxed type");
    let error = Object::from(types::Error {
        code: 400,
        message: "bad".into(),
    });
    let bytes = roundtrip(&error);
    assert_eq!(
        hex(&bytes[..4]),
        id_hex::<types::Error>(),
        "an `= Object` constructor has its id"
    );
    let list = Object::Vector(vec![object.clone(), error]);
    assert_eq!(
        hex(&roundtrip(&list)[..8]),
        "15c4b51c02000000",
        "a boxed vector of objects"
    );
    let nested = types::RpcResult {
        req_msg_id: 9,
        result: list,
    };
    let nested_bytes = roundtrip(&nested);
    // Borrowed: the same values, and the same bytes written back.
    let object_bytes = Object::from(universal::enums::RpcResult::from(nested)).to_bytes();
    let borrowed =
        <universal::borrowed::enums::Object as tl_runtime::DeserializeBorrowed>::from_bytes_borrowed(&object_bytes)
            .expect("decodes");
    assert_eq!(borrowed.to_bytes(), object_bytes);
    assert!(object_bytes.ends_with(&nested_bytes));
    assert_eq!(borrowed.into_owned(), Object::from_bytes(&object_bytes).expect("owned"));
    let unknown = Object::from_bytes(&[1, 2, 3, 4]).unwrap_err();
    assert!(
        matches!(unknown.kind(), ErrorKind::UnexpectedConstructor { .. }),
        "{unknown}"
    );
}

#[test]
fn parenthesized_type_applications_and_natural_numbers() {
    use universal::types::{Counted, Pair};
    let pair = Pair {
        small: vec![1],
        nested: vec![vec![2]],
    };
    assert_eq!(
        hex(&roundtrip(&pair)),
        "0100000001000000\
         15c4b51c01000000\
         010000000200000000000000",
        "(vector int) is bare; (Vector (vector long)) is boxed outside, bare inside"
    );
    let counted = Counted { count: u32::MAX };
    assert_eq!(
        hex(&roundtrip(&counted)),
        "ffffffff",
        "a `#` no condition names is a u32 value"
    );
}

#[test]
fn a_group_apart_on_the_wire_is_still_one_option() {
    use shared_bits::enums::Split as Boxed;
    use shared_bits::types::{Split, SplitAC};
    let value = Split {
        a_c: Some(SplitAC { a: 5, c: "text".into() }),
        b: 9,
        d: Some(vec![1, 2, 3]),
    };
    let bytes = roundtrip(&value);
    // flags (bits 0 and 1), a, b, c, d.
    assert_eq!(hex(&bytes[..12]), "03000000".to_owned() + "05000000" + "09000000");
    let absent = Split {
        a_c: None,
        b: 9,
        d: None,
    };
    assert_eq!(hex(&roundtrip(&absent)), "0000000009000000");
    // Borrowed: the same value, its text and bytes pointing into the input.
    let boxed = Boxed::from(value).to_bytes();
    let borrowed =
        <shared_bits::borrowed::enums::Split as tl_runtime::DeserializeBorrowed>::from_bytes_borrowed(&boxed)
            .expect("decodes");
    let shared_bits::borrowed::enums::Split::Split(split) = &borrowed;
    assert_eq!(split.d, Some(&[1u8, 2, 3][..]));
    assert!(matches!(&split.a_c, Some(group) if group.c == "text" && group.a == 5));
    assert_eq!(borrowed.to_bytes(), boxed);
    assert_eq!(borrowed.into_owned(), Boxed::from_bytes(&boxed).expect("owned"));
}

#[test]
fn recursive_types_decode_borrowed_as_owned() {
    // Every fixture value these tests build, decoded borrowed, is what the owned decoding gives.
    use recursion::enums::RichText;
    let bytes = nested_bold(10);
    let borrowed =
        <recursion::borrowed::enums::RichText as tl_runtime::DeserializeBorrowed>::from_bytes_borrowed(&bytes)
            .expect("decodes");
    assert_eq!(borrowed.to_bytes(), bytes);
    assert_eq!(borrowed.into_owned(), RichText::from_bytes(&bytes).expect("owned"));
    let too_deep = nested_bold(1_000);
    let owned = RichText::from_bytes(&too_deep).expect_err("too deep");
    let borrowed =
        <recursion::borrowed::enums::RichText as tl_runtime::DeserializeBorrowed>::from_bytes_borrowed(&too_deep);
    assert_eq!(borrowed.expect_err("too deep"), owned);
}

/// An optional bare value of its own constructor is boxed: a chain three long round-trips, and one a
/// million long, decoded on a 256 KiB stack, is a depth error (the struct counts its nesting).
#[test]
fn optional_bare_self_references_are_boxed_and_count_depth() {
    use optional_bare_cycle::types;
    let chain = (0..3).fold(
        types::Node {
            name: "end".into(),
            next: None,
        },
        |next, n| types::Node {
            name: format!("n{n}").into(),
            next: Some(Box::new(next)),
        },
    );
    let bytes = chain.to_bytes();
    assert_eq!(types::Node::from_bytes(&bytes).expect("decodes"), chain);
    // A generic one: `head` and `tail` share bit 0, a group with the tail boxed.
    let ints = types::Chain {
        head_tail: Some(types::ChainHeadTail {
            head: 1i32,
            tail: Box::new(types::Chain { head_tail: None }),
        }),
    };
    let bytes = ints.to_bytes();
    assert_eq!(
        bytes,
        [1u32, 1, 0].iter().flat_map(|w| w.to_le_bytes()).collect::<Vec<u8>>()
    );
    assert_eq!(types::Chain::<i32>::from_bytes(&bytes).expect("decodes"), ints);
    // A million links: flags with bit 0 and an empty name each, then the last without.
    let mut deep = [1u32.to_le_bytes(), [0; 4]].concat().repeat(1_000_000);
    deep.extend_from_slice(&[0; 8]);
    let error = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            types::Node::from_bytes(&deep)
                .map(drop)
                .expect_err("too deep")
                .kind()
                .clone()
        })
        .expect("a thread")
        .join()
        .expect("no stack overflow");
    assert_eq!(error, ErrorKind::TooDeep { limit: 64 });
}
