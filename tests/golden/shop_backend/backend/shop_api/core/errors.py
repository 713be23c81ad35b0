"""Error bodies of spec-semantics §5: `{"detail": "message"}`, and for 422 a list per field."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

LANGUAGE = "en"


class ApiError(Exception):
    """An answer other than 2xx, raised anywhere in a request."""

    def __init__(self, status: int, detail: str | list[dict[str, str]]) -> None:
        super().__init__(str(detail))
        self.status = status
        self.detail = detail


def invalid(field: str, message: str) -> ApiError:
    return ApiError(422, [{"field": field, "message": message}])


MESSAGES = {
    "en": {
        "missing": "is required",
        "extra_forbidden": "is not accepted",
        "not_signed_in": "not signed in",
        "forbidden": "not allowed",
        "not_found": "not found",
        "no_such": "no such {entity}",
        "duplicate": "already exists",
        "min": "must be at least {value}",
        "max": "must be at most {value}",
        "min_length": "must have at least {value} characters",
        "max_length": "must have at most {value} characters",
        "pattern": "does not have the required form",
        "one_of": "must be one of {value}",
        "integer": "must be a whole number",
        "number": "must be a number",
        "boolean": "must be true or false",
        "date": "must be a date (YYYY-MM-DD)",
        "datetime": "must be a date and time (ISO 8601)",
        "text": "must be text",
        "email": "must be an email address",
        "url": "must be an http:// or https:// address",
        "phone": "must be a phone number",
        "uuid": "must be a UUID",
        "list": "must be a list of ids",
        "invalid": "is not valid",
        "still_referenced": "still referenced by {value}",
        "state": "{field} changes only through its transitions; allowed now: {value}",
        "wrong_state": "cannot {name}: {entity} is {state}; allowed: {value}",
        "retry": "conflicting update, please retry",
        "bad_login": "wrong username or password",
    },
    "zh": {
        "missing": "必填",
        "extra_forbidden": "不接受此字段",
        "not_signed_in": "请先登录",
        "forbidden": "没有权限",
        "not_found": "不存在",
        "no_such": "不存在的{entity}",
        "duplicate": "已存在",
        "min": "不能小于 {value}",
        "max": "不能大于 {value}",
        "min_length": "至少 {value} 个字符",
        "max_length": "最多 {value} 个字符",
        "pattern": "格式不正确",
        "one_of": "必须是 {value} 之一",
        "integer": "必须是整数",
        "number": "必须是数字",
        "boolean": "必须是 true 或 false",
        "date": "必须是日期 (YYYY-MM-DD)",
        "datetime": "必须是日期时间 (ISO 8601)",
        "text": "必须是文本",
        "email": "必须是邮箱地址",
        "url": "必须是 http:// 或 https:// 地址",
        "phone": "必须是电话号码",
        "uuid": "必须是 UUID",
        "list": "必须是 id 列表",
        "invalid": "无效",
        "still_referenced": "仍被 {value} 引用",
        "state": "{field} 只能通过状态流转改变；当前允许：{value}",
        "wrong_state": "无法{name}：{entity} 当前为 {state}；允许：{value}",
        "retry": "更新冲突，请重试",
        "bad_login": "用户名或密码错误",
    },
}


def message(key: str, **values: Any) -> str:
    return MESSAGES[LANGUAGE][key].format(**values)


def _pydantic_message(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    table = {
        "missing": ("missing", None),
        "extra_forbidden": ("extra_forbidden", None),
        "greater_than_equal": ("min", "ge"),
        "less_than_equal": ("max", "le"),
        "string_too_short": ("min_length", "min_length"),
        "string_too_long": ("max_length", "max_length"),
        "string_pattern_mismatch": ("pattern", None),
        "literal_error": ("one_of", "expected"),
        "enum": ("one_of", "expected"),
        "int_parsing": ("integer", None),
        "int_type": ("integer", None),
        "int_from_float": ("integer", None),
        "decimal_parsing": ("number", None),
        "decimal_type": ("number", None),
        "float_parsing": ("number", None),
        "bool_parsing": ("boolean", None),
        "bool_type": ("boolean", None),
        "date_from_datetime_parsing": ("date", None),
        "date_parsing": ("date", None),
        "datetime_from_date_parsing": ("datetime", None),
        "datetime_parsing": ("datetime", None),
        "string_type": ("text", None),
        "uuid_parsing": ("uuid", None),
        "list_type": ("list", None),
    }
    key, arg = table.get(kind, ("invalid", None))
    if key == "invalid" and error.get("msg", "").startswith("Value error, "):
        return str(error["msg"]).removeprefix("Value error, ")
    value = ctx.get(arg) if arg else None
    if key == "one_of" and isinstance(value, str):
        value = value.replace("'", "")
    return message(key, value=value)


def validation_detail(errors: list[Any]) -> list[dict[str, str]]:
    out = []
    for error in errors:
        loc = [str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path")]
        out.append({"field": ".".join(loc) or "body", "message": _pydantic_message(error)})
    return out


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse({"detail": exc.detail}, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": validation_detail(list(exc.errors()))}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = message("not_found") if exc.status_code == 404 else exc.detail
        return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=exc.headers)
