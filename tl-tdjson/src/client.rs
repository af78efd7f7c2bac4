//! A client of one TDLib instance: functions sent with a request id in `"@extra"`, answers matched to
//! them, updates read as the caller's update type.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;

use crate::{Error, Function, TdJson};

/// The id a sent function's answer carries back in `"@extra"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RequestId(pub u64);

/// What a client receives.
#[derive(Debug, Clone, PartialEq)]
pub enum Received<U> {
    /// An update (an object without `"@extra"`), read as `U` (the generated `enums::Update`, or
    /// `serde_json::Value` to see it as TDLib wrote it).
    Update(U),
    /// The answer to a function sent with [`Client::send`], as JSON text: read it with [`Client::answer`].
    Answer {
        /// The request it answers.
        request: RequestId,
        /// The answer as TDLib wrote it (with `"@extra"` and `"@client_id"`).
        json: String,
    },
}

/// The members of an object TDLib sends that say where it goes. The typed value leaves them out.
#[derive(serde::Deserialize)]
pub(crate) struct Envelope {
    #[serde(rename = "@type")]
    pub(crate) type_name: String,
    #[serde(rename = "@extra", default)]
    extra: Option<serde_json::Value>,
    #[serde(rename = "@client_id", default)]
    client_id: Option<i32>,
}

impl Envelope {
    /// The envelope of an object as JSON text (the other members are skipped, not read).
    pub(crate) fn of(json: &str) -> Result<Self, Error> {
        serde_json::from_str(json).map_err(|error| Error::decode(json, &error))
    }
}

/// Answers and updates received for other clients of the same library, until they ask.
#[derive(Default)]
pub(crate) struct Mailbox {
    held: HashMap<i32, VecDeque<String>>,
}

/// A client of one TDLib instance, with updates of type `U`. Receiving waits in the library's one
/// `td_receive`; what arrives for another client of the same [`TdJson`] is kept for it.
///
/// Dropping a client whose instance is open closes it: it sends `close` and waits (up to
/// [`Client::CLOSE_WAIT`]) for `authorizationStateClosed`. An instance left running when the process
/// exits could abort it in TDLib's exit handlers.
pub struct Client<'td, U> {
    td: &'td TdJson,
    id: i32,
    /// A function was sent: the instance exists, and is closed when the client is dropped.
    opened: bool,
    /// `authorizationStateClosed` was received: the instance is gone.
    closed: bool,
    next_request: u64,
    /// Updates that arrived while [`Client::call`] waited for its answer.
    updates: VecDeque<U>,
    /// Answers that arrived while [`Client::call`] waited for another.
    answers: HashMap<RequestId, String>,
}

impl<'td, U: DeserializeOwned> Client<'td, U> {
    pub(crate) fn new(td: &'td TdJson) -> Self {
        Client {
            td,
            id: td.library.create_client_id(),
            opened: false,
            closed: false,
            next_request: 1,
            updates: VecDeque::new(),
            answers: HashMap::new(),
        }
    }

    /// TDLib's id of this client (`"@client_id"`).
    pub fn id(&self) -> i32 {
        self.id
    }

    /// Sends `function`; its answer comes back with the id returned.
    pub fn send<F: Function>(&mut self, function: &F) -> Result<RequestId, Error> {
        let mut request = serde_json::to_value(function).map_err(|error| Error::Request(error.to_string()))?;
        let id = RequestId(self.next_request);
        self.next_request += 1;
        let serde_json::Value::Object(members) = &mut request else {
            return Err(Error::Request("a function is not a JSON object".to_string()));
        };
        members.insert("@extra".to_string(), id.0.into());
        self.td.library.send(self.id, &request.to_string())?;
        self.opened = true;
        Ok(id)
    }

    /// Sends `function` and waits up to `timeout` for its answer; updates that arrive meanwhile are kept
    /// for [`Client::receive`].
    pub fn call<F: Function>(&mut self, function: &F, timeout: Duration) -> Result<F::Return, Error> {
        let request = self.send(function)?;
        self.wait_for::<F>(request, timeout)
    }

    /// Waits up to `timeout` for the answer to `request`, sent for `F`.
    pub fn wait_for<F: Function>(&mut self, request: RequestId, timeout: Duration) -> Result<F::Return, Error> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(json) = self.answers.remove(&request) {
                return Self::answer::<F>(&json);
            }
            match self.receive_new(deadline)? {
                Some(Received::Update(update)) => self.updates.push_back(update),
                Some(Received::Answer { request, json }) => _ = self.answers.insert(request, json),
                None => return Err(Error::Timeout),
            }
        }
    }

    /// Reads `json`, an answer to a function `F`: its `Return`, or TDLib's error.
    pub fn answer<F: Function>(json: &str) -> Result<F::Return, Error> {
        crate::read_answer::<F>(json)
    }

    /// The next update or answer, waiting up to `timeout`; `None` if nothing came.
    pub fn receive(&mut self, timeout: Duration) -> Result<Option<Received<U>>, Error> {
        if let Some(update) = self.updates.pop_front() {
            return Ok(Some(Received::Update(update)));
        }
        if let Some(request) = self.answers.keys().next().copied() {
            let json = self.answers.remove(&request).expect("the key is there");
            return Ok(Some(Received::Answer { request, json }));
        }
        self.receive_new(Instant::now() + timeout)
    }

    /// The next object TDLib sends this client, read.
    fn receive_new(&mut self, deadline: Instant) -> Result<Option<Received<U>>, Error> {
        let Some(json) = self.receive_json(deadline) else {
            return Ok(None);
        };
        self.closed |= is_closed_update(&json);
        let envelope = Envelope::of(&json)?;
        match envelope.extra.as_ref().and_then(serde_json::Value::as_u64) {
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

impl<U> Client<'_, U> {
    /// How long dropping a client waits for its instance to close.
    pub const CLOSE_WAIT: Duration = Duration::from_secs(10);

    /// The next object for this client as JSON text, from the mailbox or the library.
    fn receive_json(&mut self, deadline: Instant) -> Option<String> {
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.td.next_for(self.id, left) {
                Some(json) => return Some(json),
                None if left.is_zero() => return None,
                // Another client's object was kept for it, or the wait ended early: wait on.
                None => {}
            }
        }
    }
}

impl<U> Drop for Client<'_, U> {
    fn drop(&mut self) {
        if !self.opened || self.closed {
            return;
        }
        if self.td.library.send(self.id, r#"{"@type":"close"}"#).is_err() {
            return;
        }
        let deadline = Instant::now() + Self::CLOSE_WAIT;
        while let Some(json) = self.receive_json(deadline) {
            if is_closed_update(&json) {
                return;
            }
        }
    }
}

/// Whether `json` is the update that says an instance is closed (`authorizationStateClosed`).
fn is_closed_update(json: &str) -> bool {
    #[derive(serde::Deserialize)]
    struct StateUpdate {
        #[serde(rename = "@type")]
        type_name: String,
        authorization_state: Option<Envelope>,
    }
    serde_json::from_str::<StateUpdate>(json).is_ok_and(|update| {
        update.type_name == "updateAuthorizationState"
            && update
                .authorization_state
                .is_some_and(|state| state.type_name == "authorizationStateClosed")
    })
}

impl TdJson {
    /// The next object for client `client`, waiting up to `wait` in `td_receive`: one kept for it, or the
    /// next one the library gives if it is this client's (another client's is kept for it, and `None`
    /// returned). The mailbox stays locked while waiting, so nothing is kept after a client looked.
    fn next_for(&self, client: i32, wait: Duration) -> Option<String> {
        let mut mailbox = self.mailbox.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(json) = mailbox.held.get_mut(&client).and_then(VecDeque::pop_front) {
            return Some(json);
        }
        let json = self.library.receive(wait.as_secs_f64())?;
        match Envelope::of(&json).ok().and_then(|envelope| envelope.client_id) {
            Some(other) if other != client => {
                mailbox.held.entry(other).or_default().push_back(json);
                None
            }
            _ => Some(json),
        }
    }
}
