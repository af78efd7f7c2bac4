//! Helpers of the TDLib JSON tests: the library (loaded once), the round trip of a JSON object through a
//! generated type, the rules of TDLib's JSON checked by a walker over td_api.tl's model
//! ([`rules`]), and sample objects of every constructor ([`samples`]).

pub mod ordered;
mod paths;
pub mod rules;
pub mod samples;

use std::sync::OnceLock;

use serde::Serialize;
use serde::de::DeserializeOwned;
use tl_codegen::model::Model;

#[cfg(has_td_api)]
use tdjson_client::td_api;

#[cfg(has_td_api)]
include!(concat!(env!("OUT_DIR"), "/dispatch.rs"));

/// Whether the td_api types were generated (td_api.tl was found: see build.rs).
pub const HAS_TD_API: bool = cfg!(has_td_api);

/// Why a test binary of the TDLib tests has nothing to test: td_api.tl was not there when it was built.
pub const MISSING_TD_API: &str = "td_api.tl was missing when these tests were built: run `bash \
     scripts/fetch-tdjson.sh` (it fetches TDLib's libtdjson and td_api.tl), then `cargo test` again";

/// libtdjson, loaded once for the test binary (as a user's program does: `TdJson::load(None)`); a missing
/// library fails with every place looked at and the script that fetches it.
pub fn library() -> &'static tl_tdjson::TdJson {
    static LIBRARY: OnceLock<tl_tdjson::TdJson> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let td = tl_tdjson::TdJson::load(None).unwrap_or_else(|error| panic!("{error}"));
        td.execute_json(r#"{"@type":"setLogVerbosityLevel","new_verbosity_level":0}"#)
            .expect("TDLib answers setLogVerbosityLevel");
        td
    })
}

/// The model of td_api.tl (the file the td_api types were generated from), with the objects its docs say
/// may be null as options (as under `Config::tdjson`).
pub fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        let path = option_env!("TD_API_TL_BUILT").map_or_else(paths::td_api_tl, std::path::PathBuf::from);
        let files = [tl_parser::SourceFile::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))];
        let mut model = tl_tests::samples::model_of(&files);
        model.lower_to_tdjson();
        model
    })
}

/// `json` (as TDLib writes it, or a sample) read as `T`, written back, and read again: the value read
/// twice must be equal and the JSON written equal to `json` as a JSON value, once `"@extra"` and
/// `"@client_id"` are taken out. Returns the JSON written.
pub fn check<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(json: &str) -> Result<String, String> {
    let value: T = serde_json::from_str(json).map_err(|e| format!("the generated type cannot read it: {e}"))?;
    let written = serde_json::to_string(&value).map_err(|e| format!("cannot write it back: {e}"))?;
    let mut expected: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    if let Some(members) = expected.as_object_mut() {
        members.remove("@extra");
        members.remove("@client_id");
    }
    drop_null_members(&mut expected);
    let got: serde_json::Value = serde_json::from_str(&written).map_err(|e| e.to_string())?;
    if got != expected {
        return Err(format!(
            "written back differently:\n  read    {expected}\n  written {got}"
        ));
    }
    let again: T = serde_json::from_str(&written).map_err(|e| format!("cannot read what it wrote: {e}"))?;
    if again != value {
        return Err(format!("read back as another value: {value:?} then {again:?}"));
    }
    Ok(written)
}

/// Takes out every object member that is `null`: TDLib reads an object written `null` as one left out, and
/// leaves absent objects out.
fn drop_null_members(json: &mut serde_json::Value) {
    match json {
        serde_json::Value::Object(members) => {
            members.retain(|_, value| !value.is_null());
            members.values_mut().for_each(drop_null_members);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(drop_null_members),
        _ => {}
    }
}

/// [`check_as`] of `json` as the type or function `name`, then the rules of TDLib's JSON on what was
/// written back.
#[cfg(has_td_api)]
pub fn check_all(name: &str, json: &str) -> Result<(), String> {
    let written = check_as(name, json)?;
    rules::Rules::new(model()).check(name, &written)
}
