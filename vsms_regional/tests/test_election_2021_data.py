from datetime import date

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestElection2021Data(TransactionCase):
    """The 2021 State Duma election shipped with the addon, linked to item 9
    of the 2021 plan."""

    def setUp(self):
        super().setUp()
        self.election = self.env.ref("vsms_regional.vsms_election_2021_state_duma")

    def test_election(self):
        election = self.election
        self.assertEqual(
            election.name,
            "Выборы депутатов Государственной Думы Федерального Собрания "
            "Российской Федерации восьмого созыва",
        )
        self.assertEqual(election.body_name, "Государственная Дума ФС РФ VIII созыва")
        self.assertEqual(election.level, "federal")
        self.assertEqual(election.date_start, date(2021, 9, 17))
        self.assertEqual(election.date_end, date(2021, 9, 19))
        self.assertEqual(election.date_campaign_start, date(2021, 6, 17))
        self.assertEqual(election.state, "planned")
        self.assertEqual(
            election.position_role_id,
            self.env.ref("vsms_regional.vsms_position_role_state_duma_deputy"),
        )
        self.assertEqual(election.company_id, self.env.ref("base.main_company"))

    def test_districts(self):
        districts = self.election.district_ids.sorted(
            lambda d: (not d.number, d.number)
        )
        self.assertEqual(
            [
                (d.number, d.name, d.kind, d.seats, d.voters_count)
                for d in districts[:2]
            ],
            [
                (175, "Смоленский", "single", 1, 396187),
                (176, "Рославльский", "single", 1, 363927),
            ],
        )
        self.assertEqual(
            districts.mapped("display_name")[:2],
            ["№ 175 «Смоленский»", "№ 176 «Рославльский»"],
        )
        party_list = districts[2]
        self.assertEqual(party_list.kind, "list")
        self.assertFalse(party_list.number)
        self.assertEqual(party_list.seats, 225)
        self.assertEqual(len(districts), 3)

    def test_plan_item_9(self):
        item = self.env.ref("vsms_regional.vsms_plan_2021_item_09")
        self.assertEqual(item.number, 9)
        self.assertEqual(self.election.vsms_plan_item_id, item)
        occurrence = self.election.vsms_occurrence_id
        self.assertEqual(occurrence.item_id, item)
        self.assertTrue(
            occurrence.date_start <= date(2021, 9, 17) <= occurrence.date_end
        )
        self.assertTrue(occurrence.is_realized)
        self.assertEqual(item.election_count, 1)

    def test_campaign_can_be_recorded_afterwards(self):
        """Staff record the 2021 campaign years later: the dates they type
        are the campaign's, not today's."""
        election = self.election
        district = self.env.ref("vsms_regional.vsms_election_2021_district_175")
        election.action_campaign()
        person = self.env["res.partner"].create({"name": "Иванов Иван Иванович"})
        candidate = self.env["vsms.candidate"].create(
            {
                "election_id": election.id,
                "district_id": district.id,
                "partner_id": person.id,
                "date_nominated": "2021-07-01",
            }
        )
        candidate.action_nominate()
        candidate.write({"state": "registered", "date_registered": "2021-07-20"})
        self.assertEqual(candidate.date_nominated, date(2021, 7, 1))
        election.action_voting()
        candidate.votes = 1000
        election.action_confirm_results()
        self.assertEqual(candidate.state, "elected")
        self.assertEqual(candidate.position_id.date_start, date(2021, 9, 19))
        self.assertEqual(
            candidate.position_id.organization, "Государственная Дума ФС РФ VIII созыва"
        )
        self.assertEqual(election.vsms_occurrence_id.state, "done")
