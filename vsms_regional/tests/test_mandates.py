from psycopg2.errors import UniqueViolation

from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, freeze_time, tagged

from .mandate_common import VsmsMandateCommon

ACTIVITY_TYPE = "vsms_regional.mail_activity_type_vsms_mandate"


@tagged("post_install", "-at_install")
class TestMandateNumbers(VsmsMandateCommon):
    """Numbers «Н-2041-001» from a yearly sequence by the mandate's date."""

    def test_numbered_per_year_of_the_date(self):
        first = self.make_mandate(date="2041-03-01")
        second = self.make_mandate(date="2041-11-20")
        next_year = self.make_mandate(date="2042-01-10")
        # registered late, dated back into 2041: that year's next number
        late = self.make_mandate(date="2041-12-31")
        self.assertEqual(first.number, "Н-2041-001")
        self.assertEqual(second.number, "Н-2041-002")
        self.assertEqual(next_year.number, "Н-2042-001")
        self.assertEqual(late.number, "Н-2041-003")
        self.assertEqual(
            first.display_name, "Н-2041-001 Отремонтировать дорогу по ул. Ленина"
        )
        # several at once, as an import does
        batch = self.Mandate.create(
            [
                {"name": "Наказ А", "date": "2042-02-01", "author_name": "Жители"},
                {"name": "Наказ Б", "date": "2041-02-01", "author_name": "Жители"},
            ]
        )
        self.assertEqual(batch.mapped("number"), ["Н-2042-002", "Н-2041-004"])

    def test_date_moves_within_and_across_years(self):
        mandate = self.make_mandate(date="2043-02-01")
        self.make_mandate(date="2044-05-05")
        self.assertEqual(mandate.number, "Н-2043-001")
        mandate.date = "2043-10-10"
        self.assertEqual(mandate.number, "Н-2043-001", "same year: same number")
        mandate.date = "2044-01-15"
        self.assertEqual(mandate.number, "Н-2044-002", "the number follows the year")
        self.assertEqual(self.Mandate.search_count([("number", "=", "Н-2044-002")]), 1)

    def test_copy_is_a_new_received_mandate(self):
        mandate = self.make_mandate(date="2047-03-01", deadline="2047-04-01")
        mandate.write({"state": "rejected", "rejection_reason": "Дубль"})
        copy = mandate.with_user(self.user_staff).copy()
        self.assertEqual(copy.number, "Н-2047-002")
        self.assertEqual(copy.state, "received")
        self.assertFalse(copy.rejection_reason)
        self.assertEqual(copy.name, mandate.name)

    def test_number_cannot_be_written(self):
        mandate = self.make_mandate(date="2045-04-01")
        for user in (self.user_staff, self.user_manager):
            with self.subTest(user=user.login):
                with self.assertRaisesText(UserError, "Н-2045-999"):
                    mandate.with_user(user).write({"number": "Н-2045-999"})
                with self.assertRaisesText(UserError, "Н-2045-777"):
                    self.make_mandate(
                        env=self.env(user=user), date="2045-04-02", number="Н-2045-777"
                    )
        self.assertEqual(mandate.number, "Н-2045-001")
        self.assertFalse(
            self.Mandate.search([("number", "in", ("Н-2045-777", "Н-2045-999"))])
        )
        # writing back the same number (as a form does) is no change
        mandate.with_user(self.user_staff).write(
            {"number": "Н-2045-001", "signatures": 2}
        )
        self.assertEqual(mandate.signatures, 2)

    def test_numbers_unique_per_company(self):
        mandate = self.make_mandate(date="2046-04-01")
        other = self.make_mandate(date="2046-04-02")
        self.env.flush_all()
        with self.assertRaises(UniqueViolation), self.cr.savepoint():
            # even the database refuses a duplicate
            self.env.cr.execute(
                "UPDATE vsms_mandate SET number = %s WHERE id = %s",
                (mandate.number, other.id),
            )


@tagged("post_install", "-at_install")
class TestMandateWorkflow(VsmsMandateCommon):
    def flush_tracking(self):
        self.env.flush_all()
        self.env.cr.precommit.run()

    def test_received_to_done(self):
        mandate = self.make_mandate(env=self.env(user=self.user_staff))
        self.flush_tracking()
        self.assertEqual(mandate.state, "received")
        mandate.action_accept()
        self.flush_tracking()
        self.assertEqual(mandate.state, "accepted")
        mandate.action_start()
        self.flush_tracking()
        self.assertEqual(mandate.state, "in_progress")
        with self.assertRaisesText(ValidationError, mandate.number):
            mandate.action_done()
        self.assertEqual(mandate.state, "in_progress")
        mandate.result = "Дорога отремонтирована в августе 2030 г."
        with freeze_time("2030-08-20"):
            mandate.action_done()
        self.flush_tracking()
        self.assertEqual(mandate.state, "done")
        self.assertEqual(str(mandate.date_done), "2030-08-20")
        tracked = mandate.sudo().message_ids.tracking_value_ids.filtered(
            lambda t: t.field_id.name == "state"
        )
        self.assertEqual(
            sorted(tracked.mapped("new_value_char")),
            ["Accepted", "Fulfilled", "In Work"],
        )

    def test_refused_moves(self):
        mandate = self.make_mandate(env=self.env(user=self.user_staff))
        refused = {
            "received": ["in_progress", "done"],
            "accepted": ["received", "done"],
            "in_progress": ["received", "accepted"],
        }
        path = {"accepted": "accepted", "in_progress": "in_progress"}
        for state, targets in refused.items():
            if state in path:
                mandate.write({"state": path[state]})
            for target in targets:
                with self.subTest(frm=state, to=target):
                    with self.assertRaisesText(UserError, "cannot go from"):
                        mandate.write({"state": target, "result": "Сделано"})
                    self.assertEqual(mandate.state, state)
        mandate.write({"state": "done", "result": "Сделано"})
        for target in ("received", "accepted", "in_progress", "rejected"):
            with self.subTest(frm="done", to=target):
                with self.assertRaisesText(UserError, mandate.number):
                    mandate.write({"state": target, "rejection_reason": "Нет средств"})
                self.assertEqual(mandate.state, "done")

    def test_created_as_received_only(self):
        with self.assertRaisesText(UserError, "Accepted"):
            self.make_mandate(env=self.env(user=self.user_staff), state="accepted")
        with self.assertRaisesText(UserError, "Fulfilled"):
            self.make_mandate(state="done", result="Сделано")
        with self.assertRaisesText(UserError, "Fulfilled"):
            self.make_mandate(date_done="2030-07-01")
        self.assertFalse(self.Mandate.search([]))

    def test_rejection_needs_a_reason(self):
        mandate = self.make_mandate(env=self.env(user=self.user_staff))
        with self.assertRaisesText(ValidationError, mandate.number):
            mandate.write({"state": "rejected"})
        with self.assertRaisesText(ValidationError, mandate.number):
            mandate.write({"state": "rejected", "rejection_reason": "  "})
        with self.assertRaisesText(UserError, mandate.number):
            mandate.action_reject()
        self.assertEqual(mandate.state, "received")
        # from every open status, with a reason
        for path in ([], ["accepted"], ["accepted", "in_progress"]):
            with self.subTest(path=path):
                other = self.make_mandate()
                for state in path:
                    other.state = state
                other.rejection_reason = "Вопрос не относится к местному значению"
                other.action_reject()
                self.assertEqual(other.state, "rejected")
                self.flush_tracking()
        # taken up again: received, the reason only in the history
        other.action_reset_received()
        self.assertEqual(other.state, "received")
        self.assertFalse(other.rejection_reason)
        self.flush_tracking()
        self.assertIn(
            "Вопрос не относится к местному значению",
            other.sudo().message_ids.tracking_value_ids.mapped("old_value_text"),
        )
        # a rejected mandate goes nowhere else
        other.write({"state": "rejected", "rejection_reason": "Нет средств"})
        with self.assertRaisesText(UserError, "cannot go from"):
            other.write({"state": "accepted"})

    def test_form_flow(self):
        staff_env = self.env(user=self.user_staff)
        with Form(staff_env["vsms.mandate"]) as form:
            form.name = "Установить освещение во дворе"
            form.author_partner_id = self.head
            form.date = "2030-07-01"
            form.topic_ids.add(self.topic_housing)
        mandate = form.record
        self.assertTrue(mandate.number.startswith("Н-2030-"))
        self.assertEqual(mandate.municipality_id, self.vyazma, "from the author")
        with Form(mandate) as form:
            form.candidate_id = self.candidate
        self.assertEqual(mandate.deputy_partner_id, self.deputy)
        self.assertEqual(mandate.district_id, self.district_center)
        self.assertEqual(mandate.election_id, self.election)
        self.assertEqual(mandate.municipality_id, self.vyazma)


@tagged("post_install", "-at_install")
class TestMandateDeadlines(VsmsMandateCommon):
    @freeze_time("2030-06-15")
    def test_overdue(self):
        past = self.make_mandate(deadline="2030-06-10")
        future = self.make_mandate(deadline="2030-06-20")
        no_deadline = self.make_mandate()
        done = self.make_mandate(deadline="2030-06-10")
        done.write({"state": "accepted"})
        done.write({"state": "in_progress"})
        done.write({"state": "done", "result": "Сделано"})
        rejected = self.make_mandate(deadline="2030-06-10")
        rejected.write({"state": "rejected", "rejection_reason": "Дублирует наказ"})
        in_progress = self.make_mandate(deadline="2030-06-14")
        in_progress.write({"state": "accepted"})
        in_progress.write({"state": "in_progress"})
        everything = past | future | no_deadline | done | rejected | in_progress
        self.assertEqual(everything.filtered("is_overdue"), past | in_progress)
        staff = self.Mandate.with_user(self.user_staff)
        self.assertEqual(staff.search([("is_overdue", "=", True)]), past | in_progress)
        self.assertEqual(
            staff.search([("is_overdue", "=", False)]),
            future | no_deadline | done | rejected,
        )
        self.assertEqual(
            staff.search([("is_overdue", "!=", True)]),
            staff.search([("is_overdue", "=", False)]),
        )
        # the search view's filter
        view = self.env.ref("vsms_regional.vsms_mandate_view_search")
        self.assertIn("filter_overdue", view.arch)

    def _activities(self, mandate):
        return mandate.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref(ACTIVITY_TYPE)
        )

    def test_deadline_activity_follows_the_mandate(self):
        staff_env = self.env(user=self.user_staff)
        mandate = self.make_mandate(env=staff_env, deadline="2030-09-01")
        self.assertFalse(self._activities(mandate), "no responsible: no activity")
        mandate.user_id = self.user_staff
        activity = self._activities(mandate)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.user_staff)
        self.assertEqual(str(activity.date_deadline), "2030-09-01")
        self.assertIn(mandate.number, activity.summary)
        mandate.deadline = "2030-10-01"
        mandate.user_id = self.user_manager
        self.assertEqual(self._activities(mandate), activity, "moved, not duplicated")
        self.assertEqual(activity.user_id, self.user_manager)
        self.assertEqual(str(activity.date_deadline), "2030-10-01")
        mandate.deadline = False
        self.assertFalse(self._activities(mandate))
        mandate.deadline = "2030-11-01"
        mandate.action_accept()
        mandate.action_start()
        self.assertEqual(len(self._activities(mandate)), 1)
        mandate.result = "Сделано"
        mandate.action_done()
        self.assertFalse(self._activities(mandate), "done with the mandate")
        self.assertTrue(
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search([("res_model", "=", "vsms.mandate"), ("res_id", "=", mandate.id)])
            .filtered(lambda a: not a.active),
            "the activity is marked done, not deleted",
        )

    def test_activity_from_creation_and_closed_on_rejection(self):
        mandate = self.make_mandate(
            env=self.env(user=self.user_staff),
            deadline="2030-09-01",
            user_id=self.user_manager.id,
        )
        self.assertEqual(self._activities(mandate).user_id, self.user_manager)
        mandate.write({"state": "rejected", "rejection_reason": "Не по полномочиям"})
        self.assertFalse(self._activities(mandate))
        # taken up again: the activity is back
        mandate.action_reset_received()
        self.assertEqual(self._activities(mandate).user_id, self.user_manager)


@tagged("post_install", "-at_install")
class TestMandateBadInput(VsmsMandateCommon):
    def _nothing_saved(self):
        self.assertFalse(self.Mandate.search([]))

    def test_negative_signatures(self):
        with self.assertRaisesText(ValidationError, "-3"):
            self.make_mandate(env=self.env(user=self.user_staff), signatures=-3)
        self._nothing_saved()
        mandate = self.make_mandate()
        with self.assertRaisesText(ValidationError, "-1"):
            mandate.with_user(self.user_staff).signatures = -1
        self.assertEqual(mandate.signatures, 34)

    def test_author_needed(self):
        with self.assertRaisesText(ValidationError, "Благоустроить сквер"):
            self.make_mandate(name="Благоустроить сквер", author_name=" ")
        self._nothing_saved()

    def test_district_of_another_municipality(self):
        with self.assertRaisesText(ValidationError, self.safonovo.name) as caught:
            self.make_mandate(
                district_id=self.district_north.id, municipality_id=self.safonovo.id
            )
        self.assertIn("Северный", str(caught.exception))
        self._nothing_saved()
        # a district without a municipality (a State Duma district) takes any
        mandate = self.make_mandate(
            district_id=self.district_duma.id, municipality_id=self.safonovo.id
        )
        self.assertEqual(mandate.election_id, self.duma)

    def test_deputy_must_be_the_candidate(self):
        with self.assertRaisesText(ValidationError, self.head.name):
            self.make_mandate(
                candidate_id=self.candidate.id, deputy_partner_id=self.head.id
            )
        with self.assertRaisesText(ValidationError, "Северный"):
            self.make_mandate(
                candidate_id=self.candidate.id, district_id=self.district_north.id
            )
        self._nothing_saved()
        mandate = self.make_mandate(candidate_id=self.candidate.id)
        self.assertEqual(mandate.deputy_partner_id, self.deputy)
        self.assertEqual(mandate.district_id, self.district_center)

    def test_deadline_before_the_date(self):
        with self.assertRaisesText(ValidationError, "01.05.2030"):
            self.make_mandate(
                env=self.env(user=self.user_staff, context={"lang": "ru_RU"}),
                deadline="2030-05-01",
            )
        self._nothing_saved()

    def test_responsible_from_the_staff(self):
        with self.assertRaisesText(ValidationError, self.user_outsider.name):
            self.make_mandate(user_id=self.user_outsider.id, deadline="2030-09-01")
        with self.assertRaisesText(ValidationError, self.user_jury.name):
            self.make_mandate(user_id=self.user_jury.id)
        self._nothing_saved()
        self.assertFalse(
            self.env["mail.activity"].search([("res_model", "=", "vsms.mandate")])
        )


@tagged("post_install", "-at_install")
class TestMandateCounts(VsmsMandateCommon):
    def test_counts_and_smart_buttons(self):
        item = self.make_item(name="Участие в избирательных кампаниях")
        given = self.make_mandate(
            candidate_id=self.candidate.id,
            author_partner_id=self.head.id,
            vsms_plan_item_id=item.id,
        )
        second = self.make_mandate(candidate_id=self.candidate.id)
        duma = self.make_mandate(
            district_id=self.district_duma.id, author_partner_id=self.deputy.id
        )
        staff = self.user_staff
        election = self.election.with_user(staff)
        self.assertEqual(election.mandate_count, 2)
        self.assertEqual(self.duma.with_user(staff).mandate_count, 1)
        self.assertEqual(self.candidate.with_user(staff).mandate_count, 2)
        self.assertEqual(self.district_center.with_user(staff).mandate_count, 2)
        self.assertEqual(self.district_north.with_user(staff).mandate_count, 0)
        self.assertEqual(item.with_user(staff).mandate_count, 1)
        deputy = self.deputy.with_user(staff)
        # received two as a deputy, gave one as a voter
        self.assertEqual(deputy.vsms_mandate_count, 3)
        self.assertEqual(deputy.vsms_mandate_deputy_count, 2)
        self.assertEqual(self.head.with_user(staff).vsms_mandate_count, 1)
        self.assertEqual(self.head.with_user(staff).vsms_mandate_deputy_count, 0)
        Mandate = self.Mandate.with_user(staff)
        for record, expected in (
            (election, given | second),
            (self.duma.with_user(staff), duma),
            (self.candidate.with_user(staff), given | second),
            (self.district_center.with_user(staff), given | second),
            (item.with_user(staff), given),
        ):
            with self.subTest(model=record._name):
                action = record.action_open_mandates()
                self.assertEqual(Mandate.search(action["domain"]), expected)
        action = deputy.action_vsms_open_mandates()
        self.assertEqual(
            Mandate.search(action["domain"]),
            Mandate.search([("deputy_partner_id", "=", self.deputy.id)]) | duma,
        )
        self.assertEqual(
            action["context"], {"default_deputy_partner_id": self.deputy.id}
        )
        action = self.head.with_user(staff).action_vsms_open_mandates()
        self.assertEqual(action["context"], {"default_author_partner_id": self.head.id})

    def test_counts_do_not_query_per_record(self):
        """Counting on 5 or 15 contacts costs the same queries (after a first
        count that warms the caches)."""
        queries = []
        for size in (2, 5, 15):
            partners = self.env["res.partner"].create(
                [{"name": f"Депутат {n}"} for n in range(size)]
            )
            for partner in partners:
                self.make_mandate(deputy_partner_id=partner.id)
            self.env.invalidate_all()
            partners = partners.with_user(self.user_staff)
            partners.mapped("name")
            start = self.cr.sql_log_count
            partners.mapped("vsms_mandate_count")
            queries.append(self.cr.sql_log_count - start)
        self.assertEqual(queries[1], queries[2])
        self.assertLessEqual(queries[2], 4)

    def test_pivot_topic_by_municipality_by_state(self):
        roads = self.make_mandate(
            district_id=self.district_center.id,
            topic_ids=[self.topic_roads.id, self.topic_housing.id],
        )
        self.make_mandate(
            municipality_id=self.safonovo.id, topic_ids=[self.topic_roads.id]
        )
        roads.write({"state": "accepted"})
        groups = self.Mandate.with_user(self.user_staff).formatted_read_group(
            [], ["topic_ids", "municipality_id", "state"], ["__count"]
        )
        cells = {
            (g["topic_ids"][1], g["municipality_id"][1], g["state"]): g["__count"]
            for g in groups
        }
        self.assertEqual(
            cells,
            {
                ("Дороги", self.vyazma.name, "accepted"): 1,
                ("ЖКХ", self.vyazma.name, "accepted"): 1,
                ("Дороги", self.safonovo.name, "received"): 1,
            },
        )
        # the shipped pivot view groups the same way
        arch = self.env.ref("vsms_regional.vsms_mandate_view_pivot").arch
        for name in ("topic_ids", "municipality_id", "state"):
            self.assertIn(f'name="{name}"', arch)
