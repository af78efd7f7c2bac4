//! Layer 221 + mtproto.tl (only where `../shared/schema/` has it; CI does): every constructor and function
//! round-trips through the generated code. grammers-tl-types is layer 230, so it is not compared here.

/// The tests, built where `../shared/schema/api-layer221.tl` is (public: the dispatch tables are).
#[cfg(has_layer221)]
pub mod with_layer221 {
    use tl_tests::samples::{Fill, round_trip as ours, sweep_constructors, sweep_functions};

    include!(concat!(env!("OUT_DIR"), "/dispatch221.rs"));

    #[test]
    fn every_constructor_and_function_round_trips() {
        let files = [
            tl_tests::api_layer221().expect("has_layer221 means the file is there"),
            tl_tests::mtproto(),
        ];
        let model = tl_tests::samples::model_of(&files);
        for fill in [Fill::All, Fill::None] {
            let constructors = sweep_constructors(&model, fill, check_type);
            assert!(constructors.failures.is_empty(), "{}", constructors.report());
            let functions = sweep_functions(&model, fill, check_function);
            assert!(functions.failures.is_empty(), "{}", functions.report());
            assert!(
                constructors.checked + functions.checked > 2000,
                "{}",
                constructors.checked + functions.checked
            );
        }
    }
}

/// Without ../shared/schema/api-layer221.tl this binary has no other test: this one fails on CI, and elsewhere passes saying so.
#[cfg(not(has_layer221))]
#[test]
fn skipped_without_shared() {
    tl_tests::shared_input_absent("../shared/schema/api-layer221.tl");
}
