"""Write the small example materials (PDF, DOCX, ODT) used by the example campaigns.

Run once after changing the texts: python scripts/make_example_files.py
The outputs are committed; the script makes them reproducible (fixed timestamps in archives).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "campaigns"


def pdf(lines: list[str], title: str) -> bytes:
    """A one-page PDF with the given lines of ASCII-transliterated text and a Polish title."""
    text = "BT /F1 14 Tf 72 770 Td 18 TL " + " ".join(
        f"({line.replace('(', '[').replace(')', ']')}) '" for line in lines
    ) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R /Lang (pl-PL) >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        f"<< /Length {len(text)} >>\nstream\n{text}\nendstream",
        f"<< /Title <FEFF{title.encode('utf-16-be').hex().upper()}> /Producer (konsultacje example files) >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def _zip(path: Path, members: list[tuple[str, str]], stored_first: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as archive:
        for index, (name, body) in enumerate(members):
            info = zipfile.ZipInfo(name, date_time=(2025, 8, 28, 9, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if (stored_first and index == 0) else zipfile.ZIP_DEFLATED
            archive.writestr(info, body)


def _paragraphs_docx(paragraphs: list[str]) -> str:
    body = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{p.replace("&", "&amp;").replace("<", "&lt;")}</w:t></w:r></w:p>'
        for p in paragraphs
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body}</w:body></w:document>"
    )


def docx(path: Path, paragraphs: list[str]) -> None:
    """A minimal Word document that opens in Word and LibreOffice."""
    _zip(path, [
        ("[Content_Types].xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
         '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
         '<Default Extension="xml" ContentType="application/xml"/>'
         '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
         "</Types>"),
        ("_rels/.rels",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
         "</Relationships>"),
        ("word/document.xml", _paragraphs_docx(paragraphs)),
    ])


def odt(path: Path, paragraphs: list[str]) -> None:
    """A minimal OpenDocument text."""
    body = "".join(f"<text:p>{p.replace('&', '&amp;').replace('<', '&lt;')}</text:p>" for p in paragraphs)
    _zip(path, [
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("META-INF/manifest.xml",
         '<?xml version="1.0" encoding="UTF-8"?>'
         '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
         '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
         '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
         "</manifest:manifest>"),
        ("content.xml",
         '<?xml version="1.0" encoding="UTF-8"?>'
         '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
         'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
         f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"),
    ], stored_first=True)


FORM = [
    "Formularz zgłaszania uwag",
    "Nazwa organizacji: ______________________",
    "Osoba do kontaktu (imię, nazwisko, e-mail, telefon): ______________________",
    "Część dokumentu, której dotyczy uwaga: ______________________",
    "Treść uwagi: ______________________",
    "Uzasadnienie: ______________________",
]


def main() -> None:
    """Write every example file."""
    s = ROOT / "strategia-rozwiazywania-problemow-spolecznych-2021-2030" / "files"
    s.mkdir(parents=True, exist_ok=True)
    (s / "materialy-robocze-strategii.pdf").write_bytes(pdf([
        "Strategia Rozwiazywania Problemow Spolecznych Krakowa 2021-2030",
        "Materialy robocze: diagnoza, analiza SWOT, cele i wskazniki.",
    ] * 20, "Materiały robocze strategii"))
    docx(s / "formularz-uwag.docx", FORM)
    (s / "raport-z-konsultacji.pdf").write_bytes(pdf([
        "Raport z konsultacji strategii 2021-2030", "Wplynelo 14 uwag od 6 organizacji."] * 6,
        "Raport z konsultacji"))
    r = ROOT / "program-wspierania-rodziny-2025-2027" / "files"
    r.mkdir(parents=True, exist_ok=True)
    (r / "projekt-programu-wspierania-rodziny.pdf").write_bytes(pdf([
        "Program Wspierania Rodziny w Krakowie na lata 2025-2027 - projekt",
        "Cele, dzialania, realizatorzy i wskazniki programu.",
    ] * 30, "Projekt Programu Wspierania Rodziny 2025–2027"))
    docx(r / "formularz-konsultacyjny.docx", FORM)
    odt(r / "formularz-konsultacyjny.odt", FORM)
    w = ROOT / "wieloletni-program-wspolpracy-2012-2014" / "files"
    w.mkdir(parents=True, exist_ok=True)
    (w / "prezentacja-spotkania-zespolu.pdf").write_bytes(pdf([
        "Wieloletni Program Wspolpracy 2012-2014", "Spotkanie Zespolu Branzowego ds. Wykluczenia Spolecznego",
        "6 lipca 2011"] * 8, "Spotkanie zespołu branżowego"))
    p = ROOT / "program-rozwoju-pieczy-zastepczej-2026-2028" / "files"
    p.mkdir(parents=True, exist_ok=True)
    docx(p / "formularz-uwag.docx", FORM)
    v = ROOT / "program-przeciwdzialania-przemocy-domowej-2027-2030" / "files"
    v.mkdir(parents=True, exist_ok=True)
    (v / "projekt-programu.pdf").write_bytes(pdf([
        "Program przeciwdzialania przemocy domowej 2027-2030 - projekt"] * 25, "Projekt programu"))
    odt(v / "formularz-uwag.odt", FORM)


if __name__ == "__main__":
    main()
