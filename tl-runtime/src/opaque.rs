//! [`Opaque`]: the answer of a function whose result type the schema does not define.

use crate::error::Result;
use crate::reader::Reader;
use crate::traits::{Deserialize, Serialize};
use crate::write::Output;

/// The bytes of a value whose type the generator could not see: the answer of a function whose result
/// type has no constructor in the schema (`httpWait max_delay:int = HttpWait;`), as it came. It can only
/// stand last, where nothing follows it: decoding takes every byte left.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Opaque(pub Vec<u8>);

impl Serialize for Opaque {
    #[inline]
    fn serialize_into<O: Output>(&self, out: O) -> O {
        out.put_raw(&self.0)
    }
}

impl Deserialize for Opaque {
    const MIN_SIZE: usize = 0;

    fn deserialize(reader: &mut Reader<'_>) -> Result<Self> {
        let rest = reader.take(reader.remaining())?;
        Ok(Opaque(rest.to_vec()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_every_byte_left_and_writes_them_back() {
        let bytes = [1, 2, 3, 4, 5];
        let value = Opaque::from_bytes(&bytes).expect("anything decodes");
        assert_eq!(value.0, bytes);
        assert_eq!(value.to_bytes(), bytes);
        assert_eq!(Opaque::from_bytes(&[]).expect("nothing too"), Opaque::default());
    }
}
