//! Generates schema/url_auth.tl and mtcute's mtp-schema.json with the docs of mtcute's api-schema.json
//! and typed errors from its raw-errors.json, as a user's build script would, into OUT_DIR. The JSON is found in the cache of `bash scripts/fetch-telegram-data.sh` (`MTCUTE_CACHE`);
//! without it nothing is generated (`has_mtcute` stays off, and the test binary's one test fails naming
//! the script), and on CI its absence is a failure.

#[path = "../src/mtcute.rs"]
#[allow(dead_code, unreachable_pub)]
mod mtcute;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo::rustc-check-cfg=cfg(has_mtcute)");
    println!("cargo:rerun-if-env-changed=MTCUTE_CACHE");
    println!("cargo:rerun-if-changed=build.rs");
    let docs = mtcute::cache().join("api-schema.json");
    if !docs.is_file() {
        assert!(std::env::var_os("CI").is_none(), "CI must have {}", docs.display());
        println!(
            "cargo:warning={} is missing: run `{}`, then test again",
            docs.display(),
            mtcute::FETCH
        );
        return Ok(());
    }
    // With MTProto's service definitions read from mtcute's JSON: `rpc_error` converts to the typed errors.
    tl_codegen::Config::new()
        .schema("../../schema/url_auth.tl")
        .schema(mtcute::cache().join("mtp-schema.json"))
        .docs(&docs)
        .errors(mtcute::cache().join("raw-errors.json"))
        .compile()?;
    // mtcute's api-schema.json as the schema too (its layer 223), documented by itself, split into files.
    tl_codegen::Config::new()
        .schema(&docs)
        // invokeWithLayer: a generic function with errors; mtcute.customMethod: one answering `bytes`.
        .roots([
            "messages.requestUrlAuth",
            "messages.acceptUrlAuth",
            "auth.sendCode",
            "invokeWithLayer",
            "mtcute.customMethod",
        ])
        .docs(&docs)
        .errors(mtcute::cache().join("raw-errors.json"))
        // mtcute's two legacy constructors and its own method: ids that are not TL hashes, on purpose.
        .allow_id_mismatch("inputPeerPhotoFileLocationLegacy")
        .allow_id_mismatch("inputStickerSetThumbLegacy")
        .allow_id_mismatch("mtcute.customMethod")
        .file_name("api.rs")
        // In small files (api/functions/messages.rs, api/types/root_u.rs, ...), include!d by api.rs.
        .split_by_namespace()
        .compile()?;
    println!("cargo:rustc-env=MTCUTE_API_SCHEMA={}", docs.display());
    println!(
        "cargo:rustc-env=MTCUTE_RAW_ERRORS={}",
        mtcute::cache().join("raw-errors.json").display()
    );
    println!("cargo:rustc-cfg=has_mtcute");
    Ok(())
}
