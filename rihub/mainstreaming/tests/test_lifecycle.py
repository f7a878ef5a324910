"""Every transition of an intervention, allowed and refused."""

from itertools import product

from django.test import SimpleTestCase

from rihub.mainstreaming.lifecycle import is_forward, progress
from rihub.mainstreaming.models import InterventionStatus as S

ALLOWED = {
    (S.PROPOSED, S.SUBMITTED),
    (S.SUBMITTED, S.DISCUSSED),
    (S.DISCUSSED, S.ADOPTED),
    (S.ADOPTED, S.IMPLEMENTED),
    (S.SUBMITTED, S.DECLINED),
    (S.DISCUSSED, S.DECLINED),
    (S.PROPOSED, S.WITHDRAWN),
    (S.SUBMITTED, S.WITHDRAWN),
    (S.DISCUSSED, S.WITHDRAWN),
}


class TransitionTests(SimpleTestCase):
    def test_exactly_the_forward_steps_are_allowed(self) -> None:
        for current, wanted in product(S, S):
            with self.subTest(current=current.value, wanted=wanted.value):
                expected = (current, wanted) in ALLOWED
                self.assertEqual(is_forward(current, wanted), expected)

    def test_progress_orders_the_path_and_puts_endings_first(self) -> None:
        path = [S.PROPOSED, S.SUBMITTED, S.DISCUSSED, S.ADOPTED, S.IMPLEMENTED]
        self.assertEqual([progress(s) for s in path], [1, 2, 3, 4, 5])
        self.assertEqual(progress(S.DECLINED), 0)
        self.assertEqual(progress(S.WITHDRAWN), 0)
