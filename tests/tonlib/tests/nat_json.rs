//! `#` in the JSON interface (`tl_runtime::tdjson::nat`): written as the `int32` tonlib holds, read from
//! that or from the `u32` it is; a number with more than 32 bits, or not a number, is an error.

use serde::{Deserialize, Serialize};

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Nats {
    #[serde(with = "tl_runtime::tdjson::nat")]
    one: u32,
    #[serde(with = "tl_runtime::tdjson::nat", default, skip_serializing_if = "Option::is_none")]
    maybe: Option<u32>,
    #[serde(with = "tl_runtime::tdjson::nat")]
    many: Vec<u32>,
}

#[test]
fn a_nat_is_written_as_the_int32_of_its_bits() {
    let nats = Nats {
        one: u32::MAX,
        maybe: Some(1 << 31),
        many: vec![0, i32::MAX as u32, 3692416887],
    };
    let json = serde_json::to_string(&nats).unwrap();
    assert_eq!(
        json,
        r#"{"one":-1,"maybe":-2147483648,"many":[0,2147483647,-602550409]}"#
    );
    assert_eq!(serde_json::from_str::<Nats>(&json).unwrap(), nats);
}

#[test]
fn a_nat_is_read_from_either_form_and_nothing_wider() {
    let read = |json: &str| serde_json::from_str::<Nats>(json);
    let unsigned = read(r#"{"one":4294967295,"maybe":2147483648,"many":[3692416887]}"#).unwrap();
    assert_eq!(
        (unsigned.one, unsigned.maybe, unsigned.many),
        (u32::MAX, Some(1 << 31), vec![3692416887])
    );
    assert_eq!(read(r#"{"one":0,"many":[]}"#).unwrap().maybe, None);
    for wrong in [
        r#"{"one":4294967296,"many":[]}"#,
        r#"{"one":-2147483649,"many":[]}"#,
        r#"{"one":0,"many":[1e3]}"#,
        r#"{"one":"1","many":[]}"#,
    ] {
        let error = read(wrong).expect_err(wrong).to_string();
        assert!(!error.is_empty(), "{wrong}");
    }
    let error = read(r#"{"one":4294967296,"many":[]}"#).unwrap_err().to_string();
    assert!(error.contains("a 32-bit natural number"), "{error}");
}
