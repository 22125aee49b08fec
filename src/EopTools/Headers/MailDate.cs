using System;
using System.Globalization;

namespace EopTools.Headers
{
    /// <summary>
    /// RFC 5322 dates as Received: and Date: write them, with the obsolete forms of section 4.3 (no day of week, no
    /// seconds, two- and three-digit years, named and military zones, a trailing comment) and asctime's order
    /// ("Mon Apr  1 11:16:06 2024"). One pass over the text; every field is checked for its range.
    /// </summary>
    internal static class MailDate
    {
        private static readonly string[] Months = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };

        /// <summary>The instant in UTC, or false with the reason.</summary>
        public static bool TryParse(string text, int start, int end, out DateTime utc, out string? error)
        {
            utc = default;
            int day = -1, month = -1, year = -1, hour = -1, minute = -1, second = 0;
            int offsetMinutes = 0;
            bool zone = false;
            int i = start;
            while (i < end)
            {
                char c = text[i];
                if (c == '(') break; // a trailing comment such as "(UTC)" or "(PDT)": nothing after it counts
                if (c == ' ' || c == '\t' || c == ',' || c == '\r' || c == '\n')
                {
                    i++;
                    continue;
                }
                int tokenEnd = i;
                while (tokenEnd < end && !IsSeparator(text[tokenEnd])) tokenEnd++;
                if (!ReadToken(text, i, tokenEnd, ref day, ref month, ref year, ref hour, ref minute, ref second, ref offsetMinutes, ref zone, out error)) return false;
                i = tokenEnd;
            }
            if (day < 0 || month < 0 || year < 0 || hour < 0)
            {
                error = "the date lacks its " + (day < 0 ? "day" : month < 0 ? "month" : year < 0 ? "year" : "time");
                return false;
            }
            if (year < 50) year += 2000;
            else if (year < 1000) year += 1900;
            if (day < 1 || day > DateTime.DaysInMonth(year, month))
            {
                error = "day " + day + " is not in the month";
                return false;
            }
            if (hour > 23 || minute > 59 || second > 60)
            {
                error = "the time is out of range";
                return false;
            }
            // A leap second is read as the last second of its minute.
            var local = new DateTime(year, month, day, hour, minute, Math.Min(second, 59), DateTimeKind.Unspecified);
            utc = DateTime.SpecifyKind(local.AddMinutes(-offsetMinutes), DateTimeKind.Utc);
            error = null;
            return true;
        }

        private static bool IsSeparator(char c) => c == ' ' || c == '\t' || c == ',' || c == '(' || c == '\r' || c == '\n';

        private static bool ReadToken(string text, int start, int end, ref int day, ref int month, ref int year, ref int hour, ref int minute,
            ref int second, ref int offsetMinutes, ref bool zone, out string? error)
        {
            error = null;
            char first = text[start];
            if (first >= '0' && first <= '9')
            {
                if (text.IndexOf(':', start, end - start) >= 0) return ReadTime(text, start, end, ref hour, ref minute, ref second, out error);
                if (!ReadNumber(text, start, end, 4, out int number))
                {
                    error = "'" + text.Substring(start, end - start) + "' is not a date field";
                    return false;
                }
                // The first number is the day, the next the year: RFC 5322 and asctime agree on that order.
                if (day < 0 && end - start <= 2) day = number;
                else if (year < 0) year = number;
                else
                {
                    error = "the date has a number too many ('" + text.Substring(start, end - start) + "')";
                    return false;
                }
                return true;
            }
            if ((first == '+' || first == '-') && end - start == 5 && ReadNumber(text, start + 1, end, 4, out int hhmm))
            {
                if (zone || hhmm % 100 > 59)
                {
                    error = "the zone '" + text.Substring(start, end - start) + "' is not valid";
                    return false;
                }
                offsetMinutes = (hhmm / 100 * 60 + hhmm % 100) * (first == '-' ? -1 : 1);
                zone = true;
                return true;
            }
            if (!IsLetters(text, start, end))
            {
                error = "'" + text.Substring(start, end - start) + "' is not a date field";
                return false;
            }
            if (end - start >= 3)
            {
                int index = MonthOf(text, start);
                if (index >= 0 && month < 0 && (end - start == 3 || IsMonthName(text, start, end, index)))
                {
                    month = index + 1;
                    return true;
                }
            }
            if (hour >= 0 && !zone)
            {
                // A named zone (RFC 5322 4.3): the US ones have offsets; military letters and unknown names mean -0000.
                offsetMinutes = NamedZoneMinutes(text.Substring(start, end - start));
                zone = true;
                return true;
            }
            // A day of the week (any spelling) before the date, or a word after the zone: neither changes the instant.
            return true;
        }

        private static int MonthOf(string text, int start)
        {
            for (int index = 0; index < Months.Length; index++)
            {
                if (ReceivedParser.IsLowerCaseOf(text, start, Months[index])) return index;
            }
            return -1;
        }

        private static bool IsMonthName(string text, int start, int end, int index)
        {
            string name = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[index];
            return string.Compare(text, start, name, 0, Math.Max(end - start, name.Length), StringComparison.OrdinalIgnoreCase) == 0;
        }

        private static int NamedZoneMinutes(string name)
        {
            switch (name.ToUpperInvariant())
            {
                case "EDT": return -4 * 60;
                case "EST":
                case "CDT": return -5 * 60;
                case "CST":
                case "MDT": return -6 * 60;
                case "MST":
                case "PDT": return -7 * 60;
                case "PST": return -8 * 60;
                default: return 0;
            }
        }

        private static bool ReadTime(string text, int start, int end, ref int hour, ref int minute, ref int second, out string? error)
        {
            error = null;
            int firstColon = text.IndexOf(':', start, end - start);
            int secondColon = text.IndexOf(':', firstColon + 1, end - firstColon - 1);
            int minuteEnd = secondColon < 0 ? end : secondColon;
            // Fractions of a second (Exchange writes "09:06:51.8695" in its own stamps) are dropped.
            int secondEnd = secondColon < 0 ? end : text.IndexOf('.', secondColon, end - secondColon);
            if (secondEnd < 0) secondEnd = end;
            if (hour >= 0 || !ReadNumber(text, start, firstColon, 2, out hour) || !ReadNumber(text, firstColon + 1, minuteEnd, 2, out minute) ||
                (secondColon >= 0 && !ReadNumber(text, secondColon + 1, secondEnd, 2, out second)) ||
                (secondEnd < end && !ReadNumber(text, secondEnd + 1, end, 7, out _)))
            {
                error = "'" + text.Substring(start, end - start) + "' is not a time";
                return false;
            }
            return true;
        }

        private static bool ReadNumber(string text, int start, int end, int maxDigits, out int value)
        {
            value = 0;
            if (end <= start || end - start > maxDigits) return false;
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9') return false;
                value = value * 10 + (c - '0');
            }
            return true;
        }

        private static bool IsLetters(string text, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
            }
            return true;
        }
    }
}
