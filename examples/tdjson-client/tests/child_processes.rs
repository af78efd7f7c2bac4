//! The example and a small user program run as a user runs them: child processes that load libtdjson,
//! call it, drop it and exit. Each must exit with status 0 and print what it says it prints. Without the
//! library or td_api.tl they fail, naming `bash scripts/fetch-tdjson.sh`.

use std::process::{Command, Output};

/// Runs a binary of this package with the test's environment (TDJSON_PATH, the fetch cache).
fn run(binary: &str) -> Output {
    Command::new(binary)
        .output()
        .unwrap_or_else(|error| panic!("cannot start {binary}: {error}"))
}

/// The exit status is 0, with both outputs shown when it is not (a signal shows as no code).
fn assert_success(name: &str, output: &Output) -> String {
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "{name} exited with {:?} (a signal if None)\nstdout:\n{stdout}\nstderr:\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

#[test]
fn the_example_prints_the_version_and_the_entities_then_exits_cleanly() {
    let output = run(env!("CARGO_BIN_EXE_tdjson-client"));
    let stdout = assert_success("tdjson-client", &output);
    let version = format!("TDLib {}\n", tl_tdjson::FETCHED_TDLIB_VERSION);
    assert!(stdout.starts_with(&version), "{stdout}");
    for entity in [
        r#""https://example.org": Url"#,
        r#""@durov": Mention"#,
        r##""#tl": Hashtag"##,
    ] {
        assert!(stdout.contains(entity), "no {entity} in:\n{stdout}");
    }
}

#[test]
fn a_user_program_that_drops_the_library_exits_cleanly() {
    for _ in 0..3 {
        let output = run(env!("CARGO_BIN_EXE_load-call-drop"));
        let stdout = assert_success("load-call-drop", &output);
        let version = format!(
            "String(OptionValueString {{ value: \"{}\" }})",
            tl_tdjson::FETCHED_TDLIB_VERSION
        );
        assert_eq!(stdout.trim(), version);
    }
}
