"""Builders: turn a generated repository into something its tests can run against."""

from factory.build.frontend import FrontendBuild, build_frontend
from factory.build.local import BuildResult, build_local

__all__ = ["BuildResult", "FrontendBuild", "build_frontend", "build_local"]
