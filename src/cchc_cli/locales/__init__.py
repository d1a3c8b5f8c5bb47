"""Message catalogues, one package per language, split by domain for readability."""


def merge(*parts: dict[str, str]) -> dict[str, str]:
    merged: dict[str, str] = {}
    for part in parts:
        clash = merged.keys() & part.keys()
        if clash:
            raise RuntimeError(f"duplicate catalogue keys: {sorted(clash)}")
        merged.update(part)
    return merged
