import logging
import time

import psycopg2

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.service.model import PG_CONCURRENCY_ERRORS_TO_RETRY

_logger = logging.getLogger(__name__)

JOB_STATES = [
    ("queued", "Queued"),
    ("running", "Running"),
    ("done", "Done"),
    ("failed", "Failed"),
]
PENDING = ("queued", "running")


class GesmipBackgroundMixin(models.AbstractModel):
    """Long work taken out of the user's request: run by the model's own cron in batches of a
    few seconds, with its progress and a failed state on the record.

    A model using it names its cron in ``_job_cron_xmlid`` (an ``ir.cron`` whose code is
    ``model._job_cron_run()``) and, for each action ``x`` it runs this way, defines:

    - ``_job_prepare_x()``: the checks and the quick work done at once in the user's request
      (a refusal is a ``UserError`` there, as before); returns ``(total, inline)``, the units of
      work to do and whether it is small enough to be done at once in the request;
    - ``_job_step_x(deadline)``: one batch: work until ``time.monotonic()`` passes ``deadline``
      (at least one unit; everything when ``deadline`` is None), return the units done so far.
      The batch that reaches the total finishes the work (the record's new state...).

    Each cron run commits its batches; a batch that fails is rolled back to its savepoint and
    the job is marked failed with the message, so the data stays as the last good batch left
    it and ``action_job_retry`` goes on from there. The context key ``gesmip_job_mode``
    (``"inline"`` or ``"background"``) forces either path (tests, benchmarks).
    """

    _name = "gesmip.background.mixin"
    _description = "Background Work"
    _job_cron_xmlid = None
    # Seconds of work per cron call (plus the overrun of one unit of work): well below a cron
    # worker's limit_time_real (120 s by default) and limit_time_cpu (60 s), and short enough
    # for the progress to move on the form. The system parameter gesmip.job_batch_seconds
    # overrides it.
    _job_batch_seconds = 4.0

    job_action = fields.Char(string="Task", readonly=True, copy=False)
    job_label = fields.Char(string="Background Task", compute="_compute_job_label")
    job_state = fields.Selection(JOB_STATES, string="Task Status", readonly=True, copy=False)
    job_done = fields.Integer(string="Done", readonly=True, copy=False)
    job_total = fields.Integer(string="To Do", readonly=True, copy=False)
    job_message = fields.Text(string="Failure", readonly=True, copy=False)
    job_user_id = fields.Many2one("res.users", string="Started By", readonly=True, copy=False)
    job_date_start = fields.Datetime(string="Started On", readonly=True, copy=False)
    job_date_end = fields.Datetime(string="Finished On", readonly=True, copy=False)

    @api.depends("job_action")
    def _compute_job_label(self):
        labels = self._job_action_labels()
        for record in self:
            record.job_label = labels.get(record.job_action, record.job_action or False)

    def _job_action_labels(self):
        """{action: label shown to the user}, extended by each model."""
        return {}

    # --- launching ------------------------------------------------------------------------
    def _job_check_not_pending(self):
        for record in self:
            if record.job_state in PENDING:
                raise UserError(
                    self.env._(
                        "%(record)s: %(task)s is already under way (%(done)s / %(total)s). "
                        "Wait for it to finish.",
                        record=record.display_name,
                        task=record.job_label,
                        done=record.job_done,
                        total=record.job_total,
                    )
                )

    def _job_launch(self, action):
        """Run ``action`` on each record: at once when small, else queued for the cron."""
        self._job_check_not_pending()
        mode = self.env.context.get("gesmip_job_mode")
        queued = False
        for record in self:
            total, inline = getattr(record, f"_job_prepare_{action}")()
            inline = (inline or not total) if mode is None else mode == "inline"
            record.write(
                {
                    "job_action": action,
                    "job_state": "queued",
                    "job_done": 0,
                    "job_total": total,
                    "job_message": False,
                    "job_user_id": self.env.uid,
                    "job_date_start": fields.Datetime.now(),
                    "job_date_end": False,
                }
            )
            if inline:
                record._job_run_inline()
            else:
                queued = True
        if queued:
            self.env.ref(self._job_cron_xmlid).sudo()._trigger()
        return True

    def action_job_retry(self):
        """Launch the failed task again: it goes on from what its last good batch left."""
        for record in self:
            if record.job_state != "failed":
                raise UserError(self.env._("%s: there is no failed task to retry.", record.display_name))
            action = getattr(record, f"action_{record.job_action}", None)
            if action:
                action()
            else:
                record._job_launch(record.job_action)
        return True

    def action_job_refresh(self):
        """The form's refresh button: clicking reloads the record with its progress."""
        return True

    # --- running --------------------------------------------------------------------------
    def _job_run_inline(self):
        self.ensure_one()
        self.job_state = "running"
        done = getattr(self, f"_job_step_{self.job_action}")(None)
        self._job_finish(done)

    def _job_finish(self, done):
        vals = {"job_done": min(done, self.job_total)}
        if done >= self.job_total:
            vals.update(job_state="done", job_date_end=fields.Datetime.now())
        self.write(vals)

    def _job_env(self):
        """The record as the user who launched the task, in the record's company."""
        self.ensure_one()
        record = self.with_user(self.job_user_id or self.env.user)
        company = self["company_id"] if "company_id" in self._fields else None
        if company and company in record.env.user.company_ids:
            record = record.with_company(company)
        return record

    def _job_run_batch(self, deadline):
        """One batch of this record's task in a savepoint; a failure marks the task failed."""
        self.ensure_one()
        job = self._job_env()
        try:
            with self.env.cr.savepoint():
                job.job_state = "running"
                done = getattr(job, f"_job_step_{job.job_action}")(deadline)
                job._job_finish(done)
                if job.job_state == "done":
                    job._job_notify()
        except psycopg2.OperationalError as error:
            if error.pgcode in PG_CONCURRENCY_ERRORS_TO_RETRY:
                raise  # another transaction got in the way: Odoo runs the cron again later
            self._job_fail(error)
        except Exception as error:  # pylint: disable=broad-except
            # Any failure of the work (a refusal, lost access rights, a bug) is shown on the
            # record, which the user can retry; the batch was rolled back with its savepoint.
            self._job_fail(error)

    def _job_fail(self, error):
        """Record the failure: the task's own bookkeeping, written whatever the rights of the
        user who launched it (losing them may be the very failure)."""
        message = error.args[0] if isinstance(error, UserError) else str(error) or repr(error)
        _logger.info("%s %s: %s failed", self._name, self.id, self.job_action, exc_info=True)
        record = self.sudo()
        record.write({"job_state": "failed", "job_message": message, "job_date_end": fields.Datetime.now()})
        record._job_notify()

    def _job_notify(self):
        """Say it in the record's chatter when it has one (a note: it needs no email address)."""
        if not hasattr(self, "_message_log"):
            return
        if self.job_state == "done":
            body = self.env._(
                "%(task)s finished: %(done)s / %(total)s.",
                task=self.job_label,
                done=self.job_done,
                total=self.job_total,
            )
        else:
            body = self.env._(
                "%(task)s failed after %(done)s / %(total)s: %(message)s",
                task=self.job_label,
                done=self.job_done,
                total=self.job_total,
                message=self.job_message,
            )
        self._message_log(body=body)

    @api.model
    def _job_batch_budget(self):
        param = self.env["ir.config_parameter"].sudo().get_param("gesmip.job_batch_seconds")
        return float(param) if param else self._job_batch_seconds

    @api.model
    def _job_cron_run(self):
        """The cron's entry point: run batches of the pending tasks for a few seconds; when
        work is left, trigger the cron again at once.

        Odoo's progress API would call this up to 10 times in a row in one run of the cron
        worker when told that work remains, but the worker's limits (limit_time_real,
        limit_time_cpu) count the whole run, and 10 batches of a few seconds plus their
        overrun come near them. So each call tells Odoo it is done (``remaining=0``) and
        creates a trigger instead: the worker ends its run, which resets its limits, and the
        trigger's notification wakes it at once for the next batch."""
        deadline = time.monotonic() + self._job_batch_budget()
        pending = self.search([("job_state", "in", PENDING)], order="job_date_start, id")
        batches = 0
        for record in pending:
            # at least one batch per call, however short the budget
            while record.job_state in PENDING:
                record._job_run_batch(deadline)
                batches += 1
                if time.monotonic() >= deadline:
                    break
            if time.monotonic() >= deadline:
                break
        remaining = len(pending.filtered(lambda r: r.job_state in PENDING))
        self.env["ir.cron"]._notify_progress(done=batches, remaining=0)
        if remaining:
            self.env.ref(self._job_cron_xmlid).sudo()._trigger()
        return remaining
