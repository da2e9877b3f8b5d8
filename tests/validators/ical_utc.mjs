// Every event of an iCalendar file with its start in UTC, as ical.js (2.2.1) reads it: the
// parser many web calendars use. Prints one JSON object; errors go to stderr with exit code 1.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const calendar = new ICAL.Component(ICAL.parse(readFileSync(process.argv[2], "utf8")));
for (const zone of calendar.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(zone);
}
const events = calendar.getAllSubcomponents("vevent").map((component) => {
  const event = new ICAL.Event(component);
  const start = event.startDate;
  return {
    uid: event.uid,
    start: start.isDate ? start.toString() : start.toJSDate().toISOString(),
    end: event.endDate.isDate ? event.endDate.toString() : event.endDate.toJSDate().toISOString(),
  };
});
process.stdout.write(JSON.stringify({ components: calendar.getAllSubcomponents().length, events }));
