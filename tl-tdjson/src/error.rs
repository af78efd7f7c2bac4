//! What can go wrong: the library (not found, not loadable), a request or answer that is not what the
//! types say, and the library's own `error` answers.

use std::fmt;
use std::path::PathBuf;

/// An `error` answer of TDLib or tonlib (`error code:int32 message:string = Error;` in both schemas): the
/// function failed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct TdError {
    /// The library's code (HTTP-like: 400 for a bad request, 404 not found, 406 not to be shown by
    /// TDLib, 500 internal).
    pub code: i32,
    /// The library's message (tonlib's begin with a kind: `INVALID_CONFIG: ...`).
    pub message: String,
}

impl TdError {
    /// The error an answer (JSON text) carries, if its `"@type"` is `error`.
    pub(crate) fn from_answer(answer: &str) -> Result<Option<Self>, Error> {
        let envelope = crate::routing::Envelope::of(answer)?;
        if envelope.type_name != "error" {
            return Ok(None);
        }
        serde_json::from_str(answer)
            .map(Some)
            .map_err(|error| Error::decode(answer, &error))
    }
}

impl fmt::Display for TdError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(formatter, "error {}: {}", self.code, self.message)
    }
}

impl std::error::Error for TdError {}

/// An error of this crate. Its `Debug` is its `Display`, so that `?` in `main` prints the readable text.
#[non_exhaustive]
pub enum Error {
    /// No path was given and no library was found: each place looked at, with why it did not serve.
    NotFound {
        /// The library looked for (`libtdjson`, `libtonlibjson`).
        library: &'static str,
        /// The places, in the order looked at.
        looked: Vec<String>,
        /// What to do.
        help: String,
    },
    /// The library could not be loaded, or lacks the JSON interface.
    Load {
        /// The path tried.
        path: PathBuf,
        /// The loader's reason.
        reason: String,
    },
    /// A function could not be written as JSON.
    Request(String),
    /// The library answered nothing to a synchronous request (it returned NULL: the request is not a
    /// function it runs synchronously, or not one it can read).
    NoAnswer,
    /// The library answered with an error (TDLib's or tonlib's `error`).
    Td(TdError),
    /// An answer or update is not what the types say (a newer library, or a bug): serde's reason and the
    /// start of the JSON text.
    Decode {
        /// serde_json's message, with the line and column.
        reason: String,
        /// The JSON text, cut to its first 1,000 bytes.
        json: String,
    },
    /// No answer came within the time given (tonlib sends none to a request it cannot read).
    Timeout,
}

/// How much of an undecodable JSON text an error keeps.
const KEPT_JSON: usize = 1000;

impl Error {
    /// A decoding error of `json`.
    pub(crate) fn decode(json: &str, error: &serde_json::Error) -> Self {
        let mut end = json.len().min(KEPT_JSON);
        while !json.is_char_boundary(end) {
            end -= 1;
        }
        Error::Decode {
            reason: error.to_string(),
            json: json[..end].to_string(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotFound { library, looked, help } => {
                writeln!(formatter, "{library} not found; looked at:")?;
                for place in looked {
                    writeln!(formatter, "  - {place}")?;
                }
                write!(formatter, "help: {help}")
            }
            Error::Load { path, reason } => {
                write!(formatter, "cannot load the library `{}`: {reason}", path.display())
            }
            Error::Request(reason) => write!(formatter, "cannot write the request: {reason}"),
            Error::NoAnswer => write!(
                formatter,
                "the library gave no answer (the request is not one it can read, or not a function it runs \
                 synchronously)"
            ),
            Error::Td(error) => write!(formatter, "the library answered {error}"),
            Error::Decode { reason, json } => write!(formatter, "cannot read the library's JSON ({reason}): {json}"),
            Error::Timeout => write!(formatter, "no answer in time"),
        }
    }
}

/// The readable text: `fn main() -> Result<(), tl_tdjson::Error>` and `?` print this.
impl fmt::Debug for Error {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, formatter)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Td(error) => Some(error),
            _ => None,
        }
    }
}
