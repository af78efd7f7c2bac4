#!/usr/bin/env bash
# Remakes tests/fixtures/vectors/login.txt from two independent implementations: Node.js packages
# @telegram-apps/init-data-node 2.0.10 and @telegram-auth/server 1.0.5 (npm), then aiogram 3.22.0 (PyPI).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/make_vectors.mjs" "$work/"
(cd "$work" && npm init -y >/dev/null && npm install --silent @telegram-apps/init-data-node@2.0.10 @telegram-auth/server@1.0.5)
python3 -m venv "$work/venv" && "$work/venv/bin/pip" install -q aiogram==3.22.0
node "$work/make_vectors.mjs" | "$work/venv/bin/python" "$here/check_vectors.py" >"$here/../../fixtures/vectors/login.txt"
echo "wrote tests/fixtures/vectors/login.txt"
