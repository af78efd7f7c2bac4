//! Every constructor and function of td_api.tl (the TDLib version scripts/fetch-tdjson.sh fetches): sample objects (from seeds, see
//! `tl_tdjson_tests::samples`) are read by the generated types, written back equal as JSON, read back
//! to an equal value, and what is written obeys the rules of TDLib's JSON, checked by a walker over the
//! schema (`tl_tdjson_tests::rules`), not by the generated types.

#[cfg(has_td_api)]
mod with_td_api {
    use proptest::prelude::*;
    use tl_tdjson_tests::{check_all, model};

    /// Checks a sample of every constructor (as its type) and every function from `seed`; the failures.
    fn failures_of_seed(seed: u64) -> Vec<String> {
        tl_tdjson_tests::samples::failures_of_seed(model(), seed, check_all)
    }

    #[test]
    fn every_constructor_and_function_round_trips_and_obeys_the_rules() {
        let failures = failures_of_seed(1);
        assert!(
            failures.is_empty(),
            "{} failures, the first:\n{}",
            failures.len(),
            failures[..failures.len().min(10)].join("\n")
        );
        let model = model();
        // td_api.tl of TDLib 1.8.61, as scripts/fetch-tdjson.sh fetches it: every definition generated.
        assert_eq!((model.constructors.len(), model.functions.len()), (1985, 956));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(16))]

        #[test]
        fn samples_of_any_seed_round_trip_and_obey_the_rules(seed in any::<u64>()) {
            let failures = failures_of_seed(seed);
            prop_assert!(failures.is_empty(), "{} failures, the first:\n{}", failures.len(), failures[..failures.len().min(5)].join("\n"));
        }
    }

    #[test]
    fn the_rules_catch_what_tdlib_would_not_read() {
        let rules = tl_tdjson_tests::rules::Rules::new(model());
        let good = r#"{"@type":"textEntity","offset":1,"length":2,"type":{"@type":"textEntityTypeBold"}}"#;
        rules.check("TextEntity", good).unwrap();
        let bad = [
            // "@type" not first
            r#"{"offset":1,"@type":"textEntity","length":2,"type":{"@type":"textEntityTypeBold"}}"#,
            // a field renamed
            r#"{"@type":"textEntity","offset":1,"len":2,"type":{"@type":"textEntityTypeBold"}}"#,
            // a number as a string
            r#"{"@type":"textEntity","offset":"1","length":2,"type":{"@type":"textEntityTypeBold"}}"#,
            // a nested object without its "@type"
            r#"{"@type":"textEntity","offset":1,"length":2,"type":{}}"#,
            // a constructor of another type
            r#"{"@type":"textEntity","offset":1,"length":2,"type":{"@type":"ok"}}"#,
        ];
        for bad in bad {
            assert!(rules.check("TextEntity", bad).is_err(), "{bad}");
        }
        // int64 is a string, int53 a number
        rules
            .check(
                "TestReturnError",
                r#"{"@type":"testReturnError","error":{"@type":"error","code":1,"message":""}}"#,
            )
            .unwrap_err();
        rules
            .check(
                "testReturnError",
                r#"{"@type":"testReturnError","error":{"@type":"error","code":1,"message":""}}"#,
            )
            .unwrap();
        rules
            .check("Chats", r#"{"@type":"chats","total_count":1,"chat_ids":[12]}"#)
            .unwrap();
        rules
            .check("Chats", r#"{"@type":"chats","total_count":1,"chat_ids":["12"]}"#)
            .unwrap_err();
        let emoji = |id: &str| format!(r#"{{"@type":"chatPhotoStickerTypeCustomEmoji","custom_emoji_id":{id}}}"#);
        rules
            .check("ChatPhotoStickerType", &emoji("\"-9223372036854775808\""))
            .unwrap();
        rules.check("ChatPhotoStickerType", &emoji("12")).unwrap_err();
        rules
            .check("ChatPhotoStickerType", &emoji("\"9223372036854775808\""))
            .unwrap_err();
    }
}

/// Without td_api.tl this binary has no other test: this one fails, naming the command that fetches it.
#[cfg(not(has_td_api))]
#[test]
fn needs_td_api_tl() {
    panic!("{}", tl_tdjson_tests::MISSING_TD_API);
}
