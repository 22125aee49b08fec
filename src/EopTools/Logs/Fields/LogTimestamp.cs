using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace EopTools.Logs
{
    /// <summary>
    /// Log timestamps, from the UTF-8 bytes of a line, as UTC: ISO 8601 as Exchange writes it (2026-11-27T10:00:00.123Z)
    /// read by hand, because it is on every line; IIS's separate UTC date and time; other ISO 8601 forms; and the dates
    /// Export-Csv writes in the session's culture (27.11.2026 09:14:03, 05/11/2026 10:00:00), read with each of
    /// <see cref="LogTimeCultures"/>, taken as UTC unless they say otherwise.
    /// </summary>
    internal static class LogTimestamp
    {
        private const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        private const int LongestTime = 64;

        public static LogTimeReading Read(byte[] text, int start, int end, LogTimeCultures cultures, out DateTime value)
        {
            if (TryParseIso(text, start, end, out value)) return LogTimeReading.Read;
            if (!Utf8Text.TrimToValue(text, ref start, ref end)) return LogTimeReading.None;
            if (end - start > LongestTime) return LogTimeReading.Unreadable;
            return Read(Encoding.UTF8.GetString(text, start, end - start), cultures, out value);
        }

        /// <summary>
        /// True when the value has the shape Exchange writes (yyyy-MM-ddTHH:mm:ss...Z): the reader then leaves it to be
        /// read when asked for; any other value is read as the line is, so that a time that cannot be read is reported.
        /// </summary>
        public static bool HasExchangeShape(byte[] text, int start, int end) =>
            end - start >= 20 && text[start + 4] == '-' && text[start + 10] == 'T' && text[end - 1] == 'Z';

        /// <summary>A value and each culture's reading of it, for the message about the first ambiguous value.</summary>
        public static string Describe(string text, LogTimeCultures cultures)
        {
            var readings = new List<string>();
            foreach (CultureInfo culture in cultures.Cultures)
            {
                if (DateTime.TryParse(text, culture, Utc, out DateTime read)) readings.Add(Show(read) + " in " + LogTimeCultures.Name(culture));
            }
            return "'" + text + "'" + (readings.Count > 1 ? " is " + string.Join(" and ", readings) : string.Empty);
        }

        /// <summary>A time in messages: sortable, UTC.</summary>
        public static string Show(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "Z";

        /// <summary>
        /// ISO 8601 (a year first) with the invariant culture; anything else with each culture, ambiguous when two read
        /// it as different times (then <paramref name="value"/> is the first culture's reading).
        /// </summary>
        private static LogTimeReading Read(string text, LogTimeCultures cultures, out DateTime value)
        {
            if (StartsWithYear(text))
            {
                return DateTime.TryParse(text, CultureInfo.InvariantCulture, Utc, out value) ? LogTimeReading.Read : LogTimeReading.Unreadable;
            }
            value = default;
            bool read = false;
            foreach (CultureInfo culture in cultures.Cultures)
            {
                if (!DateTime.TryParse(text, culture, Utc, out DateTime time)) continue;
                if (read && time != value) return LogTimeReading.Ambiguous;
                read = true;
                value = time;
            }
            return read ? LogTimeReading.Read : LogTimeReading.Unreadable;
        }

        /// <summary>yyyy-: ISO 8601, which no culture reads another way.</summary>
        private static bool StartsWithYear(string text) =>
            text.Length > 5 && char.IsDigit(text[0]) && char.IsDigit(text[1]) && char.IsDigit(text[2]) && char.IsDigit(text[3]) && text[4] == '-';

        /// <summary>IIS: "yyyy-MM-dd" and "HH:mm:ss", both UTC.</summary>
        public static bool TryParse(byte[] text, int dateStart, int dateEnd, int timeStart, int timeEnd, out DateTime value)
        {
            value = default;
            if (dateEnd - dateStart != 10 || timeEnd - timeStart < 8) return false;
            if (!TryDate(text, dateStart, out int year, out int month, out int day)) return false;
            return TryTime(text, timeStart, timeEnd, year, month, day, out value);
        }

        /// <summary>A W3C time field ("HH:mm:ss", UTC) on the day of the '#Date:' directive before it.</summary>
        public static bool TryParseTimeOfDay(byte[] text, int start, int end, DateTime day, out DateTime value) =>
            TryTime(text, start, end, day.Year, day.Month, day.Day, out value);

        /// <summary>
        /// A '#Date:' directive's value, strictly as the Extended Log File Format writes it: "yyyy-MM-dd HH:mm:ss", UTC.
        /// </summary>
        public static bool TryParseDirectiveDate(string value, out DateTime date) =>
            DateTime.TryParseExact(value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, Utc, out date);

        private static bool TryParseIso(byte[] text, int start, int end, out DateTime value)
        {
            value = default;
            if (end - start < 20 || (text[start + 10] != 'T' && text[start + 10] != ' ')) return false;
            if (!TryDate(text, start, out int year, out int month, out int day)) return false;
            if (text[end - 1] != 'Z') return false;
            return TryTime(text, start + 11, end - 1, year, month, day, out value);
        }

        private static bool TryDate(byte[] text, int at, out int year, out int month, out int day)
        {
            year = Digits(text, at, 4);
            month = Digits(text, at + 5, 2);
            day = Digits(text, at + 8, 2);
            return year > 0 && month > 0 && day > 0 && text[at + 4] == '-' && text[at + 7] == '-' &&
                month <= 12 && day <= DateTime.DaysInMonth(year, month);
        }

        /// <summary>"HH:mm:ss" and an optional fraction of up to seven digits, ending at <paramref name="end"/>.</summary>
        private static bool TryTime(byte[] text, int at, int end, int year, int month, int day, out DateTime value)
        {
            value = default;
            if (end - at < 8 || text[at + 2] != ':' || text[at + 5] != ':') return false;
            int hour = Digits(text, at, 2), minute = Digits(text, at + 3, 2), second = Digits(text, at + 6, 2);
            if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return false;
            long fraction = 0;
            int i = at + 8;
            if (i < end)
            {
                int digits = end - i - 1;
                if (text[i] != '.' || digits < 1 || digits > 7) return false;
                int read = Digits(text, i + 1, digits);
                if (read < 0) return false;
                fraction = read;
                for (int scale = digits; scale < 7; scale++) fraction *= 10;
            }
            value = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddTicks(fraction);
            return true;
        }

        /// <summary>The number written in <paramref name="count"/> digits at <paramref name="at"/>, or -1.</summary>
        private static int Digits(byte[] text, int at, int count)
        {
            int value = 0;
            for (int i = at; i < at + count; i++)
            {
                int digit = text[i] - '0';
                if (digit < 0 || digit > 9) return -1;
                value = value * 10 + digit;
            }
            return value;
        }
    }
}
