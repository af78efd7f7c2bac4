//! The example and a small user program run as a user runs them: child processes that load
//! libtonlibjson, call it, drop it and exit. Each must exit with status 0 and print what it says it
//! prints. Without the library or tonlib_api.tl they fail, naming `bash scripts/fetch-tonlib.sh`.

use std::process::{Command, Output};

/// Runs a binary of this package with `arguments` and the test's environment (TONLIB_PATH, the cache).
fn run(binary: &str, arguments: &[&str]) -> Output {
    Command::new(binary)
        .args(arguments)
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
fn the_example_unpacks_an_address_and_packs_it_back() {
    let address = "EQDtFpEwcFAEcRe5mLVh2N6C0x-_hJEM7W61_JLnSF74p4q2";
    let output = run(env!("CARGO_BIN_EXE_tonlib-client"), &[address]);
    let stdout = assert_success("tonlib-client", &output);
    for line in [
        "workchain   0",
        "account     ed1691307050047117b998b561d8de82d31fbf84910ced6eb5fc92e7485ef8a7",
        "bounceable  true",
        "testnet     false",
        &format!("packed back {address}"),
    ] {
        assert!(stdout.contains(line), "no {line:?} in:\n{stdout}");
    }
}

/// An address tonlib cannot read is tonlib's error, printed by `?` in `main`, and exit status 1.
#[test]
fn the_example_reports_a_bad_address_as_tonlibs_error() {
    let output = run(env!("CARGO_BIN_EXE_tonlib-client"), &["not-an-address"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("Error: the library answered error 400: "), "{stderr}");
}

#[test]
fn a_user_program_that_drops_the_library_and_its_client_exits_cleanly() {
    for _ in 0..5 {
        let output = run(env!("CARGO_BIN_EXE_tonlib-load-call-drop"), &[]);
        let stdout = assert_success("tonlib-load-call-drop", &output);
        let lines: Vec<&str> = stdout.lines().collect();
        assert_eq!(lines.len(), 3, "{stdout}");
        assert!(lines[0].starts_with("LogTags(LogTags { tags: ["), "{stdout}");
        assert!(lines[1].starts_with("Key { public_key: \"P"), "{stdout}");
        assert!(
            lines[2].starts_with("AccountAddress(AccountAddress { account_address: \"EQ"),
            "{stdout}"
        );
    }
}

/// What `?` in `main` prints is the error's readable text: every place looked at and the script to run.
#[test]
fn a_missing_library_is_explained_where_the_user_meets_it() {
    let binary = env!("CARGO_BIN_EXE_tonlib-load-call-drop");
    let output = Command::new(binary)
        .env("TONLIB_CACHE", "/nonexistent/tonlib-cache")
        .env_remove("LD_LIBRARY_PATH")
        .env_remove("TONLIB_PATH")
        .output()
        .unwrap_or_else(|error| panic!("cannot start {binary}: {error}"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    for said in [
        "Error: libtonlibjson not found; looked at:",
        "TONLIB_PATH is not set",
        "/nonexistent/tonlib-cache/libtonlibjson.so does not exist",
        "the system's library search for libtonlibjson.so",
        "run `bash scripts/fetch-tonlib.sh`",
    ] {
        assert!(stderr.contains(said), "no {said:?} in:\n{stderr}");
    }
}
