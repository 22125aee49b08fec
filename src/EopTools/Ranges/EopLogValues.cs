using System;
using System.Collections;
using System.Collections.Specialized;
using System.Text;

namespace EopTools
{
    /// <summary>
    /// A log line's values by column name (case-insensitive, in column order); in a string (Export-Csv, "$x") each
    /// value as name=value, joined by <see cref="EopList{T}.Separator"/>.
    /// </summary>
    public sealed class EopLogValues : OrderedDictionary
    {
        internal EopLogValues(int capacity)
            : base(capacity, StringComparer.OrdinalIgnoreCase)
        {
        }

        public override string ToString()
        {
            var text = new StringBuilder();
            foreach (DictionaryEntry value in this)
            {
                if (text.Length > 0) text.Append(EopList<string>.Separator);
                text.Append(value.Key).Append('=').Append(value.Value);
            }
            return text.ToString();
        }
    }
}
