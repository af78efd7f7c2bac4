//! One test per grammar form, plus a snapshot of the AST of a schema that uses them all.

use tl_parser::{Category, Definition, Param, ParseOptions, Schema, SourceFile, parse};

/// Parses `text` and fails with the rendered diagnostics if there is any.
fn parse_ok(text: &str) -> Schema<'static> {
    let files: &'static [SourceFile] = Box::leak(Box::new([SourceFile::new("test.tl", text)]));
    let parsed = parse(files, &ParseOptions::new());
    assert!(parsed.diagnostics.is_empty(), "{}", parsed.diagnostics.render(files));
    parsed.schema
}

/// Parses `text` and returns its rendered diagnostics, which must not be empty.
fn parse_err(text: &str) -> String {
    let files = [SourceFile::new("test.tl", text)];
    let parsed = parse(&files, &ParseOptions::new());
    assert!(parsed.diagnostics.has_errors(), "expected an error for {text:?}");
    parsed.diagnostics.render(&files)
}

fn only(schema: &Schema<'static>) -> Definition<'static> {
    assert_eq!(schema.definitions.len(), 1);
    schema.definitions[0].clone()
}

fn field<'d>(definition: &'d Definition<'static>, index: usize) -> &'d tl_parser::Field<'static> {
    definition.params[index].as_field().expect("a field")
}

#[test]
fn line_comments_and_layer() {
    let schema = parse_ok("// LAYER 221\n// a comment\nboolTrue#997275b5 = Bool; // trailing\n");
    assert_eq!(schema.layer, Some(221));
    assert_eq!(only(&schema).name.full, "boolTrue");
}

#[test]
fn only_the_first_layer_comment_counts() {
    assert_eq!(parse_ok("// LAYER 5\n// LAYER 6\n").layer, Some(5));
    assert_eq!(parse_ok("// LAYERS are nice\n").layer, None);
}

#[test]
fn block_comments_anywhere() {
    let schema = parse_ok("/* head */ a#d2aa78f6 /* in */ x:/* type */int /* before = */ = /* after */ A; /* tail */");
    let definition = only(&schema);
    assert_eq!(field(&definition, 0).ty.name, "int");
    assert_eq!(definition.result.name, "A");
}

#[test]
fn sections_switch_back_and_forth() {
    let text = "a = A;\n---functions---\nf = A;\n---types---\nb = A;\n---functions---\ng = A;\n";
    let schema = parse_ok(text);
    let categories: Vec<Category> = schema.definitions.iter().map(|d| d.category).collect();
    use Category::{Function, Type};
    assert_eq!(categories, [Type, Function, Type, Function]);
}

#[test]
fn definition_spanning_lines() {
    let definition = only(&parse_ok("user#338da493\n  id:long\n  name:string\n  = User;"));
    assert_eq!(definition.params.len(), 2);
    assert_eq!(definition.explicit_id, Some(0x338da493));
}

#[test]
fn namespaced_names() {
    let text = "urlAuthResultDefault#a9d6db1f = UrlAuthResult;\n---functions---\nmessages.acceptUrlAuth x:int = UrlAuthResult;";
    let schema = parse_ok(text);
    let function = &schema.definitions[1];
    assert_eq!(function.name.full, "messages.acceptUrlAuth");
    assert_eq!(function.name.namespace(), Some("messages"));
    assert_eq!(function.name.base(), "acceptUrlAuth");
    assert_eq!(schema.definitions[0].name.namespace(), None);
}

#[test]
fn explicit_ids_of_one_to_eight_digits() {
    let definition = only(&parse_ok("userStatusEmpty#9d05049 = UserStatus;"));
    assert_eq!(definition.explicit_id, Some(0x09d05049));
    assert_eq!(definition.id, 0x09d05049);
}

#[test]
fn missing_id_is_computed() {
    let definition = only(&parse_ok("urlAuthResultAccepted url:string = UrlAuthResult;"));
    assert_eq!(definition.explicit_id, None);
    assert_eq!(definition.id, 0x8f8c0e4e);
}

#[test]
fn id_with_nine_digits_is_an_error() {
    assert!(parse_err("a#123456789 = A;").contains("1 to 8 hex digits"));
}

#[test]
fn flags_fields_and_conditions() {
    let text = "inputPeerEmpty#7f3b18ea = InputPeer;\nurlAuthResultDefault#a9d6db1f = UrlAuthResult;\n\
                ---functions---\nmessages.requestUrlAuth#198fb446 flags:# peer:flags.1?InputPeer \
                msg_id:flags.1?int button_id:flags.1?int url:flags.2?string = UrlAuthResult;";
    let schema = parse_ok(text);
    let function = schema.of_category(Category::Function).next().expect("the function");
    assert_eq!(function.id, 0x198fb446);
    assert!(field(function, 0).is_flags());
    let peer = field(function, 1);
    let condition = peer.condition.as_ref().expect("conditional");
    assert_eq!(
        (condition.field, condition.bit, peer.ty.name),
        ("flags", 1, "InputPeer")
    );
}

#[test]
fn second_flags_field() {
    let definition = only(&parse_ok("a flags:# flags2:# x:flags2.3?int = A;"));
    assert!(field(&definition, 1).is_flags());
    assert_eq!(
        field(&definition, 2).condition.as_ref().map(|c| c.field),
        Some("flags2")
    );
}

#[test]
fn true_flags_are_dropped_from_the_id() {
    let with = parse_ok(
        "inputPeerEmpty = InputPeer; x = UrlAuthResult; ---functions---\n\
         messages.acceptUrlAuth#b12c7125 flags:# write_allowed:flags.0?true peer:flags.1?InputPeer \
         msg_id:flags.1?int button_id:flags.1?int url:flags.2?string = UrlAuthResult;",
    )
    .definitions[2]
        .clone();
    assert!(field(&with, 1).is_flag_bit());
    assert_eq!(with.id, 0xb12c7125);
}

#[test]
fn bytes_hash_as_string() {
    // resPQ from mtproto.tl: `pq:bytes` hashes as `pq:string`.
    let definition = only(&parse_ok(
        "resPQ#05162463 nonce:int128 server_nonce:int128 pq:bytes server_public_key_fingerprints:Vector<long> = ResPQ;",
    ));
    assert_eq!(definition.id, 0x05162463);
}

#[test]
fn generic_type_params_and_queries() {
    let text = "---functions---\ninvokeWithLayer#da9b0d0d {X:Type} layer:int query:!X = X;";
    let definition = only(&parse_ok(text));
    assert_eq!(definition.type_params[0].name, "X");
    assert_eq!(definition.type_params[0].kind.name, "Type");
    let query = &field(&definition, 1).ty;
    assert!(query.generic_query);
    assert_eq!(query.name, "X");
}

#[test]
fn generic_query_must_name_a_type_param() {
    assert!(parse_err("---functions---\nf q:!X = Bool;").contains("does not name a type parameter"));
}

#[test]
fn boxed_and_bare_vectors() {
    let definition = only(&parse_ok(
        "a xs:Vector<long> ys:vector<int> zs:Vector<Vector<string>> = A;",
    ));
    assert_eq!(field(&definition, 0).ty.name, "Vector");
    assert_eq!(field(&definition, 0).ty.args[0].name, "long");
    assert_eq!(field(&definition, 1).ty.name, "vector");
    assert_eq!(field(&definition, 2).ty.args[0].args[0].name, "string");
}

#[test]
fn percent_bare_types() {
    let schema = parse_ok("b = B; a x:%B = A;");
    assert!(field(&schema.definitions[1], 0).ty.percent);
}

#[test]
fn big_integers() {
    let definition = only(&parse_ok("a nonce:int128 new_nonce:int256 = A;"));
    assert_eq!(field(&definition, 0).ty.name, "int128");
    assert_eq!(field(&definition, 1).ty.name, "int256");
}

#[test]
fn builtin_question_mark_bodies() {
    let definition = only(&parse_ok("int ? = Int;"));
    assert!(definition.builtin);
    assert!(definition.params.is_empty());
    assert_eq!(definition.result.name, "Int");
}

#[test]
fn builtin_vector_definition() {
    let definition = only(&parse_ok("vector {t:Type} # [ t ] = Vector t;"));
    assert_eq!(definition.id, 0x1cb5c415);
    assert!(field(&definition, 0).ty.is_nat());
    assert_eq!(field(&definition, 0).name, None);
    let Param::Repeat(repeat) = &definition.params[1] else {
        panic!("a repetition")
    };
    assert_eq!(repeat.multiplier, None);
    assert_eq!(repeat.items.len(), 1);
    assert_eq!(definition.result.args[0].name, "t");
}

#[test]
fn builtin_repetition_with_multiplier() {
    let definition = only(&parse_ok("int128 4*[ int ] = Int128;"));
    let Param::Repeat(repeat) = &definition.params[0] else {
        panic!("a repetition")
    };
    assert_eq!(repeat.multiplier, Some(4));
}

#[test]
fn spans_point_at_the_source() {
    let files = [SourceFile::new("t.tl", "\n  messages.x#1 = A;")];
    let parsed = parse(&files, &ParseOptions::new());
    let name = parsed.schema.definitions[0].name;
    assert_eq!(name.span.text(&files), "messages.x");
    assert_eq!(files[0].line_column(name.span.start as usize), (2, 3));
}

#[test]
fn empty_and_comment_only_files() {
    assert!(parse_ok("").definitions.is_empty());
    assert!(parse_ok("// nothing\n/* at all */\n").definitions.is_empty());
}

#[test]
fn id_mismatch_can_be_allowed_by_name() {
    let files = [SourceFile::new("t.tl", "ipPort#12345678 ipv4:int = IpPort;")];
    assert!(parse(&files, &ParseOptions::new()).diagnostics.has_errors());
    let options = ParseOptions::new().allow_id_mismatch("ipPort");
    assert!(parse(&files, &options).diagnostics.is_empty());
}

#[test]
fn ast_snapshot_of_every_form() {
    let text = include_str!("every_form.tl");
    let schema = parse_ok(text);
    insta::assert_debug_snapshot!(schema);
}

#[test]
fn deeply_nested_type_arguments_are_an_error_not_a_stack_overflow() {
    let depth = 100_000;
    let text = format!("a x:{}int{} = A;", "Vector<".repeat(depth), ">".repeat(depth));
    assert!(parse_err(&text).contains("at most 32 levels of nested type arguments"));
    let ok = format!("a x:{}int{} = A;", "Vector<".repeat(32), ">".repeat(32));
    parse_ok(&ok);
}

#[test]
fn definitions_display_as_canonical_tl_that_parses_back_to_the_same_ids() {
    let text = include_str!("every_form.tl");
    let schema = parse_ok(text);
    let printed: Vec<String> = schema.definitions.iter().map(ToString::to_string).collect();
    assert_eq!(printed[1], "vector#1cb5c415 {t:Type} # [ t ] = Vector t;");
    assert!(printed[2].starts_with("int128#") && printed[2].ends_with(" 4*[ int ] = Int128;"));
    assert_eq!(printed[5], "userStatusEmpty#9d05049 = UserStatus;");
    let reprinted = parse_ok(&printed.join("\n"));
    let ids = |s: &Schema<'_>| {
        s.definitions
            .iter()
            .map(|d| (d.name.full.to_string(), d.id))
            .collect::<Vec<_>>()
    };
    // Sections are not printed here, so compare names and ids only.
    assert_eq!(ids(&reprinted), ids(&schema));
}
