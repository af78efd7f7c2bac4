//! A client of one TDLib instance: functions sent with a request id in `"@extra"`, answers matched to
//! them, updates read as the caller's update type.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;

use crate::routing::{Envelope, Routing};
use crate::{Error, Function, Received, RequestId, TdJson};

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
    routing: Routing<U>,
}

impl<'td, U: DeserializeOwned> Client<'td, U> {
    pub(crate) fn new(td: &'td TdJson) -> Self {
        Client {
            td,
            id: td.library.create_client_id(),
            opened: false,
            closed: false,
            routing: Routing::new(),
        }
    }

    /// TDLib's id of this client (`"@client_id"`).
    pub fn id(&self) -> i32 {
        self.id
    }

    /// Sends `function`; its answer comes back with the id returned.
    pub fn send<F: Function>(&mut self, function: &F) -> Result<RequestId, Error> {
        let (id, request) = self.routing.request(function)?;
        self.td.library.send(self.id, &request)?;
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
        let (routing, next) = self.routing_and_source();
        routing.wait_for::<F>(request, Instant::now() + timeout, next)
    }

    /// Reads `json`, an answer to a function `F`: its `Return`, or TDLib's error.
    pub fn answer<F: Function>(json: &str) -> Result<F::Return, Error> {
        crate::read_answer::<F>(json)
    }

    /// The next update or answer, waiting up to `timeout`; `None` if nothing came.
    pub fn receive(&mut self, timeout: Duration) -> Result<Option<Received<U>>, Error> {
        let deadline = Instant::now() + timeout;
        let (routing, mut next) = self.routing_and_source();
        routing.receive(|| next(deadline))
    }

    /// The routing, and where it takes the next object from: this client's, waiting until the deadline.
    fn routing_and_source(&mut self) -> (&mut Routing<U>, impl FnMut(Instant) -> Option<String> + '_) {
        let Self {
            routing,
            td,
            id,
            closed,
            ..
        } = self;
        (routing, move |deadline| receive_json(td, *id, closed, deadline))
    }
}

impl<U> Client<'_, U> {
    /// How long dropping a client waits for its instance to close.
    pub const CLOSE_WAIT: Duration = Duration::from_secs(10);
}

/// The next object for client `id` of `td` as JSON text, from the mailbox or the library, waiting until
/// `deadline`; notes in `closed` whether it says the instance is closed.
fn receive_json(td: &TdJson, id: i32, closed: &mut bool, deadline: Instant) -> Option<String> {
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match td.next_for(id, left) {
            Some(json) => {
                *closed |= is_closed_update(&json);
                return Some(json);
            }
            None if left.is_zero() => return None,
            // Another client's object was kept for it, or the wait ended early: wait on.
            None => {}
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
        while !self.closed && receive_json(self.td, self.id, &mut self.closed, deadline).is_some() {}
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
