//! The generated layer-230 types against grammers-tl-types 0.11.0 on the same values, in one run:
//! (a) `messages.requestUrlAuth` by button (36 bytes), (b) `urlAuthResultRequest` with a full bot user,
//! (c) `users.users` with 1000 such users, (d) a `RichText` of 100 styled runs (recursive values). For each: serialize to a new buffer, into a reused buffer, and
//! deserialize (for (b), (c) and (d) also into the borrowed types), beside a memcpy of the same size; and our length pass alone (what a new
//! buffer needs before the write; a reused buffer with room is written without it). Memory figures are in the `memory` bench (it
//! needs a counting allocator, which would slow every allocation timed here).
//!
//! Run with `cargo bench -p tl-full-schema --bench runtime`.

use std::sync::OnceLock;

use divan::Bencher;
use divan::counter::BytesCount;
use grammers_tl_types::{self as g, Deserializable, Serializable};
use tl_full_schema::{layer230 as o, objects};
use tl_runtime::{Deserialize, Serialize};

fn main() {
    eprintln!(
        "objects: (a) {} bytes, (b) {} bytes, (c) {} bytes, (d) {} bytes",
        request_url_auth().bytes.len(),
        auth_result().bytes.len(),
        users().bytes.len(),
        rich_text().bytes.len()
    );
    divan::main();
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

    /// Our decode of `bytes` as the object's type: one macro serves every object, and the decoded value
    /// is returned as the decoder made it (a `.map` to fix the type moved it once more, a copy timed with
    /// the decode).
    fn ours_from_bytes(&self, bytes: &[u8]) -> tl_runtime::Result<O> {
        O::from_bytes(bytes)
    }

    /// grammers' decode of `bytes` as the object's type (see [`Object::ours_from_bytes`]).
    fn theirs_from_bytes(&self, bytes: &[u8]) -> Result<G, grammers_tl_types::deserialize::Error> {
        G::from_bytes(bytes)
    }
}

type RequestUrlAuth = Object<o::functions::messages::RequestUrlAuth, g::functions::messages::RequestUrlAuth>;
type AuthResult = Object<o::enums::UrlAuthResult, g::enums::UrlAuthResult>;
type Users = Object<o::enums::users::Users, g::enums::users::Users>;
type RichText = Object<o::enums::RichText, g::enums::RichText>;

fn request_url_auth() -> &'static RequestUrlAuth {
    static OBJECT: OnceLock<RequestUrlAuth> = OnceLock::new();
    OBJECT.get_or_init(|| {
        let object = Object::new(objects::request_url_auth(), 4);
        assert_eq!(object.bytes.len(), 36);
        object
    })
}

fn auth_result() -> &'static AuthResult {
    static OBJECT: OnceLock<AuthResult> = OnceLock::new();
    OBJECT.get_or_init(|| Object::new(objects::url_auth_result(), 0))
}

fn users() -> &'static Users {
    static OBJECT: OnceLock<Users> = OnceLock::new();
    OBJECT.get_or_init(|| Object::new(objects::users(1000), 0))
}

fn rich_text() -> &'static RichText {
    static OBJECT: OnceLock<RichText> = OnceLock::new();
    OBJECT.get_or_init(|| Object::new(objects::rich_text(), 0))
}

macro_rules! object_benches {
    ($module:ident, $object:expr $(, borrowed: $borrowed:ty)?) => {
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
            fn ours_length_pass(bencher: Bencher) {
                let object = $object;
                bencher
                    .counter(BytesCount::of_slice(&object.bytes))
                    .bench(|| divan::black_box(&object.ours).serialized_len());
            }

            #[divan::bench]
            fn ours_deserialize(bencher: Bencher) {
                let object = $object;
                bencher.counter(BytesCount::of_slice(&object.bytes)).bench(|| {
                    object.ours_from_bytes(divan::black_box(&object.bytes)).expect("decodes")
                });
            }

            #[divan::bench]
            fn grammers_deserialize(bencher: Bencher) {
                let object = $object;
                bencher.counter(BytesCount::of_slice(&object.bytes)).bench(|| {
                    object.theirs_from_bytes(divan::black_box(&object.bytes[object.theirs_from..])).expect("decodes")
                });
            }

            $(
            #[divan::bench]
            fn ours_deserialize_borrowed(bencher: Bencher) {
                let object = $object;
                bencher.counter(BytesCount::of_slice(&object.bytes)).bench(|| {
                    <$borrowed as tl_runtime::DeserializeBorrowed>::from_bytes_borrowed(divan::black_box(&object.bytes))
                        .expect("decodes")
                });
            }
            )?

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

object_benches!(a_request_url_auth, request_url_auth());
object_benches!(b_url_auth_result, auth_result(), borrowed: o::borrowed::enums::UrlAuthResult<'_>);
object_benches!(c_users_1000, users(), borrowed: o::borrowed::enums::users::Users<'_>);
object_benches!(d_rich_text, rich_text(), borrowed: o::borrowed::enums::RichText<'_>);
