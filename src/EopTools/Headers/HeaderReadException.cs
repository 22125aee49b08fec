using System;

namespace EopTools.Headers
{
    /// <summary>A message file or text whose headers cannot be read. ErrorId is stable.</summary>
    internal sealed class HeaderReadException : EopToolsException
    {
        public HeaderReadException(string errorId, string message, Exception? inner = null)
            : base(errorId, message, inner)
        {
        }
    }
}
