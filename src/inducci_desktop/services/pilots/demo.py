"""The demo pilot action: a fictional industrial hackathon in the demo region, with criteria, steps, lessons,
voices and two photos drawn here with Pillow (flat illustrations). Companies and people are invented.

Idempotent through a fixed id (demo_id): a pilot that is there already is left as it is.
"""

from __future__ import annotations

import math
import tempfile
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from inducci_desktop.domain.i18n import _
from inducci_desktop.domain.pilots import ParticipantCount, Partner, Step
from inducci_desktop.services.demo_ids import demo_id
from inducci_desktop.services.errors import NotFoundError

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage
    from PIL.ImageDraw import ImageDraw

    from inducci_desktop.services.container import Services

REGION = "Śląskie (Silesia)"
TITLE = "Heat & Light Hackathon Żywiec 2026"
CRITERIA = (
    ("Industrial challenges brought in by companies", "0", "3", "4"),
    ("Mixed teams (creatives with engineers)", "0", "6", "7"),
    ("Prototypes tested on a shop floor within three months", "0", "2", "1"),
    ("Companies that want a second edition", "–", "2 of 3", "3 of 4"),
)
LESSONS = (
    ("industry", "Bring a real problem with real data: teams lost half a day on a challenge described only as "
                 "'make the hall more efficient'."),
    ("industry", "Send the engineer who owns the problem, not the marketing department."),
    ("creatives", "Visit the factory before the event; a walk through the hall gave the teams their best ideas."),
    ("creatives", "Agree on the rights to the prototypes in writing before the first sketch."),
    ("setting", "A neutral place (the old brewery hall) made it easier for both sides to meet as equals."),
    ("setting", "Plan the follow-up budget before the event: the winning team waited eight weeks for materials."),
)
VOICES = (
    ("Nobody at our plant would have thought of showing the waste heat as light on the façade. Now the "
     "neighbours ask about it.", "Process engineer, bearings plant (fictional)"),
    ("Twenty-four hours are short, but the factory visit the week before made all the difference.",
     "Lighting designer, team 'Ciepło'"),
)


def demo_pilot_step(services: Services) -> list[str]:
    pilot_id = demo_id("pilot:heat-and-light-hackathon")
    try:
        services.pilots.get(pilot_id, include_deleted=True)
        return []
    except NotFoundError:
        pass
    region_id = demo_id(f"region:{REGION}")
    try:
        services.regions.get(region_id)
    except NotFoundError:
        services.regions.add_with_id(region_id, REGION, "region", "Poland")
    pilot = services.pilots.create(TITLE, region_id=region_id, format_id="format-hackathon", record_id=pilot_id)
    workshop_id = demo_id("workshop:bielsko-biala-training")
    workshops = [w for w, _t in services.pilots.workshop_choices() if w == workshop_id]
    services.pilots.update(pilot.id, {
        "status": "evaluated", "repeat": "changed",
        "repeat_note": "Yes, in spring, with a follow-up budget for the winning prototypes.",
        "partners": [Partner("Regional development agency (fictional)", "organiser, jury"),
                     Partner("Beskid Bearings Ltd. (fictional)", "challenge owner, host of the factory visit"),
                     Partner("Browar Hall Żywiec (fictional venue)", "venue"),
                     Partner("School of Art and Design (fictional)", "recruited the creative teams")],
        "start_date": date(2026, 4, 17), "end_date": date(2026, 4, 18),
        "places": "Old brewery hall, Żywiec; factory visit at the bearings plant in Bielsko-Biała",
        "challenge": "Can creatives help small and medium manufacturers of the Beskidy valleys use their waste "
                     "heat and empty halls in ways the neighbourhood sees and values?\n"
                     "Four companies brought a challenge each; mixed teams worked on them for 24 hours.",
        "target_groups": "Designers, architects, media artists and students; process engineers and managers of "
                         "manufacturing SMEs; the town's economic development office.",
        "budget_planned": 18000, "budget_spent": 16450, "currency": "EUR",
        "steps": [Step("Collect challenges from companies", "done"), Step("Factory visit for the teams", "done"),
                  Step("24-hour hackathon in the brewery hall", "done"), Step("Jury and award", "done"),
                  Step("Prototype test on the shop floor", "changed"), Step("Exhibition in the town hall", "dropped")],
        "participants": [ParticipantCount("creatives", 23), ParticipantCount("engineers from companies", 9),
                         ParticipantCount("students", 11), ParticipantCount("public administration", 4)],
        "changes": "The prototype test moved from June to September because the materials arrived late; the town "
                   "hall exhibition was dropped in favour of an open evening at the plant.",
        "problems": "Two challenges were too vague at first. Solution: a one-hour 'challenge clinic' with the "
                    "engineers on the first morning.\nWi-Fi in the old hall was weak; a mobile router was rented.",
        "outputs": "7 prototypes (façade light from waste heat, sound map of the hall, heat-storage bench …)\n"
                   "Article in the regional newspaper and a radio interview\n"
                   "Open evening at the bearings plant with 140 visitors",
        "workshop_ids": workshops,
    })
    for text, baseline, target, achieved in CRITERIA:
        services.pilots.add_criterion(pilot.id, text, baseline, target, achieved)
    for audience, text in LESSONS:
        services.pilots.add_lesson(pilot.id, audience, text)
    for text, speaker in VOICES:
        services.pilots.add_voice(pilot.id, text, speaker, consent=True, consent_date=date(2026, 4, 18))
    with tempfile.TemporaryDirectory(prefix="inducci-demo-") as folder:
        for name, draw, caption in (("teams.png", draw_teams, "Mixed teams at work in the old brewery hall"),
                                    ("prototype.png", draw_prototype,
                                     "The façade light prototype on the shop floor")):
            path = Path(folder) / name
            draw().save(path)
            services.pilots.add_photo(pilot.id, path, caption, "Illustration drawn by InduCCI Desktop",
                                      consent=True)
    services.pilots.publish(pilot.id)
    return [_("pilot action {title}").format(title=TITLE)]


# --- the two illustrations -------------------------------------------------------------------------------

SIZE = (1200, 800)
WALL, FLOOR = (236, 229, 214), (196, 176, 148)
INK = (40, 52, 64)
SKIN = ((241, 200, 166), (198, 140, 98), (142, 94, 62), (229, 180, 140))
SHIRTS = ((31, 95, 139), (200, 82, 54), (86, 140, 92), (232, 170, 60), (120, 90, 150), (60, 60, 70))


def _person(draw: ImageDraw, x: int, y: int, scale: float, shirt: tuple[int, int, int],
            skin: tuple[int, int, int]) -> None:
    """A seated figure: head and shoulders from behind a table edge at ``y``."""
    head = int(26 * scale)
    body_w, body_h = int(70 * scale), int(80 * scale)
    draw.rounded_rectangle((x - body_w // 2, y - body_h, x + body_w // 2, y + 10), radius=int(24 * scale),
                           fill=shirt)
    draw.ellipse((x - head, y - body_h - 2 * head + 6, x + head, y - body_h + 6), fill=skin)


def draw_teams() -> PILImage:
    """Mixed teams at tables in a hall with brick arches, a screen showing the challenge."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", SIZE, WALL)
    draw = ImageDraw.Draw(image)
    for i in range(4):  # brick arches of the old hall
        x = 60 + i * 290
        draw.rectangle((x, 90, x + 230, 420), fill=(205, 120, 90))
        draw.pieslice((x, 30, x + 230, 260), 180, 360, fill=(205, 120, 90))
        draw.rectangle((x + 20, 150, x + 210, 420), fill=(250, 238, 200))
        draw.pieslice((x + 20, 60, x + 210, 250), 180, 360, fill=(250, 238, 200))
        for row in range(150, 420, 30):
            draw.line((x + 20, row, x + 210, row), fill=(236, 222, 180), width=2)
    draw.rectangle((0, 430, SIZE[0], SIZE[1]), fill=FLOOR)
    draw.rectangle((440, 120, 760, 300), fill=INK)  # the screen: a heat curve over a day
    points = [(460 + i * 10, 270 - int(90 * (0.5 + 0.5 * math.sin(i / 4.0)))) for i in range(29)]
    draw.line(points, fill=(255, 140, 60), width=6)
    draw.line((460, 280, 740, 280), fill=(200, 210, 220), width=2)
    seats = 0
    for table_x, table_y in ((250, 600), (620, 560), (960, 620)):
        for k, dx in enumerate((-120, -40, 40, 120)):
            _person(draw, table_x + dx, table_y - 10, 1.0, SHIRTS[(seats + k) % len(SHIRTS)],
                    SKIN[(seats + k) % len(SKIN)])
        seats += 4
        draw.rounded_rectangle((table_x - 190, table_y - 20, table_x + 190, table_y + 30), radius=10,
                               fill=(120, 86, 60))
        draw.rectangle((table_x - 60, table_y - 48, table_x + 40, table_y - 20), fill=(250, 250, 245))  # sketch
        draw.line((table_x - 50, table_y - 30, table_x + 30, table_y - 40), fill=(31, 95, 139), width=3)
        for n, colour in enumerate(((255, 214, 80), (140, 210, 240), (250, 150, 170))):  # sticky notes
            draw.rectangle((table_x + 80 + n * 28, table_y - 44, table_x + 104 + n * 28, table_y - 22), fill=colour)
        draw.rectangle((table_x - 170, table_y + 30, table_x - 150, table_y + 110), fill=(90, 64, 44))
        draw.rectangle((table_x + 150, table_y + 30, table_x + 170, table_y + 110), fill=(90, 64, 44))
    return image


def draw_prototype() -> PILImage:
    """A shop floor with a furnace, a pipe carrying heat to a façade panel whose lights glow."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", SIZE, (214, 220, 226))
    draw = ImageDraw.Draw(image)
    for x in range(0, SIZE[0], 150):  # roof trusses
        draw.polygon(((x, 0), (x + 75, 110), (x + 150, 0)), outline=(150, 160, 170), width=4)
    draw.rectangle((0, 110, SIZE[0], 118), fill=(150, 160, 170))
    draw.rectangle((0, 560, SIZE[0], SIZE[1]), fill=(120, 124, 128))
    for x in range(0, SIZE[0], 80):
        draw.line((x, 560, x - 60, SIZE[1]), fill=(110, 114, 118), width=2)
    draw.rounded_rectangle((80, 260, 380, 560), radius=18, fill=(70, 78, 90))  # the furnace
    draw.rectangle((140, 340, 320, 460), fill=(255, 120, 40))
    draw.rectangle((160, 360, 300, 440), fill=(255, 190, 80))
    draw.rectangle((180, 160, 230, 260), fill=(90, 98, 110))
    draw.line((230, 200, 700, 200), fill=(180, 80, 50), width=26)  # the heat pipe
    draw.line((700, 188, 700, 330), fill=(180, 80, 50), width=26)
    for gx, gy, radius in ((520, 440, 60), (610, 500, 38)):  # gears of the bearings plant
        teeth = 10
        outer = [(gx + (radius + 12 * (i % 2)) * math.cos(math.pi * i / teeth),
                  gy + (radius + 12 * (i % 2)) * math.sin(math.pi * i / teeth)) for i in range(2 * teeth)]
        draw.polygon(outer, fill=(160, 168, 176))
        draw.ellipse((gx - radius // 3, gy - radius // 3, gx + radius // 3, gy + radius // 3), fill=(120, 124, 128))
    draw.rounded_rectangle((620, 330, 1120, 560), radius=12, fill=(40, 46, 56))  # the façade panel prototype
    for row in range(4):
        for col in range(10):
            warm = (255, 200 - row * 30, 60 + col * 8)
            cx, cy = 660 + col * 46, 365 + row * 50
            draw.ellipse((cx - 16, cy - 16, cx + 16, cy + 16), fill=warm)
    for person_x, shirt in ((480, SHIRTS[0]), (1060, SHIRTS[1])):
        draw.ellipse((person_x - 24, 470, person_x + 24, 518), fill=SKIN[person_x % 3])
        draw.rounded_rectangle((person_x - 34, 518, person_x + 34, 640), radius=20, fill=shirt)
        draw.rectangle((person_x - 30, 470, person_x + 30, 484), fill=(255, 200, 0))  # safety helmet
    return image
