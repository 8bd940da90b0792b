"""Keep versions, validity and the search index in step with admin actions on documents."""

from django.db.models.signals import post_delete, pre_delete, pre_save
from django.dispatch import receiver
from wagtail.signals import published, unpublished

from . import services
from .models import LegalDocument, Relation


@receiver(pre_save, sender=LegalDocument)
def remember_previous_targets(sender, instance: LegalDocument, **kwargs) -> None:
    # Publishing a revision replaces the relations; documents no longer targeted need a recompute too.
    if instance.pk:
        instance._previous_relation_targets = list(
            Relation.objects.filter(subject_id=instance.pk).values_list("object_id", flat=True)
        )


@receiver(published, sender=LegalDocument)
def document_published(sender, instance: LegalDocument, **kwargs) -> None:
    services.after_publish(instance)


@receiver(unpublished, sender=LegalDocument)
def document_unpublished(sender, instance: LegalDocument, **kwargs) -> None:
    targets = instance.outgoing_relations.values_list("object_id", flat=True)
    services.after_unpublish_or_delete(instance.pk, list(targets))


@receiver(pre_delete, sender=LegalDocument)
def remember_targets(sender, instance: LegalDocument, **kwargs) -> None:
    # The relations are gone by post_delete; their objects' validity must be recomputed.
    instance._relation_targets = list(instance.outgoing_relations.values_list("object_id", flat=True))


@receiver(post_delete, sender=LegalDocument)
def document_deleted(sender, instance: LegalDocument, **kwargs) -> None:
    services.after_unpublish_or_delete(instance.pk, getattr(instance, "_relation_targets", []))
