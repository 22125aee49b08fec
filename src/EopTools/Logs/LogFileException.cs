using System;

namespace EopTools.Logs
{
    /// <summary>A log file that cannot be read, or not as a log (no header, no address field). ErrorId is stable.</summary>
    internal sealed class LogFileException : EopToolsException
    {
        private readonly Func<long, string>? _messageAt;

        public LogFileException(string errorId, string message, Exception? inner = null)
            : base(errorId, message, inner)
        {
        }

        /// <summary>An error on a line, whose message names it (a part of a file read on its own can be renumbered).</summary>
        public LogFileException(string errorId, long line, Func<long, string> messageAt)
            : base(errorId, messageAt(line), null)
        {
            Line = line;
            _messageAt = messageAt;
        }

        /// <summary>The line the error is on; 0 when it is not on a line.</summary>
        public long Line { get; }

        /// <summary>The same error with its line <paramref name="shift"/> further on (numbered as the file numbers it).</summary>
        public LogFileException Renumbered(long shift) => _messageAt == null || shift == 0 ? this : new LogFileException(ErrorId, Line + shift, _messageAt);
    }
}
