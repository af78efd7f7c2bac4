//! tonlib's static requests (those it answers without an instance, through `tonlib_client_json_execute`)
//! that need no network, each sent typed (`Tonlib::execute` with the generated function) and raw (the
//! same JSON text through `execute_json`): the typed answer is the raw one read, and the raw one reads
//! and writes back equal through the generated type of its `"@type"`, obeying the rules.

#[cfg(has_tonlib_api)]
mod with_tonlib_api {
    use serde::Serialize;
    use tl_tdjson::{Error, Function};
    use tl_tonlib_tests::{check_all, library};
    use tonlib_client::tonlib_api::{enums, functions, types};

    /// `function` sent typed and raw; the typed answer, after checking that both agree. Answers that
    /// differ on each call (`encrypt`'s salt) are compared by their `"@type"` only.
    fn typed_and_raw<F: Function>(function: &F) -> F::Return
    where
        F::Return: Serialize,
    {
        let typed = library()
            .execute(function)
            .unwrap_or_else(|error| panic!("{}: {error}", F::TYPE));
        let request = serde_json::to_string(function).expect("a request");
        let raw = library().execute_json(&request).expect("an answer");
        check_all(&raw).unwrap_or_else(|error| panic!("{}: {error}", F::TYPE));
        let raw: serde_json::Value = serde_json::from_str(&raw).expect("JSON");
        let typed_json = serde_json::to_value(&typed).expect("JSON");
        if F::TYPE == "encrypt" {
            assert_eq!(typed_json["@type"], raw["@type"]);
        } else {
            assert_eq!(typed_json, raw, "{}", F::TYPE);
        }
        typed
    }

    #[test]
    fn logging_requests() {
        let level = |level| functions::SetLogVerbosityLevel {
            new_verbosity_level: level,
        };
        typed_and_raw(&level(0));
        let enums::LogVerbosityLevel::LogVerbosityLevel(got) = typed_and_raw(&functions::GetLogVerbosityLevel {});
        assert_eq!(got.verbosity_level, 0);
        let enums::LogTags::LogTags(tags) = typed_and_raw(&functions::GetLogTags {});
        assert!(tags.tags.iter().any(|tag| tag == "tonlib_query"), "{tags:?}");
        let tag = |level| functions::SetLogTagVerbosityLevel {
            tag: "tonlib_query".into(),
            new_verbosity_level: level,
        };
        typed_and_raw(&tag(1));
        let get_tag = functions::GetLogTagVerbosityLevel {
            tag: "tonlib_query".into(),
        };
        let enums::LogVerbosityLevel::LogVerbosityLevel(got) = typed_and_raw(&get_tag);
        assert_eq!(got.verbosity_level, 1);
        let stream = functions::SetLogStream {
            log_stream: enums::LogStream::Empty,
        };
        typed_and_raw(&stream);
        assert_eq!(typed_and_raw(&functions::GetLogStream {}), enums::LogStream::Empty);
        typed_and_raw(&functions::AddLogMessage {
            verbosity_level: 5,
            text: "from the typed API".into(),
        });
    }

    #[test]
    fn addresses_unpack_and_pack_back() {
        let unpack = |address: &str| {
            let unpack = functions::UnpackAccountAddress {
                account_address: address.into(),
            };
            let enums::UnpackedAccountAddress::UnpackedAccountAddress(unpacked) = typed_and_raw(&unpack);
            unpacked
        };
        let pack = |unpacked| {
            let enums::AccountAddress::AccountAddress(packed) = typed_and_raw(&functions::PackAccountAddress {
                account_address: unpacked,
            });
            packed.account_address
        };
        let address = "EQDtFpEwcFAEcRe5mLVh2N6C0x-_hJEM7W61_JLnSF74p4q2";
        assert_eq!(pack(unpack(address)), address);
        for (workchain_id, bounceable, testnet) in [(-1, false, true), (0, true, true), (-1, true, false)] {
            let unpacked = types::UnpackedAccountAddress {
                workchain_id,
                bounceable,
                testnet,
                addr: vec![0x5a; 32],
            };
            let address = pack(unpacked.clone());
            assert_eq!(unpack(&address), unpacked, "{address}");
        }
    }

    #[test]
    fn mnemonic_hints_and_key_derivation() {
        let enums::Bip39Hints::Bip39Hints(hints) = typed_and_raw(&functions::GetBip39Hints { prefix: "zo".into() });
        assert_eq!(hints.words, ["zone", "zoo"]);
        let kdf = functions::Kdf {
            password: b"password".to_vec(),
            salt: b"salt".to_vec(),
            iterations: 1,
        };
        let enums::Data::Data(derived) = typed_and_raw(&kdf);
        assert_eq!(derived.bytes.len(), 64);
    }

    #[test]
    fn encrypt_then_decrypt_gives_the_data_back() {
        let secret = b"a secret".to_vec();
        let enums::Data::Data(encrypted) = typed_and_raw(&functions::Encrypt {
            decrypted_data: b"hello, tonlib".to_vec(),
            secret: secret.clone(),
        });
        let enums::Data::Data(decrypted) = typed_and_raw(&functions::Decrypt {
            encrypted_data: encrypted.bytes,
            secret,
        });
        assert_eq!(decrypted.bytes, b"hello, tonlib");
    }

    /// tonlib's `error` is the typed error, with its code and message.
    #[test]
    fn an_error_answer_is_the_typed_error() {
        let unpack = functions::UnpackAccountAddress {
            account_address: "not an address".into(),
        };
        match library().execute(&unpack) {
            Err(Error::Td(error)) => assert_eq!(error.code, 400, "{error}"),
            other => panic!("expected tonlib's error, got {other:?}"),
        }
    }

    /// A function that needs an instance is tonlib's error from `execute`; a request tonlib cannot read
    /// gets no answer at all (NULL): `Error::NoAnswer`.
    #[test]
    fn what_execute_cannot_run_is_a_readable_error() {
        match library().execute(&functions::Sync {}) {
            Err(Error::Td(error)) => assert_eq!(error.message, "Function can't be executed synchronously"),
            other => panic!("expected tonlib's error, got {other:?}"),
        }
        for unread in [r#"{"@type":"noSuchFunction"}"#, "not JSON"] {
            assert!(
                matches!(library().execute_json(unread), Err(Error::NoAnswer)),
                "{unread}"
            );
        }
    }
}

#[cfg(not(has_tonlib_api))]
#[test]
fn tonlib_api_was_there_when_these_tests_were_built() {
    panic!("{}", tl_tonlib_tests::MISSING_TONLIB_API);
}
