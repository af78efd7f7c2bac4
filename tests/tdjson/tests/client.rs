//! A client of the real libtdjson with the generated td_api types: its first updates, the `test*`
//! functions with typed values (non-ASCII text, empty and large bytes, negative and 64-bit numbers), the
//! authorization state moved on by `setTdlibParameters` with a temporary database, and `close`. Every
//! object TDLib sends is checked: read by the generated types, written back equal as JSON, and obeying the
//! rules of TDLib's JSON (`tl_tdjson_tests::check_all`).

#[cfg(has_td_api)]
mod with_td_api {
    use std::fmt::Debug;
    use std::time::Duration;

    use serde::Serialize;
    use serde_json::Value;
    use tdjson_client::td_api::{enums, functions, types};
    use tl_runtime::tdjson::Tagged;
    use tl_tdjson::{Client, Function, Received, TdError};
    use tl_tdjson_tests::{check_all, library};

    const WAIT: Duration = Duration::from_secs(20);

    /// A client whose every received object is checked; updates are kept, typed, in order.
    struct Checked {
        client: Client<'static, Value>,
        updates: Vec<enums::Update>,
        checked: usize,
    }

    impl Checked {
        fn new() -> Self {
            Checked {
                client: library().client(),
                updates: Vec::new(),
                checked: 0,
            }
        }

        /// Checks `json` as the type `name` and counts it.
        fn check(&mut self, name: &str, json: &str) {
            check_all(name, json).unwrap_or_else(|error| panic!("{name}: {error}"));
            self.checked += 1;
        }

        /// Receives one object: an update is checked and kept; an answer is returned.
        fn receive(&mut self) -> Option<(tl_tdjson::RequestId, String)> {
            match self
                .client
                .receive(WAIT)
                .unwrap()
                .expect("TDLib sends something in time")
            {
                Received::Update(update) => {
                    let json = update.to_string();
                    self.check("Update", &json);
                    self.updates.push(serde_json::from_str(&json).unwrap());
                    None
                }
                Received::Answer { request, json } => Some((request, json)),
            }
        }

        /// Sends `function` and returns its checked answer (or TDLib's error); updates on the way are kept.
        fn call<F: Function>(&mut self, function: &F) -> Result<F::Return, TdError>
        where
            F::Return: Tagged + Serialize + PartialEq + Debug,
        {
            let sent = self.client.send(function).unwrap();
            loop {
                let Some((request, json)) = self.receive() else {
                    continue;
                };
                assert_eq!(request, sent, "answers come in order here");
                return match Client::<Value>::answer::<F>(&json) {
                    Ok(answer) => {
                        self.check(<F::Return as Tagged>::NAME, &json);
                        Ok(answer)
                    }
                    Err(tl_tdjson::Error::Td(error)) => {
                        self.check("Error", &json);
                        Err(error)
                    }
                    Err(other) => panic!("{}: {other}", F::TYPE),
                };
            }
        }

        /// Receives until an authorization state update says `state`.
        fn wait_for_state(&mut self, state: fn(&enums::AuthorizationState) -> bool) {
            let reached = |update: &enums::Update| matches!(update, enums::Update::AuthorizationState(update) if state(&update.authorization_state));
            while !self.updates.iter().any(reached) {
                assert!(self.receive().is_none(), "no request is waiting");
            }
        }
    }

    #[test]
    fn a_client_round_trips_typed_values_and_walks_its_authorization_states() {
        let mut td = Checked::new();
        // TDLib creates the instance on its first request.
        let version = td.call(&functions::GetOption { name: "version".into() }).unwrap();
        assert_eq!(
            version,
            enums::OptionValue::String(types::OptionValueString {
                value: tl_tdjson::FETCHED_TDLIB_VERSION.into()
            })
        );
        td.wait_for_state(|state| matches!(state, enums::AuthorizationState::WaitTdlibParameters));
        let first = td.updates.first().expect("updates came first");
        let enums::Update::Option(option) = first else {
            panic!("the first update is the version: {first:?}")
        };
        assert_eq!(
            (option.name.as_str(), &option.value),
            (
                "version",
                &enums::OptionValue::String(types::OptionValueString {
                    value: tl_tdjson::FETCHED_TDLIB_VERSION.into()
                })
            )
        );

        test_calls(&mut td);
        let database = tempfile::tempdir().unwrap();
        let parameters = functions::SetTdlibParameters {
            use_test_dc: true,
            database_directory: database.path().to_str().unwrap().into(),
            api_id: 1,
            api_hash: "0123456789abcdef0123456789abcdef".into(),
            system_language_code: "en".into(),
            device_model: "tl-codegen test".into(),
            application_version: "1".into(),
            ..Default::default()
        };
        td.call(&parameters).unwrap();
        td.wait_for_state(|state| matches!(state, enums::AuthorizationState::WaitPhoneNumber));
        // Options are answered once the parameters are set.
        sixty_four_bit_options(&mut td);
        td.call(&functions::Close {}).unwrap();
        td.wait_for_state(|state| matches!(state, enums::AuthorizationState::Closed));
        assert!(td.checked > 20, "{} objects checked", td.checked);
    }

    /// The `test*` functions that need no network, with typed values at their edges.
    fn test_calls(td: &mut Checked) {
        assert_eq!(td.call(&functions::TestCallEmpty {}), Ok(enums::Ok::Ok));
        for text in ["", "plain", "Привет 🎉 \"quoted\" \\ \u{1} \n日本"] {
            let enums::TestString::TestString(answer) = td.call(&functions::TestCallString { x: text.into() }).unwrap();
            assert_eq!(answer.value, text);
        }
        let large: Vec<u8> = (0..1 << 20).map(|i: u32| (i * 31 % 251) as u8).collect();
        for bytes in [Vec::new(), vec![0, 255, 1], large] {
            let enums::TestBytes::TestBytes(answer) = td.call(&functions::TestCallBytes { x: bytes.clone() }).unwrap();
            assert_eq!(answer.value, bytes);
        }
        let numbers = vec![i32::MIN, -1, 0, 1, i32::MAX];
        let enums::TestVectorInt::TestVectorInt(answer) =
            td.call(&functions::TestCallVectorInt { x: numbers.clone() }).unwrap();
        assert_eq!(answer.value, numbers);
        let objects: Vec<types::TestInt> = numbers.iter().map(|&value| types::TestInt { value }).collect();
        let enums::TestVectorIntObject::TestVectorIntObject(answer) = td
            .call(&functions::TestCallVectorIntObject { x: objects.clone() })
            .unwrap();
        assert_eq!(answer.value, objects);
        let texts: Vec<tl_runtime::CompactString> = vec!["".into(), "é".into(), "🎉🎉".into()];
        let enums::TestVectorString::TestVectorString(answer) =
            td.call(&functions::TestCallVectorString { x: texts.clone() }).unwrap();
        assert_eq!(answer.value, texts);
        let objects: Vec<types::TestString> = texts
            .iter()
            .map(|value| types::TestString { value: value.clone() })
            .collect();
        let enums::TestVectorStringObject::TestVectorStringObject(answer) = td
            .call(&functions::TestCallVectorStringObject { x: objects.clone() })
            .unwrap();
        assert_eq!(answer.value, objects);
        for (x, square) in [(46340, 2147395600), (-3, 9), (0, 0)] {
            let enums::TestInt::TestInt(answer) = td.call(&functions::TestSquareInt { x }).unwrap();
            assert_eq!(answer.value, square);
        }
        let error = types::Error {
            code: 400,
            message: "wrong ❌".into(),
        };
        let returned = td
            .call(&functions::TestReturnError { error: error.clone() })
            .unwrap_err();
        assert_eq!(
            (returned.code, returned.message.as_str()),
            (error.code, &*error.message)
        );
    }

    /// `int64` both ways: an option of the application's own (`x-` names) set and read back at the edges.
    fn sixty_four_bit_options(td: &mut Checked) {
        for value in [i64::MIN + 1, -1, 1 << 53, i64::MAX] {
            let option = enums::OptionValue::Integer(types::OptionValueInteger { value });
            td.call(&functions::SetOption {
                name: "x-tl-codegen".into(),
                value: Some(option.clone()),
            })
            .unwrap();
            assert_eq!(
                td.call(&functions::GetOption {
                    name: "x-tl-codegen".into()
                }),
                Ok(option)
            );
        }
    }

    #[test]
    fn two_clients_get_their_own_answers() {
        let mut first = Checked::new();
        let mut second = Checked::new();
        let ask = |td: &mut Checked, text: &str| {
            let enums::TestString::TestString(answer) = td.call(&functions::TestCallString { x: text.into() }).unwrap();
            answer.value.to_string()
        };
        for round in 0..5 {
            assert_eq!(ask(&mut first, &format!("first {round}")), format!("first {round}"));
            assert_eq!(ask(&mut second, &format!("second {round}")), format!("second {round}"));
        }
        assert_ne!(first.client.id(), second.client.id());
        for td in [&mut first, &mut second] {
            td.call(&functions::Close {}).unwrap();
            td.wait_for_state(|state| matches!(state, enums::AuthorizationState::Closed));
        }
    }
}

/// Without td_api.tl this binary has no other test: this one fails, naming the command that fetches it.
#[cfg(not(has_td_api))]
#[test]
fn needs_td_api_tl() {
    panic!("{}", tl_tdjson_tests::MISSING_TD_API);
}
