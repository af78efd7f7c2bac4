//! Today's flow (layer 230), offline: the server's answers are kurigram 2.2.26's bytes
//! (`tests/fixtures/vectors/url_auth_230.txt`), and what the client sends must be kurigram's bytes too.

use tl_generated_230::enums::{InputPeer, UrlAuthResult, User};
use tl_generated_230::types;
use tl_runtime::{Deserialize, Serialize};
use url_auth_client::login::LoginError;
use url_auth_client::today::{Choice, Prompt, Step, UrlAuthButton, on_accept_answer, on_choice, on_request_answer};

const VECTORS: &str = include_str!("../../../tests/fixtures/vectors/url_auth_230.txt");

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

fn pressed_button() -> UrlAuthButton {
    let chat: InputPeer = types::InputPeerUser {
        user_id: 1234567890,
        access_hash: -4321,
    }
    .into();
    UrlAuthButton::from_bytes(chat, 42, &vector("button")).expect("a url-auth button")
}

#[test]
fn the_button_and_the_request() {
    let button = pressed_button();
    assert_eq!(
        (button.button.url.as_str(), button.button.button_id),
        ("https://example.com/login", 3)
    );
    let request = button.request(Some("https://app.example.com"));
    assert_eq!(request.to_bytes(), vector("request"));
    assert_eq!(
        UrlAuthButton::from_bytes(button.peer.clone(), 42, &vector("input_button")),
        Err(LoginError::NotAUrlAuthButton),
        "the input form is what a bot sends, not what a client presses"
    );
}

#[test]
fn every_new_field_of_the_request_is_shown_and_accepting_uses_the_new_options() {
    let button = pressed_button();
    let answer = UrlAuthResult::from_bytes(&vector("result_request_full")).expect("decodes");
    let Prompt::Ask(request) = on_request_answer(&button, answer) else {
        panic!("must ask")
    };
    assert!(matches!(&request.bot, User::User(bot) if bot.username.as_deref() == Some("example_bot")));
    assert_eq!(
        request.describe(),
        [
            "Log in to example.com?",
            "Verified app: Example App",
            "Requested from Firefox 140 on Linux, 203.0.113.7 (Berlin, Germany)",
            "The bot would like to message you.",
            "The website would like your phone number.",
            "Codes: 12 34 56",
        ]
    );
    assert!(request.match_codes_first && request.is_app);
    assert_eq!(request.user_id_hint, Some(777000));
    let choice = Choice::Accept {
        allow_write: true,
        share_phone: true,
        match_code: Some("34".into()),
    };
    let Step::Accept(accept) = on_choice(&button, &request, choice) else {
        panic!("accepts")
    };
    assert_eq!(accept.to_bytes(), vector("accept"));
}

#[test]
fn declining_sends_decline_url_auth_and_accepted_without_url_opens_the_button() {
    let button = pressed_button();
    let answer = UrlAuthResult::from_bytes(&vector("result_request_minimal")).expect("decodes");
    let Prompt::Ask(request) = on_request_answer(&button, answer) else {
        panic!("must ask")
    };
    assert_eq!(request.describe(), ["Log in to example.com?"]);
    let Step::Decline(decline) = on_choice(&button, &request, Choice::Decline) else {
        panic!("declines")
    };
    assert_eq!(decline.to_bytes(), vector("decline"));
    let no_url = UrlAuthResult::from_bytes(&vector("result_accepted_no_url")).expect("decodes");
    assert_eq!(
        on_accept_answer(&button, no_url).as_deref(),
        Ok("https://example.com/login")
    );
    let with_url = UrlAuthResult::from_bytes(&vector("result_accepted_url")).expect("decodes");
    assert_eq!(
        on_accept_answer(&button, with_url).as_deref(),
        Ok("https://example.com/login?id=1&hash=abc")
    );
    // Nothing was asked for, so nothing is given even if the user ticked it.
    let choice = Choice::Accept {
        allow_write: true,
        share_phone: true,
        match_code: None,
    };
    let Step::Accept(accept) = on_choice(&button, &request, choice) else {
        panic!("accepts")
    };
    assert!(!accept.write_allowed && !accept.share_phone_number);
}
