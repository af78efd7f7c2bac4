//! The functions td_api.tl (the TDLib version scripts/fetch-tdjson.sh fetches) documents as "Can be called synchronously" (and parseTextEntities),
//! called through `TdJson::execute` of the real libtdjson with typed arguments: each typed answer is what
//! the same request sent as raw JSON answers, that JSON round-trips through the generated types and obeys
//! the rules of TDLib's JSON, and the answers say what TDLib does.

#[cfg(has_td_api)]
mod with_td_api {
    use std::fmt::Debug;

    use serde::Serialize;
    use tdjson_client::td_api::{enums, functions, types};
    use tl_runtime::tdjson::Tagged;
    use tl_tdjson::{Error, Function, TdError};
    use tl_tdjson_tests::{check_all, library, model, rules::Rules};

    /// `function` run typed and as raw JSON: the request obeys the rules, the two answers agree, the raw one
    /// round-trips; the typed answer, or TDLib's error.
    fn execute<F: Function>(function: &F) -> Result<F::Return, TdError>
    where
        F::Return: Tagged + Serialize + PartialEq + Debug,
    {
        let request = serde_json::to_string(function).unwrap();
        Rules::new(model())
            .check(F::TYPE, &request)
            .unwrap_or_else(|e| panic!("request: {e}"));
        let raw = library().execute_json(&request).unwrap();
        let typed = library().execute(function);
        let raw_value: serde_json::Value = serde_json::from_str(&raw).unwrap();
        match typed {
            Ok(answer) => {
                assert_eq!(serde_json::to_value(&answer).unwrap(), raw_value, "{}", F::TYPE);
                check_all(<F::Return as Tagged>::NAME, &raw).unwrap_or_else(|e| panic!("{}: {e}", F::TYPE));
                Ok(answer)
            }
            Err(Error::Td(error)) => {
                assert_eq!(raw_value["@type"], "error");
                assert_eq!(
                    (raw_value["code"].as_i64(), raw_value["message"].as_str()),
                    (Some(error.code.into()), Some(&*error.message))
                );
                check_all("Error", &raw).unwrap();
                Err(error)
            }
            Err(other) => panic!("{}: {other}", F::TYPE),
        }
    }

    fn text(answer: enums::Text) -> String {
        let enums::Text::Text(text) = answer;
        text.text.to_string()
    }

    fn formatted(text: &str, entities: Vec<types::TextEntity>) -> types::FormattedText {
        types::FormattedText {
            text: text.into(),
            entities,
        }
    }

    fn entity(offset: i32, length: i32, r#type: enums::TextEntityType) -> types::TextEntity {
        types::TextEntity { offset, length, r#type }
    }

    #[test]
    fn text_entities_are_found_parsed_and_written_back() {
        let enums::TextEntities::TextEntities(found) = execute(&functions::GetTextEntities {
            text: "@durov see https://t.me #tl 🎉 /start".into(),
        })
        .unwrap();
        let kinds: Vec<_> = found
            .entities
            .iter()
            .map(|e| (e.offset, e.length, e.r#type.clone()))
            .collect();
        assert_eq!(
            kinds,
            [
                (0, 6, enums::TextEntityType::Mention),
                (11, 12, enums::TextEntityType::Url),
                (24, 3, enums::TextEntityType::Hashtag),
                (31, 6, enums::TextEntityType::BotCommand),
            ]
        );
        let markdown = enums::TextParseMode::Markdown(types::TextParseModeMarkdown { version: 2 });
        let enums::FormattedText::FormattedText(parsed) = execute(&functions::ParseTextEntities {
            text: "*bold* _italic_ ünïcode".into(),
            parse_mode: markdown,
        })
        .unwrap();
        assert_eq!(parsed.text, "bold italic ünïcode");
        assert_eq!(
            parsed.entities,
            [
                entity(0, 4, enums::TextEntityType::Bold),
                entity(5, 6, enums::TextEntityType::Italic)
            ]
        );
        let bad = enums::TextParseMode::Markdown(types::TextParseModeMarkdown { version: 2 });
        let error = execute(&functions::ParseTextEntities {
            text: "*unclosed".into(),
            parse_mode: bad,
        })
        .unwrap_err();
        assert_eq!(error.code, 400);

        let enums::FormattedText::FormattedText(parsed) = execute(&functions::ParseMarkdown {
            text: formatted("**a** and __b__", vec![]),
        })
        .unwrap();
        assert_eq!(
            parsed,
            formatted(
                "a and b",
                vec![
                    entity(0, 1, enums::TextEntityType::Bold),
                    entity(6, 1, enums::TextEntityType::Italic)
                ]
            )
        );
        let enums::FormattedText::FormattedText(markdown) =
            execute(&functions::GetMarkdownText { text: parsed }).unwrap();
        assert_eq!(markdown, formatted("**a** and __b__", vec![]));
    }

    #[test]
    fn search_functions_find_what_they_should() {
        let enums::FoundPositions::FoundPositions(found) = execute(&functions::SearchStringsByPrefix {
            strings: vec!["apple".into(), "banana".into(), "apricot".into()],
            query: "ap".into(),
            limit: 10,
            return_none_for_empty_query: false,
        })
        .unwrap();
        assert_eq!((found.total_count, found.positions), (2, vec![0, 2]));
        let enums::FoundPosition::FoundPosition(position) = execute(&functions::SearchQuote {
            text: formatted("one two three two", vec![]),
            quote: formatted("two", vec![]),
            quote_position: 14,
        })
        .unwrap();
        assert_eq!(position.position, 14);
    }

    #[test]
    fn files_countries_and_phone_numbers() {
        assert_eq!(
            text(
                execute(&functions::GetCountryFlagEmoji {
                    country_code: "UA".into()
                })
                .unwrap()
            ),
            "🇺🇦"
        );
        assert_eq!(
            text(
                execute(&functions::GetFileMimeType {
                    file_name: "photo.JPG".into()
                })
                .unwrap()
            ),
            "image/jpeg"
        );
        assert_eq!(
            text(
                execute(&functions::GetFileExtension {
                    mime_type: "image/png".into()
                })
                .unwrap()
            ),
            "png"
        );
        let cleaned = text(
            execute(&functions::CleanFileName {
                file_name: "a/b:c?*.txt".into(),
            })
            .unwrap(),
        );
        assert!(
            !cleaned.contains(['/', ':', '?', '*']) && cleaned.ends_with(".txt"),
            "{cleaned}"
        );

        let info = |prefix: &str| {
            let enums::PhoneNumberInfo::PhoneNumberInfo(info) = execute(&functions::GetPhoneNumberInfoSync {
                language_code: "en".into(),
                phone_number_prefix: prefix.into(),
            })
            .unwrap();
            info
        };
        let us = info("+1 555 0100");
        assert_eq!(us.country.map(|c| c.country_code.to_string()), Some("US".to_string()));
        assert_eq!(us.country_calling_code, "1");
        // An absent object ("may be null"): TDLib leaves it out, the type has `None`.
        assert_eq!(info("+999").country, None);
    }

    #[test]
    fn json_values_go_both_ways() {
        let json = r#"{"a":[1.25,-2.5,null,true,"x"],"b":{"c":"ü"}}"#;
        let value = execute(&functions::GetJsonValue { json: json.into() }).unwrap();
        let enums::JsonValue::Object(object) = &value else {
            panic!("{value:?}")
        };
        assert_eq!(
            object.members.iter().map(|m| m.key.as_str()).collect::<Vec<_>>(),
            ["a", "b"]
        );
        let written = text(execute(&functions::GetJsonString { json_value: value }).unwrap());
        let reread: serde_json::Value = serde_json::from_str(&written).unwrap();
        assert_eq!(reread, serde_json::from_str::<serde_json::Value>(json).unwrap());
        assert_eq!(
            execute(&functions::GetJsonValue { json: "{".into() }).unwrap_err().code,
            400
        );
    }

    #[test]
    fn options_errors_and_other_synchronous_functions() {
        let enums::OptionValue::String(version) = execute(&functions::GetOption { name: "version".into() }).unwrap()
        else {
            panic!("version is a string option")
        };
        assert_eq!(version.value, tl_tdjson::FETCHED_TDLIB_VERSION);
        assert_eq!(
            execute(&functions::GetOption {
                name: "no_such_option".into()
            })
            .unwrap_err()
            .code,
            400
        );
        let error = types::Error {
            code: 418,
            message: "I'm a teapot ☕".into(),
        };
        let returned = execute(&functions::TestReturnError { error: error.clone() }).unwrap_err();
        assert_eq!(
            (returned.code, returned.message.as_str()),
            (error.code, &*error.message)
        );

        assert_eq!(
            execute(&functions::CheckQuickReplyShortcutName { name: "hello".into() }),
            Ok(enums::Ok::Ok)
        );
        // An empty name is refused (with code 200: TDLib's choice).
        assert!(execute(&functions::CheckQuickReplyShortcutName { name: "".into() }).is_err());
        let colors = types::ThemeParameters {
            background_color: 0xffffff,
            text_color: 0x000000,
            accent_text_color: 0x3390ec,
            ..Default::default()
        };
        let theme = text(execute(&functions::GetThemeParametersJsonString { theme: colors }).unwrap());
        let theme: serde_json::Value = serde_json::from_str(&theme).unwrap();
        assert_eq!(theme["bg_color"], "#ffffff");
        let folder = types::ChatFolder {
            name: types::ChatFolderName {
                text: formatted("Work", vec![]),
                animate_custom_emoji: false,
            },
            include_bots: true,
            ..Default::default()
        };
        let enums::ChatFolderIcon::ChatFolderIcon(icon) =
            execute(&functions::GetChatFolderDefaultIconName { folder }).unwrap();
        assert_eq!(icon.name, "Bots");
        assert_eq!(
            execute(&functions::GetPushReceiverId {
                payload: "not json".into()
            })
            .unwrap_err()
            .code,
            400
        );
        let missing = functions::GetLanguagePackString {
            language_pack_database_path: "/nonexistent/tl-codegen/langpack.sqlite".into(),
            localization_target: "android".into(),
            language_pack_id: "en".into(),
            key: "Hello".into(),
        };
        assert!(execute(&missing).is_err());
    }

    /// The log functions change state of the whole library: one test walks them in order.
    #[test]
    fn log_settings_are_set_and_read_back() {
        let level = |tag: Option<&str>| {
            let enums::LogVerbosityLevel::LogVerbosityLevel(level) = match tag {
                Some(tag) => execute(&functions::GetLogTagVerbosityLevel { tag: tag.into() }),
                None => execute(&functions::GetLogVerbosityLevel {}),
            }
            .unwrap();
            level.verbosity_level
        };
        execute(&functions::SetLogVerbosityLevel { new_verbosity_level: 1 }).unwrap();
        assert_eq!(level(None), 1);
        let enums::LogTags::LogTags(tags) = execute(&functions::GetLogTags {}).unwrap();
        assert!(tags.tags.iter().any(|tag| tag == "actor"), "{tags:?}");
        execute(&functions::SetLogTagVerbosityLevel {
            tag: "actor".into(),
            new_verbosity_level: 2,
        })
        .unwrap();
        assert_eq!(level(Some("actor")), 2);
        assert_eq!(
            execute(&functions::GetLogTagVerbosityLevel {
                tag: "no such tag".into()
            })
            .unwrap_err()
            .code,
            400
        );

        assert_eq!(execute(&functions::GetLogStream {}), Ok(enums::LogStream::Default));
        execute(&functions::SetLogStream {
            log_stream: enums::LogStream::Empty,
        })
        .unwrap();
        assert_eq!(execute(&functions::GetLogStream {}), Ok(enums::LogStream::Empty));
        execute(&functions::AddLogMessage {
            verbosity_level: 1,
            text: "tl-codegen's test: nowhere".into(),
        })
        .unwrap();
        execute(&functions::SetLogStream {
            log_stream: enums::LogStream::Default,
        })
        .unwrap();
        execute(&functions::SetLogVerbosityLevel { new_verbosity_level: 0 }).unwrap();
        assert_eq!(level(None), 0);
    }
}

/// Without td_api.tl this binary has no other test: this one fails, naming the command that fetches it.
#[cfg(not(has_td_api))]
#[test]
fn needs_td_api_tl() {
    panic!("{}", tl_tdjson_tests::MISSING_TD_API);
}
