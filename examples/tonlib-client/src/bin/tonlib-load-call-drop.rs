//! A user's smallest whole program with tl-tdjson's tonlib: load the library, call it synchronously and
//! through a client (`init` offline, a new key in memory, its address), drop both, and exit.
//! `tests/child_processes.rs` runs it as a child process and asserts that it exits 0 and that an error
//! reaches the user, through `?` in `main`, as readable text.

#[cfg(has_tonlib_api)]
fn main() -> Result<(), tl_tdjson::Error> {
    use std::time::Duration;
    use tonlib_client::tonlib_api::{enums, functions, types};

    let tonlib = tl_tdjson::tonlib::Tonlib::load(None)?;
    tonlib.execute(&functions::SetLogVerbosityLevel { new_verbosity_level: 0 })?;
    let tags = tonlib.execute(&functions::GetLogTags {})?;
    let mut client = tonlib.client::<enums::Update>()?;
    let wait = Duration::from_secs(30);
    client.call(&tonlib_client::offline_init(), wait)?;
    let enums::Key::Key(key) = client.call(
        &functions::CreateNewKey {
            local_password: b"local".to_vec(),
            mnemonic_password: Vec::new(),
            random_extra_seed: Vec::new(),
        },
        wait,
    )?;
    let wallet = types::wallet_v3::InitialAccountState {
        public_key: key.public_key.clone(),
        wallet_id: 698983191,
    };
    let address = client.call(
        &functions::GetAccountAddress {
            initial_account_state: enums::InitialAccountState::from(wallet),
            revision: 0,
            workchain_id: 0,
        },
        wait,
    )?;
    println!("{tags:?}\n{key:?}\n{address:?}");
    // The client's instance is destroyed here; the library stays loaded (a `Tonlib` has nothing to drop).
    drop(client);
    Ok(())
}

#[cfg(not(has_tonlib_api))]
fn main() {
    eprintln!("error: {}", tonlib_client::WITHOUT_TONLIB_API);
    std::process::exit(1)
}
