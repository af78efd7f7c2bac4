//! The classic attacks on a TL decoder, against the generated layer-230 types: lengths far beyond the
//! input, a million levels of nesting, truncation at every byte, an unknown constructor in every position.
//! Each must end in an error value (never a panic, an abort or a stack overflow) and allocate little: a
//! counting allocator measures the peak heap of each decode.

use std::sync::{Mutex, MutexGuard};

use peak_alloc::PeakAlloc;
use tl_full_schema::{layer230 as o, objects};
use tl_runtime::{Deserialize, ErrorKind, Identifiable, Serialize, VECTOR_ID};

#[global_allocator]
static ALLOCATOR: PeakAlloc = PeakAlloc;

/// The allocator counts every thread, so the tests of this file take turns: each holds this lock.
static TURN: Mutex<()> = Mutex::new(());

fn my_turn() -> MutexGuard<'static, ()> {
    TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Runs `decode` and returns its result with the peak heap it added, in bytes: the least of three runs,
/// since the test harness's own thread may allocate meanwhile (printing a finished test), and that only
/// ever adds.
fn peak_heap<T>(decode: impl Fn() -> T) -> (T, usize) {
    let mut least = usize::MAX;
    let mut value = None;
    for _ in 0..3 {
        let before = ALLOCATOR.current_usage();
        ALLOCATOR.reset_peak_usage();
        let result = decode();
        least = least.min(ALLOCATOR.peak_usage().saturating_sub(before));
        value = Some(result);
    }
    (value.expect("three runs"), least)
}

fn id<T: Identifiable>() -> [u8; 4] {
    T::CONSTRUCTOR_ID.to_le_bytes()
}

#[test]
fn a_vector_of_0x7fffffff_elements_with_4_bytes_behind_it() {
    let _turn = my_turn();
    let mut bytes = VECTOR_ID.to_le_bytes().to_vec();
    bytes.extend_from_slice(&0x7fff_ffffu32.to_le_bytes());
    bytes.extend_from_slice(&id::<o::types::UserEmpty>());
    let (result, peak) = peak_heap(|| Vec::<o::enums::User>::from_bytes(&bytes));
    let error = result.expect_err("cannot fit");
    assert_eq!(
        *error.kind(),
        ErrorKind::VectorTooLong {
            count: 0x7fff_ffff,
            left: 4
        }
    );
    assert_eq!(error.offset(), 4);
    assert!(peak < 1024, "only the error is allocated: {peak} bytes");

    // The same count inside a message: users.users.
    let mut bytes = id::<o::types::users::Users>().to_vec();
    bytes.extend_from_slice(&VECTOR_ID.to_le_bytes());
    bytes.extend_from_slice(&0x7fff_ffffu32.to_le_bytes());
    bytes.extend_from_slice(&[0; 4]);
    let (result, peak) = peak_heap(|| o::enums::users::Users::from_bytes(&bytes));
    let error = result.expect_err("cannot fit");
    assert_eq!(
        error.to_string(),
        "users.users.users: vector of 2147483647 elements cannot fit in the 4 bytes left at byte 8"
    );
    assert!(peak < 1024, "{peak} bytes");
}

#[test]
fn a_bytes_length_of_16_mib_with_nothing_behind_it() {
    let _turn = my_turn();
    // upload.file type:storage.FileType mtime:int bytes:bytes, with a 16 MiB - 1 length and no data.
    let mut bytes = id::<o::types::upload::File>().to_vec();
    bytes.extend_from_slice(&id::<o::types::storage::FileJpeg>());
    bytes.extend_from_slice(&1_700_000_000i32.to_le_bytes());
    bytes.extend_from_slice(&[0xfe, 0xff, 0xff, 0xff]);
    let (result, peak) = peak_heap(|| o::enums::upload::File::from_bytes(&bytes));
    let error = result.expect_err("no data");
    assert_eq!(
        *error.kind(),
        ErrorKind::UnexpectedEnd {
            needed: 0xff_ffff,
            left: 0
        }
    );
    assert_eq!(error.offset(), 12, "the start of the bytes");
    assert_eq!(error.path().count(), 1, "{error}");
    assert!(peak < 1024, "nothing is allocated for the data: {peak} bytes");

    // The same in a string: a user's first_name.
    let mut bytes = id::<o::types::User>().to_vec();
    bytes.extend_from_slice(&0b10u32.to_le_bytes()); // flags: first_name
    bytes.extend_from_slice(&0u32.to_le_bytes()); // flags2
    bytes.extend_from_slice(&7i64.to_le_bytes()); // id
    bytes.extend_from_slice(&[0xfe, 0xff, 0xff, 0xff]);
    bytes.extend_from_slice(b"abcd");
    let (result, peak) = peak_heap(|| o::enums::User::from_bytes(&bytes));
    let error = result.expect_err("no data");
    assert_eq!(
        error.to_string(),
        "user.first_name: unexpected end of input: needed 16777215 bytes, 4 left at byte 20"
    );
    assert!(peak < 1024, "{peak} bytes");
}

/// `textBold` a million times, then `textEmpty`.
fn a_million_nested_text_bold() -> Vec<u8> {
    let mut bytes = Vec::with_capacity(4_000_012);
    for _ in 0..1_000_000 {
        bytes.extend_from_slice(&id::<o::types::TextBold>());
    }
    bytes.extend_from_slice(&id::<o::types::TextEmpty>());
    bytes
}

#[test]
fn a_million_nested_text_bold_is_an_error_not_a_stack_overflow() {
    let _turn = my_turn();
    let bytes = a_million_nested_text_bold();
    let (result, peak) = peak_heap(|| o::enums::RichText::from_bytes(&bytes));
    let error = result.expect_err("too deep");
    assert_eq!(*error.kind(), ErrorKind::TooDeep { limit: 64 });
    assert_eq!(error.offset(), 65 * 4, "the 65th level, after its id");
    assert!(
        peak < 16 * 1024,
        "the path of the error, nothing per level: {peak} bytes"
    );

    // The same nesting through a vector: textConcat [ textConcat [ ... ] ].
    let mut bytes = Vec::new();
    for _ in 0..300_000 {
        bytes.extend_from_slice(&id::<o::types::TextConcat>());
        bytes.extend_from_slice(&VECTOR_ID.to_le_bytes());
        bytes.extend_from_slice(&1u32.to_le_bytes());
    }
    let (result, peak) = peak_heap(|| o::enums::RichText::from_bytes(&bytes));
    assert_eq!(*result.expect_err("too deep").kind(), ErrorKind::TooDeep { limit: 64 });
    assert!(peak < 64 * 1024, "{peak} bytes");
}

#[test]
fn truncation_at_every_byte_of_a_full_bot_user() {
    let _turn = my_turn();
    let bytes = objects::url_auth_result().to_bytes();
    assert_eq!(bytes.len(), 528);
    for cut in 0..bytes.len() {
        let error = o::enums::UrlAuthResult::from_bytes(&bytes[..cut]).expect_err("truncated");
        let is_truncation = matches!(
            error.kind(),
            ErrorKind::UnexpectedEnd { .. } | ErrorKind::VectorTooLong { .. }
        );
        assert!(is_truncation && error.offset() <= cut, "cut at {cut}: {error}");
    }
    let value = o::enums::UrlAuthResult::from_bytes(&bytes).expect("whole");
    assert_eq!(value.to_bytes(), bytes);
}

#[test]
fn an_unknown_constructor_in_every_position() {
    let _turn = my_turn();
    let model = tl_tests::samples::model_of(&[tl_tests::api_layer230(), tl_tests::mtproto()]);
    let mut ids: Vec<u32> = model.constructors.iter().map(|c| c.id).collect();
    ids.extend([VECTOR_ID, tl_runtime::BOOL_TRUE_ID, tl_runtime::BOOL_FALSE_ID]);
    let unknown = 0xdead_beefu32;
    assert!(!ids.contains(&unknown));

    let bytes = objects::url_auth_result().to_bytes();
    let mut id_positions = 0;
    for at in (0..bytes.len()).step_by(4) {
        let word = u32::from_le_bytes(bytes[at..at + 4].try_into().expect("4 bytes"));
        let mut hostile = bytes.clone();
        hostile[at..at + 4].copy_from_slice(&unknown.to_le_bytes());
        // Anywhere else the word is data: decoding may fail or succeed, but must not panic.
        let result = o::enums::UrlAuthResult::from_bytes(&hostile);
        if ids.contains(&word) {
            id_positions += 1;
            let error = result.expect_err("an unknown constructor");
            assert!(
                matches!(error.kind(), ErrorKind::UnexpectedConstructor { found, .. } if *found == unknown),
                "at {at}: {error}"
            );
            assert_eq!(error.offset(), at, "{error}");
        }
    }
    // The enum's own id, the user, photo, status, emoji status, colours, vectors, usernames, reasons.
    assert!(id_positions >= 14, "{id_positions} ids");
}

#[test]
fn decoding_allocates_a_small_multiple_of_the_input() {
    let _turn = my_turn();
    let bytes = objects::users(1000).to_bytes();
    let (result, peak) = peak_heap(|| o::enums::users::Users::from_bytes(&bytes));
    result.expect("decodes");
    let ratio = peak as f64 / bytes.len() as f64;
    assert!(ratio < 3.0, "{peak} bytes of heap for {} bytes of input", bytes.len());
}

/// The stack of the thread that decodes the nested inputs: smaller than any thread a client runs
/// decoders on (async runtimes give their workers 2 MiB).
const SMALL_STACK: usize = 256 * 1024;

/// Decodes a cycle through every recursive edge of a schema (a field whose value can hold, through fields,
/// optional fields, vectors or groups, a value of its own constructor's type) nested a million levels deep,
/// on a small stack: each must fail with `TooDeep` at the default limit, none may overflow the stack.
/// Returns the cycles, described.
fn every_cycle_nested_a_million_deep(
    files: &[tl_parser::SourceFile],
    decoder: fn(usize) -> Option<tl_full_schema::boxed::Decoder>,
) -> Vec<String> {
    let model = tl_tests::samples::model_of(files);
    let cycles = tl_tests::nesting::cycles(&model);
    for (index, ty) in model.types.iter().enumerate().filter(|(_, ty)| ty.recursive) {
        let starts_a_cycle = cycles.iter().any(|c| c.start == tl_tests::nesting::Start::Type(index));
        assert!(starts_a_cycle, "no cycle starts at the recursive type {}", ty.tl_name);
    }
    let decoded = std::thread::Builder::new()
        .stack_size(SMALL_STACK)
        .spawn(move || {
            let mut names = Vec::new();
            for cycle in &cycles {
                let tl_tests::nesting::Start::Type(ty) = cycle.start else {
                    panic!(
                        "a cycle of bare references, which this test cannot decode: {}",
                        cycle.describe(&model)
                    );
                };
                let decode = decoder(ty).expect("a boxed type");
                let bytes = tl_tests::nesting::nested(&model, cycle, 1_000_000);
                let error = decode(&mut tl_runtime::Reader::new(&bytes)).expect_err("nested a million levels deep");
                assert_eq!(
                    *error.kind(),
                    ErrorKind::TooDeep { limit: 64 },
                    "{}: {error}",
                    cycle.describe(&model)
                );
                names.push(cycle.describe(&model));
            }
            names
        })
        .expect("a thread");
    decoded.join().expect("no stack overflow, no panic")
}

#[test]
fn every_cycle_of_layer_230_nested_a_million_deep_on_a_256_kib_stack() {
    let _turn = my_turn();
    let files = [tl_tests::api_layer230(), tl_tests::mtproto()];
    let cycles = every_cycle_nested_a_million_deep(&files, tl_full_schema::boxed::layer230::decoder);
    // The cycles that run through vectors only, which used to overflow the stack, among all the others.
    for through_a_vector in [
        "JSONValue: jsonArray.value",
        "JSONValue: jsonObject.value → jsonObjectValue.value",
        "SecureRequiredType: secureRequiredTypeOneOf.types",
        "TlsBlock: tlsBlockScope.entries",
    ] {
        assert!(
            cycles.iter().any(|c| c == through_a_vector),
            "{through_a_vector} in {cycles:#?}"
        );
    }
    assert_eq!(cycles.len(), 65, "{cycles:#?}");
}

#[cfg(has_layer221)]
#[test]
fn every_cycle_of_layer_221_nested_a_million_deep_on_a_256_kib_stack() {
    let _turn = my_turn();
    let files = [tl_tests::api_layer221().expect("has_layer221"), tl_tests::mtproto()];
    let cycles = every_cycle_nested_a_million_deep(&files, tl_full_schema::boxed::layer221::decoder);
    assert_eq!(cycles.len(), 39, "{cycles:#?}");
}

/// Vectors of the element types of layer 230 that hold the most Rust bytes per byte of their smallest
/// encoding (found from the model and the compiled sizes). A count that the input can hold but whose
/// elements are junk allocates only the bounded first reservation; a vector whose elements all decode but
/// the last allocates what those elements take, with the vector at most doubled.
#[test]
fn vectors_of_the_heaviest_elements_allocate_what_is_really_there() {
    let _turn = my_turn();
    let model = tl_tests::samples::model_of(&[tl_tests::api_layer230(), tl_tests::mtproto()]);
    let layer230 = &tl_full_schema::boxed::layer230::SIZES;
    let heavy = tl_full_schema::attacks::heaviest_vector_elements(&model, layer230, 6);
    let names: Vec<&str> = heavy.iter().map(|h| h.name.as_str()).collect();
    assert_eq!(names[..2], ["BotInfo", "Update"], "{heavy:#?}");
    let small = tl_runtime::MAX_VECTOR_RESERVATION + 4096;
    for element in &heavy {
        let decode = tl_full_schema::boxed::layer230::vector_decoder(element.index).expect("a type");
        let junk = tl_full_schema::attacks::vector_of_junk(element.min_size, 1 << 20);
        let (result, peak) = peak_heap(|| decode(&mut tl_runtime::Reader::new(&junk)));
        let error = result.expect_err("junk");
        assert!(
            matches!(error.kind(), ErrorKind::UnexpectedConstructor { .. }),
            "{error}"
        );
        assert!(peak <= small, "{}: {peak} bytes for a junk vector", element.name);

        let count = ((1 << 20) / element.min_size) as u32;
        let bytes = tl_full_schema::attacks::vector_failing_at_the_end(&model, element.index, count);
        let (result, peak) = peak_heap(|| decode(&mut tl_runtime::Reader::new(&bytes)));
        let error = result.expect_err("the last element");
        assert_eq!(error.path().count(), 1, "{error}");
        let decoded = (count as usize - 1) * element.size;
        assert!(
            peak <= small + 3 * decoded,
            "{}: {peak} bytes for {count} elements of {} bytes",
            element.name,
            element.size
        );
    }
}

/// The borrowed types (`Config::borrowed_types`) meet the same attacks with the same errors, and allocate
/// no more.
mod borrowed {
    use tl_runtime::DeserializeBorrowed;

    use super::*;

    /// Decodes `bytes` owned (`O`) and borrowed (`B`): both fail with the same error, and the borrowed
    /// decode's peak heap is at most the owned one's.
    fn same_failure<'a, O: Deserialize + std::fmt::Debug, B: DeserializeBorrowed<'a> + std::fmt::Debug>(
        bytes: &'a [u8],
    ) -> tl_runtime::Error {
        let (owned, owned_peak) = peak_heap(|| O::from_bytes(bytes));
        let (borrowed, borrowed_peak) = peak_heap(|| B::from_bytes_borrowed(bytes));
        let error = owned.expect_err("hostile input");
        assert_eq!(borrowed.expect_err("hostile input"), error);
        assert!(borrowed_peak <= owned_peak.max(1024), "{borrowed_peak} > {owned_peak}");
        error
    }

    #[test]
    fn lengths_beyond_the_input() {
        let _turn = my_turn();
        let mut bytes = id::<o::types::users::Users>().to_vec();
        bytes.extend_from_slice(&VECTOR_ID.to_le_bytes());
        bytes.extend_from_slice(&0x7fff_ffffu32.to_le_bytes());
        bytes.extend_from_slice(&[0; 4]);
        let error = same_failure::<o::enums::users::Users, o::borrowed::enums::users::Users<'_>>(&bytes);
        assert!(matches!(error.kind(), ErrorKind::VectorTooLong { .. }), "{error}");

        let mut bytes = id::<o::types::upload::File>().to_vec();
        bytes.extend_from_slice(&id::<o::types::storage::FileJpeg>());
        bytes.extend_from_slice(&1_700_000_000i32.to_le_bytes());
        bytes.extend_from_slice(&[0xfe, 0xff, 0xff, 0xff]);
        let error = same_failure::<o::enums::upload::File, o::borrowed::enums::upload::File<'_>>(&bytes);
        assert!(matches!(error.kind(), ErrorKind::UnexpectedEnd { .. }), "{error}");
    }

    #[test]
    fn a_million_levels_of_nesting() {
        let _turn = my_turn();
        let bytes = a_million_nested_text_bold();
        let error = same_failure::<o::enums::RichText, o::borrowed::enums::RichText<'_>>(&bytes);
        assert_eq!(*error.kind(), ErrorKind::TooDeep { limit: 64 });

        let mut bytes = Vec::new();
        for _ in 0..300_000 {
            bytes.extend_from_slice(&id::<o::types::TextConcat>());
            bytes.extend_from_slice(&VECTOR_ID.to_le_bytes());
            bytes.extend_from_slice(&1u32.to_le_bytes());
        }
        let error = same_failure::<o::enums::RichText, o::borrowed::enums::RichText<'_>>(&bytes);
        assert_eq!(*error.kind(), ErrorKind::TooDeep { limit: 64 });
    }

    #[test]
    fn every_cycle_of_layer_230_nested_a_million_deep_on_a_256_kib_stack() {
        let _turn = my_turn();
        let files = [tl_tests::api_layer230(), tl_tests::mtproto()];
        let cycles = every_cycle_nested_a_million_deep(&files, tl_full_schema::boxed::layer230::borrowed_decoder);
        assert_eq!(cycles.len(), 65, "{cycles:#?}");
    }

    #[test]
    fn truncation_at_every_byte_and_an_unknown_constructor_in_every_position() {
        let _turn = my_turn();
        let bytes = objects::url_auth_result().to_bytes();
        for cut in 0..bytes.len() {
            let owned = o::enums::UrlAuthResult::from_bytes(&bytes[..cut]).expect_err("truncated");
            let borrowed = o::borrowed::enums::UrlAuthResult::from_bytes_borrowed(&bytes[..cut]);
            assert_eq!(borrowed.expect_err("truncated"), owned, "cut at {cut}");
        }
        for at in (0..bytes.len()).step_by(4) {
            let mut hostile = bytes.clone();
            hostile[at..at + 4].copy_from_slice(&0xdead_beefu32.to_le_bytes());
            let owned = o::enums::UrlAuthResult::from_bytes(&hostile);
            let borrowed = o::borrowed::enums::UrlAuthResult::from_bytes_borrowed(&hostile);
            match (owned, borrowed) {
                (Err(owned), Err(borrowed)) => assert_eq!(borrowed, owned, "at {at}"),
                (Ok(owned), Ok(borrowed)) => assert_eq!(borrowed.into_owned(), owned, "at {at}"),
                (owned, borrowed) => panic!("at {at}: owned {owned:?}, borrowed {borrowed:?}"),
            }
        }
    }

    #[test]
    fn decoding_1000_users_borrowed_allocates_less_than_owned() {
        let _turn = my_turn();
        let bytes = objects::users(1000).to_bytes();
        let (owned, owned_peak) = peak_heap(|| o::enums::users::Users::from_bytes(&bytes));
        let (borrowed, borrowed_peak) = peak_heap(|| o::borrowed::enums::users::Users::from_bytes_borrowed(&bytes));
        assert_eq!(borrowed.expect("decodes").into_owned(), owned.expect("decodes"));
        assert!(
            borrowed_peak < owned_peak,
            "borrowed {borrowed_peak} bytes, owned {owned_peak}"
        );
    }
}
