//! A tonlib instance through `tl_tdjson::tonlib::Client`, typed: `init` with an in-memory key store and
//! an offline configuration, then local key operations round-trip typed values (a key exported four ways
//! imports back to the same public key), addresses are computed, and a request that needs the network
//! answers tonlib's typed error. Every object the library sends (answers and updates) is read by the
//! generated type of its `"@type"` and written back equal, obeying the rules of the JSON interface.

#[cfg(has_tonlib_api)]
mod with_tonlib_api {
    use std::time::{Duration, Instant};

    use tl_tdjson::tonlib::Client;
    use tl_tdjson::{Error, Function, Received};
    use tl_tonlib_tests::{check_all, library};
    use tonlib_client::tonlib_api::{enums, functions, types};

    const WAIT: Duration = Duration::from_secs(30);

    /// A client whose updates come as JSON values, so that each is checked as the library wrote it.
    struct Checked {
        client: Client<serde_json::Value>,
        seen: usize,
    }

    impl Checked {
        fn new() -> Self {
            let mut checked = Checked {
                client: library().client().expect("an instance"),
                seen: 0,
            };
            let enums::options::Info::Info(info) = checked.call(&tonlib_client::offline_init()).expect("init");
            assert!(info.config_info.default_wallet_id != 0, "{info:?}");
            checked
        }

        /// Sends `function` and reads its answer, checking every object received on the way.
        fn call<F: Function>(&mut self, function: &F) -> Result<F::Return, Error> {
            let request = self.client.send(function)?;
            let deadline = Instant::now() + WAIT;
            loop {
                let left = deadline.saturating_duration_since(Instant::now());
                match self.client.receive(left)? {
                    Some(Received::Answer {
                        request: answered,
                        json,
                    }) => {
                        self.check(&json);
                        if answered == request {
                            return Client::<serde_json::Value>::answer::<F>(&json);
                        }
                    }
                    Some(Received::Update(update)) => self.check(&update.to_string()),
                    None => return Err(Error::Timeout),
                }
            }
        }

        fn check(&mut self, json: &str) {
            check_all(json).unwrap_or_else(|error| panic!("{error}"));
            self.seen += 1;
        }
    }

    fn regular(key: &types::Key, local_password: &[u8]) -> enums::InputKey {
        enums::InputKey::Regular(Box::new(types::InputKeyRegular {
            key: key.clone(),
            local_password: local_password.to_vec(),
        }))
    }

    fn public_key(key: enums::Key) -> String {
        let enums::Key::Key(key) = key;
        key.public_key.to_string()
    }

    #[test]
    fn keys_made_exported_and_imported_round_trip() {
        let mut tonlib = Checked::new();
        let local = b"local password";
        let enums::Key::Key(key) = tonlib
            .call(&functions::CreateNewKey {
                local_password: local.to_vec(),
                mnemonic_password: Vec::new(),
                random_extra_seed: b"seed".to_vec(),
            })
            .expect("a new key");
        let enums::ExportedKey::ExportedKey(words) = tonlib
            .call(&functions::ExportKey {
                input_key: regular(&key, local),
            })
            .expect("its words");
        assert_eq!(words.word_list.len(), 24);
        let imported = tonlib.call(&functions::ImportKey {
            local_password: b"other".to_vec(),
            mnemonic_password: Vec::new(),
            exported_key: words,
        });
        assert_eq!(public_key(imported.expect("imported from words")), key.public_key);
        let enums::ExportedPemKey::ExportedPemKey(pem) = tonlib
            .call(&functions::ExportPemKey {
                input_key: regular(&key, local),
                key_password: b"pem password".to_vec(),
            })
            .expect("as PEM");
        assert!(pem.pem.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----"), "{pem:?}");
        let imported = tonlib.call(&functions::ImportPemKey {
            local_password: b"other".to_vec(),
            key_password: b"pem password".to_vec(),
            exported_key: pem,
        });
        assert_eq!(public_key(imported.expect("imported from PEM")), key.public_key);
        let enums::ExportedEncryptedKey::ExportedEncryptedKey(encrypted) = tonlib
            .call(&functions::ExportEncryptedKey {
                input_key: regular(&key, local),
                key_password: b"k".to_vec(),
            })
            .expect("encrypted");
        let imported = tonlib.call(&functions::ImportEncryptedKey {
            local_password: b"other".to_vec(),
            key_password: b"k".to_vec(),
            exported_encrypted_key: encrypted,
        });
        assert_eq!(public_key(imported.expect("imported encrypted")), key.public_key);
        let enums::ExportedUnencryptedKey::ExportedUnencryptedKey(plain) = tonlib
            .call(&functions::ExportUnencryptedKey {
                input_key: regular(&key, local),
            })
            .expect("unencrypted");
        assert_eq!(plain.data.len(), 32);
        let imported = tonlib.call(&functions::ImportUnencryptedKey {
            local_password: b"other".to_vec(),
            exported_unencrypted_key: plain,
        });
        // tonlib answers this one with the public key's 32 raw bytes as the string, not in the base64url
        // form of the others' answers (not UTF-8, so read with replacement characters): only its being a
        // key is checked.
        assert!(!public_key(imported.expect("imported unencrypted")).is_empty());
        let changed = tonlib.call(&functions::ChangeLocalPassword {
            input_key: regular(&key, local),
            new_local_password: b"new".to_vec(),
        });
        // The same raw form as importUnencryptedKey's answer.
        assert!(!public_key(changed.expect("a new password")).is_empty());
        tonlib
            .call(&functions::DeleteKey { key: key.clone() })
            .expect("deleted");
        tonlib.call(&functions::DeleteAllKeys {}).expect("all deleted");
        assert!(tonlib.seen >= 13, "{} objects", tonlib.seen);
    }

    #[test]
    fn addresses_are_computed_offline() {
        let mut tonlib = Checked::new();
        let enums::Key::Key(key) = tonlib
            .call(&functions::CreateNewKey {
                local_password: Vec::new(),
                mnemonic_password: Vec::new(),
                random_extra_seed: Vec::new(),
            })
            .expect("a new key");
        let wallet = |revision| functions::GetAccountAddress {
            initial_account_state: types::wallet_v3::InitialAccountState {
                public_key: key.public_key.clone(),
                wallet_id: 698983191,
            }
            .into(),
            revision,
            workchain_id: 0,
        };
        let enums::AccountAddress::AccountAddress(first) = tonlib.call(&wallet(1)).expect("an address");
        let enums::AccountAddress::AccountAddress(again) = tonlib.call(&wallet(1)).expect("an address");
        assert_eq!(first, again);
        let unpack = functions::UnpackAccountAddress {
            account_address: first.account_address.clone(),
        };
        let enums::UnpackedAccountAddress::UnpackedAccountAddress(unpacked) = tonlib.call(&unpack).expect("parts");
        assert_eq!(unpacked.workchain_id, 0);
    }

    /// A payment channel promise packed by tonlib and unpacked back holds the values sent: the library
    /// read `promise_A` and `promise_B`, members named as the TL params (not as the Rust fields
    /// `promise_a`, `promise_b`, which it would have ignored, reading 0). (tonlib packs negative amounts
    /// but cannot unpack them: both are positive.)
    #[test]
    fn a_promise_packs_and_unpacks_with_its_tl_member_names() {
        let mut tonlib = Checked::new();
        let promise = types::pchan::Promise {
            signature: vec![7; 64],
            promise_a: 5_000_000_000,
            promise_b: 3,
            channel_id: 42,
        };
        let written = serde_json::to_string(&promise).unwrap();
        assert!(
            written.contains(r#""promise_A":"5000000000","promise_B":"3""#),
            "{written}"
        );
        let enums::Data::Data(packed) = tonlib
            .call(&functions::pchan::PackPromise {
                promise: promise.clone(),
            })
            .expect("packed");
        let enums::pchan::Promise::Promise(unpacked) = tonlib
            .call(&functions::pchan::UnpackPromise { data: packed.bytes })
            .expect("unpacked");
        assert_eq!(unpacked, promise);
    }

    /// Without a lite server to ask, a request for the chain's state is tonlib's typed error, and the
    /// sync updates that came first were read (and checked) on the way.
    #[test]
    fn a_request_for_the_network_is_tonlibs_typed_error() {
        let mut tonlib = Checked::new();
        match tonlib.call(&functions::Sync {}) {
            Err(Error::Td(error)) => assert!(error.message.contains("LITE_SERVER"), "{error}"),
            other => panic!("expected tonlib's network error, got {other:?}"),
        }
    }

    /// tonlib drops a request it cannot read without an answer: an unknown `"@type"`, a `#` written as the
    /// `u32` it is when above `i32::MAX` (tonlib holds it in an `int32`), an `int256` in hex; the generated
    /// types write that `#` as the `int32` of the same bits and the `int256` in base64, which are answered.
    #[test]
    fn a_request_tonlib_cannot_read_gets_no_answer() {
        let mut client = library().client::<serde_json::Value>().expect("an instance");
        let short = Duration::from_secs(2);
        let unread_requests = [
            r#"{"@type":"noSuchFunction"}"#,
            r#"{"@type":"getConfigAll","mode":3692416887}"#,
            // An `int256` in hex: tonlib reads only base64, as the generated type writes it (below).
            r#"{"@type":"smc.getLibraries","library_list":["0101"]}"#,
        ];
        for unread in unread_requests {
            let request = tl_tonlib_tests::Raw(serde_json::from_str(unread).expect("JSON"));
            assert!(matches!(client.call(&request, short), Err(Error::Timeout)), "{unread}");
        }
        let typed = functions::GetConfigAll { mode: 3692416887 };
        assert_eq!(
            serde_json::to_string(&typed).unwrap(),
            r#"{"@type":"getConfigAll","mode":-602550409}"#
        );
        match client.call(&typed, WAIT) {
            Err(Error::Td(error)) => assert_eq!(error.message, "library is not inited"),
            other => panic!("expected tonlib's error, got {other:?}"),
        }
        let libraries = functions::smc::GetLibraries {
            library_list: vec![[1; 32]],
        };
        let written = serde_json::to_string(&libraries).unwrap();
        assert!(
            written.contains(r#"["AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE="]"#),
            "{written}"
        );
        match client.call(&libraries, WAIT) {
            Err(Error::Td(error)) => assert_eq!(error.message, "library is not inited"),
            other => panic!("expected tonlib's error, got {other:?}"),
        }
    }

    /// Before `init`, tonlib answers (it read the request) with its error.
    #[test]
    fn a_client_before_init_gets_tonlibs_error() {
        let mut client = library().client::<serde_json::Value>().expect("an instance");
        let answer = client.call(&functions::DeleteAllKeys {}, WAIT);
        match answer {
            Err(Error::Td(error)) => assert_eq!(error.message, "library is not inited"),
            other => panic!("expected tonlib's error, got {other:?}"),
        }
    }
}

#[cfg(not(has_tonlib_api))]
#[test]
fn tonlib_api_was_there_when_these_tests_were_built() {
    panic!("{}", tl_tonlib_tests::MISSING_TONLIB_API);
}
