using System;

namespace EopTools.Logs
{
    /// <summary>A log file that cannot be read, or not as a log (no header, no address field). ErrorId is stable.</summary>
    internal sealed class LogFileException : EopToolsException
    {
        public LogFileException(string errorId, string message, Exception? inner = null)
            : base(errorId, message, inner)
        {
        }
    }
}
