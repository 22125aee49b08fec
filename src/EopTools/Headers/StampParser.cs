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
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            switch (format)
            {
                case StampFormat.Single:
                    fields.Add(new KeyValuePair<string, string>("Value", value.Trim()));
                    break;
                case StampFormat.ColonList:
                    foreach (string part in SplitOutside(value, ';'))
                    {
                        int colon = part.IndexOf(':');
                        if (colon > 0) Add(fields, seen, part.Substring(0, colon).Trim(), part.Substring(colon + 1).Trim());
                    }
                    break;
                case StampFormat.TagList:
                    foreach (string part in SplitOutside(value, ';'))
                    {
                        int equals = part.IndexOf('=');
                        if (equals > 0) Add(fields, seen, part.Substring(0, equals).Trim(), part.Substring(equals + 1).Trim());
                    }
                    break;
                default:
                    ReadAuthenticationResults(value, fields, seen);
                    break;
            }
            return fields;
        }

        /// <summary>
        /// Each result ("spf=pass") as a field named by its method; each property after it ("smtp.mailfrom=x") under its
        /// own name when it has a dot, else as method.property ("compauth.reason", "dmarc.action"); "i=" of ARC as "i".
        /// The authserv-id (a part with no '=') and comments are left out.
        /// </summary>
        private static void ReadAuthenticationResults(string value, List<KeyValuePair<string, string>> fields, HashSet<string> seen)
        {
            foreach (string part in SplitOutside(value, ';'))
            {
                string? method = null;
                foreach (string word in Words(part))
                {
                    int equals = word.IndexOf('=');
                    if (equals <= 0) continue;
                    string key = word.Substring(0, equals).ToLowerInvariant();
                    string result = word.Substring(equals + 1).Trim('"');
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
            }
        }

        /// <summary>The parts between separators that are not inside a comment or quotes.</summary>
        private static IEnumerable<string> SplitOutside(string value, char separator)
        {
            int depth = 0, start = 0;
            bool quoted = false;
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (c == '\\') i++;
                else if (c == '"') quoted = !quoted;
                else if (!quoted && c == '(') depth++;
                else if (!quoted && c == ')' && depth > 0) depth--;
                else if (!quoted && depth == 0 && c == separator)
                {
                    if (i > start) yield return value.Substring(start, i - start);
                    start = i + 1;
                }
            }
            if (start < value.Length) yield return value.Substring(start);
        }

        /// <summary>The words of a part, comments left out.</summary>
        private static IEnumerable<string> Words(string part)
        {
            int depth = 0, start = -1;
            for (int i = 0; i <= part.Length; i++)
            {
                char c = i < part.Length ? part[i] : ' ';
                bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
                if (c == '(') depth++;
                bool inWord = depth == 0 && !space;
                if (c == ')' && depth > 0)
                {
                    depth--;
                    inWord = false;
                }
                if (inWord && start < 0) start = i;
                else if (!inWord && start >= 0)
                {
                    yield return part.Substring(start, i - start);
                    start = -1;
                }
            }
        }

        private static void Add(List<KeyValuePair<string, string>> fields, HashSet<string> seen, string key, string value)
        {
            if (key.Length > 0 && seen.Add(key)) fields.Add(new KeyValuePair<string, string>(key, value));
        }

        private static bool Is(string name, string stamp) => string.Equals(name, stamp, StringComparison.OrdinalIgnoreCase);
    }
}
