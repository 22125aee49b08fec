using System.Collections.Generic;
using EopTools.Headers;

namespace EopTools
{
    /// <summary>One Microsoft 365 stamp of a message (X-Forefront-Antispam-Report, AuthAs, CrossTenant-*, Authentication-Results, ARC), read into fields.</summary>
    public sealed class EopMessageStamp
    {
        private readonly StampFormat _format;
        private EopLogValues? _fields;

        internal EopMessageStamp(string name, string value, int line, EopStampTrust trust, StampFormat format)
        {
            Name = name;
            Value = value;
            Line = line;
            Trust = trust;
            _format = format;
        }

        /// <summary>The header's name as written.</summary>
        public string Name { get; }

        /// <summary>The header's unfolded value.</summary>
        public string Value { get; }

        /// <summary>The line of the header block it starts on, from 1.</summary>
        public int Line { get; }

        public EopStampTrust Trust { get; }

        /// <summary>The value read into fields, by name (case-insensitive), in the order written: CIP, CTRY, SFV, DIR, ... of the antispam report; spf, dkim, dmarc, compauth, compauth.reason of the authentication results; Value for a stamp of one value.</summary>
        /// <remarks>Read when first asked: the verdict reads few of a message's stamps, and a script often none.</remarks>
        public EopLogValues Fields => _fields ??= Values(StampParser.Fields(_format, Value));

        /// <summary>The field's value, or null when the stamp has no such field.</summary>
        public string? this[string field]
        {
            get
            {
                // The verdict asks for a few fields: each is read alone, since the fields kept for each stamp of each
                // message cost the collector more than reading the stamp again.
                return _fields != null ? _fields[field] as string : StampParser.Field(_format, Value, field);
            }
        }

        public override string ToString() => Name + ": " + Value + " (" + Trust + ")";

        private static EopLogValues Values(List<KeyValuePair<string, string>> fields)
        {
            var values = new EopLogValues(fields.Count);
            foreach (KeyValuePair<string, string> field in fields) values[field.Key] = field.Value;
            return values;
        }
    }
}
