"""Who stands behind a statement: signatories apart from supporters and from those who only committed.

Pages, listings, the JSON export and the digest all count with `standing`, so they never disagree.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Standing:
    signatories: int  # procuring, coordinating or no role: those who signed, or are listed without a date
    supporters: int  # role `supporting`, signed or not
    committed: int  # `committed` without `signed`: said they will join, have not signed yet
    quoted: int  # commitments the record lists
    total: int | None  # commitments the statement has, when the record quotes only some

    @property
    def partly_quoted(self) -> bool:
        return self.total is not None and self.total > self.quoted


def role_of(signatory) -> str:
    """'supporter', 'committed' or 'signatory': the column a signatory is counted in."""
    if signatory.role == "supporting":
        return "supporter"
    if signatory.committed is not None and signatory.signed is None:
        return "committed"
    return "signatory"


def standing(statement) -> Standing:
    counted = [role_of(s) for s in statement.signatories]
    quoted = len(statement.commitments)
    return Standing(counted.count("signatory"), counted.count("supporter"), counted.count("committed"),
                    quoted, statement.commitments_total)
