//! A cursor over input bytes that knows its offset and never reads past the end.

use crate::error::{Error, ErrorKind, Result};

/// How deeply values of recursive types (`RichText`, `PageBlock`, ...) may nest by default. Real messages
/// nest a few levels; the limit keeps hostile input from overflowing the stack.
pub const DEFAULT_MAX_DEPTH: u32 = 64;

/// Reads TL values from a byte slice, tracking the offset for error messages and the nesting depth of
/// recursive types.
///
/// The reader holds the bytes not yet read (`rest`) rather than the input and an offset: a read of `N`
/// bytes is then one comparison with `rest.len()` and a move of the slice's start, with no sum to check
/// for overflow and no second bounds check when slicing. The offset, for errors, is the input's length
/// less what is left.
#[derive(Debug, Clone)]
pub struct Reader<'a> {
    rest: &'a [u8],
    input_len: usize,
    depth: u32,
    max_depth: u32,
    /// Bytes that vectors may still reserve before their elements decode: one budget for the whole
    /// decode (see [`Reader::reserve`]).
    reservable: usize,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`, with the default depth limit ([`DEFAULT_MAX_DEPTH`]).
    #[inline]
    pub fn new(bytes: &'a [u8]) -> Self {
        Self::with_max_depth(bytes, DEFAULT_MAX_DEPTH)
    }

    /// A reader that lets recursive types nest at most `max_depth` levels.
    #[inline]
    pub fn with_max_depth(bytes: &'a [u8], max_depth: u32) -> Self {
        Self {
            rest: bytes,
            input_len: bytes.len(),
            depth: 0,
            max_depth,
            reservable: crate::MAX_VECTOR_RESERVATION,
        }
    }

    /// How many elements of `T` a vector of `count` elements may reserve before they decode: as many as
    /// the decode's budget of [`MAX_VECTOR_RESERVATION`](crate::MAX_VECTOR_RESERVATION) bytes still
    /// allows, taken from it. The budget is one for all vectors, nested or not, so a hostile input whose
    /// counts each fit the input cannot reserve the budget once per vector; [`Reader::release`] gives the
    /// bytes back once the vector holds its decoded elements, so vectors one after another each get it.
    #[inline]
    pub fn reserve<T>(&mut self, count: usize) -> usize {
        let size = size_of::<T>();
        if size == 0 {
            return count;
        }
        let granted = count.min(self.reservable / size);
        self.reservable -= granted * size;
        granted
    }

    /// Gives back to the budget a reservation of `count` elements of `T` taken by [`Reader::reserve`], once
    /// they have all decoded.
    #[inline]
    pub fn release<T>(&mut self, count: usize) {
        self.reservable += count * size_of::<T>();
    }

    /// Enters one level of a recursive type; fails past the depth limit. Generated decoders call it for
    /// recursive types only, and [`Reader::leave`] after.
    #[inline]
    pub fn enter(&mut self) -> Result<()> {
        if self.depth >= self.max_depth {
            return Err(Error::new(ErrorKind::TooDeep { limit: self.max_depth }, self.offset()));
        }
        self.depth += 1;
        Ok(())
    }

    /// Leaves a level entered with [`Reader::enter`].
    #[inline]
    pub fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// Runs `read` one level deeper: [`Reader::enter`], `read`, [`Reader::leave`] (also when `read` fails).
    #[inline]
    pub fn nested<T>(&mut self, read: impl FnOnce(&mut Self) -> Result<T>) -> Result<T> {
        self.enter()?;
        let value = read(self);
        self.leave();
        value
    }

    /// Bytes consumed so far.
    #[inline]
    pub fn offset(&self) -> usize {
        self.input_len - self.rest.len()
    }

    /// Bytes not yet read.
    #[inline]
    pub fn remaining(&self) -> usize {
        self.rest.len()
    }

    /// Fails with [`ErrorKind::TrailingBytes`] unless every byte was read.
    #[inline]
    pub fn finish(&self) -> Result<()> {
        match self.remaining() {
            0 => Ok(()),
            count => Err(Error::new(ErrorKind::TrailingBytes { count }, self.offset())),
        }
    }

    /// The next `len` bytes, checked once against what is left.
    #[inline]
    pub fn take(&mut self, len: usize) -> Result<&'a [u8]> {
        match self.rest.split_at_checked(len) {
            Some((taken, rest)) => {
                self.rest = rest;
                Ok(taken)
            }
            None => Err(self.unexpected_end(len)),
        }
    }

    /// The next `N` bytes as an array.
    #[inline]
    pub fn read_array<const N: usize>(&mut self) -> Result<[u8; N]> {
        match self.rest.split_first_chunk::<N>() {
            Some((taken, rest)) => {
                self.rest = rest;
                Ok(*taken)
            }
            None => Err(self.unexpected_end(N)),
        }
    }

    /// The next `N` bytes, borrowed as an array. Decoders read runs of plain values (`int256`, a block of
    /// numbers) through this rather than [`Reader::read_array`]: a `Result<[u8; N]>` holds the array at
    /// an odd offset (after its tag: the array is 1-aligned), and copying it out of there goes through
    /// misaligned, overlapping moves that stall store forwarding; a reference is copied once, from the
    /// input to its place.
    #[inline]
    pub fn read_array_ref<const N: usize>(&mut self) -> Result<&'a [u8; N]> {
        match self.rest.split_first_chunk::<N>() {
            Some((taken, rest)) => {
                self.rest = rest;
                Ok(taken)
            }
            None => Err(self.unexpected_end(N)),
        }
    }

    /// The error of a read of `needed` bytes past the end.
    #[cold]
    #[inline(never)]
    fn unexpected_end(&self, needed: usize) -> Error {
        let left = self.remaining();
        Error::new(ErrorKind::UnexpectedEnd { needed, left }, self.offset())
    }

    /// A little-endian `u32` (constructor ids, counts, flags).
    #[inline]
    pub fn read_u32(&mut self) -> Result<u32> {
        self.read_array().map(u32::from_le_bytes)
    }

    /// The next little-endian `u32` (a constructor id), without reading it.
    #[inline]
    pub fn peek_u32(&self) -> Result<u32> {
        self.clone().read_u32()
    }

    /// A TL `int`.
    #[inline]
    pub fn read_i32(&mut self) -> Result<i32> {
        self.read_array().map(i32::from_le_bytes)
    }

    /// A TL `long`.
    #[inline]
    pub fn read_i64(&mut self) -> Result<i64> {
        self.read_array().map(i64::from_le_bytes)
    }

    /// VK's TL `float`: single precision, 4 bytes.
    #[inline]
    pub fn read_f32(&mut self) -> Result<f32> {
        self.read_array().map(f32::from_le_bytes)
    }

    /// A TL `double`.
    #[inline]
    pub fn read_f64(&mut self) -> Result<f64> {
        self.read_array().map(f64::from_le_bytes)
    }

    /// Reads a constructor id and fails unless it is `expected` (for bare-to-boxed reads such as `Vector`).
    #[inline]
    pub fn expect_id(&mut self, expected: u32, type_name: &'static str) -> Result<()> {
        let offset = self.offset();
        let found = self.read_u32()?;
        if found == expected {
            Ok(())
        } else {
            Err(Error::new(
                ErrorKind::UnexpectedConstructor {
                    expected: type_name,
                    found,
                },
                offset,
            ))
        }
    }

    /// The payload of a TL `bytes` or `string`: the length (1 byte, or 0xfe and 3 bytes), the data, and
    /// zero padding to a multiple of 4. The length is checked against the input before anything is taken.
    #[inline(always)]
    pub fn read_tl_bytes(&mut self) -> Result<&'a [u8]> {
        // The common case in one bounds check: the whole item (header, data, padding) is there.
        let rest = self.rest;
        let (header, len) = match *rest {
            [0xfe, a, b, c, ..] => (4, usize::from(a) | usize::from(b) << 8 | usize::from(c) << 16),
            [first, ..] if first != 0xfe => (1, usize::from(first)),
            _ => return self.read_tl_bytes_slowly(),
        };
        let total = (header + len).next_multiple_of(4);
        let Some((item, after)) = rest.split_at_checked(total) else {
            return self.read_tl_bytes_slowly();
        };
        // The padding (0 to 3 bytes) ends the item's last 4-byte word: test it with one mask, no loop.
        let padding = total - header - len;
        let last_word = u32::from_le_bytes(item[total - 4..total].try_into().expect("4 bytes"));
        let padding_mask = !(u32::MAX >> (8 * padding));
        if last_word & padding_mask != 0 {
            return Err(Error::new(ErrorKind::BadPadding, self.offset() + header + len));
        }
        self.rest = after;
        Ok(&item[header..header + len])
    }

    /// [`Reader::read_tl_bytes`] one part at a time, for an item cut short: the error names the part.
    #[cold]
    fn read_tl_bytes_slowly(&mut self) -> Result<&'a [u8]> {
        let start = self.offset();
        let first = self.take(1)?[0];
        let (len, header) = if first == 0xfe {
            let b = self.take(3)?;
            (usize::from(b[0]) | usize::from(b[1]) << 8 | usize::from(b[2]) << 16, 4)
        } else {
            (usize::from(first), 1)
        };
        let data = self.take(len).map_err(|e| e.at(start))?;
        let padding = (4 - (header + len) % 4) % 4;
        let pad_offset = self.offset();
        if self.take(padding)?.iter().any(|&b| b != 0) {
            return Err(Error::new(ErrorKind::BadPadding, pad_offset));
        }
        Ok(data)
    }

    /// An element count for `count` elements of at least `min_size` bytes each; fails before any
    /// allocation if the input left cannot hold them.
    #[inline]
    pub fn read_count(&mut self, min_size: usize) -> Result<usize> {
        let offset = self.offset();
        let count = self.read_u32()?;
        self.check_count(count, min_size, offset)
    }

    /// `count` (read at `offset`, or known before: a repetition's count from another field) as a number
    /// of elements of at least `min_size` bytes each; fails if the input left cannot hold them.
    #[inline]
    pub fn check_count(&self, count: u32, min_size: usize, offset: usize) -> Result<usize> {
        let left = self.remaining();
        if (count as usize).saturating_mul(min_size.max(1)) > left {
            return Err(Error::new(ErrorKind::VectorTooLong { count, left }, offset));
        }
        Ok(count as usize)
    }
}
