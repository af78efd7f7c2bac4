//! Replays, through the fuzz targets' own code (`tl_full_schema::fuzzing`), every committed seed in
//! `fuzz/seeds/<target>/` and every input that ever crashed a target, kept in `fuzz/regressions/<target>/`.
//! The decode seeds are valid encodings, so each must also decode. The decode targets run with the same
//! heap check as under the fuzzer (a counting allocator), so these tests take turns.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use peak_alloc::PeakAlloc;
use tl_full_schema::fuzzing::{self, Decoded};

#[global_allocator]
static HEAP: PeakAlloc = PeakAlloc;

static TURN: Mutex<()> = Mutex::new(());

fn my_turn() -> MutexGuard<'static, ()> {
    TURN.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Runs a decode target as the fuzz target does: then its peak heap must be within what it read allows.
fn decode(target: fn(&[u8]) -> Decoded, bytes: &[u8]) -> Decoded {
    let before = HEAP.current_usage();
    HEAP.reset_peak_usage();
    let decoded = target(bytes);
    fuzzing::check_heap(HEAP.peak_usage().saturating_sub(before), decoded);
    decoded
}

fn inputs(kind: &str, target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let folder = tl_tests::workspace_root().join("fuzz").join(kind).join(target);
    let Ok(entries) = std::fs::read_dir(&folder) else {
        return Vec::new();
    };
    let mut inputs: Vec<(PathBuf, Vec<u8>)> = entries
        .map(|entry| entry.expect("a directory entry").path())
        .map(|path| {
            let bytes = std::fs::read(&path).expect("a readable input");
            (path, bytes)
        })
        .collect();
    inputs.sort();
    inputs
}

#[test]
fn every_seed_of_the_decoders_decodes_and_round_trips() {
    let _turn = my_turn();
    for (target, run, expected) in [
        ("decode_url_auth", fuzzing::decode_url_auth as fn(&[u8]) -> Decoded, 36),
        ("decode_layer230", fuzzing::decode_layer230, 1752),
    ] {
        let seeds = inputs("seeds", target);
        assert_eq!(
            seeds.len(),
            expected,
            "{target}: run `cargo run -p tl-full-schema --bin fuzz-seeds`"
        );
        for (path, bytes) in seeds {
            let decoded = decode(run, &bytes);
            assert!(decoded.decoded, "{} does not decode", path.display());
            assert_eq!(
                decoded.read,
                bytes.len() - 2,
                "{}: the seed is one whole value",
                path.display()
            );
        }
    }
}

#[test]
fn every_seed_of_the_schema_targets_runs() {
    let _turn = my_turn();
    let seeds = inputs("seeds", "parse");
    assert!(seeds.len() >= 40, "{}", seeds.len());
    for (_, bytes) in &seeds {
        fuzzing::parse(bytes);
        fuzzing::codegen(bytes);
    }
}

#[test]
fn every_input_that_ever_crashed_a_target_is_handled() {
    let _turn = my_turn();
    type Target = fn(&[u8]);
    let targets: [(&str, Target); 4] = [
        ("parse", fuzzing::parse),
        ("codegen", fuzzing::codegen),
        ("decode_url_auth", |data| {
            decode(fuzzing::decode_url_auth, data);
        }),
        ("decode_layer230", |data| {
            decode(fuzzing::decode_layer230, data);
        }),
    ];
    let mut replayed = 0;
    for (target, run) in targets {
        for (_, bytes) in inputs("regressions", target) {
            run(&bytes);
            replayed += 1;
        }
    }
    assert!(replayed >= 3, "the saved crashes are replayed: {replayed}");
}

/// The decode targets' oracles find both classes of the issue: a recursion no decoder counts (here
/// simulated by the stack check itself: a million nested values on the small stack must end in an error,
/// not an abort) and a reservation for elements the input only claims (a vector count with junk behind
/// it stays within the heap allowed for the few bytes read).
#[test]
fn the_decode_targets_survive_deep_nesting_and_claimed_counts() {
    let _turn = my_turn();
    let pick = |name: &str| {
        let index = (fuzzing::LAYER230_BOXED_TYPES.iter())
            .position(|t| *t == name)
            .expect("a boxed type");
        u16::try_from(index).expect("a selector").to_le_bytes().to_vec()
    };
    let mut nested = pick("JSONValue");
    for _ in 0..100_000 {
        nested.extend_from_slice(&0xf7444763u32.to_le_bytes()); // jsonArray
        nested.extend_from_slice(&tl_runtime::VECTOR_ID.to_le_bytes());
        nested.extend_from_slice(&1u32.to_le_bytes());
    }
    let decoded = decode(fuzzing::decode_layer230, &nested);
    assert!(!decoded.decoded && decoded.read < 64 * 12 + 12, "{decoded:?}");

    // updates#74ae4240 updates:Vector<Update> ...: 16,000 updates of at least 4 bytes fit the 64,000 bytes
    // behind the count, but are 1.15 MB of `Update` values; the first is junk.
    let mut claimed = pick("Updates");
    claimed.extend_from_slice(
        &<tl_full_schema::layer230::types::Updates as tl_runtime::Identifiable>::CONSTRUCTOR_ID.to_le_bytes(),
    );
    claimed.extend_from_slice(&tl_runtime::VECTOR_ID.to_le_bytes());
    claimed.extend_from_slice(&16_000u32.to_le_bytes());
    claimed.resize(claimed.len() + 64_000, 0xff);
    let decoded = decode(fuzzing::decode_layer230, &claimed);
    assert_eq!(
        decoded,
        Decoded {
            decoded: false,
            read: 12
        }
    );
}
