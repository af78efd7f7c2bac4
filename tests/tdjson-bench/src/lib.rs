//! The JSON documents the decoding bench reads: TDLib answers as libtdjson writes them, for td_api.tl of
//! TDLib 1.8.61 (what tdlib-rs 1.4.0 ships). The generated types are compiled by the bench only.

/// A text message as TDLib sends it in `updateNewMessage` or a `getMessage` answer: sender, chat, dates,
/// formatted text with entities, interaction info, and the `int64` ids as strings. `id` varies per message.
pub fn message(id: i64) -> String {
    format!(
        r#"{{"@type":"message","id":{id},"sender_id":{{"@type":"messageSenderUser","user_id":777000}},"chat_id":-1001234567890,"is_outgoing":false,"is_pinned":false,"is_from_offline":false,"can_be_saved":true,"has_timestamped_media":true,"is_channel_post":true,"is_paid_star_suggested_post":false,"is_paid_ton_suggested_post":false,"contains_unread_mention":false,"date":1733400000,"edit_date":0,"interaction_info":{{"@type":"messageInteractionInfo","view_count":1532,"forward_count":12,"reactions":{{"@type":"messageReactions","reactions":[{{"@type":"messageReaction","type":{{"@type":"reactionTypeEmoji","emoji":"👍"}},"total_count":42,"is_chosen":false,"recent_sender_ids":[]}}],"are_tags":false,"paid_reactors":[],"can_get_added_reactions":true}}}},"unread_reactions":[],"self_destruct_in":0.000000,"auto_delete_in":0.000000,"via_bot_user_id":0,"sender_business_bot_user_id":0,"sender_boost_count":0,"paid_message_star_count":0,"author_signature":"","media_album_id":"0","effect_id":"0","summary_language_code":"","content":{{"@type":"messageText","text":{{"@type":"formattedText","text":"Seamless login is live: open https://example.org/login and press Log in. Questions go to @support, news under #release. Привет 👋","entities":[{{"@type":"textEntity","offset":29,"length":25,"type":{{"@type":"textEntityTypeUrl"}}}},{{"@type":"textEntity","offset":86,"length":8,"type":{{"@type":"textEntityTypeMention"}}}},{{"@type":"textEntity","offset":106,"length":8,"type":{{"@type":"textEntityTypeHashtag"}}}}]}}}}}}"#
    )
}

/// A `messages` answer (`getChatHistory`, `searchChatMessages`) of `count` such messages.
pub fn messages(count: usize) -> String {
    let messages: Vec<String> = (0..count as i64).map(|i| message(1_048_576 * (i + 1))).collect();
    format!(
        r#"{{"@type":"messages","total_count":{count},"messages":[{}]}}"#,
        messages.join(",")
    )
}
