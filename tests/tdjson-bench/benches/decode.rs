//! Decoding TDLib's JSON into typed values: ours (tl-codegen --tdjson) against tdlib-rs 1.4.0, both
//! generated from the td_api.tl tdlib-rs ships and both read with `serde_json::from_str`.
//!
//! `cargo bench -p tl-tdjson-bench --bench decode`

use divan::{Bencher, black_box};
use tl_tdjson_bench::{message, messages};

mod ours {
    #![allow(missing_docs, unreachable_pub, dead_code, clippy::all)]
    tl_runtime::include_tl!("td_api_1_8_61");
}

fn main() {
    check_both_read_the_documents();
    divan::main();
}

/// Both sides read every document, and to the same content (compared by what each writes back).
fn check_both_read_the_documents() {
    for json in [message(1), messages(3)] {
        let ours: ours::enums::Messages = match serde_json::from_str(&json) {
            Ok(value) => value,
            Err(_) => {
                let one: ours::enums::Message = serde_json::from_str(&json).expect("ours reads the message");
                let theirs: tdlib_rs::enums::Message = serde_json::from_str(&json).expect("tdlib-rs reads the message");
                assert_eq!(json_of(&one), json_of(&theirs));
                continue;
            }
        };
        let theirs: tdlib_rs::enums::Messages = serde_json::from_str(&json).expect("tdlib-rs reads the messages");
        assert_eq!(json_of(&ours), json_of(&theirs));
    }
}

/// What a value writes, comparable between the two: tdlib-rs writes `null` for an absent object where
/// TDLib (and ours) leaves it out, and no `"@type"` in an object of a bare type; both are taken out.
fn json_of(value: &impl serde::Serialize) -> serde_json::Value {
    let mut json = serde_json::to_value(value).expect("writes");
    normalize(&mut json);
    json
}

fn normalize(json: &mut serde_json::Value) {
    match json {
        serde_json::Value::Object(members) => {
            members.retain(|name, value| !value.is_null() && name != "@type");
            members.values_mut().for_each(normalize);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(normalize),
        _ => {}
    }
}

#[divan::bench(name = "one message (1.3 KB): ours")]
fn message_ours(bencher: Bencher) {
    let json = message(1);
    bencher.bench(|| serde_json::from_str::<ours::enums::Message>(black_box(&json)).unwrap());
}

#[divan::bench(name = "one message (1.3 KB): tdlib-rs 1.4.0")]
fn message_tdlib_rs(bencher: Bencher) {
    let json = message(1);
    bencher.bench(|| serde_json::from_str::<tdlib_rs::enums::Message>(black_box(&json)).unwrap());
}

#[divan::bench(name = "messages, 1000 (1.3 MB): ours", sample_count = 30)]
fn messages_ours(bencher: Bencher) {
    let json = messages(1000);
    bencher.bench(|| serde_json::from_str::<ours::enums::Messages>(black_box(&json)).unwrap());
}

#[divan::bench(name = "messages, 1000 (1.3 MB): tdlib-rs 1.4.0", sample_count = 30)]
fn messages_tdlib_rs(bencher: Bencher) {
    let json = messages(1000);
    bencher.bench(|| serde_json::from_str::<tdlib_rs::enums::Messages>(black_box(&json)).unwrap());
}
