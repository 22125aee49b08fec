namespace EopTools.Logs
{
    /// <summary>Where a reader hands what it found: the answered lines it keeps and the values that are not addresses.</summary>
    internal abstract class LogSink
    {
        public abstract void Answered(LogLine line);

        /// <summary>A line whose address field holds <paramref name="value"/>, which is not an address.</summary>
        public virtual void NotAnAddress(string value, long lineNumber)
        {
        }
    }
}
