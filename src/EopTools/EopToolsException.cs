using System;

namespace EopTools
{
    /// <summary>
    /// A failure of the module that scripts tell apart by <see cref="ErrorId"/>, which is stable; the cmdlets turn every
    /// one into an ErrorRecord the same way (Commands/ErrorRecords).
    /// </summary>
    public abstract class EopToolsException : Exception
    {
        protected EopToolsException(string errorId, string message, Exception? inner)
            : base(message, inner)
        {
            ErrorId = errorId;
        }

        public string ErrorId { get; }
    }
}
