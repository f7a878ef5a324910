"""The steps an intervention may take, in the order the strategy's bodies work.

proposed -> submitted -> discussed -> adopted -> implemented; before adoption it
may also end as declined (by the body) or withdrawn (by the NRCP).
"""

from rihub.mainstreaming.models import InterventionStatus as S

PATH = [S.PROPOSED, S.SUBMITTED, S.DISCUSSED, S.ADOPTED, S.IMPLEMENTED]
ENDINGS = {
    S.DECLINED: {S.SUBMITTED, S.DISCUSSED},
    S.WITHDRAWN: {S.PROPOSED, S.SUBMITTED, S.DISCUSSED},
}
FINAL = {S.IMPLEMENTED, S.DECLINED, S.WITHDRAWN}


def is_forward(current: str, wanted: str) -> bool:
    """Whether `wanted` is the very next step from `current` (no skipping)."""
    now, then = S(current), S(wanted)
    if then in ENDINGS:
        return now in ENDINGS[then]
    if now in FINAL:
        return False
    return PATH.index(then) == PATH.index(now) + 1


def progress(status: str) -> int:
    """How far along the path a status is; endings count as not begun."""
    return PATH.index(S(status)) + 1 if S(status) in PATH else 0
