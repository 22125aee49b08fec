using System;
using System.Collections.Generic;

namespace EopTools.Headers
{
    /// <summary>How a stamp is written, which says how its fields are read.</summary>
    internal enum StampFormat
    {
        /// <summary>One value: AuthAs, AuthSource, FromEntityHeader, ...</summary>
        Single,

        /// <summary>"KEY:value;KEY:value;" (X-Forefront-Antispam-Report).</summary>
        ColonList,

        /// <summary>"tag=value; tag=value" (ARC-Seal, CrossTenant-OriginalAttributedTenantConnectingIp).</summary>
        TagList,

        /// <summary>RFC 8601 Authentication-Results: "spf=pass (...) smtp.mailfrom=x; dkim=...".</summary>
        AuthenticationResults,
    }

    /// <summary>
    /// The headers Microsoft 365 stamps on a message, and how each is read into fields. Names are matched
    /// case-insensitively (real headers write "X-Ms-Exchange-Organization-Authas" too).
    /// </summary>
    internal static class StampParser
    {
        public const string UntrustedSuffix = "-Untrusted";

        /// <summary>The stamps by name, each with its name as the service writes it and its format.</summary>
        private static readonly Dictionary<string, KeyValuePair<string, StampFormat>> Stamps = WithNames(new Dictionary<string, StampFormat>
        {
            ["X-Forefront-Antispam-Report"] = StampFormat.ColonList,
            ["Authentication-Results"] = StampFormat.AuthenticationResults,
            ["X-MS-Exchange-Authentication-Results"] = StampFormat.AuthenticationResults,
            ["ARC-Authentication-Results"] = StampFormat.AuthenticationResults,
            ["ARC-Seal"] = StampFormat.TagList,
            ["X-MS-Exchange-CrossTenant-OriginalAttributedTenantConnectingIp"] = StampFormat.TagList,
            ["X-MS-Exchange-Organization-AuthAs"] = StampFormat.Single,
            ["X-MS-Exchange-Organization-AuthSource"] = StampFormat.Single,
            ["X-MS-Exchange-Organization-AuthMechanism"] = StampFormat.Single,
            ["X-MS-Exchange-Organization-MessageDirectionality"] = StampFormat.Single,
            ["X-MS-Exchange-Organization-SCL"] = StampFormat.Single,
            ["X-MS-Exchange-CrossTenant-FromEntityHeader"] = StampFormat.Single,
            ["X-MS-Exchange-CrossTenant-AuthAs"] = StampFormat.Single,
            ["X-MS-Exchange-CrossTenant-AuthSource"] = StampFormat.Single,
            ["X-MS-Exchange-CrossTenant-Id"] = StampFormat.Single,
        });

        /// <summary>Whether the header is one of the stamps, and its format; false for any other header.</summary>
        public static bool TryGetFormat(string name, out StampFormat format) => TryGetFormat(name, out format, out _);

        /// <summary>
        /// Whether the header is one of the stamps, its format, and its name: the one string this class keeps for the name
        /// when <paramref name="name"/> is written exactly so (as the service writes it), else <paramref name="name"/>.
        /// A message's stamps are kept with the result, and one shared name each is fewer objects for the collector.
        /// </summary>
        public static bool TryGetFormat(string name, out StampFormat format, out string sharedName)
        {
            bool untrusted = name.EndsWith(UntrustedSuffix, StringComparison.OrdinalIgnoreCase);
            string bare = untrusted ? name.Substring(0, name.Length - UntrustedSuffix.Length) : name;
            sharedName = name;
            if (!Stamps.TryGetValue(bare, out KeyValuePair<string, StampFormat> stamp))
            {
                format = StampFormat.Single;
                return false;
            }
            if (!untrusted && string.Equals(name, stamp.Key, StringComparison.Ordinal)) sharedName = stamp.Key;
            format = stamp.Value;
            return true;
        }

        /// <summary>The stamp's fields, in the order written; a field written twice keeps its first value.</summary>
        public static List<KeyValuePair<string, string>> Fields(StampFormat format, string value)
        {
            var fields = new List<KeyValuePair<string, string>>();
            if (format == StampFormat.Single)
            {
                fields.Add(new KeyValuePair<string, string>("Value", value.Trim()));
                return fields;
            }
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            // The parts between ';' that are not inside a comment or quotes, read in place.
            for (int start = 0; start < value.Length;)
            {
                int end = PartEnd(value, start, ';');
                if (end > start)
                {
                    if (format == StampFormat.AuthenticationResults) ReadAuthenticationResult(value, start, end, fields, seen);
                    else ReadPair(value, start, end, format == StampFormat.ColonList ? ':' : '=', fields, seen);
                }
                start = end + 1;
            }
            return fields;
        }

        /// <summary>
        /// One field of the stamp, as <see cref="Fields"/> would give it, or null. The pairs of the antispam report and of a
        /// tag list are compared in place, so only the value asked for is made into a string.
        /// </summary>
        public static string? Field(StampFormat format, string value, string name)
        {
            if (format == StampFormat.Single) return string.Equals(name, "Value", StringComparison.OrdinalIgnoreCase) ? value.Trim() : null;
            if (format == StampFormat.ColonList || format == StampFormat.TagList)
            {
                char separator = format == StampFormat.ColonList ? ':' : '=';
                for (int start = 0; start < value.Length;)
                {
                    int end = PartEnd(value, start, ';');
                    int at = end > start ? value.IndexOf(separator, start, end - start) : -1;
                    if (at > start && TrimmedIs(value, start, at, name)) return Trimmed(value, at + 1, end);
                    start = end + 1;
                }
                return null;
            }
            foreach (KeyValuePair<string, string> field in Fields(format, value))
            {
                if (string.Equals(field.Key, name, StringComparison.OrdinalIgnoreCase)) return field.Value;
            }
            return null;
        }

        /// <summary>"KEY:value" or "tag=value": the name before the first separator, both trimmed.</summary>
        private static void ReadPair(string value, int start, int end, char separator, List<KeyValuePair<string, string>> fields, HashSet<string> seen)
        {
            int at = value.IndexOf(separator, start, end - start);
            if (at > start) Add(fields, seen, Trimmed(value, start, at), Trimmed(value, at + 1, end));
        }

        /// <summary>
        /// Each result ("spf=pass") as a field named by its method; each property after it ("smtp.mailfrom=x") under its
        /// own name when it has a dot, else as method.property ("compauth.reason", "dmarc.action"); "i=" of ARC as "i".
        /// The authserv-id (a word with no '=') and comments are left out.
        /// </summary>
        private static void ReadAuthenticationResult(string value, int start, int end, List<KeyValuePair<string, string>> fields, HashSet<string> seen)
        {
            string? method = null;
            int depth = 0, wordStart = -1;
            for (int i = start; i <= end; i++)
            {
                char c = i < end ? value[i] : ' ';
                bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
                if (c == '(') depth++;
                bool inWord = depth == 0 && !space;
                if (c == ')' && depth > 0)
                {
                    depth--;
                    inWord = false;
                }
                if (inWord && wordStart < 0) wordStart = i;
                else if (!inWord && wordStart >= 0)
                {
                    int equals = value.IndexOf('=', wordStart, i - wordStart);
                    if (equals > wordStart)
                    {
                        string key = value.Substring(wordStart, equals - wordStart).ToLowerInvariant();
                        string result = value.Substring(equals + 1, i - equals - 1).Trim('"');
                        if (method == null)
                        {
                            method = key;
                            Add(fields, seen, key, result);
                        }
                        else
                        {
                            Add(fields, seen, key.IndexOf('.') >= 0 ? key : method + "." + key, result);
                        }
                    }
                    wordStart = -1;
                }
            }
        }

        /// <summary>The end of the part that starts at <paramref name="start"/>: the next separator outside a comment or quotes, or the end of the value.</summary>
        private static int PartEnd(string value, int start, char separator)
        {
            int depth = 0;
            bool quoted = false;
            for (int i = start; i < value.Length; i++)
            {
                char c = value[i];
                if (c == '\\') i++;
                else if (c == '"') quoted = !quoted;
                else if (!quoted && c == '(') depth++;
                else if (!quoted && c == ')' && depth > 0) depth--;
                else if (!quoted && depth == 0 && c == separator) return i;
            }
            return value.Length;
        }

        /// <summary>The text between the indexes without the white space around it, as <see cref="string.Trim()"/> would give.</summary>
        private static string Trimmed(string value, int start, int end)
        {
            while (start < end && char.IsWhiteSpace(value[start])) start++;
            while (end > start && char.IsWhiteSpace(value[end - 1])) end--;
            return value.Substring(start, end - start);
        }

        /// <summary>Whether the text between the indexes, without the white space around it, is <paramref name="name"/> (case-insensitive).</summary>
        private static bool TrimmedIs(string value, int start, int end, string name)
        {
            while (start < end && char.IsWhiteSpace(value[start])) start++;
            while (end > start && char.IsWhiteSpace(value[end - 1])) end--;
            return end - start == name.Length && string.Compare(value, start, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0;
        }

        private static Dictionary<string, KeyValuePair<string, StampFormat>> WithNames(Dictionary<string, StampFormat> formats)
        {
            var byName = new Dictionary<string, KeyValuePair<string, StampFormat>>(StringComparer.OrdinalIgnoreCase);
            foreach (KeyValuePair<string, StampFormat> stamp in formats) byName.Add(stamp.Key, stamp);
            return byName;
        }

        private static void Add(List<KeyValuePair<string, string>> fields, HashSet<string> seen, string key, string value)
        {
            if (key.Length > 0 && seen.Add(key)) fields.Add(new KeyValuePair<string, string>(key, value));
        }
    }
}
