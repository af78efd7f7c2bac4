//! What the TDLib and the tonlib clients share: a function sent with a request id in `"@extra"`, and each
//! object received routed as the answer to a request (it carries the id back) or as an update (it has
//! none), with what arrived while waiting for another answer kept in order.

use std::collections::{HashMap, VecDeque};
use std::time::Instant;

use serde::de::DeserializeOwned;

use crate::{Error, Function};

/// The id a sent function's answer carries back in `"@extra"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RequestId(pub u64);

/// What a client receives.
#[derive(Debug, Clone, PartialEq)]
pub enum Received<U> {
    /// An update (an object without `"@extra"`), read as `U` (the generated `enums::Update`, or
    /// `serde_json::Value` to see it as the library wrote it).
    Update(U),
    /// The answer to a function sent with `send`, as JSON text: read it with `answer`.
    Answer {
        /// The request it answers.
        request: RequestId,
        /// The answer as the library wrote it (with `"@extra"`, and TDLib's `"@client_id"`).
        json: String,
    },
}

/// The members of an object a library sends that say what it is and where it goes. The typed value
/// leaves them out.
#[derive(serde::Deserialize)]
pub(crate) struct Envelope {
    #[serde(rename = "@type")]
    pub(crate) type_name: String,
    #[serde(rename = "@extra", default)]
    pub(crate) extra: Option<serde_json::Value>,
    #[serde(rename = "@client_id", default)]
    pub(crate) client_id: Option<i32>,
}

impl Envelope {
    /// The envelope of an object as JSON text (the other members are skipped, not read).
    pub(crate) fn of(json: &str) -> Result<Self, Error> {
        serde_json::from_str(json).map_err(|error| Error::decode(json, &error))
    }
}

/// A client's requests and what it received but was not asked for yet.
pub(crate) struct Routing<U> {
    next_request: u64,
    /// Updates that arrived while a call waited for its answer.
    updates: VecDeque<U>,
    /// Answers that arrived while a call waited for another.
    answers: HashMap<RequestId, String>,
}

impl<U: DeserializeOwned> Routing<U> {
    pub(crate) fn new() -> Self {
        Routing {
            next_request: 1,
            updates: VecDeque::new(),
            answers: HashMap::new(),
        }
    }

    /// `function` as the JSON text of a request, with a new request id in `"@extra"`.
    pub(crate) fn request<F: Function>(&mut self, function: &F) -> Result<(RequestId, String), Error> {
        let mut request = serde_json::to_value(function).map_err(|error| Error::Request(error.to_string()))?;
        let serde_json::Value::Object(members) = &mut request else {
            return Err(Error::Request("a function is not a JSON object".to_string()));
        };
        let id = RequestId(self.next_request);
        self.next_request += 1;
        members.insert("@extra".to_string(), id.0.into());
        Ok((id, request.to_string()))
    }

    /// Waits until `deadline` for the answer to `request`, sent for `F`, taking objects from `next` (which
    /// waits until the deadline it is given); updates and other answers that arrive meanwhile are kept.
    pub(crate) fn wait_for<F: Function>(
        &mut self,
        request: RequestId,
        deadline: Instant,
        mut next: impl FnMut(Instant) -> Option<String>,
    ) -> Result<F::Return, Error> {
        loop {
            if let Some(json) = self.answers.remove(&request) {
                return crate::read_answer::<F>(&json);
            }
            match Self::route(next(deadline))? {
                Some(Received::Update(update)) => self.updates.push_back(update),
                Some(Received::Answer { request, json }) => _ = self.answers.insert(request, json),
                None => return Err(Error::Timeout),
            }
        }
    }

    /// What was kept for the caller (updates first), else the next object from `next`, routed.
    pub(crate) fn receive(&mut self, next: impl FnOnce() -> Option<String>) -> Result<Option<Received<U>>, Error> {
        if let Some(update) = self.updates.pop_front() {
            return Ok(Some(Received::Update(update)));
        }
        if let Some(request) = self.answers.keys().min().copied() {
            let json = self.answers.remove(&request).expect("the key is there");
            return Ok(Some(Received::Answer { request, json }));
        }
        Self::route(next())
    }

    /// An object received: the answer to the request in its `"@extra"`, or else an update read as `U`.
    fn route(json: Option<String>) -> Result<Option<Received<U>>, Error> {
        let Some(json) = json else {
            return Ok(None);
        };
        match Envelope::of(&json)?.extra.as_ref().and_then(serde_json::Value::as_u64) {
            Some(request) => Ok(Some(Received::Answer {
                request: RequestId(request),
                json,
            })),
            None => serde_json::from_str(&json)
                .map(|update| Some(Received::Update(update)))
                .map_err(|error| Error::decode(&json, &error)),
        }
    }
}
