//! The full Telegram schemas parse with zero diagnostics, every explicit id is the hash under Telegram's
//! rule, and the counts are what the files hold. Layer 230 and mtproto.tl are found through cargo on a fresh clone; layer 221
//! only exists in `../shared/schema/` (required on CI).

use tl_parser::id::{HashRule, compute_id};
use tl_parser::{Category, ParseOptions, SourceFile, parse};

/// (constructors, functions) of a clean parse; fails with rendered diagnostics otherwise.
fn counts(files: &[SourceFile], options: &ParseOptions) -> (usize, usize) {
    let parsed = parse(files, options);
    assert!(parsed.diagnostics.is_empty(), "{}", parsed.diagnostics.render(files));
    let constructors = parsed.schema.of_category(Category::Type).count();
    let functions = parsed.schema.of_category(Category::Function).count();
    (constructors, functions)
}

fn explicit_ids_all_verify(file: &SourceFile) {
    let files = [file.clone()];
    let parsed = parse(&files, &ParseOptions::new());
    for definition in &parsed.schema.definitions {
        if let Some(explicit) = definition.explicit_id {
            assert_eq!(
                compute_id(definition, HashRule::TELEGRAM),
                explicit,
                "{}",
                definition.name.full
            );
        }
    }
}

#[test]
fn layer_230_parses_cleanly() {
    let file = tl_tests::api_layer230();
    assert_eq!(counts(std::slice::from_ref(&file), &ParseOptions::new()), (1704, 850));
    let files = [file];
    assert_eq!(parse(&files, &ParseOptions::new()).schema.layer, Some(230));
    explicit_ids_all_verify(&files[0]);
}

#[test]
fn layer_221_parses_cleanly() {
    let Some(file) = tl_tests::api_layer221() else {
        eprintln!("../shared/schema/api-layer221.tl is absent: only CI and developer machines have it");
        return;
    };
    assert_eq!(counts(std::slice::from_ref(&file), &ParseOptions::new()), (1532, 751));
    explicit_ids_all_verify(&file);
}

#[test]
fn mtproto_parses_cleanly_its_hand_assigned_ids_known() {
    let file = tl_tests::mtproto();
    let options = ParseOptions::new();
    assert_eq!(counts(std::slice::from_ref(&file), &options), (56, 10));

    // Exactly the hand-assigned ids are the hash under no rule; they are known facts, so no warning.
    // (`ipPortSecret#37982646` is the hash with `bytes` as written.)
    let files = [file];
    let parsed = parse(&files, &ParseOptions::new());
    let under_no_rule = |d: &&tl_parser::Definition<'_>| {
        d.explicit_id
            .is_some_and(|id| HashRule::ALL.iter().all(|&rule| compute_id(d, rule) != id))
    };
    let mismatched: Vec<(&str, u32)> = (parsed.schema.definitions.iter())
        .filter(under_no_rule)
        .map(|d| (d.name.full, d.explicit_id.expect("written")))
        .collect();
    assert_eq!(mismatched, tl_parser::MTPROTO_HAND_ASSIGNED_IDS);
    assert!(parsed.diagnostics.is_empty(), "{}", parsed.diagnostics.render(&files));
    assert_eq!(parsed.schema.hash_rule, HashRule::TELEGRAM);
}

#[test]
fn api_and_mtproto_parse_together() {
    // Both define `vector` identically; that is not a duplicate.
    let files = [tl_tests::api_layer230(), tl_tests::mtproto()];
    let options = ParseOptions::new();
    assert_eq!(counts(&files, &options), (1704 + 56, 850 + 10));
}

#[test]
fn the_url_auth_ids_of_the_seeds_are_computed_from_layer_221() {
    let Some(file) = tl_tests::api_layer221() else { return };
    let files = [file];
    let parsed = parse(&files, &ParseOptions::new());
    let id_of = |name: &str| {
        let definition = parsed
            .schema
            .definitions
            .iter()
            .find(|d| d.name.full == name)
            .expect(name);
        compute_id(definition, HashRule::TELEGRAM)
    };
    assert_eq!(id_of("keyboardButtonUrlAuth"), 0x10b78d29);
    assert_eq!(id_of("inputKeyboardButtonUrlAuth"), 0xd02e7fd4);
    assert_eq!(id_of("messages.requestUrlAuth"), 0x198fb446);
    assert_eq!(id_of("messages.acceptUrlAuth"), 0xb12c7125);
    assert_eq!(id_of("urlAuthResultRequest"), 0x92d33a0e);
    assert_eq!(id_of("urlAuthResultAccepted"), 0x8f8c0e4e);
    assert_eq!(id_of("urlAuthResultDefault"), 0xa9d6db1f);
}

/// The README's pair from build.rs with no option: api.tl + mtproto.tl generate without a single warning
/// (mtproto.tl's hand-assigned service ids are known facts).
#[test]
fn api_and_mtproto_generate_from_build_rs_without_a_warning() {
    let files = [tl_tests::api_layer230(), tl_tests::mtproto()];
    let mut config = tl_codegen::Config::new();
    for file in &files {
        config.schema(&file.name);
    }
    let generated = config.generate().unwrap_or_else(|error| panic!("{error}"));
    assert!(generated.warnings.is_empty(), "{}", generated.warnings);
}
