using System.Globalization;

namespace EopTools
{
    /// <summary>
    /// Something the module tells the admin without stopping (a line skipped, a cache file passed over, data that may be
    /// out of date): a stable <see cref="Id"/> that scripts and tests tell apart, the message, and where it is. Every
    /// reader and every piece of logic returns these; the cmdlets write them as warnings in one place
    /// (Commands/Warnings). A failure that stops a command is an <see cref="EopToolsException"/> instead.
    /// </summary>
    internal sealed class Diagnostic
    {
        /// <param name="source">The file, answer or setting it is about; with <paramref name="line"/>, it starts the text.</param>
        /// <param name="line">The 1-based line it is on; 0 when it is not about one line.</param>
        /// <param name="text">The offending value as written, when there is one.</param>
        public Diagnostic(string id, string message, string? source = null, int line = 0, string? text = null)
        {
            Id = id;
            Message = message;
            Source = source;
            Line = line;
            Text = text;
        }

        /// <summary>Stable, as an ErrorId is: the same problem keeps its id whatever the wording.</summary>
        public string Id { get; }

        public string Message { get; }

        public string? Source { get; }

        /// <summary>1-based line number; 0 when the diagnostic is not about one line.</summary>
        public int Line { get; }

        /// <summary>The offending text as written, when there is one.</summary>
        public string? Text { get; }

        /// <summary>The same diagnostic, with more said after its message (what the caller does about it).</summary>
        public Diagnostic Then(string more) => new Diagnostic(Id, Message + " " + more, Source, Line, Text);

        /// <summary>As the admin reads it: "source:line: message: 'text'" for a place in a file, else the message alone.</summary>
        public override string ToString()
        {
            if (Line <= 0) return Message;
            return Text == null
                ? string.Format(CultureInfo.InvariantCulture, "{0}:{1}: {2}", Source, Line, Message)
                : string.Format(CultureInfo.InvariantCulture, "{0}:{1}: {2}: '{3}'", Source, Line, Message, Text);
        }
    }
}
