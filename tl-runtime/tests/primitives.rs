//! The TL built-ins: exact bytes, boundaries, errors with offsets, hostile input, round trips.

use proptest::prelude::*;
use tl_runtime::{
    CompactString, Deserialize, Error, ErrorKind, Length, Output, Reader, Serialize, bytes_len, read_bytes,
};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn roundtrip<T: Serialize + Deserialize + PartialEq + std::fmt::Debug>(value: &T) -> Vec<u8> {
    let bytes = value.to_bytes();
    assert_eq!(bytes.len(), value.serialized_len());
    assert_eq!(
        bytes.capacity(),
        bytes.len(),
        "to_bytes allocates exactly once, at the exact size"
    );
    assert_eq!(&T::from_bytes(&bytes).expect("decodes"), value);
    let mut appended = vec![0xaa];
    value.serialize(&mut appended);
    assert_eq!(appended[1..], bytes[..], "serialize appends what to_bytes returns");
    bytes
}

/// A `bytes` item, written with [`Output::put_bytes`] as generated code writes `bytes` fields.
struct TlBytes<'a>(&'a [u8]);

impl Serialize for TlBytes<'_> {
    fn serialize_into<O: Output>(&self, out: O) -> O {
        out.put_bytes(self.0)
    }
}

/// `data` as a TL `bytes` item, in a buffer of its exact size.
fn encode_bytes(data: &[u8]) -> Vec<u8> {
    let out = TlBytes(data).to_bytes();
    assert_eq!(out.len(), bytes_len(data.len()), "bytes_len is exact");
    assert_eq!(
        Length::new().put_bytes(data).get(),
        out.len(),
        "the length pass counts the same"
    );
    out
}

/// `value` appended to a vector holding `head` and room for `room` more bytes, garbage in that room
/// first (a buffer reused after a longer message).
fn append_with_room<T: Serialize + ?Sized>(value: &T, head: &[u8], room: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(head.len() + room);
    out.resize(head.len() + room, 0xaa);
    out.truncate(0);
    out.extend_from_slice(head);
    value.serialize(&mut out);
    out
}

#[test]
fn integers_and_doubles_are_little_endian() {
    assert_eq!(hex(&roundtrip(&0x198fb446_i32)), "46b48f19");
    assert_eq!(hex(&roundtrip(&-2_i32)), "feffffff");
    assert_eq!(hex(&roundtrip(&0x0102030405060708_i64)), "0807060504030201");
    assert_eq!(hex(&roundtrip(&1.5_f64)), "000000000000f83f");
}

#[test]
fn int128_and_int256_are_raw_bytes() {
    let nonce: [u8; 16] = std::array::from_fn(|i| i as u8);
    assert_eq!(roundtrip(&nonce), nonce);
    let key: [u8; 32] = std::array::from_fn(|i| 255 - i as u8);
    assert_eq!(roundtrip(&key), key);
}

#[test]
fn bool_is_boxed() {
    assert_eq!(hex(&roundtrip(&true)), "b5757299");
    assert_eq!(hex(&roundtrip(&false)), "379779bc");
    let error = bool::from_bytes(&[1, 2, 3, 4]).expect_err("not a Bool");
    assert_eq!(
        error,
        Error::new(
            ErrorKind::UnexpectedConstructor {
                expected: "Bool",
                found: 0x04030201
            },
            0
        )
    );
    assert_eq!(
        error.to_string(),
        "unexpected constructor 0x04030201 for Bool at byte 0"
    );
}

#[test]
fn short_strings_have_a_one_byte_length_and_padding() {
    assert_eq!(hex(&roundtrip(&String::new())), "00000000");
    assert_eq!(hex(&roundtrip(&"abc".to_string())), "03616263");
    assert_eq!(hex(&roundtrip(&"abcd".to_string())), "0461626364000000");
}

#[test]
fn length_253_is_the_last_short_form_and_254_the_first_long_form() {
    let short = "x".repeat(253);
    let bytes = roundtrip(&short);
    assert_eq!((bytes[0], bytes.len()), (253, 256));
    let long = "y".repeat(254);
    let bytes = roundtrip(&long);
    assert_eq!(hex(&bytes[..4]), "fefe0000");
    assert_eq!(bytes.len(), 260);
    let big = vec![7u8; 70_000];
    let out = encode_bytes(&big);
    assert_eq!(hex(&out[..4]), "fe701101");
    assert_eq!(out.len(), 70_004);
    assert_eq!(read_bytes(&mut Reader::new(&out)).expect("decodes"), big);
}

/// The encoding of `data` spelled out: length header, data, zero padding to 4.
fn reference_encoding(data: &[u8]) -> Vec<u8> {
    let len = data.len();
    let mut out = if len < 254 {
        vec![len as u8]
    } else {
        vec![0xfe, len as u8, (len >> 8) as u8, (len >> 16) as u8]
    };
    out.extend_from_slice(data);
    while out.len() % 4 != 0 {
        out.push(0);
    }
    out
}

#[test]
fn write_bytes_is_exact_at_every_length_and_room() {
    for len in 0..=300 {
        let data: Vec<u8> = (0..len).map(|i| (i * 7 + 1) as u8).collect();
        let expected = reference_encoding(&data);
        assert_eq!(bytes_len(len), expected.len(), "length {len}");
        assert_eq!(encode_bytes(&data), expected, "length {len}");
        // Garbage in the room where the padding goes: the padding must be written as zeros. Every room
        // from none to more than the 64-byte window (every seventh for long items, and the exact fit and
        // one byte short): the short path, the medium path, the exact path, and the first pass that does
        // not fit and the vector that grows.
        let rooms = (0..expected.len() + 70).step_by(if len < 70 { 1 } else { 7 });
        for room in rooms.chain([expected.len() - 1, expected.len()]) {
            let out = append_with_room(&TlBytes(&data), b"head", room);
            assert_eq!(out[..4], *b"head", "length {len}, room {room}");
            assert_eq!(out[4..], expected[..], "length {len}, room {room}");
            assert_eq!(read_bytes(&mut Reader::new(&out[4..])).expect("decodes"), data);
        }
    }
}

#[test]
fn serialize_appends_in_the_room_there_is_or_grows_once() {
    let value = (vec![1_i32, 2], "text".to_string());
    // `Vector<int>` [1, 2], then the `string` "text".
    let expected = "15c4b51c020000000100000002000000".to_string() + "0474657874000000";
    for room in 0..40 {
        let mut out = b"head".to_vec();
        out.reserve_exact(room);
        let capacity = out.capacity();
        value.0.serialize(&mut out);
        value.1.serialize(&mut out);
        assert_eq!(hex(&out), format!("68656164{expected}"), "room {room}");
        if room >= 24 {
            assert_eq!(out.capacity(), capacity, "room {room}: written in the room there was");
        }
    }
}

#[test]
fn compact_strings_encode_like_strings_inline_or_not() {
    for len in [0, 1, 3, 4, 23, 24, 25, 62, 63, 64, 253, 254, 300] {
        let text = "é".repeat(len / 2) + &"x".repeat(len % 2);
        let compact = CompactString::from(text.as_str());
        assert_eq!(compact.is_heap_allocated(), text.len() > 24, "length {len}");
        let bytes = roundtrip(&compact);
        assert_eq!(bytes, text.to_bytes(), "length {len}");
        assert_eq!(bytes, reference_encoding(text.as_bytes()), "length {len}");
    }
    let bytes = [3, b'a', 0xff, b'b'];
    assert_eq!(CompactString::from_bytes(&bytes).expect("decodes"), "a\u{fffd}b");
    let error = CompactString::from_bytes(&[1, b'a', 0, 9]).expect_err("bad padding");
    assert_eq!(error, Error::new(ErrorKind::BadPadding, 2));
}

#[test]
fn invalid_utf8_in_a_string_becomes_replacement_characters() {
    let bytes = [3, b'a', 0xff, b'b'];
    assert_eq!(String::from_bytes(&bytes).expect("decodes"), "a\u{fffd}b");
}

#[test]
fn non_zero_padding_is_rejected_at_its_offset() {
    let error = String::from_bytes(&[1, b'a', 0, 9]).expect_err("bad padding");
    assert_eq!(error, Error::new(ErrorKind::BadPadding, 2));
}

#[test]
fn every_non_zero_padding_byte_is_rejected_and_data_bytes_are_not_padding() {
    for len in [0, 1, 2, 3, 4, 5, 6, 7, 252, 253, 254, 255, 256, 257] {
        let data = vec![0xff; len];
        let encoded = reference_encoding(&data);
        let header = if len < 254 { 1 } else { 4 };
        assert_eq!(read_bytes(&mut Reader::new(&encoded)).expect("decodes"), data);
        for at in header + len..encoded.len() {
            let mut bad = encoded.clone();
            bad[at] = 1;
            let error = read_bytes(&mut Reader::new(&bad)).expect_err("bad padding");
            assert_eq!(
                error,
                Error::new(ErrorKind::BadPadding, header + len),
                "length {len}, byte {at}"
            );
        }
    }
}

#[test]
fn vectors_are_boxed_and_counted() {
    assert_eq!(hex(&roundtrip(&vec![1_i32, 2])), "15c4b51c020000000100000002000000");
    assert_eq!(hex(&roundtrip(&Vec::<i64>::new())), "15c4b51c00000000");
    let nested = vec![vec!["a".to_string()], vec![]];
    roundtrip(&nested);
    let error = Vec::<i32>::from_bytes(&[0, 0, 0, 0, 0, 0, 0, 0]).expect_err("no vector id");
    assert_eq!(
        *error.kind(),
        ErrorKind::UnexpectedConstructor {
            expected: "Vector",
            found: 0
        }
    );
}

#[test]
fn bare_vectors_and_vectors_of_bytes_use_the_helper_functions() {
    let items = vec![vec![1u8, 2, 3], vec![]];
    struct BareVectorOfBytes(Vec<Vec<u8>>);
    impl Serialize for BareVectorOfBytes {
        fn serialize_into<O: Output>(&self, out: O) -> O {
            tl_runtime::write_bare_vector(&self.0, out, |b, out| out.put_bytes(b))
        }
    }
    let out = BareVectorOfBytes(items.clone()).to_bytes();
    assert_eq!(hex(&out), "020000000301020300000000");
    let len = tl_runtime::write_bare_vector(&items, Length::new(), |b, out| out.put_bytes(b)).get();
    assert_eq!(len, out.len());
    let mut reader = Reader::new(&out);
    assert_eq!(
        tl_runtime::read_bare_vector(&mut reader, 4, read_bytes).expect("decodes"),
        items
    );
    reader.finish().expect("all read");
}

#[test]
fn trailing_bytes_are_an_error_for_whole_messages() {
    let error = i32::from_bytes(&[1, 0, 0, 0, 9]).expect_err("trailing byte");
    assert_eq!(error, Error::new(ErrorKind::TrailingBytes { count: 1 }, 4));
}

#[test]
fn truncation_at_every_byte_is_an_error_never_a_panic() {
    let value = vec!["hello".to_string(), "x".repeat(300), String::new()];
    let bytes = value.to_bytes();
    for cut in 0..bytes.len() {
        let error = Vec::<String>::from_bytes(&bytes[..cut]).expect_err("truncated");
        assert!(error.offset() <= cut, "offset {} past the cut {cut}", error.offset());
        let truncation = matches!(
            *error.kind(),
            ErrorKind::UnexpectedEnd { .. } | ErrorKind::VectorTooLong { .. }
        );
        assert!(truncation, "{error}");
    }
}

#[test]
fn a_huge_vector_count_fails_before_allocating() {
    // Vector id, count 0x7fffffff, and 4 bytes behind it.
    let bytes = [0x15, 0xc4, 0xb5, 0x1c, 0xff, 0xff, 0xff, 0x7f, 1, 0, 0, 0];
    let error = Vec::<i32>::from_bytes(&bytes).expect_err("too long");
    assert_eq!(
        error,
        Error::new(
            ErrorKind::VectorTooLong {
                count: 0x7fff_ffff,
                left: 4
            },
            4
        )
    );
}

#[test]
fn a_huge_bytes_length_fails_before_allocating() {
    // 0xfe and a length of 16 MiB - 1, with nothing behind it.
    let error = read_bytes(&mut Reader::new(&[0xfe, 0xff, 0xff, 0xff])).expect_err("too long");
    assert_eq!(
        error,
        Error::new(
            ErrorKind::UnexpectedEnd {
                needed: 0xff_ffff,
                left: 0
            },
            0
        )
    );
}

proptest! {
    #[test]
    fn strings_round_trip(text in ".*") {
        let bytes = roundtrip(&text);
        prop_assert_eq!(roundtrip(&CompactString::from(text.as_str())), bytes);
    }

    #[test]
    fn bytes_round_trip(data in prop::collection::vec(any::<u8>(), 0..1000)) {
        let out = encode_bytes(&data);
        prop_assert_eq!(out.len() % 4, 0);
        let mut reader = Reader::new(&out);
        prop_assert_eq!(read_bytes(&mut reader).unwrap(), data);
        prop_assert_eq!(reader.remaining(), 0);
    }

    #[test]
    fn vectors_round_trip(items in prop::collection::vec(any::<i64>(), 0..100)) {
        roundtrip(&items);
    }

    #[test]
    fn arbitrary_bytes_never_panic(data in prop::collection::vec(any::<u8>(), 0..200)) {
        let _ = Vec::<Vec<String>>::from_bytes(&data);
        let _ = Vec::<bool>::from_bytes(&data);
        let _ = String::from_bytes(&data);
        let _ = Vec::<CompactString>::from_bytes(&data);
    }
}

#[test]
fn depth_is_counted_and_limited() {
    let mut reader = Reader::with_max_depth(&[], 2);
    reader.enter().expect("level 1");
    reader.enter().expect("level 2");
    let error = reader.enter().expect_err("level 3");
    assert_eq!(*error.kind(), ErrorKind::TooDeep { limit: 2 });
    reader.leave();
    reader.enter().expect("level 2 again");
}

#[test]
fn errors_inside_vectors_name_the_element() {
    use tl_runtime::PathStep;
    // A Vector<Bool> of 3 whose third element is not a Bool.
    let mut bytes = vec![true, false, true].to_bytes();
    bytes[16..20].copy_from_slice(&7u32.to_le_bytes());
    let error = Vec::<bool>::from_bytes(&bytes).expect_err("not a Bool");
    assert_eq!(error.path().collect::<Vec<_>>(), [PathStep::Element(2)]);
    assert_eq!(error.offset(), 16);
    assert_eq!(
        error.to_string(),
        "[2]: unexpected constructor 0x00000007 for Bool at byte 16"
    );
    let error = error.in_field("inner.flags").in_field("outer.items");
    assert_eq!(
        error.to_string(),
        "outer.items: inner.flags[2]: unexpected constructor 0x00000007 for Bool at byte 16"
    );
}

/// A large Rust value with a 4-byte encoding: 100,000 of them fit 400 KB of input but need 51 MB of memory.
type Large = [u64; 64];

fn read_large(reader: &mut Reader<'_>) -> tl_runtime::Result<Large> {
    let word = reader.read_u32()?;
    if word == 0xdead_beef {
        return Err(Error::new(ErrorKind::BadPadding, reader.offset()));
    }
    Ok([u64::from(word); 64])
}

fn large_vector_input(count: u32, bad_at: Option<u32>) -> Vec<u8> {
    let mut bytes = count.to_le_bytes().to_vec();
    for index in 0..count {
        let word = if Some(index) == bad_at { 0xdead_beef } else { index };
        bytes.extend_from_slice(&word.to_le_bytes());
    }
    bytes
}

#[test]
fn a_vector_reserves_a_bounded_amount_first_and_grows_as_elements_decode() {
    let budget = tl_runtime::MAX_VECTOR_RESERVATION / size_of::<Large>();
    let bytes = large_vector_input(100_000, None);
    let items = tl_runtime::read_bare_vector(&mut Reader::new(&bytes), 4, read_large).expect("decodes");
    assert_eq!(items.len(), 100_000);
    assert_eq!(items.capacity(), 100_000, "growth never goes past the count");
    assert_eq!(items[99_999][0], 99_999);

    // A short vector is reserved at once, exactly.
    let bytes = large_vector_input(10, None);
    let items = tl_runtime::read_bare_vector(&mut Reader::new(&bytes), 4, read_large).expect("decodes");
    assert_eq!(items.capacity(), 10);
    assert!(budget > 10);

    // A bad first element: only the bounded first reservation was ever made.
    let bytes = large_vector_input(100_000, Some(0));
    let error = tl_runtime::read_bare_vector(&mut Reader::new(&bytes), 4, read_large).expect_err("bad element");
    assert_eq!(error.path().collect::<Vec<_>>(), [tl_runtime::PathStep::Element(0)]);
    assert_eq!(budget, 128, "64 KiB of 512-byte values");
}

proptest! {
    /// Text decodes as `String::from_utf8_lossy` decodes it, whatever the bytes (ASCII, other valid UTF-8,
    /// invalid sequences), into every text type: the ASCII fast path agrees with the general one.
    #[test]
    fn text_decodes_as_from_utf8_lossy(data in prop_oneof![
        proptest::collection::vec(0u8..0x80, 0..300),
        any::<String>().prop_map(String::into_bytes),
        proptest::collection::vec(any::<u8>(), 0..300),
    ]) {
        let bytes = encode_bytes(&data);
        let expected = String::from_utf8_lossy(&data);
        prop_assert_eq!(String::from_bytes(&bytes).unwrap(), expected.as_ref());
        prop_assert_eq!(tl_runtime::CompactString::from_bytes(&bytes).unwrap(), expected.as_ref());
        let borrowed = <std::borrow::Cow<'_, str> as tl_runtime::DeserializeBorrowed>::from_bytes_borrowed(&bytes).unwrap();
        prop_assert_eq!(borrowed.as_ref(), expected.as_ref());
        prop_assert_eq!(matches!(borrowed, std::borrow::Cow::Borrowed(_)), std::str::from_utf8(&data).is_ok());
    }
}
