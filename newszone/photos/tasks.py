"""Photo jobs, run by the job worker (``newszone db_worker``)."""

from django_tasks import task


@task()
def make_renditions(photo_id: int) -> int:
    """Make every rendition of a photo ahead of the first reader; how many."""
    from newszone.photos.models import Photo
    from newszone.photos.renditions import full_set, get_renditions

    photo = Photo.objects.filter(pk=photo_id).first()
    if photo is None or not photo.image:
        return 0
    return len(get_renditions(photo, full_set()))
