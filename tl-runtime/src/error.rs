//! The one decoding error: what was expected, what was found, at which byte, and the path of fields and
//! vector elements that led there.

use std::fmt;

/// A decoding failure at a byte offset of the input, with the path that led there.
///
/// The details live behind one pointer, so a `Result<T, Error>` is hardly larger than `T`: decoders that
/// return it through every field stay small and fast, and only a failure allocates. As the error travels
/// out of nested decoders, each one adds its step ([`Error::in_field`], [`Error::in_element`]), so the
/// message reads from the outermost value inwards:
///
/// ```text
/// urlAuthResultRequest.bot: user.usernames[2]: unexpected constructor 0x12345678 for Username at byte 140
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Error {
    inner: Box<Inner>,
}

#[derive(Clone, PartialEq, Eq)]
struct Inner {
    kind: ErrorKind,
    offset: usize,
    /// Innermost step first: steps are pushed as the error leaves each decoder.
    path: Vec<PathStep>,
}

/// One step of the path from the outermost value to the item that failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathStep {
    /// A field of a constructor or function, written `constructor.field` (`user.usernames`).
    Field(&'static str),
    /// An element of a vector, by index.
    Element(usize),
}

/// What went wrong while decoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// The input ended: `needed` more bytes were required, only `left` remained.
    UnexpectedEnd {
        /// Bytes the item needs.
        needed: usize,
        /// Bytes that were left.
        left: usize,
    },
    /// A constructor id that the expected type does not have (this includes a bad `Bool` and a
    /// `Vector` without its 0x1cb5c415 id).
    UnexpectedConstructor {
        /// The TL type that was being read, `UrlAuthResult`.
        expected: &'static str,
        /// The id that was found.
        found: u32,
    },
    /// A vector announced more elements than the bytes left could hold.
    VectorTooLong {
        /// The announced element count.
        count: u32,
        /// Bytes left after the count.
        left: usize,
    },
    /// The padding after a `string` or `bytes` was not zero.
    BadPadding,
    /// Values of a recursive type nested deeper than the reader's limit.
    TooDeep {
        /// The limit.
        limit: u32,
    },
    /// A whole-message decode left bytes unread.
    TrailingBytes {
        /// How many bytes were left.
        count: usize,
    },
}

impl Error {
    /// An error of `kind` at `offset`.
    #[cold]
    pub fn new(kind: ErrorKind, offset: usize) -> Self {
        Self {
            inner: Box::new(Inner {
                kind,
                offset,
                path: Vec::new(),
            }),
        }
    }

    /// The same error, met while reading the field `field` (`constructor.field`). Generated decoders
    /// call it as the error passes out of each field.
    #[cold]
    #[inline(never)]
    pub fn in_field(mut self, field: &'static str) -> Self {
        self.inner.path.push(PathStep::Field(field));
        self
    }

    /// The same error, met while reading element `index` of a vector.
    #[cold]
    #[inline(never)]
    pub fn in_element(mut self, index: usize) -> Self {
        self.inner.path.push(PathStep::Element(index));
        self
    }

    /// The fields and elements that led to the failing item, outermost first; empty when the failure was
    /// in the outermost value's own id.
    pub fn path(&self) -> impl DoubleEndedIterator<Item = PathStep> + '_ {
        self.inner.path.iter().rev().copied()
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.inner.kind
    }

    /// The byte offset (from the start of the input) where the failing item starts.
    pub fn offset(&self) -> usize {
        self.inner.offset
    }

    /// The same error, reported at another offset (the start of the item that contained it).
    pub fn at(mut self, offset: usize) -> Self {
        self.inner.offset = offset;
        self
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", self.kind())
            .field("offset", &self.offset())
            .field("path", &self.path().collect::<Vec<_>>())
            .finish()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The path, outermost first; a field repeated at consecutive levels (deep recursion) is written
        // once with a count: `textBold.text ×64`.
        let mut steps = self.path().peekable();
        let mut first = true;
        while let Some(step) = steps.next() {
            match step {
                PathStep::Field(field) => {
                    let mut repeats = 1;
                    while steps.next_if_eq(&step).is_some() {
                        repeats += 1;
                    }
                    if !first {
                        f.write_str(": ")?;
                    }
                    f.write_str(field)?;
                    if repeats > 1 {
                        write!(f, " \u{d7}{repeats}")?;
                    }
                }
                PathStep::Element(index) => write!(f, "[{index}]")?,
            }
            first = false;
        }
        if !first {
            f.write_str(": ")?;
        }
        match self.kind() {
            ErrorKind::UnexpectedEnd { needed, left } => {
                write!(f, "unexpected end of input: needed {needed} bytes, {left} left")?
            }
            ErrorKind::UnexpectedConstructor { expected, found } => {
                write!(f, "unexpected constructor {found:#010x} for {expected}")?
            }
            ErrorKind::VectorTooLong { count, left } => {
                write!(f, "vector of {count} elements cannot fit in the {left} bytes left")?
            }
            ErrorKind::BadPadding => f.write_str("non-zero padding after string or bytes")?,
            ErrorKind::TooDeep { limit } => write!(f, "recursive values nested deeper than {limit} levels")?,
            ErrorKind::TrailingBytes { count } => write!(f, "{count} bytes left after the message")?,
        }
        write!(f, " at byte {}", self.offset())
    }
}

impl std::error::Error for Error {}

/// The result of a decode.
pub type Result<T> = std::result::Result<T, Error>;
