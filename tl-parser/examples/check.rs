//! Parses the `.tl` files named on the command line and prints a summary or the diagnostics.
use tl_parser::{Category, ParseOptions, SourceFile, parse};

fn main() {
    let files: Vec<SourceFile> = std::env::args()
        .skip(1)
        .map(|p| SourceFile::read(p).expect("readable file"))
        .collect();
    let parsed = parse(&files, &ParseOptions::new());
    print!("{}", parsed.diagnostics.render(&files));
    let types = parsed.schema.of_category(Category::Type).count();
    let functions = parsed.schema.of_category(Category::Function).count();
    println!(
        "layer {:?}: {types} constructors, {functions} functions, {} problems",
        parsed.schema.layer,
        parsed.diagnostics.len()
    );
}
