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

        /// <summary>Whether the header is one of the stamps, and its format; false for any other header.</summary>
        public static bool TryGetFormat(string name, out StampFormat format)
        {
            format = StampFormat.Single;
            string bare = name.EndsWith(UntrustedSuffix, StringComparison.OrdinalIgnoreCase) ? name.Substring(0, name.Length - UntrustedSuffix.Length) : name;
            if (Is(bare, "X-Forefront-Antispam-Report"))
            {
                format = StampFormat.ColonList;
                return true;
            }
            if (Is(bare, "Authentication-Results") || Is(bare, "X-MS-Exchange-Authentication-Results") || Is(bare, "ARC-Authentication-Results"))
            {
                format = StampFormat.AuthenticationResults;
                return true;
            }
            if (Is(bare, "ARC-Seal") || Is(bare, "X-MS-Exchange-CrossTenant-OriginalAttributedTenantConnectingIp"))
            {
                format = StampFormat.TagList;
                return true;
            }
            return Is(bare, "X-MS-Exchange-Organization-AuthAs") || Is(bare, "X-MS-Exchange-Organization-AuthSource") ||
                   Is(bare, "X-MS-Exchange-Organization-AuthMechanism") || Is(bare, "X-MS-Exchange-Organization-MessageDirectionality") ||
                   Is(bare, "X-MS-Exchange-Organization-SCL") || Is(bare, "X-MS-Exchange-CrossTenant-FromEntityHeader") ||
                   Is(bare, "X-MS-Exchange-CrossTenant-AuthAs") || Is(bare, "X-MS-Exchange-CrossTenant-AuthSource") ||
                   Is(bare, "X-MS-Exchange-CrossTenant-Id");
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

        private static void Add(List<KeyValuePair<string, string>> fields, HashSet<string> seen, string key, string value)
        {
            if (key.Length > 0 && seen.Add(key)) fields.Add(new KeyValuePair<string, string>(key, value));
        }

        private static bool Is(string name, string stamp) => string.Equals(name, stamp, StringComparison.OrdinalIgnoreCase);
    }
}
