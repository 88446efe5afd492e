from odoo.tests import BaseCase, tagged

from ..tools.quorum import has_quorum, quorum_required


@tagged("post_install", "-at_install")
class TestQuorum(BaseCase):
    """Quorum arithmetic, without a database."""

    def test_more_than_half(self):
        self.assertEqual(quorum_required(5), 3)
        self.assertEqual(quorum_required(4), 3)
        self.assertEqual(quorum_required(62), 32)
        self.assertEqual(quorum_required(1), 1)

    def test_at_least_half(self):
        self.assertEqual(quorum_required(4, 0.5, strict=False), 2)
        self.assertEqual(quorum_required(5, 0.5, strict=False), 3)

    def test_two_thirds_is_exact(self):
        # 2/3 of 9 is 6, whatever the float 0.667 says
        self.assertEqual(quorum_required(9, 2 / 3, strict=False), 6)
        self.assertEqual(quorum_required(9, 0.667, strict=False), 6)
        self.assertEqual(quorum_required(9, 2 / 3, strict=True), 7)

    def test_whole_body(self):
        self.assertEqual(quorum_required(7, 1, strict=False), 7)

    def test_has_quorum(self):
        self.assertTrue(has_quorum(3, 5))
        self.assertFalse(has_quorum(2, 5))
        self.assertFalse(has_quorum(2, 4))
        self.assertTrue(has_quorum(2, 4, strict=False))
        # a body without members can never decide
        self.assertFalse(has_quorum(0, 0))
        self.assertEqual(quorum_required(0), 1)

    def test_bad_ratio(self):
        for ratio in (0, -0.5, 1.5):
            with self.subTest(ratio=ratio), self.assertRaises(ValueError):
                quorum_required(5, ratio)
        with self.assertRaises(ValueError):
            quorum_required(-1)
