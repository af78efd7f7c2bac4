//! A client crate's `build.rs` meets a schema error: what `cargo build` shows is the rendered diagnostic
//! (file, line, column, snippet, hints naming `Config` methods), not `Debug` text.

use std::path::Path;
use std::process::Command;

#[test]
fn cargo_build_shows_the_rendered_diagnostics_of_a_build_script() {
    let fixture = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/build-script-error"
    ));
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("build-script-error");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "build",
            "--offline",
            "--locked",
            "--quiet",
            "--color",
            "never",
            "--manifest-path",
        ])
        .arg(fixture.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(&target)
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    assert!(!output.status.success(), "the fixture's build must fail");
    let stderr = String::from_utf8_lossy(&output.stderr);
    insta::assert_snapshot!(what_the_user_reads(&stderr));
}

/// Cargo's report from the failed build script on, without the paths and hashes of this machine.
fn what_the_user_reads(stderr: &str) -> String {
    let start = stderr
        .find("error: failed to run custom build command")
        .unwrap_or_else(|| panic!("no build script failure in:\n{stderr}"));
    let mut lines: Vec<&str> = stderr[start..]
        .lines()
        .filter(|line| !line.starts_with("note: To improve backtraces"))
        .collect();
    let failed = "error: failed to run custom build command for `build-script-error v0.0.0 (<path>)`";
    let exited = "  process didn't exit successfully: `<build script>` (exit status: 1)";
    for line in &mut lines {
        if line.starts_with("error: failed to run custom build command") {
            *line = failed;
        } else if line.contains("process didn't exit successfully") {
            *line = exited;
        }
    }
    lines.join("\n")
}

#[test]
fn a_build_script_does_not_compile_the_command_lines_dependencies() {
    let fixture = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/build-script-error"
    ));
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "tree",
            "--offline",
            "--locked",
            "--prefix",
            "none",
            "--edges",
            "normal,build",
        ])
        .arg("--manifest-path")
        .arg(fixture.join("Cargo.toml"))
        .output()
        .expect("cargo runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let tree = String::from_utf8_lossy(&output.stdout);
    assert!(tree.contains("tl-codegen v"), "{tree}");
    for cli_only in ["clap v", "toml v", "serde v", "similar v"] {
        assert!(
            !tree.contains(cli_only),
            "a build script compiles `{cli_only}`:\n{tree}"
        );
    }
}
