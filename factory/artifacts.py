"""Generated files as data: what each generator returns and the manifest records."""

from __future__ import annotations

import hashlib

from pydantic import BaseModel


class GeneratedFile(BaseModel):
    """One file of the generated repository, with where it came from."""

    path: str  # relative to the output folder, POSIX separators
    content: str
    template: str | None = None  # the template it was rendered from, if any
    source: str = ""  # the IR node it came from: "entity:Product", "action:checkout", "spec"
    executable: bool = False

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.content.encode("utf-8")).hexdigest()
