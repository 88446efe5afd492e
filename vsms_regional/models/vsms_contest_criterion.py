from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class VsmsContestCriterion(models.Model):
    _name = "vsms.contest.criterion"
    _description = "Contest Criterion"
    _order = "contest_id, sequence, id"

    contest_id = fields.Many2one(
        "vsms.contest", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(
        related="contest_id.company_id", store=True, index=True, string="Company"
    )
    name = fields.Char(
        required=True, help="For an olympiad, a criterion is a task (Задание 1)."
    )
    description = fields.Text(help="What the jurors look at.")
    sequence = fields.Integer(default=10)
    max_score = fields.Float(string="Maximum score", required=True, default=10.0)
    weight = fields.Float(required=True, default=1.0)

    _contest_name_uniq = models.UniqueIndex(
        "(contest_id, lower(name))",
        "A contest cannot have two criteria with the same name.",
    )

    @api.constrains("max_score", "weight")
    def _check_positive(self):
        for criterion in self:
            if criterion.max_score <= 0:
                raise ValidationError(
                    self.env._(
                        "The maximum score of «%(criterion)s» must be above 0 "
                        "(%(value)s).",
                        criterion=criterion.name,
                        value=criterion.max_score,
                    )
                )
            if criterion.weight <= 0:
                raise ValidationError(
                    self.env._(
                        "The weight of «%(criterion)s» must be above 0 (%(value)s).",
                        criterion=criterion.name,
                        value=criterion.weight,
                    )
                )

    def _check_contest_not_started(self, contests):
        for contest in contests:
            if contest.state in ("judging", "done"):
                raise UserError(
                    self.env._(
                        "«%(contest)s» is being judged or final: its criteria "
                        "cannot be added, changed or deleted.",
                        contest=contest.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_contest_not_started(
            self.env["vsms.contest"].browse(
                [vals["contest_id"] for vals in vals_list if vals.get("contest_id")]
            )
        )
        return super().create(vals_list)

    def write(self, vals):
        if {"contest_id", "max_score", "weight"} & set(vals):
            self._check_contest_not_started(self.contest_id)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_before_judging(self):
        self._check_contest_not_started(self.contest_id)
