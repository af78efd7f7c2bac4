//! Every constructor and function of tonlib_api.tl (the one scripts/fetch-tonlib.sh fetches with the
//! library): sample objects (from seeds, `tl_tdjson_tests::samples`) are read by the generated types,
//! written back equal as JSON, read back to an equal value, and obey the rules of the JSON interface
//! (`tl_tdjson_tests::rules`, a walker over the schema). And the real library reads what the generated
//! functions write: tonlib answers every request it can read (before `init`, with "library is not
//! inited" for most) and none it cannot, so each sample function must get an answer.

#[cfg(has_tonlib_api)]
mod with_tonlib_api {
    use std::time::{Duration, Instant};

    use proptest::prelude::*;
    use tl_tdjson_tests::samples::Samples;
    use tl_tonlib_tests::{check_all, model};

    /// Checks a sample of every constructor (as its type) and every function from `seed`; the failures.
    fn failures_of_seed(seed: u64) -> Vec<String> {
        tl_tdjson_tests::samples::failures_of_seed(model(), seed, |_, json| check_all(json))
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
        // tonlib_api.tl as scripts/fetch-tonlib.sh fetches it: every definition generated.
        assert_eq!((model.constructors.len(), model.functions.len()), (135, 85));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(32))]

        #[test]
        fn samples_of_any_seed_round_trip_and_obey_the_rules(seed in any::<u64>()) {
            let failures = failures_of_seed(seed);
            prop_assert!(failures.is_empty(), "{} failures, the first:\n{}", failures.len(), failures[..failures.len().min(5)].join("\n"));
        }
    }

    /// Functions sent last: `init` and `close` change the instance the others are sent to.
    const LAST: [&str; 2] = ["init", "close"];

    /// Every function's sample, as the generated type writes it, sent to one uninitialised instance of
    /// the real library: each gets an answer (tonlib drops a request it cannot read without one).
    #[test]
    fn the_library_reads_every_function_the_generated_types_write() {
        let model = model();
        let tonlib = tl_tonlib_tests::library();
        let mut client = tonlib.client::<serde_json::Value>().expect("an instance");
        let mut samples = Samples::new(model, 7);
        let mut unanswered = Vec::new();
        let last = |function: &&tl_codegen::model::Item| LAST.iter().position(|name| *name == function.tl_name);
        let mut functions: Vec<_> = model.functions.iter().collect();
        functions.sort_by_key(last);
        for function in functions {
            let sample = samples.object(function).to_string();
            let written = tl_tonlib_tests::check_as(&function.tl_name, &sample).expect("the sample round-trips");
            if !answered(&mut client, &written) {
                unanswered.push(format!("{}: {written}", function.tl_name));
            }
        }
        assert!(unanswered.is_empty(), "no answer to:\n{}", unanswered.join("\n"));
    }

    /// Sends the request `json` (a generated function's JSON) and whether an answer to it comes.
    fn answered(client: &mut tl_tdjson::tonlib::Client<serde_json::Value>, json: &str) -> bool {
        let function = tl_tonlib_tests::Raw(serde_json::from_str(json).expect("JSON"));
        let request = client.send(&function).expect("sent");
        let deadline = Instant::now() + Duration::from_secs(10);
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            match client.receive(left).expect("readable") {
                Some(tl_tdjson::Received::Answer { request: answered, .. }) if answered == request => return true,
                _ => {}
            }
        }
        false
    }
}

#[cfg(not(has_tonlib_api))]
#[test]
fn tonlib_api_was_there_when_these_tests_were_built() {
    panic!("{}", tl_tonlib_tests::MISSING_TONLIB_API);
}
