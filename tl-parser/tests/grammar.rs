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
        (condition.field, condition.bit.expect("a bit"), peer.ty.name),
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
    assert_eq!(repeat.count, None);
    assert_eq!(repeat.items.len(), 1);
    assert_eq!(definition.result.args[0].name, "t");
}

#[test]
fn builtin_repetition_with_multiplier() {
    let definition = only(&parse_ok("int128 4*[ int ] = Int128;"));
    let Param::Repeat(repeat) = &definition.params[0] else {
        panic!("a repetition")
    };
    assert_eq!(repeat.count, Some(tl_parser::Count::Const(4)));
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
fn an_id_mismatch_is_a_warning_an_error_when_strict_and_nothing_when_allowed() {
    let files = [SourceFile::new("t.tl", "ipPort#12345678 ipv4:int = IpPort;")];
    let parsed = parse(&files, &ParseOptions::new());
    assert_eq!(
        (parsed.diagnostics.error_count(), parsed.diagnostics.warning_count()),
        (0, 1)
    );
    assert_eq!(
        parsed.schema.definitions[0].id, 0x12345678,
        "the written id is the wire truth"
    );
    assert!(
        parse(&files, &ParseOptions::new().strict_ids())
            .diagnostics
            .has_errors()
    );
    let options = ParseOptions::new().allow_id_mismatch("ipPort").strict_ids();
    assert!(parse(&files, &options).diagnostics.is_empty());
}

#[test]
fn ids_hash_the_definition_as_written_and_accept_telegrams_bytes_rule() {
    // TON's liteServer.transactionList (its id from TON's generated sources) hashes `bytes` as written,
    // and `(vector T)` as `vector T`.
    let schema = parse_ok(
        "tonNode.blockIdExt workchain:int = tonNode.BlockIdExt;\n\
         liteServer.transactionList ids:(vector tonNode.blockIdExt) transactions:bytes = liteServer.TransactionList;",
    );
    assert_eq!(schema.definitions[1].id, 0x6f26c60b);
    // Telegram's upload.file#96a18d5 is written with the id that hashes `bytes` as `string`: accepted.
    let files = [SourceFile::new(
        "t.tl",
        "storage.fileJpeg#7efe0e = storage.FileType;\n\
         upload.file#96a18d5 type:storage.FileType mtime:int bytes:bytes = upload.File;",
    )];
    assert!(parse(&files, &ParseOptions::new()).diagnostics.is_empty());
}

#[test]
fn a_definition_without_an_id_is_hashed_by_the_rule_its_schema_shows() {
    let tls_block = "tlsBlockString data:bytes = TlsBlock;";
    assert_eq!(only(&parse_ok(tls_block)).id, 0xace3ec67, "no evidence: as written");
    // Beside a written id that only Telegram's rule reproduces, `bytes` hashes as `string`.
    let schema = parse_ok(&format!(
        "storage.fileJpeg#7efe0e = storage.FileType;\n\
         upload.file#96a18d5 type:storage.FileType mtime:int bytes:bytes = upload.File;\n{tls_block}"
    ));
    assert_eq!(schema.definitions[2].id, 0x4218a164);
    assert_eq!(schema.hash_rule, tl_parser::id::HashRule::TELEGRAM);
}

#[test]
fn with_no_telegram_ids_true_params_are_hashed_too() {
    // TON's liteServer.listBlockTransactions is #adfcc7da (-1375942694 in TON's generated sources): its
    // `?true` params are part of the hash. Telegram's rule, which drops them, would give #5aed8b3f.
    let schema = parse_ok(
        "tonNode.blockIdExt workchain:int = tonNode.BlockIdExt;\n\
         liteServer.transactionId3 account:int256 lt:long = liteServer.TransactionId3;\n\
         liteServer.blockTransactions id:tonNode.blockIdExt = liteServer.BlockTransactions;\n\
         ---functions---\n\
         liteServer.listBlockTransactions id:tonNode.blockIdExt mode:# count:# after:mode.7?liteServer.transactionId3 \
         reverse_order:mode.6?true want_proof:mode.5?true = liteServer.BlockTransactions;",
    );
    assert_eq!(schema.definitions[3].id, 0xadfcc7da);
    // A written id under Telegram's rule is accepted, and makes it the schema's rule.
    let telegram = parse_ok("a#e732a064 flags:# big:flags.0?true x:bytes = A;\nb flags:# big:flags.0?true = B;");
    assert_eq!(telegram.definitions[1].id, 0xe4b110e5);
}

#[test]
fn parenthesised_type_application_anywhere_a_type_stands() {
    let schema = parse_ok(
        "a x:int = A;\n\
         b mode:# xs:(vector a) ys:mode.3?(vector (vector a)) zs:Vector<(vector a)> = B;",
    );
    let params: Vec<String> = schema.definitions[1].params.iter().map(|p| p.to_string()).collect();
    assert_eq!(
        params,
        [
            "mode:#",
            "xs:vector<a>",
            "ys:mode.3?vector<vector<a>>",
            "zs:Vector<vector<a>>"
        ]
    );
    for (text, expected) in [
        (
            "b xs:(vector = B;",
            "expected `)` to close the type application, found `=`",
        ),
        ("b xs:( ) = B;", "expected a type name after `(`, found `)`"),
    ] {
        let files = [SourceFile::new("t.tl", text)];
        let rendered = parse(&files, &ParseOptions::new()).diagnostics.render(&files);
        assert!(rendered.contains(expected), "{rendered}");
    }
}

#[test]
fn section_markers_may_have_spaces_inside() {
    let schema = parse_ok("a = A;\n--- functions ---\nf = A;\n---\ttypes\t---\nb = B;");
    let categories: Vec<Category> = schema.definitions.iter().map(|d| d.category).collect();
    assert_eq!(categories, [Category::Type, Category::Function, Category::Type]);
}

#[test]
fn comments_after_the_semicolon_and_between_lines() {
    let schema = parse_ok("a x:int = A; // the first\nb = A; /* the second */ c = A;");
    assert_eq!(schema.definitions.len(), 3);
}

#[test]
fn doc_comments_directly_above_a_definition_and_class_docs() {
    let schema = parse_ok(
        "//@class AuthenticationCodeType @description Provides information about the code\n\
         \n\
         //@description Delivered by SMS @length Length of the code\n\
         //-in digits\n\
         authenticationCodeTypeSms length:int = AuthenticationCodeType;\n\
         // A comment separated by a blank line documents nothing.\n\
         \n\
         //ping#7abe77ec ping_id:long = Pong;\n\
         ////////////\n\
         b = B;",
    );
    assert_eq!(schema.class_docs.len(), 1);
    assert_eq!(schema.class_docs[0].name, "AuthenticationCodeType");
    let docs = tl_parser::docs::Docs::parse(&schema.definitions[0].docs);
    assert_eq!(docs.description.as_deref(), Some("Delivered by SMS"));
    assert_eq!(docs.param("length"), Some("Length of the code in digits"));
    assert!(
        schema.definitions[1].docs.is_empty(),
        "commented-out definitions and rules are not docs"
    );
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

/// TL-formal's and the dialects' constructs (see the construct table of docs/tl-language.md).
#[test]
fn the_whole_language_parses() {
    let schema = parse_ok(
        "point (x y z:int) = Point;\n\
         pairOf {X Y:Type} a:X b:Y = PairOf X Y;\n\
         response.ok value:T = Response T;\n\
         counted n:# values:n*[int] rows:n*[ id:int name:string ] = Counted;\n\
         tuple {t:Type} {n:#} [t] = Tuple t n;\n\
         holder x:(Tuple int 3) = Holder;\n\
         Final Bool;\n\
         Vector int;\n\
         ===8===\n\
         /** Documented.\n * @param id The id\n */\n\
         doc id:int = Doc;\n\
         user id:int = User;\n\
         ---functions---\n\
         @read @any users.get ids:(vector int) => Vector User;\n\
         getTuples n:# = Tuple (Tuple long n) 2;",
    );
    let names: Vec<&str> = schema.definitions.iter().map(|d| d.name.full).collect();
    assert_eq!(
        names,
        [
            "point",
            "pairOf",
            "response.ok",
            "counted",
            "tuple",
            "holder",
            "doc",
            "user",
            "users.get",
            "getTuples"
        ]
    );
    let point = &schema.definitions[0];
    let fields: Vec<_> = point
        .params
        .iter()
        .filter_map(Param::as_field)
        .map(|f| f.name)
        .collect();
    assert_eq!(fields, [Some("x"), Some("y"), Some("z")]);
    assert_eq!(schema.definitions[1].type_params.len(), 2);
    let implicit = &schema.definitions[2].type_params;
    assert!(implicit.len() == 1 && implicit[0].implicit && implicit[0].name == "T");
    let Param::Repeat(rows) = &schema.definitions[3].params[2] else {
        panic!("a repetition")
    };
    assert_eq!(
        (rows.name, rows.count, rows.items.len()),
        (Some("rows"), Some(tl_parser::Count::Var("n")), 2)
    );
    assert_eq!(
        schema.definitions[5].params[0].as_field().expect("a field").ty.args[1].name,
        "3"
    );
    let doc = &schema.definitions[6];
    assert_eq!(doc.section_layer, Some(8));
    let docs = tl_parser::docs::Docs::parse(&doc.docs);
    assert_eq!(
        (docs.description.as_deref(), docs.param("id")),
        (Some("Documented."), Some("The id"))
    );
    let get = &schema.definitions[8];
    assert_eq!(
        (get.annotations.as_slice(), get.result.args[0].name),
        (&["read", "any"][..], "User")
    );
    // A result type applied to an application in parentheses (TL-formal's `subexpr`).
    let answer = &schema.definitions[9].result;
    assert_eq!((answer.name, answer.args.len()), ("Tuple", 2));
    assert_eq!(
        (answer.args[0].to_string().as_str(), answer.args[1].name),
        ("Tuple<long,n>", "2")
    );
    // An implicit type variable is not hashed: the id is that of the definition as written.
    assert_eq!(
        schema.definitions[2].id,
        crc32fast::hash(b"response.ok value:T = Response T")
    );
}

#[test]
fn a_repetition_count_must_name_a_nat() {
    let message = parse_err("a n:int values:n*[int] = A;");
    assert!(message.contains("`n` does not name a count"), "{message}");
}

#[test]
fn a_condition_without_a_bit_parses_and_prints_back() {
    // TL-formal's `conditional-arg-def ::= var-ident [ . nat-const ] ?`: the bit may be left out.
    let schema = parse_ok("opt n:# flags2:# x:n?int y:flags2.3?string = Opt;");
    let fields: Vec<_> = (schema.definitions[0].params.iter())
        .filter_map(Param::as_field)
        .filter_map(|field| field.condition.as_ref())
        .map(|condition| (condition.field, condition.bit, condition.to_string()))
        .collect();
    assert_eq!(
        fields,
        [
            ("n", None, "n?".to_string()),
            ("flags2", Some(3), "flags2.3?".to_string())
        ]
    );
}

#[test]
fn sums_of_counts_are_one_count_plus_numbers() {
    let schema = parse_ok(
        "tuple {t:Type} {n:#} [t] = Tuple t n;\nuses n:# a:(Tuple int (n+1)) b:(Tuple int (2 + n + 1)) c:(Tuple int (2+3)) = Uses;",
    );
    let uses = &schema.definitions[1];
    let sum = |index: usize| field(uses, index).ty.args[1].nat_sum().expect("a sum");
    assert_eq!(
        sum(1),
        tl_parser::NatSum {
            var: Some("n"),
            plus: 1
        }
    );
    assert_eq!(
        sum(2),
        tl_parser::NatSum {
            var: Some("n"),
            plus: 3
        }
    );
    assert_eq!(sum(3), tl_parser::NatSum { var: None, plus: 5 });
    let two_vars = "tuple {t:Type} {n:#} [t] = Tuple t n;\nuses n:# m:# a:(Tuple int (n+m)) = Uses;";
    assert!(parse_err(two_vars).contains("`n+m` is not a count TL computes"));
    let too_large = "tuple {t:Type} {n:#} [t] = Tuple t n;\nuses n:# a:(Tuple int (n+4294967295+1)) = Uses;";
    assert!(parse_err(too_large).contains("is not a count TL computes"));
}

#[test]
fn vk_s_forms_parse_display_and_hash_as_written() {
    let text = "pair {X:Type} {Y:Type} a:X b:Y = Pair X Y;\n\
                tuple {t:Type} {n:#} [t] = Tuple t n;\n\
                ns.prefix v:int = ns.Prefix;\n\
                inside x:(%Pair int int) y:(Tuple %Int 2) = Inside;\n\
                cond n:# c:n.2?3*[int] k:# d:n.0?k*[long] = Cond;\n\
                words f0:# f1:f0.0?# x:f1.1?int = Words;\n\
                response.ok {T:Type} value:T = Response T;\n\
                response.err code:int = Response T;\n\
                _ = Empty;\n\
                ---functions---\n\
                ns.get = Vector %ns.Prefix;\n\
                ns.block = Response ns.prefix;\n";
    let schema = parse_ok(text);
    let printed: Vec<String> = schema.definitions.iter().map(ToString::to_string).collect();
    assert!(
        printed[3].ends_with("x:%Pair<int,int> y:Tuple<%Int,2> = Inside;"),
        "{}",
        printed[3]
    );
    assert!(
        printed[4].ends_with("n:# c:n.2?3*[ int ] k:# d:n.0?k*[ long ] = Cond;"),
        "{}",
        printed[4]
    );
    assert!(printed[9].ends_with("= Vector %ns.Prefix;"), "{}", printed[9]);
    assert!(printed[10].ends_with("= Response ns.prefix;"), "{}", printed[10]);
    // The `%` inside the parentheses is the `%` before them.
    let inside = &schema.definitions[3].params[0].as_field().expect("a field").ty;
    assert!(inside.percent && inside.name == "Pair");
    // A repetition's condition is kept (and hashed: `cond` differs from the same line without it).
    let Param::Repeat(repeat) = &schema.definitions[4].params[1] else {
        panic!("a repetition")
    };
    let condition = repeat.condition.as_ref().expect("a condition");
    assert_eq!((condition.field, condition.bit), ("n", Some(2)));
    let without = parse_ok("cond n:# c:3*[int] k:# d:k*[long] = Cond;");
    assert_ne!(without.definitions[0].id, schema.definitions[4].id);
    // A variable only in the result, where `response.ok` has one: declared implicitly, not hashed.
    let err = &schema.definitions[7];
    assert!(err.type_params.iter().any(|p| p.name == "T" && p.implicit));
    assert_eq!(err.id, crc32(b"response.err code:int = Response T"));
    assert_eq!(schema.definitions[8].id, crc32(b"_ = Empty"));
    let reprinted = parse_ok(&printed.join("\n").replace("---functions---", ""));
    assert_eq!(reprinted.definitions.len(), schema.definitions.len());
}

#[test]
fn a_missing_semicolon_after_a_result_is_still_reported_where_it_is() {
    let message = parse_err("a x:int = A\nb y:int = B;");
    assert!(
        message.contains("expected `;` to end the definition, found `b`"),
        "{message}"
    );
    assert!(message.contains("test.tl:2:1"), "{message}");
    // A name no definition binds is an argument only when nothing of a body follows it before `;`.
    let schema = parse_ok("resultFalse {t:Type} = Maybe t;\nns.thing = ns.Thing;\na = Maybe ns.thing;");
    assert_eq!(schema.definitions[2].result.args[0].name, "ns.thing");
}

fn crc32(bytes: &[u8]) -> u32 {
    crc32fast::hash(bytes)
}
