//! Today's flow (layer 230), with the checked-in `tl-generated-230` bindings: the button is an
//! `inlineButtonTypeUrlAuth`; `messages.requestUrlAuth` may say where a Mini App opened it
//! (`in_app_origin`); the answer may ask for the phone number and carry where the login started
//! (browser, platform, IP, region), match codes and the name of a verified app; accepting may share the
//! phone number and give the match code the user picked; refusing is now a request of its own
//! (`messages.declineUrlAuth`); and `urlAuthResultAccepted` may come without a URL, when the button's own
//! URL is opened.
//!
//! Where the schema alone does not say what a field means, this module does not guess: it passes the
//! value on and says so. `match_codes`, `match_codes_first`, `user_id_hint`, `is_app` and `in_app_origin`
//! are such fields: the schema gives only their names and types.

use tl_generated_230::enums::{InlineButtonType, InputPeer, UrlAuthResult, User};
use tl_generated_230::functions::messages::{
    AcceptUrlAuth, AcceptUrlAuthPeerMsgIdButtonId, DeclineUrlAuth, RequestUrlAuth, RequestUrlAuthPeerMsgIdButtonId,
};
use tl_generated_230::types::InlineButtonTypeUrlAuth;
use tl_runtime::Deserialize;

use crate::login::LoginError;

/// A url-auth button of today's API and the message it is attached to.
#[derive(Debug, Clone, PartialEq)]
pub struct UrlAuthButton {
    /// The chat of the message.
    pub peer: InputPeer,
    /// The message id.
    pub msg_id: i32,
    /// The button.
    pub button: InlineButtonTypeUrlAuth,
}

impl UrlAuthButton {
    /// Reads a button type from its encoding; only `inlineButtonTypeUrlAuth` is a url-auth button.
    pub fn from_bytes(peer: InputPeer, msg_id: i32, bytes: &[u8]) -> Result<Self, LoginError> {
        let button = InlineButtonType::from_bytes(bytes).map_err(LoginError::Decode)?;
        let button = InlineButtonTypeUrlAuth::try_from(button).map_err(|_| LoginError::NotAUrlAuthButton)?;
        Ok(Self { peer, msg_id, button })
    }

    /// `messages.requestUrlAuth` for a press of this button; `in_app_origin` is passed on as given (the
    /// schema names it only: presumably the origin of a Mini App the button was pressed in).
    pub fn request(&self, in_app_origin: Option<&str>) -> RequestUrlAuth {
        RequestUrlAuth {
            peer_msg_id_button_id: Some(RequestUrlAuthPeerMsgIdButtonId {
                peer: self.peer.clone(),
                msg_id: self.msg_id,
                button_id: self.button.button_id,
            }),
            in_app_origin: in_app_origin.map(Into::into),
            url: None,
        }
    }
}

/// The server wants the user to decide: everything `urlAuthResultRequest` says.
#[derive(Debug, Clone, PartialEq)]
pub struct LoginRequest {
    /// The website the user would log in to.
    pub domain: String,
    /// The bot used for the authorization.
    pub bot: User,
    /// The bot would like to send messages to the user.
    pub request_write_access: bool,
    /// The website would like the user's phone number.
    pub request_phone_number: bool,
    /// Where the login was started, if the server says: browser, platform, IP address and region.
    pub origin: Option<[String; 4]>,
    /// Codes to show; the schema does not say how (presumably one of them matches what the website
    /// shows, and the user picks it: see [`Choice::Accept`]).
    pub match_codes: Vec<String>,
    /// Set with `match_codes`; the schema does not say what it changes (passed on as received).
    pub match_codes_first: bool,
    /// The schema does not say what it marks (passed on as received).
    pub is_app: bool,
    /// A user id; the schema does not say whose (passed on as received).
    pub user_id_hint: Option<i64>,
    /// The name of a verified app behind the website, if any.
    pub verified_app_name: Option<String>,
}

impl LoginRequest {
    /// The lines a client shows in its prompt, one per fact the server gave.
    pub fn describe(&self) -> Vec<String> {
        let mut lines = vec![format!("Log in to {}?", self.domain)];
        if let Some(name) = &self.verified_app_name {
            lines.push(format!("Verified app: {name}"));
        }
        if let Some([browser, platform, ip, region]) = &self.origin {
            lines.push(format!("Requested from {browser} on {platform}, {ip} ({region})"));
        }
        if self.request_write_access {
            lines.push("The bot would like to message you.".into());
        }
        if self.request_phone_number {
            lines.push("The website would like your phone number.".into());
        }
        if !self.match_codes.is_empty() {
            lines.push(format!("Codes: {}", self.match_codes.join(" ")));
        }
        lines
    }
}

/// What to do with the answer to `messages.requestUrlAuth`.
#[derive(Debug, Clone, PartialEq)]
pub enum Prompt {
    /// Ask the user.
    Ask(Box<LoginRequest>),
    /// Open this URL now; no question needed.
    Open(String),
}

/// Reads the answer to `messages.requestUrlAuth`.
pub fn on_request_answer(button: &UrlAuthButton, answer: UrlAuthResult) -> Prompt {
    match answer {
        UrlAuthResult::Request(request) => {
            let request = *request;
            Prompt::Ask(Box::new(LoginRequest {
                domain: request.domain.into(),
                bot: request.bot,
                request_write_access: request.request_write_access,
                request_phone_number: request.request_phone_number,
                origin: request
                    .browser_platform_ip_region
                    .map(|o| [o.browser.into(), o.platform.into(), o.ip.into(), o.region.into()]),
                match_codes: request
                    .match_codes
                    .unwrap_or_default()
                    .into_iter()
                    .map(Into::into)
                    .collect(),
                match_codes_first: request.match_codes_first,
                is_app: request.is_app,
                user_id_hint: request.user_id_hint,
                verified_app_name: request.verified_app_name.map(Into::into),
            }))
        }
        UrlAuthResult::Accepted(accepted) => Prompt::Open(opened_url(button, accepted.url)),
        UrlAuthResult::Default => Prompt::Open(button.button.url.to_string()),
    }
}

/// The user's answer to a [`LoginRequest`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// Log in.
    Accept {
        /// Consent to the bot's request to message the user.
        allow_write: bool,
        /// Consent to share the phone number.
        share_phone: bool,
        /// The match code the user picked, if the request had codes.
        match_code: Option<String>,
    },
    /// Do not log in.
    Decline,
}

/// What to send after the user chose.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// Send this `messages.acceptUrlAuth`, then call [`on_accept_answer`].
    Accept(AcceptUrlAuth),
    /// Send this `messages.declineUrlAuth` (it answers a `Bool`), then open the button's URL.
    Decline(DeclineUrlAuth),
}

/// Turns the user's choice into the request to send. Write access and the phone number are only given
/// if they were asked for.
pub fn on_choice(button: &UrlAuthButton, request: &LoginRequest, choice: Choice) -> Step {
    match choice {
        Choice::Accept {
            allow_write,
            share_phone,
            match_code,
        } => Step::Accept(AcceptUrlAuth {
            write_allowed: allow_write && request.request_write_access,
            share_phone_number: share_phone && request.request_phone_number,
            peer_msg_id_button_id: Some(AcceptUrlAuthPeerMsgIdButtonId {
                peer: button.peer.clone(),
                msg_id: button.msg_id,
                button_id: button.button.button_id,
            }),
            match_code: match_code.map(Into::into),
            url: None,
        }),
        Choice::Decline => Step::Decline(DeclineUrlAuth {
            url: button.button.url.clone(),
        }),
    }
}

/// The URL to open after `messages.acceptUrlAuth` answered: the accepted URL, or the button's own when
/// the answer has none.
pub fn on_accept_answer(button: &UrlAuthButton, answer: UrlAuthResult) -> Result<String, LoginError> {
    match answer {
        UrlAuthResult::Accepted(accepted) => Ok(opened_url(button, accepted.url)),
        UrlAuthResult::Default => Ok(button.button.url.to_string()),
        UrlAuthResult::Request(_) => Err(LoginError::UnexpectedRequest),
    }
}

fn opened_url(button: &UrlAuthButton, url: Option<tl_runtime::CompactString>) -> String {
    url.map_or_else(|| button.button.url.to_string(), Into::into)
}
