import re

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_path
from odoo.tools.translate import TranslationModuleReader

PLACEHOLDER = re.compile(r"%\(\w+\)s|%s")


@tagged("post_install", "-at_install")
class TestRussianTranslation(TransactionCase):
    """Every user-visible string of the addon is translated in i18n/ru.po."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.po = polib.pofile(file_path("vsms_regional/i18n/ru.po"))

    def test_every_term_translated(self):
        reader = TranslationModuleReader(self.env.cr, modules=["vsms_regional"])
        sources = {source for _m, _t, _n, _r, source, _v, _c in reader}
        translated = {entry.msgid for entry in self.po if entry.msgstr}
        missing = sorted(sources - translated)
        self.assertFalse(missing, "untranslated in ru.po (re-export the .pot):")

    def test_placeholders_kept(self):
        for entry in self.po:
            with self.subTest(msgid=entry.msgid):
                self.assertEqual(
                    sorted(PLACEHOLDER.findall(entry.msgid)),
                    sorted(PLACEHOLDER.findall(entry.msgstr)),
                )

    def test_errors_shown_in_russian(self):
        plan = self.env["vsms.plan"].create({"name": "План", "year": 2030})
        item = (
            self.env["vsms.plan.item"]
            .with_context(lang="ru_RU")
            .new({"plan_id": plan.id, "name": "Урок", "schedule_text": "шмарт"})
        )
        warning = item._onchange_schedule_text()["warning"]
        self.assertEqual(warning["title"], "Сроки проведения не распознаны")
        self.assertIn("не удалось распознать «шмарт»", warning["message"])
