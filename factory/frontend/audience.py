"""Who may see a page or press a button, from Access, `by` and `Who:` (§6, §7, §9, §10).

The answer is a list of role code names and the pseudo-roles `user` and `anyone`; admin may
always do everything, so the UI never needs it listed. The server checks again: this only
decides what is shown.
"""

from __future__ import annotations

from factory.ir.model import Action, Entity, Permission, Spec, Transition


def _unique(roles: list[str]) -> list[str]:
    return list(dict.fromkeys(roles))


def granted(entity: Entity, permission: Permission, spec: Spec) -> list[str]:
    if spec.settings.auth == "none":
        return ["anyone"]
    if entity.builtin:  # §3: signed-in users read users; only admin changes or deletes them
        return ["user"] if permission == "read" else ["admin"]
    return _unique(["admin", *(g.role for g in entity.access if permission in g.permissions)])


def by_roles(transition: Transition, spec: Spec) -> list[str]:
    return (
        ["anyone"] if spec.settings.auth == "none" else _unique(["admin", *(b.role for b in transition.by)])
    )


def who_roles(action: Action, spec: Spec) -> list[str]:
    return ["anyone"] if spec.settings.auth == "none" else _unique(["admin", *action.who])
