//! A user's smallest whole program with tl-tdjson: load the library, call it synchronously and through a
//! client, drop both, and exit. `tests/child_processes.rs` runs it as a child process and asserts that it
//! exits 0 (dropping the library once unloaded it, and the process then crashed in `exit`), and that an
//! error reaches the user, through `?` in `main`, as readable text.

#[cfg(has_td_api)]
fn main() -> Result<(), tl_tdjson::Error> {
    use std::time::Duration;
    use tdjson_client::td_api::{enums, functions};

    let td = tl_tdjson::TdJson::load(None)?;
    td.execute(&functions::SetLogVerbosityLevel { new_verbosity_level: 0 })?;
    let version = td.execute(&functions::GetOption { name: "version".into() })?;
    let mut client = td.client::<enums::Update>();
    let again = client.call(
        &functions::GetOption { name: "version".into() },
        Duration::from_secs(20),
    )?;
    assert_eq!(version, again, "the synchronous and the client's answer agree");
    println!("{version:?}");
    drop(client);
    drop(td);
    Ok(())
}

#[cfg(not(has_td_api))]
fn main() {
    eprintln!("error: {}", tdjson_client::WITHOUT_TD_API);
    std::process::exit(1)
}
