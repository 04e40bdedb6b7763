"""vCard 3.0 (RFC 2426) business cards: an officer's contact, saved to a phone in one tap."""

from __future__ import annotations


def _escape(value: str) -> str:
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n"))


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (never inside a character)."""
    out, current = [], b""
    for ch in line:
        b = ch.encode("utf-8")
        if len(current) + len(b) > (75 if not out else 74):
            out.append(current.decode("utf-8"))
            current = b""
        current += b
    out.append(current.decode("utf-8"))
    return "\r\n ".join(out)


def vcard(*, full_name: str, given: str, family: str, org: str, title: str, role: str,
          phones: list[tuple[str, str]], email: str | None, url: str, note: str = "",
          address: str = "", lang: str = "az") -> str:
    """phones: [(type, number)] such as [("WORK,VOICE", "+994 24 275 03 11")]."""
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"N:{_escape(family)};{_escape(given)};;;",
        f"FN:{_escape(full_name)}",
        f"ORG:{_escape(org)}",
        f"TITLE:{_escape(title)}",
        f"ROLE:{_escape(role)}",
    ]
    for kind, number in phones:
        lines.append(f"TEL;TYPE={kind}:{number}")
    if email:
        lines.append(f"EMAIL;TYPE=INTERNET,WORK:{_escape(email)}")
    if address:
        lines.append(f"ADR;TYPE=WORK:;;{_escape(address)};;;;")
    lines.append(f"URL:{url}")
    if note:
        lines.append(f"NOTE:{_escape(note)}")
    lines.append("END:VCARD")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
