# What both fetch scripts (fetch-tdjson.sh, fetch-tonlib.sh) do alike, sourced by them: checking a file's
# sha256, failing with a message, and a work folder removed on exit ($work).

# checks_out FILE SHA256: whether FILE exists and has that sha256.
checks_out() {
  [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ]
}

# fail MESSAGE: prints it as an error and exits 1.
fail() {
  echo "error: $1" >&2
  exit 1
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
