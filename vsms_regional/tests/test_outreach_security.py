from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from .common import VsmsGovernanceCommon


@tagged("post_install", "-at_install")
class TestOutreachAccess(VsmsGovernanceCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Publication = cls.env["vsms.publication"]
        cls.Note = cls.env["vsms.monitoring.note"]
        cls.publication = cls.Publication.create({"name": "Новость"})
        cls.note = cls.Note.create(
            {"name": "Заметка", "municipality_id": cls.vyazma.id}
        )
        # a colleague outside ВСМС who organises events and meetings
        cls.user_organiser = new_test_user(
            cls.env,
            login="vsms_event_organiser",
            groups="base.group_user,event.group_event_user",
        )

    def test_staff_work_but_do_not_delete(self):
        Publication = self.Publication.with_user(self.user_staff)
        publication = Publication.create({"name": "Анонс семинара"})
        publication.write({"reach": 100, "state": "published", "date": "2030-01-10"})
        note = self.Note.with_user(self.user_staff).create(
            {"name": "Проблема", "municipality_id": self.vyazma.id}
        )
        self.assertEqual(publication.reach, 100)
        with self.assertRaises(AccessError):
            publication.unlink()
        with self.assertRaises(AccessError):
            note.unlink()
        with self.assertRaises(AccessError):
            self.env["vsms.monitoring.topic"].with_user(self.user_staff).create(
                {"name": "Новая тема"}
            )

    def test_manager_deletes(self):
        self.publication.with_user(self.user_manager).unlink()
        self.note.with_user(self.user_manager).unlink()
        self.assertFalse(self.publication.exists())
        self.assertFalse(self.note.exists())
        self.env["vsms.monitoring.topic"].with_user(self.user_manager).create(
            {"name": "Новая тема"}
        ).unlink()

    def test_jury_and_outsiders_see_nothing(self):
        for user in (self.user_jury, self.user_outsider, self.user_organiser):
            for model in ("vsms.publication", "vsms.monitoring.note"):
                with self.assertRaises(AccessError, msg=f"{user.login} {model}"):
                    self.env[model].with_user(user).search([])
            with self.assertRaises(AccessError):
                self.publication.with_user(user).read(["name"])
            # the roll-ups on municipalities are staff data too
            vyazma = self.vyazma.with_user(user)
            self.assertTrue(vyazma.name)
            with self.assertRaises(AccessError):
                vyazma.read(["last_monitoring_date"])
            with self.assertRaises(AccessError):
                self.env["vsms.municipality"].with_user(user).search(
                    [("monitoring_gap", "=", True)]
                )

    def test_multi_company(self):
        other = self.env["res.company"].create({"name": "Тверское отделение"})
        theirs = self.Publication.create({"name": "Их новость", "company_id": other.id})
        their_note = self.Note.create(
            {
                "name": "Их заметка",
                "municipality_id": self.vyazma.id,
                "company_id": other.id,
            }
        )
        Publication = self.Publication.with_user(self.user_staff)
        self.assertNotIn(theirs, Publication.search([]))
        self.assertNotIn(their_note, self.Note.with_user(self.user_staff).search([]))
        self.assertEqual(
            str(self.vyazma.with_user(self.user_staff).last_monitoring_date),
            str(self.note.date),
        )


@tagged("post_install", "-at_install")
class TestOutreachOutsiders(VsmsGovernanceCommon):
    """Event and calendar overrides work for colleagues without ВСМС groups."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.user_organiser = new_test_user(
            cls.env,
            login="vsms_event_organiser",
            groups="base.group_user,event.group_event_user",
        )

    def test_outsider_events(self):
        Event = self.env["event.event"].with_user(self.user_organiser)
        with Form(Event) as form:
            form.name = "Субботник"
            form.date_begin = "2030-04-01 07:00:00"
            form.date_end = "2030-04-01 10:00:00"
        event = form.record
        with Form(event) as form:
            form.name = "Субботник во дворе"
        copy = event.copy()
        self.assertEqual(copy.name, "Субботник во дворе (copy)")
        event.read(["name", "date_begin"])
        self.assertEqual(len(Event.search([("name", "ilike", "Субботник")])), 2)
        with self.assertRaises(AccessError):
            event.read(["vsms_publication_count"])
        with self.assertRaises(AccessError):
            Event.search([("vsms_coverage_gap", "=", True)])
        with self.assertRaises(AccessError):
            Event.search([("vsms_publication_count", ">", 0)])

    def test_outsider_meetings(self):
        Meeting = self.env["calendar.event"].with_user(self.user_outsider)
        with Form(Meeting) as form:
            form.name = "Планёрка"
            form.start = "2030-04-02 07:00:00"
            form.stop = "2030-04-02 08:00:00"
        meeting = form.record
        with Form(meeting) as form:
            form.name = "Планёрка отдела"
        copy = meeting.copy()
        self.assertTrue(copy.exists())
        with self.assertRaises(AccessError):
            meeting.read(["vsms_coverage_gap"])
        with self.assertRaises(AccessError):
            Meeting.search([("vsms_coverage_gap", "=", False)])
        (meeting | copy).unlink()

    def test_staff_see_the_smart_buttons(self):
        arch = (
            self.env["event.event"]
            .with_user(self.user_staff)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertIn("action_vsms_open_publications", arch)
        arch = (
            self.env["event.event"]
            .with_user(self.user_organiser)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertNotIn("action_vsms_open_publications", arch)
        self.assertNotIn("vsms_coverage_gap", arch)
        arch = (
            self.env["calendar.event"]
            .with_user(self.user_outsider)
            .get_views([(False, "form")])["views"]["form"]["arch"]
        )
        self.assertNotIn("vsms_publication_count", arch)
