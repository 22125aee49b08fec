using System;

namespace EopTools.Parsing
{
    /// <summary>A range source that cannot be used at all; <see cref="EopToolsException.ErrorId"/> is stable for scripts.</summary>
    internal sealed class RangeDataException : EopToolsException
    {
        public RangeDataException(string errorId, string message, Exception? inner = null)
            : base(errorId, message, inner)
        {
        }
    }
}
