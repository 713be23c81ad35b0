"""The expression language: lexer, parser (to `factory.ir.expr` nodes) and type checker."""

from factory.analyst.expressions.checker import Scope, check_expression, referenced_fields
from factory.analyst.expressions.parser import parse_expression
from factory.analyst.expressions.types import expression_type_fits, of_field

__all__ = [
    "Scope",
    "check_expression",
    "expression_type_fits",
    "of_field",
    "parse_expression",
    "referenced_fields",
]
