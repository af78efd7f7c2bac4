//! Memory, tl-codegen against grammers-tl-types 0.11.0: the peak heap of decoding 1,000,000 `userEmpty`
//! in a `Vector<User>` (12 MB of input), and `size_of` the largest enums. A counting global allocator
//! measures the peak, so this is apart from the timing bench.
//!
//! Run with `cargo bench -p tl-full-schema --bench memory`.

use grammers_tl_types::{self as g, Deserializable};
use peak_alloc::PeakAlloc;
use tl_full_schema::layer230 as o;
use tl_runtime::Deserialize;

#[global_allocator]
static ALLOCATOR: PeakAlloc = PeakAlloc;

fn main() {
    memory_report();
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
    let peak = |decode: &dyn Fn() -> usize| {
        ALLOCATOR.reset_peak_usage();
        let before = ALLOCATOR.current_usage();
        let decoded = decode();
        assert_eq!(decoded, count as usize);
        (ALLOCATOR.peak_usage() - before) as f64 / (1024.0 * 1024.0)
    };
    let ours = peak(&|| Vec::<o::enums::User>::from_bytes(&bytes).expect("decodes").len());
    let theirs = peak(&|| Vec::<g::enums::User>::from_bytes(&bytes).expect("decodes").len());
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
