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

/// Runs a binary of this package where no libtdjson is to be found.
fn run_without_library(binary: &str, path: Option<&str>) -> Output {
    let mut command = Command::new(binary);
    command
        .env("TDJSON_CACHE", "/nonexistent/tdjson-cache")
        .env_remove("LD_LIBRARY_PATH")
        .env_remove("TDJSON_PATH");
    if let Some(path) = path {
        command.env("TDJSON_PATH", path);
    }
    command
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
    // Ten runs: before clients closed their instance on drop, about one run in ten aborted at exit.
    for _ in 0..10 {
        let output = run(env!("CARGO_BIN_EXE_load-call-drop"));
        let stdout = assert_success("load-call-drop", &output);
        let version = format!(
            "String(OptionValueString {{ value: \"{}\" }})",
            tl_tdjson::FETCHED_TDLIB_VERSION
        );
        assert_eq!(stdout.trim(), version);
    }
}

/// What `?` in `main` prints is the error's readable text: every place looked at and the script to run;
/// a `TDJSON_PATH` that leads nowhere is named with the loader's reason.
#[test]
fn a_missing_library_is_explained_where_the_user_meets_it() {
    let binary = env!("CARGO_BIN_EXE_load-call-drop");
    let output = run_without_library(binary, None);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    for said in [
        "Error: libtdjson not found; looked at:",
        "TDJSON_PATH is not set",
        "/nonexistent/tdjson-cache/libtdjson.so does not exist",
        "the system's library search for libtdjson.so",
        "run `bash scripts/fetch-tdjson.sh`",
    ] {
        assert!(stderr.contains(said), "no {said:?} in:\n{stderr}");
    }
    let output = run_without_library(binary, Some("/nonexistent/libtdjson.so"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.starts_with("Error: cannot load the library `/nonexistent/libtdjson.so`: "),
        "{stderr}"
    );
}

/// `cargo run -p tdjson-client`, as the README writes it, picks the example among the package's two
/// binaries: the package names it as its `default-run`.
#[test]
fn cargo_run_without_bin_runs_the_example() {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "metadata",
            "--offline",
            "--no-deps",
            "--format-version",
            "1",
            "--manifest-path",
        ])
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"))
        .output()
        .expect("cargo runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).expect("cargo's JSON");
    let packages = metadata["packages"].as_array().expect("packages");
    let example = packages
        .iter()
        .find(|p| p["name"] == "tdjson-client")
        .expect("the example");
    assert_eq!(example["default_run"], "tdjson-client");
}
