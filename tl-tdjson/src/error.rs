//! What can go wrong: the library (not found, not loadable), a request or answer that is not what the
//! types say, and TDLib's own `error` answers.

use std::fmt;
use std::path::PathBuf;

/// An `error` answer of TDLib (`error code:int32 message:string = Error;`): the function failed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct TdError {
    /// TDLib's code (HTTP-like: 400 for a bad request, 404 not found, 406 not to be shown, 500 internal).
    pub code: i32,
    /// TDLib's message.
    pub message: String,
}

impl TdError {
    /// The error an answer (JSON text) carries, if its `"@type"` is `error`.
    pub(crate) fn from_answer(answer: &str) -> Result<Option<Self>, Error> {
        let envelope = crate::client::Envelope::of(answer)?;
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
        write!(formatter, "TDLib error {}: {}", self.code, self.message)
    }
}

impl std::error::Error for TdError {}

/// An error of this crate. Its `Debug` is its `Display`, so that `?` in `main` prints the readable text.
#[non_exhaustive]
pub enum Error {
    /// No path was given and no library was found: each place looked at, with why it did not serve.
    NotFound {
        /// The places, in the order looked at.
        looked: Vec<String>,
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
    /// TDLib answered nothing (`td_execute` returned NULL: the request was not valid JSON).
    NoAnswer,
    /// TDLib answered with an error.
    Td(TdError),
    /// An answer or update is not what the types say (a newer TDLib, or a bug): serde's reason and the
    /// start of the JSON text.
    Decode {
        /// serde_json's message, with the line and column.
        reason: String,
        /// The JSON text, cut to its first 1,000 bytes.
        json: String,
    },
    /// No answer came within the time given.
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
            Error::NotFound { looked } => {
                writeln!(formatter, "libtdjson not found; looked at:")?;
                for place in looked {
                    writeln!(formatter, "  - {place}")?;
                }
                write!(
                    formatter,
                    "help: run `bash scripts/fetch-tdjson.sh` in tl-codegen's repository (it fetches TDLib {} into \
                     the cache above), set {} to the library's path, or pass the path to `TdJson::load`",
                    crate::FETCHED_TDLIB_VERSION,
                    crate::PATH_VARIABLE
                )
            }
            Error::Load { path, reason } => {
                write!(formatter, "cannot load libtdjson from `{}`: {reason}", path.display())
            }
            Error::Request(reason) => write!(formatter, "cannot write the request: {reason}"),
            Error::NoAnswer => write!(formatter, "TDLib gave no answer (the request is not a TDLib function)"),
            Error::Td(error) => error.fmt(formatter),
            Error::Decode { reason, json } => write!(formatter, "cannot read TDLib's JSON ({reason}): {json}"),
            Error::Timeout => write!(formatter, "no answer from TDLib in time"),
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
