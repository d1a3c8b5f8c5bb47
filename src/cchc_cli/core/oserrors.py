"""Operating-system errors in the user's words.

``exc.strerror`` is the C library's English ("No such file or directory", "Permission
denied"); it never reaches a message. :func:`os_error_msg` turns any :class:`OSError` into a
catalogue fragment (``os.<name>``) by its Windows error code or its ``errno``: what happened
and, where it helps, what to do. Every place that reports an OSError passes it through here.
"""

from __future__ import annotations

import errno

from cchc_cli.core.i18n import Msg

#: Windows error codes (``exc.winerror``) that errno does not tell apart
_WINDOWS = {
    5: "denied",  # ERROR_ACCESS_DENIED
    32: "locked",  # ERROR_SHARING_VIOLATION: open in Word, Excel…
    33: "locked",  # ERROR_LOCK_VIOLATION
    112: "disk_full",  # ERROR_DISK_FULL
    123: "bad_name",  # ERROR_INVALID_NAME
    206: "too_long",  # ERROR_FILENAME_EXCED_RANGE
}

_BY_ERRNO = {
    "ENOENT": "not_found",
    "EEXIST": "exists",
    "EISDIR": "is_dir",
    "ENOTDIR": "not_dir",
    "EACCES": "denied",
    "EPERM": "denied",
    "ENOSPC": "disk_full",
    "EDQUOT": "quota",
    "EROFS": "read_only",
    "EBUSY": "locked",
    "ETXTBSY": "locked",
    "ENAMETOOLONG": "too_long",
    "EINVAL": "bad_name",
    "EILSEQ": "bad_name",
    "ELOOP": "loop",
    "EMFILE": "too_many",
    "ENFILE": "too_many",
    "EIO": "io",
    "ENOTEMPTY": "not_empty",
    "EXDEV": "cross_device",
    "ETIMEDOUT": "unreachable",
    "EHOSTDOWN": "unreachable",
    "ENETDOWN": "unreachable",
    "ENETUNREACH": "unreachable",
    "ESTALE": "unreachable",
}

#: every key :func:`os_error_msg` can give (the catalogue has ``os.<key>`` for each)
KINDS = frozenset({*_WINDOWS.values(), *_BY_ERRNO.values(), "other"})


def os_error_kind(exc: BaseException) -> str:
    """``not_found``, ``denied``, ``locked``… (``other`` when the error is none of those)."""
    if type(exc).__name__ == "OutputLocked":  # core.atomic: a sharing violation on Windows
        return "locked"
    winerror = getattr(exc, "winerror", None)
    if isinstance(winerror, int) and winerror in _WINDOWS:
        return _WINDOWS[winerror]
    code = getattr(exc, "errno", None)
    name = errno.errorcode.get(code) if isinstance(code, int) else None
    if name is not None and name in _BY_ERRNO:
        return _BY_ERRNO[name]
    if isinstance(exc, FileNotFoundError):
        return "not_found"
    if isinstance(exc, PermissionError):
        return "denied"
    if isinstance(exc, IsADirectoryError):
        return "is_dir"
    if isinstance(exc, NotADirectoryError):
        return "not_dir"
    if isinstance(exc, FileExistsError):
        return "exists"
    return "other"


def os_error_msg(exc: BaseException) -> Msg:
    """What went wrong, as a fragment for ``{reason}``/``{error}``: "ổ đĩa đã đầy", "tệp đang
    được mở trong chương trình khác (Word, Excel…)". An error of no known kind names its
    system code (``ENXIO``) so that support can look it up."""
    kind = os_error_kind(exc)
    if kind != "other":
        return Msg(f"os.{kind}")
    code = getattr(exc, "errno", None)
    name = errno.errorcode.get(code, "") if isinstance(code, int) else ""
    return Msg("os.other", {"code": name or type(exc).__name__})
