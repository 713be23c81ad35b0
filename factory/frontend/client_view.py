"""View data for `src/api/schema.ts` and `src/api/client.ts`: the typed client, from `openapi.json`.

One function per operation, named after its operationId; path parameters become arguments,
query parameters a typed object, the request body and the answer the schemas' types.
"""

from __future__ import annotations

import re
from typing import Any

from factory.frontend.typescript import camel, comment, key, literal, object_type, schema_type

_SAFE_PATH = re.compile(r"^[A-Za-z0-9_/{}.-]+$")


def schemas_view(doc: dict[str, Any]) -> list[dict[str, str]]:
    return [
        {"name": name, "type": object_type(schema) if schema.get("type") == "object" else schema_type(schema)}
        for name, schema in doc.get("components", {}).get("schemas", {}).items()
    ]


def _answer(op: dict[str, Any]) -> str:
    for status in ("200", "201"):
        answer = op.get("responses", {}).get(status)
        if answer is not None:
            schema = answer.get("content", {}).get("application/json", {}).get("schema")
            return "unknown" if schema is None else schema_type(schema, "s.")
    return "void"


def _query(op: dict[str, Any]) -> list[str]:
    return [
        f"  {key(p['name'])}?: {schema_type(p.get('schema', {}), 's.')};"
        for p in op.get("parameters", [])
        if p.get("in") == "query"
    ]


def operations_view(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """Every operation: its function name, signature and request call, ready to print."""
    ops = []
    for path, item in doc.get("paths", {}).items():
        if not _SAFE_PATH.match(path):
            raise ValueError(f"unexpected characters in API path {path!r}")
        url = "`" + re.sub(r"\{(\w+)\}", r"${\1}", path) + "`" if "{" in path else literal(path)
        path_params = re.findall(r"\{(\w+)\}", path)
        for method in ("get", "post", "patch", "delete"):
            op = item.get(method)
            if op is None:
                continue
            name = camel(op["operationId"])
            args = [f"{p}: number" for p in path_params]
            options = []
            query_type = None
            query = _query(op)
            if query:
                query_type = name[:1].upper() + name[1:] + "Query"
                args.append(f"query: {query_type} = {{}}")
                options.append("query")
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            if body is not None:
                args.append(f"body: {schema_type(body, 's.')}")
                options.append("body")
            ops.append(
                {
                    "name": name,
                    "method": method.upper(),
                    "path": path,
                    "url": url,
                    "args": ", ".join(args),
                    "options": (", { " + ", ".join(options) + " }") if options else "",
                    "answer": _answer(op),
                    "query_type": query_type,
                    "query": "{\n" + "\n".join(query) + "\n}" if query else "",
                    "summary": comment(str(op.get("summary", ""))),
                }
            )
    return ops


def operation_index(doc: dict[str, Any]) -> dict[tuple[str, str], str]:
    """(METHOD, path) → the client function's name."""
    return {(o["method"], o["path"]): o["name"] for o in operations_view(doc)}
