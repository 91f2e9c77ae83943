"""Photos of pilot actions: checked with Pillow, scaled and kept in the data folder.

A chosen file is accepted only as a PNG, JPEG or WebP image of sensible size (at most ``MAX_FILE_BYTES``,
``MAX_PIXELS`` pixels, fully decoded before anything is stored). The stored copy is a JPEG of at most
``MAX_SIDE`` pixels, turned upright, without the original's metadata (camera, place), named by its
content's hash, with a private file mode, in the data folder's ``pilot-photos`` folder. Photos received in a
bundle go through the same checks.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import re
import tempfile
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from inducci_desktop.domain.i18n import _
from inducci_desktop.services.errors import ValidationError
from inducci_desktop.store.files import private_file, private_folder

if TYPE_CHECKING:
    from PIL.Image import Image as PILImage

log = logging.getLogger(__name__)

FOLDER_NAME = "pilot-photos"
#: the largest file accepted (bytes); a 50 MB file is refused
MAX_FILE_BYTES = 25 * 1024 * 1024
#: more pixels than this is refused before decoding (a decompression bomb is a small file of huge size)
MAX_PIXELS = 50_000_000
#: the stored copy's longest side (pixels): sharp at 300 dpi across half a page
MAX_SIDE = 1600
JPEG_QUALITY = 85
FORMATS = ("PNG", "JPEG", "WEBP")
#: the names of stored photos: the hash of the stored bytes and .jpg
STORED_NAME = re.compile(r"^[0-9a-f]{32}\.jpg$")


def photo_folder(database: Path) -> Path:
    """The folder of pilot photos beside the database of a data folder."""
    return database.parent / FOLDER_NAME


def stored_path(database: Path, name: str) -> Path | None:
    """The stored photo ``name``, or None when it is not on this machine (or the name is not one of ours)."""
    if not STORED_NAME.match(name):
        return None
    path = photo_folder(database) / name
    return path if path.is_file() else None


def store_file(database: Path, source: Path) -> tuple[str, int, int]:
    """Check ``source``, store a scaled copy; return (stored name, width, height).

    Raises ValidationError naming the problem (nothing is stored) when the file is not a usable image.
    """
    name = source.name
    try:
        info = source.stat()
    except OSError:
        raise ValidationError(_("The photo “{name}” cannot be found or read.").format(name=name)) from None
    if not source.is_file():
        raise ValidationError(_("“{name}” is not a file.").format(name=name))
    if info.st_size > MAX_FILE_BYTES:
        raise ValidationError(_("The photo “{name}” is {size:.1f} MB; choose an image of at most {limit} MB.").format(
            name=name, size=info.st_size / 1024 / 1024, limit=MAX_FILE_BYTES // 1024 // 1024))
    try:
        data = _read_bounded(source)
    except OSError:
        raise ValidationError(_("The photo “{name}” cannot be read.").format(name=name)) from None
    return _store(database, data, name)


def check_received(data: bytes, name: str) -> str | None:
    """Why a photo received in a bundle cannot be kept (None: it can): it must be one of the JPEGs this app
    stores, named by its content, within the size limits, and decode completely."""
    if not STORED_NAME.match(name):
        return _("its file name {name!r} is not one this app gives").format(name=name)
    if hashlib.sha256(data).hexdigest()[:32] + ".jpg" != name:
        return _("its image does not match its file name {name}").format(name=name)
    if len(data) > MAX_FILE_BYTES:
        return _("its image is too large")
    try:
        image = _load(data, name)
    except ValidationError as exc:
        return str(exc)
    try:
        if image.format != "JPEG" or max(image.size) > MAX_SIDE:
            return _("its image is not a photo as this app stores them")
    finally:
        image.close()
    return None


def write_received(database: Path, photos: dict[str, bytes]) -> None:
    """Keep photos received in a bundle (checked by ``check_received``), as they came."""
    if not photos:
        return
    folder = photo_folder(database)
    private_folder(folder)
    for name, data in photos.items():
        _write(folder / name, data)


def _write(target: Path, data: bytes) -> None:
    if not target.is_file():
        handle, temp = tempfile.mkstemp(prefix=".photo-", suffix=".partial", dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.chmod(temp, 0o600)
            os.replace(temp, target)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    private_file(target)


def _read_bounded(source: Path) -> bytes:
    with source.open("rb") as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError(_("The photo “{name}” is larger than {limit} MB.").format(
            name=source.name, limit=MAX_FILE_BYTES // 1024 // 1024))
    return data


def _store(database: Path, data: bytes, name: str) -> tuple[str, int, int]:
    image = _load(data, name)
    try:
        encoded = _encode(image)
    finally:
        image.close()
    stored = hashlib.sha256(encoded).hexdigest()[:32] + ".jpg"
    folder = photo_folder(database)
    private_folder(folder)
    _write(folder / stored, encoded)
    width, height = _size(encoded)
    log.info("pilot photo stored (%d×%d px)", width, height)
    return stored, width, height


def _encode(image: PILImage) -> bytes:
    from PIL import ImageOps

    upright = ImageOps.exif_transpose(image) or image
    if upright.mode != "RGB":
        rgba = upright.convert("RGBA")
        from PIL import Image

        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        upright = background
    upright.thumbnail((MAX_SIDE, MAX_SIDE))
    out = io.BytesIO()
    upright.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)  # no exif: no camera, no place
    return out.getvalue()


def _size(data: bytes) -> tuple[int, int]:
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        return image.size


def _too_large(name: str) -> ValidationError:
    return ValidationError(_("“{name}” is too large an image (too many pixels); choose a smaller photo.").format(
        name=name))


def _load(data: bytes, name: str) -> PILImage:
    """Open and fully decode ``data``, or raise ValidationError naming the problem."""
    from PIL import Image, UnidentifiedImageError

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(io.BytesIO(data))
        except UnidentifiedImageError:
            raise ValidationError(_("“{name}” is not an image: choose a JPEG, PNG or WebP photo.").format(
                name=name)) from None
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_large(name) from None
        except OSError:
            raise ValidationError(_("The photo “{name}” cannot be read.").format(name=name)) from None
        try:
            if image.format not in FORMATS:
                raise ValidationError(_("“{name}” is a {format} image; choose a JPEG, PNG or WebP photo.").format(
                    name=name, format=image.format or _("unknown")))
            width, height = image.size
            if width * height > MAX_PIXELS:
                raise _too_large(name)
            if width < 1 or height < 1:
                raise ValidationError(_("“{name}” is an empty image.").format(name=name))
            image.load()
        except ValidationError:
            image.close()
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            image.close()
            raise _too_large(name) from None
        except (OSError, SyntaxError, ValueError):
            image.close()
            raise ValidationError(_("The photo “{name}” is damaged or incomplete.").format(name=name)) from None
    return image
