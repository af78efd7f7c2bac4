//! Unpacks a TON account address through the typed tonlib_api: `cargo run -p tonlib-client -- ADDRESS`
//! (a default address without one). Loads libtonlibjson as `scripts/fetch-tonlib.sh` left it (or from
//! `TONLIB_PATH`), runs the static `unpackAccountAddress`, prints its parts, and packs it back.

#[cfg(has_tonlib_api)]
fn main() -> Result<(), tl_tdjson::Error> {
    use tonlib_client::tonlib_api::{enums, functions};

    let address = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "EQDtFpEwcFAEcRe5mLVh2N6C0x-_hJEM7W61_JLnSF74p4q2".to_string());
    let tonlib = tl_tdjson::tonlib::Tonlib::load(None)?;
    tonlib.execute(&functions::SetLogVerbosityLevel { new_verbosity_level: 0 })?;
    let unpacked = tonlib.execute(&functions::UnpackAccountAddress {
        account_address: address.as_str().into(),
    })?;
    let enums::UnpackedAccountAddress::UnpackedAccountAddress(unpacked) = unpacked;
    let hex: String = unpacked.addr.iter().map(|byte| format!("{byte:02x}")).collect();
    println!("address     {address}");
    println!("workchain   {}", unpacked.workchain_id);
    println!("account     {hex}");
    println!("bounceable  {}", unpacked.bounceable);
    println!("testnet     {}", unpacked.testnet);
    let packed = tonlib.execute(&functions::PackAccountAddress {
        account_address: unpacked,
    })?;
    let enums::AccountAddress::AccountAddress(packed) = packed;
    println!("packed back {}", packed.account_address);
    Ok(())
}

#[cfg(not(has_tonlib_api))]
fn main() {
    eprintln!("error: {}", tonlib_client::WITHOUT_TONLIB_API);
    std::process::exit(1)
}
