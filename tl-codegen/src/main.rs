//! The tl-codegen command line (filled in by the codegen work).
fn main() {}
