"""The strategy services of one data folder: the regions' papers and the transnational recommendations."""

from __future__ import annotations

from typing import TYPE_CHECKING

from inducci_desktop.services.strategy.papers import PaperService
from inducci_desktop.services.strategy.recommendations import RecommendationService

if TYPE_CHECKING:
    from inducci_desktop.services.container import Services


class StrategyService:
    def __init__(self, services: Services) -> None:
        self.papers = PaperService(services)
        self.recommendations = RecommendationService(services)
