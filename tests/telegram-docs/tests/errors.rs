//! The typed RPC errors generated from mtcute's raw-errors.json: every error of the list round-trips
//! from its code and message to its variant and back to the exact message, numbers are read as
//! Telegram writes them, anything else is `Other` with its code and message, and the schema's
//! `rpc_error` converts both ways.

#[cfg(not(has_mtcute))]
#[test]
fn the_error_list_is_fetched() {
    panic!("mtcute's raw-errors.json is missing: run `bash scripts/fetch-telegram-data.sh`, then test again");
}

#[cfg(has_mtcute)]
mod with_errors {
    use serde_json::Value;
    use tl_telegram_docs_tests::RAW_ERRORS;
    use tl_telegram_docs_tests::tl::errors::RpcError;
    use tl_telegram_docs_tests::tl::{functions, types};

    /// `(code, name)` of every error in raw-errors.json.
    fn listed() -> Vec<(i32, String)> {
        let text = std::fs::read_to_string(RAW_ERRORS).expect("raw-errors.json");
        let value: Value = serde_json::from_str(&text).expect("JSON");
        let errors = value["errors"].as_object().expect("errors");
        (errors.iter())
            .map(|(name, error)| (error["code"].as_i64().expect("a code") as i32, name.clone()))
            .collect()
    }

    #[test]
    fn every_listed_error_round_trips_and_is_known() {
        let listed = listed();
        assert_eq!(listed.len(), 552);
        for (code, name) in listed {
            // A number in the message: any one, as Telegram writes it.
            let message = name.replace("%d", "17");
            let error = RpcError::new(code, &message);
            assert!(!matches!(error, RpcError::Other { .. }), "{code} {message} not known");
            assert_eq!(error.to_string(), message);
            assert_eq!(error.code(), code);
            assert_eq!(error.name(), name);
            let rpc_error = types::RpcError::from(&error);
            assert_eq!(
                (rpc_error.error_code, rpc_error.error_message.as_str()),
                (code, message.as_str())
            );
            assert_eq!(RpcError::from(&rpc_error), error);
        }
    }

    #[test]
    fn numbers_are_fields() {
        assert_eq!(RpcError::new(420, "FLOOD_WAIT_17"), RpcError::FloodWait { seconds: 17 });
        assert_eq!(
            RpcError::new(303, "PHONE_MIGRATE_4"),
            RpcError::PhoneMigrate { new_dc: 4 }
        );
        assert_eq!(
            RpcError::new(400, "FILE_PART_3_MISSING"),
            RpcError::FilePartMissing { which: 3 }
        );
        assert_eq!(
            RpcError::new(406, "PREVIOUS_CHAT_IMPORT_ACTIVE_WAIT_5MIN"),
            RpcError::PreviousChatImportActiveWaitMin { minutes: 5 }
        );
        assert_eq!(
            RpcError::new(420, "2FA_CONFIRM_WAIT_86400").to_string(),
            "2FA_CONFIRM_WAIT_86400"
        );
    }

    #[test]
    fn anything_else_is_other_and_displays_as_it_came() {
        for (code, message) in [
            (420, "FLOOD_WAIT_017"),
            (420, "FLOOD_WAIT_"),
            (420, "FLOOD_WAIT_99999999999"),
            (400, "FLOOD_WAIT_17"),
            (420, "FLOOD_PREMIUM_WAIT_5"),
            (400, "SOMETHING_NEW"),
            (500, "Timeout"),
        ] {
            let error = RpcError::new(code, message);
            assert_eq!(
                error,
                RpcError::Other {
                    code,
                    message: message.to_string()
                }
            );
            assert_eq!((error.code(), error.to_string()), (code, message.to_string()));
        }
    }

    #[test]
    fn functions_list_the_errors_they_may_return() {
        // What raw-errors.json's `throws` and api-schema.json's `throws` name for auth.sendCode.
        let text = std::fs::read_to_string(RAW_ERRORS).expect("raw-errors.json");
        let value: Value = serde_json::from_str(&text).expect("JSON");
        let thrown: Vec<&str> = (value["throws"]["auth.sendCode"].as_array().into_iter().flatten())
            .filter_map(Value::as_str)
            .collect();
        assert!(!thrown.is_empty());
        let possible = tl_telegram_docs_tests::api::functions::auth::SendCode::POSSIBLE_ERRORS;
        for name in &thrown {
            assert!(possible.contains(name), "{name}");
        }
        let error = tl_telegram_docs_tests::api::errors::RpcError::new(400, thrown[0]);
        assert!(possible.contains(&error.name()));
        // Its docs list them, each linked to its variant.
        let docs = std::fs::read_to_string(concat!(env!("OUT_DIR"), "/api/functions/auth.rs")).expect("a piece");
        assert!(docs.contains("/// # Errors"), "no errors section");
        assert!(docs.contains("/// - [`400 API_ID_INVALID`](super::super::errors::RpcError::ApiIdInvalid)"));
        // A generic function has them too.
        assert!(!tl_telegram_docs_tests::api::functions::InvokeWithLayer::<()>::POSSIBLE_ERRORS.is_empty());
        // A function no list names an error of: none listed.
        assert!(functions::messages::AcceptUrlAuth::POSSIBLE_ERRORS.is_empty());
    }
}
