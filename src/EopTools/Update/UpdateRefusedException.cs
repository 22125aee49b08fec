namespace EopTools.Update
{
    /// <summary>
    /// An update that would make the ranges worse, refused before anything was written: data older than the cache's
    /// (OlderRangeData), or data without an address family the cache has (AddressFamilyLost). -Force overrides it.
    /// </summary>
    internal sealed class UpdateRefusedException : EopToolsException
    {
        public UpdateRefusedException(string errorId, string message)
            : base(errorId, message, null)
        {
        }
    }
}
