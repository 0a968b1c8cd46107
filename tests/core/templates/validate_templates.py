#!/usr/bin/python3
"""Validates template files against checklists/template.schema.json with a real JSON Schema
validator (Debian's python3-jsonschema), so the schema published for template authors cannot drift
from what the C++ loader accepts.

Usage: validate_templates.py SCHEMA --valid FILE... --invalid FILE...
Files after --valid must pass; files after --invalid must each be rejected by the schema.
"""
import json
import sys

import jsonschema


def main(argv):
    schema_path, rest = argv[1], argv[2:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    failures = 0
    expect_valid = None
    for arg in rest:
        if arg in ("--valid", "--invalid"):
            expect_valid = arg == "--valid"
            continue
        with open(arg, encoding="utf-8") as f:
            errors = sorted(validator.iter_errors(json.load(f)), key=lambda e: list(e.absolute_path))
        if expect_valid and errors:
            failures += 1
            for error in errors:
                print(f"{arg}: {error.json_path}: {error.message}")
        elif not expect_valid and not errors:
            failures += 1
            print(f"{arg}: accepted by the schema but should be rejected")
        else:
            print(f"{arg}: {'valid' if expect_valid else 'rejected: ' + errors[0].message}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
