// Read .ics files with Mozilla's ical.js (the parser behind Thunderbird) and print, as JSON,
// {file: [{uid, start, end, status, summary, sequence, lastModified, dtstamp}]} with times as UTC instants.
// Usage: node tests/ical_read.js a.ics b.ics ...
// Like Thunderbird, zones come only from the file's own VTIMEZONEs: a TZID the file does not
// define is an error here, not a silent fall-back to floating time.
const fs = require("fs");
const ICAL = require("ical.js");

const out = {};
for (const file of process.argv.slice(2)) {
  const root = new ICAL.Component(ICAL.parse(fs.readFileSync(file, "utf8")));
  ICAL.TimezoneService.reset();
  for (const vtimezone of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(vtimezone);
  }
  out[file] = root.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    for (const time of [event.startDate, event.endDate]) {
      const tzid = vevent.getFirstProperty(time === event.startDate ? "dtstart" : "dtend").getParameter("tzid");
      if (tzid && !ICAL.TimezoneService.has(tzid)) {
        throw new Error(`${file}: ${event.uid}: TZID ${tzid} has no VTIMEZONE in the file`);
      }
    }
    const stamp = (time) => (time ? instant(time) : null);
    const instant = (time) => time.toJSDate().toISOString().replace(".000Z", "Z");
    return {
      uid: event.uid,
      start: instant(event.startDate),
      end: instant(event.endDate),
      status: vevent.getFirstPropertyValue("status"),
      summary: event.summary,
      sequence: event.sequence,
      lastModified: stamp(vevent.getFirstPropertyValue("last-modified")),
      dtstamp: stamp(vevent.getFirstPropertyValue("dtstamp")),
    };
  });
}
process.stdout.write(JSON.stringify(out));
