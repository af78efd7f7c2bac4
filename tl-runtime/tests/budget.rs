//! One reservation budget per decode: vectors nested in vectors, each with a count that fits the input,
//! reserve at most `MAX_VECTOR_RESERVATION` bytes all together before their elements decode, not that
//! much each. A counting allocator measures the peak heap.

use std::sync::{Mutex, MutexGuard};

use peak_alloc::PeakAlloc;
use tl_runtime::{MAX_VECTOR_RESERVATION, Reader, Result, read_bare_vector};

#[global_allocator]
static ALLOCATOR: PeakAlloc = PeakAlloc;

/// The allocator counts every thread, so the tests of this file take turns: each holds this lock.
static TURN: Mutex<()> = Mutex::new(());

fn my_turn() -> MutexGuard<'static, ()> {
    TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A large Rust value with a small encoding (4 bytes), as an enum of a large variant can be.
type Heavy = [u8; 1024];

/// Reads the 4 bytes `07 07 07 07` as a heavy value; anything else is an error.
fn read_heavy(reader: &mut Reader<'_>) -> Result<Heavy> {
    reader.expect_id(0x0707_0707, "Heavy").map(|()| [0; 1024])
}

/// `depth` bare vectors one inside the other, each element of the outer ones a heavy value beside the
/// vector inside it.
fn read_nested(reader: &mut Reader<'_>, depth: usize) -> Result<(Heavy, Vec<Heavy>)> {
    if depth == 1 {
        return read_bare_vector(reader, 4, read_heavy).map(|inner| ([0; 1024], inner));
    }
    let outer = read_bare_vector(reader, 4, |reader| read_nested(reader, depth - 1))?;
    Ok(([0; 1024], outer.into_iter().flat_map(|(_, inner)| inner).collect()))
}

/// `len` bytes that claim, at each of `depth` levels, as many elements as the input left can hold, then
/// hold four good elements and junk: every vector's count fits, and the decode fails at the bottom.
fn hostile(depth: usize, len: usize) -> Vec<u8> {
    let mut bytes = Vec::with_capacity(len);
    for level in 0..depth {
        let left = len - 4 * (level + 1);
        bytes.extend_from_slice(&u32::try_from(left / 4).expect("small").to_le_bytes());
    }
    bytes.extend_from_slice(&[7; 16]);
    bytes.resize(len, 0);
    bytes
}

/// The peak heap a decode adds, in bytes, and whether it failed: the least of three runs, since the test
/// harness's own thread may allocate meanwhile (printing a finished test), and that only ever adds.
fn peak_of(bytes: &[u8], depth: usize) -> (usize, bool) {
    let mut least = (usize::MAX, false);
    for _ in 0..3 {
        let before = ALLOCATOR.current_usage();
        ALLOCATOR.reset_peak_usage();
        let failed = read_nested(&mut Reader::new(bytes), depth).is_err();
        least = least.min((ALLOCATOR.peak_usage().saturating_sub(before), failed));
    }
    least
}

#[test]
fn nested_vectors_whose_counts_fit_the_input_share_one_budget() {
    let _turn = my_turn();
    for depth in [2, 3, 5] {
        let len = 8 * 1024;
        let bytes = hostile(depth, len);
        let (peak, failed) = peak_of(&bytes, depth);
        assert!(failed, "the input ends before the elements it claims");
        let bound = MAX_VECTOR_RESERVATION + 4 * len;
        assert!(
            peak <= bound,
            "{depth} levels: {peak} bytes of heap for {len} bytes of input (bound {bound})"
        );
    }
}

#[test]
fn vectors_one_after_another_each_reserve_again() {
    let _turn = my_turn();
    // Two vectors of 8 heavy values each, in a vector of two: every reservation given back once its
    // elements decode, so the second is reserved whole too, and the decode succeeds.
    let mut bytes = 2u32.to_le_bytes().to_vec();
    for _ in 0..2 {
        bytes.extend_from_slice(&8u32.to_le_bytes());
        bytes.extend_from_slice(&[7; 32]);
    }
    let mut reader = Reader::new(&bytes);
    let (_, all) = read_nested(&mut reader, 2).expect("decodes");
    assert_eq!(all.len(), 16);
    reader.finish().expect("every byte read");
    // What is left of the budget after them is all of it.
    assert_eq!(reader.reserve::<u8>(usize::MAX), MAX_VECTOR_RESERVATION);
}
