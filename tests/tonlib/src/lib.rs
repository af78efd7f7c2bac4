//! Helpers of the tonlib JSON tests: the library (loaded once), a client initialised offline, the round
//! trip of a JSON object through the generated type its `"@type"` names, and the model of tonlib_api.tl
//! for the samples and rules that tl-tdjson-tests shares.

mod paths;

use std::sync::OnceLock;

use tl_codegen::model::Model;
use tl_tdjson_tests::check;

#[cfg(has_tonlib_api)]
use tonlib_client::tonlib_api;

#[cfg(has_tonlib_api)]
include!(concat!(env!("OUT_DIR"), "/dispatch.rs"));

/// Whether the tonlib_api types were generated (tonlib_api.tl was found: see build.rs).
pub const HAS_TONLIB_API: bool = cfg!(has_tonlib_api);

/// Why a test binary of the tonlib tests has nothing to test: tonlib_api.tl was not there when it was
/// built.
pub const MISSING_TONLIB_API: &str = "tonlib_api.tl was missing when these tests were built: run `bash \
     scripts/fetch-tonlib.sh` (it fetches TON's libtonlibjson and tonlib_api.tl), then `cargo test` again";

/// libtonlibjson, loaded once for the test binary (as a user's program does: `Tonlib::load(None)`), its
/// logging off; a missing library fails with every place looked at and the script that fetches it.
pub fn library() -> &'static tl_tdjson::tonlib::Tonlib {
    static LIBRARY: OnceLock<tl_tdjson::tonlib::Tonlib> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        let tonlib = tl_tdjson::tonlib::Tonlib::load(None).unwrap_or_else(|error| panic!("{error}"));
        tonlib
            .execute_json(r#"{"@type":"setLogVerbosityLevel","new_verbosity_level":0}"#)
            .expect("tonlib answers setLogVerbosityLevel");
        tonlib
    })
}

/// The model of tonlib_api.tl (the file the tonlib_api types were generated from), lowered as under
/// `Config::json_interface`.
pub fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        let path = option_env!("TONLIB_API_TL_BUILT").map_or_else(paths::tonlib_api_tl, std::path::PathBuf::from);
        let files = [tl_parser::SourceFile::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))];
        let mut model = tl_tests::samples::model_of(&files);
        model.lower_to_tdjson();
        model
    })
}

/// The TL type of the constructor an object names in `"@type"`, or the function it names.
pub fn type_of(json: &str) -> Result<String, String> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| format!("not JSON: {e}"))?;
    let name = value["@type"].as_str().ok_or(format!("no \"@type\" in {json}"))?;
    let model = model();
    if let Some(function) = model.functions.iter().find(|function| function.tl_name == name) {
        return Ok(function.tl_name.clone());
    }
    (model.types.iter())
        .find(|ty| (ty.variants.iter()).any(|variant| model.constructors[variant.constructor].tl_name == name))
        .map(|ty| ty.tl_name.clone())
        .ok_or(format!("tonlib_api.tl has no `{name}`"))
}

/// [`check_as`] of `json` as the type its `"@type"` belongs to, then the rules of the JSON interface on
/// what was written back.
#[cfg(has_tonlib_api)]
pub fn check_all(json: &str) -> Result<(), String> {
    let ty = type_of(json)?;
    let written = check_as(&ty, json)?;
    tl_tdjson_tests::rules::Rules::new(model()).check(&ty, &written)
}

/// A request as a JSON value, sent as a function whose answer is read as JSON: to send what a generated
/// type wrote, or what no generated type would write.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(transparent)]
pub struct Raw(pub serde_json::Value);

impl tl_tdjson::Function for Raw {
    const TYPE: &'static str = "a request given as JSON";
    type Return = serde_json::Value;
}
