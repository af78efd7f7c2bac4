//! A client of one tonlib instance: functions sent with a request id in `"@extra"`, answers matched to
//! them, updates (`updateSyncState` ...) read as the caller's update type.

use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;

use super::library::Instance;
use crate::routing::Routing;
use crate::{Error, Function, Received, RequestId};

/// A client of one tonlib instance, with updates of type `U` (the generated `enums::Update`, or
/// `serde_json::Value`). Dropping it destroys the instance (`tonlib_client_json_destroy`, which stops it
/// and waits for its threads).
pub struct Client<U> {
    instance: Instance,
    routing: Routing<U>,
}

impl<U: DeserializeOwned> Client<U> {
    pub(crate) fn new(instance: Instance) -> Self {
        Client {
            instance,
            routing: Routing::new(),
        }
    }

    /// Sends `function`; its answer comes back with the id returned.
    pub fn send<F: Function>(&mut self, function: &F) -> Result<RequestId, Error> {
        let (id, request) = self.routing.request(function)?;
        self.instance.send(&request)?;
        Ok(id)
    }

    /// Sends `function` and waits up to `timeout` for its answer; updates that arrive meanwhile are kept
    /// for [`Client::receive`]. A function tonlib cannot read gets no answer: [`Error::Timeout`].
    pub fn call<F: Function>(&mut self, function: &F, timeout: Duration) -> Result<F::Return, Error> {
        let request = self.send(function)?;
        self.wait_for::<F>(request, timeout)
    }

    /// Waits up to `timeout` for the answer to `request`, sent for `F`.
    pub fn wait_for<F: Function>(&mut self, request: RequestId, timeout: Duration) -> Result<F::Return, Error> {
        let Self { instance, routing } = self;
        let next = |deadline| receive_until(instance, deadline);
        routing.wait_for::<F>(request, Instant::now() + timeout, next)
    }

    /// Reads `json`, an answer to a function `F`: its `Return`, or tonlib's error.
    pub fn answer<F: Function>(json: &str) -> Result<F::Return, Error> {
        crate::read_answer::<F>(json)
    }

    /// The next update or answer, waiting up to `timeout`; `None` if nothing came.
    pub fn receive(&mut self, timeout: Duration) -> Result<Option<Received<U>>, Error> {
        let Self { instance, routing } = self;
        let deadline = Instant::now() + timeout;
        routing.receive(|| receive_until(instance, deadline))
    }
}

/// The instance's next object as JSON text, waiting until `deadline`.
fn receive_until(instance: &mut Instance, deadline: Instant) -> Option<String> {
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match instance.receive(left.as_secs_f64()) {
            Some(json) => return Some(json),
            None if Instant::now() >= deadline => return None,
            // The wait ended early: wait on.
            None => {}
        }
    }
}
