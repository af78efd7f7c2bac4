//! What generated typed RPC errors (`errors::RpcError`) use to read the number in a message.

/// The number between `prefix` and `suffix` in `message` (`FLOOD_WAIT_17` with `FLOOD_WAIT_` and no
/// suffix: 17), written as Telegram writes it: decimal digits only, no sign, no leading zero (so that
/// the error displays back to the exact message), at most `u32::MAX`. `None` for anything else.
pub fn number_in(message: &str, prefix: &str, suffix: &str) -> Option<u32> {
    let digits = message.strip_prefix(prefix)?.strip_suffix(suffix)?;
    let canonical = digits == "0" || (!digits.starts_with('0') && !digits.is_empty());
    if canonical && digits.bytes().all(|b| b.is_ascii_digit()) {
        digits.parse().ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::number_in;

    #[test]
    fn only_the_exact_form_of_a_number_is_read() {
        assert_eq!(number_in("FLOOD_WAIT_17", "FLOOD_WAIT_", ""), Some(17));
        assert_eq!(number_in("FILE_PART_0_MISSING", "FILE_PART_", "_MISSING"), Some(0));
        assert_eq!(number_in("WAIT_5MIN", "WAIT_", "MIN"), Some(5));
        for other in [
            "FLOOD_WAIT_",
            "FLOOD_WAIT_017",
            "FLOOD_WAIT_+1",
            "FLOOD_WAIT_1x",
            "FLOOD_WAIT_4294967296",
            "FLOOD_WAIT",
        ] {
            assert_eq!(number_in(other, "FLOOD_WAIT_", ""), None, "{other}");
        }
    }
}
