// Parse iCalendar files with ical.js, the parser Thunderbird uses, and report what it read.
//
// Input (stdin, JSON): {"items": [{"name": "...", "text": "...", "probe": ["2025-03-30T01:59:00", ...]}]}
// Output (stdout, JSON): one entry per item with the parse error (ical.js rejects the whole
// calendar on one bad line), the calendar's properties, and every VEVENT with its times as
// ical.js computes them from the file's own VTIMEZONE: the local value, the UTC offset and the
// Unix time. `probe` lists local times whose UTC offset each VTIMEZONE of the file must give.
import ICAL from "ical.js";

function readStdin() {
  return new Promise((resolve, reject) => {
    const chunks = [];
    process.stdin.on("data", (chunk) => chunks.push(chunk));
    process.stdin.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    process.stdin.on("error", reject);
  });
}

function timeInfo(prop, zones) {
  if (!prop) return null;
  const value = prop.getFirstValue();
  const tzid = prop.getParameter("tzid") || null;
  const info = { value: value.toString(), isDate: value.isDate, tzid, type: prop.type };
  if (value.isDate) return info;
  if (tzid) {
    const zone = zones[tzid];
    info.declared = Boolean(zone);
    // Offset from the file's VTIMEZONE, computed explicitly...
    info.offset = zone ? zone.utcOffset(value) : null;
    // ...and the instant as ical.js resolves it through its timezone service.
    info.unix = value.toUnixTime();
    info.zone = value.zone ? value.zone.tzid : null;
  } else {
    info.utc = value.zone === ICAL.Timezone.utcTimezone;
    info.unix = value.toUnixTime();
  }
  return info;
}

function eventInfo(vevent, zones) {
  const text = (name) => {
    const prop = vevent.getFirstProperty(name);
    return prop ? prop.getFirstValue() : null;
  };
  const categories = vevent.getAllProperties("categories").flatMap((p) => p.getValues());
  const names = vevent.getAllProperties().map((p) => p.name);
  return {
    uid: text("uid"),
    summary: text("summary"),
    description: text("description"),
    location: text("location"),
    status: text("status"),
    url: text("url"),
    sequence: text("sequence"),
    transp: text("transp"),
    categories,
    properties: names,
    dtstamp: timeInfo(vevent.getFirstProperty("dtstamp"), zones),
    start: timeInfo(vevent.getFirstProperty("dtstart"), zones),
    end: timeInfo(vevent.getFirstProperty("dtend"), zones),
    components: vevent.getAllSubcomponents().map((c) => c.name),
  };
}

function check(item) {
  ICAL.TimezoneService.reset();
  let component;
  try {
    component = new ICAL.Component(ICAL.parse(item.text));
  } catch (error) {
    return { name: item.name, error: String(error && error.message ? error.message : error) };
  }
  const zones = {};
  for (const vtimezone of component.getAllSubcomponents("vtimezone")) {
    const zone = new ICAL.Timezone(vtimezone);
    zones[zone.tzid] = zone;
    ICAL.TimezoneService.register(vtimezone);
  }
  const probes = {};
  for (const [tzid, zone] of Object.entries(zones)) {
    probes[tzid] = (item.probe || []).map((local) => zone.utcOffset(ICAL.Time.fromDateTimeString(local)));
  }
  const calendar = {};
  for (const prop of component.getAllProperties()) {
    calendar[prop.name] = prop.getFirstValue().toString();
  }
  try {
    const events = component.getAllSubcomponents("vevent").map((v) => eventInfo(v, zones));
    return { name: item.name, error: null, calendar, timezones: Object.keys(zones), probes, events };
  } catch (error) {
    return { name: item.name, error: String(error && error.message ? error.message : error) };
  }
}

const input = JSON.parse(await readStdin());
process.stdout.write(JSON.stringify(input.items.map(check)));
