//! Runtime support for generated TL code (filled in by the codegen work).
