"""Workflow policy: who publishes what below a council page.

A council page's profile goes through the "District council profile approval"
workflow (``permissions.setup_council_permissions`` assigns it): council editors
may edit their council page but only someone with rights above it may publish,
unpublish, move or delete it (``CouncilProfilePermissionTester``). Pages below the
council page (updates, meetings, cancellations) are published by the council's
editors themselves (``PublishedByCouncilEditors``).

The page models import this module; it imports no other module of the app.
"""

from django.utils.translation import gettext_noop

from wagtail.models import PagePermissionTester

COUNCIL_PROFILE_WORKFLOW_NAME = gettext_noop("District council profile approval")


class PublishedByCouncilEditors:
    """For pages below a council page that its editors publish themselves (updates,
    meetings, cancellations): the approval workflow assigned to the council page
    covers the council's profile only, so it stops here. Any other workflow applies."""

    def get_workflow(self):
        workflow = super().get_workflow()
        if workflow is not None and workflow.name == COUNCIL_PROFILE_WORKFLOW_NAME:
            return None
        return workflow

    @property
    def has_workflow(self):
        return self.get_workflow() is not None


class CouncilProfilePermissionTester(PagePermissionTester):
    """Council editors may edit their council page but not publish, move or delete it.

    Only users whose rights reach above the council page (City communications,
    administrators) may; council editors' changes go through the workflow.
    """

    def _has_rights_above(self):
        if self.user.is_superuser:
            return True
        parent = self.page.get_parent()
        return parent is not None and parent.permissions_for_user(self.user).can_publish()

    def can_publish(self):
        return super().can_publish() and self._has_rights_above()

    def can_unpublish(self):
        return super().can_unpublish() and self._has_rights_above()

    def can_delete(self, ignore_bulk=False):
        return super().can_delete(ignore_bulk=ignore_bulk) and self._has_rights_above()

    def can_move(self):
        return super().can_move() and self._has_rights_above()
