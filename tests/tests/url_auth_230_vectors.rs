//! The layer-230 url-auth bindings (`tl-generated-230`, from `schema/url_auth_230.tl`) against kurigram
//! 2.2.26's bytes (`tests/fixtures/vectors/url_auth_230.txt`, made by
//! `tests/vectors/make_url_auth_230_vectors.py`): every vector decodes and writes back unchanged, and the
//! values a client builds write exactly kurigram's bytes.

use tl_generated_230::functions::messages::{
    AcceptUrlAuth, AcceptUrlAuthPeerMsgIdButtonId, CheckUrlAuthMatchCode, DeclineUrlAuth, RequestUrlAuth,
    RequestUrlAuthPeerMsgIdButtonId,
};
use tl_generated_230::{enums, types};
use tl_runtime::{Deserialize, Serialize};

const VECTORS: &str = include_str!("../fixtures/vectors/url_auth_230.txt");
const URL: &str = "https://example.com/login";

fn vector(name: &str) -> Vec<u8> {
    let line = (VECTORS.lines())
        .find(|line| line.split(' ').next() == Some(name))
        .unwrap_or_else(|| panic!("no vector {name}"));
    let hex = line.split(' ').nth(2).expect("hex");
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
        .collect()
}

fn round_trip<T: Serialize + Deserialize>(name: &str) -> T {
    let bytes = vector(name);
    let value = T::from_bytes(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(value.to_bytes(), bytes, "{name} writes back unchanged");
    value
}

fn peer() -> enums::InputPeer {
    types::InputPeerUser {
        user_id: 1234567890,
        access_hash: -4321,
    }
    .into()
}

#[test]
fn every_vector_decodes_and_writes_back_unchanged() {
    let enums::UrlAuthResult::Request(request) = round_trip::<enums::UrlAuthResult>("result_request_full") else {
        panic!("a request")
    };
    assert!(request.request_phone_number && request.match_codes_first && request.is_app);
    let place = request
        .browser_platform_ip_region
        .as_ref()
        .expect("browser, platform, ip and region");
    assert_eq!(
        (
            place.browser.as_str(),
            place.platform.as_str(),
            place.ip.as_str(),
            place.region.as_str()
        ),
        ("Firefox 140", "Linux", "203.0.113.7", "Berlin, Germany")
    );
    assert_eq!(request.match_codes.as_deref().map(<[_]>::len), Some(3));
    assert_eq!(
        (request.user_id_hint, request.verified_app_name.as_deref()),
        (Some(777000), Some("Example App"))
    );
    round_trip::<enums::UrlAuthResult>("result_request_minimal");
    round_trip::<enums::UrlAuthResult>("result_accepted_url");
    let accepted = round_trip::<enums::UrlAuthResult>("result_accepted_no_url");
    assert_eq!(
        accepted,
        enums::UrlAuthResult::Accepted(types::UrlAuthResultAccepted { url: None })
    );
    round_trip::<enums::UrlAuthResult>("result_default");
    round_trip::<enums::InlineButtonType>("button");
    round_trip::<enums::InlineButtonType>("input_button");
    round_trip::<RequestUrlAuth>("request");
    round_trip::<RequestUrlAuth>("request_by_url");
    round_trip::<AcceptUrlAuth>("accept");
    round_trip::<DeclineUrlAuth>("decline");
    round_trip::<CheckUrlAuthMatchCode>("check_match_code");
}

#[test]
fn what_a_client_builds_is_kurigrams_bytes() {
    let request = RequestUrlAuth {
        peer_msg_id_button_id: Some(RequestUrlAuthPeerMsgIdButtonId {
            peer: peer(),
            msg_id: 42,
            button_id: 3,
        }),
        in_app_origin: Some("https://app.example.com".into()),
        ..Default::default()
    };
    assert_eq!(request.to_bytes(), vector("request"));
    let accept = AcceptUrlAuth {
        write_allowed: true,
        share_phone_number: true,
        peer_msg_id_button_id: Some(AcceptUrlAuthPeerMsgIdButtonId {
            peer: peer(),
            msg_id: 42,
            button_id: 3,
        }),
        match_code: Some("34".into()),
        ..Default::default()
    };
    assert_eq!(accept.to_bytes(), vector("accept"));
    assert_eq!(DeclineUrlAuth { url: URL.into() }.to_bytes(), vector("decline"));
    let check = CheckUrlAuthMatchCode {
        url: URL.into(),
        match_code: "34".into(),
    };
    assert_eq!(check.to_bytes(), vector("check_match_code"));
}
