//! The JSON (serde, `Config::serde`) of layer 230's url-auth objects, snapshotted: the shape
//! docs/generated-code.md documents, on the objects of Seamless Login. Each sample has every optional
//! field present.

use tl_full_schema::layer230::{enums, functions};
use tl_runtime::Deserialize;
use tl_tests::samples::{Fill, boxed};

/// The pretty JSON of the `Fill::All` sample of `tl_name`, decoded as `T`.
fn json_of<T: Deserialize + tl_runtime::serde::Serialize>(model: &tl_codegen::model::Model, tl_name: &str) -> String {
    let item = (model.constructors.iter().chain(&model.functions))
        .find(|item| item.tl_name == tl_name)
        .unwrap_or_else(|| panic!("{tl_name} is in layer 230"));
    let value = T::from_bytes(&boxed(model, item, Fill::All)).expect("the sample decodes");
    format!(
        "{tl_name}:\n{}\n",
        serde_json::to_string_pretty(&value).expect("serializes")
    )
}

#[test]
fn url_auth_objects_as_json() {
    let model = tl_tests::samples::model_of(&[tl_tests::api_layer230(), tl_tests::mtproto()]);
    let all = [
        json_of::<enums::UrlAuthResult>(&model, "urlAuthResultRequest"),
        json_of::<enums::UrlAuthResult>(&model, "urlAuthResultAccepted"),
        json_of::<enums::UrlAuthResult>(&model, "urlAuthResultDefault"),
        json_of::<enums::InlineButtonType>(&model, "inlineButtonTypeUrlAuth"),
        json_of::<enums::InlineButtonType>(&model, "inputInlineButtonTypeUrlAuth"),
        json_of::<functions::messages::RequestUrlAuth>(&model, "messages.requestUrlAuth"),
        json_of::<functions::messages::AcceptUrlAuth>(&model, "messages.acceptUrlAuth"),
        json_of::<functions::messages::DeclineUrlAuth>(&model, "messages.declineUrlAuth"),
    ];
    insta::assert_snapshot!(all.join("\n"));
}
