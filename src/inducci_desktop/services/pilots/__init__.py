"""Pilot actions: a region's own pilots, their photos, documents and demo."""

from inducci_desktop.domain.i18n import N_

#: how the Library names a published pilot beside the shipped case profiles (here, so that the Library's
#: first page can say it without importing the pilots' service and models)
OWN_CASE_LABEL = N_("Own case profile")
