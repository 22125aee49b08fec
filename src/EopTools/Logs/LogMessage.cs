namespace EopTools.Logs
{
    internal enum LogMessageKind
    {
        Verbose,
        Warning,
        Error,
    }

    /// <summary>A message about one file, delivered in order with the file's records (only the pipeline thread writes).</summary>
    internal sealed class LogMessage
    {
        public LogMessage(LogMessageKind kind, string text, string path)
        {
            Kind = kind;
            Text = text;
            Path = path;
        }

        public LogMessage(Diagnostic warning, string path)
            : this(LogMessageKind.Warning, warning.ToString(), path)
        {
            Warning = warning;
        }

        public LogMessage(LogFileException error, string path)
            : this(LogMessageKind.Error, error.Message, path)
        {
            Error = error;
        }

        public LogMessageKind Kind { get; }

        public string Text { get; }

        public string Path { get; }

        /// <summary>For warnings: the diagnostic, with its stable id.</summary>
        public Diagnostic? Warning { get; }

        /// <summary>For errors: the failure, with its stable id.</summary>
        public LogFileException? Error { get; }
    }
}
