//! JSON schemas as input: mtcute's `api-schema.json` and `mtp-schema.json` (fetched by
//! `bash scripts/fetch-telegram-data.sh`) and Telegram's schema JSON are read as the TL lines they stand for.
//! Every id is checked against its TL hash, the shapes equal those of the `.tl` route where both have a
//! definition, and the same definitions generate the same code from JSON as from `.tl`.

use std::collections::HashMap;

use tl_codegen::{Config, read_sources};
use tl_parser::{ParseOptions, SourceFile, parse};
use tl_tests::{api_layer230, mtcute, workspace_root};

const URL_AUTH_ROOTS: [&str; 2] = ["messages.requestUrlAuth", "messages.acceptUrlAuth"];

/// The names whose written id is not their hash, from the warnings of parsing `files`.
fn id_mismatches(files: &[SourceFile]) -> Vec<String> {
    let parsed = parse(files, &ParseOptions::new());
    assert!(!parsed.diagnostics.has_errors(), "{}", parsed.diagnostics.render(files));
    let mut names: Vec<String> = (parsed.diagnostics.iter())
        .filter(|d| d.message.contains("is not its hash"))
        .map(|d| d.message.split('`').nth(1).expect("a quoted name").to_string())
        .collect();
    names.sort();
    names
}

#[test]
fn every_mtcute_id_is_its_tl_hash_but_mtcutes_own_and_legacy_ones() {
    let files = read_sources(&[mtcute::file("api-schema.json"), mtcute::file("mtp-schema.json")]).expect("read");
    assert_eq!(
        id_mismatches(&files),
        [
            "inputPeerPhotoFileLocationLegacy",
            "inputStickerSetThumbLegacy",
            "mtcute.customMethod"
        ],
        "mtcute keeps two legacy constructors of old layers and one method of its own, with ids that are not TL hashes"
    );
    let parsed = parse(&files, &ParseOptions::new());
    assert_eq!(parsed.schema.layer, Some(223));
    assert_eq!(
        parsed.schema.definitions.len(),
        2315 + 42,
        "api-schema.json's entries and mtp-schema.json's"
    );
}

#[test]
fn mtcute_shapes_equal_layer_230s_where_the_ids_are_the_same() {
    let json = read_sources(&[mtcute::file("api-schema.json")]).expect("read");
    let tl = [api_layer230()];
    let (json, tl) = (parse(&json, &ParseOptions::new()), parse(&tl, &ParseOptions::new()));
    let by_id: HashMap<u32, String> = (tl.schema.definitions.iter())
        .filter_map(|d| Some((d.explicit_id?, without_true_flags(&d.to_string()))))
        .collect();
    let mut same = 0;
    for definition in &json.schema.definitions {
        if let Some(line) = definition.explicit_id.and_then(|id| by_id.get(&id)) {
            assert_eq!(
                &without_true_flags(&definition.to_string()),
                line,
                "the same id, a different shape"
            );
            same += 1;
        }
    }
    assert!(
        same > 2000,
        "only {same} definitions of layer 223 kept their id in layer 230"
    );
}

/// A definition's line without its `flags.N?true` params: Telegram adds those without a new id (the hash
/// leaves them out), so two layers may differ there under one id.
fn without_true_flags(line: &str) -> String {
    let words = line
        .split(' ')
        .filter(|word| !(word.contains('?') && word.ends_with("?true")));
    words.collect::<Vec<_>>().join(" ")
}

/// Generates `schema` with the url-auth roots; the source without its first (header) line.
fn url_auth_code(schema: &std::path::Path) -> String {
    let generated = Config::new()
        .schema(schema)
        .roots(URL_AUTH_ROOTS)
        .generate()
        .expect("generates");
    generated.source.split_once('\n').expect("a header").1.to_string()
}

#[test]
fn json_and_its_tl_print_generate_the_same_code() {
    let dir = tempfile_dir("json-and-tl");
    let tl = dir.join("api.tl");
    let printed = Config::new()
        .schema(mtcute::file("api-schema.json"))
        .generate_tl()
        .expect("prints");
    std::fs::write(&tl, &printed.text).expect("write");
    assert!(printed.text.contains(
        "messages.requestUrlAuth#894cc99c flags:# peer:flags.1?InputPeer msg_id:flags.1?int \
         button_id:flags.1?int url:flags.2?string in_app_origin:flags.3?string = UrlAuthResult;"
    ));
    assert_same_lines(&url_auth_code(&mtcute::file("api-schema.json")), &url_auth_code(&tl));
}

/// `schema/url_auth.tl` written as Telegram's schema JSON (ids as signed decimal strings).
fn telegram_json_of_url_auth() -> String {
    let text = std::fs::read_to_string(workspace_root().join("schema/url_auth.tl")).expect("url_auth.tl");
    let (mut constructors, mut methods, mut functions) = (Vec::new(), Vec::new(), false);
    for line in text.lines().map(str::trim) {
        if line == "---functions---" {
            functions = true;
        }
        if line.starts_with("vector#") {
            // Telegram's JSON writes the built-in as it is on its site.
            constructors.push(r#"{"id":"481674261","predicate":"vector","params":[],"type":"Vector t"}"#.to_string());
            continue;
        }
        let Some((left, result)) = line.strip_suffix(';').and_then(|l| l.split_once(" = ")) else {
            continue;
        };
        let mut words = left.split(' ');
        let (name, id) = words.next().and_then(|w| w.split_once('#')).expect("name#id");
        let params: Vec<String> = (words.map(|w| w.split_once(':').expect("name:type")))
            .map(|(n, t)| format!(r#"{{"name":"{n}","type":"{t}"}}"#))
            .collect();
        let id = u32::from_str_radix(id, 16).expect("hex id") as i32;
        let key = if functions { "method" } else { "predicate" };
        let entry = format!(
            r#"{{"id":"{id}","{key}":"{name}","params":[{}],"type":"{result}"}}"#,
            params.join(",")
        );
        if functions {
            methods.push(entry)
        } else {
            constructors.push(entry)
        }
    }
    format!(
        r#"{{"constructors":[{}],"methods":[{}]}}"#,
        constructors.join(","),
        methods.join(",")
    )
}

#[test]
fn telegram_schema_json_generates_what_its_tl_does() {
    let dir = tempfile_dir("telegram-json");
    let json = dir.join("url_auth.json");
    std::fs::write(&json, telegram_json_of_url_auth()).expect("write");
    let from_tl = url_auth_code(&workspace_root().join("schema/url_auth.tl"));
    // Telegram's JSON names no layer: the `.tl` file's `LAYER` constant is the one difference.
    let layer = "/// The schema layer these definitions come from.\n#[allow(dead_code)]\npub const LAYER: i32 = 221;\n";
    assert!(from_tl.contains(layer));
    assert_same_lines(&url_auth_code(&json), &from_tl.replacen(layer, "", 1));
    assert!(id_mismatches(&read_sources(&[&json]).expect("read")).is_empty());
}

#[test]
fn a_malformed_json_schema_is_a_readable_error() {
    let dir = tempfile_dir("malformed");
    let json = dir.join("api.json");
    std::fs::write(&json, "{\"e\": [\n  {\"kind\": \"class\", \"name\": 12}\n]}").expect("write");
    let error = Config::new()
        .schema(&json)
        .generate()
        .expect_err("not a schema")
        .to_string();
    assert!(error.contains("e[0].name: expected a string"), "{error}");
    std::fs::write(&json, "{\"e\": [\n  {\"kind\": ,}\n]}").expect("write");
    let error = Config::new()
        .schema(&json)
        .generate()
        .expect_err("not JSON")
        .to_string();
    assert!(error.contains("api.json:2:") && error.contains("not JSON"), "{error}");
}

/// `left` and `right` are the same text; else fails at the first line that differs.
fn assert_same_lines(left: &str, right: &str) {
    for (number, (l, r)) in left.lines().zip(right.lines()).enumerate() {
        assert_eq!(l, r, "line {} differs", number + 1);
    }
    assert_eq!(left.lines().count(), right.lines().count());
}

/// A fresh folder under the target directory for one test.
fn tempfile_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("tl-json-schemas-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn a_hostile_docs_source_is_escaped_never_broken_rust() {
    let dir = tempfile_dir("hostile-docs");
    let docs = dir.join("docs.json");
    let comment = "Ends */ here, <script>x</script> `tick` [x](y) <bot> &bogus; {@link Nowhere} <a href=\"javascript:(1)\">a (link)</a><br>- not a list";
    let entry = serde_json::json!([{"kind": "class", "name": "urlAuthResultDefault", "type": "UrlAuthResult",
        "id": 0xa9d6db1f_u32, "arguments": [], "comment": comment}]);
    std::fs::write(&docs, entry.to_string()).expect("write");
    let generated = Config::new()
        .schema(workspace_root().join("schema/url_auth.tl"))
        .docs(&docs)
        .generate()
        .expect("hostile docs are text, not an error");
    // The output was parsed and formatted (prettyplease), so it is Rust; its docs are escaped Markdown.
    let line = (generated.source.lines())
        .find(|line| line.contains(r"Ends \*/ here"))
        .expect("the description");
    assert!(
        line.contains(r"\<script\>x\</script\> \`tick\` \[x\](y) \<bot\> \&bogus; `Nowhere`"),
        "{line}"
    );
    // A link that is not to the web is its text only.
    assert!(
        line.ends_with("a (link)") && !generated.source.contains("javascript"),
        "{line}"
    );
    assert!(generated.source.contains(r"/// \- not a list"));
}

#[test]
fn a_docs_source_that_is_not_one_is_a_readable_error() {
    let dir = tempfile_dir("bad-docs");
    let docs = dir.join("docs.json");
    let schema = workspace_root().join("schema/url_auth.tl");
    std::fs::write(&docs, r#"{"constructors": []}"#).expect("write");
    let error = Config::new()
        .schema(&schema)
        .docs(&docs)
        .generate()
        .expect_err("not docs")
        .to_string();
    assert!(
        error.contains("docs.json") && error.contains("a docs source is mtcute's api-schema.json"),
        "{error}"
    );
    std::fs::write(&docs, r#"[{"kind": "class", "comment": "no name"}]"#).expect("write");
    let error = Config::new()
        .schema(&schema)
        .docs(&docs)
        .generate()
        .expect_err("no name")
        .to_string();
    assert!(error.contains("[0].name: expected a string"), "{error}");
}

#[test]
fn pyrograms_error_lists_give_typed_errors() {
    let mut config = Config::new();
    config.schema(workspace_root().join("schema/url_auth.tl"));
    for list in mtcute::pyrofork_error_lists() {
        config.errors(list);
    }
    let source = config.generate().expect("generates").source;
    // `{value}` names nothing: the field is named by what the error is.
    let flood = &source[source.find("FloodWait {").expect("FLOOD_WAIT_X")..];
    assert!(flood[..200].contains("seconds: u32"), "{}", &flood[..200]);
    assert!(source.contains("FloodPremiumWait {"), "FLOOD_PREMIUM_WAIT_X");
    assert!(source.contains("PreviousChatImportActiveWaitMin {"), "..._XMIN");
    assert!(
        source.contains("\"PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_\""),
        "the text before the number"
    );
}
