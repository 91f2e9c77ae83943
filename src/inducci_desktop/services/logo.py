"""The organisation logo printed on certificates and covers: checked, scaled and kept in the data folder.

A chosen file is read with Pillow and accepted only as a PNG or JPEG image of sensible size; a copy scaled
to at most ``MAX_SIDE`` pixels is written as ``logo.png`` (private file mode) next to the database. The
original file is never referred to again, so moving or deleting it changes nothing printed.
"""

from __future__ import annotations

import logging
import os
import tempfile
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from inducci_desktop.domain.i18n import _
from inducci_desktop.paths import AppPaths
from inducci_desktop.services.errors import ValidationError

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

log = logging.getLogger(__name__)

LOGO_NAME = "logo.png"
#: the largest file accepted (bytes)
MAX_FILE_BYTES = 10 * 1024 * 1024
#: more pixels than this is refused before decoding (a "decompression bomb" is a small file of huge size)
MAX_PIXELS = 40_000_000
#: the stored copy's longest side (pixels): sharp at 300 dpi in a 60 mm wide box
MAX_SIDE = 1000
FORMATS = {"PNG": "PNG", "JPEG": "JPEG"}


def logo_path(paths: AppPaths) -> Path:
    return paths.data_dir / LOGO_NAME


def stored_logo(paths: AppPaths) -> Path | None:
    """The stored logo, or None when there is none."""
    path = logo_path(paths)
    return path if path.is_file() else None


def check_image(source: Path) -> tuple[int, int]:
    """Check that ``source`` is a PNG or JPEG image that can be printed; return its size in pixels.

    Raises:
        ValidationError: with a message naming the problem (missing, too big, not an image, damaged …).
    """
    image = _load(source)
    size = image.size
    image.close()
    return size


def set_logo(paths: AppPaths, source: Path) -> Path:
    """Store a scaled copy of ``source`` as the organisation logo (replacing any earlier one).

    Raises ValidationError (nothing is stored) when the file is not a usable image.
    """
    image = _load(source)
    try:
        if image.mode not in ("RGB", "RGBA", "L", "LA"):
            image = image.convert("RGBA" if "transparency" in image.info or image.mode == "P" else "RGB")
        image.thumbnail((MAX_SIDE, MAX_SIDE))
        target = logo_path(paths)
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".logo-", suffix=".png", dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                image.save(out, format="PNG", optimize=True)
            os.chmod(temp, 0o600)
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    finally:
        image.close()
    log.info("organisation logo stored (%d×%d px)", *_size(target))
    return target


def remove_logo(paths: AppPaths) -> bool:
    """Remove the stored logo; True when there was one."""
    path = logo_path(paths)
    if path.is_file():
        path.unlink()
        log.info("organisation logo removed")
        return True
    return False


def _size(path: Path) -> tuple[int, int]:
    from PIL import Image

    with Image.open(path) as image:
        return image.size


def _check_file(source: Path, name: str) -> None:
    """A readable file of at most MAX_FILE_BYTES, or ValidationError."""
    try:
        size = source.stat().st_size
    except OSError:
        raise ValidationError(_("The logo file “{name}” cannot be found or read.").format(name=name)) from None
    if not source.is_file():
        raise ValidationError(_("“{name}” is not a file.").format(name=name))
    if size > MAX_FILE_BYTES:
        raise ValidationError(_("The logo file “{name}” is {value:.1f} MB; choose an image of at most {value2} MB.")
            .format(name=name, value=size / 1024 / 1024, value2=MAX_FILE_BYTES // 1024 // 1024))


def _check_image(image: PILImage, name: str) -> None:
    """A PNG or JPEG of at most MAX_PIXELS, decoded fully (a damaged file raises here, not while printing)."""
    if image.format not in FORMATS:
        raise ValidationError(_("“{name}” is a {value} image; choose a PNG or JPEG file.")
            .format(name=name, value=image.format or 'unknown'))
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise ValidationError(_("“{name}” is too large an image ({width}×{height} pixels); choose one of at most "
            "{value} megapixels.")
            .format(name=name, width=width, height=height, value=MAX_PIXELS // 1_000_000))
    if width < 1 or height < 1:
        raise ValidationError(_("“{name}” is an empty image.").format(name=name))
    image.load()


def _load(source: Path) -> PILImage:
    """Open and fully decode ``source``, or raise ValidationError naming the problem."""
    from PIL import Image, UnidentifiedImageError

    name = source.name
    _check_file(source, name)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(source)
        except UnidentifiedImageError:
            raise ValidationError(_("“{name}” is not an image: choose a PNG or JPEG file.").format(name=name)) from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ValidationError(_("“{name}” is too large an image (too many pixels); choose a smaller PNG or JPEG.")
                .format(name=name)) from None
        except OSError:
            raise ValidationError(_("The logo file “{name}” cannot be read.").format(name=name)) from None
        try:
            _check_image(image, name)
        except ValidationError:
            image.close()
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            image.close()
            raise ValidationError(_("“{name}” is too large an image (too many pixels); choose a smaller PNG or JPEG.")
                .format(name=name)) from None
        except (OSError, SyntaxError, ValueError):
            image.close()
            raise ValidationError(_("The image “{name}” is damaged or incomplete.").format(name=name)) from None
    return image
