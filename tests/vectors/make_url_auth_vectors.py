"""Writes ../fixtures/vectors/url_auth.txt: byte vectors for the url-auth definitions, encoded by
independent implementations, for tests/tests/url_auth_vectors.rs to compare against.

Sources (from the Python registry):
- kurigram 2.2.18, a Pyrogram fork whose generated raw API is exactly layer 221 (every id of
  schema/url_auth.tl, including user#31774388);
- Telethon 1.42.0, layer 216, whose ids for the seven url-auth definitions and for userEmpty,
  inputUser and inputPeerUser are those of layer 221 (its `user` is older, so it is not used).

Run each library in its own virtual environment, then merge:
    python3 -m venv /tmp/k && /tmp/k/bin/pip install kurigram==2.2.18
    python3 -m venv /tmp/t && /tmp/t/bin/pip install telethon==1.42.0
    /tmp/k/bin/python make_url_auth_vectors.py kurigram > /tmp/k.txt
    /tmp/t/bin/python make_url_auth_vectors.py telethon > /tmp/t.txt
    python3 make_url_auth_vectors.py merge /tmp/k.txt /tmp/t.txt > ../fixtures/vectors/url_auth.txt
"""

import sys

URL = "https://example.com/login"
USER_ID = 1234567890
ACCESS_HASH = -4321


def kurigram():
    import pyrogram
    from pyrogram.raw import functions as f, types as t

    source = f"kurigram-{pyrogram.__version__}"
    peer = t.InputPeerUser(user_id=USER_ID, access_hash=ACCESS_HASH)
    full_bot = t.User(
        id=USER_ID,
        bot=True,
        verified=True,
        restricted=True,
        bot_can_edit=True,
        access_hash=ACCESS_HASH,
        first_name="Example Bot",
        last_name="Ünïcödé ✓",
        username="example_bot",
        photo=t.UserProfilePhoto(photo_id=99, dc_id=2, has_video=True, stripped_thumb=bytes(range(40))),
        status=t.UserStatusOnline(expires=1700000000),
        bot_info_version=5,
        restriction_reason=[
            t.RestrictionReason(platform="ios", reason="porn", text="Not on iOS"),
            t.RestrictionReason(platform="all", reason="terms", text="x" * 300),
        ],
        bot_inline_placeholder="Search...",
        lang_code="en",
        emoji_status=t.EmojiStatus(document_id=123456789012, until=1800000000),
        usernames=[
            t.Username(username="example_bot", editable=True, active=True),
            t.Username(username="example_alias", active=True),
            t.Username(username="old_name"),
        ],
        stories_max_id=t.RecentStory(live=True, max_id=17),
        color=t.PeerColor(color=5, background_emoji_id=555),
        profile_color=t.PeerColor(color=1),
        bot_active_users=1000,
    )
    yield "user_full_bot", source, full_bot.write()
    yield "result_request_full_bot", source, t.UrlAuthResultRequest(bot=full_bot, domain="example.com").write()
    yield from common(source, t, f, lambda obj: obj.write(), peer)


def telethon():
    import telethon
    from telethon.tl import functions as f, types as t

    source = f"telethon-{telethon.__version__}"

    class Names:
        """Telethon takes positional arguments and calls functions `...Request`; adapt to one spelling."""

        def __getattr__(self, name):
            return getattr(t, name)

    class Functions:
        class messages:
            RequestUrlAuth = f.messages.RequestUrlAuthRequest
            AcceptUrlAuth = f.messages.AcceptUrlAuthRequest

    peer = t.InputPeerUser(user_id=USER_ID, access_hash=ACCESS_HASH)
    yield from common(source, Names(), Functions, bytes, peer)


def common(source, t, f, encode, peer):
    """Objects both libraries can build, with keyword arguments only."""
    yield "keyboard_button", source, encode(t.KeyboardButtonUrlAuth(text="Log in", url=URL, button_id=3))
    yield "keyboard_button_fwd", source, encode(
        t.KeyboardButtonUrlAuth(text="Log in", url=URL, button_id=3, fwd_text="Log in to example.com")
    )
    bot = t.InputUser(user_id=USER_ID, access_hash=ACCESS_HASH)
    yield "input_keyboard_button", source, encode(
        t.InputKeyboardButtonUrlAuth(text="Log in", url=URL, bot=bot, request_write_access=True)
    )
    yield "request_by_button", source, encode(f.messages.RequestUrlAuth(peer=peer, msg_id=42, button_id=3))
    yield "request_by_url", source, encode(f.messages.RequestUrlAuth(url=URL))
    yield "accept_with_write", source, encode(
        f.messages.AcceptUrlAuth(write_allowed=True, peer=peer, msg_id=42, button_id=3)
    )
    yield "accept_without_write", source, encode(f.messages.AcceptUrlAuth(peer=peer, msg_id=42, button_id=3))
    yield "accept_url", source, encode(f.messages.AcceptUrlAuth(url=URL))
    yield "result_accepted", source, encode(t.UrlAuthResultAccepted(url=URL + "?id=1&hash=abc"))
    yield "result_default", source, encode(t.UrlAuthResultDefault())
    yield "result_request_empty_bot", source, encode(
        t.UrlAuthResultRequest(bot=t.UserEmpty(id=777), domain="example.com", request_write_access=True)
    )


def merge(paths):
    print("# Byte vectors for the url-auth definitions, written by tests/vectors/make_url_auth_vectors.py.")
    print("# name, source library, hex of the boxed encoding. Do not edit by hand.")
    for path in paths:
        with open(path) as lines:
            sys.stdout.write(lines.read())


if __name__ == "__main__":
    if sys.argv[1] == "merge":
        merge(sys.argv[2:])
    else:
        for name, source, data in {"kurigram": kurigram, "telethon": telethon}[sys.argv[1]]():
            print(f"{name} {source} {bytes(data).hex()}")
