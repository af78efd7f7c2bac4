//! Schemas the generator refuses, with a message naming the TL definitions.

use tl_codegen::generate;
use tl_parser::{ParseOptions, SourceFile};

fn error_of(text: &str) -> String {
    let files = [SourceFile::new("t.tl", text)];
    generate(&files, &[], &ParseOptions::new())
        .expect_err("must be refused")
        .to_string()
}

#[test]
fn two_fields_that_become_one_rust_name() {
    let message = error_of("a some_field:int someField:long = A;");
    assert_eq!(
        message,
        "error: in `a`: `some_field` and `someField` both become the Rust name `some_field`"
    );
}

#[test]
fn two_constructors_that_become_one_struct() {
    let message = error_of("fooBar = A;\nfoo_bar x:int = A;");
    assert!(
        message.contains("`fooBar` and `foo_bar` both become the Rust name `FooBar`"),
        "{message}"
    );
}

#[test]
fn a_shared_bit_group_colliding_with_a_field() {
    let message = error_of("a flags:# x_y:int x:flags.0?int y:flags.0?int = A;");
    assert!(message.contains("both become the Rust name `x_y`"), "{message}");
}

#[test]
fn a_bare_reference_to_a_type_with_several_constructors() {
    let message = error_of("b1 = B;\nb2 = B;\na x:%B = A;");
    assert!(
        message.contains("`%B` in `a`: a bare type needs exactly one constructor"),
        "{message}"
    );
}
