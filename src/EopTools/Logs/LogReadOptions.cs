using System.Collections.Generic;

namespace EopTools.Logs
{
    /// <summary>Which side of the answer to keep.</summary>
    internal enum LogSide
    {
        Both,
        Eop,
        NotEop,
    }

    /// <summary>How to read the files: the address fields, columns for headerless files, and the side to keep.</summary>
    internal sealed class LogReadOptions
    {
        public LogReadOptions(IReadOnlyList<string>? fields, string[]? header, LogSide side)
        {
            Fields = fields;
            Header = header;
            Side = side;
        }

        /// <summary>The address fields to read, in order; null for the known names.</summary>
        public IReadOnlyList<string>? Fields { get; }

        /// <summary>The columns of a file (or its start) that has no header of its own; null to require one.</summary>
        public string[]? Header { get; }

        public LogSide Side { get; }
    }
}
