//! Property tests: no text makes the parser panic, and every diagnostic points inside its file.

use proptest::prelude::*;
use tl_parser::{ParseOptions, SourceFile, parse};

/// Parses and renders `text`, checking every span lies on character boundaries inside the file.
fn parse_and_render(text: String) {
    let files = [SourceFile::new("fuzz.tl", text)];
    let parsed = parse(&files, &ParseOptions::new());
    for diagnostic in &parsed.diagnostics {
        for span in std::iter::once(&diagnostic.span).chain(diagnostic.related.iter().map(|(span, _)| span)) {
            assert!(span.start <= span.end && (span.end as usize) <= files[0].text.len());
            assert!(files[0].text.is_char_boundary(span.start as usize));
            assert!(files[0].text.is_char_boundary(span.end as usize));
        }
    }
    let _ = parsed.diagnostics.render(&files);
}

/// Pieces of TL that combine into near-valid and broken definitions.
fn tl_token() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "a",
        "Foo",
        "messages.",
        "x",
        ":",
        "#",
        "#1cb5c415",
        "flags",
        "flags2",
        ".",
        "0",
        "31",
        "32",
        "?",
        "true",
        "int",
        "bytes",
        "Vector",
        "vector",
        "<",
        ">",
        "%",
        "!",
        "{",
        "}",
        "X:Type",
        "=",
        ";",
        " ",
        "\n",
        "//",
        "/*",
        "*/",
        "---types---",
        "---functions---",
        "[",
        "]",
        "4*",
        "é",
        "\0",
        "🦀",
        "\t",
        ",",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        parse_and_render(text);
    }

    #[test]
    fn arbitrary_token_soup_never_panics(tokens in prop::collection::vec(tl_token(), 0..60)) {
        parse_and_render(tokens.concat());
    }

    #[test]
    fn mutated_real_definitions_never_panic(cut in 0usize..400, insert in tl_token()) {
        let base = "messages.requestUrlAuth#198fb446 flags:# peer:flags.1?InputPeer msg_id:flags.1?int \
                    button_id:flags.1?int url:flags.2?string = UrlAuthResult;\n\
                    vector {t:Type} # [ t ] = Vector t;\ninvokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X;\n";
        let mut at = cut.min(base.len());
        while !base.is_char_boundary(at) { at -= 1; }
        parse_and_render(format!("{}{}{}", &base[..at], insert, &base[at..]));
        parse_and_render(base[..at].to_string());
    }
}
