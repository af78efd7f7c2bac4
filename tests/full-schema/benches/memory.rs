//! Memory, tl-codegen against grammers-tl-types 0.11.0: the peak heap of decoding 1,000,000 `userEmpty`
//! in a `Vector<User>` (12 MB of input), `size_of` the largest enums, and the peak heap of decoding the
//! classic attack inputs. A counting global allocator measures the peak, so this is apart from the timing
//! bench.
//!
//! Run with `cargo bench -p tl-full-schema --bench memory`.

use grammers_tl_types::{self as g, Deserializable};
use peak_alloc::PeakAlloc;
use tl_full_schema::layer230 as o;
use tl_runtime::{Deserialize, Identifiable, Serialize, VECTOR_ID};

#[global_allocator]
static ALLOCATOR: PeakAlloc = PeakAlloc;

fn main() {
    memory_report();
    attack_report();
}

/// Peak heap (bytes) added while `decode` runs.
fn peak_bytes<T>(decode: impl FnOnce() -> T) -> usize {
    let before = ALLOCATOR.current_usage();
    ALLOCATOR.reset_peak_usage();
    let result = decode();
    let peak = ALLOCATOR.peak_usage().saturating_sub(before);
    drop(result);
    peak
}

/// The peak heap of decoding hostile inputs, for both libraries (each input must fail to decode).
fn attack_report() {
    let id = |id: u32| id.to_le_bytes();
    // A Vector<User> announcing 0x7fffffff elements with 4 bytes behind it.
    let mut long_vector = id(VECTOR_ID).to_vec();
    long_vector.extend_from_slice(&0x7fff_ffffu32.to_le_bytes());
    long_vector.extend_from_slice(&id(o::types::UserEmpty::CONSTRUCTOR_ID));
    // upload.file whose bytes announce 16 MiB - 1 with nothing behind.
    let mut long_bytes = id(o::types::upload::File::CONSTRUCTOR_ID).to_vec();
    long_bytes.extend_from_slice(&id(o::types::storage::FileJpeg::CONSTRUCTOR_ID));
    long_bytes.extend_from_slice(&1_700_000_000i32.to_le_bytes());
    long_bytes.extend_from_slice(&[0xfe, 0xff, 0xff, 0xff]);
    // A million nested textBold (4 MB).
    let mut nested = Vec::with_capacity(4_000_004);
    for _ in 0..1_000_000 {
        nested.extend_from_slice(&id(o::types::TextBold::CONSTRUCTOR_ID));
    }
    nested.extend_from_slice(&id(o::types::TextEmpty::CONSTRUCTOR_ID));

    eprintln!("peak heap decoding attack inputs (tl-codegen / grammers-tl-types):");
    let ours = peak_bytes(|| Vec::<o::enums::User>::from_bytes(&long_vector).expect_err("too long"));
    let theirs = peak_bytes(|| Vec::<g::enums::User>::from_bytes(&long_vector).expect_err("too long"));
    eprintln!("  Vector count 0x7fffffff, 4 bytes behind: {ours} B / {theirs} B");
    let ours = peak_bytes(|| o::enums::upload::File::from_bytes(&long_bytes).expect_err("too long"));
    let theirs = peak_bytes(|| g::enums::upload::File::from_bytes(&long_bytes).expect_err("too long"));
    eprintln!("  bytes length 16 MiB - 1, nothing behind: {ours} B / {theirs} B");
    let ours = peak_bytes(|| o::enums::RichText::from_bytes(&nested).expect_err("too deep"));
    eprintln!("  1,000,000 nested textBold (4 MB): {ours} B / not run (grammers overflows its stack and aborts)");

    heavy_vector_report();

    let users = tl_full_schema::objects::users(1000).to_bytes();
    let ours = peak_bytes(|| o::enums::users::Users::from_bytes(&users).expect("decodes"));
    let theirs = peak_bytes(|| g::enums::users::Users::from_bytes(&users).expect("decodes"));
    let ratio = |peak: usize| peak as f64 / users.len() as f64;
    eprintln!(
        "peak heap decoding (c) users.users, 1000 full users ({} bytes of input): {ours} B ({:.2}x the input) / {theirs} B ({:.2}x)",
        users.len(),
        ratio(ours),
        ratio(theirs)
    );
}

/// Vectors whose count the input can hold but whose elements are large in memory and small on the wire:
/// junk behind the count (both libraries, for two named types), and for the six heaviest element types of
/// the model, junk and all-but-the-last elements decoding.
fn heavy_vector_report() {
    let model = tl_tests::samples::model_of(&[tl_tests::api_layer230(), tl_tests::mtproto()]);
    let sizes = tl_full_schema::boxed::layer230::SIZES;
    let min_size = |name: &str| {
        (model.types.iter())
            .find(|t| t.tl_name == name)
            .expect("a type")
            .min_size
    };
    let mib = 1 << 20;
    let bot_infos = tl_full_schema::attacks::vector_of_junk(min_size("BotInfo"), mib);
    let ours = peak_bytes(|| Vec::<o::enums::BotInfo>::from_bytes(&bot_infos).expect_err("junk"));
    let theirs = peak_bytes(|| Vec::<g::enums::BotInfo>::from_bytes(&bot_infos).expect_err("junk"));
    eprintln!("  Vector<BotInfo> count for 1 MiB of junk: {ours} B / {theirs} B");
    let transactions = tl_full_schema::attacks::vector_of_junk(min_size("WalletTransaction"), 4_000_000);
    let ours = peak_bytes(|| Vec::<o::enums::WalletTransaction>::from_bytes(&transactions).expect_err("junk"));
    let theirs = peak_bytes(|| Vec::<g::enums::WalletTransaction>::from_bytes(&transactions).expect_err("junk"));
    eprintln!("  Vector<WalletTransaction> count for 4 MB of junk: {ours} B / {theirs} B");
    eprintln!("  the heaviest vector elements of the model (tl-codegen only), 1 MiB each:");
    for element in tl_full_schema::attacks::heaviest_vector_elements(&model, sizes, 6) {
        let decode = tl_full_schema::boxed::layer230::vector_decoder(element.index).expect("a type");
        let junk = tl_full_schema::attacks::vector_of_junk(element.min_size, mib);
        let junk_peak = peak_bytes(|| decode(&mut tl_runtime::Reader::new(&junk)).expect_err("junk"));
        let count = (mib / element.min_size) as u32;
        let late = tl_full_schema::attacks::vector_failing_at_the_end(&model, element.index, count);
        let late_peak = peak_bytes(|| decode(&mut tl_runtime::Reader::new(&late)).expect_err("last"));
        eprintln!(
            "    Vector<{}> ({} B in memory, {} B at least on the wire): junk {junk_peak} B; \
             all but the last decode ({} B of input): {late_peak} B ({:.1}x the input)",
            element.name,
            element.size,
            element.min_size,
            late.len(),
            late_peak as f64 / late.len() as f64
        );
    }
}

/// Peak heap while decoding 1,000,000 `userEmpty` in a `Vector<User>` (12 MB of input), and enum sizes.
fn memory_report() {
    let count = 1_000_000u32;
    let mut bytes = Vec::with_capacity(8 + 12 * count as usize);
    bytes.extend_from_slice(&0x1cb5c415u32.to_le_bytes());
    bytes.extend_from_slice(&count.to_le_bytes());
    for id in 0..count {
        bytes.extend_from_slice(&0xd3bc4b7au32.to_le_bytes());
        bytes.extend_from_slice(&i64::from(id).to_le_bytes());
    }
    let mib = |bytes: usize| bytes as f64 / (1024.0 * 1024.0);
    let ours = mib(peak_bytes(|| {
        Vec::<o::enums::User>::from_bytes(&bytes).expect("decodes")
    }));
    let theirs = mib(peak_bytes(|| {
        Vec::<g::enums::User>::from_bytes(&bytes).expect("decodes")
    }));
    eprintln!(
        "peak heap decoding 1,000,000 userEmpty ({:.1} MB of input):",
        bytes.len() as f64 / 1e6
    );
    eprintln!(
        "  tl-codegen {ours:.1} MiB, grammers-tl-types {theirs:.1} MiB ({:.1}x less)",
        theirs / ours
    );
    eprintln!("size_of (tl-codegen / grammers-tl-types):");
    eprintln!(
        "  Updates {} / {}, Message {} / {}, User {} / {}",
        size_of::<o::enums::Updates>(),
        size_of::<g::enums::Updates>(),
        size_of::<o::enums::Message>(),
        size_of::<g::enums::Message>(),
        size_of::<o::enums::User>(),
        size_of::<g::enums::User>()
    );
}
