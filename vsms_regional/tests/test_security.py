from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import VsmsCommon


@tagged("post_install", "-at_install")
class TestPlanAccess(VsmsCommon):
    def test_outsider_cannot_read_plans(self):
        for user in (self.user_outsider, self.user_jury):
            with self.subTest(user=user.login):
                for model in (self.Plan, self.Section, self.Item, self.Occurrence):
                    with self.assertRaises(AccessError):
                        model.with_user(user).search([])
                with self.assertRaises(AccessError):
                    self.plan.with_user(user).read(["name"])

    def test_outsider_does_not_see_menu(self):
        root = self.env.ref("vsms_regional.vsms_menu_root")
        visible = (
            self.env["ir.ui.menu"].with_user(self.user_outsider)._visible_menu_ids()
        )
        self.assertNotIn(root.id, visible)
        visible = self.env["ir.ui.menu"].with_user(self.user_staff)._visible_menu_ids()
        self.assertIn(root.id, visible)

    def test_staff_keeps_plan_and_records_execution(self):
        plan = self.plan.with_user(self.user_staff)
        self.assertEqual(plan.item_count, 2)
        item = self.Item.with_user(self.user_staff).create(
            {
                "plan_id": plan.id,
                "number": 3,
                "name": "Семинар-совещание",
                "schedule_text": "II полугодие",
            }
        )
        self.assertEqual(item.occurrence_ids.name, "II полугодие 2030")
        item.occurrence_ids.action_done()
        self.assertEqual(item.state, "done")
        item.schedule_text = "II полугодие, декабрь"
        self.assertEqual(len(item.occurrence_ids), 2)
        new_plan = self.Plan.with_user(self.user_staff).create(
            {"name": "Проект плана", "year": 2035}
        )
        self.assertEqual(new_plan.state, "draft")

    def test_staff_cannot_approve_close_or_delete(self):
        plan = self.plan.with_user(self.user_staff)
        with self.assertRaises(AccessError):
            plan.action_approve()
        self.assertEqual(self.plan.state, "draft")
        with self.assertRaises(AccessError):
            plan.unlink()
        self.plan.action_approve()
        with self.assertRaises(AccessError):
            plan.action_close()
        with self.assertRaises(AccessError):
            plan.action_reset_to_draft()
        self.assertEqual(self.plan.state, "approved")

    def test_manager_can_approve_and_delete(self):
        plan = self.plan.with_user(self.user_manager)
        plan.action_approve()
        self.assertEqual(plan.state, "approved")
        plan.action_reset_to_draft()
        plan.unlink()
        self.assertFalse(self.plan.exists())

    def test_other_company_plan_hidden(self):
        company_b = self.env["res.company"].create({"name": "Другое отделение"})
        plan_b = self.Plan.create(
            {"name": "План отделения Б", "year": 2030, "company_id": company_b.id}
        )
        item_b = self.make_item(plan=plan_b, schedule_text="май")
        staff = self.user_staff
        self.assertNotIn(company_b, staff.company_ids)
        self.assertFalse(self.Plan.with_user(staff).search([("id", "=", plan_b.id)]))
        self.assertFalse(self.Item.with_user(staff).search([("id", "=", item_b.id)]))
        self.assertFalse(
            self.Occurrence.with_user(staff).search([("plan_id", "=", plan_b.id)])
        )
