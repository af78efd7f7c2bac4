//! The TL language, construct by construct (`fixtures/tl-language/`, one `.tl` each): what the default
//! options generate and leave out (the warnings, golden), and what strict mode refuses (the errors,
//! golden). `build.rs` compiles the default output of each into this crate (`tl_tests::codegen_fixtures::
//! tl_language`), and the tests below round-trip what was generated from the model's samples.

use tl_codegen::{Strictness, generate_with};
use tl_parser::{ParseOptions, SourceFile};

fn fixtures() -> Vec<std::path::PathBuf> {
    let folder = tl_tests::workspace_root().join("tests/fixtures/tl-language");
    let mut paths: Vec<_> = std::fs::read_dir(folder)
        .expect("the fixtures")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "tl"))
        .collect();
    paths.sort();
    paths
}

/// What one run says: the warnings and counts of a generation, or its error.
fn run(files: &[SourceFile], strictness: Strictness) -> String {
    let generated = generate_with(
        files,
        &[],
        &ParseOptions::new(),
        &Default::default(),
        &Default::default(),
        strictness,
    );
    match generated {
        Ok(generated) => {
            let (constructors, functions) = generated.counts;
            let warnings = if generated.warnings.is_empty() {
                "no warnings".to_string()
            } else {
                generated.warnings.to_string()
            };
            format!("{warnings}\ngenerated: {constructors} constructors, {functions} functions")
        }
        Err(error) => error.to_string(),
    }
}

#[test]
fn every_construct_generates_by_default_and_strict_mode_refuses_what_is_left_out() {
    for path in fixtures() {
        let name = path.file_stem().expect("a name").to_string_lossy().into_owned();
        let mut file = SourceFile::read(&path).expect("a readable fixture");
        file.name = format!("{name}.tl");
        let files = [file];
        let default = run(&files, Strictness::Degrade);
        assert!(
            default.contains("\ngenerated: "),
            "{name}: the default run must generate:\n{default}"
        );
        let strict = run(&files, Strictness::Strict);
        let left_out = default.contains("is left out") || default.contains("cannot be generated");
        assert_eq!(
            strict.contains("nothing was generated"),
            left_out,
            "{name}: strict mode refuses exactly what the default leaves out:\n{strict}"
        );
        insta::assert_snapshot!(name, format!("by default:\n{default}\n\nstrict:\n{strict}"));
    }
}

#[test]
fn what_the_constructs_generate_round_trips() {
    use tl_runtime::{Deserialize, Serialize};
    use tl_tests::codegen_fixtures::tl_language as lang;
    // `true = True;`: the boxed `True` is its id; a bare `true` field takes no bytes.
    let marker = lang::true_type::types::Marker {
        x: 7,
        present: lang::true_type::types::True,
    };
    assert_eq!(marker.to_bytes(), 7i32.to_le_bytes());
    let truth = lang::true_type::enums::True::True;
    assert_eq!(truth.to_bytes(), 0x3fedd339u32.to_le_bytes());
    assert_eq!(
        lang::true_type::enums::True::from_bytes(&truth.to_bytes()).expect("decodes"),
        truth
    );
    // `(x y z:int)`: three fields of one type, in order.
    let point = lang::multi_name_params::types::Point { x: 1, y: 2, z: 3 };
    let bytes = point.to_bytes();
    assert_eq!(
        bytes,
        [1i32, 2, 3].iter().flat_map(|v| v.to_le_bytes()).collect::<Vec<u8>>()
    );
    assert_eq!(
        lang::multi_name_params::types::Point::from_bytes(&bytes).expect("decodes"),
        point
    );
    // `n:# values:n*[int]`: the count is the vector's length, written before its items.
    let counted = lang::nat_parameters::types::Counted { values: vec![5, -1] };
    let bytes = counted.to_bytes();
    assert_eq!(
        bytes,
        [2i32, 5, -1].iter().flat_map(|v| v.to_le_bytes()).collect::<Vec<u8>>()
    );
    assert_eq!(
        lang::nat_parameters::types::Counted::from_bytes(&bytes).expect("decodes"),
        counted
    );
    // `values:3*[int]`: twelve bytes, as they are.
    let triple = lang::nat_parameters::types::Triple { values: [7; 12] };
    assert_eq!(triple.to_bytes(), [7; 12]);
    // A function with no constructor for its answer: the answer's bytes, as they came.
    fn answer_of<F: tl_runtime::RemoteCall>(_: &F, bytes: &[u8]) -> F::Return {
        F::Return::from_bytes(bytes).expect("any bytes")
    }
    let wait = lang::answer_without_constructor::functions::HttpWait {
        max_delay: 1,
        wait_after: 2,
        max_wait: 3,
    };
    assert_eq!(answer_of(&wait, &[9, 8, 7]), tl_runtime::Opaque(vec![9, 8, 7]));
}

#[test]
fn any_function_is_written_as_the_function_and_read_by_its_id() {
    use lang::universal_function::{enums::Function, functions};
    use tl_runtime::{Deserialize, Identifiable, Serialize};
    use tl_tests::codegen_fixtures::tl_language as lang;
    let call = functions::Wrapped {
        query: functions::GetPlain {}.into(),
    };
    let bytes = call.to_bytes();
    let ids = [functions::Wrapped::CONSTRUCTOR_ID, functions::GetPlain::CONSTRUCTOR_ID];
    assert_eq!(bytes, ids.iter().flat_map(|id| id.to_le_bytes()).collect::<Vec<u8>>());
    assert_eq!(functions::Wrapped::from_bytes(&bytes).expect("decodes"), call);
    let unknown = Function::from_bytes(&0xdeadbeefu32.to_le_bytes()).expect_err("no such function");
    assert!(unknown.to_string().contains("Function"), "{unknown}");
    // A call wrapped a million times: a depth error, not a stack overflow.
    let mut nested = functions::Wrapped::CONSTRUCTOR_ID.to_le_bytes().repeat(1_000_000);
    nested.extend_from_slice(&functions::GetPlain::CONSTRUCTOR_ID.to_le_bytes());
    let deep = Function::from_bytes(&nested).expect_err("too deep");
    assert!(matches!(deep.kind(), tl_runtime::ErrorKind::TooDeep { .. }), "{deep}");
    // `listed n:# items:n*[ any:Object call:Function ]`: the universal types named only inside an item.
    use lang::universal_function::{enums, types};
    let plain = enums::Plain::from(types::Plain { value: 7 });
    let listed = types::Listed {
        items: vec![(enums::Object::Plain(plain), Function::from(functions::GetPlain {}))],
    };
    assert_eq!(types::Listed::from_bytes(&listed.to_bytes()).expect("decodes"), listed);
}

#[test]
fn a_name_defined_differently_in_two_files_is_kept_twice() {
    let files = [
        SourceFile::new("api.tl", "message#c38aad14 id:int text:string = Message;\n"),
        SourceFile::new(
            "mtproto.tl",
            "message msg_id:long seqno:int bytes:int body:Object = Message;\n",
        ),
    ];
    let generated = generate_with(
        &files,
        &[],
        &ParseOptions::new(),
        &Default::default(),
        &Default::default(),
        Strictness::Strict,
    )
    .unwrap_or_else(|error| panic!("{error}"));
    assert_eq!(generated.counts, (2, 0));
    assert!(
        generated.source.contains("pub struct MessageMtproto {"),
        "the later one, named apart"
    );
    let warnings = generated.warnings.to_string();
    assert!(
        warnings.contains("`message` is defined in two files, differently"),
        "{warnings}"
    );
}

/// The model of one fixture of `fixtures/tl-language/`.
fn fixture_model(name: &str) -> tl_codegen::model::Model {
    let path = tl_tests::workspace_root().join(format!("tests/fixtures/tl-language/{name}.tl"));
    tl_tests::samples::model_of(&[SourceFile::read(&path).expect("a readable fixture")])
}

#[test]
fn generic_types_are_rust_generics_applied_where_used() {
    use lang::generic_types::{enums, functions, types};
    use tl_runtime::{Deserialize, RemoteCall, Serialize};
    use tl_tests::codegen_fixtures::tl_language as lang;
    // `Maybe int` is `Maybe<i32>`: the constructor's id, then its bare value.
    let just = enums::Maybe::from(types::ResultTrue { value: 5i32 });
    let resulttrue_id = <types::ResultTrue<i32> as tl_runtime::Identifiable>::CONSTRUCTOR_ID;
    assert_eq!(
        just.to_bytes(),
        [resulttrue_id.to_le_bytes(), 5i32.to_le_bytes()].concat()
    );
    assert_eq!(
        enums::Maybe::<i32>::from_bytes(&just.to_bytes()).expect("decodes"),
        just
    );
    // `Maybe bytes` is `Maybe<tl_runtime::Bytes>`: TL bytes, not a `Vector` of bytes.
    let raw = enums::Maybe::from(types::ResultTrue {
        value: tl_runtime::Bytes(vec![1, 2]),
    });
    assert_eq!(
        raw.to_bytes(),
        [&resulttrue_id.to_le_bytes()[..], &[2, 1, 2, 0]].concat()
    );
    assert_eq!(enums::Maybe::from_bytes(&raw.to_bytes()).expect("decodes"), raw);
    // `Maybe (vector int)` is `Maybe<tl_runtime::BareVector<i32>>`: a count and the items, no `Vector` id.
    let bare = enums::Maybe::from(types::ResultTrue {
        value: tl_runtime::BareVector(vec![7i32]),
    });
    assert_eq!(bare.to_bytes(), [resulttrue_id, 1, 7].map(u32::to_le_bytes).concat());
    assert_eq!(enums::Maybe::from_bytes(&bare.to_bytes()).expect("decodes"), bare);
    // `%(Pair int int)` is bare: two ints and no id.
    let pair = types::Pair { a: 1i32, b: 2i32 };
    assert_eq!(pair.to_bytes(), [1i32.to_le_bytes(), 2i32.to_le_bytes()].concat());
    // Generic recursion through the boxed type: a list of three, decoded at its depth.
    let list = (0..3).fold(enums::List::<i64>::Nil, |tail, head| types::Cons { head, tail }.into());
    assert_eq!(enums::List::from_bytes(&list.to_bytes()).expect("decodes"), list);
    // A function answering a generic type applied.
    fn answer<F: RemoteCall>(_: &F) -> std::marker::PhantomData<F::Return> {
        std::marker::PhantomData
    }
    let _: std::marker::PhantomData<enums::Maybe<enums::User>> = answer(&functions::GetMaybe { id: 1 });
    // Every sample of every constructor the model has, through the generated `Holder`.
    round_trip_holder_samples::<enums::Holder>("generic_types");
}

#[test]
fn types_with_nat_parameters_are_type_arguments_read_by_the_readers_given() {
    use lang::generic_types::{enums, functions, types};
    use tl_runtime::{Deserialize, Reader, Serialize};
    use tl_tests::codegen_fixtures::tl_language as lang;
    let id = |id: u32| id.to_le_bytes();
    let tuple = |items: Vec<i32>| enums::Tuple::from(types::Tuple { value: items });
    let tuple_id = 0x9770768a_u32;
    let just_id = <types::ResultTrue<i32> as tl_runtime::Identifiable>::CONSTRUCTOR_ID;
    // `Maybe (Tuple int 3)`: the tuple's id and its three items, no count.
    let three = enums::Maybe::from(types::ResultTrue {
        value: tuple(vec![1, 2, 3]),
    });
    let bytes = [id(just_id), id(tuple_id), id(1), id(2), id(3)].concat();
    assert_eq!(three.to_bytes(), bytes);
    let read_tuple = |reader: &mut Reader<'_>| enums::Tuple::<i32>::deserialize_with_counts(reader, [3]);
    let mut reader = Reader::new(&bytes);
    assert_eq!(
        enums::Maybe::deserialize_with(&mut reader, &read_tuple).expect("decodes"),
        three
    );
    reader.finish().expect("all read");
    // Given too few items for its count, the read fails rather than reading past the value.
    let short = [id(just_id), id(tuple_id), id(1)].concat();
    assert!(enums::Maybe::deserialize_with(&mut Reader::new(&short), &read_tuple).is_err());
    // `k:# pair:(Pair (Tuple long k) int)`: the field counts the tuple inside the pair.
    let counted = types::Counted {
        three,
        k: 2,
        pair: types::Pair {
            a: enums::Tuple::from(types::Tuple { value: vec![7i64, 8] }),
            b: 9,
        }
        .into(),
        nested: enums::Tuple::from(types::Tuple {
            value: vec![tuple(vec![1, 2]), tuple(vec![3, 4])],
        }),
        list: vec![enums::Maybe::ResultFalse],
        bare: enums::Maybe::from(types::ResultTrue {
            value: tl_runtime::BareVector(vec![tuple(vec![5, 6])]),
        }),
        s: types::Sized {
            items: enums::Tuple::from(types::Tuple {
                value: vec![tuple(vec![1]), tuple(vec![2])],
            }),
        }
        .into(),
        w: types::Wrap {
            inner: enums::Maybe::ResultFalse,
        }
        .into(),
    };
    assert_eq!(
        types::Counted::from_bytes(&counted.to_bytes()).expect("decodes"),
        counted
    );
    // A function answering `Maybe (Tuple long k)`: its answer is read with the request's `k`.
    let request = functions::GetCounted { k: 2 };
    let answer = enums::Maybe::from(types::ResultTrue {
        value: enums::Tuple::from(types::Tuple { value: vec![4i64, 5] }),
    });
    assert_eq!(request.read_answer(&answer.to_bytes()).expect("decodes"), answer);
}

/// The fixed and 200 random samples of the constructor `holder` of fixture `name` (which holds the
/// fixture's other constructors) decode into `Holder` and encode back to the same bytes.
fn round_trip_holder_samples<Holder>(name: &str)
where
    Holder: tl_runtime::Deserialize + tl_runtime::Serialize,
{
    let model = fixture_model(name);
    let holder = (model.constructors.iter())
        .find(|c| c.tl_name == "holder")
        .expect("holder");
    for fill in [tl_tests::samples::Fill::All, tl_tests::samples::Fill::None] {
        let bytes = tl_tests::samples::boxed(&model, holder, fill);
        tl_tests::samples::round_trip::<Holder>(&bytes).unwrap_or_else(|e| panic!("{fill:?}: {e}"));
    }
    for seed in 0..200 {
        let bytes = tl_tests::samples::random_boxed(&model, holder, seed);
        tl_tests::samples::round_trip::<Holder>(&bytes).unwrap_or_else(|e| panic!("seed {seed}: {e}"));
    }
}

#[test]
fn bare_applications_and_implicit_variables_round_trip() {
    use tl_tests::codegen_fixtures::tl_language as lang;
    // `%(Vector %(DictionaryField t))`: a bare vector of bare entries, no ids.
    let model = fixture_model("bare_and_anonymous");
    let dictionary = model
        .constructors
        .iter()
        .find(|c| c.tl_name == "dictionary")
        .expect("dictionary");
    assert_eq!(dictionary.generics, ["T"]);
    let dict = lang::bare_and_anonymous::types::Dictionary {
        value: vec![lang::bare_and_anonymous::types::DictionaryField {
            key: "k".into(),
            value: 7i32,
        }],
    };
    use tl_runtime::{Deserialize, Serialize};
    let bytes = dict.to_bytes();
    assert_eq!(
        bytes,
        [&1u32.to_le_bytes()[..], &[1, b'k', 0, 0], &7i32.to_le_bytes()].concat()
    );
    assert_eq!(
        lang::bare_and_anonymous::types::Dictionary::from_bytes(&bytes).expect("decodes"),
        dict
    );
    // `response.ok value:T = Response T;` with `T` never declared: generic all the same.
    let ok = lang::implicit_type_variables::enums::Response::from(lang::implicit_type_variables::types::response::Ok {
        value: String::from("x"),
    });
    let decoded = lang::implicit_type_variables::enums::Response::<String>::from_bytes(&ok.to_bytes());
    assert_eq!(decoded.expect("decodes"), ok);
}

#[test]
fn repetitions_counted_by_another_field_or_a_number_round_trip() {
    use lang::nat_parameters::types;
    use tl_runtime::{Deserialize, ErrorKind, Serialize};
    use tl_tests::codegen_fixtures::tl_language as lang;
    let words = |values: &[i32]| values.iter().flat_map(|v| v.to_le_bytes()).collect::<Vec<u8>>();
    // `n:# a:n*[int] b:n*[int]`: one count, written once, for both.
    let twice = types::Twice {
        n: 2,
        a: vec![1, 2],
        b: vec![3, 4],
    };
    assert_eq!(twice.to_bytes(), words(&[2, 1, 2, 3, 4]));
    assert_eq!(types::Twice::from_bytes(&twice.to_bytes()).expect("decodes"), twice);
    // A count not just before its repetition stays a field of its own.
    let apart = types::Apart {
        n: 1,
        x: 9,
        values: vec![-1],
    };
    assert_eq!(apart.to_bytes(), [&words(&[1, 9])[..], &(-1i64).to_le_bytes()].concat());
    assert_eq!(types::Apart::from_bytes(&apart.to_bytes()).expect("decodes"), apart);
    // `3*[string]`: three strings, no count on the wire.
    let three = types::Words {
        values: vec!["a".into(), "b".into(), "c".into()],
    };
    let bytes = three.to_bytes();
    assert_eq!(bytes, [[1, b'a', 0, 0], [1, b'b', 0, 0], [1, b'c', 0, 0]].concat());
    assert_eq!(types::Words::from_bytes(&bytes).expect("decodes"), three);
    // A count the input cannot hold fails before anything is allocated for it.
    let hostile = words(&[u32::MAX as i32]);
    let error = types::Twice::from_bytes(&hostile).expect_err("too long");
    assert!(matches!(error.kind(), ErrorKind::VectorTooLong { .. }), "{error}");
}

#[test]
#[cfg(debug_assertions)]
#[should_panic(expected = "`twice.b` must hold `n` items")]
fn a_repetition_holding_another_count_than_its_field_is_caught_in_debug_builds() {
    use tl_runtime::Serialize;
    use tl_tests::codegen_fixtures::tl_language::nat_parameters::types::Twice;
    let _ = Twice {
        n: 2,
        a: vec![1, 2],
        b: vec![3],
    }
    .to_bytes();
}

#[test]
#[cfg(debug_assertions)]
#[should_panic(expected = "an item's repetition must hold as many items as its `#` (value 0) says")]
fn a_repetition_in_an_item_holding_another_count_than_its_value_is_caught_in_debug_builds() {
    use tl_runtime::Serialize;
    use tl_tests::codegen_fixtures::tl_language::nat_parameters::types::Spread;
    let _ = Spread {
        rows: vec![(1, 0, vec![5], vec![])],
    }
    .to_bytes();
}

#[test]
fn an_item_s_values_count_and_flag_what_follows_them_and_the_items_inside() {
    use lang::nat_parameters::types::{Deep, ItemFlags, Nested};
    use tl_runtime::{Deserialize, Serialize};
    use tl_tests::codegen_fixtures::tl_language as lang;
    let le = |words: &[u32]| words.iter().flat_map(|w| w.to_le_bytes()).collect::<Vec<u8>>();
    // `rows:n*[ m:# inner:m*[ k:# xs:m*[int] ys:k*[string] ] ]`: `xs` counted by the enclosing item's `m`.
    let nested = Nested {
        rows: vec![(2, vec![(1, vec![5, 6], vec!["a".into()]), (0, vec![7, 8], vec![])])],
    };
    let bytes = nested.to_bytes();
    let expected = [le(&[1, 2, 1, 5, 6]), vec![1, b'a', 0, 0], le(&[0, 7, 8])].concat();
    assert_eq!(bytes, expected);
    assert_eq!(Nested::from_bytes(&bytes).expect("decodes"), nested);
    // `items:n*[ flags:# a:flags.0?int b:flags.1?string set:flags.2?true any:flags?long ]`: each item's
    // values are present as its own `flags` says; `set` takes no bytes.
    let flags = ItemFlags {
        items: vec![
            (0b101, Some(-3), None, true, Some(9)),
            (0, None, None, false, None),
            (0b010, None, Some("x".into()), false, Some(1)),
        ],
    };
    let bytes = flags.to_bytes();
    let expected = [
        le(&[3, 0b101, (-3i32) as u32, 9, 0, 0, 0b010]),
        vec![1, b'x', 0, 0],
        le(&[1, 0]),
    ]
    .concat();
    assert_eq!(bytes, expected);
    assert_eq!(ItemFlags::from_bytes(&bytes).expect("decodes"), flags);
    // `deep flags:# n:# rows:n*[ mask:# cols:mask*[ x:mask.0?long on:mask.1?true t:flags.0?true ] ]`:
    // `mask` counts the columns and flags their values; `t` is the definition's bit.
    let deep = Deep {
        flags: 1,
        rows: vec![(3, vec![(Some(4), true, true); 3])],
    };
    let bytes = deep.to_bytes();
    assert_eq!(bytes, le(&[1, 1, 3, 4, 0, 4, 0, 4, 0]));
    assert_eq!(Deep::from_bytes(&bytes).expect("decodes"), deep);
}

#[test]
fn sums_of_counts_are_counts_plus_numbers() {
    use lang::nat_parameters::{enums, functions, types};
    use tl_runtime::{Deserialize, Serialize};
    use tl_tests::codegen_fixtures::tl_language as lang;
    let le = |words: &[u32]| words.iter().flat_map(|w| w.to_le_bytes()).collect::<Vec<u8>>();
    let tuple_id = 0x9770768a;
    // `plusOne n:# x:(Tuple int (1 + n)) y:%(Tuple string (n+2)) z:(Tuple long (2+1))`.
    let plus = types::PlusOne {
        n: 0,
        x: enums::Tuple::Tuple(types::Tuple { value: vec![4] }),
        y: types::Tuple {
            value: vec!["a".into(), "b".into()],
        },
        z: enums::Tuple::Tuple(types::Tuple { value: vec![1, 2, 3] }),
    };
    let bytes = plus.to_bytes();
    let expected = [
        le(&[0, tuple_id, 4]),
        vec![1, b'a', 0, 0, 1, b'b', 0, 0],
        le(&[tuple_id, 1, 0, 2, 0, 3, 0]),
    ]
    .concat();
    assert_eq!(bytes, expected);
    assert_eq!(types::PlusOne::from_bytes(&bytes).expect("decodes"), plus);
    // One item short of `n+1`: the read runs out of input.
    assert!(types::PlusOne::from_bytes(&bytes[..bytes.len() - 8]).is_err());
    // `getMore n:# = Tuple int (n+1);`: the answer read with the request's `n` plus one.
    let request = functions::GetMore { n: 1 };
    let answer = enums::Tuple::Tuple(types::Tuple { value: vec![7, 8] });
    assert_eq!(request.read_answer(&answer.to_bytes()).expect("decodes"), answer);
    // `n` at `u32::MAX`: no overflow, too few bytes for the count.
    let request = functions::GetMore { n: u32::MAX };
    assert!(request.read_answer(&answer.to_bytes()).is_err());
}

#[test]
fn constructors_for_some_counts_only_are_read_where_the_counts_allow_them() {
    use lang::nat_parameters::{enums, types};
    use tl_runtime::{Identifiable, Serialize};
    use tl_tests::codegen_fixtures::tl_language as lang;
    // `chainEnd {X:Type} = Chain X 0;` and `chainLink {X:Type} {n:#} head:X tail:(Chain X n) = Chain X
    // (n+1);`: a chain of exactly as many links as its count, TL-formal's dependent type.
    let link = |head: &str, tail| {
        enums::Chain::Link(Box::new(types::ChainLink {
            head: head.into(),
            tail,
        }))
    };
    let chain: enums::Chain<tl_runtime::CompactString> = link("a", link("b", enums::Chain::End));
    let bytes = chain.to_bytes();
    let (link_id, end_id) = (
        types::ChainLink::<u8>::CONSTRUCTOR_ID.to_le_bytes(),
        types::ChainEnd::CONSTRUCTOR_ID.to_le_bytes(),
    );
    let expected = [&link_id[..], &[1, b'a', 0, 0], &link_id, &[1, b'b', 0, 0], &end_id].concat();
    assert_eq!(bytes, expected);
    let read = |count: u32| enums::Chain::deserialize_with_counts(&mut tl_runtime::Reader::new(&bytes), [count]);
    assert_eq!(read(2).expect("two links"), chain);
    // Another count: a link where the end must be, or the end where a link must be.
    // A constructor with no fields, given its counts all the same; counts declared in another order than
    // the result applies them (`marked {m:#} {n:#} xs:n*[int] ys:m*[long] = Mark2 n m;`).
    let mark = enums::Mark::deserialize_with_counts(&mut tl_runtime::Reader::new(&enums::Mark::Mark.to_bytes()), [5]);
    assert_eq!(mark.expect("decodes"), enums::Mark::Mark);
    let marked = enums::Mark2::Marked(types::Marked {
        xs: vec![1],
        ys: vec![2, 3],
    });
    let bytes2 = marked.to_bytes();
    let read2 = enums::Mark2::deserialize_with_counts(&mut tl_runtime::Reader::new(&bytes2), [1, 2]);
    assert_eq!(read2.expect("n = 1, m = 2"), marked);
    for count in [0, 1, 3] {
        let error = read(count).expect_err("not a chain of this count");
        assert!(
            matches!(
                error.kind(),
                tl_runtime::ErrorKind::UnexpectedConstructor { expected: "Chain", .. }
            ),
            "{count}: {error}"
        );
    }
}

#[test]
#[cfg(debug_assertions)]
#[should_panic(expected = "a value of an item must be present exactly when its condition on value 0 holds")]
fn an_item_s_value_disagreeing_with_its_word_is_caught_in_debug_builds() {
    use tl_runtime::Serialize;
    use tl_tests::codegen_fixtures::tl_language::nat_parameters::types::ItemFlags;
    let _ = ItemFlags {
        items: vec![(0, Some(1), None, false, None)],
    }
    .to_bytes();
}

#[test]
fn repetitions_of_several_items_are_vectors_of_tuples() {
    use lang::nat_parameters::{enums, types};
    use tl_runtime::{Deserialize, DeserializeBorrowed, Serialize};
    use tl_tests::codegen_fixtures::tl_language as lang;
    // `n:# items:n*[ id:int name:string ]`: the count, then each item's values in order.
    let rows = types::Rows {
        items: vec![(1, "a".into()), (-2, "bc".into())],
    };
    let bytes = rows.to_bytes();
    let expected = [
        &2u32.to_le_bytes()[..],
        &1i32.to_le_bytes(),
        &[1, b'a', 0, 0],
        &(-2i32).to_le_bytes(),
        &[2, b'b', b'c', 0],
    ]
    .concat();
    assert_eq!(bytes, expected);
    assert_eq!(types::Rows::from_bytes(&bytes).expect("decodes"), rows);
    // `n:# x:int cells:n*[ col:int data:bytes ]`: the count is a field of its own, apart from its items.
    let cells = types::Cells {
        n: 2,
        x: 3,
        cells: vec![(4, vec![]), (5, vec![0xff; 300])],
    };
    assert_eq!(types::Cells::from_bytes(&cells.to_bytes()).expect("decodes"), cells);
    // `corners:4*[ x:double y:double ]`: four pairs, no count.
    let corners = types::Corners {
        corners: vec![(0.0, 1.0), (1.0, 1.0), (1.0, 0.0), (-0.5, 2.5)],
    };
    assert_eq!(corners.to_bytes().len(), 64);
    assert_eq!(
        types::Corners::from_bytes(&corners.to_bytes()).expect("decodes"),
        corners
    );
    // `n:# m:# rows:n*[ m*[int] ]`: a repetition inside, counted by a field outside it.
    let grid = types::Grid {
        n: 2,
        m: 3,
        rows: vec![vec![1, 2, 3], vec![4, 5, 6]],
    };
    let bytes = grid.to_bytes();
    assert_eq!(
        bytes,
        (1..=6).fold([2i32, 3].map(i32::to_le_bytes).concat(), |mut out, v: i32| {
            out.extend_from_slice(&v.to_le_bytes());
            out
        })
    );
    assert_eq!(types::Grid::from_bytes(&bytes).expect("decodes"), grid);
    // `n:# rows:n*[ id:int m:# cells:m*[int] ]`: the `#` inside the item counts the repetition after it,
    // a bare vector in the item's tuple.
    let ragged = types::Ragged {
        rows: vec![(7, vec![1, 2]), (8, vec![])],
    };
    let bytes = ragged.to_bytes();
    let words = [2, 7, 2, 1, 2, 8, 0].map(|v: i32| v.to_le_bytes()).concat();
    assert_eq!(bytes, words);
    assert_eq!(types::Ragged::from_bytes(&bytes).expect("decodes"), ragged);
    // `rows:n*[ m:# id:int cells:m*[int] tags:m*[string] ]`: a `#` of the item counting two repetitions
    // after it is a value of the item, written once, before them.
    let spread = types::Spread {
        rows: vec![(2, 7, vec![1, 2], vec!["a".into(), "b".into()]), (0, 8, vec![], vec![])],
    };
    let bytes = spread.to_bytes();
    let mut words = [2, 2, 7, 1, 2].map(|v: i32| v.to_le_bytes()).concat();
    words.extend_from_slice(b"\x01a\0\0\x01b\0\0");
    words.extend([0, 8].map(|v: i32| v.to_le_bytes()).concat());
    assert_eq!(bytes, words);
    assert_eq!(types::Spread::from_bytes(&bytes).expect("decodes"), spread);
    // `n:# x:n?int y:string set:n?true`: `n` tested whole, a field of its own; `x` is there when it is
    // not zero, and `set()` (sharing its condition) says whether it is.
    let whole = types::Whole {
        n: 4,
        x: Some(9),
        y: "y".into(),
    };
    assert!(whole.set());
    let mut bytes = [4, 9].map(|v: i32| v.to_le_bytes()).concat();
    bytes.extend_from_slice(b"\x01y\0\0");
    assert_eq!(whole.to_bytes(), bytes);
    assert_eq!(types::Whole::from_bytes(&bytes).expect("decodes"), whole);
    let zero = types::Whole {
        n: 0,
        x: None,
        y: "y".into(),
    };
    assert_eq!(types::Whole::from_bytes(&zero.to_bytes()).expect("decodes"), zero);
    // Thirteen values and more: a tuple of tuples of up to twelve each, written flat.
    let wide = types::Wide {
        rows: vec![((1, 2, "c".into(), 4, 5, 6, 7, 8, 9, 10, 11, 12), (13, vec![-1]))],
    };
    let mut flat = [1, 1, 2].map(|v: i32| v.to_le_bytes()).concat();
    flat.extend_from_slice(b"\x01c\0\0");
    flat.extend((4..=13).flat_map(|v: i32| v.to_le_bytes()));
    flat.extend((-1i64).to_le_bytes());
    assert_eq!(wide.to_bytes(), flat);
    assert_eq!(types::Wide::from_bytes(&flat).expect("decodes"), wide);
    // Counted by a value read before it, a repetition longer than the input is refused.
    let claims_more = [1, 9, 7].map(|v: i32| v.to_le_bytes()).concat();
    assert!(types::Spread::from_bytes(&claims_more).is_err());
    let lists = types::Lists {
        value: vec![vec!["a".into()], vec![]],
    };
    assert_eq!(types::Lists::from_bytes(&lists.to_bytes()).expect("decodes"), lists);
    // `flags:# n:# items:n*[ a:flags.0?string b:int ]`: an optional text in an item, borrowed and back.
    let tagged = types::Tagged {
        flags: 1,
        items: vec![(Some("é".into()), 4), (Some(String::new().into()), -1)],
    };
    let bytes = tagged.to_bytes();
    let borrowed =
        <lang::nat_parameters::all_options::borrowed::types::Tagged<'_> as DeserializeBorrowed>::from_bytes_borrowed(
            &bytes,
        );
    assert_eq!(borrowed.expect("decodes").into_owned().to_bytes(), bytes);
    // A count larger than the input can hold: refused before any row is allocated.
    let hostile = [u32::MAX.to_le_bytes(), 9u32.to_le_bytes()].concat();
    assert!(types::Rows::from_bytes(&hostile).is_err());
    // Every sample through the generated `Holder`.
    round_trip_holder_samples::<enums::Holder>("nat_parameters");
}

#[test]
fn types_with_nat_parameters_are_read_given_their_counts() {
    use lang::nat_parameters::{enums, types};
    use tl_runtime::{Deserialize, Identifiable, Reader, Serialize};
    use tl_tests::codegen_fixtures::tl_language as lang;
    let ints = |values: &[i32]| values.iter().flat_map(|v| v.to_le_bytes()).collect::<Vec<u8>>();
    // `tuple {t:Type} {n:#} [t] = Tuple t n;`: the items only; the count is the type's argument.
    let tuple = types::Tuple {
        value: vec![7i32, 8, 9],
    };
    assert_eq!(tuple.to_bytes(), ints(&[7, 8, 9]));
    let bytes = tuple.to_bytes();
    let mut reader = Reader::new(&bytes);
    let read = types::Tuple::<i32>::deserialize_with_counts(&mut reader, [3]).expect("decodes");
    assert_eq!(read, tuple);
    reader.finish().expect("all read");
    // Boxed, `(Tuple int 3)`: the id, then the items.
    let boxed = enums::Tuple::from(tuple.clone());
    let bytes = [
        &types::Tuple::<i32>::CONSTRUCTOR_ID.to_le_bytes()[..],
        &ints(&[7, 8, 9]),
    ]
    .concat();
    assert_eq!(boxed.to_bytes(), bytes);
    let read = enums::Tuple::<i32>::deserialize_with_counts(&mut Reader::new(&bytes), [3]).expect("decodes");
    assert_eq!(read, boxed);
    // `a.top n:# m:# x:(a.Middle n m)`: counts from fields, through two levels of `#` parameters.
    let top = types::a::Top {
        n: 2,
        m: 1,
        x: types::a::Middle {
            a: types::a::Inner { a: vec![1, 2] }.into(),
            b: types::a::Inner { a: vec![3] },
        }
        .into(),
    };
    let ids = [types::a::Middle::CONSTRUCTOR_ID, types::a::Inner::CONSTRUCTOR_ID].map(|id| id as i32);
    assert_eq!(top.to_bytes(), ints(&[2, 1, ids[0], ids[1], 1, 2, 3]));
    assert_eq!(types::a::Top::from_bytes(&top.to_bytes()).expect("decodes"), top);
    // A count the input cannot hold: an error before anything is allocated for it.
    let hostile = ints(&[-1, 0, ids[0], ids[1]]);
    let error = types::a::Top::from_bytes(&hostile).expect_err("too long");
    assert!(
        matches!(error.kind(), tl_runtime::ErrorKind::VectorTooLong { .. }),
        "{error}"
    );
    // Every sample through the generated `Holder` (`(Tuple int 3)`, `%(Tuple string 2)`, `(Tuple long k)`).
    round_trip_holder_samples::<enums::Holder>("nat_parameters");
}

#[test]
fn a_flags_word_can_be_a_nat_parameter_given_where_the_type_is_applied() {
    use lang::nat_parameters::types::tasks::TaskInfo;
    use tl_runtime::{Reader, Serialize};
    use tl_tests::codegen_fixtures::tl_language as lang;
    // `{fields_mask:#} a:fields_mask.0?int b:fields_mask.1?string done:fields_mask.2?true c:long`: the
    // mask is not written; the fields it sets are.
    let info = TaskInfo {
        a: Some(5),
        b: None,
        done: true,
        c: 9,
    };
    let bytes = info.to_bytes();
    assert_eq!(bytes, [&5i32.to_le_bytes()[..], &9i64.to_le_bytes()].concat());
    let read = TaskInfo::deserialize_with_counts(&mut Reader::new(&bytes), [0b101]).expect("decodes");
    assert_eq!(read, info);
    // Read under another mask, the same bytes mean something else (here: too few for `b`).
    assert!(TaskInfo::deserialize_with_counts(&mut Reader::new(&bytes), [0b011]).is_err());
}

#[test]
fn an_answer_with_counts_is_read_with_the_request_s_counts() {
    use lang::nat_parameters::{enums, functions, types};
    use tl_runtime::{Identifiable, RemoteCall, Serialize};
    use tl_tests::codegen_fixtures::tl_language as lang;
    // `getTuple n:# = Tuple int n;`: the answer's count is the request's `n`.
    let request = functions::GetTuple { n: 2 };
    fn raw_answer<F: RemoteCall<Return = tl_runtime::Opaque>>(_: &F) {}
    raw_answer(&request);
    let answer = enums::Tuple::from(types::Tuple { value: vec![5i32, 6] });
    let bytes = answer.to_bytes();
    assert_eq!(&bytes[..4], types::Tuple::<i32>::CONSTRUCTOR_ID.to_le_bytes());
    assert_eq!(request.read_answer(&bytes).expect("decodes"), answer);
    // Read with another count, the same bytes are too long or too short.
    assert!(functions::GetTuple { n: 1 }.read_answer(&bytes).is_err());
    assert!(functions::GetTuple { n: 3 }.read_answer(&bytes).is_err());
}

#[test]
fn a_function_s_own_nat_parameters_are_given_to_its_decoder_and_read_answer() {
    use lang::nat_parameters::{enums, functions, types};
    use tl_runtime::{Identifiable, RemoteCall, Serialize};
    use tl_tests::codegen_fixtures::tl_language as lang;
    // `getLike {n:#} values:(Tuple long n) = Tuple int n;`: `n` is not on the wire, the values are.
    let request = functions::GetLike {
        values: types::Tuple { value: vec![7i64, -8] }.into(),
    };
    fn raw_answer<F: RemoteCall<Return = tl_runtime::Opaque>>(_: &F) {}
    raw_answer(&request);
    let bytes = request.to_bytes();
    let words = [
        &functions::GetLike::CONSTRUCTOR_ID.to_le_bytes()[..],
        &types::Tuple::<i64>::CONSTRUCTOR_ID.to_le_bytes(),
        &7i64.to_le_bytes(),
        &(-8i64).to_le_bytes(),
    ]
    .concat();
    assert_eq!(bytes, words);
    let read = |counts| {
        let mut reader = tl_runtime::Reader::new(&bytes);
        functions::GetLike::deserialize_with_counts(&mut reader, counts).and_then(|value| {
            reader.finish()?;
            Ok(value)
        })
    };
    assert_eq!(read([2]).expect("decodes"), request);
    assert!(
        read([1]).is_err() && read([3]).is_err(),
        "another count reads other bytes"
    );
    // Its answer, `Tuple int n`, is read with the `n` the caller gives.
    let answer = enums::Tuple::from(types::Tuple {
        value: vec![1i32, 2, 3],
    });
    assert_eq!(request.read_answer(&answer.to_bytes(), [3]).expect("decodes"), answer);
    assert!(request.read_answer(&answer.to_bytes(), [2]).is_err());
    // `masked {fields_mask:#} a:fields_mask.0?int b:fields_mask.1?string = Counted;`: the mask is not on
    // the wire; the fields it sets are.
    let masked = functions::Masked {
        a: None,
        b: Some("x".into()),
    };
    let bytes = masked.to_bytes();
    assert_eq!(bytes[4..], [1, b'x', 0, 0]);
    let mut reader = tl_runtime::Reader::new(&bytes);
    assert_eq!(
        functions::Masked::deserialize_with_counts(&mut reader, [0b10]).expect("decodes"),
        masked
    );
    reader.finish().expect("every byte read");
}

#[test]
fn values_of_a_repetition_read_under_a_flags_word_of_the_definition() {
    use lang::nat_parameters::types::Maybe;
    use tl_runtime::{Deserialize, Serialize};
    use tl_tests::codegen_fixtures::tl_language as lang;
    // `maybe flags:# n:# items:n*[ a:flags.0?int b:string ] note:flags.1?string`: `flags` is a field
    // of its own, which every item's `a` and `note` agree with.
    let maybe = Maybe {
        flags: 0b11,
        items: vec![(Some(4), "x".into()), (Some(-1), "".into())],
        note: Some("n".into()),
    };
    let bytes = maybe.to_bytes();
    let expected = [
        &3u32.to_le_bytes()[..],
        &2u32.to_le_bytes(),
        &4i32.to_le_bytes(),
        &[1, b'x', 0, 0],
        &(-1i32).to_le_bytes(),
        &[0, 0, 0, 0],
        &[1, b'n', 0, 0],
    ]
    .concat();
    assert_eq!(bytes, expected);
    assert_eq!(Maybe::from_bytes(&bytes).expect("decodes"), maybe);
    // Bit 0 clear: the items hold no `a` on the wire.
    let without = Maybe {
        flags: 0,
        items: vec![(None, "y".into())],
        note: None,
    };
    assert_eq!(Maybe::from_bytes(&without.to_bytes()).expect("decodes"), without);
}

#[test]
#[cfg(debug_assertions)]
#[should_panic(expected = "`maybe.note` must be present exactly when bit 1 of `flags` is set")]
fn a_field_that_disagrees_with_its_flags_field_is_caught_in_debug_builds() {
    use tl_runtime::Serialize;
    use tl_tests::codegen_fixtures::tl_language::nat_parameters::types::Maybe;
    let _ = Maybe {
        flags: 0,
        items: Vec::new(),
        note: Some("n".into()),
    }
    .to_bytes();
}

#[test]
fn generic_and_universal_types_in_tdjson_form_round_trip_through_json() {
    use lang::generic_types::tdjson::{enums, types};
    use lang::universal_function::tdjson::{enums as any, functions};
    use tl_tests::codegen_fixtures::tl_language as lang;
    // Generic recursion: every nested list object carries its `"@type"`.
    let list = (0..2).fold(enums::List::<f64>::Nil, |tail, head| {
        types::Cons {
            head: f64::from(head),
            tail,
        }
        .into()
    });
    let json = serde_json::to_value(&list).expect("writes");
    assert_eq!(
        json,
        serde_json::json!({"@type": "cons", "head": 1.0, "tail": {"@type": "cons", "head": 0.0, "tail": {"@type": "nil"}}})
    );
    assert_eq!(serde_json::from_value::<enums::List<f64>>(json).expect("reads"), list);
    // A generic field in an `Option` needs no `Default` of its parameter, and is left out when absent;
    // the flags word is a member of its own, as the JSON interface has it (tonlib's `mode`).
    let tagged = enums::Tagged::from(types::Tagged::<String> {
        tag: None,
        note: Some("n".into()),
        flags: 2,
    });
    let json = serde_json::to_string(&tagged).expect("writes");
    assert_eq!(json, r#"{"@type":"tagged","note":"n","flags":2}"#);
    assert_eq!(
        serde_json::from_str::<enums::Tagged<String>>(&json).expect("reads"),
        tagged
    );
    // The universal function type reads any function by its `"@type"`, "@type" first or not.
    let wrapped = functions::Wrapped {
        query: any::Function::GetPlain(Box::default()),
    };
    let json = serde_json::to_string(&wrapped).expect("writes");
    assert_eq!(json, r#"{"@type":"wrapped","query":{"@type":"getPlain"}}"#);
    assert_eq!(
        serde_json::from_str::<functions::Wrapped>(&json).expect("reads"),
        wrapped
    );
    let reordered = r#"{"query":{"@type":"getPlain"},"@type":"wrapped"}"#;
    assert_eq!(
        serde_json::from_str::<functions::Wrapped>(reordered).expect("reads"),
        wrapped
    );
}

#[test]
#[cfg(debug_assertions)]
#[should_panic(expected = "`whole.x` must be present exactly when any bit of `n` is set")]
fn a_value_disagreeing_with_the_word_it_is_tested_whole_by_is_caught_in_debug_builds() {
    use tl_runtime::Serialize;
    use tl_tests::codegen_fixtures::tl_language::nat_parameters::types::Whole;
    let _ = Whole {
        n: 0,
        x: Some(1),
        y: "y".into(),
    }
    .to_bytes();
}

#[test]
fn undeclared_builtins_are_their_values() {
    use lang::undeclared_builtins::{enums, types};
    use tl_runtime::{Deserialize, Serialize};
    use tl_tests::codegen_fixtures::tl_language as lang;
    // `int512` is 64 raw bytes; the struct has `Default` (written field by field) like any other.
    let signed = types::e2e::Signed {
        signature: [7; 64],
        key: [1; 32],
        height: 3,
        user: -4,
        at: 5,
    };
    let mut bytes = [7u8; 64].to_vec();
    bytes.extend([1u8; 32]);
    bytes.extend(3i32.to_le_bytes());
    bytes.extend((-4i64).to_le_bytes());
    bytes.extend(5i64.to_le_bytes());
    assert_eq!(signed.to_bytes(), bytes);
    assert_eq!(types::e2e::Signed::from_bytes(&bytes).expect("decodes"), signed);
    assert_eq!(types::e2e::Signed::default().signature, [0; 64]);
    round_trip_holder_samples::<enums::Holder>("undeclared_builtins");
}

#[test]
fn vk_s_dialect_round_trips() {
    use tl_runtime::{Deserialize, Identifiable, RemoteCall, Serialize};
    use tl_tests::codegen_fixtures::tl_language as lang;
    for name in [
        "bare_arguments",
        "conditional_repetitions",
        "result_type_variables",
        "anonymous_constructor",
    ] {
        let model = fixture_model(name);
        assert!(model.constructors.iter().any(|c| c.tl_name == "holder"), "{name}");
    }
    round_trip_holder_samples::<lang::bare_arguments::enums::Holder>("bare_arguments");
    round_trip_holder_samples::<lang::conditional_repetitions::enums::Holder>("conditional_repetitions");
    round_trip_holder_samples::<lang::result_type_variables::enums::Holder>("result_type_variables");
    round_trip_holder_samples::<lang::anonymous_constructor::enums::Holder>("anonymous_constructor");
    // `corners:flags.2?3*[int]`: bit 2 and twelve bytes when present, the word alone when not.
    use lang::conditional_repetitions::types::{Counted, Fixed};
    let fixed = Fixed { corners: Some([9; 12]) };
    let mut bytes = 4u32.to_le_bytes().to_vec();
    bytes.extend([9; 12]);
    assert_eq!(fixed.to_bytes(), bytes);
    assert_eq!(Fixed::from_bytes(&bytes).expect("decodes"), fixed);
    assert_eq!(Fixed { corners: None }.to_bytes(), 0u32.to_le_bytes());
    // `k:# values:flags.0?k*[long]`: `k` is on the wire whether or not the values are.
    let counted = Counted {
        k: 2,
        values: Some(vec![1, -1]),
        words: None,
    };
    let bytes: Vec<u8> = [1u32.to_le_bytes(), 2u32.to_le_bytes()].concat();
    let bytes = [bytes, 1i64.to_le_bytes().to_vec(), (-1i64).to_le_bytes().to_vec()].concat();
    assert_eq!(counted.to_bytes(), bytes);
    assert_eq!(Counted::from_bytes(&bytes).expect("decodes"), counted);
    // `= Vector %ns.Prefix`: a boxed vector of bare values.
    fn answer<F: RemoteCall>(_: &F, bytes: &[u8]) -> F::Return {
        F::Return::from_bytes(bytes).expect("an answer")
    }
    let prefixes = [0x1cb5c415u32.to_le_bytes(), 1u32.to_le_bytes(), 5i32.to_le_bytes()].concat();
    let get = lang::bare_arguments::functions::ns::GetPrefixes {};
    assert_eq!(
        answer(&get, &prefixes),
        vec![lang::bare_arguments::types::ns::Prefix { value: 5 }]
    );
    // `invokeReq {X:Type} query:!X = ReqResult X`: answers `ReqResult` of the query's answer.
    use lang::generic_query_answers::{enums::ReqResult, functions, types};
    let call = functions::InvokeReq {
        query_id: 1,
        query: functions::GetNumber {},
    };
    let result = [
        types::ReqResult::<i32>::CONSTRUCTOR_ID.to_le_bytes(),
        42i32.to_le_bytes(),
    ]
    .concat();
    assert_eq!(
        answer(&call, &result),
        ReqResult::ReqResult(types::ReqResult { result: 42 })
    );
    // `_ = Empty;`: written with its id, the hash of its normal form.
    use lang::anonymous_constructor::{enums::Empty, types::AnonymousEmpty};
    assert_eq!(
        Empty::AnonymousEmpty.to_bytes(),
        AnonymousEmpty::CONSTRUCTOR_ID.to_le_bytes()
    );
    assert_eq!(AnonymousEmpty::CONSTRUCTOR_ID, 0x13a8dc26, "CRC32 of `_ = Empty`");
    // VK's `float`: four bytes, single precision.
    let point = lang::undeclared_builtins::types::vk::Point {
        x: 1.5,
        y: -2.0,
        id: u32::MAX,
    };
    let bytes = [1.5f32.to_le_bytes(), (-2.0f32).to_le_bytes(), u32::MAX.to_le_bytes()].concat();
    assert_eq!(point.to_bytes(), bytes);
    assert_eq!(
        lang::undeclared_builtins::types::vk::Point::from_bytes(&bytes).expect("decodes"),
        point
    );
}

#[test]
fn flags_words_under_a_condition_and_words_that_are_counts_round_trip() {
    use tl_runtime::{Deserialize, Serialize};
    use tl_tests::codegen_fixtures::tl_language as lang;
    round_trip_holder_samples::<lang::conditional_flags_words::enums::Holder>("conditional_flags_words");
    round_trip_holder_samples::<lang::nat_field_arguments::enums::Holder>("nat_field_arguments");
    // `f0:# f1:f0.0?# x:f1.1?int`: `f0` computed from `f1`'s presence, `f1` written as it is, `x` under it.
    use lang::conditional_flags_words::types::{Nested, Wide};
    let nested = Nested {
        f1: Some(2),
        x: Some(-5),
    };
    let bytes = [1u32.to_le_bytes(), 2u32.to_le_bytes(), (-5i32).to_le_bytes()].concat();
    assert_eq!(nested.to_bytes(), bytes);
    assert_eq!(Nested::from_bytes(&bytes).expect("decodes"), nested);
    // Absent, the word flags nothing: `x` is not read.
    assert_eq!(Nested { f1: None, x: None }.to_bytes(), 0u32.to_le_bytes());
    assert_eq!(
        Nested::from_bytes(&0u32.to_le_bytes()).expect("decodes"),
        Nested { f1: None, x: None }
    );
    // Many fields under it (read into locals before the struct is built): the same rule.
    let wide = Wide {
        f1: Some(0b1_0000_0001),
        a: Some(1),
        i: Some("nine".into()),
        ..Default::default()
    };
    let bytes = Wide::to_bytes(&wide);
    assert_eq!(Wide::from_bytes(&bytes).expect("decodes"), wide);
    assert_eq!(&bytes[..8], [1u32.to_le_bytes(), 0x101u32.to_le_bytes()].concat());
    // A `#` both flags word and a type's argument: a value of its own, given to the type it is applied to.
    use lang::nat_field_arguments::types::ns::{Flagged, Header};
    let flagged = Flagged {
        fields_mask: 0b110_0001,
        header: Header { a: Some(3), b: None },
        urgent: true,
        note: Some("n".into()),
    };
    let bytes = flagged.to_bytes();
    assert_eq!(&bytes[..8], [0x61u32.to_le_bytes(), 3i32.to_le_bytes()].concat());
    assert_eq!(Flagged::from_bytes(&bytes).expect("decodes"), flagged);
}

#[test]
#[cfg(debug_assertions)]
#[should_panic(expected = "must be present exactly when bit 1 of `f1` is set")]
fn a_field_disagreeing_with_its_conditional_word_is_caught_in_debug_builds() {
    use tl_runtime::Serialize;
    use tl_tests::codegen_fixtures::tl_language::conditional_flags_words::types::Nested;
    let _ = Nested { f1: None, x: Some(1) }.to_bytes();
}
