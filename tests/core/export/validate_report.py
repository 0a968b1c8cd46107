"""Validates JSON reports against src/core/export/report.schema.json (JSON Schema 2020-12).

usage: validate_report.py SCHEMA REPORT [--invalid]   exit 0 when the outcome is as expected
"""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
report = json.load(open(sys.argv[2], encoding="utf-8"))
expect_valid = "--invalid" not in sys.argv[3:]
jsonschema.Draft202012Validator.check_schema(schema)
errors = list(jsonschema.Draft202012Validator(schema).iter_errors(report))
for error in errors[:5]:
    print(f"{'/'.join(map(str, error.absolute_path))}: {error.message}")
sys.exit(0 if (not errors) == expect_valid else 1)
