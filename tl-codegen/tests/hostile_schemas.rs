//! Adversarial schemas: each one is either generated (valid Rust, in bounded time) or refused with a
//! message, never a panic, a hang or a stack overflow. Long chains go through the model only, which holds
//! every recursive step of the generator; the emitter's output for them is proportional to the input.

use tl_codegen::generate;
use tl_codegen::model::Model;
use tl_parser::{ParseOptions, SourceFile};

fn generated(text: &str) -> String {
    let files = [SourceFile::new("hostile.tl", text)];
    match generate(&files, &[], &ParseOptions::new()) {
        Ok(generated) => generated.source,
        Err(error) => panic!("refused: {error}"),
    }
}

/// The errors of strict mode (by default the same problems leave definitions out: `model_errors.rs`).
fn refusal(text: &str) -> String {
    let files = [SourceFile::new("hostile.tl", text)];
    let strict = tl_codegen::Strictness::Strict;
    tl_codegen::generate_with(
        &files,
        &[],
        &ParseOptions::new(),
        &Default::default(),
        &Default::default(),
        strict,
    )
    .expect_err("must be refused")
    .to_string()
}

/// The model of a schema whose definitions carry explicit ids (a long generated schema has CRC32
/// collisions among its computed ids), every id allowed.
fn model_with_ids(definitions: &[(String, String)]) -> Result<Model, String> {
    let text: String = definitions
        .iter()
        .enumerate()
        .map(|(index, (name, rest))| format!("{name}#{:x} {rest}\n", index + 1))
        .collect();
    let options = (definitions.iter()).fold(ParseOptions::new(), |options, (name, _)| {
        options.allow_id_mismatch(name)
    });
    let files = [SourceFile::new("hostile.tl", text)];
    let loaded = tl_codegen::load(&files, &options).map_err(|e| e.to_string())?;
    let selected = tl_codegen::select(&loaded.schema, &[]).map_err(|e| e.to_string())?;
    let strict = tl_codegen::Strictness::Strict;
    let built = tl_codegen::build_model(&files, &loaded, &selected, &Default::default(), strict);
    built.map(|(model, _)| model).map_err(|e| e.to_string())
}

#[test]
fn ten_thousand_nested_generics_are_a_diagnostic() {
    let nested = format!("{}int{}", "Vector<".repeat(10_000), ">".repeat(10_000));
    let message = refusal(&format!("a x:{nested} = A;"));
    assert!(
        message.contains("expected at most 32 levels of nested type arguments"),
        "{message}"
    );
    assert!(message.contains("hostile.tl:1:"), "names the place: {message}");
}

#[test]
fn ten_thousand_flags_params_on_32_bits_share_bits_safely() {
    // Every bit guards 312 or 313 params: each bit becomes one Option of a struct of its params.
    let params: Vec<String> = (0..10_000).map(|i| format!("p{i}:flags.{}?int", i % 32)).collect();
    let source = generated(&format!("big flags:# {} = Big;", params.join(" ")));
    assert!(source.contains("pub struct BigP0P32P64"), "a group per bit");
    assert_eq!(source.matches("pub struct BigP").count(), 32, "a group per bit");
}

#[test]
fn ten_thousand_true_flags_on_32_bits_are_32_bools_and_derived_bits() {
    let params: Vec<String> = (0..10_000).map(|i| format!("p{i}:flags.{}?true", i % 32)).collect();
    let source = generated(&format!("big flags:# {} = Big;", params.join(" ")));
    assert!(source.contains("pub p31: bool"));
    assert!(!source.contains("pub p32: bool"), "p32 shares bit 0 with p0");
    assert!(source.contains("pub fn p9999(&self) -> bool"));
}

#[test]
fn flag_bits_past_31_are_a_diagnostic_for_each() {
    let params: Vec<String> = (0..100).map(|i| format!("p{i}:flags.{}?int", 32 + i)).collect();
    let message = refusal(&format!("big flags:# {} = Big;", params.join(" ")));
    assert_eq!(message.matches("error: flag bit").count(), 100, "{message}");
    assert!(
        message.ends_with("error: 100 errors in hostile.tl; nothing was generated"),
        "{message}"
    );
}

#[test]
fn ten_thousand_plain_params() {
    let params: Vec<String> = (0..10_000).map(|i| format!("p{i}:long")).collect();
    let source = generated(&format!("big {} = Big;", params.join(" ")));
    assert!(source.contains("80000"), "the fixed size is summed once");
}

#[test]
fn names_that_collide_after_case_conversion_are_refused() {
    for (text, expected) in [
        (
            "a fooBar:int foo_bar:int = A;",
            "`fooBar` and `foo_bar` both become the Rust name `foo_bar`",
        ),
        (
            "a self:int self_:int = A;",
            "`self` and `self_` both become the Rust name `self_`",
        ),
        ("a_b = T;\naB = T;", "`a_b` and `aB` both become the Rust name `AB`"),
        (
            "ns.a_b = T;\nns.aB = U;",
            "`ns.a_b` and `ns.aB` both become the Rust name `AB`",
        ),
        (
            "t x:int = My_Type;\nu y:int = MyType;",
            "`MyType` and `My_Type` both become the Rust name `MyType`",
        ),
        // Found by the codegen fuzz target: a type name between two uses of another with one Rust name.
        (
            "a = RichText;\nb = richText;\nc = RichText;",
            "`RichText` and `richText` both become the Rust name `RichText`",
        ),
    ] {
        let message = refusal(text);
        assert!(message.contains(expected), "{text}: {message}");
    }
}

#[test]
fn names_without_a_rust_identifier_are_refused() {
    // Found by the codegen fuzz target: case conversion turns `_` into nothing. A constructor named `_`
    // is TL-formal's anonymous one, named after its type; a param or a type named `_` has no name left.
    assert!(generated("_ = A;").contains("pub struct AnonymousA;"));
    let message = refusal("_1 = A;");
    assert!(
        message.starts_with("error: `_1` becomes `1` in Rust, which is not an identifier"),
        "{message}"
    );
    assert!(message.contains("1 │ _1 = A;\n  │ ^^ in `_1`"), "{message}");
    let message = refusal("a _:int = A;");
    assert!(
        message.contains("`_` becomes `` in Rust, which is not an identifier"),
        "{message}"
    );
    assert!(message.contains("^^^^^ in `a`"), "points at the param: {message}");
    assert!(refusal("a x:int = _;").contains("`_` becomes ``"));
    assert!(refusal("_.a x:int = A;").contains("`_` becomes ``"));
}

#[test]
fn recursive_types_without_a_base_case_are_refused() {
    let message = refusal("a x:A = A;");
    assert!(
        message.starts_with("error: the type `A` has no finite value"),
        "{message}"
    );
    assert!(
        message.contains("each of its constructors requires another value of it"),
        "{message}"
    );
    let message = refusal("a x:B = A;\nb y:C = B;\nc z:A w:int = C;");
    assert!(
        message.starts_with("error: the types `A`, `B`, `C` have no finite value"),
        "{message}"
    );
    assert!(
        message.contains("each of their constructors requires a value of one of them"),
        "{message}"
    );
    assert!(
        message.ends_with("error: 1 error in hostile.tl; nothing was generated"),
        "{message}"
    );
    let message = refusal("a x:%A = A;");
    assert!(
        message.contains("`a` holds itself through bare references"),
        "{message}"
    );
    // Optional, it has a base case (absent), and is held in a box.
    let generated = generate(
        &[SourceFile::new("hostile.tl", "a flags:# x:flags.0?%A = A;")],
        &[],
        &ParseOptions::new(),
    )
    .unwrap_or_else(|error| panic!("an optional bare self-reference is generated: {error}"));
    assert!(
        generated
            .source
            .contains("::core::option::Option<::std::boxed::Box<super::types::A>>"),
        "{}",
        generated.source
    );
}

#[test]
fn recursion_with_a_way_out_is_generated_and_boxed() {
    // An optional field or a second constructor ends the recursion, and the variant holding it is boxed.
    for text in [
        "a flags:# x:flags.0?A = A;",
        "a x:A = A;\nb = A;",
        "a x:B = A;\nb y:A = B;\nc = B;",
    ] {
        let source = generated(text);
        assert!(source.contains("::std::boxed::Box<"), "{text}: a boxed variant");
    }
    // An empty vector ends it too, and a `Vec` already stores its elements on the heap.
    let source = generated("a xs:Vector<A> = A;");
    assert!(!source.contains("::std::boxed::Box<"), "{source}");
}

#[test]
fn a_chain_of_twenty_thousand_types_builds_a_model() {
    // t0 holds T1, which holds T2, ... T20000: every step of the model is iterative or bounded.
    let count = 20_000;
    let mut definitions: Vec<(String, String)> = (0..count)
        .map(|i| (format!("t{i}"), format!("x:T{} = T{i};", i + 1)))
        .collect();
    definitions.push((format!("t{count}"), format!("= T{count};")));
    let model = model_with_ids(&definitions).expect("a valid chain");
    assert_eq!(model.types.len(), count + 1);
    assert!(model.types.iter().all(|t| !t.recursive));

    // The same chain closed into a cycle has no base case.
    definitions.pop();
    definitions.push((format!("t{count}"), format!("x:T0 = T{count};")));
    let message = model_with_ids(&definitions).expect_err("no base case");
    assert!(
        message.contains("`T10002` and 19993 more have no finite value"),
        "{}",
        &message[..200]
    );
    assert!(
        message.len() < 4000,
        "one message, not twenty thousand: {} bytes",
        message.len()
    );
}

#[test]
fn a_chain_of_twenty_thousand_bare_references_builds_a_model() {
    let count = 20_000;
    let mut definitions: Vec<(String, String)> = (0..count)
        .map(|i| (format!("t{i}"), format!("x:%T{} = T{i};", i + 1)))
        .collect();
    definitions.push((format!("t{count}"), format!("= T{count};")));
    model_with_ids(&definitions).expect("a valid chain");

    definitions.pop();
    definitions.push((format!("t{count}"), format!("x:%T0 = T{count};")));
    let message = model_with_ids(&definitions).expect_err("a bare cycle");
    assert!(
        message.contains("hold each other through bare references"),
        "{}",
        &message[..200]
    );
}

#[test]
fn twenty_thousand_mutually_recursive_types_are_boxed() {
    // One big cycle with a way out at every step: every variant that holds the next type is boxed.
    let count = 20_000;
    let mut definitions = Vec::new();
    for i in 0..count {
        let next = (i + 1) % count;
        definitions.push((format!("t{i}"), format!("x:T{next} = T{i};")));
        definitions.push((format!("e{i}"), format!("= T{i};")));
    }
    let model = model_with_ids(&definitions).expect("a valid cycle");
    assert!(model.types.iter().all(|t| t.recursive));
    let boxed = model.types.iter().flat_map(|t| &t.variants).filter(|v| v.boxed).count();
    assert_eq!(boxed, count);
}
