using System.Collections.Generic;

namespace EopTools
{
    /// <summary>One Microsoft 365 stamp of a message (X-Forefront-Antispam-Report, AuthAs, CrossTenant-*, Authentication-Results, ARC), read into fields.</summary>
    public sealed class EopMessageStamp
    {
        internal EopMessageStamp(string name, string value, int line, EopStampTrust trust, IList<KeyValuePair<string, string>> fields)
        {
            Name = name;
            Value = value;
            Line = line;
            Trust = trust;
            Fields = new EopLogValues(fields.Count);
            foreach (KeyValuePair<string, string> field in fields) Fields[field.Key] = field.Value;
        }

        /// <summary>The header's name as written.</summary>
        public string Name { get; }

        /// <summary>The header's unfolded value.</summary>
        public string Value { get; }

        /// <summary>The line of the header block it starts on, from 1.</summary>
        public int Line { get; }

        public EopStampTrust Trust { get; }

        /// <summary>The value read into fields, by name (case-insensitive), in the order written: CIP, CTRY, SFV, DIR, ... of the antispam report; spf, dkim, dmarc, compauth, compauth.reason of the authentication results; Value for a stamp of one value.</summary>
        public EopLogValues Fields { get; }

        /// <summary>The field's value, or null when the stamp has no such field.</summary>
        public string? this[string field] => Fields[field] as string;

        public override string ToString() => Name + ": " + Value + " (" + Trust + ")";
    }
}
