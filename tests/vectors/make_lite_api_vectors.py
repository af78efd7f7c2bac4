"""Makes tests/fixtures/vectors/lite_api.txt: encodings of TON lite-server API values written by
pytoniq-core, an independent TL implementation that TON clients use against lite servers.

    python3 -m venv /tmp/ton && /tmp/ton/bin/pip install pytoniq-core==0.2.1
    /tmp/ton/bin/python tests/vectors/make_lite_api_vectors.py > tests/fixtures/vectors/lite_api.txt

pytoniq-core 0.2.1 bundles TON's lite_api.tl, byte for byte the `../shared/schema/wild/lite_api.tl` that
the tests generate from (the script checks this when `../shared` is there). For every constructor and
function it can write, the script builds one value with every optional field present and, when there are
optional fields, one with none, and writes a line:

    <constructor|function> <TL name> <boxed type, or the function again> <hex of the boxed encoding>

pytoniq computes the ids itself (CRC32 of the definition with its `?true` params kept), writes the
fields, and knows nothing of our generator. pytoniq cannot write `string` fields (its writer skips them),
so definitions holding one are left out, and `Object` fields are too.
"""

import hashlib
import itertools
import os
import sys

from pytoniq_core.tl.generator import TlGenerator

SCHEMA = os.path.join(os.path.dirname(__import__("pytoniq_core").__file__), "tl", "schemas", "lite_api.tl")
SHARED = os.path.join(os.path.dirname(__file__), "..", "..", "..", "shared", "schema", "wild", "lite_api.tl")
# Declarations of built-in types, which are not values of their own.
BUILTINS = {"int", "long", "double", "string", "object", "function", "bytes", "true", "boolTrue",
            "boolFalse", "vector", "int128", "int256"}
SIZES = {"int128": 16, "int256": 32}


class Values:
    """Makes distinct, deterministic sample values."""

    def __init__(self, schemas):
        self.schemas = schemas
        self.counter = itertools.count(1)

    def next(self):
        return next(self.counter)

    def of(self, tl_type):
        if tl_type in ("int", "#"):
            return self.next() * 7919 - 50000
        if tl_type == "long":
            return -(self.next() * 1_000_000_007_000) - 3
        if tl_type in SIZES:
            start = self.next()
            return bytes((start + i) % 256 for i in range(SIZES[tl_type])).hex()
        if tl_type == "Bool":
            return self.next() % 2 == 0
        if tl_type == "bytes":
            # Short, empty and long (a four-byte length) in turn.
            length = [3, 0, 300][self.next() % 3]
            return bytes((7 * i + 1) % 256 for i in range(length))
        if tl_type == "true":
            return True
        if tl_type.startswith("(vector "):
            element = tl_type[len("(vector "):-1]
            return [self.of(element), self.of(element)]
        by_name = self.schemas.get_by_name(tl_type)
        if by_name is not None:  # a bare constructor
            return self.fields(by_name, all_optional=True)
        constructors = self.schemas.get_by_class_name(tl_type)
        if constructors:  # a boxed type: its first constructor, tagged when there are several
            value = self.fields(constructors[0], all_optional=True)
            if len(constructors) > 1:
                value["@type"] = constructors[0].name
            return value
        raise Unsupported(tl_type)

    def fields(self, schema, all_optional):
        """The fields of `schema`: optional ones all present or all absent, flags words to match."""
        data = {}
        masks = {}
        for name, tl_type in schema.args.items():
            if "?" in tl_type:
                condition, inner = tl_type.split("?", 1)
                word, bit = condition.split(".")
                if not all_optional:
                    continue
                masks[word] = masks.get(word, 0) | (1 << int(bit))
                data[name] = self.of(inner)
            elif tl_type == "#":
                data[name] = None  # filled below if conditions name it, else a plain value
            else:
                data[name] = self.of(tl_type)
        for name, tl_type in schema.args.items():
            if tl_type == "#" and data[name] is None:
                named = any(t.startswith(name + ".") for t in schema.args.values())
                data[name] = masks.get(name, 0) if named else self.next() * 3
        return data


class Unsupported(Exception):
    pass


def has_optional(schema):
    return any("?" in t for t in schema.args.values())


def writable(schema, schemas, seen=()):
    """Whether pytoniq can write every field of `schema` (no `string`, no `Object`)."""
    for tl_type in schema.args.values():
        tl_type = tl_type.split("?", 1)[-1]
        if tl_type.startswith("(vector "):
            tl_type = tl_type[len("(vector "):-1]
        if tl_type in ("string", "Object", "object"):
            return False
        if tl_type in BUILTINS or tl_type in ("Bool", "#"):
            continue
        nested = [schemas.get_by_name(tl_type)] if schemas.get_by_name(tl_type) else []
        nested += schemas.get_by_class_name(tl_type) or []
        for inner in nested[:1]:
            if inner.name not in seen and not writable(inner, schemas, seen + (schema.name,)):
                return False
    return True


def main():
    with open(SCHEMA, "rb") as bundled:
        text = bundled.read()
    if os.path.exists(SHARED):
        with open(SHARED, "rb") as shared:
            assert shared.read() == text, "pytoniq's lite_api.tl differs from ../shared's"
    schemas = TlGenerator(SCHEMA).generate()
    kinds = definitions_of(text.decode())
    values = Values(schemas)
    print(f"# TON lite_api.tl (sha256 {hashlib.sha256(text).hexdigest()[:16]}), written by pytoniq-core 0.2.1.")
    print("# Remake with tests/vectors/make_lite_api_vectors.py.")
    for schema in schemas.list:
        if schema.name in BUILTINS or not writable(schema, schemas):
            continue
        kind, result = kinds[schema.name]
        boxed_type = schema.name if kind == "function" else result
        for all_optional in ([True, False] if has_optional(schema) else [True]):
            data = values.fields(schema, all_optional)
            encoded = schemas.serialize(schema, data, boxed=True)
            print(f"{kind} {schema.name} {boxed_type} {encoded.hex()}")
    return 0


def definitions_of(text):
    """Each definition's name -> (constructor or function, its result type), read from the text."""
    kinds = {}
    kind = "constructor"
    pending = ""
    for line in text.splitlines():
        line = line.split("//")[0].strip()
        if line.startswith("---"):
            kind = "function" if line == "---functions---" else "constructor"
            continue
        pending += " " + line
        if ";" in pending:
            definition = pending.split(";")[0].strip()
            pending = ""
            name = definition.split()[0].split("#")[0]
            kinds[name] = (kind, definition.split("=")[-1].strip())
    return kinds


if __name__ == "__main__":
    sys.exit(main())
