//! The Seamless Login flow, offline: the button and the server's answers are bytes (the kurigram 2.2.18
//! vectors of `tests/fixtures/vectors/url_auth.txt`), and what the client sends must match those bytes.

use tl_runtime::{Deserialize, Serialize};
use url_auth_client::login::{
    Choice, LoginError, Prompt, Step, UrlAuthButton, on_accept_answer, on_choice, on_request_answer,
};
use url_auth_client::tl::enums::{InputPeer, UrlAuthResult};
use url_auth_client::tl::types;

const VECTORS: &str = include_str!("../../../tests/fixtures/vectors/url_auth.txt");

/// The kurigram encoding named `name`.
fn vector(name: &str) -> Vec<u8> {
    let line = VECTORS
        .lines()
        .find(|l| l.starts_with(&format!("{name} kurigram")))
        .unwrap_or_else(|| panic!("no vector {name}"));
    let hex = line.rsplit(' ').next().expect("hex");
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
        .collect()
}

fn chat() -> InputPeer {
    types::InputPeerUser {
        user_id: 1234567890,
        access_hash: -4321,
    }
    .into()
}

fn pressed_button() -> UrlAuthButton {
    UrlAuthButton::from_bytes(chat(), 42, &vector("keyboard_button")).expect("a url-auth button")
}

#[test]
fn pressing_the_button_sends_request_url_auth() {
    let button = pressed_button();
    assert_eq!(button.button.text, "Log in");
    assert_eq!(button.button.url, "https://example.com/login");
    assert_eq!(button.request().to_bytes(), vector("request_by_button"));
}

#[test]
fn only_url_auth_buttons_start_the_flow() {
    let input_button = vector("input_keyboard_button");
    assert_eq!(
        UrlAuthButton::from_bytes(chat(), 42, &input_button),
        Err(LoginError::NotAUrlAuthButton)
    );
    assert!(matches!(
        UrlAuthButton::from_bytes(chat(), 42, &[1, 2, 3, 4]),
        Err(LoginError::Decode(_))
    ));
}

#[test]
fn an_authorization_request_asks_the_user() {
    let button = pressed_button();
    let answer = UrlAuthResult::from_bytes(&vector("result_request_full_bot")).expect("decodes");
    let Prompt::Ask(request) = on_request_answer(&button, answer) else {
        panic!("must ask")
    };
    assert_eq!(request.domain, "example.com");
    assert_eq!(request.bot_username(), Some("example_bot"));
    assert!(!request.request_write_access);

    let answer = UrlAuthResult::from_bytes(&vector("result_request_empty_bot")).expect("decodes");
    let Prompt::Ask(request) = on_request_answer(&button, answer) else {
        panic!("must ask")
    };
    assert!(request.request_write_access);
    assert_eq!(request.bot_username(), None);
}

#[test]
fn accepting_sends_accept_url_auth_with_or_without_write_access() {
    let button = pressed_button();
    let wants_write = UrlAuthResult::from_bytes(&vector("result_request_empty_bot")).expect("decodes");
    let Prompt::Ask(request) = on_request_answer(&button, wants_write) else {
        panic!("must ask")
    };

    let Step::Send(accept) = on_choice(&button, &request, Choice::Accept { allow_write: true }) else {
        panic!()
    };
    assert_eq!(accept.to_bytes(), vector("accept_with_write"));
    let Step::Send(accept) = on_choice(&button, &request, Choice::Accept { allow_write: false }) else {
        panic!()
    };
    assert_eq!(accept.to_bytes(), vector("accept_without_write"));

    // Write access is never granted when the bot did not ask for it.
    let no_write = UrlAuthResult::from_bytes(&vector("result_request_full_bot")).expect("decodes");
    let Prompt::Ask(request) = on_request_answer(&button, no_write) else {
        panic!("must ask")
    };
    let Step::Send(accept) = on_choice(&button, &request, Choice::Accept { allow_write: true }) else {
        panic!()
    };
    assert!(!accept.write_allowed);
}

#[test]
fn the_url_to_open_after_accepting() {
    let button = pressed_button();
    let accepted = UrlAuthResult::from_bytes(&vector("result_accepted")).expect("decodes");
    assert_eq!(
        on_accept_answer(&button, accepted).as_deref(),
        Ok("https://example.com/login?id=1&hash=abc")
    );
    let default = UrlAuthResult::from_bytes(&vector("result_default")).expect("decodes");
    assert_eq!(
        on_accept_answer(&button, default).as_deref(),
        Ok("https://example.com/login")
    );
    let again = UrlAuthResult::from_bytes(&vector("result_request_empty_bot")).expect("decodes");
    assert_eq!(on_accept_answer(&button, again), Err(LoginError::UnexpectedRequest));
}

#[test]
fn refusing_opens_the_buttons_own_url() {
    let button = pressed_button();
    let answer = UrlAuthResult::from_bytes(&vector("result_request_full_bot")).expect("decodes");
    let Prompt::Ask(request) = on_request_answer(&button, answer) else {
        panic!("must ask")
    };
    assert_eq!(
        on_choice(&button, &request, Choice::Refuse),
        Step::Open("https://example.com/login".into())
    );
}

#[test]
fn answers_that_need_no_question_open_directly() {
    let button = pressed_button();
    let accepted = UrlAuthResult::from_bytes(&vector("result_accepted")).expect("decodes");
    assert_eq!(
        on_request_answer(&button, accepted),
        Prompt::Open("https://example.com/login?id=1&hash=abc".into())
    );
    assert_eq!(
        on_request_answer(&button, UrlAuthResult::Default),
        Prompt::Open("https://example.com/login".into())
    );
}

#[test]
fn the_website_verifies_the_user_the_accepted_url_carries() {
    use url_auth_client::service::{handle_login, telegram_signed_url, unix};
    let bot_token = "5768337691:offline-example-token";
    let button = pressed_button();
    let user = [("id", "5000000001"), ("first_name", "Ann"), ("username", "ann")];
    let url = telegram_signed_url(bot_token, &button.button.url, &user, 1_764_200_000);
    // Telegram's answer to messages.acceptUrlAuth, on the wire and back.
    let answer = UrlAuthResult::Accepted(url_auth_client::tl::types::UrlAuthResultAccepted { url: url.into() });
    let answer = UrlAuthResult::from_bytes(&answer.to_bytes()).expect("decodes");
    let opened = on_accept_answer(&button, answer).expect("a URL to open");
    assert!(opened.starts_with("https://example.com/login?"), "{opened}");
    let user = handle_login(bot_token, &opened, unix(1_764_200_030)).expect("the website accepts the login");
    assert_eq!(
        (user.id, user.first_name.as_str(), user.username.as_deref()),
        (5_000_000_001, "Ann", Some("ann"))
    );
    // A forged id, another bot's token and a day-old link are refused.
    let forged = opened.replace("id=5000000001", "id=5000000002");
    assert_eq!(
        handle_login(bot_token, &forged, unix(1_764_200_030)),
        Err(tl_login::LoginError::Mismatch)
    );
    assert!(handle_login("1:other", &opened, unix(1_764_200_030)).is_err());
    assert!(matches!(
        handle_login(bot_token, &opened, unix(1_764_200_000 + 86_401)),
        Err(tl_login::LoginError::Expired { .. })
    ));
}
