//! Generation by roots, and the bundled `schema/url_auth.tl` being exactly the closure of its roots.

use std::path::Path;
use std::process::Command;

use tl_codegen::roots::closure;
use tl_parser::{Category, ParseOptions, SourceFile, parse};

const URL_AUTH_ROOTS: [&str; 7] = [
    "keyboardButtonUrlAuth",
    "inputKeyboardButtonUrlAuth",
    "messages.requestUrlAuth",
    "messages.acceptUrlAuth",
    "urlAuthResultRequest",
    "urlAuthResultAccepted",
    "urlAuthResultDefault",
];

fn root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
}

fn bundled() -> SourceFile {
    SourceFile::read(root().join("schema/url_auth.tl")).expect("the bundled schema")
}

#[test]
fn bundled_schema_is_closed_under_its_roots() {
    let files = [bundled()];
    let schema = parse(&files, &ParseOptions::new())
        .into_result()
        .expect("a valid schema");
    assert_eq!(schema.layer, Some(221));
    let reached = closure(&schema, &URL_AUTH_ROOTS).expect("known roots");
    assert_eq!(reached.len(), schema.definitions.len());
    let constructors = reached.iter().filter(|d| d.category == Category::Type).count();
    // 36 constructors the roots reach, plus the `vector` built-in; 2 functions.
    assert_eq!((constructors, reached.len() - constructors), (37, 2));
    let mut types: Vec<&str> = reached
        .iter()
        .filter(|d| d.category == Category::Type)
        .map(|d| d.result.name)
        .collect();
    types.dedup();
    types.sort();
    types.dedup();
    assert_eq!(
        types,
        [
            "EmojiStatus",
            "InputPeer",
            "InputUser",
            "KeyboardButton",
            "PeerColor",
            "RecentStory",
            "RestrictionReason",
            "UrlAuthResult",
            "User",
            "UserProfilePhoto",
            "UserStatus",
            "Username",
            "Vector"
        ]
    );
}

#[test]
fn a_type_root_brings_every_constructor_and_a_constructor_root_only_itself() {
    let files = [bundled()];
    let schema = parse(&files, &ParseOptions::new())
        .into_result()
        .expect("a valid schema");
    let names = |roots: &[&str]| -> Vec<&str> {
        closure(&schema, roots)
            .expect("known roots")
            .iter()
            .map(|d| d.name.full)
            .collect()
    };
    assert_eq!(names(&["UserStatus"]).len(), 6);
    let result = names(&["UrlAuthResult"]);
    for name in [
        "urlAuthResultRequest",
        "urlAuthResultAccepted",
        "urlAuthResultDefault",
        "user",
        "username",
    ] {
        assert!(result.contains(&name), "{name} is reached from UrlAuthResult");
    }
    assert!(
        !result.contains(&"keyboardButtonUrlAuth"),
        "a root type does not bring its siblings' types"
    );
    assert_eq!(names(&["urlAuthResultAccepted"]), ["urlAuthResultAccepted"]);
    // InputPeer is recursive (inputPeerUserFromMessage holds an InputPeer): the walk still ends.
    assert_eq!(names(&["InputPeer"]).len(), 7);
}

#[test]
fn unknown_roots_are_an_error_with_suggestions() {
    let files = [bundled()];
    let schema = parse(&files, &ParseOptions::new())
        .into_result()
        .expect("a valid schema");
    let error = closure(&schema, &["messages.requestUrlAth", "nothingLikeIt"]).expect_err("unknown roots");
    assert_eq!(error.unknown[0].1, ["messages.requestUrlAuth"]);
    assert!(error.unknown[1].1.is_empty());
    let message = error.to_string();
    assert!(message.contains("unknown root `messages.requestUrlAth`"));
    assert!(message.contains("did you mean `messages.requestUrlAuth`?"));
}

/// The checked-in `schema/url_auth.tl` is what the repository's project file makes from layer 221 now
/// (needs ../shared; the job is skipped without it), and `generated/` what it makes from that.
#[test]
fn bundled_schema_is_fresh() {
    let layer221 = root().join("../shared/schema/api-layer221.tl");
    if !layer221.is_file() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have ../shared/schema/api-layer221.tl"
        );
        return;
    }
    let project = std::fs::read_to_string(root().join("tl-codegen.toml")).expect("the project file");
    for name in URL_AUTH_ROOTS {
        assert!(
            project.contains(&format!("\"{name}\"")),
            "tl-codegen.toml lacks the root {name}"
        );
    }
    let status = Command::new(env!("CARGO_BIN_EXE_tl-codegen"))
        .current_dir(root())
        .arg("--check")
        .status()
        .expect("the CLI runs");
    assert!(
        status.success(),
        "schema/url_auth.tl or generated/ is stale: run `cargo run -p tl-codegen`"
    );
}

#[test]
fn check_mode_never_writes_and_fails_when_stale() {
    let dir = std::env::temp_dir().join(format!("tl-codegen-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let out = dir.join("subset.tl");
    let run = |check: bool| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_tl-codegen"));
        command
            .current_dir(root())
            .args([
                "--schema",
                "schema/url_auth.tl",
                "--roots",
                "urlAuthResultAccepted",
                "--emit-tl",
            ])
            .arg(&out);
        if check {
            command.arg("--check");
        }
        command.status().expect("the CLI runs").success()
    };
    assert!(!run(true), "a missing file is stale");
    assert!(!out.exists(), "--check wrote a file");
    assert!(run(false));
    let written = std::fs::metadata(&out).and_then(|m| m.modified()).expect("written");
    assert!(run(true), "fresh after writing");
    assert!(run(false));
    assert_eq!(
        std::fs::metadata(&out).and_then(|m| m.modified()).expect("still there"),
        written,
        "rewrote an unchanged file"
    );
    std::fs::remove_dir_all(&dir).ok();
}
