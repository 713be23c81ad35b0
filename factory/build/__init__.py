"""Builders: turn a generated repository into something its tests can run against."""

from factory.build.local import BuildResult, build_local

__all__ = ["BuildResult", "build_local"]
