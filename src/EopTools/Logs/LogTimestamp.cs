using System;
using System.Globalization;
using System.Text;

namespace EopTools.Logs
{
    /// <summary>
    /// Log timestamps, from the UTF-8 bytes of a line, as UTC: ISO 8601 as Exchange writes it (2026-11-27T10:00:00.123Z)
    /// read by hand, because it is on every line; IIS's separate UTC date and time; other forms (a message trace export's
    /// Received column) through DateTime parsing with the invariant culture, taken as UTC unless they say otherwise.
    /// </summary>
    internal static class LogTimestamp
    {
        private const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

        public static bool TryParse(byte[] text, int start, int end, out DateTime value)
        {
            if (TryParseIso(text, start, end, out value)) return true;
            if (end - start > 64)
            {
                value = default;
                return false;
            }
            return DateTime.TryParse(Encoding.UTF8.GetString(text, start, end - start), CultureInfo.InvariantCulture, Utc, out value);
        }

        /// <summary>IIS: "yyyy-MM-dd" and "HH:mm:ss", both UTC.</summary>
        public static bool TryParse(byte[] text, int dateStart, int dateEnd, int timeStart, int timeEnd, out DateTime value)
        {
            value = default;
            if (dateEnd - dateStart != 10 || timeEnd - timeStart < 8) return false;
            if (!TryDate(text, dateStart, out int year, out int month, out int day)) return false;
            return TryTime(text, timeStart, timeEnd, year, month, day, out value);
        }

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
