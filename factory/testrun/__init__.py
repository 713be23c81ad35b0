"""The tester: run a generated repo's tests and read their results."""

from factory.testrun.junit import TestCase, TestResults, parse_junit
from factory.testrun.run import run_tests

__all__ = ["TestCase", "TestResults", "parse_junit", "run_tests"]
