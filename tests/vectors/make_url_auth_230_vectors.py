"""Writes ../fixtures/vectors/url_auth_230.txt: byte vectors for today's url-auth definitions (layer
230), encoded by kurigram 2.2.26 (PyPI), a Pyrogram fork whose raw API is layer 229 and whose ids for
every definition used here are layer 230's (urlAuthResultRequest#3cd623ec, urlAuthResultAccepted#623a8fa0,
messages.requestUrlAuth#894cc99c, messages.acceptUrlAuth#67a3f0de, messages.declineUrlAuth#35436bbc,
messages.checkUrlAuthMatchCode#c9a47b0b, inlineButtonTypeUrlAuth#bfd02da2,
inputInlineButtonTypeUrlAuth#9961bcb4, user#b1b8cc83, ...), for tests/tests/url_auth_230_vectors.rs.

    python3 -m venv /tmp/k230 && /tmp/k230/bin/pip install kurigram==2.2.26
    /tmp/k230/bin/python make_url_auth_230_vectors.py > ../fixtures/vectors/url_auth_230.txt
"""

import pyrogram
from pyrogram.raw import functions as f, types as t

URL = "https://example.com/login"
peer = t.InputPeerUser(user_id=1234567890, access_hash=-4321)
# `bot` and `bot_info_version` share flag bit 14: a bot always has both (as Telegram sends them).
bot = t.User(
    id=1234567890, bot=True, bot_info_version=5, access_hash=-4321, first_name="Example Bot", username="example_bot"
)
vectors = {
    "result_request_full": t.UrlAuthResultRequest(
        bot=bot,
        domain="example.com",
        request_write_access=True,
        request_phone_number=True,
        match_codes_first=True,
        is_app=True,
        browser="Firefox 140",
        platform="Linux",
        ip="203.0.113.7",
        region="Berlin, Germany",
        match_codes=["12", "34", "56"],
        user_id_hint=777000,
        verified_app_name="Example App",
    ),
    "result_request_minimal": t.UrlAuthResultRequest(bot=t.UserEmpty(id=5), domain="example.com"),
    "result_accepted_url": t.UrlAuthResultAccepted(url=URL + "?id=1&hash=abc"),
    "result_accepted_no_url": t.UrlAuthResultAccepted(),
    "result_default": t.UrlAuthResultDefault(),
    "button": t.InlineButtonTypeUrlAuth(url=URL, button_id=3, fwd_text="Log in"),
    "input_button": t.InputInlineButtonTypeUrlAuth(
        url=URL, bot=t.InputUser(user_id=1234567890, access_hash=-4321), request_write_access=True
    ),
    "request": f.messages.RequestUrlAuth(peer=peer, msg_id=42, button_id=3, in_app_origin="https://app.example.com"),
    "request_by_url": f.messages.RequestUrlAuth(url=URL),
    "accept": f.messages.AcceptUrlAuth(
        write_allowed=True, share_phone_number=True, peer=peer, msg_id=42, button_id=3, match_code="34"
    ),
    "decline": f.messages.DeclineUrlAuth(url=URL),
    "check_match_code": f.messages.CheckUrlAuthMatchCode(url=URL, match_code="34"),
}
print("# Byte vectors for the layer-230 url-auth definitions, written by tests/vectors/make_url_auth_230_vectors.py.")
print("# name, source library, hex of the boxed encoding. Do not edit by hand.")
for name, value in vectors.items():
    print(name, f"kurigram-{pyrogram.__version__}", value.write().hex())
