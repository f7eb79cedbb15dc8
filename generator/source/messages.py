"""Every message an editor can see from `consult check`, in Polish and English.

A message is a pair of templates: what is wrong, and how to fix it. Templates are filled
with `str.format` from the problem's parameters, plus `example`, a corrected line for the
field concerned (taken from `EXAMPLES`).
"""

from __future__ import annotations

from typing import Any

from generator.language import words_language

EXAMPLES: dict[str, str] = {
    "title": "title: Program Wspierania Rodziny na lata 2025–2027",
    "summary": "summary: Zbieramy uwagi organizacji do projektu programu.",
    "organizer": "organizer: Miejski Ośrodek Pomocy Społecznej w Krakowie",
    "published": "published: 2025-08-28",
    "updated": "updated: 2025-09-05",
    "opens": "opens: 2025-08-28",
    "closes": "closes: 2025-09-26",
    "categories": "categories: [rodzina, pomoc społeczna]",
    "audience": "audience: Organizacje pozarządowe działające na rzecz rodzin",
    "respond": "respond:\n    - channel: email\n      value: dm@mops.krakow.pl",
    "channel": "channel: email   (email, post, in_person, fax, phone, online_form, other)",
    "value": "value: dm@mops.krakow.pl",
    "annotation": "annotation: KONSULTACJE PWR 2025-2027",
    "duty_hours": "duty_hours:\n    - date: 2025-08-29\n      time: 08:00-11:00\n      mode: phone\n      phone: 12 616 53 21",
    "date": "date: 2025-08-29",
    "time": "time: 08:00-11:00",
    "mode": "mode: [phone, in_person]   (phone, in_person, online)",
    "place": "place: ul. Józefińska 14, pok. 210",
    "phone": "phone: [12 616 54 50, 887 202 896]",
    "online": "online: https://spotkania.example.pl/konsultacje",
    "status": "status: cancelled   (scheduled, cancelled)",
    "note": "note: Prosimy o wcześniejsze zgłoszenie.",
    "id": "id: spotkanie-otwarte",
    "meetings": "meetings:\n    - title: Otwarte spotkanie konsultacyjne\n      date: 2025-09-04\n      time: 16:00-18:00\n      place: ul. Józefińska 14, III piętro",
    "materials": "materials:\n    - title: Formularz uwag\n      file: files/formularz.docx",
    "file": "file: files/formularz-uwag.docx",
    "url": "url: https://www.example.pl/dokument.pdf",
    "accessible": "accessible: false",
    "phases": "phases:\n    - title: Zbieranie uwag\n      start: 2025-08-28\n      end: 2025-09-26",
    "start": "start: 2025-08-28   | start: 2024-05",
    "end": "end: 2025-09-26   | end: 2024-05",
    "report": "report:\n    published: 2025-10-30\n    file: files/raport.pdf",
    "comments": "comments: files/uwagi.csv",
    "accessibility": "accessibility: Budynek jest dostosowany do potrzeb osób z niepełnosprawnością ruchową.",
    "contact": "contact:\n    name: Dział Strategii\n    email: sr@mops.krakow.pl",
    "email": "email: sr@mops.krakow.pl",
    "name": "name: Dział Strategii",
    "publisher": "publisher:\n    prepared_by: Dział Strategii\n    published_by: Jan Kowalski",
    "prepared_by": "prepared_by: Dział Strategii",
    "published_by": "published_by: Jan Kowalski",
    "accept_warnings": "accept_warnings: [short_consultation]",
    "changes": "changes:\n    - date: 2025-09-10\n      summary: Przedłużono termin zgłaszania uwag do 3 października.",
}

_M: dict[str, dict[str, tuple[str, str]]] = {
    # -- files and YAML syntax
    "not_utf8": {
        "pl": ("plik nie jest zapisany w kodowaniu UTF-8", "zapisz plik w edytorze jako UTF-8 (np. w VS Code: „Save with Encoding” → UTF-8)"),
        "en": ("the file is not UTF-8 text", "save the file as UTF-8 (in VS Code: 'Save with Encoding' → UTF-8)"),
    },
    "file_too_big": {
        "pl": ("plik ma {size} bajtów, a dopuszczalne jest {limit}", "skróć plik; duże dokumenty dodaj jako materiały w folderze files/"),
        "en": ("the file has {size} bytes, more than the limit of {limit}", "shorten the file; put large documents under files/ as materials"),
    },
    "yaml_syntax": {
        "pl": ("błąd składni YAML ({detail})", "sprawdź wcięcia (po 2 spacje), dwukropek po nazwie pola i zamknięte cudzysłowy w tej linii lub linii wyżej"),
        "en": ("YAML syntax error ({detail})", "check indentation (2 spaces), the colon after the field name and closing quotes on this line or the one above"),
    },
    "yaml_unclosed_quote": {
        "pl": ("cudzysłów otwarty w tej linii nie jest zamknięty", "dodaj na końcu wartości cudzysłów zamykający (ten sam znak: \" albo ')"),
        "en": ("the quote opened on this line is not closed", "add the closing quote (the same character, \" or ') at the end of the value"),
    },
    "yaml_unclosed_bracket": {
        "pl": ("nawias „{bracket}” otwarty w tej linii nie jest zamknięty", "zamknij go znakiem „{closing}”, np. categories: [rodzina, seniorzy]"),
        "en": ("the bracket '{bracket}' opened on this line is not closed", "close it with '{closing}', e.g. categories: [family, seniors]"),
    },
    "yaml_colon": {
        "pl": ("w tej linii jest dwukropek, którego nie da się odczytać: tekst z „: ” w środku wartości albo złe wcięcie", "ujmij wartość w cudzysłów, np. summary: \"Uwaga: zbieramy opinie\", albo wyrównaj wcięcie z linią powyżej"),
        "en": ("this line has a colon that cannot be read: text with ': ' inside a value, or wrong indentation", "put the value in quotes, e.g. summary: \"Note: we collect opinions\", or align the indentation with the line above"),
    },
    "yaml_tab": {
        "pl": ("w wcięciu jest znak tabulacji", "zastąp tabulatory spacjami (po 2 spacje na poziom wcięcia)"),
        "en": ("a tab character is used for indentation", "replace tabs with spaces (2 spaces per level)"),
    },
    "yaml_many_documents": {
        "pl": ("plik zawiera więcej niż jeden dokument YAML (linia „---”)", "usuń linię „---” i wszystko, co jest drugą kopią danych"),
        "en": ("the file holds more than one YAML document (a '---' line)", "remove the '---' line and any second copy of the data"),
    },
    "yaml_too_complex": {
        "pl": ("plik jest zbyt złożony (ponad {limit} elementów)", "usuń odwołania YAML (&, *) i powtórzenia"),
        "en": ("the file is too complex (over {limit} items)", "remove YAML anchors and aliases (&, *) and repetitions"),
    },
    "yaml_too_many_items": {
        "pl": ("plik ma ponad {limit} elementów", "skróć długie listy; długą tabelę uwag opublikuj jako plik do pobrania (materials)"),
        "en": ("the file has over {limit} items", "shorten the long lists; publish a long table of comments as a file to download (materials)"),
    },
    "yaml_too_deep": {
        "pl": ("listy lub pola są zagnieżdżone ponad {limit} poziomów", "zapisz dane prościej: jedno pole w linii, listy wierszami zaczynającymi się od „- ”"),
        "en": ("lists or fields are nested more than {limit} levels deep", "write the data plainly: one field per line, lists as lines starting with '- '"),
    },
    "yaml_duplicate_key": {
        "pl": ("pole „{key}” występuje drugi raz (pierwszy raz w linii {first})", "zostaw jedno pole „{key}” i usuń drugie"),
        "en": ("the field '{key}' appears a second time (first on line {first})", "keep one '{key}' and delete the other"),
    },
    "yaml_merge": {
        "pl": ("scalanie „<<” nie jest obsługiwane", "wpisz pola wprost zamiast „<<: *odwołanie”"),
        "en": ("YAML merge keys '<<' are not supported", "write the fields out instead of '<<: *alias'"),
    },
    "yaml_complex_key": {
        "pl": ("nazwa pola musi być zwykłym tekstem", "zapisz pole jako „nazwa: wartość”"),
        "en": ("a field name must be plain text", "write the field as 'name: value'"),
    },
    "not_mapping": {
        "pl": ("plik powinien zawierać pola w postaci „nazwa: wartość”, a zawiera {found}", "zacznij plik od pól, np. {example}"),
        "en": ("the file should hold fields as 'name: value' but holds {found}", "start the file with fields, e.g. {example}"),
    },
    "empty_file": {
        "pl": ("plik jest pusty", "uzupełnij go; wzór utworzy polecenie: consult new \"Tytuł konsultacji\""),
        "en": ("the file is empty", "fill it in; `consult new \"Title\"` creates a template"),
    },
    "campaign_yml_wrong_name": {
        "pl": ("plik nazywa się „{name}”, a musi nazywać się campaign.yml", "zmień nazwę pliku na campaign.yml"),
        "en": ("the file is called '{name}' but must be called campaign.yml", "rename the file to campaign.yml"),
    },
    "campaign_yml_missing": {
        "pl": ("w folderze konsultacji brak pliku campaign.yml", "dodaj campaign.yml (wzór: consult new \"Tytuł\") albo usuń folder"),
        "en": ("the consultation folder has no campaign.yml", "add campaign.yml (template: consult new \"Title\") or remove the folder"),
    },
    "campaigns_dir_missing": {
        "pl": ("brak folderu z konsultacjami", "utwórz folder campaigns/ albo popraw opcję campaigns_dir w mkdocs.yml"),
        "en": ("the campaigns folder does not exist", "create campaigns/ or fix the campaigns_dir option in mkdocs.yml"),
    },
    "stray_file": {
        "pl": ("plik „{name}” leży bezpośrednio w folderze campaigns/ i nie zostanie opublikowany", "przenieś go do folderu konsultacji, np. campaigns/<nazwa>/files/"),
        "en": ("the file '{name}' sits directly in campaigns/ and will not be published", "move it into a consultation folder, e.g. campaigns/<name>/files/"),
    },
    "path_outside": {
        "pl": ("„{file}” jest dowiązaniem (symlinkiem) prowadzącym poza folder {folder}", "zastąp dowiązanie zwykłym plikiem lub folderem leżącym w {folder}"),
        "en": ("'{file}' is a symbolic link leading out of the folder {folder}", "replace the link with a plain file or folder inside {folder}"),
    },
    "file_unreadable": {
        "pl": ("nie można odczytać pliku ({detail})", "sprawdź, czy plik istnieje i czy masz prawo go czytać; zapisz go ponownie w repozytorium"),
        "en": ("the file cannot be read ({detail})", "check that the file exists and can be read; commit it again"),
    },
    # -- slugs
    "slug_invalid": {
        "pl": ("nazwa folderu „{slug}” nie nadaje się na adres strony (dozwolone: małe litery bez polskich znaków, cyfry, łączniki)", "zmień nazwę folderu na „{suggestion}”"),
        "en": ("the folder name '{slug}' cannot be a page address (allowed: lowercase a–z, digits, hyphens)", "rename the folder to '{suggestion}'"),
    },
    "slug_duplicate": {
        "pl": ("adres „{slug}” jest już używany przez folder {other}", "nadaj jednemu z folderów inną nazwę"),
        "en": ("the address '{slug}' is already used by the folder {other}", "give one of the folders another name"),
    },
    # -- fields
    "missing": {
        "pl": ("brak wymaganego pola „{name}”", "dodaj je, np. {example}"),
        "en": ("the required field '{name}' is missing", "add it, e.g. {example}"),
    },
    "unknown_field": {
        "pl": ("nieznane pole „{name}”", "usuń je albo popraw nazwę; dozwolone pola: {allowed}"),
        "en": ("unknown field '{name}'", "remove it or fix its name; allowed fields: {allowed}"),
    },
    "unknown_field_suggest": {
        "pl": ("nieznane pole „{name}” — czy chodziło o „{suggestion}”?", "popraw nazwę pola na „{suggestion}”"),
        "en": ("unknown field '{name}' — did you mean '{suggestion}'?", "rename the field to '{suggestion}'"),
    },
    "cx_text": {
        "pl": ("oczekiwano tekstu, a jest {found}", "wpisz zwykły tekst, np. {example}"),
        "en": ("expected text but found {found}", "write plain text, e.g. {example}"),
    },
    "cx_empty": {
        "pl": ("pole jest puste", "wpisz wartość albo usuń pole, np. {example}"),
        "en": ("the field is empty", "fill it in or remove it, e.g. {example}"),
    },
    "cx_control": {
        "pl": ("tekst zawiera niewidoczny znak sterujący ({code}), zwykle wklejony z innego programu", "przepisz tę wartość ręcznie, bez wklejania, np. {example}"),
        "en": ("the text contains an invisible control character ({code}), usually pasted from another program", "type the value again instead of pasting it, e.g. {example}"),
    },
    "list_expected": {
        "pl": ("oczekiwano listy (wierszy zaczynających się od „- ”), a jest {found}", "zapisz jako listę, np. {example}"),
        "en": ("expected a list (lines starting with '- ') but found {found}", "write a list, e.g. {example}"),
    },
    "mapping_expected": {
        "pl": ("oczekiwano pól „nazwa: wartość”, a jest {found}", "zapisz jako pola, np. {example}"),
        "en": ("expected fields 'name: value' but found {found}", "write fields, e.g. {example}"),
    },
    "list_empty": {
        "pl": ("lista jest pusta", "podaj co najmniej jedną wartość, np. {example}"),
        "en": ("the list is empty", "give at least one value, e.g. {example}"),
    },
    "choice": {
        "pl": ("„{value}” nie jest dozwoloną wartością (dozwolone: {allowed})", "wybierz jedną z dozwolonych wartości, np. {example}"),
        "en": ("'{value}' is not an allowed value (allowed: {allowed})", "choose one of the allowed values, e.g. {example}"),
    },
    "cx_date": {
        "pl": ("„{value}” nie jest datą w formacie RRRR-MM-DD", "zapisz datę jako rok-miesiąc-dzień, np. {example}"),
        "en": ("'{value}' is not a date written YYYY-MM-DD", "write the date as year-month-day, e.g. {example}"),
    },
    "cx_date_impossible": {
        "pl": ("dzień „{value}” nie istnieje w kalendarzu", "sprawdź dzień i miesiąc, np. {example}"),
        "en": ("the day '{value}' does not exist", "check the day and month, e.g. {example}"),
    },
    "cx_month_impossible": {
        "pl": ("miesiąc „{value}” nie istnieje", "miesiąc to liczba 01–12, np. {example}"),
        "en": ("the month '{value}' does not exist", "a month is a number 01–12, e.g. {example}"),
    },
    "cx_date_range": {
        "pl": ("rok w dacie „{value}” wygląda na pomyłkę (dozwolone lata 1990–2199)", "sprawdź rok, np. {example}"),
        "en": ("the year in '{value}' looks like a typo (years 1990–2199 are allowed)", "check the year, e.g. {example}"),
    },
    "cx_time_range": {
        "pl": ("„{value}” nie jest przedziałem godzin GG:MM-GG:MM", "zapisz godzinę początku i końca, np. {example}"),
        "en": ("'{value}' is not a time range HH:MM-HH:MM", "write the start and end time, e.g. {example}"),
    },
    "cx_time_impossible": {
        "pl": ("godzina w „{value}” nie istnieje", "godziny 0–23, minuty 0–59, np. {example}"),
        "en": ("a time in '{value}' does not exist", "hours 0–23, minutes 0–59, e.g. {example}"),
    },
    "cx_time_reversed": {
        "pl": ("przedział „{value}” kończy się przed swoim początkiem", "podaj najpierw godzinę początku, potem końca, np. {example}"),
        "en": ("the range '{value}' ends before it starts", "give the start time first, then the end, e.g. {example}"),
    },
    "cx_bool": {
        "pl": ("„{value}” nie jest wartością tak/nie", "wpisz true albo false, np. {example}"),
        "en": ("'{value}' is not yes or no", "write true or false, e.g. {example}"),
    },
    "cx_url": {
        "pl": ("„{value}” nie jest adresem zaczynającym się od https://, http:// lub mailto:", "podaj pełny adres, np. {example}"),
        "en": ("'{value}' is not an address starting with https://, http:// or mailto:", "give the full address, e.g. {example}"),
    },
    "cx_email": {
        "pl": ("„{value}” nie jest adresem e-mail", "podaj adres w postaci nazwa@domena.pl, np. {example}"),
        "en": ("'{value}' is not an e-mail address", "write it as name@domain.pl, e.g. {example}"),
    },
    "cx_phone": {
        "pl": ("„{value}” nie jest numerem telefonu", "wpisz same cyfry (mogą być spacje i +48), np. {example}"),
        "en": ("'{value}' is not a phone number", "write digits only (spaces and +48 allowed), e.g. {example}"),
    },
    "cx_id": {
        "pl": ("„{value}” nie nadaje się na identyfikator (małe litery, cyfry, łączniki)", "np. {example}"),
        "en": ("'{value}' cannot be an identifier (lowercase letters, digits, hyphens)", "e.g. {example}"),
    },
    # -- rules between fields
    "closes_before_opens": {
        "pl": ("termin „closes” ({closes}) jest wcześniejszy niż „opens” ({opens})", "ustaw „closes” na datę nie wcześniejszą niż {opens}"),
        "en": ("'closes' ({closes}) is before 'opens' ({opens})", "set 'closes' to {opens} or later"),
    },
    "updated_before_published": {
        "pl": ("data aktualizacji ({updated}) jest wcześniejsza niż publikacji ({published})", "ustaw „updated” na {published} lub później albo usuń to pole"),
        "en": ("'updated' ({updated}) is before 'published' ({published})", "set 'updated' to {published} or later, or remove it"),
    },
    "published_after_opens": {
        "pl": ("ogłoszenie ma być opublikowane ({published}) dopiero po otwarciu konsultacji ({opens})", "opublikuj ogłoszenie najpóźniej w dniu otwarcia: published: {opens}"),
        "en": ("the announcement is published ({published}) after the consultation opens ({opens})", "publish it on the opening day at the latest: published: {opens}"),
    },
    "range_reversed": {
        "pl": ("etap kończy się ({end}) przed swoim początkiem ({start})", "zamień daty miejscami albo popraw „end”"),
        "en": ("the phase ends ({end}) before it starts ({start})", "swap the dates or fix 'end'"),
    },
    "place_required": {
        "pl": ("dyżur lub spotkanie na miejscu (mode: in_person) nie ma miejsca", "dodaj miejsce, np. {example}"),
        "en": ("an in-person duty hour or meeting (mode: in_person) has no place", "add the place, e.g. {example}"),
    },
    "phone_required": {
        "pl": ("dyżur telefoniczny (mode: phone) nie ma numeru telefonu", "dodaj numer, np. {example}"),
        "en": ("a phone duty hour (mode: phone) has no phone number", "add the number, e.g. {example}"),
    },
    "online_how_to_join": {
        "pl": ("wydarzenie online nie ma ani linku („online”), ani notatki („note”), jak dołączyć",
               "dodaj link, np. online: https://spotkania.example.pl/konsultacje, albo napisz, jak go wyślecie, "
               "np. note: Link wyślemy e-mailem po zgłoszeniu na adres sr@mops.krakow.pl"),
        "en": ("the online event has neither a link ('online') nor a note ('note') saying how to join",
               "add the link, e.g. online: https://spotkania.example.pl/konsultacje, or say how you will send it, "
               "e.g. note: Link wyślemy e-mailem po zgłoszeniu na adres sr@mops.krakow.pl"),
    },
    "meeting_where": {
        "pl": ("spotkanie nie ma ani miejsca („place”), ani adresu online („online”)",
               "dodaj jedno lub oba, np. {example}; spotkanie online z linkiem wysyłanym po zgłoszeniu: mode: online "
               "i note"),
        "en": ("the meeting has neither a place nor an online link",
               "add one or both, e.g. {example}; an online meeting whose link is sent after registration: mode: online "
               "and a note"),
    },
    "file_xor_url": {
        "pl": ("podaj albo „file” (plik w folderze konsultacji), albo „url” (link), dokładnie jedno z nich", "np. {example}"),
        "en": ("give either 'file' (a file in the consultation folder) or 'url' (a link), exactly one", "e.g. {example}"),
    },
    "file_missing": {
        "pl": ("plik „{file}” nie istnieje w folderze konsultacji", "dodaj plik do {folder} albo popraw nazwę (wielkość liter ma znaczenie)"),
        "en": ("the file '{file}' does not exist in the consultation folder", "add the file to {folder} or fix the name (case matters)"),
    },
    "file_outside": {
        "pl": ("ścieżka „{file}” wychodzi poza folder konsultacji", "umieść plik w folderze konsultacji i podaj ścieżkę względną, np. {example}"),
        "en": ("the path '{file}' leaves the consultation folder", "put the file in the consultation folder and give a relative path, e.g. {example}"),
    },
    "file_not_regular": {
        "pl": ("„{file}” nie jest zwykłym plikiem", "podaj ścieżkę do pliku, np. {example}"),
        "en": ("'{file}' is not a regular file", "give the path of a file, e.g. {example}"),
    },
    "file_empty": {
        "pl": ("plik „{file}” jest pusty (0 bajtów)", "podmień go na właściwy dokument"),
        "en": ("the file '{file}' is empty (0 bytes)", "replace it with the real document"),
    },
    "file_large": {
        "pl": ("plik „{file}” ma {size_mb} MB; mieszkańcy na telefonach mogą go nie pobrać", "zmniejsz plik (np. zapisz PDF w niższej jakości) do kilku MB"),
        "en": ("the file '{file}' is {size_mb} MB; residents on phones may not manage to download it", "make it smaller (e.g. a lower-quality PDF), a few MB at most"),
    },
    "duplicate_event_id": {
        "pl": ("identyfikator „{id}” jest już użyty w tej konsultacji (linia {first})", "nadaj każdemu wydarzeniu inny identyfikator"),
        "en": ("the id '{id}' is already used in this consultation (line {first})", "give each event its own id"),
    },
    "event_id_needed": {
        "pl": ("ten wpis nie ma `id`, a zmienił miejsce na liście: kalendarze subskrybentów znają go jako „{id}”, a teraz dostałby numer „{taken}” innego wydarzenia", "dopisz do tego wpisu wiersz „id: {id}”"),
        "en": ("this entry has no `id` and its place in the list changed: subscribers' calendars know it as '{id}', and now it would get the number '{taken}' of another event", "add the line 'id: {id}' to this entry"),
    },
    "event_id_taken": {
        "pl": ("nowy wpis bez `id` dostałby numer „{taken}”, który kalendarze subskrybentów znają jako inne wydarzenie", "dopisz do tego wpisu wiersz „id: {id}”"),
        "en": ("this new entry without an `id` would get the number '{taken}', which subscribers' calendars know as another event", "add the line 'id: {id}' to this entry"),
    },
    "history_shallow": {
        "pl": ("historia git jest płytka (shallow clone), więc numery wersji wydarzeń w kalendarzach liczymy tylko z `updated` i `changes`", "pobierz pełną historię: w GitHub Actions `fetch-depth: 0` w kroku checkout, w GitLab CI `GIT_DEPTH: 0`, lokalnie `git fetch --unshallow`"),
        "en": ("the git history is shallow (a shallow clone), so the events' versions in calendars are counted from `updated` and `changes` only", "fetch the full history: `fetch-depth: 0` in GitHub Actions' checkout step, `GIT_DEPTH: 0` in GitLab CI, `git fetch --unshallow` locally"),
    },
    "time_nonexistent": {
        "pl": ("godzina {time} dnia {date} nie istnieje w strefie {tz} (zmiana czasu na letni)", "przesuń wydarzenie poza godziny 2:00–3:00 tej nocy"),
        "en": ("the time {time} on {date} does not exist in {tz} (clocks go forward)", "move the event out of 2:00–3:00 that night"),
    },
    "time_ambiguous": {
        "pl": ("godzina {time} dnia {date} występuje dwa razy w strefie {tz} (zmiana czasu na zimowy)", "przesuń wydarzenie poza godziny 2:00–3:00 tej nocy, aby uniknąć pomyłki"),
        "en": ("the time {time} on {date} happens twice in {tz} (clocks go back)", "move the event out of 2:00–3:00 that night to avoid confusion"),
    },
    "report_before_closes": {
        "pl": ("raport ({published}) jest opublikowany przed zakończeniem konsultacji ({closes})", "sprawdź datę „report.published”"),
        "en": ("the report ({published}) is published before the consultation closes ({closes})", "check 'report.published'"),
    },
    "event_after_closes": {
        "pl": ("wydarzenie {date} odbywa się po zakończeniu zbierania uwag ({closes})", "sprawdź datę wydarzenia albo termin „closes”"),
        "en": ("the event on {date} is after responses close ({closes})", "check the event's date or 'closes'"),
    },
    "event_before_published": {
        "pl": ("wydarzenie {date} odbywa się przed publikacją ogłoszenia ({published})", "sprawdź datę wydarzenia albo „published”"),
        "en": ("the event on {date} is before the announcement is published ({published})", "check the event's date or 'published'"),
    },
    "short_consultation": {
        "pl": ("konsultacje trwają {days} dni; zasady wymagają co najmniej {min}", "przesuń `closes` na {suggested} albo, jeśli krótszy termin jest uzasadniony, wpisz accept_warnings: [short_consultation]"),
        "en": ("the consultation lasts {days} days; the rules require at least {min}", "move `closes` to {suggested} or, if a shorter period is justified, add accept_warnings: [short_consultation]"),
    },
    "privacy_notice_missing": {
        "pl": ("strona nie podaje informacji o przetwarzaniu danych osobowych (klauzuli RODO) osób zgłaszających uwagi", "napisz stronę content/{page} i wskaż ją w mkdocs.yml pod pluginem consultations: privacy_notice: {page}"),
        "en": ("the site gives no data-protection notice (RODO information clause) for people who respond", "write the page content/{page} and name it in mkdocs.yml under the consultations plugin: privacy_notice: {page}"),
    },
    "privacy_notice_page_missing": {
        "pl": ("nie ma strony „{page}” z klauzulą RODO w folderze {folder}", "utwórz plik {folder}/{page} albo popraw privacy_notice (ścieżka strony w {folder} albo adres https://…)"),
        "en": ("there is no page '{page}' with the data-protection notice in the folder {folder}", "create {folder}/{page} or correct privacy_notice (a page in {folder} or an https://… address)"),
    },
    "privacy_notice_placeholder": {
        "pl": ("klauzula RODO zawiera jeszcze „{placeholder}” i tak trafi na stronę", "wpisz prawdziwe dane: administratora, cel i podstawę przetwarzania, okres przechowywania, prawa osób i e-mail inspektora ochrony danych"),
        "en": ("the data-protection notice still says '{placeholder}' and would be published so", "write the real facts: the controller, the purpose and legal basis, the retention period, people's rights and the data-protection officer's e-mail"),
    },
    "easy_read_not_set": {
        "pl": ("strona nie ma informacji w tekście łatwym do czytania (ETR), których wymaga ustawa o dostępności (art. 6 pkt 3 lit. c)", "napisz stronę content/{page} i wskaż ją w mkdocs.yml pod pluginem consultations: easy_read_page: {page}"),
        "en": ("the site has no easy-to-read (ETR) information, which the accessibility act requires (art. 6(3)(c))", "write the page content/{page} and name it in mkdocs.yml under the consultations plugin: easy_read_page: {page}"),
    },
    "sign_language_not_set": {
        "pl": ("strona nie ma informacji w polskim języku migowym (PJM), których wymaga ustawa o dostępności (art. 6 pkt 3 lit. c)", "napisz stronę content/{page} i wskaż ją w mkdocs.yml pod pluginem consultations: sign_language_page: {page}"),
        "en": ("the site has no information in Polish Sign Language (PJM), which the accessibility act requires (art. 6(3)(c))", "write the page content/{page} and name it in mkdocs.yml under the consultations plugin: sign_language_page: {page}"),
    },
    "access_page_missing": {
        "pl": ("nie ma strony „{page}” w folderze {folder}", "utwórz plik {folder}/{page} albo popraw ścieżkę w mkdocs.yml (strona w folderze {folder})"),
        "en": ("there is no page '{page}' in the folder {folder}", "create {folder}/{page} or correct the path in mkdocs.yml (a page in the folder {folder})"),
    },
    "easy_read_placeholder": {
        "pl": ("strona w tekście łatwym do czytania (ETR) zawiera jeszcze „{placeholder}” i tak trafi na stronę", "napisz krótkimi zdaniami, czym zajmuje się organizacja, jak się z nią skontaktować i jak wziąć udział w konsultacjach"),
        "en": ("the easy-to-read (ETR) page still says '{placeholder}' and would be published so", "write in short sentences what the organisation does, how to contact it and how to take part in consultations"),
    },
    "sign_language_placeholder": {
        "pl": ("strona z informacjami w polskim języku migowym (PJM) zawiera jeszcze „{placeholder}” i tak trafi na stronę", "wpisz treść nagrania (to, co mówi tłumacz PJM) zamiast znaczników"),
        "en": ("the Polish Sign Language (PJM) page still says '{placeholder}' and would be published so", "write what the recording says (the interpreter's words) in place of the markers"),
    },
    "easy_read_text_file_not_set": {
        "pl": ("nie wskazano pliku tekstowego z informacjami o działalności, który ustawa o dostępności każe udostępnić", "zapisz informacje o działalności jako zwykły tekst (UTF-8) w content/{example} i wskaż plik w mkdocs.yml: easy_read_text_file: {example}"),
        "en": ("no text file with information about the organisation's activity is named, which the accessibility act requires", "save the information as plain text (UTF-8) in content/{example} and name it in mkdocs.yml: easy_read_text_file: {example}"),
    },
    "sign_language_video_not_set": {
        "pl": ("nie wskazano nagrania w polskim języku migowym", "włóż nagranie (WebM albo MP4) do content/ i wskaż je w mkdocs.yml, np. sign_language_video: {example}"),
        "en": ("no recording in Polish Sign Language is named", "put the recording (WebM or MP4) in content/ and name it in mkdocs.yml, e.g. sign_language_video: {example}"),
    },
    "sign_language_captions_not_set": {
        "pl": ("nagranie w polskim języku migowym nie ma wskazanych napisów (plik WebVTT)", "włóż plik napisów .vtt do content/ i wskaż go w mkdocs.yml, np. sign_language_captions: {example}"),
        "en": ("the recording in Polish Sign Language has no captions file (WebVTT) named", "put the .vtt captions file in content/ and name it in mkdocs.yml, e.g. sign_language_captions: {example}"),
    },
    "access_file_missing": {
        "pl": ("nie ma pliku „{file}” w folderze {folder}", "włóż plik do {folder}/{file} albo popraw ścieżkę w mkdocs.yml"),
        "en": ("there is no file '{file}' in the folder {folder}", "put the file at {folder}/{file} or correct the path in mkdocs.yml"),
    },
    "text_file_not_utf8": {
        "pl": ("plik tekstowy „{file}” nie jest zapisany w kodowaniu UTF-8, więc polskie litery mogą się wyświetlić źle", "zapisz plik ponownie jako „Tekst (UTF-8)” (w Notatniku: Zapisz jako → Kodowanie: UTF-8)"),
        "en": ("the text file '{file}' is not saved as UTF-8, so Polish letters may show wrongly", "save the file again as 'Text (UTF-8)' (in Notepad: Save as → Encoding: UTF-8)"),
    },
    "few_ways_to_respond": {
        "pl": ("sposobów zgłaszania uwag: {count}; zasady wymagają co najmniej {min}", "dodaj w „respond” inny sposób (np. poczta, osobiście w kancelarii, formularz online), np.\n    - channel: post\n      value: ul. Józefińska 14, 30-529 Kraków"),
        "en": ("ways to respond: {count}; the rules require at least {min}", "add another channel under 'respond' (post, in person, an online form), e.g.\n    - channel: post\n      value: ul. Józefińska 14, 30-529 Kraków"),
    },
    "no_meeting_or_duty_hours": {
        "pl": ("zasady wymagają otwartego spotkania albo dyżuru eksperta, a nie zaplanowano żadnego", "dodaj spotkanie w „meetings” albo dyżur w „duty_hours”, np. {example}"),
        "en": ("the rules require an open meeting or an expert's duty hour, and none is scheduled", "add a meeting under 'meetings' or a duty hour under 'duty_hours', e.g. {example}"),
    },
    "report_overdue": {
        "pl": ("raport z konsultacji miał być opublikowany do {due} ({days} dni po zamknięciu {closes}); spóźnienie: {late} dni", "opublikuj raport i wpisz go w campaign.yml, np.\n    report:\n      published: RRRR-MM-DD\n      file: files/raport.pdf"),
        "en": ("the consultation report was due by {due} ({days} days after closing on {closes}); {late} days late", "publish the report and add it to campaign.yml, e.g.\n    report:\n      published: YYYY-MM-DD\n      file: files/raport.pdf"),
    },
    "no_respond": {
        "pl": ("nie podano, jak zgłaszać uwagi (pole „respond”)", "dodaj sposoby zgłaszania uwag, np. {example}"),
        "en": ("no way to respond is given (field 'respond')", "add the ways to respond, e.g. {example}"),
    },
    "respond_email": {
        "pl": ("„{value}” nie jest adresem e-mail, a kanał to „email”", "podaj adres, np. value: dm@mops.krakow.pl"),
        "en": ("'{value}' is not an e-mail address, but the channel is 'email'", "give the address, e.g. value: dm@mops.krakow.pl"),
    },
    "respond_phone": {
        "pl": ("„{value}” nie jest numerem, a kanał to „{channel}”", "podaj numer, np. value: 12 616 54 28"),
        "en": ("'{value}' is not a number, but the channel is '{channel}'", "give the number, e.g. value: 12 616 54 28"),
    },
    "respond_form": {
        "pl": ("„{value}” nie jest adresem formularza (https://…)", "podaj pełny adres, np. value: https://formularz.example.pl/konsultacje"),
        "en": ("'{value}' is not a form address (https://…)", "give the full address, e.g. value: https://forms.example.pl/consultation"),
    },
    # -- Markdown texts
    "index_missing": {
        "pl": ("brak pliku index.md z treścią ogłoszenia", "utwórz index.md w folderze konsultacji i wpisz w nim treść ogłoszenia"),
        "en": ("index.md with the announcement text is missing", "create index.md in the consultation folder with the announcement text"),
    },
    "index_empty": {
        "pl": ("treść ogłoszenia (index.md) jest pusta", "wpisz treść ogłoszenia: cel konsultacji, czego dotyczą, kogo zapraszamy"),
        "en": ("the announcement text (index.md) is empty", "write the announcement: purpose, subject, who is invited"),
    },
    "announcement_duplicate": {
        "pl": ("nazwa pliku daje ten sam adres komunikatu („{slug}”) co plik {other}", "zmień nazwę jednego z plików, np. dopisz datę: 2025-09-02-zmiana-terminu.md"),
        "en": ("the file name gives the same announcement address ('{slug}') as {other}", "rename one of the files, e.g. add the date: 2025-09-02-meeting-moved.md"),
    },
    "announcement_empty": {
        "pl": ("komunikat ma nagłówek, ale nie ma treści", "pod zamykającą linią „---” wpisz treść komunikatu"),
        "en": ("the announcement has a header but no text", "write the announcement's text below the closing '---' line"),
    },
    "front_matter_unclosed": {
        "pl": ("nagłówek pliku (między liniami „---”) nie jest zamknięty", "dodaj linię „---” po polach title i date"),
        "en": ("the header (between '---' lines) is not closed", "add a '---' line after the title and date fields"),
    },
    "front_matter_missing": {
        "pl": ("ogłoszenie nie ma nagłówka z tytułem i datą", "zacznij plik od:\n    ---\n    title: Zmiana terminu spotkania\n    date: 2025-09-02\n    ---"),
        "en": ("the announcement has no header with title and date", "start the file with:\n    ---\n    title: Meeting moved\n    date: 2025-09-02\n    ---"),
    },
    "html_script": {
        "pl": ("tekst zawiera element <{tag}>, który uruchamia kod; strona go nie opublikuje",
               "usuń go; treść konsultacji nie może uruchamiać kodu w przeglądarce mieszkańca"),
        "en": ("the text contains a <{tag}> element, which runs code; the site will not publish it",
               "remove it; a consultation's text must not run code in a resident's browser"),
    },
    "html_embed": {
        "pl": ("tekst osadza obcą treść w elemencie <{tag}>; strona jej nie opublikuje",
               "zamiast osadzać, daj zwykły link, np. [Nagranie spotkania](https://www.example.pl/nagranie)"),
        "en": ("the text embeds outside content with a <{tag}> element; the site will not publish it",
               "link to it instead, e.g. [Meeting recording](https://www.example.pl/recording)"),
    },
    "html_form": {
        "pl": ("tekst zawiera formularz (element <{tag}>); strona go nie opublikuje, bo dane mieszkańców "
               "mogłyby trafić pod nieznany adres",
               "opisz sposoby zgłaszania uwag w polu respond w campaign.yml albo podaj link do oficjalnego formularza"),
        "en": ("the text contains a form (a <{tag}> element); the site will not publish it, as residents' "
               "data could be sent to an unknown address",
               "list the ways to respond under respond in campaign.yml, or link to the official form"),
    },
    "html_page_tag": {
        "pl": ("tekst zawiera element <{tag}>, który zmienia całą stronę (przekierowanie, wygląd); strona go nie opublikuje",
               "usuń go; wygląd strony ustala szablon, nie treść"),
        "en": ("the text contains a <{tag}> element, which changes the whole page (a redirect, the look); "
               "the site will not publish it",
               "remove it; the theme sets how pages look, not the text"),
    },
    "html_tag": {
        "pl": ("tekst zawiera element HTML <{tag}>, którego strona nie publikuje",
               "usuń go albo zapisz to samo w Markdownie (nagłówki #, listy -, tabele |, linki [tekst](adres))"),
        "en": ("the text contains an HTML element <{tag}>, which the site does not publish",
               "remove it or write the same in Markdown (# headings, - lists, | tables, [text](address) links)"),
    },
    "html_handler": {
        "pl": ("tekst zawiera atrybut zdarzenia „{attr}”, który uruchamia kod; strona go nie opublikuje",
               "usuń atrybut; treść konsultacji nie może uruchamiać kodu"),
        "en": ("the text contains an event handler attribute '{attr}', which runs code; the site will not publish it",
               "remove the attribute; a consultation's text must not run code"),
    },
    "html_attribute": {
        "pl": ("atrybut „{attr}” elementu <{tag}> nie jest dozwolony; strona go nie opublikuje",
               "usuń atrybut; dozwolone są m.in. id, class, lang, title, a w linkach href"),
        "en": ("the attribute '{attr}' of <{tag}> is not allowed; the site will not publish it",
               "remove the attribute; id, class, lang, title and, on links, href are allowed"),
    },
    "html_style": {
        "pl": ("styl „{style}” może zasłonić lub podmienić część strony; strona go nie opublikuje",
               "usuń atrybut style; do wyróżnienia użyj **pogrubienia** albo nagłówka"),
        "en": ("the style '{style}' could cover or change part of the page; the site will not publish it",
               "remove the style attribute; use **bold** or a heading for emphasis"),
    },
    "html_class": {
        "pl": ("klasa „{value}” należy do szablonu strony (md-…) i mogłaby udawać jej część; strona jej nie opublikuje",
               "usuń klasy zaczynające się od md-"),
        "en": ("the class '{value}' belongs to the site's theme (md-…) and could pose as part of the page; "
               "the site will not publish it",
               "remove the classes that start with md-"),
    },
    "html_url": {
        "pl": ("adres „{url}” zaczyna się od „{scheme}:”, a takich linków strona nie publikuje (mogą uruchamiać kod)",
               "użyj adresu https://, mailto:, tel: albo ścieżki do pliku konsultacji, np. files/projekt.pdf"),
        "en": ("the address '{url}' starts with '{scheme}:', and the site does not publish such links (they can run code)",
               "use an https://, mailto: or tel: address, or a path to a file of the consultation, e.g. files/projekt.pdf"),
    },
    "html_image_external": {
        "pl": ("obraz „{url}” jest pobierany z innej strony, która dowiedziałaby się o każdym czytelniku; strona go nie opublikuje",
               "zapisz obraz w folderze files/ konsultacji i wstaw go ścieżką, np. ![Opis obrazu](files/plakat.png)"),
        "en": ("the image '{url}' is loaded from another site, which would learn of every reader; the site will not publish it",
               "save the image under the consultation's files/ and use its path, e.g. ![Description](files/poster.png)"),
    },
    "html_removed": {
        "pl": ("część kodu HTML w tekście nie przeszłaby przez filtr bezpieczeństwa i zniknęłaby ze strony",
               "zapisz ten fragment w Markdownie albo usuń kod HTML"),
        "en": ("part of the HTML in the text would not pass the safety filter and would vanish from the page",
               "write that part in Markdown or remove the HTML"),
    },
    "bidi_control": {
        "pl": ("tekst zawiera niewidoczny znak zmiany kierunku pisma ({char}), przez który opublikowany tekst "
               "może wyglądać inaczej, niż widać go w edytorze",
               "usuń ten znak: przepisz wiersz od nowa albo otwórz plik w edytorze, który pokazuje znaki niewidoczne"),
        "en": ("the text contains an invisible direction-override character ({char}), which can make the "
               "published text read differently from what an editor shows",
               "delete the character: retype the line, or open the file in an editor that shows invisible characters"),
    },
    "md_link_target": {
        "pl": ("link do „{target}” nie prowadzi do żadnego pliku konsultacji", "popraw ścieżkę albo dodaj plik do folderu files/"),
        "en": ("the link to '{target}' points at no file of the consultation", "fix the path or add the file under files/"),
    },
    # -- site settings
    "config": {
        "pl": ("{detail}", "{fix}"),
        "en": ("{detail}", "{fix}"),
    },
    "config_site_url": {
        "pl": ("„site_url” musi być pełnym adresem strony (kanały i kalendarze podają adresy bezwzględne), a jest {found}", "wpisz adres zaczynający się od https://, np. site_url: https://konsultacje.example.pl/"),
        "en": ("'site_url' must be the site's full address (feeds and calendars need absolute links) but is {found}", "give an address starting with https://, e.g. site_url: https://konsultacje.example.pl/"),
    },
    "config_timezone": {
        "pl": ("nieznana strefa czasowa „{value}”", "podaj nazwę strefy z bazy IANA, np. timezone: Europe/Warsaw"),
        "en": ("unknown time zone '{value}'", "use an IANA time zone name, e.g. timezone: Europe/Warsaw"),
    },
    "config_today": {
        "pl": ("„{value}” nie jest datą w formacie RRRR-MM-DD", "wpisz datę w cudzysłowie, np. today: \"2025-09-01\", albo usuń tę opcję (domyślnie: dzień budowania)"),
        "en": ("'{value}' is not a date written YYYY-MM-DD", "write the date in quotes, e.g. today: \"2025-09-01\", or remove the option (default: the build day)"),
    },
    "config_number": {
        "pl": ("„{value}” nie jest liczbą całkowitą nieujemną", "wpisz liczbę dni, np. {option}: {default}"),
        "en": ("'{value}' is not a whole number of zero or more", "give a number of days, e.g. {option}: {default}"),
    },
    "config_bool": {
        "pl": ("„{value}” nie jest odpowiedzią tak/nie", "wpisz true albo false, np. {option}: true"),
        "en": ("'{value}' is not a yes/no answer", "write true or false, e.g. {option}: true"),
    },
    "config_prefix": {
        "pl": ("„{value}” nie może być częścią adresu strony", "użyj małych liter, cyfr i łączników, np. {option}: {default}"),
        "en": ("'{value}' cannot be part of a web address", "use lowercase letters, digits and hyphens, e.g. {option}: {default}"),
    },
    "config_access_path": {
        "pl": ("{found} nie jest ścieżką pliku w folderze stron", "wpisz ścieżkę względem folderu stron (content/), bez „..” i bez adresu https://, np. {option}: {default}"),
        "en": ("{found} is not the path of a file in the pages folder", "write a path relative to the pages folder (content/), without '..' or an https:// address, e.g. {option}: {default}"),
    },
    "config_text": {
        "pl": ("oczekiwano tekstu, a jest {found}", "wpisz zwykły tekst, np. {option}: {default}"),
        "en": ("expected text but found {found}", "write plain text, e.g. {option}: {default}"),
    },
    "config_mapping": {
        "pl": ("oczekiwano pól „nazwa: wartość”, a jest {found}", "zapisz opcje jako pola wcięte pod „{option}:”, np.\n    {option}:\n      {default}"),
        "en": ("expected fields 'name: value' but found {found}", "write the options as fields indented under '{option}:', e.g.\n    {option}:\n      {default}"),
    },
    "config_unknown": {
        "pl": ("nieznana opcja „{name}”", "usuń ją albo popraw nazwę; dozwolone opcje: {allowed}"),
        "en": ("unknown option '{name}'", "remove it or fix its name; allowed options: {allowed}"),
    },
    "config_unknown_suggest": {
        "pl": ("nieznana opcja „{name}” — czy chodziło o „{suggestion}”?", "popraw nazwę opcji na „{suggestion}”"),
        "en": ("unknown option '{name}' — did you mean '{suggestion}'?", "rename the option to '{suggestion}'"),
    },
    "config_not_mapping": {
        "pl": ("plik mkdocs.yml powinien zawierać ustawienia w postaci „nazwa: wartość”", "zacznij od ustawień strony, np. site_name: Konsultacje społeczne"),
        "en": ("mkdocs.yml should hold settings as 'name: value'", "start with the site settings, e.g. site_name: Public consultations"),
    },
    "timezone_calendar": {
        "pl": ("strefy czasowej „{tz}” nie da się zapisać w kalendarzach tak, by pokazały właściwe godziny (np. {times})", "ustaw timezone: Europe/Warsaw albo inną strefę z regularnymi zmianami czasu"),
        "en": ("the time zone '{tz}' cannot be written into calendars so that they show the right times (e.g. {times})", "set timezone: Europe/Warsaw or another zone with regular clock changes"),
    },
    "statement_review_old": {
        "pl": ("deklaracja dostępności była przeglądana {date}, ponad rok temu", "przejrzyj deklarację i zaktualizuj accessibility_statement.reviewed w mkdocs.yml"),
        "en": ("the accessibility statement was last reviewed on {date}, over a year ago", "review it and update accessibility_statement.reviewed in mkdocs.yml"),
    },
    "statement_not_mapping": {
        "pl": ("oczekiwano pól „nazwa: wartość”, a jest {found}", "zapisz dane deklaracji jako pola, np. published: 2025-03-31"),
        "en": ("expected fields 'name: value' but found {found}", "write the statement's data as fields, e.g. published: 2025-03-31"),
    },
    "statement_unknown_field": {
        "pl": ("nieznane pole „{name}” deklaracji dostępności", "usuń je albo popraw nazwę; dozwolone pola: {allowed}"),
        "en": ("unknown field '{name}' of the accessibility statement", "remove it or fix its name; allowed fields: {allowed}"),
    },
    "statement_unknown_field_suggest": {
        "pl": ("nieznane pole „{name}” deklaracji dostępności — czy chodziło o „{suggestion}”?", "popraw nazwę pola na „{suggestion}”"),
        "en": ("unknown field '{name}' of the accessibility statement — did you mean '{suggestion}'?", "rename the field to '{suggestion}'"),
    },
    "statement_placeholder": {
        "pl": ("w polu „{name}” deklaracji dostępności jest jeszcze „{placeholder}” i tak trafi na stronę", "wpisz w mkdocs.yml pod accessibility_statement prawdziwą treść, np. {example}"),
        "en": ("the accessibility statement's field '{name}' still says '{placeholder}' and would be published so", "write the real text under accessibility_statement in mkdocs.yml, e.g. {example}"),
    },
    "statement_missing_field": {
        "pl": ("brak wymaganego pola „{name}” deklaracji dostępności", "dodaj je w mkdocs.yml pod accessibility_statement, np. {example}"),
        "en": ("the accessibility statement's required field '{name}' is missing", "add it under accessibility_statement in mkdocs.yml, e.g. {example}"),
    },
    "statement_bad_date": {
        "pl": ("„{value}” nie jest datą", "wpisz datę jako RRRR-MM-DD, np. {example}"),
        "en": ("'{value}' is not a date", "write the date as YYYY-MM-DD, e.g. {example}"),
    },
    "statement_bad_status": {
        "pl": ("„{value}” nie jest stanem zgodności z wzoru deklaracji", "wpisz jedno z: zgodna, częściowo zgodna, niezgodna, np. {example}"),
        "en": ("'{value}' is not one of the statement's conformance statuses", "write one of: zgodna, częściowo zgodna, niezgodna (or compliant, partially compliant, non-compliant), e.g. {example}"),
    },
    "statement_bad_assessment": {
        "pl": ("„{value}” nie jest sposobem oceny dostępności", "wpisz samoocena albo audyt (przy audycie dodaj też auditor: nazwa audytora)"),
        "en": ("'{value}' is not a way of assessing accessibility", "write samoocena (self-assessment) or audyt (audit; then add auditor: the auditor's name)"),
    },
    "statement_text_expected": {
        "pl": ("oczekiwano tekstu, a jest {found}", "wpisz zwykły tekst, np. {example}"),
        "en": ("expected text but found {found}", "write plain text, e.g. {example}"),
    },
    "statement_inaccessible_missing": {
        "pl": ("przy stanie „częściowo zgodna” lub „niezgodna” deklaracja musi wymieniać niedostępne treści", "wypisz je w polu inaccessible, każdą z powodem i sposobem dostępu alternatywnego, np. {example}"),
        "en": ("a partially compliant or non-compliant statement must list the content that is not accessible", "list it under inaccessible, each with the reason and an alternative, e.g. {example}"),
    },
    "statement_review_before_prepared": {
        "pl": ("data przeglądu {reviewed} jest wcześniejsza niż data sporządzenia deklaracji {prepared}", "popraw reviewed; data sporządzenia (prepared) zostaje datą pierwszej wersji, np. {example}"),
        "en": ("the review date {reviewed} is before the date the statement was prepared, {prepared}", "fix reviewed; prepared stays the date of the first version, e.g. {example}"),
    },
    "statement_bad_email": {
        "pl": ("„{value}” nie jest adresem e-mail", "wpisz adres osoby kontaktowej, np. {example}"),
        "en": ("'{value}' is not an e-mail address", "write the contact person's address, e.g. {example}"),
    },
    "statement_bad_phone": {
        "pl": ("„{value}” nie wygląda na numer telefonu", "wpisz numer z cyframi, np. {example}"),
        "en": ("'{value}' does not look like a phone number", "write a number with its digits, e.g. {example}"),
    },
    "statement_never_reviewed": {
        "pl": ("deklaracja dostępności sporządzona {date} od ponad roku nie była przeglądana", "przejrzyj deklarację (co roku, do 31 marca) i dopisz accessibility_statement.reviewed: RRRR-MM-DD w mkdocs.yml"),
        "en": ("the accessibility statement prepared on {date} has not been reviewed for over a year", "review it (yearly, by 31 March) and add accessibility_statement.reviewed: YYYY-MM-DD in mkdocs.yml"),
    },
    # -- files that cannot be read, and building and publishing the site
    "not_regular_file": {
        "pl": ("„{name}” nie jest zwykłym plikiem (to potok, gniazdo, urządzenie albo folder), więc nie da się go odczytać", "zastąp go zwykłym plikiem albo usuń"),
        "en": ("'{name}' is not an ordinary file (it is a pipe, a socket, a device or a folder), so it cannot be read", "replace it with an ordinary file, or delete it"),
    },
    "campaign_folder_hidden": {
        "pl": ("folder „{name}” zaczyna się od kropki, więc jest pomijany i nie trafi na stronę", "jeśli to konsultacja, zmień nazwę folderu na taką bez kropki; jeśli nie, usuń go"),
        "en": ("the folder '{name}' starts with a dot, so it is skipped and not published", "if it is a consultation, rename the folder without the dot; if not, delete it"),
    },
    "source_date_epoch_invalid": {
        "pl": ("zmienna środowiskowa SOURCE_DATE_EPOCH ma wartość „{value}”, a musi być liczbą sekund od 1970-01-01", "ustaw ją na liczbę, np. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), albo usuń ją"),
        "en": ("the environment variable SOURCE_DATE_EPOCH is '{value}', but it must be a number of seconds since 1970-01-01", "set it to a number, e.g. SOURCE_DATE_EPOCH=$(git log -1 --format=%ct), or unset it"),
    },
    "disk_full": {
        "pl": ("na dysku zabrakło miejsca ({detail})", "zwolnij miejsce na dysku i zbuduj stronę ponownie; poprzednia wersja strony została bez zmian"),
        "en": ("the disk is full ({detail})", "free some disk space and build again; the previous site is unchanged"),
    },
    "no_permission": {
        "pl": ("brak uprawnień do odczytu lub zapisu ({detail})", "nadaj użytkownikowi, który buduje stronę, prawo odczytu i zapisu tego pliku lub folderu albo wskaż inny folder; poprzednia wersja strony została bez zmian"),
        "en": ("no permission to read or write here ({detail})", "let the user who builds the site read and write this file or folder, or choose another folder; the previous site is unchanged"),
    },
    "os_error": {
        "pl": ("nie udało się odczytać lub zapisać ({detail})", "usuń przyczynę i zbuduj stronę ponownie; poprzednia wersja strony została bez zmian"),
        "en": ("could not read or write ({detail})", "remove the cause and build again; the previous site is unchanged"),
    },
    "site_locked": {
        "pl": ("trwa inne budowanie tej strony (blokada {lock})", "poczekaj, aż się skończy, i zbuduj stronę ponownie"),
        "en": ("another build of this site is running (lock {lock})", "wait until it ends, then build again"),
    },
    "site_not_folder": {
        "pl": ("w miejscu folderu strony jest plik; budowanie nie zastąpi go ani nie usunie", "przenieś ten plik albo wskaż inny folder strony (site_dir w mkdocs.yml lub opcja -d)"),
        "en": ("the site folder is a file; the build neither replaces nor deletes it", "move the file, or choose another site folder (site_dir in mkdocs.yml, or -d)"),
    },
    "engine_unknown": {
        "pl": ("nie znam silnika „{engine}”", "wybierz jeden z: {engines}, np. consult build --engine properdocs"),
        "en": ("unknown engine “{engine}”", "choose one of: {engines}, e.g. consult build --engine properdocs"),
    },
    "engine_not_installed": {
        "pl": ("silnik {engine} nie jest zainstalowany", "zainstaluj go: .venv/bin/pip install \"konsultacje[engines]\" albo wybierz --engine mkdocs"),
        "en": ("the {engine} engine is not installed", "install it: .venv/bin/pip install \"konsultacje[engines]\", or choose --engine mkdocs"),
    },
    "engine_failed": {
        "pl": ("silnik {engine} przerwał budowanie; strona bez zmian. Jego komunikat:\n{detail}", "usuń przyczynę opisaną wyżej i zbuduj ponownie"),
        "en": ("the {engine} engine stopped the build; the site is unchanged. It said:\n{detail}", "remove the cause described above and build again"),
    },
    "engine_pages_missing": {
        "pl": ("silnik {engine} nie zbudował tych plików strony (liczba: {count}): {files}; strona bez zmian", "sprawdź, czy ta wersja silnika obsługuje te strony, albo zbuduj stronę innym silnikiem (--engine mkdocs)"),
        "en": ("the {engine} engine did not build these files of the site (number: {count}): {files}; the site is unchanged", "check that this engine version supports these pages, or build with another engine (--engine mkdocs)"),
    },
    "generate_no_plugin": {
        "pl": ("w mkdocs.yml nie ma wtyczki consultations, więc nie ma czego wygenerować", "uruchom polecenie w folderze strony konsultacji (z mkdocs.yml) albo wskaż go opcją --root"),
        "en": ("mkdocs.yml does not use the consultations plugin, so there is nothing to generate", "run the command in a consultation site's folder (with mkdocs.yml), or name it with --root"),
    },
    "generate_not_empty": {
        "pl": ("folder {folder} nie jest pusty; nie nadpisuję go", "wskaż pusty albo nieistniejący folder"),
        "en": ("the folder {folder} is not empty; it is not overwritten", "name an empty or new folder"),
    },
    "site_mount_point": {
        "pl": ("folder strony jest punktem montowania, więc nie da się go podmienić w całości", "zamontuj folder o poziom wyżej albo wskaż jako folder strony folder wewnątrz niego (site_dir w mkdocs.yml lub opcja -d, np. site/www)"),
        "en": ("the site folder is a mount point, so it cannot be replaced all at once", "mount the folder above it instead, or build into a folder inside it (site_dir in mkdocs.yml, or -d, e.g. site/www)"),
    },
    # -- the report's table of comments (CSV)
    "comments_not_csv": {
        "pl": ("tabela uwag „{file}” nie jest plikiem CSV", "zapisz tabelę w arkuszu jako „CSV UTF-8” i podaj ten plik, np. {example}"),
        "en": ("the table of comments '{file}' is not a CSV file", "save the table from the spreadsheet as 'CSV UTF-8' and name that file, e.g. {example}"),
    },
    "csv_cp1250": {
        "pl": ("plik jest zapisany w kodowaniu Windows-1250, a nie UTF-8 (polskie litery byłyby zniekształcone)", "zapisz plik jako CSV UTF-8 (w Excelu: Plik → Zapisz jako → „CSV UTF-8 (rozdzielany przecinkami)”)"),
        "en": ("the file is saved as Windows-1250, not UTF-8 (Polish letters would be garbled)", "save the file as CSV UTF-8 (in Excel: File → Save As → 'CSV UTF-8 (Comma delimited)')"),
    },
    "csv_not_utf8": {
        "pl": ("plik nie jest zapisany w kodowaniu UTF-8", "zapisz plik jako CSV UTF-8 (w Excelu: Plik → Zapisz jako → „CSV UTF-8 (rozdzielany przecinkami)”)"),
        "en": ("the file is not UTF-8 text", "save the file as CSV UTF-8 (in Excel: File → Save As → 'CSV UTF-8 (Comma delimited)')"),
    },
    "csv_empty": {
        "pl": ("tabela uwag nie ma ani jednego wiersza z uwagą", "w pierwszym wierszu wpisz nagłówki kolumn, a w kolejnych po jednej uwadze (wzór w poradniku dla redaktorów)"),
        "en": ("the table of comments has no row with a comment", "put the column headers in the first row and one comment in each row below (see the editors' guide)"),
    },
    "csv_syntax": {
        "pl": ("wiersz jest uszkodzony: cudzysłów nie jest zamknięty albo stoi w środku pola", "otwórz plik w arkuszu i zapisz go ponownie jako CSV UTF-8; w edytorze tekstu zamknij cudzysłów i podwój cudzysłowy wewnątrz pola (\"\")"),
        "en": ("the row is broken: a quotation mark is not closed or stands inside a cell", "open the file in a spreadsheet and save it again as CSV UTF-8; in a text editor close the quote and double the quotes inside a cell (\"\")"),
    },
    "csv_row_fields": {
        "pl": ("wiersz ma {found} pól, a nagłówek {expected}", "sprawdź, czy w tekście uwagi nie ma średnika lub przecinka poza cudzysłowem; najprościej zapisz plik ponownie z arkusza jako CSV UTF-8"),
        "en": ("the row has {found} cells, the header {expected}", "check for a semicolon or comma outside quotes in the comment; simplest is to save the file again from the spreadsheet as CSV UTF-8"),
    },
    "csv_column_missing": {
        "pl": ("brak kolumny „{value}”", "dodaj ją w pierwszym wierszu; wymagane kolumny: {allowed}"),
        "en": ("the column '{value}' is missing", "add it to the first row; required columns: {allowed}"),
    },
    "csv_column_unknown": {
        "pl": ("nieznana kolumna „{value}”", "użyj nagłówków: {allowed}"),
        "en": ("unknown column '{value}'", "use the headers: {allowed}"),
    },
    "csv_column_suggest": {
        "pl": ("nieznana kolumna „{value}” — czy chodziło o „{suggestion}”?", "popraw nagłówek na „{suggestion}”"),
        "en": ("unknown column '{value}' — did you mean '{suggestion}'?", "rename the header to '{suggestion}'"),
    },
    "csv_column_unnamed": {
        "pl": ("wartość „{value}” stoi w kolumnie bez nagłówka", "wpisz nagłówek tej kolumny w pierwszym wierszu albo przenieś wartość do właściwej kolumny"),
        "en": ("the value '{value}' is in a column without a header", "write the column's header in the first row, or move the value to its column"),
    },
    "csv_column_duplicate": {
        "pl": ("kolumna „{value}” występuje dwa razy", "usuń lub przemianuj jedną z nich"),
        "en": ("the column '{value}' appears twice", "remove or rename one of them"),
    },
    "csv_value_missing": {
        "pl": ("pusta komórka w kolumnie „{name}”", "uzupełnij ją; osobę prywatną oznacz w kolumnie „rodzaj” jako „osoba prywatna” (wtedy „zgłaszający” może być pusty)"),
        "en": ("empty cell in the column '{name}'", "fill it in; mark a private person in the column 'rodzaj' as 'osoba prywatna' (then 'zgłaszający' may be empty)"),
    },
    "csv_decision_unknown": {
        "pl": ("nieznane rozstrzygnięcie „{value}”", "wpisz jedno z: {allowed}"),
        "en": ("unknown decision '{value}'", "write one of: {allowed}"),
    },
    "csv_decision_suggest": {
        "pl": ("nieznane rozstrzygnięcie „{value}” — czy chodziło o „{suggestion}”?", "popraw na „{suggestion}” (dozwolone: {allowed})"),
        "en": ("unknown decision '{value}' — did you mean '{suggestion}'?", "change it to '{suggestion}' (allowed: {allowed})"),
    },
    "csv_reason_missing": {
        "pl": ("uwaga „{decision}” nie ma uzasadnienia", "wpisz w kolumnie „uzasadnienie”, dlaczego uwagi nie uwzględniono w całości"),
        "en": ("the comment marked '{decision}' has no reason", "write in the column 'uzasadnienie' why the comment was not accepted in full"),
    },
    "csv_kind_unknown": {
        "pl": ("nieznany rodzaj zgłaszającego „{value}”", "wpisz „organizacja” albo „osoba prywatna” (albo zostaw puste dla organizacji)"),
        "en": ("unknown kind of submitter '{value}'", "write 'organizacja' or 'osoba prywatna' (or leave it empty for an organisation)"),
    },
    "csv_number_duplicate": {
        "pl": ("numer uwagi „{value}” powtarza się (pierwszy raz w wierszu {first})", "nadaj każdej uwadze inny numer"),
        "en": ("the comment number '{value}' repeats (first on line {first})", "give each comment its own number"),
    },
    "csv_personal_name": {
        "pl": ("„{value}” wygląda na imię i nazwisko osoby prywatnej; strona pokaże „osoba prywatna”", "w kolumnie „rodzaj” wpisz „osoba prywatna” albo — jeśli to nazwa organizacji — „organizacja”"),
        "en": ("'{value}' looks like a private person's name; the site will show 'osoba prywatna'", "write 'osoba prywatna' in the column 'rodzaj', or 'organizacja' if it is an organisation's name"),
    },
    # -- summary
    "summary": {
        "pl": ("Znaleziono: błędy {errors}, ostrzeżenia {warnings} (plików: {files}).", ""),
        "en": ("Found: errors {errors}, warnings {warnings} (files: {files}).", ""),
    },
    "generated": {
        "pl": ("Zapisano źródło strony w {folder}: {pages} stron i {files} innych plików, z mkdocs.yml bez wtyczki consultations.", ""),
        "en": ("Wrote the site's source tree to {folder}: {pages} pages and {files} other files, with an mkdocs.yml that needs no consultations plugin.", ""),
    },
    "built": {
        "pl": ("Zbudowano stronę silnikiem {engine} i opublikowano ją w {folder}.", ""),
        "en": ("Built the site with {engine} and published it in {folder}.", ""),
    },
    "ok": {
        "pl": ("Wszystko w porządku. Sprawdzone konsultacje: {count}.", ""),
        "en": ("All good. Consultations checked: {count}.", ""),
    },
}


class _Defaults(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "…"


def render_message(code: str, params: dict[str, Any], lang: str = "pl") -> tuple[str, str]:
    """Return (what is wrong, how to fix it) for a message code in the given language."""
    lang = words_language(lang)
    templates = _M.get(code)
    if templates is None:
        return (code, "")
    what, fix = templates[lang]
    values = _Defaults({k: printable(v) if k not in _LONG else v for k, v in params.items()})
    if "example" not in values:
        values["example"] = EXAMPLES.get(str(params.get("name", "")), "")
    return what.format_map(values), fix.format_map(values)


_LONG = {"allowed", "example", "detail", "fix"}  # our own texts, not quoted from a file
_INVISIBLE = dict.fromkeys([*range(0, 9), 11, 12, *range(14, 32), 127], "�")


def printable(value: Any, limit: int = 80) -> Any:
    """Show a value from an editor's file on one line, cut to a readable length."""
    if not isinstance(value, str):
        return value
    text = value.replace("\r\n", "\n").replace("\n", "⏎").replace("\t", " ").translate(_INVISIBLE)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def message_codes() -> list[str]:
    """List every message code (for tests that check both languages exist)."""
    return sorted(_M)
