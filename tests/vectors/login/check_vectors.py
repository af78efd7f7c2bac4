"""Login vectors, part 2 (Python 3.11, aiogram 3.22.0): every vector of part 1 must be accepted by
aiogram's own checks (`check_signature` for the Login Widget, `check_webapp_signature` for Mini App
init data). Writes tests/fixtures/vectors/login.txt: one vector per line, tab-separated
`kind token auth_date user_id query`. Run make_vectors.sh, not this."""
import json
import sys
from urllib.parse import parse_qsl

from aiogram.utils.auth_widget import check_signature
from aiogram.utils.web_app import check_webapp_signature

lines = ["# Login vectors: made by tests/vectors/login/make_vectors.sh; kind, bot token, auth_date, user id, query"]
for line in sys.stdin:
    vector = json.loads(line)
    if vector["kind"] == "widget":
        fields = dict(parse_qsl(vector["query"], keep_blank_values=True))
        hash_ = fields.pop("hash")
        assert check_signature(vector["token"], hash_, **fields), vector
    else:
        assert check_webapp_signature(vector["token"], vector["query"]), vector
    lines.append("\t".join([vector["kind"], vector["token"], str(vector["auth_date"]), vector["id"], vector["query"]]))
sys.stdout.write("\n".join(lines) + "\n")
