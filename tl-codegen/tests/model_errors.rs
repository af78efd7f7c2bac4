//! Golden diagnostics of the model: schemas that parse but cannot be represented in Rust. Each problem is
//! rendered like the parser's (file, line, column, snippet, related places), and one run reports all of
//! them: as errors in strict mode, and by default as the warnings of the definitions left out (with what
//! is left out with them), the rest generated. Review changes with `cargo insta review`.

use tl_codegen::{Strictness, generate_with};
use tl_parser::{ParseOptions, SourceFile};

/// The strict run's errors, then the default run's warnings and what it generated: `text` and, on a last
/// line, a constructor that has no problem (so that the default run has something to keep).
fn refusal(text: &str) -> String {
    let files = [SourceFile::new("model.tl", format!("{text}\nfine x:int = Fine;"))];
    let run = |strictness| {
        generate_with(
            &files,
            &[],
            &ParseOptions::new(),
            &Default::default(),
            &Default::default(),
            strictness,
        )
    };
    let strict = run(Strictness::Strict)
        .expect_err("strict mode must refuse")
        .to_string();
    let degraded = match run(Strictness::Degrade) {
        Ok(generated) => {
            let (constructors, functions) = generated.counts;
            format!(
                "{}\ngenerated: {constructors} constructors, {functions} functions",
                generated.warnings
            )
        }
        Err(error) => error.to_string(),
    };
    format!("strict:\n{strict}\n\nby default:\n{degraded}")
}

#[test]
fn two_fields_that_become_one_rust_name() {
    insta::assert_snapshot!(refusal("a some_field:int someField:long = A;"));
}

#[test]
fn two_constructors_that_become_one_struct() {
    insta::assert_snapshot!(refusal("fooBar = A;\nfoo_bar x:int = A;"));
}

#[test]
fn a_shared_bit_group_colliding_with_a_field() {
    insta::assert_snapshot!(refusal("a flags:# x_y:int x:flags.0?int y:flags.0?int = A;"));
}

#[test]
fn a_bare_reference_to_a_type_with_several_constructors() {
    insta::assert_snapshot!(refusal("b1 = B;\nb2 = B;\na x:%B = A;"));
}

#[test]
fn a_type_with_no_finite_value_and_a_bare_cycle() {
    insta::assert_snapshot!(refusal("a x:B = A;\nb y:A = B;\nc x:%D = C;\nd y:%C = D;"));
}

#[test]
fn declared_arrays_too_large_to_hold_inline() {
    insta::assert_snapshot!(refusal(
        "big 1025*[ int ] = Big;\n\
         huge 4294967295*[ long ] = Huge;\n\
         a x:Big y:huge = A;"
    ));
}

#[test]
fn every_problem_of_a_stage_in_one_run() {
    let message = refusal(
        "a some_field:int someField:long = A;\n\
         fooBar = B;\n\
         foo_bar x:int = B;\n\
         c x:D = C;\n\
         d y:C = D;",
    );
    assert!(
        message.contains("error: 3 errors in model.tl; nothing was generated"),
        "{message}"
    );
    insta::assert_snapshot!(message);
}
