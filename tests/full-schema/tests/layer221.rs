//! Layer 221 + mtproto.tl (only where `../shared/schema/` has it; CI does): every constructor and function
//! round-trips through the generated code. grammers-tl-types is layer 230, so it is not compared here.
#![cfg(has_layer221)]

use tl_tests::samples::{Fill, boxed, round_trip as ours};

include!(concat!(env!("OUT_DIR"), "/dispatch221.rs"));

#[test]
fn every_constructor_and_function_round_trips() {
    let files = [
        tl_tests::api_layer221().expect("has_layer221 means the file is there"),
        tl_tests::mtproto(),
    ];
    let model = tl_tests::samples::model_of(&files);
    let mut failures = Vec::new();
    let mut checked = 0;
    for fill in [Fill::All, Fill::None] {
        for ty in &model.types {
            for variant in &ty.variants {
                let constructor = &model.constructors[variant.constructor];
                if let Err(error) = check_type(&ty.tl_name, &boxed(&model, constructor, fill)) {
                    failures.push(format!("{} ({fill:?}): {error}", constructor.tl_name));
                }
                checked += 1;
            }
        }
        for function in model.functions.iter().filter(|f| f.generics.is_empty()) {
            if let Err(error) = check_function(&function.tl_name, &boxed(&model, function, fill)) {
                failures.push(format!("{} ({fill:?}): {error}", function.tl_name));
            }
            checked += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked > 2 * 2000, "{checked}");
}
