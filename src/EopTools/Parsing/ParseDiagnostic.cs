using System.Globalization;

namespace EopTools.Parsing
{
    /// <summary>A problem in one place of a range file that was skipped, not guessed: where it is and what it says.</summary>
    public sealed class ParseDiagnostic
    {
        public ParseDiagnostic(string source, int line, string message, string? text)
        {
            Source = source;
            Line = line;
            Message = message;
            Text = text;
        }

        public string Source { get; }

        /// <summary>1-based line number.</summary>
        public int Line { get; }

        public string Message { get; }

        /// <summary>The offending text as written, when there is one.</summary>
        public string? Text { get; }

        public override string ToString() =>
            Text == null
                ? string.Format(CultureInfo.InvariantCulture, "{0}:{1}: {2}", Source, Line, Message)
                : string.Format(CultureInfo.InvariantCulture, "{0}:{1}: {2}: '{3}'", Source, Line, Message, Text);
    }
}
