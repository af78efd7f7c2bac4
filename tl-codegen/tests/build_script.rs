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
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("user-crates");
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

/// The README's build path compiles the generator and its parser, nothing of the command's: neither the
/// command line's crates nor the formatter (syn, prettyplease), the diff's JSON, or a temporary-file crate.
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
    let cli_only = [
        "clap v",
        "toml v",
        "serde v",
        "similar v",
        "syn v",
        "prettyplease v",
        "serde_json v",
    ];
    for cli_only in cli_only.into_iter().chain(["tempfile v", "rustix v"]) {
        assert!(
            !tree.contains(cli_only),
            "a build script compiles `{cli_only}`:\n{tree}"
        );
    }
}

/// A user's crate, written here as a user writes it, builds without a warning under `#![deny(warnings)]`
/// with the generated code in private modules, each way the README shows: `include_tl!` of the build
/// script's output (binary and TDLib's JSON form), and the command's `out = DIR` declared as `mod DIR;`.
#[test]
fn generated_code_in_private_modules_builds_without_a_warning() {
    let repository = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    let repository = repository.canonicalize().expect("the repository");
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("private-modules");
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(scratch.join("src")).expect("a scratch crate");
    let write = |path: &str, text: String| std::fs::write(scratch.join(path), text).expect("write");
    write("Cargo.toml", scratch_manifest(&repository));
    std::fs::copy(repository.join("Cargo.lock"), scratch.join("Cargo.lock")).expect("the lock file");
    let schema = repository.join("schema/url_auth.tl");
    write(
        "build.rs",
        format!(
            "fn main() -> Result<(), Box<dyn std::error::Error>> {{\n    \
             tl_codegen::Config::new().schema({schema:?}).compile()?;\n    \
             tl_codegen::Config::new().schema({schema:?}).file_name(\"json.rs\").tdjson().compile()?;\n    \
             tl_codegen::Config::new().schema({schema:?}).file_name(\"split.rs\").split_by_namespace().compile()?;\n    \
             Ok(())\n}}\n"
        ),
    );
    write(
        "src/lib.rs",
        "//! A user's crate.\n#![deny(warnings)]\n\nmod tl {\n    tl_runtime::include_tl!(\"url_auth\");\n}\n\n\
         mod json {\n    tl_runtime::include_tl!(\"json\");\n}\n\nmod split {\n    tl_runtime::include_tl!(\"split\");\n}\n\n\
         mod cli_tl;\n\nmod cli_split;\n\n\
         /// Something of the user's own.\npub fn answer() -> u32 {\n    42\n}\n"
            .to_string(),
    );
    let command = Command::new(env!("CARGO_BIN_EXE_tl-codegen"))
        .arg("--schema")
        .arg(&schema)
        .args(["--out", "src/cli_tl"])
        .current_dir(&scratch)
        .output()
        .expect("tl-codegen runs");
    assert!(command.status.success(), "{}", String::from_utf8_lossy(&command.stderr));
    assert!(
        scratch.join("src/cli_tl/mod.rs").is_file(),
        "`out = DIR` writes DIR/mod.rs"
    );
    let split = Command::new(env!("CARGO_BIN_EXE_tl-codegen"))
        .arg("--schema")
        .arg(&schema)
        .args(["--split", "--out", "src/cli_split"])
        .current_dir(&scratch)
        .output()
        .expect("tl-codegen runs");
    assert!(split.status.success(), "{}", String::from_utf8_lossy(&split.stderr));
    assert!(scratch.join("src/cli_split/url_auth/functions/messages.rs").is_file());
    let output = cargo(&["build", "--offline", "--color", "never"], &scratch.join("Cargo.toml"))
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(!stderr.contains("warning"), "{stderr}");
}

/// The manifest of the scratch crate: the repository's crates by path, as a user's would name them.
fn scratch_manifest(repository: &Path) -> String {
    let path = |name: &str| format!("{:?}", repository.join(name));
    format!(
        "[package]\nname = \"private-modules\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
         [workspace]\n\n[dependencies]\ntl-runtime = {{ path = {}, features = [\"tdjson\"] }}\n\n\
         [build-dependencies]\ntl-codegen = {{ path = {}, default-features = false }}\n",
        path("tl-runtime"),
        path("tl-codegen"),
    )
}

/// `cargo ARGS --manifest-path MANIFEST`, into the target folder the user crates of these tests share.
fn cargo(args: &[&str], manifest: &Path) -> Command {
    let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command
        .args(args)
        .arg("--manifest-path")
        .arg(manifest)
        .arg("--target-dir")
        .arg(Path::new(env!("CARGO_TARGET_TMPDIR")).join("user-crates"))
        .env_remove("RUSTFLAGS");
    command
}

/// The layout docs/build-rs.md shows for short rebuilds: the generated types in a crate of their own
/// (`tl-types`, with the build.rs and `include_tl!` at its root), the user's program in another. The
/// program runs, and editing it recompiles only it: cargo finds `tl-types` fresh.
#[test]
fn the_documented_workspace_layout_rebuilds_only_the_users_crate() {
    let repository = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    let repository = repository.canonicalize().expect("the repository");
    let path = |name: &str| format!("{:?}", repository.join(name));
    let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("workspace-layout");
    let _ = std::fs::remove_dir_all(&scratch);
    let write = |file: &str, text: String| {
        let file = scratch.join(file);
        std::fs::create_dir_all(file.parent().expect("a folder")).expect("a folder");
        std::fs::write(file, text).expect("write");
    };
    let package = |name: &str| format!("[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\n");
    let runtime = format!("tl-runtime = {{ path = {} }}\n", path("tl-runtime"));
    write(
        "Cargo.toml",
        "[workspace]\nmembers = [\"app\", \"tl-types\"]\nresolver = \"3\"\n".into(),
    );
    let codegen = format!(
        "tl-codegen = {{ path = {}, default-features = false }}\n",
        path("tl-codegen")
    );
    write(
        "tl-types/Cargo.toml",
        format!(
            "{}[dependencies]\n{runtime}[build-dependencies]\n{codegen}",
            package("tl-types")
        ),
    );
    let schema = repository.join("schema/url_auth.tl");
    write(
        "tl-types/build.rs",
        format!(
            "fn main() -> Result<(), Box<dyn std::error::Error>> {{\n    tl_codegen::Config::new().schema({schema:?}).compile()?;\n    Ok(())\n}}\n"
        ),
    );
    write("tl-types/src/lib.rs", "tl_runtime::include_tl!(\"url_auth\");\n".into());
    let app = format!(
        "{}[dependencies]\n{runtime}tl-types = {{ path = \"../tl-types\" }}\n",
        package("app")
    );
    write("app/Cargo.toml", app);
    let main = "use tl_types::{functions, types};\n\nfn main() {\n    \
                let request = functions::messages::AcceptUrlAuth { url: Some(\"https://example.org\".into()), ..Default::default() };\n    \
                let _ = types::UrlAuthResultAccepted::default();\n    \
                println!(\"{}\", tl_runtime::Serialize::to_bytes(&request).len());\n}\n";
    write("app/src/main.rs", main.into());
    std::fs::copy(repository.join("Cargo.lock"), scratch.join("Cargo.lock")).expect("the lock file");
    let manifest = scratch.join("Cargo.toml");
    let run = cargo(&["run", "--offline", "-q", "-p", "app"], &manifest)
        .output()
        .expect("cargo runs");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    assert!(
        !String::from_utf8_lossy(&run.stdout).trim().is_empty(),
        "the program prints its request's size"
    );
    write("app/src/main.rs", format!("{main}// an edit of the user's\n"));
    let rebuild = cargo(&["build", "--offline", "-v", "-p", "app"], &manifest)
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&rebuild.stderr);
    assert!(rebuild.status.success(), "{stderr}");
    assert!(stderr.contains("Fresh tl-types"), "{stderr}");
    assert!(stderr.contains("Compiling app"), "{stderr}");
    assert!(
        !stderr.contains("Compiling tl-types") && !stderr.contains("build-script-build"),
        "{stderr}"
    );
}
