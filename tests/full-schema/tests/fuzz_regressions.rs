//! Replays, through the fuzz targets' own code (`tl_full_schema::fuzzing`), every committed seed in
//! `fuzz/seeds/<target>/` and every input that ever crashed a target, kept in `fuzz/regressions/<target>/`.
//! The decode seeds are valid encodings, so each must also decode.

use std::path::PathBuf;

use tl_full_schema::fuzzing;

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
    for (target, run, expected) in [
        ("decode_url_auth", fuzzing::decode_url_auth as fn(&[u8]) -> bool, 36),
        ("decode_layer230", fuzzing::decode_layer230, 1751),
    ] {
        let seeds = inputs("seeds", target);
        assert_eq!(
            seeds.len(),
            expected,
            "{target}: run `cargo run -p tl-full-schema --bin fuzz-seeds`"
        );
        for (path, bytes) in seeds {
            assert!(run(&bytes), "{} does not decode", path.display());
        }
    }
}

#[test]
fn every_seed_of_the_schema_targets_runs() {
    let seeds = inputs("seeds", "parse");
    assert!(seeds.len() >= 40, "{}", seeds.len());
    for (_, bytes) in &seeds {
        fuzzing::parse(bytes);
        fuzzing::codegen(bytes);
    }
}

#[test]
fn every_input_that_ever_crashed_a_target_is_handled() {
    type Target = fn(&[u8]);
    let targets: [(&str, Target); 4] = [
        ("parse", fuzzing::parse),
        ("codegen", fuzzing::codegen),
        ("decode_url_auth", |data| {
            fuzzing::decode_url_auth(data);
        }),
        ("decode_layer230", |data| {
            fuzzing::decode_layer230(data);
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
