//! The decisions of the login flow, each a small function from what the server said to what to do next.

use tl_runtime::{Deserialize, Error};

use crate::tl::enums::{InputPeer, KeyboardButton, UrlAuthResult, User};
use crate::tl::functions::messages::{
    AcceptUrlAuth, AcceptUrlAuthPeerMsgIdButtonId, RequestUrlAuth, RequestUrlAuthPeerMsgIdButtonId,
};
use crate::tl::types::KeyboardButtonUrlAuth;

/// Why the flow cannot go on.
#[derive(Debug, Clone, PartialEq)]
pub enum LoginError {
    /// The bytes are not a valid TL value.
    Decode(Error),
    /// The button is some other kind of keyboard button.
    NotAUrlAuthButton,
    /// The server asked again for authorization after the user had already accepted.
    UnexpectedRequest,
}

impl From<Error> for LoginError {
    fn from(error: Error) -> Self {
        LoginError::Decode(error)
    }
}

/// A url-auth button and the message it is attached to.
#[derive(Debug, Clone, PartialEq)]
pub struct UrlAuthButton {
    /// The chat of the message.
    pub peer: InputPeer,
    /// The message id.
    pub msg_id: i32,
    /// The button itself.
    pub button: KeyboardButtonUrlAuth,
}

impl UrlAuthButton {
    /// Reads a keyboard button from its encoding; only `keyboardButtonUrlAuth` is a url-auth button.
    pub fn from_bytes(peer: InputPeer, msg_id: i32, bytes: &[u8]) -> Result<Self, LoginError> {
        match KeyboardButton::from_bytes(bytes)? {
            KeyboardButton::UrlAuth(button) => Ok(Self {
                peer,
                msg_id,
                button: *button,
            }),
            _ => Err(LoginError::NotAUrlAuthButton),
        }
    }

    /// `messages.requestUrlAuth` for a press of this button.
    pub fn request(&self) -> RequestUrlAuth {
        RequestUrlAuth {
            peer_msg_id_button_id: Some(RequestUrlAuthPeerMsgIdButtonId {
                peer: self.peer.clone(),
                msg_id: self.msg_id,
                button_id: self.button.button_id,
            }),
            url: None,
        }
    }
}

/// The server wants the user to decide.
#[derive(Debug, Clone, PartialEq)]
pub struct AuthorizationRequest {
    /// The website the user would log in to.
    pub domain: String,
    /// The bot that will be used for the authorization.
    pub bot: User,
    /// The bot would like to send messages to the user.
    pub request_write_access: bool,
}

impl AuthorizationRequest {
    /// The bot's username, to show in the prompt.
    pub fn bot_username(&self) -> Option<&str> {
        match &self.bot {
            User::User(user) => user.username.as_deref(),
            User::Empty(_) => None,
        }
    }
}

/// What to do with the answer to `messages.requestUrlAuth`.
#[derive(Debug, Clone, PartialEq)]
pub enum Prompt {
    /// Ask the user.
    Ask(AuthorizationRequest),
    /// Open this URL now; no question needed.
    Open(String),
}

/// Reads the answer to `messages.requestUrlAuth`.
pub fn on_request_answer(button: &UrlAuthButton, answer: UrlAuthResult) -> Prompt {
    match answer {
        UrlAuthResult::Request(request) => Prompt::Ask(AuthorizationRequest {
            domain: request.domain.into(),
            bot: request.bot,
            request_write_access: request.request_write_access,
        }),
        UrlAuthResult::Accepted(accepted) => Prompt::Open(accepted.url.into()),
        UrlAuthResult::Default => Prompt::Open(button.button.url.to_string()),
    }
}

/// The user's answer to an [`AuthorizationRequest`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    /// Log in; `allow_write` if the user also lets the bot write to them.
    Accept {
        /// Consent to the bot's request for write access.
        allow_write: bool,
    },
    /// Do not log in (the link still opens, without authorization data).
    Refuse,
}

/// What to do after the user chose.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Send this `messages.acceptUrlAuth`, then call [`on_accept_answer`].
    Send(AcceptUrlAuth),
    /// Open this URL.
    Open(String),
}

/// Turns the user's choice into the next step. Write access is only granted if it was requested.
pub fn on_choice(button: &UrlAuthButton, request: &AuthorizationRequest, choice: Choice) -> Step {
    match choice {
        Choice::Accept { allow_write } => Step::Send(AcceptUrlAuth {
            write_allowed: allow_write && request.request_write_access,
            peer_msg_id_button_id: Some(AcceptUrlAuthPeerMsgIdButtonId {
                peer: button.peer.clone(),
                msg_id: button.msg_id,
                button_id: button.button.button_id,
            }),
            url: None,
        }),
        Choice::Refuse => Step::Open(button.button.url.to_string()),
    }
}

/// The URL to open after `messages.acceptUrlAuth` answered.
pub fn on_accept_answer(button: &UrlAuthButton, answer: UrlAuthResult) -> Result<String, LoginError> {
    match answer {
        UrlAuthResult::Accepted(accepted) => Ok(accepted.url.into()),
        UrlAuthResult::Default => Ok(button.button.url.to_string()),
        UrlAuthResult::Request(_) => Err(LoginError::UnexpectedRequest),
    }
}
