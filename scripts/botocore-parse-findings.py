#!/usr/bin/env python3
"""Parses GetFindings response bodies with botocore's own rest-json parser, as the AWS CLI does.

Reads one GetFindings response body (JSON) per line on stdin, parses each with the GetFindings
output shape of botocore's GuardDuty model, and prints one JSON line:
{"botocore": version, "batches": n, "findings": n, "errors": [{"batch": i, "error": "..."}]}.
Used by mocks/emulator/botocore-parse.test.ts (which skips where botocore is not installed).
"""
import json
import sys

import botocore
import botocore.parsers
import botocore.session


def main() -> int:
    model = botocore.session.get_session().get_service_model("guardduty")
    output_shape = model.operation_model("GetFindings").output_shape
    parser = botocore.parsers.create_parser("rest-json")
    summary = {"botocore": botocore.__version__, "batches": 0, "findings": 0, "errors": []}
    for index, line in enumerate(sys.stdin):
        line = line.strip()
        if not line:
            continue
        summary["batches"] += 1
        response = {"status_code": 200, "headers": {"content-type": "application/json"}, "body": line.encode("utf-8")}
        try:
            parsed = parser.parse(response, output_shape)
        except Exception as error:  # what the CLI would print: the finding batch cannot be read
            summary["errors"].append({"batch": index, "error": f"{type(error).__name__}: {error}"})
            continue
        if "Error" in parsed:
            summary["errors"].append({"batch": index, "error": json.dumps(parsed["Error"])})
            continue
        summary["findings"] += len(parsed.get("Findings", []))
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
