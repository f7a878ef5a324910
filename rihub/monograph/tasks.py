"""The monograph's builds run here, away from the request that asked for them."""

import logging

from django_tasks import task

from rihub.monograph import builds
from rihub.monograph.models import Build

logger = logging.getLogger(__name__)


@task()
def build_monograph(build_id: int) -> str:
    build = Build.objects.select_related("monograph").get(pk=build_id)
    if build.status == Build.Status.DONE:
        return build.fingerprint
    try:
        builds.run(build)
    except Exception:
        # The build records its failure for the editors; the worker carries on.
        logger.exception("Monograph build %s failed", build_id)
        return ""
    return build.fingerprint
