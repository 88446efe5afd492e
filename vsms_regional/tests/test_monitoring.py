from odoo.tests import Form, freeze_time, tagged

from .common import VsmsContactCommon


class MonitoringCommon(VsmsContactCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Note = cls.env["vsms.monitoring.note"]
        cls.Municipality = cls.env["vsms.municipality"]
        cls.topic_budget = cls.env.ref("vsms_regional.vsms_monitoring_topic_budget")
        cls.topic_tos = cls.env.ref("vsms_regional.vsms_monitoring_topic_tos")

    @classmethod
    def make_note(cls, **vals):
        return cls.Note.create(
            {
                "name": "Практика инициативного бюджетирования",
                "municipality_id": cls.vyazma.id,
                "kind": "practice",
                "date": "2030-03-01",
            }
            | vals
        )


@tagged("post_install", "-at_install")
class TestMonitoringNotes(MonitoringCommon):
    def test_topics_in_russian(self):
        self.assertEqual(self.topic_budget.name, "Местный бюджет и налоги")
        self.assertGreaterEqual(self.env["vsms.monitoring.topic"].search_count([]), 10)

    def test_form_as_staff(self):
        Note = self.Note.with_user(self.user_staff)
        with Form(Note) as form:
            form.name = "Преобразование поселений в муниципальный округ"
            form.municipality_id = self.safonovo
            form.kind = "legislation"
            form.topic_ids.add(
                self.env.ref("vsms_regional.vsms_monitoring_topic_reform")
            )
            form.source_url = "https://safonovo.admin-smolensk.ru/"
        note = form.record
        self.assertEqual(note.user_id, self.user_staff)
        self.assertEqual(note.company_id, self.env.company)
        self.assertFalse(note.activity_ids)

    def test_problem_gets_follow_up_activity(self):
        note = self.Note.with_user(self.user_staff).create(
            {
                "name": "Нет средств на ремонт дорог",
                "municipality_id": self.vyazma.id,
                "kind": "problem",
                "topic_ids": [
                    (4, self.env.ref("vsms_regional.vsms_monitoring_topic_roads").id)
                ],
            }
        )
        self.assertEqual(len(note.activity_ids), 1)
        activity = note.activity_ids
        self.assertEqual(activity.user_id, self.user_staff)
        self.assertEqual(activity.summary, "Follow up the problem")
        self.assertEqual(
            activity.activity_type_id, self.env.ref("mail.mail_activity_data_todo")
        )
        # becoming a problem later schedules it too, once
        other = self.make_note(kind="other", user_id=self.user_staff.id)
        self.assertFalse(other.activity_ids)
        other.kind = "problem"
        self.assertEqual(len(other.activity_ids), 1)
        other.name = "Уточнено"
        self.assertEqual(len(other.activity_ids), 1)
        # «to follow up» filter
        self.assertIn(other, self.Note.search([("activity_ids", "!=", False)]))

    def test_views_load(self):
        Note = self.Note.with_user(self.user_staff)
        views = Note.get_views(
            [(False, kind) for kind in ("list", "form", "kanban", "pivot", "search")]
        )
        self.assertIn("searchpanel", views["views"]["search"]["arch"])
        pivot = views["views"]["pivot"]["arch"]
        self.assertIn('interval="quarter"', pivot)
        self.assertIn("municipality_id", pivot)

    def test_search_panel_and_pivot(self):
        self.make_note(municipality_id=self.vyazma.id, kind="practice")
        self.make_note(
            municipality_id=self.vyazma.id, kind="problem", date="2030-05-01"
        )
        self.make_note(municipality_id=self.safonovo.id, kind="legislation")
        Note = self.Note.with_user(self.user_staff)
        panel = Note.search_panel_select_range("municipality_id", enable_counters=True)
        counts = {value["id"]: value["__count"] for value in panel["values"]}
        self.assertEqual(counts[self.vyazma.id], 2)
        self.assertEqual(counts[self.safonovo.id], 1)
        groups = Note._read_group(
            [], ["municipality_id", "kind", "date:quarter"], ["__count"]
        )
        by_quarter = {
            (municipality, kind): count
            for municipality, kind, _quarter, count in groups
        }
        self.assertEqual(by_quarter[(self.vyazma, "problem")], 1)
        self.assertEqual(by_quarter[(self.safonovo, "legislation")], 1)

    def test_note_and_publication(self):
        publication = self.env["vsms.publication"].create(
            {"name": "Обзор законодательства", "kind": "legislation_review"}
        )
        note = self.make_note(kind="legislation", publication_id=publication.id)
        self.assertEqual(publication.monitoring_note_ids, note)


@tagged("post_install", "-at_install")
class TestMunicipalitiesWithoutNotes(MonitoringCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.make_note(municipality_id=cls.vyazma.id, date="2030-03-01")
        cls.make_note(municipality_id=cls.vyazma.id, date="2029-10-01")
        cls.make_note(municipality_id=cls.safonovo.id, date="2029-01-01")

    def gap(self):
        return self.Municipality.with_user(self.user_staff).search(
            [("monitoring_gap", "=", True)]
        )

    @freeze_time("2030-06-01")
    def test_last_date_and_gap(self):
        Municipality = self.Municipality.with_user(self.user_staff)
        vyazma = self.vyazma.with_user(self.user_staff)
        safonovo = self.safonovo.with_user(self.user_staff)
        self.assertEqual(str(vyazma.last_monitoring_date), "2030-03-01")
        self.assertEqual(vyazma.monitoring_note_count, 2)
        self.assertFalse(vyazma.monitoring_gap)
        self.assertTrue(safonovo.monitoring_gap)
        gap = self.gap()
        self.assertIn(self.safonovo, gap)
        self.assertNotIn(self.vyazma, gap)
        # a municipality with no note at all
        never = Municipality.search(
            [("id", "not in", (self.vyazma | self.safonovo).ids)], limit=1
        )
        self.assertIn(never, gap)
        self.assertFalse(never.last_monitoring_date)
        self.assertIn(
            self.vyazma,
            Municipality.search([("monitoring_gap", "=", False)]),
        )
        self.assertEqual(
            Municipality.search([("last_monitoring_date", ">=", "2029-06-01")]),
            self.vyazma,
        )
        self.assertEqual(
            Municipality.search([("last_monitoring_date", "<", "2029-06-01")]),
            self.safonovo,
        )
        self.assertIn(
            never, Municipality.search([("last_monitoring_date", "=", False)])
        )
        self.assertNotIn(
            never, Municipality.search([("last_monitoring_date", "!=", False)])
        )

    @freeze_time("2030-06-01")
    def test_setting_months(self):
        self.env.company.vsms_monitoring_gap_months = 24
        self.assertNotIn(self.safonovo, self.gap())
        self.env.company.vsms_monitoring_gap_months = 2
        self.assertIn(self.vyazma, self.gap())

    @freeze_time("2030-06-01")
    def test_action(self):
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vsms_regional.vsms_municipality_action_monitoring_gap"
        )
        self.assertIn("search_default_filter_monitoring_gap", action["context"])
        search = self.Municipality.with_user(self.user_staff).get_views(
            [(False, "search")]
        )["views"]["search"]["arch"]
        self.assertIn("filter_monitoring_gap", search)
        action = self.vyazma.with_user(self.user_staff).action_open_monitoring_notes()
        self.assertEqual(
            len(self.env["vsms.monitoring.note"].search(action["domain"])), 2
        )
