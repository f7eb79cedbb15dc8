"""Every word the public site shows, in Polish and English, and the Babel helpers that format
dates, times, sizes and plural forms for the language chosen by `theme.language`.

Editors write consultations in Polish (`CONTENT_LANGUAGE`); this module only covers the
interface around their text. Unknown languages fall back to English words, while dates and
numbers still follow the requested locale when Babel knows it.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.dates import format_time
from babel.lists import format_list
from babel.numbers import format_decimal

from generator.language import site_language, words_language

CONTENT_LANGUAGE = "pl"
FALLBACK = "en"

# A value is a template for str.format, or for plural words a mapping of CLDR plural
# categories (one, few, many, other) to templates; `{n}` is the number.
WORDS: dict[str, dict[str, Any]] = {
    "pl": {
        # status of a consultation: a word, never a colour alone
        "status.upcoming": "zapowiedziane",
        "status.open": "otwarte",
        "status.closed": "zamknięte",
        "status.concluded": "zakończone",
        "status.label": "Status",
        "status.sentence.upcoming": "Konsultacje jeszcze się nie rozpoczęły. Uwagi będzie można zgłaszać od {date}",
        "status.sentence.open": "Trwa zbieranie uwag.",
        "status.sentence.closed": "Przyjmowanie uwag zakończyło się {date} Raport z konsultacji opublikujemy na tej stronie.",
        "status.sentence.concluded": "Konsultacje zakończyły się. Raport opublikowano {date}",
        "status.see_report": "Przejdź do raportu z konsultacji",
        "days_left": {
            "one": "został {n} dzień",
            "few": "zostały {n} dni",
            "many": "zostało {n} dni",
            "other": "zostało {n} dnia",
        },
        "last_day": "dziś ostatni dzień na zgłoszenie uwag",
        "deadline_passed": "termin minął",
        "count.consultations": {
            "one": "{n} konsultacja",
            "few": "{n} konsultacje",
            "many": "{n} konsultacji",
            "other": "{n} konsultacji",
        },
        # dates: Babel gives month and weekday names; Polish needs the accusative after "w"
        # A Polish date ends with "r.", which also ends a sentence: templates put no second dot after {date}.
        "date": "{date} r.",
        "date.time": "{date}, godz. {time}",
        "date.weekday": "{weekday}, {date} r.",
        "date.on_weekday": "{on_weekday}, {date} r.",
        "on_weekday": [
            "w poniedziałek",
            "we wtorek",
            "w środę",
            "w czwartek",
            "w piątek",
            "w sobotę",
            "w niedzielę",
        ],
        "deadline": "do {date} r. ({weekday}), do końca dnia",
        "period": "od {start} do {end}",
        "period.months": "{start} – {end}",
        "period.single": "{start}",
        "time_range": "{start}–{end}",
        "quote": "„{text}”",
        # key facts
        "facts.label": "Najważniejsze informacje",
        "facts.period": "Przyjmowanie uwag",
        "facts.deadline": "Termin zgłaszania uwag",
        "facts.respond": "Jak wziąć udział",
        "facts.respond.more": "Wszystkie sposoby zgłaszania uwag i szczegóły",
        "facts.documents": "Dokumenty",
        "facts.documents.all": "Wszystkie materiały do pobrania ({n})",
        "facts.organizer": "Organizator",
        "facts.legal_basis": "Podstawa prawna",
        "facts.categories": "Kategorie",
        "facts.updated": "Ostatnia zmiana",
        # section headings of a consultation page
        "section.audience": "Kto może zgłaszać uwagi",
        "section.easy_read": "W skrócie: tekst łatwy do czytania",
        "section.announcement": "Ogłoszenie",
        "section.respond": "Jak zgłosić uwagi",
        "section.respond.past": "Jak można było zgłaszać uwagi",
        "section.duty": "Dyżury ekspertów",
        "section.meetings": "Spotkania konsultacyjne",
        "section.materials": "Materiały do pobrania",
        "section.timeline": "Harmonogram",
        "section.subscribe": "Kalendarz tej konsultacji",
        "section.announcements": "Komunikaty",
        "section.report": "Raport z konsultacji",
        "section.accessibility": "Dostępność miejsca",
        "section.contact": "Kontakt",
        "section.record": "Metryczka",
        # ways to respond
        "respond.intro.open": "Uwagi przyjmujemy {deadline}. Wybierz jeden sposób:",
        "respond.intro.upcoming": "Uwagi będzie można zgłaszać od {date}, {deadline}. Sposoby:",
        "respond.intro.closed": "Uwag już nie przyjmujemy. Tak można je było zgłaszać:",
        "respond.privacy": "Jak przetwarzamy dane osobowe osób zgłaszających uwagi (klauzula informacyjna RODO)",
        "channel.email": "E-mailem",
        "channel.post": "Pocztą",
        "channel.in_person": "Osobiście",
        "channel.fax": "Faksem",
        "channel.phone": "Telefonicznie",
        "channel.online_form": "Przez formularz online",
        "channel.other": "Inaczej",
        "channel.online_form.link": "Otwórz formularz online",
        "annotation.email": "W temacie wiadomości wpisz:",
        "annotation.post": "Na kopercie dopisz:",
        "annotation.in_person": "Na kopercie dopisz:",
        "annotation.fax": "Na pierwszej stronie dopisz:",
        "annotation.other": "Dopisek:",
        # duty hours and meetings
        "duty.caption": "Dyżury ekspertów: dni, godziny, forma i kontakt",
        "duty.col.date": "Dzień",
        "duty.col.time": "Godziny",
        "duty.col.and_time": "i godziny",
        "duty.col.how": "Forma i kontakt",
        "duty.phone": "Telefon:",
        "duty.place": "Miejsce:",
        "duty.phone.inline": "tel.",
        "duty.online": "Dołącz online",
        "event.link_later": "Link do udziału online: po zgłoszeniu",
        "event.current": "trwa teraz",
        "event.next": "najbliższy",
        "event.cancelled": "odwołane",
        "news.moved.meeting": "Spotkanie przeniesione na {when}",
        "news.moved.duty": "Dyżur przeniesiony na {when}",
        "news.cancelled.meeting": "Spotkanie odwołane: {when}",
        "news.cancelled.duty": "Dyżur odwołany: {when}",
        "news.extended": "Termin przedłużony do {when}",
        "news.deadline": "Termin zgłaszania uwag zmieniony na {when}",
        "news.text.deadline": "Uwagi można zgłaszać do {when}.",
        # the news feeds' items (generator/news/items.py); a date in a feed's text is written 20.08.2025
        "news.text.new": "Uwagi można zgłaszać od {opens} do {closes}.",
        "news.announcement": "Komunikat: {title} – {campaign}",
        "news.report": "Raport z konsultacji: {title}",
        "news.text.report": "Opublikowaliśmy raport z wyników konsultacji.",
        "news.change": "Zmiana: {title}",
        "event.all_day": "do końca dnia",
        "event.past": "odbył się",
        "mode.phone": "telefonicznie",
        "mode.in_person": "stacjonarnie",
        "mode.online": "online",
        "attendance.in_person": "spotkanie stacjonarne",
        "attendance.online": "spotkanie online",
        "attendance.hybrid": "spotkanie hybrydowe (stacjonarnie i online)",
        "meeting.join": "Dołącz do spotkania online",
        "meeting.materials": "Materiały ze spotkania",
        "meeting.place": "Miejsce:",
        "kind.duty": "Dyżur ekspercki",
        "kind.meeting": "Spotkanie",
        "kind.deadline": "Ostatni dzień zgłaszania uwag",
        "addcal.summary": "Dodaj do kalendarza",
        # materials
        "material.external": "strona zewnętrzna",
        "material.not_accessible": "Ten plik może być niedostępny dla osób korzystających z czytnika ekranu.",
        "material.ask_accessible": "Poproś o dostępną wersję pliku „{title}”",
        "material.ask_subject": "Prośba o dostępną wersję: {title}",
        "material.none": "Materiały zostaną opublikowane na tej stronie.",
        "size.bytes": "{n} B",
        "size.kb": "{n} kB",
        "size.mb": "{n} MB",
        # timeline
        "phase.current": "trwa",
        "phase.past": "zakończony",
        "phase.future": "planowany",
        # announcements, report, contact, record
        "announcement.published": "Opublikowano",
        "report.published": "Raport opublikowano {date}",
        "report.download": "Raport z konsultacji",
        "comments.figures": "Uwagi w liczbach",
        "comments.figure.comments": "Zgłoszone uwagi",
        "comments.figure.submitters": "Zgłaszający",
        "comments.figure.accepted": "Uwzględnione",
        "comments.figure.partly": "Częściowo uwzględnione",
        "comments.figure.rejected": "Nieuwzględnione",
        "comments.figure.out_of_scope": "Poza zakresem konsultacji",
        "comments.heading": "Uwagi i stanowisko wobec nich",
        "comments.caption": "Zgłoszone uwagi, rozstrzygnięcia i ich uzasadnienie",
        "comments.col.number": "Nr",
        "comments.col.submitter": "Zgłaszający",
        "comments.col.part": "Część dokumentu",
        "comments.col.text": "Uwaga",
        "comments.col.decision": "Rozstrzygnięcie",
        "comments.col.reason": "Uzasadnienie",
        "comments.private": "osoba prywatna",
        "comments.no_reason": "—",
        "comments.decision.accepted": "uwzględniona",
        "comments.decision.partly": "częściowo uwzględniona",
        "comments.decision.rejected": "nieuwzględniona",
        "comments.decision.out_of_scope": "poza zakresem",
        "comments.download": "Tabela uwag do pobrania",
        "contact.name": "Kto odpowiada na pytania",
        "contact.email": "E-mail",
        "contact.phone": "Telefon",
        "record.label": "Metryczka informacji",
        "record.prepared_by": "Informację przygotował(a)",
        "record.published_by": "Informację opublikował(a)",
        "record.published": "Data publikacji",
        "record.updated": "Data aktualizacji",
        "record.changes": "Rejestr zmian",
        "record.source": "Pliki źródłowe tej konsultacji w repozytorium",
        "print.note": "Stan na {date}; aktualna wersja strony: {url}",
        "print.qr": "Kod QR z adresem tej strony",
        # lists
        "list.title": "Konsultacje",
        "list.open": "Otwarte konsultacje",
        "list.upcoming": "Zapowiedziane konsultacje",
        "list.recent": "Ostatnio zakończone",
        "list.open.none": "Obecnie nie trwają żadne konsultacje.",
        "list.upcoming.none": "Nie zapowiedziano nowych konsultacji.",
        "list.recent.none": "Nie ma jeszcze zakończonych konsultacji.",
        "list.more": "Zobacz wszystkie konsultacje",
        "list.older": "Starsze konsultacje są w archiwum",
        "list.categories": "Kategorie",
        "list.archive": "Archiwum według lat",
        "card.open": "Uwagi do {date}",
        "card.upcoming": "Uwagi od {date} do {end}",
        "card.closed": "Przyjmowanie uwag zakończyło się {date}",
        "card.concluded": "Raport opublikowano {date}",
        "home.events": "Najbliższe dyżury i spotkania",
        "home.events.none": "Nie zaplanowano dyżurów ani spotkań.",
        "home.events.more": "Pełny kalendarz dyżurów i spotkań",
        "search.title": "Szukaj konsultacji",
        "search.description": "Wyszukiwarka konsultacji społecznych",
        "search.site": "Szukaj w serwisie",
        "search.button": "Szukaj",
        "search.label": "Czego szukasz?",
        "search.hint": "Wpisz słowo w dowolnej formie, z polskimi znakami lub bez nich: „rodzina” znajdzie też "
                       "„rodziny” i „rodzinie”, a „wspolpraca” – „współpracę”.",
        "search.nojs": "Wyszukiwarka działa w przeglądarce z włączoną obsługą JavaScriptu. "
                       "Bez niej znajdziesz konsultacje na liście i w kategoriach poniżej.",
        "search.browse": "Przeglądaj konsultacje",
        "search.browse.list": "Wszystkie konsultacje: otwarte, zapowiedziane i zakończone",
        "search.browse.archive": "Archiwum konsultacji według lat",
        "search.browse.categories": "Kategorie",
        "feed.new.title": "{site} – nowe konsultacje",
        "feed.new.description": "Nowe konsultacje społeczne ogłaszane przez: {org}.",
        "feed.updates.title": "{site} – aktualności",
        "feed.updates.description": "Nowe konsultacje, komunikaty, zmiany terminów i spotkań oraz raporty: {org}.",
        "feed.category.title": "{site} – kategoria: {name}",
        "feed.category.description": "Konsultacje z kategorii „{name}”: nowe, komunikaty, zmiany i raporty.",
        "feed.campaign.title": "{site} – {title}",
        "feed.campaign.description": "Ogłoszenie, komunikaty, zmiany terminów i spotkań oraz raport konsultacji „{title}”.",
        "footer.made_with": "Strona zbudowana w programie",
        "footer.material": "MkDocs z motywem Material",
        "footer.source": "Pliki źródłowe serwisu w repozytorium (dla redakcji)",
        "head.feed.rss": "{site} – nowe konsultacje (RSS)",
        "head.feed.atom": "{site} – nowe konsultacje (Atom)",
        "head.feed.ics": "{site} – kalendarz dyżurów, spotkań i terminów",
        "follow.title": "Bądź na bieżąco",
        "follow.rss": "Nowe konsultacje: kanał RSS",
        "follow.atom": "Nowe konsultacje: kanał Atom",
        "follow.calendar": "Kalendarz dyżurów, spotkań i terminów",
        "follow.category.rss": "Kanał RSS kategorii „{name}”",
        "follow.category.atom": "Kanał Atom kategorii „{name}”",
        "follow.intro": "Kanały RSS i Atom powiadomią Cię o nowych konsultacjach w czytniku wiadomości.",
        "follow.updates.rss": "Aktualności (komunikaty, zmiany, raporty): kanał RSS",
        "follow.updates.atom": "Aktualności (komunikaty, zmiany, raporty): kanał Atom",
        "follow.campaign.intro": "Komunikaty, zmiany i raport tej konsultacji są w jej kanale aktualności; "
        "jej dyżury, spotkania i termin są w jej kalendarzu.",
        "follow.campaign.rss": "Aktualności tej konsultacji: kanał RSS",
        "follow.campaign.atom": "Aktualności tej konsultacji: kanał Atom",
        "follow.campaign.calendar": "Kalendarz tej konsultacji (plik iCalendar)",
        "follow.category.calendar": "Dyżury, spotkania i terminy kategorii „{name}”",
        "footer.export": "Otwarte dane: wszystkie konsultacje (JSON)",
        "footer.export_schema": "Opis formatu otwartych danych (JSON Schema)",
        # the easy-to-read and sign-language pages, linked from every page's header
        "access.label": "Informacje dostępne",
        "access.easy_read.short": "ETR",
        "access.easy_read.title": "Tekst łatwy do czytania (ETR)",
        "access.sign_language.short": "PJM",
        "access.sign_language.title": "Informacje w polskim języku migowym (PJM)",
        "access.video.label": "Nagranie w polskim języku migowym",
        "access.video.captions": "Napisy po polsku",
        "access.video.caption": "Nagranie w polskim języku migowym z napisami. Napisy włączysz i wyłączysz przyciskiem w odtwarzaczu.",
        "access.video.fallback": "Twoja przeglądarka nie odtwarza tego nagrania. Pobierz plik z nagraniem poniżej.",
        "access.video.download": "Pobierz nagranie w polskim języku migowym",
        "access.text_file.heading": "Informacje w pliku tekstowym",
        "access.text_file.intro": "Te same informacje o naszej pracy są w zwykłym pliku tekstowym. Otworzy go każdy program, także czytnik ekranu.",
        "access.text_file.link": "Pobierz informacje o działalności w pliku tekstowym",
        # archive and categories
        "archive.title": "Archiwum konsultacji",
        "archive.intro": "Wszystkie opublikowane konsultacje według roku rozpoczęcia.",
        "archive.year": "Konsultacje rozpoczęte w {year} r.",
        "archive.none": "Archiwum jest puste.",
        "pages.label": "Kolejne strony listy",
        "pages.page": "Strona {n}",
        "pages.current": "Strona {n} z {total}",
        "pages.previous": "Poprzednia strona",
        "pages.next": "Następna strona",
        "category.title": "Kategoria: {name}",
        "category.index": "Kategorie konsultacji",
        "category.current": "Trwające i zapowiedziane",
        "category.past": "Zakończone",
        "category.none": "Brak konsultacji w tej kategorii.",
        "category.current.none": "W tej kategorii nie trwają ani nie są zapowiedziane żadne konsultacje.",
        "category.past.none": "W tej kategorii nie ma jeszcze zakończonych konsultacji.",
        # calendar page
        "calendar.title": "Kalendarz dyżurów i spotkań",
        "calendar.intro": "Najbliższe dyżury ekspertów, spotkania konsultacyjne i terminy zgłaszania uwag we wszystkich konsultacjach.",
        "calendar.upcoming": "Najbliższe wydarzenia",
        "calendar.none": "Nie zaplanowano żadnych wydarzeń.",
        "calendar.more": "Kalendarz pokazuje wydarzenia do {date} Późniejsze znajdziesz w subskrypcji kalendarza i na stronach konsultacji.",
        "calendar.subscribe": "Subskrybuj kalendarz",
        "calendar.feed.all": "Wszystkie dyżury, spotkania i terminy",
        "calendar.feed.duty": "Tylko dyżury ekspertów",
        "calendar.feed.campaign": "Dyżury, spotkania i termin: {title}",
        "calendar.of": "Konsultacja:",
        # subscribing to a calendar (generator/pages/subscribe.py)
        "subscribe.subscribe": "Subskrybuj kalendarz: {title}",
        "subscribe.address": "Adres kalendarza do wklejenia w Kalendarzu Google lub Outlook.com",
        "subscribe.copy": "Kopiuj adres",
        "subscribe.help": "Jak dodać kalendarz w Google, Outlooku, na iPhonie lub Macu i w Thunderbirdzie",
        "subscribe.steps": [
            "<strong>Kalendarz Google</strong> (na komputerze, w przeglądarce): po lewej stronie przy "
            "„Inne kalendarze” wybierz „+”, potem „Z adresu URL”; wklej adres i kliknij „Dodaj kalendarz”. "
            "Kalendarz pojawi się też w telefonie.",
            "<strong>Outlook.com i Outlook w Microsoft 365</strong> (w przeglądarce): „Dodaj kalendarz” → "
            "„Subskrybuj z internetu”; wklej adres, nadaj nazwę i kliknij „Importuj”. W Outlooku na komputerze "
            "wystarczy kliknąć przycisk „Subskrybuj kalendarz”.",
            "<strong>Apple (iPhone, iPad, Mac)</strong>: kliknij przycisk „Subskrybuj kalendarz” i potwierdź. "
            "Na Macu możesz też w aplikacji Kalendarz wybrać „Plik” → „Nowa subskrypcja kalendarza…” i wkleić adres.",
            "<strong>Thunderbird</strong>: kliknij przycisk „Subskrybuj kalendarz” albo wybierz „Nowy kalendarz” → "
            "„W sieci” i wklej adres.",
        ],
        "subscribe.note": "Subskrybowany kalendarz aktualizuje się sam, gdy wydarzenie zostanie przeniesione lub odwołane "
        "(odwołane zostają w kalendarzu z dopiskiem „ODWOŁANE”). Kalendarz Google odświeża subskrypcje tylko "
        "raz lub dwa razy na dobę, więc zmiany pojawiają się w nim z opóźnieniem. Jeśli zasubskrybujesz kilka "
        "kalendarzy z tymi samymi wydarzeniami (na przykład wszystkie wydarzenia i jedną konsultację), każde "
        "z nich zobaczysz dwa razy. Nie importuj pobranego pliku: zaimportowany kalendarz się nie aktualizuje.",
        "subscribe.event_links": "Dodaj do kalendarza",
        "calendar.subscribe.intro": "Wybierz kalendarz z listy poniżej. Przycisk „Subskrybuj kalendarz” dodaje go "
        "w Outlooku na komputerze, na iPhonie, iPadzie i Macu oraz w Thunderbirdzie; adres do skopiowania wklej "
        "w Kalendarzu Google lub Outlook.com.",
        "calendar.list.label": "Kalendarze do subskrypcji",
        "calendar.list.site": "Wszystkie konsultacje",
        "calendar.list.categories": "Kategorie",
        "calendar.list.open": "Otwarte konsultacje",
        "calendar.feed.category": "Kategoria „{name}”: dyżury, spotkania i terminy",
        "calendar.feed.open": "Konsultacja „{name}”: dyżury, spotkania i termin",
        "subscribe.short": "Subskrybuj kalendarz",
        "subscribe.address.short": "Adres do skopiowania",
        # what a calendar shows for an event (generator/calendars/wording.py): the .ics feeds,
        # the single-event downloads and the add-to-calendar links say the same
        "calendar.event.title.duty": "Dyżur eksperta ({modes}): {title}",
        "calendar.event.title.meeting": "{meeting} – {title}",
        "calendar.event.title.deadline": "Ostatni dzień na zgłoszenie uwag: {title}",
        "calendar.event.title.cancelled": "ODWOŁANE: {title}",
        "calendar.event.cancelled": "To wydarzenie zostało odwołane.",
        "calendar.event.intro.duty": "Dyżur eksperta w konsultacjach: {title}",
        "calendar.event.intro.meeting": "Spotkanie w ramach konsultacji: {title}",
        "calendar.event.intro.deadline": "Ostatni dzień na zgłoszenie uwag w konsultacjach: {title}",
        "calendar.event.when": "Kiedy: {day}, {start}–{end} ({zone})",
        "calendar.event.when.deadline": "Kiedy: {day}, do godz. 23:59 ({zone})",
        "calendar.event.where": "Gdzie: {place}",
        "calendar.event.phones": "Telefon: {phones}",
        "calendar.event.online": "Online: {url}",
        "calendar.event.link_later": "Online: link po zgłoszeniu",
        "calendar.event.by_phone": "Telefonicznie: {phones}",
        "calendar.event.closes": "Uwagi można zgłaszać do {day}.",
        "calendar.event.respond": "Jak zgłosić uwagi:",
        "calendar.event.annotation": "z dopiskiem „{text}”",
        "calendar.event.more": "Szczegóły i dokumenty: {url}",
        "calendar.event.either": "{items} lub {last}",
        "calendar.event.local_zone": "czas polski",
        "calendar.event.mode.phone": "telefonicznie",
        "calendar.event.mode.in_person": "na miejscu",
        "calendar.event.mode.online": "online",
        # a way to respond in a calendar's description; "other" has no label, only the editor's text
        "calendar.event.channel.email": "e-mail",
        "calendar.event.channel.post": "pocztą",
        "calendar.event.channel.in_person": "osobiście",
        "calendar.event.channel.fax": "faks",
        "calendar.event.channel.phone": "telefonicznie",
        "calendar.event.channel.online_form": "formularz online",
        "calendar.event.channel.other": "",
        "calendar.event.kind.duty": "dyżur eksperta",
        "calendar.event.kind.meeting": "spotkanie konsultacyjne",
        "calendar.event.kind.deadline": "termin",
        # add-to-calendar links (generator/calendars/links.py)
        "calendar.link.google": "Dodaj do Kalendarza Google",
        "calendar.link.outlook": "Dodaj do Outlook.com",
        "calendar.link.outlook365": "Dodaj do Outlooka (Microsoft 365)",
        "calendar.link.ics": "Pobierz plik .ics (Apple, Thunderbird i inne)",
        # the .ics feeds' own names and descriptions (generator/calendars/feeds.py)
        "calendar.feed.all.title": "{site}: dyżury, spotkania i terminy",
        "calendar.feed.all.description": "Dyżury ekspertów, spotkania konsultacyjne i terminy zgłaszania uwag we "
        "wszystkich konsultacjach; ostatnie {days} dni i wszystko, co przed nami.",
        "calendar.feed.duty.title": "{site}: dyżury ekspertów",
        "calendar.feed.duty.description": "Dyżury ekspertów, telefoniczne i na miejscu, we wszystkich konsultacjach; "
        "ostatnie {days} dni i wszystko, co przed nami.",
        "calendar.feed.campaign.title": "Konsultacje: {title}",
        "calendar.feed.campaign.description": "Dyżury ekspertów, spotkania i termin zgłaszania uwag w konsultacjach „{title}”.",
        "calendar.feed.category.title": "{site}: {name}",
        "calendar.feed.category.description": "Dyżury, spotkania i terminy konsultacji z kategorii „{name}”.",
        # the accessibility statement (generator/pages/statement_page.py), worded as the v2.0 template
        "statement.title": "Deklaracja dostępności",
        "statement.intro": (
            "{entity} zobowiązuje się zapewnić dostępność swojej strony internetowej zgodnie z "
            "ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i "
            "aplikacji mobilnych podmiotów publicznych. Deklaracja dostępności dotyczy {scope} "
            "{link}."
        ),
        "statement.scope": "strony internetowej",
        "statement.published": "Data publikacji strony internetowej",
        "statement.updated": "Data ostatniej istotnej aktualizacji",
        "statement.status.heading": "Stan dostępności cyfrowej",
        "statement.status.full": (
            "Strona internetowa jest zgodna z ustawą o dostępności cyfrowej stron internetowych i "
            "aplikacji mobilnych podmiotów publicznych."
        ),
        "statement.status.partial": (
            "Strona internetowa jest częściowo zgodna z ustawą o dostępności cyfrowej stron "
            "internetowych i aplikacji mobilnych podmiotów publicznych z powodu niezgodności lub "
            "wyłączeń wymienionych poniżej."
        ),
        "statement.status.none": (
            "Strona internetowa jest niezgodna z ustawą o dostępności cyfrowej stron "
            "internetowych i aplikacji mobilnych podmiotów publicznych z powodu niezgodności lub "
            "wyłączeń wymienionych poniżej."
        ),
        "statement.standard": (
            "Wymagania ustawy to wymagania normy EN 301 549 V2.1.2, czyli wytycznych WCAG 2.1 na "
            "poziomie AA."
        ),
        "statement.inaccessible.heading": "Niedostępne treści",
        "statement.exemptions.heading": "Wyłączenia",
        "statement.prepared.heading": "Przygotowanie deklaracji dostępności",
        "statement.prepared": "Data sporządzenia deklaracji",
        "statement.reviewed": "Data ostatniego przeglądu deklaracji",
        "statement.assessment.self": (
            "Deklarację sporządziliśmy na podstawie samooceny przeprowadzonej przez podmiot "
            "publiczny."
        ),
        "statement.assessment.audit": (
            "Deklarację sporządziliśmy na podstawie badania przeprowadzonego przez podmiot "
            "zewnętrzny: {auditor}."
        ),
        "statement.facilities.heading": "Udogodnienia, ograniczenia i inne informacje",
        "statement.shortcuts.heading": "Skróty klawiszowe",
        "statement.contact.heading": "Informacje zwrotne i dane kontaktowe",
        "statement.contact": (
            "Problemy z dostępnością cyfrową tej strony internetowej możesz zgłosić{person}: "
            "e-mailem na adres {email} lub telefonicznie pod numerem {phone}. Tą samą drogą "
            "możesz poprosić o informacje niedostępne w inny sposób, na przykład o dostępną "
            "wersję dokumentu, i złożyć żądanie zapewnienia dostępności cyfrowej."
        ),
        "statement.contact.person": " osobie kontaktowej, którą jest {name}",
        "statement.procedure.heading": "Obsługa wniosków i skarg związanych z dostępnością",
        "statement.procedure": (
            "Każdy ma prawo zażądać zapewnienia dostępności cyfrowej tej strony internetowej, jej "
            "elementu lub treści. W żądaniu podaj:\n\n- swoje imię i nazwisko,\n- dane do kontaktu "
            "(na przykład numer telefonu lub adres e-mail),\n- dokładny adres strony albo nazwę "
            "dokumentu, którego dotyczy żądanie,\n- na czym polega problem i jaki sposób jego "
            "rozwiązania będzie dla Ciebie najwygodniejszy.\n\nOdpowiemy niezwłocznie, nie później "
            "niż w ciągu 7 dni od otrzymania żądania. Jeśli w tym terminie nie damy rady zapewnić "
            "dostępności, poinformujemy Cię o tym i podamy nowy termin, nie dłuższy niż 2 "
            "miesiące od dnia złożenia żądania. Jeśli zapewnienie dostępności nie będzie możliwe, "
            "zaproponujemy alternatywny sposób dostępu do informacji.\n\nJeśli odmówimy zapewnienia "
            "dostępności albo alternatywnego dostępu, możesz złożyć skargę: {complaints}. Po "
            "wyczerpaniu tej drogi możesz złożyć wniosek do [Rzecznika Praw "
            "Obywatelskich](https://bip.brpo.gov.pl/)."
        ),
        "statement.complaints": "pisemnie na adres {address} albo e-mailem na adres {email}",
        "statement.other.heading": "Pozostałe informacje",
        "statement.apps.heading": "Aplikacje mobilne",
        "statement.architecture.heading": "Dostępność architektoniczna",
        "statement.architecture.link": "Szczegółowy opis dostępności architektonicznej",
        "statement.communication.heading": "Dostępność komunikacyjno-informacyjna",
    },
    "en": {
        "status.upcoming": "upcoming",
        "status.open": "open",
        "status.closed": "closed",
        "status.concluded": "concluded",
        "status.label": "Status",
        "status.sentence.upcoming": "This consultation has not started yet. Responses will be accepted from {date}.",
        "status.sentence.open": "We are collecting responses.",
        "status.sentence.closed": "Responses closed {date}. We will publish the consultation report on this page.",
        "status.sentence.concluded": "This consultation has concluded. The report was published {date}.",
        "status.see_report": "Go to the consultation report",
        "days_left": {"one": "{n} day left", "other": "{n} days left"},
        "last_day": "today is the last day to respond",
        "deadline_passed": "the deadline has passed",
        "count.consultations": {"one": "{n} consultation", "other": "{n} consultations"},
        "date": "{date}",
        "date.time": "{date}, {time}",
        "date.weekday": "{weekday}, {date}",
        "date.on_weekday": "{on_weekday}, {date}",
        "on_weekday": [
            "on Monday",
            "on Tuesday",
            "on Wednesday",
            "on Thursday",
            "on Friday",
            "on Saturday",
            "on Sunday",
        ],
        "deadline": "by {date} ({weekday}), end of day",
        "period": "from {start} to {end}",
        "period.months": "{start} – {end}",
        "period.single": "{start}",
        "time_range": "{start}–{end}",
        "quote": "“{text}”",
        "facts.label": "Key facts",
        "facts.period": "Responses accepted",
        "facts.deadline": "Deadline",
        "facts.respond": "How to take part",
        "facts.respond.more": "All ways to respond, in detail",
        "facts.documents": "Documents",
        "facts.documents.all": "All documents to download ({n})",
        "facts.organizer": "Organiser",
        "facts.legal_basis": "Legal basis",
        "facts.categories": "Categories",
        "facts.updated": "Last changed",
        "section.audience": "Who may respond",
        "section.easy_read": "In brief: easy read",
        "section.announcement": "Announcement",
        "section.respond": "How to respond",
        "section.respond.past": "How responses could be sent",
        "section.duty": "Expert duty hours",
        "section.meetings": "Consultation meetings",
        "section.materials": "Documents to download",
        "section.timeline": "Timeline",
        "section.subscribe": "Calendar of this consultation",
        "section.announcements": "Announcements",
        "section.report": "Consultation report",
        "section.accessibility": "Venue accessibility",
        "section.contact": "Contact",
        "section.record": "Publication record",
        "respond.intro.open": "Responses are accepted {deadline}. Choose one way:",
        "respond.intro.upcoming": "Responses will be accepted from {date}, {deadline}. Ways to respond:",
        "respond.intro.closed": "Responses are no longer accepted. They could be sent:",
        "respond.privacy": "How we process the personal data of people who respond (data-protection notice)",
        "channel.email": "By e-mail",
        "channel.post": "By post",
        "channel.in_person": "In person",
        "channel.fax": "By fax",
        "channel.phone": "By phone",
        "channel.online_form": "Online form",
        "channel.other": "Other",
        "channel.online_form.link": "Open the online form",
        "annotation.email": "Subject line:",
        "annotation.post": "Write on the envelope:",
        "annotation.in_person": "Write on the envelope:",
        "annotation.fax": "Write on the first page:",
        "annotation.other": "Annotation:",
        "duty.caption": "Expert duty hours: days, hours, format and contact",
        "duty.col.date": "Day",
        "duty.col.time": "Hours",
        "duty.col.and_time": "and hours",
        "duty.col.how": "Format and contact",
        "duty.phone": "Phone:",
        "duty.place": "Place:",
        "duty.phone.inline": "phone",
        "duty.online": "Join online",
        "event.link_later": "Link to join online: after registration",
        "event.current": "in progress",
        "event.next": "next",
        "event.cancelled": "cancelled",
        "news.moved.meeting": "Meeting moved to {when}",
        "news.moved.duty": "Duty hour moved to {when}",
        "news.cancelled.meeting": "Meeting cancelled: {when}",
        "news.cancelled.duty": "Duty hour cancelled: {when}",
        "news.extended": "Deadline extended to {when}",
        "news.deadline": "Deadline for comments changed to {when}",
        "news.text.deadline": "Comments can be sent until {when}.",
        "news.text.new": "Comments can be sent from {opens} to {closes}.",
        "news.announcement": "Announcement: {title} – {campaign}",
        "news.report": "Consultation report: {title}",
        "news.text.report": "We have published the report on the results of the consultation.",
        "news.change": "Change: {title}",
        "event.all_day": "until end of day",
        "event.past": "past",
        "mode.phone": "by phone",
        "mode.in_person": "in person",
        "mode.online": "online",
        "attendance.in_person": "in-person meeting",
        "attendance.online": "online meeting",
        "attendance.hybrid": "hybrid meeting (in person and online)",
        "meeting.join": "Join the meeting online",
        "meeting.materials": "Documents of the meeting",
        "meeting.place": "Place:",
        "kind.duty": "Expert duty hour",
        "kind.meeting": "Meeting",
        "kind.deadline": "Last day to respond",
        "addcal.summary": "Add to calendar",
        "material.external": "external website",
        "material.not_accessible": "This file may not be accessible to screen reader users.",
        "material.ask_accessible": "Ask for an accessible version of “{title}”",
        "material.ask_subject": "Request for an accessible version: {title}",
        "material.none": "Documents will be published on this page.",
        "size.bytes": "{n} B",
        "size.kb": "{n} kB",
        "size.mb": "{n} MB",
        "phase.current": "in progress",
        "phase.past": "finished",
        "phase.future": "planned",
        "announcement.published": "Published",
        "report.published": "The report was published {date}.",
        "report.download": "Consultation report",
        "comments.figures": "Comments in figures",
        "comments.figure.comments": "Comments received",
        "comments.figure.submitters": "Submitted by",
        "comments.figure.accepted": "Accepted",
        "comments.figure.partly": "Partly accepted",
        "comments.figure.rejected": "Not accepted",
        "comments.figure.out_of_scope": "Outside the consultation's scope",
        "comments.heading": "Comments and our response",
        "comments.caption": "Comments received, decisions and reasons",
        "comments.col.number": "No.",
        "comments.col.submitter": "Submitted by",
        "comments.col.part": "Part of the document",
        "comments.col.text": "Comment",
        "comments.col.decision": "Decision",
        "comments.col.reason": "Reason",
        "comments.private": "private person",
        "comments.no_reason": "—",
        "comments.decision.accepted": "accepted",
        "comments.decision.partly": "partly accepted",
        "comments.decision.rejected": "not accepted",
        "comments.decision.out_of_scope": "out of scope",
        "comments.download": "Table of comments to download",
        "contact.name": "Who answers questions",
        "contact.email": "E-mail",
        "contact.phone": "Phone",
        "record.label": "Publication record",
        "record.prepared_by": "Prepared by",
        "record.published_by": "Published by",
        "record.published": "Published",
        "record.updated": "Updated",
        "record.changes": "Change register",
        "record.source": "Source files of this consultation in the repository",
        "print.note": "As of {date}; current version of this page: {url}",
        "print.qr": "QR code with the address of this page",
        "list.title": "Consultations",
        "list.open": "Open consultations",
        "list.upcoming": "Upcoming consultations",
        "list.recent": "Latest closed",
        "list.open.none": "No consultation is open at the moment.",
        "list.upcoming.none": "No new consultations have been announced.",
        "list.recent.none": "No consultation has closed yet.",
        "list.more": "See all consultations",
        "list.older": "Older consultations are in the archive",
        "list.categories": "Categories",
        "list.archive": "Archive by year",
        "card.open": "Responses by {date}",
        "card.upcoming": "Responses from {date} to {end}",
        "card.closed": "Responses closed {date}",
        "card.concluded": "Report published {date}",
        "home.events": "Next duty hours and meetings",
        "home.events.none": "No duty hours or meetings are planned.",
        "home.events.more": "Full calendar of duty hours and meetings",
        "search.title": "Search consultations",
        "search.description": "Search of the public consultations",
        "search.site": "Search the site",
        "search.button": "Search",
        "search.label": "What are you looking for?",
        "search.hint": "Type a word in any form, with or without Polish letters: the consultations are written "
                       "in Polish, and every form of a Polish word finds the others.",
        "search.nojs": "The search runs in the browser with JavaScript turned on. "
                       "Without it, find consultations in the list and the categories below.",
        "search.browse": "Browse the consultations",
        "search.browse.list": "All consultations: open, upcoming and finished",
        "search.browse.archive": "Consultation archive by year",
        "search.browse.categories": "Categories",
        "feed.new.title": "{site} – new consultations",
        "feed.new.description": "New public consultations announced by: {org}.",
        "feed.updates.title": "{site} – news",
        "feed.updates.description": "New consultations, announcements, changed dates and meetings, and reports: {org}.",
        "feed.category.title": "{site} – category: {name}",
        "feed.category.description": "Consultations in the category “{name}”: new ones, announcements, changes and reports.",
        "feed.campaign.title": "{site} – {title}",
        "feed.campaign.description": "The announcement, later announcements, changed dates and meetings, and the report of the consultation “{title}”.",
        "footer.made_with": "Built with",
        "footer.material": "MkDocs and the Material theme",
        "footer.source": "Source files of this site in the repository (for editors)",
        "head.feed.rss": "{site} – new consultations (RSS)",
        "head.feed.atom": "{site} – new consultations (Atom)",
        "head.feed.ics": "{site} – calendar of duty hours, meetings and deadlines",
        "follow.title": "Stay informed",
        "follow.rss": "New consultations: RSS feed",
        "follow.atom": "New consultations: Atom feed",
        "follow.calendar": "Calendar of duty hours, meetings and deadlines",
        "follow.category.rss": "RSS feed of the category “{name}”",
        "follow.category.atom": "Atom feed of the category “{name}”",
        "follow.intro": "RSS and Atom feeds tell your feed reader about new consultations.",
        "follow.updates.rss": "News (announcements, changes, reports): RSS feed",
        "follow.updates.atom": "News (announcements, changes, reports): Atom feed",
        "follow.campaign.intro": "This consultation's announcements, changes and report are in its news feed; "
        "its duty hours, meetings and deadline are in its calendar.",
        "follow.campaign.rss": "News of this consultation: RSS feed",
        "follow.campaign.atom": "News of this consultation: Atom feed",
        "follow.campaign.calendar": "Calendar of this consultation (iCalendar file)",
        "follow.category.calendar": "Duty hours, meetings and deadlines of the category “{name}”",
        "footer.export": "Open data: all consultations (JSON)",
        "footer.export_schema": "Format of the open data (JSON Schema)",
        "access.label": "Accessible information",
        "access.easy_read.short": "Easy read",
        "access.easy_read.title": "Easy read",
        "access.sign_language.short": "PJM",
        "access.sign_language.title": "Information in Polish Sign Language (PJM)",
        "access.video.label": "Recording in Polish Sign Language",
        "access.video.captions": "Polish captions",
        "access.video.caption": "Recording in Polish Sign Language with captions. Turn the captions on or off with the player's button.",
        "access.video.fallback": "Your browser cannot play this recording. Download the file below.",
        "access.video.download": "Download the recording in Polish Sign Language",
        "access.text_file.heading": "Information in a text file",
        "access.text_file.intro": "The same information about our work is in a plain text file. Any program can open it, screen readers too.",
        "access.text_file.link": "Download the information about our work as a text file",
        "archive.title": "Consultation archive",
        "archive.intro": "Every published consultation by the year it opened.",
        "archive.year": "Consultations opened in {year}",
        "archive.none": "The archive is empty.",
        "pages.label": "More pages of this list",
        "pages.page": "Page {n}",
        "pages.current": "Page {n} of {total}",
        "pages.previous": "Previous page",
        "pages.next": "Next page",
        "category.title": "Category: {name}",
        "category.index": "Consultation categories",
        "category.current": "Open and upcoming",
        "category.past": "Closed",
        "category.none": "No consultations in this category.",
        "category.current.none": "No consultation in this category is open or announced.",
        "category.past.none": "No consultation in this category has closed yet.",
        "calendar.title": "Calendar of duty hours and meetings",
        "calendar.intro": "Coming expert duty hours, consultation meetings and response deadlines across all consultations.",
        "calendar.upcoming": "Coming events",
        "calendar.none": "No events are planned.",
        "calendar.more": "This calendar shows events until {date}. Later ones are in the calendar subscription and on the consultation pages.",
        "calendar.subscribe": "Subscribe to the calendar",
        "calendar.feed.all": "All duty hours, meetings and deadlines",
        "calendar.feed.duty": "Expert duty hours only",
        "calendar.feed.campaign": "Duty hours, meetings and deadline: {title}",
        "calendar.of": "Consultation:",
        "subscribe.subscribe": "Subscribe to the calendar: {title}",
        "subscribe.address": "Calendar address to paste into Google Calendar or Outlook.com",
        "subscribe.copy": "Copy address",
        "subscribe.help": "How to add a calendar to Google, Outlook, iPhone or Mac, and Thunderbird",
        "subscribe.steps": [
            "<strong>Google Calendar</strong> (on a computer, in a browser): next to “Other calendars” choose "
            "“+”, then “From URL”; paste the address and click “Add calendar”. It also appears on your phone.",
            "<strong>Outlook.com and Outlook for Microsoft 365</strong> (in a browser): “Add calendar” → "
            "“Subscribe from web”; paste the address, give it a name and click “Import”. In desktop Outlook, "
            "clicking the “Subscribe” button is enough.",
            "<strong>Apple (iPhone, iPad, Mac)</strong>: click the “Subscribe” button and confirm. On a Mac you "
            "can also choose “File” → “New Calendar Subscription…” in Calendar and paste the address.",
            "<strong>Thunderbird</strong>: click the “Subscribe” button, or choose “New Calendar” → "
            "“On the Network” and paste the address.",
        ],
        "subscribe.note": "A subscribed calendar updates itself when an event moves or is cancelled (cancelled events stay, "
        "marked “CANCELLED”). Google Calendar refreshes subscriptions only once or twice a day, so changes "
        "reach it late. If you subscribe to several calendars holding the same events (say, all events and one "
        "consultation), you will see each of them twice. Do not import a downloaded file: an imported "
        "calendar never updates.",
        "subscribe.event_links": "Add to calendar",
        "calendar.subscribe.intro": "Choose a calendar from the list below. The “Subscribe” button adds it in "
        "desktop Outlook, on an iPhone, iPad or Mac and in Thunderbird; paste the address to copy into Google "
        "Calendar or Outlook.com.",
        "calendar.list.label": "Calendars to subscribe to",
        "calendar.list.site": "All consultations",
        "calendar.list.categories": "Categories",
        "calendar.list.open": "Open consultations",
        "calendar.feed.category": "Category “{name}”: duty hours, meetings and deadlines",
        "calendar.feed.open": "Consultation “{name}”: duty hours, meetings and deadline",
        "subscribe.short": "Subscribe",
        "subscribe.address.short": "Address to copy",
        "calendar.event.title.duty": "Expert duty hour ({modes}): {title}",
        "calendar.event.title.meeting": "{meeting} – {title}",
        "calendar.event.title.deadline": "Last day to send comments: {title}",
        "calendar.event.title.cancelled": "CANCELLED: {title}",
        "calendar.event.cancelled": "This event has been cancelled.",
        "calendar.event.intro.duty": "Expert duty hour in the consultation: {title}",
        "calendar.event.intro.meeting": "Meeting of the consultation: {title}",
        "calendar.event.intro.deadline": "Last day to send comments in the consultation: {title}",
        "calendar.event.when": "When: {day}, {start}–{end} ({zone})",
        "calendar.event.when.deadline": "When: {day}, until 23:59 ({zone})",
        "calendar.event.where": "Where: {place}",
        "calendar.event.phones": "Phone: {phones}",
        "calendar.event.online": "Online: {url}",
        "calendar.event.link_later": "Online: link after registration",
        "calendar.event.by_phone": "By phone: {phones}",
        "calendar.event.closes": "Comments are accepted until {day}.",
        "calendar.event.respond": "How to send comments:",
        "calendar.event.annotation": "marked “{text}”",
        "calendar.event.more": "Details and documents: {url}",
        "calendar.event.either": "{items} or {last}",
        "calendar.event.local_zone": "Polish time",
        "calendar.event.mode.phone": "by phone",
        "calendar.event.mode.in_person": "in person",
        "calendar.event.mode.online": "online",
        "calendar.event.channel.email": "e-mail",
        "calendar.event.channel.post": "post",
        "calendar.event.channel.in_person": "in person",
        "calendar.event.channel.fax": "fax",
        "calendar.event.channel.phone": "phone",
        "calendar.event.channel.online_form": "online form",
        "calendar.event.channel.other": "",
        "calendar.event.kind.duty": "expert duty hour",
        "calendar.event.kind.meeting": "consultation meeting",
        "calendar.event.kind.deadline": "deadline",
        "calendar.link.google": "Add to Google Calendar",
        "calendar.link.outlook": "Add to Outlook.com",
        "calendar.link.outlook365": "Add to Outlook (Microsoft 365)",
        "calendar.link.ics": "Download .ics (Apple, Thunderbird, other)",
        "calendar.feed.all.title": "{site}: duty hours, meetings and deadlines",
        "calendar.feed.all.description": "Expert duty hours, consultation meetings and comment deadlines of every "
        "consultation; the last {days} days and everything ahead.",
        "calendar.feed.duty.title": "{site}: expert duty hours",
        "calendar.feed.duty.description": "Expert duty hours of every consultation, by phone and in person; the last "
        "{days} days and everything ahead.",
        "calendar.feed.campaign.title": "Consultation: {title}",
        "calendar.feed.campaign.description": "Expert duty hours, meetings and the comment deadline of the consultation “{title}”.",
        "calendar.feed.category.title": "{site}: {name}",
        "calendar.feed.category.description": "Duty hours, meetings and deadlines of consultations in the category “{name}”.",
        "statement.title": "Accessibility statement",
        "statement.intro": (
            "{entity} is committed to making its website accessible in accordance with the Act of "
            "4 April 2019 on the digital accessibility of websites and mobile applications of "
            "public bodies. This accessibility statement applies to {scope} {link}."
        ),
        "statement.scope": "the website",
        "statement.published": "Date the website was published",
        "statement.updated": "Date of the last major update",
        "statement.status.heading": "Compliance status",
        "statement.status.full": (
            "This website is fully compliant with the Act on the digital accessibility of "
            "websites and mobile applications of public bodies."
        ),
        "statement.status.partial": (
            "This website is partially compliant with the Act on the digital accessibility of "
            "websites and mobile applications of public bodies due to the non-compliances or "
            "exemptions listed below."
        ),
        "statement.status.none": (
            "This website is not compliant with the Act on the digital accessibility of websites "
            "and mobile applications of public bodies due to the non-compliances or exemptions "
            "listed below."
        ),
        "statement.standard": (
            "The Act requires conformance with EN 301 549 V2.1.2, that is WCAG 2.1 at level AA."
        ),
        "statement.inaccessible.heading": "Non-accessible content",
        "statement.exemptions.heading": "Exemptions",
        "statement.prepared.heading": "Preparation of this accessibility statement",
        "statement.prepared": "Date this statement was prepared",
        "statement.reviewed": "Date this statement was last reviewed",
        "statement.assessment.self": (
            "This statement was prepared on the basis of a self-assessment carried out by the "
            "public body."
        ),
        "statement.assessment.audit": (
            "This statement was prepared on the basis of an evaluation carried out by a third "
            "party: {auditor}."
        ),
        "statement.facilities.heading": "Facilities, limitations and other information",
        "statement.shortcuts.heading": "Keyboard shortcuts",
        "statement.contact.heading": "Feedback and contact information",
        "statement.contact": (
            "You can report accessibility problems with this website{person}: by e-mail to "
            "{email} or by phone on {phone}. The same way you can ask for information in another "
            "format, for example an accessible version of a document, and request that we make "
            "content accessible."
        ),
        "statement.contact.person": " to our contact person, {name}",
        "statement.procedure.heading": "Handling requests and complaints about accessibility",
        "statement.procedure": (
            "Anyone may request that this website, a part of it or its content be made "
            "accessible. In your request, give:\n\n- your name,\n- how to contact you (for example a "
            "phone number or e-mail address),\n- the exact address of the page or the name of the "
            "document concerned,\n- what the problem is and which solution would suit you best.\n\n"
            "We will reply without delay and within 7 days of receiving the request. If we cannot "
            "make the content accessible within that time, we will tell you and give a new date, "
            "no later than 2 months after the request. If making it accessible is not possible, "
            "we will offer another way to access the information.\n\nIf we refuse the request, you "
            "may file a complaint: {complaints}. After that, you may apply to the [Commissioner "
            "for Human Rights](https://bip.brpo.gov.pl/) (Rzecznik Praw Obywatelskich)."
        ),
        "statement.complaints": "in writing to {address} or by e-mail to {email}",
        "statement.other.heading": "Other information",
        "statement.apps.heading": "Mobile applications",
        "statement.architecture.heading": "Architectural accessibility",
        "statement.architecture.link": "Full description of architectural accessibility",
        "statement.communication.heading": "Information and communication accessibility",
    },
}

# Type names shown as <abbr title>, so a screen reader user hears what DOCX means.
FILE_TYPES: dict[str, dict[str, str]] = {
    "pl": {
        "PDF": "dokument PDF",
        "DOC": "dokument Microsoft Word",
        "DOCX": "dokument Microsoft Word",
        "ODT": "dokument tekstowy OpenDocument",
        "RTF": "dokument RTF",
        "TXT": "zwykły tekst",
        "XLS": "arkusz Microsoft Excel",
        "XLSX": "arkusz Microsoft Excel",
        "ODS": "arkusz OpenDocument",
        "CSV": "dane rozdzielone przecinkami",
        "PPT": "prezentacja PowerPoint",
        "PPTX": "prezentacja PowerPoint",
        "ODP": "prezentacja OpenDocument",
        "ZIP": "archiwum ZIP",
        "JPG": "obraz JPEG",
        "JPEG": "obraz JPEG",
        "PNG": "obraz PNG",
        "HTML": "strona internetowa",
        "EPUB": "książka elektroniczna EPUB",
        "WEBM": "nagranie wideo WebM",
        "MP4": "nagranie wideo MP4",
    },
    "en": {
        "PDF": "PDF document",
        "DOC": "Microsoft Word document",
        "DOCX": "Microsoft Word document",
        "ODT": "OpenDocument text",
        "RTF": "Rich Text Format document",
        "TXT": "plain text",
        "XLS": "Microsoft Excel spreadsheet",
        "XLSX": "Microsoft Excel spreadsheet",
        "ODS": "OpenDocument spreadsheet",
        "CSV": "comma-separated values",
        "PPT": "PowerPoint presentation",
        "PPTX": "PowerPoint presentation",
        "ODP": "OpenDocument presentation",
        "ZIP": "ZIP archive",
        "JPG": "JPEG image",
        "JPEG": "JPEG image",
        "PNG": "PNG image",
        "HTML": "web page",
        "EPUB": "EPUB e-book",
        "WEBM": "WebM video",
        "MP4": "MP4 video",
    },
}


# The search script's sentences (szukaj/search-pl.js reads them from its form): plural forms are
# CLDR categories, chosen in the browser by Intl.PluralRules for the page's language.
SEARCH_SCRIPT_WORDS: dict[str, dict[str, object]] = {
    "pl": {
        "found": {
            "one": "Znaleziono {n} konsultację dla „{query}”.",
            "few": "Znaleziono {n} konsultacje dla „{query}”.",
            "many": "Znaleziono {n} konsultacji dla „{query}”.",
            "other": "Znaleziono {n} konsultacji dla „{query}”.",
        },
        "none": "Nie znaleziono konsultacji dla „{query}”. Spróbuj innego słowa albo przejrzyj listę poniżej.",
        "empty": "Wpisz co najmniej jedno słowo, np. rodzina, przemoc albo piecza.",
        "loading": "Wczytuję wyszukiwarkę…",
        "failed": "Nie udało się wczytać wyszukiwarki. Przejrzyj listę konsultacji poniżej.",
        "period": "zgłaszanie uwag:",
        "categories": "Kategorie:",
        "more": "Pokaż kolejne wyniki",
        "status": {"upcoming": "zapowiedziane", "open": "otwarte", "closed": "zamknięte", "concluded": "zakończone"},
    },
    "en": {
        "found": {"one": "Found {n} consultation for “{query}”.", "other": "Found {n} consultations for “{query}”."},
        "none": "No consultation found for “{query}”. Try another word or browse the list below.",
        "empty": "Type at least one word, e.g. rodzina, przemoc or piecza.",
        "loading": "Loading the search…",
        "failed": "The search could not be loaded. Browse the list of consultations below.",
        "period": "responses:",
        "categories": "Categories:",
        "more": "Show more results",
        "status": {"upcoming": "upcoming", "open": "open", "closed": "closed", "concluded": "concluded"},
    },
}


class Translator:
    """Interface words and formatting for one language."""

    def __init__(self, language: str) -> None:
        self.language = site_language(language)
        self.word_language = words_language(self.language)
        self.words = WORDS[self.word_language]
        self.locale = _locale(self.language)
        # Babel's format_date takes tens of microseconds; the patterns used here ("d MMMM y",
        # "d MMMM", "EEEE") need only the locale's month and weekday names (tests compare
        # every day of many years with Babel).
        self._months = self.locale.months["format"]["wide"]
        self._month_names = self.locale.months["stand-alone"]["wide"]  # nominative: „maj”, not „maja”
        self._weekdays = self.locale.days["format"]["wide"]
        self._times: dict[dt.time, str] = {}

    def __call__(self, key: str, **params: Any) -> str:
        """The word or sentence for `key`, with `{placeholders}` filled in."""
        template = self.words.get(key, WORDS[FALLBACK].get(key, key))
        return str(template).format(**params) if params else str(template)

    def plural(self, key: str, n: int) -> str:
        """The plural form of `key` that fits the number n: „zostały 3 dni”, „zostało 5 dni”."""
        forms = self.words[key]
        category = self.locale.plural_form(n)
        template = forms.get(category) or forms.get("other") or forms["many"]
        return str(template).format(n=n)

    def plural_forms(self, key: str) -> dict[str, str]:
        """All plural templates of `key` (for the status script, which picks one with Intl.PluralRules)."""
        return dict(self.words[key])

    def days_left(self, n: int) -> str:
        """How long responses can still be sent: „zostały 3 dni”, on the last day „dziś ostatni dzień…”."""
        if n <= 0:
            return self("deadline_passed")
        if n == 1:
            return self("last_day")
        return self.plural("days_left", n)

    def date(self, day: dt.date) -> str:
        """A long date: „29 sierpnia 2025 r.”."""
        return self("date", date=self.day_month_year(day))

    def date_short(self, day: dt.date) -> str:
        """A date without the year, for the start of a period within one year: „29 sierpnia”."""
        return f"{day.day} {self._months[day.month]}"

    def month(self, day: dt.date) -> str:
        """A month on its own, for milestones known only to the month: „maj 2024”."""
        return f"{self._month_names[day.month]} {day.year}"

    def day_month_year(self, day: dt.date) -> str:
        """A date as Babel's pattern "d MMMM y" gives it, without the words around: „29 sierpnia 2025”."""
        return f"{day.day} {self._months[day.month]} {day.year}"

    def date_weekday(self, day: dt.date) -> str:
        """A date with its weekday: „piątek, 29 sierpnia 2025 r.”."""
        return self(
            "date.weekday", weekday=self.weekday(day), date=self.day_month_year(day)
        )

    def date_on_weekday(self, day: dt.date) -> str:
        """A date as an adverbial: „w piątek, 29 sierpnia 2025 r.”."""
        return self(
            "date.on_weekday",
            on_weekday=self.words["on_weekday"][day.weekday()],
            date=self.day_month_year(day),
        )

    def weekday(self, day: dt.date) -> str:
        """The weekday's name: „piątek”."""
        return str(self._weekdays[day.weekday()])

    def deadline(self, day: dt.date) -> str:
        """The deadline without ambiguity: „do 26 września 2025 r. (piątek), do końca dnia”."""
        return self(
            "deadline", date=self.day_month_year(day), weekday=self.weekday(day)
        )

    def time(self, moment: dt.time) -> str:
        """A time of day on the 24-hour clock in every language: „16:00”, "16:00" (not "4:00 PM").

        Public bodies in Poland and in Britain write 24-hour times; CLDR's short English form
        is the American 12-hour one, so the pattern is fixed rather than the locale's.
        """
        text = self._times.get(moment)
        if text is None:  # a site has few distinct times of day
            text = self._times[moment] = format_time(moment, "HH:mm", locale=self.locale)
        return text

    def time_range(self, start: dt.time, end: dt.time) -> str:
        """A time range: „16:00–18:00”."""
        return self("time_range", start=self.time(start), end=self.time(end))

    def join(self, items: list[str]) -> str:
        """A list in words: „stacjonarnie i telefonicznie”."""
        return format_list(items, locale=self.locale) if items else ""

    def size(self, size: int) -> str:
        """A file size for people: „839 B”, „1,1 kB”, „45 kB”, „2,4 MB”."""
        if size < 1000:
            return self("size.bytes", n=size)
        if size < 1_000_000:
            kb = size / 1000
            pattern = "#,##0.0" if kb < 10 else "#,##0"
            return self("size.kb", n=format_decimal(kb, format=pattern, locale=self.locale))
        return self("size.mb", n=format_decimal(size / 1_000_000, format="#,##0.0", locale=self.locale))

    def file_type(self, extension: str) -> str:
        """The spelled-out name of a file type, or "" when unknown."""
        table = FILE_TYPES.get(self.word_language, FILE_TYPES[FALLBACK])
        return table.get(extension.upper(), "")


@lru_cache(maxsize=8)
def translator(language: str) -> Translator:
    """The translator for a language (one per language and process)."""
    return Translator(language)


def _locale(language: str) -> Locale:
    try:
        return Locale.parse(language.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return Locale.parse(FALLBACK)
