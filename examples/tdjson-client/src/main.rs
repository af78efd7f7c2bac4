//! Prints TDLib's version and the entities TDLib finds in a message, through the typed td_api:
//! `cargo run -p tdjson-client` after `bash scripts/fetch-tdjson.sh`.

use std::process::ExitCode;

#[cfg(has_td_api)]
fn run() -> Result<(), Box<dyn std::error::Error>> {
    use tdjson_client::td_api::{enums, functions};

    let td = tl_tdjson::TdJson::load(None)?; // TDJSON_PATH, else the fetch script's cache, else the system's
    td.execute(&functions::SetLogVerbosityLevel { new_verbosity_level: 1 })?;
    let version = td.execute(&functions::GetOption { name: "version".into() })?;
    if let enums::OptionValue::String(version) = version {
        println!("TDLib {}", version.value);
    }
    let text = "Seamless login at https://example.org for @durov #tl 🎉";
    let enums::TextEntities::TextEntities(found) = td.execute(&functions::GetTextEntities { text: text.into() })?;
    println!("Entities of {text:?}:");
    let utf16: Vec<u16> = text.encode_utf16().collect();
    for entity in &found.entities {
        let (start, end) = (entity.offset as usize, (entity.offset + entity.length) as usize);
        let part = String::from_utf16_lossy(&utf16[start..end]);
        println!("  {part:?}: {:?}", entity.r#type);
    }
    Ok(())
}

#[cfg(not(has_td_api))]
fn run() -> Result<(), Box<dyn std::error::Error>> {
    Err(tdjson_client::WITHOUT_TD_API.into())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
