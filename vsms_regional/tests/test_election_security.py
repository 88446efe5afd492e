from odoo.exceptions import AccessError
from odoo.tests import Form, new_test_user, tagged

from .election_common import ElectionCommon

MODELS = (
    "vsms.election",
    "vsms.election.district",
    "vsms.candidate",
    "vsms.election.participation",
)


@tagged("post_install", "-at_install")
class TestElectionAccess(ElectionCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.election.action_campaign()
        cls.candidate = cls.make_candidate(cls.single, "Орлов Пётр Ильич")
        cls.work = cls.env["vsms.election.participation"].create(
            {
                "election_id": cls.election.id,
                "partner_id": cls.deputy.id,
                "role": "agitator",
            }
        )
        cls.records = {
            "vsms.election": cls.election,
            "vsms.election.district": cls.single,
            "vsms.candidate": cls.candidate,
            "vsms.election.participation": cls.work,
        }

    def test_staff_work_on_elections(self):
        env = self.env(user=self.user_staff)
        election = env["vsms.election"].create(
            {
                "name": "Выборы главы",
                "date_start": "2030-09-13",
                "date_end": "2030-09-15",
            }
        )
        district = env["vsms.election.district"].create(
            {"election_id": election.id, "number": 1, "name": "Единый"}
        )
        election.action_campaign()
        candidate = env["vsms.candidate"].create(
            {
                "election_id": election.id,
                "district_id": district.id,
                "partner_id": self.head.id,
                "state": "nominated",
            }
        )
        candidate.action_register()
        env["vsms.election.participation"].create(
            {"election_id": election.id, "partner_id": self.deputy.id, "role": "proxy"}
        )
        election.action_voting()
        candidate.votes = 1000
        election.action_confirm_results()
        self.assertEqual(candidate.state, "elected")
        self.assertTrue(candidate.position_id)
        self.assertEqual(self.head.with_user(self.user_staff).vsms_candidate_count, 1)
        action = self.head.with_user(self.user_staff).action_vsms_open_candidacies()
        self.assertEqual(env[action["res_model"]].search(action["domain"]), candidate)
        for model, record in self.records.items():
            with self.subTest(model=model), self.assertRaises(AccessError):
                record.with_user(self.user_staff).unlink()

    def test_managers_delete(self):
        # campaign work, the candidate, its district, the election
        for model in reversed(MODELS):
            with self.subTest(model=model):
                record = self.records[model].with_user(self.user_manager)
                record.unlink()
                self.assertFalse(record.exists())

    def test_jury_and_outsiders_see_nothing(self):
        for user in (self.user_jury, self.user_outsider):
            for model, record in self.records.items():
                with self.subTest(user=user.login, model=model):
                    with self.assertRaises(AccessError):
                        self.env[model].with_user(user).search([])
                    with self.assertRaises(AccessError):
                        record.with_user(user).read(["display_name"])

    def test_other_company_sees_nothing(self):
        other = self.env["res.company"].create({"name": "Другое отделение"})
        user = new_test_user(
            self.env,
            login="vsms_other_company",
            groups="vsms_regional.group_vsms_user",
            company_id=other.id,
            company_ids=[other.id],
        )
        for model in MODELS:
            with self.subTest(model=model):
                self.assertFalse(self.env[model].with_user(user).search([]))


@tagged("post_install", "-at_install")
class TestCandidaciesOnContactsOutsideVsms(ElectionCommon):
    """The candidacies on the contact are ВСМС staff's: colleagues without ВСМС
    groups edit, create and duplicate contacts as without the addon."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.election.action_campaign()
        cls.candidate = cls.make_candidate(cls.single, "Орлов Пётр Ильич")
        cls.person = cls.candidate.partner_id
        cls.clerk = new_test_user(
            cls.env,
            login="contacts_clerk_elections",
            groups="base.group_user,base.group_partner_manager",
        )

    def test_edit_and_duplicate_a_candidate(self):
        for user in (self.clerk, self.user_outsider):
            with self.subTest(user=user.login):
                person = self.person.with_user(user)
                if user == self.clerk:
                    with Form(person) as form:
                        form.phone = "+7 481 000-00-02"
                    self.assertEqual(self.person.phone, "+7 481 000-00-02")
                    copy = person.copy()
                    self.assertFalse(copy.sudo().vsms_candidate_ids)
                person.read(["name", "email"])
                with self.assertRaises(AccessError):
                    person.read(["vsms_candidate_count"])
        # the candidacy is untouched
        self.assertEqual(self.person.vsms_candidate_ids, self.candidate)

    def test_create_a_contact(self):
        with Form(self.Partner.with_user(self.clerk)) as form:
            form.name = "Новиков Илья Сергеевич"
        self.assertFalse(form.record.sudo().vsms_candidate_ids)

    def test_staff_copy_keeps_candidacies_out(self):
        copy = self.person.with_user(self.user_staff).copy()
        self.assertFalse(copy.vsms_candidate_ids)
